// One-off ECS tasks as scripts: what DescribeTasks answers for a scripted task at a given
// time (PROVISIONING -> RUNNING -> STOPPED, containers, stop code and reason), and how a
// RunTask or a task reference is matched. Pure functions; task-scenarios.ts plays them
// through the scenario proxy.

import type { RunTaskCommandInput } from '@aws-sdk/client-ecs';
import type { ScriptedContainer, ScriptedTaskRun, TaskLife, TaskMatch } from './task-scenarios.ts';

export const ESSENTIAL_CONTAINER_EXITED = 'Essential container in task exited';
/** What a container reports after StopTask: 128 + SIGTERM, as most processes end. */
export const STOPPED_BY_USER_EXIT_CODE = 143;

/** A task as ECS sends it on the wire (times in epoch seconds). */
export interface WireTask {
  taskArn: string;
  lastStatus?: string;
  desiredStatus?: string;
  containers?: Array<Record<string, unknown>>;
  [member: string]: unknown;
}

export interface TaskFailure {
  arn?: string;
  reason?: string;
  [member: string]: unknown;
}

type Phase = 'PROVISIONING' | 'RUNNING' | 'STOPPED';

function phaseAt(
  life: TaskLife,
  run: ScriptedTaskRun,
  at: number,
): { phase: Phase; stoppedAt?: number; byUser?: boolean } {
  const natural = life.stoppedAfterMs === undefined ? undefined : run.startedAt + life.stoppedAfterMs;
  const byUser =
    run.stopped !== undefined && (natural === undefined || run.stopped.at < natural) ? run.stopped.at : undefined;
  const stoppedAt = byUser ?? natural;
  if (stoppedAt !== undefined && at >= stoppedAt) return { phase: 'STOPPED', stoppedAt, byUser: byUser !== undefined };
  if (at >= run.startedAt + life.runningAfterMs) return { phase: 'RUNNING' };
  return { phase: 'PROVISIONING' };
}

export function scriptedTask(base: WireTask, run: ScriptedTaskRun, life: TaskLife, at: number): WireTask {
  const { phase, stoppedAt, byUser } = phaseAt(life, run, at);
  const seconds = (ms: number): number => ms / 1000;
  const runningAt = run.startedAt + life.runningAfterMs;
  const ran = phase === 'RUNNING' || (stoppedAt !== undefined && stoppedAt > runningAt);
  const motoContainers = base.containers ?? [];
  const scripted: ScriptedContainer[] =
    life.containers.length > 0 ? life.containers : motoContainers.map((c) => ({ name: String(c.name ?? 'app') }));
  const containers = scripted.map((c, i) => {
    const fromMoto = motoContainers.find((m) => m.name === c.name);
    const stoppedState =
      byUser === true ? { exitCode: STOPPED_BY_USER_EXIT_CODE } : { exitCode: c.exitCode, reason: c.reason };
    return {
      // moto gives containers the task definition's ARN as taskArn.
      containerArn: `${base.taskArn.replace(':task/', ':container/')}/${(i + 1).toString(16).padStart(8, '0')}-scripted`,
      taskArn: base.taskArn,
      name: c.name,
      ...(typeof fromMoto?.image === 'string' ? { image: fromMoto.image } : {}),
      lastStatus: phase === 'PROVISIONING' ? 'PENDING' : phase,
      ...(phase === 'STOPPED' ? definedOnly(stoppedState) : {}),
      networkInterfaces: [],
    };
  });
  const stopped =
    phase === 'STOPPED' && stoppedAt !== undefined
      ? {
          stopCode: byUser === true ? 'UserInitiated' : life.stopCode,
          stoppedReason: byUser === true ? (run.stopped?.reason ?? 'Task stopped by user') : life.stoppedReason,
          stoppingAt: seconds(stoppedAt),
          executionStoppedAt: seconds(stoppedAt),
          stoppedAt: seconds(stoppedAt),
        }
      : {};
  const { stoppedReason, stopCode, stoppedAt: motoStoppedAt, ...rest } = base;
  void stoppedReason;
  void stopCode;
  void motoStoppedAt;
  return {
    ...rest,
    lastStatus: phase,
    desiredStatus: phase === 'STOPPED' ? 'STOPPED' : 'RUNNING',
    createdAt: seconds(run.startedAt),
    ...(ran
      ? { pullStartedAt: seconds(run.startedAt), pullStoppedAt: seconds(runningAt), startedAt: seconds(runningAt) }
      : {}),
    ...stopped,
    containers,
  };
}

function definedOnly(record: Record<string, unknown>): Record<string, unknown> {
  return Object.fromEntries(Object.entries(record).filter(([, value]) => value !== undefined));
}

// ---------------------------------------------------------------------------------------
// Names.

export function matches(match: TaskMatch, request: RunTaskCommandInput): boolean {
  if (match.family !== undefined && familyOf(request.taskDefinition ?? '') !== match.family) return false;
  if (match.startedBy !== undefined && request.startedBy !== match.startedBy) return false;
  if (match.cluster !== undefined && clusterName(request.cluster) !== clusterName(match.cluster)) return false;
  return true;
}

export function describeMatch(match: TaskMatch): string {
  return Object.entries({ family: match.family, startedBy: match.startedBy, cluster: match.cluster })
    .filter(([, value]) => value !== undefined)
    .map(([key, value]) => `${key} '${value ?? ''}'`)
    .join(', ');
}

/** `arn:...:task-definition/web:3`, `web:3` and `web` all name family 'web'. */
export function familyOf(taskDefinition: string): string {
  return (taskDefinition.split('/').pop() ?? taskDefinition).replace(/:\d+$/, '');
}

/** A cluster name from a name or ARN; ECS's 'default' for none. */
export function clusterName(ref: string | undefined): string {
  return ref === undefined || ref === '' ? 'default' : (ref.split('/').pop() ?? ref);
}

/** `arn:aws:ecs:<region>:<account>:task/<cluster>/<id>`. */
export function clusterOfTask(taskArn: string): string {
  return taskArn.split('/').at(-2) ?? 'default';
}

/** The ARN among `known` that `ref` names, by ARN or by task id (as ECS accepts both). */
export function arnOf(known: Iterable<string>, ref: string): string | undefined {
  for (const arn of known) {
    if (arn === ref || arn.split('/').pop() === ref) return arn;
  }
  return undefined;
}
