import { CloudWatchClient, DescribeAlarmsCommand } from '@aws-sdk/client-cloudwatch';
import {
  type AliasConfiguration,
  CreateAliasCommand,
  DeleteAliasCommand,
  GetAliasCommand,
  GetProvisionedConcurrencyConfigCommand,
  type GetProvisionedConcurrencyConfigCommandOutput,
  LambdaClient,
  PreconditionFailedException,
  ProvisionedConcurrencyConfigNotFoundException,
  UpdateAliasCommand,
} from '@aws-sdk/client-lambda';
import { mockClient } from 'aws-sdk-client-mock';
import { afterEach, describe, expect, it } from 'vitest';
import { VerdictError } from '../../../src/failure.ts';
import { describeSchedule, type TrafficSpec, trafficSchedule } from '../../../src/plan/lambda-traffic.ts';
import { failed } from '../../../src/plan/verdict.ts';
import { type ShiftTarget, shiftTraffic } from '../../../src/steps/lambda-shift.ts';
import { fakeClients } from '../../support/fake-clients.ts';
import { fakeDeps } from '../../support/fake-deps.ts';

// The shift runs on a fake clock (sleeping advances time at once), so a 10-minute linear
// schedule takes no real time; Lambda and CloudWatch are real clients whose `send` answers
// from a small in-memory world: aliases as UpdateAlias left them, alarms as the test sets them.

const INTERVAL = 10_000;
const restores: Array<() => void> = [];
afterEach(() => {
  for (const restore of restores.splice(0)) restore();
});

type Provisioned = Partial<GetProvisionedConcurrencyConfigCommandOutput>;

