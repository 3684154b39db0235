import {
  DescribeTasksCommand,
  ListTasksCommand,
  RunTaskCommand,
  StopTaskCommand,
  type Task,
} from '@aws-sdk/client-ecs';
import { afterEach, describe, expect, it } from 'vitest';
import { CANCELLED_STOP_REASON } from '../../../src/plan/run-task-result.ts';
import { stepIdentityFor } from '../../../src/plan/run-task-tags.ts';
import { failureText } from '../../../src/plan/verdict.ts';
import type { RunTaskOptions } from '../../../src/settings.ts';
import { applyRunTask, prepareRunTask } from '../../../src/steps/run-task.ts';
import { CLUSTER, REGION, taskArn, taskDefinitionArn } from '../../support/ecs-builders.ts';
import { fakeClients } from '../../support/fake-clients.ts';
import { fakeDeps } from '../../support/fake-deps.ts';
import { ecsWithTaskDefinitions } from '../../support/fake-ecs.ts';

// A job cancelled while its one-off task runs: the wait ends at once, and a task this
// attempt started is stopped (StopTask) rather than left running unwatched.

const TASK_ARN = taskArn('abcdef0123456789abcdef0123456789');
const EARLIER_ARN = taskArn('earlier');
const ARN = taskDefinitionArn('migrate', 3);
const INTERVAL = 5_000;
const STEP = stepIdentityFor(['42', 'deploy', 'migrate', CLUSTER, 'migrate:3', ''], 2);

const described = {
  taskDefinition: {
    taskDefinitionArn: ARN,
    revision: 3,
    status: 'ACTIVE',
    family: 'migrate',
    networkMode: 'awsvpc',
    requiresCompatibilities: ['FARGATE'],
    cpu: '256',
    memory: '512',
    containerDefinitions: [{ name: 'app', image: 'migrate:1', essential: true }],
  },
  tags: [],
};

const running = (fields: Partial<Task> = {}): Task => ({
  taskArn: TASK_ARN,
  taskDefinitionArn: ARN,
  lastStatus: 'RUNNING',
  desiredStatus: 'RUNNING',
  containers: [],
  ...fields,
});

const restores: Array<() => void> = [];
afterEach(() => {
  for (const restore of restores.splice(0)) restore();
});

/** DescribeTasks answers `task` every poll; the job is cancelled as poll `cancelAt` is answered. */
function world(task: Task, cancelAt: number) {
  const { ecs, mock } = ecsWithTaskDefinitions({ 'migrate:3': described, [ARN]: described }, REGION);
  restores.push(() => mock.restore());
  const controller = new AbortController();
  let polls = 0;
  mock.on(RunTaskCommand).resolves({ tasks: [running({ lastStatus: 'PROVISIONING' })], failures: [] });
  mock.on(DescribeTasksCommand).callsFake(() => {
    polls += 1;
    if (polls === cancelAt) controller.abort();
    return { tasks: [task], failures: [] };
  });
  mock.on(StopTaskCommand).resolves({ task: running({ desiredStatus: 'STOPPED' }) });
  const fake = fakeDeps(fakeClients({ ecs }));
  return { ...fake, mock, deps: { ...fake.deps, cancel: controller.signal }, polls: () => polls };
}

function options(overrides: Partial<RunTaskOptions> = {}): RunTaskOptions {
  return {
    cluster: CLUSTER,
    source: { kind: 'registered', ref: 'migrate:3' },
    environment: [],
    network: { subnets: ['subnet-0aaa1111'], securityGroups: [], assignPublicIp: false },
    launch: { launchType: 'FARGATE' },
    startedBy: 'image-deploy',
    clientToken: 'image-deploy-token',
    logs: false,
    tags: [],
    enableEcsManagedTags: false,
    dryRun: false,
    wait: { timeoutMs: 600_000, intervalMs: INTERVAL },
    ...overrides,
  };
}

async function run(w: ReturnType<typeof world>, overrides: Partial<RunTaskOptions> = {}) {
  const plan = await prepareRunTask(options(overrides), undefined, w.deps);
  return applyRunTask(plan, w.deps);
}

describe('a job cancelled while its one-off task runs', () => {
  it('stops the task this attempt started (one StopTask naming the cancel) and ends the wait without another poll', async () => {
    const w = world(running(), 2);

    const result = await run(w);

    expect(w.mock.commandCalls(StopTaskCommand).map((c) => c.args[0].input)).toEqual([
      { cluster: CLUSTER, task: TASK_ARN, reason: CANCELLED_STOP_REASON },
    ]);
    expect(w.polls()).toBe(2);
    expect(result).toMatchObject({ verdict: { state: 'failed', kind: 'cancelled' }, taskArn: TASK_ARN, changed: true });
    const text = failureText(result.verdict) ?? '';
    expect(text).toContain('The job was cancelled');
    expect(text).toContain('was asked to stop (StopTask) because the job was cancelled');
    expect(w.messages('warning').some((m) => m.includes('asked task') && m.includes(CANCELLED_STOP_REASON))).toBe(true);
  });

  it('says how to stop it by hand when StopTask fails, and stays cancelled', async () => {
    const w = world(running(), 1);
    w.mock
      .on(StopTaskCommand)
      .rejects(Object.assign(new Error('not authorized to perform ecs:StopTask'), { name: 'AccessDeniedException' }));

    const result = await run(w);

    expect(result.verdict).toMatchObject({ state: 'failed', kind: 'cancelled' });
    const text = failureText(result.verdict) ?? '';
    expect(text).toContain('Stopping it failed');
    expect(text).toContain(`aws ecs stop-task --cluster ${CLUSTER} --task ${TASK_ARN}`);
  });

  it('leaves running a task an earlier attempt of the step started (this attempt only followed it)', async () => {
    const earlier = running({
      taskArn: EARLIER_ARN,
      tags: [
        { key: 'image-deploy:step', value: STEP.key },
        { key: 'image-deploy:attempt', value: '1' },
      ],
    });
    // The first DescribeTasks answers the search for the earlier task, the second the follow.
    const w = world(earlier, 2);
    w.mock.on(ListTasksCommand).resolves({ taskArns: [EARLIER_ARN] });

    const result = await run(w, { step: STEP });

    expect(w.mock.commandCalls(RunTaskCommand)).toHaveLength(0);
    expect(w.mock.commandCalls(StopTaskCommand)).toHaveLength(0);
    expect(result.verdict).toMatchObject({ state: 'failed', kind: 'cancelled' });
    expect(failureText(result.verdict)).toContain('started by an earlier attempt of this step, so it was left running');
  });

  it('cancelled while a task stopped at wait-timeout winds down: keeps the timeout verdict, one StopTask, says it was not seen to stop', async () => {
    // Polls at 0, 5, 10 and 15 s reach the 15 s timeout; StopTask; the job is cancelled at the next poll.
    const w = world(running(), 5);

    const result = await run(w, { wait: { timeoutMs: 3 * INTERVAL, intervalMs: INTERVAL } });

    expect(w.mock.commandCalls(StopTaskCommand).map((c) => c.args[0].input.reason)).toEqual([
      'image-deploy: wait-timeout 15s reached',
    ]);
    expect(w.polls()).toBe(5);
    expect(result.verdict).toMatchObject({ state: 'failed', kind: 'timed-out' });
    expect(failureText(result.verdict)).toContain('the job was cancelled before it reported STOPPED');
  });
});
