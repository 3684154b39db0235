import {
  CloudWatchLogsClient,
  GetLogEventsCommand,
  type GetLogEventsCommandInput,
  ResourceNotFoundException,
} from '@aws-sdk/client-cloudwatch-logs';
import {
  DescribeTasksCommand,
  ListTasksCommand,
  RegisterTaskDefinitionCommand,
  RunTaskCommand,
  StopTaskCommand,
  type Task,
} from '@aws-sdk/client-ecs';
import { mockClient } from 'aws-sdk-client-mock';
import { afterEach, describe, expect, it } from 'vitest';
import { UserError } from '../../../src/errors.ts';
import { stepIdentityFor } from '../../../src/plan/run-task-tags.ts';
import type { TaskDefinitionDoc } from '../../../src/plan/task-definition-types.ts';
import { failureText } from '../../../src/plan/verdict.ts';
import type { RunTaskOptions } from '../../../src/settings.ts';
import { applyRunTask, prepareRunTask } from '../../../src/steps/run-task.ts';
import { STOP_WAIT_MS } from '../../../src/steps/run-task-follow.ts';
import { DRAIN_PAGES } from '../../../src/steps/run-task-logs.ts';
import { aContainer, CLUSTER, REGION, taskArn, taskDefinitionArn } from '../../support/ecs-builders.ts';
import { fakeClients } from '../../support/fake-clients.ts';
import { fakeDeps } from '../../support/fake-deps.ts';
import { ecsWithTaskDefinitions } from '../../support/fake-ecs.ts';

// One-off tasks you can watch. Their awslogs lines in the job log while they run
// (one GetLogEvents per stream per poll), a task that outlives wait-timeout stopped, and a
// re-run of the step following the task an earlier attempt started. The ECS client is
// stubbed (fake-ecs.ts), CloudWatch Logs is a fake stream, the clock is fake.

const TASK_ID = 'abcdef0123456789abcdef0123456789';
const TASK_ARN = taskArn(TASK_ID);
const ARN = taskDefinitionArn('migrate', 3);
const INTERVAL = 5_000;
const LOG_REGION = 'eu-west-1';
const STREAM = `migrate/app/${TASK_ID}`;
const STEP = stepIdentityFor(['42', 'deploy', 'migrate', CLUSTER, 'migrate:3', ''], 2);

function definition(): TaskDefinitionDoc {
  return {
    family: 'migrate',
    networkMode: 'awsvpc',
    requiresCompatibilities: ['FARGATE'],
    cpu: '256',
    memory: '512',
    containerDefinitions: [
      {
        name: 'app',
        image: 'migrate:1',
        essential: true,
        logConfiguration: {
          logDriver: 'awslogs',
          options: {
            'awslogs-group': '/ecs/migrate',
            'awslogs-region': LOG_REGION,
            'awslogs-stream-prefix': 'migrate',
          },
        },
      },
      { name: 'log-router', image: 'fluent-bit:2', essential: false },
    ],
  };
}

