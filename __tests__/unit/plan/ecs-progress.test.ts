import type { Service } from '@aws-sdk/client-ecs';
import { describe, expect, it } from 'vitest';
import { taskDefinitionLabel } from '../../../src/plan/aws-names.ts';
import {
  describeStoppedTask,
  formatServiceEvent,
  newServiceEvents,
  rolloutProgressLine,
  serviceEventKey,
  summarizeTaskFailures,
} from '../../../src/plan/ecs-progress.ts';
import {
  aContainer,
  aDeployment,
  anOldDeployment,
  aService,
  aServiceEvent,
  aStoppedTask,
  taskArn,
  taskDefinitionArn,
} from '../../support/ecs-builders.ts';

const OURS = 'ecs-svc/2';

function rollingService(): Service {
  return aService({
    deployments: [
      aDeployment({
        id: OURS,
        taskDefinition: taskDefinitionArn('web', 5),
        rolloutState: 'IN_PROGRESS',
        runningCount: 1,
        desiredCount: 2,
        pendingCount: 1,
        failedTasks: 0,
      }),
      anOldDeployment({
        id: 'ecs-svc/1',
        taskDefinition: taskDefinitionArn('web', 4),
        runningCount: 2,
        desiredCount: 2,
      }),
    ],
  });
}

describe('taskDefinitionLabel', () => {
  it.each([
    {
      name: 'takes family:revision from an ARN',
      input: 'arn:aws:ecs:us-east-1:123:task-definition/web:5',
      expected: 'web:5',
    },
    {
      name: 'takes family:revision from a China-partition ARN',
      input: 'arn:aws-cn:ecs:cn-north-1:123456789012:task-definition/api-worker:12',
      expected: 'api-worker:12',
    },
    { name: 'returns a family:revision that is not an ARN unchanged', input: 'web:5', expected: 'web:5' },
    {
      name: 'returns a non-task-definition ARN unchanged',
      input: 'arn:aws:ecs:us-east-1:123:service/prod/web',
      expected: 'arn:aws:ecs:us-east-1:123:service/prod/web',
    },
    { name: 'says (none) when there is no ARN', input: undefined, expected: '(none)' },
  ])('$name', ({ input, expected }) => {
    expect(taskDefinitionLabel(input)).toBe(expected);
  });
});

describe('rolloutProgressLine', () => {
  it('describes our deployment in full and the old one by its running count', () => {
    expect(rolloutProgressLine(rollingService(), OURS)).toBe(
      'new web:5 (ecs-svc/2) IN_PROGRESS running 1/2 pending 1 failed 0 | old web:4 running 2/2',
    );
  });

  it.each([
    {
      name: 'leaves out the rollout state when the controller gives none',
      service: aService({ deployments: [aDeployment({ id: OURS, rolloutState: undefined })] }),
      expected: 'new web:5 (ecs-svc/2) running 2/2 pending 0 failed 0',
    },
    {
      name: 'shows 0 for counts ECS left out',
      service: aService({
        deployments: [
          aDeployment({
            id: OURS,
            runningCount: undefined,
            desiredCount: undefined,
            pendingCount: undefined,
            failedTasks: undefined,
          }),
        ],
      }),
      expected: 'new web:5 (ecs-svc/2) COMPLETED running 0/0 pending 0 failed 0',
    },
    {
      name: 'calls another PRIMARY deployment primary, not old, and shows its pending tasks',
      service: aService({
        deployments: [
          aDeployment({
            id: 'ecs-svc/3',
            taskDefinition: taskDefinitionArn('web', 4),
            runningCount: 1,
            pendingCount: 1,
          }),
          aDeployment({ id: OURS, status: 'ACTIVE', rolloutState: 'FAILED', runningCount: 0, failedTasks: 3 }),
        ],
      }),
      expected: 'new web:5 (ecs-svc/2) FAILED running 0/2 pending 0 failed 3 | primary web:4 running 1/2 pending 1',
    },
    {
      name: 'says our deployment is gone when the service no longer lists it',
      service: aService({
        deployments: [aDeployment({ id: 'ecs-svc/3', taskDefinition: taskDefinitionArn('web', 4) })],
      }),
      expected: 'new (ecs-svc/2) gone from the service | primary web:4 running 2/2',
    },
  ])('$name', ({ service, expected }) => {
    expect(rolloutProgressLine(service, OURS)).toBe(expected);
  });
});

