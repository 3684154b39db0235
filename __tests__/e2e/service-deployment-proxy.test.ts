import type { ECSClient, ServiceDeployment } from '@aws-sdk/client-ecs';
import {
  ContinueServiceDeploymentCommand,
  DescribeServiceDeploymentsCommand,
  DescribeServiceRevisionsCommand,
  DescribeServicesCommand,
  DescribeTasksCommand,
  ListServiceDeploymentsCommand,
  ListTasksCommand,
  RegisterTaskDefinitionCommand,
  StopServiceDeploymentCommand,
  UpdateServiceCommand,
} from '@aws-sdk/client-ecs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { describeService, ecsClient, richTaskDefinition } from '../support/ecs-fixtures.ts';
import type { ServiceDeploymentScript, ServiceDeployments } from '../support/service-deployment-scenarios.ts';
import { BLUE_GREEN_STAGES, ROLLING_STAGES, serviceDeploymentsOn } from '../support/service-deployment-scenarios.ts';
import { useTestbed } from '../support/testbed.ts';

// The instrument itself, called with the SDK's own ECS client (which knows these
// operations), so its answers are checked against the SDK's deserialisers too.

const ARN = /^arn:aws:ecs:us-east-1:123456789012:service-deployment\/c-[\w-]+\/s-[\w-]+\/\w+$/;
const TERMINAL = ['SUCCESSFUL', 'STOPPED', 'ROLLBACK_SUCCESSFUL', 'ROLLBACK_FAILED'];

