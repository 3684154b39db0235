import { getAlias, getFunction, getFunctionConfiguration } from '../aws/lambda.ts';
import { withPrefix, type Logger, type StepDeps } from '../deps.ts';
import { UserError, messageOf } from '../errors.ts';
import { Input } from '../names.ts';
import {
  checkFunctionRegions,
  checkLambdaImage,
  decideLambdaUpdate,
  runningImage,
  type AliasSnapshot,
  type FunctionSnapshot,
  type LambdaDecision,
  type LambdaDecisionInput,
} from '../plan/lambda-update.ts';
import type { ResolvedImage } from '../plan/resolved-image.ts';
import { applyFunction } from './lambda-function.ts';

export interface LambdaOptions {
  /** As the user wrote them: names, partial or full ARNs (validated in plan/lambda-update.ts). */
  functionNames: string[];
  /** Publish a version after the update (implied by alias). */
  publish: boolean;
  /** Alias to point at the published version; created when missing. */
  alias?: string;
  dryRun: boolean;
  /** The deploy region: Lambda runs images only from ECR in the function's region. */
  region: string;
  /** `timeoutMs` bounds each function's whole deploy: waiting, retries, publishing. */
  wait: { timeoutMs: number; intervalMs: number };
}

export type LambdaVerdict = 'succeeded' | 'unchanged' | 'planned' | 'failed';

export interface LambdaFunctionResult {
  /** As given in the input. */
  functionName: string;
  functionArn: string;
  verdict: LambdaVerdict;
  /** Only when verdict is 'failed'. */
  failure?: string;
  changed: boolean;
  /** The image the function ran before (ResolvedImageUri, else ImageUri). */
  previousImage?: string;
  /** The image it runs after (or would, in a dry run). */
  image: string;
  /** The version published by this step, or the one the alias already pointed at. */
  version?: string;
  alias?: string;
  /** Readable lines of what changes (the dry-run plan; also logged). */
  changes: string[];
  durationMs: number;
}

export interface LambdaResult {
  functions: LambdaFunctionResult[];
  changed: boolean;
  /** Set when any function failed: one line per failed function. */
  failure?: string;
}

/** What prepareLambda found and decided for one function. */
export interface LambdaFunctionPlan {
  /** As given in the input. */
  functionName: string;
  functionArn: string;
  function: FunctionSnapshot;
  /** The wanted alias as it is now; undefined when no alias is wanted or it does not exist. */
  alias?: AliasSnapshot;
  decision: LambdaDecision;
}

export interface LambdaPlan {
  options: LambdaOptions;
  image: ResolvedImage;
  /** The digest every function must run afterwards. */
  digest: string;
  functions: LambdaFunctionPlan[];
}

/** Read-only: looks at every function and decides; throws UserError before any change. */
export async function prepareLambda(options: LambdaOptions, image: ResolvedImage, deps: StepDeps): Promise<LambdaPlan> {
  checkLambdaImage(image, options.region);
  checkFunctionRegions(options.functionNames, options.region);
  const { digest } = image;
  if (digest === undefined) throw new Error('checkLambdaImage let an image without a digest through');

  // Read every function even when one is wrong, so one run reports every problem.
  const target = { reference: image.reference, digest };
  const settled = await Promise.allSettled(options.functionNames.map((name) => readFunction(name, options, target, deps)));
  const problems = settled.flatMap((s) => (s.status === 'rejected' ? [s.reason as unknown] : []));
  const unexpected = problems.find((p) => !(p instanceof UserError));
  if (unexpected !== undefined) throw unexpected;
  if (problems.length > 0) throw new UserError(problems.map(messageOf).join('\n'));
  const functions = settled.flatMap((s) => (s.status === 'fulfilled' ? [s.value] : []));
  checkDistinct(functions);

  for (const planned of functions) logPlan(planned, digest, functionLogger(deps.log, planned.functionName));
  return { options, image, digest, functions };
}

/** Updates, waits, verifies, publishes, moves the alias; in a dry run returns 'planned'. */
export async function applyLambda(plan: LambdaPlan, deps: StepDeps): Promise<LambdaResult> {
  const functions = await Promise.all(
    plan.functions.map((planned) => (plan.options.dryRun ? dryRun(planned, plan, deps) : applyFunction(planned, plan, deps))),
  );
  const failures = functions.flatMap((f) => (f.failure === undefined ? [] : [`Lambda function '${f.functionName}': ${f.failure}`]));
  return {
    functions,
    changed: functions.some((f) => f.changed),
    ...(failures.length > 0 ? { failure: failures.join('\n') } : {}),
  };
}

// --- prepare --------------------------------------------------------------------------------

async function readFunction(name: string, options: LambdaOptions, target: Target, deps: StepDeps): Promise<LambdaFunctionPlan> {
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

type Target = LambdaDecisionInput['target'];

export function decide(planned: Pick<LambdaFunctionPlan, 'function' | 'alias'>, options: LambdaOptions, target: Target): LambdaDecision {
  return decideLambdaUpdate({
    function: planned.function,
    target,
    publish: options.publish,
    ...(options.alias === undefined ? {} : { alias: { name: options.alias, current: planned.alias } }),
  });
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
    const alias = planned.alias ? `; alias ${planned.alias.alias.Name ?? ''} points at version ${planned.alias.alias.FunctionVersion ?? '?'}` : '';
    log.info(`nothing to change: it already runs ${digest}${alias}.`);
    return;
  }
  for (const line of planned.decision.changes) log.info(`  ${line}`);
}

// --- apply ----------------------------------------------------------------------------------

function dryRun(planned: LambdaFunctionPlan, plan: LambdaPlan, deps: StepDeps): LambdaFunctionResult {
  const { skip, changes } = planned.decision;
  if (!skip) functionLogger(deps.log, planned.functionName).info(`dry run, nothing sent; planned: ${changes.join('; ')}.`);
  return {
    ...resultBase(planned, plan),
    verdict: skip ? 'unchanged' : 'planned',
    changed: false,
    ...(skip ? versionField(planned.alias?.alias.FunctionVersion) : {}),
    durationMs: 0,
  };
}

// --- helpers --------------------------------------------------------------------------------

/** Several functions deploy at once, so every line says which one it is about. */
export function functionLogger(log: Logger, name: string): Logger {
  return withPrefix(log, `${name}: `);
}

export function resultBase(planned: LambdaFunctionPlan, plan: LambdaPlan) {
  const previousImage = runningImage(planned.function);
  return {
    functionName: planned.functionName,
    functionArn: planned.functionArn,
    image: plan.image.reference,
    changes: planned.decision.changes,
    ...(previousImage === undefined ? {} : { previousImage }),
    ...(plan.options.alias === undefined ? {} : { alias: plan.options.alias }),
  };
}

export function versionField(version: string | undefined): { version?: string } {
  return version === undefined ? {} : { version };
}
