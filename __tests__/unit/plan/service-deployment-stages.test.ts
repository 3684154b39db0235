import { ServiceDeploymentLifecycleStage } from '@aws-sdk/client-ecs';
import { describe, expect, it } from 'vitest';
import {
  ALL_STAGES,
  hasReached,
  parseWaitUntil,
  STRATEGIES,
  stagesOf,
  strategyOf,
  waitUntilProblem,
} from '../../../src/plan/service-deployment-stages.ts';

describe('stages per strategy', () => {
  it('walks blue/green, linear and canary through every stage in the documented order, ending in BAKE_TIME and CLEAN_UP', () => {
    for (const strategy of ['BLUE_GREEN', 'LINEAR', 'CANARY'] as const) {
      expect(stagesOf(strategy)).toEqual(ALL_STAGES);
      expect(stagesOf(strategy).slice(-2)).toEqual(['BAKE_TIME', 'CLEAN_UP']);
    }
  });

  it("names only stages a deployment record can report (the SDK's ServiceDeploymentLifecycleStage), every one of them", () => {
    expect([...ALL_STAGES].sort()).toEqual(Object.values(ServiceDeploymentLifecycleStage).sort());
  });

  it('has no traffic shift and no bake on a rolling update', () => {
    expect(stagesOf('ROLLING')).toEqual(['RECONCILE_SERVICE', 'SCALE_UP', 'CLEAN_UP']);
  });

  it('reads the strategy from the service, ROLLING when it names none', () => {
    expect(strategyOf(undefined)).toBe('ROLLING');
    expect(strategyOf({ strategy: 'CANARY' })).toBe('CANARY');
  });
});

describe('parseWaitUntil', () => {
  it.each([
    ['completed', 'completed'],
    ['COMPLETED', 'completed'],
    ['BAKE_TIME', 'BAKE_TIME'],
    ['bake-time', 'BAKE_TIME'],
    ['production_traffic_shift', 'PRODUCTION_TRAFFIC_SHIFT'],
    ['baked', undefined],
    // A lifecycle hook stage, never a record's stage: waiting for it would never end.
    ['PRE_PRODUCTION_TRAFFIC_SHIFT', undefined],
    ['', undefined],
  ])('%j -> %j', (raw, want) => {
    expect(parseWaitUntil(raw)).toBe(want);
  });
});

describe('waitUntilProblem', () => {
  it.each(STRATEGIES)('accepts completed and every stage a %s deployment goes through', (strategy) => {
    expect(waitUntilProblem('completed', strategy)).toBeUndefined();
    for (const stage of stagesOf(strategy)) expect(waitUntilProblem(stage, strategy)).toBeUndefined();
  });

  it('refuses a stage the strategy never goes through, naming those it does', () => {
    expect(waitUntilProblem('BAKE_TIME', 'ROLLING')).toBe(
      "a ROLLING deployment never goes through stage BAKE_TIME: use 'completed' or one of RECONCILE_SERVICE, SCALE_UP, CLEAN_UP",
    );
  });
});

describe('hasReached', () => {
  it.each([
    ['SCALE_UP', 'BAKE_TIME', false],
    ['BAKE_TIME', 'BAKE_TIME', true],
    ['CLEAN_UP', 'BAKE_TIME', true],
    [undefined, 'BAKE_TIME', false],
  ] as const)('%s reached %s: %s', (stage, target, want) => {
    expect(hasReached(stage, target, 'BLUE_GREEN')).toBe(want);
  });
});