const described = {
  taskDefinition: { taskDefinitionArn: ARN, revision: 3, status: 'ACTIVE', ...definition() },
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
const stopped = (exitCode: number | undefined, fields: Partial<Task> = {}): Task =>
  running({
    lastStatus: 'STOPPED',
    desiredStatus: 'STOPPED',
    stopCode: 'EssentialContainerExited',
    containers: [aContainer({ name: 'app', exitCode })],
    ...fields,
  });

const restores: Array<() => void> = [];
afterEach(() => {
  for (const restore of restores.splice(0)) restore();
});

/** A log stream as CloudWatch keeps it: absent until created, forward tokens `f/<count read>`. */
function fakeStream(pageSize = 10_000) {
  const events: string[] = [];
  let exists = false;
  return {
    write(...messages: string[]) {
      exists = true;
      events.push(...messages);
    },
    answer(input: GetLogEventsCommandInput) {
      if (!exists || input.logStreamName !== STREAM)
        throw new ResourceNotFoundException({ message: 'The specified log stream does not exist.', $metadata: {} });
      const from = input.nextToken === undefined ? 0 : Number(input.nextToken.slice(2));
      const page = events.slice(from, from + pageSize);
      // At the end of the stream GetLogEvents gives back the token it was given.
      return {
        events: page.map((message, i) => ({ message, timestamp: from + i })),
        nextForwardToken: `f/${from + page.length}`,
      };
    },
  };
}

/**
 * DescribeTasks answers `polls` in turn (the last repeats); before answering poll n
 * (1-based) it runs `at[n]`, e.g. a container writing log lines.
 */
function world(options: { polls: Task[]; at?: Record<number, () => void>; stream?: ReturnType<typeof fakeStream> }) {
  const { ecs, mock } = ecsWithTaskDefinitions({ 'migrate:3': described, [ARN]: described }, REGION);
  const logs = new CloudWatchLogsClient({ region: LOG_REGION });
  const logsMock = mockClient(logs);
  restores.push(
    () => mock.restore(),
    () => logsMock.restore(),
  );
  const stream = options.stream ?? fakeStream();
  logsMock.on(GetLogEventsCommand).callsFake((input: GetLogEventsCommandInput) => stream.answer(input));
  let polls = 0;
  mock.on(RunTaskCommand).resolves({ tasks: [running({ lastStatus: 'PROVISIONING' })], failures: [] });
  mock.on(DescribeTasksCommand).callsFake(() => {
    polls += 1;
    options.at?.[polls]?.();
    return { tasks: [options.polls[Math.min(polls, options.polls.length) - 1]], failures: [] };
  });
  const clients = fakeClients({ ecs, logs });
  const fake = fakeDeps(clients);
  return {
    ...fake,
    mock,
    logsMock,
    stream,
    clients,
    get polls() {
      return polls;
    },
    info: () => fake.messages('info'),
    getLogEvents: () => logsMock.commandCalls(GetLogEventsCommand).map((c) => c.args[0].input),
  };
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
    logs: true,
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

describe("the task's log lines in the job log (run-task-logs)", () => {
  it('prints lines written while the task runs before the STOPPED line, each once and in order, and the last ones after it', async () => {
    const w = world({
      polls: [running({ lastStatus: 'PENDING' }), running(), running(), running(), stopped(0)],
      at: {
        2: () => w.stream.write('migrating 1/2'),
        4: () => w.stream.write('migrating 2/2', 'done\n'),
        5: () => w.stream.write('bye'),
      },
    });

    const result = await run(w);

    expect(result.verdict).toEqual({ state: 'succeeded' });
    const lines = w.info().filter((l) => l.startsWith('app | ') || l === `task ${TASK_ID}: STOPPED`);
    expect(lines).toEqual([
      'app | migrating 1/2',
      'app | migrating 2/2',
      'app | done',
      `task ${TASK_ID}: STOPPED`,
      'app | bye',
    ]);
    expect(w.clients.logsRegions.every((r) => r === LOG_REGION)).toBe(true);
    expect(w.getLogEvents()[0]).toEqual({ logGroupName: '/ecs/migrate', logStreamName: STREAM, startFromHead: true });
  });

  it('sends at most one GetLogEvents per awslogs container per poll, none before the task started', async () => {
    const w = world({
      polls: [
        running({ lastStatus: 'PROVISIONING' }),
        running({ lastStatus: 'PENDING' }),
        running(),
        running(),
        running(),
        stopped(0),
      ],
      at: { 3: () => w.stream.write('x') },
    });

    await run(w);

    // Polls 3, 4 and 5 saw it RUNNING; after it stopped, the drain reads until the token repeats.
    const calls = w.getLogEvents();
    expect(calls).toHaveLength(3 + 1);
    expect(calls.map((c) => c.nextToken)).toEqual([undefined, 'f/1', 'f/1', 'f/1']);
  });

  it('keeps reading a stream that does not exist yet, without a warning, and says so once when it never appeared', async () => {
    const w = world({ polls: [running(), running(), stopped(0)] });

    const result = await run(w);

    expect(result.verdict).toEqual({ state: 'succeeded' });
    expect(w.messages('warning')).toEqual([]);
    expect(w.info()).toContain(
      `container app: no log stream ${STREAM} in group /ecs/migrate (${LOG_REGION}): the container wrote nothing, or never started`,
    );
  });

  it('says in one line that a container without awslogs is not in the job log', async () => {
    const w = world({ polls: [stopped(0)] });
    await run(w);
    expect(w.info().filter((l) => l.startsWith('container log-router:'))).toEqual([
      'container log-router: not in the job log: it has no logConfiguration',
    ]);
  });

  it('warns once naming logs:GetLogEvents and the group when reading is denied, reads no more, and the task still succeeds', async () => {
    const w = world({ polls: [running(), running(), running(), stopped(0)] });
    w.logsMock.on(GetLogEventsCommand).rejects(
      Object.assign(new Error('User is not authorized to perform: logs:GetLogEvents'), {
        name: 'AccessDeniedException',
      }),
    );

    const result = await run(w);

    expect(result.verdict).toEqual({ state: 'succeeded' });
    expect(w.getLogEvents()).toHaveLength(1);
    const warnings = w.messages('warning');
    expect(warnings).toHaveLength(1);
    expect(warnings[0]).toContain('logs:GetLogEvents on log group /ecs/migrate');
    expect(warnings[0]).toContain('User is not authorized');
  });

  it('reads nothing with run-task-logs false', async () => {
    const w = world({ polls: [running(), stopped(0)], at: { 1: () => w.stream.write('x') } });
    await run(w, { logs: false });
    expect(w.getLogEvents()).toEqual([]);
    expect(w.info().some((l) => l.startsWith('app | '))).toBe(false);
  });

  it(`reads a stream that filled pages, after the task stopped, at most ${DRAIN_PAGES} pages, and says the rest is in CloudWatch`, async () => {
    const stream = fakeStream(2);
    const w = world({
      polls: [running(), stopped(0)],
      stream,
      at: { 2: () => stream.write(...Array.from({ length: 2 * DRAIN_PAGES + 1 }, (_, i) => `line ${i}`)) },
    });

    await run(w);

    const printed = w.info().filter((l) => l.startsWith('app | '));
    expect(printed).toEqual(Array.from({ length: 2 * DRAIN_PAGES }, (_, i) => `app | line ${i}`));
    expect(
      w
        .info()
        .some((l) => l.includes(`read ${DRAIN_PAGES} pages after it stopped; any further lines are in CloudWatch`)),
    ).toBe(true);
  });
});

describe('a task still running at wait-timeout', () => {
  const timeout = { timeoutMs: 3 * INTERVAL, intervalMs: INTERVAL };

  it('is stopped once with a reason naming the action and the timeout, waited for, and reported as stopped', async () => {
    const w = world({
      polls: [
        running(),
        running(),
        running(),
        running(),
        running({ desiredStatus: 'STOPPED' }),
        stopped(143, { stopCode: 'UserInitiated', stoppedReason: 'image-deploy: wait-timeout 15s reached' }),
      ],
    });
    w.mock.on(StopTaskCommand).resolves({ task: running({ desiredStatus: 'STOPPED' }) });

    const result = await run(w, { wait: timeout });

    expect(w.mock.commandCalls(StopTaskCommand).map((c) => c.args[0].input)).toEqual([
      { cluster: CLUSTER, task: TASK_ARN, reason: 'image-deploy: wait-timeout 15s reached' },
    ]);
    expect(result).toMatchObject({ verdict: { state: 'failed', kind: 'timed-out' }, taskArn: TASK_ARN, exitCode: 143 });
    const text = failureText(result.verdict) ?? '';
    expect(text).toContain(
      `Task ${TASK_ID} (migrate:3) in cluster '${CLUSTER}' was still running at wait-timeout 15s, so it was stopped (StopTask); it has stopped.`,
    );
    expect(text).toContain('Timed out after 15s');
    expect(text).toContain('UserInitiated');
    expect(w.messages('warning')).toContain(
      `Task ${TASK_ID} is still running at wait-timeout 15s: stopping it (StopTask, reason 'image-deploy: wait-timeout 15s reached').`,
    );
  });

  it(`reports a task that has not stopped ${STOP_WAIT_MS / 1000}s after StopTask as asked to stop, with how to stop it`, async () => {
    const w = world({ polls: [running({ desiredStatus: 'STOPPED' })] });
    w.mock.on(StopTaskCommand).resolves({});

    const started = w.now();
    const result = await run(w, { wait: timeout });

    expect(w.mock.commandCalls(StopTaskCommand)).toHaveLength(1);
    const text = failureText(result.verdict) ?? '';
    expect(text).toContain('it was asked to stop (StopTask), but had not stopped 2m later');
    expect(text).toContain(`aws ecs stop-task --cluster ${CLUSTER} --task ${TASK_ARN}`);
    // Bounded: the wait-timeout, then the stop wait.
    expect(w.now() - started).toBe(timeout.timeoutMs + STOP_WAIT_MS);
  });

  it('says so when StopTask itself fails, and keeps the timeout verdict', async () => {
    const w = world({ polls: [running()] });
    w.mock
      .on(StopTaskCommand)
      .rejects(Object.assign(new Error('not authorized to perform ecs:StopTask'), { name: 'AccessDeniedException' }));

    const result = await run(w, { wait: timeout });

    expect(result.verdict).toMatchObject({ state: 'failed', kind: 'timed-out' });
    expect(failureText(result.verdict)).toContain('Stopping it failed (StopTask for');
    expect(failureText(result.verdict)).toContain('not authorized to perform ecs:StopTask');
  });
});

describe('a re-run of the step (a higher GITHUB_RUN_ATTEMPT)', () => {
  const tagged = (attempt: string, fields: Partial<Task> = {}): Task =>
    running({
      taskArn: taskArn('earlier'),
      tags: [
        { key: 'image-deploy:step', value: STEP.key },
        { key: 'image-deploy:attempt', value: attempt },
      ],
      ...fields,
    });

  it('follows the task an earlier attempt started while it still runs, and starts none', async () => {
    const w = world({ polls: [tagged('1'), tagged('1'), stopped(0, { taskArn: taskArn('earlier') })] });
    w.mock.on(ListTasksCommand).resolves({ taskArns: [taskArn('other'), taskArn('earlier')] });
    // The first DescribeTasks (with tags) answers the search; later ones the follow.

    const result = await run(w, { step: STEP });

    expect(w.mock.commandCalls(RunTaskCommand)).toHaveLength(0);
    expect(w.mock.commandCalls(ListTasksCommand).map((c) => c.args[0].input)).toEqual([
      { cluster: CLUSTER, startedBy: 'image-deploy' },
    ]);
    expect(w.mock.commandCalls(DescribeTasksCommand)[0]?.args[0].input).toMatchObject({
      include: ['TAGS'],
      tasks: [taskArn('other'), taskArn('earlier')],
    });
    expect(result).toMatchObject({ verdict: { state: 'succeeded' }, taskArn: taskArn('earlier'), changed: false });
    expect(w.info()).toContain(
      `Task ${taskArn('earlier')} (migrate:3), started by attempt 1 of this step, is still RUNNING: following it instead of starting another.`,
    );
  });

  it('starts a new task, tagged with the step and this attempt, when the earlier one has stopped', async () => {
    const w = world({ polls: [tagged('1', { lastStatus: 'STOPPED', desiredStatus: 'STOPPED' }), stopped(0)] });
    w.mock.on(ListTasksCommand).resolves({ taskArns: [taskArn('earlier')] });

    const result = await run(w, {
      step: STEP,
      tags: [{ key: 'team', value: 'data' }],
      propagateTags: 'TASK_DEFINITION',
      enableEcsManagedTags: true,
    });

    expect(result.verdict).toEqual({ state: 'succeeded' });
    expect(w.mock.commandCalls(RunTaskCommand).map((c) => c.args[0].input)).toEqual([
      expect.objectContaining({
        tags: [
          { key: 'team', value: 'data' },
          { key: 'image-deploy:step', value: STEP.key },
          { key: 'image-deploy:attempt', value: '2' },
        ],
        propagateTags: 'TASK_DEFINITION',
        enableECSManagedTags: true,
      }),
    ]);
    expect(w.info()).toContain(
      'No task an earlier attempt of this step started is running: starting a new one (attempt 2).',
    );
  });

  it('does not look on the first attempt', async () => {
    const w = world({ polls: [stopped(0)] });
    await run(w, { step: { ...STEP, attempt: 1 } });
    expect(w.mock.commandCalls(ListTasksCommand)).toHaveLength(0);
    expect(w.mock.commandCalls(RunTaskCommand)).toHaveLength(1);
  });

  it('fails before RunTask when it cannot look, naming the permissions', async () => {
    const w = world({ polls: [stopped(0)] });
    w.mock
      .on(ListTasksCommand)
      .rejects(Object.assign(new Error('not authorized to perform ecs:ListTasks'), { name: 'AccessDeniedException' }));

    const error = await run(w, { step: STEP }).catch((e: unknown) => e);

    expect(error).toBeInstanceOf(UserError);
    expect((error as Error).message).toContain(
      'Could not look for a task an earlier attempt of this step started (this is attempt 2)',
    );
    expect((error as Error).message).toContain('ecs:ListTasks and ecs:DescribeTasks');
    expect(w.mock.commandCalls(RunTaskCommand)).toHaveLength(0);
  });

  it('looks before registering anything: a failed look-up leaves no new revision', async () => {
    const w = world({ polls: [stopped(0)] });
    w.mock
      .on(RegisterTaskDefinitionCommand)
      .resolves({ taskDefinition: { taskDefinitionArn: taskDefinitionArn('migrate', 4) } });
    w.mock
      .on(ListTasksCommand)
      .rejects(Object.assign(new Error('not authorized to perform ecs:ListTasks'), { name: 'AccessDeniedException' }));
    // A new image: the plan needs a revision of its own.
    const image = { reference: 'migrate:2', repository: 'migrate', tag: '2' };
    const plan = await prepareRunTask(options({ step: STEP }), image, w.deps);
    expect(plan.taskDefinitionArn).toBeUndefined();

    const error = await applyRunTask(plan, w.deps).catch((e: unknown) => e);

    expect(error).toBeInstanceOf(UserError);
    expect(w.mock.commandCalls(RegisterTaskDefinitionCommand)).toHaveLength(0);
    expect(w.mock.commandCalls(RunTaskCommand)).toHaveLength(0);
  });
});
