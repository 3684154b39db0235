export const id = 91;
export const ids = [91];
export const modules = {

/***/ 6592:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {


// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  Jv: () => (/* binding */ describeService),
  MH: () => (/* binding */ describeServiceDeployment),
  XG: () => (/* binding */ describeServiceRevisions),
  oh: () => (/* binding */ describeTaskDefinition),
  yz: () => (/* binding */ describeTasks),
  dh: () => (/* binding */ describeTasksWithTags),
  fc: () => (/* binding */ listRunningTasks),
  C0: () => (/* binding */ listServiceDeployments),
  em: () => (/* binding */ listStoppedTasks),
  eQ: () => (/* binding */ registerTaskDefinition),
  ZZ: () => (/* binding */ runTask),
  dD: () => (/* binding */ stopServiceDeployment),
  S8: () => (/* binding */ stopTask),
  bU: () => (/* binding */ updateService)
});

// EXTERNAL MODULE: ./node_modules/@aws-sdk/client-ecs/dist-cjs/index.js
var dist_cjs = __webpack_require__(212);
// EXTERNAL MODULE: ./src/errors.ts
var errors = __webpack_require__(3916);
// EXTERNAL MODULE: ./src/plan/json.ts
var json = __webpack_require__(2877);
;// CONCATENATED MODULE: ./src/aws/raw-json.ts

function stackOf(command) {
    return command.middlewareStack;
}
/** Captures the parsed JSON body of the command's response; read it after `send`. */
function captureRawResponse(command) {
    let captured;
    stackOf(command).add((next) => async (args) => {
        const result = await next(args);
        const response = result.response;
        const bytes = await readBody(response.body);
        // Hand the deserializer a body it can read again.
        response.body = bytes;
        captured = bytes.length > 0 ? JSON.parse(new TextDecoder().decode(bytes)) : undefined;
        return result;
    }, 
    // Low priority in the deserialize step runs inside the SDK's deserializer, so it sees
    // the raw HTTP response before the deserializer consumes it.
    { step: 'deserialize', priority: 'low', name: 'imageDeployCaptureRawResponse' });
    return { json: () => captured };
}
/** Adds to the serialized JSON request every member of `raw` that the SDK left out. */
function sendUnknownMembers(command, raw) {
    stackOf(command).add((next) => async (args) => {
        const request = args.request;
        if (request && request.body !== undefined) {
            const text = typeof request.body === 'string' ? request.body : new TextDecoder().decode(request.body);
            const body = JSON.parse(text);
            const merged = fillMissing(body, raw);
            request.body = JSON.stringify(merged);
            // Content length is computed after this middleware (high priority runs first).
            delete request.headers['content-length'];
            delete request.headers['Content-Length'];
        }
        return next(args);
    }, { step: 'build', priority: 'high', name: 'imageDeploySendUnknownMembers' });
}
/**
 * Returns `target` with every member of `source` that `target` lacks, recursively through
 * objects and through arrays of equal length (container definitions keep their order).
 */
function fillMissing(target, source) {
    if (Array.isArray(target) && Array.isArray(source) && target.length === source.length) {
        return target.map((item, i) => fillMissing(item, source[i]));
    }
    if ((0,json/* isRecord */.u)(target) && (0,json/* isRecord */.u)(source)) {
        const result = { ...target };
        for (const [key, value] of Object.entries(source)) {
            if (value === undefined)
                continue;
            result[key] = key in target ? fillMissing(target[key], value) : value;
        }
        return result;
    }
    return target;
}
async function readBody(body) {
    if (body === undefined || body === null)
        return new Uint8Array();
    if (body instanceof Uint8Array)
        return body;
    if (typeof body === 'string')
        return new TextEncoder().encode(body);
    if (typeof body[Symbol.asyncIterator] === 'function') {
        const chunks = [];
        for await (const chunk of body) {
            chunks.push(typeof chunk === 'string' ? new TextEncoder().encode(chunk) : chunk);
        }
        return Buffer.concat(chunks);
    }
    throw new Error('Unexpected response body type from the AWS SDK');
}

;// CONCATENATED MODULE: ./src/aws/ecs.ts



