// The ECS controller: rolling, BLUE_GREEN, LINEAR and CANARY deployments, which the
// service takes through UpdateService and ECS's deployment record reports.

import type { Service } from '@aws-sdk/client-ecs';
import { type DescribedTaskDefinition, describeTaskDefinition, updateService } from '../aws/ecs.ts';
import type { StepDeps } from '../deps.ts';
import { awsErrorName, messageOf, UserError } from '../errors.ts';
import { Input } from '../names.ts';
import { taskDefinitionLabel } from '../plan/aws-names.ts';
import { nonEssentialContainers } from '../plan/containers.ts';
import { arnOf, decideStanding, planEcsDeploy, type Standing } from '../plan/ecs-deploy.ts';
import { primaryDeployment } from '../plan/ecs-rollout.ts';
import type { StartedRollback } from '../plan/rollback.ts';
import { rollbackOutcome } from '../plan/service-deployment.ts';
import { strategyOf, waitUntilProblem } from '../plan/service-deployment-stages.ts';
import { failureText } from '../plan/verdict.ts';
import type { EcsServiceOptions, TaskDefinitionSource } from '../settings.ts';
import { EcsWatch, followDeployment } from './ecs-follow.ts';
import { DeploymentRecord } from './ecs-record.ts';
import { followRecord, settleFailure } from './ecs-rollback.ts';
import type { Registration } from './register-revision.ts';
import type { EcsPrepared, PostOutcome, ResultFields, RolloutController, Start } from './rollout-controller.ts';

export const ecsController: RolloutController = {
  kind: 'ecs',
  registers: true,
  prepare: prepareFromTaskDefinition,
  start: (prepared, registration, deps) => startUpdate(prepared, registration, deps),
  followAfterCancel,
};

/**
 * Read-only: the service's revision, the rendered one and the diff, and what the service's
 * deployment of the target says when nothing changes. Also how CodeDeploy services plan.
 */
export async function prepareFromTaskDefinition(
  found: { service: Service; started: number },
  options: EcsServiceOptions,
  deps: StepDeps,
): Promise<EcsPrepared> {
  const { service: current, started } = found;
  const { cluster, service } = options;
  refuseUnreachableWaitUntil(current, options);
  if (!current.taskDefinition)
    throw new UserError(`Service '${service}' in cluster '${cluster}' has no task definition to start from.`);
  const running = await describeTaskDefinition(deps.clients.ecs, current.taskDefinition);
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
  return { options, controller: 'ecs', currentArn, plan, started, standing };
}

/** UpdateService to the registered (or named) revision, and the deployment it started to follow. */
async function startUpdate(
  prepared: EcsPrepared,
  registration: Registration | undefined,
  deps: StepDeps,
): Promise<Start> {
  const { options, plan } = prepared;
  const { cluster, service } = options;
  if (!plan.updateNeeded) return fromStanding(prepared, deps);
  if (options.dryRun) {
    deps.log.info(
      `Dry run: would ${plan.registerNeeded ? 'register a new revision and ' : ''}update service '${service}'.`,
    );
    // No ARN exists yet for a revision that would be registered: the output stays empty.
    return { finished: { verdict: { state: 'planned' }, taskDefinitionArn: plan.targetArn ?? '' } };
  }
  const targetArn = registration?.arn ?? plan.targetArn;
  if (targetArn === undefined)
    throw new Error(`the plan of service '${service}' needs a registration, but none was made`);
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
  const fields = {
    changed: true,
    registered: registration?.registered === true,
    taskDefinitionArn: targetArn,
    deploymentId,
  };
  if (!options.wait.enabled) return { finished: { ...fields, verdict: { state: 'started' } } };
  if (!deploymentId) {
    throw new UserError(
      `UpdateService for '${service}' reported no PRIMARY deployment to follow; set '${Input.wait}: false' to skip waiting.`,
    );
  }
  const since = deployment.createdAt ?? new Date(prepared.started);
  return {
    following: followRecordOf(
      prepared,
      { deploymentId, since, recordArn: updated.currentServiceDeployment, taskDefinitionArn: targetArn },
      deps,
    ),
    fields,
  };
}

