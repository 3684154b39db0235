// One-off ECS tasks as scenario-proxy overlays. moto 5.2.1 creates the task on RunTask
// (FARGATE with awsvpc works) but then plays a fixed life that tells nothing: each
// DescribeTasks moves lastStatus one step (RUNNING, DEACTIVATING, STOPPING,
// DEPROVISIONING, STOPPED) while desiredStatus stays RUNNING, the one container it
// reports (only the task definition's first) stays PENDING with exitCode 0 from the
// start, and there is never a stopCode or stoppedReason. These overlays let RunTask reach
// moto (so the task exists there, with moto's ARN), then answer for that task a scripted
// life in real time: PROVISIONING -> RUNNING -> STOPPED with the given exit codes and
// reasons. Tasks they did not script go on to the next overlay (e.g. the stopped tasks
// of scripted service rollouts) and to moto.
//
// Further moto gaps covered here, each by its own function: RunTask ignores clientToken
// (a retry starts a second task) and answers a capacityProviderStrategy with HTTP 500
// (it only places Fargate tasks for launchType FARGATE).

import type { RunTaskCommandInput } from '@aws-sdk/client-ecs';
import { jsonResponse, parseJson } from './scenario-proxy-core.ts';
import type { ProxyCore, ProxyRequest, ProxyResponse } from './scenario-proxy-core.ts';

export type TaskStopCode =
  | 'EssentialContainerExited'
  | 'TaskFailedToStart'
  | 'UserInitiated'
  | 'ServiceSchedulerInitiated'
  | 'SpotInterruption'
  | 'TerminationNotice';

/** Which RunTask calls a script claims; every given field must match, at least one must be given. */
export interface TaskMatch {
  /** The family the RunTask's taskDefinition names (as family, family:revision or ARN). */
  family?: string;
  /** RunTask's startedBy. */
  startedBy?: string;
  /** Cluster name (or ARN) RunTask names; ECS's 'default' when it names none. */
  cluster?: string;
}

export interface ScriptedContainer {
  name: string;
  /** Reported once the task has STOPPED; leave out for a container that never ran. */
  exitCode?: number;
  /** e.g. 'OutOfMemoryError: Container killed due to memory usage'. */
  reason?: string;
}

export interface TaskLife extends TaskMatch {
  /** RUNNING from then on (ms after RunTask); at or after stoppedAfterMs: never RUNNING. */
  runningAfterMs: number;
  /** STOPPED from then on; undefined: runs until StopTask. */
  stoppedAfterMs?: number;
  /** Containers as DescribeTasks lists them; empty: the ones moto reported. */
  containers: ScriptedContainer[];
  stopCode: TaskStopCode;
  stoppedReason: string;
  /** Clock for the script (epoch ms); Date.now by default. The self-test steps it by hand. */
  now?: () => number;
}

export interface ScriptedTaskRun {
  /** The RunTask request as the caller sent it (the body the proxy recorded). */
  request: RunTaskCommandInput;
  /** As moto created them: these ARNs exist in moto (ListTasks finds them). */
  taskArns: string[];
  /** When moto answered RunTask: t0 of the script (epoch ms). */
  startedAt: number;
  /** StopTask for these tasks, if one came before they stopped by themselves. */
  stopped?: { at: number; reason: string };
}

export interface TaskScenario {
  /** Every RunTask this script claimed, oldest first (live array). */
  readonly runs: readonly ScriptedTaskRun[];
  /** The one run: throws when there were none or several, so an assertion says which. */
  onlyRun(): ScriptedTaskRun;
  /** DescribeTasks answers this script gave, so a test can see the task was followed. */
  readonly describes: number;
}

export const ESSENTIAL_CONTAINER_EXITED = 'Essential container in task exited';
/** What a container reports after StopTask: 128 + SIGTERM, as most processes end. */
export const STOPPED_BY_USER_EXIT_CODE = 143;

