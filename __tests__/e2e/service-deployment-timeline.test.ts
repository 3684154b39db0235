import { describe, expect, it } from 'vitest';
import type { OutsideEvents, ServiceDeploymentScript } from '../support/service-deployment-timeline.ts';
import {
  BLUE_GREEN_STAGES,
  phasesOf,
  ROLLING_STAGES,
  recordAt,
  stagesOf,
} from '../support/service-deployment-timeline.ts';

// The instrument's time line, without a clock: status and stage at given moments.

const at = (script: ServiceDeploymentScript, ms: number, events: OutsideEvents = {}): string => {
  const v = recordAt(script, events, ms);
  return `${v.status} ${v.stage}${v.productionWeight === undefined ? '' : ` ${v.productionWeight}`}`;
};

describe('service deployment time line', () => {
  const bg: ServiceDeploymentScript = { strategy: 'BLUE_GREEN', stageMs: 100, pendingMs: 100, bakeSeconds: 1 };

  it('blue/green: PENDING, each stage for stageMs, BAKE_TIME for bakeSeconds, then SUCCESSFUL', () => {
    expect(stagesOf(bg)).toEqual(BLUE_GREEN_STAGES);
    expect(at(bg, 0)).toBe('PENDING RECONCILE_SERVICE 0');
    expect(at(bg, 150)).toBe('IN_PROGRESS RECONCILE_SERVICE 0');
    expect(at(bg, 850)).toBe('IN_PROGRESS PRODUCTION_TRAFFIC_SHIFT 100');
    // 100 pending + 9 stages of 100 ms: the bake runs from 1000 to 2000.
    expect(at(bg, 1000)).toBe('IN_PROGRESS BAKE_TIME 100');
    expect(at(bg, 1999)).toBe('IN_PROGRESS BAKE_TIME 100');
    expect(at(bg, 2050)).toBe('IN_PROGRESS CLEAN_UP 100');
    expect(at(bg, 2100)).toBe('SUCCESSFUL CLEAN_UP 100');
    expect(recordAt(bg, {}, 2100).finishedMs).toBe(2100);
  });

  it('linear steps and canary percent', () => {
    const linear: ServiceDeploymentScript = {
      strategy: 'LINEAR',
      stageMs: 100,
      pendingMs: 0,
      linear: { stepPercent: 30, stepSeconds: 1 },
    };
    expect(
      phasesOf(linear)
        .filter((p) => p.stage === 'PRODUCTION_TRAFFIC_SHIFT')
        .map((p) => p.weight),
    ).toEqual([30, 60, 90, 100]);
    const canary: ServiceDeploymentScript = {
      strategy: 'CANARY',
      stageMs: 100,
      pendingMs: 0,
      canary: { canaryPercent: 5, canarySeconds: 2 },
    };
    expect(
      phasesOf(canary)
        .filter((p) => p.stage === 'PRODUCTION_TRAFFIC_SHIFT')
        .map((p) => [p.weight, p.ms]),
    ).toEqual([
      [5, 2000],
      [100, 100],
    ]);
    expect(at(canary, 700 + 1500)).toBe('IN_PROGRESS PRODUCTION_TRAFFIC_SHIFT 5');
  });

  it('rolling: its own stages, no traffic weights; a crash loop holds SCALE_UP and counts stopped tasks', () => {
    const rolling: ServiceDeploymentScript = { strategy: 'ROLLING', stageMs: 100, pendingMs: 0 };
    expect(stagesOf(rolling)).toEqual(ROLLING_STAGES);
    expect(at(rolling, 300)).toBe('SUCCESSFUL CLEAN_UP');
    const crash: ServiceDeploymentScript = { ...rolling, crashLoop: { everyMs: 100, exitCode: 1, reason: 'x' } };
    expect(at(crash, 3_600_000)).toBe('IN_PROGRESS SCALE_UP');
    expect(recordAt(crash, {}, 550).crashedTasks).toBe(4);
  });

  it('StopServiceDeployment(ROLLBACK): REQUESTED, IN_PROGRESS, SUCCESSFUL; crashed tasks stop counting', () => {
    const crash: ServiceDeploymentScript = {
      strategy: 'ROLLING',
      stageMs: 100,
      pendingMs: 0,
      stopRequestedMs: 100,
      rollbackMs: 200,
      crashLoop: { everyMs: 100, exitCode: 1, reason: 'x' },
    };
    const events: OutsideEvents = { stop: { atMs: 500, stopType: 'ROLLBACK' } };
    expect(at(crash, 550, events)).toBe('ROLLBACK_REQUESTED SCALE_UP');
    expect(recordAt(crash, events, 550).rolledBack).toBe(false);
    expect(at(crash, 650, events)).toBe('ROLLBACK_IN_PROGRESS SCALE_UP');
    expect(recordAt(crash, events, 650).rollback).toMatchObject({ startedMs: 600 });
    expect(at(crash, 800, events)).toBe('ROLLBACK_SUCCESSFUL SCALE_UP');
    expect(recordAt(crash, events, 10_000).crashedTasks).toBe(4);
    expect(at({ ...crash, rollbackFails: true }, 800, events)).toBe('ROLLBACK_FAILED SCALE_UP');
    expect(at(crash, 800, { stop: { atMs: 500, stopType: 'ABORT' } })).toBe('STOPPED SCALE_UP');
  });

  it('alarm, failing hook and breaker: when each fires, and what the view names', () => {
    const alarm = recordAt(
      {
        ...bg,
        rollbackMs: 100,
        alarms: { names: ['a', 'b'], trigger: { alarm: 'b', atStage: 'BAKE_TIME', afterMs: 300 } },
      },
      {},
      1300,
    );
    expect(alarm).toMatchObject({ status: 'ROLLBACK_IN_PROGRESS', stage: 'BAKE_TIME', triggeredAlarms: ['b'] });
    const hook = recordAt({ ...bg, failingHook: { stage: 'POST_SCALE_UP' } }, {}, 460);
    expect(hook).toMatchObject({
      status: 'ROLLBACK_IN_PROGRESS',
      stage: 'POST_SCALE_UP',
      hooks: [{ status: 'FAILED' }],
    });
    expect(hook.statusReason).toContain('POST_SCALE_UP');
    const breaker = recordAt(
      { strategy: 'ROLLING', stageMs: 100, pendingMs: 0, circuitBreaker: { everyMs: 100, threshold: 3 } },
      {},
      400,
    );
    expect(breaker).toMatchObject({ status: 'ROLLBACK_IN_PROGRESS', breakerTriggered: true, failureCount: 3 });
  });

  it('a pause hook holds until continued, then the rest of the walk follows; ROLLBACK as the action rolls back', () => {
    const paused: ServiceDeploymentScript = { ...bg, pauseHook: { stage: 'TEST_TRAFFIC_SHIFT' } };
    expect(at(paused, 600)).toBe('IN_PROGRESS TEST_TRAFFIC_SHIFT 0');
    expect(recordAt(paused, {}, 3_600_000).hooks).toEqual([
      { hookId: 'hook-manual-approval', targetType: 'PAUSE', status: 'AWAITING_ACTION' },
    ]);
    const continued: OutsideEvents = { continued: { atMs: 10_000, action: 'CONTINUE' } };
    // TEST_TRAFFIC_SHIFT began at 500; after the continue the remaining 1600 ms play out.
    expect(at(paused, 10_050, continued)).toBe('IN_PROGRESS TEST_TRAFFIC_SHIFT 0');
    expect(at(paused, 11_600, continued)).toBe('SUCCESSFUL CLEAN_UP 100');
    expect(at(paused, 10_050, { continued: { atMs: 10_000, action: 'ROLLBACK' } })).toBe(
      'ROLLBACK_IN_PROGRESS TEST_TRAFFIC_SHIFT 0',
    );
  });
});