describe('scenario proxy: ECS service deployments', () => {
  const testbed = useTestbed();
  let ecs: ECSClient;
  let sd: ServiceDeployments;
  beforeAll(() => {
    ecs = ecsClient(testbed.proxy.url);
    sd = serviceDeploymentsOn(testbed.proxy);
  });
  afterAll(() => ecs.destroy());

  /** Seeds c-<name>/s-<name> on td :1, scripts it, registers :2 and deploys it through the proxy. */
  async function deploy(name: string, script: ServiceDeploymentScript) {
    const seeded = await testbed.seedService({ cluster: `c-${name}`, service: `s-${name}`, desiredCount: 2 });
    sd.script(seeded.serviceName, script);
    const registered = await ecs.send(new RegisterTaskDefinitionCommand(richTaskDefinition(seeded.family)));
    const newTd = registered.taskDefinition?.taskDefinitionArn ?? '';
    const updated = await ecs.send(
      new UpdateServiceCommand({ cluster: `c-${name}`, service: seeded.serviceName, taskDefinition: newTd }),
    );
    const arn = updated.service?.currentServiceDeployment ?? '';
    return { seeded, newTd, arn, updated };
  }

  const describeRecord = async (arn: string): Promise<ServiceDeployment> => {
    const out = await ecs.send(new DescribeServiceDeploymentsCommand({ serviceDeploymentArns: [arn] }));
    const record = out.serviceDeployments?.[0];
    if (record === undefined) throw new Error(`no record for ${arn}: ${JSON.stringify(out.failures)}`);
    return record;
  };

  /** Polls the record until `done`, returning every distinct (status, stage, weight) seen. */
  async function follow(arn: string, done: (r: ServiceDeployment) => boolean, timeoutMs = 20_000) {
    const seen: string[] = [];
    const deadline = Date.now() + timeoutMs;
    for (;;) {
      const r = await describeRecord(arn);
      const w = r.targetServiceRevision?.requestedProductionTrafficWeight;
      const line = `${r.status} ${r.lifecycleStage}${w === undefined ? '' : ` ${w}`}`;
      if (seen.at(-1) !== line) seen.push(line);
      if (done(r)) return { record: r, seen };
      if (Date.now() > deadline) throw new Error(`record never got there; saw ${seen.join(' | ')}`);
      await new Promise((resolve) => setTimeout(resolve, 50));
    }
  }
  const terminal = (r: ServiceDeployment): boolean => TERMINAL.includes(r.status ?? '');
  const stagesIn = (seen: string[]): string[] => [...new Set(seen.map((l) => l.split(' ')[1] ?? ''))];

  it('blue/green: record ARN on UpdateService and DescribeServices, every stage in order, bake, SUCCESSFUL', async () => {
    const { arn, newTd, updated, seeded } = await deploy('bg', {
      strategy: 'BLUE_GREEN',
      stageMs: 250,
      pendingMs: 1500,
      bakeSeconds: 1,
      bakeTimeInMinutes: 30,
    });
    expect(arn).toMatch(ARN);
    expect(updated.service?.deploymentConfiguration).toMatchObject({ strategy: 'BLUE_GREEN', bakeTimeInMinutes: 30 });
    const described = await ecs.send(new DescribeServicesCommand({ cluster: 'c-bg', services: ['s-bg'] }));
    expect(described.services?.[0]?.currentServiceDeployment).toBe(arn);

    const { record, seen } = await follow(arn, terminal);
    expect(stagesIn(seen)).toEqual(BLUE_GREEN_STAGES);
    expect(seen[0]).toMatch(/^PENDING RECONCILE_SERVICE/);
    expect(record).toMatchObject({
      status: 'SUCCESSFUL',
      lifecycleStage: 'CLEAN_UP',
      serviceArn: seeded.serviceArn,
      clusterArn: seeded.clusterArn,
    });
    expect(record.createdAt).toBeInstanceOf(Date);
    expect(record.finishedAt).toBeInstanceOf(Date);
    expect(record.deploymentConfiguration?.bakeTimeInMinutes).toBe(30);
    expect(record.sourceServiceRevisions?.[0]?.arn).toMatch(/:service-revision\/c-bg\/s-bg\/\d+$/);

    const list = await ecs.send(
      new ListServiceDeploymentsCommand({
        cluster: 'c-bg',
        service: 's-bg',
        createdAt: { after: new Date(Date.now() - 60_000) },
      }),
    );
    expect(list.serviceDeployments).toHaveLength(1);
    expect(list.serviceDeployments?.[0]).toMatchObject({
      serviceDeploymentArn: arn,
      status: 'SUCCESSFUL',
      targetServiceRevisionArn: record.targetServiceRevision?.arn,
    });
    const none = await ecs.send(
      new ListServiceDeploymentsCommand({ cluster: 'c-bg', service: 's-bg', status: ['IN_PROGRESS'] }),
    );
    expect(none.serviceDeployments).toEqual([]);
    const revisions = await ecs.send(
      new DescribeServiceRevisionsCommand({ serviceRevisionArns: [record.targetServiceRevision?.arn ?? ''] }),
    );
    expect(revisions.serviceRevisions?.[0]?.taskDefinition).toBe(newTd);

    const service = (await ecs.send(new DescribeServicesCommand({ cluster: 'c-bg', services: ['s-bg'] })))
      .services?.[0];
    expect(service?.deployments?.map((d) => `${d.status} ${d.rolloutState}`)).toEqual(['PRIMARY COMPLETED']);
    expect(service?.taskDefinition).toBe(newTd);
  });

  it('linear: production traffic moves in steps; canary: canary percent first', async () => {
    const linear = await deploy('lin', {
      strategy: 'LINEAR',
      stageMs: 80,
      bakeSeconds: 0.2,
      linear: { stepPercent: 25, stepSeconds: 0.4 },
    });
    const canary = await deploy('can', {
      strategy: 'CANARY',
      stageMs: 80,
      bakeSeconds: 0.2,
      canary: { canaryPercent: 10, canarySeconds: 0.5 },
    });
    const [lin, can] = await Promise.all([follow(linear.arn, terminal), follow(canary.arn, terminal)]);
    const weights = (seen: string[]): string[] => [
      ...new Set(
        seen
          .filter((l) => l.includes('PRODUCTION_TRAFFIC_SHIFT') && !l.includes('_PRODUCTION'))
          .map((l) => l.split(' ')[2] ?? ''),
      ),
    ];
    expect(weights(lin.seen)).toEqual(['25', '50', '75', '100']);
    expect(lin.record.deploymentConfiguration?.linearConfiguration).toEqual({
      stepPercent: 25,
      stepBakeTimeInMinutes: 0,
    });
    expect(weights(can.seen)).toEqual(['10', '100']);
    expect(can.record.status).toBe('SUCCESSFUL');
  });

  it('canary rolled back by an alarm: ROLLBACK_IN_PROGRESS, then ROLLBACK_SUCCESSFUL, moto back on :1', async () => {
    const { arn, seeded } = await deploy('alarm', {
      strategy: 'CANARY',
      stageMs: 80,
      canary: { canaryPercent: 10, canarySeconds: 2 },
      rollbackMs: 500,
      alarms: {
        names: ['api-5xx', 'api-latency'],
        trigger: { alarm: 'api-5xx', atStage: 'PRODUCTION_TRAFFIC_SHIFT', afterMs: 300 },
      },
    });
    const { record, seen } = await follow(arn, terminal);
    expect(seen.map((l) => l.split(' ')[0])).toContain('ROLLBACK_IN_PROGRESS');
    expect(record).toMatchObject({ status: 'ROLLBACK_SUCCESSFUL', lifecycleStage: 'PRODUCTION_TRAFFIC_SHIFT' });
    expect(record.alarms).toEqual({
      status: 'TRIGGERED',
      alarmNames: ['api-5xx', 'api-latency'],
      triggeredAlarmNames: ['api-5xx'],
    });
    expect(record.statusReason).toContain('api-5xx');
    expect(record.rollback?.serviceRevisionArn).toBe(record.sourceServiceRevisions?.[0]?.arn);
    expect((await describeService(testbed.endpoint, 'c-alarm', 's-alarm')).taskDefinition).toBe(
      seeded.taskDefinitionArn,
    );
  });

  it('a failing lifecycle hook names its stage and rolls back', async () => {
    const { arn } = await deploy('hook', {
      strategy: 'LINEAR',
      stageMs: 100,
      linear: { stepPercent: 50, stepSeconds: 0.2 },
      failingHook: { stage: 'POST_TEST_TRAFFIC_SHIFT' },
    });
    const { record, seen } = await follow(arn, terminal);
    expect(stagesIn(seen)).not.toContain('PRODUCTION_TRAFFIC_SHIFT');
    expect(record.status).toBe('ROLLBACK_SUCCESSFUL');
    expect(record.statusReason).toContain('POST_TEST_TRAFFIC_SHIFT');
    expect(record.lifecycleHookDetails?.[0]).toMatchObject({
      hookId: 'hook-validate-green',
      targetType: 'AWS_LAMBDA',
      status: 'FAILED',
    });
  });

  it('a pause hook holds the deployment until ContinueServiceDeployment', async () => {
    const { arn } = await deploy('pause', {
      strategy: 'BLUE_GREEN',
      stageMs: 80,
      bakeSeconds: 0.2,
      pauseHook: { stage: 'PRE_PRODUCTION_TRAFFIC_SHIFT' },
    });
    const held = await follow(arn, (r) => r.lifecycleHookDetails?.[0]?.status === 'AWAITING_ACTION');
    // A hook at PRE_PRODUCTION_TRAFFIC_SHIFT (a hook point, not a record stage) holds the
    // record in POST_TEST_TRAFFIC_SHIFT, before any production traffic moves.
    expect(held.record).toMatchObject({ status: 'IN_PROGRESS', lifecycleStage: 'POST_TEST_TRAFFIC_SHIFT' });
    expect(held.record.targetServiceRevision?.requestedProductionTrafficWeight).toBe(0);
    expect(held.record.lifecycleHookDetails?.[0]).toMatchObject({
      hookId: 'hook-manual-approval',
      targetType: 'PAUSE',
      timeoutAction: 'ROLLBACK',
    });
    // Well past the rest of the walk (about 1 s), it still holds.
    const later = await follow(arn, () => Date.now() - (held.record.createdAt?.getTime() ?? 0) > 2500);
    expect(later.record.lifecycleStage).toBe('POST_TEST_TRAFFIC_SHIFT');
    await expect(
      ecs.send(new ContinueServiceDeploymentCommand({ serviceDeploymentArn: arn, hookId: 'nope' })),
    ).rejects.toMatchObject({ name: 'ConflictException' });
    await ecs.send(
      new ContinueServiceDeploymentCommand({
        serviceDeploymentArn: arn,
        hookId: 'hook-manual-approval',
        action: 'CONTINUE',
      }),
    );
    const done = await follow(arn, terminal);
    expect(done.record.status).toBe('SUCCESSFUL');
    const rest = BLUE_GREEN_STAGES.slice(BLUE_GREEN_STAGES.indexOf('POST_TEST_TRAFFIC_SHIFT'));
    // Stages of 80 ms may fall between two polls; what was seen is in order, from the held stage.
    expect(stagesIn(done.seen)[0]).toBe('POST_TEST_TRAFFIC_SHIFT');
    expect(stagesIn(done.seen)).toEqual(rest.filter((s) => stagesIn(done.seen).includes(s)));
  });

  it('rolling crash loop: stopped tasks with exit codes, then StopServiceDeployment(ROLLBACK) puts :1 back', async () => {
    const { arn, seeded } = await deploy('crash', {
      strategy: 'ROLLING',
      stageMs: 100,
      rollbackMs: 500,
      crashLoop: { everyMs: 300, exitCode: 137, reason: 'OutOfMemoryError' },
    });
    await follow(arn, (r) => r.status === 'IN_PROGRESS' && r.lifecycleStage === 'SCALE_UP');
    const ours = () =>
      ecs.send(new DescribeServicesCommand({ cluster: 'c-crash', services: ['s-crash'] })).then((o) => o.services?.[0]);
    const deadline = Date.now() + 10_000;
    while (((await ours())?.deployments?.[0]?.failedTasks ?? 0) < 2 && Date.now() < deadline)
      await new Promise((r) => setTimeout(r, 50));
    const service = await ours();
    const primary = service?.deployments?.[0];
    expect(primary?.failedTasks).toBeGreaterThanOrEqual(2);
    const stopped = await ecs.send(
      new ListTasksCommand({ cluster: 'c-crash', startedBy: primary?.id ?? '', desiredStatus: 'STOPPED' }),
    );
    const tasks = await ecs.send(new DescribeTasksCommand({ cluster: 'c-crash', tasks: stopped.taskArns ?? [] }));
    expect(tasks.tasks?.[0]?.containers?.[0]).toMatchObject({ exitCode: 137, reason: 'OutOfMemoryError' });
    expect((await describeRecord(arn)).status).toBe('IN_PROGRESS');

    const from = testbed.proxy.calls.length;
    const out = await ecs.send(new StopServiceDeploymentCommand({ serviceDeploymentArn: arn, stopType: 'ROLLBACK' }));
    expect(out.serviceDeploymentArn).toBe(arn);
    await expect(
      ecs.send(new StopServiceDeploymentCommand({ serviceDeploymentArn: arn, stopType: 'ROLLBACK' })),
    ).rejects.toMatchObject({ name: 'ConflictException' });
    expect(testbed.proxy.callsTo('StopServiceDeployment', from)).toBe(2);
    const { record, seen } = await follow(arn, terminal);
    expect(seen.map((l) => l.split(' ')[0])).toEqual(
      expect.arrayContaining(['ROLLBACK_REQUESTED', 'ROLLBACK_IN_PROGRESS', 'ROLLBACK_SUCCESSFUL']),
    );
    expect(stagesIn(seen).every((s) => ROLLING_STAGES.includes(s as never))).toBe(true);
    expect(record.rollback?.reason).toContain('StopServiceDeployment');
    expect((await describeService(testbed.endpoint, 'c-crash', 's-crash')).taskDefinition).toBe(
      seeded.taskDefinitionArn,
    );
    const after = await ours();
    expect(after?.taskDefinition).toBe(seeded.taskDefinitionArn);
    expect(after?.deployments?.map((d) => `${d.status} ${d.rolloutState} ${d.taskDefinition}`)).toEqual([
      `PRIMARY COMPLETED ${seeded.taskDefinitionArn}`,
    ]);
  });

  it('circuit breaker: failureCount climbs to the threshold, TRIGGERED, rolled back', async () => {
    const { arn } = await deploy('breaker', {
      strategy: 'ROLLING',
      stageMs: 100,
      rollbackMs: 300,
      circuitBreaker: { everyMs: 200, threshold: 3 },
    });
    const { record, seen } = await follow(arn, terminal);
    expect(seen.some((l) => l.startsWith('ROLLBACK_IN_PROGRESS'))).toBe(true);
    expect(record.status).toBe('ROLLBACK_SUCCESSFUL');
    expect(record.deploymentCircuitBreaker).toEqual({ status: 'TRIGGERED', failureCount: 3, threshold: 3 });
    expect(record.statusReason).toContain('circuit breaker');
  });

  it('denyAccess: the new calls answer AccessDeniedException naming the permission; the service still names its record', async () => {
    sd.denyAccess();
    try {
      const { arn } = await deploy('denied', { strategy: 'ROLLING', stageMs: 100 });
      expect(arn).toMatch(ARN);
      await expect(
        ecs.send(new ListServiceDeploymentsCommand({ cluster: 'c-denied', service: 's-denied' })),
      ).rejects.toMatchObject({
        name: 'AccessDeniedException',
        message: expect.stringContaining('ecs:ListServiceDeployments'),
      });
      await expect(describeRecord(arn)).rejects.toMatchObject({
        name: 'AccessDeniedException',
        message: expect.stringContaining('ecs:DescribeServiceDeployments'),
      });
      await expect(
        ecs.send(new StopServiceDeploymentCommand({ serviceDeploymentArn: arn, stopType: 'ROLLBACK' })),
      ).rejects.toMatchObject({ name: 'AccessDeniedException' });
      sd.denyAccess(['StopServiceDeployment']);
      expect((await describeRecord(arn)).serviceDeploymentArn).toBe(arn);
    } finally {
      sd.denyAccess([]);
    }
  });

  it('services without a script: moto (HTTP 500) by default, an empty history with answerUnscripted', async () => {
    await testbed.seedService({ cluster: 'c-plain', service: 's-plain', desiredCount: 1 });
    const list = new ListServiceDeploymentsCommand({ cluster: 'c-plain', service: 's-plain' });
    const quick = ecsClient(testbed.proxy.url);
    try {
      await expect(quick.send(list)).rejects.toMatchObject({ $metadata: { httpStatusCode: 500 } });
      sd.answerUnscripted(true);
      expect((await quick.send(list)).serviceDeployments).toEqual([]);
      const arn = 'arn:aws:ecs:us-east-1:123456789012:service-deployment/c-plain/s-plain/1';
      const out = await quick.send(new DescribeServiceDeploymentsCommand({ serviceDeploymentArns: [arn] }));
      expect(out).toMatchObject({ serviceDeployments: [], failures: [{ arn, reason: 'MISSING' }] });
    } finally {
      sd.answerUnscripted(false);
      quick.destroy();
    }
  });
});
