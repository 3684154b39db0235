import {
  type Container,
  DescribeTaskDefinitionCommand,
  DescribeTasksCommand,
  type Failure,
  RegisterTaskDefinitionCommand,
  RunTaskCommand,
  type Task,
} from '@aws-sdk/client-ecs';
import { afterEach, describe, expect, it } from 'vitest';
import { UserError } from '../../../src/errors.ts';
import type { ResolvedImage } from '../../../src/plan/resolved-image.ts';
import type { Tag, TaskDefinitionDoc } from '../../../src/plan/task-definition-types.ts';
import { failureText } from '../../../src/plan/verdict.ts';
import type { RunTaskResult } from '../../../src/results.ts';
import type { RunTaskOptions } from '../../../src/settings.ts';
import { applyRunTask, prepareRunTask } from '../../../src/steps/run-task.ts';
import {
  ACCOUNT,
  aContainer,
  aStoppedTask,
  CLUSTER,
  REGION,
  taskArn,
  taskDefinitionArn,
} from '../../support/ecs-builders.ts';
import { fakeClients } from '../../support/fake-clients.ts';
import { fakeDeps } from '../../support/fake-deps.ts';
import { type DescribedJson, ecsWithTaskDefinitions } from '../../support/fake-ecs.ts';

// The step runs against a real ECSClient whose `send` is stubbed by aws-sdk-client-mock,
// except DescribeTaskDefinition: the adapter reads its raw JSON through a middleware that
// a stubbed `send` never runs, so that command goes to the client's real `send` and a fake
// HTTP handler answers it (as in ecs.test.ts). The mock still records it.

const SOURCE_ARN = taskDefinitionArn('migrate', 3);
const NEW_ARN = taskDefinitionArn('migrate', 4);
const REPOSITORY = `${ACCOUNT}.dkr.ecr.${REGION}.amazonaws.com/migrate`;
const OLD_IMAGE = `${REPOSITORY}:v1.2.2`;
const NEW_IMAGE = `${REPOSITORY}@sha256:${'b'.repeat(64)}`;
const TASK_ID = 'abcdef0123456789abcdef0123456789';
const TASK_ARN = taskArn(TASK_ID);
const TAGS: Tag[] = [{ key: 'team', value: 'data' }];
const TOKEN = 'image-deploy-0123456789abcdef';
const SUBNETS = ['subnet-0aaa1111', 'subnet-0bbb2222'];
const INTERVAL = 5_000;

// --- Task definitions ---------------------------------------------------------------------

function registerableMigrate(image = OLD_IMAGE): TaskDefinitionDoc {
  return {
    family: 'migrate',
    executionRoleArn: `arn:aws:iam::${ACCOUNT}:role/ecsTaskExecutionRole`,
    networkMode: 'awsvpc',
    requiresCompatibilities: ['FARGATE'],
    cpu: '256',
    memory: '512',
    containerDefinitions: [
      {
        name: 'app',
        image,
        essential: true,
        command: ['npm', 'start'],
        logConfiguration: {
          logDriver: 'awslogs',
          options: { 'awslogs-group': '/ecs/migrate', 'awslogs-region': REGION, 'awslogs-stream-prefix': 'migrate' },
        },
      },
      { name: 'log-router', image: 'public.ecr.aws/aws-observability/aws-for-fluent-bit:2', essential: false },
    ],
  };
}

function describedMigrate(
  revision: number,
  registerable: TaskDefinitionDoc = registerableMigrate(),
): TaskDefinitionDoc {
  return {
    taskDefinitionArn: taskDefinitionArn('migrate', revision),
    revision,
    status: 'ACTIVE',
    compatibilities: ['EC2', 'FARGATE'],
    ...registerable,
  };
}

const REGISTERED: Record<string, DescribedJson> = {
  'migrate:3': { taskDefinition: describedMigrate(3), tags: TAGS },
  // The family's latest revision is the same one.
  migrate: { taskDefinition: describedMigrate(3), tags: TAGS },
};

// --- Tasks --------------------------------------------------------------------------------

function aTask(lastStatus: string, overrides: Partial<Task> = {}): Task {
  return {
    taskArn: TASK_ARN,
    taskDefinitionArn: SOURCE_ARN,
    startedBy: 'image-deploy',
    lastStatus,
    desiredStatus: lastStatus === 'STOPPED' ? 'STOPPED' : 'RUNNING',
    containers: [],
    ...overrides,
  };
}

