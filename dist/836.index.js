export const id = 836;
export const ids = [836];
export const modules = {

/***/ 5974:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   GG: () => (/* binding */ updateAlias),
/* harmony export */   N9: () => (/* binding */ getFunction),
/* harmony export */   Qt: () => (/* binding */ publishVersion),
/* harmony export */   bd: () => (/* binding */ getAlias),
/* harmony export */   l: () => (/* binding */ updateFunctionCode),
/* harmony export */   lB: () => (/* binding */ createAlias),
/* harmony export */   td: () => (/* binding */ getFunctionConfiguration)
/* harmony export */ });
/* harmony import */ var _aws_sdk_client_lambda__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(1696);
/* harmony import */ var _errors_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(3916);


/** The function's configuration and code location, or undefined when it does not exist. */
async function getFunction(lambda, functionName) {
    try {
        const out = await lambda.send(new _aws_sdk_client_lambda__WEBPACK_IMPORTED_MODULE_1__.GetFunctionCommand({ FunctionName: functionName }));
        if (!out.Configuration)
            throw new Error('the response had no Configuration');
        return { configuration: out.Configuration, code: out.Code ?? {} };
    }
    catch (error) {
        if ((0,_errors_js__WEBPACK_IMPORTED_MODULE_0__/* .awsErrorName */ .ZH)(error) === 'ResourceNotFoundException')
            return undefined;
        throw new _errors_js__WEBPACK_IMPORTED_MODULE_0__/* .AwsCallError */ .iQ(`GetFunction for '${functionName}'`, error);
    }
}
/** The configuration of $LATEST, or of a version or alias when `qualifier` is given. */
async function getFunctionConfiguration(lambda, functionName, qualifier) {
    try {
        return await lambda.send(new _aws_sdk_client_lambda__WEBPACK_IMPORTED_MODULE_1__.GetFunctionConfigurationCommand({ FunctionName: functionName, ...(qualifier === undefined ? {} : { Qualifier: qualifier }) }));
    }
    catch (error) {
        const what = qualifier === undefined ? `'${functionName}'` : `'${functionName}' version ${qualifier}`;
        throw new _errors_js__WEBPACK_IMPORTED_MODULE_0__/* .AwsCallError */ .iQ(`GetFunctionConfiguration for ${what}`, error);
    }
}
/** The alias, or undefined when the function has no alias of that name. */
async function getAlias(lambda, functionName, alias) {
    try {
        return await lambda.send(new _aws_sdk_client_lambda__WEBPACK_IMPORTED_MODULE_1__.GetAliasCommand({ FunctionName: functionName, Name: alias }));
    }
    catch (error) {
        if ((0,_errors_js__WEBPACK_IMPORTED_MODULE_0__/* .awsErrorName */ .ZH)(error) === 'ResourceNotFoundException')
            return undefined;
        throw new _errors_js__WEBPACK_IMPORTED_MODULE_0__/* .AwsCallError */ .iQ(`GetAlias '${alias}' for '${functionName}'`, error);
    }
}
async function updateFunctionCode(lambda, update) {
    try {
        return await lambda.send(new _aws_sdk_client_lambda__WEBPACK_IMPORTED_MODULE_1__.UpdateFunctionCodeCommand({
            FunctionName: update.functionName,
            ImageUri: update.imageUri,
            ...(update.revisionId === undefined ? {} : { RevisionId: update.revisionId }),
        }));
    }
    catch (error) {
        throw new _errors_js__WEBPACK_IMPORTED_MODULE_0__/* .AwsCallError */ .iQ(`UpdateFunctionCode for '${update.functionName}'`, error);
    }
}
/** The published version's configuration (its `Version` is the number). */
async function publishVersion(lambda, request) {
    try {
        const out = await lambda.send(new _aws_sdk_client_lambda__WEBPACK_IMPORTED_MODULE_1__.PublishVersionCommand({
            FunctionName: request.functionName,
            CodeSha256: request.codeSha256,
            ...(request.revisionId === undefined ? {} : { RevisionId: request.revisionId }),
        }));
        if (!out.Version)
            throw new Error('the response had no Version');
        return out;
    }
    catch (error) {
        throw new _errors_js__WEBPACK_IMPORTED_MODULE_0__/* .AwsCallError */ .iQ(`PublishVersion for '${request.functionName}'`, error);
    }
}
async function createAlias(lambda, target) {
    try {
        return await lambda.send(new _aws_sdk_client_lambda__WEBPACK_IMPORTED_MODULE_1__.CreateAliasCommand({ FunctionName: target.functionName, Name: target.alias, FunctionVersion: target.version }));
    }
    catch (error) {
        throw new _errors_js__WEBPACK_IMPORTED_MODULE_0__/* .AwsCallError */ .iQ(`CreateAlias '${target.alias}' for '${target.functionName}'`, error);
    }
}
/** Moves the alias; `revisionId` is the alias's own, so a concurrent move is refused. */
async function updateAlias(lambda, target) {
    try {
        return await lambda.send(new _aws_sdk_client_lambda__WEBPACK_IMPORTED_MODULE_1__.UpdateAliasCommand({
            FunctionName: target.functionName,
            Name: target.alias,
            FunctionVersion: target.version,
            ...(target.revisionId === undefined ? {} : { RevisionId: target.revisionId }),
        }));
    }
    catch (error) {
        throw new _errors_js__WEBPACK_IMPORTED_MODULE_0__/* .AwsCallError */ .iQ(`UpdateAlias '${target.alias}' for '${target.functionName}'`, error);
    }
}


