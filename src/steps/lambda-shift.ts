// Lambda traffic shifting: every function's alias moves through one schedule in lockstep
// (UpdateAlias with RoutingConfig), watched on every poll by the CloudWatch alarms and the
// aliases' provisioned concurrency; any failure or cancellation puts every alias it moved
// back on its previous version with no routing.

import { describeAlarms } from '../aws/cloudwatch.ts';
import { createAlias, getAlias, getProvisionedConcurrency, shiftAlias } from '../aws/lambda.ts';
import type { StepDeps } from '../deps.ts';
import { messageOf, UserError } from '../errors.ts';
import { failureOf, VerdictError } from '../failure.ts';
import { type AlarmState, judgeAlarms, judgeProvisioned, percentOf, type ShiftStep } from '../plan/lambda-traffic.ts';
import { type Failure, failed } from '../plan/verdict.ts';
import type { TrafficReport } from '../results.ts';
import { throwIfStopped, waitFor } from '../wait.ts';
import { putBackAll, type ShiftTarget } from './lambda-alias-back.ts';

export type { ShiftTarget } from './lambda-alias-back.ts';

export interface ShiftOptions {
  steps: readonly ShiftStep[];
  alarms: readonly string[];
  intervalMs: number;
  /** The whole shift (every hold, every provisioning wait) ends by then or fails. */
  timeoutMs: number;
  schedule: string;
}

export interface ShiftOutcome {
  report: TrafficReport;
  failure?: Failure;
  /** The function whose alias failed the shift, when one did (an alarm fails it for all). */
  culprit?: string;
}

/** Where one alias is, as this step last set it. */
interface AliasState {
  target: ShiftTarget;
  /** Changed by this step (so put back on failure). */
  moved: boolean;
  created: boolean;
  revisionId?: string;
  weight: number;
  /** undefined: not asked since the last change; false: the alias has none. */
  provisioned?: boolean;
}

/** Runs the schedule for every target; never throws: a failure comes back with what was put back. */
export async function shiftTraffic(
  targets: readonly ShiftTarget[],
  options: ShiftOptions,
  deps: StepDeps,
): Promise<ShiftOutcome> {
  const report: TrafficReport = {
    schedule: options.schedule,
    steps: [],
    alarms: options.alarms.map((name) => ({ name, state: 'not read yet' })),
  };
  const states = targets.map(
    (target): AliasState => ({
      target,
      moved: false,
      created: false,
      weight: 0,
      ...(target.revisionId ? { revisionId: target.revisionId } : {}),
    }),
  );
  const deadline = deps.now() + options.timeoutMs;
  const run: Run = { options, deps, report, states, deadline, culprit: undefined };
  try {
    await checkAlarms(run, 'before the first alias change');
    for (const [index, step] of options.steps.entries()) {
      throwIfStopped(deps.cancel, `step ${index + 1}/${options.steps.length} of the traffic shift`);
      // Settled, not raced: an alias still being moved when another fails must be known as moved before the put-back.
      const moves = await Promise.allSettled(states.map((state) => moveOne(run, state, step)));
      const refused = moves.find((m) => m.status === 'rejected');
      if (refused !== undefined) throw refused.reason;
      report.steps.push({ at: deps.now(), weight: step.weight });
      deps.log.info(`step ${index + 1}/${options.steps.length}: ${aliasesLine(states)}.`);
      await watch(run, step, index);
    }
    return { report };
  } catch (error) {
    const failure = failureOf(error, deps.log);
    const reached = report.steps.at(-1);
    const how =
      reached !== undefined
        ? `the shift had reached ${percentOf(reached.weight)} (step ${report.steps.length}/${options.steps.length})`
        : states.some((s) => s.moved || s.created)
          ? `step 1/${options.steps.length} had moved only some aliases`
          : 'no alias had moved yet';
    const putBack = await putBackAll(states, deps);
    report.putBack = putBack;
    const verdict = failed(failure.kind, `${failure.reason} (${how})`, [
      ...failure.details,
      ...putBack.map((line) => `put back: ${line}`),
    ]);
    return { report, failure: verdict, ...(run.culprit === undefined ? {} : { culprit: run.culprit }) };
  }
}

