// The ECS step's test world: a real ECSClient whose commands aws-sdk-client-mock answers,
// a fake clock, and builders for the task definitions and services the tests deploy.

import {
  ClientException,
  type Deployment,
  DescribeServicesCommand,
  type DescribeServicesCommandOutput,
  DescribeTaskDefinitionCommand,
  DescribeTasksCommand,
  ListTasksCommand,
  RegisterTaskDefinitionCommand,
  type Service,
  type Task,
  UpdateServiceCommand,
} from '@aws-sdk/client-ecs';
import type { StepDeps } from '../../src/deps.ts';
import type { Tag, TaskDefinitionDoc } from '../../src/plan/task-definition-types.ts';
import type { EcsResult } from '../../src/results.ts';
import type { EcsDeployOptions } from '../../src/settings.ts';
import { deployEcs } from '../../src/steps/ecs.ts';
import { ACCOUNT, aDeployment, aService, CLUSTER, REGION, taskDefinitionArn } from './ecs-builders.ts';
import { fakeClients } from './fake-clients.ts';
import { fakeDeps } from './fake-deps.ts';
import { type DescribedJson, ecsWithTaskDefinitions } from './fake-ecs.ts';

// The step runs against a real ECSClient whose `send` is stubbed by aws-sdk-client-mock.
// DescribeTaskDefinition is the exception: the adapter reads the raw response JSON through
// a middleware (to keep fields newer than the SDK), which a stubbed `send` never runs, so
// that one command is passed to the client's real `send` and answered by a fake HTTP
// handler. It is still recorded by the mock like every other command.

export const RUNNING_ARN = taskDefinitionArn('web', 5);
export const NEW_ARN = taskDefinitionArn('web', 6);
export const OLD_DEPLOYMENT = 'ecs-svc/0000000000000000000';
export const NEW_DEPLOYMENT = 'ecs-svc/1111111111111111111';
export const ROLLBACK_DEPLOYMENT = 'ecs-svc/9999999999999999999';
export const DEPLOY_STARTED = new Date('2025-01-02T12:00:00.000Z');
export const REPOSITORY = `${ACCOUNT}.dkr.ecr.${REGION}.amazonaws.com/web`;
export const APP_IMAGE = `${REPOSITORY}:v1.2.3`;
export const NEW_IMAGE = `${REPOSITORY}@sha256:${'a'.repeat(64)}`;
export const LOG_ROUTER_IMAGE = 'public.ecr.aws/aws-observability/aws-for-fluent-bit:2.32.0';
export const TAGS: Tag[] = [{ key: 'team', value: 'payments' }];
export const INTERVAL = 10_000;

// --- Task definitions ---------------------------------------------------------------------

export function appContainer(overrides: Record<string, unknown> = {}): Record<string, unknown> {
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

export function logRouterContainer(): Record<string, unknown> {
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
export function registerableWeb(overrides: TaskDefinitionDoc = {}): TaskDefinitionDoc {
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
export function describedWeb(revision: number, registerable: TaskDefinitionDoc = registerableWeb()): TaskDefinitionDoc {
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
export function runningService(overrides: Partial<Service> = {}): Service {
  return aService({
    taskDefinition: RUNNING_ARN,
    deployments: [
      aDeployment({ id: OLD_DEPLOYMENT, taskDefinition: RUNNING_ARN, createdAt: new Date('2024-12-01T10:00:00.000Z') }),
    ],
    ...overrides,
  });
}

export function ourDeployment(overrides: Partial<Deployment> = {}): Deployment {
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

export function draining(): Deployment {
  return aDeployment({ id: OLD_DEPLOYMENT, status: 'ACTIVE', taskDefinition: RUNNING_ARN });
}

/** Our deployment rolling out next to the old one still draining. */
export function rollingOut(ours: Partial<Deployment> = {}, more: Partial<Service> = {}): Service {
  // The draining deployment is listed first, so only picking PRIMARY finds ours.
  return aService({
    taskDefinition: ours.taskDefinition ?? NEW_ARN,
    deployments: [draining(), ourDeployment(ours)],
    ...more,
  });
}

/** Our deployment completed and alone. */
export function completed(ours: Partial<Deployment> = {}, more: Partial<Service> = {}): Service {
  return aService({
    taskDefinition: ours.taskDefinition ?? NEW_ARN,
    deployments: [ourDeployment({ rolloutState: 'COMPLETED', runningCount: 2, pendingCount: 0, ...ours })],
    ...more,
  });
}

export const servicesOf = (service: Service): DescribeServicesCommandOutput => ({
  services: [service],
  failures: [],
  $metadata: {},
});

// --- Harness ------------------------------------------------------------------------------

const restores: Array<() => void> = [];

/** Undoes every world's mock; each test file calls it in afterEach. */
export function restoreWorlds(): void {
  for (const restore of restores.splice(0)) restore();
}

/**
 * A step world: the ECS mock, a fake clock and a log. `definitions` maps the reference
 * DescribeTaskDefinition is asked for to the JSON AWS would send.
 */
export function world(
  definitions: Record<string, DescribedJson> = { [RUNNING_ARN]: { taskDefinition: describedWeb(5), tags: TAGS } },
) {
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

export function optionsFor(overrides: Partial<EcsDeployOptions> = {}): EcsDeployOptions {
  return {
    cluster: CLUSTER,
    services: ['web'],
    source: { kind: 'service' },
    environment: [],
    forceNewDeployment: false,
    dryRun: false,
    wait: { enabled: true, timeoutMs: 600_000, intervalMs: INTERVAL },
    maxFailedTasks: 5,
    waitUntil: 'completed',
    rollbackOnFailure: false,
    ...overrides,
  };
}

/** A world where the step can register, update and see the rollout complete at once. */
export function deployableWorld(definitions?: Record<string, DescribedJson>) {
  const w = world(definitions);
  w.servicePolls(runningService(), completed());
  w.registers();
  w.updates();
  return w;
}

// --- Tests --------------------------------------------------------------------------------

// --- Registering --------------------------------------------------------------------------

export const CONCURRENT = 'Too many concurrent attempts to create a new revision of the specified family.';

export function clientException(message: string): ClientException {
  return new ClientException({ message, $metadata: { httpStatusCode: 400 } });
}

/** web:6 as a run with cpu 1024 / memory 2048 would render it from web:5. */
export const resized = registerableWeb({ cpu: '1024', memory: '2048' });
export const RESIZED = { cpu: '1024', memory: '2048' };

/** The ecs step for the options' one service: that service's result. */
export async function deployService(options: EcsDeployOptions, deps: StepDeps): Promise<EcsResult> {
  const [result] = (await deployEcs(options, deps)).services;
  if (result === undefined) throw new Error('deployEcs gave no result for its one service');
  return result;
}
