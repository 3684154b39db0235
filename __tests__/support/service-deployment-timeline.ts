// The time line of one scripted ECS service deployment: which status, lifecycle stage,
// traffic weight, alarm / circuit-breaker / hook state and rollback the record shows at a
// given moment after UpdateService. Pure: the script plus the outside events (a
// StopServiceDeployment, a ContinueServiceDeployment) and the elapsed time in, a view out.
// service-deployment-scenarios.ts turns the view into ECS's JSON.
//
// Stages and enums as in @aws-sdk/client-ecs 3.1164 (dist-types/models/enums.d.ts:
// ServiceDeploymentStatus, ServiceDeploymentLifecycleStage, DeploymentStrategy,
// ServiceDeploymentRollbackMonitorsStatus, DeploymentLifecycleHookStatus) and the ECS
// guides "Amazon ECS blue/green deployments", "... linear deployments", "... canary
// deployments" (stage order RECONCILE_SERVICE ... BAKE_TIME, CLEAN_UP). The stages a
// ROLLING deployment reports are an assumption of this instrument (RECONCILE_SERVICE,
// SCALE_UP, CLEAN_UP): the guides document the stage list for the blue/green family only.
// A record's stage is a ServiceDeploymentLifecycleStage; hooks run at a
// DeploymentLifecycleHookStage, which has one point the record never reports,
// PRE_PRODUCTION_TRAFFIC_SHIFT: while a hook runs there the record still shows
// POST_TEST_TRAFFIC_SHIFT, the test traffic shifted and no production traffic moved yet
// (API_DeploymentLifecycleHook describes the stages).

export type Strategy = 'ROLLING' | 'BLUE_GREEN' | 'LINEAR' | 'CANARY';
export type RecordStatus =
  | 'PENDING'
  | 'IN_PROGRESS'
  | 'SUCCESSFUL'
  | 'STOPPED'
  | 'STOP_REQUESTED'
  | 'ROLLBACK_REQUESTED'
  | 'ROLLBACK_IN_PROGRESS'
  | 'ROLLBACK_SUCCESSFUL'
  | 'ROLLBACK_FAILED';
export type Stage =
  | 'RECONCILE_SERVICE'
  | 'PRE_SCALE_UP'
  | 'SCALE_UP'
  | 'POST_SCALE_UP'
  | 'TEST_TRAFFIC_SHIFT'
  | 'POST_TEST_TRAFFIC_SHIFT'
  | 'PRODUCTION_TRAFFIC_SHIFT'
  | 'POST_PRODUCTION_TRAFFIC_SHIFT'
  | 'BAKE_TIME'
  | 'CLEAN_UP';
export type HookStage = Exclude<Stage, 'SCALE_UP' | 'BAKE_TIME' | 'CLEAN_UP'> | 'PRE_PRODUCTION_TRAFFIC_SHIFT';

export const BLUE_GREEN_STAGES: readonly Stage[] = [
  'RECONCILE_SERVICE',
  'PRE_SCALE_UP',
  'SCALE_UP',
  'POST_SCALE_UP',
  'TEST_TRAFFIC_SHIFT',
  'POST_TEST_TRAFFIC_SHIFT',
  'PRODUCTION_TRAFFIC_SHIFT',
  'POST_PRODUCTION_TRAFFIC_SHIFT',
  'BAKE_TIME',
  'CLEAN_UP',
];
export const ROLLING_STAGES: readonly Stage[] = ['RECONCILE_SERVICE', 'SCALE_UP', 'CLEAN_UP'];