interface Run {
  options: ShiftOptions;
  deps: StepDeps;
  report: TrafficReport;
  states: AliasState[];
  deadline: number;
  culprit: string | undefined;
}

/** One alias to this step's weight: routing below 100%, the new version alone at 100%. */
async function moveOne(run: Run, state: AliasState, step: ShiftStep): Promise<void> {
  const { target } = state;
  const { lambda } = run.deps.clients;
  try {
    if (target.from === undefined) {
      // No traffic to shift from: the alias is created on the new version at the first step.
      if (!state.created) {
        await createAlias(lambda, { functionName: target.functionName, alias: target.alias, version: target.to });
        state.created = true;
        state.provisioned = undefined;
      }
      state.weight = 1;
      return;
    }
    const weights = step.weight >= 1 ? {} : { [target.to]: step.weight };
    const version = step.weight >= 1 ? target.to : target.from;
    const moved = await shiftAlias(lambda, {
      functionName: target.functionName,
      alias: target.alias,
      version,
      weights,
      ...(state.revisionId ? { revisionId: state.revisionId } : {}),
    });
    state.moved = true;
    state.weight = step.weight;
    state.provisioned = state.provisioned === false ? false : undefined;
    if (moved.RevisionId !== undefined) state.revisionId = moved.RevisionId;
  } catch (error) {
    run.culprit ??= target.functionName;
    throw new UserError(
      `Lambda function '${target.functionName}': moving alias ${target.alias} to ${percentOf(step.weight)} on version ${target.to} failed: ${messageOf(error)}`,
      { cause: error },
    );
  }
}

/**
 * Holds the step: polls alarms, aliases and provisioned concurrency until the hold is over
 * and every alias with provisioned concurrency is READY. Per poll: one DescribeAlarms for
 * all alarms, one GetAlias per function (from the second poll of a step on), one
 * GetProvisionedConcurrencyConfig per alias that has it. An alias without provisioned
 * concurrency costs one call after its first change, and no wait.
 */
async function watch(run: Run, step: ShiftStep, index: number): Promise<void> {
  const { deps, options, states } = run;
  const holdUntil = deps.now() + step.holdMs;
  const label = `step ${index + 1}/${options.steps.length} (${percentOf(step.weight)})`;
  // The first poll follows our own UpdateAlias, whose answer said where each alias is.
  let movedJustNow = true;
  await waitFor<true>(
    {
      what: `${label} of the traffic shift`,
      intervalMs: options.intervalMs,
      timeoutMs: Math.max(0, run.deadline - deps.now()),
      onProgress: (line) => deps.log.info(line),
      check: async () => {
        const aliases = movedJustNow ? [] : states;
        movedJustNow = false;
        const [alarms, , provisioning] = await Promise.all([
          checkAlarms(run, `during ${label}`),
          Promise.all(aliases.map((s) => checkAlias(run, s))),
          Promise.all(states.map((s) => checkProvisioned(run, s))),
        ]);
        const pending = provisioning.filter((line): line is string => line !== undefined);
        const left = holdUntil - deps.now();
        if (pending.length === 0 && left <= 0) return { done: true, value: true };
        const parts = [label, alarms, ...pending];
        if (left > 0) parts.push(`holding until ${new Date(holdUntil).toISOString().slice(11, 19)}Z`);
        return {
          done: false,
          state: parts.filter((p) => p !== '').join('; '),
          ...(pending.length === 0 ? { nextMs: Math.min(options.intervalMs, left) } : {}),
        };
      },
    },
    deps,
  );
}

