export const id = 828;
export const ids = [828];
export const modules = {

/***/ 3307:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   $o: () => (/* binding */ getDeploymentGroup),
/* harmony export */   $z: () => (/* binding */ getDeploymentTarget),
/* harmony export */   Uk: () => (/* binding */ stopDeployment),
/* harmony export */   Yy: () => (/* binding */ createDeployment),
/* harmony export */   i8: () => (/* binding */ getDeployment),
/* harmony export */   q8: () => (/* binding */ listDeploymentTargets)
/* harmony export */ });
/* unused harmony export continueDeployment */
/* harmony import */ var _aws_sdk_client_codedeploy__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(7507);
/* harmony import */ var _errors_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(3916);
// CodeDeploy, one function per call. Loaded (with its SDK package) only when a service that
// deploys through CodeDeploy is deployed: see Clients.codedeploy in clients.ts.


/** The deployment group, or undefined when CodeDeploy says it (or its application) does not exist. */
async function getDeploymentGroup(cd, application, group) {
    return (0,_errors_js__WEBPACK_IMPORTED_MODULE_0__/* .asked */ .NZ)(`GetDeploymentGroup for '${group}' of application '${application}'`, async () => {
        try {
            const out = await cd.send(new _aws_sdk_client_codedeploy__WEBPACK_IMPORTED_MODULE_1__.GetDeploymentGroupCommand({ applicationName: application, deploymentGroupName: group }));
            return (0,_errors_js__WEBPACK_IMPORTED_MODULE_0__/* .required */ .mw)(out.deploymentGroupInfo, 'deploymentGroupInfo');
        }
        catch (error) {
            const name = error instanceof Error ? error.name : '';
            if (name === 'DeploymentGroupDoesNotExistException' || name === 'ApplicationDoesNotExistException')
                return undefined;
            throw error;
        }
    });
}
/** Starts the deployment and returns its id (`d-XXXXXXXXX`). */
async function createDeployment(cd, input) {
    return (0,_errors_js__WEBPACK_IMPORTED_MODULE_0__/* .asked */ .NZ)(`CreateDeployment in group '${input.group}' of application '${input.application}'`, async () => {
        const out = await cd.send(new _aws_sdk_client_codedeploy__WEBPACK_IMPORTED_MODULE_1__.CreateDeploymentCommand({
            applicationName: input.application,
            deploymentGroupName: input.group,
            revision: { revisionType: 'AppSpecContent', appSpecContent: { content: input.appSpec } },
            ...(input.deploymentConfig === undefined ? {} : { deploymentConfigName: input.deploymentConfig }),
            ...(input.description === undefined ? {} : { description: input.description }),
        }));
        return (0,_errors_js__WEBPACK_IMPORTED_MODULE_0__/* .required */ .mw)(out.deploymentId, 'deploymentId');
    });
}
async function getDeployment(cd, deploymentId) {
    return (0,_errors_js__WEBPACK_IMPORTED_MODULE_0__/* .asked */ .NZ)(`GetDeployment for '${deploymentId}'`, async () => {
        const out = await cd.send(new _aws_sdk_client_codedeploy__WEBPACK_IMPORTED_MODULE_1__.GetDeploymentCommand({ deploymentId }));
        return (0,_errors_js__WEBPACK_IMPORTED_MODULE_0__/* .required */ .mw)(out.deploymentInfo, 'deploymentInfo');
    });
}
/** Every target id of the deployment (an ECS or Lambda deployment has one). */
async function listDeploymentTargets(cd, deploymentId) {
    return (0,_errors_js__WEBPACK_IMPORTED_MODULE_0__/* .asked */ .NZ)(`ListDeploymentTargets for '${deploymentId}'`, async () => {
        const ids = [];
        let nextToken;
        do {
            const out = await cd.send(new _aws_sdk_client_codedeploy__WEBPACK_IMPORTED_MODULE_1__.ListDeploymentTargetsCommand({ deploymentId, ...(nextToken === undefined ? {} : { nextToken }) }));
            ids.push(...(out.targetIds ?? []));
            nextToken = out.nextToken;
        } while (nextToken !== undefined && nextToken !== '');
        return ids;
    });
}
async function getDeploymentTarget(cd, deploymentId, targetId) {
    return (0,_errors_js__WEBPACK_IMPORTED_MODULE_0__/* .asked */ .NZ)(`GetDeploymentTarget '${targetId}' of deployment '${deploymentId}'`, async () => {
        const out = await cd.send(new _aws_sdk_client_codedeploy__WEBPACK_IMPORTED_MODULE_1__.GetDeploymentTargetCommand({ deploymentId, targetId }));
        return (0,_errors_js__WEBPACK_IMPORTED_MODULE_0__/* .required */ .mw)(out.deploymentTarget, 'deploymentTarget');
    });
}
/** Ends a `Ready` wait (READY_WAIT) or the original task set's termination wait (TERMINATION_WAIT). */
async function continueDeployment(cd, deploymentId, waitType) {
    await asked(`ContinueDeployment (${waitType}) for '${deploymentId}'`, async () => {
        await cd.send(new ContinueDeploymentCommand({ deploymentId, deploymentWaitType: waitType }));
    });
}
/** Stops the deployment; with `rollback`, CodeDeploy puts the original task set back. */
async function stopDeployment(cd, deploymentId, rollback) {
    return (0,_errors_js__WEBPACK_IMPORTED_MODULE_0__/* .asked */ .NZ)(`StopDeployment${rollback ? ' (with rollback)' : ''} for '${deploymentId}'`, async () => {
        const out = await cd.send(new _aws_sdk_client_codedeploy__WEBPACK_IMPORTED_MODULE_1__.StopDeploymentCommand({ deploymentId, autoRollbackEnabled: rollback }));
        return {
            ...(out.status === undefined ? {} : { status: out.status }),
            ...(out.statusMessage === undefined ? {} : { message: out.statusMessage }),
        };
    });
}


