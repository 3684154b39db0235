import { type CloudWatchLogsClient, GetLogEventsCommand } from '@aws-sdk/client-cloudwatch-logs';
import { asked } from '../errors.ts';

export interface LogStreamRef {
  group: string;
  stream: string;
}

export interface LogEventsPage {
  /** Oldest first. */
  events: Array<{ timestamp?: number; message: string }>;
  /** The cursor for the next read; the same one back means nothing new (GetLogEvents reference). */
  nextForwardToken?: string;
}

/**
 * One page of a stream's events, oldest first from `nextToken` (or from the head of the
 * stream). A stream or group that does not exist fails with ResourceNotFoundException.
 */
export async function getLogEvents(
  logs: CloudWatchLogsClient,
  ref: LogStreamRef,
  nextToken: string | undefined,
): Promise<LogEventsPage> {
  return asked(`GetLogEvents for stream '${ref.stream}' in log group '${ref.group}'`, async () => {
    const out = await logs.send(
      new GetLogEventsCommand({
        logGroupName: ref.group,
        logStreamName: ref.stream,
        startFromHead: true,
        ...(nextToken === undefined ? {} : { nextToken }),
      }),
    );
    return {
      events: (out.events ?? []).map((e) => ({
        ...(e.timestamp === undefined ? {} : { timestamp: e.timestamp }),
        message: e.message ?? '',
      })),
      ...(out.nextForwardToken === undefined ? {} : { nextForwardToken: out.nextForwardToken }),
    };
  });
}
