// One Lambda function's deploy, once planned: update the code (waiting out other updates),
// wait for the update, verify the digest and publish; the alias moves with every other
// function's, through the traffic shift (steps/lambda-traffic.ts).

import { getFunction, getFunctionConfiguration, publishVersion, updateFunctionCode } from '../aws/lambda.ts';
import type { Logger, StepDeps } from '../deps.ts';
import { awsErrorName, UserError } from '../errors.ts';
import { failureOf, VerdictError } from '../failure.ts';
import {
  classifyFunctionUpdate,
  classifyVersionState,
  type FunctionSnapshot,
  isUpdating,
  type LambdaDecision,
  runningDigest,
  type UpdateProgress,
} from '../plan/lambda-update.ts';
import { failed } from '../plan/verdict.ts';
import type { LambdaFunctionResult } from '../results.ts';
import { retrying } from '../retry.ts';
import { waitFor } from '../wait.ts';
import {
  decide,
  functionLogger,
  type LambdaFunctionPlan,
  type LambdaPlan,
  resultBase,
  versionField,
} from './lambda-plan.ts';

/**
 * One function's deploy up to its published version; its failures become a 'failed' verdict
 * so the others carry on. The alias is left for the shift that moves every alias together.
 */
export async function applyFunction(
  planned: LambdaFunctionPlan,
  plan: LambdaPlan,
  deps: StepDeps,
): Promise<LambdaFunctionResult> {
  const started = deps.now();
  const run: FunctionRun = {
    name: planned.functionName,
    plan,
    deps,
    log: functionLogger(deps.log, planned.functionName),
    deadline: started + plan.options.wait.timeoutMs,
    changed: false,
  };
  const finish = (
    fields: Pick<LambdaFunctionResult, 'verdict'> & Partial<LambdaFunctionResult>,
  ): LambdaFunctionResult => ({
    ...resultBase(planned, plan),
    changed: run.changed,
    ...versionField(run.published),
    durationMs: deps.now() - started,
    ...fields,
  });
  try {
    if (planned.decision.skip)
      return finish({ verdict: { state: 'unchanged' }, ...versionField(planned.alias?.alias.FunctionVersion) });
    const { snapshot, decision } = await deployCode(run, planned);
    if (decision.skip) {
      run.log.info(`nothing left to change: it runs ${plan.digest}.`);
      return finish({ verdict: { state: 'unchanged' }, ...versionField(planned.alias?.alias.FunctionVersion) });
    }
    const version = decision.publish ? await publish(run, snapshot) : undefined;
    return finish({ verdict: { state: 'succeeded' }, changes: decision.changes, ...versionField(version) });
  } catch (error) {
    return finish({ verdict: failureOf(error, run.log) });
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
  /** Something was updated or published. */
  changed: boolean;
  /** The version published, kept for the result even if moving the alias then fails. */
  published?: string;
}

/**
 * Updates the code unless the function turns out to run the target already, then waits for
 * the update and checks the digest. A function busy with another update (before we start,
 * or answering ResourceConflictException) is waited for, read again and decided again.
 */
async function deployCode(
  run: FunctionRun,
  planned: LambdaFunctionPlan,
): Promise<{ snapshot: FunctionSnapshot; decision: LambdaDecision }> {
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
        decision = decide({ function: snapshot, alias: planned.alias }, plan.options, {
          reference: plan.image.reference,
          digest: plan.digest,
        });
        for (const line of decision.changes) run.log.info(`  now: ${line}`);
      }
      refresh = true;
      if (!decision.updateCode) return;
      const revisionId = snapshot.configuration.RevisionId;
      try {
        await updateFunctionCode(deps.clients.lambda, {
          functionName: name,
          imageUri: plan.image.reference,
          revisionId,
        });
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
      retryable: (error) =>
        awsErrorName(error) === 'ResourceConflictException' ? 'another update is in progress' : undefined,
      timeoutMs: remaining(run),
    },
    { ...deps, log: run.log },
  );
  if (!updated) return { snapshot, decision };

  const outcome = await waitFor<UpdateProgress>(
    {
      what: `the code update of Lambda function '${name}'`,
      intervalMs: plan.options.wait.intervalMs,
      timeoutMs: remaining(run),
      onProgress: (line) => run.log.info(line),
      check: async () => {
        const progress = classifyFunctionUpdate(await getFunctionConfiguration(deps.clients.lambda, name));
        return progress.state === 'pending' ? { done: false, state: progress.line } : { done: true, value: progress };
      },
    },
    deps,
  );
  if (outcome.state === 'failed') throw new VerdictError(failed('update-failed', outcome.reason));

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
  await waitFor<true>(
    {
      what: `the update in progress on Lambda function '${name}' to finish`,
      intervalMs: run.plan.options.wait.intervalMs,
      timeoutMs: remaining(run),
      onProgress: (line) => run.log.info(`waiting for another update: ${line}`),
      check: async () => {
        const configuration = await getFunctionConfiguration(deps.clients.lambda, name);
        return isUpdating(configuration)
          ? { done: false, state: progressWords(configuration) }
          : { done: true, value: true };
      },
    },
    deps,
  );
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

  const outcome = await waitFor<UpdateProgress>(
    {
      what: `version ${version} of Lambda function '${name}' to become Active`,
      intervalMs: run.plan.options.wait.intervalMs,
      timeoutMs: remaining(run),
      onProgress: (line) => run.log.info(line),
      check: async () => {
        const progress = classifyVersionState(await getFunctionConfiguration(deps.clients.lambda, name, version));
        return progress.state === 'pending' ? { done: false, state: progress.line } : { done: true, value: progress };
      },
    },
    deps,
  );
  if (outcome.state === 'failed') throw new VerdictError(failed('update-failed', outcome.reason));
  return version;
}

function remaining(run: FunctionRun): number {
  return Math.max(0, run.deadline - run.deps.now());
}
