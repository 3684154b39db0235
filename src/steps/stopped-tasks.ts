// The stopped tasks of one deployment (an ECS deployment, or a CodeDeploy replacement task
// set), found by ListTasks (startedBy, STOPPED) and read once each with DescribeTasks: the
// evidence both controllers print (stop code, reason, containers' exit codes).

import type { Task } from '@aws-sdk/client-ecs';
import { describeTasks, listStoppedTasks } from '../aws/ecs.ts';
import type { StepDeps } from '../deps.ts';
import { type StoppedTaskOptions, summarizeTaskFailures } from '../plan/ecs-progress.ts';

export interface StoppedTaskSource {
  cluster: string;
  /** What the tasks carry as startedBy: the deployment id, or the task set id. */
  startedBy: string;
  taskOptions: StoppedTaskOptions;
}

/**
 * Stopped tasks of one deployment, each described once. The ECS controller looks them up
 * only when its deployment's failedTasks count grows (`update`); the CodeDeploy controller,
 * which has no such count, makes one call a poll (`poll`).
 */
export class StoppedTaskLog {
  private readonly tasks = new Map<string, Task>();
  /** Listed, but DescribeTasks did not find them: poll does not ask again. */
  private readonly missing = new Set<string>();
  private listed: string[] = [];
  private seenCount = 0;
  private readonly source: StoppedTaskSource;
  private readonly deps: StepDeps;

  constructor(source: StoppedTaskSource, deps: StepDeps) {
    this.source = source;
    this.deps = deps;
  }

  /** The deployment says `failedCount` tasks failed: the new ones are looked up and warned about. */
  async update(failedCount: number): Promise<void> {
    if (failedCount <= this.seenCount) return;
    this.seenCount = failedCount;
    this.warn(await this.fetchNew());
  }

  /**
   * One ECS call: DescribeTasks for tasks listed but not read yet (warned about), else
   * ListTasks. Returns how many stopped tasks are listed so far.
   */
  async poll(): Promise<number> {
    const unread = this.listed.filter((arn) => !this.tasks.has(arn) && !this.missing.has(arn));
    if (unread.length > 0) this.warn(await this.describe(unread));
    else this.listed = await listStoppedTasks(this.deps.clients.ecs, this.source.cluster, this.source.startedBy);
    return this.listed.length;
  }

  known(): Task[] {
    return [...this.tasks.values()];
  }

  /** Every stopped task, looked up once more: ListTasks may lag behind failedTasks. */
  async all(): Promise<Task[]> {
    await this.fetchNew();
    return [...this.tasks.values()];
  }

  private warn(tasks: Task[]): void {
    for (const line of summarizeTaskFailures(tasks, undefined, this.source.taskOptions)) this.deps.log.warning(line);
  }

  private async fetchNew(): Promise<Task[]> {
    const { ecs } = this.deps.clients;
    this.listed = await listStoppedTasks(ecs, this.source.cluster, this.source.startedBy);
    return this.describe(this.listed.filter((arn) => !this.tasks.has(arn)));
  }

  private async describe(arns: string[]): Promise<Task[]> {
    const tasks = await describeTasks(this.deps.clients.ecs, this.source.cluster, arns);
    for (const task of tasks) if (task.taskArn) this.tasks.set(task.taskArn, task);
    for (const arn of arns) if (!this.tasks.has(arn)) this.missing.add(arn);
    return tasks;
  }
}
