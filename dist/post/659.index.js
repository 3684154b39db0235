export const id = 659;
export const ids = [659];
export const modules = {

/***/ 1032:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   C0: () => (/* binding */ listServiceDeployments),
/* harmony export */   Ge: () => (/* binding */ describeServices),
/* harmony export */   Jv: () => (/* binding */ describeService),
/* harmony export */   MH: () => (/* binding */ describeServiceDeployment),
/* harmony export */   Pr: () => (/* binding */ describeServiceDeployments),
/* harmony export */   XG: () => (/* binding */ describeServiceRevisions),
/* harmony export */   bU: () => (/* binding */ updateService),
/* harmony export */   dD: () => (/* binding */ stopServiceDeployment),
/* harmony export */   em: () => (/* binding */ listStoppedTasks),
/* harmony export */   oh: () => (/* binding */ describeTaskDefinition),
/* harmony export */   yz: () => (/* binding */ describeTasks)
/* harmony export */ });
/* unused harmony exports registerTaskDefinition, runTask, listRunningTasks, describeTasksWithTags, stopTask */
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
    const command = new RegisterTaskDefinitionCommand(raw);
    sendUnknownMembers(command, raw);
    try {
        const out = await ecs.send(command);
        const arn = out.taskDefinition?.taskDefinitionArn;
        if (!arn)
            throw new Error('the response had no taskDefinitionArn');
        return arn;
    }
    catch (error) {
        throw new AwsCallError(`RegisterTaskDefinition for family '${String(taskDefinition.family)}'`, error);
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
        const out = await ecs.send(new RunTaskCommand(request));
        return { ...(out.tasks?.[0] === undefined ? {} : { task: out.tasks[0] }), failures: out.failures ?? [] };
    }
    catch (error) {
        throw new AwsCallError(`RunTask for '${String(request.taskDefinition)}' in cluster '${String(request.cluster)}'`, error);
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
    return asked(`ListTasks (RUNNING) started by '${startedBy}' in cluster '${cluster}'`, async () => {
        const out = await ecs.send(new ListTasksCommand({ cluster, startedBy, ...(nextToken === undefined ? {} : { nextToken }) }));
        return { taskArns: out.taskArns ?? [], ...(out.nextToken === undefined ? {} : { nextToken: out.nextToken }) };
    });
}
/** The tasks with their tags (`include: ['TAGS']`), at most 100 per call. */
async function describeTasksWithTags(ecs, cluster, taskArns) {
    if (taskArns.length === 0)
        return [];
    return asked(`DescribeTasks (with tags) in cluster '${cluster}'`, async () => {
        const out = await ecs.send(new DescribeTasksCommand({ cluster, tasks: taskArns.slice(0, DESCRIBE_TASKS_LIMIT), include: ['TAGS'] }));
        return out.tasks ?? [];
    });
}
/** Asks ECS to stop the task; `reason` shows in DescribeTasks as its stoppedReason. */
async function stopTask(ecs, cluster, taskArn, reason) {
    return asked(`StopTask for '${taskArn}' in cluster '${cluster}'`, async () => {
        const out = await ecs.send(new StopTaskCommand({ cluster, task: taskArn, reason }));
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

/***/ 1633:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   g: () => (/* binding */ failureOf)
/* harmony export */ });
/* unused harmony export VerdictError */
/* harmony import */ var _errors_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(3916);
/* harmony import */ var _plan_verdict_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(7282);


/**
 * A verdict plan/ made, thrown from deep inside a step (a Lambda update Lambda marked
 * Failed): it reaches failureOf with its kind and details intact.
 */
class VerdictError extends _errors_js__WEBPACK_IMPORTED_MODULE_0__/* .UserError */ .yo {
    name = 'VerdictError';
    failure;
    constructor(failure) {
        super(failure.reason);
        this.failure = failure;
    }
}
/**
 * The one place a thrown error becomes a failed verdict. Every catch that ends a mode (or
 * one Lambda function, or the wait of a deployment whose id must survive) comes here, so
 * the message is explained the same way and the stack is logged once, at debug.
 */
function failureOf(error, log) {
    if (error instanceof VerdictError)
        return error.failure;
    if (!(error instanceof _errors_js__WEBPACK_IMPORTED_MODULE_0__/* .UserError */ .yo) && error instanceof Error && error.stack)
        log.debug(error.stack);
    const kind = error instanceof _errors_js__WEBPACK_IMPORTED_MODULE_0__/* .TimeoutError */ .MU ? 'timed-out' : error instanceof _errors_js__WEBPACK_IMPORTED_MODULE_0__/* .CancelledError */ .cc ? 'cancelled' : 'error';
    return (0,_plan_verdict_js__WEBPACK_IMPORTED_MODULE_1__/* .failed */ .gz)(kind, (0,_errors_js__WEBPACK_IMPORTED_MODULE_0__/* .explain */ .WE)(error));
}


/***/ }),

/***/ 8983:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   $7: () => (/* binding */ taskDefinitionLabel),
/* harmony export */   Ap: () => (/* binding */ familyOf),
/* harmony export */   G6: () => (/* binding */ taskIdOf)
/* harmony export */ });
/* unused harmony exports consoleHost, isRegionName, regionOfArn */
// Names AWS gives things, read out of ARNs and documents, and console addresses. One copy
// of each, for every partition. Pure.
/** The AWS console host for a region: aws, aws-cn and aws-us-gov partitions. */
function consoleHost(region) {
    if (region.startsWith('cn-'))
        return 'https://console.amazonaws.cn';
    if (region.startsWith('us-gov-'))
        return 'https://console.amazonaws-us-gov.com';
    return `https://${region}.console.aws.amazon.com`;
}
// Every partition spells its regions this way (eu-west-1, us-gov-west-1, cn-north-1, us-isob-east-1).
const REGION_NAME = /^[a-z]{2}(-[a-z]+)+-\d+$/;
/** Whether outside text (a log option, an ARN's field) is a region name, so it may go into a URL. */
function isRegionName(text) {
    return REGION_NAME.test(text);
}
/** The last segment of a task ARN: what the console, the CLI and awslogs streams use. */
function taskIdOf(taskArn) {
    if (taskArn === undefined || taskArn === '')
        return '(unknown)';
    return taskArn.slice(taskArn.lastIndexOf('/') + 1);
}
function familyOf(td) {
    const family = td.family;
    return typeof family === 'string' && family !== '' ? family : '(no family)';
}
/** `family:revision` from a task definition ARN; non-ARNs pass through unchanged. */
function taskDefinitionLabel(arn) {
    if (arn === undefined)
        return '(none)';
    const match = /^arn:[^:]+:ecs:[^:]*:[^:]*:task-definition\/(.+)$/.exec(arn);
    return match?.[1] ?? arn;
}
/** The region field of an ARN, when it has one. */
function regionOfArn(arn) {
    const region = arn.split(':')[3];
    return region === undefined || region === '' ? undefined : region;
}


/***/ }),

/***/ 3751:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   CJ: () => (/* binding */ HOOK_EVENTS),
/* harmony export */   NS: () => (/* binding */ isCodeDeployEvent),
/* harmony export */   pH: () => (/* binding */ CODEDEPLOY_WAIT_EVENTS)
/* harmony export */ });
/* unused harmony exports ECS_EVENT_ORDER, parseCodeDeployEvent */
// The lifecycle events of a CodeDeploy deployment (ECS blue/green and Lambda), in order,
// and `wait-until` naming one of them. Pure. Order from the CodeDeploy User Guide,
// "AppSpec 'hooks' section" (list of lifecycle event hooks for an Amazon ECS deployment,
// and for an AWS Lambda deployment).
const ECS_EVENTS = [
    'BeforeInstall',
    'Install',
    'AfterInstall',
    'AllowTestTraffic',
    'AfterAllowTestTraffic',
    'BeforeAllowTraffic',
    'AllowTraffic',
    'AfterAllowTraffic',
];
/** Every event an ECS deployment target reports, in the order CodeDeploy runs them (Install has no hook). */
const ECS_EVENT_ORDER = (/* unused pure expression or super */ null && (ECS_EVENTS));
/** The events `wait-until` may name on an ECS service deployed through CodeDeploy. */
const CODEDEPLOY_WAIT_EVENTS = ECS_EVENTS.filter((event) => event !== 'Install');
/** Events that run a hook (a Lambda function the AppSpec names); the others are CodeDeploy's own work. */
const HOOK_EVENTS = new Set([
    'BeforeInstall',
    'AfterInstall',
    'AfterAllowTestTraffic',
    'BeforeAllowTraffic',
    'AfterAllowTraffic',
]);
/** The event a `wait-until` value names (any case, `-`/`_` ignored), or undefined. */
function parseCodeDeployEvent(raw) {
    const key = raw.trim().toLowerCase().replace(/[-_]/g, '');
    return CODEDEPLOY_WAIT_EVENTS.find((event) => event.toLowerCase() === key);
}
function isCodeDeployEvent(value) {
    return CODEDEPLOY_WAIT_EVENTS.includes(value);
}


/***/ }),

/***/ 3759:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {


// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  Mz: () => (/* binding */ containersOf),
  yg: () => (/* binding */ nonEssentialContainers),
  e6: () => (/* binding */ selectContainer)
});

// UNUSED EXPORTS: containerNames

// EXTERNAL MODULE: ./src/errors.ts
var errors = __webpack_require__(3916);
// EXTERNAL MODULE: ./src/names.ts
var src_names = __webpack_require__(6455);
// EXTERNAL MODULE: ./src/plan/aws-names.ts
var aws_names = __webpack_require__(8983);
;// CONCATENATED MODULE: ./src/plan/image-ref.ts
// Docker/OCI image references, following the grammar of distribution/reference
// (the code Docker and containerd use), so we reject what a registry would reject
// before any AWS call, and compare repositories the way Docker resolves them.


const EXPECTED_FORM = '[host[:port]/]path[:tag][@sha256:digest]';
const PATH_COMPONENT = /^[a-z0-9]+(?:(?:[._]|__|-+)[a-z0-9]+)*$/;
const TAG = /^[\w][\w.-]{0,127}$/;
const DOMAIN_LABEL = /^(?:[a-zA-Z0-9]|[a-zA-Z0-9][a-zA-Z0-9-]*[a-zA-Z0-9])$/;
const IPV6_HOST = /^\[[0-9a-fA-F:.]+\]$/;
const PORT = /^[0-9]+$/;
const DIGEST_ALGORITHM = /^[a-z0-9]+(?:[.+_-][a-z0-9]+)*$/;
// Registries reject anything else for these two; other algorithms only need to look like hex.
const DIGEST_HEX_LENGTH = { sha256: 64, sha512: 128 };
const NAME_MAX_LENGTH = 255;
const DOCKER_HUB_HOSTS = new Set(['docker.io', 'index.docker.io']);
const DOCKER_HUB = 'docker.io';
const PRIVATE_ECR_HOST = /^(\d{12})\.dkr\.ecr(-fips)?\.([a-z]{2}(?:-[a-z]+)+-\d+)\.amazonaws\.com(\.cn)?$/;
const PUBLIC_ECR_HOST = 'public.ecr.aws';
/**
 * Parses `[host[:port]/]path[:tag][@algorithm:hex]`. `label` names where the value came
 * from in the error (the action's `image` input unless told otherwise).
 */
function parseImageRef(raw, label = `Input '${Input.image}'`) {
    const problem = findProblem(raw);
    if (typeof problem === 'string') {
        throw new UserError(`${label} ('${raw}') is not an image reference: ${problem}; expected ${EXPECTED_FORM}.`);
    }
    return problem;
}
/** Like parseImageRef, for values we only inspect (e.g. images already in a task definition). */
function tryParseImageRef(raw) {
    const result = findProblem(raw);
    return typeof result === 'string' ? undefined : result;
}
function formatImageRef(ref) {
    const registry = ref.registry === undefined ? '' : `${ref.registry}/`;
    const tag = ref.tag === undefined ? '' : `:${ref.tag}`;
    const digest = ref.digest === undefined ? '' : `@${ref.digest}`;
    return `${registry}${ref.repository}${tag}${digest}`;
}
/** `host/path` with Docker Hub's implicit host and `library/` spelled out, for comparisons. */
function repositoryKey(ref) {
    const host = ref.registry?.toLowerCase();
    if (host === undefined || DOCKER_HUB_HOSTS.has(host)) {
        const path = ref.repository.includes('/') ? ref.repository : `library/${ref.repository}`;
        return `${DOCKER_HUB}/${path}`;
    }
    return `${host}/${ref.repository}`;
}
function ecrRegistryOf(ref) {
    const host = ref.registry?.toLowerCase();
    if (host === undefined)
        return undefined;
    if (host === PUBLIC_ECR_HOST) {
        const [alias, ...rest] = ref.repository.split('/');
        // public.ecr.aws/<alias>/<repo>: a bare public.ecr.aws/<x> names no repository.
        return alias !== undefined && rest.length > 0 ? { kind: 'public', alias } : undefined;
    }
    const match = PRIVATE_ECR_HOST.exec(host);
    if (match === null)
        return undefined;
    const [, accountId = '', fips, region = '', china] = match;
    // China regions live only under .com.cn, and every other region only under .com.
    if (region.startsWith('cn-') !== (china !== undefined))
        return undefined;
    return {
        kind: 'private',
        accountId,
        region,
        fips: fips !== undefined,
        domain: china === undefined ? 'amazonaws.com' : 'amazonaws.com.cn',
    };
}
/**
 * Pins the reference to a digest. The tag is dropped: ECS documents an image as either
 * `repository:tag` or `repository@digest`, and the digest is what will run.
 */
function withDigest(ref, digest) {
    const problem = findDigestProblem(digest);
    if (problem !== undefined) {
        throw new UserError(`Image digest '${digest}' is not valid: ${problem}.`);
    }
    const { tag: _tag, digest: _digest, ...rest } = ref;
    return { ...rest, digest };
}
/** Whether `tag` is a tag registries accept (1-128 of [A-Za-z0-9_.-], not starting with '.' or '-'). */
function isValidTag(tag) {
    return TAG.test(tag);
}
/** Points the reference at a tag; any digest is dropped since it pinned a different name. */
function withTag(ref, tag) {
    if (!TAG.test(tag)) {
        throw new UserError(`Image tag '${tag}' is not valid: use up to 128 letters, digits, '_', '.' and '-', not starting with '.' or '-'.`);
    }
    const { tag: _tag, digest: _digest, ...rest } = ref;
    return { ...rest, tag };
}
/** Returns the parsed reference, or a description of the first problem found. */
function findProblem(raw) {
    if (raw.length === 0)
        return 'it is empty';
    if (/\s/.test(raw))
        return 'it contains whitespace';
    const at = raw.indexOf('@');
    const namePart = at === -1 ? raw : raw.slice(0, at);
    const digest = at === -1 ? undefined : raw.slice(at + 1);
    if (digest !== undefined) {
        const digestProblem = findDigestProblem(digest);
        if (digestProblem !== undefined)
            return digestProblem;
    }
    if (namePart.length === 0)
        return 'the repository path is missing';
    const components = namePart.split('/');
    const first = components[0] ?? '';
    const hasRegistry = components.length > 1 && (first.includes('.') || first.includes(':') || first === 'localhost');
    const registry = hasRegistry ? first : undefined;
    if (registry !== undefined) {
        const registryProblem = findRegistryProblem(registry);
        if (registryProblem !== undefined)
            return registryProblem;
    }
    const pathComponents = hasRegistry ? components.slice(1) : components;
    const last = pathComponents.pop() ?? '';
    const colon = last.indexOf(':');
    const lastName = colon === -1 ? last : last.slice(0, colon);
    const tag = colon === -1 ? undefined : last.slice(colon + 1);
    pathComponents.push(lastName);
    for (const component of pathComponents) {
        if (component.length === 0) {
            return pathComponents.length === 1 && tag !== undefined
                ? 'the repository path is missing before the tag'
                : "it has an empty path component (a leading, trailing or doubled '/')";
        }
        if (!PATH_COMPONENT.test(component)) {
            return /[A-Z]/.test(component)
                ? `path component '${component}' has uppercase letters (repository paths are lowercase)`
                : `path component '${component}' may only hold lowercase letters and digits separated by '.', '_', '__' or '-'`;
        }
    }
    if (tag !== undefined) {
        if (tag.length === 0)
            return "the tag after ':' is empty";
        if (!TAG.test(tag)) {
            return `tag '${tag}' must be 1-128 letters, digits, '_', '.' or '-', not starting with '.' or '-'`;
        }
    }
    const repository = pathComponents.join('/');
    const nameLength = (registry === undefined ? 0 : registry.length + 1) + repository.length;
    if (nameLength > NAME_MAX_LENGTH) {
        return `the name is ${nameLength} characters long, more than ${NAME_MAX_LENGTH}`;
    }
    const ref = { repository };
    if (registry !== undefined)
        ref.registry = registry;
    if (tag !== undefined)
        ref.tag = tag;
    if (digest !== undefined)
        ref.digest = digest;
    return ref;
}
function findRegistryProblem(registry) {
    // An IPv6 host is bracketed and full of colons, so the port follows the ']'.
    const bracketed = /^(\[[^\]]*\])(?::(.*))?$/.exec(registry);
    let host;
    let port;
    if (bracketed !== null) {
        host = bracketed[1] ?? '';
        port = bracketed[2];
        if (!IPV6_HOST.test(host))
            return `registry host '${host}' is not an IPv6 address`;
    }
    else {
        const colon = registry.indexOf(':');
        host = colon === -1 ? registry : registry.slice(0, colon);
        port = colon === -1 ? undefined : registry.slice(colon + 1);
        if (!host.split('.').every((label) => DOMAIN_LABEL.test(label))) {
            return `registry host '${host}' is not a host name`;
        }
    }
    if (port !== undefined && !PORT.test(port))
        return `registry port '${port}' is not a number`;
    return undefined;
}
function findDigestProblem(digest) {
    const colon = digest.indexOf(':');
    if (colon === -1)
        return `digest '${digest}' has no algorithm (use sha256:<64 hex digits>)`;
    const algorithm = digest.slice(0, colon);
    const hex = digest.slice(colon + 1);
    if (!DIGEST_ALGORITHM.test(algorithm))
        return `digest algorithm '${algorithm}' is not valid`;
    const length = DIGEST_HEX_LENGTH[algorithm];
    if (length !== undefined) {
        if (!/^[0-9a-f]*$/.test(hex) || hex.length !== length) {
            return `a ${algorithm} digest needs exactly ${length} lowercase hex digits, got '${hex}'`;
        }
        return undefined;
    }
    if (!/^[0-9a-fA-F]{32,}$/.test(hex))
        return `digest '${digest}' needs at least 32 hex digits`;
    return undefined;
}

