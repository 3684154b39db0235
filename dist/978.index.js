export const id = 978;
export const ids = [978];
export const modules = {

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
    if (inProgress?.id !== undefined) {
        // The service's current record is that deployment's (it is still PRIMARY and in progress).
        const recordArn = service.currentServiceDeployment;
        return { kind: 'in-progress', deployment: { ...inProgress, id: inProgress.id }, ...(recordArn === undefined ? {} : { recordArn }) };
    }
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


/***/ })

};
