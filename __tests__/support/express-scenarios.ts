// ECS Express Mode services, played through the scenario proxy: moto has no Express Mode.
// A service declared Express here (a service moto holds, running a task definition whose
// primary container is named `Main`) answers as Express services do:
// - DescribeServices carries `resourceManagementType: ECS` for it;
// - DescribeExpressGatewayService describes it from what moto holds (its task definition
//   and network), as an ECSExpressGatewayService with one active configuration;
// - UpdateExpressGatewayService registers a new revision in moto with the request's
//   primary container, cpu and memory applied, then updates the service through the
//   proxy's own overlays, so a scripted service deployment record
//   (service-deployment-scenarios.ts) starts as it would for any service.
//
// Reference: API reference pages API_DescribeExpressGatewayService,
// API_UpdateExpressGatewayService, API_ECSExpressGatewayService,
// API_UpdatedExpressGatewayService, API_ExpressGatewayServiceConfiguration,
// API_ExpressGatewayContainer (docs.aws.amazon.com/AmazonECS/latest/APIReference); members
// and enums checked against @aws-sdk/client-ecs 3.1164 dist-types/models/models_0.d.ts,
// models_1.d.ts and enums.d.ts (ExpressGatewayServiceStatusCode, AccessType,
// ExpressGatewayServiceScalingMetric, ResourceManagementType). Wire protocol awsJson1_1;
// timestamps as epoch seconds.

import type { RegisterTaskDefinitionCommandInput } from '@aws-sdk/client-ecs';
import { TEST_ACCOUNT, TEST_REGION } from './ecs-fixtures.ts';
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

/** The primary container's name in the task definitions Express Mode runs. */
export const EXPRESS_CONTAINER = 'Main';

export interface ExpressServices {
  /** From now on, the service (by name) is an Express service. */
  declare(serviceName: string): void;
  /** The UpdateExpressGatewayService requests the service received, oldest first. */
  updates(serviceName: string): ReadonlyArray<Record<string, unknown>>;
}

/** A task definition as Express Mode registers one: Fargate, awsvpc, one container `Main` with one named TCP port. */
export function expressTaskDefinition(family: string, image: string): RegisterTaskDefinitionCommandInput {
  return {
    family,
    cpu: '256',
    memory: '512',
    networkMode: 'awsvpc',
    requiresCompatibilities: ['FARGATE'],
    executionRoleArn: `arn:aws:iam::${TEST_ACCOUNT}:role/ecsTaskExecutionRole`,
    containerDefinitions: [
      {
        name: EXPRESS_CONTAINER,
        image,
        essential: true,
        portMappings: [{ containerPort: 8080, protocol: 'tcp', name: 'http' }],
        environment: [{ name: 'MODE', value: 'web' }],
        logConfiguration: {
          logDriver: 'awslogs',
          options: {
            'awslogs-group': `/aws/ecs/${family}`,
            'awslogs-region': TEST_REGION,
            'awslogs-stream-prefix': 'ecs',
          },
        },
      },
    ],
  };
}

/** Members DescribeTaskDefinition answers and RegisterTaskDefinition refuses. */
const DESCRIBE_ONLY = [
  'taskDefinitionArn',
  'revision',
  'status',
  'requiresAttributes',
  'compatibilities',
  'registeredAt',
  'registeredBy',
  'deregisteredAt',
];

type Json = Record<string, unknown>;

const cache = new WeakMap<object, ExpressServices>();

/** The Express overlays on this proxy (installed once, on first use). */
export function expressServicesOn(proxy: ProxyCore & EcsRollouts): ExpressServices {
  const known = cache.get(proxy);
  if (known !== undefined) return known;
  const made = install(proxy);
  cache.set(proxy, made);
  return made;
}