/**
 * The task provisions, runs, and at `afterMs` stops: each container exits with its code
 * from `exitCodes` (a container listed as undefined reports no exit code), with its
 * reason from `reasons`; stopCode EssentialContainerExited, stoppedReason ECS's
 * "Essential container in task exited" unless given.
 */
export function taskExits(
  proxy: ProxyCore,
  options: TaskMatch & {
    afterMs: number;
    exitCodes: Record<string, number | undefined>;
    reasons?: Record<string, string>;
    stoppedReason?: string;
    stopCode?: TaskStopCode;
    /** Default: a third of afterMs. */
    runningAfterMs?: number;
    now?: () => number;
  },
): TaskScenario {
  const { afterMs, exitCodes, reasons = {}, stoppedReason, stopCode, runningAfterMs, now, ...match } = options;
  const containers = Object.entries(exitCodes).map(([name, exitCode]) => ({
    name,
    ...(exitCode === undefined ? {} : { exitCode }),
    ...(reasons[name] === undefined ? {} : { reason: reasons[name] }),
  }));
  for (const name of Object.keys(reasons)) {
    if (!(name in exitCodes)) throw new Error(`taskExits: reasons names container '${name}', which exitCodes does not list`);
  }
  return scriptTask(proxy, {
    ...match,
    runningAfterMs: runningAfterMs ?? Math.floor(afterMs / 3),
    stoppedAfterMs: afterMs,
    containers,
    stopCode: stopCode ?? 'EssentialContainerExited',
    stoppedReason: stoppedReason ?? ESSENTIAL_CONTAINER_EXITED,
    ...(now === undefined ? {} : { now }),
  });
}

/**
 * The task never runs: PROVISIONING until `afterMs`, then STOPPED with stopCode
 * TaskFailedToStart and the reason (e.g. 'CannotPullContainerError: ...'), its containers
 * without exit codes.
 */
export function taskFailsToStart(
  proxy: ProxyCore,
  options: TaskMatch & { afterMs: number; stoppedReason: string; containers: string[]; now?: () => number },
): TaskScenario {
  const { afterMs, stoppedReason, containers, now, ...match } = options;
  return scriptTask(proxy, {
    ...match,
    runningAfterMs: afterMs,
    stoppedAfterMs: afterMs,
    containers: containers.map((name) => ({ name })),
    stopCode: 'TaskFailedToStart',
    stoppedReason,
    ...(now === undefined ? {} : { now }),
  });
}

/** RUNNING from `runningAfterMs` (default 0) until someone calls StopTask. */
export function taskNeverStops(
  proxy: ProxyCore,
  options: TaskMatch & { containers: string[]; runningAfterMs?: number; now?: () => number },
): TaskScenario {
  const { containers, runningAfterMs, now, ...match } = options;
  return scriptTask(proxy, {
    ...match,
    runningAfterMs: runningAfterMs ?? 0,
    containers: containers.map((name) => ({ name })),
    stopCode: 'UserInitiated',
    stoppedReason: 'Task stopped by user',
    ...(now === undefined ? {} : { now }),
  });
}

/**
 * The general form the builders above use. Overlays RunTask (record, rewrite the answer to
 * the task's state at t0), DescribeTasks (answer the state now), ListTasks (filter by the
 * scripted desiredStatus) and StopTask (stop the script). A RunTask two scripts match is
 * claimed by both and the later one answers; give each scenario its own family or startedBy.
 */
