// Judging ECS's own record of our deployment (a ServiceDeployment from
// DescribeServiceDeployments): pending, succeeded, or failed with what failed it. Pure.

import type { DeploymentLifecycleHookDetail, ServiceDeployment, ServiceDeploymentStatus } from '@aws-sdk/client-ecs';
import { hasReached, type Stage, type Strategy, type WaitUntil } from './service-deployment-stages.ts';
import { shellQuote } from './shell.ts';
import { type Failure, type FailureKind, failed } from './verdict.ts';

export type RecordVerdict = { state: 'pending' } | { state: 'succeeded' } | Failure;

export interface RecordSnapshot {
  record: ServiceDeployment;
  strategy: Strategy;
  waitUntil: WaitUntil;
  /** For messages: `service 'web'`. */
  service: string;
}

export const RECORD_STATUSES: readonly ServiceDeploymentStatus[] = [
  'PENDING',
  'IN_PROGRESS',
  'SUCCESSFUL',
  'STOPPED',
  'STOP_REQUESTED',
  'ROLLBACK_REQUESTED',
  'ROLLBACK_IN_PROGRESS',
  'ROLLBACK_SUCCESSFUL',
  'ROLLBACK_FAILED',
];

const ROLLING_BACK: ReadonlySet<string> = new Set(['ROLLBACK_REQUESTED', 'ROLLBACK_IN_PROGRESS']);
const ROLLED_BACK: ReadonlySet<string> = new Set(['ROLLBACK_SUCCESSFUL', 'ROLLBACK_FAILED']);

/** True while ECS rolls the deployment back (requested or in progress). */
export function isRollingBack(status: string | undefined): boolean {
  return status !== undefined && ROLLING_BACK.has(status);
}

/** True when the record will not change any more. */
export function isTerminal(status: string | undefined): boolean {
  return status === 'SUCCESSFUL' || status === 'STOPPED' || (status !== undefined && ROLLED_BACK.has(status));
}

/** True when StopServiceDeployment may still act on it (PENDING or IN_PROGRESS). */
export function isStoppable(status: string | undefined): boolean {
  return status === 'PENDING' || status === 'IN_PROGRESS';
}

/**
 * SUCCESSFUL is success; with `wait-until` a stage, reaching that stage while the record
 * is PENDING or IN_PROGRESS is success too. Any rollback or stop is a failure, named by
 * what caused it (alarm, hook and stage, circuit breaker, ECS's reason) and, once known,
 * how the rollback ended.
 */
export function classifyServiceDeployment(snapshot: RecordSnapshot): RecordVerdict {
  const { record, strategy, waitUntil } = snapshot;
  const status = record.status;
  const name = `deployment ${record.serviceDeploymentArn ?? '(unknown)'} of service '${snapshot.service}'`;
  switch (status) {
    case 'SUCCESSFUL':
      return { state: 'succeeded' };
    case 'PENDING':
    case 'IN_PROGRESS':
      if (waitUntil !== 'completed' && hasReached(record.lifecycleStage, waitUntil, strategy))
        return { state: 'succeeded' };
      return { state: 'pending' };
    case 'STOP_REQUESTED':
    case 'STOPPED':
      return failure('stopped', `${name} was stopped${atStage(record)} (${status})`, record);
    case 'ROLLBACK_REQUESTED':
    case 'ROLLBACK_IN_PROGRESS':
    case 'ROLLBACK_SUCCESSFUL':
    case 'ROLLBACK_FAILED':
      return failure(
        'rolled-back',
        `${name} was rolled back by ECS${atStage(record)}: ${causeOf(record)}; ${rollbackOutcome(record)}`,
        record,
      );
    default:
      // No status yet (or one newer than this code): keep looking.
      return { state: 'pending' };
  }
}

function failure(kind: FailureKind, reason: string, record: ServiceDeployment): Failure {
  return failed(kind, reason, evidenceOf(record));
}

function atStage(record: ServiceDeployment): string {
  return record.lifecycleStage === undefined ? '' : ` at stage ${record.lifecycleStage}`;
}