/***/ }),

/***/ 6869:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   PG: () => (/* binding */ STEP_FAILURES),
/* harmony export */   ZU: () => (/* binding */ continueCommand),
/* harmony export */   d2: () => (/* binding */ classifyCodeDeploy),
/* harmony export */   sB: () => (/* binding */ targetViewOf),
/* harmony export */   zX: () => (/* binding */ goalText)
/* harmony export */ });
/* unused harmony exports eventReached, failedEvent */
/* harmony import */ var _codedeploy_events_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(3751);
/* harmony import */ var _shell_js__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(293);
/* harmony import */ var _verdict_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(7282);
// A CodeDeploy deployment as the follower sees it (GetDeployment, and its target's
// lifecycle events and task sets), classified as pending / succeeded / failed. Pure, and
// not ECS-specific: a Lambda deployment's target (lambdaTarget) reads the same way.
// Shapes: CodeDeploy API reference, DeploymentInfo, ECSTarget, LambdaTarget, LifecycleEvent,
// ECSTaskSet, RollbackInfo (docs.aws.amazon.com/codedeploy/latest/APIReference).



function targetViewOf(target) {
    const t = target?.ecsTarget ?? target?.lambdaTarget;
    if (t === undefined)
        return undefined;
    return {
        ...(t.status === undefined ? {} : { status: t.status }),
        events: t.lifecycleEvents ?? [],
        taskSets: target?.ecsTarget?.taskSetsInfo ?? [],
        ...(target?.lambdaTarget?.lambdaFunctionInfo === undefined
            ? {}
            : { lambda: target.lambdaTarget.lambdaFunctionInfo }),
    };
}
function classifyCodeDeploy(snapshot, options) {
    const d = snapshot.deployment;
    const id = d.deploymentId ?? '?';
    switch (d.status) {
        case 'Succeeded':
            return { state: 'succeeded', reached: options.goal };
        case 'Failed':
            return (0,_verdict_js__WEBPACK_IMPORTED_MODULE_1__/* .failed */ .gz)(d.rollbackInfo?.rollbackDeploymentId ? 'rolled-back' : 'rollout-failed', `CodeDeploy deployment ${id} failed${atEvent(snapshot.target)}.`, failureDetails(snapshot, options.hooks));
        case 'Stopped':
            return (0,_verdict_js__WEBPACK_IMPORTED_MODULE_1__/* .failed */ .gz)(d.rollbackInfo?.rollbackDeploymentId ? 'rolled-back' : 'stopped', `CodeDeploy deployment ${id} was stopped${atEvent(snapshot.target)}.`, failureDetails(snapshot, options.hooks));
        default:
            break;
    }
    if (options.goal !== 'completed' && eventReached(snapshot.target, options.goal))
        return { state: 'succeeded', reached: options.goal };
    if (d.status === 'Ready')
        return { state: 'pending', waiting: 'ready' };
    if (d.status === 'InProgress' && d.instanceTerminationWaitTimeStarted === true)
        return { state: 'pending', waiting: 'termination' };
    return { state: 'pending' };
}
/**
 * True once `event` succeeded (or was skipped), or a later event has started: CodeDeploy
 * runs the events in order, so a later one means this one is behind it.
 */
