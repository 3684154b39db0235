import {
  DescribeServicesCommand,
  DescribeTasksCommand,
  ListTasksCommand,
  type Service,
  type ServiceEvent,
} from '@aws-sdk/client-ecs';
import { afterEach, describe, expect, it } from 'vitest';
import { failureText } from '../../../src/plan/verdict.ts';
import type { EcsResult } from '../../../src/results.ts';
import { type FollowOptions, followDeployment } from '../../../src/steps/ecs-follow.ts';
import {
  aContainer,
  aDeployment,
  aService,
  aServiceEvent,
  aStoppedTask,
  CLUSTER,
  taskArn,
} from '../../support/ecs-builders.ts';
import {
  completed,
  DEPLOY_STARTED,
  deployService,
  draining,
  INTERVAL,
  NEW_ARN,
  NEW_DEPLOYMENT,
  optionsFor,
  ourDeployment,
  ROLLBACK_DEPLOYMENT,
  RUNNING_ARN,
  restoreWorlds,
  rollingOut,
  runningService,
  servicesOf,
  world,
} from '../../support/ecs-step-world.ts';

afterEach(restoreWorlds);

describe('deployEcs waiting for its deployment', () => {
  const changeSize = { cpu: '1024', memory: '2048' };

  it.each([1, 2, 4])('succeeds when the deployment completes on poll %i, polling once per interval', async (polls) => {
    const w = world();
    const inProgress = Array.from({ length: polls - 1 }, (_, i) =>
      rollingOut({ runningCount: i % 2, pendingCount: 2 - (i % 2) }),
    );
    w.servicePolls(runningService(), ...inProgress, completed());
    w.registers();
    w.updates();

    const result = await deployService(optionsFor(changeSize), w.deps);

    expect(result.verdict.state).toBe('succeeded');
    expect(w.sent.describeServices()).toEqual(
      Array.from({ length: polls + 1 }, () => ({ cluster: CLUSTER, services: ['web'] })),
    );
    expect(w.sleeps).toEqual(Array.from({ length: polls - 1 }, () => INTERVAL));
    // A healthy rollout costs no task calls.
    expect(w.sent.listTasks()).toEqual([]);
  });

  it('does not call a deployment done while the old one still drains', async () => {
    const w = world();
    const rolledOutButNotAlone = aService({
      deployments: [draining(), ourDeployment({ rolloutState: 'IN_PROGRESS', runningCount: 2, pendingCount: 0 })],
    });
    w.servicePolls(runningService(), rolledOutButNotAlone, rolledOutButNotAlone, completed());
    w.registers();
    w.updates();

    const result = await deployService(optionsFor(changeSize), w.deps);

    expect(result.verdict.state).toBe('succeeded');
    expect(w.sent.describeServices()).toHaveLength(4);
  });

  it('fails with the rollout reason, the stopped tasks’ reasons and their exit codes', async () => {
    const w = world();
    const failedArn = taskArn('aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa');
    w.servicePolls(
      runningService(),
      rollingOut(),
      rollingOut({
        rolloutState: 'FAILED',
        rolloutStateReason: 'ECS deployment circuit breaker: tasks failed to start.',
        failedTasks: 1,
      }),
    );
    w.registers();
    w.updates();
    w.stoppedTasks([
      aStoppedTask({
        taskArn: failedArn,
        startedBy: NEW_DEPLOYMENT,
        stoppedReason: 'Essential container in task exited',
        containers: [
          aContainer({ name: 'app', exitCode: 137, reason: 'OutOfMemoryError: Container killed due to memory usage' }),
          aContainer({ name: 'log-router', exitCode: 0 }),
        ],
      }),
    ]);

    const result = await deployService(optionsFor(changeSize), w.deps);

    expect(result).toMatchObject({
      verdict: { state: 'failed' },
      changed: true,
      deploymentId: NEW_DEPLOYMENT,
      taskDefinitionArn: NEW_ARN,
    });
    expect(failureText(result.verdict)).toContain('ECS deployment circuit breaker: tasks failed to start.');
    expect(failureText(result.verdict)).toContain('Essential container in task exited');
    expect(failureText(result.verdict)).toContain(
      'container app: exit code 137 — OutOfMemoryError: Container killed due to memory usage',
    );
    // The sidecar is not essential and exited cleanly: it explains nothing.
    expect(failureText(result.verdict)).not.toContain('log-router');
    // Listed when the failed count grew, and once more at the verdict (ListTasks may lag);
    // each task is described once.
    const listing = { cluster: CLUSTER, startedBy: NEW_DEPLOYMENT, desiredStatus: 'STOPPED' };
    expect(w.sent.listTasks()).toEqual([listing, listing]);
    expect(w.sent.describeTasks()).toEqual([{ cluster: CLUSTER, tasks: [failedArn] }]);
  });

  it.each<{ name: string; after: Service; mentions: string[] }>([
    {
      name: 'demoted while a rollback is PRIMARY',
      after: aService({
        deployments: [
          aDeployment({ id: ROLLBACK_DEPLOYMENT, taskDefinition: RUNNING_ARN, rolloutState: 'IN_PROGRESS' }),
          ourDeployment({ status: 'ACTIVE' }),
        ],
      }),
      mentions: [NEW_DEPLOYMENT, ROLLBACK_DEPLOYMENT, 'web:5'],
    },
    {
      name: 'gone after a completed rollback that looks stable',
      after: aService({
        taskDefinition: RUNNING_ARN,
        deployments: [aDeployment({ id: ROLLBACK_DEPLOYMENT, taskDefinition: RUNNING_ARN })],
      }),
      mentions: [NEW_DEPLOYMENT, ROLLBACK_DEPLOYMENT, 'web:5'],
    },
    {
      name: 'FAILED with a rollback PRIMARY',
      after: aService({
        deployments: [
          aDeployment({ id: ROLLBACK_DEPLOYMENT, taskDefinition: RUNNING_ARN, rolloutState: 'IN_PROGRESS' }),
          ourDeployment({
            status: 'ACTIVE',
            rolloutState: 'FAILED',
            rolloutStateReason: 'ECS deployment circuit breaker: tasks failed to start.',
          }),
        ],
      }),
      mentions: [NEW_DEPLOYMENT, 'circuit breaker', 'rolling back to web:5'],
    },
  ])('fails when our deployment is replaced by a rollback: $name', async ({ after, mentions }) => {
    const w = world();
    w.servicePolls(runningService(), rollingOut(), after);
    w.registers();
    w.updates();
    w.stoppedTasks([]);

    const result = await deployService(optionsFor(changeSize), w.deps);

    expect(result.verdict.state).toBe('failed');
    for (const text of mentions) expect(failureText(result.verdict)).toContain(text);
  });

  it('fails in the poll where failed tasks reach max-failed-tasks', async () => {
    const w = world();
    const crashing = [0, 1, 2].map((failedTasks) => rollingOut({ failedTasks }));
    // Had the step kept polling, it would have seen a completed deployment.
    w.servicePolls(runningService(), ...crashing, completed({ failedTasks: 2 }));
    w.registers();
    w.updates();
    w.stoppedTasks([aStoppedTask({ startedBy: NEW_DEPLOYMENT, stoppedReason: 'Essential container in task exited' })]);

    const result = await deployService(optionsFor({ ...changeSize, maxFailedTasks: 2 }), w.deps);

    expect(result.verdict.state).toBe('failed');
    expect(failureText(result.verdict)).toContain(
      `2 tasks of deployment ${NEW_DEPLOYMENT} failed (max-failed-tasks is 2)`,
    );
    expect(failureText(result.verdict)).toContain('Essential container in task exited');
    expect(w.sent.describeServices()).toHaveLength(1 + 3);
    expect(w.sleeps).toEqual([INTERVAL, INTERVAL]);
  });

  it('looks up stopped tasks only when the failed count grows, and each task once', async () => {
    const w = world();
    const first = aStoppedTask({ taskArn: taskArn('11111111111111111111111111111111'), startedBy: NEW_DEPLOYMENT });
    const second = aStoppedTask({ taskArn: taskArn('22222222222222222222222222222222'), startedBy: NEW_DEPLOYMENT });
    const counts = [0, 1, 1, 1, 2, 2];
    w.servicePolls(
      runningService(),
      ...counts.map((failedTasks) => rollingOut({ failedTasks })),
      completed({ failedTasks: 2 }),
    );
    w.registers();
    w.updates();
    w.mock
      .on(ListTasksCommand)
      .resolvesOnce({ taskArns: [first.taskArn ?? ''] })
      .resolves({ taskArns: [second.taskArn ?? '', first.taskArn ?? ''] });
    w.mock
      .on(DescribeTasksCommand)
      .resolvesOnce({ tasks: [first] })
      .resolves({ tasks: [second] });

    const result = await deployService(optionsFor({ ...changeSize, maxFailedTasks: 0 }), w.deps);

    expect(result.verdict.state).toBe('succeeded');
    expect(w.sent.listTasks()).toHaveLength(2);
    expect(w.sent.describeTasks()).toEqual([
      { cluster: CLUSTER, tasks: [first.taskArn] },
      { cluster: CLUSTER, tasks: [second.taskArn] },
    ]);
  });

  it('gives up at the timeout with what it waited for and the last progress line', async () => {
    const w = world();
    w.servicePolls(runningService(), rollingOut(), rollingOut({ runningCount: 1, pendingCount: 1 }));
    w.registers();
    w.updates();

    const result: EcsResult = await deployService(
      optionsFor({ ...changeSize, wait: { enabled: true, timeoutMs: 3 * INTERVAL, intervalMs: INTERVAL } }),
      w.deps,
    );

    // The step reports the timeout as a failed verdict (it keeps the deployment id) rather than throwing.
    expect(result).toMatchObject({ verdict: { state: 'failed' }, deploymentId: NEW_DEPLOYMENT });
    expect(failureText(result.verdict)).toContain(
      `Timed out after 30s waiting for deployment ${NEW_DEPLOYMENT} of service 'web'`,
    );
    expect(failureText(result.verdict)).toContain(
      `Last state: new web:6 (${NEW_DEPLOYMENT}) IN_PROGRESS running 1/2 pending 1 failed 0 | old web:5 running 2/2`,
    );
    expect(w.sleeps).toEqual([INTERVAL, INTERVAL, INTERVAL]);
    expect(w.sent.describeServices()).toHaveLength(1 + 4);
  });

  it('starts the deployment and returns without polling when waiting is disabled', async () => {
    const w = world();
    w.servicePolls(runningService(), completed());
    w.registers();
    w.updates();

    const result = await deployService(
      optionsFor({ ...changeSize, wait: { enabled: false, timeoutMs: 600_000, intervalMs: INTERVAL } }),
      w.deps,
    );

    expect(result).toMatchObject({
      verdict: { state: 'started' },
      changed: true,
      deploymentId: NEW_DEPLOYMENT,
      taskDefinitionArn: NEW_ARN,
    });
    expect(w.sent.update()).toHaveLength(1);
    expect(w.sent.describeServices()).toHaveLength(1);
    expect(w.sleeps).toEqual([]);
  });

  it('logs each service event since the deployment started once, oldest first', async () => {
    const at = (seconds: number) => new Date(DEPLOY_STARTED.getTime() + seconds * 1000);
    const before = aServiceEvent({
      id: 'e0',
      createdAt: at(-60),
      message: '(service web) has reached a steady state.',
    });
    const started = aServiceEvent({
      id: 'e1',
      createdAt: at(5),
      message: '(service web) has started 2 tasks: (task a) (task b).',
    });
    const registered = aServiceEvent({
      id: 'e2',
      createdAt: at(40),
      message: '(service web) registered 2 targets in (target-group web).',
    });
    const steady = aServiceEvent({ id: 'e3', createdAt: at(80), message: '(service web) has reached a steady state.' });
    const withEvents = (service: Service, events: ServiceEvent[]) => ({ ...service, events });
    const w = world();
    w.servicePolls(
      runningService({ events: [before] }),
      withEvents(rollingOut(), [started, before]),
      withEvents(rollingOut({ runningCount: 1, pendingCount: 1 }), [registered, started, before]),
      withEvents(rollingOut({ runningCount: 1, pendingCount: 1 }), [registered, started, before]),
      withEvents(completed(), [steady, registered, started, before]),
    );
    w.registers();
    w.updates();

    await deployService(optionsFor(changeSize), w.deps);

    const events = w.log.filter((line) => line.message.includes('event: ')).map((line) => line.message);
    expect(events).toEqual([
      `${at(5).toISOString()} event: (service web) has started 2 tasks: (task a) (task b).`,
      `${at(40).toISOString()} event: (service web) registered 2 targets in (target-group web).`,
      `${at(80).toISOString()} event: (service web) has reached a steady state.`,
    ]);
  });
});

