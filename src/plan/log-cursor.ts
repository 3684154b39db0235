// Reading a one-off task's awslogs streams into the job log: which containers can be read,
// and a cursor per stream that turns GetLogEvents pages into lines, each printed once, in
// order. Pure: the step makes the calls and prints.

import { containersOf } from './containers.ts';
import { isRecord } from './json.ts';
import { type LogLocation, logLocations, urlSuffix } from './run-task-result.ts';
import type { TaskDefinitionDoc } from './task-definition-types.ts';

/** A stream the job log can follow: awslogs with a stream prefix. */
export type StreamLocation = LogLocation & { stream: string };

export interface TaskLogSources {
  streams: StreamLocation[];
  /** One line per container whose logs the job log cannot show, saying where they are not. */
  elsewhere: string[];
}

/**
 * Which containers' logs can be followed. ECS names an awslogs stream
 * `<awslogs-stream-prefix>/<container>/<task id>`; without the prefix the stream is named
 * after the container's runtime id, which is not known in advance, so it is not followed.
 */
export function taskLogSources(taskDefinition: TaskDefinitionDoc, taskArn: string): TaskLogSources {
  const located = logLocations(taskDefinition, taskArn);
  const streams: StreamLocation[] = [];
  const elsewhere: string[] = [];
  for (const container of containersOf(taskDefinition)) {
    const name = container.name;
    if (typeof name !== 'string') continue;
    const location = located.find((l) => l.container === name);
    const config = container.logConfiguration;
    const driver = isRecord(config) && typeof config.logDriver === 'string' ? config.logDriver : undefined;
    // A log region that is no region name cannot be read (nor linked): say so, without quoting it.
    if (location !== undefined && location.url === undefined)
      elsewhere.push(
        `container ${name}: not in the job log: its awslogs-region is not an AWS region name (like eu-west-1)`,
      );
    else if (location?.stream !== undefined) streams.push({ ...location, stream: location.stream });
    else if (location !== undefined) {
      elsewhere.push(
        `container ${name}: not in the job log: awslogs without awslogs-stream-prefix names its stream after the container's runtime id, which cannot be known in advance (set awslogs-stream-prefix); group ${location.group} (${location.region})${urlSuffix(location)}`,
      );
    } else if (driver === 'awslogs')
      elsewhere.push(`container ${name}: not in the job log: its awslogs configuration has no awslogs-group`);
    else
      elsewhere.push(
        `container ${name}: not in the job log: ${driver === undefined ? 'it has no logConfiguration' : `its log driver is ${driver}, not awslogs`}`,
      );
  }
  return { streams, elsewhere };
}

export type LogCursor =
  /** Not read yet, or the stream does not exist yet (normal while the task starts). */
  | { state: 'waiting'; location: StreamLocation }
  | { state: 'reading'; location: StreamLocation; token: string }
  /** A read failed or could not go on: no more reads of this stream. */
  | { state: 'off'; location: StreamLocation };

export function startCursor(location: StreamLocation): LogCursor {
  return { state: 'waiting', location };
}

/** The nextToken for the cursor's next GetLogEvents (undefined: from the head of the stream). */
export function tokenOf(cursor: LogCursor): string | undefined {
  return cursor.state === 'reading' ? cursor.token : undefined;
}

export interface LogPage {
  events: Array<{ message: string }>;
  nextForwardToken?: string;
}

export interface CursorStep {
  cursor: LogCursor;
  /** The new lines, oldest first, each prefixed with the container name. */
  lines: string[];
  /** The page moved the cursor: the stream may hold more right away (a full page). */
  moved: boolean;
  /** Said once (info) when the cursor cannot go on. */
  note?: string;
  /** Said once as a warning: a read failed, so the stream is off. */
  warning?: string;
}

/**
 * A page read at the cursor. GetLogEvents returns the token it was given when there is
 * nothing new, so an unchanged token means no new lines (any events then are ones already
 * printed). A message spanning lines gives a line each, all prefixed.
 */
export function advanceCursor(cursor: LogCursor, page: LogPage): CursorStep {
  if (cursor.state === 'off') return { cursor, lines: [], moved: false };
  const before = tokenOf(cursor);
  const next = page.nextForwardToken;
  if (next !== undefined && next === before) return { cursor, lines: [], moved: false };
  const lines = page.events.flatMap((event) => messageLines(cursor.location.container, event.message));
  if (next === undefined) {
    // Without a cursor the next read would start from the head again and repeat every line.
    return {
      cursor: { state: 'off', location: cursor.location },
      lines,
      moved: false,
      note: `${label(cursor.location)}: GetLogEvents gave no nextForwardToken, so later lines are not shown here; they are in CloudWatch${cursor.location.url === undefined ? '' : `: ${cursor.location.url}`}`,
    };
  }
  return { cursor: { state: 'reading', location: cursor.location, token: next }, lines, moved: true };
}

/**
 * A read that failed for another reason (access denied, throttled past the SDK's retries):
 * one warning naming the permission and the group, and no more reads of this stream.
 */
export function readFailed(cursor: LogCursor, reason: string): CursorStep {
  const { location } = cursor;
  return {
    cursor: { state: 'off', location },
    lines: [],
    moved: false,
    warning: `${label(location)}: could not read its logs (logs:GetLogEvents on log group ${location.group} in ${location.region}): ${reason}. Its lines are not shown here from now on; the task's verdict does not depend on them.${urlSuffix(location)}`,
  };
}

/** After the task stopped, a stream never seen: say so once. */
export function neverSeen(cursor: LogCursor): string | undefined {
  if (cursor.state !== 'waiting') return undefined;
  return `${label(cursor.location)}: no log stream ${cursor.location.stream} in group ${cursor.location.group} (${cursor.location.region}): the container wrote nothing, or never started`;
}

function label(location: StreamLocation): string {
  return `container ${location.container}`;
}

/** `app | text`: the container's name, then the text, one line each; a trailing newline dropped. */
export function messageLines(container: string, message: string): string[] {
  const text = message.replace(/\r?\n$/, '');
  return text.split(/\r\n|\r|\n/).map((line) => `${container} | ${line}`);
}