// EXTERNAL MODULE: ./src/plan/json.ts
var json = __webpack_require__(2877);
;// CONCATENATED MODULE: ./src/plan/containers.ts
// The containers of a task definition, and which one a deploy overrides. Pure.





function containersOf(td) {
    const containers = td.containerDefinitions;
    return Array.isArray(containers) ? containers.filter(json/* isRecord */.u) : [];
}
function containerNames(td) {
    return containersOf(td)
        .map((container) => container.name)
        .filter((name) => typeof name === 'string');
}
/** Names of containers marked `essential: false`; their exit codes do not decide. */
function nonEssentialContainers(td) {
    return new Set(containersOf(td)
        .filter((c) => c.essential === false)
        .map((c) => String(c.name)));
}
/**
 * The container to override: the one named, else the only one, else the only one using the
 * image's repository, else (when allowed) the first essential one.
 */
function selectContainer(td, selection) {
    const inputName = selection.inputName ?? src_names/* Input */.pd.containerName;
    const names = containerNames(td);
    const family = (0,aws_names/* familyOf */.Ap)(td);
    const listed = names.map((name) => `'${name}'`).join(', ');
    if (selection.containerName !== undefined) {
        if (names.includes(selection.containerName))
            return { containerName: selection.containerName, why: `named by input '${inputName}'` };
        throw new errors/* UserError */.yo(`Input '${inputName}' ('${selection.containerName}') names no container in task definition '${family}': its containers are ${listed || 'none'}.`);
    }
    const [only] = names;
    if (only === undefined)
        throw new errors/* UserError */.yo(`Task definition '${family}' has no named container: add one to 'containerDefinitions'.`);
    if (names.length === 1)
        return { containerName: only, why: 'the only container' };
    const wanted = selection.imageRepository === undefined ? undefined : tryParseImageRef(selection.imageRepository);
    const key = wanted === undefined ? undefined : repositoryKey(wanted);
    const matches = key === undefined
        ? []
        : containersOf(td)
            .filter((container) => {
            const image = container.image;
            const ref = typeof image === 'string' ? tryParseImageRef(image) : undefined;
            return ref !== undefined && repositoryKey(ref) === key;
        })
            .map((container) => container.name)
            .filter((name) => typeof name === 'string');
    const [match] = matches;
    if (matches.length === 1 && match !== undefined)
        return { containerName: match, why: `the one using repository '${key}'` };
    if (selection.whenAmbiguous === 'first-essential') {
        const essential = containersOf(td).find((container) => container.essential !== false && typeof container.name === 'string');
        const name = typeof essential?.name === 'string' ? essential.name : only;
        return { containerName: name, why: `the first essential container (set input '${inputName}' to choose another)` };
    }
    const setName = `set input '${inputName}' to the one to update`;
    if (key === undefined)
        throw new errors/* UserError */.yo(`Task definition '${family}' has several containers (${listed}): ${setName}.`);
    const found = matches.length === 0
        ? `none of them uses repository '${key}'`
        : `${matches.length} of them (${matches.map((name) => `'${name}'`).join(', ')}) use repository '${key}'`;
    throw new errors/* UserError */.yo(`Task definition '${family}' has several containers (${listed}) and ${found}: ${setName}.`);
}


/***/ }),

/***/ 8256:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   n: () => (/* binding */ diffTaskDefinitions)
/* harmony export */ });
/* harmony import */ var _json_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(2877);
/* harmony import */ var _task_definition_compare_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(4452);
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
    const a = (0,_task_definition_compare_js__WEBPACK_IMPORTED_MODULE_0__/* .canonicalTaskDefinition */ .H)(before);
    const b = (0,_task_definition_compare_js__WEBPACK_IMPORTED_MODULE_0__/* .canonicalTaskDefinition */ .H)(after);
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
    if ((0,_json_js__WEBPACK_IMPORTED_MODULE_1__/* .isRecord */ .u)(before) && (0,_json_js__WEBPACK_IMPORTED_MODULE_1__/* .isRecord */ .u)(after)) {
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
        if (!(0,_json_js__WEBPACK_IMPORTED_MODULE_1__/* .isRecord */ .u)(container))
            return container;
        const environment = container.environment;
        if (environment === undefined)
            return container;
        const hidden = Array.isArray(environment)
            ? environment.map((entry) => (0,_json_js__WEBPACK_IMPORTED_MODULE_1__/* .isRecord */ .u)(entry) ? { ...entry, ...('value' in entry ? { value: REDACTED } : {}) } : REDACTED)
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
        if (!(0,_json_js__WEBPACK_IMPORTED_MODULE_1__/* .isRecord */ .u)(container))
            return undefined;
        const name = container.name;
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
        if (!(0,_json_js__WEBPACK_IMPORTED_MODULE_1__/* .isRecord */ .u)(entry))
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


/***/ }),

/***/ 2983:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   a: () => (/* binding */ formatDuration)
/* harmony export */ });
/* unused harmony export parseDuration */
/* harmony import */ var _errors_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(3916);

const UNIT_MS = { ms: 1, s: 1000, m: 60_000, h: 3_600_000 };
/**
 * Parses `90`, `90s`, `10m`, `1h`, `1h30m`, `500ms` into milliseconds. A bare number is
 * seconds, as in most CI settings.
 */
function parseDuration(raw, inputName) {
    const value = raw.trim().toLowerCase();
    const fail = () => {
        throw new UserError(`Input '${inputName}' ('${raw}') is not a duration: use seconds like 90, or units like 90s, 10m, 1h30m.`);
    };
    if (value === '')
        fail();
    if (/^\d+(\.\d+)?$/.test(value))
        return Math.round(Number(value) * 1000);
    const parts = value.replace(/\s+/g, '').match(/(\d+(?:\.\d+)?)(ms|s|m|h)/g);
    if (!parts || parts.join('') !== value.replace(/\s+/g, ''))
        fail();
    let total = 0;
    for (const part of parts ?? []) {
        const [, amount, unit] = /^(\d+(?:\.\d+)?)(ms|s|m|h)$/.exec(part) ?? [];
        total += Number(amount) * (UNIT_MS[unit ?? ''] ?? Number.NaN);
    }
    if (!Number.isFinite(total))
        fail();
    return Math.round(total);
}
/** `95000` -> `1m35s`, for messages. */
function formatDuration(ms) {
    if (ms < 1000)
        return `${Math.round(ms)}ms`;
    const totalSeconds = Math.round(ms / 1000);
    const h = Math.floor(totalSeconds / 3600);
    const m = Math.floor((totalSeconds % 3600) / 60);
    const s = totalSeconds % 60;
    return [h ? `${h}h` : '', m ? `${m}m` : '', s || (!h && !m) ? `${s}s` : ''].join('');
}


/***/ }),

/***/ 9344:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   J0: () => (/* binding */ decideStanding),
/* harmony export */   RY: () => (/* binding */ arnOf),
/* harmony export */   iq: () => (/* binding */ planEcsDeploy)
/* harmony export */ });
/* unused harmony exports reusableRevision, sameTags */
/* harmony import */ var _errors_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(3916);
/* harmony import */ var _names_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(6455);
/* harmony import */ var _aws_names_js__WEBPACK_IMPORTED_MODULE_9__ = __webpack_require__(8983);
/* harmony import */ var _containers_js__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(3759);
/* harmony import */ var _diff_js__WEBPACK_IMPORTED_MODULE_3__ = __webpack_require__(8256);
/* harmony import */ var _ecs_rollout_js__WEBPACK_IMPORTED_MODULE_7__ = __webpack_require__(4390);
/* harmony import */ var _fargate_js__WEBPACK_IMPORTED_MODULE_4__ = __webpack_require__(1177);
/* harmony import */ var _task_definition_js__WEBPACK_IMPORTED_MODULE_5__ = __webpack_require__(7222);
/* harmony import */ var _task_definition_compare_js__WEBPACK_IMPORTED_MODULE_6__ = __webpack_require__(4452);
/* harmony import */ var _verdict_js__WEBPACK_IMPORTED_MODULE_8__ = __webpack_require__(7282);










/**
 * Renders the overrides onto the source, validates the result (throws a UserError before
 * anything is changed), and decides what must happen: a new revision only when the
 * rendered one differs from what runs, an update only when something would change.
 */
function planEcsDeploy(input) {
    const { overrides } = input;
    const base = (0,_task_definition_js__WEBPACK_IMPORTED_MODULE_5__/* .toRegisterable */ .Hj)(input.source.taskDefinition);
    const environment = overrides.environment.length > 0 ? overrides.environment : undefined;
    const named = overrides.containerNames ?? [];
    const touchesContainer = overrides.image !== undefined || environment !== undefined || named.length > 0;
    // Each named container must be in the definition (the error lists the ones it has).
    const containerNames = !touchesContainer
        ? []
        : named.length > 0
            ? named.map((name) => (0,_containers_js__WEBPACK_IMPORTED_MODULE_2__/* .selectContainer */ .e6)(base, { containerName: name }).containerName)
            : [(0,_containers_js__WEBPACK_IMPORTED_MODULE_2__/* .selectContainer */ .e6)(base, { imageRepository: overrides.image }).containerName];
    const rendered = (0,_task_definition_js__WEBPACK_IMPORTED_MODULE_5__/* .renderTaskDefinition */ .P9)(base, {
        containerNames,
        image: overrides.image,
        cpu: overrides.cpu,
        memory: overrides.memory,
        environment,
    });
    const problems = (0,_fargate_js__WEBPACK_IMPORTED_MODULE_4__/* .validateTaskSize */ .jW)({
        taskDefinition: rendered,
        labels: {
            cpu: overrides.cpu === undefined ? 'Task definition cpu' : `Input '${_names_js__WEBPACK_IMPORTED_MODULE_1__/* .Input */ .pd.cpu}'`,
            memory: overrides.memory === undefined ? 'Task definition memory' : `Input '${_names_js__WEBPACK_IMPORTED_MODULE_1__/* .Input */ .pd.memory}'`,
        },
    });
    if (problems.length > 0)
        throw new _errors_js__WEBPACK_IMPORTED_MODULE_0__/* .UserError */ .yo([...problems, ...missingPartner(overrides, problems)].join('\n'));
    const runningArn = arnOf(input.running.taskDefinition);
    const sourceArn = arnOf(input.source.taskDefinition);
    const runningDoc = (0,_task_definition_js__WEBPACK_IMPORTED_MODULE_5__/* .toRegisterable */ .Hj)(input.running.taskDefinition);
    const tags = input.source.tags;
    const target = (() => {
        if ((0,_task_definition_compare_js__WEBPACK_IMPORTED_MODULE_6__/* .sameTaskDefinition */ .J)(runningDoc, rendered) && sameTags(input.running.tags, tags))
            return runningArn;
        // A registered source deployed as it is needs no new revision of its own.
        if (sourceArn !== undefined && (0,_task_definition_compare_js__WEBPACK_IMPORTED_MODULE_6__/* .sameTaskDefinition */ .J)(base, rendered))
            return sourceArn;
        return undefined;
    })();
    const desiredCountChanges = input.desiredCount !== undefined && input.desiredCount !== input.currentDesiredCount;
    return {
        containerNames,
        rendered,
        tags,
        diff: (0,_diff_js__WEBPACK_IMPORTED_MODULE_3__/* .diffTaskDefinitions */ .n)(runningDoc, rendered),
        registerNeeded: target === undefined,
        targetArn: target,
        updateNeeded: target === undefined || target !== runningArn || desiredCountChanges || input.forceNewDeployment,
        before: sizeOf(input.running.taskDefinition, containerNames[0]),
        after: sizeOf(rendered, containerNames[0]),
    };
}
/**
 * The family's latest ACTIVE revision when it is exactly what was rendered (same definition,
 * same tags): an earlier run registered it and stopped before updating the service, or a
 * parallel job registered the same thing. Deploying it beats registering an identical twin.
 */
function reusableRevision(rendered, tags, latest) {
    if (latest === undefined || latest.taskDefinition.status === 'INACTIVE')
        return undefined;
    if (!sameTaskDefinition(toRegisterable(latest.taskDefinition), rendered) || !sameTags(latest.tags, tags))
        return undefined;
    return arnOf(latest.taskDefinition);
}
function arnOf(td) {
    const arn = td.taskDefinitionArn;
    return typeof arn === 'string' ? arn : undefined;
}
function sameTags(a, b) {
    const key = (tags) => JSON.stringify([...tags].sort((x, y) => x.key.localeCompare(y.key)));
    return key(a) === key(b);
}
function sizeOf(td, containerName) {
    const containers = (0,_containers_js__WEBPACK_IMPORTED_MODULE_2__/* .containersOf */ .Mz)(td);
    const container = containerName
        ? containers.find((c) => c.name === containerName)
        : containers.length === 1
            ? containers[0]
            : undefined;
    const str = (v) => (v === undefined || v === null ? undefined : String(v));
    return { cpu: str(td.cpu), memory: str(td.memory), image: str(container?.image) };
}
/**
 * Decides, for a plan that changes nothing, whether the service really is done: a re-run
 * follows a deployment of the target still in progress, and refuses to call a failed
 * one that stayed failed "unchanged".
 */
function decideStanding(service, runningArn, name) {
    const inProgress = (0,_ecs_rollout_js__WEBPACK_IMPORTED_MODULE_7__/* .deploymentInProgress */ .ij)(service, runningArn);
    if (inProgress?.id !== undefined) {
        // The service's current record is that deployment's (it is still PRIMARY and in progress).
        const recordArn = service.currentServiceDeployment;
        return {
            kind: 'in-progress',
            deployment: { ...inProgress, id: inProgress.id },
            ...(recordArn === undefined ? {} : { recordArn }),
        };
    }
    const failedBefore = (0,_ecs_rollout_js__WEBPACK_IMPORTED_MODULE_7__/* .deploymentFailed */ .Lu)(service, runningArn);
    if (failedBefore?.id === undefined)
        return { kind: 'unchanged' };
    const failure = (0,_verdict_js__WEBPACK_IMPORTED_MODULE_8__/* .failed */ .gz)('refused', `Service '${name}' is set to ${(0,_aws_names_js__WEBPACK_IMPORTED_MODULE_9__/* .taskDefinitionLabel */ .$7)(runningArn)}, but its deployment ${failedBefore.id} of it FAILED (${failedBefore.rolloutStateReason ?? 'no reason given'}) and was not rolled back: nothing was changed. Fix the cause, then set '${_names_js__WEBPACK_IMPORTED_MODULE_1__/* .Input */ .pd.forceNewDeployment}: true' to roll it out again.`);
    return { kind: 'failed', deployment: { ...failedBefore, id: failedBefore.id }, failure };
}
/**
 * With only one of cpu / memory given, the other stays as the task definition has it; when
 * that is what Fargate refuses, say which input to add (the line before gives the values).
 */
function missingPartner(overrides, problems) {
    const only = overrides.cpu !== undefined && overrides.memory === undefined
        ? 'cpu'
        : overrides.memory !== undefined && overrides.cpu === undefined
            ? 'memory'
            : undefined;
    if (only === undefined)
        return [];
    const partner = only === 'cpu' ? 'memory' : 'cpu';
    if (!problems.some((p) => p.includes('is not valid with cpu')))
        return [];
    return [
        `Set input '${partner}' as well: with input '${only}' alone the task definition's ${partner} is kept, and Fargate does not accept it with that ${only}.`,
    ];
}


/***/ }),

/***/ 8316:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   L8: () => (/* binding */ rolloutProgressLine),
/* harmony export */   M5: () => (/* binding */ summarizeTaskFailures),
/* harmony export */   Pu: () => (/* binding */ serviceEventKey),
/* harmony export */   bt: () => (/* binding */ newServiceEvents),
/* harmony export */   jy: () => (/* binding */ formatServiceEvent)
/* harmony export */ });
/* unused harmony export describeStoppedTask */
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
/* harmony export */   lB: () => (/* binding */ tooManyFailedTasks),
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
    const tooMany = tooManyFailedTasks(ours.failedTasks ?? 0, maxFailedTasks, `deployment ${deploymentId}`);
    if (tooMany !== undefined)
        return tooMany;
    // An older deployment still draining means old tasks still serve traffic: not done yet.
    const alone = deployments.length === 1;
    if (alone && isRolledOut(ours))
        return { state: 'succeeded' };
    return { state: 'pending' };
}
/** The action's own failure once `count` tasks of `what` failed and `max-failed-tasks` (>0) is reached. */
function tooManyFailedTasks(count, maxFailedTasks, what) {
    if (maxFailedTasks <= 0 || count < maxFailedTasks)
        return undefined;
    return (0,_verdict_js__WEBPACK_IMPORTED_MODULE_1__/* .failed */ .gz)('too-many-failed-tasks', `${count} ${count === 1 ? 'task' : 'tasks'} of ${what} failed (max-failed-tasks is ${maxFailedTasks})`);
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

/***/ 3583:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   cS: () => (/* binding */ batchesOf),
/* harmony export */   rP: () => (/* binding */ DESCRIBE_SERVICES_LIMIT)
/* harmony export */ });
/* unused harmony exports MAX_SERVICES, REGISTRATION_RATE, serviceKey, registrationDelayMs, sharedRegistrations, combineServiceVerdicts */
/* harmony import */ var _ecs_deploy_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(9344);
/* harmony import */ var _task_definition_compare_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(4452);
// Several services in one step: the limits, which renderings are the same registration,
// when each registration may go, and the one verdict of them all. Pure.



