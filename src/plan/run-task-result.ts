// The stopped one-off task, judged, and where its logs are. Pure.

import type { Task } from '@aws-sdk/client-ecs';
import { consoleHost, isRegionName, regionOfArn, taskIdOf } from './aws-names.ts';
import { containersOf } from './containers.ts';
import { isRecord } from './json.ts';
import type { TaskDefinitionDoc } from './task-definition-types.ts';

export interface TaskJudgement {
  state: 'succeeded' | 'failed';
  /** The exit code of the overridden container, else of the first essential one. */
  exitCode?: number;
  /** One phrase per essential container that did not exit 0; empty when succeeded. */
  problems: string[];
  /** Non-essential containers that exited non-zero: reported, not deciding. */
  notes: string[];
}

/**
 * Success only when every essential container (per the task definition; `essential`
 * defaults to true) exited 0. A missing exit code (the container never ran, or the task
 * was stopped from outside) is a failure.
 */
export function judgeStoppedTask(input: {
  task: Task;
  taskDefinition: TaskDefinitionDoc;
  containerName?: string;
}): TaskJudgement {
  const { task, taskDefinition } = input;
  const defined = containersOf(taskDefinition).filter((c) => typeof c.name === 'string');
  const ran = task.containers ?? [];
  // Without a definition to go by, every container that ran counts as essential.
  const essential =
    defined.length > 0
      ? defined.filter((c) => c.essential !== false).map((c) => String(c.name))
      : ran.flatMap((c) => (c.name === undefined ? [] : [c.name]));
  const stateOf = (name: string) => ran.find((c) => c.name === name);
  const reasonOf = (reason: string | undefined) => (reason?.trim() ? ` (${reason.trim()})` : '');

  const problems: string[] = [];
  for (const name of essential) {
    const container = stateOf(name);
    if (container?.exitCode === undefined) {
      const stop = [task.stopCode, task.stoppedReason?.trim()].filter(Boolean).join(': ');
      const why = container?.reason?.trim() || stop;
      problems.push(`essential container '${name}' has no exit code${why ? ` (${why})` : ''}`);
    } else if (container.exitCode !== 0) {
      problems.push(
        `essential container '${name}' exited with code ${container.exitCode}${reasonOf(container.reason)}`,
      );
    }
  }
  const notes = ran
    .filter((c) => c.name !== undefined && !essential.includes(c.name) && c.exitCode !== undefined && c.exitCode !== 0)
    .map(
      (c) =>
        `container '${c.name ?? ''}' is not essential and exited with code ${c.exitCode ?? ''}${reasonOf(c.reason)}; it does not decide the verdict`,
    );

  const speaker = input.containerName ?? essential[0];
  const exitCode = speaker === undefined ? undefined : stateOf(speaker)?.exitCode;
  return {
    state: problems.length === 0 ? 'succeeded' : 'failed',
    ...(exitCode === undefined ? {} : { exitCode }),
    problems,
    notes,
  };
}

/** `task 0123abcd: RUNNING`: the progress line, which changes when lastStatus does. */
export function taskStatusLine(task: Task): string {
  const status = task.lastStatus ?? 'UNKNOWN';
  const stopping =
    task.desiredStatus === 'STOPPED' && status !== 'STOPPED' && task.stoppedReason?.trim()
      ? ` (stopping: ${task.stoppedReason.trim()})`
      : '';
  return `task ${taskIdOf(task.taskArn)}: ${status}${stopping}`;
}

const NOT_STARTED = new Set(['PROVISIONING', 'PENDING', 'ACTIVATING']);

/** Past provisioning and pulling: its containers may have started, so their logs may exist. */
export function hasStarted(task: Task): boolean {
  return task.lastStatus !== undefined && !NOT_STARTED.has(task.lastStatus);
}

/** StopTask's reason for a task that outlived the wait: names the action and the timeout. */
export function timeoutStopReason(timeout: string): string {
  return `image-deploy: wait-timeout ${timeout} reached`;
}

/** StopTask's reason for a task stopped because the job that started it was cancelled. */
export const CANCELLED_STOP_REASON = 'image-deploy: the job was cancelled';

export interface LogLocation {
  container: string;
  group: string;
  /** Only with `awslogs-stream-prefix`: without one, the stream is named after a Docker id. */
  stream?: string;
  region: string;
  /** The CloudWatch console page of the stream (or of the group); absent when `region` is no region name. */
  url?: string;
}

/**
 * Where each awslogs container of the task writes: group `awslogs-group`, stream
 * `<prefix>/<container>/<task id>`, region `awslogs-region` (else the task's region).
 */
export function logLocations(taskDefinition: TaskDefinitionDoc, taskArn: string): LogLocation[] {
  const taskId = taskIdOf(taskArn);
  const taskRegion = regionOfArn(taskArn);
  return containersOf(taskDefinition).flatMap((container): LogLocation[] => {
    const name = container.name;
    const config = container.logConfiguration;
    if (typeof name !== 'string' || !isRecord(config) || config.logDriver !== 'awslogs') return [];
    const options = isRecord(config.options) ? config.options : {};
    const group = stringOption(options, 'awslogs-group');
    const region = stringOption(options, 'awslogs-region') ?? taskRegion;
    if (group === undefined || region === undefined) return [];
    const prefix = stringOption(options, 'awslogs-stream-prefix');
    const stream = prefix === undefined ? undefined : `${prefix}/${name}/${taskId}`;
    // The region comes from a file or an AWS answer: only a region name goes into a URL.
    const url = isRegionName(region) ? cloudWatchLogsUrl(region, group, stream) : undefined;
    return [
      {
        container: name,
        group,
        ...(stream === undefined ? {} : { stream }),
        region,
        ...(url === undefined ? {} : { url }),
      },
    ];
  });
}

/** `container app: awslogs group /ecs/migrate, stream migrate/app/0123 (eu-west-1) https://…` */
export function formatLogLocation(location: LogLocation): string {
  const stream = location.stream === undefined ? '' : `, stream ${location.stream}`;
  return `container ${location.container}: awslogs group ${location.group}${stream} (${location.region})${urlSuffix(location)}`;
}

/** ` https://…`, or nothing when the location has no console link. */
export function urlSuffix(location: LogLocation): string {
  return location.url === undefined ? '' : ` ${location.url}`;
}

/** Why a location has no console link, for the debug log; undefined when it has one. */
export function whyNoUrl(location: LogLocation): string | undefined {
  if (location.url !== undefined) return undefined;
  return `container ${location.container}: no CloudWatch console link: its log region is not an AWS region name (like eu-west-1), so it is kept out of every URL`;
}

/** The console page of a log stream, or of the group without one. */
export function cloudWatchLogsUrl(region: string, group: string, stream?: string): string {
  // The console's fragment takes each path part URI-encoded twice, with '%' written as '$';
  // ! ' ( ) * are encoded too, so the URL holds nothing that could end a Markdown link.
  const strict = (value: string) =>
    encodeURIComponent(value).replace(/[!'()*]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`);
  const part = (value: string) => strict(strict(value)).replace(/%/g, '$');
  const path = `log-groups/log-group/${part(group)}${stream === undefined ? '' : `/log-events/${part(stream)}`}`;
  return `${consoleHost(region)}/cloudwatch/home?region=${region}#logsV2:${path}`;
}

function stringOption(options: Record<string, unknown>, key: string): string | undefined {
  const value = options[key];
  return typeof value === 'string' && value.trim() !== '' ? value.trim() : undefined;
}
