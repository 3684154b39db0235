// Faults AWS shows and moto never does, as scenario-proxy overlays: throttling, 5xx,
// dropped connections and slow answers on any call, and the "try again later" errors the
// SDK does not retry (ECS concurrent registrations, SSM TooManyUpdates; Lambda's
// ResourceConflictException is in lambda-scenarios.ts). Each error is sent in the shape
// its service uses (JSON 1.1 `__type` for ECS, ECR and SSM; REST `x-amzn-errortype` for
// Lambda), so the SDK classifies it as it would classify AWS's.
//
// A fault is injected BEFORE forwarding unless asked otherwise: the request never reaches
// moto, so a retried write cannot apply twice. `when: 'after'` lets moto apply the request
// and then loses the answer, the case where a retry of a write can apply it again.

import { randomUUID } from 'node:crypto';
import { lambdaError } from './lambda-scenarios.ts';
import type { ProxyCore, ProxyRequest, ProxyResponse, RecordedCall } from './scenario-proxy-core.ts';
import { resetConnection } from './scenario-proxy-core.ts';

export type FaultKind = 'throttle' | 'http500' | 'http503' | 'reset' | 'slow';

export interface FaultBurstOptions {
  kind: FaultKind;
  /** Attempts in a row that get the fault, at the start of every cycle of one operation. */
  burst: number;
  /** Attempts let through after each burst (default 1): a cycle is `burst + pass` attempts. */
  pass?: number;
  /** Which calls: the signing name ('ecs', 'lambda'...) or '*' (default). */
  service?: string;
  /** An operation name or '*' (default). */
  operation?: string;
  /** 'before' (default): moto never sees a faulted attempt. 'after': moto applies it, the answer is lost. */
  when?: 'before' | 'after';
  /** How long a 'slow' answer takes (default 1500 ms); it is then forwarded as usual. */
  delayMs?: number;
}

/** Live per-`service:operation` counters of one fault overlay; read them after the run. */
export interface FaultCounts {
  /** Attempts that got the fault. */
  readonly faulted: Map<string, number>;
  /** Attempts let through untouched. */
  readonly passed: Map<string, number>;
  /** Stop injecting (later attempts pass). */
  stop(): void;
}

export const THROTTLE_MESSAGE = 'Rate exceeded';
export const SLOW_DEFAULT_MS = 1500;

/**
 * Bursts of one fault on every call matching service/operation (by default every call of
 * every service), counted per `service:operation`: the first `burst` attempts fail, the
 * next `pass` go through, and so on. With `pass: 1` every call the action makes needs
 * exactly `burst` retries. Faulted calls are marked in the proxy's log (`call.fault`).
 */
export function faultBursts(proxy: ProxyCore, options: FaultBurstOptions): FaultCounts {
  const pass = options.pass ?? 1;
  const when = options.kind === 'slow' || options.kind === 'throttle' ? 'before' : (options.when ?? 'before');
  const seen = new Map<string, number>();
  const faulted = new Map<string, number>();
  const passed = new Map<string, number>();
  let stopped = false;
  const bump = (map: Map<string, number>, key: string): void => void map.set(key, (map.get(key) ?? 0) + 1);

  proxy.overlay(options.service ?? '*', options.operation ?? '*', async (req, next) => {
    const key = keyOf(req.call);
    const index = seen.get(key) ?? 0;
    seen.set(key, index + 1);
    if (stopped || index % (options.burst + pass) >= options.burst) {
      bump(passed, key);
      return next();
    }
    bump(faulted, key);
    // 'slow' still reaches moto; 'after' faults reach it before the answer is lost.
    req.call.fault = { kind: options.kind, reachedMoto: options.kind === 'slow' || when === 'after' };
    if (options.kind === 'slow') {
      await sleep(options.delayMs ?? SLOW_DEFAULT_MS);
      return next();
    }
    if (when === 'after') await next();
    return faultResponse(options.kind, req);
  });
  return { faulted, passed, stop: () => void (stopped = true) };
}

