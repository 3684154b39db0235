import { ECRClient } from '@aws-sdk/client-ecr';
import { ECSClient } from '@aws-sdk/client-ecs';
import { LambdaClient } from '@aws-sdk/client-lambda';
import { SSMClient } from '@aws-sdk/client-ssm';

export interface Clients {
  ecs: ECSClient;
  lambda: LambdaClient;
  ssm: SSMClient;
  /** ECR in the region an image's registry host names (defaults to the deploy region). */
  ecr(region: string): ECRClient;
  /**
   * Clients that make one attempt per call, for writes that are not idempotent
   * (RegisterTaskDefinition, PutParameter): when an answer is lost after AWS applied the
   * write, the SDK's own retry would apply it twice. The steps retry these themselves,
   * looking at what AWS holds before each new attempt.
   */
  once: { ecs: ECSClient; ssm: SSMClient };
}

export interface ClientOptions {
  region: string;
  /** AWS_ENDPOINT_URL, for emulators; real AWS when undefined. */
  endpoint?: string;
  userAgent: string;
}

// Throttling and 5xx are retried by the SDK's standard mode; more attempts than its
// default 3 because matrix deploys of many environments share one account's rate limits.
const MAX_ATTEMPTS = 6;

// Clients are built lazily: a step that deploys one ECS service should not pay for
// constructing three clients it never calls.
export function createClients(options: ClientOptions): Clients {
  const common = (region: string, maxAttempts = MAX_ATTEMPTS) => ({
    region,
    maxAttempts,
    customUserAgent: options.userAgent,
    ...(options.endpoint ? { endpoint: options.endpoint } : {}),
  });
  let ecs: ECSClient | undefined;
  let lambda: LambdaClient | undefined;
  let ssm: SSMClient | undefined;
  let ecsOnce: ECSClient | undefined;
  let ssmOnce: SSMClient | undefined;
  const ecr = new Map<string, ECRClient>();
  return {
    get ecs() {
      return (ecs ??= new ECSClient(common(options.region)));
    },
    get lambda() {
      return (lambda ??= new LambdaClient(common(options.region)));
    },
    get ssm() {
      return (ssm ??= new SSMClient(common(options.region)));
    },
    ecr(region) {
      let client = ecr.get(region);
      if (!client) ecr.set(region, (client = new ECRClient(common(region))));
      return client;
    },
    once: {
      get ecs() {
        return (ecsOnce ??= new ECSClient(common(options.region, 1)));
      },
      get ssm() {
        return (ssmOnce ??= new SSMClient(common(options.region, 1)));
      },
    },
  };
}