function eventReached(target, event) {
    const events = target?.events ?? [];
    const index = events.findIndex((e) => e.lifecycleEventName === event);
    if (index < 0)
        return false;
    const own = events[index]?.status;
    if (own === 'Succeeded' || own === 'Skipped')
        return true;
    if (own === 'Failed')
        return false;
    return events.slice(index + 1).some((e) => e.status === 'InProgress' || e.status === 'Succeeded');
}
/** The first lifecycle event that failed, else the one in progress. */
function failedEvent(target) {
    const events = target?.events ?? [];
    return events.find((e) => e.status === 'Failed') ?? events.find((e) => e.status === 'InProgress');
}
function atEvent(target) {
    const event = failedEvent(target);
    return event?.lifecycleEventName === undefined ? '' : ` at lifecycle event ${event.lifecycleEventName}`;
}
function failureDetails(snapshot, hooks = {}) {
    const d = snapshot.deployment;
    const details = [];
    const event = failedEvent(snapshot.target);
    const name = event?.lifecycleEventName;
    if (name !== undefined && _codedeploy_events_js__WEBPACK_IMPORTED_MODULE_0__/* .HOOK_EVENTS */ .CJ.has(name)) {
        const fn = hooks[name];
        details.push(fn === undefined ? `The ${name} hook failed.` : `The ${name} hook (Lambda function '${fn}') failed.`);
    }
    const diag = event?.diagnostics;
    if (diag !== undefined) {
        const parts = [diag.errorCode, diag.scriptName ? `script ${diag.scriptName}` : undefined, diag.message].filter((p) => p !== undefined && p !== '');
        if (parts.length > 0)
            details.push(`Diagnostics: ${parts.join(': ')}`);
        if (diag.logTail)
            details.push(`Log tail: ${diag.logTail}`);
    }
    if (d.errorInformation?.code !== undefined || d.errorInformation?.message !== undefined) {
        details.push(`Error ${d.errorInformation.code ?? '(no code)'}: ${d.errorInformation.message ?? '(no message)'}`);
    }
    const rb = d.rollbackInfo;
    if (rb?.rollbackDeploymentId !== undefined) {
        const message = rb.rollbackMessage ? `: ${rb.rollbackMessage.replace(/\.$/, '')}` : '';
        details.push(`CodeDeploy rolled back with deployment ${rb.rollbackDeploymentId}${message}.`);
    }
    else if (rb?.rollbackMessage) {
        details.push(`Rollback: ${rb.rollbackMessage}`);
    }
    return details;
}
/** The command that ends a `Ready` wait (a group that waits for a manual reroute), quoted for a shell. */
function continueCommand(deploymentId) {
    return `aws deploy continue-deployment --deployment-id ${(0,_shell_js__WEBPACK_IMPORTED_MODULE_2__/* .shellQuote */ .Z)(deploymentId)} --deployment-wait-type READY_WAIT`;
}
/** What the follower waits for, for timeout messages. */
function goalText(goal) {
    return goal === 'completed' ? 'Succeeded' : `lifecycle event ${goal}`;
}
/**
 * Failures of the step's own making (its timeout, a cancelled job, too many stopped tasks,
 * an error): CodeDeploy has not rolled those back, so the step stops the deployment with rollback.
 */