// The wait loop prints the line only when it differs from the last one printed.
describe('rolloutProgressLine as a change detector', () => {
  const withOurs = (overrides: Parameters<typeof aDeployment>[0]): Service => {
    const base = rollingService();
    const [ours, old] = base.deployments ?? [];
    return { ...base, deployments: [{ ...ours, ...overrides }, ...(old ? [old] : [])] };
  };
  const withOld = (overrides: Parameters<typeof aDeployment>[0]): Service => {
    const base = rollingService();
    const [ours, old] = base.deployments ?? [];
    return { ...base, deployments: [...(ours ? [ours] : []), { ...old, ...overrides }] };
  };

  it.each([
    { name: 'our running count', changed: withOurs({ runningCount: 2 }) },
    { name: 'our desired count', changed: withOurs({ desiredCount: 3 }) },
    { name: 'our pending count', changed: withOurs({ pendingCount: 0 }) },
    { name: 'our failed tasks', changed: withOurs({ failedTasks: 1 }) },
    { name: 'our rollout state', changed: withOurs({ rolloutState: 'COMPLETED' }) },
    { name: 'the old running count', changed: withOld({ runningCount: 1 }) },
    { name: 'the old pending count', changed: withOld({ pendingCount: 1 }) },
    { name: 'the old deployment becoming PRIMARY', changed: withOld({ status: 'PRIMARY' }) },
    {
      name: 'the old deployment leaving',
      changed: { ...rollingService(), deployments: rollingService().deployments?.slice(0, 1) },
    },
    {
      name: 'our deployment leaving',
      changed: { ...rollingService(), deployments: rollingService().deployments?.slice(1) },
    },
  ])('changes with $name', ({ changed }) => {
    expect(rolloutProgressLine(changed, OURS)).not.toBe(rolloutProgressLine(rollingService(), OURS));
  });

  it.each([
    { name: 'a timestamp', changed: withOurs({ updatedAt: new Date('2030-01-01T00:00:00Z') }) },
    { name: 'the old failed tasks, which the line does not show', changed: withOld({ failedTasks: 7 }) },
    { name: 'the rollout state reason', changed: withOurs({ rolloutStateReason: 'something else' }) },
    { name: 'service events', changed: { ...rollingService(), events: [aServiceEvent()] } },
  ])('stays the same when only $name changes', ({ changed }) => {
    expect(rolloutProgressLine(changed, OURS)).toBe(rolloutProgressLine(rollingService(), OURS));
  });
});

