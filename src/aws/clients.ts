import { ECSClient } from '@aws-sdk/client-ecs';

export interface Clients {
  ecs: ECSClient;
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

export function createClients(options: ClientOptions): Clients {
  const common = {
    region: options.region,
    maxAttempts: MAX_ATTEMPTS,
    customUserAgent: options.userAgent,
    ...(options.endpoint ? { endpoint: options.endpoint } : {}),
  };
  return { ecs: new ECSClient(common) };
}
