import { CloudWatchClient } from '@aws-sdk/client-cloudwatch';
import { CloudWatchLogsClient } from '@aws-sdk/client-cloudwatch-logs';
import { CodeDeployClient } from '@aws-sdk/client-codedeploy';
import { ECRClient } from '@aws-sdk/client-ecr';
import { ECSClient } from '@aws-sdk/client-ecs';
import { LambdaClient } from '@aws-sdk/client-lambda';
import { SSMClient } from '@aws-sdk/client-ssm';
import type { Clients } from '../../src/aws/clients.ts';

/**
 * Clients for step tests: pass the ones the test mocks (aws-sdk-client-mock or a fake
 * request handler); the rest are real clients that are never called. `ecrRegions` and
 * `logsRegions` record which regions ECR and CloudWatch Logs were asked for.
 */
export function fakeClients(
  given: {
    ecs?: ECSClient;
    lambda?: LambdaClient;
    ssm?: SSMClient;
    ecr?: ECRClient;
    logs?: CloudWatchLogsClient;
    cloudwatch?: CloudWatchClient;
    codedeploy?: CodeDeployClient;
  } = {},
): Clients & {
  ecrRegions: string[];
  logsRegions: string[];
} {
  const ecrRegions: string[] = [];
  const logsRegions: string[] = [];
  const logs = given.logs ?? new CloudWatchLogsClient({ region: 'us-east-1' });
  const ecr = given.ecr ?? new ECRClient({ region: 'us-east-1' });
  const ecs = given.ecs ?? new ECSClient({ region: 'us-east-1' });
  const ssm = given.ssm ?? new SSMClient({ region: 'us-east-1' });
  return {
    ecs,
    lambda: given.lambda ?? new LambdaClient({ region: 'us-east-1' }),
    ssm,
    cloudwatch: given.cloudwatch ?? new CloudWatchClient({ region: 'us-east-1' }),
    // The same mocked instances: tests see single-attempt writes like any other call.
    once: { ecs, ssm },
    ecr(region) {
      ecrRegions.push(region);
      return ecr;
    },
    ecrRegions,
    logs(region) {
      logsRegions.push(region);
      return logs;
    },
    logsRegions,
    codedeploy: () => Promise.resolve(given.codedeploy ?? new CodeDeployClient({ region: 'us-east-1' })),
  };
}
