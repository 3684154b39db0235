import {
  ClientException,
  ClusterNotFoundException,
  DescribeServicesCommand,
  DescribeTaskDefinitionCommand,
  DescribeTasksCommand,
  ListTasksCommand,
  RegisterTaskDefinitionCommand,
  UpdateServiceCommand,
  type Deployment,
  type DescribeServicesCommandOutput,
  type Service,
  type ServiceEvent,
  type Task,
} from '@aws-sdk/client-ecs';
import { afterEach, describe, expect, it } from 'vitest';
import { UserError } from '../../../src/errors.ts';
import type { Tag, TaskDefinitionDoc } from '../../../src/plan/task-definition.ts';
import { applyEcs, deployEcs, ensureRegistered, prepareEcs, type EcsDeployOptions, type EcsResult } from '../../../src/steps/ecs.ts';
import { fakeClients } from '../../support/fake-clients.ts';
import { fakeDeps } from '../../support/fake-deps.ts';
import { ecsWithTaskDefinitions, type DescribedJson } from '../../support/fake-ecs.ts';
import {
  ACCOUNT,
  CLUSTER,
  REGION,
  aContainer,
  aDeployment,
  aService,
  aServiceEvent,
  aStoppedTask,
  taskArn,
  taskDefinitionArn,
} from '../../support/ecs-builders.ts';

// The step runs against a real ECSClient whose `send` is stubbed by aws-sdk-client-mock.
// DescribeTaskDefinition is the exception: the adapter reads the raw response JSON through
// a middleware (to keep fields newer than the SDK), which a stubbed `send` never runs, so
// that one command is passed to the client's real `send` and answered by a fake HTTP
// handler. It is still recorded by the mock like every other command.

const RUNNING_ARN = taskDefinitionArn('web', 5);
const NEW_ARN = taskDefinitionArn('web', 6);
const OLD_DEPLOYMENT = 'ecs-svc/0000000000000000000';
const NEW_DEPLOYMENT = 'ecs-svc/1111111111111111111';
const ROLLBACK_DEPLOYMENT = 'ecs-svc/9999999999999999999';
const DEPLOY_STARTED = new Date('2025-01-02T12:00:00.000Z');
const REPOSITORY = `${ACCOUNT}.dkr.ecr.${REGION}.amazonaws.com/web`;
const APP_IMAGE = `${REPOSITORY}:v1.2.3`;
const NEW_IMAGE = `${REPOSITORY}@sha256:${'a'.repeat(64)}`;
const LOG_ROUTER_IMAGE = 'public.ecr.aws/aws-observability/aws-for-fluent-bit:2.32.0';
const TAGS: Tag[] = [{ key: 'team', value: 'payments' }];
const INTERVAL = 10_000;

// --- Task definitions ---------------------------------------------------------------------

function appContainer(overrides: Record<string, unknown> = {}): Record<string, unknown> {
  return {
    name: 'app',
    image: APP_IMAGE,
    essential: true,
    cpu: 0,
    portMappings: [{ containerPort: 8080, hostPort: 8080, protocol: 'tcp', name: 'http' }],
    environment: [{ name: 'LOG_LEVEL', value: 'info' }],
    mountPoints: [{ sourceVolume: 'scratch', containerPath: '/tmp/scratch', readOnly: false }],
    volumesFrom: [],
    logConfiguration: { logDriver: 'awsfirelens', options: { Name: 'cloudwatch' } },
    restartPolicy: { enabled: true, restartAttemptPeriod: 60 },
    someFutureField: 'inside a container',
    ...overrides,
  };
}

function logRouterContainer(): Record<string, unknown> {
  return {
    name: 'log-router',
    image: LOG_ROUTER_IMAGE,
    essential: false,
    cpu: 64,
    memoryReservation: 64,
    firelensConfiguration: { type: 'fluentbit' },
  };
}

/** What RegisterTaskDefinition accepts: everything a platform's definition may carry. */
function registerableWeb(overrides: TaskDefinitionDoc = {}): TaskDefinitionDoc {
  return {
    family: 'web',
    taskRoleArn: `arn:aws:iam::${ACCOUNT}:role/web-task`,
    executionRoleArn: `arn:aws:iam::${ACCOUNT}:role/ecsTaskExecutionRole`,
    networkMode: 'awsvpc',
    requiresCompatibilities: ['FARGATE'],
    cpu: '512',
    memory: '1024',
    runtimePlatform: { cpuArchitecture: 'ARM64', operatingSystemFamily: 'LINUX' },
    ephemeralStorage: { sizeInGiB: 30 },
    volumes: [{ name: 'scratch', host: {} }],
    enableFaultInjection: false,
    someFutureField: { mode: 'strict', level: 3 },
    containerDefinitions: [appContainer(), logRouterContainer()],
    ...overrides,
  };
}

/** As DescribeTaskDefinition returns it: with the describe-only fields. */
function describedWeb(revision: number, registerable: TaskDefinitionDoc = registerableWeb()): TaskDefinitionDoc {
  return {
    taskDefinitionArn: taskDefinitionArn('web', revision),
    revision,
    status: 'ACTIVE',
    requiresAttributes: [{ name: 'com.amazonaws.ecs.capability.task-iam-role' }],
    compatibilities: ['EC2', 'FARGATE'],
    registeredAt: 1735725600.5,
    registeredBy: `arn:aws:sts::${ACCOUNT}:assumed-role/platform/deployer`,
    ...registerable,
  };
}


// --- Services -----------------------------------------------------------------------------

/** The service before the deploy: web:5, one completed deployment. */
function runningService(overrides: Partial<Service> = {}): Service {
  return aService({
    taskDefinition: RUNNING_ARN,
    deployments: [aDeployment({ id: OLD_DEPLOYMENT, taskDefinition: RUNNING_ARN, createdAt: new Date('2024-12-01T10:00:00.000Z') })],
    ...overrides,
  });
}

function ourDeployment(overrides: Partial<Deployment> = {}): Deployment {
  return aDeployment({
    id: NEW_DEPLOYMENT,
    taskDefinition: NEW_ARN,
    rolloutState: 'IN_PROGRESS',
    rolloutStateReason: 'ECS deployment ecs-svc/1111111111111111111 in progress.',
    runningCount: 0,
    pendingCount: 2,
    createdAt: DEPLOY_STARTED,
    ...overrides,
  });
}

