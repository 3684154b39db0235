// Counting the stopped tasks of the replacement (green) task set of a CodeDeploy ECS
// deployment, for `max-failed-tasks`. Pure: which read a poll makes, and the verdict.
//
// What AWS documents (ECS API reference):
// - API_TaskSet (docs.aws.amazon.com/AmazonECS/latest/APIReference/API_TaskSet.html):
//   "If an CodeDeploy deployment created a task set, the externalId parameter contains the
//   CodeDeploy deployment ID", and its `startedBy` is then `CODE_DEPLOY`; DescribeServices
//   lists a service's task sets in `Service.taskSets`. So the green task set is the one
//   whose `externalId` is our deployment id, found in one DescribeServices. It carries no
//   count of failed tasks (only computedDesiredCount, pendingCount, runningCount), unlike
//   an ECS `Deployment.failedTasks`, so its stopped tasks must be listed.
// - Task set ids have the form of deployment ids, `ecs-svc/<19 digits>` (the CLI example of
//   describe-task-sets, docs.aws.amazon.com/cli/latest/reference/ecs/describe-task-sets.html),
//   and API_Task's `startedBy`: "If an Amazon ECS service started the task, the startedBy
//   parameter contains the deployment ID of that service"; a task set is how a CODE_DEPLOY
//   service deploys, so its tasks carry the task set's id. (The reference does not say
//   "task set" in that sentence: this is the one inferred step.)
// - API_ListTasks: `startedBy` limits the results to tasks started with that value, and
//   `desiredStatus: STOPPED` to stopped ones ("recently stopped tasks might appear"; they
//   stay listed for at least an hour); DescribeTasks gives stopCode, stoppedReason and the
//   containers' exit codes, as for the ECS controller (FailedTaskLog).

import type { Service, TaskSet } from '@aws-sdk/client-ecs';
import { tooManyFailedTasks } from './ecs-rollout.ts';
import type { Failure } from './verdict.ts';

/** The replacement task set CodeDeploy made for `deploymentId`, once DescribeServices lists it. */
export function replacementTaskSet(service: Service | undefined, deploymentId: string): TaskSet | undefined {
  return service?.taskSets?.find((set) => set.externalId === deploymentId && set.id !== undefined);
}

/** CodeDeploy statuses in which the green task set's tasks can still fail the deployment. */
const RUNNING_STATUSES: ReadonlySet<string> = new Set(['Created', 'Queued', 'InProgress', 'Ready']);

export interface GreenTaskView {
  maxFailedTasks: number;
  /** The deployment's last GetDeployment status; undefined before the first answer. */
  status: string | undefined;
  /** The green task set's id, once found. */
  taskSetId: string | undefined;
}

/**
 * What to read for the green task set this poll, one ECS call at most: nothing when the
 * count cannot change the verdict (`max-failed-tasks` 0, the deployment ended), the
 * service's task sets until the green one is found, then its stopped tasks.
 */
export function greenTaskRead(view: GreenTaskView): 'none' | 'task-set' | 'tasks' {
  if (view.maxFailedTasks <= 0) return 'none';
  if (view.status !== undefined && !RUNNING_STATUSES.has(view.status)) return 'none';
  return view.taskSetId === undefined ? 'task-set' : 'tasks';
}

/** The action's own failure once `stopped` tasks of the green task set reach `max-failed-tasks`. */
export function tooManyStoppedGreenTasks(options: {
  stopped: number;
  maxFailedTasks: number;
  taskSetId: string;
  deploymentId: string;
}): Failure | undefined {
  return tooManyFailedTasks(
    options.stopped,
    options.maxFailedTasks,
    `the replacement task set ${options.taskSetId} of CodeDeploy deployment ${options.deploymentId}`,
  );
}
