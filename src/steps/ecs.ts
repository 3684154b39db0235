import type { Service, Task } from '@aws-sdk/client-ecs';
import {
  describeService,
  describeTaskDefinition,
  describeTasks,
  listStoppedTasks,
  registerTaskDefinition,
  updateService,
  type DescribedTaskDefinition,
} from '../aws/ecs.ts';
import type { StepDeps } from '../deps.ts';
import { UserError } from '../errors.ts';
import { diffTaskDefinitions } from '../plan/diff.ts';
import { classifyRollout, primaryDeployment, type RolloutVerdict } from '../plan/ecs-rollout.ts';
import { validateTaskSize } from '../plan/fargate.ts';
import { parseImageRef, repositoryKey } from '../plan/image-ref.ts';
import {
  renderTaskDefinition,
  sameTaskDefinition,
  selectContainer,
  toRegisterable,
  type Tag,
  type TaskDefinitionDoc,
} from '../plan/task-definition.ts';
import {
  formatServiceEvent,
  newServiceEvents,
  rolloutProgressLine,
  serviceEventKey,
  summarizeTaskFailures,
  type StoppedTaskOptions,
} from '../report/progress.ts';
import { waitFor } from '../wait.ts';
import { Input } from '../names.ts';

export type TaskDefinitionSource =
  | { kind: 'service' }
  | { kind: 'registered'; ref: string }
  | { kind: 'file'; path: string; taskDefinition: TaskDefinitionDoc; tags: Tag[] };

export interface EcsDeployOptions {
  cluster: string;
  service: string;
  source: TaskDefinitionSource;
  containerName?: string;
  image?: string;
  cpu?: string;
  memory?: string;
  environment: Array<{ name: string; value: string }>;
  forceNewDeployment: boolean;
  desiredCount?: number;
  dryRun: boolean;
  wait: { enabled: boolean; timeoutMs: number; intervalMs: number };
  maxFailedTasks: number;
}

export type EcsVerdict = 'succeeded' | 'unchanged' | 'planned' | 'started' | 'failed';

export interface TaskSize {
  cpu?: string;
  memory?: string;
  image?: string;
}

export interface EcsResult {
  cluster: string;
  service: string;
  verdict: EcsVerdict;
  /** Why it failed, with the stopped tasks' reasons; only when verdict is 'failed'. */
  failure?: string;
  changed: boolean;
  registered: boolean;
  previousTaskDefinitionArn: string;
  taskDefinitionArn: string;
  deploymentId?: string;
  diff: string[];
  before: TaskSize;
  after: TaskSize;
  durationMs: number;
}

/** describe -> plan -> (dry-run: return the plan) -> register -> update -> wait. */
export async function deployEcs(options: EcsDeployOptions, deps: StepDeps): Promise<EcsResult> {
  const started = deps.now();
  const { ecs } = deps.clients;
  const { cluster, service } = options;

  const current = await describeService(ecs, { cluster, service });
  if (!current || current.status === 'INACTIVE') {
    throw new UserError(
      `Service '${service}' was not found in cluster '${cluster}'${current ? ' (it is INACTIVE)' : ''}: check inputs '${Input.service}' and '${Input.cluster}', and the region.`,
    );
  }
  const currentArn = current.taskDefinition;
  if (!currentArn) throw new UserError(`Service '${service}' in cluster '${cluster}' has no task definition to start from.`);

  const running = await describeTaskDefinition(ecs, currentArn);
  const source = await loadSource(options.source, running, deps);
  const plan = planTaskDefinition(options, source, running);
  const before = sizeOf(running.taskDefinition, plan.containerName);
  const after = sizeOf(plan.rendered, plan.containerName);
  deps.log.info(`Service '${service}' runs ${currentArn}`);
  for (const line of plan.diff) deps.log.info(`  ${line}`);

  const desiredCountChanges = options.desiredCount !== undefined && options.desiredCount !== current.desiredCount;
  const mustUpdate = plan.registerNeeded || plan.targetArn !== currentArn || desiredCountChanges || options.forceNewDeployment;
  const result = (fields: Partial<EcsResult> & Pick<EcsResult, 'verdict' | 'taskDefinitionArn'>): EcsResult => ({
    cluster,
    service,
    changed: false,
    registered: false,
    previousTaskDefinitionArn: currentArn,
    diff: plan.diff,
    before,
    after,
    durationMs: deps.now() - started,
    ...fields,
  });

  if (!mustUpdate) {
    deps.log.info(`Nothing to change: service '${service}' already runs this task definition.`);
    return result({ verdict: 'unchanged', taskDefinitionArn: currentArn });
  }
  if (options.dryRun) {
    deps.log.info(
      `Dry run: would ${plan.registerNeeded ? 'register a new revision and ' : ''}update service '${service}'.`,
    );
    return result({ verdict: 'planned', taskDefinitionArn: plan.targetArn ?? '(new revision)' });
  }

  const targetArn = plan.targetArn ?? (await registerTaskDefinition(ecs, plan.rendered, plan.tags));
  if (plan.registerNeeded) deps.log.info(`Registered ${targetArn}`);
  const updated = await updateService(ecs, {
    cluster,
    service,
    taskDefinition: targetArn,
    forceNewDeployment: options.forceNewDeployment,
    desiredCount: options.desiredCount,
  });
  const deployment = primaryDeployment(updated);
  const deploymentId = deployment?.id;
  deps.log.info(`Updated service '${service}': deployment ${deploymentId ?? '(none reported)'}`);
  const changed = { changed: true, registered: plan.registerNeeded, taskDefinitionArn: targetArn, deploymentId };

  if (!options.wait.enabled) return result({ ...changed, verdict: 'started' });
  if (!deploymentId) {
    throw new UserError(`UpdateService for '${service}' reported no PRIMARY deployment to follow; set '${Input.wait}: false' to skip waiting.`);
  }
  const since = deployment.createdAt ?? new Date(started);
  const taskOptions = { nonEssentialContainers: nonEssentialContainers(plan.rendered) };
  const outcome = await followDeployment({ options, deploymentId, since, taskOptions }, deps);
  if (outcome.state === 'failed') return result({ ...changed, verdict: 'failed', failure: outcome.message });
  return result({ ...changed, verdict: 'succeeded' });
}

