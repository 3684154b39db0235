import { DescribeImagesCommand } from '@aws-sdk/client-ecr';
import type { ECSClient, RunTaskCommandInput, Task } from '@aws-sdk/client-ecs';
import {
  DescribeServicesCommand,
  DescribeTasksCommand,
  ListTasksCommand,
  RegisterTaskDefinitionCommand,
  RunTaskCommand,
  StopTaskCommand,
  UpdateServiceCommand,
} from '@aws-sdk/client-ecs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createRepository, ecrClient, pushImage } from '../support/aws-fixtures.ts';
import { IMAGE_NOT_FOUND, imageAppearsAfter, imageNeverAppears } from '../support/ecr-scenarios.ts';
import { defaultNetwork, ecsClient, listTaskArns, richTaskDefinition, seedFamily } from '../support/ecs-fixtures.ts';
import { crashLoop } from '../support/scenario-proxy.ts';
import {
  ESSENTIAL_CONTAINER_EXITED,
  fargateCapacityProviders,
  honourClientToken,
  STOPPED_BY_USER_EXIT_CODE,
  taskExits,
  taskFailsToStart,
  taskNeverStops,
} from '../support/task-scenarios.ts';
import { useTestbed } from '../support/testbed.ts';

// The one-off task and ECR replication overlays, checked with plain SDK clients against
// moto through the proxy: if they lied, run-task.test.ts and wait-for-image.test.ts would
// prove nothing. Scripts take a hand-stepped clock here, so each phase is checked exactly.

const T0 = 1_750_000_000_000;

function manualClock(): { now: () => number; advance: (ms: number) => void } {
  let t = T0;
  return { now: () => t, advance: (ms) => (t += ms) };
}

/** Container name -> [lastStatus, exitCode, reason], for compact assertions. */
function containersOf(
  task: Task | undefined,
): Record<string, [string | undefined, number | undefined, string | undefined]> {
  return Object.fromEntries((task?.containers ?? []).map((c) => [c.name ?? '?', [c.lastStatus, c.exitCode, c.reason]]));
}

