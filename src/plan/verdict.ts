// The one verdict shape. plan/ decides it, steps put it in their results unchanged, and
// the log, the outputs and the summary read it from there: no layer re-shapes it.

export type FailureKind =
  /** ECS marked our deployment FAILED (circuit breaker, or a rollback). */
  | 'rollout-failed'
  /** Our deployment is gone or no longer primary: a rollback or a newer deploy. */
  | 'replaced'
  /** `max-failed-tasks` tasks of our deployment stopped. */
  | 'too-many-failed-tasks'
  /** The service was deleted (or is being deleted) while we followed it. */
  | 'service-inactive'
  /** ECS rolled our deployment back (alarm, lifecycle hook, circuit breaker, or on request). */
  | 'rolled-back'
  /** Our deployment was stopped (StopServiceDeployment) without a rollback. */
  | 'stopped'
  /** The job was cancelled while we waited. */
  | 'cancelled'
  /** `wait-timeout` passed before a verdict. */
  | 'timed-out'
  /** Nothing was changed because what is there must not be called a success. */
  | 'refused'
  /** A one-off task stopped without every essential container exiting 0. */
  | 'task-failed'
  /** RunTask started no task. */
  | 'task-not-started'
  /** A Lambda update, version or alias did not end well. */
  | 'update-failed'
  /** An error was thrown: bad input found late, AWS refusing a call, a bug. */
  | 'error';

export interface Failure {
  state: 'failed';
  kind: FailureKind;
  /** One line: what failed and why. */
  reason: string;
  /** Evidence, one line each: stopped tasks, container exit codes, where the logs are. */
  details: string[];
}

/** A mode's (or a target's) verdict: one of its own success states, or a failure. */
export type Verdict<S extends string> = { state: S } | Failure;

export function failed(kind: FailureKind, reason: string, details: string[] = []): Failure {
  return { state: 'failed', kind, reason, details };
}

export function isFailure(verdict: { state: string }): verdict is Failure {
  return verdict.state === 'failed';
}

/** The failure as the log and the summary print it: the reason, then each detail. */
export function failureText(verdict: { state: string } | undefined): string | undefined {
  if (verdict === undefined || !isFailure(verdict)) return undefined;
  return [verdict.reason, ...verdict.details].join('\n');
}

/** The same failure with more evidence appended. */
export function withDetails(failure: Failure, details: string[]): Failure {
  return details.length === 0 ? failure : { ...failure, details: [...failure.details, ...details] };
}