/** `service:operation`, as the counters and the tests key calls. */
export function keyOf(call: RecordedCall): string {
  return `${call.service}:${call.operation}`;
}

/** The answer (or non-answer) a fault gives, in the shape the request's service uses. */
export function faultResponse(kind: Exclude<FaultKind, 'slow'>, req: ProxyRequest): ProxyResponse {
  const rest = req.call.service === 'lambda';
  switch (kind) {
    case 'reset':
      return resetConnection();
    case 'throttle':
      // Lambda throttles with 429 TooManyRequestsException; the JSON services with 400 ThrottlingException.
      return rest
        ? lambdaError(429, 'TooManyRequestsException', THROTTLE_MESSAGE)
        : jsonError(400, 'ThrottlingException', THROTTLE_MESSAGE);
    case 'http500':
      return rest
        ? lambdaError(500, 'ServiceException', 'An internal error occurred.')
        : jsonError(500, 'InternalFailure', 'An internal error occurred.');
    case 'http503':
      return rest
        ? lambdaError(503, 'ServiceException', 'Service unavailable.')
        : jsonError(503, 'ServiceUnavailable', 'Service unavailable.');
  }
}

export const CONCURRENT_REGISTRATION_MESSAGE =
  'Too many concurrent attempts to create a new revision of the specified family.';

/**
 * The first `times` RegisterTaskDefinition calls (of `family`, or any) answer ClientException
 * "Too many concurrent attempts...", as ECS does while another registration into the family
 * is in flight; they never reach moto. `times: Infinity` for a family that stays busy.
 */
export function ecsConcurrentRegistrations(proxy: ProxyCore, options: { times: number; family?: string }): FaultCounts {
  return refuse(proxy, 'ecs', 'RegisterTaskDefinition', {
    times: options.times,
    applies: (body) => options.family === undefined || body.family === options.family,
    answer: () => jsonError(400, 'ClientException', CONCURRENT_REGISTRATION_MESSAGE),
  });
}

export const TOO_MANY_UPDATES_MESSAGE =
  'There are concurrent updates for a resource that supports one update at a time.';

/** The first `times` PutParameter calls (of `name`, or any) answer TooManyUpdates, without reaching moto. */
export function ssmTooManyUpdates(proxy: ProxyCore, options: { times: number; name?: string }): FaultCounts {
  return refuse(proxy, 'ssm', 'PutParameter', {
    times: options.times,
    applies: (body) => options.name === undefined || body.Name === options.name,
    answer: () => jsonError(400, 'TooManyUpdates', TOO_MANY_UPDATES_MESSAGE),
  });
}

function refuse(
  proxy: ProxyCore,
  service: string,
  operation: string,
  options: { times: number; applies: (body: Record<string, unknown>) => boolean; answer: () => ProxyResponse },
): FaultCounts {
  const faulted = new Map<string, number>();
  const passed = new Map<string, number>();
  let left = options.times;
  proxy.overlay(service, operation, async (req, next) => {
    const key = keyOf(req.call);
    const body =
      req.call.body !== null && typeof req.call.body === 'object' ? (req.call.body as Record<string, unknown>) : {};
    if (left <= 0 || !options.applies(body)) {
      passed.set(key, (passed.get(key) ?? 0) + 1);
      return next();
    }
    left -= 1;
    faulted.set(key, (faulted.get(key) ?? 0) + 1);
    req.call.fault = { kind: operation, reachedMoto: false };
    return options.answer();
  });
  return { faulted, passed, stop: () => void (left = 0) };
}

/** An error as a JSON 1.1 service (ECS, ECR, SSM) sends it: the name in `__type`, the text in `message`. */
export function jsonError(status: number, type: string, message: string): ProxyResponse {
  const body = Buffer.from(JSON.stringify({ __type: type, message }));
  return {
    status,
    headers: {
      'content-type': 'application/x-amz-json-1.1',
      'content-length': String(body.length),
      'x-amzn-requestid': randomUUID(),
    },
    body,
  };
}

function sleep(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms));
}