function draining(): Deployment {
  return aDeployment({ id: OLD_DEPLOYMENT, status: 'ACTIVE', taskDefinition: RUNNING_ARN });
}

/** Our deployment rolling out next to the old one still draining. */
function rollingOut(ours: Partial<Deployment> = {}, more: Partial<Service> = {}): Service {
  // The draining deployment is listed first, so only picking PRIMARY finds ours.
  return aService({ taskDefinition: ours.taskDefinition ?? NEW_ARN, deployments: [draining(), ourDeployment(ours)], ...more });
}

/** Our deployment completed and alone. */
function completed(ours: Partial<Deployment> = {}, more: Partial<Service> = {}): Service {
  return aService({
    taskDefinition: ours.taskDefinition ?? NEW_ARN,
    deployments: [ourDeployment({ rolloutState: 'COMPLETED', runningCount: 2, pendingCount: 0, ...ours })],
    ...more,
  });
}

const servicesOf = (service: Service): DescribeServicesCommandOutput => ({ services: [service], failures: [], $metadata: {} });

// --- Harness ------------------------------------------------------------------------------


const restores: Array<() => void> = [];
afterEach(() => {
  for (const restore of restores.splice(0)) restore();
});

/**
 * A step world: the ECS mock, a fake clock and a log. `definitions` maps the reference
 * DescribeTaskDefinition is asked for to the JSON AWS would send.
 */
function world(definitions: Record<string, DescribedJson> = { [RUNNING_ARN]: { taskDefinition: describedWeb(5), tags: TAGS } }) {
  const { ecs, mock } = ecsWithTaskDefinitions(definitions, 'us-east-1');
  restores.push(() => mock.restore());

  const fake = fakeDeps(fakeClients({ ecs }));
  const { deps, log } = fake;
  const { sleeps } = fake;

  return {
    mock,
    deps,
    sleeps,
    log,
    /** DescribeServices answers `before` for the step's describe, then each poll in turn (the last one repeats). */
    servicePolls(before: Service, ...polls: Service[]) {
      const behaviour = mock.on(DescribeServicesCommand).resolvesOnce(servicesOf(before));
      for (const poll of polls.slice(0, -1)) behaviour.resolvesOnce(servicesOf(poll));
      const last = polls.at(-1);
      if (last !== undefined) behaviour.resolves(servicesOf(last));
    },
    registers(arn = NEW_ARN) {
      mock.on(RegisterTaskDefinitionCommand).resolves({ taskDefinition: { taskDefinitionArn: arn } });
    },
    updates(service: Service = rollingOut()) {
      mock.on(UpdateServiceCommand).resolves({ service });
    },
    stoppedTasks(tasks: Task[]) {
      mock.on(ListTasksCommand).resolves({ taskArns: tasks.map((t) => t.taskArn ?? '') });
      mock.on(DescribeTasksCommand).resolves({ tasks });
    },
    /** The inputs of the commands sent, by command. */
    sent: {
      describeServices: () => mock.commandCalls(DescribeServicesCommand).map((call) => call.args[0].input),
      describeTaskDefinition: () => mock.commandCalls(DescribeTaskDefinitionCommand).map((call) => call.args[0].input),
      register: () => mock.commandCalls(RegisterTaskDefinitionCommand).map((call) => call.args[0].input),
      update: () => mock.commandCalls(UpdateServiceCommand).map((call) => call.args[0].input),
      listTasks: () => mock.commandCalls(ListTasksCommand).map((call) => call.args[0].input),
      describeTasks: () => mock.commandCalls(DescribeTasksCommand).map((call) => call.args[0].input),
    },
    mutatingCalls() {
      return mock.commandCalls(RegisterTaskDefinitionCommand).length + mock.commandCalls(UpdateServiceCommand).length;
    },
  };
}

function optionsFor(overrides: Partial<EcsDeployOptions> = {}): EcsDeployOptions {
  return {
    cluster: CLUSTER,
    service: 'web',
    source: { kind: 'service' },
    environment: [],
    forceNewDeployment: false,
    dryRun: false,
    wait: { enabled: true, timeoutMs: 600_000, intervalMs: INTERVAL },
    maxFailedTasks: 5,
    ...overrides,
  };
}

/** A world where the step can register, update and see the rollout complete at once. */
function deployableWorld(definitions?: Record<string, DescribedJson>) {
  const w = world(definitions);
  w.servicePolls(runningService(), completed());
  w.registers();
  w.updates();
  return w;
}

// --- Tests --------------------------------------------------------------------------------

describe('deployEcs with new cpu and memory for the running revision', () => {
  it('registers the described definition with only cpu and memory changed, updates the service to it and waits', async () => {
    const w = world();
    w.servicePolls(runningService(), rollingOut({ runningCount: 1, pendingCount: 1 }), completed());
    w.registers();
    w.updates();

    const result = await deployEcs(optionsFor({ cpu: '1024', memory: '2048' }), w.deps);

    expect(w.sent.register()).toEqual([
      { ...registerableWeb({ cpu: '1024', memory: '2048' }), tags: TAGS },
    ]);
    expect(w.sent.update()).toEqual([
      { cluster: CLUSTER, service: 'web', taskDefinition: NEW_ARN, forceNewDeployment: false },
    ]);
    expect(result).toMatchObject({
      verdict: 'succeeded',
      changed: true,
      registered: true,
      previousTaskDefinitionArn: RUNNING_ARN,
      taskDefinitionArn: NEW_ARN,
      deploymentId: NEW_DEPLOYMENT,
      diff: ['cpu: 512 -> 1024', 'memory: 1024 -> 2048'],
      before: { cpu: '512', memory: '1024' },
      after: { cpu: '1024', memory: '2048' },
    });
    expect(result.failure).toBeUndefined();
  });

  it('describes the revision the service runs, with its tags, then the family’s latest revision before registering', async () => {
    const w = deployableWorld();

    await deployEcs(optionsFor({ cpu: '1024', memory: '2048' }), w.deps);

    expect(w.sent.describeTaskDefinition()).toEqual([
      { taskDefinition: RUNNING_ARN, include: ['TAGS'] },
      { taskDefinition: 'web', include: ['TAGS'] },
    ]);
  });

  it('reports the previous revision as an ARN when the service names it as family:revision', async () => {
    const w = world({ 'web:5': { taskDefinition: describedWeb(5), tags: TAGS } });
    w.servicePolls(runningService({ taskDefinition: 'web:5' }), completed());
    w.registers();
    w.updates();

    const result = await deployEcs(optionsFor({ cpu: '1024', memory: '2048' }), w.deps);

    expect(w.sent.describeTaskDefinition()[0]).toEqual({ taskDefinition: 'web:5', include: ['TAGS'] });
    expect(result.previousTaskDefinitionArn).toBe(RUNNING_ARN);
  });

  it('measures how long the deploy took on the injected clock', async () => {
    const w = world();
    w.servicePolls(runningService(), rollingOut(), rollingOut({ runningCount: 1, pendingCount: 1 }), completed());
    w.registers();
    w.updates();

    const result = await deployEcs(optionsFor({ cpu: '1024', memory: '2048' }), w.deps);

    expect(result.durationMs).toBe(2 * INTERVAL);
  });
});