function stopped(containers: Container[], overrides: Partial<Task> = {}): Task {
  return aStoppedTask({
    taskArn: TASK_ARN,
    taskDefinitionArn: SOURCE_ARN,
    startedBy: 'image-deploy',
    containers,
    ...overrides,
  });
}

const exited = (name: string, exitCode: number | undefined, reason?: string): Container =>
  aContainer({ name, exitCode, ...(reason === undefined ? {} : { reason }) });

// --- Harness ------------------------------------------------------------------------------

const restores: Array<() => void> = [];
afterEach(() => {
  for (const restore of restores.splice(0)) restore();
});

function world(definitions: Record<string, DescribedJson> = REGISTERED) {
  const { ecs, mock } = ecsWithTaskDefinitions(definitions, REGION);
  restores.push(() => mock.restore());
  const fake = fakeDeps(fakeClients({ ecs }));

  return {
    mock,
    ...fake,
    /** RunTask starts the task; DescribeTasks answers each poll in turn (the last one repeats). */
    runs(...polls: Task[]) {
      mock.on(RunTaskCommand).resolves({ tasks: [aTask('PROVISIONING')], failures: [] });
      const behaviour = mock.on(DescribeTasksCommand);
      for (const poll of polls.slice(0, -1)) behaviour.resolvesOnce({ tasks: [poll], failures: [] });
      const last = polls.at(-1);
      if (last !== undefined) behaviour.resolves({ tasks: [last], failures: [] });
    },
    registers(arn = NEW_ARN) {
      mock.on(RegisterTaskDefinitionCommand).resolves({ taskDefinition: { taskDefinitionArn: arn } });
    },
    sent: {
      describeTaskDefinition: () => mock.commandCalls(DescribeTaskDefinitionCommand).map((call) => call.args[0].input),
      register: () => mock.commandCalls(RegisterTaskDefinitionCommand).map((call) => call.args[0].input),
      runTask: () => mock.commandCalls(RunTaskCommand).map((call) => call.args[0].input),
      describeTasks: () => mock.commandCalls(DescribeTasksCommand).map((call) => call.args[0].input),
    },
    mutatingCalls() {
      return mock.commandCalls(RegisterTaskDefinitionCommand).length + mock.commandCalls(RunTaskCommand).length;
    },
  };
}

type World = ReturnType<typeof world>;

function optionsFor(overrides: Partial<RunTaskOptions> = {}): RunTaskOptions {
  return {
    cluster: CLUSTER,
    source: { kind: 'registered', ref: 'migrate:3' },
    environment: [],
    network: { subnets: SUBNETS, securityGroups: ['sg-0ccc3333'], assignPublicIp: false },
    launch: { launchType: 'FARGATE' },
    startedBy: 'image-deploy',
    clientToken: TOKEN,
    logs: false,
    tags: [],
    enableEcsManagedTags: false,
    dryRun: false,
    wait: { timeoutMs: 600_000, intervalMs: INTERVAL },
    ...overrides,
  };
}

function imageOf(reference: string): ResolvedImage {
  return { reference, repository: REPOSITORY, digest: `sha256:${'b'.repeat(64)}` };
}

async function runTaskStep(
  w: World,
  options: Partial<RunTaskOptions> = {},
  image?: ResolvedImage,
  ecsArn?: string,
): Promise<RunTaskResult> {
  const plan = await prepareRunTask(optionsFor(options), image, w.deps);
  return applyRunTask(plan, w.deps, ecsArn);
}

const LOG_LINE = `container app: awslogs group /ecs/migrate, stream migrate/app/${TASK_ID} (${REGION})`;

// --- Tests --------------------------------------------------------------------------------