function install(proxy: ProxyCore & EcsRollouts): ExpressServices {
  const declared = new Set<string>();
  const updates = new Map<string, Json[]>();

  const ecsRequest = (like: ProxyRequest, operation: string, body: object): ProxyRequest => {
    const payload = Buffer.from(JSON.stringify(body));
    const headers = {
      ...like.headers,
      'x-amz-target': `${ECS_TARGET_PREFIX}.${operation}`,
      'content-length': String(payload.length),
    };
    return { ...like, headers, body: payload, call: { service: 'ecs', operation, body, at: Date.now() } };
  };
  const motoCall = async (like: ProxyRequest, operation: string, body: object): Promise<Json> =>
    parseJson((await proxy.forward(ecsRequest(like, operation, body))).body) as Json;

  /** The service and its task definition, as moto holds them; undefined when the ARN names no declared service. */
  const lookUp = async (
    like: ProxyRequest,
    serviceArn: unknown,
  ): Promise<{ service: Json; taskDefinition: Json; cluster: string } | undefined> => {
    if (typeof serviceArn !== 'string') return undefined;
    const [cluster, name] = serviceArn.split(':service/')[1]?.split('/') ?? [];
    if (cluster === undefined || name === undefined || !declared.has(name)) return undefined;
    const services = (await motoCall(like, 'DescribeServices', { cluster, services: [name] })).services;
    const service = Array.isArray(services) ? (services[0] as Json | undefined) : undefined;
    if (service === undefined) return undefined;
    const described = await motoCall(like, 'DescribeTaskDefinition', { taskDefinition: service.taskDefinition });
    return { service, taskDefinition: (described.taskDefinition ?? {}) as Json, cluster };
  };

  proxy.overlay('ecs', 'DescribeServices', async (_req, next) => {
    const response = await next();
    if (response.status !== 200) return response;
    const json = parseJson(response.body) as { services?: Json[] };
    const services = json.services ?? [];
    if (!services.some((s) => declared.has(String(s.serviceName)))) return response;
    for (const s of services) if (declared.has(String(s.serviceName))) s.resourceManagementType = 'ECS';
    return jsonResponse(response, json);
  });

  proxy.overlay('ecs', 'DescribeExpressGatewayService', async (req) => {
    const body = req.call.body as { serviceArn?: unknown };
    const found = await lookUp(req, body.serviceArn);
    if (found === undefined) return notFound(body.serviceArn);
    const { service } = found;
    const described: Json = {
      cluster: found.cluster,
      serviceName: service.serviceName,
      serviceArn: service.serviceArn,
      infrastructureRoleArn: `arn:aws:iam::${TEST_ACCOUNT}:role/ecsInfrastructureRoleForExpressServices`,
      status: { statusCode: 'ACTIVE' },
      activeConfigurations: [configurationOf(found.taskDefinition, service)],
      ...(typeof service.createdAt === 'number' ? { createdAt: service.createdAt } : {}),
      updatedAt: Date.now() / 1000,
    };
    return jsonAnswer({ service: described });
  });

  proxy.overlay('ecs', 'UpdateExpressGatewayService', async (req) => {
    const body = (req.call.body ?? {}) as Json;
    const found = await lookUp(req, body.serviceArn);
    if (found === undefined) return notFound(body.serviceArn);
    const name = String(found.service.serviceName);
    updates.set(name, [...(updates.get(name) ?? []), body]);
    const registerable = Object.fromEntries(
      Object.entries(found.taskDefinition).filter(([key]) => !DESCRIBE_ONLY.includes(key)),
    );
    const rendered = applyUpdate(registerable, body);
    const registered = await motoCall(req, 'RegisterTaskDefinition', rendered);
    const taskDefinition = (registered.taskDefinition ?? {}) as Json;
    // Through the overlays, so the rollout and service-deployment scripts see a new deployment.
    const updated = await proxy.dispatch(
      ecsRequest(req, 'UpdateService', {
        cluster: found.cluster,
        service: name,
        taskDefinition: taskDefinition.taskDefinitionArn,
      }),
    );
    if (updated.status !== 200) return updated;
    const service = (parseJson(updated.body) as { service?: Json }).service ?? found.service;
    return jsonAnswer({
      service: {
        serviceArn: service.serviceArn,
        cluster: found.cluster,
        serviceName: name,
        status: { statusCode: 'ACTIVE' },
        targetConfiguration: configurationOf(taskDefinition, service),
        ...(typeof service.createdAt === 'number' ? { createdAt: service.createdAt } : {}),
        updatedAt: Date.now() / 1000,
      },
    });
  });

  return {
    declare(serviceName) {
      declared.add(serviceName);
    },
    updates: (serviceName) => updates.get(serviceName) ?? [],
  };
}

