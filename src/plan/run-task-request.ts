// The RunTask request: launch type or capacity providers, the network, the overrides,
// and what RunTask's `failures` say. Pure.

import type { Failure, RunTaskCommandInput } from '@aws-sdk/client-ecs';
import { UserError } from '../errors.ts';
import { Input } from '../names.ts';
import { familyOf } from './aws-names.ts';
import type { CapacityProviderStrategyItem } from './run-task-inputs.ts';
import type { TagPropagation } from './run-task-tags.ts';
import type { EnvironmentVariable, Tag, TaskDefinitionDoc } from './task-definition-types.ts';

export type Launch =
  | { launchType: 'FARGATE' | 'EC2' | 'EXTERNAL' }
  | { capacityProviderStrategy: CapacityProviderStrategyItem[] };

export interface TaskNetwork {
  subnets: string[];
  securityGroups: string[];
  assignPublicIp: boolean;
}

/** Fargate runs it: the FARGATE launch type, or a strategy of FARGATE / FARGATE_SPOT. */
export function isFargate(launch: Launch): boolean {
  if ('launchType' in launch) return launch.launchType === 'FARGATE';
  return launch.capacityProviderStrategy.some(
    (item) => item.capacityProvider === 'FARGATE' || item.capacityProvider === 'FARGATE_SPOT',
  );
}

/**
 * Throws a UserError when RunTask would refuse the launch and network (before anything
 * changes). `taskDefinition` is undefined when it is not known yet (the ecs mode renders it).
 */
export function checkLaunch(input: {
  launch: Launch;
  network?: TaskNetwork;
  taskDefinition?: TaskDefinitionDoc;
}): void {
  const { launch, network, taskDefinition } = input;
  const hasLaunchType = 'launchType' in launch;
  const fargate = isFargate(launch);
  const how = hasLaunchType ? `launch type ${launch.launchType}` : 'capacity provider strategy';
  const mode = taskDefinition?.networkMode;
  const family = taskDefinition === undefined ? undefined : familyOf(taskDefinition);
  if (fargate && taskDefinition !== undefined && mode !== 'awsvpc') {
    throw new UserError(
      `Task definition '${family}' has network mode '${String(mode ?? 'bridge (the default)')}', but Fargate (${how}) runs only 'awsvpc' tasks: set networkMode to awsvpc, or use input '${Input.launchType}' EC2.`,
    );
  }
  const needsNetwork = fargate || mode === 'awsvpc';
  if (needsNetwork && (network === undefined || network.subnets.length === 0)) {
    const why = fargate ? `Fargate (${how})` : `task definition '${family}' (network mode awsvpc)`;
    throw new UserError(
      `Input '${Input.subnets}' is required: ${why} runs the task in subnets you choose, e.g. subnet-0123456789abcdef0 (private subnets with a NAT or VPC endpoints to reach ECR).`,
    );
  }
  if (network !== undefined && !needsNetwork && taskDefinition !== undefined) {
    throw new UserError(
      `Input '${Input.subnets}' is set, but task definition '${family}' has network mode '${String(mode ?? 'bridge (the default)')}': subnets and security groups apply to awsvpc tasks only; remove them.`,
    );
  }
  if (network?.assignPublicIp === true && !fargate) {
    throw new UserError(
      `Input '${Input.assignPublicIp}' is true, but only Fargate tasks get a public IP (this one runs with ${how}): set it to false.`,
    );
  }
}

export interface RunTaskRequestInput {
  cluster: string;
  taskDefinitionArn: string;
  launch: Launch;
  network?: TaskNetwork;
  /** The container the overrides apply to; required when command or environment is given. */
  containerName?: string;
  command?: string[];
  environment: EnvironmentVariable[];
  startedBy: string;
  clientToken: string;
  /** The user's tags and the step's (run-task-tags.ts); sent only when there are some. */
  tags: Tag[];
  propagateTags?: Exclude<TagPropagation, 'SERVICE'>;
  enableEcsManagedTags: boolean;
}

/** One task; launch type or strategy; network and overrides only when set. */
export function buildRunTaskRequest(input: RunTaskRequestInput): RunTaskCommandInput {
  const request: RunTaskCommandInput = {
    cluster: input.cluster,
    taskDefinition: input.taskDefinitionArn,
    count: 1,
    startedBy: input.startedBy,
    clientToken: input.clientToken,
  };
  if (input.tags.length > 0) request.tags = input.tags.map((tag) => ({ key: tag.key, value: tag.value }));
  if (input.propagateTags !== undefined) request.propagateTags = input.propagateTags;
  if (input.enableEcsManagedTags) request.enableECSManagedTags = true;
  if ('launchType' in input.launch) request.launchType = input.launch.launchType;
  // An empty strategy leaves the choice to the cluster's default strategy.
  else if (input.launch.capacityProviderStrategy.length > 0)
    request.capacityProviderStrategy = input.launch.capacityProviderStrategy.map((item) => ({ ...item }));
  if (input.network !== undefined) {
    request.networkConfiguration = {
      awsvpcConfiguration: {
        subnets: [...input.network.subnets],
        // None given: ECS uses the VPC's default security group.
        ...(input.network.securityGroups.length > 0 ? { securityGroups: [...input.network.securityGroups] } : {}),
        assignPublicIp: input.network.assignPublicIp ? 'ENABLED' : 'DISABLED',
      },
    };
  }
  const environment =
    input.environment.length > 0 ? input.environment.map((e) => ({ name: e.name, value: e.value })) : undefined;
  if (input.command !== undefined || environment !== undefined) {
    if (input.containerName === undefined)
      throw new Error('buildRunTaskRequest: overrides need the container they apply to');
    request.overrides = {
      containerOverrides: [
        {
          name: input.containerName,
          ...(input.command === undefined ? {} : { command: [...input.command] }),
          ...(environment === undefined ? {} : { environment }),
        },
      ],
    };
  }
  return request;
}

/** RunTask's `failures`, one line each: `RESOURCE:MEMORY (arn...): detail`. */
export function describeRunTaskFailures(failures: Failure[]): string[] {
  return failures.map((failure) => {
    const where = failure.arn === undefined ? '' : ` (${failure.arn})`;
    const detail = failure.detail?.trim() ? `: ${failure.detail.trim()}` : '';
    return `${failure.reason ?? 'no reason given'}${where}${detail}`;
  });
}

/**
 * The request as the debug log may show it: environment override values replaced, since
 * `run-task-environment` often carries credentials GitHub does not know to mask.
 */
export function redactRunTaskRequest(request: RunTaskCommandInput): RunTaskCommandInput {
  const overrides = request.overrides;
  if (overrides?.containerOverrides === undefined) return request;
  return {
    ...request,
    overrides: {
      ...overrides,
      containerOverrides: overrides.containerOverrides.map((o) =>
        o.environment === undefined
          ? o
          : { ...o, environment: o.environment.map((e) => ({ ...e, value: '(hidden)' })) },
      ),
    },
  };
}