describe('a one-off task that exits 0', () => {
  it('logs the RunTask request at debug with the environment values hidden', async () => {
    const w = world();
    w.runs(aTask('PENDING'), stopped([exited('app', 0), exited('log-router', 0)]));

    await runTaskStep(w, { environment: [{ name: 'DB_PASSWORD', value: 'hunter2-secret' }] });

    expect(w.sent.runTask()[0]?.overrides?.containerOverrides?.[0]?.environment).toEqual([
      { name: 'DB_PASSWORD', value: 'hunter2-secret' },
    ]);
    const debug = w.messages('debug').filter((m) => m.startsWith('RunTask request:'));
    expect(debug).toHaveLength(1);
    expect(debug[0]).toContain('"name":"DB_PASSWORD","value":"(hidden)"');
    expect(w.log.map((l) => l.message).join('\n')).not.toContain('hunter2-secret');
  });

  it('runs the registered revision in private subnets with the overrides and succeeds', async () => {
    const w = world();
    w.runs(aTask('PENDING'), aTask('RUNNING'), stopped([exited('app', 0), exited('log-router', 0)]));

    const result = await runTaskStep(w, {
      command: ['npm', 'run', 'migrate'],
      environment: [{ name: 'DRY_RUN', value: 'false' }],
    });

    expect(w.sent.runTask()).toEqual([
      {
        cluster: CLUSTER,
        taskDefinition: SOURCE_ARN,
        count: 1,
        startedBy: 'image-deploy',
        clientToken: TOKEN,
        launchType: 'FARGATE',
        networkConfiguration: {
          awsvpcConfiguration: { subnets: SUBNETS, securityGroups: ['sg-0ccc3333'], assignPublicIp: 'DISABLED' },
        },
        overrides: {
          containerOverrides: [
            { name: 'app', command: ['npm', 'run', 'migrate'], environment: [{ name: 'DRY_RUN', value: 'false' }] },
          ],
        },
      },
    ]);
    expect(w.sent.register()).toEqual([]);
    expect(w.sent.describeTasks()).toEqual(Array.from({ length: 3 }, () => ({ cluster: CLUSTER, tasks: [TASK_ARN] })));
    expect(result).toMatchObject({
      cluster: CLUSTER,
      verdict: { state: 'succeeded' },
      changed: true,
      registered: false,
      taskDefinitionArn: SOURCE_ARN,
      taskArn: TASK_ARN,
      exitCode: 0,
    });
    expect(failureText(result.verdict)).toBeUndefined();
    expect(result.logs).toHaveLength(1);
    expect(result.logs[0]).toMatchObject({
      container: 'app',
      group: '/ecs/migrate',
      stream: `migrate/app/${TASK_ID}`,
      region: REGION,
    });
  });

  it('keeps an awslogs-region that is no region name out of every URL, and says why at debug', async () => {
    const bad = registerableMigrate();
    const [app] = bad.containerDefinitions as Array<Record<string, unknown>>;
    if (app !== undefined)
      app.logConfiguration = {
        logDriver: 'awslogs',
        options: {
          'awslogs-group': '/ecs/migrate',
          'awslogs-region': 'evil.example.com/x?',
          'awslogs-stream-prefix': 'migrate',
        },
      };
    const w = world({ 'migrate:3': { taskDefinition: describedMigrate(3, bad), tags: TAGS } });
    w.runs(aTask('PENDING'), stopped([exited('app', 0), exited('log-router', 0)]));

    const result = await runTaskStep(w);

    expect(result.logs).toEqual([
      { container: 'app', group: '/ecs/migrate', stream: `migrate/app/${TASK_ID}`, region: 'evil.example.com/x?' },
    ]);
    expect(w.log.map((l) => l.message).join('\n')).not.toMatch(/https:\/\/evil/);
    expect(w.messages('debug')).toContain(
      'container app: no CloudWatch console link: its log region is not an AWS region name (like eu-west-1), so it is kept out of every URL',
    );
  });

  it('prints a progress line each time the task status changes', async () => {
    const w = world();
    w.runs(
      aTask('PROVISIONING'),
      aTask('PROVISIONING'),
      aTask('PENDING'),
      aTask('RUNNING'),
      aTask('RUNNING'),
      aTask('DEPROVISIONING', { desiredStatus: 'STOPPED', stoppedReason: 'Essential container in task exited' }),
      stopped([exited('app', 0)]),
    );

    await runTaskStep(w);

    expect(w.messages('info').filter((line) => line.startsWith(`task ${TASK_ID}:`))).toEqual([
      `task ${TASK_ID}: PROVISIONING`,
      `task ${TASK_ID}: PENDING`,
      `task ${TASK_ID}: RUNNING`,
      `task ${TASK_ID}: DEPROVISIONING (stopping: Essential container in task exited)`,
      `task ${TASK_ID}: STOPPED`,
    ]);
  });

  it('keeps waiting while DescribeTasks does not list the new task yet', async () => {
    const w = world();
    w.mock.on(RunTaskCommand).resolves({ tasks: [aTask('PROVISIONING')], failures: [] });
    w.mock
      .on(DescribeTasksCommand)
      .resolvesOnce({ tasks: [], failures: [{ arn: TASK_ARN, reason: 'MISSING' }] })
      .resolves({ tasks: [stopped([exited('app', 0)])], failures: [] });

    const result = await runTaskStep(w);

    expect(result.verdict.state).toBe('succeeded');
    expect(w.sent.describeTasks()).toHaveLength(2);
  });

  it('succeeds with a warning when only a non-essential container exited non-zero', async () => {
    const w = world();
    w.runs(stopped([exited('app', 0), exited('log-router', 2, 'flush failed')]));

    const result = await runTaskStep(w);

    expect(result).toMatchObject({ verdict: { state: 'succeeded' }, exitCode: 0 });
    expect(w.messages('warning')).toEqual([
      `Task ${TASK_ID}: container 'log-router' is not essential and exited with code 2 (flush failed); it does not decide the verdict.`,
    ]);
  });
});

