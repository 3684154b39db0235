// ECS's JSON (awsJson1_1: timestamps as epoch seconds) for a scripted service deployment:
// ServiceDeployment, ServiceDeploymentBrief, ServiceRevision, and the Deployment[] and
// deploymentConfiguration a DescribeServices answer carries. Member names and enums from
// @aws-sdk/client-ecs 3.1164 (dist-types/models/models_0.d.ts: ServiceDeployment,
// ServiceDeploymentBrief, ServiceRevisionSummary, ServiceDeploymentCircuitBreaker,
// ServiceDeploymentAlarms, Rollback, DeploymentLifecycleHookDetail, DeploymentConfiguration,
// LinearConfiguration, CanaryConfiguration; models_1.d.ts: Service.currentServiceDeployment,
// ServiceRevision) and the API reference pages API_ServiceDeployment /
// API_ServiceDeploymentBrief (docs.aws.amazon.com/AmazonECS/latest/APIReference).

import type { EcsDeployment, RolloutContext, RolloutState } from './ecs-rollout-scripts.ts';
import { crashLoop, derivedDeploymentId } from './ecs-rollout-scripts.ts';
import type { RecordView, ServiceDeploymentScript } from './service-deployment-timeline.ts';

/** One deployment the proxy keeps a record of. */
export interface ScriptedRecord {
  id: string;
  arn: string;
  serviceName: string;
  serviceArn: string;
  clusterArn: string;
  /** The `ecs-svc/...` deployment UpdateService reported. */
  deploymentId: string;
  /** Epoch ms of UpdateService. */
  startedAt: number;
  sourceTaskDefinition: string;
  targetTaskDefinition: string;
  sourceRevisionArn: string;
  targetRevisionArn: string;
  desiredCount: number;
  breakerEnabled: boolean;
  script: ServiceDeploymentScript;
}

const sec = (record: ScriptedRecord, ms: number): number => (record.startedAt + ms) / 1000;

export function deploymentConfigurationOf(
  script: ServiceDeploymentScript,
  base: Record<string, unknown> = {},
): Record<string, unknown> {
  const config: Record<string, unknown> = {
    ...base,
    strategy: script.strategy,
    bakeTimeInMinutes: script.bakeTimeInMinutes ?? (script.strategy === 'ROLLING' ? 0 : 5),
  };
  // ECS holds a step exactly as long as configured, so by default the record announces the
  // hold the script plays (whole minutes, as the API takes them): a follower that trusts the
  // announced length (and polls rarely through it) sees what it would see on ECS.
  if (script.linear !== undefined)
    config.linearConfiguration = {
      stepPercent: script.linear.stepPercent,
      stepBakeTimeInMinutes: script.linear.stepBakeTimeInMinutes ?? Math.round(script.linear.stepSeconds / 60),
    };
  if (script.canary !== undefined)
    config.canaryConfiguration = {
      canaryPercent: script.canary.canaryPercent,
      canaryBakeTimeInMinutes: script.canary.canaryBakeTimeInMinutes ?? Math.round(script.canary.canarySeconds / 60),
    };
  if (script.alarms !== undefined)
    config.alarms = { alarmNames: script.alarms.names, enable: true, rollback: script.alarms.rollback ?? true };
  const hooks: object[] = [];
  if (script.failingHook !== undefined) {
    hooks.push({
      targetType: 'AWS_LAMBDA',
      hookTargetArn: script.failingHook.targetArn ?? 'arn:aws:lambda:us-east-1:123456789012:function:validate-green',
      roleArn: 'arn:aws:iam::123456789012:role/ecs-hooks',
      lifecycleStages: [script.failingHook.stage],
    });
  }
  if (script.pauseHook !== undefined) hooks.push({ targetType: 'PAUSE', lifecycleStages: [script.pauseHook.stage] });
  if (hooks.length > 0) config.lifecycleHooks = hooks;
  return config;
}

function monitorStatus(enabled: boolean, triggered: boolean, terminal: boolean): string {
  if (!enabled) return 'DISABLED';
  if (triggered) return 'TRIGGERED';
  return terminal ? 'MONITORING_COMPLETE' : 'MONITORING';
}

const TERMINAL = new Set(['SUCCESSFUL', 'STOPPED', 'ROLLBACK_SUCCESSFUL', 'ROLLBACK_FAILED']);

export function isTerminal(view: RecordView): boolean {
  return TERMINAL.has(view.status);
}

