// Client construction: region, endpoint, retries, user agent. Each SDK package is loaded
// only when a selected mode needs it (`import()`), so an `ecs` step never evaluates the
// Lambda, SSM or ECR clients: start-up time is spent on what the step will use.

import type { CloudWatchClient } from '@aws-sdk/client-cloudwatch';
import type { CloudWatchLogsClient } from '@aws-sdk/client-cloudwatch-logs';
import type { CodeDeployClient } from '@aws-sdk/client-codedeploy';
import type { ECRClient } from '@aws-sdk/client-ecr';
import type { ECSClient } from '@aws-sdk/client-ecs';
import type { LambdaClient } from '@aws-sdk/client-lambda';
import type { SSMClient } from '@aws-sdk/client-ssm';

export interface Clients {
  ecs: ECSClient;
  lambda: LambdaClient;
  ssm: SSMClient;
  /** CloudWatch alarms watched during a Lambda traffic shift (loaded only when alarms are named). */
  cloudwatch: CloudWatchClient;
  /** ECR in the region an image's registry host names (defaults to the deploy region). */
  ecr(region: string): ECRClient;
  /** CloudWatch Logs in the region a container's `awslogs-region` names (one-off task logs). */
  logs(region: string): CloudWatchLogsClient;
  /**
   * Clients that make one attempt per call, for writes that are not idempotent
   * (RegisterTaskDefinition, PutParameter): when an answer is lost after AWS applied the
   * write, the SDK's own retry would apply it twice. The steps retry these themselves,
   * looking at what AWS holds before each new attempt.
   */
  once: { ecs: ECSClient; ssm: SSMClient };
  /**
   * CodeDeploy, loaded on first call: only a service whose deploymentController is
   * CODE_DEPLOY needs it, and which services those are is known only after DescribeServices.
   */
  codedeploy(): Promise<CodeDeployClient>;
}

export type AwsService = 'ecs' | 'ecr' | 'lambda' | 'ssm' | 'logs' | 'cloudwatch';

/** The AWS services each mode calls. */
export const SERVICES_OF_MODE: Readonly<Record<string, readonly AwsService[]>> = {
  image: ['ecr'],
  // CloudWatch Logs: the one-off task's lines in the job log (run-task-logs).
  'run-task': ['ecs', 'logs'],
  ecs: ['ecs'],
  lambda: ['lambda'],
  parameter: ['ssm'],
};

/** What every AWS call of the action says it comes from, unless told otherwise. */
const USER_AGENT = 'image-deploy/0.1.0';

export interface ClientOptions {
  region: string;
  /** AWS_ENDPOINT_URL, for emulators; real AWS when undefined. */
  endpoint?: string;
  userAgent?: string;
}

// Throttling and 5xx are retried by the SDK's standard mode; more attempts than its
// default 3 because matrix deploys of many environments share one account's rate limits.
const MAX_ATTEMPTS = 6;

/**
 * Loads the SDK packages of `services` and returns clients built on first use. Asking for
 * a client of a service that was not loaded is a bug in the caller, and says so.
 */
export async function createClients(options: ClientOptions, services: readonly AwsService[]): Promise<Clients> {
  const wants = (service: AwsService) => services.includes(service);
  const [ecsSdk, lambdaSdk, ssmSdk, ecrSdk, logsSdk, cloudwatchSdk] = await Promise.all([
    wants('ecs') ? import('@aws-sdk/client-ecs') : undefined,
    wants('lambda') ? import('@aws-sdk/client-lambda') : undefined,
    wants('ssm') ? import('@aws-sdk/client-ssm') : undefined,
    wants('ecr') ? import('@aws-sdk/client-ecr') : undefined,
    wants('logs') ? import('@aws-sdk/client-cloudwatch-logs') : undefined,
    wants('cloudwatch') ? import('@aws-sdk/client-cloudwatch') : undefined,
  ]);
  const common = (region: string, maxAttempts = MAX_ATTEMPTS) => ({
    region,
    maxAttempts,
    customUserAgent: options.userAgent ?? USER_AGENT,
    ...(options.endpoint ? { endpoint: options.endpoint } : {}),
  });
  const loaded = <T>(sdk: T | undefined, service: AwsService): T => {
    if (sdk === undefined)
      throw new Error(
        `The ${service} client was asked for, but no selected mode loads it (aws/clients.ts SERVICES_OF_MODE).`,
      );
    return sdk;
  };
  let ecs: ECSClient | undefined;
  let lambda: LambdaClient | undefined;
  let ssm: SSMClient | undefined;
  let cloudwatch: CloudWatchClient | undefined;
  let ecsOnce: ECSClient | undefined;
  let ssmOnce: SSMClient | undefined;
  const ecr = new Map<string, ECRClient>();
  const logs = new Map<string, CloudWatchLogsClient>();
  let codedeploy: Promise<CodeDeployClient> | undefined;
  return {
    get ecs() {
      return (ecs ??= new (loaded(ecsSdk, 'ecs').ECSClient)(common(options.region)));
    },
    get lambda() {
      return (lambda ??= new (loaded(lambdaSdk, 'lambda').LambdaClient)(common(options.region)));
    },
    get ssm() {
      return (ssm ??= new (loaded(ssmSdk, 'ssm').SSMClient)(common(options.region)));
    },
    get cloudwatch() {
      return (cloudwatch ??= new (loaded(cloudwatchSdk, 'cloudwatch').CloudWatchClient)(common(options.region)));
    },
    ecr(region) {
      let client = ecr.get(region);
      if (!client) ecr.set(region, (client = new (loaded(ecrSdk, 'ecr').ECRClient)(common(region))));
      return client;
    },
    logs(region) {
      let client = logs.get(region);
      if (!client) logs.set(region, (client = new (loaded(logsSdk, 'logs').CloudWatchLogsClient)(common(region))));
      return client;
    },
    codedeploy() {
      codedeploy ??= import('@aws-sdk/client-codedeploy').then(
        (sdk) => new sdk.CodeDeployClient(common(options.region)),
      );
      return codedeploy;
    },
    once: {
      get ecs() {
        return (ecsOnce ??= new (loaded(ecsSdk, 'ecs').ECSClient)(common(options.region, 1)));
      },
      get ssm() {
        return (ssmOnce ??= new (loaded(ssmSdk, 'ssm').SSMClient)(common(options.region, 1)));
      },
    },
  };
}

/** Every service the selected modes call. */
export function servicesOf(modes: readonly string[]): AwsService[] {
  return [...new Set(modes.flatMap((mode) => SERVICES_OF_MODE[mode] ?? []))];
}