/** The service, or undefined when ECS reports it MISSING. */
async function describeService(ecs, ref) {
    try {
        const out = await ecs.send(new dist_cjs.DescribeServicesCommand({ cluster: ref.cluster, services: [ref.service] }));
        return out.services?.[0];
    }
    catch (error) {
        throw new errors/* AwsCallError */.iQ(`DescribeServices for '${ref.service}' in cluster '${ref.cluster}'`, error);
    }
}
async function describeTaskDefinition(ecs, ref) {
    const command = new dist_cjs.DescribeTaskDefinitionCommand({ taskDefinition: ref, include: ['TAGS'] });
    const raw = captureRawResponse(command);
    try {
        await ecs.send(command);
    }
    catch (error) {
        throw new errors/* AwsCallError */.iQ(`DescribeTaskDefinition for '${ref}'`, error);
    }
    const json = raw.json();
    if (!json?.taskDefinition)
        throw new errors/* AwsCallError */.iQ(`DescribeTaskDefinition for '${ref}'`, 'the response had no taskDefinition');
    return { taskDefinition: json.taskDefinition, tags: json.tags ?? [] };
}
/** Registers the definition with every member it has, and returns the new revision's ARN. */
async function registerTaskDefinition(ecs, taskDefinition, tags) {
    const raw = { ...taskDefinition, ...(tags.length > 0 ? { tags } : {}) };
    const command = new dist_cjs.RegisterTaskDefinitionCommand(raw);
    sendUnknownMembers(command, raw);
    try {
        const out = await ecs.send(command);
        const arn = out.taskDefinition?.taskDefinitionArn;
        if (!arn)
            throw new Error('the response had no taskDefinitionArn');
        return arn;
    }
    catch (error) {
        throw new errors/* AwsCallError */.iQ(`RegisterTaskDefinition for family '${String(taskDefinition['family'])}'`, error);
    }
}
async function updateService(ecs, update) {
    return (0,errors/* asked */.NZ)(`UpdateService for '${update.service}' in cluster '${update.cluster}'`, async () => {
        const out = await ecs.send(new dist_cjs.UpdateServiceCommand({
            cluster: update.cluster,
            service: update.service,
            taskDefinition: update.taskDefinition,
            forceNewDeployment: update.forceNewDeployment,
            ...(update.desiredCount === undefined ? {} : { desiredCount: update.desiredCount }),
        }));
        return (0,errors/* required */.mw)(out.service, 'service');
    });
}
/** ARNs of stopped tasks started by a deployment (its id is their startedBy). */
async function listStoppedTasks(ecs, cluster, startedBy) {
    try {
        const out = await ecs.send(new dist_cjs.ListTasksCommand({ cluster, startedBy, desiredStatus: 'STOPPED' }));
        return out.taskArns ?? [];
    }
    catch (error) {
        throw new errors/* AwsCallError */.iQ(`ListTasks started by '${startedBy}' in cluster '${cluster}'`, error);
    }
}
const DESCRIBE_TASKS_LIMIT = 100;
async function describeTasks(ecs, cluster, taskArns) {
    if (taskArns.length === 0)
        return [];
    try {
        const out = await ecs.send(new dist_cjs.DescribeTasksCommand({ cluster, tasks: taskArns.slice(0, DESCRIBE_TASKS_LIMIT) }));
        return out.tasks ?? [];
    }
    catch (error) {
        throw new errors/* AwsCallError */.iQ(`DescribeTasks in cluster '${cluster}'`, error);
    }
}
/** Starts one task; ECS answers placement problems as `failures`, not as an error. */
async function runTask(ecs, request) {
    try {
        const out = await ecs.send(new dist_cjs.RunTaskCommand(request));
        return { ...(out.tasks?.[0] === undefined ? {} : { task: out.tasks[0] }), failures: out.failures ?? [] };
    }
    catch (error) {
        throw new errors/* AwsCallError */.iQ(`RunTask for '${String(request.taskDefinition)}' in cluster '${String(request.cluster)}'`, error);
    }
}
/** The service's deployment records created at or after `since`, newest first (one page). */
async function listServiceDeployments(ecs, ref, since) {
    try {
        const out = await ecs.send(new dist_cjs.ListServiceDeploymentsCommand({ cluster: ref.cluster, service: ref.service, createdAt: { after: since } }));
        return out.serviceDeployments ?? [];
    }
    catch (error) {
        throw new errors/* AwsCallError */.iQ(`ListServiceDeployments for '${ref.service}' in cluster '${ref.cluster}'`, error);
    }
}
/** One deployment record, or undefined when ECS does not know it (yet). */
async function describeServiceDeployment(ecs, arn) {
    try {
        const out = await ecs.send(new dist_cjs.DescribeServiceDeploymentsCommand({ serviceDeploymentArns: [arn] }));
        return out.serviceDeployments?.find((d) => d.serviceDeploymentArn === arn) ?? out.serviceDeployments?.[0];
    }
    catch (error) {
        throw new errors/* AwsCallError */.iQ(`DescribeServiceDeployments for '${arn}'`, error);
    }
}
/**
 * Service revisions (what each deployment targets: its task definition), up to 20 per call
 * as the API allows; revisions ECS does not know are left out.
 */
