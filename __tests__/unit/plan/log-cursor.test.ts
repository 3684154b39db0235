import type { Task } from '@aws-sdk/client-ecs';
import { describe, expect, it } from 'vitest';
import {
  advanceCursor,
  type LogCursor,
  messageLines,
  neverSeen,
  readFailed,
  type StreamLocation,
  startCursor,
  taskLogSources,
  tokenOf,
} from '../../../src/plan/log-cursor.ts';
import { earlierAttemptTask } from '../../../src/plan/run-task-rerun.ts';
import { stepIdentityFor } from '../../../src/plan/run-task-tags.ts';
import type { TaskDefinitionDoc } from '../../../src/plan/task-definition-types.ts';
import { taskArn } from '../../support/ecs-builders.ts';

const TASK_ARN = taskArn('abc123');
const LOCATION: StreamLocation = {
  container: 'app',
  group: '/ecs/migrate',
  stream: 'migrate/app/abc123',
  region: 'eu-west-1',
  url: 'https://console/app',
};
const page = (token: string | undefined, ...messages: string[]) => ({
  events: messages.map((message) => ({ message })),
  ...(token === undefined ? {} : { nextForwardToken: token }),
});

/** Feeds pages to a cursor as successive polls would; returns every line printed and the last cursor. */
function poll(pages: Array<ReturnType<typeof page>>): { lines: string[]; cursor: LogCursor } {
  let cursor = startCursor(LOCATION);
  const lines: string[] = [];
  for (const p of pages) {
    const step = advanceCursor(cursor, p);
    lines.push(...step.lines);
    cursor = step.cursor;
  }
  return { lines, cursor };
}

describe('the log cursor', () => {
  it('reads from the head first, then from the last forward token', () => {
    const cursor = startCursor(LOCATION);
    expect(tokenOf(cursor)).toBeUndefined();
    expect(tokenOf(advanceCursor(cursor, page('f/2', 'a', 'b')).cursor)).toBe('f/2');
  });

  it.each<[string, Array<ReturnType<typeof page>>, string[]]>([
    [
      'prints each line once, in order, across polls',
      [page('f/1', 'one'), page('f/3', 'two', 'three'), page('f/4', 'four')],
      ['app | one', 'app | two', 'app | three', 'app | four'],
    ],
    [
      'prints nothing new when the token comes back unchanged (the end of the stream)',
      [page('f/1', 'one'), page('f/1'), page('f/1')],
      ['app | one'],
    ],
    [
      'drops events an unchanged token comes back with: they were printed already',
      [page('f/2', 'one', 'two'), page('f/2', 'one', 'two')],
      ['app | one', 'app | two'],
    ],
    [
      'takes an empty first page of a new stream, then its lines',
      [page('f/0'), page('f/0'), page('f/1', 'hello')],
      ['app | hello'],
    ],
    [
      'splits a multi-line message into prefixed lines and drops its trailing newline',
      [page('f/1', 'Traceback:\n  File "x"\r\nError: boom\n')],
      ['app | Traceback:', 'app |   File "x"', 'app | Error: boom'],
    ],
  ])('%s', (_, pages, expected) => {
    expect(poll(pages).lines).toEqual(expected);
  });

  it('stays waiting (and silent) while the stream does not exist, and says so once after the task stopped', () => {
    const cursor = startCursor(LOCATION);
    expect(neverSeen(cursor)).toBe(
      'container app: no log stream migrate/app/abc123 in group /ecs/migrate (eu-west-1): the container wrote nothing, or never started',
    );
    expect(neverSeen(advanceCursor(cursor, page('f/0')).cursor)).toBeUndefined();
  });

  it('turns off after a page without a forward token, since reading from the head again would repeat lines', () => {
    const step = advanceCursor(startCursor(LOCATION), page(undefined, 'one'));
    expect(step.lines).toEqual(['app | one']);
    expect(step.cursor.state).toBe('off');
    expect(step.note).toContain('later lines are not shown here');
    expect(advanceCursor(step.cursor, page('f/9', 'two')).lines).toEqual([]);
  });

  it('turns off after a failed read with one warning naming logs:GetLogEvents, the group and the region', () => {
    const step = readFailed(startCursor(LOCATION), 'AccessDeniedException: not authorized');
    expect(step.cursor.state).toBe('off');
    expect(step.warning).toContain(
      'container app: could not read its logs (logs:GetLogEvents on log group /ecs/migrate in eu-west-1): AccessDeniedException: not authorized',
    );
    expect(step.warning).toContain("the task's verdict does not depend on them");
  });

  it('prefixes every line with the container name, so a log line cannot start with ::', () => {
    expect(messageLines('app', '::add-mask::x\n::set-output name=a::b')).toEqual([
      'app | ::add-mask::x',
      'app | ::set-output name=a::b',
    ]);
  });
});

