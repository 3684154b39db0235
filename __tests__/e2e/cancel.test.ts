import { describe, expect, it } from 'vitest';
import { CANCELLED_STOP_REASON } from '../../src/plan/run-task-result.ts';
import { createImageFunction, createRepository, pushImage } from '../support/aws-fixtures.ts';
import { imageNeverAppears } from '../support/ecr-scenarios.ts';
import { defaultNetwork, seedFamily } from '../support/ecs-fixtures.ts';
import { lambdaUpdateStaysInProgress } from '../support/lambda-scenarios.ts';
import type { ActionRun } from '../support/run-action.ts';
import { errorText, runAction, transcript } from '../support/run-action.ts';
import { taskNeverStops } from '../support/task-scenarios.ts';
import type { Testbed } from '../support/testbed.ts';
import { useTestbed } from '../support/testbed.ts';

// A cancelled job (the runner sends SIGINT; aws-facts.md, "GitHub runner facts") ends every
// wait at once: the action exits on its own, long before the wait's own timeout, says it
// was cancelled and writes the job summary. The waits are held open by the proxy: a Lambda
// update that stays InProgress, an image that never appears, a task that never stops.

/** Far beyond the test's patience: a run that ends was ended by the cancel, not by this. */
const WAIT_TIMEOUT = '30m';
/** runAction kills a run still going after this (exitCode null, timedOut): the cancel did not end it. */
const KILL_AFTER_MS = 60_000;

describe.concurrent('a job cancelled mid-wait', () => {
  const testbed = useTestbed();

  /** Runs the action, sends SIGINT once `waiting()` holds, and returns the finished run. */
  async function cancelWhen(
    lane: Testbed,
    inputs: Record<string, string>,
    waiting: (from: number) => boolean,
  ): Promise<ActionRun> {
    let pid: number | undefined;
    const from = lane.proxy.calls.length;
    const running = runAction({
      inputs,
      env: lane.awsEnv,
      timeoutMs: KILL_AFTER_MS,
      onSpawn: (p) => {
        pid = p;
      },
    });
    const until = Date.now() + 40_000;
    while (Date.now() < until && !waiting(from)) await new Promise((resolve) => setTimeout(resolve, 100));
    expect(waiting(from), 'the action never reached the wait').toBe(true);
    process.kill(pid ?? 0, 'SIGINT');
    return running;
  }

  function expectEndedByTheCancel(run: ActionRun, waitedFor: string): void {
    // It exited by itself (not killed at KILL_AFTER_MS, so long before WAIT_TIMEOUT) and failed.
    expect(run.timedOut, transcript(run)).toBe(false);
    expect(run.exitCode, transcript(run)).toBe(1);
    const error = errorText(run);
    expect(error).toContain('The job was cancelled');
    expect(error).toContain(waitedFor);
    expect(error).not.toMatch(/timed out/i);
    expect(run.stdout).toMatch(/::warning::The job was cancelled \(SIGINT\)/);
    // The summary was written, and says the deploy did not finish.
    expect(run.summary).toMatch(/cancelled/i);
  }

  it('during a Lambda update wait: exits on its own, cancelled, summary written', () =>
    testbed.lane(async (lane) => {
      const repo = await createRepository(lane.endpoint, 'cancel-fn');
      const running = await pushImage(lane.endpoint, repo, 'v1');
      await pushImage(lane.endpoint, repo, 'v2');
      const fn = await createImageFunction(lane.endpoint, { name: 'cancel-fn', imageUri: running.pinned });
      lambdaUpdateStaysInProgress(lane.proxy, fn.name);

      const run = await cancelWhen(
        lane,
        {
          mode: 'image, lambda',
          image: repo.uri,
          tag: 'v2',
          'function-name': fn.name,
          'poll-interval': '1s',
          'wait-timeout': WAIT_TIMEOUT,
        },
        // Updated, and the wait has read the function at least twice since.
        (from) => {
          const calls = lane.proxy.calls.slice(from);
          const updated = calls.findIndex((c) => c.operation === 'UpdateFunctionCode');
          return (
            updated >= 0 && calls.slice(updated).filter((c) => c.operation === 'GetFunctionConfiguration').length >= 2
          );
        },
      );

      expectEndedByTheCancel(run, `the code update of Lambda function '${fn.name}'`);
    }));

  it('during an image wait (wait-for-image): exits on its own, cancelled, summary written', () =>
    testbed.lane(async (lane) => {
      const repo = await createRepository(lane.endpoint, 'cancel-image');
      await pushImage(lane.endpoint, repo, 'v1');
      const image = imageNeverAppears(lane.proxy, { repository: repo.name, tag: 'v2' });

      const run = await cancelWhen(
        lane,
        { mode: 'image', image: repo.uri, tag: 'v2', 'wait-for-image': WAIT_TIMEOUT, 'poll-interval': '1s' },
        () => image.refused >= 2,
      );

      expectEndedByTheCancel(run, `to appear in repository '${repo.uri}'`);
    }));

  it('during a one-off task wait: stops the task it started (StopTask once), exits on its own, summary written', () =>
    testbed.lane(async (lane) => {
      const network = await defaultNetwork(lane.endpoint);
      await seedFamily(lane.endpoint, 'cancel-task', 'cancel-migrate');
      const task = taskNeverStops(lane.proxy, { family: 'cancel-migrate', containers: ['app', 'sidecar'] });

      const run = await cancelWhen(
        lane,
        {
          mode: 'run-task',
          cluster: 'cancel-task',
          'run-task-definition': 'cancel-migrate',
          'run-task-container': 'app',
          subnets: network.subnets.join(','),
          'security-groups': network.securityGroups.join(','),
          'poll-interval': '1s',
          'wait-timeout': WAIT_TIMEOUT,
        },
        (from) => lane.proxy.callsTo('DescribeTasks', from) >= 2,
      );

      expectEndedByTheCancel(run, 'to stop');
      const stops = lane.proxy.calls.filter((c) => c.operation === 'StopTask');
      expect(stops.map((c) => c.body)).toEqual([
        { cluster: 'cancel-task', task: task.runs[0]?.taskArns[0], reason: CANCELLED_STOP_REASON },
      ]);
      expect(task.onlyRun().stopped?.reason).toBe(CANCELLED_STOP_REASON);
    }));
});
