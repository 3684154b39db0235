import { describeService, describeTaskDefinition, updateService, type DescribedTaskDefinition } from '../aws/ecs.ts';
import type { StepDeps } from '../deps.ts';
import { UserError, awsErrorName, messageOf } from '../errors.ts';
import { Input } from '../names.ts';
import { taskDefinitionLabel } from '../plan/aws-names.ts';
import { arnOf, decideStanding, planEcsDeploy, type EcsPlan, type Standing } from '../plan/ecs-deploy.ts';
import { primaryDeployment } from '../plan/ecs-rollout.ts';
import { nonEssentialContainers } from '../plan/containers.ts';
import type { EcsResult } from '../results.ts';
import type { EcsDeployOptions, TaskDefinitionSource } from '../settings.ts';
import { followDeployments } from './ecs-follow.ts';
import { DeploymentRecord } from './ecs-record.ts';
import { settleFailure } from './ecs-rollback.ts';
import { strategyOf, waitUntilProblem } from '../plan/service-deployment-stages.ts';
import { isFailure, type Failure } from '../plan/verdict.ts';
import type { ServiceDeploymentReport } from '../results.ts';
import { registerOrReuse, type Registration } from './register-revision.ts';

/** What prepareEcs found and decided; applyEcs carries it out. */
export interface EcsPrepared {
  options: EcsDeployOptions;
  currentArn: string;
  plan: EcsPlan;
  /** When preparing began (the duration in the summary counts from here). */
  started: number;
  /** When nothing needs updating: what the service's deployment of the target says. */
  standing: Standing;
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

  const current = await describeService(ecs, { cluster, service }).catch((error: unknown) => {
    if (awsErrorName(error) !== 'ClusterNotFoundException') throw error;
    throw new UserError(`Cluster '${cluster}' was not found: check input '${Input.cluster}' (a cluster name or ARN) and the region.`, { cause: error });
  });
  if (!current || current.status === 'INACTIVE') {
    throw new UserError(
      `Service '${service}' was not found in cluster '${cluster}'${current ? ' (it is INACTIVE)' : ''}: check inputs '${Input.service}' and '${Input.cluster}', and the region.`,
    );
  }
  const problem = waitUntilProblem(options.waitUntil, strategyOf(current.deploymentConfiguration));
  if (problem !== undefined) throw new UserError(`Input '${Input.waitUntil}' ('${options.waitUntil}') cannot be reached on service '${service}': ${problem}.`);
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
  const standing: Standing = plan.updateNeeded ? { kind: 'unchanged' } : decideStanding(current, currentArn, service);
  return { options, currentArn, plan, started, standing };
}

/**
 * Registers the rendered revision when the plan needs one (or reuses an identical latest
 * revision of the family), and says which ARN the service will be pointed at. The pipeline
 * calls it early when run-task runs "the revision ecs deploys", then hands the registration
 * to applyEcs. Undefined when nothing needs registering.
 */
export async function ensureRegistered(prepared: EcsPrepared, deps: StepDeps): Promise<Registration | undefined> {
  const { plan, options } = prepared;
  if (plan.targetArn !== undefined || options.dryRun) return undefined;
  return registerOrReuse(plan.rendered, plan.tags, { timeoutMs: options.wait.timeoutMs }, deps);
}

/** register -> update -> follow our deployment; in a dry run, returns the plan as 'planned'. */
export async function applyEcs(prepared: EcsPrepared, deps: StepDeps, registration?: Registration): Promise<EcsResult> {
  const start = await startEcs(prepared, deps, registration);
  if ('done' in start) return start.done;
  const [result] = await followStarted([{ started: start.follow, deps }], deps);
  if (result === undefined) throw new Error('followStarted returned no result for its one service');
  return result;
}

/** A deployment startEcs left to follow: the one its UpdateService started, or one a stopped run left in progress. */
export interface EcsStarted {
  prepared: EcsPrepared;
  deploymentId: string;
  since: Date;
  recordArn: string | undefined;
  /** The result's fields so far. */
  fields: Partial<EcsResult> & Pick<EcsResult, 'taskDefinitionArn'>;
}

