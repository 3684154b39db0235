// Putting a CodeDeploy deployment back when the action itself failed it (timeout,
// max-failed-tasks, cancelled job): StopDeployment with autoRollbackEnabled, then the
// rollback deployment CodeDeploy starts (rollbackInfo.rollbackDeploymentId) followed to
// its end. After a cancel, only the start runs in the main step; the post step follows.

import { getDeployment, stopDeployment } from '../aws/codedeploy.ts';
import { type StepDeps, uncancellable } from '../deps.ts';
import { messageOf } from '../errors.ts';
import { rollbackSubject, type StartedRollback } from '../plan/rollback.ts';
import { failureText } from '../plan/verdict.ts';
import { waitFor } from '../wait.ts';
import { type CodeDeployFollowDeps, followCodeDeploy } from './codedeploy-follow.ts';
import type { PostOutcome } from './rollout-controller.ts';

export interface CodeDeployRollbackOptions {
  deploymentId: string;
  intervalMs: number;
  timeoutMs: number;
  /** What serves again once the rollback succeeded (default: ECS's original task set). */
  restored?: string;
}

/** Asks CodeDeploy to stop the deployment and roll it back; one StopDeployment call. */
export async function startCodeDeployRollback(deps: CodeDeployFollowDeps, deploymentId: string): Promise<void> {
  const out = await stopDeployment(deps.codedeploy, deploymentId, true);
  deps.log.info(
    `StopDeployment (with rollback) for ${deploymentId}: ${out.status ?? 'accepted'}${out.message ? ` (${out.message})` : ''}`,
  );
}

/** How following a rollback ended: `ok` when the rollback deployment succeeded. */
export interface RollbackFollowed {
  ok: boolean;
  line: string;
}

/**
 * Waits for the rollback deployment CodeDeploy made for `deploymentId` and follows it to
 * Succeeded (the original task set serves again). Says whether it did, in one line.
 */
export async function followCodeDeployRollback(
  deps: CodeDeployFollowDeps,
  options: CodeDeployRollbackOptions,
): Promise<RollbackFollowed> {
  const started = deps.now();
  // A rollback after a cancel must run to its end.
  const quiet = uncancellable(deps);
  try {
    const rollbackId = await waitFor<string | undefined>(
      {
        what: `CodeDeploy to start the rollback of ${options.deploymentId}`,
        intervalMs: options.intervalMs,
        timeoutMs: options.timeoutMs,
        onProgress: () => {},
        check: async () => {
          const d = await getDeployment(deps.codedeploy, options.deploymentId);
          const id = d.rollbackInfo?.rollbackDeploymentId;
          if (id !== undefined) return { done: true, value: id };
          const ended = d.status === 'Stopped' || d.status === 'Failed' || d.status === 'Succeeded';
          return ended ? { done: true, value: undefined } : { done: false, state: d.status ?? '?' };
        },
      },
      quiet,
    );
    if (rollbackId === undefined)
      return { ok: false, line: `CodeDeploy made no rollback deployment for ${options.deploymentId}.` };
    deps.log.info(`following rollback deployment ${rollbackId}`);
    const left = Math.max(options.intervalMs, options.timeoutMs - (deps.now() - started));
    const { verdict } = await followCodeDeploy(
      { deploymentId: rollbackId, goal: 'completed', intervalMs: options.intervalMs, timeoutMs: left },
      quiet,
    );
    return verdict.state === 'succeeded'
      ? {
          ok: true,
          line: `Rolled back: rollback deployment ${rollbackId} succeeded; ${options.restored ?? 'the original task set serves again'}.`,
        }
      : { ok: false, line: `The rollback deployment ${rollbackId} did not succeed: ${failureText(verdict) ?? ''}` };
  } catch (error) {
    return { ok: false, line: `The rollback of ${options.deploymentId} could not be followed: ${messageOf(error)}` };
  }
}

/** The post step's part after a cancel: the rollback the main step started, followed to its end. */
export async function followCodeDeployAfterCancel(rollback: StartedRollback, deps: StepDeps): Promise<PostOutcome> {
  const id = rollback.codeDeployDeploymentId;
  if (id === undefined) return { ok: true, text: 'Nothing to follow.' };
  deps.log.info(`Following the rollback of CodeDeploy deployment ${id} (the job was cancelled mid-deploy).`);
  const cd = await deps.clients.codedeploy();
  // A Lambda function's deployment (mode lambda through CodeDeploy) puts its alias back instead of a task set.
  const restored =
    rollback.functionName === undefined
      ? {}
      : { restored: `its alias is on ${rollback.to ?? 'the previous version'} again` };
  const { ok, line } = await followCodeDeployRollback(
    { ...deps, codedeploy: cd },
    { deploymentId: id, intervalMs: rollback.intervalMs, timeoutMs: rollback.timeoutMs, ...restored },
  );
  return { ok, text: `${rollbackSubject(rollback)}: ${line}` };
}
