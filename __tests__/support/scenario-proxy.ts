// A test instrument, not a product. moto keeps ECS state but never rolls a deployment
// out, never fails a task and never throttles. This proxy sits in front of it, passes
// every request through unchanged, records each call, and overlays scripted behaviour on
// chosen operations. Overlays form a chain per `service:operation` (the latest added runs
// first and may call `next()`), so fault injection (throttling, 5xx, resets, delays) and
// other services (Lambda, SSM) can be added as more overlays without touching forwarding.
// `'*'` as the service or the operation matches every one (fault-scenarios.ts uses it for
// faults on every call the action makes); an overlay can drop the connection without an
// answer (`resetConnection()`), as a network failure would.

import { createHash, randomInt } from 'node:crypto';
import { Agent, createServer, request as httpRequest } from 'node:http';
import type { IncomingHttpHeaders, IncomingMessage, OutgoingHttpHeaders, ServerResponse } from 'node:http';

export interface RecordedCall {
  /** Signing name of the AWS service: 'ecs', 'ec2', 'lambda', 'ssm', ... ('unknown' if unsigned). */
  service: string;
  /**
   * 'UpdateService'; Lambda's REST routes by their operation name ('UpdateFunctionCode');
   * other REST APIs without a target or Action as `METHOD /path`.
   */
  operation: string;
  /** Lambda only: the function the path names, as a bare name (ARN and qualifier dropped). */
  resource?: string;
  /** Parsed JSON, form parameters as an object, raw text, or undefined when empty. */
  body: unknown;
  at: number;
  /**
   * Set by a fault overlay: what it did to this request ('throttle', 'http503', 'reset',
   * 'slow'...), and whether moto still saw the request (a slow answer, a lost response).
   */
  fault?: { kind: string; reachedMoto: boolean };
}

export interface ProxyRequest {
  method: string;
  /** Path and query, as sent. */
  url: string;
  headers: IncomingHttpHeaders;
  body: Buffer;
  call: RecordedCall;
}

export interface ProxyResponse {
  status: number;
  headers: IncomingHttpHeaders | OutgoingHttpHeaders;
  body: Buffer;
  /** Destroy the client's connection instead of answering (see resetConnection). */
  reset?: boolean;
}

/** No answer at all: the proxy destroys the socket, so the client sees ECONNRESET / "socket hang up". */
export function resetConnection(): ProxyResponse {
  return { status: 0, headers: {}, body: Buffer.alloc(0), reset: true };
}

/** Answers the request itself, or calls `next()` (the next overlay, finally moto) and may rewrite that. */
export type Overlay = (request: ProxyRequest, next: () => Promise<ProxyResponse>) => Promise<ProxyResponse>;

// ---------------------------------------------------------------------------------------
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

export interface ScenarioProxy {
  readonly url: string;
  readonly port: number;
  /** Every request seen, oldest first (live array). */
  readonly calls: readonly RecordedCall[];
  /** How many calls of this operation (any service) were seen, from `fromIndex` in `calls` on. */
  callsTo(operation: string, fromIndex?: number): number;
  /** The new deployment ids the proxy created for a scripted service, oldest first. */
  deploymentIds(serviceName: string): readonly string[];
  scriptRollout(serviceName: string, script: RolloutScript): void;
  /**
   * Add an overlay in front of the others for `service:operation` (e.g. 'ecs',
   * 'DescribeServices'); `'*'` for either matches every service or operation.
   */
  overlay(service: string, operation: string, handler: Overlay): void;
  stop(): Promise<void>;
}

