export const id = 782;
export const ids = [782];
export const modules = {

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

/***/ 2782:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

// ESM COMPAT FLAG
__webpack_require__.r(__webpack_exports__);

// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  applyEcs: () => (/* binding */ applyEcs),
  deployEcs: () => (/* binding */ deployEcs),
  ensureRegistered: () => (/* binding */ ensureRegistered),
  prepareEcs: () => (/* binding */ prepareEcs)
});

// EXTERNAL MODULE: ./src/aws/ecs.ts + 1 modules
var aws_ecs = __webpack_require__(6592);
// EXTERNAL MODULE: ./src/errors.ts
var errors = __webpack_require__(3916);
// EXTERNAL MODULE: ./src/names.ts
var names = __webpack_require__(6455);
// EXTERNAL MODULE: ./src/plan/aws-names.ts
var aws_names = __webpack_require__(8983);
// EXTERNAL MODULE: ./src/plan/ecs-deploy.ts + 1 modules
var ecs_deploy = __webpack_require__(5075);
// EXTERNAL MODULE: ./src/plan/ecs-rollout.ts
var ecs_rollout = __webpack_require__(4390);
// EXTERNAL MODULE: ./src/plan/containers.ts
var containers = __webpack_require__(5343);
// EXTERNAL MODULE: ./src/steps/ecs-follow.ts
var ecs_follow = __webpack_require__(2622);
// EXTERNAL MODULE: ./src/plan/service-deployment.ts
var service_deployment = __webpack_require__(282);
;// CONCATENATED MODULE: ./src/plan/poll-schedule.ts
// When to poll a service deployment next: rarely through a wait whose end is known (the
// final bake, a linear step's or a canary's bake) and at a pause hook, at `poll-interval`
// otherwise. Pure.
const DEFAULT_POLL_PLAN = { slowIntervalMs: 60_000, pausedIntervalMs: 30_000, leadMs: 15_000 };
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
    const step = view.strategy === 'LINEAR' ? minutesMs(view.config?.linearConfiguration?.stepBakeTimeInMinutes)
        : view.strategy === 'CANARY' ? minutesMs(view.config?.canaryConfiguration?.canaryBakeTimeInMinutes)
            : undefined;
    return step === undefined ? undefined : view.weightSince + step;
}
/**
 * How long to sleep before the next poll. Through a wait whose end is known, poll rarely
 * and come back to the normal interval a lead before the end, so what follows the wait is
 * still seen within one normal interval; at a pause hook (which waits for a person), every
 * `pausedIntervalMs`. Otherwise: the normal interval.
 */
function nextPollDelay(input) {
    const { plan, now, waitEndsAt, paused } = input;
    if (paused)
        return Math.max(plan.intervalMs, plan.pausedIntervalMs);
    if (waitEndsAt === undefined)
        return plan.intervalMs;
    const lead = Math.max(plan.leadMs, 2 * plan.intervalMs);
    const untilLead = waitEndsAt - lead - now;
    if (untilLead <= plan.intervalMs)
        return plan.intervalMs;
    return Math.max(plan.intervalMs, Math.min(plan.slowIntervalMs, untilLead));
}

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
    return [...new Set(briefs.flatMap((b) => (b.targetServiceRevisionArn === undefined ? [] : [b.targetServiceRevisionArn])))];
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
        return { arn: match.serviceDeploymentArn, why: `the oldest of ${sorted.length} records since our update that deploys ${taskDefinitionArn}` };
    return { arn: oldest.serviceDeploymentArn, why: `none of ${sorted.length} records since our update names ${taskDefinitionArn} as its target yet: the oldest` };
}

