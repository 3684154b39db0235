// ECS rollouts, played through the scenario proxy. moto keeps ECS state but never rolls a
// deployment out and never fails a task. For a service given a script (scriptRollout),
// UpdateService reaches moto and then reports a new deployment; from then on
// DescribeServices, ListTasks (STOPPED, by deployment) and DescribeTasks answer what the
// script (ecs-rollout-scripts.ts) says for the time since that UpdateService.

import type {
  EcsDeployment,
  RolloutContext,
  RolloutScript,
  RolloutState,
  ScriptedStoppedTask,
} from './ecs-rollout-scripts.ts';
import { newDeploymentId } from './ecs-rollout-scripts.ts';
import type { ProxyCore, ProxyRequest } from './scenario-proxy-core.ts';
import { digest, ECS_TARGET_PREFIX, jsonAnswer, jsonResponse, parseJson } from './scenario-proxy-core.ts';

export interface EcsRollouts {
  /** The new deployment ids the proxy created for a scripted service, oldest first. */
  deploymentIds(serviceName: string): readonly string[];
  scriptRollout(serviceName: string, script: RolloutScript): void;
}

interface ActiveRollout {
  script: RolloutScript;
  ctx: RolloutContext;
  clusterArn: string;
}

interface ScriptedService {
  script: RolloutScript;
  rollouts: ActiveRollout[];
}

interface EcsServiceJson {
  serviceName?: string;
  serviceArn?: string;
  clusterArn?: string;
  taskDefinition?: string;
  desiredCount?: number;
  deployments?: EcsDeployment[];
  [member: string]: unknown;
}

/** Adds the ECS rollout overlays to `proxy`; scripts are given per service through the result. */
export function ecsRollouts(proxy: ProxyCore): EcsRollouts {
  const scripted = new Map<string, ScriptedService>();

  /** A call the proxy makes to moto on its own behalf (not recorded). */
  const ecsCall = async (like: ProxyRequest, operation: string, body: object): Promise<unknown> => {
    const payload = Buffer.from(JSON.stringify(body));
    const headers = {
      ...like.headers,
      'x-amz-target': `${ECS_TARGET_PREFIX}.${operation}`,
      'content-length': String(payload.length),
    };
    const res = await proxy.forward({ ...like, headers, body: payload });
    return JSON.parse(res.body.toString('utf8')) as unknown;
  };

  const rolloutFor = (
    serviceRef: unknown,
  ): { entry: ScriptedService; current: ActiveRollout | undefined } | undefined => {
    if (typeof serviceRef !== 'string') return undefined;
    const entry = scripted.get(nameFromRef(serviceRef));
    return entry === undefined ? undefined : { entry, current: entry.rollouts.at(-1) };
  };

  const stateOf = (rollout: ActiveRollout, at = Date.now()): RolloutState =>
    rollout.script(Math.max(0, at - rollout.ctx.startedAt), rollout.ctx);

  // UpdateService on a scripted service: let moto store it, then report a new deployment.
  proxy.overlay('ecs', 'UpdateService', async (req, next) => {
    const body = req.call.body as {
      service?: unknown;
      cluster?: unknown;
      taskDefinition?: unknown;
      forceNewDeployment?: unknown;
    };
    const found = rolloutFor(body.service);
    if (found === undefined) return next();
    const cluster = typeof body.cluster === 'string' ? body.cluster : 'default';
    const before = found.current === undefined ? await describeFromMoto(req, cluster, String(body.service)) : undefined;
    const response = await next();
    if (response.status !== 200) return response;
    const json = parseJson(response.body) as { service?: EcsServiceJson };
    const service = json.service;
    if (service === undefined) return response;

    const previousState = found.current === undefined ? undefined : stateOf(found.current);
    const previousTaskDefinitionArn = previousState?.taskDefinition ?? before?.taskDefinition ?? '';
    // moto keeps its PRIMARY deployment on the revision the service was created with: the
    // revision it runs is the service's own.
    const motoPrimary = before?.deployments?.find((d) => d.status === 'PRIMARY');
    const previous =
      previousState?.deployments.find((d) => d.status === 'PRIMARY') ??
      (motoPrimary === undefined
        ? undefined
        : { ...motoPrimary, taskDefinition: previousTaskDefinitionArn || motoPrimary.taskDefinition });
    const taskDefinitionArn = service.taskDefinition ?? previousTaskDefinitionArn;
    const changed = taskDefinitionArn !== previousTaskDefinitionArn || body.forceNewDeployment === true;
    if (changed) {
      const now = Date.now();
      const template = service.deployments?.[0] ?? {};
      const ours: EcsDeployment = {
        ...template,
        id: newDeploymentId(),
        status: 'PRIMARY',
        taskDefinition: taskDefinitionArn,
        desiredCount: service.desiredCount ?? 0,
        pendingCount: 0,
        runningCount: 0,
        failedTasks: 0,
        createdAt: now / 1000,
        updatedAt: now / 1000,
        rolloutState: 'IN_PROGRESS',
      };
      ours.rolloutStateReason = `ECS deployment ${ours.id} in progress.`;
      found.entry.rollouts.push({
        script: found.entry.script,
        clusterArn: service.clusterArn ?? '',
        ctx: {
          serviceName: service.serviceName ?? nameFromRef(String(body.service)),
          ours,
          previous,
          desiredCount: service.desiredCount ?? 0,
          taskDefinitionArn,
          previousTaskDefinitionArn,
          startedAt: now,
        },
      });
      const oldPrimary: EcsDeployment[] =
        previous === undefined
          ? []
          : [{ ...previous, status: 'ACTIVE', runningCount: previous.desiredCount, pendingCount: 0 }];
      service.deployments = [ours, ...oldPrimary];
      service.runningCount = oldPrimary.reduce((sum, d) => sum + d.runningCount, 0);
      service.pendingCount = 0;
    } else if (found.current !== undefined) {
      overlayService(service, stateOf(found.current));
    }
    return jsonResponse(response, json);
  });

  proxy.overlay('ecs', 'DescribeServices', async (req, next) => {
    // The rollout as it is when the request arrived (its recorded `at`), however long moto takes.
    const askedAt = req.call.at;
    const response = await next();
    if (response.status !== 200) return response;
    const json = parseJson(response.body) as { services?: EcsServiceJson[] };
    let touched = false;
    for (const service of json.services ?? []) {
      const current = rolloutFor(service.serviceName)?.current;
      if (current === undefined) continue;
      overlayService(service, stateOf(current, askedAt));
      touched = true;
    }
    return touched ? jsonResponse(response, json) : response;
  });

  proxy.overlay('ecs', 'ListTasks', async (req, next) => {
    const body = req.call.body as { startedBy?: unknown; desiredStatus?: unknown };
    if (body.desiredStatus !== 'STOPPED' || typeof body.startedBy !== 'string') return next();
    for (const rollout of allRollouts(scripted)) {
      const current = stateOf(rollout);
      const ids = new Set([rollout.ctx.ours.id, ...current.deployments.map((d) => d.id)]);
      if (!ids.has(body.startedBy)) continue;
      const taskArns = current.stoppedTasks
        .filter((task) => task.startedBy === body.startedBy)
        .map((task) => taskArnOf(rollout, task));
      return jsonAnswer({ taskArns });
    }
    return next();
  });

  proxy.overlay('ecs', 'DescribeTasks', async (req, next) => {
    const body = req.call.body as { tasks?: unknown };
    const wanted = Array.isArray(body.tasks) ? body.tasks.filter((t): t is string => typeof t === 'string') : [];
    const known = new Map<string, object>();
    for (const rollout of allRollouts(scripted)) {
      const where = {
        clusterArn: rollout.clusterArn,
        serviceName: rollout.ctx.serviceName,
        since: rollout.ctx.startedAt,
      };
      for (const task of stateOf(rollout).stoppedTasks)
        known.set(taskArnOf(rollout, task), stoppedTaskAnswer(where, task));
    }
    if (!wanted.some((arn) => known.has(arn))) return next();
    const tasks = wanted.flatMap((arn) => known.get(arn) ?? []);
    const failures = wanted.filter((arn) => !known.has(arn)).map((arn) => ({ arn, reason: 'MISSING' }));
    return jsonAnswer({ tasks, failures });
  });

  const describeFromMoto = async (
    req: ProxyRequest,
    cluster: string,
    service: string,
  ): Promise<EcsServiceJson | undefined> => {
    const out = (await ecsCall(req, 'DescribeServices', { cluster, services: [service] })) as {
      services?: EcsServiceJson[];
    };
    return out.services?.[0];
  };

  return {
    deploymentIds: (serviceName) => scripted.get(serviceName)?.rollouts.map((r) => r.ctx.ours.id) ?? [],
    scriptRollout(serviceName, script) {
      scripted.set(serviceName, { script, rollouts: [] });
    },
  };
}

