import { beforeAll, describe, expect, it } from 'vitest';
import { isRunnerCommand } from '../../src/runner/safe-text.ts';
import { defaultNetwork, seedFamily } from '../support/ecs-fixtures.ts';
import { until } from '../support/fault-deploys.ts';
import { awslogsStream, putLogLines } from '../support/log-fixtures.ts';
import type { ActionRun } from '../support/run-action.ts';
import { errorText, runAction, transcript } from '../support/run-action.ts';
import type { TaskScenario } from '../support/task-scenarios.ts';
import { taskExits, taskNeverStops } from '../support/task-scenarios.ts';
import type { Testbed } from '../support/testbed.ts';
import { useTestbed } from '../support/testbed.ts';

// One-off tasks you can watch, run as the runner runs the bundle. moto keeps the
// task and the log stream; the proxy plays the task's life (task-scenarios.ts); the test
// writes the container's log lines with PutLogEvents while the task is RUNNING. Each test
// seeds its own cluster and family (awslogs group /ecs/<family>, stream prefix 'app').

/** The runner's own commands the action issues: only these may start a stdout line. */
const OWN_COMMAND = /^::(debug|warning|error|group|endgroup)::/;

describe.concurrent('one-off tasks you can watch', () => {
  const testbed = useTestbed();
  let network: { subnets: string[]; securityGroups: string[] };

  beforeAll(async () => {
    network = await defaultNetwork(testbed.endpoint);
  });

  function run(
    lane: Testbed,
    inputs: Record<string, string>,
    options: { env?: Record<string, string>; signal?: AbortSignal; onSpawn?: (pid: number) => void } = {},
  ): Promise<ActionRun> {
    return runAction({
      inputs: {
        mode: 'run-task',
        subnets: network.subnets.join(','),
        'security-groups': network.securityGroups.join(','),
        'poll-interval': '1s',
        'wait-timeout': '60s',
        'run-task-container': 'app',
        ...inputs,
      },
      env: { ...lane.awsEnv, ...options.env },
      ...(options.signal === undefined ? {} : { signal: options.signal }),
      ...(options.onSpawn === undefined ? {} : { onSpawn: options.onSpawn }),
    });
  }

  const taskArnOf = (task: TaskScenario): string => task.runs[0]?.taskArns[0] ?? '';
  const idOf = (arn: string): string => arn.split('/').pop() ?? arn;

  it('prints the lines a container writes while the task runs before the STOPPED line, once each, with hostile ones neutralised', () =>
    testbed.lane(async (lane) => {
      await seedFamily(lane.endpoint, 'rw-logs', 'migrate-logs');
      const task = taskExits(lane.proxy, {
        family: 'migrate-logs',
        afterMs: 7000,
        runningAfterMs: 500,
        exitCodes: { app: 0, sidecar: 0 },
      });
      const hostile = [
        '::set-output name=task-arn::forged',
        '::add-mask::s3cr3t',
        '##[error]forged error',
        'two lines\n::warning::forged warning',
      ];

      const action = run(lane, {
        cluster: 'rw-logs',
        'run-task-definition': 'migrate-logs',
        'run-task-tags': 'team=data',
        'propagate-tags': 'TASK_DEFINITION',
        'enable-ecs-managed-tags': 'true',
      });
      // Once the action reads the stream, the task is RUNNING: the container writes.
      await until(() => lane.proxy.calls.some((c) => c.operation === 'GetLogEvents'));
      const stream = awslogsStream('app', 'app', taskArnOf(task));
      await putLogLines(lane.endpoint, '/ecs/migrate-logs', stream, [
        'migration 0042 started',
        ...hostile,
        'migration 0042 done',
      ]);
      const result = await action;

      expect(result.exitCode, transcript(result)).toBe(0);
      const lines = result.stdout.split('\n');
      const stoppedAt = lines.indexOf(`task ${idOf(taskArnOf(task))}: STOPPED`);
      const started = lines.indexOf('app | migration 0042 started');
      const done = lines.indexOf('app | migration 0042 done');
      expect(stoppedAt, transcript(result)).toBeGreaterThan(0);
      // Streamed while the task ran, not dumped at the end; each line once.
      expect(started).toBeGreaterThan(0);
      expect(done).toBeGreaterThan(started);
      expect(done).toBeLessThan(stoppedAt);
      expect(lines.filter((l) => l === 'app | migration 0042 started')).toHaveLength(1);
      // Hostile lines arrive as data: prefixed, '##[' broken, none read as a command.
      expect(lines).toContain('app | ##\\[error]forged error');
      expect(lines).toContain('app | two lines');
      expect(lines).toContain('app | ::warning::forged warning');
      expect(lines.filter((l) => isRunnerCommand(l) && !OWN_COMMAND.test(l))).toEqual([]);
      expect(result.outputs['task-arn']).toBe(taskArnOf(task));
      expect(lines).toContain('container sidecar: not in the job log: it has no logConfiguration');
      // At most one GetLogEvents per poll while it ran.
      const gets = lane.proxy.calls.filter((c) => c.operation === 'GetLogEvents').length;
      const describes = lane.proxy.calls.filter((c) => c.operation === 'DescribeTasks').length;
      expect(gets).toBeLessThanOrEqual(describes + 1);
      // The tags reach RunTask: the user's, the step's are absent outside a workflow run.
      expect(task.onlyRun().request).toMatchObject({
        tags: [{ key: 'team', value: 'data' }],
        propagateTags: 'TASK_DEFINITION',
        enableECSManagedTags: true,
      });
    }));

  it('reads no logs with run-task-logs false', () =>
    testbed.lane(async (lane) => {
      await seedFamily(lane.endpoint, 'rw-quiet', 'migrate-quiet');
      const task = taskExits(lane.proxy, {
        family: 'migrate-quiet',
        afterMs: 4000,
        runningAfterMs: 500,
        exitCodes: { app: 0, sidecar: 0 },
      });

      const action = run(lane, {
        cluster: 'rw-quiet',
        'run-task-definition': 'migrate-quiet',
        'run-task-logs': 'false',
      });
      // A poll that saw the task RUNNING: its container writes then.
      await until(() => {
        const started = task.runs[0]?.startedAt;
        return (
          started !== undefined &&
          lane.proxy.calls.some((c) => c.operation === 'DescribeTasks' && c.at >= started + 500)
        );
      });
      await putLogLines(lane.endpoint, '/ecs/migrate-quiet', awslogsStream('app', 'app', taskArnOf(task)), [
        'not for the job log',
      ]);
      const result = await action;

      expect(result.exitCode, transcript(result)).toBe(0);
      expect(lane.proxy.callsTo('GetLogEvents')).toBe(0);
      expect(result.stdout).not.toContain('not for the job log');
    }));

  it('stops a task that outlives wait-timeout, once, with a reason naming the action and the timeout, and says so', () =>
    testbed.lane(async (lane) => {
      await seedFamily(lane.endpoint, 'rw-stop', 'migrate-stop');
      const task = taskNeverStops(lane.proxy, { family: 'migrate-stop', containers: ['app', 'sidecar'] });

      const result = await run(lane, {
        cluster: 'rw-stop',
        'run-task-definition': 'migrate-stop',
        'wait-timeout': '3s',
      });

      expect(result.exitCode, transcript(result)).toBe(1);
      const stops = lane.proxy.calls.filter((c) => c.operation === 'StopTask');
      expect(stops.map((c) => c.body)).toEqual([
        { cluster: 'rw-stop', task: taskArnOf(task), reason: 'image-deploy: wait-timeout 3s reached' },
      ]);
      expect(task.onlyRun().stopped?.reason).toBe('image-deploy: wait-timeout 3s reached');
      const error = errorText(result);
      expect(error).toContain(`was still running at wait-timeout 3s, so it was stopped (StopTask); it has stopped.`);
      expect(error).toContain('UserInitiated');
      expect(result.outputs['task-exit-code']).toBe('143');
    }));

  it('a run killed while its task runs, re-run as attempt 2, follows that task: one RunTask in all', () =>
    testbed.lane(async (lane) => {
      await seedFamily(lane.endpoint, 'rw-rerun', 'migrate-rerun');
      const task = taskExits(lane.proxy, {
        family: 'migrate-rerun',
        afterMs: 9000,
        runningAfterMs: 500,
        exitCodes: { app: 0, sidecar: 0 },
      });
      const github = { GITHUB_RUN_ID: '9001', GITHUB_JOB: 'deploy', GITHUB_ACTION: 'migrate' };
      const inputs = { cluster: 'rw-rerun', 'run-task-definition': 'migrate-rerun' };
      let pid: number | undefined;

      const first = run(lane, inputs, {
        env: { ...github, GITHUB_RUN_ATTEMPT: '1' },
        onSpawn: (p) => {
          pid = p;
        },
      }).then((r) => (r.exitCode === null ? 'killed' : 'finished'));
      await until(() => {
        const started = task.runs[0]?.startedAt;
        return started !== undefined && lane.proxy.calls.some((c) => c.operation === 'DescribeTasks' && c.at > started);
      });
      // SIGKILL: the runner lost mid-step, so nothing stops the task (a cancelled job, SIGINT, stops it).
      process.kill(pid ?? 0, 'SIGKILL');
      expect(await first).toBe('killed');

      const second = await run(lane, inputs, { env: { ...github, GITHUB_RUN_ATTEMPT: '2' } });

      expect(second.exitCode, transcript(second)).toBe(0);
      expect(lane.proxy.callsTo('RunTask')).toBe(1);
      expect(task.runs).toHaveLength(1);
      // Attempt 2 may find the task still provisioning or already running (the script moves it at 500 ms).
      expect(second.stdout).toContain(
        `Task ${taskArnOf(task)} (migrate-rerun:1), started by attempt 1 of this step, is still `,
      );
      expect(second.stdout).toMatch(
        /is still (PROVISIONING|PENDING|ACTIVATING|RUNNING): following it instead of starting another\./,
      );
      expect(second.outputs['task-arn']).toBe(taskArnOf(task));
      expect(task.onlyRun().request.tags).toEqual([
        { key: 'image-deploy:step', value: expect.stringMatching(/^[0-9a-f]{40}$/) },
        { key: 'image-deploy:attempt', value: '1' },
      ]);
    }));

  it("attempt 2 after the first attempt's task stopped starts a new one", () =>
    testbed.lane(async (lane) => {
      await seedFamily(lane.endpoint, 'rw-again', 'migrate-again');
      const task = taskExits(lane.proxy, { family: 'migrate-again', afterMs: 1500, exitCodes: { app: 0, sidecar: 0 } });
      const github = { GITHUB_RUN_ID: '9002', GITHUB_JOB: 'deploy', GITHUB_ACTION: 'migrate' };
      const inputs = { cluster: 'rw-again', 'run-task-definition': 'migrate-again', 'run-task-tags': 'team=data' };

      const first = await run(lane, inputs, { env: { ...github, GITHUB_RUN_ATTEMPT: '1' } });
      expect(first.exitCode, transcript(first)).toBe(0);
      const second = await run(lane, inputs, { env: { ...github, GITHUB_RUN_ATTEMPT: '2' } });

      expect(second.exitCode, transcript(second)).toBe(0);
      expect(task.runs).toHaveLength(2);
      expect(second.stdout).toContain(
        'No task an earlier attempt of this step started is running: starting a new one (attempt 2).',
      );
      const [one, two] = task.runs.map((r) => r.request.tags ?? []);
      expect(two).toEqual([
        { key: 'team', value: 'data' },
        { key: 'image-deploy:step', value: one?.[1]?.value },
        { key: 'image-deploy:attempt', value: '2' },
      ]);
      expect(second.outputs['task-arn']).toBe(task.runs[1]?.taskArns[0]);
    }));
});
