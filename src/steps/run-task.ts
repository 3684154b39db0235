import { type DescribedTaskDefinition, describeTaskDefinition, runTask } from '../aws/ecs.ts';
import type { StepDeps } from '../deps.ts';
import { awsErrorName, messageOf, UserError } from '../errors.ts';
import { Input } from '../names.ts';
import { familyOf, taskDefinitionLabel } from '../plan/aws-names.ts';
import { reusableRevision } from '../plan/ecs-deploy.ts';
import type { ResolvedImage } from '../plan/resolved-image.ts';
import { planRunTaskDefinition, selectRunTaskContainer } from '../plan/run-task-definition.ts';
import {
  buildRunTaskRequest,
  checkLaunch,
  describeRunTaskFailures,
  redactRunTaskRequest,
} from '../plan/run-task-request.ts';
import type { EarlierTask } from '../plan/run-task-rerun.ts';
import { formatLogLocation } from '../plan/run-task-result.ts';
import { stepTags } from '../plan/run-task-tags.ts';
import { toRegisterable } from '../plan/task-definition.ts';
import type { Tag, TaskDefinitionDoc } from '../plan/task-definition-types.ts';
import { failed } from '../plan/verdict.ts';
import type { RunTaskResult } from '../results.ts';
import type { RunTaskOptions, RunTaskSource } from '../settings.ts';
import { latestRevision, registerOrReuse } from './register-revision.ts';
import { announceLogs, logRequestPlan } from './run-task-announce.ts';
import { followTask } from './run-task-follow.ts';
import { findEarlierAttemptTask } from './run-task-rerun.ts';

export interface RunTaskPlan {
  options: RunTaskOptions;
  /** When preparing began (the duration counts from here). */
  started: number;
  /**
   * What runs, registerable (the image overridden). Undefined for source 'ecs': apply reads
   * the revision the pipeline registered.
   */
  taskDefinition?: TaskDefinitionDoc;
  tags: Tag[];
  /** A registered revision that already is `taskDefinition`; undefined when apply registers it (or for source 'ecs'). */
  taskDefinitionArn?: string;
  /** The container the overrides apply to and whose exit code is the task's; chosen in apply for source 'ecs'. */
  containerName?: string;
  /** What the rendering changed, e.g. "container app image: a -> b". */
  changes: string[];
}

/** Read-only: loads and renders the task definition, validates overrides; throws UserError before any change. */
export async function prepareRunTask(
  options: RunTaskOptions,
  image: ResolvedImage | undefined,
  deps: StepDeps,
): Promise<RunTaskPlan> {
  const started = deps.now();
  const { launch, network, source } = options;
  if (source.kind === 'ecs') {
    // The ecs mode registers the definition later; what can be checked now is checked now.
    const rendered = source.taskDefinition;
    checkLaunch({ launch, network, ...(rendered === undefined ? {} : { taskDefinition: rendered }) });
    // Chosen as planRunTaskDefinition chooses for the other sources, and kept: the same container gets the overrides.
    const needsContainer = options.containerName !== undefined || image !== undefined || overridesContainer(options);
    const chosen =
      rendered === undefined
        ? undefined
        : selectRunTaskContainer(rendered, { containerName: options.containerName, image: image?.reference });
    const containerName = needsContainer ? chosen?.containerName : undefined;
    deps.log.info(`The one-off task runs the revision the ecs mode deploys; it is registered before the task starts.`);
    logRequestPlan(options, deps);
    return { options, started, tags: [], changes: [], ...(containerName === undefined ? {} : { containerName }) };
  }

  const described = await loadSource(source, deps);
  const planned = planRunTaskDefinition({
    source: described.taskDefinition,
    containerName: options.containerName,
    image: image?.reference,
    overridesContainer: overridesContainer(options),
  });
  checkLaunch({ launch, network, taskDefinition: planned.rendered });
  const family = familyOf(planned.rendered);
  // A source run as it is needs no registration; nor does a rendering an earlier run registered.
  let taskDefinitionArn = planned.sourceArn;
  if (taskDefinitionArn === undefined) {
    const latest = await latestRevision(family, deps);
    if (latest !== undefined) taskDefinitionArn = reusableRevision(planned.rendered, described.tags, latest);
  }

  deps.log.info(
    `Task definition: ${source.kind === 'file' ? `file ${source.path}` : `'${source.ref}'`} (family '${family}')`,
  );
  if (planned.container) deps.log.info(`  container '${planned.container.containerName}': ${planned.container.why}`);
  for (const change of planned.changes) deps.log.info(`  ${change}`);
  deps.log.info(
    taskDefinitionArn === undefined
      ? `  a new revision of family '${family}' will be registered before the task starts`
      : `  runs ${taskDefinitionArn} as it is`,
  );
  logRequestPlan(options, deps);
  return {
    options,
    started,
    taskDefinition: planned.rendered,
    tags: described.tags,
    ...(taskDefinitionArn === undefined ? {} : { taskDefinitionArn }),
    ...(planned.container === undefined ? {} : { containerName: planned.container.containerName }),
    changes: planned.changes,
  };
}

