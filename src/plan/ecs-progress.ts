// What a person reads while a deployment rolls out: progress lines, service events,
// stopped tasks. Pure: the steps print what these return.

import type { Container, Deployment, Service, ServiceEvent, Task } from '@aws-sdk/client-ecs';
import { taskDefinitionLabel, taskIdOf } from './aws-names.ts';

interface DeploymentView {
  role: 'new' | 'old' | 'primary';
  taskDefinition: string;
  id: string;
  rolloutState: string | undefined;
  running: number;
  desired: number;
  pending: number;
  failed: number;
}

/** e.g. `new web:5 (ecs-svc/2) IN_PROGRESS running 1/2 pending 1 failed 0 | old web:4 running 2/2` */
export function rolloutProgressLine(service: Service, deploymentId: string): string {
  const { ours, others } = viewDeployments(service, deploymentId);
  const head =
    ours === undefined
      ? `new (${deploymentId}) gone from the service`
      : [
          `new ${ours.taskDefinition} (${ours.id})`,
          ours.rolloutState,
          `running ${ours.running}/${ours.desired}`,
          `pending ${ours.pending}`,
          `failed ${ours.failed}`,
        ]
          .filter((part) => part !== undefined)
          .join(' ');
  const tail = others.map((d) => {
    const pending = d.pending > 0 ? ` pending ${d.pending}` : '';
    return `${d.role} ${d.taskDefinition} running ${d.running}/${d.desired}${pending}`;
  });
  return [head, ...tail].join(' | ');
}

function viewDeployments(
  service: Service,
  deploymentId: string,
): { ours: DeploymentView | undefined; others: DeploymentView[] } {
  const deployments = service.deployments ?? [];
  const ours = deployments.find((d) => d.id === deploymentId);
  return {
    ours: ours === undefined ? undefined : viewDeployment(ours, 'new'),
    others: deployments
      .filter((d) => d !== ours)
      // Another PRIMARY is not "old": it is a rollback or someone else's newer deploy.
      .map((d) => viewDeployment(d, d.status === 'PRIMARY' ? 'primary' : 'old')),
  };
}

function viewDeployment(d: Deployment, role: DeploymentView['role']): DeploymentView {
  return {
    role,
    taskDefinition: taskDefinitionLabel(d.taskDefinition),
    id: d.id ?? 'unknown id',
    rolloutState: d.rolloutState,
    running: d.runningCount ?? 0,
    desired: d.desiredCount ?? 0,
    pending: d.pendingCount ?? 0,
    failed: d.failedTasks ?? 0,
  };
}

/**
 * Identity used to remember which events were printed. ECS always sends an id; the
 * fallback keeps emulators without ids from repeating the same event on every poll.
 */
export function serviceEventKey(event: ServiceEvent): string {
  return event.id ?? `${event.createdAt?.toISOString() ?? ''} ${event.message ?? ''}`;
}

/** Events since `since` not yet seen, oldest first (ECS lists newest first). */
export function newServiceEvents(
  events: ServiceEvent[] | undefined,
  since: Date,
  seen: ReadonlySet<string>,
): ServiceEvent[] {
  const fresh = (events ?? []).filter(
    (e) => e.createdAt !== undefined && e.createdAt.getTime() >= since.getTime() && !seen.has(serviceEventKey(e)),
  );
  // Reverse first so events with equal timestamps also come out oldest first.
  return fresh.reverse().sort((a, b) => time(a.createdAt) - time(b.createdAt));
}

export function formatServiceEvent(event: ServiceEvent): string {
  const text = `event: ${event.message ?? '(no message)'}`;
  return event.createdAt === undefined ? text : `${event.createdAt.toISOString()} ${text}`;
}

export interface StoppedTaskOptions {
  /**
   * Names of containers the task definition marks `essential: false`. A stopped task does
   * not say which containers are essential, so without this every container is listed.
   */
  nonEssentialContainers?: ReadonlySet<string>;
}

/** `task <id> stopped (<stopCode>): <stoppedReason>`, then one line per telling container. */
export function describeStoppedTask(task: Task, options: StoppedTaskOptions = {}): string[] {
  const code = task.stopCode === undefined ? '' : ` (${task.stopCode})`;
  const reason = task.stoppedReason?.trim() || 'no stop reason given';
  const head = `task ${taskIdOf(task.taskArn)} stopped${code}: ${reason}`;
  const containers = (task.containers ?? [])
    .filter((c) => !isQuietSidecar(c, options.nonEssentialContainers))
    .map(describeContainer);
  return [head, ...containers];
}

/** Newest first, at most `limit` tasks; says how many were left out. */
export function summarizeTaskFailures(tasks: Task[], limit = 5, options: StoppedTaskOptions = {}): string[] {
  const newestFirst = [...tasks].sort((a, b) => time(b.stoppedAt ?? b.createdAt) - time(a.stoppedAt ?? a.createdAt));
  const shown = newestFirst.slice(0, Math.max(0, limit));
  const lines = shown.flatMap((t) => describeStoppedTask(t, options));
  const rest = tasks.length - shown.length;
  if (rest > 0) lines.push(`... and ${rest} more stopped ${rest === 1 ? 'task' : 'tasks'}`);
  return lines;
}

function describeContainer(container: Container): string {
  const exit = container.exitCode === undefined ? 'no exit code' : `exit code ${container.exitCode}`;
  const reason = container.reason?.trim();
  return `  container ${container.name ?? '(unnamed)'}: ${exit}${reason ? ` — ${reason}` : ''}`;
}

// A non-essential sidecar that ended cleanly (or never reported) explains nothing.
function isQuietSidecar(container: Container, nonEssential: ReadonlySet<string> | undefined): boolean {
  if (container.name === undefined || nonEssential?.has(container.name) !== true) return false;
  const clean = container.exitCode === undefined || container.exitCode === 0;
  return clean && !container.reason?.trim();
}

function time(date: Date | undefined): number {
  return date?.getTime() ?? 0;
}
