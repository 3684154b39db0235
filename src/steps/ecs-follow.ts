import type { Task } from '@aws-sdk/client-ecs';
import { describeService, describeTasks, listStoppedTasks } from '../aws/ecs.ts';
import type { StepDeps } from '../deps.ts';
import { failureOf } from '../failure.ts';
import {
  formatServiceEvent,
  newServiceEvents,
  rolloutProgressLine,
  serviceEventKey,
  summarizeTaskFailures,
  type StoppedTaskOptions,
} from '../plan/ecs-progress.ts';
import { classifyRollout } from '../plan/ecs-rollout.ts';
import { combineVerdicts } from '../plan/service-deployment.ts';
import { withDetails, type Failure, type Verdict } from '../plan/verdict.ts';
import { waitFor } from '../wait.ts';
import type { DeploymentRecord } from './ecs-record.ts';

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
  /** ECS's record of our deployment, judged next to DescribeServices when the role may read it. */
  record?: DeploymentRecord;
}

/**
 * Polls the service (one DescribeServices per poll) until our deployment succeeds or
 * fails, printing a progress line when counts change and each new service event once.
 * A timeout, or AWS failing while we watch, is a failed verdict too: the deployment was
 * started, so the caller keeps its id.
 */
export async function followDeployment(options: FollowOptions, deps: StepDeps): Promise<Verdict<'succeeded'>> {
  const { cluster, service: serviceName, deploymentId } = options;
  const seenEvents = new Set<string>();
  const failedTasks = new FailedTaskLog(options, deps);

  let final: { state: 'succeeded' } | Failure;
  try {
    final = await waitFor<{ state: 'succeeded' } | Failure>(
      {
        what: `deployment ${deploymentId} of service '${serviceName}'`,
        intervalMs: options.intervalMs,
        timeoutMs: options.timeoutMs,
        onProgress: (line) => deps.log.info(line),
        ...(deps.cancel === undefined ? {} : { signal: deps.cancel }),
        check: async () => {
          const service = await describeService(deps.clients.ecs, { cluster, service: serviceName });
          for (const event of newServiceEvents(service?.events, options.since, seenEvents)) {
            seenEvents.add(serviceEventKey(event));
            deps.log.info(formatServiceEvent(event));
          }
          const ours = service?.deployments?.find((d) => d.id === deploymentId);
          await failedTasks.update(ours?.failedTasks ?? 0);
          const rollout = classifyRollout({ service, where: { cluster, service: serviceName }, deploymentId, maxFailedTasks: options.maxFailedTasks });
          const record = options.record === undefined ? {} : await options.record.poll(service);
          const verdict = combineVerdicts(rollout, record.verdict);
          if (verdict.state !== 'pending') return { done: true, value: verdict };
          const counts = rolloutProgressLine(service ?? {}, deploymentId);
          const state = record.progress === undefined ? counts : `${record.progress} | ${counts}`;
          return { done: false, state, ...(record.nextMs === undefined ? {} : { nextMs: record.nextMs }) };
        },
      },
      deps,
    );
  } catch (error) {
    return withDetails(failureOf(error, deps.log), summarizeTaskFailures(failedTasks.known(), undefined, options.taskOptions));
  }

  if (final.state === 'succeeded') {
    const record = options.record?.last;
    if (record !== undefined && record.status !== 'SUCCESSFUL') {
      deps.log.info(`Deployment ${deploymentId} reached stage ${record.lifecycleStage ?? '?'} (wait-until): ECS carries on with the rest (bake, clean-up) on its own.`);
    } else {
      const says = record === undefined ? '' : ` (ECS's record: ${record.status ?? '?'} at stage ${record.lifecycleStage ?? '?'})`;
      deps.log.info(`Deployment ${deploymentId} completed: service '${serviceName}' runs it${says}.`);
    }
    return final;
  }
  return withDetails(final, summarizeTaskFailures(await failedTasks.all(), undefined, options.taskOptions));
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
