// ECS Express Mode services (recognised by plan/ecs-controller.ts): the UpdateExpressGatewayService
// request that applies the step's image, task cpu/memory and environment to it while
// keeping everything else as the service has it. Pure: the Express service's JSON (as
// DescribeExpressGatewayService sent it) and the step's inputs in, the request out.
//
// Shapes from @aws-sdk/client-ecs 3.1164 (dist-types/models: ECSExpressGatewayService,
// ExpressGatewayServiceConfiguration, ExpressGatewayContainer,
// UpdateExpressGatewayServiceRequest) and the API reference page
// API_UpdateExpressGatewayService; the botocore model installed with moto (1.43.11) lacks
// `taskDefinitionArn` and `cpuArchitecture` on the configuration and the request, the SDK's
// newer model is the one followed here.

import { UserError } from '../errors.ts';
import { Input } from '../names.ts';
import { diffTaskDefinitions } from './diff.ts';
import { tryParseCpu, tryParseMemory, validateTaskSize } from './fargate.ts';
import { isRecord } from './json.ts';
import { mergeEnvironment } from './task-definition.ts';
import type { EnvironmentVariable } from './task-definition-types.ts';

/** An ECSExpressGatewayService as AWS sent it (members newer than the SDK included). */
export type ExpressServiceDoc = Record<string, unknown>;

/** The UpdateExpressGatewayService request: `serviceArn` and only the members that change. */
export interface ExpressUpdateRequest extends Record<string, unknown> {
  serviceArn: string;
  primaryContainer?: Record<string, unknown>;
  cpu?: string;
  memory?: string;
}

/**
 * The name of the primary container in the task definition Express Mode runs: the API
 * reference (CreateExpressGatewayService `taskDefinitionArn`) requires a container named
 * `Main`, and it is the only container the step can change.
 */
export const EXPRESS_PRIMARY_CONTAINER = 'Main';

/**
 * Why run-task cannot run "the revision the ecs mode deploys" of an Express service: Express
 * Mode registers that revision only when the ecs mode updates the service, after the task.
 */
export function expressRevisionNotYet(service: string): UserError {
  return new UserError(
    `Input '${Input.runTaskDefinition}' is required with an Express service: '${service}' is managed by ECS Express Mode, which registers the revision it deploys only when the ecs mode updates the service, after the one-off task runs. Name the task definition to run (a family, revision, ARN or file).`,
  );
}

/** What the step was asked to do, as far as an Express service is concerned. */
export interface ExpressPlanInput {
  /** The service's name, for messages. */
  service: string;
  express: ExpressServiceDoc;
  image?: string;
  /** Task cpu units / memory MiB, as inputs/ parsed them. */
  cpu?: string;
  memory?: string;
  environment: readonly EnvironmentVariable[];
  /** The 'container-name' input. */
  containerNames?: readonly string[];
  /** Inputs that mean something for other services only; each refused when set. */
  refused: ExpressRefusedInputs;
}

export interface ExpressRefusedInputs {
  /** 'task-definition' names a family, revision or file (the service's own is the default). */
  taskDefinition?: string;
  forceNewDeployment: boolean;
  desiredCount?: number;
  propagateTags?: string;
  enableEcsManagedTags?: boolean;
}

export interface ExpressSize {
  cpu?: string;
  memory?: string;
  image?: string;
}

export interface ExpressPlan {
  serviceArn: string;
  /** The task definition the configuration runs, when Express says (outputs before an update). */
  taskDefinitionArn?: string;
  /** The request to send; undefined when nothing would change (no call is made). */
  request?: ExpressUpdateRequest;
  /** `path: before -> after` lines; environment values are never shown. */
  diff: string[];
  before: ExpressSize;
  after: ExpressSize;
}

/**
 * The request that changes only what the inputs ask for. Throws a UserError, before
 * anything is changed, for inputs Express Mode cannot take and for a cpu/memory pair
 * Fargate (which every Express service runs on, Linux only) would refuse.
 */