interface SourcePlan {
  base: DescribedTaskDefinition;
  /** The ARN of the source when it is a registered revision. */
  baseArn?: string;
}

async function loadSource(source: TaskDefinitionSource, running: DescribedTaskDefinition, deps: StepDeps): Promise<SourcePlan> {
  switch (source.kind) {
    case 'service':
      return { base: running, baseArn: arnOf(running.taskDefinition) };
    case 'registered': {
      const described = await describeTaskDefinition(deps.clients.ecs, source.ref);
      return { base: described, baseArn: arnOf(described.taskDefinition) };
    }
    case 'file':
      return { base: { taskDefinition: source.taskDefinition, tags: source.tags } };
  }
}

interface TaskDefinitionPlan {
  containerName?: string;
  rendered: TaskDefinitionDoc;
  tags: Tag[];
  diff: string[];
  registerNeeded: boolean;
  /** The revision to deploy when no registration is needed. */
  targetArn?: string;
}

function planTaskDefinition(options: EcsDeployOptions, source: SourcePlan, running: DescribedTaskDefinition): TaskDefinitionPlan {
  const base = toRegisterable(source.base.taskDefinition);
  const needsContainer = options.image !== undefined || options.environment.length > 0;
  const containerName = needsContainer
    ? selectContainer(base, {
        containerName: options.containerName,
        imageRepository: options.image === undefined ? undefined : repositoryKey(parseImageRef(options.image)),
      })
    : undefined;
  const rendered = renderTaskDefinition(base, {
    containerName,
    image: options.image,
    cpu: options.cpu,
    memory: options.memory,
    environment: options.environment,
  });
  const problems = validateTaskSize({
    taskDefinition: rendered,
    labels: {
      cpu: options.cpu === undefined ? 'Task definition cpu' : `Input '${Input.cpu}'`,
      memory: options.memory === undefined ? 'Task definition memory' : `Input '${Input.memory}'`,
    },
  });
  if (problems.length > 0) throw new UserError(problems.join('\n'));

  const tags = source.base.tags;
  const runningDoc = toRegisterable(running.taskDefinition);
  const diff = diffTaskDefinitions(runningDoc, rendered);
  const plan = { containerName, rendered, tags, diff };
  if (sameTaskDefinition(runningDoc, rendered) && sameTags(running.tags, tags)) {
    return { ...plan, registerNeeded: false, targetArn: arnOf(running.taskDefinition) };
  }
  // A registered source deployed as it is needs no new revision of its own.
  if (source.baseArn && sameTaskDefinition(base, rendered)) {
    return { ...plan, registerNeeded: false, targetArn: source.baseArn };
  }
  return { ...plan, registerNeeded: true };
}

type FollowOutcome = { state: 'succeeded' } | { state: 'failed'; message: string };

interface FollowContext {
  options: EcsDeployOptions;
  deploymentId: string;
  since: Date;
  taskOptions: StoppedTaskOptions;
}

