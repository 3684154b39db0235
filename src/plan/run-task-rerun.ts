// A re-run of the same workflow run ("Re-run jobs": a higher GITHUB_RUN_ATTEMPT) finding the
// task an earlier attempt of the same step started, by the tags run-task-tags.ts sets. Pure.

import type { Task } from '@aws-sdk/client-ecs';
import { ATTEMPT_TAG, STEP_TAG, type StepIdentity } from './run-task-tags.ts';

export interface EarlierTask {
  task: Task & { taskArn: string };
  /** The attempt that started it. */
  attempt: number;
}

/**
 * Among described tasks, the one an earlier attempt of this step started and that has not
 * stopped: the newest attempt's, then the newest created. A task of this same attempt is
 * not one: RunTask's client token already answers with it.
 */
export function earlierAttemptTask(tasks: readonly Task[], step: StepIdentity): EarlierTask | undefined {
  const candidates = tasks.flatMap((task): EarlierTask[] => {
    const tag = (key: string) => task.tags?.find((t) => t.key === key)?.value;
    if (task.taskArn === undefined || tag(STEP_TAG) !== step.key) return [];
    if (task.lastStatus === 'STOPPED' || task.desiredStatus === 'STOPPED') return [];
    const attempt = Number(tag(ATTEMPT_TAG));
    if (!Number.isSafeInteger(attempt) || attempt >= step.attempt) return [];
    return [{ task: { ...task, taskArn: task.taskArn }, attempt }];
  });
  const created = (t: Task) => t.createdAt?.getTime() ?? 0;
  return candidates.sort((a, b) => b.attempt - a.attempt || created(b.task) - created(a.task))[0];
}
