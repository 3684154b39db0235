import type { Deployment, Service } from '@aws-sdk/client-ecs';
import { taskDefinitionLabel } from './aws-names.ts';

import { type Failure, failed } from './verdict.ts';

export type RolloutVerdict = { state: 'pending' } | { state: 'succeeded' } | Failure;

export interface RolloutSnapshot {
  /** The service as DescribeServices returned it; undefined when it is gone. */
  service: Service | undefined;
  /** Where we deploy, for the message when the service is gone. */
  where: { cluster: string; service: string };
  /** The id of the deployment our UpdateService created: the only one we judge. */
  deploymentId: string;
  /** Fail once this many tasks of our deployment failed; 0 disables the check. */
  maxFailedTasks: number;
}

export function primaryDeployment(service: Service): Deployment | undefined {
  return service.deployments?.find((d) => d.status === 'PRIMARY');
}

/**
 * The PRIMARY deployment still rolling out `taskDefinition` (ARN or family:revision), if
 * any. When the service already runs the target, this is a deployment an earlier run
 * started (and was killed while waiting for): a re-run follows it instead of starting another.
 */
export function deploymentInProgress(service: Service, taskDefinition: string): Deployment | undefined {
  const primary = primaryDeployment(service);
  if (primary?.id === undefined || primary.rolloutState !== 'IN_PROGRESS') return undefined;
  return taskDefinitionLabel(primary.taskDefinition) === taskDefinitionLabel(taskDefinition) ? primary : undefined;
}

/**
 * The PRIMARY deployment of `taskDefinition` when its rollout FAILED and nothing rolled it
 * back (no circuit-breaker rollback): the service "runs" the target on paper, but it never
 * came up. A re-run must not call that unchanged.
 */
export function deploymentFailed(service: Service, taskDefinition: string): Deployment | undefined {
  const primary = primaryDeployment(service);
  if (primary?.id === undefined || primary.rolloutState !== 'FAILED') return undefined;
  return taskDefinitionLabel(primary.taskDefinition) === taskDefinitionLabel(taskDefinition) ? primary : undefined;
}

/**
 * Judges one DescribeServices snapshot. Unlike the SDK's ServicesStable waiter, success
 * needs *our* deployment to be completed and alone, so a finished rollback is a failure.
 */
export function classifyRollout(input: RolloutSnapshot): RolloutVerdict {
  const { service, deploymentId, maxFailedTasks } = input;
  if (service === undefined) {
    return failed(
      'service-inactive',
      `service '${input.where.service}' disappeared from cluster '${input.where.cluster}' while deploying`,
    );
  }
  const name = `service '${serviceLabel(service)}'`;

  // Undefined status is tolerated: some emulators leave it out.
  if (service.status !== undefined && service.status !== 'ACTIVE') {
    return failed(
      'service-inactive',
      `${name} is ${service.status}: it was deleted or is being deleted, so deployment ${deploymentId} cannot complete`,
    );
  }

  const deployments = service.deployments ?? [];
  const ours = deployments.find((d) => d.id === deploymentId);
  const primary = primaryDeployment(service);
  const primaryIsOther = primary !== undefined && primary.id !== deploymentId;

  if (ours === undefined) {
    const now =
      primary === undefined
        ? 'no deployment is PRIMARY now'
        : `ECS now runs ${deploymentLabel(primary)}, probably a rollback`;
    return failed('replaced', `deployment ${deploymentId} is gone from ${name}; ${now}`);
  }

  if (ours.rolloutState === 'FAILED') {
    const why = ours.rolloutStateReason?.trim() || 'ECS gave no reason';
    const rollback =
      primaryIsOther && primary !== undefined
        ? `; ECS is rolling back to ${taskDefinitionLabel(primary.taskDefinition)} (${primary.id ?? 'unknown id'})`
        : '';
    return failed('rollout-failed', `deployment ${deploymentId} of ${name} failed: ${why}${rollback}`);
  }

  if (ours.status !== 'PRIMARY') {
    const now =
      primary === undefined
        ? 'no deployment is PRIMARY now'
        : `ECS now runs ${deploymentLabel(primary)}, a rollback or a newer deployment`;
    return failed(
      'replaced',
      `deployment ${deploymentId} of ${name} is no longer the primary one (status ${ours.status ?? 'unknown'}); ${now}`,
    );
  }

  const tooMany = tooManyFailedTasks(ours.failedTasks ?? 0, maxFailedTasks, `deployment ${deploymentId}`);
  if (tooMany !== undefined) return tooMany;

  // An older deployment still draining means old tasks still serve traffic: not done yet.
  const alone = deployments.length === 1;
  if (alone && isRolledOut(ours)) return { state: 'succeeded' };
  return { state: 'pending' };
}

/** The action's own failure once `count` tasks of `what` failed and `max-failed-tasks` (>0) is reached. */
export function tooManyFailedTasks(count: number, maxFailedTasks: number, what: string): Failure | undefined {
  if (maxFailedTasks <= 0 || count < maxFailedTasks) return undefined;
  return failed(
    'too-many-failed-tasks',
    `${count} ${count === 1 ? 'task' : 'tasks'} of ${what} failed (max-failed-tasks is ${maxFailedTasks})`,
  );
}

function isRolledOut(deployment: Deployment): boolean {
  if (deployment.rolloutState !== undefined) return deployment.rolloutState === 'COMPLETED';
  // No rolloutState (other deployment controllers, emulators): fall back to the counts.
  const running = deployment.runningCount ?? 0;
  const desired = deployment.desiredCount ?? 0;
  const pending = deployment.pendingCount ?? 0;
  return running >= desired && pending === 0;
}

function deploymentLabel(deployment: Deployment): string {
  return `${deployment.id ?? 'an unknown deployment'} (${taskDefinitionLabel(deployment.taskDefinition)})`;
}

function serviceLabel(service: Service): string {
  return service.serviceName ?? service.serviceArn ?? 'unknown';
}