describe('taskLogSources', () => {
  const definition = (containers: Array<Record<string, unknown>>): TaskDefinitionDoc => ({
    family: 'migrate',
    containerDefinitions: containers,
  });
  const awslogs = (options: Record<string, string>) => ({ logDriver: 'awslogs', options });

  it('does not follow a container whose awslogs-region is no region name, and says so without quoting it', () => {
    const options = {
      'awslogs-group': '/ecs/migrate',
      'awslogs-stream-prefix': 'm',
      'awslogs-region': 'evil.example.com/x?',
    };
    const sources = taskLogSources(definition([{ name: 'app', logConfiguration: awslogs(options) }]), TASK_ARN);
    expect(sources.streams).toEqual([]);
    expect(sources.elsewhere).toEqual([
      'container app: not in the job log: its awslogs-region is not an AWS region name (like eu-west-1)',
    ]);
  });

  it('follows awslogs containers with a stream prefix, in the awslogs-region (else the task region)', () => {
    const sources = taskLogSources(
      definition([
        {
          name: 'app',
          logConfiguration: awslogs({
            'awslogs-group': '/ecs/migrate',
            'awslogs-stream-prefix': 'migrate',
            'awslogs-region': 'eu-west-1',
          }),
        },
        { name: 'worker', logConfiguration: awslogs({ 'awslogs-group': '/ecs/worker', 'awslogs-stream-prefix': 'w' }) },
      ]),
      TASK_ARN,
    );
    expect(
      sources.streams.map(({ container, group, stream, region }) => ({ container, group, stream, region })),
    ).toEqual([
      { container: 'app', group: '/ecs/migrate', stream: 'migrate/app/abc123', region: 'eu-west-1' },
      { container: 'worker', group: '/ecs/worker', stream: 'w/worker/abc123', region: 'us-east-1' },
    ]);
    expect(sources.elsewhere).toEqual([]);
  });

  it.each([
    ['no logConfiguration', {}, 'container side: not in the job log: it has no logConfiguration'],
    [
      'another log driver',
      { logConfiguration: { logDriver: 'awsfirelens' } },
      'container side: not in the job log: its log driver is awsfirelens, not awslogs',
    ],
    [
      'awslogs without a group',
      { logConfiguration: awslogs({ 'awslogs-stream-prefix': 'p' }) },
      'container side: not in the job log: its awslogs configuration has no awslogs-group',
    ],
    [
      'awslogs without a stream prefix (the stream name is not predictable)',
      { logConfiguration: awslogs({ 'awslogs-group': '/ecs/side' }) },
      "container side: not in the job log: awslogs without awslogs-stream-prefix names its stream after the container's runtime id, which cannot be known in advance (set awslogs-stream-prefix); group /ecs/side (us-east-1)",
    ],
  ])('says in one line where the logs of a container with %s are not', (_, fields, line) => {
    const sources = taskLogSources(definition([{ name: 'side', ...fields }]), TASK_ARN);
    expect(sources.streams).toEqual([]);
    expect(sources.elsewhere).toHaveLength(1);
    expect(sources.elsewhere[0]).toContain(line);
  });
});

describe('earlierAttemptTask', () => {
  const step = stepIdentityFor(['42', 'deploy', 'migrate'], 3);
  const task = (id: string, attempt: string, fields: Partial<Task> = {}): Task => ({
    taskArn: taskArn(id),
    lastStatus: 'RUNNING',
    desiredStatus: 'RUNNING',
    tags: [
      { key: 'image-deploy:step', value: step.key },
      { key: 'image-deploy:attempt', value: attempt },
    ],
    ...fields,
  });

  it.each<[string, Task[], string | undefined]>([
    ['the running task of an earlier attempt', [task('a1', '1')], 'a1'],
    ['the newest earlier attempt of several', [task('a1', '1'), task('a2', '2')], 'a2'],
    ['none when it has stopped', [task('a1', '1', { lastStatus: 'STOPPED', desiredStatus: 'STOPPED' })], undefined],
    ['none when it is stopping', [task('a1', '1', { lastStatus: 'RUNNING', desiredStatus: 'STOPPED' })], undefined],
    [
      'none for another step',
      [
        task('a1', '1', {
          tags: [
            { key: 'image-deploy:step', value: 'other' },
            { key: 'image-deploy:attempt', value: '1' },
          ],
        }),
      ],
      undefined,
    ],
    ['none for this same attempt (the client token answers for it)', [task('a3', '3')], undefined],
    ['none for a task without our tags', [{ taskArn: taskArn('x'), lastStatus: 'RUNNING' }], undefined],
  ])('finds %s', (_, tasks, expected) => {
    const found = earlierAttemptTask(tasks, step);
    expect(found?.task.taskArn).toBe(expected === undefined ? undefined : taskArn(expected));
  });

  it('says which attempt started it', () => {
    expect(earlierAttemptTask([task('a2', '2')], step)?.attempt).toBe(2);
  });
});