describe('one-off task scripts against moto', () => {
  const testbed = useTestbed();
  let network: { subnets: string[]; securityGroups: string[] };
  let ecs: ECSClient;

  beforeAll(async () => {
    network = await defaultNetwork(testbed.endpoint);
    ecs = ecsClient(testbed.proxy.url);
  });

  afterAll(() => {
    ecs?.destroy();
  });

  function runTaskInput(
    cluster: string,
    family: string,
    extra: Partial<RunTaskCommandInput> = {},
  ): RunTaskCommandInput {
    return {
      cluster,
      taskDefinition: family,
      launchType: 'FARGATE',
      startedBy: 'image-deploy',
      networkConfiguration: {
        awsvpcConfiguration: {
          subnets: network.subnets,
          securityGroups: network.securityGroups,
          assignPublicIp: 'DISABLED',
        },
      },
      ...extra,
    };
  }

  async function describeOne(cluster: string, ref: string): Promise<Task | undefined> {
    const out = await ecs.send(new DescribeTasksCommand({ cluster, tasks: [ref] }));
    expect(out.failures).toEqual([]);
    return out.tasks?.[0];
  }

  it('taskExits: the task moto created provisions, runs, then stops with the scripted exit codes and reasons', async () => {
    const clock = manualClock();
    await seedFamily(testbed.endpoint, 'ts-exits', 'ts-exits');
    const scenario = taskExits(testbed.proxy, {
      family: 'ts-exits',
      afterMs: 3000,
      exitCodes: { app: 1, sidecar: undefined },
      reasons: { app: 'Error: migration 0042 failed' },
      stoppedReason: 'Essential container in task exited',
      now: clock.now,
    });
    const overrides = { containerOverrides: [{ name: 'app', command: ['npm', 'run', 'migrate'] }] };

    const started = await ecs.send(
      new RunTaskCommand(runTaskInput('ts-exits', 'ts-exits:1', { clientToken: 'token-exits', overrides })),
    );

    const taskArn = started.tasks?.[0]?.taskArn ?? '';
    expect(await listTaskArns(testbed.endpoint, 'ts-exits')).toEqual([taskArn]);
    expect(scenario.onlyRun()).toMatchObject({
      taskArns: [taskArn],
      startedAt: T0,
      request: { clientToken: 'token-exits', overrides, taskDefinition: 'ts-exits:1' },
    });
    // moto's own answer says RUNNING with exit code 0 at once: the script replaces it.
    expect(started.tasks?.[0]).toMatchObject({
      lastStatus: 'PROVISIONING',
      desiredStatus: 'RUNNING',
      startedBy: 'image-deploy',
    });
    expect(containersOf(started.tasks?.[0])).toEqual({
      app: ['PENDING', undefined, undefined],
      sidecar: ['PENDING', undefined, undefined],
    });

    clock.advance(999);
    expect((await describeOne('ts-exits', taskArn))?.lastStatus).toBe('PROVISIONING');
    clock.advance(1);
    const running = await describeOne('ts-exits', taskArn);
    expect(running).toMatchObject({ lastStatus: 'RUNNING', desiredStatus: 'RUNNING', startedAt: new Date(T0 + 1000) });
    expect(running?.stopCode).toBeUndefined();
    expect(containersOf(running)).toEqual({
      app: ['RUNNING', undefined, undefined],
      sidecar: ['RUNNING', undefined, undefined],
    });

    clock.advance(2000);
    // By task id, as ECS also accepts.
    const stopped = await describeOne('ts-exits', taskArn.split('/').pop() ?? '');
    expect(stopped).toMatchObject({
      taskArn,
      lastStatus: 'STOPPED',
      desiredStatus: 'STOPPED',
      stopCode: 'EssentialContainerExited',
      stoppedReason: ESSENTIAL_CONTAINER_EXITED,
      stoppedAt: new Date(T0 + 3000),
      overrides,
    });
    expect(containersOf(stopped)).toEqual({
      app: ['STOPPED', 1, 'Error: migration 0042 failed'],
      sidecar: ['STOPPED', undefined, undefined],
    });
    expect(stopped?.containers?.every((c) => c.taskArn === taskArn)).toBe(true);
    expect(scenario.describes).toBe(3);
  });

  it('lists the task by its scripted desired status, and answers MISSING in another cluster as ECS does', async () => {
    const clock = manualClock();
    await seedFamily(testbed.endpoint, 'ts-list', 'ts-list');
    taskExits(testbed.proxy, { family: 'ts-list', afterMs: 1000, exitCodes: { app: 0 }, now: clock.now });
    const started = await ecs.send(new RunTaskCommand(runTaskInput('ts-list', 'ts-list')));
    const taskArn = started.tasks?.[0]?.taskArn ?? '';
    const list = async (desiredStatus?: 'RUNNING' | 'STOPPED'): Promise<string[]> =>
      (await ecs.send(new ListTasksCommand({ cluster: 'ts-list', startedBy: 'image-deploy', desiredStatus })))
        .taskArns ?? [];

    expect([await list(), await list('RUNNING'), await list('STOPPED')]).toEqual([[taskArn], [taskArn], []]);
    clock.advance(1000);
    expect([await list(), await list('RUNNING'), await list('STOPPED')]).toEqual([[], [], [taskArn]]);

    // moto would find it in any cluster.
    const elsewhere = await ecs.send(new DescribeTasksCommand({ cluster: 'ts-exits', tasks: [taskArn] }));
    expect(elsewhere.tasks).toEqual([]);
    expect(elsewhere.failures).toEqual([{ arn: taskArn, reason: 'MISSING' }]);
  });

  it('taskFailsToStart: never RUNNING, then TaskFailedToStart with no exit codes', async () => {
    const clock = manualClock();
    await seedFamily(testbed.endpoint, 'ts-pull', 'ts-pull');
    const reason = 'CannotPullContainerError: pull image manifest has been retried 5 time(s): not found';
    taskFailsToStart(testbed.proxy, {
      family: 'ts-pull',
      afterMs: 2000,
      stoppedReason: reason,
      containers: ['app'],
      now: clock.now,
    });
    const taskArn = (await ecs.send(new RunTaskCommand(runTaskInput('ts-pull', 'ts-pull')))).tasks?.[0]?.taskArn ?? '';

    clock.advance(1999);
    expect((await describeOne('ts-pull', taskArn))?.lastStatus).toBe('PROVISIONING');
    clock.advance(1);
    const stopped = await describeOne('ts-pull', taskArn);
    expect(stopped).toMatchObject({ lastStatus: 'STOPPED', stopCode: 'TaskFailedToStart', stoppedReason: reason });
    expect(stopped?.startedAt).toBeUndefined();
    expect(containersOf(stopped)).toEqual({ app: ['STOPPED', undefined, undefined] });
  });

  it('taskNeverStops: RUNNING until StopTask, then UserInitiated with the reason given', async () => {
    const clock = manualClock();
    await seedFamily(testbed.endpoint, 'ts-forever', 'ts-forever');
    const scenario = taskNeverStops(testbed.proxy, { family: 'ts-forever', containers: ['app'], now: clock.now });
    const taskArn =
      (await ecs.send(new RunTaskCommand(runTaskInput('ts-forever', 'ts-forever')))).tasks?.[0]?.taskArn ?? '';

    clock.advance(3_600_000);
    expect((await describeOne('ts-forever', taskArn))?.lastStatus).toBe('RUNNING');
    const stop = await ecs.send(
      new StopTaskCommand({ cluster: 'ts-forever', task: taskArn, reason: 'image-deploy: wait-timeout reached' }),
    );
    expect(stop.task).toMatchObject({
      lastStatus: 'STOPPED',
      stopCode: 'UserInitiated',
      stoppedReason: 'image-deploy: wait-timeout reached',
    });
    expect(containersOf(await describeOne('ts-forever', taskArn))).toEqual({
      app: ['STOPPED', STOPPED_BY_USER_EXIT_CODE, undefined],
    });
    expect(scenario.onlyRun().stopped).toEqual({ at: T0 + 3_600_000, reason: 'image-deploy: wait-timeout reached' });
  });

  it("leaves other tasks alone: an unscripted task gets moto's answers, a service rollout's stopped tasks the rollout's", async () => {
    const clock = manualClock();
    const { proxy } = testbed;
    await seedFamily(testbed.endpoint, 'ts-mixed', 'ts-mixed-scripted');
    await seedFamily(testbed.endpoint, 'ts-mixed-b', 'ts-mixed-plain');
    taskExits(proxy, { family: 'ts-mixed-scripted', afterMs: 10, exitCodes: { app: 0 }, now: clock.now });
    const mine =
      (await ecs.send(new RunTaskCommand(runTaskInput('ts-mixed', 'ts-mixed-scripted')))).tasks?.[0]?.taskArn ?? '';
    const plain = await ecs.send(new RunTaskCommand(runTaskInput('ts-mixed-b', 'ts-mixed-plain')));
    const plainArn = plain.tasks?.[0]?.taskArn ?? '';
    clock.advance(10);

    // moto's fixed life, untouched: RUNNING at once with exit code 0, one container only.
    expect(plain.tasks?.[0]?.lastStatus).toBe('RUNNING');
    expect(containersOf(plain.tasks?.[0])).toEqual({ app: ['PENDING', 0, undefined] });
    expect((await describeOne('ts-mixed-b', plainArn))?.lastStatus).toBe('DEACTIVATING');

    // A crash-looping rollout, whose stopped tasks the proxy itself plays.
    const seeded = await testbed.seedService({ cluster: 'ts-mixed', service: 'ts-mixed-svc' });
    proxy.scriptRollout('ts-mixed-svc', crashLoop({ everyMs: 150, exitCode: 2, reason: 'crash' }));
    const next = await ecs.send(
      new RegisterTaskDefinitionCommand({ ...richTaskDefinition(seeded.family), cpu: '512', memory: '1024' }),
    );
    await ecs.send(
      new UpdateServiceCommand({
        cluster: 'ts-mixed',
        service: 'ts-mixed-svc',
        taskDefinition: next.taskDefinition?.taskDefinitionArn,
      }),
    );
    const [deploymentId] = proxy.deploymentIds('ts-mixed-svc');
    let crashed: string[] = [];
    const deadline = Date.now() + 10_000;
    while (crashed.length === 0 && Date.now() < deadline) {
      await ecs.send(new DescribeServicesCommand({ cluster: 'ts-mixed', services: ['ts-mixed-svc'] }));
      crashed =
        (
          await ecs.send(
            new ListTasksCommand({ cluster: 'ts-mixed', startedBy: deploymentId, desiredStatus: 'STOPPED' }),
          )
        ).taskArns ?? [];
    }
    expect(crashed.length).toBeGreaterThan(0);

    const both = await ecs.send(new DescribeTasksCommand({ cluster: 'ts-mixed', tasks: [crashed[0] ?? '', mine] }));
    expect(both.failures).toEqual([]);
    expect(both.tasks?.map((t) => [t.taskArn, t.stopCode, t.containers?.[0]?.exitCode])).toEqual([
      [crashed[0], 'EssentialContainerExited', 2],
      [mine, 'EssentialContainerExited', 0],
    ]);
  });

  it('honourClientToken: a retried RunTask with the same token starts no second task', async () => {
    await seedFamily(testbed.endpoint, 'ts-token', 'ts-token');
    const scenario = taskExits(testbed.proxy, { family: 'ts-token', afterMs: 60_000, exitCodes: { app: 0 } });
    const replays = honourClientToken(testbed.proxy);

    const first = await ecs.send(new RunTaskCommand(runTaskInput('ts-token', 'ts-token', { clientToken: 'same' })));
    const retried = await ecs.send(new RunTaskCommand(runTaskInput('ts-token', 'ts-token', { clientToken: 'same' })));
    const other = await ecs.send(new RunTaskCommand(runTaskInput('ts-token', 'ts-token', { clientToken: 'other' })));

    expect(retried.tasks?.[0]?.taskArn).toBe(first.tasks?.[0]?.taskArn);
    expect(other.tasks?.[0]?.taskArn).not.toBe(first.tasks?.[0]?.taskArn);
    expect((await listTaskArns(testbed.endpoint, 'ts-token')).sort()).toEqual(
      [first.tasks?.[0]?.taskArn, other.tasks?.[0]?.taskArn].sort(),
    );
    expect(replays.replayed).toBe(1);
    expect(scenario.runs).toHaveLength(2);
    expect(testbed.proxy.callsTo('RunTask')).toBeGreaterThanOrEqual(3); // every attempt is still recorded
  });

  it('fargateCapacityProviders: a FARGATE_SPOT strategy reaches moto as FARGATE, and the log keeps the strategy', async () => {
    const { proxy } = testbed;
    await seedFamily(testbed.endpoint, 'ts-spot', 'ts-spot');
    fargateCapacityProviders(proxy);
    const strategy = [
      { capacityProvider: 'FARGATE_SPOT', weight: 1 },
      { capacityProvider: 'FARGATE', weight: 0 },
    ];
    const from = proxy.calls.length;
    const { launchType, ...withoutLaunchType } = runTaskInput('ts-spot', 'ts-spot');
    void launchType;

    const out = await ecs.send(new RunTaskCommand({ ...withoutLaunchType, capacityProviderStrategy: strategy }));

    expect(out.tasks?.[0]).toMatchObject({ capacityProviderName: 'FARGATE_SPOT', launchType: 'FARGATE' });
    expect(await listTaskArns(testbed.endpoint, 'ts-spot')).toEqual([out.tasks?.[0]?.taskArn]);
    const recorded = proxy.calls.slice(from).find((c) => c.operation === 'RunTask')?.body as
      | RunTaskCommandInput
      | undefined;
    expect(recorded?.capacityProviderStrategy).toEqual(strategy);
    expect(recorded?.launchType).toBeUndefined();
  });
});

