import type { Task } from '@aws-sdk/client-ecs';
import { stopTask } from '../aws/ecs.ts';
import type { StepDeps } from '../deps.ts';
import { messageOf } from '../errors.ts';
import { taskDefinitionLabel, taskIdOf } from '../plan/aws-names.ts';
import { nonEssentialContainers } from '../plan/containers.ts';
import { formatDuration } from '../plan/duration.ts';
import { describeStoppedTask } from '../plan/ecs-progress.ts';
import { CANCELLED_STOP_REASON, judgeStoppedTask, taskStatusLine, timeoutStopReason } from '../plan/run-task-result.ts';
import type { TaskDefinitionDoc } from '../plan/task-definition-types.ts';
import { type Failure, failed, withDetails } from '../plan/verdict.ts';
import type { RunTaskResult } from '../results.ts';
import type { RunTaskOptions } from '../settings.ts';
import { followTaskLogs, type TaskLogs } from './run-task-logs.ts';
import { stopHint, waitForTaskStop } from './run-task-wait.ts';

/**
 * How long to wait for a task stopped at wait-timeout to report STOPPED. StopTask sends
 * SIGTERM, then SIGKILL after the container's stopTimeout (30 s by default, at most 120 s
 * on Fargate), then ECS deprovisions the task: two minutes cover the default with room.
 */
export const STOP_WAIT_MS = 120_000;

export interface FollowedTask {
  cluster: string;
  taskArn: string;
  /** What the task runs: decides which containers are essential and where their logs are. */
  taskDefinition: TaskDefinitionDoc;
  /** The container whose exit code is the task's. */
  containerName: string | undefined;
  /** Where the logs are, one line per awslogs container (for the failure's details). */
  logs: string[];
  /** This attempt of the step started it (not an earlier attempt): a cancelled job stops it. */
  startedHere: boolean;
}

export type TaskOutcome = Pick<RunTaskResult, 'verdict'> & Pick<Partial<RunTaskResult>, 'exitCode'>;

/**
 * Waits until the task stops, printing its log lines as they arrive (`run-task-logs`), and
 * judges it by the essential containers' exit codes. A task still running at `wait-timeout`
 * is stopped, briefly waited for, and reported with its final state.
 */
export async function followTask(task: FollowedTask, options: RunTaskOptions, deps: StepDeps): Promise<TaskOutcome> {
  const { cluster, taskArn } = task;
  const logs = followTaskLogs({ taskDefinition: task.taskDefinition, taskArn, enabled: options.logs }, deps);
  const wait = { cluster, taskArn, intervalMs: options.wait.intervalMs, onRunning: () => logs.poll() };
  const outcome = await waitForTaskStop({ ...wait, timeoutMs: options.wait.timeoutMs }, deps);
  if (outcome.state === 'gave-up') return { verdict: withDetails(outcome.failure, logLines(task.logs)) };
  if (outcome.state === 'cancelled') return { verdict: await stopCancelled(task, outcome.failure, deps) };
  if (outcome.state === 'stopped') {
    await finish(outcome.task, logs, deps);
    return judged(outcome.task, task, deps);
  }

  const timeout = formatDuration(options.wait.timeoutMs);
  const id = taskIdOf(taskArn);
  const reason = timeoutStopReason(timeout);
  const hint = stopHint(cluster, taskArn);
  deps.log.warning(
    `Task ${id} is still running at wait-timeout ${timeout}: stopping it (StopTask, reason '${reason}').`,
  );
  try {
    await stopTask(deps.clients.ecs, cluster, taskArn, reason);
  } catch (error) {
    const failure = withDetails(outcome.failure, [
      `Stopping it failed (${messageOf(error)}): it may still be running; ${hint}.`,
      ...logLines(task.logs),
    ]);
    return { verdict: failure };
  }
  const after = await waitForTaskStop({ ...wait, timeoutMs: STOP_WAIT_MS }, deps);
  if (after.state === 'cancelled') {
    return {
      verdict: withDetails(outcome.failure, [
        `It was asked to stop (StopTask); the job was cancelled before it reported STOPPED: ${hint}.`,
        ...logLines(task.logs),
      ]),
    };
  }
  if (after.state !== 'stopped') {
    const verdict = failed(
      'timed-out',
      `Task ${id} in cluster '${cluster}' was still running at wait-timeout ${timeout}; it was asked to stop (StopTask), but had not stopped ${formatDuration(STOP_WAIT_MS)} later.`,
      [after.failure.reason, `It may still be running: ${hint}.`, ...logLines(task.logs)],
    );
    return { verdict };
  }
  await finish(after.task, logs, deps);
  // Its exit codes say how it ended, not whether it worked: it was stopped before it finished.
  const { exitCode } = judgeStoppedTask({
    task: after.task,
    taskDefinition: task.taskDefinition,
    containerName: task.containerName,
  });
  return {
    verdict: timedOutAndStopped(after.task, task, timeout, outcome.failure),
    ...(exitCode === undefined ? {} : { exitCode }),
  };
}

