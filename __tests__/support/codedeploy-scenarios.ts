// CodeDeploy ECS blue/green and Lambda deployments played through the scenario proxy. moto 5.2.1
// stores applications, deployment groups and deployments (CreateDeployment checks the
// application and group exist) but never progresses a deployment, and has no
// ListDeploymentTargets, GetDeploymentTarget, StopDeployment or ContinueDeployment. Here
// CreateDeployment goes to moto, and from then on the deployment walks the timeline of
// codedeploy-timeline.ts; GetDeployment, the target calls, StopDeployment and
// ContinueDeployment are answered by the proxy; the service's task sets and a crash-looping
// green task set's stopped tasks by codedeploy-task-sets.ts.
//
// Shapes: CodeDeploy API reference (docs.aws.amazon.com/codedeploy/latest/APIReference):
// API_GetDeployment / API_DeploymentInfo (status, deploymentOverview, errorInformation,
// rollbackInfo, instanceTerminationWaitTimeStarted), API_ListDeploymentTargets,
// API_GetDeploymentTarget / API_ECSTarget / API_LifecycleEvent / API_Diagnostics /
// API_ECSTaskSet, API_StopDeployment, API_ContinueDeployment; member names and enums
// checked against botocore's codedeploy 2014-10-06 service-2.json and
// @aws-sdk/client-codedeploy 3.1133. Wire protocol awsJson1_1 (timestamps as epoch
// seconds), X-Amz-Target CodeDeploy_20141006.<Operation>.

import {
  aliasState,
  type LambdaMove,
  lambdaMoveIn,
  lambdaTarget,
  lambdaTargetId,
  moveAlias,
} from './codedeploy-lambda.ts';
import { installTaskSets, taskSetIdOf } from './codedeploy-task-sets.ts';
import {
  type CodeDeployScript,
  type DeploymentView,
  deploymentAt,
  LAMBDA_EVENTS,
  type OutsideActs,
} from './codedeploy-timeline.ts';
import type { ProxyCore, ProxyRequest, ProxyResponse } from './scenario-proxy-core.ts';
import { ECS_TARGET_PREFIX, jsonAnswer, parseJson, uuidFrom } from './scenario-proxy-core.ts';

export type { CodeDeployScript } from './codedeploy-timeline.ts';

export const CODEDEPLOY_TARGET_PREFIX = 'CodeDeploy_20141006';

interface LiveDeployment {
  id: string;
  application: string;
  group: string;
  config: string;
  createdAt: number;
  script: CodeDeployScript;
  acts: OutsideActs;
  /** clusterName:serviceName, the ECS target id (API_ECSTarget: "<clustername>:<servicename>"); function:alias for Lambda. */
  targetId: string;
  /** A Lambda deployment (computePlatform Lambda): the alias move its AppSpec asks for. */
  lambda?: LambdaMove;
  /** The alias state last played on moto (JSON), so each move is sent once. */
  aliasPlayed?: string;
  appSpec: string;
  /** moto's ECS service was pointed at the AppSpec's task definition (once Succeeded). */
  synced?: boolean;
  /** A rollback deployment CodeDeploy made for this one. */
  rollbackId?: string;
  /** Set on a rollback deployment: the one it rolls back. */
  rollsBack?: LiveDeployment;
}

export interface CodeDeployScenarios {
  /** Script the next deployments of this deployment group ('*': any group). */
  script(group: string, script: CodeDeployScript): void;
  /** The deployments created through the proxy, oldest first (rollbacks included). */
  deployments(): Array<{
    id: string;
    group: string;
    appSpec: string;
    createdAt: number;
    view: DeploymentView;
    rollsBack?: string;
  }>;
}

const cache = new WeakMap<object, CodeDeployScenarios>();

export function codeDeployOn(proxy: ProxyCore): CodeDeployScenarios {
  const known = cache.get(proxy);
  if (known !== undefined) return known;
  const made = install(proxy);
  cache.set(proxy, made);
  return made;
}

const sec = (ms: number): number => ms / 1000;

/** A deployment id as CodeDeploy writes them (`d-` and 9 characters), derived from `seed`. */
function deploymentIdFrom(seed: string): string {
  return `d-${uuidFrom(seed).replace(/-/g, '').slice(0, 9).toUpperCase()}`;
}

/** The TaskDefinition of the AppSpec's TargetService (the action sends JSON). */
function taskDefinitionIn(appSpec: string): string | undefined {
  const doc = parseJson(Buffer.from(appSpec)) as {
    Resources?: Array<Record<string, { Properties?: { TaskDefinition?: unknown } }>>;
  };
  const [resource] = doc.Resources ?? [];
  const td = resource === undefined ? undefined : Object.values(resource)[0]?.Properties?.TaskDefinition;
  return typeof td === 'string' ? td : undefined;
}