export function scriptTask(proxy: ProxyCore, life: TaskLife): TaskScenario {
  if (life.family === undefined && life.startedBy === undefined && life.cluster === undefined) {
    throw new Error('scriptTask: give at least one of family, startedBy, cluster to match RunTask calls');
  }
  const now = life.now ?? Date.now;
  const runs: ScriptedTaskRun[] = [];
  /** Task ARN -> its run and the task as moto described it at RunTask. */
  const tasks = new Map<string, { run: ScriptedTaskRun; base: WireTask }>();
  let describes = 0;

  const stateOf = (arn: string): WireTask | undefined => {
    const entry = tasks.get(arn);
    return entry === undefined ? undefined : scriptedTask(entry.base, entry.run, life, now());
  };

  proxy.overlay('ecs', 'RunTask', async (req, next) => {
    const request = req.call.body as RunTaskCommandInput;
    if (!matches(life, request)) return next();
    const response = await next();
    if (response.status !== 200) return response;
    const json = parseJson(response.body) as { tasks?: WireTask[] };
    const created = (json.tasks ?? []).filter((t) => typeof t.taskArn === 'string');
    const fresh = created.filter((t) => !tasks.has(t.taskArn));
    if (fresh.length > 0) {
      // A replayed answer (honourClientToken) names tasks already scripted: no second run.
      const run: ScriptedTaskRun = { request, taskArns: fresh.map((t) => t.taskArn), startedAt: now() };
      runs.push(run);
      for (const task of fresh) tasks.set(task.taskArn, { run, base: task });
    }
    return jsonResponse(response, { ...json, tasks: (json.tasks ?? []).map((t) => stateOf(t.taskArn) ?? t) });
  });

  proxy.overlay('ecs', 'DescribeTasks', async (req, next) => {
    const body = req.call.body as { cluster?: unknown; tasks?: unknown };
    const wanted = Array.isArray(body.tasks) ? body.tasks.filter((t): t is string => typeof t === 'string') : [];
    const ours = new Map<string, string>(); // as asked -> ARN
    for (const ref of wanted) {
      const arn = arnOf(tasks.keys(), ref);
      if (arn !== undefined) ours.set(ref, arn);
    }
    if (ours.size === 0) return next();
    const response = await next();
    if (response.status !== 200) return response;
    describes += 1;
    const json = parseJson(response.body) as { tasks?: WireTask[]; failures?: TaskFailure[] };
    const oursArns = new Set(ours.values());
    const others = (json.tasks ?? []).filter((t) => !oursArns.has(t.taskArn));
    const failures = (json.failures ?? []).filter((f) => f.arn === undefined || arnOf(oursArns.values(), f.arn) === undefined);
    // Real ECS looks tasks up in the cluster asked for (moto searches every cluster).
    const cluster = clusterName(typeof body.cluster === 'string' ? body.cluster : undefined);
    const answered: WireTask[] = [];
    for (const [ref, arn] of ours) {
      const task = stateOf(arn);
      if (task !== undefined && clusterOfTask(arn) === cluster) answered.push(task);
      else failures.push({ arn: ref, reason: 'MISSING' });
    }
    return jsonResponse(response, { ...json, tasks: [...others, ...answered], failures });
  });

  proxy.overlay('ecs', 'ListTasks', async (req, next) => {
    const response = await next();
    if (response.status !== 200 || tasks.size === 0) return response;
    const filter = req.call.body as { cluster?: unknown; startedBy?: unknown; family?: unknown; desiredStatus?: unknown; containerInstance?: unknown; serviceName?: unknown };
    const json = parseJson(response.body) as { taskArns?: string[]; nextToken?: string };
    // ECS lists RUNNING when no desiredStatus is given; moto lists every task then.
    const desired = typeof filter.desiredStatus === 'string' ? filter.desiredStatus : 'RUNNING';
    const listed = (json.taskArns ?? []).filter((arn) => !tasks.has(arn) || stateOf(arn)?.desiredStatus === desired);
    const canAdd = filter.containerInstance === undefined && filter.serviceName === undefined && json.nextToken === undefined;
    for (const [arn, entry] of canAdd ? tasks : []) {
      const task = stateOf(arn);
      if (task === undefined || listed.includes(arn) || task.desiredStatus !== desired) continue;
      if (clusterOfTask(arn) !== clusterName(typeof filter.cluster === 'string' ? filter.cluster : undefined)) continue;
      if (typeof filter.startedBy === 'string' && entry.run.request.startedBy !== filter.startedBy) continue;
      if (typeof filter.family === 'string' && familyOf(String(task['taskDefinitionArn'] ?? '')) !== filter.family) continue;
      listed.push(arn);
    }
    return jsonResponse(response, { ...json, taskArns: listed });
  });

  proxy.overlay('ecs', 'StopTask', async (req, next) => {
    const body = req.call.body as { task?: unknown; reason?: unknown };
    const arn = typeof body.task === 'string' ? arnOf(tasks.keys(), body.task) : undefined;
    const entry = arn === undefined ? undefined : tasks.get(arn);
    if (arn === undefined || entry === undefined) return next();
    const response = await next();
    if (response.status !== 200) return response;
    const before = stateOf(arn);
    if (before?.lastStatus !== 'STOPPED' && entry.run.stopped === undefined) {
      entry.run.stopped = { at: now(), reason: typeof body.reason === 'string' && body.reason !== '' ? body.reason : 'Task stopped by user' };
    }
    const json = parseJson(response.body) as { task?: WireTask };
    return jsonResponse(response, { ...json, task: stateOf(arn) });
  });

  return {
    runs,
    onlyRun() {
      const [run, ...more] = runs;
      if (run === undefined || more.length > 0) {
        throw new Error(`expected exactly one scripted RunTask for ${describeMatch(life)}, saw ${runs.length}`);
      }
      return run;
    },
    get describes() {
      return describes;
    },
  };
}