describe('a one-off task that fails', () => {
  it('fails with the exit code, the reasons and where the logs are', async () => {
    const w = world();
    w.runs(aTask('RUNNING'), stopped([exited('app', 1, 'migration 0042 failed'), exited('log-router', 0)]));

    const result = await runTaskStep(w);

    expect(result).toMatchObject({ verdict: { state: 'failed' }, changed: true, taskArn: TASK_ARN, exitCode: 1 });
    const failure = failureText(result.verdict) ?? '';
    expect(failure).toContain(
      `Task ${TASK_ID} (migrate:3) in cluster '${CLUSTER}' failed: essential container 'app' exited with code 1 (migration 0042 failed).`,
    );
    expect(failure).toContain(`task ${TASK_ID} stopped (EssentialContainerExited): Essential container in task exited`);
    expect(failure).toContain('container app: exit code 1 — migration 0042 failed');
    expect(failure).toContain(`logs of ${LOG_LINE}`);
    expect(failure).toContain(
      'https://us-east-1.console.aws.amazon.com/cloudwatch/home?region=us-east-1#logsV2:log-groups/log-group/$252Fecs$252Fmigrate/log-events/',
    );
    // The sidecar ended cleanly: it explains nothing.
    expect(failure).not.toContain('log-router');
  });

  it('fails when an essential container has no exit code, with the stop code and reason', async () => {
    const w = world();
    w.runs(
      stopped([exited('app', undefined, 'CannotPullContainerError: pull access denied')], {
        stopCode: 'TaskFailedToStart',
        stoppedReason: 'CannotPullContainerError: pull image manifest has been retried 5 time(s)',
      }),
    );

    const result = await runTaskStep(w);

    expect(result.verdict.state).toBe('failed');
    expect(result.exitCode).toBeUndefined();
    expect(failureText(result.verdict)).toContain(
      "essential container 'app' has no exit code (CannotPullContainerError: pull access denied)",
    );
    expect(failureText(result.verdict)).toContain(
      'stopped (TaskFailedToStart): CannotPullContainerError: pull image manifest has been retried 5 time(s)',
    );
  });

  it('fails without a task when RunTask answers with failures', async () => {
    const w = world();
    const failures: Failure[] = [
      { reason: 'RESOURCE:MEMORY', arn: `arn:aws:ecs:${REGION}:${ACCOUNT}:container-instance/${CLUSTER}/i-1` },
    ];
    w.mock.on(RunTaskCommand).resolves({ tasks: [], failures });

    const result = await runTaskStep(w);

    expect(result).toMatchObject({ verdict: { state: 'failed' }, changed: false, taskDefinitionArn: SOURCE_ARN });
    expect(result.taskArn).toBeUndefined();
    expect(failureText(result.verdict)).toBe(
      `RunTask started no task of migrate:3 in cluster '${CLUSTER}':\nRESOURCE:MEMORY (arn:aws:ecs:${REGION}:${ACCOUNT}:container-instance/${CLUSTER}/i-1)`,
    );
    expect(w.sent.describeTasks()).toEqual([]);
  });

  // A task still running at wait-timeout is stopped: run-task-watch.test.ts.
});

