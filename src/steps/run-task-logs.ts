import { getLogEvents } from '../aws/logs.ts';
import type { StepDeps } from '../deps.ts';
import { awsErrorName, messageOf } from '../errors.ts';
import {
  advanceCursor,
  type CursorStep,
  type LogCursor,
  neverSeen,
  readFailed,
  startCursor,
  taskLogSources,
  tokenOf,
} from '../plan/log-cursor.ts';
import type { TaskDefinitionDoc } from '../plan/task-definition-types.ts';

/** The task's log lines in the job log: read during the poll loop, and drained once it stopped. */
export interface TaskLogs {
  /** One GetLogEvents per followed stream (one page each): call once per poll while the task runs. */
  poll(): Promise<void>;
  /** After the task stopped: read each stream to its end (at most DRAIN_PAGES pages each). */
  drain(): Promise<void>;
}

/**
 * Once stopped, a stream is read until the token repeats, but at most this many pages (a
 * page holds up to 10,000 events or 1 MB): a task that logged more than that leaves the rest
 * to CloudWatch rather than holding the step for minutes.
 */
export const DRAIN_PAGES = 10;

const OFF: TaskLogs = { poll: async () => {}, drain: async () => {} };

/**
 * Follows the awslogs streams of the task's containers (`run-task-logs`). Says once which
 * containers cannot be followed. Never throws: a read that fails is one warning, and that
 * stream is not read again; a stream that does not exist yet is read again next poll.
 */
export function followTaskLogs(
  input: { taskDefinition: TaskDefinitionDoc; taskArn: string; enabled: boolean },
  deps: StepDeps,
): TaskLogs {
  if (!input.enabled) return OFF;
  const sources = taskLogSources(input.taskDefinition, input.taskArn);
  for (const line of sources.elsewhere) deps.log.info(line);
  let cursors: LogCursor[] = sources.streams.map(startCursor);

  const readOnce = async (cursor: LogCursor): Promise<CursorStep> => {
    if (cursor.state === 'off') return { cursor, lines: [], moved: false };
    const { location } = cursor;
    try {
      const page = await getLogEvents(deps.clients.logs(location.region), location, tokenOf(cursor));
      return advanceCursor(cursor, page);
    } catch (error) {
      // The stream (or the group) appears when the container first writes.
      if (awsErrorName(error) === 'ResourceNotFoundException') return { cursor, lines: [], moved: false };
      return readFailed(cursor, messageOf(error));
    }
  };
  // Streams are read side by side, and printed one after the other in container order.
  const print = (steps: CursorStep[]): void => {
    for (const step of steps) {
      for (const line of step.lines) deps.log.info(line);
      if (step.note !== undefined) deps.log.info(step.note);
      if (step.warning !== undefined) deps.log.warning(step.warning);
    }
    cursors = steps.map((s) => s.cursor);
  };

  return {
    async poll() {
      print(await Promise.all(cursors.map(readOnce)));
    },
    async drain() {
      const drained = await Promise.all(
        cursors.map(async (start) => {
          const lines: string[] = [];
          const notes: string[] = [];
          const warnings: string[] = [];
          let step: CursorStep = { cursor: start, lines: [], moved: true };
          for (let page = 0; page < DRAIN_PAGES && step.moved; page++) {
            step = await readOnce(step.cursor);
            lines.push(...step.lines);
            if (step.note !== undefined) notes.push(step.note);
            if (step.warning !== undefined) warnings.push(step.warning);
          }
          if (step.moved)
            notes.push(
              `container ${start.location.container}: read ${DRAIN_PAGES} pages after it stopped; any further lines are in CloudWatch${start.location.url === undefined ? '' : `: ${start.location.url}`}`,
            );
          const missing = neverSeen(step.cursor);
          if (missing !== undefined) notes.push(missing);
          return { cursor: step.cursor, lines, notes, warnings };
        }),
      );
      for (const { lines, notes, warnings } of drained) {
        for (const line of lines) deps.log.info(line);
        for (const note of notes) deps.log.info(note);
        for (const warning of warnings) deps.log.warning(warning);
      }
      cursors = drained.map((d) => d.cursor);
    },
  };
}