/**
 * RunTask as ECS treats clientToken: a call with a token seen before starts nothing and
 * answers what the first call answered (moto would start a second task). Add it after the
 * task scripts so a replay never reaches them.
 */
export function honourClientToken(proxy: ProxyCore): { readonly replayed: number } {
  const answered = new Map<string, ProxyResponse>();
  let replayed = 0;
  proxy.overlay('ecs', 'RunTask', async (req, next) => {
    const token = (req.call.body as { clientToken?: unknown }).clientToken;
    if (typeof token !== 'string' || token === '') return next();
    const earlier = answered.get(token);
    if (earlier !== undefined) {
      replayed += 1;
      return { ...earlier, headers: { ...earlier.headers } };
    }
    const response = await next();
    if (response.status === 200) answered.set(token, response);
    return response;
  });
  return {
    get replayed() {
      return replayed;
    },
  };
}

/**
 * RunTask with a capacityProviderStrategy of FARGATE / FARGATE_SPOT reaches moto as
 * launchType FARGATE (moto answers the strategy with HTTP 500), and the answer names the
 * provider the task landed on (the first with a base or weight above 0). The proxy's call
 * log keeps the request as the caller sent it.
 */
export function fargateCapacityProviders(proxy: ProxyCore): void {
  proxy.overlay('ecs', 'RunTask', async (req, next) => {
    const body = req.call.body as RunTaskCommandInput;
    const strategy = body.capacityProviderStrategy ?? [];
    if (strategy.length === 0 || strategy.some((s) => s.capacityProvider !== 'FARGATE' && s.capacityProvider !== 'FARGATE_SPOT')) return next();
    const chosen = strategy.find((s) => (s.base ?? 0) > 0) ?? strategy.find((s) => (s.weight ?? 0) > 0) ?? strategy[0];
    const { capacityProviderStrategy, ...rest } = body;
    void capacityProviderStrategy;
    rewriteBody(req, { ...rest, launchType: 'FARGATE' });
    const response = await next();
    if (response.status !== 200) return response;
    const json = parseJson(response.body) as { tasks?: WireTask[] };
    return jsonResponse(response, { ...json, tasks: (json.tasks ?? []).map((t) => ({ ...t, capacityProviderName: chosen?.capacityProvider })) });
  });
}

// ---------------------------------------------------------------------------------------
// The scripted task.

/** A task as ECS sends it on the wire (times in epoch seconds). */
interface WireTask {
  taskArn: string;
  lastStatus?: string;
  desiredStatus?: string;
  containers?: Array<Record<string, unknown>>;
  [member: string]: unknown;
}

interface TaskFailure {
  arn?: string;
  reason?: string;
  [member: string]: unknown;
}

