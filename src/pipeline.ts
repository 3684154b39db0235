import { type StepDeps, withLogPrefix } from './deps.ts';
import { failureOf, VerdictError } from './failure.ts';
import type { Mode } from './names.ts';
import { type PutBackSteps, putBackBeside } from './pipeline-put-back.ts';
import { expressRevisionNotYet } from './plan/express-update.ts';
import type { DeployedTarget } from './plan/parameter-guard.ts';
import type { ResolvedImage } from './plan/resolved-image.ts';
import { failed, isFailure } from './plan/verdict.ts';
import type { PipelineOutcome } from './results.ts';
import type { Settings } from './settings.ts';
import type * as EcsStep from './steps/ecs.ts';
import type * as ImageStep from './steps/image.ts';
import type * as LambdaStep from './steps/lambda.ts';
import type { LambdaPlan } from './steps/lambda-plan.ts';
import type * as ParameterStep from './steps/parameter.ts';
import type { ParameterPlan } from './steps/parameter.ts';
import type * as RunTaskStep from './steps/run-task.ts';
import type { RunTaskPlan } from './steps/run-task.ts';

type EcsPrepared = EcsStep.EcsPrepared;

/** The step functions the pipeline sequences; tests pass fakes to check order and stops. */
export interface Steps extends PutBackSteps {
  resolveImage: typeof ImageStep.resolveImage;
  prepareRunTask: typeof RunTaskStep.prepareRunTask;
  applyRunTask: typeof RunTaskStep.applyRunTask;
  ensureRegistered: typeof EcsStep.ensureRegistered;
  /** Plans every service the input names. */
  prepareEcs: typeof EcsStep.prepareEcs;
  applyEcs: typeof EcsStep.applyEcs;
  prepareLambda: typeof LambdaStep.prepareLambda;
  applyLambda: typeof LambdaStep.applyLambda;
  prepareParameter: typeof ParameterStep.prepareParameter;
  applyParameter: typeof ParameterStep.applyParameter;
}

/**
 * The steps of the selected modes, each module imported only now: a step that runs one
 * mode never evaluates the others (nor the AWS SDK packages they import). A step of a mode
 * that was not loaded throws if it is ever called, which the pipeline never does.
 */
export async function loadSteps(modes: readonly Mode[]): Promise<Steps> {
  const wants = (mode: Mode) => modes.includes(mode);
  const [image, runTask, ecs, lambda, parameter, putBack] = await Promise.all([
    wants('image') ? import('./steps/image.ts') : undefined,
    wants('run-task') ? import('./steps/run-task.ts') : undefined,
    wants('ecs') ? import('./steps/ecs.ts') : undefined,
    wants('lambda') ? import('./steps/lambda.ts') : undefined,
    wants('parameter') ? import('./steps/parameter.ts') : undefined,
    // Putting one back when the other failed: only when both deploy in the step.
    wants('ecs') && wants('lambda') ? import('./steps/put-back.ts') : undefined,
  ]);
  const missing = (mode: Mode) => async (): Promise<never> => {
    throw new Error(`The ${mode} step was called, but mode '${mode}' was not loaded.`);
  };
  return {
    resolveImage: image?.resolveImage ?? missing('image'),
    prepareRunTask: runTask?.prepareRunTask ?? missing('run-task'),
    applyRunTask: runTask?.applyRunTask ?? missing('run-task'),
    ensureRegistered: ecs?.ensureRegistered ?? missing('ecs'),
    prepareEcs: ecs?.prepareEcs ?? missing('ecs'),
    applyEcs: ecs?.applyEcs ?? missing('ecs'),
    prepareLambda: lambda?.prepareLambda ?? missing('lambda'),
    applyLambda: lambda?.applyLambda ?? missing('lambda'),
    prepareParameter: parameter?.prepareParameter ?? missing('parameter'),
    applyParameter: parameter?.applyParameter ?? missing('parameter'),
    putEcsBack: putBack?.putEcsBack ?? missing('ecs'),
    putLambdaBack: putBack?.putLambdaBack ?? missing('lambda'),
  };
}

