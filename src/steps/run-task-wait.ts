import type { Task } from '@aws-sdk/client-ecs';
import { describeTasks } from '../aws/ecs.ts';
import type { StepDeps } from '../deps.ts';
import { failureOf } from '../failure.ts';
import { taskIdOf } from '../plan/aws-names.ts';
import { taskStatusLine } from '../plan/run-task-result.ts';
import { withDetails, type Failure } from '../plan/verdict.ts';
import { waitFor } from '../wait.ts';

export type TaskStopOutcome =
  | { state: 'stopped'; task: Task }
  /** Gave up (timeout, or AWS failing while we watched): the task may still run. */
  | { state: 'gave-up'; failure: Failure };

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
          return { done: false, state: taskStatusLine(task) };
        },
      },
      deps,
    );
    return { state: 'stopped', task };
  } catch (error) {
    const failure = failureOf(error, deps.log);
    const stop = `stop it with 'aws ecs stop-task --cluster ${cluster} --task ${taskArn}' if it should not finish`;
    const hint = failure.kind === 'timed-out' ? `Task ${taskArn} is still running: ${stop}.` : `It may still be running: ${stop}.`;
    const reason = failure.kind === 'timed-out' ? failure.reason : `Could not follow task ${taskArn}: ${failure.reason}`;
    return { state: 'gave-up', failure: withDetails({ ...failure, reason }, [hint]) };
  }
}