// EXTERNAL MODULE: ./src/plan/service-deployment-stages.ts
var service_deployment_stages = __webpack_require__(5516);
;// CONCATENATED MODULE: ./src/steps/ecs-record.ts






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
    /** One poll, given the DescribeServices answer of the same poll. */
    async poll(service) {
        if (this.off)
            return {};
        if (service?.deploymentConfiguration !== undefined)
            this.strategyValue = (0,service_deployment_stages/* strategyOf */.xS)(service.deploymentConfiguration);
        try {
            const arn = await this.find();
            if (arn === undefined)
                return {};
            const record = this.confirmed ? await (0,aws_ecs/* describeServiceDeployment */.MH)(this.deps.clients.ecs, arn) : await this.probe((ecs) => (0,aws_ecs/* describeServiceDeployment */.MH)(ecs, arn));
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
        this.visits = (0,service_deployment/* visitStage */.OX)(this.visits, record.lifecycleStage, now);
        const strategy = this.strategyValue;
        const verdict = (0,service_deployment/* classifyServiceDeployment */.X$)({ record, strategy, waitUntil: this.options.waitUntil, service: this.options.service });
        const waitEndsAt = knownWaitEnd({
            status: record.status,
            strategy,
            config: record.deploymentConfiguration ?? service?.deploymentConfiguration,
            stage: record.lifecycleStage,
            stageSince: this.stageSince,
            weight: this.weight,
            weightSince: this.weightSince,
        });
        const nextMs = nextPollDelay({
            plan: { intervalMs: this.options.intervalMs, ...DEFAULT_POLL_PLAN },
            now,
            paused: (0,service_deployment/* pausedAt */.gg)(record) !== undefined,
            ...(waitEndsAt === undefined ? {} : { waitEndsAt }),
        });
        return { record, verdict, progress: (0,service_deployment/* recordProgressLine */.RU)(record, strategy), nextMs };
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
            const call = /ListServiceDeployments/.test((0,errors/* messageOf */.bD)(error)) ? 'ecs:ListServiceDeployments' : 'ecs:DescribeServiceDeployments';
            this.deps.log.warning(`The role may not read ECS deployment records (${call} was denied): following service '${this.options.service}' by DescribeServices only, ` +
                `so stages, alarms and hooks are not reported. Grant ecs:ListServiceDeployments and ecs:DescribeServiceDeployments (see docs/iam/ecs.json).`);
            return;
        }
        this.deps.log.info(`ECS gave no deployment record (${(0,errors/* messageOf */.bD)(error)}): following DescribeServices only.`);
    }
}
/** An answer the SDK could not read as AWS's (an HTML error page): the API is not there. */
function notAnAwsAnswer(error) {
    for (let e = error, depth = 0; e instanceof Error && depth < 5; e = e.cause, depth++) {
        if (e.name === 'SyntaxError' || e.message.includes('Deserialization error'))
            return true;
    }
    return false;
}

