// ECS Express Mode services: the two calls the step makes on them. Both work on the JSON
// as AWS sends it, so members of the primary container newer than this SDK survive the
// round trip (the update sends the container back whole, see plan/express-update.ts).

import {
  DescribeExpressGatewayServiceCommand,
  type ECSClient,
  UpdateExpressGatewayServiceCommand,
  type UpdateExpressGatewayServiceCommandInput,
} from '@aws-sdk/client-ecs';
import { AwsCallError } from '../errors.ts';
import type { ExpressServiceDoc, ExpressUpdateRequest } from '../plan/express-update.ts';
import { isRecord } from '../plan/json.ts';
import { sendForRawJson, sendUnknownMembers } from './raw-json.ts';

/** DescribeExpressGatewayService: the Express service with its active configurations, as AWS sent it. */
export async function describeExpressGatewayService(ecs: ECSClient, serviceArn: string): Promise<ExpressServiceDoc> {
  const what = `DescribeExpressGatewayService for '${serviceArn}'`;
  const json = await sendForRawJson(ecs, new DescribeExpressGatewayServiceCommand({ serviceArn }), what);
  const service = isRecord(json) ? json.service : undefined;
  if (!isRecord(service)) throw new AwsCallError(what, 'the response had no service');
  return service;
}

/**
 * UpdateExpressGatewayService with exactly the members of `request` (those the SDK does
 * not model included); returns the `service` member of the answer (UpdatedExpressGatewayService).
 */
export async function updateExpressGatewayService(
  ecs: ECSClient,
  request: ExpressUpdateRequest,
): Promise<Record<string, unknown>> {
  const what = `UpdateExpressGatewayService for '${request.serviceArn}'`;
  const command = new UpdateExpressGatewayServiceCommand(request as unknown as UpdateExpressGatewayServiceCommandInput);
  sendUnknownMembers(command, request);
  const json = await sendForRawJson(ecs, command, what);
  const service = isRecord(json) ? json.service : undefined;
  return isRecord(service) ? service : {};
}