/** Either the service's result already (nothing to follow), or what to follow. */
export type EcsStart = { done: EcsResult } | { follow: EcsStarted };

/** register -> update, up to the deployment to follow (followStarted follows it). */
export async function startEcs(prepared: EcsPrepared, deps: StepDeps, registration?: Registration): Promise<EcsStart> {
  const { options, plan, started } = prepared;
  const { cluster, service } = options;
  const result = finisher(prepared, deps);

  if (!plan.updateNeeded) return applyStanding(prepared, deps, result);
  if (options.dryRun) {
    deps.log.info(`Dry run: would ${plan.registerNeeded ? 'register a new revision and ' : ''}update service '${service}'.`);
    // No ARN exists yet for a revision that would be registered: the output stays empty.
    return { done: result({ verdict: { state: 'planned' }, taskDefinitionArn: plan.targetArn ?? '' }) };
  }

  const made = registration ?? (await ensureRegistered(prepared, deps));
  const targetArn = made?.arn ?? plan.targetArn;
  if (targetArn === undefined) throw new Error('applyEcs: the plan needs a registration, but none was made');
  const updated = await updateService(deps.clients.ecs, {
    cluster,
    service,
    taskDefinition: targetArn,
    forceNewDeployment: options.forceNewDeployment,
    desiredCount: options.desiredCount,
    ...(options.propagateTags === undefined ? {} : { propagateTags: options.propagateTags }),
    ...(options.enableEcsManagedTags === undefined ? {} : { enableEcsManagedTags: options.enableEcsManagedTags }),
  });
  const deployment = primaryDeployment(updated);
  const deploymentId = deployment?.id;
  deps.log.info(`Updated service '${service}': deployment ${deploymentId ?? '(none reported)'}`);
  const changed = { changed: true, registered: made?.registered === true, taskDefinitionArn: targetArn, deploymentId };

  if (!options.wait.enabled) return { done: result({ ...changed, verdict: { state: 'started' } }) };
  if (!deploymentId) {
    throw new UserError(`UpdateService for '${service}' reported no PRIMARY deployment to follow; set '${Input.wait}: false' to skip waiting.`);
  }
  const since = deployment.createdAt ?? new Date(started);
  return { follow: { prepared, deploymentId, since, recordArn: updated.currentServiceDeployment, fields: changed } };
}

/** The result of a service whose start threw (a registration or UpdateService AWS refused), when other services carry on. */
export function failedResult(prepared: EcsPrepared, failure: Failure, deps: StepDeps): EcsResult {
  return finisher(prepared, deps)({ verdict: failure, taskDefinitionArn: prepared.currentArn });
}

type Finish = (fields: Partial<EcsResult> & Pick<EcsResult, 'verdict' | 'taskDefinitionArn'>) => EcsResult;

/** The service's result from its plan, with the fields the step learned; the duration counts from prepare. */
function finisher(prepared: EcsPrepared, deps: StepDeps): Finish {
  const { options, currentArn, plan, started } = prepared;
  return (fields) => ({
    cluster: options.cluster,
    service: options.service,
    changed: false,
    registered: false,
    previousTaskDefinitionArn: currentArn,
    diff: plan.diff,
    before: plan.before,
    after: plan.after,
    durationMs: deps.now() - started,
    ...fields,
  });
}

