import { withPrefix, type StepDeps } from './deps.ts';
import { failureOf } from './failure.ts';
import type { Mode } from './names.ts';
import type { ResolvedImage } from './plan/resolved-image.ts';
import { isFailure } from './plan/verdict.ts';
import type { PipelineOutcome } from './results.ts';
import type { Settings } from './settings.ts';
import { applyEcs, ensureRegistered, prepareEcs, type EcsPrepared } from './steps/ecs.ts';
import type { Registration } from './steps/register-revision.ts';
import { resolveImage } from './steps/image.ts';
import type { LambdaPlan } from './steps/lambda-plan.ts';
import { applyLambda, prepareLambda } from './steps/lambda.ts';
import { applyParameter, prepareParameter, type ParameterPlan } from './steps/parameter.ts';
import { applyRunTask, prepareRunTask, type RunTaskPlan } from './steps/run-task.ts';
import { putEcsBack, putLambdaBack } from './steps/put-back.ts';

/** The step functions the pipeline sequences; tests pass fakes to check order and stops. */
export interface Steps {
  resolveImage: typeof resolveImage;
  prepareRunTask: typeof prepareRunTask;
  applyRunTask: typeof applyRunTask;
  ensureRegistered: typeof ensureRegistered;
  prepareEcs: typeof prepareEcs;
  applyEcs: typeof applyEcs;
  prepareLambda: typeof prepareLambda;
  applyLambda: typeof applyLambda;
  prepareParameter: typeof prepareParameter;
  applyParameter: typeof applyParameter;
  putEcsBack: typeof putEcsBack;
  putLambdaBack: typeof putLambdaBack;
}

export const STEPS: Steps = {
  resolveImage,
  prepareRunTask,
  applyRunTask,
  ensureRegistered,
  prepareEcs,
  applyEcs,
  prepareLambda,
  applyLambda,
  prepareParameter,
  applyParameter,
  putEcsBack,
  putLambdaBack,
};

/** Runs `fn` inside a collapsible log group (core.group on the runner). */
export type Grouper = <T>(title: string, fn: () => Promise<T>) => Promise<T>;

interface Plans {
  runTask?: RunTaskPlan;
  ecs?: EcsPrepared;
  lambda?: LambdaPlan;
  parameter?: ParameterPlan;
}

/**
 * Runs the selected modes in the fixed order, whatever order the user wrote them in:
 *
 * 1. image: resolve tag and digest (read-only; may wait for replication);
 * 2. plan every other mode (read-only), so bad inputs or targets stop the step before
 *    anything changes;
 * 3. run-task: a one-off task (a migration) must succeed before the services roll;
 * 4. ecs and lambda, concurrently (each is slow for its own reasons: rollouts, image
 *    optimisation);
 * 5. parameter, last and only when everything before succeeded, so it only ever names an
 *    image that was deployed.
 *
 * A failure stops every phase after it.
 */