/** DescribeServiceDeployments' ServiceDeployment. */
export function serviceDeploymentJson(
  record: ScriptedRecord,
  view: RecordView,
  elapsedMs: number,
): Record<string, unknown> {
  const terminal = isTerminal(view);
  const desired = record.desiredCount;
  const cleanedUp = view.status === 'SUCCESSFUL' || view.stage === 'CLEAN_UP';
  const targetUp =
    view.status === 'SUCCESSFUL' || (!view.rolledBack && view.crashedTasks === 0 && view.stage !== 'RECONCILE_SERVICE');
  const weights = (w: number | undefined, test: number | undefined): Record<string, number> =>
    w === undefined ? {} : { requestedProductionTrafficWeight: w, requestedTestTrafficWeight: test ?? 0 };
  const targetWeight = view.rolledBack ? 0 : view.productionWeight;
  const json: Record<string, unknown> = {
    serviceDeploymentArn: record.arn,
    serviceArn: record.serviceArn,
    clusterArn: record.clusterArn,
    createdAt: sec(record, 0),
    startedAt: sec(record, view.startedMs),
    updatedAt: sec(record, Math.max(0, Math.min(elapsedMs, view.finishedMs ?? elapsedMs))),
    sourceServiceRevisions: [
      {
        arn: record.sourceRevisionArn,
        requestedTaskCount: cleanedUp && !view.rolledBack ? 0 : desired,
        runningTaskCount: cleanedUp && !view.rolledBack ? 0 : desired,
        pendingTaskCount: 0,
        ...weights(
          targetWeight === undefined ? undefined : 100 - targetWeight,
          targetWeight === undefined ? undefined : 100 - (view.testWeight ?? 0),
        ),
      },
    ],
    targetServiceRevision: {
      arn: record.targetRevisionArn,
      requestedTaskCount: view.rolledBack && terminal ? 0 : desired,
      runningTaskCount: targetUp && !view.rolledBack ? desired : 0,
      pendingTaskCount: targetUp || view.rolledBack ? 0 : desired,
      ...weights(targetWeight, view.rolledBack ? 0 : view.testWeight),
    },
    status: view.status,
    lifecycleStage: view.stage,
    deploymentConfiguration: deploymentConfigurationOf(record.script, {
      deploymentCircuitBreaker: { enable: record.breakerEnabled, rollback: true },
      maximumPercent: 200,
      minimumHealthyPercent: 100,
    }),
    deploymentCircuitBreaker: {
      status: monitorStatus(
        record.breakerEnabled || record.script.circuitBreaker !== undefined,
        view.breakerTriggered,
        terminal,
      ),
      failureCount: view.failureCount,
      threshold: record.script.circuitBreaker?.threshold ?? Math.max(3, Math.ceil(desired / 2)),
    },
    alarms: {
      status: monitorStatus(record.script.alarms !== undefined, view.triggeredAlarms.length > 0, terminal),
      alarmNames: record.script.alarms?.names ?? [],
      triggeredAlarmNames: view.triggeredAlarms,
    },
  };
  if (view.statusReason !== undefined) json.statusReason = view.statusReason;
  if (view.finishedMs !== undefined) json.finishedAt = sec(record, view.finishedMs);
  if (view.status === 'STOPPED' && view.finishedMs !== undefined) json.stoppedAt = sec(record, view.finishedMs);
  if (view.rollback !== undefined) {
    json.rollback = {
      reason: view.rollback.reason,
      startedAt: sec(record, view.rollback.startedMs),
      serviceRevisionArn: record.sourceRevisionArn,
    };
  }
  if (view.hooks.length > 0) {
    json.lifecycleHookDetails = view.hooks.map((h) => ({
      hookId: h.hookId,
      targetType: h.targetType,
      ...(h.targetArn === undefined ? {} : { targetArn: h.targetArn }),
      status: h.status,
      ...(h.status === 'AWAITING_ACTION'
        ? { expiresAt: sec(record, elapsedMs) + 24 * 3600, timeoutAction: 'ROLLBACK' }
        : {}),
    }));
  }
  return json;
}

/** ListServiceDeployments' ServiceDeploymentBrief. */
export function briefJson(record: ScriptedRecord, view: RecordView): Record<string, unknown> {
  const brief: Record<string, unknown> = {
    serviceDeploymentArn: record.arn,
    serviceArn: record.serviceArn,
    clusterArn: record.clusterArn,
    createdAt: sec(record, 0),
    startedAt: sec(record, view.startedMs),
    targetServiceRevisionArn: record.targetRevisionArn,
    status: view.status,
  };
  if (view.statusReason !== undefined) brief.statusReason = view.statusReason;
  if (view.finishedMs !== undefined) brief.finishedAt = sec(record, view.finishedMs);
  return brief;
}