/** Nothing to update: the standing decided in prepare says whether to follow, refuse or stop here. */
function applyStanding(prepared: EcsPrepared, deps: StepDeps, result: Finish): EcsStart {
  const { options, currentArn, standing, started } = prepared;
  const { service } = options;
  const taskDefinitionArn = currentArn;
  switch (standing.kind) {
    case 'unchanged':
      deps.log.info(`Nothing to change: service '${service}' already runs this task definition.`);
      return { done: result({ verdict: { state: 'unchanged' }, taskDefinitionArn }) };
    case 'failed': {
      const deploymentId = standing.deployment.id;
      if (!options.dryRun) return { done: result({ verdict: standing.failure, taskDefinitionArn, deploymentId }) };
      deps.log.warning(standing.failure.reason);
      return { done: result({ verdict: { state: 'unchanged' }, taskDefinitionArn, deploymentId }) };
    }
    case 'in-progress': {
      // A re-run after a kill: the deployment the earlier run started is ours to finish.
      const { deployment } = standing;
      const deploymentId = deployment.id;
      const what = `deployment ${deploymentId} of ${taskDefinitionLabel(currentArn)} to service '${service}'`;
      if (options.dryRun) {
        deps.log.info(`Dry run: nothing to change, but ${what} is still in progress; a real run would follow it.`);
        return { done: result({ verdict: { state: 'unchanged' }, taskDefinitionArn, deploymentId }) };
      }
      if (!options.wait.enabled) {
        deps.log.info(`Nothing to change; ${what} is still in progress (not waiting: '${Input.wait}' is false).`);
        return { done: result({ verdict: { state: 'unchanged' }, taskDefinitionArn, deploymentId }) };
      }
      deps.log.info(`Nothing to change, but ${what} is still in progress (a stopped run of this deploy, most likely): picking it up and following it.`);
      const since = deployment.createdAt ?? new Date(started);
      return { follow: { prepared, deploymentId, since, recordArn: standing.recordArn, fields: { taskDefinitionArn, deploymentId } } };
    }
  }
}

/**
 * Follows the started deployments together (one DescribeServices per poll for all, see
 * followDeployments), each with ECS's record of it and its own deps (its log lines); then
 * settles each failure (a rollback) side by side. Results come back in the given order.
 */
export async function followStarted(items: ReadonlyArray<{ started: EcsStarted; deps: StepDeps }>, deps: StepDeps): Promise<EcsResult[]> {
  const watched = items.map(({ started, deps: own }) => {
    const { options, plan } = started.prepared;
    const { cluster, service } = options;
    const record = new DeploymentRecord(
      { cluster, service, since: started.since, taskDefinitionArn: started.fields.taskDefinitionArn, waitUntil: options.waitUntil, intervalMs: options.wait.intervalMs, ...(started.recordArn ? { arn: started.recordArn } : {}) },
      own,
    );
    const common = {
      cluster,
      service,
      intervalMs: options.wait.intervalMs,
      timeoutMs: options.wait.timeoutMs,
      maxFailedTasks: options.maxFailedTasks,
      taskOptions: { nonEssentialContainers: nonEssentialContainers(plan.rendered) },
    };
    return { started, own, record, common };
  });
  const verdicts = await followDeployments(
    watched.map(({ started, own, record, common }) => ({ options: { ...common, deploymentId: started.deploymentId, since: started.since, record }, deps: own })),
    deps,
  );
  return Promise.all(
    watched.map(async ({ started, own, record, common }, index) => {
      const verdict = verdicts[index] ?? { state: 'succeeded' as const };
      const { prepared } = started;
      const settled = isFailure(verdict)
        ? await settleFailure(verdict, { ...common, previousTaskDefinitionArn: prepared.currentArn, record, rollbackOnFailure: prepared.options.rollbackOnFailure }, own)
        : { verdict };
      const report = reportOf(record);
      const followed: Pick<EcsResult, 'verdict' | 'serviceDeployment' | 'rollback'> = { ...settled, ...(report === undefined ? {} : { serviceDeployment: report }) };
      return finisher(prepared, own)({ ...started.fields, ...followed });
    }),
  );
}

function reportOf(record: DeploymentRecord): ServiceDeploymentReport | undefined {
  const last = record.last;
  if (record.arn === undefined || last === undefined) return undefined;
  return {
    arn: record.arn,
    strategy: record.strategy,
    ...(last.status === undefined ? {} : { status: last.status }),
    stages: record.stages(),
    alarms: { watched: last.alarms?.alarmNames ?? [], triggered: last.alarms?.triggeredAlarmNames ?? [] },
    hooks: (last.lifecycleHookDetails ?? []).map((h) => `${h.hookId ?? 'unknown'}${h.targetArn ? ` (${h.targetArn})` : ''}: ${h.status ?? 'unknown'}`),
  };
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