// EXTERNAL MODULE: ./src/failure.ts
var src_failure = __webpack_require__(1633);
// EXTERNAL MODULE: ./src/plan/verdict.ts
var plan_verdict = __webpack_require__(7282);
// EXTERNAL MODULE: ./src/plan/rollback.ts
var plan_rollback = __webpack_require__(6755);
// EXTERNAL MODULE: ./src/wait.ts
var wait = __webpack_require__(910);
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
    const calm = { ...deps, cancel: undefined };
    const arn = options.record?.arn;
    const last = options.record?.last;
    if (arn !== undefined && last !== undefined && ((0,service_deployment/* isRollingBack */.Fw)(last.status) || last.status === 'ROLLBACK_SUCCESSFUL' || last.status === 'ROLLBACK_FAILED')) {
        if (failure.kind === 'cancelled')
            return { verdict: failure, rollback: { by: 'ecs', verdict: { state: 'started' }, ...toOf(last), follow: { recordArn: arn } } };
        const end = (0,service_deployment/* isTerminal */.Hd)(last.status) ? last : await followRecord(arn, options, calm).catch(() => last);
        const verdict = (0,service_deployment/* classifyServiceDeployment */.X$)({ record: end, strategy: options.record?.strategy ?? 'ROLLING', waitUntil: 'completed', service: options.service });
        return { verdict: verdict.state === 'failed' ? keepDetails(failure, verdict) : failure, rollback: ecsRollback(end) };
    }
    const action = (0,service_deployment/* decideRollback */.h6)({ failure, rollbackOnFailure: options.rollbackOnFailure, recordStatus: last?.status, haveRecord: arn !== undefined });
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
            return started(failure, 'stop-service-deployment', options, { recordArn: arn });
        const rollback = await followRecord(arn, options, calm).then((end) => stopRollback(end, options), (error) => ({ by: 'stop-service-deployment', verdict: (0,src_failure/* failureOf */.g)(error, deps.log), to: options.previousTaskDefinitionArn }));
        return { verdict: withRollbackLine(failure, rollback), rollback };
    }
    return updateBack(failure, options, calm, cancelled);
}
async function updateBack(failure, options, deps, cancelled) {
    const { cluster, service, previousTaskDefinitionArn: to } = options;
    let deploymentId;
    try {
        deps.log.info(`Rolling back service '${service}': UpdateService to ${to}.`);
        const updated = await (0,aws_ecs/* updateService */.bU)(deps.clients.ecs, { cluster, service, taskDefinition: to, forceNewDeployment: false });
        deploymentId = (0,ecs_rollout/* primaryDeployment */.sg)(updated)?.id;
    }
    catch (error) {
        const rollback = { by: 'update-service', verdict: (0,src_failure/* failureOf */.g)(error, deps.log), to };
        return { verdict: withRollbackLine(failure, rollback), rollback };
    }
    if (cancelled)
        return started(failure, 'update-service', options, deploymentId === undefined ? {} : { deploymentId });
    if (deploymentId === undefined) {
        const rollback = { by: 'update-service', verdict: (0,plan_verdict/* failed */.gz)('error', 'UpdateService reported no PRIMARY deployment to follow'), to };
        return { verdict: withRollbackLine(failure, rollback), rollback };
    }
    const verdict = await (0,ecs_follow/* followDeployment */.p)({ cluster, service, deploymentId, since: new Date(deps.now()), intervalMs: options.intervalMs, timeoutMs: options.timeoutMs, maxFailedTasks: options.maxFailedTasks, taskOptions: options.taskOptions }, deps);
    const rollback = { by: 'update-service', verdict, to };
    return { verdict: withRollbackLine(failure, rollback), rollback };
}
/** Polls the record (one DescribeServiceDeployments per interval) until it stops changing. */
async function followRecord(arn, bounds, deps) {
    return (0,wait/* waitFor */.f)({
        what: `the rollback of ${arn}`,
        intervalMs: bounds.intervalMs,
        timeoutMs: bounds.timeoutMs,
        onProgress: (line) => deps.log.info(line),
        check: async () => {
            const record = await (0,aws_ecs/* describeServiceDeployment */.MH)(deps.clients.ecs, arn);
            if (record !== undefined && (0,service_deployment/* isTerminal */.Hd)(record.status))
                return { done: true, value: record };
            return { done: false, state: `rollback: ${record?.status ?? 'no record'} stage ${record?.lifecycleStage ?? '(none)'}` };
        },
    }, deps);
}
function stopRollback(end, options) {
    const to = end.rollback?.serviceRevisionArn ?? options.previousTaskDefinitionArn;
    if (end.status === 'ROLLBACK_SUCCESSFUL' || end.status === 'STOPPED')
        return { by: 'stop-service-deployment', verdict: { state: 'succeeded' }, to };
    return { by: 'stop-service-deployment', verdict: (0,plan_verdict/* failed */.gz)('rollout-failed', `${(0,service_deployment/* rollbackOutcome */.pl)(end)} (${end.status ?? 'no status'})`), to };
}
function ecsRollback(end) {
    const verdict = end.status === 'ROLLBACK_SUCCESSFUL' ? { state: 'succeeded' } : (0,plan_verdict/* failed */.gz)('rollout-failed', (0,service_deployment/* rollbackOutcome */.pl)(end));
    return { by: 'ecs', verdict, ...toOf(end) };
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

// EXTERNAL MODULE: ./src/steps/register-revision.ts
var register_revision = __webpack_require__(8978);
;// CONCATENATED MODULE: ./src/steps/ecs.ts













/** describe -> plan -> (dry-run: return the plan) -> register -> update -> wait. */
async function deployEcs(options, deps) {
    return applyEcs(await prepareEcs(options, deps), deps);
}
/**
 * Read-only: describes the service and its revision, renders and validates. Every problem
 * with the inputs surfaces here, before any mode of the step changes anything.
 */
async function prepareEcs(options, deps) {
    const started = deps.now();
    const { ecs } = deps.clients;
    const { cluster, service } = options;
    const current = await (0,aws_ecs/* describeService */.Jv)(ecs, { cluster, service }).catch((error) => {
        if ((0,errors/* awsErrorName */.ZH)(error) !== 'ClusterNotFoundException')
            throw error;
        throw new errors/* UserError */.yo(`Cluster '${cluster}' was not found: check input '${names/* Input */.pd.cluster}' (a cluster name or ARN) and the region.`, { cause: error });
    });
    if (!current || current.status === 'INACTIVE') {
        throw new errors/* UserError */.yo(`Service '${service}' was not found in cluster '${cluster}'${current ? ' (it is INACTIVE)' : ''}: check inputs '${names/* Input */.pd.service}' and '${names/* Input */.pd.cluster}', and the region.`);
    }
    const problem = (0,service_deployment_stages/* waitUntilProblem */.xb)(options.waitUntil, (0,service_deployment_stages/* strategyOf */.xS)(current.deploymentConfiguration));
    if (problem !== undefined)
        throw new errors/* UserError */.yo(`Input '${names/* Input */.pd.waitUntil}' ('${options.waitUntil}') cannot be reached on service '${service}': ${problem}.`);
    if (!current.taskDefinition)
        throw new errors/* UserError */.yo(`Service '${service}' in cluster '${cluster}' has no task definition to start from.`);
    const running = await (0,aws_ecs/* describeTaskDefinition */.oh)(ecs, current.taskDefinition);
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
    return { options, currentArn, plan, started, standing };
}
/**
 * Registers the rendered revision when the plan needs one (or reuses an identical latest
 * revision of the family), and says which ARN the service will be pointed at. The pipeline
 * calls it early when run-task runs "the revision ecs deploys", then hands the registration
 * to applyEcs. Undefined when nothing needs registering.
 */
async function ensureRegistered(prepared, deps) {
    const { plan, options } = prepared;
    if (plan.targetArn !== undefined || options.dryRun)
        return undefined;
    return (0,register_revision/* registerOrReuse */.X)(plan.rendered, plan.tags, { timeoutMs: options.wait.timeoutMs }, deps);
}
/** register -> update -> follow our deployment; in a dry run, returns the plan as 'planned'. */
async function applyEcs(prepared, deps, registration) {
    const { options, currentArn, plan, started } = prepared;
    const { cluster, service } = options;
    const result = (fields) => ({
        cluster,
        service,
        changed: false,
        registered: false,
        previousTaskDefinitionArn: currentArn,
        diff: plan.diff,
        before: plan.before,
        after: plan.after,
        durationMs: deps.now() - started,
        ...fields,
    });
    if (!plan.updateNeeded)
        return applyStanding(prepared, deps, result);
    if (options.dryRun) {
        deps.log.info(`Dry run: would ${plan.registerNeeded ? 'register a new revision and ' : ''}update service '${service}'.`);
        // No ARN exists yet for a revision that would be registered: the output stays empty.
        return result({ verdict: { state: 'planned' }, taskDefinitionArn: plan.targetArn ?? '' });
    }
    const made = registration ?? (await ensureRegistered(prepared, deps));
    const targetArn = made?.arn ?? plan.targetArn;
    if (targetArn === undefined)
        throw new Error('applyEcs: the plan needs a registration, but none was made');
    const updated = await (0,aws_ecs/* updateService */.bU)(deps.clients.ecs, {
        cluster,
        service,
        taskDefinition: targetArn,
        forceNewDeployment: options.forceNewDeployment,
        desiredCount: options.desiredCount,
    });
    const deployment = (0,ecs_rollout/* primaryDeployment */.sg)(updated);
    const deploymentId = deployment?.id;
    deps.log.info(`Updated service '${service}': deployment ${deploymentId ?? '(none reported)'}`);
    const changed = { changed: true, registered: made?.registered === true, taskDefinitionArn: targetArn, deploymentId };
    if (!options.wait.enabled)
        return result({ ...changed, verdict: { state: 'started' } });
    if (!deploymentId) {
        throw new errors/* UserError */.yo(`UpdateService for '${service}' reported no PRIMARY deployment to follow; set '${names/* Input */.pd.wait}: false' to skip waiting.`);
    }
    const since = deployment.createdAt ?? new Date(started);
    const followed = await follow(prepared, { deploymentId, since, taskDefinitionArn: targetArn, recordArn: updated.currentServiceDeployment }, deps);
    return result({ ...changed, ...followed });
}
/** Nothing to update: the standing decided in prepare says whether to follow, refuse or stop here. */
async function applyStanding(prepared, deps, result) {
    const { options, currentArn, standing, started } = prepared;
    const { service } = options;
    const taskDefinitionArn = currentArn;
    switch (standing.kind) {
        case 'unchanged':
            deps.log.info(`Nothing to change: service '${service}' already runs this task definition.`);
            return result({ verdict: { state: 'unchanged' }, taskDefinitionArn });
        case 'failed': {
            const deploymentId = standing.deployment.id;
            if (!options.dryRun)
                return result({ verdict: standing.failure, taskDefinitionArn, deploymentId });
            deps.log.warning(standing.failure.reason);
            return result({ verdict: { state: 'unchanged' }, taskDefinitionArn, deploymentId });
        }
        case 'in-progress': {
            // A re-run after a kill: the deployment the earlier run started is ours to finish.
            const { deployment } = standing;
            const deploymentId = deployment.id;
            const what = `deployment ${deploymentId} of ${(0,aws_names/* taskDefinitionLabel */.$7)(currentArn)} to service '${service}'`;
            if (options.dryRun) {
                deps.log.info(`Dry run: nothing to change, but ${what} is still in progress; a real run would follow it.`);
                return result({ verdict: { state: 'unchanged' }, taskDefinitionArn, deploymentId });
            }
            if (!options.wait.enabled) {
                deps.log.info(`Nothing to change; ${what} is still in progress (not waiting: '${names/* Input */.pd.wait}' is false).`);
                return result({ verdict: { state: 'unchanged' }, taskDefinitionArn, deploymentId });
            }
            deps.log.info(`Nothing to change, but ${what} is still in progress (a stopped run of this deploy, most likely): picking it up and following it.`);
            const followed = await follow(prepared, { deploymentId, since: deployment.createdAt ?? new Date(started), taskDefinitionArn, recordArn: standing.recordArn }, deps);
            return result({ ...followed, taskDefinitionArn, deploymentId });
        }
    }
}
/** Follows our deployment (and ECS's record of it); on a failure, settles any rollback. */
async function follow(prepared, deployment, deps) {
    const { options, plan } = prepared;
    const { cluster, service } = options;
    const record = new DeploymentRecord({ cluster, service, since: deployment.since, taskDefinitionArn: deployment.taskDefinitionArn, waitUntil: options.waitUntil, intervalMs: options.wait.intervalMs, ...(deployment.recordArn ? { arn: deployment.recordArn } : {}) }, deps);
    const common = {
        cluster,
        service,
        intervalMs: options.wait.intervalMs,
        timeoutMs: options.wait.timeoutMs,
        maxFailedTasks: options.maxFailedTasks,
        taskOptions: { nonEssentialContainers: (0,containers/* nonEssentialContainers */.yg)(plan.rendered) },
    };
    const verdict = await (0,ecs_follow/* followDeployment */.p)({ ...common, deploymentId: deployment.deploymentId, since: deployment.since, record }, deps);
    const settled = (0,plan_verdict/* isFailure */.N6)(verdict)
        ? await settleFailure(verdict, { ...common, previousTaskDefinitionArn: prepared.currentArn, record, rollbackOnFailure: options.rollbackOnFailure }, deps)
        : { verdict };
    const report = reportOf(record);
    return { ...settled, ...(report === undefined ? {} : { serviceDeployment: report }) };
}
function reportOf(record) {
    const last = record.last;
    if (record.arn === undefined || last === undefined)
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


/***/ })

};