/** DescribeServiceRevisions' ServiceRevision (the members a deploy tool reads). */
export function serviceRevisionJson(record: ScriptedRecord, which: 'source' | 'target'): Record<string, unknown> {
  return {
    serviceRevisionArn: which === 'source' ? record.sourceRevisionArn : record.targetRevisionArn,
    serviceArn: record.serviceArn,
    clusterArn: record.clusterArn,
    taskDefinition: which === 'source' ? record.sourceTaskDefinition : record.targetTaskDefinition,
    launchType: 'FARGATE',
    platformVersion: '1.4.0',
    createdAt: which === 'source' ? record.startedAt / 1000 - 3600 : record.startedAt / 1000,
  };
}

/** DescribeServices' deployments[] and friends, consistent with the record (played by ecs-scenarios.ts). */
export function rolloutStateOf(record: ScriptedRecord, view: RecordView, ctx: RolloutContext): RolloutState {
  const desired = ctx.desiredCount;
  const deployment = (base: EcsDeployment, patch: Partial<EcsDeployment>): EcsDeployment => ({
    ...base,
    status: 'PRIMARY',
    desiredCount: desired,
    runningCount: 0,
    pendingCount: 0,
    failedTasks: 0,
    rolloutState: 'IN_PROGRESS',
    rolloutStateReason: `ECS deployment ${base.id} in progress.`,
    ...patch,
  });
  const crash = record.script.crashLoop ?? record.script.circuitBreaker;
  const crashed =
    crash === undefined
      ? { stoppedTasks: [], events: [] }
      : crashLoop({
          everyMs: crash.everyMs,
          exitCode: crash.exitCode ?? 1,
          reason: crash.reason ?? 'Error: cannot connect to database',
        })(view.crashedTasks * crash.everyMs, ctx);
  const previous: EcsDeployment[] =
    ctx.previous === undefined
      ? []
      : [
          deployment(ctx.previous, {
            status: 'ACTIVE',
            runningCount: desired,
            rolloutState: 'COMPLETED',
            rolloutStateReason: `ECS deployment ${ctx.previous.id} completed.`,
          }),
        ];
  const sum = (ds: EcsDeployment[], key: 'runningCount' | 'pendingCount'): number => ds.reduce((n, d) => n + d[key], 0);
  const build = (deployments: EcsDeployment[], taskDefinition: string): RolloutState => ({
    deployments,
    taskDefinition,
    runningCount: sum(deployments, 'runningCount'),
    pendingCount: sum(deployments, 'pendingCount'),
    events: [...crashed.events],
    stoppedTasks: [...crashed.stoppedTasks],
  });
  if (view.status === 'SUCCESSFUL') {
    return build(
      [
        deployment(ctx.ours, {
          runningCount: desired,
          rolloutState: 'COMPLETED',
          rolloutStateReason: `ECS deployment ${ctx.ours.id} completed.`,
        }),
      ],
      ctx.taskDefinitionArn,
    );
  }
  // deployments[] says only what it says today: the breaker's reason, otherwise no alarm,
  // hook or stage name (those are in the record), so a test can tell who read the record.
  const failedReason = view.breakerTriggered ? (view.statusReason ?? '') : `ECS deployment ${ctx.ours.id} rolled back.`;
  const oursFailed = deployment(ctx.ours, {
    status: 'ACTIVE',
    failedTasks: view.crashedTasks,
    rolloutState: 'FAILED',
    rolloutStateReason: failedReason,
  });
  if (view.rolledBack) {
    const rollback = deployment(
      { ...ctx.ours, id: derivedDeploymentId(ctx.ours.id, 'rollback'), taskDefinition: ctx.previousTaskDefinitionArn },
      {},
    );
    if (view.status === 'ROLLBACK_SUCCESSFUL') {
      return build(
        [
          {
            ...rollback,
            runningCount: desired,
            rolloutState: 'COMPLETED',
            rolloutStateReason: `ECS deployment ${rollback.id} completed.`,
          },
        ],
        ctx.previousTaskDefinitionArn,
      );
    }
    return build([{ ...rollback, pendingCount: desired }, oursFailed, ...previous], ctx.previousTaskDefinitionArn);
  }
  const up = crash === undefined && view.stage !== 'RECONCILE_SERVICE';
  const ours = deployment(ctx.ours, {
    runningCount: up ? desired : 0,
    pendingCount: up ? 0 : desired,
    failedTasks: view.crashedTasks,
  });
  return build([ours, ...previous], ctx.taskDefinitionArn);
}
