export const id = 622;
export const ids = [622];
export const modules = {

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
/* harmony import */ var _shell_js__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(293);
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
            `aws ecs continue-service-deployment --service-deployment-arn ${(0,_shell_js__WEBPACK_IMPORTED_MODULE_2__/* .shellQuote */ .Z)(record.serviceDeploymentArn ?? '<arn>')} --hook-id ${(0,_shell_js__WEBPACK_IMPORTED_MODULE_2__/* .shellQuote */ .Z)(hook.hookId ?? '<hook id>')}`);
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

/***/ 4975:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   B: () => (/* binding */ SERVICES),
/* harmony export */   Z: () => (/* binding */ describeEach)
/* harmony export */ });
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

/***/ 2622:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   J: () => (/* binding */ EcsWatch),
/* harmony export */   p: () => (/* binding */ followDeployment)
/* harmony export */ });
/* harmony import */ var _failure_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(1633);
/* harmony import */ var _plan_ecs_progress_js__WEBPACK_IMPORTED_MODULE_6__ = __webpack_require__(8316);
/* harmony import */ var _plan_ecs_rollout_js__WEBPACK_IMPORTED_MODULE_7__ = __webpack_require__(4390);
/* harmony import */ var _plan_service_deployment_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(282);
/* harmony import */ var _plan_verdict_js__WEBPACK_IMPORTED_MODULE_8__ = __webpack_require__(7282);
/* harmony import */ var _describe_services_js__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(4975);
/* harmony import */ var _ecs_record_js__WEBPACK_IMPORTED_MODULE_3__ = __webpack_require__(1398);
/* harmony import */ var _follow_loop_js__WEBPACK_IMPORTED_MODULE_4__ = __webpack_require__(8668);
/* harmony import */ var _stopped_tasks_js__WEBPACK_IMPORTED_MODULE_5__ = __webpack_require__(969);









/**
 * Polls the service until our deployment succeeds or fails, printing a progress line when
 * counts change and each new service event once. A timeout, or AWS failing while we watch,
 * is a failed verdict too: the deployment was started, so the caller keeps its id. For a
 * deployment of the step's own (a put-back, a rollback by UpdateService): no record, no settling.
 */
