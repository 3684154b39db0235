// The ECS side of a CodeDeploy blue/green deployment played by codedeploy-scenarios.ts: the
// service's task sets in DescribeServices, and the stopped tasks of a crash-looping
// replacement (green) task set in ListTasks (startedBy the task set id, desiredStatus
// STOPPED) and DescribeTasks. moto 5.2.1 lists no task sets for a CODE_DEPLOY service and
// never stops a task on its own.
//
// Shapes: ECS API reference (docs.aws.amazon.com/AmazonECS/latest/APIReference):
// API_TaskSet (a task set CodeDeploy created has `startedBy` CODE_DEPLOY and `externalId` the
// CodeDeploy deployment id; ids `ecs-svc/<19 digits>`), API_Scale, API_ListTasks,
// API_Task; the stopped tasks share their shape with the ECS rollout scenarios
// (ecs-scenarios.ts stoppedTaskAnswer). Checked against AWS's model as they are sent.

import type { DeploymentView } from './codedeploy-timeline.ts';
import type { ScriptedStoppedTask } from './ecs-rollout-scripts.ts';
import { taskIdFrom } from './ecs-rollout-scripts.ts';
import { stoppedTaskAnswer, stoppedTaskArn } from './ecs-scenarios.ts';
import type { ProxyCore } from './scenario-proxy-core.ts';
import { jsonAnswer, jsonResponse, parseJson, uuidFrom } from './scenario-proxy-core.ts';
import { ESSENTIAL_CONTAINER_EXITED } from './task-scripts.ts';

/** One CodeDeploy deployment (not a rollback) as the ECS side needs it. */
export interface BlueGreen {
  id: string;
  /** clusterName:serviceName (API_ECSTarget's targetId). */
  targetId: string;
  /** Epoch ms of CreateDeployment. */
  createdAt: number;
  view: DeploymentView;
  /** The AppSpec's task definition: what the green task set runs. */
  taskDefinition: string | undefined;
  greenTasksStop?: { everySeconds: number; exitCode: number; reason: string };
}

/** The ECS task set id of a deployment's blue or green task set; GetDeploymentTarget's `identifer` too. */
export function taskSetIdOf(deploymentId: string, label: 'Blue' | 'Green'): string {
  return `ecs-svc/${uuidFrom(`${deploymentId}|${label}`).replace(/\D/g, '').padEnd(19, '7').slice(0, 19)}`;
}

interface ServiceJson {
  serviceName?: string;
  serviceArn?: string;
  clusterArn?: string;
  taskDefinition?: string;
  desiredCount?: number;
  taskSets?: object[];
}

/** The green task set's tasks stopped by now (one every `everySeconds` until the deployment ended). */
export function greenStoppedTasks(d: BlueGreen, now: number): ScriptedStoppedTask[] {
  const loop = d.greenTasksStop;
  if (loop === undefined) return [];
  const until = Math.min(now, d.view.endedAt === undefined ? now : d.createdAt + d.view.endedAt);
  const green = taskSetIdOf(d.id, 'Green');
  const count = Math.max(0, Math.floor((until - d.createdAt) / (loop.everySeconds * 1000)));
  return Array.from({ length: count }, (_, i) => ({
    taskId: taskIdFrom(green, `crash-${i}`),
    startedBy: green,
    taskDefinitionArn: d.taskDefinition ?? '',
    stoppedAtMs: d.createdAt + (i + 1) * loop.everySeconds * 1000,
    stopCode: 'EssentialContainerExited' as const,
    stoppedReason: ESSENTIAL_CONTAINER_EXITED,
    containers: [{ name: 'app', exitCode: loop.exitCode, reason: loop.reason }],
  }));
}

