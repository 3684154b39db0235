// Several services in one step: each planned from the task definition it runs now, all
// planned before anything changes; registrations shared and paced; every service updated,
// then followed together (one DescribeServices per poll for all) and judged one by one.

import { withLogPrefix, type StepDeps } from '../deps.ts';
import { UserError, messageOf } from '../errors.ts';
import { failureOf } from '../failure.ts';
import { combineServiceVerdicts, registrationDelayMs, sharedRegistrations } from '../plan/ecs-services.ts';
import type { EcsDeployResult, EcsResult } from '../results.ts';
import type { EcsDeployOptions } from '../settings.ts';
import { applyEcs, ensureRegistered, failedResult, followStarted, prepareEcs, startEcs, type EcsPrepared, type EcsStart } from './ecs.ts';
import type { Registration } from './register-revision.ts';

/**
 * Read-only: plans every service the input names, side by side. Every service's problem
 * is reported (one line each, naming the service) before any mode of the step changes
 * anything.
 */
export async function prepareEcsServices(options: EcsDeployOptions, deps: StepDeps): Promise<EcsPrepared[]> {
  const names = options.services ?? [options.service];
  if (names.length === 1) return [await prepareEcs(options, deps)];
  const { services: _all, ...each } = options;
  const settled = await Promise.allSettled(names.map((service) => prepareEcs({ ...each, service }, serviceDeps(deps, service))));
  const problems = settled.flatMap((s, index) => (s.status === 'rejected' ? [{ service: names[index] ?? '', error: s.reason as unknown }] : []));
  const [first] = problems;
  if (first !== undefined) {
    // AWS failing (not the inputs) is the step's error as it is; the inputs' problems are listed together.
    const notInput = problems.find((p) => !(p.error instanceof UserError));
    if (notInput !== undefined) throw notInput.error;
    throw new UserError(problems.map((p) => `Service '${p.service}': ${messageOf(p.error)}`).join('\n'), { cause: first.error });
  }
  return settled.flatMap((s) => (s.status === 'fulfilled' ? [s.value] : []));
}

/**
 * Deploys every planned service. One service: applyEcs as it is. Several: the revisions
 * they need registered (once per distinct definition, paced to ECS's registration rate),
 * every service updated, then all followed together; a service whose start fails fails
 * alone, the others keep their own verdicts. `registration` (run-task's "the revision ecs
 * deploys") is only ever given with one service.
 */
export async function applyEcsServices(prepared: readonly EcsPrepared[], deps: StepDeps, registration?: Registration): Promise<EcsDeployResult> {
  const [only] = prepared;
  if (prepared.length === 1 && only !== undefined) return resultOf([await applyEcs(only, deps, registration)]);

  const own = prepared.map((p) => serviceDeps(deps, p.options.service));
  const registrations = registerShared(prepared, own);
  const starts = await Promise.all(
    prepared.map(async (p, index): Promise<EcsStart> => {
      const mine = own[index] ?? deps;
      try {
        return await startEcs(p, mine, await registrations[index]);
      } catch (error) {
        return { done: failedResult(p, failureOf(error, mine.log), mine) };
      }
    }),
  );
  const toFollow = starts.flatMap((start, index) => ('follow' in start ? [{ started: start.follow, deps: own[index] ?? deps }] : []));
  const followed = await followStarted(toFollow, deps);
  let next = 0;
  const results = starts.map((start) => ('done' in start ? start.done : followed[next++])).filter((r): r is EcsResult => r !== undefined);
  return resultOf(results);
}

/**
 * Starts the registrations the plans need: one per distinct rendered definition (services
 * sharing a family and rendering the same definition share it), the first 20 at once and
 * then one a second, as ECS's rate allows; registerOrReuse retries throttling and
 * concurrent-registration refusals as for one service. Undefined: none needed.
 */
function registerShared(prepared: readonly EcsPrepared[], own: readonly StepDeps[]): Array<Promise<Registration | undefined>> {
  const needs = prepared.map((p) => (p.plan.updateNeeded && p.plan.targetArn === undefined && !p.options.dryRun ? { rendered: p.plan.rendered, tags: p.plan.tags } : undefined));
  const shared = sharedRegistrations(needs);
  const made = new Map<number, Promise<Registration | undefined>>();
  let order = 0;
  return prepared.map((p, index) => {
    const first = shared[index];
    if (first === undefined) return Promise.resolve(undefined);
    const existing = made.get(first);
    if (existing !== undefined) return existing;
    const deps = own[index];
    if (deps === undefined) return Promise.resolve(undefined);
    const delayMs = registrationDelayMs(order++);
    const registering = (async () => {
      if (delayMs > 0) await deps.sleep(delayMs);
      return ensureRegistered(p, deps);
    })();
    // Whoever awaits it sees its error; none left unobserved in the meantime.
    registering.catch(() => undefined);
    made.set(first, registering);
    return registering;
  });
}

function resultOf(services: EcsResult[]): EcsDeployResult {
  return {
    services,
    changed: services.some((s) => s.changed),
    verdict: combineServiceVerdicts(services.map((s) => ({ service: s.service, verdict: s.verdict }))),
  };
}

/** Each line of a service's work says whose it is: the followers' lines interleave. */
function serviceDeps(deps: StepDeps, service: string): StepDeps {
  return withLogPrefix(deps, `[${service}] `);
}