describe('deployEcs when nothing would change', () => {
  it.each<{ name: string; options: Partial<EcsDeployOptions> }>([
    { name: 'no overrides', options: {} },
    { name: 'the cpu and memory it already has', options: { cpu: '512', memory: '1024' } },
    { name: 'the image it already runs', options: { image: APP_IMAGE } },
    { name: 'the desired count it already has', options: { desiredCount: 2 } },
    { name: 'an environment variable it already has', options: { containerName: 'app', environment: [{ name: 'LOG_LEVEL', value: 'info' }] } },
  ])('registers nothing and updates nothing, given $name', async ({ options }) => {
    const w = world();
    w.servicePolls(runningService());

    const result = await deployEcs(optionsFor(options), w.deps);

    expect(w.mutatingCalls()).toBe(0);
    expect(w.sent.describeServices()).toHaveLength(1);
    expect(result).toMatchObject({
      verdict: 'unchanged',
      changed: false,
      registered: false,
      taskDefinitionArn: RUNNING_ARN,
      previousTaskDefinitionArn: RUNNING_ARN,
      diff: [],
    });
    expect(result.deploymentId).toBeUndefined();
  });
});

describe('deployEcs without a new revision', () => {
  it('forces a new deployment of the current revision when asked, without registering', async () => {
    const w = world();
    w.servicePolls(runningService(), completed({ taskDefinition: RUNNING_ARN }));
    w.updates(rollingOut({ taskDefinition: RUNNING_ARN }));

    const result = await deployEcs(optionsFor({ forceNewDeployment: true }), w.deps);

    expect(w.sent.register()).toEqual([]);
    expect(w.sent.update()).toEqual([
      { cluster: CLUSTER, service: 'web', taskDefinition: RUNNING_ARN, forceNewDeployment: true },
    ]);
    expect(result).toMatchObject({ verdict: 'succeeded', changed: true, registered: false, taskDefinitionArn: RUNNING_ARN });
  });

  it('updates only the desired count when that is the only change', async () => {
    const w = world();
    w.servicePolls(runningService(), completed({ taskDefinition: RUNNING_ARN, desiredCount: 4, runningCount: 4 }));
    w.updates(rollingOut({ taskDefinition: RUNNING_ARN, desiredCount: 4 }));

    const result = await deployEcs(optionsFor({ desiredCount: 4 }), w.deps);

    expect(w.sent.register()).toEqual([]);
    expect(w.sent.update()).toEqual([
      { cluster: CLUSTER, service: 'web', taskDefinition: RUNNING_ARN, forceNewDeployment: false, desiredCount: 4 },
    ]);
    expect(result).toMatchObject({ verdict: 'succeeded', changed: true, registered: false });
  });
});

describe('deployEcs in a dry run', () => {
  it('plans the change, shows the diff and sends nothing that changes AWS', async () => {
    const w = world();
    w.servicePolls(runningService());

    const result = await deployEcs(optionsFor({ cpu: '1024', memory: '2048', image: NEW_IMAGE, dryRun: true }), w.deps);

    expect(w.mutatingCalls()).toBe(0);
    expect(w.sent.describeServices()).toHaveLength(1);
    expect(result).toMatchObject({ verdict: 'planned', changed: false, registered: false, previousTaskDefinitionArn: RUNNING_ARN });
    expect(result.diff).toEqual(
      expect.arrayContaining([
        'cpu: 512 -> 1024',
        'memory: 1024 -> 2048',
        `containerDefinitions[app].image: ${APP_IMAGE} -> ${NEW_IMAGE}`,
      ]),
    );
    expect(result.after).toEqual({ cpu: '1024', memory: '2048', image: NEW_IMAGE });
  });
});

