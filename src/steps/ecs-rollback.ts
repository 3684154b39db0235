import type { ServiceDeployment } from '@aws-sdk/client-ecs';
import { describeServiceDeployment, stopServiceDeployment, updateService } from '../aws/ecs.ts';
import { type StepDeps, uncancellable } from '../deps.ts';
import { messageOf } from '../errors.ts';
import { failureOf } from '../failure.ts';
import type { ControllerKind } from '../plan/ecs-controller.ts';
import type { StoppedTaskOptions } from '../plan/ecs-progress.ts';
import { primaryDeployment } from '../plan/ecs-rollout.ts';
import { type RollbackReport, rollbackLine } from '../plan/rollback.ts';
import {
  classifyServiceDeployment,
  decideRollback,
  isRollingBack,
  isTerminal,
  rollbackOutcome,
} from '../plan/service-deployment.ts';
import { type Failure, failed, withDetails } from '../plan/verdict.ts';
import { waitFor } from '../wait.ts';
import { followDeployment } from './ecs-follow.ts';
import type { DeploymentRecord } from './ecs-record.ts';

export interface SettleOptions {
  /** Whose put-back this is: the post step hands a started one back to this controller. */
  controller: ControllerKind;
  cluster: string;
  service: string;
  /** The revision the service ran before this step: where the fallback rollback goes. */
  previousTaskDefinitionArn: string;
  record?: DeploymentRecord;
  rollbackOnFailure: boolean;
  intervalMs: number;
  /** Bounds following the rollback (a fresh `wait-timeout`: the deploy's may be spent). */
  timeoutMs: number;
  maxFailedTasks: number;
  taskOptions: StoppedTaskOptions;
}

export interface Settled {
  verdict: Failure;
  rollback?: RollbackReport;
}

/**
 * After our deployment failed: when ECS is rolling it back, follow that to its end so the
 * failure says how it went; when the failure is the action's own (too many failed tasks,
 * the timeout, a cancelled job) and `rollback-on-failure` is on, roll it back with
 * StopServiceDeployment(ROLLBACK), or, when that is refused or there is no record, with
 * UpdateService to the previous revision. On a cancelled job the rollback is only started:
 * the runner stops this process seconds later, and the post step follows it.
 */
export async function settleFailure(failure: Failure, options: SettleOptions, deps: StepDeps): Promise<Settled> {
  const calm = uncancellable(deps);
  const arn = options.record?.arn;
  const last = options.record?.last;
  if (
    arn !== undefined &&
    last !== undefined &&
    (isRollingBack(last.status) || last.status === 'ROLLBACK_SUCCESSFUL' || last.status === 'ROLLBACK_FAILED')
  ) {
    if (failure.kind === 'cancelled')
      return {
        verdict: failure,
        rollback: {
          by: 'ecs',
          verdict: { state: 'started' },
          ...toOf(last),
          follow: { controller: options.controller, recordArn: arn },
        },
      };
    const end = isTerminal(last.status) ? last : await followRecord(arn, options, calm).catch(() => last);
    const verdict = classifyServiceDeployment({
      record: end,
      strategy: options.record?.strategy ?? 'ROLLING',
      waitUntil: 'completed',
      service: options.service,
    });
    return {
      verdict: verdict.state === 'failed' ? keepDetails(failure, verdict) : failure,
      rollback: ecsRollback(end),
    };
  }

  const action = decideRollback({
    failure,
    rollbackOnFailure: options.rollbackOnFailure,
    recordStatus: last?.status,
    haveRecord: arn !== undefined,
  });
  if (action === 'none') return { verdict: failure };
  const cancelled = failure.kind === 'cancelled';

  if (action === 'stop-deployment' && arn !== undefined) {
    try {
      deps.log.info(`Rolling back deployment ${arn}: StopServiceDeployment (ROLLBACK).`);
      await stopServiceDeployment(deps.clients.ecs, arn, 'ROLLBACK');
    } catch (error) {
      deps.log.warning(
        `${messageOf(error)}: rolling back by pointing service '${options.service}' at ${options.previousTaskDefinitionArn} instead.`,
      );
      return updateBack(failure, options, calm, cancelled);
    }
    if (cancelled)
      return started(failure, 'stop-service-deployment', options, { controller: options.controller, recordArn: arn });
    const rollback = await followRecord(arn, options, calm).then(
      (end) => stopRollback(end, options),
      (error: unknown) => ({
        by: 'stop-service-deployment' as const,
        verdict: failureOf(error, deps.log),
        to: options.previousTaskDefinitionArn,
      }),
    );
    return { verdict: withRollbackLine(failure, rollback), rollback };
  }
  return updateBack(failure, options, calm, cancelled);
}

