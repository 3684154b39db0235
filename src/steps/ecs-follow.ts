import type { Task } from '@aws-sdk/client-ecs';
import { describeService, describeTasks, listStoppedTasks } from '../aws/ecs.ts';
import type { StepDeps } from '../deps.ts';
import { messageOf } from '../errors.ts';
import { classifyRollout, type RolloutVerdict } from '../plan/ecs-rollout.ts';
import {
  formatServiceEvent,
  newServiceEvents,
  rolloutProgressLine,
  serviceEventKey,
  summarizeTaskFailures,
  type StoppedTaskOptions,
} from '../report/progress.ts';
import { waitFor } from '../wait.ts';

export type FollowOutcome = { state: 'succeeded' } | { state: 'failed'; message: string };

export interface FollowOptions {
  cluster: string;
  service: string;
  deploymentId: string;
  /** Service events from before this moment belong to earlier deployments. */
  since: Date;
  intervalMs: number;
  timeoutMs: number;
  maxFailedTasks: number;
  taskOptions: StoppedTaskOptions;
}

type Final = Exclude<RolloutVerdict, { state: 'pending' }>;

/**
 * Polls the service (one DescribeServices per poll) until our deployment succeeds or
 * fails, printing a progress line when counts change and each new service event once.
 */
export async function followDeployment(options: FollowOptions, deps: StepDeps): Promise<FollowOutcome> {
  const { cluster, service: serviceName, deploymentId } = options;
  const seenEvents = new Set<string>();
  const failedTasks = new FailedTaskLog(options, deps);

  let final: Final;
  try {
    final = await waitFor<Final>({
      what: `deployment ${deploymentId} of service '${serviceName}'`,
      intervalMs: options.intervalMs,
      timeoutMs: options.timeoutMs,
      sleep: deps.sleep,
      now: deps.now,
      onProgress: (line) => deps.log.info(line),
      check: async () => {
        const service = await describeService(deps.clients.ecs, { cluster, service: serviceName });
        if (!service) {
          const reason = `service '${serviceName}' disappeared from cluster '${cluster}' while deploying`;
          return { done: true, value: { state: 'failed', kind: 'service-inactive', reason } };
        }
        for (const event of newServiceEvents(service.events, options.since, seenEvents)) {
          seenEvents.add(serviceEventKey(event));
          deps.log.info(formatServiceEvent(event));
        }
        const ours = service.deployments?.find((d) => d.id === deploymentId);
        await failedTasks.update(ours?.failedTasks ?? 0);
        const verdict = classifyRollout({ service, deploymentId, maxFailedTasks: options.maxFailedTasks });
        if (verdict.state === 'pending') return { done: false, state: rolloutProgressLine(service, deploymentId) };
        return { done: true, value: verdict };
      },
    });
  } catch (error) {
    // A timeout, or AWS failing while we watch: the deployment was started, so report a
    // failed verdict with what is known instead of losing the deployment id.
    const known = summarizeTaskFailures(failedTasks.known(), undefined, options.taskOptions);
    return { state: 'failed', message: [messageOf(error), ...known].join('\n') };
  }

  if (final.state === 'succeeded') {
    deps.log.info(`Deployment ${deploymentId} completed: service '${serviceName}' runs it.`);
    return { state: 'succeeded' };
  }
  const tasks = await failedTasks.all();
  const lines = [final.reason, ...summarizeTaskFailures(tasks, undefined, options.taskOptions)];
  return { state: 'failed', message: lines.join('\n') };
}

/**
 * Stopped tasks of our deployment. Looked up only when the deployment's failedTasks count
 * grows (or once at the end of a failure), so a healthy rollout costs no task calls.
 */
class FailedTaskLog {
  private readonly tasks = new Map<string, Task>();
  private seenCount = 0;
  private readonly options: FollowOptions;
  private readonly deps: StepDeps;

  constructor(options: FollowOptions, deps: StepDeps) {
    this.options = options;
    this.deps = deps;
  }

  async update(failedCount: number): Promise<void> {
    if (failedCount <= this.seenCount) return;
    this.seenCount = failedCount;
    const fresh = await this.fetchNew();
    for (const line of summarizeTaskFailures(fresh, undefined, this.options.taskOptions)) this.deps.log.warning(line);
  }

  known(): Task[] {
    return [...this.tasks.values()];
  }

  /** Every stopped task, looked up once more: ListTasks may lag behind failedTasks. */
  async all(): Promise<Task[]> {
    await this.fetchNew();
    return [...this.tasks.values()];
  }

  private async fetchNew(): Promise<Task[]> {
    const { ecs } = this.deps.clients;
    const arns = await listStoppedTasks(ecs, this.options.cluster, this.options.deploymentId);
    const unknown = arns.filter((arn) => !this.tasks.has(arn));
    const tasks = await describeTasks(ecs, this.options.cluster, unknown);
    for (const task of tasks) if (task.taskArn) this.tasks.set(task.taskArn, task);
    return tasks;
  }
}