function* allRollouts(scripted: Map<string, ScriptedService>): Generator<ActiveRollout> {
  for (const entry of scripted.values()) yield* entry.rollouts;
}

function overlayService(service: EcsServiceJson, current: RolloutState): void {
  service.deployments = current.deployments;
  service.runningCount = current.runningCount;
  service.pendingCount = current.pendingCount;
  service.taskDefinition = current.taskDefinition;
  service.events = current.events;
}

function taskArnOf(rollout: ActiveRollout, task: ScriptedStoppedTask): string {
  return stoppedTaskArn(rollout.clusterArn, task);
}

/** A scripted stopped task's ARN in the cluster `clusterArn`. */
export function stoppedTaskArn(clusterArn: string, task: ScriptedStoppedTask): string {
  const clusterName = clusterArn.split('/').pop() ?? 'default';
  const prefix = clusterArn.replace(/:cluster\/.*$/, '');
  return `${prefix}:task/${clusterName}/${task.taskId}`;
}

/**
 * A scripted stopped task of service `serviceName` as DescribeTasks answers it (API_Task:
 * stopCode, stoppedReason, containers' exitCode and reason); created at `since` (epoch ms).
 */
export function stoppedTaskAnswer(
  where: { clusterArn: string; serviceName: string; since: number },
  task: ScriptedStoppedTask,
): object {
  const taskArn = stoppedTaskArn(where.clusterArn, task);
  const stoppedAt = task.stoppedAtMs / 1000;
  const createdAt = Math.min(where.since / 1000, stoppedAt);
  return {
    taskArn,
    clusterArn: where.clusterArn,
    taskDefinitionArn: task.taskDefinitionArn,
    startedBy: task.startedBy,
    group: `service:${where.serviceName}`,
    launchType: 'FARGATE',
    lastStatus: 'STOPPED',
    desiredStatus: 'STOPPED',
    stopCode: task.stopCode,
    stoppedReason: task.stoppedReason,
    createdAt,
    startedAt: (createdAt + stoppedAt) / 2,
    stoppingAt: stoppedAt,
    stoppedAt,
    containers: task.containers.map((c) => ({
      containerArn: `${taskArn.replace(':task/', ':container/')}/${digest(c.name).slice(0, 8)}`,
      taskArn,
      name: c.name,
      lastStatus: 'STOPPED',
      ...(c.exitCode === undefined ? {} : { exitCode: c.exitCode }),
      ...(c.reason === undefined ? {} : { reason: c.reason }),
    })),
  };
}

function nameFromRef(ref: string): string {
  return ref.split('/').pop() ?? ref;
}
