export const id = 752;
export const ids = [752];
export const modules = {

/***/ 6592:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {


// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  Jv: () => (/* binding */ describeService),
  oh: () => (/* binding */ describeTaskDefinition),
  yz: () => (/* binding */ describeTasks),
  em: () => (/* binding */ listStoppedTasks),
  eQ: () => (/* binding */ registerTaskDefinition),
  ZZ: () => (/* binding */ runTask),
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
    try {
        const out = await ecs.send(new dist_cjs.UpdateServiceCommand({
            cluster: update.cluster,
            service: update.service,
            taskDefinition: update.taskDefinition,
            forceNewDeployment: update.forceNewDeployment,
            ...(update.desiredCount === undefined ? {} : { desiredCount: update.desiredCount }),
        }));
        if (!out.service)
            throw new Error('the response had no service');
        return out.service;
    }
    catch (error) {
        throw new errors/* AwsCallError */.iQ(`UpdateService for '${update.service}' in cluster '${update.cluster}'`, error);
    }
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


/***/ }),

/***/ 5075:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {


// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  RY: () => (/* binding */ arnOf),
  J0: () => (/* binding */ decideStanding),
  iq: () => (/* binding */ planEcsDeploy),
  JW: () => (/* binding */ reusableRevision)
});

// EXTERNAL MODULE: ./src/errors.ts
var errors = __webpack_require__(3916);
// EXTERNAL MODULE: ./src/names.ts
var names = __webpack_require__(6455);
// EXTERNAL MODULE: ./src/plan/aws-names.ts
var aws_names = __webpack_require__(8983);
// EXTERNAL MODULE: ./src/plan/containers.ts
var plan_containers = __webpack_require__(5343);
// EXTERNAL MODULE: ./src/plan/task-definition-compare.ts
var task_definition_compare = __webpack_require__(4452);
// EXTERNAL MODULE: ./src/plan/json.ts
var json = __webpack_require__(2877);
;// CONCATENATED MODULE: ./src/plan/diff.ts
// What a deploy changes in the task definition, as lines for the log and the dry-run
// summary. Works on the same canonical view as sameTaskDefinition, so "no lines" and
// "same" always agree.


