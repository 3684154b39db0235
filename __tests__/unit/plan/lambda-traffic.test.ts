import { describe, expect, it } from 'vitest';
import {
  describeSchedule,
  judgeAlarms,
  judgeProvisioned,
  parseTraffic,
  routingInProgress,
  scheduleLengthMs,
  trafficSchedule,
} from '../../../src/plan/lambda-traffic.ts';

describe('parseTraffic', () => {
  it.each([
    ['', { kind: 'all-at-once' }],
    ['all-at-once', { kind: 'all-at-once' }],
    ['AllAtOnce', { kind: 'all-at-once' }],
    ['canary 10% 5m', { kind: 'canary', percent: 10, minutes: 5 }],
    ['Canary 12.5 % 1m', { kind: 'canary', percent: 12.5, minutes: 1 }],
    ['canary 1.1% 5m', { kind: 'canary', percent: 1.1, minutes: 5 }],
    ['linear 0.07% every 1m', { kind: 'linear', percent: 0.07, minutes: 1 }],
    ['linear 20% every 2m', { kind: 'linear', percent: 20, minutes: 2 }],
    ['linear   33%   every  1m', { kind: 'linear', percent: 33, minutes: 1 }],
    ['Canary10Percent5Minutes', { kind: 'canary', percent: 10, minutes: 5 }],
    ['Canary10Percent10Minutes', { kind: 'canary', percent: 10, minutes: 10 }],
    ['Canary10Percent15Minutes', { kind: 'canary', percent: 10, minutes: 15 }],
    ['Canary10Percent30Minutes', { kind: 'canary', percent: 10, minutes: 30 }],
    ['Linear10PercentEvery1Minute', { kind: 'linear', percent: 10, minutes: 1 }],
    ['Linear10PercentEvery2Minutes', { kind: 'linear', percent: 10, minutes: 2 }],
    ['Linear10PercentEvery3Minutes', { kind: 'linear', percent: 10, minutes: 3 }],
    ['Linear10PercentEvery10Minutes', { kind: 'linear', percent: 10, minutes: 10 }],
  ])('reads %j', (raw, spec) => {
    expect(parseTraffic(raw)).toEqual(spec);
  });

  it.each([
    ['canary 0% 5m', /above 0 and below 100/],
    ['canary 100% 5m', /above 0 and below 100/],
    ['linear 150% every 1m', /above 0 and below 100/],
    ['canary 10% 0m', /whole number of minutes, 1 or more/],
    ['canary 10% 1.5m', /whole number of minutes/],
    ['canary 10.125% 1m', /two decimals/],
    ['canary 10% 30s', /not a traffic schedule/],
    ['linear 10% 1m', /not a traffic schedule/],
    ['Canary10Percent7Minutes', /not a traffic schedule/],
    ['blue-green', /not a traffic schedule/],
  ])('refuses %j naming the input', (raw, message) => {
    expect(() => parseTraffic(raw)).toThrow(message);
    expect(() => parseTraffic(raw)).toThrow(/Input 'lambda-traffic'/);
  });
});

describe('trafficSchedule', () => {
  it.each([
    [{ kind: 'all-at-once' } as const, [1], '100%'],
    [{ kind: 'canary', percent: 10, minutes: 5 } as const, [0.1, 1], '10% for 5m, then 100%'],
    [
      { kind: 'linear', percent: 25, minutes: 1 } as const,
      [0.25, 0.5, 0.75, 1],
      '25% for 1m, then 50% for 1m, then 75% for 1m, then 100%',
    ],
    [
      { kind: 'linear', percent: 30, minutes: 2 } as const,
      [0.3, 0.6, 0.9, 1],
      '30% for 2m, then 60% for 2m, then 90% for 2m, then 100%',
    ],
    [{ kind: 'linear', percent: 10, minutes: 1 } as const, [0.1, 0.2, 0.3, 0.4, 0.5, 0.6, 0.7, 0.8, 0.9, 1], undefined],
  ])('%j shifts through %j', (spec, weights, text) => {
    const steps = trafficSchedule(spec);
    expect(steps.map((s) => s.weight)).toEqual(weights);
    expect(steps.at(-1)?.holdMs).toBe(0);
    if (text !== undefined) expect(describeSchedule(steps)).toBe(text);
  });

  it('adds up the holds for the wait-timeout check', () => {
    expect(scheduleLengthMs(trafficSchedule({ kind: 'linear', percent: 10, minutes: 3 }))).toBe(9 * 3 * 60_000);
    expect(scheduleLengthMs(trafficSchedule({ kind: 'canary', percent: 5, minutes: 30 }))).toBe(30 * 60_000);
  });
});

describe('routingInProgress', () => {
  it('lets an alias on one version through', () => {
    expect(routingInProgress('api', 'live', { FunctionVersion: '3' })).toBeUndefined();
    expect(
      routingInProgress('api', 'live', { FunctionVersion: '3', RoutingConfig: { AdditionalVersionWeights: {} } }),
    ).toBeUndefined();
  });

  it('refuses an alias that splits traffic, naming the versions and weights', () => {
    const message = routingInProgress('api', 'live', {
      FunctionVersion: '3',
      RoutingConfig: { AdditionalVersionWeights: { '4': 0.1 } },
    });
    expect(message).toContain('alias live already shifts traffic (version 3 90%, version 4 10%)');
  });
});

describe('judgeAlarms', () => {
  const ok = { name: 'errors', state: 'OK' };
  it.each([
    [['errors'], [ok], [], undefined],
    [['errors', 'latency'], [ok], ['latency'], undefined],
    [['errors', 'latency'], [ok, { name: 'latency', state: 'ALARM', reason: 'p99 > 1s' }], [], 'latency'],
    [['errors'], [{ name: 'errors', state: 'INSUFFICIENT_DATA' }], [], undefined],
  ])('names %j, sees %j: missing %j, firing %j', (names, seen, missing, firing) => {
    const judged = judgeAlarms(names, seen);
    expect(judged.missing).toEqual(missing);
    expect(judged.firing?.name).toBe(firing);
  });
});

describe('judgeProvisioned', () => {
  it.each([
    [{ status: 'READY', requested: 5, allocated: 5 }, { state: 'ready' }],
    [
      { status: 'IN_PROGRESS', requested: 5, allocated: 2 },
      { state: 'pending', line: 'provisioned concurrency of api:live: IN_PROGRESS, 2 / 5 allocated' },
    ],
    [
      { status: 'FAILED', requested: 5, allocated: 0, reason: 'not enough capacity' },
      {
        state: 'failed',
        reason: 'provisioned concurrency of alias api:live FAILED (0 / 5 allocated): not enough capacity',
      },
    ],
  ])('%j is %j', (config, verdict) => {
    expect(judgeProvisioned('api:live', config)).toEqual(verdict);
  });
});