/***/ }),

/***/ 282:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   Fw: () => (/* binding */ isRollingBack),
/* harmony export */   Hd: () => (/* binding */ isTerminal),
/* harmony export */   OX: () => (/* binding */ visitStage),
/* harmony export */   RU: () => (/* binding */ recordProgressLine),
/* harmony export */   X$: () => (/* binding */ classifyServiceDeployment),
/* harmony export */   aG: () => (/* binding */ combineVerdicts),
/* harmony export */   gg: () => (/* binding */ pausedAt),
/* harmony export */   h6: () => (/* binding */ decideRollback),
/* harmony export */   pl: () => (/* binding */ rollbackOutcome)
/* harmony export */ });
/* unused harmony exports RECORD_STATUSES, isStoppable, causeOf, evidenceOf */
/* harmony import */ var _service_deployment_stages_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(5516);
/* harmony import */ var _verdict_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(7282);
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
            if (waitUntil !== 'completed' && (0,_service_deployment_stages_js__WEBPACK_IMPORTED_MODULE_0__/* .hasReached */ .Nl)(record.lifecycleStage, waitUntil, strategy))
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
    return (0,_verdict_js__WEBPACK_IMPORTED_MODULE_1__/* .failed */ .gz)(kind, reason, evidenceOf(record));
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
            `aws ecs continue-service-deployment --service-deployment-arn ${record.serviceDeploymentArn ?? '<arn>'} --hook-id ${hook.hookId ?? '<hook id>'}`);
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


/***/ }),

/***/ 2622:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   p: () => (/* binding */ followDeployment)
/* harmony export */ });
/* harmony import */ var _aws_ecs_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(6592);
/* harmony import */ var _failure_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(1633);
/* harmony import */ var _plan_ecs_progress_js__WEBPACK_IMPORTED_MODULE_4__ = __webpack_require__(8316);
/* harmony import */ var _plan_ecs_rollout_js__WEBPACK_IMPORTED_MODULE_5__ = __webpack_require__(4390);
/* harmony import */ var _plan_service_deployment_js__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(282);
/* harmony import */ var _plan_verdict_js__WEBPACK_IMPORTED_MODULE_6__ = __webpack_require__(7282);
/* harmony import */ var _wait_js__WEBPACK_IMPORTED_MODULE_3__ = __webpack_require__(910);







/**
 * Polls the service (one DescribeServices per poll) until our deployment succeeds or
 * fails, printing a progress line when counts change and each new service event once.
 * A timeout, or AWS failing while we watch, is a failed verdict too: the deployment was
 * started, so the caller keeps its id.
 */
