import { randomUUID } from 'node:crypto';
import { UserError } from '../errors.ts';
import { Input } from '../names.ts';
import { clientTokenFor, parseCapacityProviderStrategy, parseCommand, parseIdList } from '../plan/run-task-inputs.ts';
import type { Launch } from '../plan/run-task-request.ts';
import {
  MAX_TAGS,
  parseTaskTags,
  type StepIdentity,
  stepIdentityFor,
  stepTags,
  type TagPropagation,
} from '../plan/run-task-tags.ts';
import type { RunTaskOptions, RunTaskSource, WaitSettings } from '../settings.ts';
import type { YamlParser } from './document.ts';
import { type Env, type Get, parseBoolean, parseEnvironment, readTagPropagation } from './parse.ts';
import { readTaskDefinitionSource } from './task-definition-file.ts';

const LAUNCH_TYPES = ['FARGATE', 'EC2', 'EXTERNAL'] as const;
const STARTED_BY = /^[A-Za-z0-9_/-]{1,128}$/;

export function readRunTask(
  get: Get,
  env: Env,
  context: { dryRun: boolean; wait: WaitSettings; withEcs: boolean; yaml?: YamlParser },
): RunTaskOptions {
  const rawDefinition = get(Input.runTaskDefinition);
  let source: RunTaskSource;
  if (rawDefinition === '') {
    if (!context.withEcs) {
      throw new UserError(
        `Input '${Input.runTaskDefinition}' is required for mode 'run-task' without mode 'ecs': a family (migrate), family:revision, task definition ARN, or a JSON/YAML file.`,
      );
    }
    source = { kind: 'ecs' };
  } else {
    const read = readTaskDefinitionSource(rawDefinition, env, Input.runTaskDefinition, context.yaml);
    if (read.kind === 'service')
      throw new Error('readTaskDefinitionSource returned the service source for a non-empty value');
    source = read;
  }
  const startedBy = get(Input.startedBy);
  if (!STARTED_BY.test(startedBy)) {
    throw new UserError(
      `Input '${Input.startedBy}' ('${startedBy}') is not valid: use up to 128 letters, digits, '-', '_' and '/'.`,
    );
  }
  const subnets = parseIdList(get(Input.subnets), Input.subnets, 'subnet-');
  const securityGroups = parseIdList(get(Input.securityGroups), Input.securityGroups, 'sg-');
  const assignPublicIp = parseBoolean(get(Input.assignPublicIp), Input.assignPublicIp);
  if (subnets.length === 0 && (securityGroups.length > 0 || assignPublicIp)) {
    throw new UserError(
      `Input '${securityGroups.length > 0 ? Input.securityGroups : Input.assignPublicIp}' needs input '${Input.subnets}': the task's network (awsvpc) is given by its subnets.`,
    );
  }
  const command = get(Input.command);
  const cluster = get(Input.cluster);
  const runId = env.GITHUB_RUN_ID;
  const step =
    runId === undefined || runId === ''
      ? undefined
      : readStep(
          [runId, env.GITHUB_JOB ?? '', env.GITHUB_ACTION ?? '', cluster, rawDefinition, command],
          env.GITHUB_RUN_ATTEMPT,
        );
  const propagateTags = runTaskPropagation(readTagPropagation(get(Input.propagateTags)), context.withEcs);
  return {
    cluster,
    source,
    containerName: get(Input.runTaskContainer) || undefined,
    command: command ? parseCommand(command) : undefined,
    environment: parseEnvironment(get(Input.runTaskEnvironment), Input.runTaskEnvironment),
    network: subnets.length > 0 ? { subnets, securityGroups, assignPublicIp } : undefined,
    launch: readLaunch(get(Input.launchType), get(Input.capacityProviderStrategy)),
    startedBy,
    // The same workflow run, attempt and step never start a second task, even when the
    // process is killed and run again; outside Actions every run is its own.
    clientToken: clientTokenFor([
      env.GITHUB_RUN_ID ?? randomUUID(),
      env.GITHUB_RUN_ATTEMPT ?? '',
      env.GITHUB_JOB ?? '',
      env.GITHUB_ACTION ?? '',
      cluster,
      rawDefinition,
      command,
    ]),
    logs: parseBoolean(get(Input.runTaskLogs), Input.runTaskLogs),
    tags: parseTaskTags(get(Input.runTaskTags), step === undefined ? MAX_TAGS : MAX_TAGS - stepTags(step).length),
    ...(propagateTags === undefined ? {} : { propagateTags }),
    enableEcsManagedTags: parseBoolean(get(Input.enableEcsManagedTags), Input.enableEcsManagedTags),
    ...(step === undefined ? {} : { step }),
    dryRun: context.dryRun,
    wait: { timeoutMs: context.wait.timeoutMs, intervalMs: context.wait.intervalMs },
  };
}

function readLaunch(launchType: string, strategy: string): Launch {
  if (launchType !== '' && strategy !== '') {
    throw new UserError(
      `Inputs '${Input.launchType}' ('${launchType}') and '${Input.capacityProviderStrategy}' cannot both be set: ECS runs a task with one or the other.`,
    );
  }
  if (strategy !== '') return { capacityProviderStrategy: parseCapacityProviderStrategy(strategy) };
  if (launchType === '') return { launchType: 'FARGATE' };
  const upper = launchType.toUpperCase();
  const known = LAUNCH_TYPES.find((t) => t === upper);
  if (known === undefined) {
    throw new UserError(
      `Input '${Input.launchType}' ('${launchType}') is not a launch type: use ${LAUNCH_TYPES.join(', ')}, or set '${Input.capacityProviderStrategy}' instead.`,
    );
  }
  return { launchType: known };
}

/**
 * The step's identity in this workflow run: the same run, job, step and task, whatever the
 * attempt. Matrix legs share GITHUB_JOB; what they run (cluster, definition, command) tells
 * them apart, as for the client token.
 */
function readStep(parts: string[], rawAttempt: string | undefined): StepIdentity {
  const attempt = rawAttempt === undefined || rawAttempt === '' ? 1 : Number(rawAttempt);
  // The runner sets it; anything else is not a GitHub run attempt, so it counts as the first.
  return stepIdentityFor(parts, Number.isSafeInteger(attempt) && attempt >= 1 ? attempt : 1);
}

/**
 * RunTask refuses SERVICE (a standalone task has no service, per the RunTask API reference).
 * With mode ecs in the step it is the service's setting, and RunTask gets none; alone it is
 * a mistake.
 */
function runTaskPropagation(
  value: TagPropagation | undefined,
  withEcs: boolean,
): Exclude<TagPropagation, 'SERVICE'> | undefined {
  if (value !== 'SERVICE') return value;
  if (withEcs) return undefined;
  throw new UserError(
    `Input '${Input.propagateTags}' is SERVICE, but a one-off task (mode run-task) has no service to take tags from and RunTask refuses it: use TASK_DEFINITION, or NONE.`,
  );
}