function world(functions: string[] = ['api']) {
  const lambda = new LambdaClient({
    region: 'eu-west-1',
    credentials: { accessKeyId: 'a', secretAccessKey: 'b' },
    maxAttempts: 1,
  });
  const cloudwatch = new CloudWatchClient({
    region: 'eu-west-1',
    credentials: { accessKeyId: 'a', secretAccessKey: 'b' },
    maxAttempts: 1,
  });
  const lambdaMock = mockClient(lambda);
  const cloudwatchMock = mockClient(cloudwatch);
  restores.push(
    () => lambdaMock.restore(),
    () => cloudwatchMock.restore(),
  );

  const aliases = new Map<string, AliasConfiguration>(
    functions.map((f) => [f, { Name: 'live', FunctionVersion: '1', RevisionId: `${f}-r0` }]),
  );
  const alarms = new Map<string, { StateValue: 'OK' | 'ALARM' | 'INSUFFICIENT_DATA'; StateReason: string }>();
  const provisioned = new Map<string, Provisioned[]>();
  const refuse = new Map<string, number>(); // function -> the UpdateAlias call (1-based) that is refused
  const updates: Array<{
    fn: string;
    version: string;
    weights: Record<string, number>;
    revision?: string;
    at: number;
  }> = [];
  let onPoll: (polls: number) => void = () => {};
  let polls = 0;

  const fake = fakeDeps(fakeClients({ lambda, cloudwatch }));
  lambdaMock.on(UpdateAliasCommand).callsFake(async (input) => {
    const fn = String(input.FunctionName);
    const count = updates.filter((u) => u.fn === fn).length + 1;
    if (refuse.get(fn) === count)
      throw new PreconditionFailedException({
        message: 'The RevisionId provided does not match the latest RevisionId',
        $metadata: {},
      });
    updates.push({
      fn,
      version: String(input.FunctionVersion),
      weights: { ...input.RoutingConfig?.AdditionalVersionWeights },
      revision: input.RevisionId,
      at: fake.now(),
    });
    const next = {
      Name: 'live',
      FunctionVersion: input.FunctionVersion,
      RoutingConfig: input.RoutingConfig,
      RevisionId: `${fn}-r${count}`,
    };
    aliases.set(fn, next);
    return next;
  });
  lambdaMock.on(CreateAliasCommand).callsFake(async (input) => {
    const created = { Name: 'live', FunctionVersion: input.FunctionVersion, RevisionId: 'new' };
    aliases.set(String(input.FunctionName), created);
    return created;
  });
  lambdaMock.on(DeleteAliasCommand).callsFake(async (input) => {
    aliases.delete(String(input.FunctionName));
    return {};
  });
  lambdaMock.on(GetAliasCommand).callsFake(async (input) => aliases.get(String(input.FunctionName)) ?? {});
  lambdaMock.on(GetProvisionedConcurrencyConfigCommand).callsFake(async (input) => {
    const script = provisioned.get(String(input.FunctionName));
    if (script === undefined)
      throw new ProvisionedConcurrencyConfigNotFoundException({
        message: 'No Provisioned Concurrency Config found',
        $metadata: {},
      });
    return (script.length > 1 ? script.shift() : script[0]) ?? {};
  });
  cloudwatchMock.on(DescribeAlarmsCommand).callsFake(async (input) => {
    polls += 1;
    onPoll(polls);
    return {
      MetricAlarms: (input.AlarmNames ?? []).flatMap((name: string) => {
        const a = alarms.get(name);
        return a ? [{ AlarmName: name, ...a }] : [];
      }),
    };
  });

  const targets = (overrides: Partial<ShiftTarget> = {}): ShiftTarget[] =>
    functions.map((f) => ({ functionName: f, alias: 'live', from: '1', to: '2', revisionId: `${f}-r0`, ...overrides }));
  const shift = (
    spec: TrafficSpec,
    options: { alarms?: string[]; timeoutMs?: number; cancel?: AbortSignal; only?: ShiftTarget[] } = {},
  ) => {
    const steps = trafficSchedule(spec);
    const deps = options.cancel ? { ...fake.deps, cancel: options.cancel } : fake.deps;
    return shiftTraffic(
      options.only ?? targets(),
      {
        steps,
        alarms: options.alarms ?? [],
        intervalMs: INTERVAL,
        timeoutMs: options.timeoutMs ?? 3 * 3_600_000,
        schedule: describeSchedule(steps),
      },
      deps,
    );
  };
  const count = (command: unknown) => lambdaMock.commandCalls(command as never).length;
  return {
    fake,
    aliases,
    alarms,
    provisioned,
    refuse,
    updates,
    shift,
    count,
    lambdaMock,
    cloudwatchMock,
    setAlarm: (name: string, StateValue: 'OK' | 'ALARM', StateReason = 'Threshold Crossed') =>
      alarms.set(name, { StateValue, StateReason }),
    whenPolled: (fn: (polls: number) => void) => {
      onPoll = fn;
    },
  };
}