/** Services one step deploys at most (each costs a follower, a record poll and maybe a registration). */
const MAX_SERVICES = 50;
/** DescribeServices takes at most this many services per call. */
const DESCRIBE_SERVICES_LIMIT = 10;
/** ECS's RegisterTaskDefinition rate: a burst of about 20, then about 1 per second. */
const REGISTRATION_RATE = { burst: 20, perSecondMs: 1000 };
/** A service's name whether given as a name or an ARN (`arn:…:service/cluster/name`). */
function serviceKey(nameOrArn) {
    return nameOrArn.slice(nameOrArn.lastIndexOf('/') + 1);
}
/** `items` in consecutive groups of at most `size`. */
function batchesOf(items, size) {
    const batches = [];
    for (let at = 0; at < items.length; at += size)
        batches.push(items.slice(at, at + size));
    return batches;
}
/** How long the `index`-th registration of the step waits before it is sent, to stay within ECS's rate. */
function registrationDelayMs(index, rate = REGISTRATION_RATE) {
    return index < rate.burst ? 0 : (index - rate.burst + 1) * rate.perSecondMs;
}
/**
 * For each rendering (undefined: needs no registration), the index of the first one that
 * is exactly the same definition with the same tags: services sharing a family and
 * rendering to the same definition register it once.
 */
function sharedRegistrations(renderings) {
    return renderings.map((mine, index) => {
        if (mine === undefined)
            return undefined;
        const first = renderings.findIndex((other) => other !== undefined && sameTaskDefinition(other.rendered, mine.rendered) && sameTags(other.tags, mine.tags));
        return first === -1 ? index : first;
    });
}
/**
 * One verdict for the ecs mode from each service's own: a failure when any failed, naming
 * each failed service; otherwise the most telling success (planned, started, succeeded,
 * then unchanged). One service: its verdict, unchanged.
 */
function combineServiceVerdicts(results) {
    const [only] = results;
    if (results.length === 1 && only !== undefined)
        return only.verdict;
    const failures = results.flatMap((r) => (isFailure(r.verdict) ? [{ service: r.service, failure: r.verdict }] : []));
    const [first] = failures;
    if (first !== undefined) {
        const of = `${failures.length} of ${results.length} services`;
        if (failures.length === 1)
            return failed(first.failure.kind, `Service '${first.service}' failed (${of}): ${first.failure.reason}`, first.failure.details);
        const details = failures.flatMap(({ service, failure }) => [
            `'${service}': ${failure.reason}`,
            ...failure.details.map((d) => `'${service}':   ${d}`),
        ]);
        return failed(first.failure.kind, `${of} failed: ${failures.map((f) => `'${f.service}'`).join(', ')}.`, details);
    }
    const states = new Set(results.map((r) => r.verdict.state));
    for (const state of ['planned', 'started', 'succeeded'])
        if (states.has(state))
            return { state };
    return { state: 'unchanged' };
}


/***/ }),

/***/ 1177:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   P5: () => (/* binding */ tryParseCpu),
/* harmony export */   cI: () => (/* binding */ tryParseMemory),
/* harmony export */   jW: () => (/* binding */ validateTaskSize)
/* harmony export */ });
/* unused harmony exports parseCpu, parseMemory */
/* harmony import */ var _errors_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(3916);
/* harmony import */ var _names_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(6455);
/* harmony import */ var _json_js__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(2877);
// Task cpu / memory: the forms ECS accepts, and the combinations it would refuse at
// RegisterTaskDefinition ("No Fargate configuration exists for given values"), checked
// before anything is registered so the user sees one clear message instead.



const FARGATE_CPU_SIZES = [256, 512, 1024, 2048, 4096, 8192, 16384];
const WINDOWS_CPU_SIZES = [1024, 2048, 4096];
// The 256 row is a list, not a range: 512, 1024, 2048 (see aws-facts.md).
const FARGATE_MEMORY = {
    256: [512, 1024, 2048],
    512: { min: 1024, max: 4096, step: 1024 },
    1024: { min: 2048, max: 8192, step: 1024 },
    2048: { min: 4096, max: 16384, step: 1024 },
    4096: { min: 8192, max: 30720, step: 1024 },
    8192: { min: 16384, max: 61440, step: 4096 },
    16384: { min: 32768, max: 122880, step: 8192 },
};
const EC2_CPU_MIN = 128;
const EC2_CPU_MAX = 196608;
const NUMBER = String.raw `(\d+(?:\.\d+)?|\.\d+)`;
const CPU_PATTERN = new RegExp(String.raw `^\s*${NUMBER}\s*(vcpu)?\s*$`, 'i');
const MEMORY_PATTERN = new RegExp(String.raw `^\s*${NUMBER}\s*(gib|gb|mib|mb)?\s*$`, 'i');
/** `1024`, `1 vCPU`, `.5 vcpu`, `2vCPU` -> cpu units as a string. */
function parseCpu(raw) {
    const units = tryParseCpu(raw);
    if (units === undefined)
        throw new UserError(notCpuMessage(`Input '${Input.cpu}'`, raw));
    return units;
}
/** `2048`, `2 GB`, `0.5 GiB`, `512 MiB` -> MiB as a string (GB means 1024 MiB, as in ECS). */
function parseMemory(raw) {
    const mib = tryParseMemory(raw);
    if (mib === undefined)
        throw new UserError(notMemoryMessage(`Input '${Input.memory}'`, raw));
    return mib;
}
function tryParseCpu(raw) {
    const match = CPU_PATTERN.exec(raw);
    if (match === null)
        return undefined;
    return scalePositive(match[1] ?? '', match[2] === undefined ? 1 : 1024);
}
function tryParseMemory(raw) {
    const match = MEMORY_PATTERN.exec(raw);
    if (match === null)
        return undefined;
    const unit = match[2]?.toLowerCase();
    return scalePositive(match[1] ?? '', unit === 'gb' || unit === 'gib' ? 1024 : 1);
}
/** Problems ECS would refuse the task definition for; empty when the sizes are fine. */
function validateTaskSize(check) {
    const { taskDefinition: td, labels } = check;
    const problems = [];
    const cpu = readTaskSize(td.cpu, labels.cpu, 'cpu', problems);
    const memory = readTaskSize(td.memory, labels.memory, 'memory', problems);
    if (isFargate(td)) {
        checkFargateSize({ cpu, memory, labels, windows: isWindows(td), problems });
    }
    else {
        if (typeof cpu === 'number' && (cpu < EC2_CPU_MIN || cpu > EC2_CPU_MAX)) {
            problems.push(`${labels.cpu} (${cpu}) is out of range: use ${EC2_CPU_MIN}-${EC2_CPU_MAX} cpu units (0.125-192 vCPU).`);
        }
    }
    checkContainers({
        td,
        cpu: typeof cpu === 'number' ? cpu : undefined,
        memory: typeof memory === 'number' ? memory : undefined,
        labels,
        problems,
    });
    return problems;
}
function isFargate(td) {
    const compat = td.requiresCompatibilities;
    return Array.isArray(compat) && compat.some((c) => typeof c === 'string' && c.toUpperCase() === 'FARGATE');
}
function isWindows(td) {
    const platform = td.runtimePlatform;
    if (!(0,_json_js__WEBPACK_IMPORTED_MODULE_2__/* .isRecord */ .u)(platform))
        return false;
    const family = platform.operatingSystemFamily;
    return typeof family === 'string' && family.toUpperCase().startsWith('WINDOWS');
}
const UNREADABLE = 'unreadable';
function checkFargateSize({ cpu, memory, labels, windows, problems }) {
    const sizes = windows ? WINDOWS_CPU_SIZES : FARGATE_CPU_SIZES;
    const platform = windows ? 'Windows on Fargate' : 'Fargate';
    let row;
    if (cpu === undefined) {
        problems.push(`${labels.cpu} is required on Fargate: use one of ${listOf(sizes)}.`);
    }
    else if (cpu === UNREADABLE) {
        // Already reported as unreadable; no row to check memory against.
    }
    else if (!sizes.includes(cpu)) {
        problems.push(`${labels.cpu} (${cpu}) is not a cpu size for ${platform}: use one of ${listOf(sizes)}.`);
    }
    else {
        row = FARGATE_MEMORY[cpu];
    }
    if (memory === undefined) {
        problems.push(`${labels.memory} is required on Fargate: set the task memory in MiB, e.g. 2048.`);
        return;
    }
    if (memory === UNREADABLE || row === undefined)
        return;
    if (isMemoryList(row)) {
        if (!row.includes(memory)) {
            problems.push(`${labels.memory} (${memory}) is not valid with cpu ${cpu} on Fargate: use one of ${listOf(row)}.`);
        }
        return;
    }
    const range = row;
    if (memory < range.min || memory > range.max || (memory - range.min) % range.step !== 0) {
        problems.push(`${labels.memory} (${memory}) is not valid with cpu ${cpu} on Fargate: use ${range.min}-${range.max} in steps of ${range.step}.`);
    }
}
function checkContainers({ td, cpu, memory, labels, problems }) {
    const containers = td.containerDefinitions;
    if (!Array.isArray(containers))
        return;
    const shares = [];
    containers.forEach((container, index) => {
        if (!(0,_json_js__WEBPACK_IMPORTED_MODULE_2__/* .isRecord */ .u)(container))
            return;
        const name = typeof container.name === 'string' ? container.name : `#${index + 1}`;
        const containerCpu = readContainerInt(container, name, 'cpu', problems);
        if (containerCpu !== undefined && containerCpu > 0)
            shares.push({ name, cpu: containerCpu });
        for (const field of ['memory', 'memoryReservation']) {
            const value = readContainerInt(container, name, field, problems);
            if (value !== undefined && memory !== undefined && value > memory) {
                problems.push(`Container '${name}' ${field} (${value}) is more than ${labels.memory} (${memory}): lower the container's ${field} or raise the task memory.`);
            }
        }
    });
    const total = shares.reduce((sum, share) => sum + share.cpu, 0);
    if (cpu !== undefined && total > cpu) {
        const parts = shares.map((share) => `'${share.name}' ${share.cpu}`).join(' + ');
        problems.push(`Container cpu adds up to ${total} (${parts}), more than ${labels.cpu} (${cpu}): lower the containers' cpu or raise the task cpu.`);
    }
}
/** A task-level size from a string or number; absent values are undefined, bad ones a problem. */
function readTaskSize(value, label, kind, problems) {
    if (value === undefined || value === null)
        return undefined;
    const raw = typeof value === 'number' ? String(value) : typeof value === 'string' ? value : undefined;
    if (raw !== undefined && raw.trim() === '')
        return undefined;
    const parsed = raw === undefined ? undefined : kind === 'cpu' ? tryParseCpu(raw) : tryParseMemory(raw);
    if (parsed === undefined) {
        const shown = raw ?? JSON.stringify(value);
        problems.push(kind === 'cpu' ? notCpuMessage(label, shown) : notMemoryMessage(label, shown));
        return UNREADABLE;
    }
    // Reported as written: a number too long for JavaScript must not come out as "Infinity".
    if (!Number.isSafeInteger(Number(parsed))) {
        problems.push(`${label} ('${raw}') is out of range: use ${kind === 'cpu' ? 'cpu units like 1024' : 'MiB like 2048'}.`);
        return UNREADABLE;
    }
    return Number(parsed);
}
function readContainerInt(container, name, field, problems) {
    const value = container[field];
    if (value === undefined || value === null)
        return undefined;
    const number = typeof value === 'string' && /^\s*\d+\s*$/.test(value) ? Number(value) : value;
    if (typeof number === 'number' && Number.isSafeInteger(number) && number >= 0)
        return number;
    const shown = typeof value === 'string' ? `'${value}'` : JSON.stringify(value);
    problems.push(`Container '${name}' ${field} (${shown}) is not a whole number: set it as ${field === 'cpu' ? 'cpu units' : 'MiB'}, e.g. ${field === 'cpu' ? 256 : 512}.`);
    return undefined;
}
function notCpuMessage(label, raw) {
    return `${label} ('${raw}') is not a cpu size: use cpu units like 1024 or vCPUs like '1 vCPU'.`;
}
function notMemoryMessage(label, raw) {
    return `${label} ('${raw}') is not a memory size: use MiB like 2048 or GB like '2 GB'.`;
}
/**
 * `number * factor` computed exactly on the decimal digits (0.3 vCPU is 307.2 units, which
 * floating point could round into an integer), as a string; undefined unless a positive
 * integer.
 */
function scalePositive(number, factor) {
    const [whole = '', fraction = ''] = number.split('.');
    const scale = 10n ** BigInt(fraction.length);
    const scaled = BigInt(`${whole}${fraction}` || '0') * BigInt(factor);
    if (scaled === 0n || scaled % scale !== 0n)
        return undefined;
    return String(scaled / scale);
}
// Array.isArray does not narrow a readonly array out of a union.
function isMemoryList(row) {
    return Array.isArray(row);
}
function listOf(values) {
    return values.join(', ');
}


/***/ }),

/***/ 2877:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   u: () => (/* binding */ isRecord)
/* harmony export */ });
/** A JSON object (not an array, not null): task definitions are handled as these. */
function isRecord(value) {
    return typeof value === 'object' && value !== null && !Array.isArray(value);
}


/***/ }),

/***/ 8654:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   Y1: () => (/* binding */ DEFAULT_POLL_PLAN),
/* harmony export */   md: () => (/* binding */ alarmsWatch),
/* harmony export */   qC: () => (/* binding */ nextPollDelay),
/* harmony export */   wO: () => (/* binding */ knownWaitEnd)
/* harmony export */ });
/* unused harmony exports WATCHED_INTERVAL_MS, watchedIntervalMs, bakeTimeMs */
// When to poll a service deployment next: rarely through a wait whose end is known (the
// final bake, a linear step's or a canary's bake) and at a pause hook, at a moderate
// interval through such a wait when an alarm can end it early, at `poll-interval`
// otherwise. Pure.
const DEFAULT_POLL_PLAN = {
    slowIntervalMs: 60_000,
    pausedIntervalMs: 30_000,
    leadMs: 15_000,
};
/**
 * The longest sleep through a wait something besides the clock can end (an alarm during a
 * bake; for CodeDeploy, a lifecycle hook still to run): a rollback starting then is seen
 * within this plus one call, inside 20 s.
 */
const WATCHED_INTERVAL_MS = 15_000;
/** The moderate interval through a wait an outside event can end; never faster than poll-interval. */
function watchedIntervalMs(intervalMs) {
    return Math.max(intervalMs, WATCHED_INTERVAL_MS);
}
/** CloudWatch alarms can fail (and roll back) the deployment at any moment: enabled, with at least one alarm named. */
function alarmsWatch(config) {
    const alarms = config?.alarms;
    return alarms?.enable === true && (alarms.alarmNames?.length ?? 0) > 0;
}
function minutesMs(minutes) {
    return minutes === undefined || minutes <= 0 ? undefined : minutes * 60_000;
}
/** Bake of the whole deployment after production traffic shifted, in ms, when configured. */
function bakeTimeMs(config) {
    return minutesMs(config?.bakeTimeInMinutes);
}
/**
 * When the wait the deployment is in is due to end, or undefined when its end is not known.
 * Counted from the earliest moment it can have begun, so the real end is never before it:
 * - BAKE_TIME: `bakeTimeInMinutes` after the stage began;
 * - PRODUCTION_TRAFFIC_SHIFT of a LINEAR deployment with traffic part-way: the step's bake
 *   (`stepBakeTimeInMinutes`) after the traffic moved; of a CANARY: the canary's bake.
 */
function knownWaitEnd(view) {
    if (view.status !== 'IN_PROGRESS')
        return undefined;
    if (view.stage === 'BAKE_TIME') {
        const bake = bakeTimeMs(view.config);
        return bake === undefined ? undefined : view.stageSince + bake;
    }
    const partWay = view.weight !== undefined && view.weight > 0 && view.weight < 100;
    if (view.stage !== 'PRODUCTION_TRAFFIC_SHIFT' || !partWay)
        return undefined;
    const step = view.strategy === 'LINEAR'
        ? minutesMs(view.config?.linearConfiguration?.stepBakeTimeInMinutes)
        : view.strategy === 'CANARY'
            ? minutesMs(view.config?.canaryConfiguration?.canaryBakeTimeInMinutes)
            : undefined;
    return step === undefined ? undefined : view.weightSince + step;
}
/**
 * How long to sleep before the next poll. Through a wait whose end is known, poll rarely
 * and come back to the normal interval a lead before the end, so what follows the wait is
 * still seen within one normal interval; at a pause hook (which waits for a person), every
 * `pausedIntervalMs`. Otherwise: the normal interval. `watched`: something besides the
 * clock can end the wait (alarms enabled), so it is polled at `watchedIntervalMs` at most.
 */
function nextPollDelay(input) {
    const { plan, now, waitEndsAt, paused } = input;
    const rare = (ms) => (input.watched === true ? Math.min(ms, watchedIntervalMs(plan.intervalMs)) : ms);
    if (paused)
        return Math.max(plan.intervalMs, rare(plan.pausedIntervalMs));
    if (waitEndsAt === undefined)
        return plan.intervalMs;
    const lead = Math.max(plan.leadMs, 2 * plan.intervalMs);
    const untilLead = waitEndsAt - lead - now;
    if (untilLead <= plan.intervalMs)
        return plan.intervalMs;
    return Math.max(plan.intervalMs, Math.min(rare(plan.slowIntervalMs), untilLead));
}


/***/ }),

/***/ 5516:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   Lp: () => (/* binding */ codeDeployWaitUntilProblem),
/* harmony export */   Nl: () => (/* binding */ hasReached),
/* harmony export */   xS: () => (/* binding */ strategyOf),
/* harmony export */   xb: () => (/* binding */ waitUntilProblem)
/* harmony export */ });
/* unused harmony exports ALL_STAGES, STRATEGIES, stagesOf, parseWaitUntil, stageIndex */
/* harmony import */ var _codedeploy_events_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(3751);
// The lifecycle stages of an ECS service deployment, per strategy, and the `wait-until`
// input that names one of them. Pure.

