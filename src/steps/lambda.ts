import {
  createAlias,
  getAlias,
  getFunction,
  getFunctionConfiguration,
  publishVersion,
  updateAlias,
  updateFunctionCode,
} from '../aws/lambda.ts';
import type { Logger, StepDeps } from '../deps.ts';
import { UserError, awsErrorName, messageOf } from '../errors.ts';
import { Input } from '../names.ts';
import {
  checkFunctionRegions,
  checkLambdaImage,
  classifyFunctionUpdate,
  classifyVersionState,
  decideLambdaUpdate,
  isUpdating,
  runningDigest,
  runningImage,
  type AliasSnapshot,
  type FunctionSnapshot,
  type LambdaDecision,
  type LambdaDecisionInput,
  type UpdateProgress,
} from '../plan/lambda-update.ts';
import type { ResolvedImage } from '../plan/resolved-image.ts';
import { retrying } from '../retry.ts';
import { waitFor } from '../wait.ts';

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

  for (const planned of functions) logPlan(planned, digest, prefixed(deps.log, planned.functionName));
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

function decide(planned: Pick<LambdaFunctionPlan, 'function' | 'alias'>, options: LambdaOptions, target: Target): LambdaDecision {
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
  if (!skip) prefixed(deps.log, planned.functionName).info(`dry run, nothing sent; planned: ${changes.join('; ')}.`);
  return {
    ...resultBase(planned, plan),
    verdict: skip ? 'unchanged' : 'planned',
    changed: false,
    ...(skip ? versionField(planned.alias?.alias.FunctionVersion) : {}),
    durationMs: 0,
  };
}

/** One function's deploy; its failures become a 'failed' verdict so the others carry on. */
async function applyFunction(planned: LambdaFunctionPlan, plan: LambdaPlan, deps: StepDeps): Promise<LambdaFunctionResult> {
  const started = deps.now();
  const run: FunctionRun = {
    name: planned.functionName,
    plan,
    deps,
    log: prefixed(deps.log, planned.functionName),
    deadline: started + plan.options.wait.timeoutMs,
    changed: false,
  };
  const finish = (fields: Pick<LambdaFunctionResult, 'verdict'> & Partial<LambdaFunctionResult>): LambdaFunctionResult => ({
    ...resultBase(planned, plan),
    changed: run.changed,
    ...versionField(run.published),
    durationMs: deps.now() - started,
    ...fields,
  });
  try {
    if (planned.decision.skip) return finish({ verdict: 'unchanged', ...versionField(planned.alias?.alias.FunctionVersion) });
    const { snapshot, decision } = await deployCode(run, planned);
    if (decision.skip) {
      run.log.info(`nothing left to change: it runs ${plan.digest}.`);
      return finish({ verdict: 'unchanged', ...versionField(planned.alias?.alias.FunctionVersion) });
    }
    const version = decision.publish ? await publish(run, snapshot) : undefined;
    if (decision.alias && version !== undefined) await moveAlias(run, decision.alias, version);
    return finish({ verdict: 'succeeded', changes: decision.changes, ...versionField(version) });
  } catch (error) {
    if (error instanceof Error && error.stack) run.log.debug(error.stack);
    return finish({ verdict: 'failed', failure: messageOf(error) });
  }
}

interface FunctionRun {
  /** As given in the input; every log line starts with it. */
  name: string;
  plan: LambdaPlan;
  deps: StepDeps;
  log: Logger;
  /** Every wait and retry of this function ends by then. */
  deadline: number;
  /** Something was updated, published or aliased. */
  changed: boolean;
  /** The version published, kept for the result even if moving the alias then fails. */
  published?: string;
}

/**
 * Updates the code unless the function turns out to run the target already, then waits for
 * the update and checks the digest. A function busy with another update (before we start,
 * or answering ResourceConflictException) is waited for, read again and decided again.
 */
async function deployCode(run: FunctionRun, planned: LambdaFunctionPlan): Promise<{ snapshot: FunctionSnapshot; decision: LambdaDecision }> {
  const { deps, name, plan } = run;
  let snapshot = planned.function;
  let decision = planned.decision;
  let refresh = decision.waitFirst;
  let updated = false;
  await retrying(
    async () => {
      if (refresh) {
        await waitUntilIdle(run);
        snapshot = await readAgain(run);
        decision = decide({ function: snapshot, alias: planned.alias }, plan.options, { reference: plan.image.reference, digest: plan.digest });
        for (const line of decision.changes) run.log.info(`  now: ${line}`);
      }
      refresh = true;
      if (!decision.updateCode) return;
      const revisionId = snapshot.configuration.RevisionId;
      try {
        await updateFunctionCode(deps.clients.lambda, { functionName: name, imageUri: plan.image.reference, revisionId });
      } catch (error) {
        if (awsErrorName(error) === 'PreconditionFailedException') {
          throw new UserError(
            `someone else changed the function after it was read (its RevisionId is no longer ${revisionId ?? '(none)'}), so the image was not updated: check who deploys it at the same time, then run the deploy again.`,
            { cause: error },
          );
        }
        throw error;
      }
      run.changed = true;
      updated = true;
      run.log.info(`UpdateFunctionCode sent: ${plan.image.reference}`);
    },
    {
      what: `UpdateFunctionCode of '${name}'`,
      retryable: (error) => (awsErrorName(error) === 'ResourceConflictException' ? 'another update is in progress' : undefined),
      timeoutMs: remaining(run),
      sleep: deps.sleep,
      now: deps.now,
      log: (message) => run.log.info(message),
    },
  );
  if (!updated) return { snapshot, decision };

  const outcome = await waitFor<UpdateProgress>({
    what: `the code update of Lambda function '${name}'`,
    intervalMs: plan.options.wait.intervalMs,
    timeoutMs: remaining(run),
    sleep: deps.sleep,
    now: deps.now,
    onProgress: (line) => run.log.info(line),
    check: async () => {
      const progress = classifyFunctionUpdate(await getFunctionConfiguration(deps.clients.lambda, name));
      return progress.state === 'pending' ? { done: false, state: progress.line } : { done: true, value: progress };
    },
  });
  if (outcome.state === 'failed') throw new UserError(outcome.reason);

  snapshot = await readAgain(run);
  const digest = runningDigest(snapshot);
  if (digest !== plan.digest) {
    throw new UserError(
      `the function runs ${digest ?? '(no digest reported)'}, not ${plan.digest}: another deploy changed it meanwhile, or the tag in '${plan.image.reference}' was moved after it was resolved.`,
    );
  }
  run.log.info(`update Successful: it runs ${digest}.`);
  return { snapshot, decision };
}

