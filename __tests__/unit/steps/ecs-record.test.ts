import {
  type DeploymentConfiguration,
  DescribeServiceDeploymentsCommand,
  DescribeServiceRevisionsCommand,
  DescribeServicesCommand,
  ListServiceDeploymentsCommand,
  ListTasksCommand,
  type ServiceDeployment,
  StopServiceDeploymentCommand,
  UpdateServiceCommand,
} from '@aws-sdk/client-ecs';
import { afterEach, describe, expect, it } from 'vitest';
import { failureText } from '../../../src/plan/verdict.ts';
import { serviceDeploymentLines } from '../../../src/report/service-deployment-summary.ts';
import { aStoppedTask } from '../../support/ecs-builders.ts';
import {
  completed,
  deployService,
  INTERVAL,
  NEW_ARN,
  NEW_DEPLOYMENT,
  optionsFor,
  RUNNING_ARN,
  restoreWorlds,
  rollingOut,
  runningService,
  servicesOf,
  world,
} from '../../support/ecs-step-world.ts';

afterEach(restoreWorlds);

const RECORD = 'arn:aws:ecs:us-east-1:123456789012:service-deployment/prod/web/new1';
const MIN = 60_000;
const change = { cpu: '1024', memory: '2048' };

function aRecord(overrides: Partial<ServiceDeployment> = {}): ServiceDeployment {
  return { serviceDeploymentArn: RECORD, status: 'IN_PROGRESS', lifecycleStage: 'SCALE_UP', ...overrides };
}

/**
 * A world whose service deploys with `config`; UpdateService names our record, and the
 * record is whatever `recordAt` says at the fake clock's time since the update.
 */
function recordWorld(
  config: DeploymentConfiguration,
  recordAt: (elapsedMs: number) => ServiceDeployment,
  options: {
    serviceAt?: (elapsedMs: number) => ReturnType<typeof rollingOut>;
    currentServiceDeployment?: string | undefined;
  } = {},
) {
  const w = world();
  const deploymentConfiguration = config;
  let updatedAt: number | undefined;
  const elapsed = () => (updatedAt === undefined ? 0 : w.deps.now() - updatedAt);
  w.mock
    .on(DescribeServicesCommand)
    .callsFake(() =>
      servicesOf(
        updatedAt === undefined
          ? runningService({ deploymentConfiguration })
          : { ...(options.serviceAt?.(elapsed()) ?? rollingOut()), deploymentConfiguration },
      ),
    );
  w.registers();
  w.mock.on(UpdateServiceCommand).callsFake(() => {
    updatedAt = w.deps.now();
    const arn = 'currentServiceDeployment' in options ? options.currentServiceDeployment : RECORD;
    return {
      service: {
        ...rollingOut(),
        deploymentConfiguration,
        ...(arn === undefined ? {} : { currentServiceDeployment: arn }),
      },
    };
  });
  w.mock
    .on(DescribeServiceDeploymentsCommand)
    .callsFake(() => ({ serviceDeployments: [{ deploymentConfiguration, ...recordAt(elapsed()) }] }));
  w.mock.on(StopServiceDeploymentCommand).resolves({ serviceDeploymentArn: RECORD });
  const calls = (command: Parameters<typeof w.mock.commandCalls>[0]) =>
    w.mock.commandCalls(command).map((c) => c.args[0].input);
  const messages = (level?: 'info' | 'warning') =>
    w.log.filter((l) => level === undefined || l.level === level).map((l) => l.message);
  return { ...w, calls, elapsed, messages };
}

/** A blue/green deployment with a 30-minute bake, starting at 0 ms. */
function blueGreen(bakeMinutes = 30): (t: number) => ServiceDeployment {
  const bakeStart = 2 * MIN;
  return (t) => {
    if (t < MIN) return aRecord({ lifecycleStage: 'SCALE_UP' });
    if (t < bakeStart) return aRecord({ lifecycleStage: 'PRODUCTION_TRAFFIC_SHIFT' });
    if (t < bakeStart + bakeMinutes * MIN) return aRecord({ lifecycleStage: 'BAKE_TIME' });
    if (t < bakeStart + bakeMinutes * MIN + 20_000) return aRecord({ lifecycleStage: 'CLEAN_UP' });
    return aRecord({ status: 'SUCCESSFUL', lifecycleStage: 'CLEAN_UP' });
  };
}