/** An ExpressGatewayServiceConfiguration from a task definition moto holds and its service. */
function configurationOf(td: Json, service: Json): Json {
  const container =
    (Array.isArray(td.containerDefinitions) ? (td.containerDefinitions as Json[]) : []).find(
      (c) => c.name === EXPRESS_CONTAINER,
    ) ?? {};
  const logs = ((container.logConfiguration as Json | undefined)?.options ?? {}) as Record<string, string>;
  const port = (container.portMappings as Json[] | undefined)?.[0]?.containerPort;
  const network = ((service.networkConfiguration as Json | undefined)?.awsvpcConfiguration ?? {}) as Json;
  const serviceArn = String(service.serviceArn ?? '');
  const revisionId = BigInt(`0x${digest(`${serviceArn}|${String(td.taskDefinitionArn)}`).slice(0, 15)}`).toString();
  const primaryContainer: Json = {
    image: container.image,
    ...(typeof port === 'number' ? { containerPort: port } : {}),
    ...(logs['awslogs-group'] === undefined
      ? {}
      : {
          awsLogsConfiguration: {
            logGroup: logs['awslogs-group'],
            logStreamPrefix: logs['awslogs-stream-prefix'] ?? 'ecs',
          },
        }),
    ...(Array.isArray(container.command) ? { command: container.command } : {}),
    ...(Array.isArray(container.environment) ? { environment: container.environment } : {}),
    ...(Array.isArray(container.secrets) ? { secrets: container.secrets } : {}),
  };
  return {
    serviceRevisionArn: `${serviceArn.replace(':service/', ':service-revision/')}/${revisionId}`,
    ...(typeof td.executionRoleArn === 'string' ? { executionRoleArn: td.executionRoleArn } : {}),
    ...(typeof td.taskRoleArn === 'string' ? { taskRoleArn: td.taskRoleArn } : {}),
    taskDefinitionArn: td.taskDefinitionArn,
    cpu: String(td.cpu),
    memory: String(td.memory),
    networkConfiguration: { securityGroups: network.securityGroups ?? [], subnets: network.subnets ?? [] },
    healthCheckPath: '/ping',
    primaryContainer,
    scalingTarget: { minTaskCount: 1, maxTaskCount: 4, autoScalingMetric: 'AVERAGE_CPU', autoScalingTargetValue: 60 },
    ingressPaths: [
      {
        accessType: 'PUBLIC',
        endpoint: `https://${String(service.serviceName)}-${revisionId.slice(0, 8)}.ecs.${TEST_REGION}.on.aws`,
      },
    ],
    createdAt: typeof td.registeredAt === 'number' ? td.registeredAt : Date.now() / 1000,
  };
}

/** The task definition with the request's primary container (as given: a whole container), cpu and memory. */
function applyUpdate(td: Json, request: Json): Json {
  const out: Json = { ...td };
  if (typeof request.cpu === 'string') out.cpu = request.cpu;
  if (typeof request.memory === 'string') out.memory = request.memory;
  const given = request.primaryContainer as Json | undefined;
  if (given !== undefined && Array.isArray(td.containerDefinitions)) {
    out.containerDefinitions = (td.containerDefinitions as Json[]).map((c) => {
      if (c.name !== EXPRESS_CONTAINER) return c;
      const next: Json = { ...c, image: given.image };
      for (const key of ['command', 'environment', 'secrets'] as const) {
        if (given[key] === undefined) delete next[key];
        else next[key] = given[key];
      }
      return next;
    });
  }
  return out;
}

function notFound(serviceArn: unknown): ProxyResponse {
  const type = 'ServiceNotFoundException';
  const body = Buffer.from(JSON.stringify({ __type: type, message: `Service not found: ${String(serviceArn)}` }));
  return {
    status: 400,
    headers: { 'content-type': JSON_CONTENT_TYPE, 'content-length': String(body.length), 'x-amzn-errortype': type },
    body,
  };
}
