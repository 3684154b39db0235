// ECS rollouts as scripts: what DescribeServices, ListTasks and DescribeTasks report while
// a deployment moto cannot roll out is rolling out, completing, crash looping or being
// rolled back by the circuit breaker. A script is a pure function of the time since
// UpdateService; ecs-scenarios.ts plays it through the scenario proxy.

import { randomInt } from 'node:crypto';
import { digest, uuidFrom } from './scenario-proxy-core.ts';

// ECS shapes, as ECS sends them on the wire (times are epoch seconds as numbers).

export interface EcsDeployment {
  id: string;
  status: 'PRIMARY' | 'ACTIVE' | 'INACTIVE';
  taskDefinition: string;
  desiredCount: number;
  pendingCount: number;
  runningCount: number;
  failedTasks: number;
  createdAt: number;
  updatedAt: number;
  rolloutState: 'IN_PROGRESS' | 'COMPLETED' | 'FAILED';
  rolloutStateReason?: string;
  [member: string]: unknown;
}

export interface EcsServiceEvent {
  id: string;
  createdAt: number;
  message: string;
}

export interface ScriptedStoppedTask {
  taskId: string;
  /** The deployment id that started it. */
  startedBy: string;
  taskDefinitionArn: string;
  stoppedAtMs: number;
  stopCode: 'EssentialContainerExited' | 'TaskFailedToStart' | 'UserInitiated' | 'ServiceSchedulerInitiated';
  stoppedReason: string;
  containers: { name: string; exitCode?: number; reason?: string }[];
}

export interface RolloutContext {
  serviceName: string;
  /** The deployment UpdateService created, as first reported. */
  ours: EcsDeployment;
  /** The PRIMARY deployment before UpdateService, if there was one. */
  previous: EcsDeployment | undefined;
  desiredCount: number;
  taskDefinitionArn: string;
  previousTaskDefinitionArn: string;
  /** Epoch ms of the UpdateService call (t0). */
  startedAt: number;
}

export interface RolloutState {
  deployments: EcsDeployment[];
  runningCount: number;
  pendingCount: number;
  taskDefinition: string;
  /** Newest first. */
  events: EcsServiceEvent[];
  stoppedTasks: ScriptedStoppedTask[];
}

export type RolloutScript = (elapsedMs: number, ctx: RolloutContext) => RolloutState;

// ---------------------------------------------------------------------------------------
// Script builders. Each describes only what differs; the shapes come from the helpers.

/** Our tasks start one by one; from `ms` on the rollout is COMPLETED and the old deployment is gone. */
export function completesAfter(ms: number): RolloutScript {
  return (elapsed, ctx) => {
    const desired = ctx.desiredCount;
    if (elapsed < ms) {
      const running = Math.min(desired, Math.floor((desired * elapsed) / ms));
      return state(ctx, {
        deployments: [
          deploymentOf(ctx, ctx.ours, { runningCount: running, pendingCount: desired - running }),
          ...previousActive(ctx),
        ],
        events: [startedEvent(ctx, 0)],
      });
    }
    const completed = {
      runningCount: desired,
      rolloutState: 'COMPLETED' as const,
      rolloutStateReason: `ECS deployment ${ctx.ours.id} completed.`,
    };
    return state(ctx, {
      deployments: [deploymentOf(ctx, ctx.ours, completed)],
      events: [
        event(ctx, ms, `(service ${ctx.serviceName}) has reached a steady state.`),
        event(ctx, ms, `(service ${ctx.serviceName}) (deployment ${ctx.ours.id}) deployment completed.`),
        startedEvent(ctx, 0),
      ],
    });
  };
}

export const CIRCUIT_BREAKER_REASON = 'ECS deployment circuit breaker: tasks failed to start.';
export const ESSENTIAL_EXITED = 'Essential container in task exited';

/**
 * Our tasks exit with code 1, one every failAfterMs/3 (like ECS's threshold of 3); at
 * failAfterMs ours is FAILED and a rollback deployment to the previous task definition
 * starts; at rolledBackAfterMs the rollback is COMPLETED and ours is gone.
 */