/** Keyed by name in the output (`environment.LOG_LEVEL`), with the field that holds the value. */
const NAMED_LISTS = { environment: 'value', secrets: 'valueFrom' };
// Environment values often carry credentials that GitHub does not know to mask; the diff
// says which variables change, never their values. (Secrets show only their ARNs.)
const HIDDEN_VALUES = new Set(['environment']);
/** `path: before -> after` lines; empty when registering `after` would change nothing. */
function diffTaskDefinitions(before, after) {
    const a = (0,task_definition_compare/* canonicalTaskDefinition */.H)(before);
    const b = (0,task_definition_compare/* canonicalTaskDefinition */.H)(after);
    const lines = [];
    for (const key of unionKeys(a, b)) {
        if (key === 'containerDefinitions')
            diffContainers(a[key], b[key], lines);
        else
            diffValue(key, a[key], b[key], lines);
    }
    return lines;
}
function diffContainers(before, after, lines) {
    const a = keyContainers(before);
    const b = keyContainers(after);
    if (a === undefined || b === undefined) {
        // Unnamed or duplicate names: no stable way to pair containers, show the whole list,
        // with every environment value replaced (this fallback must not print them either).
        diffValue('containerDefinitions', redactEnvironment(before), redactEnvironment(after), lines);
        return;
    }
    const common = [...b.keys()].filter((name) => a.has(name));
    const commonBefore = [...a.keys()].filter((name) => b.has(name));
    if (common.join('\u0000') !== commonBefore.join('\u0000')) {
        lines.push(`containerDefinitions order: ${commonBefore.join(', ')} -> ${common.join(', ')}`);
    }
    for (const [name, container] of b) {
        const path = `containerDefinitions[${name}]`;
        const previous = a.get(name);
        if (previous === undefined)
            lines.push(`${path}: added`);
        else
            diffContainer(path, previous, container, lines);
    }
    for (const name of a.keys()) {
        if (!b.has(name))
            lines.push(`containerDefinitions[${name}]: removed`);
    }
}
function diffContainer(path, before, after, lines) {
    for (const key of unionKeys(before, after)) {
        const valueField = NAMED_LISTS[key];
        const a = valueField === undefined ? undefined : keyByName(before[key], valueField);
        const b = valueField === undefined ? undefined : keyByName(after[key], valueField);
        if (a === undefined || b === undefined) {
            // A repeated or odd-shaped environment list: say it changed, never what it holds.
            if (HIDDEN_VALUES.has(key))
                diffHidden(`${path}.${key}`, before[key], after[key], lines);
            else
                diffValue(`${path}.${key}`, before[key], after[key], lines);
            continue;
        }
        for (const name of unionKeys(Object.fromEntries(a), Object.fromEntries(b))) {
            if (HIDDEN_VALUES.has(key))
                diffHidden(`${path}.${key}.${name}`, a.get(name), b.get(name), lines);
            else
                diffValue(`${path}.${key}.${name}`, a.get(name), b.get(name), lines);
        }
    }
}
/** Recurses into objects present on both sides; anything else is reported whole. */
function diffValue(path, before, after, lines) {
    if (JSON.stringify(before) === JSON.stringify(after))
        return;
    if ((0,json/* isRecord */.u)(before) && (0,json/* isRecord */.u)(after)) {
        for (const key of unionKeys(before, after))
            diffValue(`${path}.${key}`, before[key], after[key], lines);
        return;
    }
    lines.push(`${path}: ${show(before)} -> ${show(after)}`);
}
function diffHidden(path, before, after, lines) {
    if (JSON.stringify(before) === JSON.stringify(after))
        return;
    const state = (value) => (value === undefined ? '(unset)' : '(set)');
    lines.push(before !== undefined && after !== undefined ? `${path}: (changed)` : `${path}: ${state(before)} -> ${state(after)}`);
}
const REDACTED = '(hidden)';
/** The containers with each environment entry's value replaced; anything else unchanged. */
function redactEnvironment(containers) {
    if (!Array.isArray(containers))
        return containers;
    return containers.map((container) => {
        if (!(0,json/* isRecord */.u)(container))
            return container;
        const environment = container['environment'];
        if (environment === undefined)
            return container;
        const hidden = Array.isArray(environment)
            ? environment.map((entry) => ((0,json/* isRecord */.u)(entry) ? { ...entry, ...('value' in entry ? { value: REDACTED } : {}) } : REDACTED))
            : REDACTED;
        return { ...container, environment: hidden };
    });
}
function keyContainers(value) {
    const containers = value === undefined ? [] : value;
    if (!Array.isArray(containers))
        return undefined;
    const byName = new Map();
    for (const container of containers) {
        if (!(0,json/* isRecord */.u)(container))
            return undefined;
        const name = container['name'];
        if (typeof name !== 'string' || byName.has(name))
            return undefined;
        byName.set(name, container);
    }
    return byName;
}
/** name -> value of a `[{ name, value }]` list; undefined if the list has another shape. */
function keyByName(value, valueField) {
    const entries = value === undefined ? [] : value;
    if (!Array.isArray(entries))
        return undefined;
    const byName = new Map();
    for (const entry of entries) {
        if (!(0,json/* isRecord */.u)(entry))
            return undefined;
        const { name, [valueField]: entryValue, ...rest } = entry;
        if (typeof name !== 'string' || byName.has(name) || Object.keys(rest).length > 0)
            return undefined;
        byName.set(name, entryValue);
    }
    return byName;
}
function show(value) {
    if (value === undefined)
        return '(unset)';
    if (typeof value === 'string')
        return value === '' ? '""' : value;
    if (typeof value === 'number' || typeof value === 'boolean')
        return String(value);
    return JSON.stringify(value);
}
function unionKeys(a, b) {
    return [...new Set([...Object.keys(a), ...Object.keys(b)])].sort();
}

// EXTERNAL MODULE: ./src/plan/ecs-rollout.ts
var ecs_rollout = __webpack_require__(4390);
// EXTERNAL MODULE: ./src/plan/fargate.ts
var fargate = __webpack_require__(1177);
// EXTERNAL MODULE: ./src/plan/task-definition.ts
var task_definition = __webpack_require__(7222);
// EXTERNAL MODULE: ./src/plan/verdict.ts
var verdict = __webpack_require__(7282);
;// CONCATENATED MODULE: ./src/plan/ecs-deploy.ts