async function describeServiceRevisions(ecs, arns) {
    if (arns.length === 0)
        return [];
    try {
        const out = await ecs.send(new dist_cjs.DescribeServiceRevisionsCommand({ serviceRevisionArns: arns.slice(0, 20) }));
        return out.serviceRevisions ?? [];
    }
    catch (error) {
        throw new errors/* AwsCallError */.iQ(`DescribeServiceRevisions for ${arns.length} revision(s)`, error);
    }
}
/** Asks ECS to stop a PENDING or IN_PROGRESS deployment, rolling it back with `ROLLBACK`. */
async function stopServiceDeployment(ecs, arn, stopType) {
    try {
        await ecs.send(new dist_cjs.StopServiceDeploymentCommand({ serviceDeploymentArn: arn, stopType }));
    }
    catch (error) {
        throw new errors/* AwsCallError */.iQ(`StopServiceDeployment (${stopType}) for '${arn}'`, error);
    }
}
/**
 * One page of the cluster's tasks with desiredStatus RUNNING started by `startedBy`. The
 * ListTasks reference says startedBy "must be the only filter that you use"; RUNNING is
 * what ListTasks lists when no desiredStatus is given, so none is sent.
 */
async function listRunningTasks(ecs, cluster, startedBy, nextToken) {
    return (0,errors/* asked */.NZ)(`ListTasks (RUNNING) started by '${startedBy}' in cluster '${cluster}'`, async () => {
        const out = await ecs.send(new dist_cjs.ListTasksCommand({ cluster, startedBy, ...(nextToken === undefined ? {} : { nextToken }) }));
        return { taskArns: out.taskArns ?? [], ...(out.nextToken === undefined ? {} : { nextToken: out.nextToken }) };
    });
}
/** The tasks with their tags (`include: ['TAGS']`), at most 100 per call. */
async function describeTasksWithTags(ecs, cluster, taskArns) {
    if (taskArns.length === 0)
        return [];
    return (0,errors/* asked */.NZ)(`DescribeTasks (with tags) in cluster '${cluster}'`, async () => {
        const out = await ecs.send(new dist_cjs.DescribeTasksCommand({ cluster, tasks: taskArns.slice(0, DESCRIBE_TASKS_LIMIT), include: ['TAGS'] }));
        return out.tasks ?? [];
    });
}
/** Asks ECS to stop the task; `reason` shows in DescribeTasks as its stoppedReason. */
async function stopTask(ecs, cluster, taskArn, reason) {
    return (0,errors/* asked */.NZ)(`StopTask for '${taskArn}' in cluster '${cluster}'`, async () => {
        const out = await ecs.send(new dist_cjs.StopTaskCommand({ cluster, task: taskArn, reason }));
        return out.task;
    });
}


/***/ }),

/***/ 8316:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   L8: () => (/* binding */ rolloutProgressLine),
/* harmony export */   M5: () => (/* binding */ summarizeTaskFailures),
/* harmony export */   Pu: () => (/* binding */ serviceEventKey),
/* harmony export */   bt: () => (/* binding */ newServiceEvents),
/* harmony export */   jy: () => (/* binding */ formatServiceEvent),
/* harmony export */   us: () => (/* binding */ describeStoppedTask)
/* harmony export */ });
/* harmony import */ var _aws_names_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(8983);
// What a person reads while a deployment rolls out: progress lines, service events,
// stopped tasks. Pure: the steps print what these return.

