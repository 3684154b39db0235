// Rate limits moto does not enforce, as scenario-proxy overlays. ECS documents
// RegisterTaskDefinition at a burst of 20 then 1 per second (per account and region); SSM
// Parameter Store takes about 3 PutParameter per second on standard throughput and answers
// TooManyUpdates to a write while another write to the same name is in progress. Both
// answer in the JSON 1.1 error shape, so the SDK classifies them as it would from AWS.

import { jsonError } from './fault-scenarios.ts';
import type { ProxyCore } from './scenario-proxy-core.ts';

/** Live counters of one overlay: read them after the run. */
export interface ThrottleCounts {
  /** Requests let through to moto (and answered by it). */
  passed: number;
  /** Requests answered ThrottlingException. */
  throttled: number;
  /** Requests answered TooManyUpdates (SSM only). */
  tooManyUpdates: number;
}

export interface TokenBucketOptions {
  /** Tokens available at once (and the most that can pile up). */
  burst: number;
  /** Tokens added per second. */
  perSecond: number;
  now?: () => number;
}

export interface TokenBucket {
  /** Takes a token when one is there; false means "throttle this request". */
  take(): boolean;
}

/** The classic limiter AWS documents for its APIs: starts full, refills continuously. */
export function tokenBucket(options: TokenBucketOptions): TokenBucket {
  const now = options.now ?? Date.now;
  let tokens = options.burst;
  let last = now();
  return {
    take() {
      const at = now();
      tokens = Math.min(options.burst, tokens + ((at - last) / 1000) * options.perSecond);
      last = at;
      if (tokens < 1) return false;
      tokens -= 1;
      return true;
    },
  };
}

export const ECS_REGISTER_BURST = 20;
export const ECS_REGISTER_PER_SECOND = 1;
export const SSM_PUT_PER_SECOND = 3;
export const THROTTLED_MESSAGE = 'Rate exceeded';

/**
 * RegisterTaskDefinition (any family) is limited by one bucket for the whole proxy, as ECS
 * limits it per account and region: `burst` (default 20) at once, then `perSecond`
 * (default 1). Beyond that: 400 ThrottlingException, without reaching moto.
 */
export function throttleRegisterTaskDefinition(
  proxy: ProxyCore,
  options: Partial<TokenBucketOptions> = {},
): ThrottleCounts {
  const counts: ThrottleCounts = { passed: 0, throttled: 0, tooManyUpdates: 0 };
  const bucket = tokenBucket({
    burst: options.burst ?? ECS_REGISTER_BURST,
    perSecond: options.perSecond ?? ECS_REGISTER_PER_SECOND,
    ...(options.now === undefined ? {} : { now: options.now }),
  });
  proxy.overlay('ecs', 'RegisterTaskDefinition', async (_req, next) => {
    if (!bucket.take()) {
      counts.throttled += 1;
      return jsonError(400, 'ThrottlingException', THROTTLED_MESSAGE);
    }
    counts.passed += 1;
    return next();
  });
  return counts;
}

export interface PutParameterThrottleOptions extends Partial<TokenBucketOptions> {
  /**
   * How long SSM takes to apply a write (held before moto answers); another write to the
   * same name that arrives meanwhile gets TooManyUpdates. Default 50 ms.
   */
  writeMs?: number;
}

export const TOO_MANY_UPDATES_MESSAGE =
  'There are concurrent updates for a resource that supports one update at a time.';

/**
 * PutParameter (any name) limited to `perSecond` (default 3, burst the same) for the whole
 * proxy -> ThrottlingException; a write to a name while another write to it is being
 * applied -> TooManyUpdates. Neither reaches moto.
 */
export function throttlePutParameter(proxy: ProxyCore, options: PutParameterThrottleOptions = {}): ThrottleCounts {
  const counts: ThrottleCounts = { passed: 0, throttled: 0, tooManyUpdates: 0 };
  const perSecond = options.perSecond ?? SSM_PUT_PER_SECOND;
  const bucket = tokenBucket({
    burst: options.burst ?? perSecond,
    perSecond,
    ...(options.now === undefined ? {} : { now: options.now }),
  });
  const writeMs = options.writeMs ?? 50;
  const writing = new Set<string>();
  proxy.overlay('ssm', 'PutParameter', async (req, next) => {
    if (!bucket.take()) {
      counts.throttled += 1;
      return jsonError(400, 'ThrottlingException', THROTTLED_MESSAGE);
    }
    const body = req.call.body as { Name?: unknown } | undefined;
    const name = typeof body?.Name === 'string' ? body.Name : '';
    if (writing.has(name)) {
      counts.tooManyUpdates += 1;
      return jsonError(400, 'TooManyUpdates', TOO_MANY_UPDATES_MESSAGE);
    }
    writing.add(name);
    try {
      if (writeMs > 0) await new Promise((resolve) => setTimeout(resolve, writeMs));
      counts.passed += 1;
      return await next();
    } finally {
      writing.delete(name);
    }
  });
  return counts;
}