/**
 * The job was cancelled while the task ran. A task this attempt started is stopped (one
 * StopTask, not waited for: the runner ends the process seconds later); one an earlier
 * attempt started is left to run, as that attempt left it.
 */
async function stopCancelled(task: FollowedTask, cancelled: Failure, deps: StepDeps): Promise<Failure> {
  const { cluster, taskArn } = task;
  const id = taskIdOf(taskArn);
  if (!task.startedHere) {
    return withDetails(cancelled, [
      `Task ${id} was started by an earlier attempt of this step, so it was left running: ${stopHint(cluster, taskArn)}.`,
      ...logLines(task.logs),
    ]);
  }
  try {
    await stopTask(deps.clients.ecs, cluster, taskArn, CANCELLED_STOP_REASON);
  } catch (error) {
    return withDetails(cancelled, [
      `Stopping it failed (${messageOf(error)}): it may still be running; ${stopHint(cluster, taskArn)}.`,
      ...logLines(task.logs),
    ]);
  }
  deps.log.warning(`The job was cancelled: asked task ${id} to stop (StopTask, reason '${CANCELLED_STOP_REASON}').`);
  return withDetails(cancelled, [
    `Task ${id} was asked to stop (StopTask) because the job was cancelled.`,
    ...logLines(task.logs),
  ]);
}

/** The task stopped: say so, then print the lines written since the last poll (or since a stop between two polls). */
async function finish(final: Task, logs: TaskLogs, deps: StepDeps): Promise<void> {
  deps.log.info(taskStatusLine(final));
  await logs.drain();
}

/** The task stopped by the action at the timeout: a failure whatever its exit codes, saying it was stopped. */
function timedOutAndStopped(final: Task, task: FollowedTask, timeout: string, timedOut: Failure): Failure {
  return failed(
    'timed-out',
    `Task ${taskIdOf(final.taskArn)} (${taskDefinitionLabel(final.taskDefinitionArn)}) in cluster '${task.cluster}' was still running at wait-timeout ${timeout}, so it was stopped (StopTask); it has stopped.`,
    [
      timedOut.reason,
      ...describeStoppedTask(final, { nonEssentialContainers: nonEssentialContainers(task.taskDefinition) }),
      ...logLines(task.logs),
    ],
  );
}

function judged(final: Task, task: FollowedTask, deps: StepDeps): TaskOutcome {
  const judgement = judgeStoppedTask({
    task: final,
    taskDefinition: task.taskDefinition,
    containerName: task.containerName,
  });
  const exit = judgement.exitCode === undefined ? {} : { exitCode: judgement.exitCode };
  const id = taskIdOf(final.taskArn);
  for (const note of judgement.notes) deps.log.warning(`Task ${id}: ${note}.`);
  if (judgement.state === 'succeeded') {
    deps.log.info(`Task ${id} succeeded: every essential container exited 0.`);
    return { verdict: { state: 'succeeded' }, ...exit };
  }
  const verdict = failed(
    'task-failed',
    `Task ${id} (${taskDefinitionLabel(final.taskDefinitionArn)}) in cluster '${task.cluster}' failed: ${judgement.problems.join('; ')}.`,
    [
      ...describeStoppedTask(final, { nonEssentialContainers: nonEssentialContainers(task.taskDefinition) }),
      ...logLines(task.logs),
    ],
  );
  return { verdict, ...exit };
}

export function logLines(logs: string[]): string[] {
  return logs.map((line) => `logs of ${line}`);
}