async function updateBack(
  failure: Failure,
  options: SettleOptions,
  deps: StepDeps,
  cancelled: boolean,
): Promise<Settled> {
  const { cluster, service, previousTaskDefinitionArn: to } = options;
  let deploymentId: string | undefined;
  try {
    deps.log.info(`Rolling back service '${service}': UpdateService to ${to}.`);
    const updated = await updateService(deps.clients.ecs, {
      cluster,
      service,
      taskDefinition: to,
      forceNewDeployment: false,
    });
    deploymentId = primaryDeployment(updated)?.id;
  } catch (error) {
    const rollback: RollbackReport = { by: 'update-service', verdict: failureOf(error, deps.log), to };
    return { verdict: withRollbackLine(failure, rollback), rollback };
  }
  if (cancelled)
    return started(failure, 'update-service', options, {
      controller: options.controller,
      ...(deploymentId === undefined ? {} : { deploymentId }),
    });
  if (deploymentId === undefined) {
    const rollback: RollbackReport = {
      by: 'update-service',
      verdict: failed('error', 'UpdateService reported no PRIMARY deployment to follow'),
      to,
    };
    return { verdict: withRollbackLine(failure, rollback), rollback };
  }
  const verdict = await followDeployment(
    {
      cluster,
      service,
      deploymentId,
      since: new Date(deps.now()),
      intervalMs: options.intervalMs,
      timeoutMs: options.timeoutMs,
      maxFailedTasks: options.maxFailedTasks,
      taskOptions: options.taskOptions,
    },
    deps,
  );
  const rollback: RollbackReport = { by: 'update-service', verdict, to };
  return { verdict: withRollbackLine(failure, rollback), rollback };
}

/** Polls the record (one DescribeServiceDeployments per interval) until it stops changing. */
export async function followRecord(
  arn: string,
  bounds: { intervalMs: number; timeoutMs: number },
  deps: StepDeps,
): Promise<ServiceDeployment> {
  return waitFor<ServiceDeployment>(
    {
      what: `the rollback of ${arn}`,
      intervalMs: bounds.intervalMs,
      timeoutMs: bounds.timeoutMs,
      onProgress: (line) => deps.log.info(line),
      check: async () => {
        const record = await describeServiceDeployment(deps.clients.ecs, arn);
        if (record !== undefined && isTerminal(record.status)) return { done: true, value: record };
        return {
          done: false,
          state: `rollback: ${record?.status ?? 'no record'} stage ${record?.lifecycleStage ?? '(none)'}`,
        };
      },
    },
    deps,
  );
}

function stopRollback(end: ServiceDeployment, options: SettleOptions): RollbackReport {
  const to = end.rollback?.serviceRevisionArn ?? options.previousTaskDefinitionArn;
  const status = end.status === undefined ? {} : { recordStatus: end.status };
  if (end.status === 'ROLLBACK_SUCCESSFUL' || end.status === 'STOPPED')
    return { by: 'stop-service-deployment', verdict: { state: 'succeeded' }, to, ...status };
  return {
    by: 'stop-service-deployment',
    verdict: failed('rollout-failed', `${rollbackOutcome(end)} (${end.status ?? 'no status'})`),
    to,
    ...status,
  };
}

function ecsRollback(end: ServiceDeployment): RollbackReport {
  const verdict: RollbackReport['verdict'] =
    end.status === 'ROLLBACK_SUCCESSFUL' ? { state: 'succeeded' } : failed('rollout-failed', rollbackOutcome(end));
  return { by: 'ecs', verdict, ...toOf(end), ...(end.status === undefined ? {} : { recordStatus: end.status }) };
}

function toOf(record: ServiceDeployment): { to?: string } {
  const to = record.rollback?.serviceRevisionArn;
  return to === undefined ? {} : { to };
}

function started(
  failure: Failure,
  by: RollbackReport['by'],
  options: SettleOptions,
  follow: NonNullable<RollbackReport['follow']>,
): Settled {
  const rollback: RollbackReport = { by, verdict: { state: 'started' }, to: options.previousTaskDefinitionArn, follow };
  return { verdict: withRollbackLine(failure, rollback), rollback };
}

/** The final record's failure, with the evidence gathered while following (stopped tasks). */
function keepDetails(first: Failure, final: Failure): Failure {
  const extra = first.details.filter((line) => !final.details.includes(line));
  return withDetails(final, extra);
}

function withRollbackLine(failure: Failure, rollback: RollbackReport): Failure {
  return withDetails(failure, [rollbackLine(rollback)]);
}
