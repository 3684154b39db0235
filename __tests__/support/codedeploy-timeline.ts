// Where a scripted CodeDeploy ECS blue/green deployment is at a moment: its status, its
// lifecycle events, its task sets' traffic weights. Pure, so the proxy (codedeploy-scenarios.ts)
// and its tests agree. Event order from the CodeDeploy User Guide, "AppSpec 'hooks' section"
// (lifecycle event hooks for an Amazon ECS deployment) and "What happens during an Amazon ECS
// deployment"; status values from the API reference's DeploymentStatus / LifecycleEventStatus.

export const ECS_EVENTS = [
  'BeforeInstall',
  'Install',
  'AfterInstall',
  'AllowTestTraffic',
  'AfterAllowTestTraffic',
  'BeforeAllowTraffic',
  'AllowTraffic',
  'AfterAllowTraffic',
] as const;
export type EcsEvent = (typeof ECS_EVENTS)[number];

/** A Lambda deployment's events, in order ("AppSpec 'hooks' section for an AWS Lambda deployment"). */
export const LAMBDA_EVENTS = ['BeforeAllowTraffic', 'AllowTraffic', 'AfterAllowTraffic'] as const;

export interface CodeDeployScript {
  /** How long each lifecycle event runs (default 1 s). */
  eventSeconds?: number;
  /** The group has a test listener: AllowTestTraffic / AfterAllowTestTraffic run (else Skipped). */
  testTraffic?: boolean;
  /** This hook event fails, and CodeDeploy rolls the deployment back (auto rollback on failure). */
  failAt?: { event: EcsEvent; message: string };
  /** After AfterAllowTestTraffic, wait at status Ready until ContinueDeployment (READY_WAIT). */
  readyWait?: boolean;
  /** The original task set's termination wait after AfterAllowTraffic, in seconds (default 0). */
  terminationWaitSeconds?: number;
  /** How long a rollback deployment (after a failure or StopDeployment with rollback) runs (default 2 s). */
  rollbackSeconds?: number;
  /**
   * The replacement (green) task set crash loops: one of its tasks stops every
   * `everySeconds` while the deployment runs, and Install never ends (CodeDeploy waits for
   * the task set to reach its desired count) until the deployment is stopped.
   */
  greenTasksStop?: { everySeconds: number; exitCode: number; reason: string };
  /** The new version's share (percent) while AllowTraffic runs, as a canary config holds it (default 0). */
  canaryPercent?: number;
}

export type DeploymentStatusName =
  | 'Created'
  | 'Queued'
  | 'InProgress'
  | 'Baking'
  | 'Succeeded'
  | 'Failed'
  | 'Stopped'
  | 'Ready';
export type EventStatus = 'Pending' | 'InProgress' | 'Succeeded' | 'Failed' | 'Skipped' | 'Unknown';

export interface OutsideActs {
  /** ms since creation of ContinueDeployment (READY_WAIT). */
  continuedAt?: number;
  /** ms since creation of StopDeployment, and whether it asked for a rollback. */
  stoppedAt?: number;
  stopRollback?: boolean;
}

export interface EventView {
  name: EcsEvent;
  status: EventStatus;
  /** ms since creation. */
  start?: number;
  end?: number;
  message?: string;
}

export interface DeploymentView {
  status: DeploymentStatusName;
  events: EventView[];
  /** Production traffic on the green task set, percent. */
  greenWeight: number;
  terminationWaitStarted: boolean;
  /** ms since creation when it ended. */
  endedAt?: number;
  failure?: { code: 'HOOK_EXECUTION_FAILURE' | 'MANUAL_STOP'; message: string };
  /** A rollback CodeDeploy made, and whether (and when) it has finished. */
  rollback?: { startedAt: number; done: boolean };
}

const TEST_EVENTS: ReadonlySet<EcsEvent> = new Set(['AllowTestTraffic', 'AfterAllowTestTraffic']);

