import { describeTasksWithTags, listRunningTasks } from '../aws/ecs.ts';
import type { StepDeps } from '../deps.ts';
import { messageOf, UserError } from '../errors.ts';
import { type EarlierTask, earlierAttemptTask } from '../plan/run-task-rerun.ts';
import type { RunTaskOptions } from '../settings.ts';

/** ListTasks pages (100 tasks each) looked through: a cluster with more running tasks of one startedBy is not expected. */
export const MAX_LIST_PAGES = 10;
const DESCRIBE_BATCH = 100;

/**
 * On a re-run (attempt 2 or later), the task an earlier attempt of this step started that
 * still runs: ListTasks (startedBy, RUNNING) then DescribeTasks with tags. Undefined on
 * the first attempt and outside a workflow run. A failed look-up fails the step before
 * RunTask: starting blind could run the task twice.
 */
export async function findEarlierAttemptTask(
  options: RunTaskOptions,
  deps: StepDeps,
): Promise<EarlierTask | undefined> {
  const { step, cluster, startedBy } = options;
  if (step === undefined || step.attempt <= 1) return undefined;
  try {
    const arns: string[] = [];
    let nextToken: string | undefined;
    for (let page = 0; page < MAX_LIST_PAGES; page++) {
      const listed = await listRunningTasks(deps.clients.ecs, cluster, startedBy, nextToken);
      arns.push(...listed.taskArns);
      nextToken = listed.nextToken;
      if (nextToken === undefined) break;
    }
    const described = [];
    for (let i = 0; i < arns.length; i += DESCRIBE_BATCH)
      described.push(...(await describeTasksWithTags(deps.clients.ecs, cluster, arns.slice(i, i + DESCRIBE_BATCH))));
    return earlierAttemptTask(described, step);
  } catch (error) {
    throw new UserError(
      `Could not look for a task an earlier attempt of this step started (this is attempt ${step.attempt}): ${messageOf(error)}. The role needs ecs:ListTasks and ecs:DescribeTasks in cluster '${cluster}' so a re-run never starts a second task while the first still runs.`,
      { cause: error },
    );
  }
}
