import { getAlias, getFunction, getFunctionConfiguration } from '../aws/lambda.ts';
import type { Logger, StepDeps } from '../deps.ts';
import { messageOf, UserError } from '../errors.ts';
import { Input } from '../names.ts';
import { checkFunctionRegions } from '../plan/lambda-names.ts';
import { type AliasSnapshot, checkLambdaImage, runningImage } from '../plan/lambda-update.ts';
import type { ResolvedImage } from '../plan/resolved-image.ts';
import { failed, isFailure } from '../plan/verdict.ts';
import type { LambdaFunctionResult, LambdaResult } from '../results.ts';
import type { LambdaOptions } from '../settings.ts';
import { applyCodeDeploy, checkAliasDeployable, logPlannedDeployments, readLambdaGroup } from './lambda-codedeploy.ts';
import { applyFunction } from './lambda-function.ts';
import {
  decide,
  functionLogger,
  type LambdaFunctionPlan,
  type LambdaPlan,
  resultBase,
  shiftsTraffic,
  versionField,
} from './lambda-plan.ts';
import {
  applyTraffic,
  checkAliasShiftable,
  logTrafficPlan,
  plannedTraffic,
  readAlarmsBeforeDeploy,
} from './lambda-traffic.ts';

/** Read-only: looks at every function and decides; throws UserError before any change. */
export async function prepareLambda(options: LambdaOptions, image: ResolvedImage, deps: StepDeps): Promise<LambdaPlan> {
  checkLambdaImage(image, options.region);
  checkFunctionRegions(options.functionNames, options.region);
  const { digest } = image;
  if (digest === undefined) throw new Error('checkLambdaImage let an image without a digest through');

  // Read every function even when one is wrong, so one run reports every problem.
  const target = { reference: image.reference, digest };
  const settled = await Promise.allSettled(
    options.functionNames.map((name) => readFunction(name, options, target, deps)),
  );
  const problems = settled.flatMap((s) => (s.status === 'rejected' ? [s.reason as unknown] : []));
  const unexpected = problems.find((p) => !(p instanceof UserError));
  if (unexpected !== undefined) throw unexpected;
  if (problems.length > 0) throw new UserError(problems.map(messageOf).join('\n'));
  const functions = settled.flatMap((s) => (s.status === 'fulfilled' ? [s.value] : []));
  checkDistinct(functions);
  const alarms = await readAlarmsBeforeDeploy(options, deps);
  const group = options.codeDeploy === undefined ? undefined : await readLambdaGroup(options.codeDeploy, deps);

  for (const planned of functions) logPlan(planned, digest, functionLogger(deps.log, planned.functionName));
  const plan = {
    options,
    image,
    digest,
    functions,
    ...(alarms === undefined ? {} : { alarms }),
    ...(group === undefined ? {} : { codeDeployGroup: group }),
  };
  if (shiftsTraffic(options)) logTrafficPlan(plan, deps.log);
  return plan;
}

/**
 * Updates, waits, verifies, publishes, moves the aliases; in a dry run returns 'planned'.
 * `stop` aborting (ecs failed beside it) ends the aliases' shift and puts them back.
 */
export async function applyLambda(plan: LambdaPlan, deps: StepDeps, stop?: AbortSignal): Promise<LambdaResult> {
  const { dryRun: dry, alias } = plan.options;
  const deployed = await Promise.all(
    plan.functions.map((planned) => (dry ? dryRun(planned, plan, deps) : applyFunction(planned, plan, deps))),
  );
  // Through CodeDeploy (never beside ecs, so `stop` cannot end it): CodeDeploy moves the aliases.
  if (plan.options.codeDeploy !== undefined) {
    if (dry) logPlannedDeployments(plan, deps);
    const { functions } = dry ? { functions: deployed } : await applyCodeDeploy(plan, deployed, deps);
    return { functions, changed: functions.some((f) => f.changed), verdict: modeVerdict(functions, dry) };
  }
  if (dry) {
    const traffic = shiftsTraffic(plan.options) ? { traffic: plannedTraffic(plan) } : {};
    return { functions: deployed, ...traffic, changed: false, verdict: modeVerdict(deployed, dry) };
  }
  if (alias === undefined)
    return { functions: deployed, changed: deployed.some((f) => f.changed), verdict: modeVerdict(deployed, dry) };
  // Every alias moves together (all at once is a one-step schedule), once every function published its version.
  const { functions, traffic, verdict } = await applyTraffic(plan, deployed, deps, stop);
  return {
    functions,
    ...(traffic === undefined ? {} : { traffic }),
    changed: functions.some((f) => f.changed),
    verdict: verdict ?? modeVerdict(functions, false),
  };
}

