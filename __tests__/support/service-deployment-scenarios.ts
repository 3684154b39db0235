// ECS service deployments (the per-deployment record) and deployment strategies, played
// through the scenario proxy: moto implements none of ListServiceDeployments,
// DescribeServiceDeployments, DescribeServiceRevisions, StopServiceDeployment or
// ContinueServiceDeployment, and ignores deploymentConfiguration.strategy.
//
// Reference: API reference pages API_ServiceDeployment, API_ServiceDeploymentBrief,
// API_ListServiceDeployments, API_DescribeServiceDeployments, API_StopServiceDeployment
// (docs.aws.amazon.com/AmazonECS/latest/APIReference), the guides "View service history
// using Amazon ECS service deployments", "Amazon ECS blue/green deployments" (stages,
// bake) and "Amazon ECS canary deployments"; shapes checked against @aws-sdk/client-ecs
// 3.1164 dist-types/models/{models_0,models_1,enums}.d.ts (see service-deployment-shapes.ts).
// Wire protocol awsJson1_1, X-Amz-Target AmazonEC2ContainerServiceV20141113.<Op>.
//
// Use: `const sd = serviceDeploymentsOn(testbed.proxy); sd.script('web', { strategy: 'BLUE_GREEN', bakeSeconds: 2 })`.
// From the next UpdateService that changes the task definition, the service has a record
// (UpdateService/DescribeServices carry currentServiceDeployment and the strategy) that
// walks the stages of service-deployment-timeline.ts; deployments[], ListTasks and
// DescribeTasks follow it (through ecs-scenarios.ts). A rollback also puts moto's service
// back on the previous task definition (an UpdateService sent to moto directly).

import type { RolloutContext, RolloutState } from './ecs-rollout-scripts.ts';
import { newDeploymentId } from './ecs-rollout-scripts.ts';
import type { EcsRollouts } from './ecs-scenarios.ts';
import type { ProxyCore, ProxyRequest, ProxyResponse } from './scenario-proxy-core.ts';
import {
  digest,
  ECS_TARGET_PREFIX,
  JSON_CONTENT_TYPE,
  jsonAnswer,
  jsonResponse,
  parseJson,
} from './scenario-proxy-core.ts';
import type { ScriptedRecord } from './service-deployment-shapes.ts';
import {
  briefJson,
  deploymentConfigurationOf,
  isTerminal,
  rolloutStateOf,
  serviceDeploymentJson,
  serviceRevisionJson,
} from './service-deployment-shapes.ts';
import type { OutsideEvents, RecordView, ServiceDeploymentScript } from './service-deployment-timeline.ts';
import { recordAt } from './service-deployment-timeline.ts';

export type { RecordView, ServiceDeploymentScript, Stage, Strategy } from './service-deployment-timeline.ts';
export { BLUE_GREEN_STAGES, ROLLING_STAGES, stagesOf } from './service-deployment-timeline.ts';

export const SERVICE_DEPLOYMENT_OPERATIONS = [
  'ListServiceDeployments',
  'DescribeServiceDeployments',
  'DescribeServiceRevisions',
  'StopServiceDeployment',
  'ContinueServiceDeployment',
] as const;
export type ServiceDeploymentOperation = (typeof SERVICE_DEPLOYMENT_OPERATIONS)[number];

export interface ServiceDeployments {
  /** Script the service's next deployments (by service name). */
  script(serviceName: string, script: ServiceDeploymentScript): void;
  /** The records made for a service, oldest first, with the view at this moment. */
  records(serviceName: string): Array<{ arn: string; deploymentId: string; view: RecordView; events: OutsideEvents }>;
  /**
   * Answer these operations (default: all the service-deployment calls) with
   * AccessDeniedException, as for a role without `ecs:<Operation>`; `[]` lifts it.
   */
  denyAccess(operations?: readonly ServiceDeploymentOperation[]): void;
  /**
   * Services without a script: by default these calls go on to moto, which answers HTTP 500
   * with an HTML page (the SDK: "SyntaxError: Unexpected token '<'", after its retries), as
   * an emulator without the API would. `true`: answer as ECS does for a service with no
   * records (ListServiceDeployments: []; DescribeServiceDeployments: failures MISSING).
   */
  answerUnscripted(on: boolean): void;
}

interface LiveRecord extends ScriptedRecord {
  events: OutsideEvents;
  motoRolledBack: boolean;
  like: ProxyRequest;
  cluster: string;
}