/** One DescribeAlarms for all; an alarm in ALARM (or one that does not exist) fails the shift. */
async function checkAlarms(run: Run, when: string): Promise<string> {
  const names = run.options.alarms;
  if (names.length === 0) return '';
  const seen = await describeAlarms(run.deps.clients.cloudwatch, names);
  const byName = new Map(seen.map((a) => [a.name, a]));
  run.report.alarms = names.map((name): AlarmState => byName.get(name) ?? { name, state: 'not found' });
  const { missing, firing } = judgeAlarms(names, seen);
  if (missing.length > 0) {
    throw new UserError(
      `CloudWatch alarm ${missing.map((n) => `'${n}'`).join(', ')} named in 'lambda-alarms' was not found ${when}: check the names and the region (an alarm that does not exist cannot stop a bad version).`,
    );
  }
  if (firing !== undefined) {
    throw new VerdictError(
      failed(
        'rolled-back',
        `CloudWatch alarm '${firing.name}' is in ALARM ${when}: ${firing.reason ?? 'CloudWatch gave no reason'}`,
      ),
    );
  }
  return `alarms ${run.report.alarms.map((a) => `${a.name} ${a.state}`).join(', ')}`;
}

/** Someone else moving the alias mid-shift makes our weights meaningless: fail and put back. */
async function checkAlias(run: Run, state: AliasState): Promise<void> {
  const { target } = state;
  const alias = await getAlias(run.deps.clients.lambda, target.functionName, target.alias);
  const expectedVersion = state.weight >= 1 ? target.to : target.from;
  const weight = alias?.RoutingConfig?.AdditionalVersionWeights?.[target.to] ?? 0;
  const expectedWeight = state.weight >= 1 ? 0 : state.weight;
  if (alias === undefined || alias.FunctionVersion !== expectedVersion || Math.abs(weight - expectedWeight) > 1e-6) {
    run.culprit ??= target.functionName;
    const now =
      alias === undefined
        ? 'it was deleted'
        : `it is on version ${alias.FunctionVersion ?? '?'} with ${percentOf(weight)} on ${target.to}`;
    throw new UserError(
      `Lambda function '${target.functionName}': alias ${target.alias} was changed by someone else during the shift (${now}).`,
    );
  }
}

/** After an alias change Lambda provisions the version's environments: READY goes on, FAILED fails. */
async function checkProvisioned(run: Run, state: AliasState): Promise<string | undefined> {
  if (state.provisioned === false) return undefined;
  const { target } = state;
  const config = await getProvisionedConcurrency(run.deps.clients.lambda, target.functionName, target.alias);
  if (config === undefined) {
    state.provisioned = false;
    return undefined;
  }
  state.provisioned = true;
  const verdict = judgeProvisioned(`${target.functionName}:${target.alias}`, {
    ...(config.Status === undefined ? {} : { status: config.Status }),
    ...(config.RequestedProvisionedConcurrentExecutions === undefined
      ? {}
      : { requested: config.RequestedProvisionedConcurrentExecutions }),
    ...(config.AllocatedProvisionedConcurrentExecutions === undefined
      ? {}
      : { allocated: config.AllocatedProvisionedConcurrentExecutions }),
    ...(config.StatusReason === undefined ? {} : { reason: config.StatusReason }),
  });
  if (verdict.state === 'failed') {
    run.culprit ??= target.functionName;
    throw new VerdictError(failed('update-failed', `Lambda function '${target.functionName}': ${verdict.reason}`));
  }
  return verdict.state === 'pending' ? verdict.line : undefined;
}

function aliasesLine(states: readonly AliasState[]): string {
  return states
    .map(({ target, weight }) =>
      weight >= 1
        ? `${target.functionName}:${target.alias} 100% on version ${target.to} (${target.from === undefined ? 'created' : `was ${target.from}`})`
        : `${target.functionName}:${target.alias} ${percentOf(weight)} on version ${target.to}, the rest on ${target.from ?? '?'}`,
    )
    .join('; ');
}