const ECS_TARGET_PREFIX = 'AmazonEC2ContainerServiceV20141113';
const JSON_CONTENT_TYPE = 'application/x-amz-json-1.1';

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
    const completed = { runningCount: desired, rolloutState: 'COMPLETED' as const, rolloutStateReason: `ECS deployment ${ctx.ours.id} completed.` };
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
    const stoppedTasks = crashedTasks(ctx, { count: failed, everyMs: every, exitCode: 1, reason: 'Error: cannot connect to database' });
    const desired = ctx.desiredCount;
    if (elapsed < failAfterMs) {
      return state(ctx, {
        deployments: [deploymentOf(ctx, ctx.ours, { runningCount: 0, pendingCount: desired, failedTasks: failed }), ...previousActive(ctx)],
        events: [...stoppedEvents(ctx, stoppedTasks), startedEvent(ctx, 0)],
        stoppedTasks,
      });
    }
    const rollback = deploymentOf(ctx, { ...ctx.ours, id: derivedDeploymentId(ctx.ours.id, 'rollback'), taskDefinition: ctx.previousTaskDefinitionArn, createdAt: (ctx.startedAt + failAfterMs) / 1000 }, {});
    const failedEvents = [
      event(ctx, failAfterMs, `(service ${ctx.serviceName}) (deployment ${ctx.ours.id}) deployment failed: tasks failed to start.`),
      event(ctx, failAfterMs, `(service ${ctx.serviceName}) rolling back to deployment ${rollback.id}.`),
    ];
    if (elapsed < rolledBackAfterMs) {
      return state(ctx, {
        deployments: [
          { ...rollback, pendingCount: desired },
          deploymentOf(ctx, ctx.ours, { status: 'ACTIVE', runningCount: 0, failedTasks: failed, rolloutState: 'FAILED', rolloutStateReason: CIRCUIT_BREAKER_REASON }),
          ...previousActive(ctx),
        ],
        taskDefinition: ctx.previousTaskDefinitionArn,
        events: [...failedEvents, ...stoppedEvents(ctx, stoppedTasks), startedEvent(ctx, 0)],
        stoppedTasks,
      });
    }
    return state(ctx, {
      deployments: [{ ...rollback, runningCount: desired, rolloutState: 'COMPLETED', rolloutStateReason: `ECS deployment ${rollback.id} completed.` }],
      taskDefinition: ctx.previousTaskDefinitionArn,
      events: [event(ctx, rolledBackAfterMs, `(service ${ctx.serviceName}) has reached a steady state.`), ...failedEvents, ...stoppedEvents(ctx, stoppedTasks), startedEvent(ctx, 0)],
      stoppedTasks,
    });
  };
}

