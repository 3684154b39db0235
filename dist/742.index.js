export const id = 742;
export const ids = [742];
export const modules = {

/***/ 1032:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   C0: () => (/* binding */ listServiceDeployments),
/* harmony export */   Ge: () => (/* binding */ describeServices),
/* harmony export */   Jv: () => (/* binding */ describeService),
/* harmony export */   MH: () => (/* binding */ describeServiceDeployment),
/* harmony export */   Pr: () => (/* binding */ describeServiceDeployments),
/* harmony export */   S8: () => (/* binding */ stopTask),
/* harmony export */   XG: () => (/* binding */ describeServiceRevisions),
/* harmony export */   ZZ: () => (/* binding */ runTask),
/* harmony export */   bU: () => (/* binding */ updateService),
/* harmony export */   dD: () => (/* binding */ stopServiceDeployment),
/* harmony export */   dh: () => (/* binding */ describeTasksWithTags),
/* harmony export */   eQ: () => (/* binding */ registerTaskDefinition),
/* harmony export */   em: () => (/* binding */ listStoppedTasks),
/* harmony export */   fc: () => (/* binding */ listRunningTasks),
/* harmony export */   oh: () => (/* binding */ describeTaskDefinition),
/* harmony export */   yz: () => (/* binding */ describeTasks)
/* harmony export */ });
/* harmony import */ var _aws_sdk_client_ecs__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(212);
/* harmony import */ var _errors_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(3916);
/* harmony import */ var _raw_json_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(2402);



/** The service, or undefined when ECS reports it MISSING. */
async function describeService(ecs, ref) {
    return (await describeServices(ecs, ref.cluster, [ref.service])).get(ref.service);
}
/**
 * Several services of one cluster in one call (DescribeServices takes up to 10): each name
 * as given maps to its service, or to undefined when ECS reports it MISSING.
 */