// In order, as the API reference lists them. Blue/green, linear and canary walk the same
// stages (linear and canary shift production traffic in steps inside PRODUCTION_TRAFFIC_SHIFT).
const TRAFFIC_SHIFTING = [
    'RECONCILE_SERVICE',
    'PRE_SCALE_UP',
    'SCALE_UP',
    'POST_SCALE_UP',
    'TEST_TRAFFIC_SHIFT',
    'POST_TEST_TRAFFIC_SHIFT',
    'PRODUCTION_TRAFFIC_SHIFT',
    'POST_PRODUCTION_TRAFFIC_SHIFT',
    'BAKE_TIME',
    'CLEAN_UP',
];
// A rolling update replaces tasks in place: it reconciles, scales up the new revision
// (draining the old one as it goes) and cleans up; there is no traffic shift and no bake.
const ROLLING = ['RECONCILE_SERVICE', 'SCALE_UP', 'CLEAN_UP'];
const ALL_STAGES = (/* unused pure expression or super */ null && (TRAFFIC_SHIFTING));
const STRATEGIES = (/* unused pure expression or super */ null && (['ROLLING', 'BLUE_GREEN', 'LINEAR', 'CANARY']));
function stagesOf(strategy) {
    return strategy === 'ROLLING' ? ROLLING : TRAFFIC_SHIFTING;
}
/** The strategy a service deploys with: ROLLING when it names none. */
function strategyOf(config) {
    return config?.strategy ?? 'ROLLING';
}
/** Parses the `wait-until` input; undefined when it is neither `completed`, a stage nor a CodeDeploy event. */
function parseWaitUntil(raw) {
    const value = raw.trim();
    if (value.toLowerCase() === 'completed')
        return 'completed';
    const stage = value.toUpperCase().replace(/-/g, '_');
    if (ALL_STAGES.includes(stage))
        return stage;
    return parseCodeDeployEvent(value);
}
/**
 * Why `waitUntil` cannot end the wait of a service deployed through CodeDeploy, or
 * undefined when it can: only `completed` and CodeDeploy lifecycle events apply there.
 */
function codeDeployWaitUntilProblem(waitUntil) {
    if (waitUntil === 'completed' || (0,_codedeploy_events_js__WEBPACK_IMPORTED_MODULE_0__/* .isCodeDeployEvent */ .NS)(waitUntil))
        return undefined;
    return `${waitUntil} is a stage of ECS's own deployments, and this service deploys through CodeDeploy: use 'completed' or a CodeDeploy lifecycle event (${_codedeploy_events_js__WEBPACK_IMPORTED_MODULE_0__/* .CODEDEPLOY_WAIT_EVENTS */ .pH.join(', ')})`;
}
/**
 * Why `waitUntil` cannot be reached on a service deploying with `strategy`, or undefined
 * when it can: a stage the strategy never goes through would never end the wait.
 */
function waitUntilProblem(waitUntil, strategy) {
    if (waitUntil === 'completed')
        return undefined;
    const stages = stagesOf(strategy);
    if ((0,_codedeploy_events_js__WEBPACK_IMPORTED_MODULE_0__/* .isCodeDeployEvent */ .NS)(waitUntil))
        return `${waitUntil} is a CodeDeploy lifecycle event, and this service deploys with ECS's own ${strategy} strategy: use 'completed' or one of ${stages.join(', ')}`;
    if (stages.includes(waitUntil))
        return undefined;
    return `a ${strategy} deployment never goes through stage ${waitUntil}: use 'completed' or one of ${stages.join(', ')}`;
}
/** -1 when the stage is not part of the strategy (or unknown, or a CodeDeploy event). */
function stageIndex(stage, strategy) {
    return stage === undefined ? -1 : stagesOf(strategy).indexOf(stage);
}
/** True once `stage` is `target` or a later stage of the strategy. */
function hasReached(stage, target, strategy) {
    const at = stageIndex(stage, strategy);
    const goal = stageIndex(target, strategy);
    return at >= 0 && goal >= 0 && at >= goal;
}


/***/ }),

/***/ 293:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   Z: () => (/* binding */ shellQuote)
/* harmony export */ });
// Commands the log suggests a person copy into a shell. Pure.
/**
 * One POSIX shell word holding `text` exactly: single quotes, each `'` inside written `'\''`.
 * For outside text (a hook id, an ARN) in a command someone may paste.
 */
function shellQuote(text) {
    return `'${text.replaceAll("'", "'\\''")}'`;
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
    if (!(0,_json_js__WEBPACK_IMPORTED_MODULE_2__/* .isRecord */ .u)(mapping) || mapping.protocol !== 'tcp')
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
    const nameOf = (entry) => (0,_json_js__WEBPACK_IMPORTED_MODULE_2__/* .isRecord */ .u)(entry) && typeof entry.name === 'string' ? entry.name : undefined;
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

/***/ 7222:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   Hj: () => (/* binding */ toRegisterable),
/* harmony export */   P9: () => (/* binding */ renderTaskDefinition),
/* harmony export */   eY: () => (/* binding */ mergeEnvironment),
/* harmony export */   n7: () => (/* binding */ DESCRIBE_ONLY_FIELDS)
/* harmony export */ });
/* unused harmony export normalizeTaskDefinitionDocument */
/* harmony import */ var _errors_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(3916);
/* harmony import */ var _containers_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(3759);
/* harmony import */ var _json_js__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(2877);
// Reading, rendering and checking task definitions, kept as plain JSON objects rather than
// SDK types so fields newer than our SDK pass through untouched. Pure.



/** Fields DescribeTaskDefinition returns and RegisterTaskDefinition rejects. */
const DESCRIBE_ONLY_FIELDS = [
    'taskDefinitionArn',
    'revision',
    'status',
    'requiresAttributes',
    'compatibilities',
    'registeredAt',
    'registeredBy',
    'deregisteredAt',
];
const DESCRIBE_ONLY = new Set(DESCRIBE_ONLY_FIELDS);
/**
 * Accepts a bare task definition or `aws ecs describe-task-definition` output
 * (`{ taskDefinition, tags }`). Tags always travel separately: a `tags` field inside a bare
 * task definition (RegisterTaskDefinition's input shape) is moved out too.
 */
function normalizeTaskDefinitionDocument(doc, source) {
    const expected = "use a task definition JSON object with 'family' and 'containerDefinitions', or the output of 'aws ecs describe-task-definition'";
    if (!isRecord(doc)) {
        throw new UserError(`${source} is not a task definition (got ${kindOf(doc)}): ${expected}.`);
    }
    const described = isRecord(doc.taskDefinition);
    const inner = described ? doc.taskDefinition : doc;
    const { tags: innerTags, ...taskDefinition } = inner;
    const rawTags = described ? (doc.tags ?? innerTags) : innerTags;
    const problems = [...findShapeProblems(taskDefinition)];
    const tags = readTags(rawTags, problems);
    if (problems.length > 0) {
        throw new UserError(`${source} is not a valid task definition: ${problems.join('; ')}. Fix it or ${expected}.`);
    }
    return { taskDefinition: structuredClone(taskDefinition), tags };
}
/** A copy without the describe-only fields; everything else, known to us or not, survives. */
function toRegisterable(taskDefinition) {
    const result = {};
    for (const [key, value] of Object.entries(taskDefinition)) {
        if (!DESCRIBE_ONLY.has(key))
            result[key] = structuredClone(value);
    }
    return result;
}
/** A new task definition with the overrides applied; `base` is left as it was. */
function renderTaskDefinition(base, overrides) {
    const result = structuredClone(base);
    for (const name of targetContainers(base, overrides)) {
        const container = (0,_containers_js__WEBPACK_IMPORTED_MODULE_1__/* .containersOf */ .Mz)(result).find((candidate) => candidate.name === name);
        if (container === undefined)
            continue;
        if (overrides.image !== undefined)
            container.image = overrides.image;
        if (overrides.environment !== undefined) {
            container.environment = mergeEnvironment(container.environment, overrides.environment);
        }
    }
    if (overrides.cpu !== undefined)
        result.cpu = overrides.cpu;
    if (overrides.memory !== undefined)
        result.memory = overrides.memory;
    return result;
}
/** The containers the image and environment go to: each one named (checked), else the one selectContainer picks. */
function targetContainers(base, overrides) {
    if (overrides.containerNames !== undefined && overrides.containerNames.length > 0) {
        return overrides.containerNames.map((containerName) => (0,_containers_js__WEBPACK_IMPORTED_MODULE_1__/* .selectContainer */ .e6)(base, { containerName }).containerName);
    }
    const touchesContainer = overrides.containerName !== undefined || overrides.image !== undefined || overrides.environment !== undefined;
    if (!touchesContainer)
        return [];
    const { containerName } = (0,_containers_js__WEBPACK_IMPORTED_MODULE_1__/* .selectContainer */ .e6)(base, {
        ...(overrides.containerName === undefined ? {} : { containerName: overrides.containerName }),
        ...(overrides.image === undefined ? {} : { imageRepository: overrides.image }),
    });
    return [containerName];
}
/** Set-or-replace by name: existing entries keep their place, new ones go at the end. */
function mergeEnvironment(existing, overrides) {
    let entries = Array.isArray(existing) ? [...existing] : [];
    for (const { name, value } of overrides) {
        const isNamed = (entry) => (0,_json_js__WEBPACK_IMPORTED_MODULE_2__/* .isRecord */ .u)(entry) && entry.name === name;
        const index = entries.findIndex(isNamed);
        if (index === -1) {
            entries.push({ name, value });
            continue;
        }
        // Later duplicates of the name would shadow or contradict the value we set.
        entries = entries.filter((entry, at) => at === index || !isNamed(entry));
        entries[index] = { name, value };
    }
    return entries;
}
function findShapeProblems(td) {
    const problems = [];
    const family = td.family;
    if (typeof family !== 'string' || family.trim() === '') {
        problems.push(`'family' is ${family === undefined ? 'missing' : 'not a non-empty string'}`);
    }
    const containers = td.containerDefinitions;
    if (!Array.isArray(containers) || containers.length === 0) {
        problems.push(`'containerDefinitions' is ${containers === undefined ? 'missing' : 'not a non-empty list'} (it needs at least one container)`);
        return problems;
    }
    const seen = new Set();
    containers.forEach((container, index) => {
        if (!isRecord(container)) {
            problems.push(`containerDefinitions[${index}] is not an object`);
            return;
        }
        const name = container.name;
        if (typeof name !== 'string' || name === '') {
            problems.push(`containerDefinitions[${index}] has no 'name'`);
        }
        else if (seen.has(name)) {
            problems.push(`container name '${name}' is used more than once`);
        }
        else {
            seen.add(name);
        }
    });
    return problems;
}
function readTags(raw, problems) {
    if (raw === undefined || raw === null)
        return [];
    const shapeProblem = "'tags' must be a list of { key, value } objects with string values";
    if (!Array.isArray(raw)) {
        problems.push(shapeProblem);
        return [];
    }
    const tags = [];
    for (const entry of raw) {
        const key = isRecord(entry) ? entry.key : undefined;
        const value = isRecord(entry) ? (entry.value ?? '') : undefined;
        if (typeof key !== 'string' || key === '' || typeof value !== 'string') {
            problems.push(shapeProblem);
            return [];
        }
        tags.push({ key, value });
    }
    return tags;
}
function kindOf(value) {
    if (value === null)
        return 'null';
    if (value === undefined)
        return 'nothing';
    if (Array.isArray(value))
        return 'a list';
    return `a ${typeof value}`;
}


/***/ }),

/***/ 7282:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   FE: () => (/* binding */ withDetails),
/* harmony export */   gz: () => (/* binding */ failed),
/* harmony export */   kY: () => (/* binding */ failureText)
/* harmony export */ });
/* unused harmony export isFailure */
// The one verdict shape. plan/ decides it, steps put it in their results unchanged, and
// the log, the outputs and the summary read it from there: no layer re-shapes it.
function failed(kind, reason, details = []) {
    return { state: 'failed', kind, reason, details };
}
function isFailure(verdict) {
    return verdict.state === 'failed';
}
/** The failure as the log and the summary print it: the reason, then each detail. */
function failureText(verdict) {
    if (verdict === undefined || !isFailure(verdict))
        return undefined;
    return [verdict.reason, ...verdict.details].join('\n');
}
/** The same failure with more evidence appended. */
function withDetails(failure, details) {
    return details.length === 0 ? failure : { ...failure, details: [...failure.details, ...details] };
}


/***/ }),

/***/ 8659:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

// ESM COMPAT FLAG
__webpack_require__.r(__webpack_exports__);

// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  controllerFor: () => (/* binding */ controllerFor)
});

// EXTERNAL MODULE: ./src/steps/ecs-controller.ts + 7 modules
var ecs_controller = __webpack_require__(5186);
// EXTERNAL MODULE: ./src/aws/ecs.ts
var ecs = __webpack_require__(1032);
// EXTERNAL MODULE: ./node_modules/@aws-sdk/client-ecs/dist-cjs/index.js
var dist_cjs = __webpack_require__(212);
// EXTERNAL MODULE: ./src/errors.ts
var errors = __webpack_require__(3916);
// EXTERNAL MODULE: ./src/plan/json.ts
var plan_json = __webpack_require__(2877);
// EXTERNAL MODULE: ./src/aws/raw-json.ts
var raw_json = __webpack_require__(2402);
;// CONCATENATED MODULE: ./src/aws/ecs-express.ts
// ECS Express Mode services: the two calls the step makes on them. Both work on the JSON
// as AWS sends it, so members of the primary container newer than this SDK survive the
// round trip (the update sends the container back whole, see plan/express-update.ts).




/** DescribeExpressGatewayService: the Express service with its active configurations, as AWS sent it. */
async function describeExpressGatewayService(ecs, serviceArn) {
    const what = `DescribeExpressGatewayService for '${serviceArn}'`;
    const json = await (0,raw_json/* sendForRawJson */.U2)(ecs, new dist_cjs.DescribeExpressGatewayServiceCommand({ serviceArn }), what);
    const service = (0,plan_json/* isRecord */.u)(json) ? json.service : undefined;
    if (!(0,plan_json/* isRecord */.u)(service))
        throw new errors/* AwsCallError */.iQ(what, 'the response had no service');
    return service;
}
/**
 * UpdateExpressGatewayService with exactly the members of `request` (those the SDK does
 * not model included); returns the `service` member of the answer (UpdatedExpressGatewayService).
 */
async function updateExpressGatewayService(ecs, request) {
    const what = `UpdateExpressGatewayService for '${request.serviceArn}'`;
    const command = new dist_cjs.UpdateExpressGatewayServiceCommand(request);
    (0,raw_json/* sendUnknownMembers */.eZ)(command, request);
    const json = await (0,raw_json/* sendForRawJson */.U2)(ecs, command, what);
    const service = (0,plan_json/* isRecord */.u)(json) ? json.service : undefined;
    return (0,plan_json/* isRecord */.u)(service) ? service : {};
}

// EXTERNAL MODULE: ./src/plan/ecs-deploy.ts
var ecs_deploy = __webpack_require__(9344);
// EXTERNAL MODULE: ./src/plan/aws-names.ts
var aws_names = __webpack_require__(8983);
// EXTERNAL MODULE: ./src/plan/ecs-rollout.ts
var ecs_rollout = __webpack_require__(4390);
;// CONCATENATED MODULE: ./src/plan/express-deployment.ts
// Which deployment of an Express service is ours: ECS Express Mode starts it inside
// UpdateExpressGatewayService, whose answer names no deployment id. Pure.


/**
 * The deployment our UpdateExpressGatewayService started, once DescribeServices shows it:
 * the PRIMARY one of the revision Express registered (`targetArn`, from the answer's
 * targetConfiguration), or, when Express did not say which, a PRIMARY one created at or
 * after the update. Undefined while the service still shows the deployment before ours.
 */
function expressDeployment(service, targetArn, updatedAtMs) {
    const primary = (0,ecs_rollout/* primaryDeployment */.sg)(service);
    if (primary?.id === undefined)
        return undefined;
    const ours = targetArn !== undefined
        ? (0,aws_names/* taskDefinitionLabel */.$7)(primary.taskDefinition) === (0,aws_names/* taskDefinitionLabel */.$7)(targetArn)
        : primary.createdAt !== undefined && primary.createdAt.getTime() >= updatedAtMs - 1000;
    return ours ? { ...primary, id: primary.id } : undefined;
}

// EXTERNAL MODULE: ./src/names.ts
var src_names = __webpack_require__(6455);
// EXTERNAL MODULE: ./src/plan/diff.ts
var diff = __webpack_require__(8256);
// EXTERNAL MODULE: ./src/plan/fargate.ts
var fargate = __webpack_require__(1177);
// EXTERNAL MODULE: ./src/plan/task-definition.ts
var task_definition = __webpack_require__(7222);
;// CONCATENATED MODULE: ./src/plan/express-update.ts
// ECS Express Mode services (recognised by plan/ecs-controller.ts): the UpdateExpressGatewayService
// request that applies the step's image, task cpu/memory and environment to it while
// keeping everything else as the service has it. Pure: the Express service's JSON (as
// DescribeExpressGatewayService sent it) and the step's inputs in, the request out.
//
// Shapes from @aws-sdk/client-ecs 3.1164 (dist-types/models: ECSExpressGatewayService,
// ExpressGatewayServiceConfiguration, ExpressGatewayContainer,
// UpdateExpressGatewayServiceRequest) and the API reference page
// API_UpdateExpressGatewayService; the botocore model installed with moto (1.43.11) lacks
// `taskDefinitionArn` and `cpuArchitecture` on the configuration and the request, the SDK's
// newer model is the one followed here.






/**
 * The name of the primary container in the task definition Express Mode runs: the API
 * reference (CreateExpressGatewayService `taskDefinitionArn`) requires a container named
 * `Main`, and it is the only container the step can change.
 */
const EXPRESS_PRIMARY_CONTAINER = 'Main';
/**
 * Why run-task cannot run "the revision the ecs mode deploys" of an Express service: Express
 * Mode registers that revision only when the ecs mode updates the service, after the task.
 */
function expressRevisionNotYet(service) {
    return new UserError(`Input '${Input.runTaskDefinition}' is required with an Express service: '${service}' is managed by ECS Express Mode, which registers the revision it deploys only when the ecs mode updates the service, after the one-off task runs. Name the task definition to run (a family, revision, ARN or file).`);
}
/**
 * The request that changes only what the inputs ask for. Throws a UserError, before
 * anything is changed, for inputs Express Mode cannot take and for a cpu/memory pair
 * Fargate (which every Express service runs on, Linux only) would refuse.
 */
