import type { StepDeps } from '../deps.ts';
import { failureOf } from '../failure.ts';
import {
  formatServiceEvent,
  newServiceEvents,
  rolloutProgressLine,
  type StoppedTaskOptions,
  serviceEventKey,
  summarizeTaskFailures,
} from '../plan/ecs-progress.ts';
import { classifyRollout } from '../plan/ecs-rollout.ts';
import { combineVerdicts } from '../plan/service-deployment.ts';
import { type Failure, type Verdict, withDetails } from '../plan/verdict.ts';
import type { EcsResult, ServiceDeploymentReport } from '../results.ts';
import { SERVICES } from './describe-services.ts';
import { type DeploymentRecord, RECORDS } from './ecs-record.ts';
import { followAll } from './follow-loop.ts';
import type { PollRequest, PollSnapshot } from './poll-snapshot.ts';
import type { Following, Observation, Settled } from './rollout-controller.ts';
import { StoppedTaskLog } from './stopped-tasks.ts';

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
 * Polls the service until our deployment succeeds or fails, printing a progress line when
 * counts change and each new service event once. A timeout, or AWS failing while we watch,
 * is a failed verdict too: the deployment was started, so the caller keeps its id. For a
 * deployment of the step's own (a put-back, a rollback by UpdateService): no record, no settling.
 */
export async function followDeployment(options: FollowOptions, deps: StepDeps): Promise<Verdict<'succeeded'>> {
  const watch = new EcsWatch(options, deps);
  const verdict = (await followAll([watch], options, deps)).get(watch);
  if (verdict === undefined) throw new Error(`the deployment of '${options.service}' has no verdict`);
  return verdict;
}

/** Puts the service back after a failure: the ECS controller's settleFailure, given by it. */
export type Settler = (failure: Failure, record: DeploymentRecord | undefined) => Promise<Settled>;

/**
 * One ECS deployment as the poll loop follows it: each poll's DescribeServices answer for
 * its service (events, failed tasks, counts) and ECS's record of it, judged together.
 */
export class EcsWatch implements Following {
  readonly what: string;
  readonly name: string;
  private state: string | undefined;
  private readonly seenEvents = new Set<string>();
  private readonly failedTasks: StoppedTaskLog;
  private readonly options: FollowOptions;
  private readonly deps: StepDeps;
  private readonly settler: Settler | undefined;

  constructor(options: FollowOptions, deps: StepDeps, settler?: Settler) {
    this.options = options;
    this.deps = deps;
    this.settler = settler;
    this.failedTasks = new StoppedTaskLog(
      { cluster: options.cluster, startedBy: options.deploymentId, taskOptions: options.taskOptions },
      deps,
    );
    this.what = `deployment ${options.deploymentId} of service '${options.service}'`;
    this.name = options.service;
  }

  wants(request: PollRequest): void {
    const { cluster, service, record } = this.options;
    request.want(SERVICES, { cluster, service });
    // A record read once is read with the others'; a first read goes alone (DeploymentRecord.poll).
    const arn = record?.readableArn;
    if (arn !== undefined) request.want(RECORDS, arn);
  }

  async observe(snapshot: PollSnapshot): Promise<Observation> {
    const { cluster, service: serviceName, deploymentId, record: recordOf } = this.options;
    const service = snapshot.get(SERVICES, { cluster, service: serviceName });
    const arn = recordOf?.readableArn;
    const read = arn === undefined ? undefined : snapshot.get(RECORDS, arn);
    for (const event of newServiceEvents(service?.events, this.options.since, this.seenEvents)) {
      this.seenEvents.add(serviceEventKey(event));
      this.deps.log.info(formatServiceEvent(event));
    }
    const ours = service?.deployments?.find((d) => d.id === deploymentId);
    await this.failedTasks.update(ours?.failedTasks ?? 0);
    const rollout = classifyRollout({
      service,
      where: { cluster, service: serviceName },
      deploymentId,
      maxFailedTasks: this.options.maxFailedTasks,
    });
    const record = recordOf === undefined ? {} : await recordOf.poll(service, read);
    const verdict = combineVerdicts(rollout, record.verdict);
    if (verdict.state !== 'pending') return { verdict };
    const counts = rolloutProgressLine(service ?? {}, deploymentId);
    const state = record.progress === undefined ? counts : `${record.progress} | ${counts}`;
    if (state !== this.state) this.deps.log.info(state);
    this.state = state;
    return { state, ...(record.nextMs === undefined ? {} : { nextMs: record.nextMs }) };
  }

  interrupted(error: unknown): Failure {
    return withDetails(
      failureOf(error, this.deps.log),
      summarizeTaskFailures(this.failedTasks.known(), undefined, this.options.taskOptions),
    );
  }

  /** A success says so; a failure the poll found gets every stopped task's evidence. */
  async conclude(final: Verdict<'succeeded'>): Promise<Verdict<'succeeded'>> {
    const { deploymentId, service } = this.options;
    if (final.state === 'succeeded') {
      const record = this.options.record?.last;
      if (record !== undefined && record.status !== 'SUCCESSFUL') {
        this.deps.log.info(
          `Deployment ${deploymentId} reached stage ${record.lifecycleStage ?? '?'} (wait-until): ECS carries on with the rest (bake, clean-up) on its own.`,
        );
      } else {
        const says =
          record === undefined
            ? ''
            : ` (ECS's record: ${record.status ?? '?'} at stage ${record.lifecycleStage ?? '?'})`;
        this.deps.log.info(`Deployment ${deploymentId} completed: service '${service}' runs it${says}.`);
      }
      return final;
    }
    return withDetails(final, summarizeTaskFailures(await this.failedTasks.all(), undefined, this.options.taskOptions));
  }

  async settle(failure: Failure): Promise<Settled> {
    return this.settler === undefined ? { verdict: failure } : this.settler(failure, this.options.record);
  }

  report(): Partial<Pick<EcsResult, 'serviceDeployment'>> {
    const report = reportOf(this.options.record);
    return report === undefined ? {} : { serviceDeployment: report };
  }
}

function reportOf(record: DeploymentRecord | undefined): ServiceDeploymentReport | undefined {
  const last = record?.last;
  if (record?.arn === undefined || last === undefined) return undefined;
  return {
    arn: record.arn,
    strategy: record.strategy,
    ...(last.status === undefined ? {} : { status: last.status }),
    stages: record.stages(),
    alarms: { watched: last.alarms?.alarmNames ?? [], triggered: last.alarms?.triggeredAlarmNames ?? [] },
    hooks: (last.lifecycleHookDetails ?? []).map(
      (h) => `${h.hookId ?? 'unknown'}${h.targetArn ? ` (${h.targetArn})` : ''}: ${h.status ?? 'unknown'}`,
    ),
  };
}