/** What a test scripts for one service. Times are real milliseconds / seconds of the test. */
export interface ServiceDeploymentScript {
  strategy: Strategy;
  /** How long each stage other than bakes and traffic steps lasts (default 300 ms). */
  stageMs?: number;
  /** The record is PENDING this long before IN_PROGRESS (default 200 ms). */
  pendingMs?: number;
  /** Reported as configured (deploymentConfiguration.bakeTimeInMinutes); default 0 ROLLING, 5 otherwise. */
  bakeTimeInMinutes?: number;
  /** How long BAKE_TIME really lasts in the test (default 1 s). */
  bakeSeconds?: number;
  /** LINEAR: traffic moves stepPercent at a time; each step lasts stepSeconds. */
  linear?: { stepPercent: number; stepBakeTimeInMinutes?: number; stepSeconds: number };
  /** CANARY: canaryPercent first, held canarySeconds, then 100. */
  canary?: { canaryPercent: number; canaryBakeTimeInMinutes?: number; canarySeconds: number };
  /** deploymentConfiguration.alarms; `trigger` puts `alarm` into ALARM `afterMs` into stage `atStage`. */
  alarms?: { names: string[]; rollback?: boolean; trigger?: { alarm: string; atStage: Stage; afterMs?: number } };
  /** A Lambda hook that runs at `stage` and fails after half a stage (the deployment rolls back). */
  failingHook?: { stage: HookStage; hookId?: string; targetArn?: string };
  /** A pause hook: the deployment holds at `stage` until ContinueServiceDeployment. */
  pauseHook?: { stage: HookStage; hookId?: string };
  /** Rolling: holds at SCALE_UP, one task exits every everyMs; IN_PROGRESS until stopped. */
  crashLoop?: { everyMs: number; exitCode: number; reason: string };
  /** Tasks fail every everyMs; at `threshold` failures the breaker rolls the deployment back. */
  circuitBreaker?: { everyMs: number; threshold: number; exitCode?: number; reason?: string };
  /** ROLLBACK_REQUESTED / STOP_REQUESTED last this long (default 300 ms). */
  stopRequestedMs?: number;
  /** ROLLBACK_IN_PROGRESS lasts this long (default 1000 ms). */
  rollbackMs?: number;
  /** The rollback ends ROLLBACK_FAILED instead of ROLLBACK_SUCCESSFUL. */
  rollbackFails?: boolean;
  /** UpdateService and DescribeServices leave out currentServiceDeployment (ECS before late 2024 did). */
  hideCurrentServiceDeployment?: boolean;
  /**
   * Another job's deploy of the service's previous revision lands with ours: ECS lists its
   * record too, created a moment before ours (same script).
   */
  concurrentDeploy?: boolean;
}

/** What happened to the deployment from outside, in ms since UpdateService. */
export interface OutsideEvents {
  stop?: { atMs: number; stopType: 'ROLLBACK' | 'ABORT' };
  continued?: { atMs: number; action: 'CONTINUE' | 'ROLLBACK' };
}

export interface HookView {
  hookId: string;
  targetType: 'AWS_LAMBDA' | 'PAUSE';
  targetArn?: string;
  status: 'IN_PROGRESS' | 'SUCCEEDED' | 'FAILED' | 'AWAITING_ACTION';
}

export interface RecordView {
  status: RecordStatus;
  stage: Stage;
  statusReason?: string;
  /** Production traffic on the new revision, percent (blue/green family only). */
  productionWeight?: number;
  testWeight?: number;
  triggeredAlarms: string[];
  failureCount: number;
  breakerTriggered: boolean;
  hooks: HookView[];
  /** ms since UpdateService. */
  startedMs: number;
  rollback?: { startedMs: number; reason: string };
  finishedMs?: number;
  /** The service runs the previous revision (a rollback has started). */
  rolledBack: boolean;
  /** Tasks of ours that stopped (crash loop / breaker), counted up to the rollback. */
  crashedTasks: number;
}

/** `hook`: the hook point this phase is, when it is not the stage the record shows. */
interface Phase {
  stage: Stage;
  ms: number;
  weight?: number;
  hook?: HookStage;
}

export function phasesOf(script: ServiceDeploymentScript): Phase[] {
  const stageMs = script.stageMs ?? 300;
  const bakeMs = (script.bakeSeconds ?? 1) * 1000;
  if (script.strategy === 'ROLLING') {
    const holds = script.crashLoop !== undefined || script.circuitBreaker !== undefined;
    return [
      { stage: 'RECONCILE_SERVICE', ms: stageMs },
      { stage: 'SCALE_UP', ms: holds ? Infinity : stageMs },
      ...(script.bakeSeconds === undefined ? [] : [{ stage: 'BAKE_TIME' as const, ms: bakeMs }]),
      { stage: 'CLEAN_UP', ms: stageMs },
    ];
  }
  const shift: Phase[] = [];
  if (script.strategy === 'LINEAR' && script.linear !== undefined) {
    const { stepPercent, stepSeconds } = script.linear;
    for (let w = stepPercent; w < 100; w += stepPercent)
      shift.push({ stage: 'PRODUCTION_TRAFFIC_SHIFT', ms: stepSeconds * 1000, weight: w });
  } else if (script.strategy === 'CANARY' && script.canary !== undefined) {
    shift.push({
      stage: 'PRODUCTION_TRAFFIC_SHIFT',
      ms: script.canary.canarySeconds * 1000,
      weight: script.canary.canaryPercent,
    });
  }
  shift.push({ stage: 'PRODUCTION_TRAFFIC_SHIFT', ms: stageMs, weight: 100 });
  const preProduction: Phase = { stage: 'POST_TEST_TRAFFIC_SHIFT', ms: stageMs, hook: 'PRE_PRODUCTION_TRAFFIC_SHIFT' };
  return BLUE_GREEN_STAGES.flatMap((stage): Phase[] =>
    stage === 'PRODUCTION_TRAFFIC_SHIFT'
      ? [preProduction, ...shift]
      : [{ stage, ms: stage === 'BAKE_TIME' ? bakeMs : stageMs }],
  );
}