/** No circuit breaker: ours stays IN_PROGRESS forever, one more task stops every `everyMs`. */
export function crashLoop(options: { everyMs: number; exitCode: number; reason: string }): RolloutScript {
  return (elapsed, ctx) => {
    const count = Math.floor(elapsed / options.everyMs);
    const stoppedTasks = crashedTasks(ctx, { count, everyMs: options.everyMs, exitCode: options.exitCode, reason: options.reason });
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
      deployments: [deploymentOf(ctx, ctx.ours, { runningCount: 0, pendingCount: ctx.desiredCount }), ...previousActive(ctx)],
      events: [event(ctx, 0, `(service ${ctx.serviceName}) was unable to place a task because no container instance met all of its requirements.`)],
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

function digest(seed: string): string {
  return createHash('sha256').update(seed).digest('hex');
}

function taskIdFrom(deploymentId: string, salt: string): string {
  return digest(`${deploymentId}|${salt}`).slice(0, 32);
}

function uuidFrom(seed: string): string {
  const h = digest(seed);
  return `${h.slice(0, 8)}-${h.slice(8, 12)}-${h.slice(12, 16)}-${h.slice(16, 20)}-${h.slice(20, 32)}`;
}

function derivedDeploymentId(fromId: string, salt: string): string {
  const digits = BigInt(`0x${digest(`${fromId}|${salt}`).slice(0, 16)}`).toString().padStart(19, '0').slice(0, 19);
  return `ecs-svc/${digits}`;
}

function newDeploymentId(): string {
  return `ecs-svc/${Array.from({ length: 19 }, (_, i) => String(randomInt(i === 0 ? 1 : 0, 10))).join('')}`;
}

// ---------------------------------------------------------------------------------------
// The proxy.

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

export async function startScenarioProxy(targetUrl: string): Promise<ScenarioProxy> {
  const target = new URL(targetUrl);
  const agent = new Agent({ keepAlive: true });
  const calls: RecordedCall[] = [];
  // In the order added; a request's chain is every match, the latest added first.
  const overlays: Array<{ service: string; operation: string; handler: Overlay }> = [];
  const scripted = new Map<string, ScriptedService>();

  const forward = (req: ProxyRequest): Promise<ProxyResponse> =>
    new Promise((resolve, reject) => {
      const upstream = httpRequest(
        { host: target.hostname, port: target.port, method: req.method, path: req.url, headers: req.headers, agent },
        (res) => {
          readAll(res).then((body) => resolve({ status: res.statusCode ?? 502, headers: res.headers, body }), reject);
        },
      );
      upstream.once('error', reject);
      upstream.end(req.body);
    });

  /** A call the proxy makes to moto on its own behalf (not recorded). */
  const ecsCall = async (like: ProxyRequest, operation: string, body: object): Promise<unknown> => {
    const payload = Buffer.from(JSON.stringify(body));
    const headers = { ...like.headers, 'x-amz-target': `${ECS_TARGET_PREFIX}.${operation}`, 'content-length': String(payload.length) };
    const res = await forward({ ...like, headers, body: payload });
    return JSON.parse(res.body.toString('utf8')) as unknown;
  };

  const addOverlay = (service: string, operation: string, handler: Overlay): void => {
    overlays.push({ service, operation, handler });
  };

  const chainFor = (call: RecordedCall): Overlay[] =>
    overlays
      .filter((o) => (o.service === '*' || o.service === call.service) && (o.operation === '*' || o.operation === call.operation))
      .map((o) => o.handler)
      .reverse();

  const rolloutFor = (serviceRef: unknown): { entry: ScriptedService; current: ActiveRollout | undefined } | undefined => {
    if (typeof serviceRef !== 'string') return undefined;
    const entry = scripted.get(nameFromRef(serviceRef));
    return entry === undefined ? undefined : { entry, current: entry.rollouts.at(-1) };
  };

  const stateOf = (rollout: ActiveRollout): RolloutState => rollout.script(Date.now() - rollout.ctx.startedAt, rollout.ctx);

  // UpdateService on a scripted service: let moto store it, then report a new deployment.
  addOverlay('ecs', 'UpdateService', async (req, next) => {
    const body = req.call.body as { service?: unknown; cluster?: unknown; taskDefinition?: unknown; forceNewDeployment?: unknown };
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
    const previous = previousState?.deployments.find((d) => d.status === 'PRIMARY') ?? before?.deployments?.find((d) => d.status === 'PRIMARY');
    const previousTaskDefinitionArn = previousState?.taskDefinition ?? before?.taskDefinition ?? '';
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
        previous === undefined ? [] : [{ ...previous, status: 'ACTIVE', runningCount: previous.desiredCount, pendingCount: 0 }];
      service.deployments = [ours, ...oldPrimary];
      service.runningCount = oldPrimary.reduce((sum, d) => sum + d.runningCount, 0);
      service.pendingCount = 0;
    } else if (found.current !== undefined) {
      overlayService(service, stateOf(found.current));
    }
    return jsonResponse(response, json);
  });

  addOverlay('ecs', 'DescribeServices', async (_req, next) => {
    const response = await next();
    if (response.status !== 200) return response;
    const json = parseJson(response.body) as { services?: EcsServiceJson[] };
    let touched = false;
    for (const service of json.services ?? []) {
      const current = rolloutFor(service.serviceName)?.current;
      if (current === undefined) continue;
      overlayService(service, stateOf(current));
      touched = true;
    }
    return touched ? jsonResponse(response, json) : response;
  });

  addOverlay('ecs', 'ListTasks', async (req, next) => {
    const body = req.call.body as { startedBy?: unknown; desiredStatus?: unknown };
    if (body.desiredStatus !== 'STOPPED' || typeof body.startedBy !== 'string') return next();
    for (const rollout of allRollouts(scripted)) {
      const current = stateOf(rollout);
      const ids = new Set([rollout.ctx.ours.id, ...current.deployments.map((d) => d.id)]);
      if (!ids.has(body.startedBy)) continue;
      const taskArns = current.stoppedTasks
        .filter((task) => task.startedBy === body.startedBy)
        .map((task) => taskArnOf(rollout, task));
      return answer({ taskArns });
    }
    return next();
  });

  addOverlay('ecs', 'DescribeTasks', async (req, next) => {
    const body = req.call.body as { tasks?: unknown };
    const wanted = Array.isArray(body.tasks) ? body.tasks.filter((t): t is string => typeof t === 'string') : [];
    const known = new Map<string, object>();
    for (const rollout of allRollouts(scripted)) {
      for (const task of stateOf(rollout).stoppedTasks) known.set(taskArnOf(rollout, task), ecsTaskOf(rollout, task));
    }
    if (!wanted.some((arn) => known.has(arn))) return next();
    const tasks = wanted.flatMap((arn) => known.get(arn) ?? []);
    const failures = wanted.filter((arn) => !known.has(arn)).map((arn) => ({ arn, reason: 'MISSING' }));
    return answer({ tasks, failures });
  });

  const describeFromMoto = async (req: ProxyRequest, cluster: string, service: string): Promise<EcsServiceJson | undefined> => {
    const out = (await ecsCall(req, 'DescribeServices', { cluster, services: [service] })) as { services?: EcsServiceJson[] };
    return out.services?.[0];
  };

  const handle = async (incoming: IncomingMessage, outgoing: ServerResponse): Promise<void> => {
    const body = await readAll(incoming);
    const method = incoming.method ?? 'GET';
    const url = incoming.url ?? '/';
    const call = recordOf(method, url, incoming.headers, body);
    calls.push(call);
    const req: ProxyRequest = { method, url, headers: incoming.headers, body, call };
    const chain = chainFor(call);
    const run = (index: number): Promise<ProxyResponse> => {
      const overlay = chain[index];
      return overlay === undefined ? forward(req) : overlay(req, () => run(index + 1));
    };
    let response: ProxyResponse;
    try {
      response = await run(0);
    } catch (error) {
      const message = error instanceof Error ? error.message : String(error);
      response = { status: 502, headers: { 'content-type': 'text/plain' }, body: Buffer.from(`scenario proxy: ${message}`) };
    }
    if (response.reset === true) {
      incoming.socket.destroy();
      return;
    }
    outgoing.writeHead(response.status, response.headers as OutgoingHttpHeaders);
    outgoing.end(response.body);
  };

  const server = createServer((incoming, outgoing) => {
    handle(incoming, outgoing).catch((error: unknown) => {
      if (!outgoing.headersSent) outgoing.writeHead(500);
      outgoing.end(String(error));
    });
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => resolve());
  });
  const address = server.address();
  if (address === null || typeof address === 'string') throw new Error('scenario proxy has no TCP address');
  const port = address.port;

  return {
    url: `http://127.0.0.1:${port}`,
    port,
    calls,
    callsTo: (operation, fromIndex = 0) => calls.slice(fromIndex).filter((c) => c.operation === operation).length,
    deploymentIds: (serviceName) => scripted.get(serviceName)?.rollouts.map((r) => r.ctx.ours.id) ?? [],
    scriptRollout(serviceName, script) {
      scripted.set(serviceName, { script, rollouts: [] });
    },
    overlay: addOverlay,
    stop: () =>
      new Promise<void>((resolve) => {
        server.close(() => resolve());
        server.closeAllConnections();
        agent.destroy();
      }),
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
  const clusterName = rollout.clusterArn.split('/').pop() ?? 'default';
  const prefix = rollout.clusterArn.replace(/:cluster\/.*$/, '');
  return `${prefix}:task/${clusterName}/${task.taskId}`;
}

function ecsTaskOf(rollout: ActiveRollout, task: ScriptedStoppedTask): object {
  const taskArn = taskArnOf(rollout, task);
  const stoppedAt = task.stoppedAtMs / 1000;
  const createdAt = Math.min(rollout.ctx.startedAt / 1000, stoppedAt);
  return {
    taskArn,
    clusterArn: rollout.clusterArn,
    taskDefinitionArn: task.taskDefinitionArn,
    startedBy: task.startedBy,
    group: `service:${rollout.ctx.serviceName}`,
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

function readAll(stream: IncomingMessage): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    stream.on('data', (chunk: Buffer) => chunks.push(chunk));
    stream.once('end', () => resolve(Buffer.concat(chunks)));
    stream.once('error', reject);
  });
}