/**
 * Renders the overrides onto the source, validates the result (throws a UserError before
 * anything is changed), and decides what must happen: a new revision only when the
 * rendered one differs from what runs, an update only when something would change.
 */
function planEcsDeploy(input) {
    const { overrides } = input;
    const base = (0,task_definition/* toRegisterable */.Hj)(input.source.taskDefinition);
    const environment = overrides.environment.length > 0 ? overrides.environment : undefined;
    const touchesContainer = overrides.image !== undefined || environment !== undefined || overrides.containerName !== undefined;
    const containerName = touchesContainer
        ? (0,plan_containers/* selectContainer */.e6)(base, { containerName: overrides.containerName, imageRepository: overrides.image }).containerName
        : undefined;
    const rendered = (0,task_definition/* renderTaskDefinition */.P9)(base, {
        containerName,
        image: overrides.image,
        cpu: overrides.cpu,
        memory: overrides.memory,
        environment,
    });
    const problems = (0,fargate/* validateTaskSize */.jW)({
        taskDefinition: rendered,
        labels: {
            cpu: overrides.cpu === undefined ? 'Task definition cpu' : `Input '${names/* Input */.pd.cpu}'`,
            memory: overrides.memory === undefined ? 'Task definition memory' : `Input '${names/* Input */.pd.memory}'`,
        },
    });
    if (problems.length > 0)
        throw new errors/* UserError */.yo([...problems, ...missingPartner(overrides, problems)].join('\n'));
    const runningArn = arnOf(input.running.taskDefinition);
    const sourceArn = arnOf(input.source.taskDefinition);
    const runningDoc = (0,task_definition/* toRegisterable */.Hj)(input.running.taskDefinition);
    const tags = input.source.tags;
    const target = (() => {
        if ((0,task_definition_compare/* sameTaskDefinition */.J)(runningDoc, rendered) && sameTags(input.running.tags, tags))
            return runningArn;
        // A registered source deployed as it is needs no new revision of its own.
        if (sourceArn !== undefined && (0,task_definition_compare/* sameTaskDefinition */.J)(base, rendered))
            return sourceArn;
        return undefined;
    })();
    const desiredCountChanges = input.desiredCount !== undefined && input.desiredCount !== input.currentDesiredCount;
    return {
        containerName,
        rendered,
        tags,
        diff: diffTaskDefinitions(runningDoc, rendered),
        registerNeeded: target === undefined,
        targetArn: target,
        updateNeeded: target === undefined || target !== runningArn || desiredCountChanges || input.forceNewDeployment,
        before: sizeOf(input.running.taskDefinition, containerName),
        after: sizeOf(rendered, containerName),
    };
}
/**
 * The family's latest ACTIVE revision when it is exactly what was rendered (same definition,
 * same tags): an earlier run registered it and stopped before updating the service, or a
 * parallel job registered the same thing. Deploying it beats registering an identical twin.
 */
function reusableRevision(rendered, tags, latest) {
    if (latest === undefined || latest.taskDefinition['status'] === 'INACTIVE')
        return undefined;
    if (!(0,task_definition_compare/* sameTaskDefinition */.J)((0,task_definition/* toRegisterable */.Hj)(latest.taskDefinition), rendered) || !sameTags(latest.tags, tags))
        return undefined;
    return arnOf(latest.taskDefinition);
}
function arnOf(td) {
    const arn = td['taskDefinitionArn'];
    return typeof arn === 'string' ? arn : undefined;
}
function sameTags(a, b) {
    const key = (tags) => JSON.stringify([...tags].sort((x, y) => x.key.localeCompare(y.key)));
    return key(a) === key(b);
}
function sizeOf(td, containerName) {
    const containers = (0,plan_containers/* containersOf */.Mz)(td);
    const container = containerName ? containers.find((c) => c['name'] === containerName) : containers.length === 1 ? containers[0] : undefined;
    const str = (v) => (v === undefined || v === null ? undefined : String(v));
    return { cpu: str(td['cpu']), memory: str(td['memory']), image: str(container?.['image']) };
}
/**
 * Decides, for a plan that changes nothing, whether the service really is done: a re-run
 * follows a deployment of the target still in progress, and refuses to call a failed
 * one that stayed failed "unchanged".
 */
