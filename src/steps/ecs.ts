import {
  describeService,
  describeTaskDefinition,
  registerTaskDefinition,
  updateService,
  type DescribedTaskDefinition,
} from '../aws/ecs.ts';
import type { StepDeps } from '../deps.ts';
import { UserError } from '../errors.ts';
import { Input } from '../names.ts';
import { arnOf, planEcsDeploy, type EcsPlan, type TaskSize } from '../plan/ecs-deploy.ts';
import { primaryDeployment } from '../plan/ecs-rollout.ts';
import { nonEssentialContainers, type EnvironmentVariable, type Tag, type TaskDefinitionDoc } from '../plan/task-definition.ts';
import { followDeployment } from './ecs-follow.ts';

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
  environment: EnvironmentVariable[];
  forceNewDeployment: boolean;
  desiredCount?: number;
  dryRun: boolean;
  wait: { enabled: boolean; timeoutMs: number; intervalMs: number };
  maxFailedTasks: number;
}

export type EcsVerdict = 'succeeded' | 'unchanged' | 'planned' | 'started' | 'failed';

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

/** What prepareEcs found and decided; applyEcs carries it out. */
export interface EcsPrepared {
  options: EcsDeployOptions;
  currentArn: string;
  plan: EcsPlan;
  /** When preparing began (the duration in the summary counts from here). */
  started: number;
}

/** describe -> plan -> (dry-run: return the plan) -> register -> update -> wait. */
export async function deployEcs(options: EcsDeployOptions, deps: StepDeps): Promise<EcsResult> {
  return applyEcs(await prepareEcs(options, deps), deps);
}

/**
 * Read-only: describes the service and its revision, renders and validates. Every problem
 * with the inputs surfaces here, before any mode of the step changes anything.
 */
export async function prepareEcs(options: EcsDeployOptions, deps: StepDeps): Promise<EcsPrepared> {
  const started = deps.now();
  const { ecs } = deps.clients;
  const { cluster, service } = options;

  const current = await describeService(ecs, { cluster, service });
  if (!current || current.status === 'INACTIVE') {
    throw new UserError(
      `Service '${service}' was not found in cluster '${cluster}'${current ? ' (it is INACTIVE)' : ''}: check inputs '${Input.service}' and '${Input.cluster}', and the region.`,
    );
  }
  if (!current.taskDefinition) throw new UserError(`Service '${service}' in cluster '${cluster}' has no task definition to start from.`);
  const running = await describeTaskDefinition(ecs, current.taskDefinition);
  // The service may name its revision as family:revision; outputs and comparisons use ARNs.
  const currentArn = arnOf(running.taskDefinition) ?? current.taskDefinition;
  const plan = planEcsDeploy({
    running,
    source: await loadSource(options.source, running, deps),
    overrides: options,
    forceNewDeployment: options.forceNewDeployment,
    desiredCount: options.desiredCount,
    currentDesiredCount: current.desiredCount,
  });
  deps.log.info(`Service '${service}' runs ${currentArn}`);
  for (const line of plan.diff) deps.log.info(`  ${line}`);
  return { options, currentArn, plan, started };
}

/** register -> update -> follow our deployment; in a dry run, returns the plan as 'planned'. */
export async function applyEcs(prepared: EcsPrepared, deps: StepDeps): Promise<EcsResult> {
  const { options, currentArn, plan, started } = prepared;
  const { ecs } = deps.clients;
  const { cluster, service } = options;

  const result = (fields: Partial<EcsResult> & Pick<EcsResult, 'verdict' | 'taskDefinitionArn'>): EcsResult => ({
    cluster,
    service,
    changed: false,
    registered: false,
    previousTaskDefinitionArn: currentArn,
    diff: plan.diff,
    before: plan.before,
    after: plan.after,
    durationMs: deps.now() - started,
    ...fields,
  });

  if (!plan.updateNeeded) {
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
  const outcome = await followDeployment(
    {
      cluster,
      service,
      deploymentId,
      since,
      intervalMs: options.wait.intervalMs,
      timeoutMs: options.wait.timeoutMs,
      maxFailedTasks: options.maxFailedTasks,
      taskOptions: { nonEssentialContainers: nonEssentialContainers(plan.rendered) },
    },
    deps,
  );
  if (outcome.state === 'failed') return result({ ...changed, verdict: 'failed', failure: outcome.message });
  return result({ ...changed, verdict: 'succeeded' });
}

/** The revision to render from; the running one unless the input names another. */
async function loadSource(source: TaskDefinitionSource, running: DescribedTaskDefinition, deps: StepDeps): Promise<DescribedTaskDefinition> {
  switch (source.kind) {
    case 'service':
      return running;
    case 'registered':
      return describeTaskDefinition(deps.clients.ecs, source.ref);
    case 'file':
      return { taskDefinition: source.taskDefinition, tags: source.tags };
  }
}