describe('newServiceEvents', () => {
  const since = new Date('2025-01-01T10:00:00.000Z');
  const at = (iso: string) => new Date(iso);
  // ECS lists events newest first.
  const events = [
    aServiceEvent({ id: 'e4', createdAt: at('2025-01-01T10:03:00Z'), message: 'has reached a steady state.' }),
    aServiceEvent({ id: 'e3', createdAt: at('2025-01-01T10:02:00Z'), message: 'has started 1 tasks.' }),
    aServiceEvent({ id: 'e2', createdAt: at('2025-01-01T10:00:00Z'), message: 'registered 1 targets.' }),
    aServiceEvent({ id: 'e1', createdAt: at('2025-01-01T09:59:59Z'), message: 'before our deploy' }),
  ];

  it.each([
    { name: 'returns events since the deploy started, oldest first', seen: [], expected: ['e2', 'e3', 'e4'] },
    { name: 'leaves out events already printed', seen: ['e2', 'e4'], expected: ['e3'] },
    { name: 'returns nothing when everything was printed', seen: ['e2', 'e3', 'e4'], expected: [] },
  ])('$name', ({ seen, expected }) => {
    expect(newServiceEvents(events, since, new Set(seen)).map((e) => e.id)).toEqual(expected);
  });

  it('returns nothing when ECS sent no events', () => {
    expect(newServiceEvents(undefined, since, new Set())).toEqual([]);
  });

  it('keeps events with the same timestamp oldest first', () => {
    const sameTime = [
      aServiceEvent({ id: 'later', createdAt: at('2025-01-01T10:01:00Z') }),
      aServiceEvent({ id: 'earlier', createdAt: at('2025-01-01T10:01:00Z') }),
    ];
    expect(newServiceEvents(sameTime, since, new Set()).map((e) => e.id)).toEqual(['earlier', 'later']);
  });

  it('skips events without a timestamp, since it cannot tell whether they are new', () => {
    expect(newServiceEvents([aServiceEvent({ createdAt: undefined })], since, new Set())).toEqual([]);
  });

  it('recognises an event without an id by its key', () => {
    const anonymous = aServiceEvent({ id: undefined, createdAt: at('2025-01-01T10:01:00Z'), message: 'hello' });
    expect(newServiceEvents([anonymous], since, new Set([serviceEventKey(anonymous)]))).toEqual([]);
    expect(newServiceEvents([anonymous], since, new Set())).toEqual([anonymous]);
  });

  it('does not reorder the array it was given', () => {
    const copy = [...events];
    newServiceEvents(events, since, new Set());
    expect(events).toEqual(copy);
  });
});

describe('formatServiceEvent', () => {
  it.each([
    {
      name: 'puts the ISO timestamp in front of the message',
      event: aServiceEvent({
        createdAt: new Date('2025-01-01T10:02:03.000Z'),
        message: '(service web) has started 1 tasks.',
      }),
      expected: '2025-01-01T10:02:03.000Z event: (service web) has started 1 tasks.',
    },
    {
      name: 'prints the message alone when there is no timestamp',
      event: aServiceEvent({ createdAt: undefined, message: 'unable to place a task' }),
      expected: 'event: unable to place a task',
    },
  ])('$name', ({ event, expected }) => {
    expect(formatServiceEvent(event)).toBe(expected);
  });
});

describe('describeStoppedTask', () => {
  const id = 'abcdef0123456789abcdef0123456789';

  it.each([
    {
      name: 'names the task, its stop code and reason, then each container exit code and reason',
      task: aStoppedTask({
        taskArn: taskArn(id),
        containers: [
          aContainer({ name: 'app', exitCode: 137, reason: 'OutOfMemoryError: Container killed due to memory usage' }),
          aContainer({ name: 'log-router', exitCode: 0 }),
        ],
      }),
      expected: [
        `task ${id} stopped (EssentialContainerExited): Essential container in task exited`,
        '  container app: exit code 137 — OutOfMemoryError: Container killed due to memory usage',
        '  container log-router: exit code 0',
      ],
    },
    {
      name: 'says no exit code when a container never exited with one',
      task: aStoppedTask({
        taskArn: taskArn(id),
        stopCode: 'TaskFailedToStart',
        stoppedReason: 'CannotPullContainerError: pull image manifest has been retried 5 time(s)',
        containers: [aContainer({ name: 'app', exitCode: undefined, reason: 'CannotPullContainerError: not found' })],
      }),
      expected: [
        `task ${id} stopped (TaskFailedToStart): CannotPullContainerError: pull image manifest has been retried 5 time(s)`,
        '  container app: no exit code — CannotPullContainerError: not found',
      ],
    },
    {
      name: 'leaves out the stop code and says so when the reason is missing',
      task: aStoppedTask({ taskArn: taskArn(id), stopCode: undefined, stoppedReason: undefined, containers: [] }),
      expected: [`task ${id} stopped: no stop reason given`],
    },
  ])('$name', ({ task, expected }) => {
    expect(describeStoppedTask(task)).toEqual(expected);
  });

  it.each([
    { name: 'skips a non-essential container that exited 0 without a reason', sidecar: { exitCode: 0 }, shown: false },
    {
      name: 'skips a non-essential container with neither exit code nor reason',
      sidecar: { exitCode: undefined },
      shown: false,
    },
    { name: 'keeps a non-essential container that exited non-zero', sidecar: { exitCode: 2 }, shown: true },
    {
      name: 'keeps a non-essential container that has a reason',
      sidecar: { exitCode: 0, reason: 'stopped by agent' },
      shown: true,
    },
  ])('$name', ({ sidecar, shown }) => {
    const task = aStoppedTask({ containers: [aContainer({ name: 'app' }), aContainer({ name: 'xray', ...sidecar })] });

    const lines = describeStoppedTask(task, { nonEssentialContainers: new Set(['xray']) });

    expect(lines.some((l) => l.includes('container xray'))).toBe(shown);
    expect(lines.some((l) => l.includes('container app'))).toBe(true);
  });

  it('keeps a container that exited 0 when nothing says it is non-essential', () => {
    const task = aStoppedTask({ containers: [aContainer({ name: 'app', exitCode: 0 })] });
    expect(describeStoppedTask(task)).toContain('  container app: exit code 0');
  });
});