describe('deployEcs refuses before changing anything', () => {
  async function rejection(w: ReturnType<typeof world>, options: Partial<EcsDeployOptions>): Promise<Error> {
    const error: unknown = await deployEcs(optionsFor(options), w.deps).then(
      () => new Error('deployEcs resolved'),
      (e: unknown) => e,
    );
    if (!(error instanceof Error)) throw new Error(`deployEcs threw a non-error: ${String(error)}`);
    return error;
  }

  it('rejects a cpu and memory pair Fargate does not offer, naming the memory input', async () => {
    const w = world();
    w.servicePolls(runningService());

    const error = await rejection(w, { cpu: '1024', memory: '3000' });

    expect(error).toBeInstanceOf(UserError);
    expect(error.message).toContain("Input 'memory' (3000)");
    expect(error.message).toContain('1024');
    expect(w.mutatingCalls()).toBe(0);
  });

  it.each<{ name: string; response: DescribeServicesCommandOutput; suffix: string }>([
    {
      name: 'reports it MISSING',
      response: { services: [], failures: [{ arn: `arn:aws:ecs:${REGION}:${ACCOUNT}:service/${CLUSTER}/web`, reason: 'MISSING' }], $metadata: {} },
      suffix: ':',
    },
    { name: 'reports it INACTIVE', response: servicesOf(aService({ status: 'INACTIVE' })), suffix: ' (it is INACTIVE)' },
  ])('says the service was not found when ECS $name', async ({ response, suffix }) => {
    const w = world();
    w.mock.on(DescribeServicesCommand).resolves(response);

    const error = await rejection(w, { cpu: '1024', memory: '2048' });

    expect(error).toBeInstanceOf(UserError);
    expect(error.message).toContain(`Service 'web' was not found in cluster 'prod'${suffix}`);
    expect(w.sent.describeTaskDefinition()).toEqual([]);
    expect(w.mutatingCalls()).toBe(0);
  });

  it('says the cluster was not found, naming the input', async () => {
    const w = world();
    w.mock.on(DescribeServicesCommand).rejects(new ClusterNotFoundException({ message: 'Cluster not found.', $metadata: {} }));

    const error = await rejection(w, { cpu: '1024', memory: '2048' });

    expect(error).toBeInstanceOf(UserError);
    expect(error.message).toBe("Cluster 'prod' was not found: check input 'cluster' (a cluster name or ARN) and the region.");
    expect(w.mutatingCalls()).toBe(0);
  });

  it('says a task-definition family ECS does not know, naming the input', async () => {
    const w = world();
    w.servicePolls(runningService());

    const error = await rejection(w, { source: { kind: 'registered', ref: 'nowhere' } });

    expect(error).toBeInstanceOf(UserError);
    expect(error.message).toContain("Input 'task-definition' ('nowhere') names no task definition ECS knows");
    expect(error.message).toContain('check the family, revision and region');
    expect(w.mutatingCalls()).toBe(0);
  });

  it('lists the containers when container-name names none of them', async () => {
    const w = world();
    w.servicePolls(runningService());

    const error = await rejection(w, { containerName: 'api', image: NEW_IMAGE });

    expect(error).toBeInstanceOf(UserError);
    expect(error.message).toContain("Input 'container-name' ('api')");
    expect(error.message).toContain("'app', 'log-router'");
    expect(w.mutatingCalls()).toBe(0);
  });

  it('asks for container-name when no container uses the image repository', async () => {
    const w = world();
    w.servicePolls(runningService());

    const error = await rejection(w, { image: `${ACCOUNT}.dkr.ecr.${REGION}.amazonaws.com/other:v1` });

    expect(error).toBeInstanceOf(UserError);
    expect(error.message).toContain("set input 'container-name'");
    expect(w.mutatingCalls()).toBe(0);
  });
});

describe('deployEcs with a new image', () => {
  it.each([
    { name: 'listed first', containers: [appContainer(), logRouterContainer()], index: 0, other: 1 },
    { name: 'listed after a sidecar', containers: [logRouterContainer(), appContainer()], index: 1, other: 0 },
  ])('overrides the container whose repository matches, $name', async ({ containers, index, other }) => {
    const running = registerableWeb({ containerDefinitions: containers });
    const w = deployableWorld({ [RUNNING_ARN]: { taskDefinition: describedWeb(5, running), tags: TAGS } });

    const result = await deployEcs(optionsFor({ image: NEW_IMAGE }), w.deps);

    const [input] = w.sent.register();
    const sent = input?.containerDefinitions ?? [];
    expect(sent[index]).toEqual({ ...appContainer(), image: NEW_IMAGE });
    expect(sent[other]).toEqual(logRouterContainer());
    expect(result).toMatchObject({ verdict: 'succeeded', before: { image: APP_IMAGE }, after: { image: NEW_IMAGE } });
  });

  it('sets environment variables on the chosen container and keeps the others', async () => {
    const w = deployableWorld();

    await deployEcs(optionsFor({ image: NEW_IMAGE, environment: [{ name: 'LOG_LEVEL', value: 'debug' }, { name: 'RELEASE', value: 'v2' }] }), w.deps);

    const [input] = w.sent.register();
    expect(input?.containerDefinitions?.[0]?.environment).toEqual([
      { name: 'LOG_LEVEL', value: 'debug' },
      { name: 'RELEASE', value: 'v2' },
    ]);
    expect(input?.containerDefinitions?.[1]).toEqual(logRouterContainer());
  });
});

describe('deployEcs from another source than the running revision', () => {
  const web7 = registerableWeb({ containerDefinitions: [appContainer({ image: `${REPOSITORY}:v1.3.0` }), logRouterContainer()] });
  const definitions = {
    [RUNNING_ARN]: { taskDefinition: describedWeb(5), tags: TAGS },
    'web:7': { taskDefinition: describedWeb(7, web7), tags: TAGS },
  };

  it('points the service at a registered revision deployed as it is, without registering', async () => {
    const w = world(definitions);
    w.servicePolls(runningService(), completed({ taskDefinition: taskDefinitionArn('web', 7) }));
    w.updates(rollingOut({ taskDefinition: taskDefinitionArn('web', 7) }));

    const result = await deployEcs(optionsFor({ source: { kind: 'registered', ref: 'web:7' } }), w.deps);

    expect(w.sent.describeTaskDefinition()).toEqual([
      { taskDefinition: RUNNING_ARN, include: ['TAGS'] },
      { taskDefinition: 'web:7', include: ['TAGS'] },
    ]);
    expect(w.sent.register()).toEqual([]);
    expect(w.sent.update()).toEqual([
      { cluster: CLUSTER, service: 'web', taskDefinition: taskDefinitionArn('web', 7), forceNewDeployment: false },
    ]);
    expect(result).toMatchObject({ verdict: 'succeeded', changed: true, registered: false, taskDefinitionArn: taskDefinitionArn('web', 7) });
  });

  it('registers a new revision rendered from a registered one when overrides change it', async () => {
    const w = deployableWorld(definitions);

    await deployEcs(optionsFor({ source: { kind: 'registered', ref: 'web:7' }, cpu: '1024', memory: '2048' }), w.deps);

    expect(w.sent.register()).toEqual([{ ...web7, cpu: '1024', memory: '2048', tags: TAGS }]);
  });

  it('renders from the definition a file gave, with the file’s tags', async () => {
    const fromFile = registerableWeb({
      containerDefinitions: [appContainer({ image: `${REPOSITORY}:v0.9.0`, someFutureField: undefined }), logRouterContainer()],
      someFutureField: undefined,
      taskRoleArn: `arn:aws:iam::${ACCOUNT}:role/web-task-v2`,
    });
    const fileTags: Tag[] = [{ key: 'owner', value: 'ci' }];
    const w = deployableWorld();

    const result = await deployEcs(
      optionsFor({
        source: { kind: 'file', path: 'deploy/task-definition.json', taskDefinition: fromFile, tags: fileTags },
        image: NEW_IMAGE,
      }),
      w.deps,
    );

    const expectedContainers = [{ ...appContainer({ someFutureField: undefined }), image: NEW_IMAGE }, logRouterContainer()];
    expect(w.sent.register()).toEqual([
      { ...fromFile, containerDefinitions: expectedContainers, tags: fileTags },
    ]);
    expect(result).toMatchObject({ verdict: 'succeeded', registered: true, taskDefinitionArn: NEW_ARN, previousTaskDefinitionArn: RUNNING_ARN });
  });

  it('changes nothing when the file holds what the service already runs', async () => {
    const w = world();
    w.servicePolls(runningService());

    const result = await deployEcs(
      optionsFor({ source: { kind: 'file', path: 'td.json', taskDefinition: registerableWeb(), tags: TAGS } }),
      w.deps,
    );

    expect(w.mutatingCalls()).toBe(0);
    expect(result).toMatchObject({ verdict: 'unchanged', taskDefinitionArn: RUNNING_ARN });
  });
});