function decideStanding(service, runningArn, name) {
    const inProgress = (0,ecs_rollout/* deploymentInProgress */.ij)(service, runningArn);
    if (inProgress?.id !== undefined)
        return { kind: 'in-progress', deployment: { ...inProgress, id: inProgress.id } };
    const failedBefore = (0,ecs_rollout/* deploymentFailed */.Lu)(service, runningArn);
    if (failedBefore?.id === undefined)
        return { kind: 'unchanged' };
    const failure = (0,verdict/* failed */.gz)('refused', `Service '${name}' is set to ${(0,aws_names/* taskDefinitionLabel */.$7)(runningArn)}, but its deployment ${failedBefore.id} of it FAILED (${failedBefore.rolloutStateReason ?? 'no reason given'}) and was not rolled back: nothing was changed. Fix the cause, then set '${names/* Input */.pd.forceNewDeployment}: true' to roll it out again.`);
    return { kind: 'failed', deployment: { ...failedBefore, id: failedBefore.id }, failure };
}
/**
 * With only one of cpu / memory given, the other stays as the task definition has it; when
 * that is what Fargate refuses, say which input to add (the line before gives the values).
 */
function missingPartner(overrides, problems) {
    const only = overrides.cpu !== undefined && overrides.memory === undefined ? 'cpu' : overrides.memory !== undefined && overrides.cpu === undefined ? 'memory' : undefined;
    if (only === undefined)
        return [];
    const partner = only === 'cpu' ? 'memory' : 'cpu';
    if (!problems.some((p) => p.includes('is not valid with cpu')))
        return [];
    return [`Set input '${partner}' as well: with input '${only}' alone the task definition's ${partner} is kept, and Fargate does not accept it with that ${only}.`];
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

/***/ 4452:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   H: () => (/* binding */ canonicalTaskDefinition),
/* harmony export */   J: () => (/* binding */ sameTaskDefinition)
/* harmony export */ });
/* harmony import */ var _fargate_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(1177);
/* harmony import */ var _json_js__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(2877);
/* harmony import */ var _task_definition_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(7222);
// Comparing task definitions as ECS holds them, so a deploy that changes nothing registers
// nothing. Pure.



const DESCRIBE_ONLY = new Set(_task_definition_js__WEBPACK_IMPORTED_MODULE_1__/* .DESCRIBE_ONLY_FIELDS */ .n7);
/** True when registering `b` would give what `a` already is. */
function sameTaskDefinition(a, b) {
    return JSON.stringify(canonicalTaskDefinition(a)) === JSON.stringify(canonicalTaskDefinition(b));
}
/**
 * The task definition as ECS would hold it, for comparing: describe-only fields dropped,
 * keys sorted, absent/null/empty values removed (describe returns `portMappings: []` and
 * the like for unset fields), ECS defaults removed (container `cpu: 0`, `essential: true`,
 * port mapping `protocol: tcp`), task cpu/memory as unit strings, environment and secrets
 * sorted by name. Container order is kept: it is part of the definition.
 */