/** The deployment `elapsed` ms after CreateDeployment. */
export function deploymentAt(
  script: CodeDeployScript,
  acts: OutsideActs,
  elapsed: number,
  order: readonly EcsEvent[] = ECS_EVENTS,
): DeploymentView {
  const step = (script.eventSeconds ?? 1) * 1000;
  const rollbackMs = (script.rollbackSeconds ?? 2) * 1000;
  const events: EventView[] = [];
  let t = 0;
  let status: DeploymentStatusName = 'InProgress';
  let greenWeight = 0;
  let ended: number | undefined;
  let failure: DeploymentView['failure'];
  const stop = acts.stoppedAt !== undefined && acts.stoppedAt <= elapsed ? acts.stoppedAt : undefined;
  for (const name of order) {
    if (ended !== undefined) {
      events.push({ name, status: 'Skipped' });
      continue;
    }
    if (name === 'BeforeAllowTraffic' && script.readyWait === true) {
      // Ready: the green task set serves test traffic until someone continues.
      const readyUntil = acts.continuedAt ?? Number.POSITIVE_INFINITY;
      if (elapsed >= t && elapsed < readyUntil && (stop === undefined || stop > t)) {
        status = 'Ready';
      }
      t = Math.max(t, Math.min(readyUntil, stop ?? readyUntil));
    }
    if (!script.testTraffic && TEST_EVENTS.has(name)) {
      events.push({ name, status: 'Skipped' });
      continue;
    }
    const start = t;
    const end = name === 'Install' && script.greenTasksStop !== undefined ? Number.POSITIVE_INFINITY : t + step;
    t = end;
    if (stop !== undefined && stop < end) {
      events.push({
        name,
        status: stop >= start ? 'Failed' : 'Skipped',
        ...(stop >= start ? { start, end: stop, message: 'The deployment was stopped.' } : {}),
      });
      ended = stop;
      failure = { code: 'MANUAL_STOP', message: 'The deployment was stopped by the user.' };
      status = 'Stopped';
      continue;
    }
    if (elapsed < start) {
      events.push({ name, status: 'Pending' });
      continue;
    }
    if (elapsed < end) {
      events.push({ name, status: 'InProgress', start });
      if (name === 'AllowTraffic') greenWeight = script.canaryPercent ?? 0;
      if (status !== 'Ready') status = 'InProgress';
      continue;
    }
    if (script.failAt?.event === name) {
      events.push({ name, status: 'Failed', start, end, message: script.failAt.message });
      ended = end;
      failure = {
        code: 'HOOK_EXECUTION_FAILURE',
        message: `The deployment failed because a specified lifecycle event hook (${name}) failed.`,
      };
      status = 'Failed';
      continue;
    }
    events.push({ name, status: 'Succeeded', start, end });
    if (name === 'AllowTraffic') greenWeight = 100;
    if (status === 'Ready') status = 'InProgress';
  }
  let terminationWaitStarted = false;
  if (ended === undefined) {
    const waitMs = (script.terminationWaitSeconds ?? 0) * 1000;
    if (elapsed < t) status = status === 'Ready' ? 'Ready' : 'InProgress';
    else if (waitMs > 0 && elapsed < t + waitMs && (stop === undefined || stop >= t + waitMs)) {
      status = 'InProgress';
      terminationWaitStarted = true;
    } else if (stop !== undefined && stop >= t && stop < t + waitMs) {
      ended = stop;
      status = 'Stopped';
      failure = { code: 'MANUAL_STOP', message: 'The deployment was stopped by the user.' };
      terminationWaitStarted = true;
    } else {
      status = 'Succeeded';
      ended = t + waitMs;
    }
  }
  const rolledBack = status === 'Failed' || (status === 'Stopped' && acts.stopRollback === true);
  if (rolledBack && ended !== undefined) {
    // The rollback moves production traffic back to the original (blue) task set.
    const done = elapsed >= ended + rollbackMs;
    if (done) greenWeight = 0;
    return {
      status,
      events,
      greenWeight,
      terminationWaitStarted,
      endedAt: ended,
      ...(failure ? { failure } : {}),
      rollback: { startedAt: ended, done },
    };
  }
  return {
    status,
    events,
    greenWeight,
    terminationWaitStarted,
    ...(ended === undefined ? {} : { endedAt: ended }),
    ...(failure ? { failure } : {}),
  };
}