const STEP_FAILURES = new Set([
    'timed-out',
    'cancelled',
    'too-many-failed-tasks',
    'error',
]);


/***/ }),

/***/ 6331:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   Hv: () => (/* binding */ terminationWaitMinutes),
/* harmony export */   Yx: () => (/* binding */ groupRefFor),
/* harmony export */   c7: () => (/* binding */ groupTargetProblem),
/* harmony export */   md: () => (/* binding */ alarmsWatch)
/* harmony export */ });
/* unused harmony export bareName */
// Which CodeDeploy application and deployment group deploy a service, and whether the
// group really targets it. Pure. Default names as the ECS console creates them
// ("AppECS-<cluster>-<service>" / "DgpECS-<cluster>-<service>", Amazon ECS Developer Guide,
// "Blue/green deployment with CodeDeploy").
/** The last segment of a name or ARN (`arn:aws:ecs:...:service/prod/web` -> `web`). */
function bareName(ref) {
    return ref.split('/').pop() ?? ref;
}
/** The inputs when given, else the console's names for this cluster and service. */
function groupRefFor(cluster, service, given) {
    const c = bareName(cluster);
    const s = bareName(service);
    return { application: given.application ?? `AppECS-${c}-${s}`, group: given.group ?? `DgpECS-${c}-${s}` };
}
/**
 * Why `group` cannot deploy `service` of `cluster`, or undefined when it can: it must be an
 * ECS blue/green group whose `ecsServices` names this cluster and service.
 */
function groupTargetProblem(group, cluster, service) {
    const where = `deployment group '${group.deploymentGroupName ?? '?'}' of application '${group.applicationName ?? '?'}'`;
    if (group.computePlatform !== undefined && group.computePlatform !== 'ECS') {
        return `${where} deploys to ${group.computePlatform}, not ECS: name the group of service '${bareName(service)}' in input 'codedeploy-deployment-group'`;
    }
    const targets = group.ecsServices ?? [];
    const match = targets.some((t) => t.serviceName === bareName(service) &&
        t.clusterName !== undefined &&
        bareName(t.clusterName) === bareName(cluster));
    if (match)
        return undefined;
    const named = targets.map((t) => `'${t.clusterName ?? '?'}/${t.serviceName ?? '?'}'`).join(', ') || 'no service';
    return `${where} targets ${named}, not '${bareName(cluster)}/${bareName(service)}': name the right group in inputs 'codedeploy-application' and 'codedeploy-deployment-group'`;
}
/** Minutes the original (blue) task set is kept after traffic moved, when the group says. */
function terminationWaitMinutes(group) {
    const option = group?.blueGreenDeploymentConfiguration?.terminateBlueInstancesOnDeploymentSuccess;
    if (option?.action === 'KEEP_ALIVE')
        return undefined;
    return option?.terminationWaitTimeInMinutes;
}
/** True when CloudWatch alarms can stop the deployment at any moment (not only the clock ends a wait). */
function alarmsWatch(group) {
    const alarms = group?.alarmConfiguration;
    return alarms?.enabled === true && (alarms.alarms ?? []).length > 0;
}


/***/ }),

/***/ 4451:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   Cj: () => (/* binding */ codeDeployIntervalMs),
/* harmony export */   DL: () => (/* binding */ MODERATE_INTERVAL_MS),
/* harmony export */   zk: () => (/* binding */ nextCodeDeployPoll)
/* harmony export */ });
/* unused harmony export CODEDEPLOY_DEFAULT_INTERVAL_MS */
/* harmony import */ var _poll_schedule_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(8654);
// When to poll a CodeDeploy deployment next, through nextPollDelay (poll-schedule.ts), the
// same rule ECS bakes follow: rarely through the original task set's termination wait
// (`terminationWaitTimeInMinutes`) when only the clock can end it, at a moderate interval
// when something else can (CloudWatch alarms of the group), every `pausedIntervalMs` at a
// `Ready` wait (a person continues it), else at `poll-interval`. Pure.