/** A body as JSON, or {} when it is not JSON (for overlays that rewrite responses). */
export function parseJson(body: Buffer): unknown {
  try {
    return JSON.parse(body.toString('utf8')) as unknown;
  } catch {
    return {};
  }
}

/** The upstream response with a rewritten JSON body. */
export function jsonResponse(upstream: ProxyResponse, json: unknown): ProxyResponse {
  const body = Buffer.from(JSON.stringify(json));
  const headers: OutgoingHttpHeaders = { ...upstream.headers, 'content-length': String(body.length) };
  delete headers['transfer-encoding'];
  delete headers['content-encoding'];
  delete headers['x-amz-crc32'];
  return { status: upstream.status, headers, body };
}

/** A response made up by the proxy. */
function answer(json: unknown): ProxyResponse {
  const body = Buffer.from(JSON.stringify(json));
  return {
    status: 200,
    headers: { 'content-type': JSON_CONTENT_TYPE, 'content-length': String(body.length), 'x-amzn-requestid': uuidFrom(`${Date.now()}|${Math.random()}`) },
    body,
  };
}

function recordOf(method: string, url: string, headers: IncomingHttpHeaders, body: Buffer): RecordedCall {
  const target = headerValue(headers['x-amz-target']);
  const scope = /Credential=[^/]*\/[^/]*\/[^/]*\/([^/]+)\//.exec(headerValue(headers.authorization) ?? '');
  const text = body.toString('utf8');
  const contentType = headerValue(headers['content-type']) ?? '';
  let parsed: unknown = text === '' ? undefined : text;
  if (text !== '' && (contentType.includes('json') || target !== undefined)) {
    try {
      parsed = JSON.parse(text) as unknown;
    } catch {
      parsed = text;
    }
  } else if (contentType.includes('x-www-form-urlencoded')) {
    parsed = Object.fromEntries(new URLSearchParams(text));
  }
  const query = new URL(url, 'http://proxy.invalid').searchParams;
  const action = query.get('Action') ?? (parsed !== null && typeof parsed === 'object' ? (parsed as Record<string, unknown>)['Action'] : undefined);
  const path = url.split('?')[0] ?? url;
  const service = scope?.[1] ?? (target?.startsWith(ECS_TARGET_PREFIX) === true ? 'ecs' : 'unknown');
  const lambda = service === 'lambda' && target === undefined ? lambdaOperationOf(method, path) : undefined;
  const operation = target?.split('.').pop() ?? (typeof action === 'string' ? action : (lambda?.operation ?? `${method} ${path}`));
  const call: RecordedCall = { service, operation, body: parsed, at: Date.now() };
  if (lambda?.functionName !== undefined) call.resource = lambda.functionName;
  return call;
}