/** What the SDK throws when an endpoint answers a call with an HTML error page (an emulator without the API). */
const NOT_AN_AWS_ANSWER = Object.assign(
  new Error(
    'Unexpected token \'<\', "<!doctype "... is not valid JSON\n  Deserialization error: to see the raw response, inspect the hidden field {error}.$response',
  ),
  { name: 'SyntaxError', $response: { statusCode: 500, body: '<!doctype html>' } },
);

describe('deployEcs following ECS’s record of its deployment', () => {
  it('succeeds on a blue/green deployment once the record is SUCCESSFUL, polling rarely through the bake', async () => {
    const w = recordWorld({ strategy: 'BLUE_GREEN', bakeTimeInMinutes: 30 }, blueGreen());

    const result = await deployService(
      optionsFor({ ...change, wait: { enabled: true, timeoutMs: 3_600_000, intervalMs: INTERVAL } }),
      w.deps,
    );

    expect(result.verdict.state).toBe('succeeded');
    expect(result.serviceDeployment).toMatchObject({ arn: RECORD, strategy: 'BLUE_GREEN', status: 'SUCCESSFUL' });
    expect(result.serviceDeployment?.stages.map((s) => s.stage)).toEqual([
      'SCALE_UP',
      'PRODUCTION_TRAFFIC_SHIFT',
      'BAKE_TIME',
      'CLEAN_UP',
    ]);
    // One DescribeServices and one DescribeServiceDeployments per poll; no listing, no task calls.
    expect(w.calls(DescribeServiceDeploymentsCommand)).toHaveLength(w.calls(DescribeServicesCommand).length - 1);
    expect(w.calls(DescribeServiceDeploymentsCommand)[0]).toEqual({ serviceDeploymentArns: [RECORD] });
    expect(w.calls(ListServiceDeploymentsCommand)).toEqual([]);
    expect(w.calls(ListTasksCommand)).toEqual([]);
    // Through the bake: once a minute, back to the normal interval before it ends.
    expect(w.sleeps.filter((ms) => ms === MIN).length).toBeGreaterThan(20);
    // 2 minutes at the interval, ~29.5 a minute apart, 15 s at the interval, 20 s of clean-up.
    expect(w.calls(DescribeServiceDeploymentsCommand).length).toBeLessThan(60);
    expect(w.calls(DescribeServiceDeploymentsCommand).length).toBeLessThanOrEqual(12 + 30 + 2 + 3 + 1);
    expect(w.sleeps.slice(-3)).toEqual([INTERVAL, INTERVAL, INTERVAL]);
    expect(w.messages().some((m) => m.includes('BLUE_GREEN IN_PROGRESS, stage BAKE_TIME'))).toBe(true);
  });

  it('with wait-until BAKE_TIME, succeeds as soon as the deployment reached the bake, leaving it to ECS', async () => {
    const w = recordWorld({ strategy: 'BLUE_GREEN', bakeTimeInMinutes: 1440 }, blueGreen(1440));

    const result = await deployService(optionsFor({ ...change, waitUntil: 'BAKE_TIME' }), w.deps);

    expect(result.verdict.state).toBe('succeeded');
    expect(w.elapsed()).toBeLessThan(3 * MIN);
    expect(result.serviceDeployment?.stages.at(-1)?.stage).toBe('BAKE_TIME');
  });

  it('fails a canary rolled back by an alarm, naming the alarm and how the rollback ended', async () => {
    const w = recordWorld(
      { strategy: 'CANARY', canaryConfiguration: { canaryPercent: 10, canaryBakeTimeInMinutes: 5 } },
      (t) => {
        const alarms = { status: 'TRIGGERED' as const, alarmNames: ['web-p99'], triggeredAlarmNames: ['web-p99'] };
        if (t < 30_000)
          return aRecord({
            lifecycleStage: 'PRODUCTION_TRAFFIC_SHIFT',
            targetServiceRevision: { requestedProductionTrafficWeight: 10 },
          });
        if (t < 60_000)
          return aRecord({ status: 'ROLLBACK_IN_PROGRESS', lifecycleStage: 'PRODUCTION_TRAFFIC_SHIFT', alarms });
        return aRecord({
          status: 'ROLLBACK_SUCCESSFUL',
          lifecycleStage: 'PRODUCTION_TRAFFIC_SHIFT',
          alarms,
          rollback: { serviceRevisionArn: 'arn:rev/web-5' },
        });
      },
    );
    w.stoppedTasks([]);

    const result = await deployService(optionsFor({ ...change, rollbackOnFailure: true }), w.deps);

    expect(result.verdict).toMatchObject({ state: 'failed', kind: 'rolled-back' });
    expect(failureText(result.verdict)).toContain("alarm 'web-p99' in ALARM");
    expect(failureText(result.verdict)).toContain('rollback to arn:rev/web-5 succeeded');
    expect(result.rollback).toMatchObject({ by: 'ecs', verdict: { state: 'succeeded' } });
    // The summary says how the record ended, as the failure text does, not the status of the last poll.
    expect(serviceDeploymentLines(result).join('\n')).toContain('(`ROLLBACK_SUCCESSFUL`)');
    expect(serviceDeploymentLines(result).join('\n')).not.toContain('ROLLBACK_IN_PROGRESS');
    // ECS rolled it back already: no second rollback.
    expect(w.calls(StopServiceDeploymentCommand)).toEqual([]);
    expect(w.messages().some((m) => m.includes('production traffic 10%'))).toBe(true);
  });

  describe('a rolling crash loop', () => {
    const crashing = (t: number) => rollingOut({ failedTasks: t < INTERVAL ? 0 : 3 });
    const recordUntilStopped = (w: { calls: (c: typeof StopServiceDeploymentCommand) => unknown[] }) => () =>
      w.calls(StopServiceDeploymentCommand).length === 0
        ? aRecord()
        : aRecord({ status: 'ROLLBACK_SUCCESSFUL', rollback: { serviceRevisionArn: 'arn:rev/web-5' } });

    it('with rollback-on-failure: StopServiceDeployment(ROLLBACK) once, followed to ROLLBACK_SUCCESSFUL', async () => {
      const holder: { w?: ReturnType<typeof recordWorld> } = {};
      const w = recordWorld(
        {},
        (t) =>
          holder.w ? recordUntilStopped(holder.w)() : aRecord({ lifecycleStage: t > 0 ? 'SCALE_UP' : 'SCALE_UP' }),
        { serviceAt: crashing },
      );
      holder.w = w;
      w.stoppedTasks([aStoppedTask({ startedBy: NEW_DEPLOYMENT })]);

      const result = await deployService(optionsFor({ ...change, maxFailedTasks: 3, rollbackOnFailure: true }), w.deps);

      expect(result.verdict).toMatchObject({ state: 'failed', kind: 'too-many-failed-tasks' });
      expect(w.calls(StopServiceDeploymentCommand)).toEqual([{ serviceDeploymentArn: RECORD, stopType: 'ROLLBACK' }]);
      expect(result.rollback).toMatchObject({ by: 'stop-service-deployment', verdict: { state: 'succeeded' } });
      expect(failureText(result.verdict)).toContain('by StopServiceDeployment (ROLLBACK): succeeded');
      expect(serviceDeploymentLines(result).join('\n')).toContain('(`ROLLBACK_SUCCESSFUL`)');
    });

    it('without rollback-on-failure: no rollback call', async () => {
      const w = recordWorld({}, () => aRecord(), { serviceAt: crashing });
      w.stoppedTasks([aStoppedTask({ startedBy: NEW_DEPLOYMENT })]);

      const result = await deployService(optionsFor({ ...change, maxFailedTasks: 3 }), w.deps);

      expect(result.verdict).toMatchObject({ state: 'failed', kind: 'too-many-failed-tasks' });
      expect(w.calls(StopServiceDeploymentCommand)).toEqual([]);
      expect(w.calls(UpdateServiceCommand)).toHaveLength(1);
      expect(result.rollback).toBeUndefined();
    });

    it('falls back to UpdateService to the previous revision when StopServiceDeployment is refused', async () => {
      const w = recordWorld({}, () => aRecord(), {
        serviceAt: (t) =>
          t < INTERVAL
            ? rollingOut()
            : t < 10 * INTERVAL
              ? rollingOut({ failedTasks: 3 })
              : completed({ taskDefinition: RUNNING_ARN }),
      });
      w.stoppedTasks([aStoppedTask({ startedBy: NEW_DEPLOYMENT })]);
      w.mock.on(StopServiceDeploymentCommand).rejects(
        Object.assign(new Error('not authorized to perform: ecs:StopServiceDeployment'), {
          name: 'AccessDeniedException',
        }),
      );

      const result = await deployService(optionsFor({ ...change, maxFailedTasks: 3, rollbackOnFailure: true }), w.deps);

      expect(w.calls(UpdateServiceCommand).at(-1)).toEqual({
        cluster: 'prod',
        service: 'web',
        taskDefinition: RUNNING_ARN,
        forceNewDeployment: false,
      });
      expect(result.rollback).toMatchObject({ by: 'update-service', to: RUNNING_ARN });
      expect(w.messages('warning').some((m) => m.includes('ecs:StopServiceDeployment'))).toBe(true);
    });
  });

  it('falls back to DescribeServices alone, with one warning naming the permission, when the role may not read records', async () => {
    const w = recordWorld({}, () => aRecord(), { serviceAt: (t) => (t < 2 * INTERVAL ? rollingOut() : completed()) });
    w.mock.on(DescribeServiceDeploymentsCommand).rejects(
      Object.assign(new Error('User is not authorized to perform: ecs:DescribeServiceDeployments'), {
        name: 'AccessDeniedException',
      }),
    );

    const result = await deployService(optionsFor(change), w.deps);

    expect(result.verdict.state).toBe('succeeded');
    expect(result.serviceDeployment).toBeUndefined();
    const warnings = w.messages('warning');
    expect(warnings).toHaveLength(1);
    expect(warnings[0]).toContain('ecs:DescribeServiceDeployments was denied');
    expect(w.calls(DescribeServiceDeploymentsCommand)).toHaveLength(1);
  });

  it('reads the record through throttling, but gives up at once on an endpoint that does not speak the API', async () => {
    const throttled = recordWorld({}, () => aRecord({ status: 'SUCCESSFUL' }), { serviceAt: () => completed() });
    throttled.mock
      .on(DescribeServiceDeploymentsCommand)
      .rejectsOnce(Object.assign(new Error('Rate exceeded'), { name: 'ThrottlingException' }))
      .resolves({ serviceDeployments: [aRecord({ status: 'SUCCESSFUL' })] });
    expect((await deployService(optionsFor(change), throttled.deps)).serviceDeployment?.status).toBe('SUCCESSFUL');
    restoreWorlds();

    const emulator = recordWorld({}, () => aRecord(), { serviceAt: () => completed() });
    emulator.mock.on(DescribeServiceDeploymentsCommand).rejects(NOT_AN_AWS_ANSWER);
    const result = await deployService(optionsFor(change), emulator.deps);
    expect(result.verdict.state).toBe('succeeded');
    expect(result.serviceDeployment).toBeUndefined();
    expect(emulator.calls(DescribeServiceDeploymentsCommand)).toHaveLength(1);
    expect(emulator.messages('warning')).toEqual([]);
  });

  it.each([
    {
      name: 'with its HTTP status',
      error: NOT_AN_AWS_ANSWER,
      says: "The endpoint does not speak ECS's deployment-record API (it answered HTTP 500, not an AWS answer): following service 'web' by DescribeServices only.",
    },
    {
      name: 'without a status the SDK did not keep',
      error: Object.assign(new Error(NOT_AN_AWS_ANSWER.message), { name: 'SyntaxError' }),
      says: "The endpoint does not speak ECS's deployment-record API: following service 'web' by DescribeServices only.",
    },
  ])(
    'says in its own words that the endpoint has no record API, $name, never the SDK parser text',
    async ({ error, says }) => {
      const emulator = recordWorld({}, () => aRecord(), { serviceAt: () => completed() });
      emulator.mock.on(DescribeServiceDeploymentsCommand).rejects(error);
      await deployService(optionsFor(change), emulator.deps);
      const lines = emulator.messages('info');
      expect(lines).toContain(says);
      expect(lines.join('\n')).not.toMatch(/doctype|Deserialization|\$response|not valid JSON/);
    },
  );

  it('finds its record with one ListServiceDeployments when UpdateService names none', async () => {
    const w = recordWorld({}, (t) => (t < 2 * INTERVAL ? aRecord() : aRecord({ status: 'SUCCESSFUL' })), {
      currentServiceDeployment: undefined,
      serviceAt: (t) => (t < 2 * INTERVAL ? rollingOut() : completed()),
    });
    w.mock.on(ListServiceDeploymentsCommand).resolves({
      serviceDeployments: [
        { serviceDeploymentArn: 'arn:newer', createdAt: new Date('2025-01-02T12:05:00Z') },
        { serviceDeploymentArn: RECORD, createdAt: new Date('2025-01-02T12:00:01Z') },
      ],
    });

    const result = await deployService(optionsFor(change), w.deps);

    expect(result.verdict.state).toBe('succeeded');
    expect(w.calls(ListServiceDeploymentsCommand)).toHaveLength(1);
    expect(result.serviceDeployment?.arn).toBe(RECORD);
  });

  it('tells its record from one of a concurrent deploy by the revision each targets (one DescribeServiceRevisions)', async () => {
    const w = recordWorld({}, (t) => (t < 2 * INTERVAL ? aRecord() : aRecord({ status: 'SUCCESSFUL' })), {
      currentServiceDeployment: undefined,
      serviceAt: (t) => (t < 2 * INTERVAL ? rollingOut() : completed()),
    });
    w.mock.on(ListServiceDeploymentsCommand).resolves({
      serviceDeployments: [
        {
          serviceDeploymentArn: 'arn:other-job',
          createdAt: new Date('2025-01-02T12:00:00.500Z'),
          targetServiceRevisionArn: 'arn:rev/other',
        },
        {
          serviceDeploymentArn: RECORD,
          createdAt: new Date('2025-01-02T12:00:01Z'),
          targetServiceRevisionArn: 'arn:rev/ours',
        },
      ],
    });
    w.mock.on(DescribeServiceRevisionsCommand).resolves({
      serviceRevisions: [
        { serviceRevisionArn: 'arn:rev/other', taskDefinition: RUNNING_ARN },
        { serviceRevisionArn: 'arn:rev/ours', taskDefinition: NEW_ARN },
      ],
    });

    const result = await deployService(optionsFor(change), w.deps);

    expect(result.verdict.state).toBe('succeeded');
    expect(w.calls(ListServiceDeploymentsCommand)).toHaveLength(1);
    expect(w.calls(DescribeServiceRevisionsCommand)).toEqual([
      { serviceRevisionArns: ['arn:rev/other', 'arn:rev/ours'] },
    ]);
    expect(w.calls(DescribeServiceDeploymentsCommand).every((c) => c.serviceDeploymentArns?.[0] === RECORD)).toBe(true);
    expect(result.serviceDeployment?.arn).toBe(RECORD);
  });

  it('when DescribeServiceRevisions fails, takes the oldest record and still succeeds', async () => {
    const w = recordWorld({}, (t) => (t < 2 * INTERVAL ? aRecord() : aRecord({ status: 'SUCCESSFUL' })), {
      currentServiceDeployment: undefined,
      serviceAt: (t) => (t < 2 * INTERVAL ? rollingOut() : completed()),
    });
    w.mock.on(ListServiceDeploymentsCommand).resolves({
      serviceDeployments: [
        {
          serviceDeploymentArn: 'arn:newer',
          createdAt: new Date('2025-01-02T12:05:00Z'),
          targetServiceRevisionArn: 'arn:rev/2',
        },
        {
          serviceDeploymentArn: RECORD,
          createdAt: new Date('2025-01-02T12:00:01Z'),
          targetServiceRevisionArn: 'arn:rev/1',
        },
      ],
    });
    w.mock
      .on(DescribeServiceRevisionsCommand)
      .rejects(Object.assign(new Error('denied'), { name: 'AccessDeniedException' }));

    const result = await deployService(optionsFor(change), w.deps);

    expect(result.verdict.state).toBe('succeeded');
    expect(result.serviceDeployment?.arn).toBe(RECORD);
    expect(w.messages('warning')).toEqual([]);
  });

  it('polls rarely through a linear deployment’s step bakes too, counted from when the traffic moved', async () => {
    const config: DeploymentConfiguration = {
      strategy: 'LINEAR',
      bakeTimeInMinutes: 0,
      linearConfiguration: { stepPercent: 25, stepBakeTimeInMinutes: 10 },
    };
    // Four steps of 10 minutes (25, 50, 75, 100 %), starting a minute in; then clean-up.
    const linear = (t: number): ServiceDeployment => {
      const step = Math.floor((t - MIN) / (10 * MIN));
      if (t < MIN) return aRecord({ lifecycleStage: 'SCALE_UP' });
      if (step < 3)
        return aRecord({
          lifecycleStage: 'PRODUCTION_TRAFFIC_SHIFT',
          targetServiceRevision: { arn: 'arn:rev/ours', requestedProductionTrafficWeight: 25 * (step + 1) },
        });
      if (t < 31 * MIN + 20_000)
        return aRecord({
          lifecycleStage: 'CLEAN_UP',
          targetServiceRevision: { arn: 'arn:rev/ours', requestedProductionTrafficWeight: 100 },
        });
      return aRecord({ status: 'SUCCESSFUL', lifecycleStage: 'CLEAN_UP' });
    };
    const polledAt: number[] = [];
    const w = recordWorld(config, (t) => {
      polledAt.push(t);
      return linear(t);
    });

    const result = await deployService(
      optionsFor({ ...change, wait: { enabled: true, timeoutMs: 3_600_000, intervalMs: INTERVAL } }),
      w.deps,
    );

    expect(result.verdict.state).toBe('succeeded');
    // 30 minutes of step bakes at the normal interval (10 s) would be 180 polls.
    expect(polledAt.length).toBeLessThan(60);
    expect(w.sleeps.filter((ms) => ms === MIN).length).toBeGreaterThan(20);
    // Each traffic move (at 11, 21 and 31 minutes) is seen within one normal interval.
    for (const move of [11 * MIN, 21 * MIN, 31 * MIN]) {
      const first = polledAt.find((t) => t >= move);
      expect(first !== undefined && first - move <= INTERVAL, `first poll after ${move / MIN} min: ${first}`).toBe(
        true,
      );
    }
  });

  it('on a cancelled job with rollback-on-failure, starts the rollback at once and leaves following it to the post step', async () => {
    const controller = new AbortController();
    const w = recordWorld({ strategy: 'BLUE_GREEN', bakeTimeInMinutes: 30 }, (t) => {
      if (t >= 2 * INTERVAL) controller.abort();
      return aRecord({ lifecycleStage: 'SCALE_UP' });
    });

    const result = await deployService(optionsFor({ ...change, rollbackOnFailure: true }), {
      ...w.deps,
      cancel: controller.signal,
    });

    expect(result.verdict).toMatchObject({ state: 'failed', kind: 'cancelled' });
    expect(w.calls(StopServiceDeploymentCommand)).toEqual([{ serviceDeploymentArn: RECORD, stopType: 'ROLLBACK' }]);
    expect(result.rollback).toMatchObject({
      by: 'stop-service-deployment',
      verdict: { state: 'started' },
      follow: { recordArn: RECORD },
    });
  });

  it('refuses, before any change, a wait-until stage the service’s strategy never goes through', async () => {
    const w = recordWorld({ strategy: 'ROLLING' }, () => aRecord());

    await expect(deployService(optionsFor({ ...change, waitUntil: 'BAKE_TIME' }), w.deps)).rejects.toThrow(
      "Input 'wait-until' ('BAKE_TIME') cannot be reached on service 'web': a ROLLING deployment never goes through stage BAKE_TIME",
    );
    expect(w.mutatingCalls()).toBe(0);
  });
});
