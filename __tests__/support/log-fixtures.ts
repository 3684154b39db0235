// CloudWatch Logs in moto, written to from the test as a task's awslogs driver would:
// moto implements CreateLogGroup, CreateLogStream, PutLogEvents and GetLogEvents.

import {
  CloudWatchLogsClient,
  CreateLogGroupCommand,
  CreateLogStreamCommand,
  PutLogEventsCommand,
} from '@aws-sdk/client-cloudwatch-logs';
import { TEST_CREDENTIALS, TEST_REGION } from './ecs-fixtures.ts';

/** The stream ECS's awslogs driver writes for a container: `<prefix>/<container>/<task id>`. */
export function awslogsStream(prefix: string, container: string, taskArn: string): string {
  return `${prefix}/${container}/${taskArn.split('/').pop() ?? taskArn}`;
}

/** Writes `lines` (one event each, timestamps now, in order) to the stream, creating group and stream when missing. */
export async function putLogLines(endpoint: string, group: string, stream: string, lines: string[]): Promise<void> {
  const logs = new CloudWatchLogsClient({
    endpoint,
    region: TEST_REGION,
    credentials: TEST_CREDENTIALS,
    maxAttempts: 1,
  });
  try {
    const exists = (error: unknown): void => {
      if (!(error instanceof Error && error.name === 'ResourceAlreadyExistsException')) throw error;
    };
    await logs.send(new CreateLogGroupCommand({ logGroupName: group })).catch(exists);
    await logs.send(new CreateLogStreamCommand({ logGroupName: group, logStreamName: stream })).catch(exists);
    const now = Date.now();
    await logs.send(
      new PutLogEventsCommand({
        logGroupName: group,
        logStreamName: stream,
        logEvents: lines.map((message, i) => ({ message, timestamp: now + i })),
      }),
    );
  } finally {
    logs.destroy();
  }
}
