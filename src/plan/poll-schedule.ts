// When to poll a service deployment next: rarely through a wait whose end is known (the
// final bake, a linear step's or a canary's bake) and at a pause hook, at a moderate
// interval through such a wait when an alarm can end it early, at `poll-interval`
// otherwise. Pure.

import type { DeploymentConfiguration, ServiceDeploymentStatus } from '@aws-sdk/client-ecs';
import type { Stage, Strategy } from './service-deployment-stages.ts';

export interface PollPlan {
  /** The normal poll interval (`poll-interval`). */
  intervalMs: number;
  /** The rare interval through a known wait. */
  slowIntervalMs: number;
  /** At a pause hook: a person continues it, and wants to see it move soon after. */
  pausedIntervalMs: number;
  /**
   * Return to the normal interval this long before a known wait is due to end (at least two
   * normal intervals): covers ECS starting its timer a little after it reports the stage.
   */
  leadMs: number;
}

export const DEFAULT_POLL_PLAN: Omit<PollPlan, 'intervalMs'> = {
  slowIntervalMs: 60_000,
  pausedIntervalMs: 30_000,
  leadMs: 15_000,
};

/**
 * The longest sleep through a wait something besides the clock can end (an alarm during a
 * bake; for CodeDeploy, a lifecycle hook still to run): a rollback starting then is seen
 * within this plus one call, inside 20 s.
 */
export const WATCHED_INTERVAL_MS = 15_000;

/** The moderate interval through a wait an outside event can end; never faster than poll-interval. */
export function watchedIntervalMs(intervalMs: number): number {
  return Math.max(intervalMs, WATCHED_INTERVAL_MS);
}

/** CloudWatch alarms can fail (and roll back) the deployment at any moment: enabled, with at least one alarm named. */
export function alarmsWatch(config: DeploymentConfiguration | undefined): boolean {
  const alarms = config?.alarms;
  return alarms?.enable === true && (alarms.alarmNames?.length ?? 0) > 0;
}

function minutesMs(minutes: number | undefined): number | undefined {
  return minutes === undefined || minutes <= 0 ? undefined : minutes * 60_000;
}

/** Bake of the whole deployment after production traffic shifted, in ms, when configured. */
export function bakeTimeMs(config: DeploymentConfiguration | undefined): number | undefined {
  return minutesMs(config?.bakeTimeInMinutes);
}

/** What the follower saw of the record, with the earliest moment each of its values can have begun. */
export interface HoldView {
  /** The record's status: only an IN_PROGRESS deployment is in a wait (a rollback is followed closely). */
  status: ServiceDeploymentStatus | undefined;
  strategy: Strategy;
  config: DeploymentConfiguration | undefined;
  stage: Stage | undefined;
  /** The poll before the one that first saw `stage` (the stage began after it). */
  stageSince: number;
  /** Production traffic on the new revision, percent, when the record says. */
  weight: number | undefined;
  /** The poll before the one that first saw `weight`. */
  weightSince: number;
}

/**
 * When the wait the deployment is in is due to end, or undefined when its end is not known.
 * Counted from the earliest moment it can have begun, so the real end is never before it:
 * - BAKE_TIME: `bakeTimeInMinutes` after the stage began;
 * - PRODUCTION_TRAFFIC_SHIFT of a LINEAR deployment with traffic part-way: the step's bake
 *   (`stepBakeTimeInMinutes`) after the traffic moved; of a CANARY: the canary's bake.
 */
export function knownWaitEnd(view: HoldView): number | undefined {
  if (view.status !== 'IN_PROGRESS') return undefined;
  if (view.stage === 'BAKE_TIME') {
    const bake = bakeTimeMs(view.config);
    return bake === undefined ? undefined : view.stageSince + bake;
  }
  const partWay = view.weight !== undefined && view.weight > 0 && view.weight < 100;
  if (view.stage !== 'PRODUCTION_TRAFFIC_SHIFT' || !partWay) return undefined;
  const step =
    view.strategy === 'LINEAR'
      ? minutesMs(view.config?.linearConfiguration?.stepBakeTimeInMinutes)
      : view.strategy === 'CANARY'
        ? minutesMs(view.config?.canaryConfiguration?.canaryBakeTimeInMinutes)
        : undefined;
  return step === undefined ? undefined : view.weightSince + step;
}

/**
 * How long to sleep before the next poll. Through a wait whose end is known, poll rarely
 * and come back to the normal interval a lead before the end, so what follows the wait is
 * still seen within one normal interval; at a pause hook (which waits for a person), every
 * `pausedIntervalMs`. Otherwise: the normal interval. `watched`: something besides the
 * clock can end the wait (alarms enabled), so it is polled at `watchedIntervalMs` at most.
 */
export function nextPollDelay(input: {
  plan: PollPlan;
  now: number;
  waitEndsAt?: number;
  paused: boolean;
  watched?: boolean;
}): number {
  const { plan, now, waitEndsAt, paused } = input;
  const rare = (ms: number): number => (input.watched === true ? Math.min(ms, watchedIntervalMs(plan.intervalMs)) : ms);
  if (paused) return Math.max(plan.intervalMs, rare(plan.pausedIntervalMs));
  if (waitEndsAt === undefined) return plan.intervalMs;
  const lead = Math.max(plan.leadMs, 2 * plan.intervalMs);
  const untilLead = waitEndsAt - lead - now;
  if (untilLead <= plan.intervalMs) return plan.intervalMs;
  return Math.max(plan.intervalMs, Math.min(rare(plan.slowIntervalMs), untilLead));
}
