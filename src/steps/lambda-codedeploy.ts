// Lambda through CodeDeploy (the codedeploy-* inputs without mode ecs): prepare checks the
// deployment group (compute platform Lambda) and each alias; once every function published
// its version, one CreateDeployment per function moves its alias (a Lambda AppSpec), and
// every deployment is followed by the one poll loop (steps/follow-loop.ts) with the same
// CodeDeploy follower as ECS services. One function's failure stops and rolls back the others.

import type { DeploymentGroupInfo } from '@aws-sdk/client-codedeploy';
import { createDeployment, getDeploymentGroup } from '../aws/codedeploy.ts';
import type { StepDeps } from '../deps.ts';
import { UserError } from '../errors.ts';
import { failureOf } from '../failure.ts';
import { Input } from '../names.ts';
import { appSpecText, hooksOf } from '../plan/codedeploy-appspec.ts';
import { codeDeployIntervalMs } from '../plan/codedeploy-poll.ts';
import { lambdaAliasProblem, lambdaAppSpec, lambdaGroupProblem } from '../plan/lambda-appspec.ts';
import type { AliasSnapshot } from '../plan/lambda-update.ts';
import { isFailure, type Verdict } from '../plan/verdict.ts';
import type { LambdaFunctionResult, LambdaResult } from '../results.ts';
import type { LambdaCodeDeployOptions, LambdaOptions } from '../settings.ts';
import { followAll } from './follow-loop.ts';
import { FunctionDeployment, type FunctionDeploymentTarget } from './lambda-codedeploy-follow.ts';
import { functionLogger, type LambdaPlan } from './lambda-plan.ts';

/** Read-only: the deployment group exists and deploys Lambda functions; throws UserError otherwise. */
export async function readLambdaGroup(options: LambdaCodeDeployOptions, deps: StepDeps): Promise<DeploymentGroupInfo> {
  const { application, deploymentGroup } = options;
  const group = await getDeploymentGroup(await deps.clients.codedeploy(), application, deploymentGroup);
  if (group === undefined) {
    throw new UserError(
      `Deployment group '${deploymentGroup}' of CodeDeploy application '${application}' does not exist: check inputs '${Input.codedeployApplication}' and '${Input.codedeployDeploymentGroup}' (and the region). Nothing was changed.`,
    );
  }
  const problem = lambdaGroupProblem(group);
  if (problem !== undefined)
    throw new UserError(`The Lambda functions cannot be deployed: ${problem}. Nothing was changed.`);
  const config = options.deploymentConfig ?? group.deploymentConfigName ?? 'the group default';
  deps.log.info(
    `The aliases move through CodeDeploy: deployment group '${deploymentGroup}' of application '${application}', deployment config ${config}.`,
  );
  return group;
}

/** CodeDeploy shifts an existing alias between published versions: anything else is refused before any change. */
export function checkAliasDeployable(
  functionName: string,
  options: LambdaOptions,
  alias: AliasSnapshot | undefined,
): void {
  if (options.codeDeploy === undefined || options.alias === undefined) return;
  const problem = lambdaAliasProblem(functionName, options.alias, alias?.alias.FunctionVersion);
  if (problem !== undefined) throw new UserError(problem);
}

/** The dry run's plan: the group, and the AppSpec each function would be deployed with. */
export function logPlannedDeployments(plan: LambdaPlan, deps: StepDeps): void {
  const options = plan.options.codeDeploy;
  if (options === undefined) return;
  for (const planned of plan.functions) {
    if (planned.decision.skip) continue;
    const log = functionLogger(deps.log, planned.functionName);
    const spec = appSpecFor(
      plan,
      planned.functionName,
      planned.alias?.alias.FunctionVersion ?? '?',
      '<the version this run publishes>',
    );
    log.info(
      `Dry run: would create a CodeDeploy deployment in group '${options.deploymentGroup}' of application '${options.application}' with this AppSpec:`,
    );
    log.info(appSpecText(spec));
  }
}

/**
 * Deploys every function that published a version through CodeDeploy, together. When a
 * function failed before, no deployment is created (its version stays published, unused).
 */