/** e.g. `new web:5 (ecs-svc/2) IN_PROGRESS running 1/2 pending 1 failed 0 | old web:4 running 2/2` */
function rolloutProgressLine(service, deploymentId) {
    const { ours, others } = viewDeployments(service, deploymentId);
    const head = ours === undefined
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
function viewDeployments(service, deploymentId) {
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
function viewDeployment(d, role) {
    return {
        role,
        taskDefinition: (0,_aws_names_js__WEBPACK_IMPORTED_MODULE_0__/* .taskDefinitionLabel */ .$7)(d.taskDefinition),
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
function serviceEventKey(event) {
    return event.id ?? `${event.createdAt?.toISOString() ?? ''} ${event.message ?? ''}`;
}
/** Events since `since` not yet seen, oldest first (ECS lists newest first). */
function newServiceEvents(events, since, seen) {
    const fresh = (events ?? []).filter((e) => e.createdAt !== undefined && e.createdAt.getTime() >= since.getTime() && !seen.has(serviceEventKey(e)));
    // Reverse first so events with equal timestamps also come out oldest first.
    return fresh.reverse().sort((a, b) => time(a.createdAt) - time(b.createdAt));
}
function formatServiceEvent(event) {
    const text = `event: ${event.message ?? '(no message)'}`;
    return event.createdAt === undefined ? text : `${event.createdAt.toISOString()} ${text}`;
}
/** `task <id> stopped (<stopCode>): <stoppedReason>`, then one line per telling container. */
function describeStoppedTask(task, options = {}) {
    const code = task.stopCode === undefined ? '' : ` (${task.stopCode})`;
    const reason = task.stoppedReason?.trim() || 'no stop reason given';
    const head = `task ${(0,_aws_names_js__WEBPACK_IMPORTED_MODULE_0__/* .taskIdOf */ .G6)(task.taskArn)} stopped${code}: ${reason}`;
    const containers = (task.containers ?? [])
        .filter((c) => !isQuietSidecar(c, options.nonEssentialContainers))
        .map(describeContainer);
    return [head, ...containers];
}
/** Newest first, at most `limit` tasks; says how many were left out. */
function summarizeTaskFailures(tasks, limit = 5, options = {}) {
    const newestFirst = [...tasks].sort((a, b) => time(b.stoppedAt ?? b.createdAt) - time(a.stoppedAt ?? a.createdAt));
    const shown = newestFirst.slice(0, Math.max(0, limit));
    const lines = shown.flatMap((t) => describeStoppedTask(t, options));
    const rest = tasks.length - shown.length;
    if (rest > 0)
        lines.push(`... and ${rest} more stopped ${rest === 1 ? 'task' : 'tasks'}`);
    return lines;
}
function describeContainer(container) {
    const exit = container.exitCode === undefined ? 'no exit code' : `exit code ${container.exitCode}`;
    const reason = container.reason?.trim();
    return `  container ${container.name ?? '(unnamed)'}: ${exit}${reason ? ` — ${reason}` : ''}`;
}
// A non-essential sidecar that ended cleanly (or never reported) explains nothing.
function isQuietSidecar(container, nonEssential) {
    if (container.name === undefined || nonEssential?.has(container.name) !== true)
        return false;
    const clean = container.exitCode === undefined || container.exitCode === 0;
    return clean && !container.reason?.trim();
}
function time(date) {
    return date?.getTime() ?? 0;
}


/***/ }),

/***/ 4390:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   Lu: () => (/* binding */ deploymentFailed),
/* harmony export */   ij: () => (/* binding */ deploymentInProgress),
/* harmony export */   s3: () => (/* binding */ classifyRollout),
/* harmony export */   sg: () => (/* binding */ primaryDeployment)
/* harmony export */ });
/* harmony import */ var _aws_names_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(8983);
/* harmony import */ var _verdict_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(7282);


