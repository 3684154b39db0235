import type { Deployment } from '@aws-sdk/client-ecs';
import {
  describeService,
  describeTaskDefinition,
  updateService,
  type DescribedTaskDefinition,
} from '../aws/ecs.ts';
import type { StepDeps } from '../deps.ts';
import { UserError, awsErrorName, messageOf } from '../errors.ts';
import { Input } from '../names.ts';
import { arnOf, planEcsDeploy, type EcsOverrides, type EcsPlan, type TaskSize } from '../plan/ecs-deploy.ts';
import { deploymentFailed, deploymentInProgress, primaryDeployment, taskDefinitionLabel } from '../plan/ecs-rollout.ts';
import { nonEssentialContainers, type Tag, type TaskDefinitionDoc } from '../plan/task-definition.ts';
import { followDeployment, type FollowOutcome } from './ecs-follow.ts';
import { registerOrReuse, type Registration } from './register-revision.ts';

export type TaskDefinitionSource =
  | { kind: 'service' }
  | { kind: 'registered'; ref: string }
  | { kind: 'file'; path: string; taskDefinition: TaskDefinitionDoc; tags: Tag[] };

export interface EcsDeployOptions extends EcsOverrides {
  cluster: string;
  service: string;
  source: TaskDefinitionSource;
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
  /**
   * When nothing needs updating: the PRIMARY deployment of the running revision that was
   * still IN_PROGRESS when prepared (an earlier run, killed while waiting, started it).
   */
  inProgress?: Deployment;
  /** When nothing needs updating: the service's deployment of the target, if it FAILED without a rollback. */
  failed?: Deployment;
  /** Set by ensureRegistered, so applyEcs does not register a second time. */
  registration?: Registration;
}

/** The revision made for this plan: registered now, or an identical latest one reused. */
export type { Registration } from './register-revision.ts';

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

  const current = await describeService(ecs, { cluster, service }).catch((error: unknown) => {
    if (awsErrorName(error) !== 'ClusterNotFoundException') throw error;
    throw new UserError(`Cluster '${cluster}' was not found: check input '${Input.cluster}' (a cluster name or ARN) and the region.`, { cause: error });
  });
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
  const inProgress = plan.updateNeeded ? undefined : deploymentInProgress(current, currentArn);
  const failed = plan.updateNeeded ? undefined : deploymentFailed(current, currentArn);
  return { options, currentArn, plan, started, ...(inProgress === undefined ? {} : { inProgress }), ...(failed === undefined ? {} : { failed }) };
}

/**
 * The ARN applyEcs will point the service at: registers the rendered revision now when the
 * plan needs one (or reuses an identical latest revision of the family), and remembers it
 * so applyEcs does not register again. For run-task, which runs "the revision ecs deploys"
 * before the services roll. A dry run registers nothing.
 */