describe('the task definition to run', () => {
  it('registers a revision with the new image (same family, tags kept) and runs it', async () => {
    const w = world();
    w.registers();
    w.runs(stopped([exited('app', 0)], { taskDefinitionArn: NEW_ARN }));

    const result = await runTaskStep(w, {}, imageOf(NEW_IMAGE));

    expect(w.sent.register()).toEqual([{ ...registerableMigrate(NEW_IMAGE), tags: TAGS }]);
    expect(w.sent.runTask().map((input) => input.taskDefinition)).toEqual([NEW_ARN]);
    expect(result).toMatchObject({
      verdict: { state: 'succeeded' },
      registered: true,
      changed: true,
      taskDefinitionArn: NEW_ARN,
    });
    expect(w.messages('info')).toContain(`  container app image: ${OLD_IMAGE} -> ${NEW_IMAGE}`);
  });

  it('registers nothing when the image is the one the revision has', async () => {
    const w = world();
    w.runs(stopped([exited('app', 0)]));

    const result = await runTaskStep(w, {}, imageOf(OLD_IMAGE));

    expect(w.sent.register()).toEqual([]);
    expect(w.sent.runTask().map((input) => input.taskDefinition)).toEqual([SOURCE_ARN]);
    expect(result).toMatchObject({ registered: false, taskDefinitionArn: SOURCE_ARN });
  });

  it("reuses the family's latest revision when an earlier run registered the same rendering", async () => {
    const latest = { taskDefinition: describedMigrate(4, registerableMigrate(NEW_IMAGE)), tags: TAGS };
    const w = world({ ...REGISTERED, migrate: latest });
    w.runs(stopped([exited('app', 0)], { taskDefinitionArn: NEW_ARN }));

    const result = await runTaskStep(w, {}, imageOf(NEW_IMAGE));

    expect(w.sent.register()).toEqual([]);
    expect(w.sent.runTask().map((input) => input.taskDefinition)).toEqual([NEW_ARN]);
    expect(result).toMatchObject({ registered: false, taskDefinitionArn: NEW_ARN });
  });

  it('reuses a revision another job registered between planning and running', async () => {
    const definitions = { ...REGISTERED };
    const w = world(definitions);
    w.runs(stopped([exited('app', 0)], { taskDefinitionArn: NEW_ARN }));

    const plan = await prepareRunTask(optionsFor(), imageOf(NEW_IMAGE), w.deps);
    definitions.migrate = { taskDefinition: describedMigrate(4, registerableMigrate(NEW_IMAGE)), tags: TAGS };
    const result = await applyRunTask(plan, w.deps);

    expect(w.sent.register()).toEqual([]);
    expect(result).toMatchObject({ registered: false, taskDefinitionArn: NEW_ARN });
  });

  it('retries a registration ECS refuses because another one into the family is under way', async () => {
    const w = world();
    const busy = Object.assign(
      new Error('Too many concurrent attempts to create a new revision of the specified family.'),
      { name: 'ClientException' },
    );
    w.mock
      .on(RegisterTaskDefinitionCommand)
      .rejectsOnce(busy)
      .resolves({ taskDefinition: { taskDefinitionArn: NEW_ARN } });
    w.runs(stopped([exited('app', 0)], { taskDefinitionArn: NEW_ARN }));

    const result = await runTaskStep(w, {}, imageOf(NEW_IMAGE));

    expect(w.sent.register()).toHaveLength(2);
    expect(w.sleeps).toHaveLength(1);
    expect(result).toMatchObject({ verdict: { state: 'succeeded' }, registered: true, taskDefinitionArn: NEW_ARN });
  });

  it('registers a file of a new family, then runs it', async () => {
    const w = world({});
    w.registers(taskDefinitionArn('migrate', 1));
    w.runs(stopped([exited('app', 0)]));

    const result = await runTaskStep(w, {
      source: { kind: 'file', path: 'migrate.json', taskDefinition: registerableMigrate(), tags: TAGS },
    });

    expect(w.sent.describeTaskDefinition()).toEqual([
      { taskDefinition: 'migrate', include: ['TAGS'] },
      { taskDefinition: 'migrate', include: ['TAGS'] },
    ]);
    expect(w.sent.register()).toEqual([{ ...registerableMigrate(), tags: TAGS }]);
    expect(result).toMatchObject({
      verdict: { state: 'succeeded' },
      registered: true,
      taskDefinitionArn: taskDefinitionArn('migrate', 1),
    });
  });

  it("runs the revision the ecs mode registered (source 'ecs') and reads it for the verdict", async () => {
    const ecsArn = taskDefinitionArn('web', 6);
    const web = { ...registerableMigrate(), family: 'web', taskDefinitionArn: ecsArn };
    const w = world({ [ecsArn]: { taskDefinition: web } });
    w.runs(stopped([exited('app', 3)], { taskDefinitionArn: ecsArn }));

    const result = await runTaskStep(
      w,
      { source: { kind: 'ecs' }, command: ['rake', 'db:migrate'] },
      imageOf(NEW_IMAGE),
      ecsArn,
    );

    expect(w.sent.register()).toEqual([]);
    expect(w.sent.describeTaskDefinition()).toEqual([{ taskDefinition: ecsArn, include: ['TAGS'] }]);
    expect(w.sent.runTask()).toMatchObject([
      { taskDefinition: ecsArn, overrides: { containerOverrides: [{ name: 'app', command: ['rake', 'db:migrate'] }] } },
    ]);
    expect(result).toMatchObject({ verdict: { state: 'failed' }, exitCode: 3, taskDefinitionArn: ecsArn });
    expect(result.logs[0]).toMatchObject({ stream: `migrate/app/${TASK_ID}` });
  });
});

