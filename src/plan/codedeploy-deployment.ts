// A CodeDeploy deployment as the follower sees it (GetDeployment, and its target's
// lifecycle events and task sets), classified as pending / succeeded / failed. Pure, and
// not ECS-specific: a Lambda deployment's target (lambdaTarget) reads the same way.
// Shapes: CodeDeploy API reference, DeploymentInfo, ECSTarget, LambdaTarget, LifecycleEvent,
// ECSTaskSet, RollbackInfo (docs.aws.amazon.com/codedeploy/latest/APIReference).

import type {
  DeploymentInfo,
  DeploymentTarget,
  ECSTaskSet,
  LambdaFunctionInfo,
  LifecycleEvent,
} from '@aws-sdk/client-codedeploy';
import { type CodeDeployEvent, HOOK_EVENTS } from './codedeploy-events.ts';
import { shellQuote } from './shell.ts';
import { type Failure, failed } from './verdict.ts';

/** The parts of a deployment target the follower reads, whichever platform it is. */
export interface TargetView {
  status?: string;
  events: LifecycleEvent[];
  /** ECS only: the blue and green task sets with their traffic weights. */
  taskSets: ECSTaskSet[];
  /** Lambda only: the alias's current and target versions and the target's share (percent). */
  lambda?: LambdaFunctionInfo;
}

export function targetViewOf(target: DeploymentTarget | undefined): TargetView | undefined {
  const t = target?.ecsTarget ?? target?.lambdaTarget;
  if (t === undefined) return undefined;
  return {
    ...(t.status === undefined ? {} : { status: t.status }),
    events: t.lifecycleEvents ?? [],
    taskSets: target?.ecsTarget?.taskSetsInfo ?? [],
    ...(target?.lambdaTarget?.lambdaFunctionInfo === undefined
      ? {}
      : { lambda: target.lambdaTarget.lambdaFunctionInfo }),
  };
}

export interface CodeDeploySnapshot {
  deployment: DeploymentInfo;
  /** The last target read (it is read only when the deployment changed). */
  target?: TargetView;
}

/** `completed`: Succeeded; an event: that lifecycle event succeeded. */
export type CodeDeployGoal = 'completed' | CodeDeployEvent;

export type CodeDeployVerdict =
  | { state: 'pending'; waiting?: 'ready' | 'termination' }
  | { state: 'succeeded'; reached: CodeDeployGoal }
  | Failure;

export interface ClassifyOptions {
  goal: CodeDeployGoal;
  /** Hook event -> Lambda function, from the AppSpec sent (names the failing hook). */
  hooks?: Record<string, string>;
}

export function classifyCodeDeploy(snapshot: CodeDeploySnapshot, options: ClassifyOptions): CodeDeployVerdict {
  const d = snapshot.deployment;
  const id = d.deploymentId ?? '?';
  switch (d.status) {
    case 'Succeeded':
      return { state: 'succeeded', reached: options.goal };
    case 'Failed':
      return failed(
        d.rollbackInfo?.rollbackDeploymentId ? 'rolled-back' : 'rollout-failed',
        `CodeDeploy deployment ${id} failed${atEvent(snapshot.target)}.`,
        failureDetails(snapshot, options.hooks),
      );
    case 'Stopped':
      return failed(
        d.rollbackInfo?.rollbackDeploymentId ? 'rolled-back' : 'stopped',
        `CodeDeploy deployment ${id} was stopped${atEvent(snapshot.target)}.`,
        failureDetails(snapshot, options.hooks),
      );
    default:
      break;
  }
  if (options.goal !== 'completed' && eventReached(snapshot.target, options.goal))
    return { state: 'succeeded', reached: options.goal };
  if (d.status === 'Ready') return { state: 'pending', waiting: 'ready' };
  if (d.status === 'InProgress' && d.instanceTerminationWaitTimeStarted === true)
    return { state: 'pending', waiting: 'termination' };
  return { state: 'pending' };
}

/**
 * True once `event` succeeded (or was skipped), or a later event has started: CodeDeploy
 * runs the events in order, so a later one means this one is behind it.
 */
export function eventReached(target: TargetView | undefined, event: CodeDeployEvent): boolean {
  const events = target?.events ?? [];
  const index = events.findIndex((e) => e.lifecycleEventName === event);
  if (index < 0) return false;
  const own = events[index]?.status;
  if (own === 'Succeeded' || own === 'Skipped') return true;
  if (own === 'Failed') return false;
  return events.slice(index + 1).some((e) => e.status === 'InProgress' || e.status === 'Succeeded');
}

/** The first lifecycle event that failed, else the one in progress. */
export function failedEvent(target: TargetView | undefined): LifecycleEvent | undefined {
  const events = target?.events ?? [];
  return events.find((e) => e.status === 'Failed') ?? events.find((e) => e.status === 'InProgress');
}

function atEvent(target: TargetView | undefined): string {
  const event = failedEvent(target);
  return event?.lifecycleEventName === undefined ? '' : ` at lifecycle event ${event.lifecycleEventName}`;
}

function failureDetails(snapshot: CodeDeploySnapshot, hooks: Record<string, string> = {}): string[] {
  const d = snapshot.deployment;
  const details: string[] = [];
  const event = failedEvent(snapshot.target);
  const name = event?.lifecycleEventName;
  if (name !== undefined && HOOK_EVENTS.has(name)) {
    const fn = hooks[name];
    details.push(fn === undefined ? `The ${name} hook failed.` : `The ${name} hook (Lambda function '${fn}') failed.`);
  }
  const diag = event?.diagnostics;
  if (diag !== undefined) {
    const parts = [diag.errorCode, diag.scriptName ? `script ${diag.scriptName}` : undefined, diag.message].filter(
      (p) => p !== undefined && p !== '',
    );
    if (parts.length > 0) details.push(`Diagnostics: ${parts.join(': ')}`);
    if (diag.logTail) details.push(`Log tail: ${diag.logTail}`);
  }
  if (d.errorInformation?.code !== undefined || d.errorInformation?.message !== undefined) {
    details.push(`Error ${d.errorInformation.code ?? '(no code)'}: ${d.errorInformation.message ?? '(no message)'}`);
  }
  const rb = d.rollbackInfo;
  if (rb?.rollbackDeploymentId !== undefined) {
    const message = rb.rollbackMessage ? `: ${rb.rollbackMessage.replace(/\.$/, '')}` : '';
    details.push(`CodeDeploy rolled back with deployment ${rb.rollbackDeploymentId}${message}.`);
  } else if (rb?.rollbackMessage) {
    details.push(`Rollback: ${rb.rollbackMessage}`);
  }
  return details;
}

/** The command that ends a `Ready` wait (a group that waits for a manual reroute), quoted for a shell. */
export function continueCommand(deploymentId: string): string {
  return `aws deploy continue-deployment --deployment-id ${shellQuote(deploymentId)} --deployment-wait-type READY_WAIT`;
}

/** What the follower waits for, for timeout messages. */
export function goalText(goal: CodeDeployGoal): string {
  return goal === 'completed' ? 'Succeeded' : `lifecycle event ${goal}`;
}

/**
 * Failures of the step's own making (its timeout, a cancelled job, too many stopped tasks,
 * an error): CodeDeploy has not rolled those back, so the step stops the deployment with rollback.
 */
export const STEP_FAILURES: ReadonlySet<Failure['kind']> = new Set([
  'timed-out',
  'cancelled',
  'too-many-failed-tasks',
  'error',
]);