export function circuitBreakerRollback(options: { failAfterMs: number; rolledBackAfterMs: number }): RolloutScript {
  const { failAfterMs, rolledBackAfterMs } = options;
  const threshold = 3;
  return (elapsed, ctx) => {
    const every = failAfterMs / threshold;
    const failed = Math.min(threshold, Math.floor(elapsed / every));
    const stoppedTasks = crashedTasks(ctx, {
      count: failed,
      everyMs: every,
      exitCode: 1,
      reason: 'Error: cannot connect to database',
    });
    const desired = ctx.desiredCount;
    if (elapsed < failAfterMs) {
      return state(ctx, {
        deployments: [
          deploymentOf(ctx, ctx.ours, { runningCount: 0, pendingCount: desired, failedTasks: failed }),
          ...previousActive(ctx),
        ],
        events: [...stoppedEvents(ctx, stoppedTasks), startedEvent(ctx, 0)],
        stoppedTasks,
      });
    }
    const rollback = deploymentOf(
      ctx,
      {
        ...ctx.ours,
        id: derivedDeploymentId(ctx.ours.id, 'rollback'),
        taskDefinition: ctx.previousTaskDefinitionArn,
        createdAt: (ctx.startedAt + failAfterMs) / 1000,
      },
      {},
    );
    const failedEvents = [
      event(
        ctx,
        failAfterMs,
        `(service ${ctx.serviceName}) (deployment ${ctx.ours.id}) deployment failed: tasks failed to start.`,
      ),
      event(ctx, failAfterMs, `(service ${ctx.serviceName}) rolling back to deployment ${rollback.id}.`),
    ];
    if (elapsed < rolledBackAfterMs) {
      return state(ctx, {
        deployments: [
          { ...rollback, pendingCount: desired },
          deploymentOf(ctx, ctx.ours, {
            status: 'ACTIVE',
            runningCount: 0,
            failedTasks: failed,
            rolloutState: 'FAILED',
            rolloutStateReason: CIRCUIT_BREAKER_REASON,
          }),
          ...previousActive(ctx),
        ],
        taskDefinition: ctx.previousTaskDefinitionArn,
        events: [...failedEvents, ...stoppedEvents(ctx, stoppedTasks), startedEvent(ctx, 0)],
        stoppedTasks,
      });
    }
    return state(ctx, {
      deployments: [
        {
          ...rollback,
          runningCount: desired,
          rolloutState: 'COMPLETED',
          rolloutStateReason: `ECS deployment ${rollback.id} completed.`,
        },
      ],
      taskDefinition: ctx.previousTaskDefinitionArn,
      events: [
        event(ctx, rolledBackAfterMs, `(service ${ctx.serviceName}) has reached a steady state.`),
        ...failedEvents,
        ...stoppedEvents(ctx, stoppedTasks),
        startedEvent(ctx, 0),
      ],
      stoppedTasks,
    });
  };
}

/** No circuit breaker: ours stays IN_PROGRESS forever, one more task stops every `everyMs`. */
export function crashLoop(options: { everyMs: number; exitCode: number; reason: string }): RolloutScript {
  return (elapsed, ctx) => {
    const count = Math.floor(elapsed / options.everyMs);
    const stoppedTasks = crashedTasks(ctx, {
      count,
      everyMs: options.everyMs,
      exitCode: options.exitCode,
      reason: options.reason,
    });
    return state(ctx, {
      deployments: [
        deploymentOf(ctx, ctx.ours, { runningCount: 0, pendingCount: ctx.desiredCount, failedTasks: count }),
        ...previousActive(ctx),
      ],
      events: [...stoppedEvents(ctx, stoppedTasks), startedEvent(ctx, 0)],
      stoppedTasks,
    });
  };
}

/** IN_PROGRESS forever: nothing runs, every task stays pending. */
export function neverCompletes(): RolloutScript {
  return (_elapsed, ctx) =>
    state(ctx, {
      deployments: [
        deploymentOf(ctx, ctx.ours, { runningCount: 0, pendingCount: ctx.desiredCount }),
        ...previousActive(ctx),
      ],
      events: [
        event(
          ctx,
          0,
          `(service ${ctx.serviceName}) was unable to place a task because no container instance met all of its requirements.`,
        ),
      ],
    });
}

