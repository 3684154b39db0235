import type { DeploymentConfiguration } from '@aws-sdk/client-ecs';
import { describe, expect, it } from 'vitest';
import {
  alarmsWatch,
  bakeTimeMs,
  DEFAULT_POLL_PLAN,
  type HoldView,
  knownWaitEnd,
  nextPollDelay,
  WATCHED_INTERVAL_MS,
  watchedIntervalMs,
} from '../../../src/plan/poll-schedule.ts';

const MIN = 60_000;

describe('nextPollDelay', () => {
  const plan = { intervalMs: 3000, ...DEFAULT_POLL_PLAN };

  it('polls at the normal interval when nothing is known to take long', () => {
    expect(nextPollDelay({ plan, now: 0, paused: false })).toBe(3000);
  });

  it('polls once a minute through a long wait, then at the normal interval from the lead before its end', () => {
    const waitEndsAt = 30 * MIN;
    expect(nextPollDelay({ plan, now: 0, waitEndsAt, paused: false })).toBe(MIN);
    // Never sleeps past the moment it must be back at the normal interval (15 s before the end).
    expect(nextPollDelay({ plan, now: 29 * MIN, waitEndsAt, paused: false })).toBe(45_000);
    expect(nextPollDelay({ plan, now: 30 * MIN - 15_000, waitEndsAt, paused: false })).toBe(3000);
    expect(nextPollDelay({ plan, now: 31 * MIN, waitEndsAt, paused: false })).toBe(3000);
  });

  it('keeps a lead of at least two normal intervals when poll-interval is long', () => {
    const slowPlan = { ...plan, intervalMs: 30_000 };
    // 60 s before the end = 2 x 30 s: back at the normal interval.
    expect(nextPollDelay({ plan: slowPlan, now: 29 * MIN, waitEndsAt: 30 * MIN, paused: false })).toBe(30_000);
    expect(nextPollDelay({ plan: slowPlan, now: 27 * MIN, waitEndsAt: 30 * MIN, paused: false })).toBe(MIN);
  });

  it('polls rarely while a pause hook waits for a person', () => {
    expect(nextPollDelay({ plan, now: 0, paused: true })).toBe(30_000);
  });

  it.each([
    [30, 3000, 40],
    [24 * 60, 3000, 1450],
    [5, 3000, 15],
  ])('a %i-minute wait at poll-interval %i ms costs fewer than %i polls', (minutes, intervalMs, most) => {
    const waitEndsAt = minutes * MIN;
    let now = 0;
    let polls = 0;
    while (now < waitEndsAt) {
      now += nextPollDelay({ plan: { ...plan, intervalMs }, now, waitEndsAt, paused: false });
      polls += 1;
    }
    expect(polls).toBeLessThan(most);
  });
});

describe('knownWaitEnd', () => {
  const view = (over: Partial<HoldView>): HoldView => ({
    status: 'IN_PROGRESS',
    strategy: 'BLUE_GREEN',
    config: undefined,
    stage: 'SCALE_UP',
    stageSince: 1000,
    weight: undefined,
    weightSince: 2000,
    ...over,
  });
  const bake = (minutes: number, more: DeploymentConfiguration = {}): DeploymentConfiguration => ({
    bakeTimeInMinutes: minutes,
    ...more,
  });

  it.each<[string, Partial<HoldView>, number | undefined]>([
    ['the final bake, from when the stage began', { stage: 'BAKE_TIME', config: bake(30) }, 1000 + 30 * MIN],
    ['no bake configured', { stage: 'BAKE_TIME', config: bake(0) }, undefined],
    ['no configuration at all', { stage: 'BAKE_TIME' }, undefined],
    ['not baking', { stage: 'SCALE_UP', config: bake(30) }, undefined],
    [
      'a linear step part-way',
      {
        strategy: 'LINEAR',
        stage: 'PRODUCTION_TRAFFIC_SHIFT',
        weight: 20,
        config: bake(5, { linearConfiguration: { stepPercent: 10, stepBakeTimeInMinutes: 6 } }),
      },
      2000 + 6 * MIN,
    ],
    [
      'a linear deployment fully shifted',
      {
        strategy: 'LINEAR',
        stage: 'PRODUCTION_TRAFFIC_SHIFT',
        weight: 100,
        config: bake(5, { linearConfiguration: { stepPercent: 10, stepBakeTimeInMinutes: 6 } }),
      },
      undefined,
    ],
    [
      'a linear deployment before the first step',
      {
        strategy: 'LINEAR',
        stage: 'PRODUCTION_TRAFFIC_SHIFT',
        weight: 0,
        config: bake(5, { linearConfiguration: { stepPercent: 10, stepBakeTimeInMinutes: 6 } }),
      },
      undefined,
    ],
    [
      'a canary holding',
      {
        strategy: 'CANARY',
        stage: 'PRODUCTION_TRAFFIC_SHIFT',
        weight: 10,
        config: bake(5, { canaryConfiguration: { canaryPercent: 10, canaryBakeTimeInMinutes: 15 } }),
      },
      2000 + 15 * MIN,
    ],
    [
      'a canary without its bake configured',
      { strategy: 'CANARY', stage: 'PRODUCTION_TRAFFIC_SHIFT', weight: 10, config: bake(5) },
      undefined,
    ],
    [
      'blue/green shifting (all at once: no step bake)',
      { strategy: 'BLUE_GREEN', stage: 'PRODUCTION_TRAFFIC_SHIFT', weight: 50, config: bake(5) },
      undefined,
    ],
    [
      'a rollback under way during the bake (followed closely)',
      { status: 'ROLLBACK_IN_PROGRESS', stage: 'BAKE_TIME', config: bake(30) },
      undefined,
    ],
    [
      'a stop requested during a canary bake',
      {
        status: 'STOP_REQUESTED',
        strategy: 'CANARY',
        stage: 'PRODUCTION_TRAFFIC_SHIFT',
        weight: 10,
        config: bake(5, { canaryConfiguration: { canaryPercent: 10, canaryBakeTimeInMinutes: 15 } }),
      },
      undefined,
    ],
    [
      'a traffic weight unknown',
      {
        strategy: 'CANARY',
        stage: 'PRODUCTION_TRAFFIC_SHIFT',
        config: bake(5, { canaryConfiguration: { canaryPercent: 10, canaryBakeTimeInMinutes: 15 } }),
      },
      undefined,
    ],
  ])('%s', (_what, over, expected) => {
    expect(knownWaitEnd(view(over))).toBe(expected);
  });

  it('bakeTimeMs reads minutes, ignoring zero and negatives', () => {
    expect(bakeTimeMs({ bakeTimeInMinutes: 3 })).toBe(3 * MIN);
    expect(bakeTimeMs({ bakeTimeInMinutes: 0 })).toBeUndefined();
    expect(bakeTimeMs({ bakeTimeInMinutes: -1 })).toBeUndefined();
    expect(bakeTimeMs(undefined)).toBeUndefined();
  });
});