/** Polls the service until our deployment succeeds or fails; prints what changes. */
async function followDeployment(context: FollowContext, deps: StepDeps): Promise<FollowOutcome> {
  const { options, deploymentId } = context;
  const { ecs } = deps.clients;
  const seenEvents = new Set<string>();
  const failedTasks = new FailedTaskLog(options.cluster, deploymentId, context.taskOptions, deps);

  const final = await waitFor<{ verdict: Exclude<RolloutVerdict, { state: 'pending' }>; service: Service | undefined }>({
    what: `deployment ${deploymentId} of service '${options.service}'`,
    intervalMs: options.wait.intervalMs,
    timeoutMs: options.wait.timeoutMs,
    sleep: deps.sleep,
    now: deps.now,
    onProgress: (line) => deps.log.info(line),
    check: async () => {
      const service = await describeService(ecs, { cluster: options.cluster, service: options.service });
      if (!service) {
        const reason = `service '${options.service}' disappeared from cluster '${options.cluster}' while deploying`;
        return { done: true, value: { verdict: { state: 'failed', kind: 'service-inactive', reason }, service } };
      }
      for (const event of newServiceEvents(service.events, context.since, seenEvents)) {
        seenEvents.add(serviceEventKey(event));
        deps.log.info(formatServiceEvent(event));
      }
      const ours = service.deployments?.find((d) => d.id === deploymentId);
      await failedTasks.update(ours?.failedTasks ?? 0);
      const verdict = classifyRollout({ service, deploymentId, maxFailedTasks: options.maxFailedTasks });
      if (verdict.state === 'pending') return { done: false, state: rolloutProgressLine(service, deploymentId) };
      return { done: true, value: { verdict, service } };
    },
  });

  if (final.verdict.state === 'succeeded') {
    deps.log.info(`Deployment ${deploymentId} completed: service '${options.service}' runs it.`);
    return { state: 'succeeded' };
  }
  const tasks = await failedTasks.all();
  const lines = [final.verdict.reason, ...summarizeTaskFailures(tasks, undefined, context.taskOptions)];
  return { state: 'failed', message: lines.join('\n') };
}

/**
 * Stopped tasks of our deployment. Looked up only when the deployment's failedTasks count
 * grows (or once at the end of a failure), so a healthy rollout costs no task calls.
 */
class FailedTaskLog {
  private known = new Map<string, Task>();
  private seenCount = 0;
  private readonly cluster: string;
  private readonly deploymentId: string;
  private readonly taskOptions: StoppedTaskOptions;
  private readonly deps: StepDeps;

  constructor(cluster: string, deploymentId: string, taskOptions: StoppedTaskOptions, deps: StepDeps) {
    this.cluster = cluster;
    this.deploymentId = deploymentId;
    this.taskOptions = taskOptions;
    this.deps = deps;
  }

  async update(failedCount: number): Promise<void> {
    if (failedCount <= this.seenCount) return;
    this.seenCount = failedCount;
    const fresh = await this.fetchNew();
    for (const line of summarizeTaskFailures(fresh, undefined, this.taskOptions)) this.deps.log.warning(line);
  }

  async all(): Promise<Task[]> {
    if (this.known.size === 0) await this.fetchNew();
    return [...this.known.values()];
  }

  private async fetchNew(): Promise<Task[]> {
    const { ecs } = this.deps.clients;
    const arns = await listStoppedTasks(ecs, this.cluster, this.deploymentId);
    const unknown = arns.filter((arn) => !this.known.has(arn));
    const tasks = await describeTasks(ecs, this.cluster, unknown);
    for (const task of tasks) if (task.taskArn) this.known.set(task.taskArn, task);
    return tasks;
  }
}

function nonEssentialContainers(td: TaskDefinitionDoc): Set<string> {
  const containers = Array.isArray(td['containerDefinitions']) ? (td['containerDefinitions'] as Array<Record<string, unknown>>) : [];
  return new Set(containers.filter((c) => c['essential'] === false).map((c) => String(c['name'])));
}

function arnOf(td: TaskDefinitionDoc): string | undefined {
  const arn = td['taskDefinitionArn'];
  return typeof arn === 'string' ? arn : undefined;
}

function sameTags(a: Tag[], b: Tag[]): boolean {
  const key = (tags: Tag[]) => JSON.stringify([...tags].sort((x, y) => x.key.localeCompare(y.key)));
  return key(a) === key(b);
}

function sizeOf(td: TaskDefinitionDoc, containerName: string | undefined): TaskSize {
  const containers = Array.isArray(td['containerDefinitions']) ? (td['containerDefinitions'] as Array<Record<string, unknown>>) : [];
  const container = containerName ? containers.find((c) => c['name'] === containerName) : containers.length === 1 ? containers[0] : undefined;
  const str = (v: unknown) => (v === undefined || v === null ? undefined : String(v));
  return { cpu: str(td['cpu']), memory: str(td['memory']), image: str(container?.['image']) };
}