/** Nothing to update: the standing decided in prepare says whether to follow, refuse or stop here. */
export function fromStanding(prepared: EcsPrepared, deps: StepDeps): Start {
  const { options, currentArn, standing, started } = prepared;
  const { service } = options;
  const taskDefinitionArn = currentArn;
  switch (standing.kind) {
    case 'unchanged':
      deps.log.info(`Nothing to change: service '${service}' already runs this task definition.`);
      return { finished: { verdict: { state: 'unchanged' }, taskDefinitionArn } };
    case 'failed': {
      const deploymentId = standing.deployment.id;
      if (!options.dryRun) return { finished: { verdict: standing.failure, taskDefinitionArn, deploymentId } };
      deps.log.warning(standing.failure.reason);
      return { finished: { verdict: { state: 'unchanged' }, taskDefinitionArn, deploymentId } };
    }
    case 'in-progress': {
      // A re-run after a kill: the deployment the earlier run started is ours to finish.
      const { deployment } = standing;
      const deploymentId = deployment.id;
      const what = `deployment ${deploymentId} of ${taskDefinitionLabel(currentArn)} to service '${service}'`;
      if (options.dryRun) {
        deps.log.info(`Dry run: nothing to change, but ${what} is still in progress; a real run would follow it.`);
        return { finished: { verdict: { state: 'unchanged' }, taskDefinitionArn, deploymentId } };
      }
      if (!options.wait.enabled) {
        deps.log.info(`Nothing to change; ${what} is still in progress (not waiting: '${Input.wait}' is false).`);
        return { finished: { verdict: { state: 'unchanged' }, taskDefinitionArn, deploymentId } };
      }
      deps.log.info(
        `Nothing to change, but ${what} is still in progress (a stopped run of this deploy, most likely): picking it up and following it.`,
      );
      const since = deployment.createdAt ?? new Date(started);
      const fields: ResultFields = { taskDefinitionArn, deploymentId };
      return {
        following: followRecordOf(
          prepared,
          { deploymentId, since, recordArn: standing.recordArn, taskDefinitionArn },
          deps,
        ),
        fields,
      };
    }
  }
}

/** What a deployment is followed by: DescribeServices and ECS's record of it. */
export interface RecordTarget {
  deploymentId: string;
  since: Date;
  /** `currentServiceDeployment` when ECS named it. */
  recordArn: string | undefined;
  taskDefinitionArn: string;
}

/**
 * Follows a deployment through DescribeServices and its record, and settles a failure with
 * ECS's rollback or the step's own (rollback-on-failure). Express Mode follows the same way.
 */
export function followRecordOf(prepared: EcsPrepared, target: RecordTarget, deps: StepDeps): EcsWatch {
  const { options, plan, currentArn } = prepared;
  const { cluster, service } = options;
  const record = new DeploymentRecord(
    {
      cluster,
      service,
      since: target.since,
      taskDefinitionArn: target.taskDefinitionArn,
      waitUntil: options.waitUntil,
      intervalMs: options.wait.intervalMs,
      ...(target.recordArn ? { arn: target.recordArn } : {}),
    },
    deps,
  );
  const common = {
    cluster,
    service,
    intervalMs: options.wait.intervalMs,
    timeoutMs: options.wait.timeoutMs,
    maxFailedTasks: options.maxFailedTasks,
    taskOptions: { nonEssentialContainers: nonEssentialContainers(plan.rendered) },
  };
  return new EcsWatch(
    { ...common, deploymentId: target.deploymentId, since: target.since, record },
    deps,
    (failure, seen) =>
      settleFailure(
        failure,
        {
          ...common,
          controller: prepared.controller,
          previousTaskDefinitionArn: currentArn,
          rollbackOnFailure: options.rollbackOnFailure,
          ...(seen === undefined ? {} : { record: seen }),
        },
        deps,
      ),
  );
}

/** Follows a rollback the cancelled main step started: the record if there is one, else the deployment. */
export async function followAfterCancel(rollback: StartedRollback, deps: StepDeps): Promise<PostOutcome> {
  const { cluster, service } = rollback;
  if (rollback.recordArn !== undefined) {
    deps.log.info(`Following the rollback of ${rollback.recordArn} (the job was cancelled mid-deploy).`);
    const end = await followRecord(rollback.recordArn, rollback, deps);
    const ok = end.status === 'ROLLBACK_SUCCESSFUL' || end.status === 'STOPPED';
    return { ok, text: `Service '${service}': ${rollbackOutcome(end)} (${end.status ?? 'no status'}).` };
  }
  if (rollback.deploymentId !== undefined) {
    deps.log.info(
      `Following deployment ${rollback.deploymentId} back to ${rollback.to ?? 'the previous revision'} (the job was cancelled mid-deploy).`,
    );
    const verdict = await followDeployment(
      {
        cluster,
        service,
        deploymentId: rollback.deploymentId,
        since: new Date(deps.now()),
        intervalMs: rollback.intervalMs,
        timeoutMs: rollback.timeoutMs,
        maxFailedTasks: 0,
        taskOptions: {},
      },
      deps,
    );
    if (verdict.state === 'succeeded')
      return { ok: true, text: `Service '${service}' is back on ${rollback.to ?? 'its previous revision'}.` };
    return { ok: false, text: `The rollback of service '${service}' failed: ${failureText(verdict) ?? ''}` };
  }
  return { ok: true, text: 'Nothing to follow.' };
}

/** The revision to render from; the running one unless the input names another. */
async function loadSource(
  source: TaskDefinitionSource,
  running: DescribedTaskDefinition,
  deps: StepDeps,
): Promise<DescribedTaskDefinition> {
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

/** `wait-until` names a stage the service's strategy never goes through: refused before any change. */
export function refuseUnreachableWaitUntil(current: Service, options: EcsServiceOptions): void {
  const problem = waitUntilProblem(options.waitUntil, strategyOf(current.deploymentConfiguration));
  if (problem === undefined) return;
  throw new UserError(
    `Input '${Input.waitUntil}' ('${options.waitUntil}') cannot be reached on service '${options.service}': ${problem}.`,
  );
}
