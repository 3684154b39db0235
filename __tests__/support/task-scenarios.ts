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
import type { ProxyCore, ProxyRequest, ProxyResponse } from './scenario-proxy-core.ts';
import { jsonResponse, parseJson } from './scenario-proxy-core.ts';
import type { TaskFailure, WireTask } from './task-scripts.ts';
import {
  arnOf,
  clusterName,
  clusterOfTask,
  describeMatch,
  ESSENTIAL_CONTAINER_EXITED,
  familyOf,
  matches,
  scriptedTask,
} from './task-scripts.ts';

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

export { ESSENTIAL_CONTAINER_EXITED, familyOf, STOPPED_BY_USER_EXIT_CODE } from './task-scripts.ts';

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
    if (!(name in exitCodes))
      throw new Error(`taskExits: reasons names container '${name}', which exitCodes does not list`);
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

  const stateOf = (arn: string, at = now()): WireTask | undefined => {
    const entry = tasks.get(arn);
    return entry === undefined ? undefined : scriptedTask(entry.base, entry.run, life, at);
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
    const body = req.call.body as { cluster?: unknown; tasks?: unknown; include?: unknown };
    const wanted = Array.isArray(body.tasks) ? body.tasks.filter((t): t is string => typeof t === 'string') : [];
    const ours = new Map<string, string>(); // as asked -> ARN
    for (const ref of wanted) {
      const arn = arnOf(tasks.keys(), ref);
      if (arn !== undefined) ours.set(ref, arn);
    }
    if (ours.size === 0) return next();
    // The task as it is when the request arrived (its recorded `at`), however long moto takes.
    const askedAt = life.now === undefined ? req.call.at : now();
    const response = await next();
    if (response.status !== 200) return response;
    describes += 1;
    const json = parseJson(response.body) as { tasks?: WireTask[]; failures?: TaskFailure[] };
    const oursArns = new Set(ours.values());
    const others = (json.tasks ?? []).filter((t) => !oursArns.has(t.taskArn));
    const failures = (json.failures ?? []).filter(
      (f) => f.arn === undefined || arnOf(oursArns.values(), f.arn) === undefined,
    );
    // Real ECS looks tasks up in the cluster asked for (moto searches every cluster).
    const cluster = clusterName(typeof body.cluster === 'string' ? body.cluster : undefined);
    const answered: WireTask[] = [];
    // Tags only with include: ['TAGS'], as ECS answers; moto keeps the ones RunTask gave.
    const withTags = Array.isArray(body.include) && body.include.includes('TAGS');
    for (const [ref, arn] of ours) {
      const task = stateOf(arn, askedAt);
      if (task === undefined || clusterOfTask(arn) !== cluster) {
        failures.push({ arn: ref, reason: 'MISSING' });
        continue;
      }
      const { tags, ...untagged } = task;
      void tags;
      const motoTags = (json.tasks ?? []).find((t) => t.taskArn === arn)?.tags;
      answered.push(withTags ? { ...untagged, tags: motoTags ?? [] } : untagged);
    }
    return jsonResponse(response, { ...json, tasks: [...others, ...answered], failures });
  });

  proxy.overlay('ecs', 'ListTasks', async (req, next) => {
    const response = await next();
    if (response.status !== 200 || tasks.size === 0) return response;
    const filter = req.call.body as {
      cluster?: unknown;
      startedBy?: unknown;
      family?: unknown;
      desiredStatus?: unknown;
      containerInstance?: unknown;
      serviceName?: unknown;
    };
    const json = parseJson(response.body) as { taskArns?: string[]; nextToken?: string };
    // ECS lists RUNNING when no desiredStatus is given; moto lists every task then.
    const desired = typeof filter.desiredStatus === 'string' ? filter.desiredStatus : 'RUNNING';
    const listed = (json.taskArns ?? []).filter((arn) => !tasks.has(arn) || stateOf(arn)?.desiredStatus === desired);
    const canAdd =
      filter.containerInstance === undefined && filter.serviceName === undefined && json.nextToken === undefined;
    for (const [arn, entry] of canAdd ? tasks : []) {
      const task = stateOf(arn);
      if (task === undefined || listed.includes(arn) || task.desiredStatus !== desired) continue;
      if (clusterOfTask(arn) !== clusterName(typeof filter.cluster === 'string' ? filter.cluster : undefined)) continue;
      if (typeof filter.startedBy === 'string' && entry.run.request.startedBy !== filter.startedBy) continue;
      if (typeof filter.family === 'string' && familyOf(String(task.taskDefinitionArn ?? '')) !== filter.family)
        continue;
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
      entry.run.stopped = {
        at: now(),
        reason: typeof body.reason === 'string' && body.reason !== '' ? body.reason : 'Task stopped by user',
      };
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
    if (
      strategy.length === 0 ||
      strategy.some((s) => s.capacityProvider !== 'FARGATE' && s.capacityProvider !== 'FARGATE_SPOT')
    )
      return next();
    const chosen = strategy.find((s) => (s.base ?? 0) > 0) ?? strategy.find((s) => (s.weight ?? 0) > 0) ?? strategy[0];
    const { capacityProviderStrategy, ...rest } = body;
    void capacityProviderStrategy;
    rewriteBody(req, { ...rest, launchType: 'FARGATE' });
    const response = await next();
    if (response.status !== 200) return response;
    const json = parseJson(response.body) as { tasks?: WireTask[] };
    return jsonResponse(response, {
      ...json,
      tasks: (json.tasks ?? []).map((t) => ({ ...t, capacityProviderName: chosen?.capacityProvider })),
    });
  });
}

/** Overlays cannot hand `next()` a new request, so the body is replaced where forwarding reads it. */
function rewriteBody(req: ProxyRequest, body: object): void {
  const payload = Buffer.from(JSON.stringify(body));
  req.body = payload;
  req.headers = { ...req.headers, 'content-length': String(payload.length) };
}