export function planExpressUpdate(input: ExpressPlanInput): ExpressPlan {
  refuseInputs(input);
  const { express, service } = input;
  const serviceArn = express.serviceArn;
  if (typeof serviceArn !== 'string')
    throw new Error(`DescribeExpressGatewayService for '${service}' returned no serviceArn`);
  const config = currentConfiguration(express, service);
  const container = isRecord(config.primaryContainer) ? config.primaryContainer : undefined;
  const taskDefinitionArn = typeof config.taskDefinitionArn === 'string' ? config.taskDefinitionArn : undefined;
  const touchesContainer = input.image !== undefined || input.environment.length > 0;
  if (container === undefined && (touchesContainer || input.cpu !== undefined || input.memory !== undefined)) {
    throw new UserError(
      `Express service '${service}' runs a task definition its owner provides (${taskDefinitionArn ?? 'no primaryContainer in its configuration'}): UpdateExpressGatewayService takes no image, cpu or memory for it. Deploy a new revision of that task definition through its owner instead.`,
    );
  }

  const beforeCpu = sizeOf(config.cpu, tryParseCpu);
  const beforeMemory = sizeOf(config.memory, tryParseMemory);
  const cpu = input.cpu ?? beforeCpu;
  const memory = input.memory ?? beforeMemory;
  if (input.cpu !== undefined || input.memory !== undefined) checkSize(input, cpu, memory);

  const renderedContainer = container === undefined ? undefined : renderContainer(container, input);
  const request: ExpressUpdateRequest = { serviceArn };
  if (renderedContainer !== undefined && container !== undefined && diffOf(container, renderedContainer).length > 0) {
    // Sent whole: the API reference does not say a partial container is merged, and `image` is required in it.
    request.primaryContainer = renderedContainer;
  }
  if (input.cpu !== undefined && input.cpu !== beforeCpu) request.cpu = input.cpu;
  if (input.memory !== undefined && input.memory !== beforeMemory) request.memory = input.memory;

  const changes = Object.keys(request).length > 1;
  const image = (c: Record<string, unknown> | undefined) => (typeof c?.image === 'string' ? c.image : undefined);
  return {
    serviceArn,
    ...(taskDefinitionArn === undefined ? {} : { taskDefinitionArn }),
    ...(changes ? { request } : {}),
    diff: diffTaskDefinitions(
      asTask(beforeCpu, beforeMemory, container),
      asTask(cpu, memory, renderedContainer ?? container),
    ),
    before: compact({ cpu: beforeCpu, memory: beforeMemory, image: image(container) }),
    after: compact({ cpu, memory, image: image(renderedContainer ?? container) }),
  };
}

/**
 * The request as lines for the dry-run log, with every environment value hidden (they often
 * carry credentials GitHub does not know to mask; the diff hides them too).
 */
export function requestLines(request: ExpressUpdateRequest): string[] {
  const container = request.primaryContainer;
  const environment = container?.environment;
  const shown =
    container === undefined || !Array.isArray(environment)
      ? request
      : {
          ...request,
          primaryContainer: {
            ...container,
            environment: environment.map((e: unknown) =>
              isRecord(e) && 'value' in e ? { ...e, value: '(hidden)' } : e,
            ),
          },
        };
  return JSON.stringify(shown, null, 2).split('\n');
}

/**
 * The configuration the update starts from: the newest active one (during a deployment the
 * service has two, and the newer is where it is going).
 */
export function currentConfiguration(express: ExpressServiceDoc, service: string): Record<string, unknown> {
  const active = Array.isArray(express.activeConfigurations) ? express.activeConfigurations.filter(isRecord) : [];
  const time = (c: Record<string, unknown>): number => {
    const at = c.createdAt;
    return typeof at === 'number' ? at : typeof at === 'string' ? Date.parse(at) || 0 : 0;
  };
  const newest = active.reduce<Record<string, unknown> | undefined>(
    (best, c) => (best === undefined || time(c) >= time(best) ? c : best),
    undefined,
  );
  if (newest === undefined)
    throw new UserError(
      `Express service '${service}' has no active configuration to update (DescribeExpressGatewayService listed none): is it still being created or deleted?`,
    );
  return newest;
}