describe('summarizeTaskFailures', () => {
  const stoppedAt = (minute: number) =>
    aStoppedTask({
      taskArn: taskArn(`task${minute}`),
      stoppedAt: new Date(Date.UTC(2025, 0, 1, 10, minute)),
      containers: [],
    });
  const headLines = (lines: string[]) => lines.filter((l) => l.startsWith('task '));

  it('lists tasks newest first', () => {
    const lines = summarizeTaskFailures([stoppedAt(1), stoppedAt(3), stoppedAt(2)]);
    expect(headLines(lines).map((l) => l.split(' ')[1])).toEqual(['task3', 'task2', 'task1']);
  });

  it.each([
    { name: 'shows every task when there are no more than the limit', count: 5, limit: 5, shown: 5, more: undefined },
    {
      name: 'cuts at the limit and says how many more stopped',
      count: 8,
      limit: 5,
      shown: 5,
      more: '... and 3 more stopped tasks',
    },
    { name: 'says "task" when one more stopped', count: 3, limit: 2, shown: 2, more: '... and 1 more stopped task' },
    {
      name: 'shows none with a limit of 0 but still counts them',
      count: 2,
      limit: 0,
      shown: 0,
      more: '... and 2 more stopped tasks',
    },
  ])('$name', ({ count, limit, shown, more }) => {
    const tasks = Array.from({ length: count }, (_, i) => stoppedAt(i));

    const lines = summarizeTaskFailures(tasks, limit);

    expect(headLines(lines)).toHaveLength(shown);
    expect(lines.find((l) => l.startsWith('...'))).toBe(more);
  });

  it('defaults to a limit of 5', () => {
    const lines = summarizeTaskFailures(Array.from({ length: 6 }, (_, i) => stoppedAt(i)));
    expect(headLines(lines)).toHaveLength(5);
    expect(lines.at(-1)).toBe('... and 1 more stopped task');
  });

  it('includes each task container lines under its own task', () => {
    const lines = summarizeTaskFailures([
      aStoppedTask({ taskArn: taskArn('t1'), containers: [aContainer({ name: 'app', exitCode: 1 })] }),
    ]);
    expect(lines).toEqual([
      'task t1 stopped (EssentialContainerExited): Essential container in task exited',
      '  container app: exit code 1',
    ]);
  });

  it('does not reorder the array it was given', () => {
    const tasks = [stoppedAt(1), stoppedAt(3)];
    summarizeTaskFailures(tasks);
    expect(tasks.map((t) => t.taskArn)).toEqual([taskArn('task1'), taskArn('task3')]);
  });
});
