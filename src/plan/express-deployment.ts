// Which deployment of an Express service is ours: ECS Express Mode starts it inside
// UpdateExpressGatewayService, whose answer names no deployment id. Pure.

import type { Deployment, Service } from '@aws-sdk/client-ecs';
import { taskDefinitionLabel } from './aws-names.ts';
import { primaryDeployment } from './ecs-rollout.ts';

/**
 * The deployment our UpdateExpressGatewayService started, once DescribeServices shows it:
 * the PRIMARY one of the revision Express registered (`targetArn`, from the answer's
 * targetConfiguration), or, when Express did not say which, a PRIMARY one created at or
 * after the update. Undefined while the service still shows the deployment before ours.
 */
export function expressDeployment(
  service: Service,
  targetArn: string | undefined,
  updatedAtMs: number,
): (Deployment & { id: string }) | undefined {
  const primary = primaryDeployment(service);
  if (primary?.id === undefined) return undefined;
  const ours =
    targetArn !== undefined
      ? taskDefinitionLabel(primary.taskDefinition) === taskDefinitionLabel(targetArn)
      : primary.createdAt !== undefined && primary.createdAt.getTime() >= updatedAtMs - 1000;
  return ours ? { ...primary, id: primary.id } : undefined;
}
