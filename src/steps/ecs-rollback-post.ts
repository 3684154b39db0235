import type { StepDeps } from '../deps.ts';
import { rollbackOutcome } from '../plan/service-deployment.ts';
import { failureText } from '../plan/verdict.ts';
import { followDeployment } from './ecs-follow.ts';
import type { StartedRollback } from '../plan/rollback.ts';
import { followRecord } from './ecs-rollback.ts';

/** Follows a rollback the cancelled main step started: the record if there is one, else the deployment. */
export async function followRollbackAfterCancel(rollback: StartedRollback, deps: StepDeps): Promise<{ ok: boolean; text: string }> {
  const { cluster, service } = rollback;
  if (rollback.recordArn !== undefined) {
    deps.log.info(`Following the rollback of ${rollback.recordArn} (the job was cancelled mid-deploy).`);
    const end = await followRecord(rollback.recordArn, rollback, deps);
    const ok = end.status === 'ROLLBACK_SUCCESSFUL' || end.status === 'STOPPED';
    return { ok, text: `Service '${service}': ${rollbackOutcome(end)} (${end.status ?? 'no status'}).` };
  }
  if (rollback.deploymentId !== undefined) {
    deps.log.info(`Following deployment ${rollback.deploymentId} back to ${rollback.to ?? 'the previous revision'} (the job was cancelled mid-deploy).`);
    const verdict = await followDeployment(
      { cluster, service, deploymentId: rollback.deploymentId, since: new Date(deps.now()), intervalMs: rollback.intervalMs, timeoutMs: rollback.timeoutMs, maxFailedTasks: 0, taskOptions: {} },
      deps,
    );
    if (verdict.state === 'succeeded') return { ok: true, text: `Service '${service}' is back on ${rollback.to ?? 'its previous revision'}.` };
    return { ok: false, text: `The rollback of service '${service}' failed: ${failureText(verdict) ?? ''}` };
  }
  return { ok: true, text: 'Nothing to follow.' };
}
