// Seeding for Lambda traffic shifts (e2e and bench): functions on version 1 behind alias
// `live`, a new image to deploy, and CloudWatch alarms set to a state in moto.

import { CloudWatchClient, PutMetricAlarmCommand, SetAlarmStateCommand } from '@aws-sdk/client-cloudwatch';
import {
  type AliasConfiguration,
  CreateAliasCommand,
  GetAliasCommand,
  PublishVersionCommand,
} from '@aws-sdk/client-lambda';
import type { PushedImage } from './aws-fixtures.ts';
import { createImageFunction, createRepository, lambdaClient, pushImage } from './aws-fixtures.ts';
import { provisionedConcurrency } from './lambda-traffic-scenarios.ts';
import type { ProxyCore, RecordedCall } from './scenario-proxy-core.ts';

export interface TrafficWorld {
  functions: string[];
  v2: PushedImage;
}

/** Functions running v1 as version 1 behind alias `live`, and v2 pushed to deploy. */
export async function seedAliasedFunctions(
  target: { endpoint: string; proxy: ProxyCore },
  key: string,
  functions: string[],
): Promise<TrafficWorld> {
  const { endpoint } = target;
  // No alias has provisioned concurrency unless a caller scripts one (moto has no such API).
  provisionedConcurrency(target.proxy, []);
  const repo = await createRepository(endpoint, `traffic-${key}`);
  const v1 = await pushImage(endpoint, repo, 'v1');
  const v2 = await pushImage(endpoint, repo, 'v2');
  for (const name of functions) {
    await createImageFunction(endpoint, { name, imageUri: v1.pinned });
    await aliasVersionOne(endpoint, name);
  }
  return { functions, v2 };
}

/** Creates the metric alarm if needed and sets its state (SetAlarmState, as moto keeps it). */
export async function setAlarm(
  endpoint: string,
  name: string,
  state: 'OK' | 'ALARM',
  reason = 'Threshold Crossed: 1 datapoint [12.0] was greater than the threshold (5.0)',
): Promise<void> {
  const cloudwatch = new CloudWatchClient({
    region: 'us-east-1',
    endpoint,
    credentials: { accessKeyId: 'testing', secretAccessKey: 'testing' },
  });
  try {
    await cloudwatch.send(
      new PutMetricAlarmCommand({
        AlarmName: name,
        MetricName: 'Errors',
        Namespace: 'AWS/Lambda',
        Statistic: 'Sum',
        Period: 60,
        EvaluationPeriods: 1,
        Threshold: 5,
        ComparisonOperator: 'GreaterThanThreshold',
      }),
    );
    await cloudwatch.send(new SetAlarmStateCommand({ AlarmName: name, StateValue: state, StateReason: reason }));
  } finally {
    cloudwatch.destroy();
  }
}

/** Publishes the function's code as version 1 and points alias `live` at it. */
export async function aliasVersionOne(endpoint: string, name: string): Promise<void> {
  const lambda = lambdaClient(endpoint);
  try {
    const version = await lambda.send(new PublishVersionCommand({ FunctionName: name }));
    await lambda.send(
      new CreateAliasCommand({ FunctionName: name, Name: 'live', FunctionVersion: version.Version ?? '1' }),
    );
  } finally {
    lambda.destroy();
  }
}

export async function liveAlias(endpoint: string, name: string): Promise<AliasConfiguration> {
  const lambda = lambdaClient(endpoint);
  try {
    return await lambda.send(new GetAliasCommand({ FunctionName: name, Name: 'live' }));
  } finally {
    lambda.destroy();
  }
}

export interface AliasMove {
  version: unknown;
  weights: unknown;
}

/** Each UpdateAlias sent for `fn`: the version and the new version's share. */
export function aliasMovesOf(calls: readonly RecordedCall[], fn: string): AliasMove[] {
  return calls
    .filter((c) => c.operation === 'UpdateAlias' && c.resource === fn)
    .map((c) => {
      const body = c.body as {
        FunctionVersion?: string;
        RoutingConfig?: { AdditionalVersionWeights?: Record<string, number> };
      };
      return { version: body.FunctionVersion, weights: body.RoutingConfig?.AdditionalVersionWeights };
    });
}

/** On version 1 with no routing: where the seeded alias was before the deploy. */
export const isOnOne = (alias: AliasConfiguration): boolean =>
  alias.FunctionVersion === '1' && Object.keys(alias.RoutingConfig?.AdditionalVersionWeights ?? {}).length === 0;