async function followDeployment(options, deps) {
    const { cluster, service: serviceName, deploymentId } = options;
    const seenEvents = new Set();
    const failedTasks = new FailedTaskLog(options, deps);
    let final;
    try {
        final = await (0,_wait_js__WEBPACK_IMPORTED_MODULE_3__/* .waitFor */ .f)({
            what: `deployment ${deploymentId} of service '${serviceName}'`,
            intervalMs: options.intervalMs,
            timeoutMs: options.timeoutMs,
            onProgress: (line) => deps.log.info(line),
            ...(deps.cancel === undefined ? {} : { signal: deps.cancel }),
            check: async () => {
                const service = await (0,_aws_ecs_js__WEBPACK_IMPORTED_MODULE_0__/* .describeService */ .Jv)(deps.clients.ecs, { cluster, service: serviceName });
                for (const event of (0,_plan_ecs_progress_js__WEBPACK_IMPORTED_MODULE_4__/* .newServiceEvents */ .bt)(service?.events, options.since, seenEvents)) {
                    seenEvents.add((0,_plan_ecs_progress_js__WEBPACK_IMPORTED_MODULE_4__/* .serviceEventKey */ .Pu)(event));
                    deps.log.info((0,_plan_ecs_progress_js__WEBPACK_IMPORTED_MODULE_4__/* .formatServiceEvent */ .jy)(event));
                }
                const ours = service?.deployments?.find((d) => d.id === deploymentId);
                await failedTasks.update(ours?.failedTasks ?? 0);
                const rollout = (0,_plan_ecs_rollout_js__WEBPACK_IMPORTED_MODULE_5__/* .classifyRollout */ .s3)({ service, where: { cluster, service: serviceName }, deploymentId, maxFailedTasks: options.maxFailedTasks });
                const record = options.record === undefined ? {} : await options.record.poll(service);
                const verdict = (0,_plan_service_deployment_js__WEBPACK_IMPORTED_MODULE_2__/* .combineVerdicts */ .aG)(rollout, record.verdict);
                if (verdict.state !== 'pending')
                    return { done: true, value: verdict };
                const counts = (0,_plan_ecs_progress_js__WEBPACK_IMPORTED_MODULE_4__/* .rolloutProgressLine */ .L8)(service ?? {}, deploymentId);
                const state = record.progress === undefined ? counts : `${record.progress} | ${counts}`;
                return { done: false, state, ...(record.nextMs === undefined ? {} : { nextMs: record.nextMs }) };
            },
        }, deps);
    }
    catch (error) {
        return (0,_plan_verdict_js__WEBPACK_IMPORTED_MODULE_6__/* .withDetails */ .FE)((0,_failure_js__WEBPACK_IMPORTED_MODULE_1__/* .failureOf */ .g)(error, deps.log), (0,_plan_ecs_progress_js__WEBPACK_IMPORTED_MODULE_4__/* .summarizeTaskFailures */ .M5)(failedTasks.known(), undefined, options.taskOptions));
    }
    if (final.state === 'succeeded') {
        const record = options.record?.last;
        if (record !== undefined && record.status !== 'SUCCESSFUL') {
            deps.log.info(`Deployment ${deploymentId} reached stage ${record.lifecycleStage ?? '?'} (wait-until): ECS carries on with the rest (bake, clean-up) on its own.`);
        }
        else {
            const says = record === undefined ? '' : ` (ECS's record: ${record.status ?? '?'} at stage ${record.lifecycleStage ?? '?'})`;
            deps.log.info(`Deployment ${deploymentId} completed: service '${serviceName}' runs it${says}.`);
        }
        return final;
    }
    return (0,_plan_verdict_js__WEBPACK_IMPORTED_MODULE_6__/* .withDetails */ .FE)(final, (0,_plan_ecs_progress_js__WEBPACK_IMPORTED_MODULE_4__/* .summarizeTaskFailures */ .M5)(await failedTasks.all(), undefined, options.taskOptions));
}
/**
 * Stopped tasks of our deployment. Looked up only when the deployment's failedTasks count
 * grows (or once at the end of a failure), so a healthy rollout costs no task calls.
 */
class FailedTaskLog {
    tasks = new Map();
    seenCount = 0;
    options;
    deps;
    constructor(options, deps) {
        this.options = options;
        this.deps = deps;
    }
    async update(failedCount) {
        if (failedCount <= this.seenCount)
            return;
        this.seenCount = failedCount;
        const fresh = await this.fetchNew();
        for (const line of (0,_plan_ecs_progress_js__WEBPACK_IMPORTED_MODULE_4__/* .summarizeTaskFailures */ .M5)(fresh, undefined, this.options.taskOptions))
            this.deps.log.warning(line);
    }
    known() {
        return [...this.tasks.values()];
    }
    /** Every stopped task, looked up once more: ListTasks may lag behind failedTasks. */
    async all() {
        await this.fetchNew();
        return [...this.tasks.values()];
    }
    async fetchNew() {
        const { ecs } = this.deps.clients;
        const arns = await (0,_aws_ecs_js__WEBPACK_IMPORTED_MODULE_0__/* .listStoppedTasks */ .em)(ecs, this.options.cluster, this.options.deploymentId);
        const unknown = arns.filter((arn) => !this.tasks.has(arn));
        const tasks = await (0,_aws_ecs_js__WEBPACK_IMPORTED_MODULE_0__/* .describeTasks */ .yz)(ecs, this.options.cluster, unknown);
        for (const task of tasks)
            if (task.taskArn)
                this.tasks.set(task.taskArn, task);
        return tasks;
    }
}


/***/ }),

/***/ 8836:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