/**
 * Registers the rendered revision when it differs from its source, runs the task, waits
 * until it stops, and judges it by the essential containers' exit codes. `ecsTaskDefinitionArn`
 * is given when the source is 'ecs' (the pipeline registered it). Dry run: 'planned', no calls that change anything.
 */
export async function applyRunTask(
  plan: RunTaskPlan,
  deps: StepDeps,
  ecsTaskDefinitionArn?: string,
): Promise<RunTaskResult> {
  const { options } = plan;
  const { cluster } = options;
  const result: Finish = (fields) => ({
    cluster,
    changed: false,
    registered: false,
    logs: [],
    durationMs: deps.now() - plan.started,
    ...fields,
  });

  if (options.dryRun) {
    const arn = plan.taskDefinitionArn ?? (options.source.kind === 'ecs' ? ecsTaskDefinitionArn : undefined);
    const register =
      arn === undefined && options.source.kind !== 'ecs'
        ? `register a new revision of '${familyOf(plan.taskDefinition ?? {})}' and `
        : '';
    deps.log.info(
      `Dry run: would ${register}run a task of ${arn ?? 'the rendered revision'} in cluster '${cluster}' and wait for it to stop.`,
    );
    return result({ verdict: { state: 'planned' }, taskDefinitionArn: arn ?? '' });
  }

  // A re-run of the step while an earlier attempt's task still runs follows that task. Looked
  // for first: a look-up that fails stops the step before anything is registered or run.
  const earlier = await findEarlierAttemptTask(options, deps);
  if (earlier !== undefined) return followEarlier(earlier, plan, deps, result);

  const target = await taskToRun(plan, deps, ecsTaskDefinitionArn);
  const containerName = plan.containerName ?? containerFor(options, target.taskDefinition);
  const started = { registered: target.registered, changed: target.registered, taskDefinitionArn: target.arn };
  if (options.step !== undefined && options.step.attempt > 1)
    deps.log.info(
      `No task an earlier attempt of this step started is running: starting a new one (attempt ${options.step.attempt}).`,
    );

  const request = buildRunTaskRequest({
    cluster,
    taskDefinitionArn: target.arn,
    launch: options.launch,
    network: options.network,
    containerName,
    command: options.command,
    environment: options.environment,
    startedBy: options.startedBy,
    clientToken: options.clientToken,
    tags: [...options.tags, ...(options.step === undefined ? [] : stepTags(options.step))],
    ...(options.propagateTags === undefined ? {} : { propagateTags: options.propagateTags }),
    enableEcsManagedTags: options.enableEcsManagedTags,
  });
  deps.log.debug(`RunTask request: ${JSON.stringify(redactRunTaskRequest(request))}`);

  const answer = await runTask(deps.clients.ecs, request);
  const taskArn = answer.task?.taskArn;
  if (taskArn === undefined) {
    const reasons = describeRunTaskFailures(answer.failures);
    const verdict = failed(
      'task-not-started',
      `RunTask started no task of ${taskDefinitionLabel(target.arn)} in cluster '${cluster}':`,
      reasons.length > 0 ? reasons : ['ECS gave no reason'],
    );
    return result({ ...started, verdict });
  }
  deps.log.info(`Started task ${taskArn} (${taskDefinitionLabel(target.arn)}) in cluster '${cluster}'`);
  const logs = announceLogs(target.taskDefinition, taskArn, deps);
  const outcome = await followTask(
    {
      cluster,
      taskArn,
      taskDefinition: target.taskDefinition,
      containerName,
      logs: logs.map(formatLogLocation),
      startedHere: true,
    },
    options,
    deps,
  );
  return result({ ...started, changed: true, taskArn, logs, ...outcome });
}

