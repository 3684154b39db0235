// The ecs mode as a script: describe -> plan -> (dry run: the plan) -> start -> follow ->
// settle, for every service the input names (one service: a list of one). How each
// service starts, is followed and is put back is its controller's (steps/controllers.ts).

import type { Service } from '@aws-sdk/client-ecs';
import { type StepDeps, withLogPrefix } from '../deps.ts';
import { awsErrorName, messageOf, UserError } from '../errors.ts';
import { Input } from '../names.ts';
import { controllerOf } from '../plan/ecs-controller.ts';
import { combineServiceVerdicts } from '../plan/ecs-services.ts';
import type { EcsDeployResult, EcsResult } from '../results.ts';
import type { EcsDeployOptions, EcsServiceOptions, PollBounds } from '../settings.ts';
import { controllerFor } from './controllers.ts';
import { describeEach } from './describe-services.ts';
import { registerShared } from './ecs-registrations.ts';
import { followAll } from './follow-loop.ts';
import { registerOrReuse } from './register-revision.ts';
import type { EcsPrepared } from './rollout-controller.ts';
import { ServiceRollout } from './service-rollout.ts';

export type { EcsPrepared } from './rollout-controller.ts';

/** describe -> plan -> start -> follow -> settle, every service of the input. */
export async function deployEcs(options: EcsDeployOptions, deps: StepDeps): Promise<EcsDeployResult> {
  return applyEcs(await prepareEcs(options, deps), deps);
}

/**
 * Read-only: describes and plans every service the input names, side by side. Every
 * service's problem is reported (one line each, naming the service, when there are
 * several) before any mode of the step changes anything.
 */
export async function prepareEcs(options: EcsDeployOptions, deps: StepDeps): Promise<EcsPrepared[]> {
  const { services, ...shared } = options;
  const { cluster } = shared;
  // One DescribeServices per 10 services reads them all.
  const found = await describeEach(services, (service) => ({ cluster, service }), deps).catch((error: unknown) => {
    if (awsErrorName(error) !== 'ClusterNotFoundException') throw error;
    throw new UserError(
      `Cluster '${cluster}' was not found: check input '${Input.cluster}' (a cluster name or ARN) and the region.`,
      { cause: error },
    );
  });
  const settled = await Promise.allSettled(
    services.map((service) =>
      prepareService(found.get(service), { ...shared, service }, ownDeps(deps, service, services.length)),
    ),
  );
  const problems = settled.flatMap((s, index) =>
    s.status === 'rejected' ? [{ service: services[index] ?? '', error: s.reason as unknown }] : [],
  );
  const [first] = problems;
  if (first !== undefined) {
    // AWS failing (not the inputs) is the step's error as it is; the inputs' problems are listed together.
    const notInput = problems.find((p) => !(p.error instanceof UserError));
    if (notInput !== undefined) throw notInput.error;
    if (services.length === 1) throw first.error;
    throw new UserError(problems.map((p) => `Service '${p.service}': ${messageOf(p.error)}`).join('\n'), {
      cause: first.error,
    });
  }
  const prepared = settled.flatMap((s) => (s.status === 'fulfilled' ? [s.value] : []));
  refuseUnusedCodeDeployInputs(options, prepared);
  return prepared;
}

const CODEDEPLOY_INPUTS = [
  ['application', Input.codedeployApplication],
  ['deploymentGroup', Input.codedeployDeploymentGroup],
  ['appSpec', Input.codedeployAppspec],
  ['deploymentConfig', Input.codedeployDeploymentConfig],
] as const;

/** A codedeploy-* input no service of the step deploys through would change nothing, silently. */
function refuseUnusedCodeDeployInputs(options: EcsDeployOptions, prepared: readonly EcsPrepared[]): void {
  const set = CODEDEPLOY_INPUTS.find(([field]) => options.codeDeploy?.[field] !== undefined)?.[1];
  if (set === undefined || prepared.some((p) => p.controller === 'codedeploy')) return;
  throw new UserError(
    `Input '${set}' is set, but no service of this step deploys through CodeDeploy (deploymentController CODE_DEPLOY): with mode ecs the codedeploy-* inputs are for such services. Remove it, or deploy Lambda functions through CodeDeploy in a step without ecs.`,
  );
}

/** One service, as described: its controller chosen from it, and planned by that controller. */
async function prepareService(
  current: Service | undefined,
  options: EcsServiceOptions,
  deps: StepDeps,
): Promise<EcsPrepared> {
  const started = deps.now();
  const { cluster, service } = options;
  if (!current || current.status === 'INACTIVE') {
    throw new UserError(
      `Service '${service}' was not found in cluster '${cluster}'${current ? ' (it is INACTIVE)' : ''}: check inputs '${Input.service}' and '${Input.cluster}', and the region.`,
    );
  }
  return controllerFor(controllerOf(current, cluster)).prepare({ service: current, started }, options, deps);
}

/**
 * Registers the rendered revision ahead of the ecs mode, when the plan needs one (or reuses
 * an identical latest revision of the family): the pipeline does this when run-task runs
 * "the revision ecs deploys", then hands the registered plan to applyEcs.
 */
export async function ensureRegistered(prepared: EcsPrepared, deps: StepDeps): Promise<EcsPrepared> {
  const need = new ServiceRollout(prepared, deps).registrationNeed;
  if (need === undefined) return prepared;
  const registration = await registerOrReuse(
    need.plan.rendered,
    need.plan.tags,
    { timeoutMs: need.options.wait.timeoutMs },
    deps,
  );
  return { ...prepared, registration };
}

/**
 * Deploys every planned service: the revisions they need registered (shared, paced), each
 * started through its controller, all followed by one poll loop and each judged alone,
 * then each settled (a failure put back as its controller does it), side by side.
 */
export async function applyEcs(prepared: readonly EcsPrepared[], deps: StepDeps): Promise<EcsDeployResult> {
  const rollouts = prepared.map((p) => new ServiceRollout(p, ownDeps(deps, p.options.service, prepared.length)));
  const registrations = registerShared(rollouts);
  await Promise.all(rollouts.map((r, index) => r.start(registrations[index] ?? Promise.resolve(undefined))));
  const verdicts = await followAll(
    rollouts.filter((r) => r.following),
    boundsOf(prepared),
    deps,
  );
  return resultOf(await Promise.all(rollouts.map((r) => r.settle(verdicts.get(r)))));
}

/** The services of one step share their wait settings. */
function boundsOf(prepared: readonly EcsPrepared[]): PollBounds {
  const waits = prepared.map((p) => p.options.wait);
  return {
    intervalMs: Math.min(...waits.map((w) => w.intervalMs)),
    timeoutMs: Math.max(...waits.map((w) => w.timeoutMs)),
  };
}

function resultOf(services: EcsResult[]): EcsDeployResult {
  return {
    services,
    changed: services.some((s) => s.changed),
    verdict: combineServiceVerdicts(services.map((s) => ({ service: s.service, verdict: s.verdict }))),
  };
}

/** With several services their lines interleave, so each says whose it is. */
function ownDeps(deps: StepDeps, service: string, count: number): StepDeps {
  return count > 1 ? withLogPrefix(deps, `[${service}] `) : deps;
}