describe("source 'ecs' with several essential containers", () => {
  it('overrides the container the plan chose by the image, not the first essential one', async () => {
    const ecsArn = taskDefinitionArn('web', 6);
    const base = registerableMigrate(NEW_IMAGE);
    const web: TaskDefinitionDoc = {
      ...base,
      family: 'web',
      taskDefinitionArn: ecsArn,
      containerDefinitions: [
        { name: 'proxy', image: 'public.ecr.aws/nginx/nginx:1', essential: true },
        { name: 'app', image: NEW_IMAGE, essential: true },
      ],
    };
    const w = world({ [ecsArn]: { taskDefinition: web } });
    w.runs(stopped([exited('app', 0), exited('proxy', 0)], { taskDefinitionArn: ecsArn }));

    await runTaskStep(
      w,
      { source: { kind: 'ecs', taskDefinition: web }, command: ['rake', 'db:migrate'] },
      imageOf(NEW_IMAGE),
      ecsArn,
    );

    expect(w.sent.runTask()).toMatchObject([
      { overrides: { containerOverrides: [{ name: 'app', command: ['rake', 'db:migrate'] }] } },
    ]);
  });
});

describe('a dry run', () => {
  it.each<[string, ResolvedImage | undefined, string]>([
    ['with a new image', imageOf(NEW_IMAGE), ''],
    ['with the registered revision as it is', undefined, SOURCE_ARN],
  ])('plans %s and sends no RegisterTaskDefinition or RunTask', async (_name, image, arn) => {
    const w = world();

    const result = await runTaskStep(w, { dryRun: true }, image);

    expect(w.mutatingCalls()).toBe(0);
    expect(w.sent.describeTasks()).toEqual([]);
    expect(result).toMatchObject({ verdict: { state: 'planned' }, changed: false, taskDefinitionArn: arn, logs: [] });
  });

  it("plans source 'ecs' without the ARN the ecs mode would register", async () => {
    const w = world({});

    const result = await runTaskStep(w, { source: { kind: 'ecs' }, dryRun: true });

    expect(w.mutatingCalls()).toBe(0);
    expect(w.sent.describeTaskDefinition()).toEqual([]);
    expect(result).toMatchObject({ verdict: { state: 'planned' }, taskDefinitionArn: '' });
  });
});

describe('prepareRunTask refuses before anything changes', () => {
  async function rejection(w: World, options: Partial<RunTaskOptions>): Promise<Error> {
    const error: unknown = await prepareRunTask(optionsFor(options), undefined, w.deps).then(
      () => new Error('prepareRunTask did not throw'),
      (e: unknown) => e,
    );
    expect(error).toBeInstanceOf(UserError);
    expect(w.mutatingCalls()).toBe(0);
    return error as Error;
  }

  it.each<[string, Partial<RunTaskOptions>, string]>([
    ['Fargate without subnets', { network: undefined }, "Input 'subnets' is required: Fargate (launch type FARGATE)"],
    [
      "source 'ecs' on Fargate without subnets",
      { source: { kind: 'ecs' }, network: undefined },
      "Input 'subnets' is required",
    ],
    [
      'a container the definition does not have',
      { containerName: 'db', command: ['x'] },
      "Input 'run-task-container' ('db') names no container",
    ],
    [
      'a public IP on EC2',
      { launch: { launchType: 'EC2' }, network: { subnets: SUBNETS, securityGroups: [], assignPublicIp: true } },
      "Input 'assign-public-ip' is true",
    ],
    [
      'a task definition ECS does not know',
      { source: { kind: 'registered', ref: 'nope:1' } },
      "Input 'run-task-definition' ('nope:1') names no task definition ECS knows",
    ],
  ])('%s', async (_name, options, message) => {
    const w = world();
    expect((await rejection(w, options)).message).toContain(message);
  });
});
