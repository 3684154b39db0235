// Provisioned concurrency, which moto 5.2.1 does not have, as a scenario-proxy overlay.
// Shapes from the Lambda API reference, GetProvisionedConcurrencyConfig
// (https://docs.aws.amazon.com/lambda/latest/api/API_GetProvisionedConcurrencyConfig.html),
// checked against client-lambda's schema and botocore's lambda 2015-03-31 model: members
// RequestedProvisionedConcurrentExecutions, AvailableProvisionedConcurrentExecutions,
// AllocatedProvisionedConcurrentExecutions, Status (IN_PROGRESS | READY | FAILED),
// StatusReason, LastModified; 404 ProvisionedConcurrencyConfigNotFoundException when the
// qualifier has none. Like Lambda, every alias change starts provisioning the alias again.

import { lambdaError } from './lambda-scenarios.ts';
import type { ProxyCore, ProxyRequest } from './scenario-proxy-core.ts';
import { jsonResponse } from './scenario-proxy-core.ts';
import { lambdaFunctionName } from './scenario-proxy-routes.ts';

export interface ProvisionedScript {
  /** The function (bare name) and alias that have provisioned concurrency. */
  functionName: string;
  alias: string;
  requested: number;
  /** Reads after each alias change that still answer IN_PROGRESS (allocated rising) before the end. */
  inProgressReads: number;
  /** How provisioning ends after each change: READY, or FAILED with this StatusReason. */
  end: 'READY' | { failed: string };
}

/**
 * Answers GetProvisionedConcurrencyConfig for every function: the scripted aliases as
 * scripted, every other one 404 ProvisionedConcurrencyConfigNotFoundException.
 */
export function provisionedConcurrency(proxy: ProxyCore, scripts: readonly ProvisionedScript[]): void {
  const reads = new Map<string, number>();
  const key = (fn: string, alias: string) => `${fn}:${alias}`;
  proxy.overlay('lambda', 'UpdateAlias', async (req, next) => {
    const response = await next();
    const alias = aliasOfPath(req);
    // moto answers UpdateAlias with 201, Lambda with 200.
    if (response.status >= 200 && response.status < 300 && req.call.resource !== undefined && alias !== undefined)
      reads.set(key(req.call.resource, alias), 0);
    return response;
  });
  proxy.overlay('lambda', 'GetProvisionedConcurrencyConfig', async (req) => {
    const fn = req.call.resource ?? '';
    const qualifier = new URL(req.url, 'http://proxy.invalid').searchParams.get('Qualifier') ?? '';
    const script = scripts.find((s) => s.functionName === fn && s.alias === qualifier);
    if (script === undefined)
      return lambdaError(
        404,
        'ProvisionedConcurrencyConfigNotFoundException',
        'No Provisioned Concurrency Config found for this function',
      );
    const seen = (reads.get(key(fn, qualifier)) ?? script.inProgressReads) + 1;
    reads.set(key(fn, qualifier), seen);
    const base = {
      RequestedProvisionedConcurrentExecutions: script.requested,
      LastModified: new Date().toISOString().replace('Z', '+0000'),
    };
    if (seen <= script.inProgressReads) {
      const allocated = Math.floor((script.requested * seen) / (script.inProgressReads + 1));
      return ok({
        ...base,
        AvailableProvisionedConcurrentExecutions: allocated,
        AllocatedProvisionedConcurrentExecutions: allocated,
        Status: 'IN_PROGRESS',
      });
    }
    if (script.end === 'READY') {
      return ok({
        ...base,
        AvailableProvisionedConcurrentExecutions: script.requested,
        AllocatedProvisionedConcurrentExecutions: script.requested,
        Status: 'READY',
      });
    }
    return ok({
      ...base,
      AvailableProvisionedConcurrentExecutions: 0,
      AllocatedProvisionedConcurrentExecutions: 0,
      Status: 'FAILED',
      StatusReason: script.end.failed,
    });
  });
}

/** A lambda call to `/functions/{fn}/aliases/{alias}`: the alias's name. */
function aliasOfPath(req: ProxyRequest): string | undefined {
  const path = new URL(req.url, 'http://proxy.invalid').pathname;
  const match = /\/aliases\/([^/]+)\/?$/.exec(path);
  return match?.[1] === undefined ? undefined : lambdaFunctionName(match[1]);
}

function ok(body: Record<string, unknown>) {
  return jsonResponse({ status: 200, headers: { 'content-type': 'application/json' }, body: Buffer.alloc(0) }, body);
}
