// The Lambda mode's traffic shift, around steps/lambda-shift.ts: what prepare checks before
// anything changes (the aliases can be shifted, no alarm is in ALARM), and how the shift's
// outcome becomes each function's verdict once every function published its version.

import { describeAlarms } from '../aws/cloudwatch.ts';
import type { Logger, StepDeps } from '../deps.ts';
import { UserError } from '../errors.ts';
import { Input } from '../names.ts';
import {
  type AlarmState,
  describeSchedule,
  judgeAlarms,
  routingInProgress,
  trafficSchedule,
} from '../plan/lambda-traffic.ts';
import type { AliasSnapshot } from '../plan/lambda-update.ts';
import { failed, isFailure } from '../plan/verdict.ts';
import type { LambdaFunctionResult, LambdaResult, TrafficReport } from '../results.ts';
import type { LambdaOptions } from '../settings.ts';
import { joinSignals } from '../wait.ts';
import { type LambdaPlan, shiftsTraffic } from './lambda-plan.ts';
import { type ShiftTarget, shiftTraffic } from './lambda-shift.ts';

/** An alias another deploy is shifting, or one on $LATEST under a gradual schedule, is refused before any change. */
export function checkAliasShiftable(
  functionName: string,
  options: LambdaOptions,
  alias: AliasSnapshot | undefined,
): void {
  if (alias === undefined || options.alias === undefined) return;
  const busy = routingInProgress(functionName, options.alias, alias.alias);
  if (busy !== undefined) throw new UserError(busy);
  if (options.traffic.kind !== 'all-at-once' && alias.alias.FunctionVersion === '$LATEST') {
    throw new UserError(
      `Lambda function '${functionName}': alias ${options.alias} points at $LATEST, which Lambda cannot split traffic from: point it at a published version first, or use '${Input.lambdaTraffic}: all-at-once'.`,
    );
  }
}

/** Read-only: every alarm exists and none is in ALARM, so nothing is changed under a firing alarm. */
export async function readAlarmsBeforeDeploy(
  options: LambdaOptions,
  deps: StepDeps,
): Promise<AlarmState[] | undefined> {
  if (options.alarms.length === 0) return undefined;
  const seen = await describeAlarms(deps.clients.cloudwatch, options.alarms);
  const { missing, firing } = judgeAlarms(options.alarms, seen);
  if (missing.length > 0) {
    throw new UserError(
      `Input '${Input.lambdaAlarms}' names ${missing.map((n) => `'${n}'`).join(', ')}, which CloudWatch does not have in region '${options.region}': check the names and the region.`,
    );
  }
  if (firing !== undefined) {
    throw new UserError(
      `CloudWatch alarm '${firing.name}' is in ALARM (${firing.reason ?? 'no reason given'}): nothing was changed; deploy again once it is OK.`,
    );
  }
  return seen;
}

export function logTrafficPlan(plan: LambdaPlan, log: Logger): void {
  const { options } = plan;
  log.info(
    `traffic: ${describeSchedule(trafficSchedule(options.traffic))} on alias ${options.alias ?? '?'}, all functions together.`,
  );
  if (plan.alarms !== undefined)
    log.info(`alarms watched: ${plan.alarms.map((a) => `${a.name} ${a.state}`).join(', ')}.`);
}

/** The dry run's report: the schedule that would run. */
export function plannedTraffic(plan: LambdaPlan): TrafficReport {
  return { schedule: describeSchedule(trafficSchedule(plan.options.traffic)), steps: [], alarms: plan.alarms ?? [] };
}

/**
 * Shifts every function that published a version, together. When a function failed before
 * its alias moved, no alias moves at all (the versions stay published, unused). `stop`
 * aborting (ecs failed in the same step) ends the shift like a cancel: every alias goes back.
 * The report is kept for a gradual schedule or alarms, and for any shift that failed.
 */
export async function applyTraffic(
  plan: LambdaPlan,
  functions: LambdaFunctionResult[],
  deps: StepDeps,
  stop?: AbortSignal,
): Promise<Pick<LambdaResult, 'functions' | 'traffic'> & { verdict?: LambdaResult['verdict'] }> {
  const watched = shiftsTraffic(plan.options);
  const report = plannedTraffic(plan);
  const failedOne = functions.find((f) => isFailure(f.verdict));
  if (failedOne !== undefined) {
    deps.log.info(`no alias was moved: '${failedOne.functionName}' failed before the traffic shift.`);
    return { functions, ...(watched ? { traffic: report } : {}) };
  }
  const targets = shiftTargets(plan, functions);
  if (targets.length === 0) return { functions, ...(watched ? { traffic: report } : {}) };
  const started = deps.now();
  const steps = trafficSchedule(plan.options.traffic);
  const outcome = await shiftTraffic(
    targets,
    {
      steps,
      alarms: plan.options.alarms,
      intervalMs: plan.options.wait.intervalMs,
      timeoutMs: plan.options.wait.timeoutMs,
      schedule: report.schedule,
    },
    { ...deps, cancel: joinSignals(deps.cancel, stop) },
  );
  const shifted = new Set(targets.map((t) => t.functionName));
  const took = deps.now() - started;
  const failure = outcome.failure;
  const judged = functions.map((f): LambdaFunctionResult => {
    if (!shifted.has(f.functionName)) return f;
    const durationMs = f.durationMs + took;
    if (failure === undefined) return { ...f, durationMs };
    const own = outcome.culprit === undefined || outcome.culprit === f.functionName;
    return {
      ...f,
      durationMs,
      verdict: own
        ? failure
        : failed('rolled-back', `alias put back because the traffic shift failed: ${failure.reason}`),
    };
  });
  const traffic = watched || failure !== undefined ? { traffic: outcome.report } : {};
  return { functions: judged, ...traffic, ...(failure === undefined ? {} : { verdict: failure }) };
}

function shiftTargets(plan: LambdaPlan, functions: LambdaFunctionResult[]): ShiftTarget[] {
  const alias = plan.options.alias;
  if (alias === undefined) return [];
  return functions.flatMap((f): ShiftTarget[] => {
    const planned = plan.functions.find((p) => p.functionName === f.functionName);
    if (
      planned === undefined ||
      f.verdict.state !== 'succeeded' ||
      f.version === undefined ||
      planned.decision.alias === undefined
    )
      return [];
    const current = planned.alias?.alias;
    if (current?.FunctionVersion === f.version) return [];
    return [
      {
        functionName: f.functionName,
        alias,
        to: f.version,
        ...(current?.FunctionVersion === undefined ? {} : { from: current.FunctionVersion }),
        ...(current?.RevisionId === undefined ? {} : { revisionId: current.RevisionId }),
      },
    ];
  });
}
