// Text an attacker who can write to the AWS account would plant, as scenario-proxy
// overlays: a service event, a parameter value and an AWS error message carrying line
// breaks followed by runner commands, a fence breaker, a table breaker, HTML and a
// heading. (Stop reasons, container reasons and Lambda reasons are planted through the
// task, rollout and Lambda overlays, which already take free text.)

import { jsonError } from './fault-scenarios.ts';
import type { ProxyCore } from './scenario-proxy-core.ts';
import { jsonResponse, parseJson } from './scenario-proxy-core.ts';

/** `tag` tells the planted places apart in the output. */
export function hostileText(tag: string): string {
  return [
    `benign ${tag}`,
    `::add-mask::mask-${tag}`,
    `::error title=forged-${tag}::forged annotation`,
    `  ::stop-commands::token-${tag}`,
    `##[warning]legacy-${tag}`,
    '``` </details> | forged cell | <img src=x onerror=alert(1)>',
    `## Forged heading ${tag}`,
  ].join('\n');
}

/** Every DescribeServices answer for `serviceName` carries one more event, newest, with `message`. */
export function hostileServiceEvent(proxy: ProxyCore, serviceName: string, message: string): void {
  proxy.overlay('ecs', 'DescribeServices', async (_req, next) => {
    const response = await next();
    const json = parseJson(response.body) as
      | { services?: Array<{ serviceName?: string; events?: unknown[] }> }
      | undefined;
    const service = json?.services?.find((s) => s.serviceName === serviceName);
    if (response.status !== 200 || json === undefined || service === undefined) return response;
    service.events = [
      { id: 'hostile-event', createdAt: Date.now() / 1000, message: `(service ${serviceName}) ${message}` },
      ...(service.events ?? []),
    ];
    return jsonResponse(response, json);
  });
}

/** GetParameter of `name` reports `value` as what the parameter holds now. */
export function hostileParameterValue(proxy: ProxyCore, name: string, value: string): void {
  proxy.overlay('ssm', 'GetParameter', async (_req, next) => {
    const response = await next();
    const json = parseJson(response.body) as { Parameter?: { Name?: string; Value?: string } } | undefined;
    if (response.status !== 200 || json?.Parameter?.Name !== name) return response;
    json.Parameter.Value = value;
    return jsonResponse(response, json);
  });
}

/** DescribeRepositories is refused with `message`, as an AccessDeniedException. */
export function hostileRepositoryError(proxy: ProxyCore, message: string): void {
  proxy.overlay('ecr', 'DescribeRepositories', async () => jsonError(400, 'AccessDeniedException', message));
}