describe('ECR replication scripts against moto', () => {
  const testbed = useTestbed();

  async function describeImage(
    imageId: { imageTag?: string; imageDigest?: string },
    repositoryName: string,
  ): Promise<unknown> {
    const ecr = ecrClient(testbed.proxy.url);
    try {
      const out = await ecr.send(new DescribeImagesCommand({ repositoryName, imageIds: [imageId] }));
      return out.imageDetails?.map((d) => d.imageDigest);
    } catch (error: unknown) {
      return error instanceof Error ? `${error.name}: ${error.message}` : error;
    } finally {
      ecr.destroy();
    }
  }

  async function listedTags(repositoryName: string): Promise<string[]> {
    const ecr = ecrClient(testbed.proxy.url);
    try {
      const out = await ecr.send(new DescribeImagesCommand({ repositoryName, filter: { tagStatus: 'TAGGED' } }));
      return (out.imageDetails ?? []).flatMap((d) => d.imageTags ?? []).sort();
    } finally {
      ecr.destroy();
    }
  }

  it('imageAppearsAfter: ImageNotFoundException (by tag or digest) until afterMs after the first lookup, then the image', async () => {
    const clock = manualClock();
    const repo = await createRepository(testbed.moto.url, 'replicated');
    const old = await pushImage(testbed.moto.url, repo, 'v1');
    const image = await pushImage(testbed.moto.url, repo, 'v2');
    const scenario = imageAppearsAfter(testbed.proxy, {
      repository: 'replicated',
      tag: 'v2',
      digest: image.digest,
      afterMs: 3000,
      now: clock.now,
    });

    clock.advance(60_000); // the clock starts at the first lookup, not when the overlay was added
    expect(await listedTags('replicated')).toEqual(['v1']);
    expect(await describeImage({ imageTag: 'v2' }, 'replicated')).toBe(
      `${IMAGE_NOT_FOUND}: The image with imageId {imageDigest:'null', imageTag:'v2'} does not exist within the repository with name 'replicated' in the registry with id '123456789012'`,
    );
    clock.advance(2999);
    expect(await describeImage({ imageDigest: image.digest }, 'replicated')).toMatch(
      new RegExp(`^${IMAGE_NOT_FOUND}: .*${image.digest}`),
    );
    expect(await describeImage({ imageTag: 'v1' }, 'replicated')).toEqual([old.digest]); // other images are there
    clock.advance(1);
    expect(await describeImage({ imageTag: 'v2' }, 'replicated')).toEqual([image.digest]);
    expect(await listedTags('replicated')).toEqual(['v1', 'v2']);
    expect([scenario.refused, scenario.passed, scenario.firstAskedAt, scenario.lastAskedAt]).toEqual([
      2,
      1,
      T0 + 60_000,
      T0 + 63_000,
    ]);
  });

  it('imageNeverAppears: ImageNotFoundException however long one waits; other repositories untouched', async () => {
    const clock = manualClock();
    const repo = await createRepository(testbed.moto.url, 'never');
    const other = await createRepository(testbed.moto.url, 'never-other');
    await pushImage(testbed.moto.url, repo, 'v3');
    const elsewhere = await pushImage(testbed.moto.url, other, 'v3');
    const scenario = imageNeverAppears(testbed.proxy, { repository: 'never', tag: 'v3', now: clock.now });

    expect(await describeImage({ imageTag: 'v3' }, 'never')).toMatch(new RegExp(`^${IMAGE_NOT_FOUND}: `));
    clock.advance(24 * 3_600_000);
    expect(await describeImage({ imageTag: 'v3' }, 'never')).toMatch(new RegExp(`^${IMAGE_NOT_FOUND}: `));
    expect(await listedTags('never')).toEqual([]);
    expect(await describeImage({ imageTag: 'v3' }, 'never-other')).toEqual([elsewhere.digest]);
    expect(scenario.refused).toBe(2);
    expect(scenario.passed).toBe(0);
  });
});
