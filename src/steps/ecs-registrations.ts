// The registrations of one step's services: shared when they render the same definition,
// and paced to ECS's registration rate.

import { registrationDelayMs, sharedRegistrations } from '../plan/ecs-services.ts';
import { type Registration, registerOrReuse } from './register-revision.ts';
import type { ServiceRollout } from './service-rollout.ts';

/**
 * Starts the registrations the rollouts need: one per distinct rendered definition, the
 * first 20 at once and then one a second, as ECS's rate allows; registerOrReuse retries
 * throttling and concurrent-registration refusals. Resolves to undefined: none needed.
 */
export function registerShared(rollouts: readonly ServiceRollout[]): Array<Promise<Registration | undefined>> {
  const needs = rollouts.map((r) => r.registrationNeed);
  const shared = sharedRegistrations(
    needs.map((need) => (need === undefined ? undefined : { rendered: need.plan.rendered, tags: need.plan.tags })),
  );
  const made = new Map<number, Promise<Registration | undefined>>();
  let order = 0;
  return rollouts.map((rollout, index) => {
    const first = shared[index];
    const need = needs[index];
    if (first === undefined || need === undefined) return Promise.resolve(undefined);
    const existing = made.get(first);
    if (existing !== undefined) return existing;
    const { deps } = rollout;
    const delayMs = registrationDelayMs(order++);
    const registering = (async () => {
      if (delayMs > 0) await deps.sleep(delayMs);
      return registerOrReuse(need.plan.rendered, need.plan.tags, { timeoutMs: need.options.wait.timeoutMs }, deps);
    })();
    // Whoever awaits it sees its error; none left unobserved in the meantime.
    registering.catch(() => undefined);
    made.set(first, registering);
    return registering;
  });
}