export async function runPipeline(settings: Settings, deps: StepDeps, group: Grouper, steps: Steps = STEPS): Promise<PipelineOutcome> {
  const outcome: PipelineOutcome = { failures: [], skipped: [] };
  const later = (after: Mode[]): Mode[] => settings.modes.filter((m) => !after.includes(m) && m !== 'image');
  // Each attempt records its own failure; the caller stops when one was recorded.
  const attempt = async <T>(mode: Mode, title: string, fn: (deps: StepDeps) => Promise<T>, concurrent = false): Promise<T | undefined> => {
    try {
      return concurrent ? await fn({ ...deps, log: withPrefix(deps.log, `[${mode}] `) }) : await group(title, () => fn(deps));
    } catch (error) {
      outcome.failures.push({ mode, failure: failureOf(error, deps.log) });
      return undefined;
    }
  };
  // A result whose verdict failed is a failure of its mode too (the step did not throw).
  const judge = <R extends { verdict: { state: string } }>(mode: Mode, result: R | undefined): R | undefined => {
    if (result !== undefined && isFailure(result.verdict)) outcome.failures.push({ mode, failure: result.verdict });
    return result;
  };
  const stopAfter = (ran: Mode[]): PipelineOutcome => {
    outcome.skipped = later(ran);
    return outcome;
  };

  let image: ResolvedImage | undefined;
  if (settings.image) {
    const options = settings.image;
    outcome.image = await attempt('image', `image: ${options.image}`, (d) => steps.resolveImage(options, d));
    if (!outcome.image) return stopAfter([]);
    image = outcome.image;
  }

  const plans = await prepareAll(settings, image, attempt, steps);
  if (outcome.failures.length > 0) return stopAfter(outcome.failures.map((f) => f.mode));

  let registration: Registration | undefined;
  if (plans.runTask) {
    const plan = plans.runTask;
    const ecsPlan = plans.ecs;
    const result = await attempt('run-task', `run-task: one-off task in cluster '${plan.options.cluster}'`, async (d) => {
      if (plan.options.source.kind !== 'ecs' || !ecsPlan) return steps.applyRunTask(plan, d);
      // "The revision ecs deploys": registered now, so the task runs exactly what the
      // services will, and the ecs mode then points the service at it without registering again.
      registration = await steps.ensureRegistered(ecsPlan, d);
      return steps.applyRunTask(plan, d, registration?.arn ?? ecsPlan.plan.targetArn);
    });
    outcome.runTask = judge('run-task', result);
    if (outcome.failures.length > 0) return stopAfter(['run-task']);
  }

  const deploys: Array<Promise<void>> = [];
  const concurrent = plans.ecs !== undefined && plans.lambda !== undefined;
  if (concurrent) deps.log.info('Deploying to ECS and Lambda at the same time; log lines carry [ecs] or [lambda].');
  if (plans.ecs) {
    const prepared = plans.ecs;
    const { cluster, service } = prepared.options;
    deploys.push(
      attempt('ecs', `ecs: deploy service '${service}' in cluster '${cluster}'`, (d) => steps.applyEcs(prepared, d, registration), concurrent).then((result) => {
        outcome.ecs = judge('ecs', result);
      }),
    );
  }
  if (plans.lambda) {
    const plan = plans.lambda;
    deploys.push(
      attempt('lambda', `lambda: ${plan.options.functionNames.join(', ')}`, (d) => steps.applyLambda(plan, d), concurrent).then((result) => {
        outcome.lambda = judge('lambda', result);
      }),
    );
  }
  await Promise.all(deploys);
  if (outcome.failures.length > 0 && concurrent && plans.ecs?.options.rollbackOnFailure === true) {
    outcome.putBack = await putBack(outcome, plans.ecs.options.wait, deps, steps);
  }
  if (outcome.failures.length > 0) {
    outcome.failures.sort((a, b) => MODE_ORDER.indexOf(a.mode) - MODE_ORDER.indexOf(b.mode));
    return stopAfter(['run-task', 'ecs', 'lambda']);
  }

  if (plans.parameter) {
    const plan = plans.parameter;
    outcome.parameter = await attempt('parameter', `parameter: ${plan.options.name}`, (d) => steps.applyParameter(plan, d));
  }
  return outcome;
}

const MODE_ORDER: readonly Mode[] = ['image', 'run-task', 'ecs', 'lambda', 'parameter'];

type Attempt = <T>(mode: Mode, title: string, fn: (deps: StepDeps) => Promise<T>) => Promise<T | undefined>;

/** Plans every deploying mode, one after another (read-only calls, quick; keeps the log readable). */
async function prepareAll(settings: Settings, image: ResolvedImage | undefined, attempt: Attempt, steps: Steps): Promise<Plans> {
  const plans: Plans = {};
  const { runTask, ecs, lambda, parameter } = settings;
  // ECS first: a one-off task that runs "the revision ecs deploys" is checked against it.
  if (ecs) {
    // With the image mode, ECS deploys the resolved reference (pinned by digest by default).
    const options = image ? { ...ecs, image: image.reference } : ecs;
    plans.ecs = await attempt('ecs', `ecs: plan service '${ecs.service}' in cluster '${ecs.cluster}'`, (d) => steps.prepareEcs(options, d));
  }
  if (runTask) {
    const rendered = plans.ecs?.plan.rendered;
    const options = runTask.source.kind === 'ecs' && rendered ? { ...runTask, source: { kind: 'ecs' as const, taskDefinition: rendered } } : runTask;
    plans.runTask = await attempt('run-task', `run-task: plan a task in cluster '${runTask.cluster}'`, (d) => steps.prepareRunTask(options, image, d));
  }
  if (lambda && image) {
    plans.lambda = await attempt('lambda', `lambda: plan ${lambda.functionNames.join(', ')}`, (d) => steps.prepareLambda(lambda, image, d));
  }
  if (parameter && image) {
    plans.parameter = await attempt('parameter', `parameter: plan ${parameter.name}`, (d) => steps.prepareParameter(parameter, image, d));
  }
  return plans;
}

/** ecs or lambda failed: put the other back as it was (rollback-on-failure), in parallel. */
async function putBack(outcome: PipelineOutcome, bounds: { intervalMs: number; timeoutMs: number }, deps: StepDeps, steps: Steps): Promise<string[]> {
  const { ecs, lambda } = outcome;
  const work = [
    ecs !== undefined && !isFailure(ecs.verdict) ? steps.putEcsBack(ecs, bounds, { ...deps, log: withPrefix(deps.log, '[ecs] ') }) : Promise.resolve([]),
    lambda !== undefined ? steps.putLambdaBack(lambda, bounds, { ...deps, log: withPrefix(deps.log, '[lambda] ') }) : Promise.resolve([]),
  ];
  const lines = (await Promise.all(work)).flat();
  for (const line of lines) deps.log.info(`Put back: ${line}`);
  return lines;
}