async function describeServices(ecs, cluster, services) {
    try {
        const out = await ecs.send(new _aws_sdk_client_ecs__WEBPACK_IMPORTED_MODULE_2__.DescribeServicesCommand({ cluster, services }));
        const found = out.services ?? [];
        // A name may be given as the service's name or its ARN; ECS answers with both.
        const match = (ref) => found.find((s) => s.serviceArn === ref ||
            s.serviceName === ref ||
            (s.serviceName !== undefined && ref.endsWith(`/${s.serviceName}`)));
        // One asked, one answered: that is it, however ECS spells it (as describeService reads it).
        if (services.length === 1)
            return new Map(services.map((ref) => [ref, found[0]]));
        return new Map(services.map((ref) => [ref, match(ref)]));
    }
    catch (error) {
        throw new _errors_js__WEBPACK_IMPORTED_MODULE_0__/* .AwsCallError */ .iQ(`DescribeServices for ${services.map((s) => `'${s}'`).join(', ')} in cluster '${cluster}'`, error);
    }
}
async function describeTaskDefinition(ecs, ref) {
    const what = `DescribeTaskDefinition for '${ref}'`;
    const command = new _aws_sdk_client_ecs__WEBPACK_IMPORTED_MODULE_2__.DescribeTaskDefinitionCommand({ taskDefinition: ref, include: ['TAGS'] });
    const json = (await (0,_raw_json_js__WEBPACK_IMPORTED_MODULE_1__/* .sendForRawJson */ .U2)(ecs, command, what));
    if (!json?.taskDefinition)
        throw new _errors_js__WEBPACK_IMPORTED_MODULE_0__/* .AwsCallError */ .iQ(what, 'the response had no taskDefinition');
    return { taskDefinition: json.taskDefinition, tags: json.tags ?? [] };
}
/** Registers the definition with every member it has, and returns the new revision's ARN. */
async function registerTaskDefinition(ecs, taskDefinition, tags) {
    const raw = { ...taskDefinition, ...(tags.length > 0 ? { tags } : {}) };
    const command = new _aws_sdk_client_ecs__WEBPACK_IMPORTED_MODULE_2__.RegisterTaskDefinitionCommand(raw);
    (0,_raw_json_js__WEBPACK_IMPORTED_MODULE_1__/* .sendUnknownMembers */ .eZ)(command, raw);
    try {
        const out = await ecs.send(command);
        const arn = out.taskDefinition?.taskDefinitionArn;
        if (!arn)
            throw new Error('the response had no taskDefinitionArn');
        return arn;
    }
    catch (error) {
        throw new _errors_js__WEBPACK_IMPORTED_MODULE_0__/* .AwsCallError */ .iQ(`RegisterTaskDefinition for family '${String(taskDefinition.family)}'`, error);
    }
}
async function updateService(ecs, update) {
    return (0,_errors_js__WEBPACK_IMPORTED_MODULE_0__/* .asked */ .NZ)(`UpdateService for '${update.service}' in cluster '${update.cluster}'`, async () => {
        const out = await ecs.send(new _aws_sdk_client_ecs__WEBPACK_IMPORTED_MODULE_2__.UpdateServiceCommand({
            cluster: update.cluster,
            service: update.service,
            taskDefinition: update.taskDefinition,
            forceNewDeployment: update.forceNewDeployment,
            ...(update.desiredCount === undefined ? {} : { desiredCount: update.desiredCount }),
            ...(update.propagateTags === undefined ? {} : { propagateTags: update.propagateTags }),
            ...(update.enableEcsManagedTags === undefined ? {} : { enableECSManagedTags: update.enableEcsManagedTags }),
        }));
        return (0,_errors_js__WEBPACK_IMPORTED_MODULE_0__/* .required */ .mw)(out.service, 'service');
    });
}
/** ARNs of stopped tasks started by a deployment (its id is their startedBy). */
async function listStoppedTasks(ecs, cluster, startedBy) {
    try {
        const out = await ecs.send(new _aws_sdk_client_ecs__WEBPACK_IMPORTED_MODULE_2__.ListTasksCommand({ cluster, startedBy, desiredStatus: 'STOPPED' }));
        return out.taskArns ?? [];
    }
    catch (error) {
        throw new _errors_js__WEBPACK_IMPORTED_MODULE_0__/* .AwsCallError */ .iQ(`ListTasks started by '${startedBy}' in cluster '${cluster}'`, error);
    }
}
const DESCRIBE_TASKS_LIMIT = 100;
async function describeTasks(ecs, cluster, taskArns) {
    if (taskArns.length === 0)
        return [];
    try {
        const out = await ecs.send(new _aws_sdk_client_ecs__WEBPACK_IMPORTED_MODULE_2__.DescribeTasksCommand({ cluster, tasks: taskArns.slice(0, DESCRIBE_TASKS_LIMIT) }));
        return out.tasks ?? [];
    }
    catch (error) {
        throw new _errors_js__WEBPACK_IMPORTED_MODULE_0__/* .AwsCallError */ .iQ(`DescribeTasks in cluster '${cluster}'`, error);
    }
}
/** Starts one task; ECS answers placement problems as `failures`, not as an error. */
async function runTask(ecs, request) {
    try {
        const out = await ecs.send(new _aws_sdk_client_ecs__WEBPACK_IMPORTED_MODULE_2__.RunTaskCommand(request));
        return { ...(out.tasks?.[0] === undefined ? {} : { task: out.tasks[0] }), failures: out.failures ?? [] };
    }
    catch (error) {
        throw new _errors_js__WEBPACK_IMPORTED_MODULE_0__/* .AwsCallError */ .iQ(`RunTask for '${String(request.taskDefinition)}' in cluster '${String(request.cluster)}'`, error);
    }
}
/** The service's deployment records created at or after `since`, newest first (one page). */
async function listServiceDeployments(ecs, ref, since) {
    try {
        const out = await ecs.send(new _aws_sdk_client_ecs__WEBPACK_IMPORTED_MODULE_2__.ListServiceDeploymentsCommand({ cluster: ref.cluster, service: ref.service, createdAt: { after: since } }));
        return out.serviceDeployments ?? [];
    }
    catch (error) {
        throw new _errors_js__WEBPACK_IMPORTED_MODULE_0__/* .AwsCallError */ .iQ(`ListServiceDeployments for '${ref.service}' in cluster '${ref.cluster}'`, error);
    }
}
/** One deployment record, or undefined when ECS does not know it (yet). */
async function describeServiceDeployment(ecs, arn) {
    const found = await describeServiceDeployments(ecs, [arn]);
    return found.find((d) => d.serviceDeploymentArn === arn) ?? found[0];
}
/** Deployment records, up to 20 per call as the API takes them; those ECS does not know are left out. */
async function describeServiceDeployments(ecs, arns) {
    try {
        const out = await ecs.send(new _aws_sdk_client_ecs__WEBPACK_IMPORTED_MODULE_2__.DescribeServiceDeploymentsCommand({ serviceDeploymentArns: arns.slice(0, 20) }));
        return out.serviceDeployments ?? [];
    }
    catch (error) {
        throw new _errors_js__WEBPACK_IMPORTED_MODULE_0__/* .AwsCallError */ .iQ(`DescribeServiceDeployments for ${arns.length === 1 ? `'${arns[0]}'` : `${arns.length} records`}`, error);
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
        const out = await ecs.send(new _aws_sdk_client_ecs__WEBPACK_IMPORTED_MODULE_2__.DescribeServiceRevisionsCommand({ serviceRevisionArns: arns.slice(0, 20) }));
        return out.serviceRevisions ?? [];
    }
    catch (error) {
        throw new _errors_js__WEBPACK_IMPORTED_MODULE_0__/* .AwsCallError */ .iQ(`DescribeServiceRevisions for ${arns.length} revision(s)`, error);
    }
}
/** Asks ECS to stop a PENDING or IN_PROGRESS deployment, rolling it back with `ROLLBACK`. */
async function stopServiceDeployment(ecs, arn, stopType) {
    try {
        await ecs.send(new _aws_sdk_client_ecs__WEBPACK_IMPORTED_MODULE_2__.StopServiceDeploymentCommand({ serviceDeploymentArn: arn, stopType }));
    }
    catch (error) {
        throw new _errors_js__WEBPACK_IMPORTED_MODULE_0__/* .AwsCallError */ .iQ(`StopServiceDeployment (${stopType}) for '${arn}'`, error);
    }
}
/**
 * One page of the cluster's tasks with desiredStatus RUNNING started by `startedBy`. The
 * ListTasks reference says startedBy "must be the only filter that you use"; RUNNING is
 * what ListTasks lists when no desiredStatus is given, so none is sent.
 */