/** What failed the deployment, most specific first. */
export function causeOf(record: ServiceDeployment): string {
  const alarms = record.alarms?.triggeredAlarmNames ?? [];
  if (alarms.length > 0)
    return `${alarms.length === 1 ? 'alarm' : 'alarms'} ${alarms.map((a) => `'${a}'`).join(', ')} in ALARM`;
  const hook = failedHook(record);
  if (hook !== undefined)
    return `lifecycle hook ${hookLabel(hook)} ${hook.status ?? 'FAILED'} at stage ${record.lifecycleStage ?? 'unknown'}`;
  const breaker = record.deploymentCircuitBreaker;
  if (breaker?.status === 'TRIGGERED')
    return `the circuit breaker tripped: ${breaker.failureCount ?? '?'} of ${breaker.threshold ?? '?'} failed tasks (failureCount ${breaker.failureCount ?? '?'}, threshold ${breaker.threshold ?? '?'})`;
  const reason = record.statusReason?.trim() || record.rollback?.reason?.trim();
  return reason ? reason : 'ECS gave no reason';
}

/** How the rollback went: succeeded, failed, or still running. */
export function rollbackOutcome(record: ServiceDeployment): string {
  const to = record.rollback?.serviceRevisionArn;
  const target = to === undefined ? 'the previous revision' : to;
  switch (record.status) {
    case 'ROLLBACK_SUCCESSFUL':
      return `rollback to ${target} succeeded`;
    case 'ROLLBACK_FAILED':
      return `rollback to ${target} FAILED: the service may run neither revision fully`;
    default:
      return `rollback to ${target} in progress`;
  }
}

/** One line each: the alarms, hooks, circuit breaker and reasons ECS recorded. */
export function evidenceOf(record: ServiceDeployment): string[] {
  const lines: string[] = [];
  const alarms = record.alarms;
  if ((alarms?.triggeredAlarmNames ?? []).length > 0) {
    // Only those in ALARM: naming the quiet ones too would point the reader at the wrong graph.
    lines.push(`alarms in ALARM: ${(alarms?.triggeredAlarmNames ?? []).join(', ')}`);
  }
  for (const hook of record.lifecycleHookDetails ?? []) {
    if (hook.status === 'FAILED' || hook.status === 'TIMED_OUT')
      lines.push(`lifecycle hook ${hookLabel(hook)}: ${hook.status} at stage ${record.lifecycleStage ?? 'unknown'}`);
  }
  const breaker = record.deploymentCircuitBreaker;
  if (breaker !== undefined && (breaker.failureCount ?? 0) > 0) {
    lines.push(
      `circuit breaker ${breaker.status ?? ''}: ${breaker.failureCount ?? 0} failed tasks, threshold ${breaker.threshold ?? '?'}`.replace(
        '  ',
        ' ',
      ),
    );
  }
  if (record.statusReason?.trim()) lines.push(`ECS: ${record.statusReason.trim()}`);
  if (record.rollback?.reason?.trim() && record.rollback.reason.trim() !== record.statusReason?.trim())
    lines.push(`rollback: ${record.rollback.reason.trim()}`);
  return lines;
}

function failedHook(record: ServiceDeployment): DeploymentLifecycleHookDetail | undefined {
  return (record.lifecycleHookDetails ?? []).find((h) => h.status === 'FAILED' || h.status === 'TIMED_OUT');
}

function hookLabel(hook: DeploymentLifecycleHookDetail): string {
  const target = hook.targetArn === undefined ? '' : ` (${hook.targetArn})`;
  return `${hook.hookId ?? 'unknown'}${target}`;
}

/** The pause hook our deployment waits at, if any. */
export function pausedAt(record: ServiceDeployment): DeploymentLifecycleHookDetail | undefined {
  return (record.lifecycleHookDetails ?? []).find((h) => h.targetType === 'PAUSE' && h.status === 'AWAITING_ACTION');
}