__webpack_require__.r(__webpack_exports__);
/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   putEcsBack: () => (/* binding */ putEcsBack),
/* harmony export */   putLambdaBack: () => (/* binding */ putLambdaBack)
/* harmony export */ });
/* harmony import */ var _aws_lambda_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(5974);
/* harmony import */ var _aws_ecs_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(6592);
/* harmony import */ var _errors_js__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(3916);
/* harmony import */ var _plan_ecs_rollout_js__WEBPACK_IMPORTED_MODULE_5__ = __webpack_require__(4390);
/* harmony import */ var _plan_verdict_js__WEBPACK_IMPORTED_MODULE_6__ = __webpack_require__(7282);
/* harmony import */ var _wait_js__WEBPACK_IMPORTED_MODULE_3__ = __webpack_require__(910);
/* harmony import */ var _ecs_follow_js__WEBPACK_IMPORTED_MODULE_4__ = __webpack_require__(2622);
// With ecs and lambda in one step and rollback-on-failure: when either fails, the other is
// put back as it was, so the step leaves everything as it found it.







/** Points the service back at the revision it ran before the step and follows that deployment. */
async function putEcsBack(result, bounds, deps) {
    if (!result.changed || result.taskDefinitionArn === result.previousTaskDefinitionArn)
        return [];
    const { cluster, service, previousTaskDefinitionArn: to } = result;
    try {
        deps.log.info(`Putting service '${service}' back on ${to}.`);
        const updated = await (0,_aws_ecs_js__WEBPACK_IMPORTED_MODULE_1__/* .updateService */ .bU)(deps.clients.ecs, { cluster, service, taskDefinition: to, forceNewDeployment: false });
        const deploymentId = (0,_plan_ecs_rollout_js__WEBPACK_IMPORTED_MODULE_5__/* .primaryDeployment */ .sg)(updated)?.id;
        if (deploymentId === undefined)
            return [`ecs: service '${service}' pointed back at ${to} (no deployment reported to follow)`];
        const verdict = await (0,_ecs_follow_js__WEBPACK_IMPORTED_MODULE_4__/* .followDeployment */ .p)({ cluster, service, deploymentId, since: new Date(deps.now()), ...bounds, maxFailedTasks: 0, taskOptions: {} }, deps);
        return [`ecs: service '${service}' put back on ${to}: ${(0,_plan_verdict_js__WEBPACK_IMPORTED_MODULE_6__/* .isFailure */ .N6)(verdict) ? `FAILED: ${verdict.reason}` : 'done'}`];
    }
    catch (error) {
        return [`ecs: could not put service '${service}' back on ${to}: ${(0,_errors_js__WEBPACK_IMPORTED_MODULE_2__/* .messageOf */ .bD)(error)}`];
    }
}
/** Moves each changed function's alias back, or, without one, deploys its previous image again. */
async function putLambdaBack(result, bounds, deps) {
    const changed = result.functions.filter((f) => f.changed && !(0,_plan_verdict_js__WEBPACK_IMPORTED_MODULE_6__/* .isFailure */ .N6)(f.verdict));
    return (await Promise.all(changed.map((f) => putFunctionBack(f, bounds, deps)))).flat();
}
async function putFunctionBack(f, bounds, deps) {
    const { lambda } = deps.clients;
    try {
        if (f.alias !== undefined && f.previousAliasVersion !== undefined) {
            await (0,_aws_lambda_js__WEBPACK_IMPORTED_MODULE_0__/* .updateAlias */ .GG)(lambda, { functionName: f.functionName, alias: f.alias, version: f.previousAliasVersion });
            return [`lambda: ${f.functionName} alias ${f.alias} moved back to version ${f.previousAliasVersion}`];
        }
        if (f.previousImage === undefined)
            return [`lambda: ${f.functionName} has no previous image to put back`];
        await (0,_aws_lambda_js__WEBPACK_IMPORTED_MODULE_0__/* .updateFunctionCode */ .l)(lambda, { functionName: f.functionName, imageUri: f.previousImage });
        await (0,_wait_js__WEBPACK_IMPORTED_MODULE_3__/* .waitFor */ .f)({
            what: `the update of '${f.functionName}' back to ${f.previousImage}`,
            ...bounds,
            onProgress: (line) => deps.log.info(line),
            check: async () => {
                const config = await (0,_aws_lambda_js__WEBPACK_IMPORTED_MODULE_0__/* .getFunctionConfiguration */ .td)(lambda, f.functionName);
                if (config.LastUpdateStatus === 'Successful')
                    return { done: true, value: undefined };
                if (config.LastUpdateStatus === 'Failed')
                    throw new Error(config.LastUpdateStatusReason ?? 'Lambda marked the update Failed');
                return { done: false, state: `${f.functionName}: ${config.LastUpdateStatus ?? 'unknown'}` };
            },
        }, deps);
        return [`lambda: ${f.functionName} put back on ${f.previousImage}`];
    }
    catch (error) {
        return [`lambda: could not put ${f.functionName} back: ${(0,_errors_js__WEBPACK_IMPORTED_MODULE_2__/* .messageOf */ .bD)(error)}`];
    }
}


/***/ })

};