function primaryDeployment(service) {
    return service.deployments?.find((d) => d.status === 'PRIMARY');
}
/**
 * The PRIMARY deployment still rolling out `taskDefinition` (ARN or family:revision), if
 * any. When the service already runs the target, this is a deployment an earlier run
 * started (and was killed while waiting for): a re-run follows it instead of starting another.
 */
function deploymentInProgress(service, taskDefinition) {
    const primary = primaryDeployment(service);
    if (primary?.id === undefined || primary.rolloutState !== 'IN_PROGRESS')
        return undefined;
    return (0,_aws_names_js__WEBPACK_IMPORTED_MODULE_0__/* .taskDefinitionLabel */ .$7)(primary.taskDefinition) === (0,_aws_names_js__WEBPACK_IMPORTED_MODULE_0__/* .taskDefinitionLabel */ .$7)(taskDefinition) ? primary : undefined;
}
/**
 * The PRIMARY deployment of `taskDefinition` when its rollout FAILED and nothing rolled it
 * back (no circuit-breaker rollback): the service "runs" the target on paper, but it never
 * came up. A re-run must not call that unchanged.
 */
function deploymentFailed(service, taskDefinition) {
    const primary = primaryDeployment(service);
    if (primary?.id === undefined || primary.rolloutState !== 'FAILED')
        return undefined;
    return (0,_aws_names_js__WEBPACK_IMPORTED_MODULE_0__/* .taskDefinitionLabel */ .$7)(primary.taskDefinition) === (0,_aws_names_js__WEBPACK_IMPORTED_MODULE_0__/* .taskDefinitionLabel */ .$7)(taskDefinition) ? primary : undefined;
}
/**
 * Judges one DescribeServices snapshot. Unlike the SDK's ServicesStable waiter, success
 * needs *our* deployment to be completed and alone, so a finished rollback is a failure.
 */
function classifyRollout(input) {
    const { service, deploymentId, maxFailedTasks } = input;
    if (service === undefined) {
        return (0,_verdict_js__WEBPACK_IMPORTED_MODULE_1__/* .failed */ .gz)('service-inactive', `service '${input.where.service}' disappeared from cluster '${input.where.cluster}' while deploying`);
    }
    const name = `service '${serviceLabel(service)}'`;
    // Undefined status is tolerated: some emulators leave it out.
    if (service.status !== undefined && service.status !== 'ACTIVE') {
        return (0,_verdict_js__WEBPACK_IMPORTED_MODULE_1__/* .failed */ .gz)('service-inactive', `${name} is ${service.status}: it was deleted or is being deleted, so deployment ${deploymentId} cannot complete`);
    }
    const deployments = service.deployments ?? [];
    const ours = deployments.find((d) => d.id === deploymentId);
    const primary = primaryDeployment(service);
    const primaryIsOther = primary !== undefined && primary.id !== deploymentId;
    if (ours === undefined) {
        const now = primary === undefined
            ? 'no deployment is PRIMARY now'
            : `ECS now runs ${deploymentLabel(primary)}, probably a rollback`;
        return (0,_verdict_js__WEBPACK_IMPORTED_MODULE_1__/* .failed */ .gz)('replaced', `deployment ${deploymentId} is gone from ${name}; ${now}`);
    }
    if (ours.rolloutState === 'FAILED') {
        const why = ours.rolloutStateReason?.trim() || 'ECS gave no reason';
        const rollback = primaryIsOther && primary !== undefined
            ? `; ECS is rolling back to ${(0,_aws_names_js__WEBPACK_IMPORTED_MODULE_0__/* .taskDefinitionLabel */ .$7)(primary.taskDefinition)} (${primary.id ?? 'unknown id'})`
            : '';
        return (0,_verdict_js__WEBPACK_IMPORTED_MODULE_1__/* .failed */ .gz)('rollout-failed', `deployment ${deploymentId} of ${name} failed: ${why}${rollback}`);
    }
    if (ours.status !== 'PRIMARY') {
        const now = primary === undefined
            ? 'no deployment is PRIMARY now'
            : `ECS now runs ${deploymentLabel(primary)}, a rollback or a newer deployment`;
        return (0,_verdict_js__WEBPACK_IMPORTED_MODULE_1__/* .failed */ .gz)('replaced', `deployment ${deploymentId} of ${name} is no longer the primary one (status ${ours.status ?? 'unknown'}); ${now}`);
    }
    const failedTasks = ours.failedTasks ?? 0;
    if (maxFailedTasks > 0 && failedTasks >= maxFailedTasks) {
        return (0,_verdict_js__WEBPACK_IMPORTED_MODULE_1__/* .failed */ .gz)('too-many-failed-tasks', `${failedTasks} ${failedTasks === 1 ? 'task' : 'tasks'} of deployment ${deploymentId} failed (max-failed-tasks is ${maxFailedTasks})`);
    }
    // An older deployment still draining means old tasks still serve traffic: not done yet.
    const alone = deployments.length === 1;
    if (alone && isRolledOut(ours))
        return { state: 'succeeded' };
    return { state: 'pending' };
}
function isRolledOut(deployment) {
    if (deployment.rolloutState !== undefined)
        return deployment.rolloutState === 'COMPLETED';
    // No rolloutState (other deployment controllers, emulators): fall back to the counts.
    const running = deployment.runningCount ?? 0;
    const desired = deployment.desiredCount ?? 0;
    const pending = deployment.pendingCount ?? 0;
    return running >= desired && pending === 0;
}
function deploymentLabel(deployment) {
    return `${deployment.id ?? 'an unknown deployment'} (${(0,_aws_names_js__WEBPACK_IMPORTED_MODULE_0__/* .taskDefinitionLabel */ .$7)(deployment.taskDefinition)})`;
}
function serviceLabel(service) {
    return service.serviceName ?? service.serviceArn ?? 'unknown';
}