function canonicalTaskDefinition(td) {
    const result = {};
    for (const key of Object.keys(td).sort()) {
        if (DESCRIBE_ONLY.has(key))
            continue;
        const value = td[key];
        let canonical;
        if (key === 'cpu')
            canonical = canonicalSize(value, _fargate_js__WEBPACK_IMPORTED_MODULE_0__/* .tryParseCpu */ .P5);
        else if (key === 'memory')
            canonical = canonicalSize(value, _fargate_js__WEBPACK_IMPORTED_MODULE_0__/* .tryParseMemory */ .cI);
        else if (key === 'containerDefinitions' && Array.isArray(value))
            canonical = emptyToAbsent(value.map(canonicalContainer));
        else
            canonical = canonicalValue(value);
        if (canonical !== undefined)
            result[key] = canonical;
    }
    return result;
}
function canonicalContainer(container) {
    if (!(0,_json_js__WEBPACK_IMPORTED_MODULE_2__/* .isRecord */ .u)(container))
        return canonicalValue(container) ?? null;
    const result = {};
    for (const key of Object.keys(container).sort()) {
        const value = container[key];
        if (key === 'cpu' && (value === 0 || value === '0'))
            continue;
        if (key === 'essential' && value === true)
            continue;
        let canonical;
        if ((key === 'environment' || key === 'secrets') && Array.isArray(value)) {
            canonical = emptyToAbsent(sortByName(value.map((entry) => canonicalValue(entry) ?? null)));
        }
        else if (key === 'portMappings' && Array.isArray(value)) {
            canonical = emptyToAbsent(value.map(canonicalPortMapping));
        }
        else {
            canonical = canonicalValue(value);
        }
        if (canonical !== undefined)
            result[key] = canonical;
    }
    return result;
}
function canonicalPortMapping(mapping) {
    if (!(0,_json_js__WEBPACK_IMPORTED_MODULE_2__/* .isRecord */ .u)(mapping) || mapping['protocol'] !== 'tcp')
        return canonicalValue(mapping) ?? null;
    const { protocol: _tcpIsTheDefault, ...rest } = mapping;
    return canonicalValue(rest) ?? null;
}
/** Sorted keys, no absent values; undefined when nothing is left. */
function canonicalValue(value) {
    if (value === null || value === undefined)
        return undefined;
    if (Array.isArray(value)) {
        // Elements keep their place: an empty element still occupies a position.
        return emptyToAbsent(value.map((element) => canonicalValue(element) ?? null));
    }
    if ((0,_json_js__WEBPACK_IMPORTED_MODULE_2__/* .isRecord */ .u)(value)) {
        const result = {};
        for (const key of Object.keys(value).sort()) {
            const canonical = canonicalValue(value[key]);
            if (canonical !== undefined)
                result[key] = canonical;
        }
        return Object.keys(result).length === 0 ? undefined : result;
    }
    return value;
}
function canonicalSize(value, parse) {
    if (value === null || value === undefined)
        return undefined;
    const raw = String(value);
    if (raw.trim() === '')
        return undefined;
    // ECS stores '1 vCPU' as '1024' and '2 GB' as '2048'; unparseable values compare as given.
    return parse(raw) ?? raw;
}
function sortByName(entries) {
    const nameOf = (entry) => (0,_json_js__WEBPACK_IMPORTED_MODULE_2__/* .isRecord */ .u)(entry) && typeof entry['name'] === 'string' ? entry['name'] : undefined;
    const named = entries.filter((entry) => nameOf(entry) !== undefined);
    const unnamed = entries.filter((entry) => nameOf(entry) === undefined);
    named.sort((x, y) => {
        const a = nameOf(x) ?? '';
        const b = nameOf(y) ?? '';
        return a < b ? -1 : a > b ? 1 : 0;
    });
    return [...named, ...unnamed];
}
function emptyToAbsent(values) {
    return values.length === 0 ? undefined : values;
}


/***/ }),

/***/ 9809:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   R$: () => (/* binding */ retrying)
/* harmony export */ });
/* unused harmony exports DEFAULT_BASE_DELAY_MS, DEFAULT_MAX_DELAY_MS */
/* harmony import */ var _errors_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(3916);
/* harmony import */ var _plan_duration_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(2983);


const DEFAULT_BASE_DELAY_MS = 1000;
const DEFAULT_MAX_DELAY_MS = 15_000;
/**
 * Retries the errors the SDK's standard mode does not (Lambda ResourceConflictException,
 * SSM TooManyUpdates, ECS "Too many concurrent attempts"), with exponential backoff and
 * jitter, until the deadline. Never sleeps past the deadline.
 */
async function retrying(attempt, options, deps) {
    const started = deps.now();
    const base = options.baseDelayMs ?? DEFAULT_BASE_DELAY_MS;
    const max = options.maxDelayMs ?? DEFAULT_MAX_DELAY_MS;
    const random = options.random ?? Math.random;
    for (let tries = 1;; tries++) {
        try {
            return await attempt();
        }
        catch (error) {
            const reason = options.retryable(error);
            if (reason === undefined)
                throw error;
            const remaining = started + options.timeoutMs - deps.now();
            if (remaining <= 0) {
                throw new Error(`${options.what} still failed after ${tries} attempts over ${(0,_plan_duration_js__WEBPACK_IMPORTED_MODULE_1__/* .formatDuration */ .a)(deps.now() - started)} (${reason}): ${(0,_errors_js__WEBPACK_IMPORTED_MODULE_0__/* .messageOf */ .bD)(error)}`, { cause: error });
            }
            const ceiling = Math.min(max, base * 2 ** (tries - 1));
            const delay = Math.min(remaining, Math.round(ceiling / 2 + (random() * ceiling) / 2));
            deps.log.info(`${options.what}: ${reason}; attempt ${tries + 1} in ${(0,_plan_duration_js__WEBPACK_IMPORTED_MODULE_1__/* .formatDuration */ .a)(delay)}.`);
            await deps.sleep(delay);
        }
    }
}