// --- prepare --------------------------------------------------------------------------------

/** The mode's verdict: failed when any function failed, naming each one (the others keep theirs). */
function modeVerdict(functions: LambdaFunctionResult[], dryRun: boolean): LambdaResult['verdict'] {
  const failures = functions.flatMap((f) =>
    isFailure(f.verdict) ? [{ name: f.functionName, failure: f.verdict }] : [],
  );
  const [first, ...rest] = failures;
  if (first !== undefined) {
    const line = (f: typeof first) => [`Lambda function '${f.name}': ${f.failure.reason}`, ...f.failure.details];
    return failed(first.failure.kind, line(first).join('\n'), rest.flatMap(line));
  }
  if (dryRun) return { state: functions.every((f) => f.verdict.state === 'unchanged') ? 'unchanged' : 'planned' };
  return { state: functions.some((f) => f.verdict.state === 'succeeded') ? 'succeeded' : 'unchanged' };
}

async function readFunction(
  name: string,
  options: LambdaOptions,
  target: { reference: string; digest: string },
  deps: StepDeps,
): Promise<LambdaFunctionPlan> {
  const { lambda } = deps.clients;
  const found = await getFunction(lambda, name);
  if (!found) {
    throw new UserError(
      `Lambda function '${name}' was not found in region '${options.region}': check input '${Input.functionName}' and '${Input.region}' (and that these credentials may call lambda:GetFunction).`,
    );
  }
  const packageType = found.configuration.PackageType ?? 'Zip';
  if (packageType !== 'Image') {
    throw new UserError(
      `Lambda function '${name}' is a ${packageType} function; image-deploy deploys container images: name a function created with package type Image (a function's package type cannot be changed).`,
    );
  }
  const alias = options.alias === undefined ? undefined : await readAlias(name, options.alias, deps);
  checkAliasShiftable(name, options, alias);
  checkAliasDeployable(name, options, alias);
  const planned = {
    functionName: name,
    functionArn: found.configuration.FunctionArn ?? name,
    function: found,
    ...(alias === undefined ? {} : { alias }),
  };
  return { ...planned, decision: decide(planned, options, target) };
}

async function readAlias(functionName: string, alias: string, deps: StepDeps): Promise<AliasSnapshot | undefined> {
  const { lambda } = deps.clients;
  const current = await getAlias(lambda, functionName, alias);
  if (current === undefined) return undefined;
  const version = current.FunctionVersion;
  // $LATEST has no fixed code to compare: the alias will be moved to a published version.
  if (version === undefined || version === '$LATEST') return { alias: current };
  const config = await getFunctionConfiguration(lambda, functionName, version);
  return { alias: current, versionCodeSha256: config.CodeSha256 };
}

/** Two inputs naming one function (a name and its ARN) would race each other's updates. */
function checkDistinct(functions: LambdaFunctionPlan[]): void {
  const byArn = new Map<string, string>();
  for (const f of functions) {
    const earlier = byArn.get(f.functionArn);
    if (earlier !== undefined) {
      throw new UserError(
        `Input '${Input.functionName}' names function ${f.functionArn} twice ('${earlier}' and '${f.functionName}'): list it once.`,
      );
    }
    byArn.set(f.functionArn, f.functionName);
  }
}

function logPlan(planned: LambdaFunctionPlan, digest: string, log: Logger): void {
  log.info(`runs ${runningImage(planned.function) ?? '(no image reported)'}`);
  if (planned.decision.skip) {
    const alias = planned.alias
      ? `; alias ${planned.alias.alias.Name ?? ''} points at version ${planned.alias.alias.FunctionVersion ?? '?'}`
      : '';
    log.info(`nothing to change: it already runs ${digest}${alias}.`);
    return;
  }
  for (const line of planned.decision.changes) log.info(`  ${line}`);
}

// --- apply ----------------------------------------------------------------------------------

function dryRun(planned: LambdaFunctionPlan, plan: LambdaPlan, deps: StepDeps): LambdaFunctionResult {
  const { skip, changes } = planned.decision;
  if (!skip)
    functionLogger(deps.log, planned.functionName).info(`dry run, nothing sent; planned: ${changes.join('; ')}.`);
  return {
    ...resultBase(planned, plan),
    verdict: { state: skip ? 'unchanged' : 'planned' },
    changed: false,
    ...(skip ? versionField(planned.alias?.alias.FunctionVersion) : {}),
    durationMs: 0,
  };
}
