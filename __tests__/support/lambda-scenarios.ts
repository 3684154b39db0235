// Lambda behaviour moto does not have, as scenario-proxy overlays. moto applies every
// UpdateFunctionCode at once and reports LastUpdateStatus 'Successful'; real Lambda takes
// ~25 s, may end 'Failed' (image cannot be pulled, wrong architecture...), and answers 409
// ResourceConflictException to an update while one is in progress.

import { randomUUID } from 'node:crypto';
import type { IncomingHttpHeaders } from 'node:http';
import { TEST_ACCOUNT } from './ecs-fixtures.ts';
import type { Overlay, ProxyCore, ProxyRequest, ProxyResponse } from './scenario-proxy-core.ts';
import { jsonResponse, parseJson } from './scenario-proxy-core.ts';
import { lambdaFunctionName } from './scenario-proxy-routes.ts';

export interface LambdaUpdateFailure {
  /** LastUpdateStatusReason, e.g. 'ImageLayerFailure: ...'. */
  reason: string;
  /** LastUpdateStatusReasonCode, e.g. 'InvalidImage' or 'ImageAccessDenied'. */
  reasonCode: string;
  /** Reads (GetFunction / GetFunctionConfiguration) that still see 'InProgress' first. */
  inProgressReads?: number;
}

type Configuration = Record<string, unknown>;

/**
 * Every UpdateFunctionCode of this function is accepted (moto stores it) and answers
 * 'InProgress'; the next `inProgressReads` (default 1) reads of $LATEST say 'InProgress',
 * every read after that says 'Failed' with the reason and code, until the next update.
 */
export function lambdaUpdateFails(proxy: ProxyCore, functionName: string, failure: LambdaUpdateFailure): void {
  const name = lambdaFunctionName(functionName);
  const inProgressReads = failure.inProgressReads ?? 1;
  let readsSinceUpdate: number | undefined; // undefined until this function is updated

  const failed = (config: Configuration): Configuration => ({
    ...config,
    LastUpdateStatus: 'Failed',
    LastUpdateStatusReason: failure.reason,
    LastUpdateStatusReasonCode: failure.reasonCode,
  });

  proxy.overlay('lambda', 'UpdateFunctionCode', async (req, next) => {
    if (req.call.resource !== name) return next();
    const response = await next();
    if (response.status !== 200) return response;
    readsSinceUpdate = 0;
    return rewriteConfiguration(response, 'top', inProgress);
  });

  const onRead =
    (where: 'top' | 'Configuration'): Overlay =>
    async (req, next) => {
      const response = await next();
      if (req.call.resource !== name || readsSinceUpdate === undefined || !readsLatest(req) || response.status !== 200)
        return response;
      readsSinceUpdate += 1;
      return rewriteConfiguration(response, where, readsSinceUpdate <= inProgressReads ? inProgress : failed);
    };
  proxy.overlay('lambda', 'GetFunctionConfiguration', onRead('top'));
  proxy.overlay('lambda', 'GetFunction', onRead('Configuration'));
}

export const RESOURCE_CONFLICT = 'ResourceConflictException';

/**
 * The first `times` (default 1) calls of `operation` (default UpdateFunctionCode) for this
 * function answer 409 ResourceConflictException, as Lambda does while an update is in
 * progress, without reaching moto; later calls pass through.
 */
export function lambdaConflict(
  proxy: ProxyCore,
  functionName: string,
  options: { times?: number; operation?: string } = {},
): void {
  const name = lambdaFunctionName(functionName);
  let left = options.times ?? 1;
  proxy.overlay('lambda', options.operation ?? 'UpdateFunctionCode', async (req, next) => {
    if (req.call.resource !== name || left <= 0) return next();
    left -= 1;
    const arn = `arn:aws:lambda:${regionOf(req.headers)}:${TEST_ACCOUNT}:function:${name}`;
    return lambdaError(
      409,
      RESOURCE_CONFLICT,
      `The operation cannot be performed at this time. An update is in progress for resource: ${arn}`,
    );
  });
}

/** The first UpdateFunctionCode of this function answers 409 ResourceConflictException. */
export function lambdaConflictOnce(proxy: ProxyCore, functionName: string): void {
  lambdaConflict(proxy, functionName, { times: 1 });
}

/**
 * An error as Lambda sends it (REST-JSON): the SDK takes the error name from
 * `x-amzn-errortype`, the message from the body's `message`.
 */
export function lambdaError(status: number, errorType: string, message: string): ProxyResponse {
  const body = Buffer.from(JSON.stringify({ Type: 'User', message }));
  return {
    status,
    headers: {
      'content-type': 'application/json',
      'content-length': String(body.length),
      'x-amzn-errortype': errorType,
      'x-amzn-requestid': randomUUID(),
    },
    body,
  };
}

function inProgress(config: Configuration): Configuration {
  const { LastUpdateStatusReason, LastUpdateStatusReasonCode, ...rest } = config;
  void LastUpdateStatusReason;
  void LastUpdateStatusReasonCode;
  return { ...rest, LastUpdateStatus: 'InProgress' };
}

/** GetFunction nests the configuration under `Configuration`; the others return it at the top. */
function rewriteConfiguration(
  response: ProxyResponse,
  where: 'top' | 'Configuration',
  patch: (config: Configuration) => Configuration,
): ProxyResponse {
  const json = parseJson(response.body);
  if (json === null || typeof json !== 'object') return response;
  const record = json as Record<string, unknown>;
  if (where === 'top') return jsonResponse(response, patch(record));
  const nested = record.Configuration;
  if (nested === null || typeof nested !== 'object') return response;
  return jsonResponse(response, { ...record, Configuration: patch(nested as Configuration) });
}

/** Published versions are immutable; only $LATEST (no qualifier) is being updated. */
function readsLatest(req: ProxyRequest): boolean {
  const qualifier = new URL(req.url, 'http://proxy.invalid').searchParams.get('Qualifier');
  return qualifier === null || qualifier === '$LATEST';
}

function regionOf(headers: IncomingHttpHeaders): string {
  const authorization = Array.isArray(headers.authorization) ? headers.authorization[0] : headers.authorization;
  return /Credential=[^/]*\/[^/]*\/([^/]+)\//.exec(authorization ?? '')?.[1] ?? 'us-east-1';
}

/**
 * Every update of this function stays 'InProgress' for good (an image optimisation that
 * never ends): a step waiting for it waits until its timeout, or until it is cancelled.
 */
export function lambdaUpdateStaysInProgress(proxy: ProxyCore, functionName: string): void {
  // Reads after an update say 'InProgress' up to `inProgressReads`: never 'Failed', then.
  lambdaUpdateFails(proxy, functionName, {
    reason: 'not reached',
    reasonCode: 'not reached',
    inProgressReads: Number.POSITIVE_INFINITY,
  });
}