// ---------------------------------------------------------------------------------------
// Helpers for builders.

/** Fills service-level counts from the deployments; taskDefinition defaults to ours. */
function state(ctx: RolloutContext, partial: Partial<RolloutState> & { deployments: EcsDeployment[] }): RolloutState {
  return {
    runningCount: partial.deployments.reduce((sum, d) => sum + d.runningCount, 0),
    pendingCount: partial.deployments.reduce((sum, d) => sum + d.pendingCount, 0),
    taskDefinition: ctx.taskDefinitionArn,
    events: [],
    stoppedTasks: [],
    ...partial,
  };
}

function deploymentOf(ctx: RolloutContext, base: EcsDeployment, patch: Partial<EcsDeployment>): EcsDeployment {
  return {
    ...base,
    status: 'PRIMARY',
    desiredCount: ctx.desiredCount,
    runningCount: 0,
    pendingCount: 0,
    failedTasks: 0,
    rolloutState: 'IN_PROGRESS',
    rolloutStateReason: `ECS deployment ${base.id} in progress.`,
    ...patch,
  };
}

/** The old deployment keeps serving at full strength while ours rolls out. */
function previousActive(ctx: RolloutContext): EcsDeployment[] {
  if (ctx.previous === undefined) return [];
  return [
    {
      ...ctx.previous,
      status: 'ACTIVE',
      desiredCount: ctx.desiredCount,
      runningCount: ctx.desiredCount,
      pendingCount: 0,
      rolloutState: 'COMPLETED',
      rolloutStateReason: `ECS deployment ${ctx.previous.id} completed.`,
    },
  ];
}

function event(ctx: RolloutContext, atMs: number, message: string): EcsServiceEvent {
  return { id: uuidFrom(`${ctx.ours.id}|${atMs}|${message}`), createdAt: (ctx.startedAt + atMs) / 1000, message };
}

function startedEvent(ctx: RolloutContext, atMs: number): EcsServiceEvent {
  const tasks = Array.from({ length: ctx.desiredCount }, (_, i) => `(task ${taskIdFrom(ctx.ours.id, `start-${i}`)})`);
  return event(ctx, atMs, `(service ${ctx.serviceName}) has started ${ctx.desiredCount} tasks: ${tasks.join(' ')}.`);
}

function stoppedEvents(ctx: RolloutContext, tasks: ScriptedStoppedTask[]): EcsServiceEvent[] {
  return tasks
    .map((task) => ({
      id: uuidFrom(`stopped|${task.taskId}`),
      createdAt: task.stoppedAtMs / 1000,
      message: `(service ${ctx.serviceName}) has stopped 1 running tasks: (task ${task.taskId}).`,
    }))
    .reverse();
}

function crashedTasks(
  ctx: RolloutContext,
  options: { count: number; everyMs: number; exitCode: number; reason: string },
): ScriptedStoppedTask[] {
  return Array.from({ length: options.count }, (_, i) => ({
    taskId: taskIdFrom(ctx.ours.id, `crash-${i}`),
    startedBy: ctx.ours.id,
    taskDefinitionArn: ctx.taskDefinitionArn,
    stoppedAtMs: ctx.startedAt + (i + 1) * options.everyMs,
    stopCode: 'EssentialContainerExited' as const,
    stoppedReason: ESSENTIAL_EXITED,
    containers: [{ name: 'app', exitCode: options.exitCode, reason: options.reason }],
  }));
}

export function taskIdFrom(deploymentId: string, salt: string): string {
  return digest(`${deploymentId}|${salt}`).slice(0, 32);
}

export function derivedDeploymentId(fromId: string, salt: string): string {
  const digits = BigInt(`0x${digest(`${fromId}|${salt}`).slice(0, 16)}`)
    .toString()
    .padStart(19, '0')
    .slice(0, 19);
  return `ecs-svc/${digits}`;
}

export function newDeploymentId(): string {
  return `ecs-svc/${Array.from({ length: 19 }, (_, i) => String(randomInt(i === 0 ? 1 : 0, 10))).join('')}`;
}
