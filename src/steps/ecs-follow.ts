import type { Service, Task } from '@aws-sdk/client-ecs';
import { describeTasks, listStoppedTasks } from '../aws/ecs.ts';
import type { StepDeps } from '../deps.ts';
import { CancelledError, TimeoutError, messageOf } from '../errors.ts';
import { failureOf } from '../failure.ts';
import { formatDuration } from '../plan/duration.ts';
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
import { describeEach } from './describe-services.ts';
import { readRecords, type DeploymentRecord, type ReadRecord } from './ecs-record.ts';

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

/** One deployment to follow, with the deps its lines go through (prefixed with its service when there are several). */
export interface Follower {
  options: FollowOptions;
  deps: StepDeps;
}

/**
 * Polls the service (one DescribeServices per poll) until our deployment succeeds or
 * fails, printing a progress line when counts change and each new service event once.
 * A timeout, or AWS failing while we watch, is a failed verdict too: the deployment was
 * started, so the caller keeps its id.
 */
export async function followDeployment(options: FollowOptions, deps: StepDeps): Promise<Verdict<'succeeded'>> {
  const [verdict] = await followDeployments([{ options, deps }], deps);
  if (verdict === undefined) throw new Error('followDeployments returned no verdict for its one deployment');
  return verdict;
}

/**
 * Follows several deployments side by side with one poll loop: each poll asks
 * DescribeServices once per cluster for up to 10 services still pending (more: one call
 * per 10), and hands each service's answer to its own watch, judged by the same pure
 * functions as one service alone. A service that is done drops out of the polls; the
 * others carry on. The loop's bounds (interval, timeout) are the first follower's: the
 * services of one step share them. Verdicts come back in the followers' order.
 */
export async function followDeployments(followers: readonly Follower[], deps: StepDeps): Promise<Array<Verdict<'succeeded'>>> {
  const watches = followers.map((f) => new DeploymentWatch(f.options, f.deps));
  const [first] = followers;
  if (first === undefined) return [];
  const single = watches.length === 1;
  const what = single
    ? `deployment ${first.options.deploymentId} of service '${first.options.service}'`
    : `the deployments of services ${followers.map((f) => `'${f.options.service}'`).join(', ')}`;
  const started = deps.now();
  try {
    await waitFor<undefined>(
      {
        what,
        intervalMs: first.options.intervalMs,
        timeoutMs: first.options.timeoutMs,
        // Each watch prints its own changes; the loop adds only the heartbeat.
        onProgress: (line, kind) => {
          if (kind === 'heartbeat') deps.log.info(line);
        },
        check: async () => {
          const pending = watches.filter((w) => w.verdict === undefined);
          const answers = await describeEach(pending, (w) => w.options, deps);
          // With several services, their records too are read together (one call per 20).
          const records = single ? new Map<DeploymentRecord, ReadRecord>() : await readRecords(pending.flatMap((w) => w.options.record ?? []), deps);
          await Promise.all(pending.map((w) => judgeAlone(w, answers.get(w), w.options.record && records.get(w.options.record), single)));
          const still = watches.filter((w) => w.verdict === undefined);
          if (still.length === 0) return { done: true, value: undefined };
          const state = single ? (still[0]?.state ?? '') : still.map((w) => `${w.options.service}: ${w.state ?? ''}`).join('; ');
          const nextMs = Math.min(...still.map((w) => w.nextMs ?? first.options.intervalMs));
          return { done: false, state, ...(nextMs === first.options.intervalMs ? {} : { nextMs }) };
        },
      },
      deps,
    );
  } catch (error) {
    // Every deployment still pending ends with this failure (a timeout, a cancelled job, AWS failing).
    const elapsed = deps.now() - started;
    await Promise.all(watches.filter((w) => w.verdict === undefined).map((w) => w.fail(single ? error : retold(error, w, elapsed))));
  }
  return Promise.all(watches.map((w) => w.finish()));
}

/**
 * One service's judging. With several, AWS failing for one of them (its ListTasks, its
 * record) ends that service's wait only; the others carry on. Alone, the error ends the
 * loop, as it always did.
 */
