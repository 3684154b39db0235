// With ecs and lambda in one step and rollback-on-failure: when either fails, the other is
// put back as it was, so the step leaves everything as it found it.

import { updateService } from '../aws/ecs.ts';
import { getFunctionConfiguration, updateFunctionCode } from '../aws/lambda.ts';
import { type StepDeps, withLogPrefix } from '../deps.ts';
import { CancelledError, messageOf } from '../errors.ts';
import { primaryDeployment } from '../plan/ecs-rollout.ts';
import { isFailure } from '../plan/verdict.ts';
import type { EcsDeployResult, EcsResult, LambdaFunctionResult, LambdaResult } from '../results.ts';
import { waitFor } from '../wait.ts';
import { followDeployment } from './ecs-follow.ts';
import { putAliasBack } from './lambda-alias-back.ts';

// Put-back waits end with the job like every other wait: the change is sent, its end not awaited.
const NOT_FOLLOWED = 'not waited for: the job was cancelled';

export interface PutBackBounds {
  intervalMs: number;
  timeoutMs: number;
}

/**
 * Points each service that did not fail back at the revision it ran before the step, side
 * by side (a failed one was already settled by rollback-on-failure), and follows that.
 */
export async function putEcsBack(result: EcsDeployResult, bounds: PutBackBounds, deps: StepDeps): Promise<string[]> {
  const services = result.services.filter((s) => !isFailure(s.verdict));
  const several = result.services.length > 1;
  const lines = await Promise.all(
    services.map((s) => putServiceBack(s, bounds, several ? withLogPrefix(deps, `[${s.service}] `) : deps)),
  );
  return lines.flat();
}

async function putServiceBack(result: EcsResult, bounds: PutBackBounds, deps: StepDeps): Promise<string[]> {
  if (!result.changed || result.taskDefinitionArn === result.previousTaskDefinitionArn) return [];
  const { cluster, service, previousTaskDefinitionArn: to } = result;
  // UpdateService cannot change their revision: CodeDeploy moves task sets, Express Mode owns its service.
  if (result.controller === 'codedeploy' || result.controller === 'express')
    return [
      `ecs: service '${service}' deploys through ${result.controller === 'codedeploy' ? 'CodeDeploy' : 'ECS Express Mode'}: not put back by the step; deploy ${to} again to undo it`,
    ];
  try {
    deps.log.info(`Putting service '${service}' back on ${to}.`);
    const updated = await updateService(deps.clients.ecs, {
      cluster,
      service,
      taskDefinition: to,
      forceNewDeployment: false,
    });
    const deploymentId = primaryDeployment(updated)?.id;
    if (deploymentId === undefined)
      return [`ecs: service '${service}' pointed back at ${to} (no deployment reported to follow)`];
    const verdict = await followDeployment(
      { cluster, service, deploymentId, since: new Date(deps.now()), ...bounds, maxFailedTasks: 0, taskOptions: {} },
      deps,
    );
    if (verdict.state === 'failed' && verdict.kind === 'cancelled')
      return [`ecs: service '${service}' pointed back at ${to} (deployment ${deploymentId}); ${NOT_FOLLOWED}`];
    return [
      `ecs: service '${service}' put back on ${to}: ${isFailure(verdict) ? `FAILED: ${verdict.reason}` : 'done'}`,
    ];
  } catch (error) {
    return [`ecs: could not put service '${service}' back on ${to}: ${messageOf(error)}`];
  }
}

/** Moves each changed function's alias back (deletes one it created), or, without one, deploys its previous image again. */
export async function putLambdaBack(result: LambdaResult, bounds: PutBackBounds, deps: StepDeps): Promise<string[]> {
  const changed = result.functions.filter((f) => f.changed && !isFailure(f.verdict));
  return (await Promise.all(changed.map((f) => putFunctionBack(f, bounds, deps)))).flat();
}

async function putFunctionBack(f: LambdaFunctionResult, bounds: PutBackBounds, deps: StepDeps): Promise<string[]> {
  const { lambda } = deps.clients;
  try {
    if (f.alias !== undefined) {
      // No routing either; an alias with no previous version is one the step created, so it goes.
      const before =
        f.previousAliasVersion === undefined ? { created: true as const } : { version: f.previousAliasVersion };
      return [
        `lambda: ${f.functionName} ${await putAliasBack(lambda, { functionName: f.functionName, alias: f.alias }, before)}`,
      ];
    }
    if (f.previousImage === undefined) return [`lambda: ${f.functionName} has no previous image to put back`];
    await updateFunctionCode(lambda, { functionName: f.functionName, imageUri: f.previousImage });
    await waitFor(
      {
        what: `the update of '${f.functionName}' back to ${f.previousImage}`,
        ...bounds,
        onProgress: (line) => deps.log.info(line),
        check: async () => {
          const config = await getFunctionConfiguration(lambda, f.functionName);
          if (config.LastUpdateStatus === 'Successful') return { done: true, value: undefined };
          if (config.LastUpdateStatus === 'Failed')
            throw new Error(config.LastUpdateStatusReason ?? 'Lambda marked the update Failed');
          return { done: false, state: `${f.functionName}: ${config.LastUpdateStatus ?? 'unknown'}` };
        },
      },
      deps,
    );
    return [`lambda: ${f.functionName} put back on ${f.previousImage}`];
  } catch (error) {
    if (error instanceof CancelledError)
      return [`lambda: ${f.functionName} updated back to ${f.previousImage ?? '?'}; ${NOT_FOLLOWED}`];
    return [`lambda: could not put ${f.functionName} back: ${messageOf(error)}`];
  }
}