const cache = new WeakMap<object, ServiceDeployments>();

/** The service-deployment overlays on this proxy (installed once, on first use). */
export function serviceDeploymentsOn(proxy: ProxyCore & EcsRollouts): ServiceDeployments {
  const known = cache.get(proxy);
  if (known !== undefined) return known;
  const made = install(proxy);
  cache.set(proxy, made);
  return made;
}

function install(proxy: ProxyCore & EcsRollouts): ServiceDeployments {
  const scripts = new Map<string, ServiceDeploymentScript>();
  const records: LiveRecord[] = [];
  let denied = new Set<string>();
  let answerUnscripted = false;

  const elapsed = (r: ScriptedRecord): number => Date.now() - r.startedAt;
  const viewOf = (r: LiveRecord): RecordView => recordAt(r.script, r.events, elapsed(r));
  const latestFor = (serviceName: string): LiveRecord | undefined =>
    records.filter((r) => r.serviceName === serviceName).at(-1);

  const motoCall = async (like: ProxyRequest, operation: string, body: object): Promise<unknown> => {
    const payload = Buffer.from(JSON.stringify(body));
    const headers = {
      ...like.headers,
      'x-amz-target': `${ECS_TARGET_PREFIX}.${operation}`,
      'content-length': String(payload.length),
    };
    const res = await proxy.forward({ ...like, headers, body: payload });
    return parseJson(res.body);
  };

  // Before any ECS call is answered (this '*' overlay, and each answering overlay below):
  // a rollback that has started puts moto's service back.
  const sync = async (): Promise<void> => {
    for (const r of records) {
      if (r.motoRolledBack || !viewOf(r).rolledBack) continue;
      r.motoRolledBack = true;
      await motoCall(r.like, 'UpdateService', {
        cluster: r.cluster,
        service: r.serviceName,
        taskDefinition: r.sourceTaskDefinition,
      });
    }
  };
  proxy.overlay('ecs', '*', async (_req, next) => {
    await sync();
    return next();
  });

  const decorate = (service: Record<string, unknown>): void => {
    const name = typeof service.serviceName === 'string' ? service.serviceName : '';
    const script = scripts.get(name);
    if (script === undefined) return;
    const base = (service.deploymentConfiguration ?? {}) as Record<string, unknown>;
    service.deploymentConfiguration = deploymentConfigurationOf(script, base);
    const current = latestFor(name);
    if (current !== undefined && script.hideCurrentServiceDeployment !== true)
      service.currentServiceDeployment = current.arn;
  };

  proxy.overlay('ecs', 'UpdateService', async (req, next) => {
    const body = req.call.body as { service?: unknown; cluster?: unknown };
    const serviceRef = typeof body.service === 'string' ? body.service : '';
    const name = serviceRef.split('/').pop() ?? serviceRef;
    const script = scripts.get(name);
    if (script === undefined) return next();
    const cluster = typeof body.cluster === 'string' ? body.cluster : 'default';
    const before = (await motoCall(req, 'DescribeServices', { cluster, services: [serviceRef] })) as {
      services?: Array<Record<string, unknown>>;
    };
    const response = await next();
    if (response.status !== 200) return response;
    const json = parseJson(response.body) as { service?: Record<string, unknown> };
    const service = json.service;
    if (service === undefined) return response;
    const primary = (service.deployments as Array<{ id?: string; status?: string }> | undefined)?.find(
      (d) => d.status === 'PRIMARY',
    );
    const deploymentId = primary?.id;
    if (
      deploymentId !== undefined &&
      !records.some((r) => r.deploymentId === deploymentId) &&
      proxy.deploymentIds(name).includes(deploymentId)
    ) {
      const serviceArn = String(service.serviceArn ?? '');
      const clusterArn = String(service.clusterArn ?? '');
      const clusterName = clusterArn.split('/').pop() ?? cluster;
      const prefix = serviceArn.replace(/:service\/.*$/, '');
      const revision = (seed: string): string =>
        `${prefix}:service-revision/${clusterName}/${name}/${BigInt(`0x${digest(seed).slice(0, 15)}`).toString()}`;
      const previous = before.services?.[0];
      const breaker = (
        (previous?.deploymentConfiguration as Record<string, unknown> | undefined)?.deploymentCircuitBreaker as
          | { enable?: boolean }
          | undefined
      )?.enable;
      const ours: LiveRecord = {
        id: deploymentId.replace('ecs-svc/', ''),
        arn: `${prefix}:service-deployment/${clusterName}/${name}/${newDeploymentId().replace('ecs-svc/', '').slice(0, 16)}`,
        serviceName: name,
        serviceArn,
        clusterArn,
        deploymentId,
        startedAt: Date.now(),
        sourceTaskDefinition: String(previous?.taskDefinition ?? ''),
        targetTaskDefinition: String(service.taskDefinition ?? ''),
        sourceRevisionArn: revision(`${serviceArn}|${String(previous?.taskDefinition)}|source|${deploymentId}`),
        targetRevisionArn: revision(`${serviceArn}|${deploymentId}|target`),
        desiredCount: Number(service.desiredCount ?? 0),
        breakerEnabled: breaker === true,
        script,
        events: {},
        motoRolledBack: false,
        like: req,
        cluster,
      };
      if (script.concurrentDeploy === true) {
        // The other job's record: created 1 ms before ours, targeting the revision the service ran.
        const otherId = newDeploymentId();
        records.push({
          ...ours,
          id: otherId.replace('ecs-svc/', ''),
          arn: `${prefix}:service-deployment/${clusterName}/${name}/${otherId.replace('ecs-svc/', '').slice(0, 16)}`,
          deploymentId: otherId,
          startedAt: ours.startedAt,
          targetTaskDefinition: ours.sourceTaskDefinition,
          targetRevisionArn: revision(`${serviceArn}|${otherId}|target`),
          events: {},
        });
        ours.startedAt += 1;
      }
      records.push(ours);
    }
    decorate(service);
    return jsonResponse(response, json);
  });

  proxy.overlay('ecs', 'DescribeServices', async (_req, next) => {
    const response = await next();
    if (response.status !== 200) return response;
    const json = parseJson(response.body) as { services?: Array<Record<string, unknown>> };
    const services = json.services ?? [];
    if (!services.some((s) => scripts.has(String(s.serviceName)))) return response;
    services.forEach(decorate);
    return jsonResponse(response, json);
  });

  const gate = (
    operation: ServiceDeploymentOperation,
    answer: (req: ProxyRequest, next: () => Promise<ProxyResponse>) => Promise<ProxyResponse>,
  ): void => {
    proxy.overlay('ecs', operation, async (req, next) => {
      if (denied.has(operation)) return accessDenied(operation);
      await sync();
      return answer(req, next);
    });
  };

  gate('ListServiceDeployments', async (req, next) => {
    const body = req.call.body as {
      service?: string;
      cluster?: string;
      status?: string[];
      createdAt?: { before?: number; after?: number };
    };
    const name = (body.service ?? '').split('/').pop() ?? '';
    if (!scripts.has(name)) return answerUnscripted ? jsonAnswer({ serviceDeployments: [] }) : next();
    const clusterName = (body.cluster ?? 'default').split('/').pop();
    const found = records
      .filter((r) => r.serviceName === name && r.clusterArn.split('/').pop() === clusterName)
      .map((r) => ({ r, view: viewOf(r) }))
      .filter(({ view }) => body.status === undefined || body.status.length === 0 || body.status.includes(view.status))
      .filter(({ r }) => body.createdAt?.after === undefined || r.startedAt / 1000 >= body.createdAt.after)
      .filter(({ r }) => body.createdAt?.before === undefined || r.startedAt / 1000 <= body.createdAt.before)
      .reverse();
    return jsonAnswer({ serviceDeployments: found.map(({ r, view }) => briefJson(r, view)) });
  });

  gate('DescribeServiceDeployments', async (req, next) => {
    const arns = ((req.call.body as { serviceDeploymentArns?: unknown }).serviceDeploymentArns ?? []) as string[];
    const found = arns.map((arn) => records.find((r) => r.arn === arn));
    if (
      !answerUnscripted &&
      found.every((r) => r === undefined) &&
      !arns.some((a) => a.includes(':service-deployment/'))
    )
      return next();
    return jsonAnswer({
      serviceDeployments: found.flatMap((r) =>
        r === undefined ? [] : [serviceDeploymentJson(r, viewOf(r), elapsed(r))],
      ),
      failures: arns.filter((_, i) => found[i] === undefined).map((arn) => ({ arn, reason: 'MISSING' })),
    });
  });

  gate('DescribeServiceRevisions', async (req) => {
    const arns = ((req.call.body as { serviceRevisionArns?: unknown }).serviceRevisionArns ?? []) as string[];
    const revisions = arns.map((arn) => {
      const r = records.find((x) => x.sourceRevisionArn === arn || x.targetRevisionArn === arn);
      return r === undefined ? undefined : serviceRevisionJson(r, r.sourceRevisionArn === arn ? 'source' : 'target');
    });
    return jsonAnswer({
      serviceRevisions: revisions.filter((x) => x !== undefined),
      failures: arns.filter((_, i) => revisions[i] === undefined).map((arn) => ({ arn, reason: 'MISSING' })),
    });
  });

  gate('StopServiceDeployment', async (req) => {
    const body = req.call.body as { serviceDeploymentArn?: string; stopType?: string };
    const r = records.find((x) => x.arn === body.serviceDeploymentArn);
    if (r === undefined)
      return ecsError(
        'ServiceDeploymentNotFoundException',
        `Service deployment not found: ${String(body.serviceDeploymentArn)}`,
      );
    const view = viewOf(r);
    if (r.events.stop !== undefined || (view.status !== 'PENDING' && view.status !== 'IN_PROGRESS')) {
      return ecsError('ConflictException', `The service deployment is ${view.status} and cannot be stopped.`);
    }
    r.events.stop = { atMs: elapsed(r), stopType: body.stopType === 'ABORT' ? 'ABORT' : 'ROLLBACK' };
    return jsonAnswer({ serviceDeploymentArn: r.arn });
  });

  gate('ContinueServiceDeployment', async (req) => {
    const body = req.call.body as { serviceDeploymentArn?: string; hookId?: string; action?: string };
    const r = records.find((x) => x.arn === body.serviceDeploymentArn);
    if (r === undefined)
      return ecsError(
        'ServiceDeploymentNotFoundException',
        `Service deployment not found: ${String(body.serviceDeploymentArn)}`,
      );
    const waiting = viewOf(r).hooks.find((h) => h.status === 'AWAITING_ACTION');
    if (waiting === undefined || waiting.hookId !== body.hookId || isTerminal(viewOf(r))) {
      return ecsError('ConflictException', `No lifecycle hook ${String(body.hookId)} is awaiting action.`);
    }
    r.events.continued = { atMs: elapsed(r), action: body.action === 'ROLLBACK' ? 'ROLLBACK' : 'CONTINUE' };
    return jsonAnswer({ serviceDeploymentArn: r.arn });
  });

  const rolloutScript = (elapsedMs: number, ctx: RolloutContext): RolloutState => {
    const r = records.find((x) => x.deploymentId === ctx.ours.id);
    const view = r === undefined ? undefined : recordAt(r.script, r.events, elapsedMs);
    if (r === undefined || view === undefined) {
      return {
        deployments: [ctx.ours],
        runningCount: 0,
        pendingCount: 0,
        taskDefinition: ctx.taskDefinitionArn,
        events: [],
        stoppedTasks: [],
      };
    }
    return rolloutStateOf(r, view, ctx);
  };

  return {
    script(serviceName, script) {
      scripts.set(serviceName, script);
      proxy.scriptRollout(serviceName, rolloutScript);
    },
    records: (serviceName) =>
      records
        .filter((r) => r.serviceName === serviceName)
        .map((r) => ({ arn: r.arn, deploymentId: r.deploymentId, view: viewOf(r), events: r.events })),
    denyAccess(operations = SERVICE_DEPLOYMENT_OPERATIONS) {
      denied = new Set(operations);
    },
    answerUnscripted(on) {
      answerUnscripted = on;
    },
  };
}

function ecsError(type: string, message: string, status = 400): ProxyResponse {
  const body = Buffer.from(JSON.stringify({ __type: type, message }));
  return {
    status,
    headers: { 'content-type': JSON_CONTENT_TYPE, 'content-length': String(body.length), 'x-amzn-errortype': type },
    body,
  };
}

/** What ECS answers a role without `ecs:<operation>`. */
export function accessDenied(operation: string): ProxyResponse {
  return ecsError(
    'AccessDeniedException',
    `User: arn:aws:sts::123456789012:assumed-role/deploy/ci is not authorized to perform: ecs:${operation} on resource: * because no identity-based policy allows the ecs:${operation} action`,
  );
}