async function followDeployment(options, deps) {
    const watch = new EcsWatch(options, deps);
    const verdict = (await (0,_follow_loop_js__WEBPACK_IMPORTED_MODULE_4__/* .followAll */ .Z)([watch], options, deps)).get(watch);
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
        this.failedTasks = new _stopped_tasks_js__WEBPACK_IMPORTED_MODULE_5__/* .StoppedTaskLog */ .N({ cluster: options.cluster, startedBy: options.deploymentId, taskOptions: options.taskOptions }, deps);
        this.what = `deployment ${options.deploymentId} of service '${options.service}'`;
        this.name = options.service;
    }
    wants(request) {
        const { cluster, service, record } = this.options;
        request.want(_describe_services_js__WEBPACK_IMPORTED_MODULE_2__/* .SERVICES */ .B, { cluster, service });
        // A record read once is read with the others'; a first read goes alone (DeploymentRecord.poll).
        const arn = record?.readableArn;
        if (arn !== undefined)
            request.want(_ecs_record_js__WEBPACK_IMPORTED_MODULE_3__/* .RECORDS */ .f, arn);
    }
    async observe(snapshot) {
        const { cluster, service: serviceName, deploymentId, record: recordOf } = this.options;
        const service = snapshot.get(_describe_services_js__WEBPACK_IMPORTED_MODULE_2__/* .SERVICES */ .B, { cluster, service: serviceName });
        const arn = recordOf?.readableArn;
        const read = arn === undefined ? undefined : snapshot.get(_ecs_record_js__WEBPACK_IMPORTED_MODULE_3__/* .RECORDS */ .f, arn);
        for (const event of (0,_plan_ecs_progress_js__WEBPACK_IMPORTED_MODULE_6__/* .newServiceEvents */ .bt)(service?.events, this.options.since, this.seenEvents)) {
            this.seenEvents.add((0,_plan_ecs_progress_js__WEBPACK_IMPORTED_MODULE_6__/* .serviceEventKey */ .Pu)(event));
            this.deps.log.info((0,_plan_ecs_progress_js__WEBPACK_IMPORTED_MODULE_6__/* .formatServiceEvent */ .jy)(event));
        }
        const ours = service?.deployments?.find((d) => d.id === deploymentId);
        await this.failedTasks.update(ours?.failedTasks ?? 0);
        const rollout = (0,_plan_ecs_rollout_js__WEBPACK_IMPORTED_MODULE_7__/* .classifyRollout */ .s3)({
            service,
            where: { cluster, service: serviceName },
            deploymentId,
            maxFailedTasks: this.options.maxFailedTasks,
        });
        const record = recordOf === undefined ? {} : await recordOf.poll(service, read);
        const verdict = (0,_plan_service_deployment_js__WEBPACK_IMPORTED_MODULE_1__/* .combineVerdicts */ .aG)(rollout, record.verdict);
        if (verdict.state !== 'pending')
            return { verdict };
        const counts = (0,_plan_ecs_progress_js__WEBPACK_IMPORTED_MODULE_6__/* .rolloutProgressLine */ .L8)(service ?? {}, deploymentId);
        const state = record.progress === undefined ? counts : `${record.progress} | ${counts}`;
        if (state !== this.state)
            this.deps.log.info(state);
        this.state = state;
        return { state, ...(record.nextMs === undefined ? {} : { nextMs: record.nextMs }) };
    }
    interrupted(error) {
        return (0,_plan_verdict_js__WEBPACK_IMPORTED_MODULE_8__/* .withDetails */ .FE)((0,_failure_js__WEBPACK_IMPORTED_MODULE_0__/* .failureOf */ .g)(error, this.deps.log), (0,_plan_ecs_progress_js__WEBPACK_IMPORTED_MODULE_6__/* .summarizeTaskFailures */ .M5)(this.failedTasks.known(), undefined, this.options.taskOptions));
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
        return (0,_plan_verdict_js__WEBPACK_IMPORTED_MODULE_8__/* .withDetails */ .FE)(final, (0,_plan_ecs_progress_js__WEBPACK_IMPORTED_MODULE_6__/* .summarizeTaskFailures */ .M5)(await this.failedTasks.all(), undefined, this.options.taskOptions));
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


/***/ }),

/***/ 1398:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {


// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  P: () => (/* binding */ DeploymentRecord),
  f: () => (/* binding */ RECORDS)
});

// EXTERNAL MODULE: ./src/aws/ecs.ts
var aws_ecs = __webpack_require__(1032);
// EXTERNAL MODULE: ./src/errors.ts
var errors = __webpack_require__(3916);
// EXTERNAL MODULE: ./src/plan/ecs-services.ts
var ecs_services = __webpack_require__(3583);
// EXTERNAL MODULE: ./src/plan/poll-schedule.ts
var poll_schedule = __webpack_require__(8654);
// EXTERNAL MODULE: ./src/plan/service-deployment.ts
var service_deployment = __webpack_require__(282);
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

// EXTERNAL MODULE: ./src/plan/service-deployment-stages.ts
var service_deployment_stages = __webpack_require__(5516);
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
        this.visits = (0,service_deployment/* visitStage */.OX)(this.visits, record.lifecycleStage, now);
        const strategy = this.strategyValue;
        const verdict = (0,service_deployment/* classifyServiceDeployment */.X$)({
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
            paused: (0,service_deployment/* pausedAt */.gg)(record) !== undefined,
            watched: (0,poll_schedule/* alarmsWatch */.md)(config),
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


/***/ }),

/***/ 8668:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {


// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  Z: () => (/* binding */ followAll)
});

// EXTERNAL MODULE: ./src/errors.ts
var errors = __webpack_require__(3916);
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


/***/ })

};