describe('deployEcs waiting for its deployment', () => {
  const changeSize = { cpu: '1024', memory: '2048' };

  it.each([1, 2, 4])('succeeds when the deployment completes on poll %i, polling once per interval', async (polls) => {
    const w = world();
    const inProgress = Array.from({ length: polls - 1 }, (_, i) => rollingOut({ runningCount: i % 2, pendingCount: 2 - (i % 2) }));
    w.servicePolls(runningService(), ...inProgress, completed());
    w.registers();
    w.updates();

    const result = await deployEcs(optionsFor(changeSize), w.deps);

    expect(result.verdict).toBe('succeeded');
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

    const result = await deployEcs(optionsFor(changeSize), w.deps);

    expect(result.verdict).toBe('succeeded');
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

    const result = await deployEcs(optionsFor(changeSize), w.deps);

    expect(result).toMatchObject({ verdict: 'failed', changed: true, deploymentId: NEW_DEPLOYMENT, taskDefinitionArn: NEW_ARN });
    expect(result.failure).toContain('ECS deployment circuit breaker: tasks failed to start.');
    expect(result.failure).toContain('Essential container in task exited');
    expect(result.failure).toContain('container app: exit code 137 — OutOfMemoryError: Container killed due to memory usage');
    // The sidecar is not essential and exited cleanly: it explains nothing.
    expect(result.failure).not.toContain('log-router');
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
      after: aService({ taskDefinition: RUNNING_ARN, deployments: [aDeployment({ id: ROLLBACK_DEPLOYMENT, taskDefinition: RUNNING_ARN })] }),
      mentions: [NEW_DEPLOYMENT, ROLLBACK_DEPLOYMENT, 'web:5'],
    },
    {
      name: 'FAILED with a rollback PRIMARY',
      after: aService({
        deployments: [
          aDeployment({ id: ROLLBACK_DEPLOYMENT, taskDefinition: RUNNING_ARN, rolloutState: 'IN_PROGRESS' }),
          ourDeployment({ status: 'ACTIVE', rolloutState: 'FAILED', rolloutStateReason: 'ECS deployment circuit breaker: tasks failed to start.' }),
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

    const result = await deployEcs(optionsFor(changeSize), w.deps);

    expect(result.verdict).toBe('failed');
    for (const text of mentions) expect(result.failure).toContain(text);
  });

  it('fails in the poll where failed tasks reach max-failed-tasks', async () => {
    const w = world();
    const crashing = [0, 1, 2].map((failedTasks) => rollingOut({ failedTasks }));
    // Had the step kept polling, it would have seen a completed deployment.
    w.servicePolls(runningService(), ...crashing, completed({ failedTasks: 2 }));
    w.registers();
    w.updates();
    w.stoppedTasks([aStoppedTask({ startedBy: NEW_DEPLOYMENT, stoppedReason: 'Essential container in task exited' })]);

    const result = await deployEcs(optionsFor({ ...changeSize, maxFailedTasks: 2 }), w.deps);

    expect(result.verdict).toBe('failed');
    expect(result.failure).toContain(`2 tasks of deployment ${NEW_DEPLOYMENT} failed (max-failed-tasks is 2)`);
    expect(result.failure).toContain('Essential container in task exited');
    expect(w.sent.describeServices()).toHaveLength(1 + 3);
    expect(w.sleeps).toEqual([INTERVAL, INTERVAL]);
  });

  it('looks up stopped tasks only when the failed count grows, and each task once', async () => {
    const w = world();
    const first = aStoppedTask({ taskArn: taskArn('11111111111111111111111111111111'), startedBy: NEW_DEPLOYMENT });
    const second = aStoppedTask({ taskArn: taskArn('22222222222222222222222222222222'), startedBy: NEW_DEPLOYMENT });
    const counts = [0, 1, 1, 1, 2, 2];
    w.servicePolls(runningService(), ...counts.map((failedTasks) => rollingOut({ failedTasks })), completed({ failedTasks: 2 }));
    w.registers();
    w.updates();
    w.mock
      .on(ListTasksCommand)
      .resolvesOnce({ taskArns: [first.taskArn ?? ''] })
      .resolves({ taskArns: [second.taskArn ?? '', first.taskArn ?? ''] });
    w.mock.on(DescribeTasksCommand).resolvesOnce({ tasks: [first] }).resolves({ tasks: [second] });

    const result = await deployEcs(optionsFor({ ...changeSize, maxFailedTasks: 0 }), w.deps);

    expect(result.verdict).toBe('succeeded');
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

    const result: EcsResult = await deployEcs(
      optionsFor({ ...changeSize, wait: { enabled: true, timeoutMs: 3 * INTERVAL, intervalMs: INTERVAL } }),
      w.deps,
    );

    // The step reports the timeout as a failed verdict (it keeps the deployment id) rather than throwing.
    expect(result).toMatchObject({ verdict: 'failed', deploymentId: NEW_DEPLOYMENT });
    expect(result.failure).toContain(`Timed out after 30s waiting for deployment ${NEW_DEPLOYMENT} of service 'web'`);
    expect(result.failure).toContain(
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

    const result = await deployEcs(optionsFor({ ...changeSize, wait: { enabled: false, timeoutMs: 600_000, intervalMs: INTERVAL } }), w.deps);

    expect(result).toMatchObject({ verdict: 'started', changed: true, deploymentId: NEW_DEPLOYMENT, taskDefinitionArn: NEW_ARN });
    expect(w.sent.update()).toHaveLength(1);
    expect(w.sent.describeServices()).toHaveLength(1);
    expect(w.sleeps).toEqual([]);
  });

  it('logs each service event since the deployment started once, oldest first', async () => {
    const at = (seconds: number) => new Date(DEPLOY_STARTED.getTime() + seconds * 1000);
    const before = aServiceEvent({ id: 'e0', createdAt: at(-60), message: '(service web) has reached a steady state.' });
    const started = aServiceEvent({ id: 'e1', createdAt: at(5), message: '(service web) has started 2 tasks: (task a) (task b).' });
    const registered = aServiceEvent({ id: 'e2', createdAt: at(40), message: '(service web) registered 2 targets in (target-group web).' });
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

    await deployEcs(optionsFor(changeSize), w.deps);

    const events = w.log.filter((line) => line.message.includes('event: ')).map((line) => line.message);
    expect(events).toEqual([
      `${at(5).toISOString()} event: (service web) has started 2 tasks: (task a) (task b).`,
      `${at(40).toISOString()} event: (service web) registered 2 targets in (target-group web).`,
      `${at(80).toISOString()} event: (service web) has reached a steady state.`,
    ]);
  });
});

// --- Registering: concurrent registrations, reuse, registering early ---------------------

const CONCURRENT = 'Too many concurrent attempts to create a new revision of the specified family.';

function clientException(message: string): ClientException {
  return new ClientException({ message, $metadata: { httpStatusCode: 400 } });
}

/** web:6 as a run with cpu 1024 / memory 2048 would render it from web:5. */
const resized = registerableWeb({ cpu: '1024', memory: '2048' });
const RESIZED = { cpu: '1024', memory: '2048' };

describe('deployEcs when ECS refuses a concurrent registration into the family', () => {
  it('retries RegisterTaskDefinition with backoff and deploys the revision it got', async () => {
    const w = world();
    w.servicePolls(runningService(), completed());
    w.mock
      .on(RegisterTaskDefinitionCommand)
      .rejectsOnce(clientException(CONCURRENT))
      .rejectsOnce(clientException(CONCURRENT))
      .resolves({ taskDefinition: { taskDefinitionArn: NEW_ARN } });
    w.updates();

    const result = await deployEcs(optionsFor(RESIZED), w.deps);

    expect(w.sent.register()).toHaveLength(3);
    expect(w.sent.update()).toEqual([{ cluster: CLUSTER, service: 'web', taskDefinition: NEW_ARN, forceNewDeployment: false }]);
    expect(result).toMatchObject({ verdict: 'succeeded', registered: true, taskDefinitionArn: NEW_ARN });
    const retries = w.log.filter((l) => l.message.includes('another revision of the family is being registered'));
    expect(retries.map((l) => l.message)).toEqual([
      expect.stringContaining('attempt 2 in'),
      expect.stringContaining('attempt 3 in'),
    ]);
    // It waited between attempts (on the fake clock), rather than hammering ECS.
    expect(w.sleeps).toHaveLength(2);
  });

  it('throws any other ClientException at once, without updating the service', async () => {
    const w = world();
    w.servicePolls(runningService());
    w.mock.on(RegisterTaskDefinitionCommand).rejects(clientException('Invalid setting for container app: memoryReservation.'));

    const error = await deployEcs(optionsFor(RESIZED), w.deps).then(
      () => undefined,
      (e: unknown) => e,
    );

    expect(String(error)).toContain('Invalid setting for container app');
    expect(w.sent.register()).toHaveLength(1);
    expect(w.sent.update()).toEqual([]);
    expect(w.sleeps).toEqual([]);
  });

  it('gives up once the wait timeout has passed, saying how often it tried and why', async () => {
    const w = world();
    w.servicePolls(runningService());
    w.mock.on(RegisterTaskDefinitionCommand).rejects(clientException(CONCURRENT));

    const error = await deployEcs(optionsFor({ ...RESIZED, wait: { enabled: true, timeoutMs: 20_000, intervalMs: INTERVAL } }), w.deps).then(
      () => undefined,
      (e: unknown) => e,
    );

    const attempts = w.sent.register().length;
    expect(attempts).toBeGreaterThan(1);
    expect(String(error)).toContain(`RegisterTaskDefinition for family 'web' still failed after ${attempts} attempts`);
    expect(String(error)).toContain(CONCURRENT);
    expect(w.sent.update()).toEqual([]);
    // Never slept past the deadline.
    expect(w.sleeps.reduce((sum, ms) => sum + ms, 0)).toBeLessThanOrEqual(20_000);
  });

  it('deploys the revision a parallel job registered meanwhile when it is the same, instead of registering again', async () => {
    const definitions: Record<string, DescribedJson> = { [RUNNING_ARN]: { taskDefinition: describedWeb(5), tags: TAGS } };
    const w = world(definitions);
    w.servicePolls(runningService(), completed());
    w.mock.on(RegisterTaskDefinitionCommand).callsFakeOnce(() => {
      definitions['web'] = { taskDefinition: describedWeb(6, resized), tags: TAGS };
      throw clientException(CONCURRENT);
    });
    w.updates();

    const result = await deployEcs(optionsFor(RESIZED), w.deps);

    expect(w.sent.register()).toHaveLength(1);
    expect(w.sent.describeTaskDefinition().filter((input) => input.taskDefinition === 'web')).toHaveLength(2);
    expect(w.sent.update()).toEqual([{ cluster: CLUSTER, service: 'web', taskDefinition: NEW_ARN, forceNewDeployment: false }]);
    expect(result).toMatchObject({ verdict: 'succeeded', changed: true, registered: false, taskDefinitionArn: NEW_ARN });
  });
});

describe('deployEcs when the answer to RegisterTaskDefinition is lost', () => {
  it('finds the revision the lost call made and deploys it, instead of registering a twin', async () => {
    const definitions: Record<string, DescribedJson> = { [RUNNING_ARN]: { taskDefinition: describedWeb(5), tags: TAGS } };
    const w = world(definitions);
    w.servicePolls(runningService(), completed());
    w.mock.on(RegisterTaskDefinitionCommand).callsFakeOnce(() => {
      // ECS applied it; the connection broke before the answer arrived.
      definitions['web'] = { taskDefinition: describedWeb(6, resized), tags: TAGS };
      throw Object.assign(new Error('socket hang up'), { code: 'ECONNRESET' });
    });
    w.updates();

    const result = await deployEcs(optionsFor(RESIZED), w.deps);

    expect(w.sent.register()).toHaveLength(1);
    expect(w.sent.update()).toEqual([{ cluster: CLUSTER, service: 'web', taskDefinition: NEW_ARN, forceNewDeployment: false }]);
    expect(result).toMatchObject({ verdict: 'succeeded', taskDefinitionArn: NEW_ARN });
    expect(w.log.some((l) => l.message.includes('the connection failed'))).toBe(true);
  });

  it('registers again after throttling that did not register anything', async () => {
    const w = world();
    w.servicePolls(runningService(), completed());
    w.mock
      .on(RegisterTaskDefinitionCommand)
      .rejectsOnce(Object.assign(new Error('Rate exceeded'), { name: 'ThrottlingException', $metadata: { httpStatusCode: 400 } }))
      .resolves({ taskDefinition: { taskDefinitionArn: NEW_ARN } });
    w.updates();

    const result = await deployEcs(optionsFor(RESIZED), w.deps);

    expect(w.sent.register()).toHaveLength(2);
    expect(result).toMatchObject({ verdict: 'succeeded', registered: true, taskDefinitionArn: NEW_ARN });
  });
});

describe('deployEcs after a run that registered and was killed before updating the service', () => {
  it('reuses the family’s latest revision when it is what was rendered: no second RegisterTaskDefinition', async () => {
    const w = world({
      [RUNNING_ARN]: { taskDefinition: describedWeb(5), tags: TAGS },
      web: { taskDefinition: describedWeb(6, resized), tags: TAGS },
    });
    w.servicePolls(runningService(), completed());
    w.registers(taskDefinitionArn('web', 7));
    w.updates();

    const result = await deployEcs(optionsFor(RESIZED), w.deps);

    expect(w.sent.register()).toEqual([]);
    expect(w.sent.update()).toEqual([{ cluster: CLUSTER, service: 'web', taskDefinition: NEW_ARN, forceNewDeployment: false }]);
    expect(result).toMatchObject({ verdict: 'succeeded', changed: true, registered: false, taskDefinitionArn: NEW_ARN, previousTaskDefinitionArn: RUNNING_ARN });
    expect(w.log.map((l) => l.message)).toContainEqual(expect.stringContaining(`Reusing ${NEW_ARN}`));
  });

  it.each<{ name: string; latest: DescribedJson }>([
    { name: 'is the running one', latest: { taskDefinition: describedWeb(5), tags: TAGS } },
    { name: 'has another memory', latest: { taskDefinition: describedWeb(6, registerableWeb({ cpu: '1024', memory: '3072' })), tags: TAGS } },
    { name: 'has other tags', latest: { taskDefinition: describedWeb(6, resized), tags: [{ key: 'team', value: 'search' }] } },
  ])('registers a new revision when the latest one $name', async ({ latest }) => {
    const w = world({ [RUNNING_ARN]: { taskDefinition: describedWeb(5), tags: TAGS }, web: latest });
    w.servicePolls(runningService(), completed({ taskDefinition: taskDefinitionArn('web', 7) }));
    w.registers(taskDefinitionArn('web', 7));
    w.updates(rollingOut({ taskDefinition: taskDefinitionArn('web', 7) }));

    const result = await deployEcs(optionsFor(RESIZED), w.deps);

    expect(w.sent.register()).toEqual([{ ...resized, tags: TAGS }]);
    expect(result).toMatchObject({ registered: true, taskDefinitionArn: taskDefinitionArn('web', 7) });
  });
});

describe('deployEcs after a run that was killed while waiting for its deployment', () => {
  /** The service as the killed run left it: on web:6, its deployment rolling out. */
  const definitions = (): Record<string, DescribedJson> => ({ [NEW_ARN]: { taskDefinition: describedWeb(6, resized), tags: TAGS } });

  it('follows the deployment in progress to its end instead of starting another', async () => {
    const w = world(definitions());
    w.servicePolls(rollingOut(), rollingOut({ runningCount: 1, pendingCount: 1 }), completed());

    const result = await deployEcs(optionsFor(RESIZED), w.deps);

    expect(w.mutatingCalls()).toBe(0);
    expect(result).toMatchObject({
      verdict: 'succeeded',
      changed: false,
      registered: false,
      deploymentId: NEW_DEPLOYMENT,
      taskDefinitionArn: NEW_ARN,
      previousTaskDefinitionArn: NEW_ARN,
    });
    expect(w.sent.describeServices()).toHaveLength(1 + 2);
    expect(w.log.map((l) => l.message)).toContainEqual(
      `Nothing to change, but deployment ${NEW_DEPLOYMENT} of web:6 to service 'web' is still in progress (a stopped run of this deploy, most likely): picking it up and following it.`,
    );
  });

  it('reports the failure of the deployment it picked up', async () => {
    const w = world(definitions());
    w.servicePolls(
      rollingOut(),
      aService({
        taskDefinition: RUNNING_ARN,
        deployments: [
          aDeployment({ id: ROLLBACK_DEPLOYMENT, taskDefinition: RUNNING_ARN, rolloutState: 'IN_PROGRESS' }),
          ourDeployment({ status: 'ACTIVE', rolloutState: 'FAILED', rolloutStateReason: 'ECS deployment circuit breaker: tasks failed to start.' }),
        ],
      }),
    );
    w.stoppedTasks([]);

    const result = await deployEcs(optionsFor(RESIZED), w.deps);

    expect(w.mutatingCalls()).toBe(0);
    expect(result).toMatchObject({ verdict: 'failed', changed: false, deploymentId: NEW_DEPLOYMENT });
    expect(result.failure).toContain('circuit breaker');
  });

  it.each<{ name: string; options: Partial<EcsDeployOptions>; says: string }>([
    { name: 'in a dry run', options: { dryRun: true }, says: 'Dry run: nothing to change, but deployment' },
    { name: 'with wait off', options: { wait: { enabled: false, timeoutMs: 600_000, intervalMs: INTERVAL } }, says: "(not waiting: 'wait' is false)" },
  ])('only says the deployment is in progress $name', async ({ options, says }) => {
    const w = world(definitions());
    w.servicePolls(rollingOut());

    const result = await deployEcs(optionsFor({ ...RESIZED, ...options }), w.deps);

    expect(w.mutatingCalls()).toBe(0);
    expect(w.sent.describeServices()).toHaveLength(1);
    expect(result).toMatchObject({ verdict: 'unchanged', changed: false, deploymentId: NEW_DEPLOYMENT });
    expect(w.log.map((l) => l.message)).toContainEqual(expect.stringContaining(says));
  });

  it('fails, changing nothing, when the service is set to the target but its deployment of it FAILED without a rollback', async () => {
    const w = world(definitions());
    const reason = 'ECS deployment circuit breaker: tasks failed to start.';
    w.servicePolls(aService({ taskDefinition: NEW_ARN, deployments: [ourDeployment({ rolloutState: 'FAILED', rolloutStateReason: reason, runningCount: 0 })] }));

    const result = await deployEcs(optionsFor(RESIZED), w.deps);

    expect(w.mutatingCalls()).toBe(0);
    expect(result).toMatchObject({ verdict: 'failed', changed: false, deploymentId: NEW_DEPLOYMENT });
    expect(result.failure).toBe(
      `Service 'web' is set to web:6, but its deployment ${NEW_DEPLOYMENT} of it FAILED (${reason}) and was not rolled back: nothing was changed. Fix the cause, then set 'force-new-deployment: true' to roll it out again.`,
    );
  });

  it('only warns about such a failed deployment in a dry run', async () => {
    const w = world(definitions());
    w.servicePolls(aService({ taskDefinition: NEW_ARN, deployments: [ourDeployment({ rolloutState: 'FAILED', rolloutStateReason: undefined, runningCount: 0 })] }));

    const result = await deployEcs(optionsFor({ ...RESIZED, dryRun: true }), w.deps);

    expect(result).toMatchObject({ verdict: 'unchanged', changed: false });
    expect(w.log.filter((l) => l.level === 'warning').map((l) => l.message)).toEqual([expect.stringContaining('FAILED (no reason given)')]);
  });

  it('starts a new deployment when force-new-deployment is asked for, even with one in progress', async () => {
    const w = world(definitions());
    w.servicePolls(rollingOut(), completed({ id: ROLLBACK_DEPLOYMENT }));
    w.updates(rollingOut({ id: ROLLBACK_DEPLOYMENT }));

    const result = await deployEcs(optionsFor({ ...RESIZED, forceNewDeployment: true }), w.deps);

    expect(w.sent.update()).toEqual([{ cluster: CLUSTER, service: 'web', taskDefinition: NEW_ARN, forceNewDeployment: true }]);
    expect(result).toMatchObject({ verdict: 'succeeded', changed: true, deploymentId: ROLLBACK_DEPLOYMENT });
  });
});

describe('ensureRegistered (run-task runs the revision ecs deploys)', () => {
  it('registers before applyEcs, which then deploys that revision without registering again', async () => {
    const w = deployableWorld();
    const prepared = await prepareEcs(optionsFor(RESIZED), w.deps);

    const arn = await ensureRegistered(prepared, w.deps);
    expect(w.sent.register()).toHaveLength(1);
    expect(w.sent.update()).toEqual([]);
    const result = await applyEcs(prepared, w.deps);

    expect(arn).toBe(NEW_ARN);
    expect(w.sent.register()).toEqual([{ ...resized, tags: TAGS }]);
    expect(w.sent.update()).toEqual([{ cluster: CLUSTER, service: 'web', taskDefinition: NEW_ARN, forceNewDeployment: false }]);
    expect(result).toMatchObject({ verdict: 'succeeded', registered: true, taskDefinitionArn: NEW_ARN });
  });

  it('registers once when called twice', async () => {
    const w = deployableWorld();
    const prepared = await prepareEcs(optionsFor(RESIZED), w.deps);

    const arns = [await ensureRegistered(prepared, w.deps), await ensureRegistered(prepared, w.deps)];

    expect(arns).toEqual([NEW_ARN, NEW_ARN]);
    expect(w.sent.register()).toHaveLength(1);
  });

  it('returns the identical latest revision it reuses', async () => {
    const w = world({ [RUNNING_ARN]: { taskDefinition: describedWeb(5), tags: TAGS }, web: { taskDefinition: describedWeb(6, resized), tags: TAGS } });
    w.servicePolls(runningService());
    const prepared = await prepareEcs(optionsFor(RESIZED), w.deps);

    expect(await ensureRegistered(prepared, w.deps)).toBe(NEW_ARN);
    expect(w.sent.register()).toEqual([]);
  });

  it.each<{ name: string; options: Partial<EcsDeployOptions>; definitions?: Record<string, DescribedJson>; expected: string }>([
    { name: 'the running revision when nothing changes', options: {}, expected: RUNNING_ARN },
    { name: 'the running revision for a forced redeploy', options: { forceNewDeployment: true }, expected: RUNNING_ARN },
    {
      name: 'a registered source deployed as it is',
      options: { source: { kind: 'registered', ref: 'web:7' } },
      definitions: { [RUNNING_ARN]: { taskDefinition: describedWeb(5), tags: TAGS }, 'web:7': { taskDefinition: describedWeb(7, resized), tags: TAGS } },
      expected: taskDefinitionArn('web', 7),
    },
    { name: "'(new revision)' in a dry run that would register", options: { ...RESIZED, dryRun: true }, expected: '(new revision)' },
    { name: 'the running revision in a dry run that would only redeploy', options: { forceNewDeployment: true, dryRun: true }, expected: RUNNING_ARN },
  ])('returns $name, registering nothing', async ({ options, definitions, expected }) => {
    const w = world(definitions);
    w.servicePolls(runningService());
    const prepared = await prepareEcs(optionsFor(options), w.deps);

    expect(await ensureRegistered(prepared, w.deps)).toBe(expected);
    expect(w.mutatingCalls()).toBe(0);
  });
});