/** Waits until no update is in flight (LastUpdateStatus InProgress or State Pending). */
async function waitUntilIdle(run: FunctionRun): Promise<void> {
  const { deps, name } = run;
  await waitFor<true>({
    what: `the update in progress on Lambda function '${name}' to finish`,
    intervalMs: run.plan.options.wait.intervalMs,
    timeoutMs: remaining(run),
    sleep: deps.sleep,
    now: deps.now,
    onProgress: (line) => run.log.info(`waiting for another update: ${line}`),
    check: async () => {
      const configuration = await getFunctionConfiguration(deps.clients.lambda, name);
      return isUpdating(configuration) ? { done: false, state: progressWords(configuration) } : { done: true, value: true };
    },
  });
}

function progressWords(configuration: { LastUpdateStatus?: string; State?: string }): string {
  return `update ${configuration.LastUpdateStatus ?? 'unknown'}, state ${configuration.State ?? 'unknown'}`;
}

async function readAgain(run: FunctionRun): Promise<FunctionSnapshot> {
  const found = await getFunction(run.deps.clients.lambda, run.name);
  if (!found) throw new UserError(`the function was deleted while deploying (region '${run.plan.options.region}').`);
  return found;
}

/** Publishes what $LATEST holds now, guarded by its CodeSha256 and RevisionId, and waits until Active. */
async function publish(run: FunctionRun, snapshot: FunctionSnapshot): Promise<string> {
  const { deps, name } = run;
  const { CodeSha256: codeSha256, RevisionId: revisionId } = snapshot.configuration;
  if (codeSha256 === undefined) throw new Error(`GetFunction for '${name}' reported no CodeSha256 to publish`);
  const version = await publishVersion(deps.clients.lambda, { functionName: name, codeSha256, revisionId }).then(
    (published) => published.Version ?? '',
    (error: unknown) => {
      if (awsErrorName(error) !== 'PreconditionFailedException') throw error;
      throw new UserError(
        `someone else changed the function before its version was published (RevisionId ${revisionId ?? '(none)'} no longer matches), so no version was published: run the deploy again.`,
        { cause: error },
      );
    },
  );
  run.changed = true;
  run.published = version;
  run.log.info(`published version ${version}.`);

  const outcome = await waitFor<UpdateProgress>({
    what: `version ${version} of Lambda function '${name}' to become Active`,
    intervalMs: run.plan.options.wait.intervalMs,
    timeoutMs: remaining(run),
    sleep: deps.sleep,
    now: deps.now,
    onProgress: (line) => run.log.info(line),
    check: async () => {
      const progress = classifyVersionState(await getFunctionConfiguration(deps.clients.lambda, name, version));
      return progress.state === 'pending' ? { done: false, state: progress.line } : { done: true, value: progress };
    },
  });
  if (outcome.state === 'failed') throw new UserError(outcome.reason);
  return version;
}

async function moveAlias(run: FunctionRun, alias: NonNullable<LambdaDecision['alias']>, version: string): Promise<void> {
  const { lambda } = run.deps.clients;
  const target = { functionName: run.name, alias: alias.name, version };
  if (alias.current === undefined) {
    await createAlias(lambda, target);
    run.changed = true;
    run.log.info(`created alias ${alias.name} -> version ${version}.`);
    return;
  }
  await updateAlias(lambda, { ...target, revisionId: alias.current.RevisionId });
  run.changed = true;
  run.log.info(`moved alias ${alias.name}: version ${alias.current.FunctionVersion ?? '?'} -> ${version}.`);
}

// --- helpers --------------------------------------------------------------------------------

function resultBase(planned: LambdaFunctionPlan, plan: LambdaPlan) {
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

function versionField(version: string | undefined): { version?: string } {
  return version === undefined ? {} : { version };
}

function remaining(run: FunctionRun): number {
  return Math.max(0, run.deadline - run.deps.now());
}

/** Several functions deploy at once, so every line says which one it is about. */
function prefixed(log: Logger, name: string): Logger {
  return {
    info: (message) => log.info(`${name}: ${message}`),
    warning: (message) => log.warning(`${name}: ${message}`),
    debug: (message) => log.debug(`${name}: ${message}`),
  };
}