/** The stages this script's strategy goes through, in order, each once. */
export function stagesOf(script: ServiceDeploymentScript): Stage[] {
  return [...new Set(phasesOf(script).map((p) => p.stage))];
}

/** Effective (pause-free) time at which `stage` (or that hook point) first begins, or undefined. */
function stageStart(phases: Phase[], stage: Stage | HookStage, pendingMs: number): number | undefined {
  let t = pendingMs;
  for (const p of phases) {
    if ((p.hook ?? p.stage) === stage) return t;
    t += p.ms;
  }
  return undefined;
}

export function recordAt(script: ServiceDeploymentScript, events: OutsideEvents, elapsedMs: number): RecordView {
  const phases = phasesOf(script);
  const pendingMs = script.pendingMs ?? 200;
  const stageMs = script.stageMs ?? 300;
  const total = phases.reduce((sum, p) => sum + p.ms, pendingMs);
  // The pause: effective time stops at the pause stage's start until continued.
  const pauseAt = script.pauseHook === undefined ? undefined : stageStart(phases, script.pauseHook.stage, pendingMs);
  const continuedAt = events.continued?.atMs;
  const realOf = (t: number): number =>
    pauseAt === undefined || t <= pauseAt ? t : continuedAt === undefined ? Infinity : continuedAt + (t - pauseAt);
  const effectiveOf = (e: number): number =>
    pauseAt === undefined || e <= pauseAt
      ? e
      : continuedAt === undefined || e < continuedAt
        ? pauseAt
        : pauseAt + (e - continuedAt);

  // Scripted failures, at real times.
  const failures: Array<{ atMs: number; reason: string; kind: 'alarm' | 'hook' | 'breaker' | 'stop' | 'continue' }> =
    [];
  const trigger = script.alarms?.trigger;
  if (trigger !== undefined) {
    const start = stageStart(phases, trigger.atStage, pendingMs);
    if (start !== undefined)
      failures.push({
        atMs: realOf(start + (trigger.afterMs ?? 0)),
        kind: 'alarm',
        reason: `CloudWatch alarm(s) ${trigger.alarm} in ALARM state.`,
      });
  }
  const hook = script.failingHook;
  if (hook !== undefined) {
    const start = stageStart(phases, hook.stage, pendingMs);
    if (start !== undefined)
      failures.push({
        atMs: realOf(start + stageMs / 2),
        kind: 'hook',
        reason: `Lifecycle hook ${hookIdOf(script, 'fail')} failed at stage ${hook.stage}.`,
      });
  }
  const breaker = script.circuitBreaker;
  if (breaker !== undefined)
    failures.push({
      atMs: pendingMs + stageMs + breaker.everyMs * breaker.threshold,
      kind: 'breaker',
      reason: 'ECS deployment circuit breaker: tasks failed to start.',
    });
  if (events.stop !== undefined)
    failures.push({
      atMs: events.stop.atMs,
      kind: 'stop',
      reason: `Service deployment stopped by StopServiceDeployment (${events.stop.stopType}).`,
    });
  if (events.continued?.action === 'ROLLBACK')
    failures.push({
      atMs: events.continued.atMs,
      kind: 'continue',
      reason: `Lifecycle hook ${hookIdOf(script, 'pause')} continued with ROLLBACK.`,
    });
  const successAt = realOf(total);
  const first = failures.filter((f) => f.atMs < successAt).sort((a, b) => a.atMs - b.atMs)[0];
  const endOfRun = Math.min(elapsedMs, first?.atMs ?? Infinity);

  // Where the walk is (or froze).
  const t = effectiveOf(endOfRun);
  let stage: Stage = phases[0]?.stage ?? 'RECONCILE_SERVICE';
  let weight: number | undefined;
  let clock = pendingMs;
  for (const p of phases) {
    if (t < clock) break;
    stage = p.stage;
    weight = p.weight;
    clock += p.ms;
  }
  const family = script.strategy !== 'ROLLING';
  const reached = (s: Stage): boolean => {
    const start = stageStart(phases, s, pendingMs);
    return start !== undefined && t >= start;
  };
  const productionWeight = !family ? undefined : reached('PRODUCTION_TRAFFIC_SHIFT') ? (weight ?? 100) : 0;
  const testWeight = !family ? undefined : reached('TEST_TRAFFIC_SHIFT') ? 100 : 0;
  const crashEvery = script.crashLoop?.everyMs ?? breaker?.everyMs;
  const crashedTasks =
    crashEvery === undefined ? 0 : Math.max(0, Math.floor((endOfRun - pendingMs - stageMs) / crashEvery));

  const view: RecordView = {
    status: elapsedMs < pendingMs ? 'PENDING' : 'IN_PROGRESS',
    stage: elapsedMs < pendingMs ? 'RECONCILE_SERVICE' : stage,
    ...(productionWeight === undefined ? {} : { productionWeight }),
    ...(testWeight === undefined ? {} : { testWeight }),
    triggeredAlarms: [],
    failureCount: breaker === undefined ? 0 : Math.min(breaker.threshold, crashedTasks),
    breakerTriggered: false,
    hooks: hooksAt(script, phases, pendingMs, t, first?.kind === 'hook' && elapsedMs >= first.atMs, events),
    startedMs: Math.min(elapsedMs, pendingMs),
    rolledBack: false,
    crashedTasks:
      script.crashLoop === undefined && breaker === undefined
        ? 0
        : breaker === undefined
          ? crashedTasks
          : Math.min(breaker.threshold, crashedTasks),
  };
  if (first !== undefined && elapsedMs >= first.atMs) {
    if (first.kind === 'alarm' && trigger !== undefined) view.triggeredAlarms = [trigger.alarm];
    if (first.kind === 'breaker') view.breakerTriggered = true;
    view.statusReason = first.reason;
    const requestedMs = first.kind === 'stop' ? (script.stopRequestedMs ?? 300) : 0;
    const abort =
      (first.kind === 'stop' && events.stop?.stopType === 'ABORT') ||
      (first.kind === 'alarm' && script.alarms?.rollback === false);
    if (abort) {
      view.status = elapsedMs < first.atMs + requestedMs ? 'STOP_REQUESTED' : 'STOPPED';
      if (view.status === 'STOPPED') view.finishedMs = first.atMs + requestedMs;
      return view;
    }
    const rollbackAt = first.atMs + requestedMs;
    const doneAt = rollbackAt + (script.rollbackMs ?? 1000);
    if (elapsedMs < rollbackAt) view.status = 'ROLLBACK_REQUESTED';
    else {
      view.rollback = { startedMs: rollbackAt, reason: first.reason };
      view.rolledBack = true;
      view.status =
        elapsedMs < doneAt
          ? 'ROLLBACK_IN_PROGRESS'
          : script.rollbackFails === true
            ? 'ROLLBACK_FAILED'
            : 'ROLLBACK_SUCCESSFUL';
      if (elapsedMs >= doneAt) view.finishedMs = doneAt;
    }
    return view;
  }
  if (elapsedMs >= successAt) {
    view.status = 'SUCCESSFUL';
    view.finishedMs = successAt;
  }
  return view;
}