export async function ensureRegistered(prepared: EcsPrepared, deps: StepDeps): Promise<string> {
  const { plan } = prepared;
  if (plan.targetArn !== undefined) return plan.targetArn;
  if (prepared.options.dryRun) return '(new revision)';
  prepared.registration ??= await registerRevision(prepared, deps);
  return prepared.registration.arn;
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
    const inProgress = prepared.inProgress;
    const failedBefore = prepared.failed;
    if (inProgress?.id === undefined && failedBefore?.id !== undefined) {
      // Honest about a service whose last rollout of this revision failed and stayed failed.
      const message = `Service '${service}' is set to ${taskDefinitionLabel(currentArn)}, but its deployment ${failedBefore.id} of it FAILED (${failedBefore.rolloutStateReason ?? 'no reason given'}) and was not rolled back: nothing was changed. Fix the cause, then set '${Input.forceNewDeployment}: true' to roll it out again.`;
      if (options.dryRun) {
        deps.log.warning(message);
        return result({ verdict: 'unchanged', taskDefinitionArn: currentArn, deploymentId: failedBefore.id });
      }
      return result({ verdict: 'failed', failure: message, taskDefinitionArn: currentArn, deploymentId: failedBefore.id });
    }
    if (inProgress?.id === undefined) {
      deps.log.info(`Nothing to change: service '${service}' already runs this task definition.`);
      return result({ verdict: 'unchanged', taskDefinitionArn: currentArn });
    }
    // A re-run after a kill: the deployment the earlier run started is ours to finish.
    const deploymentId = inProgress.id;
    const picked = { taskDefinitionArn: currentArn, deploymentId };
    const what = `deployment ${deploymentId} of ${taskDefinitionLabel(currentArn)} to service '${service}'`;
    if (options.dryRun) {
      deps.log.info(`Dry run: nothing to change, but ${what} is still in progress; a real run would follow it.`);
      return result({ ...picked, verdict: 'unchanged' });
    }
    if (!options.wait.enabled) {
      deps.log.info(`Nothing to change; ${what} is still in progress (not waiting: '${Input.wait}' is false).`);
      return result({ ...picked, verdict: 'unchanged' });
    }
    deps.log.info(`Nothing to change, but ${what} is still in progress (a stopped run of this deploy, most likely): picking it up and following it.`);
    const outcome = await follow(prepared, { deploymentId, since: inProgress.createdAt ?? new Date(started) }, deps);
    return result({ ...picked, ...verdictOf(outcome) });
  }
  if (options.dryRun) {
    deps.log.info(
      `Dry run: would ${plan.registerNeeded ? 'register a new revision and ' : ''}update service '${service}'.`,
    );
    return result({ verdict: 'planned', taskDefinitionArn: plan.targetArn ?? '(new revision)' });
  }

  const targetArn = await ensureRegistered(prepared, deps);
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
  const changed = { changed: true, registered: prepared.registration?.registered === true, taskDefinitionArn: targetArn, deploymentId };

  if (!options.wait.enabled) return result({ ...changed, verdict: 'started' });
  if (!deploymentId) {
    throw new UserError(`UpdateService for '${service}' reported no PRIMARY deployment to follow; set '${Input.wait}: false' to skip waiting.`);
  }
  const outcome = await follow(prepared, { deploymentId, since: deployment.createdAt ?? new Date(started) }, deps);
  return result({ ...changed, ...verdictOf(outcome) });
}

function follow(prepared: EcsPrepared, deployment: { deploymentId: string; since: Date }, deps: StepDeps): Promise<FollowOutcome> {
  const { options, plan } = prepared;
  return followDeployment(
    {
      cluster: options.cluster,
      service: options.service,
      ...deployment,
      intervalMs: options.wait.intervalMs,
      timeoutMs: options.wait.timeoutMs,
      maxFailedTasks: options.maxFailedTasks,
      taskOptions: { nonEssentialContainers: nonEssentialContainers(plan.rendered) },
    },
    deps,
  );
}

function verdictOf(outcome: FollowOutcome): Pick<EcsResult, 'verdict' | 'failure'> {
  return outcome.state === 'failed' ? { verdict: 'failed', failure: outcome.message } : { verdict: 'succeeded' };
}

/** Registers the rendered revision (or reuses an identical latest one), within the wait timeout. */
async function registerRevision(prepared: EcsPrepared, deps: StepDeps): Promise<Registration> {
  return registerOrReuse(prepared.plan.rendered, prepared.plan.tags, { timeoutMs: prepared.options.wait.timeoutMs }, deps);
}

/** The revision to render from; the running one unless the input names another. */
async function loadSource(source: TaskDefinitionSource, running: DescribedTaskDefinition, deps: StepDeps): Promise<DescribedTaskDefinition> {
  switch (source.kind) {
    case 'service':
      return running;
    case 'registered':
      return describeTaskDefinition(deps.clients.ecs, source.ref).catch((error: unknown) => {
        // ECS answers an unknown family or revision with a bare ClientException.
        if (awsErrorName(error) !== 'ClientException') throw error;
        throw new UserError(
          `Input '${Input.taskDefinition}' ('${source.ref}') names no task definition ECS knows (${messageOf(error)}): check the family, revision and region.`,
          { cause: error },
        );
      });
    case 'file':
      return { taskDefinition: source.taskDefinition, tags: source.tags };
  }
}
