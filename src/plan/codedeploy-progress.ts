// Progress lines and summary rows for a CodeDeploy deployment: each lifecycle event as it
// starts and ends, the traffic split between the blue and green task sets, and the status.
// Pure: callers print what comes back.

import type { ECSTaskSet, LifecycleEvent } from '@aws-sdk/client-codedeploy';
import type { CodeDeploySnapshot, TargetView } from './codedeploy-deployment.ts';
import { formatDuration } from './duration.ts';

function ms(value: Date | string | number | undefined): number | undefined {
  if (value === undefined) return undefined;
  const t = value instanceof Date ? value.getTime() : new Date(value).getTime();
  return Number.isNaN(t) ? undefined : t;
}

/** How long the event ran, when it has started and ended. */
export function eventDurationMs(event: LifecycleEvent): number | undefined {
  const start = ms(event.startTime);
  const end = ms(event.endTime);
  return start === undefined || end === undefined ? undefined : Math.max(0, end - start);
}

/** "blue 90% / green 10%" from the task sets' traffic weights; undefined when none is known. */
export function trafficSplit(taskSets: readonly ECSTaskSet[]): string | undefined {
  const labelled = taskSets.filter((t) => t.trafficWeight !== undefined);
  if (labelled.length === 0) return undefined;
  return labelled
    .map((t) => `${(t.taskSetLabel ?? t.identifer ?? '?').toLowerCase()} ${Math.round(t.trafficWeight ?? 0)}%`)
    .join(' / ');
}

/**
 * The traffic split a target reports: the ECS task sets', else the Lambda alias's
 * ("version 1 90% / version 2 10%"; targetVersionWeight is a percentage, API_LambdaFunctionInfo).
 */
export function trafficOf(target: TargetView | undefined): string | undefined {
  const ecs = trafficSplit(target?.taskSets ?? []);
  const fn = target?.lambda;
  if (ecs !== undefined || fn?.targetVersionWeight === undefined) return ecs;
  const weight = Math.round(Math.min(100, Math.max(0, fn.targetVersionWeight)));
  return `version ${fn.currentVersion ?? '?'} ${100 - weight}% / version ${fn.targetVersion ?? '?'} ${weight}%`;
}

/** Lines for what changed between two snapshots (`before` undefined: the first one). */
export function progressLines(before: CodeDeploySnapshot | undefined, now: CodeDeploySnapshot): string[] {
  const lines: string[] = [];
  const id = now.deployment.deploymentId ?? '?';
  if (before?.deployment.status !== now.deployment.status)
    lines.push(`deployment ${id}: ${now.deployment.status ?? 'unknown'}`);
  if (
    before?.deployment.instanceTerminationWaitTimeStarted !== true &&
    now.deployment.instanceTerminationWaitTimeStarted === true
  ) {
    lines.push(`deployment ${id}: traffic moved; the original task set is kept until its termination wait ends`);
  }
  lines.push(...eventLines(before?.target, now.target));
  const split = trafficOf(now.target);
  if (split !== undefined && split !== trafficOf(before?.target)) lines.push(`traffic: ${split}`);
  return lines;
}

function eventLines(before: TargetView | undefined, now: TargetView | undefined): string[] {
  const lines: string[] = [];
  for (const event of now?.events ?? []) {
    const name = event.lifecycleEventName ?? '?';
    const was = before?.events.find((e) => e.lifecycleEventName === name)?.status;
    if (event.status === was) continue;
    const took = eventDurationMs(event);
    const after = took === undefined ? '' : ` after ${formatDuration(took)}`;
    if (event.status === 'InProgress') lines.push(`${name} started`);
    else if (event.status === 'Succeeded') lines.push(`${name} succeeded${after}`);
    else if (event.status === 'Failed')
      lines.push(`${name} failed${after}${event.diagnostics?.message ? `: ${event.diagnostics.message}` : ''}`);
    else if (event.status === 'Skipped' && was !== undefined) lines.push(`${name} skipped`);
  }
  return lines;
}

export interface EventRow {
  event: string;
  status: string;
  /** Formatted, or '' when it has not ended. */
  took: string;
}

/** One row per lifecycle event, for the job summary. */
export function eventRows(target: TargetView | undefined): EventRow[] {
  return (target?.events ?? []).map((e) => {
    const took = eventDurationMs(e);
    return {
      event: e.lifecycleEventName ?? '?',
      status: e.status ?? 'Unknown',
      took: took === undefined ? '' : formatDuration(took),
    };
  });
}