describe('shiftTraffic', () => {
  it('runs a canary: the share, held for its minutes, then the new version alone, with the revision guard', async () => {
    const w = world();
    const started = w.fake.now();
    const outcome = await w.shift({ kind: 'canary', percent: 10, minutes: 5 });
    expect(outcome.failure).toBeUndefined();
    expect(w.updates.map(({ version, weights, revision }) => ({ version, weights, revision }))).toEqual([
      { version: '1', weights: { '2': 0.1 }, revision: 'api-r0' },
      { version: '2', weights: {}, revision: 'api-r1' },
    ]);
    expect((w.updates[1]?.at ?? 0) - (w.updates[0]?.at ?? 0)).toBe(5 * 60_000);
    expect(outcome.report.steps.map((s) => s.weight)).toEqual([0.1, 1]);
    expect(outcome.report.steps[0]?.at).toBe(started);
    expect(w.aliases.get('api')).toMatchObject({
      FunctionVersion: '2',
      RoutingConfig: { AdditionalVersionWeights: {} },
    });
  });

  it('runs a ten-step linear schedule on the fake clock, polling at the interval', async () => {
    const w = world();
    await w.shift({ kind: 'linear', percent: 10, minutes: 10 });
    expect(w.updates.map((u) => u.weights['2'] ?? 1)).toEqual([0.1, 0.2, 0.3, 0.4, 0.5, 0.6, 0.7, 0.8, 0.9, 1]);
    expect(Math.max(...w.fake.sleeps)).toBe(INTERVAL);
    expect(w.fake.sleeps.reduce((a, b) => a + b, 0)).toBe(9 * 10 * 60_000);
  });

  it('makes per poll one DescribeAlarms for every alarm, one GetAlias per function and one GetProvisionedConcurrencyConfig per alias that has it', async () => {
    const w = world(['a', 'b', 'c']);
    for (const name of ['errors', 'latency', 'throttles']) w.setAlarm(name, 'OK');
    w.provisioned.set('b', [
      { Status: 'READY', RequestedProvisionedConcurrentExecutions: 2, AllocatedProvisionedConcurrentExecutions: 2 },
    ]);
    await w.shift({ kind: 'canary', percent: 10, minutes: 1 }, { alarms: ['errors', 'latency', 'throttles'] });
    const describes = w.cloudwatchMock.commandCalls(DescribeAlarmsCommand).length;
    const holdPolls = describes - 1; // the first is the check before the first change
    expect(holdPolls).toBeGreaterThan(2);
    // The first poll of each of the two steps follows our own UpdateAlias: no GetAlias then.
    expect(w.count(GetAliasCommand)).toBe((holdPolls - 2) * 3);
    // a and c answer "none" once and are not asked again; b is asked on every poll.
    expect(w.count(GetProvisionedConcurrencyConfigCommand)).toBe(holdPolls + 2);
  });

  it('puts the alias back when an alarm goes into ALARM mid-way, naming it, its reason and how far the shift went', async () => {
    const w = world();
    w.setAlarm('errors', 'OK');
    w.whenPolled((polls) => {
      if (polls === 20) w.setAlarm('errors', 'ALARM', 'Threshold Crossed: 3 datapoints > 5');
    });
    const outcome = await w.shift({ kind: 'linear', percent: 25, minutes: 2 }, { alarms: ['errors'] });
    expect(outcome.failure?.kind).toBe('rolled-back');
    expect(outcome.failure?.reason).toMatch(
      /CloudWatch alarm 'errors' is in ALARM during step \d\/4 \(\d+%\): Threshold Crossed: 3 datapoints > 5 \(the shift had reached \d+% \(step \d\/4\)\)/,
    );
    expect(w.aliases.get('api')).toMatchObject({
      FunctionVersion: '1',
      RoutingConfig: { AdditionalVersionWeights: {} },
    });
    expect(w.updates.at(-1)).toMatchObject({ version: '1', weights: {}, revision: undefined });
    expect(outcome.report.putBack).toEqual(['api: alias live back on version 1 (no routing)']);
    expect(outcome.report.alarms).toEqual([
      { name: 'errors', state: 'ALARM', reason: 'Threshold Crossed: 3 datapoints > 5' },
    ]);
  });

  it('changes nothing when an alarm is already in ALARM', async () => {
    const w = world();
    w.setAlarm('errors', 'ALARM');
    const outcome = await w.shift({ kind: 'canary', percent: 10, minutes: 5 }, { alarms: ['errors'] });
    expect(outcome.failure?.reason).toContain("CloudWatch alarm 'errors' is in ALARM before the first alias change");
    expect(outcome.failure?.reason).toContain('no alias had moved yet');
    expect(w.updates).toEqual([]);
    expect(outcome.report.putBack).toEqual([]);
  });

  it('waits for provisioned concurrency to be READY before the next step, showing allocated / requested', async () => {
    const w = world();
    w.provisioned.set('api', [
      {
        Status: 'IN_PROGRESS',
        RequestedProvisionedConcurrentExecutions: 10,
        AllocatedProvisionedConcurrentExecutions: 0,
      },
      {
        Status: 'IN_PROGRESS',
        RequestedProvisionedConcurrentExecutions: 10,
        AllocatedProvisionedConcurrentExecutions: 4,
      },
      { Status: 'READY', RequestedProvisionedConcurrentExecutions: 10, AllocatedProvisionedConcurrentExecutions: 10 },
    ]);
    const outcome = await w.shift({ kind: 'all-at-once' });
    expect(outcome.failure).toBeUndefined();
    expect(w.fake.messages()).toContain(
      'step 1/1 (100%); provisioned concurrency of api:live: IN_PROGRESS, 4 / 10 allocated',
    );
    expect(w.count(GetProvisionedConcurrencyConfigCommand)).toBe(3);
  });

  it('fails with the StatusReason and puts the alias back when provisioned concurrency FAILS', async () => {
    const w = world();
    w.provisioned.set('api', [
      {
        Status: 'IN_PROGRESS',
        RequestedProvisionedConcurrentExecutions: 10,
        AllocatedProvisionedConcurrentExecutions: 0,
      },
      {
        Status: 'FAILED',
        RequestedProvisionedConcurrentExecutions: 10,
        AllocatedProvisionedConcurrentExecutions: 0,
        StatusReason: 'FUNCTION_ERROR_INIT_FAILURE',
      },
    ]);
    const outcome = await w.shift({ kind: 'canary', percent: 10, minutes: 5 });
    expect(outcome.failure?.reason).toContain(
      "Lambda function 'api': provisioned concurrency of alias api:live FAILED (0 / 10 allocated): FUNCTION_ERROR_INIT_FAILURE",
    );
    expect(outcome.culprit).toBe('api');
    expect(w.aliases.get('api')?.FunctionVersion).toBe('1');
  });

  it('moves several functions in lockstep and puts them all back when one alias update is refused', async () => {
    const w = world(['a', 'b', 'c']);
    w.refuse.set('b', 2);
    const outcome = await w.shift({ kind: 'canary', percent: 10, minutes: 1 });
    expect(outcome.culprit).toBe('b');
    expect(outcome.failure?.reason).toContain("Lambda function 'b': moving alias live to 100% on version 2 failed");
    for (const fn of ['a', 'b', 'c'])
      expect(w.aliases.get(fn)).toMatchObject({
        FunctionVersion: '1',
        RoutingConfig: { AdditionalVersionWeights: {} },
      });
    // Every function's first step happened at the same moment.
    expect(new Set(w.updates.filter((u) => u.weights['2'] === 0.1).map((u) => u.at)).size).toBe(1);
  });

  it('a refusal at the first step puts back the aliases that moved, and says only some had', async () => {
    const w = world(['a', 'b']);
    w.refuse.set('b', 1);
    const outcome = await w.shift({ kind: 'canary', percent: 10, minutes: 1 });
    expect(outcome.failure?.reason).toContain('(step 1/2 had moved only some aliases)');
    expect(outcome.report.steps).toEqual([]);
    expect(outcome.report.putBack).toEqual([expect.stringMatching(/^a: alias live back on version 1/)]);
    expect(w.aliases.get('a')).toMatchObject({ FunctionVersion: '1', RoutingConfig: { AdditionalVersionWeights: {} } });
  });

  it('fails when someone else moves the alias during the shift', async () => {
    const w = world();
    w.whenPolled((polls) => {
      if (polls === 3) w.aliases.set('api', { Name: 'live', FunctionVersion: '7', RevisionId: 'other' });
    });
    w.setAlarm('errors', 'OK');
    const outcome = await w.shift({ kind: 'canary', percent: 10, minutes: 5 }, { alarms: ['errors'] });
    expect(outcome.failure?.reason).toContain(
      'alias live was changed by someone else during the shift (it is on version 7 with 0% on 2)',
    );
  });

  it('times out at wait-timeout and puts the alias back', async () => {
    const w = world();
    w.provisioned.set('api', [
      {
        Status: 'IN_PROGRESS',
        RequestedProvisionedConcurrentExecutions: 10,
        AllocatedProvisionedConcurrentExecutions: 1,
      },
    ]);
    const outcome = await w.shift({ kind: 'canary', percent: 10, minutes: 1 }, { timeoutMs: 120_000 });
    expect(outcome.failure?.kind).toBe('timed-out');
    expect(w.aliases.get('api')?.FunctionVersion).toBe('1');
  });

  it('puts the alias back at once when the job is cancelled', async () => {
    const w = world();
    const controller = new AbortController();
    w.setAlarm('errors', 'OK');
    w.whenPolled((polls) => {
      if (polls === 4) controller.abort();
    });
    const outcome = await w.shift(
      { kind: 'canary', percent: 10, minutes: 5 },
      { alarms: ['errors'], cancel: controller.signal },
    );
    expect(outcome.failure?.kind).toBe('cancelled');
    expect(w.aliases.get('api')).toMatchObject({
      FunctionVersion: '1',
      RoutingConfig: { AdditionalVersionWeights: {} },
    });
  });

  it('ends at once and puts the alias back when the step stops it (ecs failed beside it), saying why', async () => {
    const w = world();
    const stop = new AbortController();
    w.setAlarm('errors', 'OK');
    w.whenPolled((polls) => {
      if (polls === 3) stop.abort(new VerdictError(failed('rolled-back', 'ecs failed in the same step')));
    });
    const outcome = await w.shift(
      { kind: 'canary', percent: 10, minutes: 5 },
      { alarms: ['errors'], cancel: stop.signal },
    );
    expect(outcome.failure?.kind).toBe('rolled-back');
    expect(outcome.failure?.reason).toBe('ecs failed in the same step (the shift had reached 10% (step 1/2))');
    // The 10% step, then straight back: the step to 100% never came.
    expect(w.updates.map(({ version, weights }) => ({ version, weights }))).toEqual([
      { version: '1', weights: { '2': 0.1 } },
      { version: '1', weights: {} },
    ]);
    expect(outcome.report.putBack).toEqual(['api: alias live back on version 1 (no routing)']);
  });

  it('moves no alias when the step was stopped before the first change', async () => {
    const w = world();
    const stop = new AbortController();
    stop.abort(new VerdictError(failed('rolled-back', 'ecs failed in the same step')));
    const outcome = await w.shift({ kind: 'all-at-once' }, { cancel: stop.signal });
    expect(outcome.failure?.reason).toBe('ecs failed in the same step (no alias had moved yet)');
    expect(w.updates).toEqual([]);
  });

  it('moves all at once as a one-step schedule: an alias without provisioned concurrency costs one call and no wait', async () => {
    const w = world();
    const outcome = await w.shift({ kind: 'all-at-once' });
    expect(outcome.failure).toBeUndefined();
    expect(w.updates.map(({ version, weights }) => ({ version, weights }))).toEqual([{ version: '2', weights: {} }]);
    expect(w.count(GetProvisionedConcurrencyConfigCommand)).toBe(1);
    expect(w.count(GetAliasCommand)).toBe(0);
    expect(w.fake.sleeps).toEqual([]);
  });

  it('deletes an alias it created when the shift then fails: where it was is "not there"', async () => {
    const w = world();
    w.aliases.clear();
    w.provisioned.set('api', [
      { Status: 'FAILED', RequestedProvisionedConcurrentExecutions: 2, StatusReason: 'FUNCTION_ERROR_INIT_FAILURE' },
    ]);
    const outcome = await w.shift({ kind: 'all-at-once' }, { only: [{ functionName: 'api', alias: 'live', to: '2' }] });
    expect(outcome.failure?.reason).toContain('FUNCTION_ERROR_INIT_FAILURE');
    expect(w.count(DeleteAliasCommand)).toBe(1);
    expect(w.aliases.has('api')).toBe(false);
    expect(outcome.report.putBack).toEqual(['api: alias live deleted (it did not exist before this deploy)']);
  });

  it('creates a missing alias on the new version at the first step and leaves it there', async () => {
    const w = world();
    w.aliases.clear();
    const outcome = await w.shift(
      { kind: 'canary', percent: 10, minutes: 1 },
      { only: [{ functionName: 'api', alias: 'live', to: '2' }] },
    );
    expect(outcome.failure).toBeUndefined();
    expect(w.count(CreateAliasCommand)).toBe(1);
    expect(w.updates).toEqual([]);
  });
});