type Finish = (fields: Partial<RunTaskResult> & Pick<RunTaskResult, 'verdict' | 'taskDefinitionArn'>) => RunTaskResult;

/** Follows the task an earlier attempt started, judged by the revision it runs; this attempt changes nothing. */
async function followEarlier(
  earlier: EarlierTask,
  plan: RunTaskPlan,
  deps: StepDeps,
  result: Finish,
): Promise<RunTaskResult> {
  const { options } = plan;
  const { task } = earlier;
  const arn = task.taskDefinitionArn ?? plan.taskDefinitionArn ?? '';
  deps.log.info(
    `Task ${task.taskArn} (${taskDefinitionLabel(arn)}), started by attempt ${earlier.attempt} of this step, is still ${task.lastStatus ?? 'running'}: following it instead of starting another.`,
  );
  const definition =
    arn === plan.taskDefinitionArn && plan.taskDefinition !== undefined
      ? plan.taskDefinition
      : toRegisterable((await describeTaskDefinition(deps.clients.ecs, arn)).taskDefinition);
  const containerName = plan.containerName ?? containerFor(options, definition);
  const logs = announceLogs(definition, task.taskArn, deps);
  const outcome = await followTask(
    {
      cluster: options.cluster,
      taskArn: task.taskArn,
      taskDefinition: definition,
      containerName,
      logs: logs.map(formatLogLocation),
      startedHere: false,
    },
    options,
    deps,
  );
  return result({ taskDefinitionArn: arn, taskArn: task.taskArn, logs, ...outcome });
}

interface Target {
  arn: string;
  /** What runs: for essential containers and log locations. */
  taskDefinition: TaskDefinitionDoc;
  registered: boolean;
}

async function taskToRun(plan: RunTaskPlan, deps: StepDeps, ecsTaskDefinitionArn: string | undefined): Promise<Target> {
  const { options } = plan;
  if (options.source.kind === 'ecs') {
    if (ecsTaskDefinitionArn === undefined)
      throw new Error("applyRunTask: source 'ecs' needs the ARN of the revision the ecs mode registered");
    const described = await describeTaskDefinition(deps.clients.ecs, ecsTaskDefinitionArn);
    const taskDefinition = toRegisterable(described.taskDefinition);
    checkLaunch({ launch: options.launch, network: options.network, taskDefinition });
    return { arn: ecsTaskDefinitionArn, taskDefinition, registered: false };
  }
  const taskDefinition = plan.taskDefinition;
  if (taskDefinition === undefined) throw new Error('applyRunTask: the plan has no task definition');
  if (plan.taskDefinitionArn !== undefined) return { arn: plan.taskDefinitionArn, taskDefinition, registered: false };
  return register(taskDefinition, plan.tags, options, deps);
}

async function register(
  taskDefinition: TaskDefinitionDoc,
  tags: Tag[],
  options: RunTaskOptions,
  deps: StepDeps,
): Promise<Target> {
  const { arn, registered } = await registerOrReuse(taskDefinition, tags, { timeoutMs: options.wait.timeoutMs }, deps);
  return { arn, taskDefinition, registered };
}

async function loadSource(
  source: Exclude<RunTaskSource, { kind: 'ecs' }>,
  deps: StepDeps,
): Promise<DescribedTaskDefinition> {
  if (source.kind === 'file') return { taskDefinition: source.taskDefinition, tags: source.tags };
  try {
    return await describeTaskDefinition(deps.clients.ecs, source.ref);
  } catch (error) {
    if (awsErrorName(error) !== 'ClientException') throw error;
    throw new UserError(
      `Input '${Input.runTaskDefinition}' ('${source.ref}') names no task definition ECS knows (${messageOf(error)}): check the family, revision and region.`,
      { cause: error },
    );
  }
}

function overridesContainer(options: RunTaskOptions): boolean {
  return options.command !== undefined || options.environment.length > 0;
}

/** For source 'ecs', known only once the revision is: the container the overrides need. */
function containerFor(options: RunTaskOptions, taskDefinition: TaskDefinitionDoc): string | undefined {
  if (options.containerName === undefined && !overridesContainer(options)) return undefined;
  return selectRunTaskContainer(taskDefinition, { containerName: options.containerName }).containerName;
}