/** Adds the task-set overlays; `deployments` gives the live deployments (not rollbacks), oldest first. */
export function installTaskSets(proxy: ProxyCore, deployments: () => BlueGreen[]): void {
  // The revision the original (blue) task set runs, as first seen for each deployment.
  const blueRevision = new Map<string, string>();
  const ofService = (service: ServiceJson): BlueGreen | undefined => {
    const cluster = service.clusterArn?.split('/').pop();
    return deployments()
      .filter((d) => d.targetId === `${cluster}:${service.serviceName}`)
      .at(-1);
  };

  proxy.overlay('ecs', 'DescribeServices', async (_req, next) => {
    const response = await next();
    if (response.status !== 200) return response;
    const json = parseJson(response.body) as { services?: ServiceJson[] };
    let touched = false;
    for (const service of json.services ?? []) {
      const d = ofService(service);
      if (d === undefined) continue;
      if (!blueRevision.has(d.id)) blueRevision.set(d.id, service.taskDefinition ?? '');
      service.taskSets = taskSetsOf(service, d, blueRevision.get(d.id) ?? '');
      touched = true;
    }
    return touched ? jsonResponse(response, json) : response;
  });

  const stoppedOf = (startedBy: unknown) => {
    const d = deployments().find((x) => taskSetIdOf(x.id, 'Green') === startedBy);
    return d === undefined ? undefined : { d, tasks: greenStoppedTasks(d, Date.now()) };
  };
  const clusterArnOf = (d: BlueGreen) => `arn:aws:ecs:us-east-1:123456789012:cluster/${d.targetId.split(':')[0]}`;

  proxy.overlay('ecs', 'ListTasks', async (req, next) => {
    const body = req.call.body as { startedBy?: unknown; desiredStatus?: unknown };
    const found = body.desiredStatus === 'STOPPED' ? stoppedOf(body.startedBy) : undefined;
    if (found === undefined) return next();
    return jsonAnswer({ taskArns: found.tasks.map((t) => stoppedTaskArn(clusterArnOf(found.d), t)) });
  });

  proxy.overlay('ecs', 'DescribeTasks', async (req, next) => {
    const body = req.call.body as { tasks?: unknown };
    const wanted = Array.isArray(body.tasks) ? body.tasks.filter((t): t is string => typeof t === 'string') : [];
    const known = new Map<string, object>();
    for (const d of deployments()) {
      const clusterArn = clusterArnOf(d);
      const where = { clusterArn, serviceName: d.targetId.split(':')[1] ?? '', since: d.createdAt };
      for (const t of greenStoppedTasks(d, Date.now()))
        known.set(stoppedTaskArn(clusterArn, t), stoppedTaskAnswer(where, t));
    }
    if (!wanted.some((arn) => known.has(arn))) return next();
    const tasks = wanted.flatMap((arn) => known.get(arn) ?? []);
    const failures = wanted.filter((arn) => !known.has(arn)).map((arn) => ({ arn, reason: 'MISSING' }));
    return jsonAnswer({ tasks, failures });
  });
}

/**
 * The service's task sets while `d` runs: the original (blue) one, and the replacement
 * (green) one from Install on; the green alone once the deployment Succeeded, the blue
 * alone once a rollback finished (CodeDeploy deletes the task set it no longer needs).
 */
function taskSetsOf(service: ServiceJson, d: BlueGreen, blueRevision: string): object[] {
  const { view } = d;
  const desired = service.desiredCount ?? 1;
  const installed = view.events.some((e) => e.name === 'Install' && e.status !== 'Pending');
  const crashing = d.greenTasksStop !== undefined && view.endedAt === undefined;
  const set = (label: 'Blue' | 'Green', primary: boolean) => {
    const id = taskSetIdOf(d.id, label);
    const at = (d.createdAt + (label === 'Green' ? 1000 : 0)) / 1000;
    const running = label === 'Green' && crashing ? 0 : desired;
    return {
      id,
      taskSetArn: `${(service.serviceArn ?? '').replace(':service/', ':task-set/')}/${id}`,
      ...(service.serviceArn === undefined ? {} : { serviceArn: service.serviceArn }),
      ...(service.clusterArn === undefined ? {} : { clusterArn: service.clusterArn }),
      ...(label === 'Green' ? { startedBy: 'CODE_DEPLOY', externalId: d.id } : {}),
      status: primary ? 'PRIMARY' : 'ACTIVE',
      taskDefinition: label === 'Green' ? (d.taskDefinition ?? '') : blueRevision,
      computedDesiredCount: desired,
      pendingCount: desired - running,
      runningCount: running,
      createdAt: at,
      updatedAt: Date.now() / 1000,
      launchType: 'FARGATE',
      scale: { value: 100, unit: 'PERCENT' },
      stabilityStatus: running === desired ? 'STEADY_STATE' : 'STABILIZING',
      stabilityStatusAt: Date.now() / 1000,
    };
  };
  if (view.status === 'Succeeded') return [set('Green', true)];
  if (view.rollback?.done === true || !installed) return [set('Blue', true)];
  const greenServes = view.greenWeight === 100;
  return [set('Blue', !greenServes), set('Green', greenServes)];
}