async function judgeAlone(w: DeploymentWatch, service: Service | undefined, read: ReadRecord | undefined, single: boolean): Promise<void> {
  try {
    await w.judge(service, read);
  } catch (error) {
    if (single) throw error;
    await w.fail(error);
  }
}

/** The shared loop's timeout or cancellation, told for one service: its own deployment and last state. */
function retold(error: unknown, w: DeploymentWatch, elapsedMs: number): unknown {
  const { deploymentId, service } = w.options;
  const about = `deployment ${deploymentId} of service '${service}'. Last state: ${w.state ?? 'none yet'}`;
  if (error instanceof TimeoutError) return new TimeoutError(`Timed out after ${formatDuration(elapsedMs)} waiting for ${about}`);
  if (error instanceof CancelledError) return new CancelledError(`The job was cancelled after ${formatDuration(elapsedMs)} waiting for ${about}`);
  return error instanceof Error ? error : new Error(messageOf(error));
}

/** One deployment's judge: fed each poll's DescribeServices answer for its service. */
class DeploymentWatch {
  verdict: { state: 'succeeded' } | Failure | undefined;
  state: string | undefined;
  nextMs: number | undefined;
  /** True once the failure came from the loop (its details are the tasks known so far). */
  private endedByLoop = false;
  private readonly seenEvents = new Set<string>();
  private readonly failedTasks: FailedTaskLog;
  readonly options: FollowOptions;
  private readonly deps: StepDeps;

  constructor(options: FollowOptions, deps: StepDeps) {
    this.options = options;
    this.deps = deps;
    this.failedTasks = new FailedTaskLog(options, deps);
  }

  async judge(service: Service | undefined, read?: ReadRecord): Promise<void> {
    const { cluster, service: serviceName, deploymentId } = this.options;
    for (const event of newServiceEvents(service?.events, this.options.since, this.seenEvents)) {
      this.seenEvents.add(serviceEventKey(event));
      this.deps.log.info(formatServiceEvent(event));
    }
    const ours = service?.deployments?.find((d) => d.id === deploymentId);
    await this.failedTasks.update(ours?.failedTasks ?? 0);
    const rollout = classifyRollout({ service, where: { cluster, service: serviceName }, deploymentId, maxFailedTasks: this.options.maxFailedTasks });
    const record = this.options.record === undefined ? {} : await this.options.record.poll(service, read);
    const verdict = combineVerdicts(rollout, record.verdict);
    if (verdict.state !== 'pending') {
      this.verdict = verdict;
      return;
    }
    const counts = rolloutProgressLine(service ?? {}, deploymentId);
    const state = record.progress === undefined ? counts : `${record.progress} | ${counts}`;
    if (state !== this.state) this.deps.log.info(state);
    this.state = state;
    this.nextMs = record.nextMs;
  }

  async fail(error: unknown): Promise<void> {
    this.endedByLoop = true;
    this.verdict = withDetails(failureOf(error, this.deps.log), summarizeTaskFailures(this.failedTasks.known(), undefined, this.options.taskOptions));
  }

  /** The final verdict: a success says so; a failure the poll found gets every stopped task's evidence. */
  async finish(): Promise<Verdict<'succeeded'>> {
    const final = this.verdict;
    if (final === undefined) throw new Error(`the deployment of '${this.options.service}' has no verdict`);
    if (this.endedByLoop) return final;
    const { deploymentId, service } = this.options;
    if (final.state === 'succeeded') {
      const record = this.options.record?.last;
      if (record !== undefined && record.status !== 'SUCCESSFUL') {
        this.deps.log.info(`Deployment ${deploymentId} reached stage ${record.lifecycleStage ?? '?'} (wait-until): ECS carries on with the rest (bake, clean-up) on its own.`);
      } else {
        const says = record === undefined ? '' : ` (ECS's record: ${record.status ?? '?'} at stage ${record.lifecycleStage ?? '?'})`;
        this.deps.log.info(`Deployment ${deploymentId} completed: service '${service}' runs it${says}.`);
      }
      return final;
    }
    return withDetails(final, summarizeTaskFailures(await this.failedTasks.all(), undefined, this.options.taskOptions));
  }
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