/** e.g. `BLUE_GREEN IN_PROGRESS stage PRODUCTION_TRAFFIC_SHIFT, new revision running 2/2, production traffic 10%`. */
export function recordProgressLine(record: ServiceDeployment, strategy: Strategy): string {
  const target = record.targetServiceRevision;
  const parts = [`${strategy} ${record.status ?? 'UNKNOWN'}`, `stage ${record.lifecycleStage ?? '(none yet)'}`];
  if (target?.requestedTaskCount !== undefined) {
    const pending = (target.pendingTaskCount ?? 0) > 0 ? `, pending ${target.pendingTaskCount}` : '';
    parts.push(`new revision running ${target.runningTaskCount ?? 0}/${target.requestedTaskCount}${pending}`);
  }
  const prod = target?.requestedProductionTrafficWeight;
  if (prod !== undefined && strategy !== 'ROLLING') parts.push(`production traffic ${prod}%`);
  const test = target?.requestedTestTrafficWeight;
  if (test !== undefined && test > 0 && strategy !== 'ROLLING') parts.push(`test traffic ${test}%`);
  const hook = pausedAt(record);
  if (hook !== undefined) {
    parts.push(
      `waiting at pause hook ${hook.hookId ?? 'unknown'} in stage ${record.lifecycleStage ?? 'unknown'}: continue it with ` +
        `aws ecs continue-service-deployment --service-deployment-arn ${shellQuote(record.serviceDeploymentArn ?? '<arn>')} --hook-id ${shellQuote(hook.hookId ?? '<hook id>')}`,
    );
  }
  return parts.join(', ');
}

export type RollbackAction = 'none' | 'stop-deployment' | 'update-service';

// Failures of the action's own making: ECS did not (yet) roll anything back.
const OWN_VERDICTS: ReadonlySet<FailureKind> = new Set(['too-many-failed-tasks', 'timed-out', 'cancelled']);

/**
 * With `rollback-on-failure`, what to do about a failed verdict. Only failures ECS has not
 * already rolled back (our own verdicts: too many failed tasks, the timeout, a cancelled
 * job) are rolled back, with StopServiceDeployment while the record is still PENDING or
 * IN_PROGRESS, or, without a record (no permission, no record), by pointing the service
 * back at its previous revision.
 */
export function decideRollback(input: {
  failure: Failure;
  rollbackOnFailure: boolean;
  recordStatus: ServiceDeploymentStatus | undefined;
  haveRecord: boolean;
}): RollbackAction {
  if (!input.rollbackOnFailure || !OWN_VERDICTS.has(input.failure.kind)) return 'none';
  if (!input.haveRecord) return 'update-service';
  if (isStoppable(input.recordStatus)) return 'stop-deployment';
  return 'none';
}

/** The stage a record is at, for the summary's "stages reached". */
export type StageVisit = { stage: Stage; enteredAt: number; leftAt?: number };

/** Records the stage seen at `now`: closes the previous visit when it changed. Returns a new list. */
export function visitStage(visits: readonly StageVisit[], stage: Stage | undefined, now: number): StageVisit[] {
  const last = visits.at(-1);
  if (stage === undefined || last?.stage === stage) return [...visits];
  const closed =
    last === undefined || last.leftAt !== undefined ? [...visits] : [...visits.slice(0, -1), { ...last, leftAt: now }];
  return [...closed, { stage, enteredAt: now }];
}

/**
 * One verdict from both views of a poll. The record decides success (SUCCESSFUL, or the
 * `wait-until` stage reached) and names a rollback best; while it is pending, today's
 * DescribeServices rules (our deployment replaced, too many failed tasks, the service
 * gone) still fail it. Without a record, DescribeServices alone decides.
 */
export function combineVerdicts(rollout: RecordVerdict, record: RecordVerdict | undefined): RecordVerdict {
  if (record === undefined) return rollout;
  if (record.state !== 'pending') return record;
  return rollout.state === 'failed' ? rollout : { state: 'pending' };
}
