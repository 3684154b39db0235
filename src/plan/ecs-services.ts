// Several services in one step: the limits, which renderings are the same registration,
// when each registration may go, and the one verdict of them all. Pure.

import { sameTags } from './ecs-deploy.ts';
import { sameTaskDefinition } from './task-definition-compare.ts';
import type { Tag, TaskDefinitionDoc } from './task-definition-types.ts';
import { failed, isFailure, type Verdict } from './verdict.ts';

/** Services one step deploys at most (each costs a follower, a record poll and maybe a registration). */
export const MAX_SERVICES = 50;

/** DescribeServices takes at most this many services per call. */
export const DESCRIBE_SERVICES_LIMIT = 10;

/** ECS's RegisterTaskDefinition rate: a burst of about 20, then about 1 per second. */
export const REGISTRATION_RATE = { burst: 20, perSecondMs: 1000 } as const;

/** A service's name whether given as a name or an ARN (`arn:…:service/cluster/name`). */
export function serviceKey(nameOrArn: string): string {
  return nameOrArn.slice(nameOrArn.lastIndexOf('/') + 1);
}

/** `items` in consecutive groups of at most `size`. */
export function batchesOf<T>(items: readonly T[], size: number): T[][] {
  const batches: T[][] = [];
  for (let at = 0; at < items.length; at += size) batches.push(items.slice(at, at + size));
  return batches;
}

/** How long the `index`-th registration of the step waits before it is sent, to stay within ECS's rate. */
export function registrationDelayMs(
  index: number,
  rate: { burst: number; perSecondMs: number } = REGISTRATION_RATE,
): number {
  return index < rate.burst ? 0 : (index - rate.burst + 1) * rate.perSecondMs;
}

export interface Rendering {
  rendered: TaskDefinitionDoc;
  tags: Tag[];
}

/**
 * For each rendering (undefined: needs no registration), the index of the first one that
 * is exactly the same definition with the same tags: services sharing a family and
 * rendering to the same definition register it once.
 */
export function sharedRegistrations(renderings: ReadonlyArray<Rendering | undefined>): Array<number | undefined> {
  return renderings.map((mine, index) => {
    if (mine === undefined) return undefined;
    const first = renderings.findIndex(
      (other) =>
        other !== undefined && sameTaskDefinition(other.rendered, mine.rendered) && sameTags(other.tags, mine.tags),
    );
    return first === -1 ? index : first;
  });
}

export type EcsSuccess = 'succeeded' | 'unchanged' | 'planned' | 'started';

/**
 * One verdict for the ecs mode from each service's own: a failure when any failed, naming
 * each failed service; otherwise the most telling success (planned, started, succeeded,
 * then unchanged). One service: its verdict, unchanged.
 */
export function combineServiceVerdicts(
  results: ReadonlyArray<{ service: string; verdict: Verdict<EcsSuccess> }>,
): Verdict<EcsSuccess> {
  const [only] = results;
  if (results.length === 1 && only !== undefined) return only.verdict;
  const failures = results.flatMap((r) => (isFailure(r.verdict) ? [{ service: r.service, failure: r.verdict }] : []));
  const [first] = failures;
  if (first !== undefined) {
    const of = `${failures.length} of ${results.length} services`;
    if (failures.length === 1)
      return failed(
        first.failure.kind,
        `Service '${first.service}' failed (${of}): ${first.failure.reason}`,
        first.failure.details,
      );
    const details = failures.flatMap(({ service, failure }) => [
      `'${service}': ${failure.reason}`,
      ...failure.details.map((d) => `'${service}':   ${d}`),
    ]);
    return failed(first.failure.kind, `${of} failed: ${failures.map((f) => `'${f.service}'`).join(', ')}.`, details);
  }
  const states = new Set(results.map((r) => r.verdict.state));
  for (const state of ['planned', 'started', 'succeeded'] as const) if (states.has(state)) return { state };
  return { state: 'unchanged' };
}