function planExpressUpdate(input) {
    refuseInputs(input);
    const { express, service } = input;
    const serviceArn = express.serviceArn;
    if (typeof serviceArn !== 'string')
        throw new Error(`DescribeExpressGatewayService for '${service}' returned no serviceArn`);
    const config = currentConfiguration(express, service);
    const container = (0,plan_json/* isRecord */.u)(config.primaryContainer) ? config.primaryContainer : undefined;
    const taskDefinitionArn = typeof config.taskDefinitionArn === 'string' ? config.taskDefinitionArn : undefined;
    const touchesContainer = input.image !== undefined || input.environment.length > 0;
    if (container === undefined && (touchesContainer || input.cpu !== undefined || input.memory !== undefined)) {
        throw new errors/* UserError */.yo(`Express service '${service}' runs a task definition its owner provides (${taskDefinitionArn ?? 'no primaryContainer in its configuration'}): UpdateExpressGatewayService takes no image, cpu or memory for it. Deploy a new revision of that task definition through its owner instead.`);
    }
    const beforeCpu = sizeOf(config.cpu, fargate/* tryParseCpu */.P5);
    const beforeMemory = sizeOf(config.memory, fargate/* tryParseMemory */.cI);
    const cpu = input.cpu ?? beforeCpu;
    const memory = input.memory ?? beforeMemory;
    if (input.cpu !== undefined || input.memory !== undefined)
        checkSize(input, cpu, memory);
    const renderedContainer = container === undefined ? undefined : renderContainer(container, input);
    const request = { serviceArn };
    if (renderedContainer !== undefined && container !== undefined && diffOf(container, renderedContainer).length > 0) {
        // Sent whole: the API reference does not say a partial container is merged, and `image` is required in it.
        request.primaryContainer = renderedContainer;
    }
    if (input.cpu !== undefined && input.cpu !== beforeCpu)
        request.cpu = input.cpu;
    if (input.memory !== undefined && input.memory !== beforeMemory)
        request.memory = input.memory;
    const changes = Object.keys(request).length > 1;
    const image = (c) => (typeof c?.image === 'string' ? c.image : undefined);
    return {
        serviceArn,
        ...(taskDefinitionArn === undefined ? {} : { taskDefinitionArn }),
        ...(changes ? { request } : {}),
        diff: (0,diff/* diffTaskDefinitions */.n)(asTask(beforeCpu, beforeMemory, container), asTask(cpu, memory, renderedContainer ?? container)),
        before: compact({ cpu: beforeCpu, memory: beforeMemory, image: image(container) }),
        after: compact({ cpu, memory, image: image(renderedContainer ?? container) }),
    };
}
/**
 * The request as lines for the dry-run log, with every environment value hidden (they often
 * carry credentials GitHub does not know to mask; the diff hides them too).
 */
function requestLines(request) {
    const container = request.primaryContainer;
    const environment = container?.environment;
    const shown = container === undefined || !Array.isArray(environment)
        ? request
        : {
            ...request,
            primaryContainer: {
                ...container,
                environment: environment.map((e) => (0,plan_json/* isRecord */.u)(e) && 'value' in e ? { ...e, value: '(hidden)' } : e),
            },
        };
    return JSON.stringify(shown, null, 2).split('\n');
}
/**
 * The configuration the update starts from: the newest active one (during a deployment the
 * service has two, and the newer is where it is going).
 */
function currentConfiguration(express, service) {
    const active = Array.isArray(express.activeConfigurations) ? express.activeConfigurations.filter(plan_json/* isRecord */.u) : [];
    const time = (c) => {
        const at = c.createdAt;
        return typeof at === 'number' ? at : typeof at === 'string' ? Date.parse(at) || 0 : 0;
    };
    const newest = active.reduce((best, c) => (best === undefined || time(c) >= time(best) ? c : best), undefined);
    if (newest === undefined)
        throw new errors/* UserError */.yo(`Express service '${service}' has no active configuration to update (DescribeExpressGatewayService listed none): is it still being created or deleted?`);
    return newest;
}
function refuseInputs(input) {
    const { service, refused } = input;
    const why = `Express service '${service}' is managed by ECS Express Mode (resourceManagementType ECS), which registers its own task definition revisions`;
    const problems = [];
    if (refused.taskDefinition !== undefined) {
        problems.push(`Input '${src_names/* Input */.pd.taskDefinition}' ('${refused.taskDefinition}') cannot be used: ${why}. Remove it; the step updates the service's primary container, cpu and memory with UpdateExpressGatewayService.`);
    }
    const others = (input.containerNames ?? []).filter((name) => name !== EXPRESS_PRIMARY_CONTAINER);
    if (others.length > 0) {
        problems.push(`Input '${src_names/* Input */.pd.containerName}' (${others.map((n) => `'${n}'`).join(', ')}) names a container the step cannot change on Express service '${service}': only its primary container ('${EXPRESS_PRIMARY_CONTAINER}') can be updated. Remove the input or set it to '${EXPRESS_PRIMARY_CONTAINER}'.`);
    }
    if (refused.forceNewDeployment) {
        problems.push(`Input '${src_names/* Input */.pd.forceNewDeployment}' cannot be used on Express service '${service}': UpdateExpressGatewayService has no forced deployment; a deployment starts when the image, cpu or memory changes.`);
    }
    if (refused.desiredCount !== undefined) {
        problems.push(`Input '${src_names/* Input */.pd.desiredCount}' (${refused.desiredCount}) cannot be used on Express service '${service}': Express Mode sets the task count through its auto scaling target (minTaskCount / maxTaskCount). Remove the input.`);
    }
    if (refused.propagateTags !== undefined || refused.enableEcsManagedTags !== undefined) {
        const names = [
            refused.propagateTags === undefined ? undefined : src_names/* Input */.pd.propagateTags,
            refused.enableEcsManagedTags === undefined ? undefined : src_names/* Input */.pd.enableEcsManagedTags,
        ].filter((n) => n !== undefined);
        problems.push(`Input ${names.map((n) => `'${n}'`).join(' and ')} cannot be used on Express service '${service}': they are UpdateService settings, and ${why}. Remove ${names.length > 1 ? 'them' : 'it'}.`);
    }
    if (problems.length > 0)
        throw new errors/* UserError */.yo(problems.join('\n'));
}
function checkSize(input, cpu, memory) {
    const problems = (0,fargate/* validateTaskSize */.jW)({
        // Every Express service runs on Fargate, Linux (the API reference: "The operating system family for an Express service is always LINUX").
        taskDefinition: {
            requiresCompatibilities: ['FARGATE'],
            ...(cpu === undefined ? {} : { cpu }),
            ...(memory === undefined ? {} : { memory }),
        },
        labels: {
            cpu: input.cpu === undefined ? `The cpu of Express service '${input.service}'` : `Input '${src_names/* Input */.pd.cpu}'`,
            memory: input.memory === undefined ? `The memory of Express service '${input.service}'` : `Input '${src_names/* Input */.pd.memory}'`,
        },
    });
    if (problems.length === 0)
        return;
    const only = input.cpu !== undefined && input.memory === undefined
        ? src_names/* Input */.pd.cpu
        : input.memory !== undefined && input.cpu === undefined
            ? src_names/* Input */.pd.memory
            : undefined;
    const hint = only === undefined
        ? []
        : [
            `Set input '${only === src_names/* Input */.pd.cpu ? src_names/* Input */.pd.memory : src_names/* Input */.pd.cpu}' as well: with input '${only}' alone the service's current value is kept.`,
        ];
    throw new errors/* UserError */.yo([...problems, ...hint].join('\n'));
}
function renderContainer(container, input) {
    const rendered = { ...container };
    if (input.image !== undefined)
        rendered.image = input.image;
    if (input.environment.length > 0)
        rendered.environment = (0,task_definition/* mergeEnvironment */.eY)(container.environment, input.environment);
    return rendered;
}
function diffOf(before, after) {
    return (0,diff/* diffTaskDefinitions */.n)(asTask(undefined, undefined, before), asTask(undefined, undefined, after));
}
/** The configuration in a task definition's shape, so the diff reads (and hides environment values) as for other services. */
function asTask(cpu, memory, container) {
    return compact({
        cpu,
        memory,
        containerDefinitions: container === undefined ? undefined : [{ name: EXPRESS_PRIMARY_CONTAINER, ...container }],
    });
}
/** The configuration's size in the units the inputs use (Express may answer "1024" or "1 vCPU"). */
function sizeOf(value, parse) {
    if (typeof value === 'number')
        return String(value);
    if (typeof value !== 'string')
        return undefined;
    return parse(value) ?? value;
}
function compact(record) {
    return Object.fromEntries(Object.entries(record).filter(([, v]) => v !== undefined));
}

// EXTERNAL MODULE: ./src/plan/verdict.ts
var verdict = __webpack_require__(7282);
// EXTERNAL MODULE: ./src/wait.ts
var wait = __webpack_require__(910);
;// CONCATENATED MODULE: ./src/steps/express-controller.ts
// The Express Mode controller: a service ECS Express Mode manages (resourceManagementType
// ECS) takes the step's image, cpu/memory and environment through
// UpdateExpressGatewayService, which registers the revision itself; the service deployment
// it starts is then followed and settled exactly as the ECS controller follows its own.









const expressController = {
    kind: 'express',
    // Express Mode registers the revision from the configuration the update sends.
    registers: false,
    prepare: prepareExpress,
    start: (prepared, _registration, deps) => startExpress(prepared, deps),
    followAfterCancel: ecs_controller/* followAfterCancel */.A9,
};
/** Read-only: the Express configuration, the update request and its diff; every input problem is thrown here. */
async function prepareExpress(found, options, deps) {
    const { service: current, started } = found;
    const { cluster, service } = options;
    (0,ecs_controller/* refuseUnreachableWaitUntil */.wL)(current, options);
    if (current.serviceArn === undefined)
        throw new Error(`DescribeServices for '${service}' in cluster '${cluster}' returned no serviceArn`);
    const express = planExpressUpdate({
        service,
        express: await describeExpressGatewayService(deps.clients.ecs, current.serviceArn),
        ...(options.image === undefined ? {} : { image: options.image }),
        ...(options.cpu === undefined ? {} : { cpu: options.cpu }),
        ...(options.memory === undefined ? {} : { memory: options.memory }),
        environment: options.environment,
        ...(options.containerNames === undefined ? {} : { containerNames: options.containerNames }),
        refused: {
            ...(options.source.kind === 'registered'
                ? { taskDefinition: options.source.ref }
                : options.source.kind === 'file'
                    ? { taskDefinition: options.source.path }
                    : {}),
            forceNewDeployment: options.forceNewDeployment,
            ...(options.desiredCount === undefined ? {} : { desiredCount: options.desiredCount }),
            ...(options.propagateTags === undefined ? {} : { propagateTags: options.propagateTags }),
            ...(options.enableEcsManagedTags === undefined ? {} : { enableEcsManagedTags: options.enableEcsManagedTags }),
        },
    });
    const currentArn = current.taskDefinition ?? express.taskDefinitionArn ?? '';
    deps.log.info(`Express service '${service}' runs ${currentArn}`);
    for (const line of express.diff)
        deps.log.info(`  ${line}`);
    const plan = {
        containerNames: [EXPRESS_PRIMARY_CONTAINER],
        // Express Mode renders and registers the revision; the step holds none of its own.
        rendered: {},
        tags: [],
        diff: express.diff,
        registerNeeded: false,
        targetArn: currentArn,
        updateNeeded: express.request !== undefined,
        before: express.before,
        after: express.after,
    };
    const standing = plan.updateNeeded
        ? { kind: 'unchanged' }
        : expressStanding((0,ecs_deploy/* decideStanding */.J0)(current, currentArn, service), service);
    return { options, controller: 'express', currentArn, plan, started, standing, express };
}
/** A failed deployment left standing: Express Mode has no forced deployment, so the fix named is a change. */
function expressStanding(standing, service) {
    if (standing.kind !== 'failed')
        return standing;
    const { deployment } = standing;
    const reason = `Express service '${service}' already has this configuration, but its deployment ${deployment.id} of it FAILED (${deployment.rolloutStateReason ?? 'no reason given'}) and was not rolled back: nothing was changed. Fix the cause and deploy again with a new image (UpdateExpressGatewayService has no forced deployment).`;
    return { ...standing, failure: (0,verdict/* failed */.gz)('refused', reason) };
}
/** UpdateExpressGatewayService, then the deployment it started, found in DescribeServices and followed by its record. */
async function startExpress(prepared, deps) {
    const { options, plan } = prepared;
    const { cluster, service } = options;
    const express = expressPlanOf(prepared);
    const request = express.request;
    if (!plan.updateNeeded || request === undefined)
        return (0,ecs_controller/* fromStanding */.$h)(prepared, deps);
    if (options.dryRun) {
        deps.log.info(`Dry run: would call UpdateExpressGatewayService on Express service '${service}' with:`);
        for (const line of requestLines(request))
            deps.log.info(`  ${line}`);
        return { finished: { verdict: { state: 'planned' }, taskDefinitionArn: '' } };
    }
    const updatedAt = deps.now();
    const updated = await updateExpressGatewayService(deps.clients.ecs, request);
    const target = updated.targetConfiguration;
    const announced = (0,plan_json/* isRecord */.u)(target) ? target.taskDefinitionArn : undefined;
    const targetArn = typeof announced === 'string' ? announced : undefined;
    deps.log.info(`Updated Express service '${service}'${targetArn === undefined ? '' : `: Express registered ${targetArn}`}`);
    if (!options.wait.enabled) {
        return {
            finished: { changed: true, registered: false, taskDefinitionArn: targetArn ?? '', verdict: { state: 'started' } },
        };
    }
    // Express Mode updates the ECS service on its own; until DescribeServices shows that, the PRIMARY deployment is the one before ours.
    const found = await (0,wait/* waitFor */.fm)({
        what: `the deployment UpdateExpressGatewayService started on service '${service}'`,
        intervalMs: options.wait.intervalMs,
        timeoutMs: options.wait.timeoutMs,
        onProgress: (state) => deps.log.info(state),
        check: async () => {
            const now = await (0,ecs/* describeService */.Jv)(deps.clients.ecs, { cluster, service });
            const deployment = now === undefined ? undefined : expressDeployment(now, targetArn, updatedAt);
            if (now === undefined || deployment === undefined)
                return { done: false, state: 'waiting for ECS to start the deployment' };
            return { done: true, value: { service: now, deployment } };
        },
    }, deps);
    const { deployment } = found;
    const taskDefinitionArn = targetArn ?? deployment.taskDefinition ?? '';
    deps.log.info(`Deployment ${deployment.id} of service '${service}'`);
    const fields = { changed: true, registered: false, taskDefinitionArn, deploymentId: deployment.id };
    const since = deployment.createdAt ?? new Date(updatedAt);
    return {
        following: (0,ecs_controller/* followRecordOf */.eo)(prepared, { deploymentId: deployment.id, since, recordArn: found.service.currentServiceDeployment, taskDefinitionArn }, deps),
        fields,
    };
}
function expressPlanOf(prepared) {
    if (prepared.express === undefined)
        throw new Error(`service '${prepared.options.service}' was not prepared as an Express service`);
    return prepared.express;
}

;// CONCATENATED MODULE: ./src/steps/controllers.ts
// Every controller the ecs mode knows, by the kind plan/ecs-controller.ts reads from the
// service. A new controller is one module implementing RolloutController, listed here.


/**
 * A controller whose module (and SDK package) is loaded on first use: an ecs step whose
 * services deploy otherwise never evaluates it, so its start-up does not grow.
 */
function loadedOnUse(kind, registers, load) {
    return {
        kind,
        registers,
        prepare: async (found, options, deps) => (await load()).prepare(found, options, deps),
        start: async (prepared, registration, deps) => (await load()).start(prepared, registration, deps),
        followAfterCancel: async (rollback, deps) => (await load()).followAfterCancel(rollback, deps),
    };
}
const CONTROLLERS = {
    ecs: ecs_controller/* ecsController */.mT,
    codedeploy: loadedOnUse('codedeploy', true, async () => (await Promise.all(/* import() */[__webpack_require__.e(507), __webpack_require__.e(902)]).then(__webpack_require__.bind(__webpack_require__, 4902))).codeDeployController),
    express: expressController,
};
function controllerFor(kind) {
    return CONTROLLERS[kind];
}


/***/ }),

/***/ 4975:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   B: () => (/* binding */ SERVICES)
/* harmony export */ });
/* unused harmony export describeEach */
/* harmony import */ var _aws_ecs_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(1032);
/* harmony import */ var _plan_ecs_services_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(3583);


/**
 * Each item's service, read with one DescribeServices per cluster and 10 services (the
 * call's limit), side by side: how a step reads several services at once.
 */
async function describeEach(items, refOf, deps) {
    const byCluster = new Map();
    for (const item of items) {
        const { cluster } = refOf(item);
        byCluster.set(cluster, [...(byCluster.get(cluster) ?? []), item]);
    }
    const answers = new Map();
    const batches = [...byCluster.entries()].flatMap(([cluster, group]) => (0,_plan_ecs_services_js__WEBPACK_IMPORTED_MODULE_1__/* .batchesOf */ .cS)(group, _plan_ecs_services_js__WEBPACK_IMPORTED_MODULE_1__/* .DESCRIBE_SERVICES_LIMIT */ .rP).map((batch) => ({ cluster, batch })));
    await Promise.all(batches.map(async ({ cluster, batch }) => {
        const found = await (0,_aws_ecs_js__WEBPACK_IMPORTED_MODULE_0__/* .describeServices */ .Ge)(deps.clients.ecs, cluster, batch.map((item) => refOf(item).service));
        for (const item of batch)
            answers.set(item, found.get(refOf(item).service));
    }));
    return answers;
}
/** The poll loop's DescribeServices: one call per cluster and 10 services; a failure ends the poll. */
const SERVICES = {
    name: 'DescribeServices',
    keyOf: (key) => `${key.cluster}\n${key.service}`,
    read: async (keys, deps) => {
        const answers = await describeEach(keys, (key) => key, deps);
        return new Map([...answers].map(([key, service]) => [SERVICES.keyOf(key), service]));
    },
};


/***/ }),

/***/ 5186:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {


// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  mT: () => (/* binding */ ecsController),
  A9: () => (/* binding */ followAfterCancel),
  eo: () => (/* binding */ followRecordOf),
  $h: () => (/* binding */ fromStanding),
  _m: () => (/* binding */ prepareFromTaskDefinition),
  wL: () => (/* binding */ refuseUnreachableWaitUntil)
});