type Phase = 'PROVISIONING' | 'RUNNING' | 'STOPPED';

function phaseAt(life: TaskLife, run: ScriptedTaskRun, at: number): { phase: Phase; stoppedAt?: number; byUser?: boolean } {
  const natural = life.stoppedAfterMs === undefined ? undefined : run.startedAt + life.stoppedAfterMs;
  const byUser = run.stopped !== undefined && (natural === undefined || run.stopped.at < natural) ? run.stopped.at : undefined;
  const stoppedAt = byUser ?? natural;
  if (stoppedAt !== undefined && at >= stoppedAt) return { phase: 'STOPPED', stoppedAt, byUser: byUser !== undefined };
  if (at >= run.startedAt + life.runningAfterMs) return { phase: 'RUNNING' };
  return { phase: 'PROVISIONING' };
}

function scriptedTask(base: WireTask, run: ScriptedTaskRun, life: TaskLife, at: number): WireTask {
  const { phase, stoppedAt, byUser } = phaseAt(life, run, at);
  const seconds = (ms: number): number => ms / 1000;
  const runningAt = run.startedAt + life.runningAfterMs;
  const ran = phase === 'RUNNING' || (stoppedAt !== undefined && stoppedAt > runningAt);
  const motoContainers = base.containers ?? [];
  const scripted: ScriptedContainer[] = life.containers.length > 0 ? life.containers : motoContainers.map((c) => ({ name: String(c['name'] ?? 'app') }));
  const containers = scripted.map((c, i) => {
    const fromMoto = motoContainers.find((m) => m['name'] === c.name);
    const stoppedState = byUser === true ? { exitCode: STOPPED_BY_USER_EXIT_CODE } : { exitCode: c.exitCode, reason: c.reason };
    return {
      // moto gives containers the task definition's ARN as taskArn.
      containerArn: `${base.taskArn.replace(':task/', ':container/')}/${(i + 1).toString(16).padStart(8, '0')}-scripted`,
      taskArn: base.taskArn,
      name: c.name,
      ...(typeof fromMoto?.['image'] === 'string' ? { image: fromMoto['image'] } : {}),
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
    ...(ran ? { pullStartedAt: seconds(run.startedAt), pullStoppedAt: seconds(runningAt), startedAt: seconds(runningAt) } : {}),
    ...stopped,
    containers,
  };
}

function definedOnly(record: Record<string, unknown>): Record<string, unknown> {
  return Object.fromEntries(Object.entries(record).filter(([, value]) => value !== undefined));
}

// ---------------------------------------------------------------------------------------
// Names.

function matches(match: TaskMatch, request: RunTaskCommandInput): boolean {
  if (match.family !== undefined && familyOf(request.taskDefinition ?? '') !== match.family) return false;
  if (match.startedBy !== undefined && request.startedBy !== match.startedBy) return false;
  if (match.cluster !== undefined && clusterName(request.cluster) !== clusterName(match.cluster)) return false;
  return true;
}

function describeMatch(match: TaskMatch): string {
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
function clusterName(ref: string | undefined): string {
  return ref === undefined || ref === '' ? 'default' : (ref.split('/').pop() ?? ref);
}

/** `arn:aws:ecs:<region>:<account>:task/<cluster>/<id>`. */
function clusterOfTask(taskArn: string): string {
  return taskArn.split('/').at(-2) ?? 'default';
}

/** The ARN among `known` that `ref` names, by ARN or by task id (as ECS accepts both). */
function arnOf(known: Iterable<string>, ref: string): string | undefined {
  for (const arn of known) {
    if (arn === ref || arn.split('/').pop() === ref) return arn;
  }
  return undefined;
}

/** Overlays cannot hand `next()` a new request, so the body is replaced where forwarding reads it. */
function rewriteBody(req: ProxyRequest, body: object): void {
  const payload = Buffer.from(JSON.stringify(body));
  req.body = payload;
  req.headers = { ...req.headers, 'content-length': String(payload.length) };
}