/***/ }),

/***/ 910:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   f: () => (/* binding */ waitFor)
/* harmony export */ });
/* unused harmony export HEARTBEAT_MS */
/* harmony import */ var _errors_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(3916);
/* harmony import */ var _plan_duration_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(2983);


const HEARTBEAT_MS = 60_000;
/**
 * The one poll loop. Polls at once, then every interval; never sleeps past the deadline,
 * so a timeout is reported when it happens, with the last state seen.
 */
async function waitFor(options, clock) {
    const started = clock.now();
    const deadline = started + options.timeoutMs;
    const heartbeat = options.heartbeatMs ?? HEARTBEAT_MS;
    let lastState;
    let lastSaid = started;
    const { signal } = options;
    const cancelled = () => new _errors_js__WEBPACK_IMPORTED_MODULE_0__/* .CancelledError */ .cc(`The job was cancelled after ${(0,_plan_duration_js__WEBPACK_IMPORTED_MODULE_1__/* .formatDuration */ .a)(clock.now() - started)} waiting for ${options.what}. Last state: ${lastState ?? 'none yet'}`);
    for (;;) {
        if (isAborted(signal))
            throw cancelled();
        const poll = await options.check();
        if (poll.done)
            return poll.value;
        if (poll.state !== lastState) {
            options.onProgress(poll.state);
            lastState = poll.state;
            lastSaid = clock.now();
        }
        else if (clock.now() - lastSaid >= heartbeat) {
            // Ten silent minutes read like a hung step: say what is awaited, and since when.
            options.onProgress(`still waiting for ${options.what} (${(0,_plan_duration_js__WEBPACK_IMPORTED_MODULE_1__/* .formatDuration */ .a)(clock.now() - started)} so far): ${poll.state}`);
            lastSaid = clock.now();
        }
        const remaining = deadline - clock.now();
        if (remaining <= 0) {
            throw new _errors_js__WEBPACK_IMPORTED_MODULE_0__/* .TimeoutError */ .MU(`Timed out after ${(0,_plan_duration_js__WEBPACK_IMPORTED_MODULE_1__/* .formatDuration */ .a)(clock.now() - started)} waiting for ${options.what}. Last state: ${lastState}`);
        }
        // deps.sleep itself wakes when the job is cancelled (main.ts): one mechanism, checked here.
        await clock.sleep(Math.min(poll.nextMs ?? options.intervalMs, remaining));
        if (isAborted(signal))
            throw cancelled();
    }
}
function isAborted(signal) {
    return signal?.aborted === true;
}


/***/ })

};
