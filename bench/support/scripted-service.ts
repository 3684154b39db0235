// A seeded ECS service whose rollouts the proxy plays, and the moment each rollout started
// (the proxy's UpdateService time, t0 of the script): benchmarks measure from t0 + T.

import type { EcsTestbed, SeededService } from '../../__tests__/support/ecs-fixtures.ts';
import { seedService } from '../../__tests__/support/ecs-fixtures.ts';
import type { RecordedCall, RolloutScript } from '../../__tests__/support/scenario-proxy.ts';

export interface ScriptedService {
  seeded: SeededService;
  cluster: string;
  /** Epoch ms of the UpdateService that started the latest scripted rollout; undefined before one was seen. */
  rolloutStartedAt(): number | undefined;
}

export interface ScriptedServiceOptions {
  cluster: string;
  service: string;
  script: RolloutScript;
  desiredCount?: number;
}

/** Seeds the service in moto (not through the proxy, so the call log stays the action's) and scripts it. */
export async function seedScriptedService(
  testbed: EcsTestbed,
  options: ScriptedServiceOptions,
): Promise<ScriptedService> {
  const seeded = await seedService({
    endpoint: testbed.moto.url,
    cluster: options.cluster,
    service: options.service,
    desiredCount: options.desiredCount ?? 2,
  });
  let startedAt: number | undefined;
  // The proxy hands every script call the rollout's context; its startedAt is t0 exactly.
  testbed.proxy.scriptRollout(options.service, (elapsed, ctx) => {
    startedAt = ctx.startedAt;
    return options.script(elapsed, ctx);
  });
  return { seeded, cluster: options.cluster, rolloutStartedAt: () => startedAt };
}

/** The calls that name this cluster (every ECS call of a service deploy except the task-definition ones). */
export function callsInCluster(calls: readonly RecordedCall[], cluster: string): RecordedCall[] {
  return calls.filter((call) => {
    const body = call.body as { cluster?: unknown } | undefined;
    return (
      typeof body?.cluster === 'string' && (body.cluster === cluster || body.cluster.endsWith(`:cluster/${cluster}`))
    );
  });
}

/** `service:operation` ('ecs:DescribeServices'): operation names alone repeat across services. */
export function operationKey(call: RecordedCall): string {
  return `${call.service}:${call.operation}`;
}

/** Count per operation key, in the order the keys first appear. */
export function countByOperation(calls: readonly RecordedCall[]): Map<string, number> {
  const counts = new Map<string, number>();
  for (const call of calls) counts.set(operationKey(call), (counts.get(operationKey(call)) ?? 0) + 1);
  return counts;
}