function refuseInputs(input: ExpressPlanInput): void {
  const { service, refused } = input;
  const why = `Express service '${service}' is managed by ECS Express Mode (resourceManagementType ECS), which registers its own task definition revisions`;
  const problems: string[] = [];
  if (refused.taskDefinition !== undefined) {
    problems.push(
      `Input '${Input.taskDefinition}' ('${refused.taskDefinition}') cannot be used: ${why}. Remove it; the step updates the service's primary container, cpu and memory with UpdateExpressGatewayService.`,
    );
  }
  const others = (input.containerNames ?? []).filter((name) => name !== EXPRESS_PRIMARY_CONTAINER);
  if (others.length > 0) {
    problems.push(
      `Input '${Input.containerName}' (${others.map((n) => `'${n}'`).join(', ')}) names a container the step cannot change on Express service '${service}': only its primary container ('${EXPRESS_PRIMARY_CONTAINER}') can be updated. Remove the input or set it to '${EXPRESS_PRIMARY_CONTAINER}'.`,
    );
  }
  if (refused.forceNewDeployment) {
    problems.push(
      `Input '${Input.forceNewDeployment}' cannot be used on Express service '${service}': UpdateExpressGatewayService has no forced deployment; a deployment starts when the image, cpu or memory changes.`,
    );
  }
  if (refused.desiredCount !== undefined) {
    problems.push(
      `Input '${Input.desiredCount}' (${refused.desiredCount}) cannot be used on Express service '${service}': Express Mode sets the task count through its auto scaling target (minTaskCount / maxTaskCount). Remove the input.`,
    );
  }
  if (refused.propagateTags !== undefined || refused.enableEcsManagedTags !== undefined) {
    const names = [
      refused.propagateTags === undefined ? undefined : Input.propagateTags,
      refused.enableEcsManagedTags === undefined ? undefined : Input.enableEcsManagedTags,
    ].filter((n) => n !== undefined);
    problems.push(
      `Input ${names.map((n) => `'${n}'`).join(' and ')} cannot be used on Express service '${service}': they are UpdateService settings, and ${why}. Remove ${names.length > 1 ? 'them' : 'it'}.`,
    );
  }
  if (problems.length > 0) throw new UserError(problems.join('\n'));
}

function checkSize(input: ExpressPlanInput, cpu: string | undefined, memory: string | undefined): void {
  const problems = validateTaskSize({
    // Every Express service runs on Fargate, Linux (the API reference: "The operating system family for an Express service is always LINUX").
    taskDefinition: {
      requiresCompatibilities: ['FARGATE'],
      ...(cpu === undefined ? {} : { cpu }),
      ...(memory === undefined ? {} : { memory }),
    },
    labels: {
      cpu: input.cpu === undefined ? `The cpu of Express service '${input.service}'` : `Input '${Input.cpu}'`,
      memory:
        input.memory === undefined ? `The memory of Express service '${input.service}'` : `Input '${Input.memory}'`,
    },
  });
  if (problems.length === 0) return;
  const only =
    input.cpu !== undefined && input.memory === undefined
      ? Input.cpu
      : input.memory !== undefined && input.cpu === undefined
        ? Input.memory
        : undefined;
  const hint =
    only === undefined
      ? []
      : [
          `Set input '${only === Input.cpu ? Input.memory : Input.cpu}' as well: with input '${only}' alone the service's current value is kept.`,
        ];
  throw new UserError([...problems, ...hint].join('\n'));
}

function renderContainer(container: Record<string, unknown>, input: ExpressPlanInput): Record<string, unknown> {
  const rendered: Record<string, unknown> = { ...container };
  if (input.image !== undefined) rendered.image = input.image;
  if (input.environment.length > 0) rendered.environment = mergeEnvironment(container.environment, input.environment);
  return rendered;
}

function diffOf(before: Record<string, unknown>, after: Record<string, unknown>): string[] {
  return diffTaskDefinitions(asTask(undefined, undefined, before), asTask(undefined, undefined, after));
}

/** The configuration in a task definition's shape, so the diff reads (and hides environment values) as for other services. */
function asTask(
  cpu: string | undefined,
  memory: string | undefined,
  container: Record<string, unknown> | undefined,
): Record<string, unknown> {
  return compact({
    cpu,
    memory,
    containerDefinitions: container === undefined ? undefined : [{ name: EXPRESS_PRIMARY_CONTAINER, ...container }],
  });
}

/** The configuration's size in the units the inputs use (Express may answer "1024" or "1 vCPU"). */
function sizeOf(value: unknown, parse: (raw: string) => string | undefined): string | undefined {
  if (typeof value === 'number') return String(value);
  if (typeof value !== 'string') return undefined;
  return parse(value) ?? value;
}

function compact<T extends Record<string, unknown>>(record: T): T {
  return Object.fromEntries(Object.entries(record).filter(([, v]) => v !== undefined)) as T;
}
