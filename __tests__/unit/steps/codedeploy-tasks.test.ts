import type { DeploymentStatus } from '@aws-sdk/client-codedeploy';
import {
  DescribeServicesCommand,
  DescribeTasksCommand,
  ECSClient,
  ListTasksCommand,
  type Service,
} from '@aws-sdk/client-ecs';
import { mockClient } from 'aws-sdk-client-mock';
import { afterEach, describe, expect, it } from 'vitest';
import { CodeDeployGreenTasks } from '../../../src/steps/codedeploy-tasks.ts';
import { PollRequest, type PollSnapshot } from '../../../src/steps/poll-snapshot.ts';
import { aContainer, aStoppedTask, CLUSTER, taskArn } from '../../support/ecs-builders.ts';
import { fakeClients } from '../../support/fake-clients.ts';
import { fakeDeps } from '../../support/fake-deps.ts';

const DEPLOYMENT = 'd-ABCDEFGHI';
const GREEN = 'ecs-svc/2222222222222222222';
const ecsMock = mockClient(ECSClient);
afterEach(() => ecsMock.reset());

const withTaskSets = (taskSets: Service['taskSets']): Service => ({
  serviceName: 'web',
  status: 'ACTIVE',
  taskSets,
});
const greenSet = { id: GREEN, externalId: DEPLOYMENT, startedBy: 'CODE_DEPLOY', status: 'ACTIVE' };

function setUp(maxFailedTasks: number) {
  const fake = fakeDeps(fakeClients({ ecs: new ECSClient({ region: 'us-east-1' }) }));
  const green = new CodeDeployGreenTasks(
    {
      cluster: CLUSTER,
      service: 'web',
      deploymentId: DEPLOYMENT,
      maxFailedTasks,
      taskDefinition: { family: 'web', containerDefinitions: [{ name: 'app' }, { name: 'log', essential: false }] },
    },
    fake.deps,
  );
  /** One poll: what it asked for, and what it judged. */
  const poll = async (status: DeploymentStatus) => {
    const request = new PollRequest();
    green.wants(request, status);
    const snapshot: PollSnapshot = await request.read(fake.deps);
    return green.observe(snapshot, { deploymentId: DEPLOYMENT, status });
  };
  return { fake, green, poll };
}

const sent = () => ecsMock.calls().map((call) => call.args[0].constructor.name);