function error(type: string, message: string): ProxyResponse {
  const answer = jsonAnswer({ __type: type, message });
  return { ...answer, status: 400 };
}

function install(proxy: ProxyCore): CodeDeployScenarios {
  const scripts = new Map<string, CodeDeployScript>();
  const live: LiveDeployment[] = [];
  const byId = (id: unknown) => live.find((d) => d.id === id);

  const motoCall = async (like: ProxyRequest, operation: string, body: object): Promise<unknown> => {
    const payload = Buffer.from(JSON.stringify(body));
    const headers = {
      ...like.headers,
      'x-amz-target': `${CODEDEPLOY_TARGET_PREFIX}.${operation}`,
      'content-length': String(payload.length),
    };
    const res = await proxy.forward({ ...like, headers, body: payload });
    return parseJson(res.body);
  };

  /** The view of a deployment now; a rollback deployment runs after the one it rolls back ended. */
  const viewOf = (d: LiveDeployment): DeploymentView => {
    const now = Date.now();
    if (d.rollsBack !== undefined) {
      const parent = viewOf(d.rollsBack);
      const done = parent.rollback?.done === true;
      return {
        status: done ? 'Succeeded' : 'InProgress',
        events: [],
        greenWeight: 0,
        terminationWaitStarted: false,
        ...(done && parent.endedAt !== undefined
          ? { endedAt: parent.endedAt + (d.rollsBack.script.rollbackSeconds ?? 2) * 1000 }
          : {}),
      };
    }
    return deploymentAt(d.script, d.acts, now - d.createdAt, d.lambda === undefined ? undefined : LAMBDA_EVENTS);
  };

  /** Lambda deployments move moto's alias as CodeDeploy would: the share during AllowTraffic, the target at the end, back on rollback. */
  const playAliases = async (like: ProxyRequest): Promise<void> => {
    for (const d of live) {
      if (d.lambda === undefined || d.rollsBack !== undefined) continue;
      const state = aliasState(d.lambda, viewOf(d));
      const key = JSON.stringify(state);
      if (state === undefined || key === d.aliasPlayed) continue;
      d.aliasPlayed = key;
      await moveAlias(proxy, like, d.lambda, state);
    }
  };

  /** A failed or stopped-with-rollback deployment gets its rollback deployment the first time it is seen so. */
  const rollbackOf = (d: LiveDeployment, view: DeploymentView): LiveDeployment | undefined => {
    if (view.rollback === undefined) return undefined;
    if (d.rollbackId === undefined) {
      const rb: LiveDeployment = { ...d, id: deploymentIdFrom(`rollback|${d.id}`), rollsBack: d, acts: {} };
      delete rb.rollbackId;
      d.rollbackId = rb.id;
      live.push(rb);
      return rb;
    }
    return byId(d.rollbackId);
  };

  const deploymentInfo = (d: LiveDeployment): Record<string, unknown> => {
    const view = viewOf(d);
    const rb = rollbackOf(d, view);
    const one = (status: string) => ({
      Pending: 0,
      InProgress: 0,
      Succeeded: 0,
      Failed: 0,
      Skipped: 0,
      Ready: 0,
      [status]: 1,
    });
    const overview =
      view.status === 'Succeeded'
        ? one('Succeeded')
        : view.status === 'Failed' || view.status === 'Stopped'
          ? one('Failed')
          : view.status === 'Ready'
            ? one('Ready')
            : one('InProgress');
    const info: Record<string, unknown> = {
      applicationName: d.application,
      deploymentGroupName: d.group,
      deploymentConfigName: d.config,
      deploymentId: d.id,
      revision: { revisionType: 'AppSpecContent', appSpecContent: { content: d.appSpec } },
      status: view.status,
      createTime: sec(d.createdAt),
      startTime: sec(d.createdAt),
      deploymentOverview: overview,
      creator: d.rollsBack === undefined ? 'user' : 'codeDeployRollback',
      deploymentStyle: { deploymentType: 'BLUE_GREEN', deploymentOption: 'WITH_TRAFFIC_CONTROL' },
      instanceTerminationWaitTimeStarted: view.terminationWaitStarted,
      computePlatform: d.lambda === undefined ? 'ECS' : 'Lambda',
    };
    if (view.endedAt !== undefined) info.completeTime = sec(d.createdAt + view.endedAt);
    if (view.failure !== undefined) info.errorInformation = { code: view.failure.code, message: view.failure.message };
    if (rb !== undefined) {
      info.rollbackInfo = {
        rollbackDeploymentId: rb.id,
        rollbackMessage: `CodeDeploy rolled the deployment back with deployment ${rb.id}.`,
      };
    } else if (d.rollsBack !== undefined) {
      info.rollbackInfo = {
        rollbackTriggeringDeploymentId: d.rollsBack.id,
        rollbackMessage: `This deployment rolls back ${d.rollsBack.id}.`,
      };
    }
    return info;
  };

  const targetOf = (d: LiveDeployment): Record<string, unknown> => {
    const view = viewOf(d);
    const base = d.createdAt;
    const lifecycleEvents = view.events.map((e) => ({
      lifecycleEventName: e.name,
      status: e.status,
      ...(e.start === undefined || !Number.isFinite(e.start) ? {} : { startTime: sec(base + e.start) }),
      ...(e.end === undefined || !Number.isFinite(e.end) ? {} : { endTime: sec(base + e.end) }),
      ...(e.message === undefined
        ? {}
        : { diagnostics: { errorCode: 'ScriptFailed', scriptName: '', message: e.message, logTail: '' } }),
    }));
    const green = view.rollback?.done === true ? 0 : view.greenWeight;
    const taskSet = (label: 'Blue' | 'Green', weight: number) => ({
      identifer: taskSetIdOf(d.id, label),
      desiredCount: 1,
      pendingCount: 0,
      runningCount: 1,
      status: label === 'Blue' ? (weight > 0 ? 'PRIMARY' : 'ACTIVE') : weight > 0 ? 'PRIMARY' : 'ACTIVE',
      trafficWeight: weight,
      targetGroup: { name: label === 'Blue' ? 'tg-blue' : 'tg-green' },
      taskSetLabel: label,
    });
    const status =
      view.status === 'Succeeded'
        ? 'Succeeded'
        : view.status === 'Failed' || view.status === 'Stopped'
          ? 'Failed'
          : view.status === 'Ready'
            ? 'Ready'
            : 'InProgress';
    if (d.lambda !== undefined) return lambdaTarget(d.id, d.lambda, view, lifecycleEvents, status);
    return {
      deploymentId: d.id,
      targetId: d.targetId,
      targetArn: `arn:aws:ecs:us-east-1:123456789012:service/${d.targetId.replace(':', '/')}`,
      lastUpdatedAt: sec(Date.now()),
      lifecycleEvents,
      status,
      taskSetsInfo: [taskSet('Blue', 100 - green), taskSet('Green', green)],
    };
  };

  // Once a deployment Succeeded the service runs its task definition, as CodeDeploy leaves
  // it (the green task set is primary): before any ECS call is answered, moto's service is
  // pointed at it (an UpdateService sent to moto directly, like the ECS call it precedes).
  proxy.overlay('ecs', '*', async (req, next) => {
    for (const d of live) {
      if (d.synced === true || d.rollsBack !== undefined || viewOf(d).status !== 'Succeeded') continue;
      d.synced = true;
      const taskDefinition = taskDefinitionIn(d.appSpec);
      const [cluster, service] = d.targetId.split(':');
      if (taskDefinition === undefined || cluster === undefined || service === undefined) continue;
      const payload = Buffer.from(JSON.stringify({ cluster, service, taskDefinition }));
      const headers = {
        ...req.headers,
        'x-amz-target': `${ECS_TARGET_PREFIX}.UpdateService`,
        'content-length': String(payload.length),
      };
      await proxy.forward({ ...req, headers, body: payload });
    }
    return next();
  });

  // Task sets are ECS's: a Lambda deployment's target (function:alias) names no service.
  installTaskSets(proxy, () =>
    live
      .filter((d) => d.rollsBack === undefined && d.lambda === undefined)
      .map((d) => ({
        id: d.id,
        targetId: d.targetId,
        createdAt: d.createdAt,
        view: viewOf(d),
        taskDefinition: taskDefinitionIn(d.appSpec),
        ...(d.script.greenTasksStop === undefined ? {} : { greenTasksStop: d.script.greenTasksStop }),
      })),
  );

  proxy.overlay('codedeploy', 'CreateDeployment', async (req, next) => {
    const body = req.call.body as {
      applicationName?: string;
      deploymentGroupName?: string;
      deploymentConfigName?: string;
      revision?: { appSpecContent?: { content?: string } };
    };
    const group = body.deploymentGroupName ?? '';
    const script = scripts.get(group) ?? scripts.get('*');
    const res = await next();
    if (script === undefined || res.status !== 200) return res;
    const motoId = (parseJson(res.body) as { deploymentId?: string }).deploymentId;
    if (motoId === undefined) return res;
    // CodeDeploy's ids look like d-A1B2C3D4E (moto's are UUIDs); the proxy answers every call for this one.
    const id = deploymentIdFrom(motoId);
    const info = (await motoCall(req, 'GetDeploymentGroup', {
      applicationName: body.applicationName,
      deploymentGroupName: group,
    })) as {
      deploymentGroupInfo?: {
        computePlatform?: string;
        deploymentConfigName?: string;
        ecsServices?: Array<{ serviceName?: string; clusterName?: string }>;
      };
    };
    const ecs = info.deploymentGroupInfo?.ecsServices?.[0];
    const appSpec = body.revision?.appSpecContent?.content ?? '';
    const lambda = info.deploymentGroupInfo?.computePlatform === 'Lambda' ? lambdaMoveIn(appSpec) : undefined;
    const fallbackConfig =
      lambda === undefined ? 'CodeDeployDefault.ECSAllAtOnce' : 'CodeDeployDefault.LambdaAllAtOnce';
    live.push({
      id,
      application: body.applicationName ?? '',
      group,
      config: body.deploymentConfigName ?? info.deploymentGroupInfo?.deploymentConfigName ?? fallbackConfig,
      createdAt: Date.now(),
      script,
      acts: {},
      targetId:
        lambda === undefined
          ? `${ecs?.clusterName ?? 'default'}:${ecs?.serviceName ?? 'service'}`
          : lambdaTargetId(lambda),
      appSpec,
      ...(lambda === undefined ? {} : { lambda }),
    });
    return jsonAnswer({ deploymentId: id });
  });

  proxy.overlay('codedeploy', 'GetDeployment', async (req, next) => {
    await playAliases(req);
    const d = byId((req.call.body as { deploymentId?: string }).deploymentId);
    return d === undefined ? next() : jsonAnswer({ deploymentInfo: deploymentInfo(d) });
  });

  proxy.overlay('codedeploy', 'ListDeploymentTargets', async (req, next) => {
    const d = byId((req.call.body as { deploymentId?: string }).deploymentId);
    if (d === undefined) return next();
    return jsonAnswer({ targetIds: d.rollsBack === undefined ? [d.targetId] : [] });
  });

  proxy.overlay('codedeploy', 'GetDeploymentTarget', async (req, next) => {
    const body = req.call.body as { deploymentId?: string; targetId?: string };
    const d = byId(body.deploymentId);
    if (d === undefined) return next();
    if (body.targetId !== d.targetId)
      return error('DeploymentTargetDoesNotExistException', `The target ${body.targetId ?? ''} does not exist.`);
    await playAliases(req);
    const deploymentTarget =
      d.lambda === undefined
        ? { deploymentTargetType: 'ECSTarget', ecsTarget: targetOf(d) }
        : { deploymentTargetType: 'LambdaTarget', lambdaTarget: targetOf(d) };
    return jsonAnswer({ deploymentTarget });
  });

  proxy.overlay('codedeploy', 'StopDeployment', async (req, next) => {
    const body = req.call.body as { deploymentId?: string; autoRollbackEnabled?: boolean };
    const d = byId(body.deploymentId);
    if (d === undefined) return next();
    const view = viewOf(d);
    if (view.endedAt !== undefined)
      return error('DeploymentAlreadyCompletedException', `The deployment ${d.id} has already completed.`);
    d.acts.stoppedAt = Date.now() - d.createdAt;
    d.acts.stopRollback = body.autoRollbackEnabled === true;
    return jsonAnswer({ status: 'Pending', statusMessage: 'Stopping the deployment.' });
  });

  proxy.overlay('codedeploy', 'ContinueDeployment', async (req, next) => {
    const body = req.call.body as { deploymentId?: string; deploymentWaitType?: string };
    const d = byId(body.deploymentId);
    if (d === undefined) return next();
    if (body.deploymentWaitType !== 'TERMINATION_WAIT' && viewOf(d).status !== 'Ready') {
      return error('DeploymentIsNotInReadyStateException', `The deployment ${d.id} is not in the Ready state.`);
    }
    d.acts.continuedAt = Date.now() - d.createdAt;
    return jsonAnswer({});
  });

  return {
    script(group, script) {
      scripts.set(group, script);
    },
    deployments: () =>
      live.map((d) => ({
        id: d.id,
        group: d.group,
        appSpec: d.appSpec,
        createdAt: d.createdAt,
        view: viewOf(d),
        ...(d.rollsBack === undefined ? {} : { rollsBack: d.rollsBack.id }),
      })),
  };
}
