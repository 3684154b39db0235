// A rollback of our deployment, as the steps report it and the log and summary print it.

import type { ControllerKind } from './ecs-controller.ts';
import type { Verdict } from './verdict.ts';

export interface RollbackReport {
  /** Who rolled back: ECS on its own, or this step (StopServiceDeployment, else UpdateService). */
  by: 'ecs' | 'stop-service-deployment' | 'update-service' | 'stop-deployment' | 'update-alias';
  /** `started` when the job was cancelled before the rollback could be followed to its end. */
  verdict: Verdict<'succeeded' | 'started'>;
  /** The revision the service was (or is being) put back on, when known. */
  to?: string;
  /** The deployment record's status when the rollback was last seen (ROLLBACK_SUCCESSFUL, ...): newer than the follower's. */
  recordStatus?: string;
  /** What to follow when the rollback was only started (a cancelled job): for the post step. */
  follow?: RollbackFollow;
}

/** One line: who rolled back, to what, and how it went. */
export function rollbackLine(rollback: RollbackReport): string {
  const how =
    rollback.by === 'ecs'
      ? 'ECS'
      : rollback.by === 'stop-service-deployment'
        ? 'StopServiceDeployment (ROLLBACK)'
        : rollback.by === 'stop-deployment'
          ? 'CodeDeploy StopDeployment (autoRollbackEnabled)'
          : rollback.by === 'update-alias'
            ? 'UpdateAlias to the previous version'
            : 'UpdateService to the previous revision';
  const to = rollback.to === undefined ? '' : ` to ${rollback.to}`;
  switch (rollback.verdict.state) {
    case 'succeeded':
      return `rolled back${to} by ${how}: succeeded`;
    case 'started':
      return `rollback${to} by ${how} started; the job was cancelled, so the post step follows it`;
    default:
      return `rollback${to} by ${how} FAILED: ${rollback.verdict.state === 'failed' ? rollback.verdict.reason : ''}`;
  }
}

/** What the post step follows, tagged with the controller that follows it (its `followAfterCancel`). */
export interface RollbackFollow {
  controller: ControllerKind;
  /** ECS's deployment record being rolled back (StopServiceDeployment, or ECS's own rollback). */
  recordArn?: string;
  /** The ECS deployment an UpdateService back to the previous revision started. */
  deploymentId?: string;
  /** The CodeDeploy deployment being stopped and rolled back. */
  codeDeployDeploymentId?: string;
  /** The Lambda function whose CodeDeploy deployment it is (its cluster and service are then ''). */
  functionName?: string;
}

/** Whose rollback it is, for the post step's lines: "Service 'web'" or "Lambda function 'api'". */
export function rollbackSubject(rollback: Pick<StartedRollback, 'service' | 'functionName'>): string {
  return rollback.functionName === undefined
    ? `Service '${rollback.service}'`
    : `Lambda function '${rollback.functionName}'`;
}

/** A rollback the cancelled main step started, as the post step gets it to follow. */
export interface StartedRollback extends RollbackFollow {
  cluster: string;
  service: string;
  to?: string;
  intervalMs: number;
  timeoutMs: number;
}