/**
 * The normal interval of a CodeDeploy follow when the workflow sets no `poll-interval`: a
 * verdict within 2 s of CodeDeploy's, for one small GetDeployment record per poll.
 */
const CODEDEPLOY_DEFAULT_INTERVAL_MS = 1_500;
/** `poll-interval` as written, else CodeDeploy's own default. */
function codeDeployIntervalMs(wait) {
    return wait.intervalSet === true ? wait.intervalMs : CODEDEPLOY_DEFAULT_INTERVAL_MS;
}
/** Moderate: a rollback started by an alarm is seen within 20 s. */
const MODERATE_INTERVAL_MS = 15_000;
function nextCodeDeployPoll(view) {
    const { verdict, plan } = view;
    if (verdict.state !== 'pending')
        return plan.intervalMs;
    if (verdict.waiting === 'ready')
        return (0,_poll_schedule_js__WEBPACK_IMPORTED_MODULE_0__/* .nextPollDelay */ .qC)({ plan, now: view.now, paused: true });
    if (verdict.waiting !== 'termination' ||
        view.terminationSince === undefined ||
        view.terminationWaitMinutes === undefined) {
        return plan.intervalMs;
    }
    const slow = view.watched ? { ...plan, slowIntervalMs: Math.max(plan.intervalMs, MODERATE_INTERVAL_MS) } : plan;
    return (0,_poll_schedule_js__WEBPACK_IMPORTED_MODULE_0__/* .nextPollDelay */ .qC)({
        plan: slow,
        now: view.now,
        waitEndsAt: view.terminationSince + view.terminationWaitMinutes * 60_000,
        paused: false,
    });
}


/***/ }),

/***/ 5255:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   $i: () => (/* binding */ DEPLOYMENTS),
/* harmony export */   OJ: () => (/* binding */ followCodeDeploy),
/* harmony export */   yJ: () => (/* binding */ CodeDeployWatch)
/* harmony export */ });
/* harmony import */ var _aws_codedeploy_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(3307);
/* harmony import */ var _errors_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(3916);
/* harmony import */ var _failure_js__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(1633);
/* harmony import */ var _plan_codedeploy_deployment_js__WEBPACK_IMPORTED_MODULE_3__ = __webpack_require__(6869);
/* harmony import */ var _plan_codedeploy_poll_js__WEBPACK_IMPORTED_MODULE_4__ = __webpack_require__(4451);
/* harmony import */ var _plan_codedeploy_progress_js__WEBPACK_IMPORTED_MODULE_5__ = __webpack_require__(3781);
/* harmony import */ var _plan_poll_schedule_js__WEBPACK_IMPORTED_MODULE_6__ = __webpack_require__(8654);
/* harmony import */ var _wait_js__WEBPACK_IMPORTED_MODULE_7__ = __webpack_require__(910);
// Following one CodeDeploy deployment to its verdict, for any compute platform (ECS
// blue/green, Lambda): GetDeployment once per poll; its target (ListDeploymentTargets once,
// then GetDeploymentTarget) when the deployment's overview changed, and while lifecycle
// events run, every poll when `wait-until` names an event, else at most every 15 s for the
// progress lines. `CodeDeployWatch` is one poll's worth of work, so a loop that drives
// several rollouts can call it; `followCodeDeploy` drives one with waitFor.