async function listRunningTasks(ecs, cluster, startedBy, nextToken) {
    return (0,_errors_js__WEBPACK_IMPORTED_MODULE_0__/* .asked */ .NZ)(`ListTasks (RUNNING) started by '${startedBy}' in cluster '${cluster}'`, async () => {
        const out = await ecs.send(new _aws_sdk_client_ecs__WEBPACK_IMPORTED_MODULE_2__.ListTasksCommand({ cluster, startedBy, ...(nextToken === undefined ? {} : { nextToken }) }));
        return { taskArns: out.taskArns ?? [], ...(out.nextToken === undefined ? {} : { nextToken: out.nextToken }) };
    });
}
/** The tasks with their tags (`include: ['TAGS']`), at most 100 per call. */
async function describeTasksWithTags(ecs, cluster, taskArns) {
    if (taskArns.length === 0)
        return [];
    return (0,_errors_js__WEBPACK_IMPORTED_MODULE_0__/* .asked */ .NZ)(`DescribeTasks (with tags) in cluster '${cluster}'`, async () => {
        const out = await ecs.send(new _aws_sdk_client_ecs__WEBPACK_IMPORTED_MODULE_2__.DescribeTasksCommand({ cluster, tasks: taskArns.slice(0, DESCRIBE_TASKS_LIMIT), include: ['TAGS'] }));
        return out.tasks ?? [];
    });
}
/** Asks ECS to stop the task; `reason` shows in DescribeTasks as its stoppedReason. */
async function stopTask(ecs, cluster, taskArn, reason) {
    return (0,_errors_js__WEBPACK_IMPORTED_MODULE_0__/* .asked */ .NZ)(`StopTask for '${taskArn}' in cluster '${cluster}'`, async () => {
        const out = await ecs.send(new _aws_sdk_client_ecs__WEBPACK_IMPORTED_MODULE_2__.StopTaskCommand({ cluster, task: taskArn, reason }));
        return out.task;
    });
}


/***/ }),

/***/ 2402:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   U2: () => (/* binding */ sendForRawJson),
/* harmony export */   eZ: () => (/* binding */ sendUnknownMembers)
/* harmony export */ });
/* unused harmony exports captureRawResponse, fillMissing */
/* harmony import */ var _errors_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(3916);
/* harmony import */ var _plan_json_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(2877);


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
/**
 * Sends the command and returns its answer's JSON as AWS sent it (members this SDK does not
 * model included); errors are wrapped with `what`, like every adapter's.
 */