describe('followDeployment on its own', () => {
  const follow = (w: ReturnType<typeof world>, overrides: Partial<FollowOptions> = {}) =>
    followDeployment(
      {
        cluster: CLUSTER,
        service: 'web',
        deploymentId: NEW_DEPLOYMENT,
        since: DEPLOY_STARTED,
        intervalMs: INTERVAL,
        timeoutMs: 60_000,
        maxFailedTasks: 3,
        taskOptions: {},
        ...overrides,
      },
      w.deps,
    );

  it('calls a service that DescribeServices stops listing inactive, as the rollout classifier decides', async () => {
    const w = world();
    w.mock
      .on(DescribeServicesCommand)
      .resolvesOnce(servicesOf(rollingOut()))
      .resolves({ services: [], failures: [{ reason: 'MISSING' }], $metadata: {} });
    w.stoppedTasks([]);

    const verdict = await follow(w);

    expect(verdict).toEqual({
      state: 'failed',
      kind: 'service-inactive',
      reason: `service 'web' disappeared from cluster '${CLUSTER}' while deploying`,
      details: [],
    });
  });

  it('turns AWS failing mid-wait into a failed verdict of kind error, keeping the stopped tasks it knew', async () => {
    const w = world();
    const crashed = aStoppedTask({
      taskArn: taskArn('c1'),
      startedBy: NEW_DEPLOYMENT,
      stoppedReason: 'Essential container in task exited',
      containers: [aContainer({ name: 'app', exitCode: 3 })],
    });
    w.mock
      .on(DescribeServicesCommand)
      .resolvesOnce(servicesOf(rollingOut({ failedTasks: 1 })))
      .rejects(Object.assign(new Error('Rate exceeded'), { name: 'AccessDeniedException' }));
    w.stoppedTasks([crashed]);

    const verdict = await follow(w);

    expect(verdict).toMatchObject({ state: 'failed', kind: 'error' });
    expect(failureText(verdict)).toContain('Rate exceeded');
    expect(failureText(verdict)).toContain('container app: exit code 3');
  });

  it('says timed-out when wait-timeout passes first', async () => {
    const w = world();
    w.mock.on(DescribeServicesCommand).resolves(servicesOf(rollingOut()));
    w.stoppedTasks([]);

    const verdict = await follow(w, { timeoutMs: 25_000 });

    expect(verdict).toMatchObject({ state: 'failed', kind: 'timed-out' });
    expect(failureText(verdict)).toContain(
      `Timed out after 25s waiting for deployment ${NEW_DEPLOYMENT} of service 'web'`,
    );
  });
});