describe('polling through a wait an alarm can end', () => {
  const plan = (intervalMs: number) => ({ intervalMs, ...DEFAULT_POLL_PLAN });
  const bakeEnd = 30 * MIN;

  it.each<[string, { intervalMs: number; now: number; paused?: boolean; watched: boolean }, number]>([
    ['a bake only the clock can end: once a minute, as before', { intervalMs: 3000, now: 0, watched: false }, MIN],
    [
      'a bake with alarms enabled: the moderate interval',
      { intervalMs: 3000, now: 0, watched: true },
      WATCHED_INTERVAL_MS,
    ],
    [
      'alarms enabled, poll-interval slower than the moderate one: poll-interval',
      { intervalMs: 30_000, now: 0, watched: true },
      30_000,
    ],
    [
      'alarms enabled, 20 s before the lead: no sleep past it',
      { intervalMs: 3000, now: bakeEnd - 15_000 - 10_000, watched: true },
      10_000,
    ],
    [
      'alarms enabled, inside the lead before the end: the normal interval',
      { intervalMs: 3000, now: bakeEnd - 10_000, watched: true },
      3000,
    ],
    [
      'a pause hook with alarms enabled: the moderate interval',
      { intervalMs: 3000, now: 0, paused: true, watched: true },
      WATCHED_INTERVAL_MS,
    ],
    [
      'a pause hook only a person can end: every 30 s, as before',
      { intervalMs: 3000, now: 0, paused: true, watched: false },
      30_000,
    ],
  ])('%s', (_what, given, expected) => {
    expect(
      nextPollDelay({
        plan: plan(given.intervalMs),
        now: given.now,
        waitEndsAt: bakeEnd,
        paused: given.paused ?? false,
        watched: given.watched,
      }),
    ).toBe(expected);
  });

  it('does not change the normal interval outside a known wait', () => {
    expect(nextPollDelay({ plan: plan(3000), now: 0, paused: false, watched: true })).toBe(3000);
  });

  it('leaves a rollback that starts during a watched bake seen within 20 s (every sleep is at most the moderate interval)', () => {
    let now = 0;
    const sleeps: number[] = [];
    while (now < bakeEnd) {
      const ms = nextPollDelay({ plan: plan(3000), now, waitEndsAt: bakeEnd, paused: false, watched: true });
      sleeps.push(ms);
      now += ms;
    }
    expect(Math.max(...sleeps)).toBeLessThan(20_000);
    // About four polls a minute through a 30-minute bake, not twenty.
    expect(sleeps.length).toBeLessThan(30 * 5);
  });

  it.each([
    [1000, WATCHED_INTERVAL_MS],
    [3000, WATCHED_INTERVAL_MS],
    [WATCHED_INTERVAL_MS, WATCHED_INTERVAL_MS],
    [45_000, 45_000],
  ])('watchedIntervalMs at poll-interval %i ms is %i ms', (intervalMs, expected) => {
    expect(watchedIntervalMs(intervalMs)).toBe(expected);
  });

  it.each<[string, DeploymentConfiguration | undefined, boolean]>([
    ['alarms enabled with a name', { alarms: { enable: true, rollback: true, alarmNames: ['api-5xx'] } }, true],
    [
      'alarms enabled without rollback (the deployment still fails)',
      { alarms: { enable: true, rollback: false, alarmNames: ['api-5xx'] } },
      true,
    ],
    ['alarms named but not enabled', { alarms: { enable: false, rollback: true, alarmNames: ['api-5xx'] } }, false],
    ['alarms enabled with no name', { alarms: { enable: true, rollback: true, alarmNames: [] } }, false],
    ['no alarms configured', { bakeTimeInMinutes: 30 }, false],
    ['no configuration', undefined, false],
  ])('alarmsWatch: %s', (_what, config, expected) => {
    expect(alarmsWatch(config)).toBe(expected);
  });
});
