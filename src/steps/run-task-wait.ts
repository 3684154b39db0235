import type { Task } from '@aws-sdk/client-ecs';
import { describeTasks } from '../aws/ecs.ts';
import type { StepDeps } from '../deps.ts';
import { failureOf } from '../failure.ts';
import { taskIdOf } from '../plan/aws-names.ts';
import { hasStarted, taskStatusLine } from '../plan/run-task-result.ts';
import { type Failure, withDetails } from '../plan/verdict.ts';
import { waitFor } from '../wait.ts';

export type TaskStopOutcome =
  | { state: 'stopped'; task: Task }
  /** The timeout passed with the task not stopped: the caller stops it. */
  | { state: 'timed-out'; failure: Failure }
  /** The job was cancelled: the task may still run, and the caller decides whether to stop it. */
  | { state: 'cancelled'; failure: Failure }
  /** Gave up (AWS failing while we watched): the task may still run. */
  | { state: 'gave-up'; failure: Failure };

export interface TaskStopOptions {
  cluster: string;
  taskArn: string;
  intervalMs: number;
  timeoutMs: number;
  /** Called once per poll after DescribeTasks while the task has started and not stopped (its logs). Must not throw. */
  onRunning?: () => Promise<void>;
}

/**
 * Polls the task (one DescribeTasks per poll) until its lastStatus is STOPPED, printing a
 * line whenever the status changes. Never throws for the task's own sake: a timeout or a
 * failure to follow comes back as an outcome, so the caller keeps its ARN.
 */
export async function waitForTaskStop(options: TaskStopOptions, deps: StepDeps): Promise<TaskStopOutcome> {
  const { cluster, taskArn } = options;
  try {
    const task = await waitFor<Task>(
      {
        what: `task ${taskIdOf(taskArn)} to stop`,
        intervalMs: options.intervalMs,
        timeoutMs: options.timeoutMs,
        onProgress: (line) => deps.log.info(line),
        check: async () => {
          const [task] = await describeTasks(deps.clients.ecs, cluster, [taskArn]);
          // Right after RunTask, DescribeTasks may not list the task yet.
          if (task === undefined) return { done: false, state: `task ${taskIdOf(taskArn)}: not visible yet` };
          if (task.lastStatus === 'STOPPED') return { done: true, value: task };
          if (hasStarted(task)) await options.onRunning?.();
          return { done: false, state: taskStatusLine(task) };
        },
      },
      deps,
    );
    return { state: 'stopped', task };
  } catch (error) {
    const failure = failureOf(error, deps.log);
    if (failure.kind === 'timed-out') return { state: 'timed-out', failure };
    if (failure.kind === 'cancelled') return { state: 'cancelled', failure };
    const reason = `Could not follow task ${taskArn}: ${failure.reason}`;
    return {
      state: 'gave-up',
      failure: withDetails({ ...failure, reason }, [`It may still be running: ${stopHint(cluster, taskArn)}.`]),
    };
  }
}

/** How a person stops a task the action left running. */
export function stopHint(cluster: string, taskArn: string): string {
  return `stop it with 'aws ecs stop-task --cluster ${cluster} --task ${taskArn}' if it should not finish`;
}