// EXTERNAL MODULE: ./src/aws/ecs.ts
var aws_ecs = __webpack_require__(1032);
// EXTERNAL MODULE: ./src/errors.ts
var errors = __webpack_require__(3916);
// EXTERNAL MODULE: ./src/names.ts
var names = __webpack_require__(6455);
// EXTERNAL MODULE: ./src/plan/aws-names.ts
var aws_names = __webpack_require__(8983);
// EXTERNAL MODULE: ./src/plan/containers.ts + 1 modules
var containers = __webpack_require__(3759);
// EXTERNAL MODULE: ./src/plan/ecs-deploy.ts
var ecs_deploy = __webpack_require__(9344);
// EXTERNAL MODULE: ./src/plan/ecs-rollout.ts
var ecs_rollout = __webpack_require__(4390);
// EXTERNAL MODULE: ./src/plan/service-deployment-stages.ts
var service_deployment_stages = __webpack_require__(5516);
// EXTERNAL MODULE: ./src/plan/shell.ts
var shell = __webpack_require__(293);
// EXTERNAL MODULE: ./src/plan/verdict.ts
var plan_verdict = __webpack_require__(7282);
;// CONCATENATED MODULE: ./src/plan/service-deployment.ts
// Judging ECS's own record of our deployment (a ServiceDeployment from
// DescribeServiceDeployments): pending, succeeded, or failed with what failed it. Pure.



const RECORD_STATUSES = (/* unused pure expression or super */ null && ([
    'PENDING',
    'IN_PROGRESS',
    'SUCCESSFUL',
    'STOPPED',
    'STOP_REQUESTED',
    'ROLLBACK_REQUESTED',
    'ROLLBACK_IN_PROGRESS',
    'ROLLBACK_SUCCESSFUL',
    'ROLLBACK_FAILED',
]));
const ROLLING_BACK = new Set(['ROLLBACK_REQUESTED', 'ROLLBACK_IN_PROGRESS']);
const ROLLED_BACK = new Set(['ROLLBACK_SUCCESSFUL', 'ROLLBACK_FAILED']);
/** True while ECS rolls the deployment back (requested or in progress). */
function isRollingBack(status) {
    return status !== undefined && ROLLING_BACK.has(status);
}
/** True when the record will not change any more. */
function isTerminal(status) {
    return status === 'SUCCESSFUL' || status === 'STOPPED' || (status !== undefined && ROLLED_BACK.has(status));
}
/** True when StopServiceDeployment may still act on it (PENDING or IN_PROGRESS). */
function isStoppable(status) {
    return status === 'PENDING' || status === 'IN_PROGRESS';
}
/**
 * SUCCESSFUL is success; with `wait-until` a stage, reaching that stage while the record
 * is PENDING or IN_PROGRESS is success too. Any rollback or stop is a failure, named by
 * what caused it (alarm, hook and stage, circuit breaker, ECS's reason) and, once known,
 * how the rollback ended.
 */
function classifyServiceDeployment(snapshot) {
    const { record, strategy, waitUntil } = snapshot;
    const status = record.status;
    const name = `deployment ${record.serviceDeploymentArn ?? '(unknown)'} of service '${snapshot.service}'`;
    switch (status) {
        case 'SUCCESSFUL':
            return { state: 'succeeded' };
        case 'PENDING':
        case 'IN_PROGRESS':
            if (waitUntil !== 'completed' && (0,service_deployment_stages/* hasReached */.Nl)(record.lifecycleStage, waitUntil, strategy))
                return { state: 'succeeded' };
            return { state: 'pending' };
        case 'STOP_REQUESTED':
        case 'STOPPED':
            return failure('stopped', `${name} was stopped${atStage(record)} (${status})`, record);
        case 'ROLLBACK_REQUESTED':
        case 'ROLLBACK_IN_PROGRESS':
        case 'ROLLBACK_SUCCESSFUL':
        case 'ROLLBACK_FAILED':
            return failure('rolled-back', `${name} was rolled back by ECS${atStage(record)}: ${causeOf(record)}; ${rollbackOutcome(record)}`, record);
        default:
            // No status yet (or one newer than this code): keep looking.
            return { state: 'pending' };
    }
}
function failure(kind, reason, record) {
    return (0,plan_verdict/* failed */.gz)(kind, reason, evidenceOf(record));
}
function atStage(record) {
    return record.lifecycleStage === undefined ? '' : ` at stage ${record.lifecycleStage}`;
}
/** What failed the deployment, most specific first. */
function causeOf(record) {
    const alarms = record.alarms?.triggeredAlarmNames ?? [];
    if (alarms.length > 0)
        return `${alarms.length === 1 ? 'alarm' : 'alarms'} ${alarms.map((a) => `'${a}'`).join(', ')} in ALARM`;
    const hook = failedHook(record);
    if (hook !== undefined)
        return `lifecycle hook ${hookLabel(hook)} ${hook.status ?? 'FAILED'} at stage ${record.lifecycleStage ?? 'unknown'}`;
    const breaker = record.deploymentCircuitBreaker;
    if (breaker?.status === 'TRIGGERED')
        return `the circuit breaker tripped: ${breaker.failureCount ?? '?'} of ${breaker.threshold ?? '?'} failed tasks (failureCount ${breaker.failureCount ?? '?'}, threshold ${breaker.threshold ?? '?'})`;
    const reason = record.statusReason?.trim() || record.rollback?.reason?.trim();
    return reason ? reason : 'ECS gave no reason';
}
/** How the rollback went: succeeded, failed, or still running. */
function rollbackOutcome(record) {
    const to = record.rollback?.serviceRevisionArn;
    const target = to === undefined ? 'the previous revision' : to;
    switch (record.status) {
        case 'ROLLBACK_SUCCESSFUL':
            return `rollback to ${target} succeeded`;
        case 'ROLLBACK_FAILED':
            return `rollback to ${target} FAILED: the service may run neither revision fully`;
        default:
            return `rollback to ${target} in progress`;
    }
}
/** One line each: the alarms, hooks, circuit breaker and reasons ECS recorded. */
function evidenceOf(record) {
    const lines = [];
    const alarms = record.alarms;
    if ((alarms?.triggeredAlarmNames ?? []).length > 0) {
        // Only those in ALARM: naming the quiet ones too would point the reader at the wrong graph.
        lines.push(`alarms in ALARM: ${(alarms?.triggeredAlarmNames ?? []).join(', ')}`);
    }
    for (const hook of record.lifecycleHookDetails ?? []) {
        if (hook.status === 'FAILED' || hook.status === 'TIMED_OUT')
            lines.push(`lifecycle hook ${hookLabel(hook)}: ${hook.status} at stage ${record.lifecycleStage ?? 'unknown'}`);
    }
    const breaker = record.deploymentCircuitBreaker;
    if (breaker !== undefined && (breaker.failureCount ?? 0) > 0) {
        lines.push(`circuit breaker ${breaker.status ?? ''}: ${breaker.failureCount ?? 0} failed tasks, threshold ${breaker.threshold ?? '?'}`.replace('  ', ' '));
    }
    if (record.statusReason?.trim())
        lines.push(`ECS: ${record.statusReason.trim()}`);
    if (record.rollback?.reason?.trim() && record.rollback.reason.trim() !== record.statusReason?.trim())
        lines.push(`rollback: ${record.rollback.reason.trim()}`);
    return lines;
}
function failedHook(record) {
    return (record.lifecycleHookDetails ?? []).find((h) => h.status === 'FAILED' || h.status === 'TIMED_OUT');
}
function hookLabel(hook) {
    const target = hook.targetArn === undefined ? '' : ` (${hook.targetArn})`;
    return `${hook.hookId ?? 'unknown'}${target}`;
}
/** The pause hook our deployment waits at, if any. */
function pausedAt(record) {
    return (record.lifecycleHookDetails ?? []).find((h) => h.targetType === 'PAUSE' && h.status === 'AWAITING_ACTION');
}
/** e.g. `BLUE_GREEN IN_PROGRESS stage PRODUCTION_TRAFFIC_SHIFT, new revision running 2/2, production traffic 10%`. */
function recordProgressLine(record, strategy) {
    const target = record.targetServiceRevision;
    const parts = [`${strategy} ${record.status ?? 'UNKNOWN'}`, `stage ${record.lifecycleStage ?? '(none yet)'}`];
    if (target?.requestedTaskCount !== undefined) {
        const pending = (target.pendingTaskCount ?? 0) > 0 ? `, pending ${target.pendingTaskCount}` : '';
        parts.push(`new revision running ${target.runningTaskCount ?? 0}/${target.requestedTaskCount}${pending}`);
    }
    const prod = target?.requestedProductionTrafficWeight;
    if (prod !== undefined && strategy !== 'ROLLING')
        parts.push(`production traffic ${prod}%`);
    const test = target?.requestedTestTrafficWeight;
    if (test !== undefined && test > 0 && strategy !== 'ROLLING')
        parts.push(`test traffic ${test}%`);
    const hook = pausedAt(record);
    if (hook !== undefined) {
        parts.push(`waiting at pause hook ${hook.hookId ?? 'unknown'} in stage ${record.lifecycleStage ?? 'unknown'}: continue it with ` +
            `aws ecs continue-service-deployment --service-deployment-arn ${(0,shell/* shellQuote */.Z)(record.serviceDeploymentArn ?? '<arn>')} --hook-id ${(0,shell/* shellQuote */.Z)(hook.hookId ?? '<hook id>')}`);
    }
    return parts.join(', ');
}
// Failures of the action's own making: ECS did not (yet) roll anything back.
const OWN_VERDICTS = new Set(['too-many-failed-tasks', 'timed-out', 'cancelled']);
/**
 * With `rollback-on-failure`, what to do about a failed verdict. Only failures ECS has not
 * already rolled back (our own verdicts: too many failed tasks, the timeout, a cancelled
 * job) are rolled back, with StopServiceDeployment while the record is still PENDING or
 * IN_PROGRESS, or, without a record (no permission, no record), by pointing the service
 * back at its previous revision.
 */
function decideRollback(input) {
    if (!input.rollbackOnFailure || !OWN_VERDICTS.has(input.failure.kind))
        return 'none';
    if (!input.haveRecord)
        return 'update-service';
    if (isStoppable(input.recordStatus))
        return 'stop-deployment';
    return 'none';
}
/** Records the stage seen at `now`: closes the previous visit when it changed. Returns a new list. */
function visitStage(visits, stage, now) {
    const last = visits.at(-1);
    if (stage === undefined || last?.stage === stage)
        return [...visits];
    const closed = last === undefined || last.leftAt !== undefined ? [...visits] : [...visits.slice(0, -1), { ...last, leftAt: now }];
    return [...closed, { stage, enteredAt: now }];
}
/**
 * One verdict from both views of a poll. The record decides success (SUCCESSFUL, or the
 * `wait-until` stage reached) and names a rollback best; while it is pending, today's
 * DescribeServices rules (our deployment replaced, too many failed tasks, the service
 * gone) still fail it. Without a record, DescribeServices alone decides.
 */
function combineVerdicts(rollout, record) {
    if (record === undefined)
        return rollout;
    if (record.state !== 'pending')
        return record;
    return rollout.state === 'failed' ? rollout : { state: 'pending' };
}

// EXTERNAL MODULE: ./src/failure.ts
var src_failure = __webpack_require__(1633);
// EXTERNAL MODULE: ./src/plan/ecs-progress.ts
var ecs_progress = __webpack_require__(8316);
// EXTERNAL MODULE: ./src/steps/describe-services.ts
var describe_services = __webpack_require__(4975);
// EXTERNAL MODULE: ./src/plan/ecs-services.ts
var ecs_services = __webpack_require__(3583);
// EXTERNAL MODULE: ./src/plan/poll-schedule.ts
var poll_schedule = __webpack_require__(8654);
;// CONCATENATED MODULE: ./src/plan/service-deployment-find.ts
// Which of the deployment records ECS lists for a service is ours, when UpdateService
// named none. Pure.
/** Oldest first: our UpdateService came first; later records are newer deploys. */
function oldestFirst(briefs) {
    return [...briefs].sort((a, b) => (a.createdAt?.getTime() ?? 0) - (b.createdAt?.getTime() ?? 0));
}
/** The service revisions worth describing to tell the records apart: none when there is only one. */
function revisionsToCheck(briefs) {
    if (briefs.length < 2)
        return [];
    return [
        ...new Set(briefs.flatMap((b) => (b.targetServiceRevisionArn === undefined ? [] : [b.targetServiceRevisionArn]))),
    ];
}
/**
 * Our record among those created since our UpdateService: the oldest one whose target
 * revision runs our task definition; when the revisions are not known (one record, or
 * DescribeServiceRevisions not answered) or none runs it, the oldest.
 */
function ourRecord(briefs, revisions, taskDefinitionArn) {
    const sorted = oldestFirst(briefs);
    const oldest = sorted[0];
    if (oldest === undefined)
        return { arn: undefined, why: 'ECS listed no deployment record since our update' };
    if (sorted.length === 1)
        return { arn: oldest.serviceDeploymentArn, why: 'the only record created since our update' };
    if (revisions === undefined || taskDefinitionArn === undefined) {
        return { arn: oldest.serviceDeploymentArn, why: `the oldest of ${sorted.length} records created since our update` };
    }
    const ours = new Set(revisions.filter((r) => r.taskDefinition === taskDefinitionArn).map((r) => r.serviceRevisionArn));
    const match = sorted.find((b) => b.targetServiceRevisionArn !== undefined && ours.has(b.targetServiceRevisionArn));
    if (match !== undefined)
        return {
            arn: match.serviceDeploymentArn,
            why: `the oldest of ${sorted.length} records since our update that deploys ${taskDefinitionArn}`,
        };
    return {
        arn: oldest.serviceDeploymentArn,
        why: `none of ${sorted.length} records since our update names ${taskDefinitionArn} as its target yet: the oldest`,
    };
}

;// CONCATENATED MODULE: ./src/steps/ecs-record.ts







/**
 * The poll loop's DescribeServiceDeployments: one call per 20 records, for records already
 * read once (a first read goes alone, as a probe: DeploymentRecord.poll). A failed call
 * is the answer of its batch's records only.
 */
const RECORDS = {
    name: 'DescribeServiceDeployments',
    keyOf: (arn) => arn,
    read: async (arns, deps) => {
        const read = new Map();
        for (const batch of (0,ecs_services/* batchesOf */.cS)(arns, 20)) {
            try {
                const found = await (0,aws_ecs/* describeServiceDeployments */.Pr)(deps.clients.ecs, batch);
                // One asked, one answered: that is it, however ECS spells its ARN (as describeServiceDeployment reads it).
                for (const arn of batch)
                    read.set(arn, {
                        record: found.find((d) => d.serviceDeploymentArn === arn) ?? (batch.length === 1 ? found[0] : undefined),
                    });
            }
            catch (error) {
                for (const arn of batch)
                    read.set(arn, { error });
            }
        }
        return read;
    },
};
const DENIED = new Set(['AccessDeniedException', 'AccessDenied', 'UnauthorizedOperation']);
/**
 * Follows ECS's record of our deployment (ServiceDeployment): one DescribeServiceDeployments
 * per poll, ListServiceDeployments (and DescribeServiceRevisions, to tell several apart) at
 * most once, to find it when UpdateService named none.
 * When the role may not read records (or ECS keeps none), says so once and turns itself
 * off: the caller then judges DescribeServices alone, as before records existed.
 */