describe('the green task set of a CodeDeploy deployment, for max-failed-tasks', () => {
  it('finds the task set by its externalId, then makes one ListTasks a poll, failing at max-failed-tasks', async () => {
    const { poll, fake } = setUp(2);
    ecsMock
      .on(DescribeServicesCommand)
      .resolvesOnce({ services: [withTaskSets([])] })
      .resolves({ services: [withTaskSets([greenSet])] });
    ecsMock
      .on(ListTasksCommand)
      .resolvesOnce({ taskArns: [] })
      .resolves({ taskArns: [taskArn('a'.repeat(32)), taskArn('b'.repeat(32))] });

    expect(await poll('InProgress')).toBeUndefined();
    expect(await poll('InProgress')).toBeUndefined();
    expect(await poll('InProgress')).toBeUndefined();
    const verdict = await poll('InProgress');

    expect(sent()).toEqual([
      'DescribeServicesCommand',
      'DescribeServicesCommand',
      'ListTasksCommand',
      'ListTasksCommand',
    ]);
    expect(ecsMock.commandCalls(ListTasksCommand)[0]?.args[0].input).toEqual({
      cluster: CLUSTER,
      startedBy: GREEN,
      desiredStatus: 'STOPPED',
    });
    expect(verdict).toMatchObject({ kind: 'too-many-failed-tasks' });
    expect(verdict?.reason).toContain(
      `2 tasks of the replacement task set ${GREEN} of CodeDeploy deployment ${DEPLOYMENT}`,
    );
    expect(fake.messages('info')).toContain(
      `Counting the stopped tasks of the replacement task set ${GREEN} (max-failed-tasks).`,
    );
  });

  it('reads tasks it listed on the next poll instead of listing again, warning with their reasons', async () => {
    const { poll, fake } = setUp(3);
    const crashed = aStoppedTask({ taskArn: taskArn('c'.repeat(32)), startedBy: GREEN });
    ecsMock.on(DescribeServicesCommand).resolves({ services: [withTaskSets([greenSet])] });
    ecsMock.on(ListTasksCommand).resolves({ taskArns: [crashed.taskArn ?? ''] });
    ecsMock.on(DescribeTasksCommand).resolves({ tasks: [crashed] });

    for (let i = 0; i < 4; i++) expect(await poll('InProgress')).toBeUndefined();

    expect(sent()).toEqual(['DescribeServicesCommand', 'ListTasksCommand', 'DescribeTasksCommand', 'ListTasksCommand']);
    expect(fake.messages('warning')[0]).toContain(`task ${'c'.repeat(32)} stopped (EssentialContainerExited)`);
  });

  it('a role that may not list tasks: one warning, then the deployment is followed without counting', async () => {
    const { poll, fake } = setUp(2);
    ecsMock.on(DescribeServicesCommand).resolves({ services: [withTaskSets([greenSet])] });
    const denied = Object.assign(new Error('User is not authorized to perform: ecs:ListTasks'), {
      name: 'AccessDeniedException',
    });
    ecsMock.on(ListTasksCommand).rejects(denied);

    for (let i = 0; i < 4; i++) expect(await poll('InProgress')).toBeUndefined();

    expect(sent()).toEqual(['DescribeServicesCommand', 'ListTasksCommand']);
    expect(fake.messages('warning')).toEqual([
      expect.stringContaining(`max-failed-tasks is not applied to CodeDeploy deployment ${DEPLOYMENT}`),
    ]);
  });

  it('a throttled ListTasks is asked again on the next poll', async () => {
    const { poll } = setUp(1);
    ecsMock.on(DescribeServicesCommand).resolves({ services: [withTaskSets([greenSet])] });
    const throttled = Object.assign(new Error('Rate exceeded'), { name: 'ThrottlingException' });
    ecsMock
      .on(ListTasksCommand)
      .rejectsOnce(throttled)
      .resolves({ taskArns: [taskArn('e'.repeat(32))] });

    await poll('InProgress');
    expect(await poll('InProgress')).toBeUndefined();
    expect(await poll('InProgress')).toMatchObject({ kind: 'too-many-failed-tasks' });
  });

  it.each([
    ['max-failed-tasks is 0', 0, 'InProgress'],
    ['the deployment Succeeded', 3, 'Succeeded'],
    ['the deployment was Stopped', 3, 'Stopped'],
  ] as const)('makes no ECS call when %s', async (_name, max, status) => {
    const { poll } = setUp(max);
    expect(await poll(status)).toBeUndefined();
    expect(sent()).toEqual([]);
  });

  it('gives a failure it found every stopped task, leaving out a non-essential sidecar that exited 0', async () => {
    const { poll, green } = setUp(1);
    const crashed = aStoppedTask({
      taskArn: taskArn('d'.repeat(32)),
      startedBy: GREEN,
      containers: [aContainer({ name: 'app', exitCode: 1, reason: 'boom' }), aContainer({ name: 'log', exitCode: 0 })],
    });
    ecsMock.on(DescribeServicesCommand).resolves({ services: [withTaskSets([greenSet])] });
    ecsMock.on(ListTasksCommand).resolves({ taskArns: [crashed.taskArn ?? ''] });
    ecsMock.on(DescribeTasksCommand).resolves({ tasks: [crashed] });

    await poll('InProgress');
    const verdict = await poll('InProgress');
    if (verdict === undefined) throw new Error('expected a failure');
    const concluded = await green.conclude(verdict);

    expect(concluded.state === 'failed' ? concluded.details : []).toEqual([
      `task ${'d'.repeat(32)} stopped (EssentialContainerExited): Essential container in task exited`,
      '  container app: exit code 1 — boom',
    ]);
  });
});