/***/ }),

/***/ 8978:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   H: () => (/* binding */ latestRevision),
/* harmony export */   X: () => (/* binding */ registerOrReuse)
/* harmony export */ });
/* harmony import */ var _aws_ecs_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(6592);
/* harmony import */ var _errors_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(3916);
/* harmony import */ var _plan_ecs_deploy_js__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(5075);
/* harmony import */ var _retry_js__WEBPACK_IMPORTED_MODULE_3__ = __webpack_require__(9809);
// Registering a task definition revision, shared by the ecs and run-task modes: reuse the
// family's latest revision when it already is the rendered one, wait out ECS's refusal of
// concurrent registrations into one family, and retry throttling, 5xx and broken
// connections only after looking again, so a lost answer never leaves a twin revision.




/**
 * Registers `taskDefinition`, unless the family's latest revision is already exactly that
 * (a run killed between registering and using it, or a parallel job, left it). ECS refuses
 * concurrent registrations into one family with a ClientException the SDK does not retry:
 * retried here, looking for a reusable revision again each time, until `timeoutMs`.
 */
async function registerOrReuse(taskDefinition, tags, options, deps) {
    const family = typeof taskDefinition['family'] === 'string' ? taskDefinition['family'] : undefined;
    return (0,_retry_js__WEBPACK_IMPORTED_MODULE_3__/* .retrying */ .R$)(async () => {
        const reused = family === undefined ? undefined : (0,_plan_ecs_deploy_js__WEBPACK_IMPORTED_MODULE_2__/* .reusableRevision */ .JW)(taskDefinition, tags, await latestRevision(family, deps));
        if (reused !== undefined) {
            deps.log.info(`Reusing ${reused}: the latest revision of family '${family}' is already the one rendered (an earlier run registered it).`);
            return { arn: reused, registered: false };
        }
        // One attempt per call: a lost answer is retried here, after looking for the revision it may have made.
        const arn = await (0,_aws_ecs_js__WEBPACK_IMPORTED_MODULE_0__/* .registerTaskDefinition */ .eQ)(deps.clients.once.ecs, taskDefinition, tags);
        deps.log.info(`Registered ${arn}`);
        return { arn, registered: true };
    }, {
        what: `RegisterTaskDefinition for family '${family ?? '(none)'}'`,
        retryable: (error) => (isConcurrentRegistration(error) ? 'another revision of the family is being registered' : (0,_errors_js__WEBPACK_IMPORTED_MODULE_1__/* .transientReason */ .bR)(error)),
        timeoutMs: options.timeoutMs,
    }, deps);
}
/** The family's latest ACTIVE revision; undefined when it has none (a new family from a file). */
async function latestRevision(family, deps) {
    try {
        return await (0,_aws_ecs_js__WEBPACK_IMPORTED_MODULE_0__/* .describeTaskDefinition */ .oh)(deps.clients.ecs, family);
    }
    catch (error) {
        if ((0,_errors_js__WEBPACK_IMPORTED_MODULE_1__/* .awsErrorName */ .ZH)(error) === 'ClientException')
            return undefined;
        throw error;
    }
}
/** `ClientException: Too many concurrent attempts to create a new revision of the specified family`. */
function isConcurrentRegistration(error) {
    return (0,_errors_js__WEBPACK_IMPORTED_MODULE_1__/* .awsErrorName */ .ZH)(error) === 'ClientException' && /too many concurrent attempts/i.test((0,_errors_js__WEBPACK_IMPORTED_MODULE_1__/* .messageOf */ .bD)(error));
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
    for (;;) {
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
        await clock.sleep(Math.min(options.intervalMs, remaining));
    }
}


/***/ })

};