class DeploymentRecord {
    arnValue;
    listed = false;
    off = false;
    /** A record was read once: later errors skip a poll instead of turning records off. */
    confirmed = false;
    lastRecord;
    strategyValue = 'ROLLING';
    visits = [];
    /** When the previous poll was: a change seen now happened after it. */
    lastPollAt;
    stageSince = 0;
    weight;
    weightSince = 0;
    options;
    deps;
    constructor(options, deps) {
        this.options = options;
        this.deps = deps;
        this.arnValue = options.arn;
        this.lastPollAt = options.since.getTime();
    }
    get arn() {
        return this.off ? undefined : this.arnValue;
    }
    /** The record's ARN when a poll may read it together with others' (known, read once, not off). */
    get readableArn() {
        return this.off || !this.confirmed ? undefined : this.arnValue;
    }
    get strategy() {
        return this.strategyValue;
    }
    get last() {
        return this.lastRecord;
    }
    /** The stages our deployment went through, with when we saw each begin and end. */
    stages() {
        return [...this.visits];
    }
    /** One poll, given the DescribeServices answer of the same poll (and the record, when read with others'). */
    async poll(service, read) {
        if (this.off)
            return {};
        if (service?.deploymentConfiguration !== undefined)
            this.strategyValue = (0,service_deployment_stages/* strategyOf */.xS)(service.deploymentConfiguration);
        try {
            if (read !== undefined && 'error' in read)
                throw read.error;
            const arn = await this.find();
            if (arn === undefined)
                return {};
            const record = read !== undefined
                ? read.record
                : this.confirmed
                    ? await (0,aws_ecs/* describeServiceDeployment */.MH)(this.deps.clients.ecs, arn)
                    : await this.probe((ecs) => (0,aws_ecs/* describeServiceDeployment */.MH)(ecs, arn));
            if (record === undefined)
                return {};
            this.confirmed = true;
            return this.judge(record, service);
        }
        catch (error) {
            const name = (0,errors/* awsErrorName */.ZH)(error);
            if (this.confirmed && (name === undefined || !DENIED.has(name))) {
                this.deps.log.debug(`DescribeServiceDeployments failed this poll: ${(0,errors/* messageOf */.bD)(error)}`);
                return {};
            }
            this.turnOff(error);
            return {};
        }
    }
    judge(record, service) {
        const now = this.deps.now();
        if (record.deploymentConfiguration?.strategy !== undefined)
            this.strategyValue = record.deploymentConfiguration.strategy;
        const stageChanged = record.lifecycleStage !== this.lastRecord?.lifecycleStage;
        if (stageChanged)
            this.stageSince = this.lastPollAt;
        const weight = record.targetServiceRevision?.requestedProductionTrafficWeight;
        if (weight !== this.weight)
            [this.weight, this.weightSince] = [weight, this.lastPollAt];
        this.lastPollAt = now;
        this.lastRecord = record;
        this.visits = visitStage(this.visits, record.lifecycleStage, now);
        const strategy = this.strategyValue;
        const verdict = classifyServiceDeployment({
            record,
            strategy,
            waitUntil: this.options.waitUntil,
            service: this.options.service,
        });
        const config = record.deploymentConfiguration ?? service?.deploymentConfiguration;
        const waitEndsAt = (0,poll_schedule/* knownWaitEnd */.wO)({
            status: record.status,
            strategy,
            config,
            stage: record.lifecycleStage,
            stageSince: this.stageSince,
            weight: this.weight,
            weightSince: this.weightSince,
        });
        const nextMs = (0,poll_schedule/* nextPollDelay */.qC)({
            plan: { intervalMs: this.options.intervalMs, ...poll_schedule/* DEFAULT_POLL_PLAN */.Y1 },
            now,
            paused: pausedAt(record) !== undefined,
            watched: (0,poll_schedule/* alarmsWatch */.md)(config),
            ...(waitEndsAt === undefined ? {} : { waitEndsAt }),
        });
        return { record, verdict, progress: recordProgressLine(record, strategy), nextMs };
    }
    async find() {
        if (this.arnValue !== undefined || this.listed)
            return this.arnValue;
        this.listed = true;
        const { cluster, service } = this.options;
        const briefs = await this.probe((ecs) => (0,aws_ecs/* listServiceDeployments */.C0)(ecs, { cluster, service }, this.options.since));
        const revisions = await this.targetRevisions(revisionsToCheck(briefs));
        const chosen = ourRecord(briefs, revisions, this.options.taskDefinitionArn);
        this.arnValue = chosen.arn;
        if (this.arnValue === undefined)
            this.deps.log.info(`ECS listed no deployment record for service '${service}' since ${this.options.since.toISOString()}: following DescribeServices only.`);
        else
            this.deps.log.debug(`Deployment record of service '${service}': ${this.arnValue} (${chosen.why}).`);
        return this.arnValue;
    }
    /** What the listed records deploy (one DescribeServiceRevisions); undefined when ECS does not say. */
    async targetRevisions(arns) {
        if (arns.length === 0 || this.options.taskDefinitionArn === undefined)
            return undefined;
        try {
            return await (0,aws_ecs/* describeServiceRevisions */.XG)(this.deps.clients.ecs, arns);
        }
        catch (error) {
            this.deps.log.debug(`DescribeServiceRevisions failed (${(0,errors/* messageOf */.bD)(error)}): taking the oldest record since our update.`);
            return undefined;
        }
    }
    /**
     * The first calls of this API: one attempt, because an endpoint that does not speak it
     * (an emulator) answers 500 with a page that is no AWS answer, and the SDK would retry
     * that for seconds on every deploy. Throttling and AWS's own 5xx are retried as usual.
     */
    async probe(call) {
        try {
            return await call(this.deps.clients.once.ecs);
        }
        catch (error) {
            if (notAnAwsAnswer(error) || (0,errors/* transientReason */.bR)(error) === undefined)
                throw error;
            return call(this.deps.clients.ecs);
        }
    }
    turnOff(error) {
        this.off = true;
        const name = (0,errors/* awsErrorName */.ZH)(error);
        if (name !== undefined && DENIED.has(name)) {
            const call = /ListServiceDeployments/.test((0,errors/* messageOf */.bD)(error))
                ? 'ecs:ListServiceDeployments'
                : 'ecs:DescribeServiceDeployments';
            this.deps.log.warning(`The role may not read ECS deployment records (${call} was denied): following service '${this.options.service}' by DescribeServices only, ` +
                `so stages, alarms and hooks are not reported. Grant ecs:ListServiceDeployments and ecs:DescribeServiceDeployments (see docs/iam/ecs.json).`);
            return;
        }
        if (notAnAwsAnswer(error)) {
            // The SDK's own text here is its parser's complaint about an HTML page: of no use to the reader.
            const status = httpStatusOf(error);
            this.deps.log.info(`The endpoint does not speak ECS's deployment-record API${status === undefined ? '' : ` (it answered HTTP ${status}, not an AWS answer)`}: following service '${this.options.service}' by DescribeServices only.`);
            return;
        }
        this.deps.log.info(`ECS gave no deployment record (${(0,errors/* messageOf */.bD)(error)}): following DescribeServices only.`);
    }
}
/** The HTTP status of the answer behind an SDK error (or one it caused), when the SDK kept it. */
function httpStatusOf(error) {
    for (let e = error, depth = 0; e instanceof Error && depth < 5; e = e.cause, depth++) {
        const { $metadata, $response } = e;
        const status = $metadata?.httpStatusCode ?? $response?.statusCode;
        if (typeof status === 'number')
            return status;
    }
    return undefined;
}
/** An answer the SDK could not read as AWS's (an HTML error page): the API is not there. */
function notAnAwsAnswer(error) {
    for (let e = error, depth = 0; e instanceof Error && depth < 5; e = e.cause, depth++) {
        if (e.name === 'SyntaxError' || e.message.includes('Deserialization error'))
            return true;
    }
    return false;
}

// EXTERNAL MODULE: ./src/plan/duration.ts
var duration = __webpack_require__(2983);
// EXTERNAL MODULE: ./src/wait.ts
var wait = __webpack_require__(910);
;// CONCATENATED MODULE: ./src/steps/poll-snapshot.ts
// One poll's reads for every rollout the loop follows: each rollout says what it needs
// (PollRequest.want), every reader then fetches all of it at once, in as few calls as its
// API allows, and each rollout reads its own part of the answers (PollSnapshot.get).
/** What every pending rollout wants read this poll, by reader. */
class PollRequest {
    batches = new Map();
    want(reader, key) {
        let batch = this.batches.get(reader);
        if (batch === undefined) {
            const keys = new Map();
            // The map holds only keys given to this reader: the one place their type is erased.
            batch = { keys, run: (deps) => reader.read([...keys.values()], deps) };
            this.batches.set(reader, batch);
        }
        batch.keys.set(reader.keyOf(key), key);
    }
    /** Runs every reader side by side: the answers of this poll. */
    async read(deps) {
        const entries = await Promise.all([...this.batches].map(async ([reader, batch]) => [reader, await batch.run(deps)]));
        return new PollSnapshot(new Map(entries));
    }
}
/** The answers of one poll, by reader and key. */
class PollSnapshot {
    answers;
    constructor(answers) {
        this.answers = answers;
    }
    /** The answer for `key`; undefined when the reader did not find it, or it was not wanted this poll. */
    get(reader, key) {
        // Only this reader's read() filled its map, with values of its own type.
        return this.answers.get(reader)?.get(reader.keyOf(key));
    }
}

;// CONCATENATED MODULE: ./src/steps/follow-loop.ts
// The one poll loop of the ecs mode: every deployment the step follows, whatever its
// controller, is polled together and judged alone.




/**
 * Polls until every deployment has a verdict. Each poll asks every pending one what it
 * wants read, reads it all in batches (one DescribeServices per cluster and 10 services,
 * one DescribeServiceDeployments per 20 records, ...), then lets each judge its answers.
 * A deployment that is done drops out of the polls; one whose judging throws fails alone.
 * The timeout, a cancelled job or a failed read ends every deployment still pending, each
 * told with its own last state. The next poll comes at the interval, or sooner when one of
 * them asks (a known end of a bake, a pause hook).
 */
async function followAll(followed, bounds, deps) {
    const verdicts = new Map();
    const concluded = new Map();
    const states = new Map();
    const started = deps.now();
    const pending = () => followed.filter((f) => !verdicts.has(f));
    try {
        await (0,wait/* waitFor */.fm)({
            what: followed.map((f) => f.what).join('; '),
            intervalMs: bounds.intervalMs,
            timeoutMs: bounds.timeoutMs,
            // Each deployment prints its own changes; the loop adds only the heartbeat.
            onProgress: (line, kind) => {
                if (kind === 'heartbeat')
                    deps.log.info(line);
            },
            check: async () => {
                const polled = pending();
                const request = new PollRequest();
                for (const f of polled)
                    f.wants(request);
                const snapshot = await request.read(deps);
                const nexts = await Promise.all(polled.map(async (f) => {
                    try {
                        const seen = await f.observe(snapshot);
                        if ('verdict' in seen) {
                            verdicts.set(f, seen.verdict);
                            concluded.set(f, seen.verdict);
                            return undefined;
                        }
                        states.set(f, seen.state);
                        return seen.nextMs;
                    }
                    catch (error) {
                        verdicts.set(f, f.interrupted(error));
                        return undefined;
                    }
                }));
                const still = pending();
                if (still.length === 0)
                    return { done: true, value: undefined };
                const state = still.map((f) => `${f.name}: ${states.get(f) ?? ''}`).join('; ');
                // The soonest any pending one wants polled again (a rare poll through a bake, when all are baking).
                const nextMs = Math.min(...polled.flatMap((f, i) => (verdicts.has(f) ? [] : [nexts[i] ?? bounds.intervalMs])));
                return { done: false, state, ...(nextMs === bounds.intervalMs ? {} : { nextMs }) };
            },
        }, deps);
    }
    catch (error) {
        const elapsed = deps.now() - started;
        for (const f of pending())
            verdicts.set(f, f.interrupted(retold(error, f, states.get(f), elapsed)));
    }
    // Verdicts the polls found get their final evidence; an interrupted wait keeps what it knew.
    await Promise.all([...concluded].map(async ([f, verdict]) => verdicts.set(f, await f.conclude(verdict))));
    return verdicts;
}
/** The shared loop's timeout or cancellation, told for one deployment: its own name and last state. */
function retold(error, f, state, elapsedMs) {
    const about = `${f.what}. Last state: ${state ?? 'none yet'}`;
    if (error instanceof errors/* TimeoutError */.MU)
        return new errors/* TimeoutError */.MU(`Timed out after ${(0,duration/* formatDuration */.a)(elapsedMs)} waiting for ${about}`);
    if (error instanceof errors/* CancelledError */.cc)
        return new errors/* CancelledError */.cc(`The job was cancelled after ${(0,duration/* formatDuration */.a)(elapsedMs)} waiting for ${about}`);
    return error instanceof Error ? error : new Error((0,errors/* messageOf */.bD)(error));
}

// EXTERNAL MODULE: ./src/steps/stopped-tasks.ts
var stopped_tasks = __webpack_require__(969);
;// CONCATENATED MODULE: ./src/steps/ecs-follow.ts









/**
 * Polls the service until our deployment succeeds or fails, printing a progress line when
 * counts change and each new service event once. A timeout, or AWS failing while we watch,
 * is a failed verdict too: the deployment was started, so the caller keeps its id. For a
 * deployment of the step's own (a put-back, a rollback by UpdateService): no record, no settling.
 */
async function followDeployment(options, deps) {
    const watch = new EcsWatch(options, deps);
    const verdict = (await followAll([watch], options, deps)).get(watch);
    if (verdict === undefined)
        throw new Error(`the deployment of '${options.service}' has no verdict`);
    return verdict;
}
/**
 * One ECS deployment as the poll loop follows it: each poll's DescribeServices answer for
 * its service (events, failed tasks, counts) and ECS's record of it, judged together.
 */
class EcsWatch {
    what;
    name;
    state;
    seenEvents = new Set();
    failedTasks;
    options;
    deps;
    settler;
    constructor(options, deps, settler) {
        this.options = options;
        this.deps = deps;
        this.settler = settler;
        this.failedTasks = new stopped_tasks/* StoppedTaskLog */.N({ cluster: options.cluster, startedBy: options.deploymentId, taskOptions: options.taskOptions }, deps);
        this.what = `deployment ${options.deploymentId} of service '${options.service}'`;
        this.name = options.service;
    }
    wants(request) {
        const { cluster, service, record } = this.options;
        request.want(describe_services/* SERVICES */.B, { cluster, service });
        // A record read once is read with the others'; a first read goes alone (DeploymentRecord.poll).
        const arn = record?.readableArn;
        if (arn !== undefined)
            request.want(RECORDS, arn);
    }
    async observe(snapshot) {
        const { cluster, service: serviceName, deploymentId, record: recordOf } = this.options;
        const service = snapshot.get(describe_services/* SERVICES */.B, { cluster, service: serviceName });
        const arn = recordOf?.readableArn;
        const read = arn === undefined ? undefined : snapshot.get(RECORDS, arn);
        for (const event of (0,ecs_progress/* newServiceEvents */.bt)(service?.events, this.options.since, this.seenEvents)) {
            this.seenEvents.add((0,ecs_progress/* serviceEventKey */.Pu)(event));
            this.deps.log.info((0,ecs_progress/* formatServiceEvent */.jy)(event));
        }
        const ours = service?.deployments?.find((d) => d.id === deploymentId);
        await this.failedTasks.update(ours?.failedTasks ?? 0);
        const rollout = (0,ecs_rollout/* classifyRollout */.s3)({
            service,
            where: { cluster, service: serviceName },
            deploymentId,
            maxFailedTasks: this.options.maxFailedTasks,
        });
        const record = recordOf === undefined ? {} : await recordOf.poll(service, read);
        const verdict = combineVerdicts(rollout, record.verdict);
        if (verdict.state !== 'pending')
            return { verdict };
        const counts = (0,ecs_progress/* rolloutProgressLine */.L8)(service ?? {}, deploymentId);
        const state = record.progress === undefined ? counts : `${record.progress} | ${counts}`;
        if (state !== this.state)
            this.deps.log.info(state);
        this.state = state;
        return { state, ...(record.nextMs === undefined ? {} : { nextMs: record.nextMs }) };
    }
    interrupted(error) {
        return (0,plan_verdict/* withDetails */.FE)((0,src_failure/* failureOf */.g)(error, this.deps.log), (0,ecs_progress/* summarizeTaskFailures */.M5)(this.failedTasks.known(), undefined, this.options.taskOptions));
    }
    /** A success says so; a failure the poll found gets every stopped task's evidence. */
    async conclude(final) {
        const { deploymentId, service } = this.options;
        if (final.state === 'succeeded') {
            const record = this.options.record?.last;
            if (record !== undefined && record.status !== 'SUCCESSFUL') {
                this.deps.log.info(`Deployment ${deploymentId} reached stage ${record.lifecycleStage ?? '?'} (wait-until): ECS carries on with the rest (bake, clean-up) on its own.`);
            }
            else {
                const says = record === undefined
                    ? ''
                    : ` (ECS's record: ${record.status ?? '?'} at stage ${record.lifecycleStage ?? '?'})`;
                this.deps.log.info(`Deployment ${deploymentId} completed: service '${service}' runs it${says}.`);
            }
            return final;
        }
        return (0,plan_verdict/* withDetails */.FE)(final, (0,ecs_progress/* summarizeTaskFailures */.M5)(await this.failedTasks.all(), undefined, this.options.taskOptions));
    }
    async settle(failure) {
        return this.settler === undefined ? { verdict: failure } : this.settler(failure, this.options.record);
    }
    report() {
        const report = reportOf(this.options.record);
        return report === undefined ? {} : { serviceDeployment: report };
    }
}
function reportOf(record) {
    const last = record?.last;
    if (record?.arn === undefined || last === undefined)
        return undefined;
    return {
        arn: record.arn,
        strategy: record.strategy,
        ...(last.status === undefined ? {} : { status: last.status }),
        stages: record.stages(),
        alarms: { watched: last.alarms?.alarmNames ?? [], triggered: last.alarms?.triggeredAlarmNames ?? [] },
        hooks: (last.lifecycleHookDetails ?? []).map((h) => `${h.hookId ?? 'unknown'}${h.targetArn ? ` (${h.targetArn})` : ''}: ${h.status ?? 'unknown'}`),
    };
}

// EXTERNAL MODULE: ./src/deps.ts
var src_deps = __webpack_require__(2421);
// EXTERNAL MODULE: ./src/plan/rollback.ts
var plan_rollback = __webpack_require__(6755);
;// CONCATENATED MODULE: ./src/steps/ecs-rollback.ts










/**
 * After our deployment failed: when ECS is rolling it back, follow that to its end so the
 * failure says how it went; when the failure is the action's own (too many failed tasks,
 * the timeout, a cancelled job) and `rollback-on-failure` is on, roll it back with
 * StopServiceDeployment(ROLLBACK), or, when that is refused or there is no record, with
 * UpdateService to the previous revision. On a cancelled job the rollback is only started:
 * the runner stops this process seconds later, and the post step follows it.
 */