const overviewKey = (d) => JSON.stringify([d.status, d.deploymentOverview, d.instanceTerminationWaitTimeStarted]);
/** One deployment's polls: what was seen, the verdict, and when to look next. */
class CodeDeployWatch {
    last;
    key;
    targetId;
    targetReadAt = Number.NEGATIVE_INFINITY;
    lastPollAt;
    terminationSince;
    readyShown = false;
    verdict = { state: 'pending' };
    plan;
    options;
    deps;
    constructor(options, deps) {
        this.options = options;
        this.deps = deps;
        this.plan = { intervalMs: options.intervalMs, ..._plan_poll_schedule_js__WEBPACK_IMPORTED_MODULE_6__/* .DEFAULT_POLL_PLAN */ .Y1, ...options.pollPlan };
    }
    /** One poll: GetDeployment, the target when needed, progress lines, the verdict. */
    async poll() {
        const polledAt = this.deps.now();
        return this.observe(await (0,_aws_codedeploy_js__WEBPACK_IMPORTED_MODULE_0__/* .getDeployment */ .i8)(this.deps.codedeploy, this.options.deploymentId), polledAt);
    }
    /**
     * Judges a GetDeployment answer read by someone else (a loop that batches the reads of
     * several rollouts): reads the target when needed, prints progress, returns the verdict.
     */
    async observe(deployment, polledAt = this.deps.now()) {
        const { deps, options } = this;
        const key = overviewKey(deployment);
        let target = this.last?.target;
        if (this.wantsTarget(deployment, key, polledAt))
            target = (await this.readTarget()) ?? target;
        this.key = key;
        const snapshot = { deployment, ...(target === undefined ? {} : { target }) };
        for (const line of (0,_plan_codedeploy_progress_js__WEBPACK_IMPORTED_MODULE_5__/* .progressLines */ .Ld)(this.last, snapshot))
            deps.log.info(line);
        this.last = snapshot;
        this.verdict = (0,_plan_codedeploy_deployment_js__WEBPACK_IMPORTED_MODULE_3__/* .classifyCodeDeploy */ .d2)(snapshot, {
            goal: options.goal,
            ...(options.hooks === undefined ? {} : { hooks: options.hooks }),
        });
        if (this.verdict.state === 'pending' &&
            this.verdict.waiting === 'termination' &&
            this.terminationSince === undefined) {
            this.terminationSince = this.lastPollAt ?? polledAt;
        }
        if (this.verdict.state === 'pending' && this.verdict.waiting === 'ready' && !this.readyShown) {
            this.readyShown = true;
            deps.log.info(`deployment ${options.deploymentId} is Ready: the new task set waits for traffic to be rerouted. Continue it with: ${(0,_plan_codedeploy_deployment_js__WEBPACK_IMPORTED_MODULE_3__/* .continueCommand */ .ZU)(options.deploymentId)}`);
        }
        this.lastPollAt = polledAt;
        return this.verdict;
    }
    /** How long to sleep before the next poll. */
    nextDelayMs() {
        return (0,_plan_codedeploy_poll_js__WEBPACK_IMPORTED_MODULE_4__/* .nextCodeDeployPoll */ .zk)({
            plan: this.plan,
            now: this.deps.now(),
            verdict: this.verdict,
            watched: this.options.watched === true,
            ...(this.terminationSince === undefined ? {} : { terminationSince: this.terminationSince }),
            ...(this.options.terminationWaitMinutes === undefined
                ? {}
                : { terminationWaitMinutes: this.options.terminationWaitMinutes }),
        });
    }
    /** A one-line state for heartbeats and timeout messages. */
    stateLine() {
        const d = this.last?.deployment;
        const running = this.last?.target?.events.find((e) => e.status === 'InProgress')?.lifecycleEventName;
        return `${d?.status ?? 'not read yet'}${running === undefined ? '' : `, ${running} in progress`}`;
    }
    wantsTarget(deployment, key, now) {
        if (key !== this.key)
            return true;
        const running = deployment.status === 'InProgress' || deployment.status === 'Ready';
        if (!running || deployment.instanceTerminationWaitTimeStarted === true)
            return false;
        return this.options.goal !== 'completed' || now - this.targetReadAt >= _plan_codedeploy_poll_js__WEBPACK_IMPORTED_MODULE_4__/* .MODERATE_INTERVAL_MS */ .DL;
    }
    async readTarget() {
        const { deps, options } = this;
        this.targetReadAt = deps.now();
        if (this.targetId === undefined) {
            // An ECS or Lambda deployment has one target; none is listed until CodeDeploy starts it.
            this.targetId = (await (0,_aws_codedeploy_js__WEBPACK_IMPORTED_MODULE_0__/* .listDeploymentTargets */ .q8)(deps.codedeploy, options.deploymentId))[0];
            if (this.targetId === undefined)
                return undefined;
        }
        return (0,_plan_codedeploy_deployment_js__WEBPACK_IMPORTED_MODULE_3__/* .targetViewOf */ .sB)(await (0,_aws_codedeploy_js__WEBPACK_IMPORTED_MODULE_0__/* .getDeploymentTarget */ .$z)(deps.codedeploy, options.deploymentId, this.targetId));
    }
}
/**
 * Follows the deployment until it reaches the goal or fails. A timeout or a cancelled job
 * is a failed verdict (kind `timed-out` / `cancelled`), so the caller can roll back.
 */