export async function applyCodeDeploy(
  plan: LambdaPlan,
  functions: LambdaFunctionResult[],
  deps: StepDeps,
): Promise<Pick<LambdaResult, 'functions'>> {
  const failedOne = functions.find((f) => isFailure(f.verdict));
  if (failedOne !== undefined) {
    deps.log.info(`no CodeDeploy deployment was created: '${failedOne.functionName}' failed before the alias move.`);
    return { functions };
  }
  const targets = deploymentTargets(plan, functions, deps);
  if (targets.length === 0) return { functions };
  const started = deps.now();
  const cd = await deps.clients.codedeploy();
  const created = await Promise.allSettled(targets.map((t) => start(plan, t, deps)));
  const following = created.flatMap((c) => (c.status === 'fulfilled' ? [c.value] : []));
  const refused = created.flatMap((c, i) => (c.status === 'rejected' ? [[targets[i], c.reason] as const] : []));
  const group = { failed: refused[0]?.[0]?.functionName };
  const watched = following.map((f) => new FunctionDeployment(f, group, plan, { ...deps, codedeploy: cd }));
  const verdicts =
    refused.length > 0
      ? new Map<FunctionDeployment, Verdict<'succeeded'>>()
      : await followAll(
          watched,
          { timeoutMs: plan.options.wait.timeoutMs, intervalMs: codeDeployIntervalMs(plan.options.wait) },
          deps,
        );
  // A failure the loop ended (a timeout, an error) puts the others back as well as one CodeDeploy reported.
  group.failed ??= watched.find((w) => isFailure(verdicts.get(w) ?? { state: 'succeeded' }))?.target.functionName;
  const settled = new Map(
    await Promise.all(
      watched.map(async (w) => [w.target.functionName, await w.settle(verdicts.get(w), group.failed)] as const),
    ),
  );
  const took = deps.now() - started;
  return {
    functions: functions.map((f): LambdaFunctionResult => {
      const why = refused.find(([t]) => t?.functionName === f.functionName)?.[1];
      if (why !== undefined) return { ...f, verdict: failureOf(why, functionLogger(deps.log, f.functionName)) };
      const outcome = settled.get(f.functionName);
      return outcome === undefined ? f : { ...f, ...outcome, durationMs: f.durationMs + took };
    }),
  };
}

/** Each function whose alias must move to the version it published; an alias already there is left alone. */
function deploymentTargets(
  plan: LambdaPlan,
  functions: LambdaFunctionResult[],
  deps: StepDeps,
): FunctionDeploymentTarget[] {
  const alias = plan.options.alias;
  if (alias === undefined) return [];
  return functions.flatMap((f): FunctionDeploymentTarget[] => {
    const planned = plan.functions.find((p) => p.functionName === f.functionName);
    const from = planned?.alias?.alias.FunctionVersion;
    if (f.verdict.state !== 'succeeded' || f.version === undefined || from === undefined) return [];
    if (from === f.version) {
      functionLogger(deps.log, f.functionName).info(
        `alias ${alias} already points at version ${f.version}: nothing to deploy.`,
      );
      return [];
    }
    return [{ functionName: f.functionName, alias, from, to: f.version }];
  });
}

function appSpecFor(plan: LambdaPlan, functionName: string, from: string, to: string) {
  return lambdaAppSpec(
    { functionName, alias: plan.options.alias ?? '', currentVersion: from, targetVersion: to },
    plan.options.codeDeploy?.appSpec?.file,
  );
}

/** CreateDeployment for one function: its alias from `from` to `to`. */
async function start(plan: LambdaPlan, target: FunctionDeploymentTarget, deps: StepDeps) {
  const options = plan.options.codeDeploy;
  if (options === undefined) throw new Error('applyCodeDeploy ran without the codedeploy-* inputs');
  const spec = appSpecFor(plan, target.functionName, target.from, target.to);
  const deploymentId = await createDeployment(await deps.clients.codedeploy(), {
    application: options.application,
    group: options.deploymentGroup,
    appSpec: appSpecText(spec),
    ...(options.deploymentConfig === undefined ? {} : { deploymentConfig: options.deploymentConfig }),
    description: `image-deploy: ${target.functionName} alias ${target.alias} ${target.from} -> ${target.to}`,
  });
  functionLogger(deps.log, target.functionName).info(
    `Created CodeDeploy deployment ${deploymentId}: alias ${target.alias} from version ${target.from} to ${target.to}.`,
  );
  return { ...target, deploymentId, hooks: hooksOf(spec) };
}
