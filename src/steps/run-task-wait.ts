import type { Task } from '@aws-sdk/client-ecs';
import { describeTasks } from '../aws/ecs.ts';
import type { StepDeps } from '../deps.ts';
import { UserError, messageOf } from '../errors.ts';
import { taskIdOf, taskStatusLine } from '../plan/run-task.ts';
import { waitFor } from '../wait.ts';

export type TaskStopOutcome =
  | { state: 'stopped'; task: Task }
  /** Gave up (timeout, or AWS failing while we watched): the task may still run. */
  | { state: 'gave-up'; message: string };

export interface TaskStopOptions {
  cluster: string;
  taskArn: string;
  intervalMs: number;
  timeoutMs: number;
}

/**
 * Polls the task (one DescribeTasks per poll) until its lastStatus is STOPPED, printing a
 * line whenever the status changes. Never throws for the task's own sake: a timeout comes
 * back as 'gave-up' with how to stop the task, so the caller keeps its ARN.
 */
export async function waitForTaskStop(options: TaskStopOptions, deps: StepDeps): Promise<TaskStopOutcome> {
  const { cluster, taskArn } = options;
  try {
    const task = await waitFor<Task>({
      what: `task ${taskIdOf(taskArn)} to stop`,
      intervalMs: options.intervalMs,
      timeoutMs: options.timeoutMs,
      sleep: deps.sleep,
      now: deps.now,
      onProgress: (line) => deps.log.info(line),
      check: async () => {
        const [task] = await describeTasks(deps.clients.ecs, cluster, [taskArn]);
        // Right after RunTask, DescribeTasks may not list the task yet.
        if (task === undefined) return { done: false, state: `task ${taskIdOf(taskArn)}: not visible yet` };
        if (task.lastStatus === 'STOPPED') return { done: true, value: task };
        return { done: false, state: taskStatusLine(task) };
      },
    });
    return { state: 'stopped', task };
  } catch (error) {
    const stop = `stop it with 'aws ecs stop-task --cluster ${cluster} --task ${taskArn}' if it should not finish`;
    // waitFor's only UserError is its timeout.
    const message =
      error instanceof UserError
        ? `${messageOf(error)}\nTask ${taskArn} is still running: ${stop}.`
        : `Could not follow task ${taskArn}: ${messageOf(error)}\nIt may still be running: ${stop}.`;
    return { state: 'gave-up', message };
  }
}