async function followCodeDeploy(options, deps) {
    const watch = new CodeDeployWatch(options, deps);
    const what = `CodeDeploy deployment ${options.deploymentId} to reach ${(0,_plan_codedeploy_deployment_js__WEBPACK_IMPORTED_MODULE_3__/* .goalText */ .zX)(options.goal)}`;
    try {
        const verdict = await (0,_wait_js__WEBPACK_IMPORTED_MODULE_7__/* .waitFor */ .fm)({
            what,
            intervalMs: options.intervalMs,
            timeoutMs: options.timeoutMs,
            onProgress: (line, kind) => {
                if (kind === 'heartbeat')
                    deps.log.info(line);
            },
            check: async () => {
                const verdict = await watch.poll();
                if (verdict.state !== 'pending')
                    return { done: true, value: verdict };
                return { done: false, state: watch.stateLine(), nextMs: watch.nextDelayMs() };
            },
        }, deps);
        return { verdict, ...(watch.last === undefined ? {} : { snapshot: watch.last }) };
    }
    catch (error) {
        if (!(error instanceof _errors_js__WEBPACK_IMPORTED_MODULE_1__/* .TimeoutError */ .MU || error instanceof _errors_js__WEBPACK_IMPORTED_MODULE_1__/* .CancelledError */ .cc))
            throw error;
        return { verdict: (0,_failure_js__WEBPACK_IMPORTED_MODULE_2__/* .failureOf */ .g)(error, deps.log), ...(watch.last === undefined ? {} : { snapshot: watch.last }) };
    }
}
/** GetDeployment for every CodeDeploy rollout of a poll; an error fails only its own rollout. */
const DEPLOYMENTS = {
    name: 'GetDeployment',
    keyOf: (id) => id,
    read: async (ids, deps) => {
        const cd = await deps.clients.codedeploy();
        const answers = await Promise.all(ids.map(async (id) => [
            id,
            await (0,_aws_codedeploy_js__WEBPACK_IMPORTED_MODULE_0__/* .getDeployment */ .i8)(cd, id).catch((error) => error instanceof Error ? error : new Error(String(error))),
        ]));
        return new Map(answers);
    },
};


/***/ }),

/***/ 262:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   G$: () => (/* binding */ followCodeDeployRollback),
/* harmony export */   G7: () => (/* binding */ followCodeDeployAfterCancel),
/* harmony export */   r1: () => (/* binding */ startCodeDeployRollback)
/* harmony export */ });
/* harmony import */ var _aws_codedeploy_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(3307);
/* harmony import */ var _deps_js__WEBPACK_IMPORTED_MODULE_4__ = __webpack_require__(2421);
/* harmony import */ var _errors_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(3916);
/* harmony import */ var _plan_rollback_js__WEBPACK_IMPORTED_MODULE_6__ = __webpack_require__(6755);
/* harmony import */ var _plan_verdict_js__WEBPACK_IMPORTED_MODULE_5__ = __webpack_require__(7282);
/* harmony import */ var _wait_js__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(910);
/* harmony import */ var _codedeploy_follow_js__WEBPACK_IMPORTED_MODULE_3__ = __webpack_require__(5255);
// Putting a CodeDeploy deployment back when the action itself failed it (timeout,
// max-failed-tasks, cancelled job): StopDeployment with autoRollbackEnabled, then the
// rollback deployment CodeDeploy starts (rollbackInfo.rollbackDeploymentId) followed to
// its end. After a cancel, only the start runs in the main step; the post step follows.







