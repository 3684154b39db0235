// When to poll a CodeDeploy deployment next, through nextPollDelay (poll-schedule.ts), the
// same rule ECS bakes follow: rarely through the original task set's termination wait
// (`terminationWaitTimeInMinutes`) when only the clock can end it, at a moderate interval
// when something else can (CloudWatch alarms of the group), every `pausedIntervalMs` at a
// `Ready` wait (a person continues it), else at `poll-interval`. Pure.

import type { CodeDeployVerdict } from './codedeploy-deployment.ts';
import { nextPollDelay, type PollPlan } from './poll-schedule.ts';

/**
 * The normal interval of a CodeDeploy follow when the workflow sets no `poll-interval`: a
 * verdict within 2 s of CodeDeploy's, for one small GetDeployment record per poll.
 */
export const CODEDEPLOY_DEFAULT_INTERVAL_MS = 1_500;

/** `poll-interval` as written, else CodeDeploy's own default. */
export function codeDeployIntervalMs(wait: { intervalMs: number; intervalSet?: boolean }): number {
  return wait.intervalSet === true ? wait.intervalMs : CODEDEPLOY_DEFAULT_INTERVAL_MS;
}

/** Moderate: a rollback started by an alarm is seen within 20 s. */
export const MODERATE_INTERVAL_MS = 15_000;

export interface CodeDeployPollView {
  plan: PollPlan;
  now: number;
  verdict: CodeDeployVerdict;
  /** The poll before the one that first saw the termination wait (it began after that). */
  terminationSince?: number;
  terminationWaitMinutes?: number;
  /** Alarms (or hooks still to run) can end the wait at any moment. */
  watched: boolean;
}

export function nextCodeDeployPoll(view: CodeDeployPollView): number {
  const { verdict, plan } = view;
  if (verdict.state !== 'pending') return plan.intervalMs;
  if (verdict.waiting === 'ready') return nextPollDelay({ plan, now: view.now, paused: true });
  if (
    verdict.waiting !== 'termination' ||
    view.terminationSince === undefined ||
    view.terminationWaitMinutes === undefined
  ) {
    return plan.intervalMs;
  }
  const slow = view.watched ? { ...plan, slowIntervalMs: Math.max(plan.intervalMs, MODERATE_INTERVAL_MS) } : plan;
  return nextPollDelay({
    plan: slow,
    now: view.now,
    waitEndsAt: view.terminationSince + view.terminationWaitMinutes * 60_000,
    paused: false,
  });
}