async function settleFailure(failure, options, deps) {
    const calm = (0,src_deps/* uncancellable */.WQ)(deps);
    const arn = options.record?.arn;
    const last = options.record?.last;
    if (arn !== undefined &&
        last !== undefined &&
        (isRollingBack(last.status) || last.status === 'ROLLBACK_SUCCESSFUL' || last.status === 'ROLLBACK_FAILED')) {
        if (failure.kind === 'cancelled')
            return {
                verdict: failure,
                rollback: {
                    by: 'ecs',
                    verdict: { state: 'started' },
                    ...toOf(last),
                    follow: { controller: options.controller, recordArn: arn },
                },
            };
        const end = isTerminal(last.status) ? last : await followRecord(arn, options, calm).catch(() => last);
        const verdict = classifyServiceDeployment({
            record: end,
            strategy: options.record?.strategy ?? 'ROLLING',
            waitUntil: 'completed',
            service: options.service,
        });
        return {
            verdict: verdict.state === 'failed' ? keepDetails(failure, verdict) : failure,
            rollback: ecsRollback(end),
        };
    }
    const action = decideRollback({
        failure,
        rollbackOnFailure: options.rollbackOnFailure,
        recordStatus: last?.status,
        haveRecord: arn !== undefined,
    });
    if (action === 'none')
        return { verdict: failure };
    const cancelled = failure.kind === 'cancelled';
    if (action === 'stop-deployment' && arn !== undefined) {
        try {
            deps.log.info(`Rolling back deployment ${arn}: StopServiceDeployment (ROLLBACK).`);
            await (0,aws_ecs/* stopServiceDeployment */.dD)(deps.clients.ecs, arn, 'ROLLBACK');
        }
        catch (error) {
            deps.log.warning(`${(0,errors/* messageOf */.bD)(error)}: rolling back by pointing service '${options.service}' at ${options.previousTaskDefinitionArn} instead.`);
            return updateBack(failure, options, calm, cancelled);
        }
        if (cancelled)
            return started(failure, 'stop-service-deployment', options, { controller: options.controller, recordArn: arn });
        const rollback = await followRecord(arn, options, calm).then((end) => stopRollback(end, options), (error) => ({
            by: 'stop-service-deployment',
            verdict: (0,src_failure/* failureOf */.g)(error, deps.log),
            to: options.previousTaskDefinitionArn,
        }));
        return { verdict: withRollbackLine(failure, rollback), rollback };
    }
    return updateBack(failure, options, calm, cancelled);
}
async function updateBack(failure, options, deps, cancelled) {
    const { cluster, service, previousTaskDefinitionArn: to } = options;
    let deploymentId;
    try {
        deps.log.info(`Rolling back service '${service}': UpdateService to ${to}.`);
        const updated = await (0,aws_ecs/* updateService */.bU)(deps.clients.ecs, {
            cluster,
            service,
            taskDefinition: to,
            forceNewDeployment: false,
        });
        deploymentId = (0,ecs_rollout/* primaryDeployment */.sg)(updated)?.id;
    }
    catch (error) {
        const rollback = { by: 'update-service', verdict: (0,src_failure/* failureOf */.g)(error, deps.log), to };
        return { verdict: withRollbackLine(failure, rollback), rollback };
    }
    if (cancelled)
        return started(failure, 'update-service', options, {
            controller: options.controller,
            ...(deploymentId === undefined ? {} : { deploymentId }),
        });
    if (deploymentId === undefined) {
        const rollback = {
            by: 'update-service',
            verdict: (0,plan_verdict/* failed */.gz)('error', 'UpdateService reported no PRIMARY deployment to follow'),
            to,
        };
        return { verdict: withRollbackLine(failure, rollback), rollback };
    }
    const verdict = await followDeployment({
        cluster,
        service,
        deploymentId,
        since: new Date(deps.now()),
        intervalMs: options.intervalMs,
        timeoutMs: options.timeoutMs,
        maxFailedTasks: options.maxFailedTasks,
        taskOptions: options.taskOptions,
    }, deps);
    const rollback = { by: 'update-service', verdict, to };
    return { verdict: withRollbackLine(failure, rollback), rollback };
}
/** Polls the record (one DescribeServiceDeployments per interval) until it stops changing. */
async function followRecord(arn, bounds, deps) {
    return (0,wait/* waitFor */.fm)({
        what: `the rollback of ${arn}`,
        intervalMs: bounds.intervalMs,
        timeoutMs: bounds.timeoutMs,
        onProgress: (line) => deps.log.info(line),
        check: async () => {
            const record = await (0,aws_ecs/* describeServiceDeployment */.MH)(deps.clients.ecs, arn);
            if (record !== undefined && isTerminal(record.status))
                return { done: true, value: record };
            return {
                done: false,
                state: `rollback: ${record?.status ?? 'no record'} stage ${record?.lifecycleStage ?? '(none)'}`,
            };
        },
    }, deps);
}
function stopRollback(end, options) {
    const to = end.rollback?.serviceRevisionArn ?? options.previousTaskDefinitionArn;
    const status = end.status === undefined ? {} : { recordStatus: end.status };
    if (end.status === 'ROLLBACK_SUCCESSFUL' || end.status === 'STOPPED')
        return { by: 'stop-service-deployment', verdict: { state: 'succeeded' }, to, ...status };
    return {
        by: 'stop-service-deployment',
        verdict: (0,plan_verdict/* failed */.gz)('rollout-failed', `${rollbackOutcome(end)} (${end.status ?? 'no status'})`),
        to,
        ...status,
    };
}
function ecsRollback(end) {
    const verdict = end.status === 'ROLLBACK_SUCCESSFUL' ? { state: 'succeeded' } : (0,plan_verdict/* failed */.gz)('rollout-failed', rollbackOutcome(end));
    return { by: 'ecs', verdict, ...toOf(end), ...(end.status === undefined ? {} : { recordStatus: end.status }) };
}
function toOf(record) {
    const to = record.rollback?.serviceRevisionArn;
    return to === undefined ? {} : { to };
}
function started(failure, by, options, follow) {
    const rollback = { by, verdict: { state: 'started' }, to: options.previousTaskDefinitionArn, follow };
    return { verdict: withRollbackLine(failure, rollback), rollback };
}
/** The final record's failure, with the evidence gathered while following (stopped tasks). */
function keepDetails(first, final) {
    const extra = first.details.filter((line) => !final.details.includes(line));
    return (0,plan_verdict/* withDetails */.FE)(final, extra);
}
function withRollbackLine(failure, rollback) {
    return (0,plan_verdict/* withDetails */.FE)(failure, [(0,plan_rollback/* rollbackLine */.H)(rollback)]);
}

;// CONCATENATED MODULE: ./src/steps/ecs-controller.ts
// The ECS controller: rolling, BLUE_GREEN, LINEAR and CANARY deployments, which the
// service takes through UpdateService and ECS's deployment record reports.













const ecsController = {
    kind: 'ecs',
    registers: true,
    prepare: prepareFromTaskDefinition,
    start: (prepared, registration, deps) => startUpdate(prepared, registration, deps),
    followAfterCancel,
};
/**
 * Read-only: the service's revision, the rendered one and the diff, and what the service's
 * deployment of the target says when nothing changes. Also how CodeDeploy services plan.
 */
async function prepareFromTaskDefinition(found, options, deps) {
    const { service: current, started } = found;
    const { cluster, service } = options;
    refuseUnreachableWaitUntil(current, options);
    if (!current.taskDefinition)
        throw new errors/* UserError */.yo(`Service '${service}' in cluster '${cluster}' has no task definition to start from.`);
    const running = await (0,aws_ecs/* describeTaskDefinition */.oh)(deps.clients.ecs, current.taskDefinition);
    // The service may name its revision as family:revision; outputs and comparisons use ARNs.
    const currentArn = (0,ecs_deploy/* arnOf */.RY)(running.taskDefinition) ?? current.taskDefinition;
    const plan = (0,ecs_deploy/* planEcsDeploy */.iq)({
        running,
        source: await loadSource(options.source, running, deps),
        overrides: options,
        forceNewDeployment: options.forceNewDeployment,
        desiredCount: options.desiredCount,
        currentDesiredCount: current.desiredCount,
    });
    deps.log.info(`Service '${service}' runs ${currentArn}`);
    for (const line of plan.diff)
        deps.log.info(`  ${line}`);
    const standing = plan.updateNeeded ? { kind: 'unchanged' } : (0,ecs_deploy/* decideStanding */.J0)(current, currentArn, service);
    return { options, controller: 'ecs', currentArn, plan, started, standing };
}
/** UpdateService to the registered (or named) revision, and the deployment it started to follow. */
async function startUpdate(prepared, registration, deps) {
    const { options, plan } = prepared;
    const { cluster, service } = options;
    if (!plan.updateNeeded)
        return fromStanding(prepared, deps);
    if (options.dryRun) {
        deps.log.info(`Dry run: would ${plan.registerNeeded ? 'register a new revision and ' : ''}update service '${service}'.`);
        // No ARN exists yet for a revision that would be registered: the output stays empty.
        return { finished: { verdict: { state: 'planned' }, taskDefinitionArn: plan.targetArn ?? '' } };
    }
    const targetArn = registration?.arn ?? plan.targetArn;
    if (targetArn === undefined)
        throw new Error(`the plan of service '${service}' needs a registration, but none was made`);
    const updated = await (0,aws_ecs/* updateService */.bU)(deps.clients.ecs, {
        cluster,
        service,
        taskDefinition: targetArn,
        forceNewDeployment: options.forceNewDeployment,
        desiredCount: options.desiredCount,
        ...(options.propagateTags === undefined ? {} : { propagateTags: options.propagateTags }),
        ...(options.enableEcsManagedTags === undefined ? {} : { enableEcsManagedTags: options.enableEcsManagedTags }),
    });
    const deployment = (0,ecs_rollout/* primaryDeployment */.sg)(updated);
    const deploymentId = deployment?.id;
    deps.log.info(`Updated service '${service}': deployment ${deploymentId ?? '(none reported)'}`);
    const fields = {
        changed: true,
        registered: registration?.registered === true,
        taskDefinitionArn: targetArn,
        deploymentId,
    };
    if (!options.wait.enabled)
        return { finished: { ...fields, verdict: { state: 'started' } } };
    if (!deploymentId) {
        throw new errors/* UserError */.yo(`UpdateService for '${service}' reported no PRIMARY deployment to follow; set '${names/* Input */.pd.wait}: false' to skip waiting.`);
    }
    const since = deployment.createdAt ?? new Date(prepared.started);
    return {
        following: followRecordOf(prepared, { deploymentId, since, recordArn: updated.currentServiceDeployment, taskDefinitionArn: targetArn }, deps),
        fields,
    };
}
/** Nothing to update: the standing decided in prepare says whether to follow, refuse or stop here. */
function fromStanding(prepared, deps) {
    const { options, currentArn, standing, started } = prepared;
    const { service } = options;
    const taskDefinitionArn = currentArn;
    switch (standing.kind) {
        case 'unchanged':
            deps.log.info(`Nothing to change: service '${service}' already runs this task definition.`);
            return { finished: { verdict: { state: 'unchanged' }, taskDefinitionArn } };
        case 'failed': {
            const deploymentId = standing.deployment.id;
            if (!options.dryRun)
                return { finished: { verdict: standing.failure, taskDefinitionArn, deploymentId } };
            deps.log.warning(standing.failure.reason);
            return { finished: { verdict: { state: 'unchanged' }, taskDefinitionArn, deploymentId } };
        }
        case 'in-progress': {
            // A re-run after a kill: the deployment the earlier run started is ours to finish.
            const { deployment } = standing;
            const deploymentId = deployment.id;
            const what = `deployment ${deploymentId} of ${(0,aws_names/* taskDefinitionLabel */.$7)(currentArn)} to service '${service}'`;
            if (options.dryRun) {
                deps.log.info(`Dry run: nothing to change, but ${what} is still in progress; a real run would follow it.`);
                return { finished: { verdict: { state: 'unchanged' }, taskDefinitionArn, deploymentId } };
            }
            if (!options.wait.enabled) {
                deps.log.info(`Nothing to change; ${what} is still in progress (not waiting: '${names/* Input */.pd.wait}' is false).`);
                return { finished: { verdict: { state: 'unchanged' }, taskDefinitionArn, deploymentId } };
            }
            deps.log.info(`Nothing to change, but ${what} is still in progress (a stopped run of this deploy, most likely): picking it up and following it.`);
            const since = deployment.createdAt ?? new Date(started);
            const fields = { taskDefinitionArn, deploymentId };
            return {
                following: followRecordOf(prepared, { deploymentId, since, recordArn: standing.recordArn, taskDefinitionArn }, deps),
                fields,
            };
        }
    }
}
/**
 * Follows a deployment through DescribeServices and its record, and settles a failure with
 * ECS's rollback or the step's own (rollback-on-failure). Express Mode follows the same way.
 */
function followRecordOf(prepared, target, deps) {
    const { options, plan, currentArn } = prepared;
    const { cluster, service } = options;
    const record = new DeploymentRecord({
        cluster,
        service,
        since: target.since,
        taskDefinitionArn: target.taskDefinitionArn,
        waitUntil: options.waitUntil,
        intervalMs: options.wait.intervalMs,
        ...(target.recordArn ? { arn: target.recordArn } : {}),
    }, deps);
    const common = {
        cluster,
        service,
        intervalMs: options.wait.intervalMs,
        timeoutMs: options.wait.timeoutMs,
        maxFailedTasks: options.maxFailedTasks,
        taskOptions: { nonEssentialContainers: (0,containers/* nonEssentialContainers */.yg)(plan.rendered) },
    };
    return new EcsWatch({ ...common, deploymentId: target.deploymentId, since: target.since, record }, deps, (failure, seen) => settleFailure(failure, {
        ...common,
        controller: prepared.controller,
        previousTaskDefinitionArn: currentArn,
        rollbackOnFailure: options.rollbackOnFailure,
        ...(seen === undefined ? {} : { record: seen }),
    }, deps));
}
/** Follows a rollback the cancelled main step started: the record if there is one, else the deployment. */
async function followAfterCancel(rollback, deps) {
    const { cluster, service } = rollback;
    if (rollback.recordArn !== undefined) {
        deps.log.info(`Following the rollback of ${rollback.recordArn} (the job was cancelled mid-deploy).`);
        const end = await followRecord(rollback.recordArn, rollback, deps);
        const ok = end.status === 'ROLLBACK_SUCCESSFUL' || end.status === 'STOPPED';
        return { ok, text: `Service '${service}': ${rollbackOutcome(end)} (${end.status ?? 'no status'}).` };
    }
    if (rollback.deploymentId !== undefined) {
        deps.log.info(`Following deployment ${rollback.deploymentId} back to ${rollback.to ?? 'the previous revision'} (the job was cancelled mid-deploy).`);
        const verdict = await followDeployment({
            cluster,
            service,
            deploymentId: rollback.deploymentId,
            since: new Date(deps.now()),
            intervalMs: rollback.intervalMs,
            timeoutMs: rollback.timeoutMs,
            maxFailedTasks: 0,
            taskOptions: {},
        }, deps);
        if (verdict.state === 'succeeded')
            return { ok: true, text: `Service '${service}' is back on ${rollback.to ?? 'its previous revision'}.` };
        return { ok: false, text: `The rollback of service '${service}' failed: ${(0,plan_verdict/* failureText */.kY)(verdict) ?? ''}` };
    }
    return { ok: true, text: 'Nothing to follow.' };
}
/** The revision to render from; the running one unless the input names another. */
async function loadSource(source, running, deps) {
    switch (source.kind) {
        case 'service':
            return running;
        case 'registered':
            return (0,aws_ecs/* describeTaskDefinition */.oh)(deps.clients.ecs, source.ref).catch((error) => {
                // ECS answers an unknown family or revision with a bare ClientException.
                if ((0,errors/* awsErrorName */.ZH)(error) !== 'ClientException')
                    throw error;
                throw new errors/* UserError */.yo(`Input '${names/* Input */.pd.taskDefinition}' ('${source.ref}') names no task definition ECS knows (${(0,errors/* messageOf */.bD)(error)}): check the family, revision and region.`, { cause: error });
            });
        case 'file':
            return { taskDefinition: source.taskDefinition, tags: source.tags };
    }
}
/** `wait-until` names a stage the service's strategy never goes through: refused before any change. */
function refuseUnreachableWaitUntil(current, options) {
    const problem = (0,service_deployment_stages/* waitUntilProblem */.xb)(options.waitUntil, (0,service_deployment_stages/* strategyOf */.xS)(current.deploymentConfiguration));
    if (problem === undefined)
        return;
    throw new errors/* UserError */.yo(`Input '${names/* Input */.pd.waitUntil}' ('${options.waitUntil}') cannot be reached on service '${options.service}': ${problem}.`);
}


/***/ }),

/***/ 969:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   N: () => (/* binding */ StoppedTaskLog)
/* harmony export */ });
/* harmony import */ var _aws_ecs_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(1032);
/* harmony import */ var _plan_ecs_progress_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(8316);
// The stopped tasks of one deployment (an ECS deployment, or a CodeDeploy replacement task
// set), found by ListTasks (startedBy, STOPPED) and read once each with DescribeTasks: the
// evidence both controllers print (stop code, reason, containers' exit codes).


/**
 * Stopped tasks of one deployment, each described once. The ECS controller looks them up
 * only when its deployment's failedTasks count grows (`update`); the CodeDeploy controller,
 * which has no such count, makes one call a poll (`poll`).
 */
class StoppedTaskLog {
    tasks = new Map();
    /** Listed, but DescribeTasks did not find them: poll does not ask again. */
    missing = new Set();
    listed = [];
    seenCount = 0;
    source;
    deps;
    constructor(source, deps) {
        this.source = source;
        this.deps = deps;
    }
    /** The deployment says `failedCount` tasks failed: the new ones are looked up and warned about. */
    async update(failedCount) {
        if (failedCount <= this.seenCount)
            return;
        this.seenCount = failedCount;
        this.warn(await this.fetchNew());
    }
    /**
     * One ECS call: DescribeTasks for tasks listed but not read yet (warned about), else
     * ListTasks. Returns how many stopped tasks are listed so far.
     */
    async poll() {
        const unread = this.listed.filter((arn) => !this.tasks.has(arn) && !this.missing.has(arn));
        if (unread.length > 0)
            this.warn(await this.describe(unread));
        else
            this.listed = await (0,_aws_ecs_js__WEBPACK_IMPORTED_MODULE_0__/* .listStoppedTasks */ .em)(this.deps.clients.ecs, this.source.cluster, this.source.startedBy);
        return this.listed.length;
    }
    known() {
        return [...this.tasks.values()];
    }
    /** Every stopped task, looked up once more: ListTasks may lag behind failedTasks. */
    async all() {
        await this.fetchNew();
        return [...this.tasks.values()];
    }
    warn(tasks) {
        for (const line of (0,_plan_ecs_progress_js__WEBPACK_IMPORTED_MODULE_1__/* .summarizeTaskFailures */ .M5)(tasks, undefined, this.source.taskOptions))
            this.deps.log.warning(line);
    }
    async fetchNew() {
        const { ecs } = this.deps.clients;
        this.listed = await (0,_aws_ecs_js__WEBPACK_IMPORTED_MODULE_0__/* .listStoppedTasks */ .em)(ecs, this.source.cluster, this.source.startedBy);
        return this.describe(this.listed.filter((arn) => !this.tasks.has(arn)));
    }
    async describe(arns) {
        const tasks = await (0,_aws_ecs_js__WEBPACK_IMPORTED_MODULE_0__/* .describeTasks */ .yz)(this.deps.clients.ecs, this.source.cluster, arns);
        for (const task of tasks)
            if (task.taskArn)
                this.tasks.set(task.taskArn, task);
        for (const arn of arns)
            if (!this.tasks.has(arn))
                this.missing.add(arn);
        return tasks;
    }
}


/***/ }),

/***/ 910:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   fm: () => (/* binding */ waitFor)
/* harmony export */ });
/* unused harmony exports HEARTBEAT_MS, stopReason, throwIfStopped, joinSignals */
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
    throw stopReason(signal) ?? new CancelledError(`The job was cancelled before ${before}.`);
}
/** The job's cancel signal joined with another stop signal: a wait ends on whichever aborts first. */
function joinSignals(...signals) {
    const present = signals.filter((s) => s !== undefined);
    return present.length <= 1 ? present[0] : AbortSignal.any(present);
}


/***/ })

};