async function sendForRawJson(client, command, what) {
    const raw = captureRawResponse(command);
    try {
        await client.send(command);
    }
    catch (error) {
        throw new _errors_js__WEBPACK_IMPORTED_MODULE_0__/* .AwsCallError */ .iQ(what, error);
    }
    return raw.json();
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
    if ((0,_plan_json_js__WEBPACK_IMPORTED_MODULE_1__/* .isRecord */ .u)(target) && (0,_plan_json_js__WEBPACK_IMPORTED_MODULE_1__/* .isRecord */ .u)(source)) {
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

/***/ 910:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   $J: () => (/* binding */ throwIfStopped),
/* harmony export */   fm: () => (/* binding */ waitFor),
/* harmony export */   oS: () => (/* binding */ joinSignals)
/* harmony export */ });
/* unused harmony exports HEARTBEAT_MS, stopReason */
/* harmony import */ var _errors_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(3916);
/* harmony import */ var _plan_duration_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(2983);


const HEARTBEAT_MS = 60_000;
/**
 * The one poll loop. Polls at once, then every interval; never sleeps past the deadline,
 * so a timeout is reported when it happens, with the last state seen. Every wait ends on
 * the deps' cancel signal; work that must outlive a cancel passes `uncancellable(deps)`.
 */
async function waitFor(options, clock) {
    const started = clock.now();
    const deadline = started + options.timeoutMs;
    const heartbeat = options.heartbeatMs ?? HEARTBEAT_MS;
    let lastState;
    let lastSaid = started;
    const signal = clock.cancel;
    const cancelled = () => stopReason(signal) ??
        new _errors_js__WEBPACK_IMPORTED_MODULE_0__/* .CancelledError */ .cc(`The job was cancelled after ${(0,_plan_duration_js__WEBPACK_IMPORTED_MODULE_1__/* .formatDuration */ .a)(clock.now() - started)} waiting for ${options.what}. Last state: ${lastState ?? 'none yet'}`);
    for (;;) {
        if (isAborted(signal))
            throw cancelled();
        const poll = await options.check();
        if (poll.done)
            return poll.value;
        if (poll.state !== lastState) {
            options.onProgress(poll.state, 'changed');
            lastState = poll.state;
            lastSaid = clock.now();
        }
        else if (clock.now() - lastSaid >= heartbeat) {
            // Ten silent minutes read like a hung step: say what is awaited, and since when.
            options.onProgress(`still waiting for ${options.what} (${(0,_plan_duration_js__WEBPACK_IMPORTED_MODULE_1__/* .formatDuration */ .a)(clock.now() - started)} so far): ${poll.state}`, 'heartbeat');
            lastSaid = clock.now();
        }
        const remaining = deadline - clock.now();
        if (remaining <= 0) {
            throw new _errors_js__WEBPACK_IMPORTED_MODULE_0__/* .TimeoutError */ .MU(`Timed out after ${(0,_plan_duration_js__WEBPACK_IMPORTED_MODULE_1__/* .formatDuration */ .a)(clock.now() - started)} waiting for ${options.what}. Last state: ${lastState}`);
        }
        // The sleep wakes when the signal aborts (main.ts): one mechanism, checked here.
        await clock.sleep(Math.min(poll.nextMs ?? options.intervalMs, remaining), signal);
        if (isAborted(signal))
            throw cancelled();
    }
}
function isAborted(signal) {
    return signal?.aborted === true;
}
/** The UserError a signal was aborted with (why the step stops waiting), if it was aborted with one. */
function stopReason(signal) {
    const reason = signal?.aborted === true ? signal.reason : undefined;
    return reason instanceof _errors_js__WEBPACK_IMPORTED_MODULE_0__/* .UserError */ .yo ? reason : undefined;
}
/** Before work a stop must prevent (the next alias change): throws why the step stopped, or that the job was cancelled. */
function throwIfStopped(signal, before) {
    if (signal?.aborted !== true)
        return;
    throw stopReason(signal) ?? new _errors_js__WEBPACK_IMPORTED_MODULE_0__/* .CancelledError */ .cc(`The job was cancelled before ${before}.`);
}
/** The job's cancel signal joined with another stop signal: a wait ends on whichever aborts first. */
function joinSignals(...signals) {
    const present = signals.filter((s) => s !== undefined);
    return present.length <= 1 ? present[0] : AbortSignal.any(present);
}


/***/ })

};