// ---------------------------------------------------------------------------------------
// Lambda is a REST API: no target header, no Action. Its routes, as the SDK sends them
// (client-lambda's schema), named so overlays and counts can use operation names.

const LAMBDA_ROUTES: ReadonlyArray<readonly [method: string, path: string, operation: string]> = [
  ['POST', '/2015-03-31/functions', 'CreateFunction'],
  ['GET', '/2015-03-31/functions', 'ListFunctions'],
  ['GET', '/2015-03-31/functions/{fn}', 'GetFunction'],
  ['DELETE', '/2015-03-31/functions/{fn}', 'DeleteFunction'],
  ['GET', '/2015-03-31/functions/{fn}/configuration', 'GetFunctionConfiguration'],
  ['PUT', '/2015-03-31/functions/{fn}/configuration', 'UpdateFunctionConfiguration'],
  ['PUT', '/2015-03-31/functions/{fn}/code', 'UpdateFunctionCode'],
  ['POST', '/2015-03-31/functions/{fn}/versions', 'PublishVersion'],
  ['GET', '/2015-03-31/functions/{fn}/versions', 'ListVersionsByFunction'],
  ['POST', '/2015-03-31/functions/{fn}/aliases', 'CreateAlias'],
  ['GET', '/2015-03-31/functions/{fn}/aliases', 'ListAliases'],
  ['GET', '/2015-03-31/functions/{fn}/aliases/{alias}', 'GetAlias'],
  ['PUT', '/2015-03-31/functions/{fn}/aliases/{alias}', 'UpdateAlias'],
  ['DELETE', '/2015-03-31/functions/{fn}/aliases/{alias}', 'DeleteAlias'],
  ['POST', '/2015-03-31/functions/{fn}/invocations', 'Invoke'],
  ['GET', '/2017-03-31/tags/{fn}', 'ListTags'],
  ['POST', '/2017-03-31/tags/{fn}', 'TagResource'],
  ['DELETE', '/2017-03-31/tags/{fn}', 'UntagResource'],
];

const LAMBDA_MATCHERS = LAMBDA_ROUTES.map(([method, path, operation]) => ({
  method,
  operation,
  // One path segment per placeholder; moto and the SDK both accept a trailing slash.
  pattern: new RegExp(`^${path.replace('{fn}', '(?<fn>[^/]+)').replace('{alias}', '[^/]+')}/?$`),
}));

/** The operation a Lambda REST request is, and the function it names; undefined for routes not in the table. */
export function lambdaOperationOf(method: string, path: string): { operation: string; functionName?: string } | undefined {
  for (const matcher of LAMBDA_MATCHERS) {
    if (matcher.method !== method) continue;
    const match = matcher.pattern.exec(path);
    if (match === null) continue;
    const fn = match.groups?.['fn'];
    return fn === undefined ? { operation: matcher.operation } : { operation: matcher.operation, functionName: lambdaFunctionName(fn) };
  }
  return undefined;
}

/**
 * The bare function name in a name, `name:qualifier`, partial ARN (`123456789012:function:name`)
 * or full ARN, URL-encoded or not: so one overlay matches however the caller named it.
 */
export function lambdaFunctionName(ref: string): string {
  let decoded = ref;
  try {
    decoded = decodeURIComponent(ref);
  } catch {
    // Not encoded after all; use it as it is.
  }
  const afterFunction = /(?:^|:)function:([^:]+)/.exec(decoded);
  return afterFunction?.[1] ?? decoded.split(':')[0] ?? decoded;
}

function headerValue(value: string | string[] | undefined): string | undefined {
  return Array.isArray(value) ? value[0] : value;
}