/** Asks CodeDeploy to stop the deployment and roll it back; one StopDeployment call. */
async function startCodeDeployRollback(deps, deploymentId) {
    const out = await (0,_aws_codedeploy_js__WEBPACK_IMPORTED_MODULE_0__/* .stopDeployment */ .Uk)(deps.codedeploy, deploymentId, true);
    deps.log.info(`StopDeployment (with rollback) for ${deploymentId}: ${out.status ?? 'accepted'}${out.message ? ` (${out.message})` : ''}`);
}
/**
 * Waits for the rollback deployment CodeDeploy made for `deploymentId` and follows it to
 * Succeeded (the original task set serves again). Says whether it did, in one line.
 */
async function followCodeDeployRollback(deps, options) {
    const started = deps.now();
    // A rollback after a cancel must run to its end.
    const quiet = (0,_deps_js__WEBPACK_IMPORTED_MODULE_4__/* .uncancellable */ .WQ)(deps);
    try {
        const rollbackId = await (0,_wait_js__WEBPACK_IMPORTED_MODULE_2__/* .waitFor */ .fm)({
            what: `CodeDeploy to start the rollback of ${options.deploymentId}`,
            intervalMs: options.intervalMs,
            timeoutMs: options.timeoutMs,
            onProgress: () => { },
            check: async () => {
                const d = await (0,_aws_codedeploy_js__WEBPACK_IMPORTED_MODULE_0__/* .getDeployment */ .i8)(deps.codedeploy, options.deploymentId);
                const id = d.rollbackInfo?.rollbackDeploymentId;
                if (id !== undefined)
                    return { done: true, value: id };
                const ended = d.status === 'Stopped' || d.status === 'Failed' || d.status === 'Succeeded';
                return ended ? { done: true, value: undefined } : { done: false, state: d.status ?? '?' };
            },
        }, quiet);
        if (rollbackId === undefined)
            return { ok: false, line: `CodeDeploy made no rollback deployment for ${options.deploymentId}.` };
        deps.log.info(`following rollback deployment ${rollbackId}`);
        const left = Math.max(options.intervalMs, options.timeoutMs - (deps.now() - started));
        const { verdict } = await (0,_codedeploy_follow_js__WEBPACK_IMPORTED_MODULE_3__/* .followCodeDeploy */ .OJ)({ deploymentId: rollbackId, goal: 'completed', intervalMs: options.intervalMs, timeoutMs: left }, quiet);
        return verdict.state === 'succeeded'
            ? {
                ok: true,
                line: `Rolled back: rollback deployment ${rollbackId} succeeded; ${options.restored ?? 'the original task set serves again'}.`,
            }
            : { ok: false, line: `The rollback deployment ${rollbackId} did not succeed: ${(0,_plan_verdict_js__WEBPACK_IMPORTED_MODULE_5__/* .failureText */ .kY)(verdict) ?? ''}` };
    }
    catch (error) {
        return { ok: false, line: `The rollback of ${options.deploymentId} could not be followed: ${(0,_errors_js__WEBPACK_IMPORTED_MODULE_1__/* .messageOf */ .bD)(error)}` };
    }
}
/** The post step's part after a cancel: the rollback the main step started, followed to its end. */
async function followCodeDeployAfterCancel(rollback, deps) {
    const id = rollback.codeDeployDeploymentId;
    if (id === undefined)
        return { ok: true, text: 'Nothing to follow.' };
    deps.log.info(`Following the rollback of CodeDeploy deployment ${id} (the job was cancelled mid-deploy).`);
    const cd = await deps.clients.codedeploy();
    // A Lambda function's deployment (mode lambda through CodeDeploy) puts its alias back instead of a task set.
    const restored = rollback.functionName === undefined
        ? {}
        : { restored: `its alias is on ${rollback.to ?? 'the previous version'} again` };
    const { ok, line } = await followCodeDeployRollback({ ...deps, codedeploy: cd }, { deploymentId: id, intervalMs: rollback.intervalMs, timeoutMs: rollback.timeoutMs, ...restored });
    return { ok, text: `${(0,_plan_rollback_js__WEBPACK_IMPORTED_MODULE_6__/* .rollbackSubject */ .x)(rollback)}: ${line}` };
}


/***/ })

};