/** Runs `fn` inside a collapsible log group (core.group on the runner). */
export type Grouper = <T>(title: string, fn: () => Promise<T>) => Promise<T>;

interface Plans {
  runTask?: RunTaskPlan;
  /** One per service, in the input's order. */
  ecs?: EcsPrepared[];
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
export async function runPipeline(
  settings: Settings,
  deps: StepDeps,
  group: Grouper,
  steps: Steps,
): Promise<PipelineOutcome> {
  const outcome: PipelineOutcome = { failures: [], skipped: [] };
  const later = (after: Mode[]): Mode[] => settings.modes.filter((m) => !after.includes(m) && m !== 'image');
  // Each attempt records its own failure; the caller stops when one was recorded.
  const attempt = async <T>(
    mode: Mode,
    title: string,
    fn: (deps: StepDeps) => Promise<T>,
    concurrent = false,
  ): Promise<T | undefined> => {
    try {
      return concurrent ? await fn(withLogPrefix(deps, `[${mode}] `)) : await group(title, () => fn(deps));
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

  if (plans.runTask) {
    const plan = plans.runTask;
    // With several services the input must name run-task's definition (read-inputs.ts), so this is the only one.
    const ecsPlan = plans.ecs?.length === 1 ? plans.ecs[0] : undefined;
    const result = await attempt(
      'run-task',
      `run-task: one-off task in cluster '${plan.options.cluster}'`,
      async (d) => {
        if (plan.options.source.kind !== 'ecs' || !ecsPlan) return steps.applyRunTask(plan, d);
        // "The revision ecs deploys": registered now, so the task runs exactly what the
        // services will, and the ecs mode then points the service at it without registering again.
        const registered = await steps.ensureRegistered(ecsPlan, d);
        plans.ecs = [registered];
        return steps.applyRunTask(plan, d, registered.registration?.arn ?? registered.plan.targetArn);
      },
    );
    outcome.runTask = judge('run-task', result);
    if (outcome.failures.length > 0) return stopAfter(['run-task']);
  }

  const deploys: Array<Promise<void>> = [];
  const concurrent = plans.ecs !== undefined && plans.lambda !== undefined;
  if (concurrent) deps.log.info('Deploying to ECS and Lambda at the same time; log lines carry [ecs] or [lambda].');
  // An ECS failure ends a running Lambda shift at once: every alias it moved goes back.
  const ecsFailed = new AbortController();
  if (plans.ecs) {
    const prepared = plans.ecs;
    const cluster = prepared[0]?.options.cluster ?? '';
    deploys.push(
      attempt(
        'ecs',
        `ecs: deploy ${servicesLabel(prepared.map((p) => p.options.service))} in cluster '${cluster}'`,
        (d) => steps.applyEcs(prepared, d),
        concurrent,
      ).then((result) => {
        outcome.ecs = judge('ecs', result);
        if (outcome.failures.some((f) => f.mode === 'ecs')) ecsFailed.abort(new VerdictError(ECS_FAILED_BESIDE));
      }),
    );
  }
  if (plans.lambda) {
    const plan = plans.lambda;
    deploys.push(
      attempt(
        'lambda',
        `lambda: ${plan.options.functionNames.join(', ')}`,
        (d) => steps.applyLambda(plan, d, concurrent ? ecsFailed.signal : undefined),
        concurrent,
      ).then((result) => {
        outcome.lambda = judge('lambda', result);
      }),
    );
  }
  await Promise.all(deploys);
  const ecsOptions = plans.ecs?.[0]?.options;
  if (outcome.failures.length > 0 && concurrent && ecsOptions !== undefined) {
    const putBack = await putBackBeside(outcome, ecsOptions, deps, steps);
    if (putBack !== undefined) outcome.putBack = putBack;
  }
  if (outcome.failures.length > 0) {
    outcome.failures.sort((a, b) => MODE_ORDER.indexOf(a.mode) - MODE_ORDER.indexOf(b.mode));
    return stopAfter(['run-task', 'ecs', 'lambda']);
  }

  if (plans.parameter) {
    const plan = plans.parameter;
    // What ECS and Lambda left running travels in the plan: the parameter step checks it
    // again before every write, and writes nothing once another deploy replaced it.
    const targets = deployedTargets(outcome, plans.lambda?.digest);
    outcome.parameter = await attempt('parameter', `parameter: ${plan.options.name}`, (d) =>
      steps.applyParameter({ ...plan, targets }, d),
    );
  }
  return outcome;
}

function deployedTargets(outcome: PipelineOutcome, lambdaDigest: string | undefined): DeployedTarget[] {
  const targets: DeployedTarget[] = [];
  const { ecs, lambda } = outcome;
  for (const result of ecs?.services ?? []) {
    if (result.taskDefinitionArn === '') continue;
    const { cluster, service, taskDefinitionArn, deploymentId } = result;
    targets.push({ kind: 'ecs', cluster, service, taskDefinitionArn, ...(deploymentId ? { deploymentId } : {}) });
  }
  if (lambda && lambdaDigest !== undefined) {
    for (const f of lambda.functions)
      targets.push({ kind: 'lambda', functionName: f.functionName, digest: lambdaDigest });
  }
  return targets;
}

/** "service 'web'", or "services 'web', 'worker'". */
function servicesLabel(services: readonly string[]): string {
  return `${services.length === 1 ? 'service' : 'services'} ${services.map((s) => `'${s}'`).join(', ')}`;
}

// How the Lambda shift's verdict says why it stopped; the [ecs] line of the step says how ECS failed.
const ECS_FAILED_BESIDE = failed(
  'rolled-back',
  'ecs failed in the same step: the traffic shift stopped there and every alias it moved went back',
);

const MODE_ORDER: readonly Mode[] = ['image', 'run-task', 'ecs', 'lambda', 'parameter'];

type Attempt = <T>(mode: Mode, title: string, fn: (deps: StepDeps) => Promise<T>) => Promise<T | undefined>;

/** Plans every deploying mode, one after another (read-only calls, quick; keeps the log readable). */
async function prepareAll(
  settings: Settings,
  image: ResolvedImage | undefined,
  attempt: Attempt,
  steps: Steps,
): Promise<Plans> {
  const plans: Plans = {};
  const { runTask, ecs, lambda, parameter } = settings;
  // ECS first: a one-off task that runs "the revision ecs deploys" is checked against it.
  if (ecs) {
    // With the image mode, ECS deploys the resolved reference (pinned by digest by default).
    const options = image ? { ...ecs, image: image.reference } : ecs;
    plans.ecs = await attempt('ecs', `ecs: plan ${servicesLabel(ecs.services)} in cluster '${ecs.cluster}'`, (d) =>
      steps.prepareEcs(options, d),
    );
  }
  if (runTask) {
    const rendered = plans.ecs?.length === 1 ? plans.ecs[0]?.plan.rendered : undefined;
    const options =
      runTask.source.kind === 'ecs' && rendered
        ? { ...runTask, source: { kind: 'ecs' as const, taskDefinition: rendered } }
        : runTask;
    const express = runTask.source.kind === 'ecs' ? plans.ecs?.find((p) => p.controller === 'express') : undefined;
    plans.runTask = await attempt('run-task', `run-task: plan a task in cluster '${runTask.cluster}'`, async (d) => {
      if (express !== undefined) throw expressRevisionNotYet(express.options.service);
      return steps.prepareRunTask(options, image, d);
    });
  }
  if (lambda && image) {
    plans.lambda = await attempt('lambda', `lambda: plan ${lambda.functionNames.join(', ')}`, (d) =>
      steps.prepareLambda(lambda, image, d),
    );
  }
  if (parameter && image) {
    plans.parameter = await attempt('parameter', `parameter: plan ${parameter.name}`, (d) =>
      steps.prepareParameter(parameter, image, d),
    );
  }
  return plans;
}