export function hookIdOf(script: ServiceDeploymentScript, which: 'fail' | 'pause'): string {
  return which === 'fail'
    ? (script.failingHook?.hookId ?? 'hook-validate-green')
    : (script.pauseHook?.hookId ?? 'hook-manual-approval');
}

function hooksAt(
  script: ServiceDeploymentScript,
  phases: Phase[],
  pendingMs: number,
  t: number,
  failed: boolean,
  events: OutsideEvents,
): HookView[] {
  const hooks: HookView[] = [];
  const fail = script.failingHook;
  if (fail !== undefined) {
    const start = stageStart(phases, fail.stage, pendingMs);
    if (start !== undefined && t >= start) {
      const targetArn = fail.targetArn ?? 'arn:aws:lambda:us-east-1:123456789012:function:validate-green';
      hooks.push({
        hookId: hookIdOf(script, 'fail'),
        targetType: 'AWS_LAMBDA',
        targetArn,
        status: failed ? 'FAILED' : 'IN_PROGRESS',
      });
    }
  }
  const pause = script.pauseHook;
  if (pause !== undefined) {
    const start = stageStart(phases, pause.stage, pendingMs);
    if (start !== undefined && t >= start) {
      hooks.push({
        hookId: hookIdOf(script, 'pause'),
        targetType: 'PAUSE',
        status: events.continued === undefined ? 'AWAITING_ACTION' : 'SUCCEEDED',
      });
    }
  }
  return hooks;
}
