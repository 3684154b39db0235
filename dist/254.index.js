export const id = 254;
export const ids = [254];
export const modules = {

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

/***/ 7254:
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
var ecs = __webpack_require__(6592);
// EXTERNAL MODULE: ./src/deps.ts
var src_deps = __webpack_require__(2421);
// EXTERNAL MODULE: ./src/errors.ts
var errors = __webpack_require__(3916);
// EXTERNAL MODULE: ./src/names.ts
var names = __webpack_require__(6455);
// EXTERNAL MODULE: ./src/plan/ecs-controller.ts
var ecs_controller = __webpack_require__(235);
// EXTERNAL MODULE: ./src/plan/ecs-services.ts
var ecs_services = __webpack_require__(3583);
// EXTERNAL MODULE: ./node_modules/@aws-sdk/client-codedeploy/dist-cjs/index.js
var dist_cjs = __webpack_require__(7507);
;// CONCATENATED MODULE: ./src/aws/codedeploy.ts
// CodeDeploy, one function per call. Loaded (with its SDK package) only when a service that
// deploys through CodeDeploy is deployed: see Clients.codedeploy in clients.ts.


/** The deployment group, or undefined when CodeDeploy says it (or its application) does not exist. */
async function getDeploymentGroup(cd, application, group) {
    return (0,errors/* asked */.NZ)(`GetDeploymentGroup for '${group}' of application '${application}'`, async () => {
        try {
            const out = await cd.send(new dist_cjs.GetDeploymentGroupCommand({ applicationName: application, deploymentGroupName: group }));
            return (0,errors/* required */.mw)(out.deploymentGroupInfo, 'deploymentGroupInfo');
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
    return (0,errors/* asked */.NZ)(`CreateDeployment in group '${input.group}' of application '${input.application}'`, async () => {
        const out = await cd.send(new dist_cjs.CreateDeploymentCommand({
            applicationName: input.application,
            deploymentGroupName: input.group,
            revision: { revisionType: 'AppSpecContent', appSpecContent: { content: input.appSpec } },
            ...(input.deploymentConfig === undefined ? {} : { deploymentConfigName: input.deploymentConfig }),
            ...(input.description === undefined ? {} : { description: input.description }),
        }));
        return (0,errors/* required */.mw)(out.deploymentId, 'deploymentId');
    });
}
async function getDeployment(cd, deploymentId) {
    return (0,errors/* asked */.NZ)(`GetDeployment for '${deploymentId}'`, async () => {
        const out = await cd.send(new dist_cjs.GetDeploymentCommand({ deploymentId }));
        return (0,errors/* required */.mw)(out.deploymentInfo, 'deploymentInfo');
    });
}
/** Every target id of the deployment (an ECS or Lambda deployment has one). */
async function listDeploymentTargets(cd, deploymentId) {
    return (0,errors/* asked */.NZ)(`ListDeploymentTargets for '${deploymentId}'`, async () => {
        const ids = [];
        let nextToken;
        do {
            const out = await cd.send(new dist_cjs.ListDeploymentTargetsCommand({ deploymentId, ...(nextToken === undefined ? {} : { nextToken }) }));
            ids.push(...(out.targetIds ?? []));
            nextToken = out.nextToken;
        } while (nextToken !== undefined && nextToken !== '');
        return ids;
    });
}
async function getDeploymentTarget(cd, deploymentId, targetId) {
    return (0,errors/* asked */.NZ)(`GetDeploymentTarget '${targetId}' of deployment '${deploymentId}'`, async () => {
        const out = await cd.send(new dist_cjs.GetDeploymentTargetCommand({ deploymentId, targetId }));
        return (0,errors/* required */.mw)(out.deploymentTarget, 'deploymentTarget');
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
    return (0,errors/* asked */.NZ)(`StopDeployment${rollback ? ' (with rollback)' : ''} for '${deploymentId}'`, async () => {
        const out = await cd.send(new dist_cjs.StopDeploymentCommand({ deploymentId, autoRollbackEnabled: rollback }));
        return { ...(out.status === undefined ? {} : { status: out.status }), ...(out.statusMessage === undefined ? {} : { message: out.statusMessage }) };
    });
}

// EXTERNAL MODULE: ./src/failure.ts
var src_failure = __webpack_require__(1633);
// EXTERNAL MODULE: ./src/plan/codedeploy-appspec.ts
var codedeploy_appspec = __webpack_require__(1360);
;// CONCATENATED MODULE: ./src/plan/codedeploy-group.ts
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
    const match = targets.some((t) => t.serviceName === bareName(service) && t.clusterName !== undefined && bareName(t.clusterName) === bareName(cluster));
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

// EXTERNAL MODULE: ./src/plan/service-deployment-stages.ts
var service_deployment_stages = __webpack_require__(5516);
// EXTERNAL MODULE: ./src/plan/verdict.ts
var plan_verdict = __webpack_require__(7282);
// EXTERNAL MODULE: ./src/plan/codedeploy-events.ts
var codedeploy_events = __webpack_require__(3751);
;// CONCATENATED MODULE: ./src/plan/codedeploy-deployment.ts
// A CodeDeploy deployment as the follower sees it (GetDeployment, and its target's
// lifecycle events and task sets), classified as pending / succeeded / failed. Pure, and
// not ECS-specific: a Lambda deployment's target (lambdaTarget) reads the same way.
// Shapes: CodeDeploy API reference, DeploymentInfo, ECSTarget, LambdaTarget, LifecycleEvent,
// ECSTaskSet, RollbackInfo (docs.aws.amazon.com/codedeploy/latest/APIReference).


function targetViewOf(target) {
    const t = target?.ecsTarget ?? target?.lambdaTarget;
    if (t === undefined)
        return undefined;
    return { ...(t.status === undefined ? {} : { status: t.status }), events: t.lifecycleEvents ?? [], taskSets: target?.ecsTarget?.taskSetsInfo ?? [] };
}
function classifyCodeDeploy(snapshot, options) {
    const d = snapshot.deployment;
    const id = d.deploymentId ?? '?';
    switch (d.status) {
        case 'Succeeded':
            return { state: 'succeeded', reached: options.goal };
        case 'Failed':
            return (0,plan_verdict/* failed */.gz)(d.rollbackInfo?.rollbackDeploymentId ? 'rolled-back' : 'rollout-failed', `CodeDeploy deployment ${id} failed${atEvent(snapshot.target)}.`, failureDetails(snapshot, options.hooks));
        case 'Stopped':
            return (0,plan_verdict/* failed */.gz)(d.rollbackInfo?.rollbackDeploymentId ? 'rolled-back' : 'stopped', `CodeDeploy deployment ${id} was stopped${atEvent(snapshot.target)}.`, failureDetails(snapshot, options.hooks));
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
    if (name !== undefined && codedeploy_events/* HOOK_EVENTS */.CJ.has(name)) {
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
    return `aws deploy continue-deployment --deployment-id '${deploymentId.replace(/'/g, `'\\''`)}' --deployment-wait-type READY_WAIT`;
}
/** What the follower waits for, for timeout messages. */
function goalText(goal) {
    return goal === 'completed' ? 'Succeeded' : `lifecycle event ${goal}`;
}
function isCodeDeployGoal(value) {
    return value === 'completed' || isCodeDeployEvent(value);
}

// EXTERNAL MODULE: ./src/plan/poll-schedule.ts
var poll_schedule = __webpack_require__(8654);
;// CONCATENATED MODULE: ./src/plan/codedeploy-poll.ts
// When to poll a CodeDeploy deployment next, through nextPollDelay (poll-schedule.ts), the
// same rule ECS bakes follow: rarely through the original task set's termination wait
// (`terminationWaitTimeInMinutes`) when only the clock can end it, at a moderate interval
// when something else can (CloudWatch alarms of the group), every `pausedIntervalMs` at a
// `Ready` wait (a person continues it), else at `poll-interval`. Pure.

/** Moderate: a rollback started by an alarm is seen within 20 s. */
const MODERATE_INTERVAL_MS = 15_000;
function nextCodeDeployPoll(view) {
    const { verdict, plan } = view;
    if (verdict.state !== 'pending')
        return plan.intervalMs;
    if (verdict.waiting === 'ready')
        return (0,poll_schedule/* nextPollDelay */.qC)({ plan, now: view.now, paused: true });
    if (verdict.waiting !== 'termination' || view.terminationSince === undefined || view.terminationWaitMinutes === undefined) {
        return plan.intervalMs;
    }
    const slow = view.watched ? { ...plan, slowIntervalMs: Math.max(plan.intervalMs, MODERATE_INTERVAL_MS) } : plan;
    return (0,poll_schedule/* nextPollDelay */.qC)({ plan: slow, now: view.now, waitEndsAt: view.terminationSince + view.terminationWaitMinutes * 60_000, paused: false });
}

// EXTERNAL MODULE: ./src/plan/codedeploy-progress.ts
var codedeploy_progress = __webpack_require__(3781);
// EXTERNAL MODULE: ./src/wait.ts
var wait = __webpack_require__(910);
;// CONCATENATED MODULE: ./src/steps/codedeploy-follow.ts
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
        this.plan = { intervalMs: options.intervalMs, ...poll_schedule/* DEFAULT_POLL_PLAN */.Y1, ...options.pollPlan };
    }
    /** One poll: GetDeployment, the target when needed, progress lines, the verdict. */
    async poll() {
        const polledAt = this.deps.now();
        return this.observe(await getDeployment(this.deps.codedeploy, this.options.deploymentId), polledAt);
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
        for (const line of (0,codedeploy_progress/* progressLines */.Ld)(this.last, snapshot))
            deps.log.info(line);
        this.last = snapshot;
        this.verdict = classifyCodeDeploy(snapshot, { goal: options.goal, ...(options.hooks === undefined ? {} : { hooks: options.hooks }) });
        if (this.verdict.state === 'pending' && this.verdict.waiting === 'termination' && this.terminationSince === undefined) {
            this.terminationSince = this.lastPollAt ?? polledAt;
        }
        if (this.verdict.state === 'pending' && this.verdict.waiting === 'ready' && !this.readyShown) {
            this.readyShown = true;
            deps.log.info(`deployment ${options.deploymentId} is Ready: the new task set waits for traffic to be rerouted. Continue it with: ${continueCommand(options.deploymentId)}`);
        }
        this.lastPollAt = polledAt;
        return this.verdict;
    }
    /** How long to sleep before the next poll. */
    nextDelayMs() {
        return nextCodeDeployPoll({
            plan: this.plan,
            now: this.deps.now(),
            verdict: this.verdict,
            watched: this.options.watched === true,
            ...(this.terminationSince === undefined ? {} : { terminationSince: this.terminationSince }),
            ...(this.options.terminationWaitMinutes === undefined ? {} : { terminationWaitMinutes: this.options.terminationWaitMinutes }),
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
        return this.options.goal !== 'completed' || now - this.targetReadAt >= MODERATE_INTERVAL_MS;
    }
    async readTarget() {
        const { deps, options } = this;
        this.targetReadAt = deps.now();
        if (this.targetId === undefined) {
            // An ECS or Lambda deployment has one target; none is listed until CodeDeploy starts it.
            this.targetId = (await listDeploymentTargets(deps.codedeploy, options.deploymentId))[0];
            if (this.targetId === undefined)
                return undefined;
        }
        return targetViewOf(await getDeploymentTarget(deps.codedeploy, options.deploymentId, this.targetId));
    }
}
/**
 * Follows the deployment until it reaches the goal or fails. A timeout or a cancelled job
 * is a failed verdict (kind `timed-out` / `cancelled`), so the caller can roll back.
 */
async function followCodeDeploy(options, deps) {
    const watch = new CodeDeployWatch(options, deps);
    const what = `CodeDeploy deployment ${options.deploymentId} to reach ${goalText(options.goal)}`;
    try {
        const verdict = await (0,wait/* waitFor */.f)({
            what,
            intervalMs: options.intervalMs,
            timeoutMs: options.timeoutMs,
            onProgress: (line, kind) => {
                if (kind === 'heartbeat')
                    deps.log.info(line);
            },
            ...(deps.cancel === undefined ? {} : { signal: deps.cancel }),
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
        const kind = error instanceof errors/* TimeoutError */.MU ? 'timed-out' : error instanceof errors/* CancelledError */.cc ? 'cancelled' : undefined;
        if (kind === undefined)
            throw error;
        return { verdict: (0,plan_verdict/* failed */.gz)(kind, (0,errors/* messageOf */.bD)(error)), ...(watch.last === undefined ? {} : { snapshot: watch.last }) };
    }
}

;// CONCATENATED MODULE: ./src/steps/codedeploy-rollback.ts
// Putting a CodeDeploy deployment back when the action itself failed it (timeout,
// max-failed-tasks, cancelled job): StopDeployment with autoRollbackEnabled, then the
// rollback deployment CodeDeploy starts (rollbackInfo.rollbackDeploymentId) followed to
// its end. After a cancel, only the start runs in the main step; the post step follows.





/** Asks CodeDeploy to stop the deployment and roll it back; one StopDeployment call. */
async function startCodeDeployRollback(deps, deploymentId) {
    const out = await stopDeployment(deps.codedeploy, deploymentId, true);
    deps.log.info(`StopDeployment (with rollback) for ${deploymentId}: ${out.status ?? 'accepted'}${out.message ? ` (${out.message})` : ''}`);
}
/**
 * Waits for the rollback deployment CodeDeploy made for `deploymentId` and follows it to
 * Succeeded (the original task set serves again). Returns one line saying how it ended.
 */
async function followCodeDeployRollback(deps, options) {
    const started = deps.now();
    // The cancel signal is left out on purpose: a rollback after a cancel must run to its end.
    const quiet = { ...deps, cancel: undefined };
    try {
        const rollbackId = await (0,wait/* waitFor */.f)({
            what: `CodeDeploy to start the rollback of ${options.deploymentId}`,
            intervalMs: options.intervalMs,
            timeoutMs: options.timeoutMs,
            onProgress: () => { },
            check: async () => {
                const d = await getDeployment(deps.codedeploy, options.deploymentId);
                const id = d.rollbackInfo?.rollbackDeploymentId;
                if (id !== undefined)
                    return { done: true, value: id };
                const ended = d.status === 'Stopped' || d.status === 'Failed' || d.status === 'Succeeded';
                return ended ? { done: true, value: undefined } : { done: false, state: d.status ?? '?' };
            },
        }, quiet);
        if (rollbackId === undefined)
            return `CodeDeploy made no rollback deployment for ${options.deploymentId}.`;
        deps.log.info(`following rollback deployment ${rollbackId}`);
        const left = Math.max(options.intervalMs, options.timeoutMs - (deps.now() - started));
        const { verdict } = await followCodeDeploy({ deploymentId: rollbackId, goal: 'completed', intervalMs: options.intervalMs, timeoutMs: left }, quiet);
        return verdict.state === 'succeeded'
            ? `Rolled back: rollback deployment ${rollbackId} succeeded; the original task set serves again.`
            : `The rollback deployment ${rollbackId} did not succeed: ${(0,plan_verdict/* failureText */.kY)(verdict) ?? ''}`;
    }
    catch (error) {
        return `The rollback of ${options.deploymentId} could not be followed: ${(0,errors/* messageOf */.bD)(error)}`;
    }
}

// EXTERNAL MODULE: ./src/plan/aws-names.ts
var aws_names = __webpack_require__(8983);
// EXTERNAL MODULE: ./src/plan/containers.ts
var containers = __webpack_require__(5343);
// EXTERNAL MODULE: ./src/plan/ecs-deploy.ts + 1 modules
var ecs_deploy = __webpack_require__(5075);
// EXTERNAL MODULE: ./src/plan/ecs-rollout.ts
var ecs_rollout = __webpack_require__(4390);
// EXTERNAL MODULE: ./src/plan/service-deployment.ts
var service_deployment = __webpack_require__(282);
// EXTERNAL MODULE: ./src/steps/ecs-follow.ts
var ecs_follow = __webpack_require__(2622);
// EXTERNAL MODULE: ./src/steps/ecs-record.ts + 1 modules
var ecs_record = __webpack_require__(1398);
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
    const calm = { ...deps, cancel: undefined };
    const arn = options.record?.arn;
    const last = options.record?.last;
    if (arn !== undefined && last !== undefined && ((0,service_deployment/* isRollingBack */.Fw)(last.status) || last.status === 'ROLLBACK_SUCCESSFUL' || last.status === 'ROLLBACK_FAILED')) {
        if (failure.kind === 'cancelled')
            return { verdict: failure, rollback: { by: 'ecs', verdict: { state: 'started' }, ...toOf(last), follow: { controller: options.controller, recordArn: arn } } };
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
            await (0,ecs/* stopServiceDeployment */.dD)(deps.clients.ecs, arn, 'ROLLBACK');
        }
        catch (error) {
            deps.log.warning(`${(0,errors/* messageOf */.bD)(error)}: rolling back by pointing service '${options.service}' at ${options.previousTaskDefinitionArn} instead.`);
            return updateBack(failure, options, calm, cancelled);
        }
        if (cancelled)
            return started(failure, 'stop-service-deployment', options, { controller: options.controller, recordArn: arn });
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
        const updated = await (0,ecs/* updateService */.bU)(deps.clients.ecs, { cluster, service, taskDefinition: to, forceNewDeployment: false });
        deploymentId = (0,ecs_rollout/* primaryDeployment */.sg)(updated)?.id;
    }
    catch (error) {
        const rollback = { by: 'update-service', verdict: (0,src_failure/* failureOf */.g)(error, deps.log), to };
        return { verdict: withRollbackLine(failure, rollback), rollback };
    }
    if (cancelled)
        return started(failure, 'update-service', options, { controller: options.controller, ...(deploymentId === undefined ? {} : { deploymentId }) });
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
            const record = await (0,ecs/* describeServiceDeployment */.MH)(deps.clients.ecs, arn);
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
    const problem = (0,service_deployment_stages/* waitUntilProblem */.xb)(options.waitUntil, (0,service_deployment_stages/* strategyOf */.xS)(current.deploymentConfiguration));
    if (problem !== undefined)
        throw new errors/* UserError */.yo(`Input '${names/* Input */.pd.waitUntil}' ('${options.waitUntil}') cannot be reached on service '${service}': ${problem}.`);
    if (!current.taskDefinition)
        throw new errors/* UserError */.yo(`Service '${service}' in cluster '${cluster}' has no task definition to start from.`);
    const running = await (0,ecs/* describeTaskDefinition */.oh)(deps.clients.ecs, current.taskDefinition);
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
    const updated = await (0,ecs/* updateService */.bU)(deps.clients.ecs, {
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
    const fields = { changed: true, registered: registration?.registered === true, taskDefinitionArn: targetArn, deploymentId };
    if (!options.wait.enabled)
        return { finished: { ...fields, verdict: { state: 'started' } } };
    if (!deploymentId) {
        throw new errors/* UserError */.yo(`UpdateService for '${service}' reported no PRIMARY deployment to follow; set '${names/* Input */.pd.wait}: false' to skip waiting.`);
    }
    const since = deployment.createdAt ?? new Date(prepared.started);
    return { following: followRecordOf(prepared, { deploymentId, since, recordArn: updated.currentServiceDeployment, taskDefinitionArn: targetArn }, deps), fields };
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
            return { following: followRecordOf(prepared, { deploymentId, since, recordArn: standing.recordArn, taskDefinitionArn }, deps), fields };
        }
    }
}
/**
 * Follows a deployment through DescribeServices and its record, and settles a failure with
 * ECS's rollback or the step's own (rollback-on-failure). Express Mode follows the same way.
 */
function followRecordOf(prepared, target, deps, controller = prepared.controller) {
    const { options, plan, currentArn } = prepared;
    const { cluster, service } = options;
    const record = new ecs_record/* DeploymentRecord */.P({ cluster, service, since: target.since, taskDefinitionArn: target.taskDefinitionArn, waitUntil: options.waitUntil, intervalMs: options.wait.intervalMs, ...(target.recordArn ? { arn: target.recordArn } : {}) }, deps);
    const common = {
        cluster,
        service,
        intervalMs: options.wait.intervalMs,
        timeoutMs: options.wait.timeoutMs,
        maxFailedTasks: options.maxFailedTasks,
        taskOptions: { nonEssentialContainers: (0,containers/* nonEssentialContainers */.yg)(plan.rendered) },
    };
    return new ecs_follow/* EcsWatch */.J({ ...common, deploymentId: target.deploymentId, since: target.since, record }, deps, (failure, seen) => settleFailure(failure, { ...common, controller, previousTaskDefinitionArn: currentArn, rollbackOnFailure: options.rollbackOnFailure, ...(seen === undefined ? {} : { record: seen }) }, deps));
}
/** Follows a rollback the cancelled main step started: the record if there is one, else the deployment. */
async function followAfterCancel(rollback, deps) {
    const { cluster, service } = rollback;
    if (rollback.recordArn !== undefined) {
        deps.log.info(`Following the rollback of ${rollback.recordArn} (the job was cancelled mid-deploy).`);
        const end = await followRecord(rollback.recordArn, rollback, deps);
        const ok = end.status === 'ROLLBACK_SUCCESSFUL' || end.status === 'STOPPED';
        return { ok, text: `Service '${service}': ${(0,service_deployment/* rollbackOutcome */.pl)(end)} (${end.status ?? 'no status'}).` };
    }
    if (rollback.deploymentId !== undefined) {
        deps.log.info(`Following deployment ${rollback.deploymentId} back to ${rollback.to ?? 'the previous revision'} (the job was cancelled mid-deploy).`);
        const verdict = await (0,ecs_follow/* followDeployment */.p)({ cluster, service, deploymentId: rollback.deploymentId, since: new Date(deps.now()), intervalMs: rollback.intervalMs, timeoutMs: rollback.timeoutMs, maxFailedTasks: 0, taskOptions: {} }, deps);
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
            return (0,ecs/* describeTaskDefinition */.oh)(deps.clients.ecs, source.ref).catch((error) => {
                // ECS answers an unknown family or revision with a bare ClientException.
                if ((0,errors/* awsErrorName */.ZH)(error) !== 'ClientException')
                    throw error;
                throw new errors/* UserError */.yo(`Input '${names/* Input */.pd.taskDefinition}' ('${source.ref}') names no task definition ECS knows (${(0,errors/* messageOf */.bD)(error)}): check the family, revision and region.`, { cause: error });
            });
        case 'file':
            return { taskDefinition: source.taskDefinition, tags: source.tags };
    }
}

;// CONCATENATED MODULE: ./src/steps/codedeploy-controller.ts
// The CodeDeploy controller: ECS services whose deploymentController is CODE_DEPLOY take a
// new revision only through a CodeDeploy deployment (CreateDeployment with an AppSpec),
// followed with GetDeployment (batched by the poll loop) and the deployment's target.











/** GetDeployment for every CodeDeploy rollout of a poll; an error fails only its own rollout. */
const DEPLOYMENTS = {
    name: 'GetDeployment',
    keyOf: (id) => id,
    read: async (ids, deps) => {
        const cd = await deps.clients.codedeploy();
        const answers = await Promise.all(ids.map(async (id) => [id, await getDeployment(cd, id).catch((error) => (error instanceof Error ? error : new Error(String(error))))]));
        return new Map(answers);
    },
};
const codeDeployController = {
    kind: 'codedeploy',
    registers: true,
    prepare: prepareCodeDeploy,
    start: startCodeDeploy,
    followAfterCancel: codedeploy_controller_followAfterCancel,
};
/** Read-only: the revision plan as for ECS services, the deployment group (checked to target this service), the AppSpec checked. */
async function prepareCodeDeploy(found, options, deps) {
    const { cluster, service } = options;
    const problem = (0,service_deployment_stages/* codeDeployWaitUntilProblem */.Lp)(options.waitUntil);
    if (problem !== undefined)
        throw new errors/* UserError */.yo(`Input '${names/* Input */.pd.waitUntil}' ('${options.waitUntil}') cannot be reached on service '${service}': ${problem}.`);
    if (options.desiredCount !== undefined) {
        throw new errors/* UserError */.yo(`Input '${names/* Input */.pd.desiredCount}' is not applied to service '${service}', which deploys through CodeDeploy: CodeDeploy sizes the new task set like the original; remove '${names/* Input */.pd.desiredCount}'.`);
    }
    const base = await prepareFromTaskDefinition(found, { ...options, waitUntil: 'completed' }, deps);
    const ref = groupRefFor(cluster, service, { application: options.codeDeploy?.application, group: options.codeDeploy?.deploymentGroup });
    const group = await getDeploymentGroup(await deps.clients.codedeploy(), ref.application, ref.group);
    if (group === undefined) {
        throw new errors/* UserError */.yo(`Service '${service}' deploys through CodeDeploy, but deployment group '${ref.group}' of application '${ref.application}' does not exist: name them in inputs '${names/* Input */.pd.codedeployApplication}' and '${names/* Input */.pd.codedeployDeploymentGroup}'. Nothing was changed.`);
    }
    const targets = groupTargetProblem(group, cluster, service);
    if (targets !== undefined)
        throw new errors/* UserError */.yo(`Service '${service}' cannot be deployed: ${targets}. Nothing was changed.`);
    if (options.codeDeploy?.appSpec === undefined) {
        const spec = (0,codedeploy_appspec/* appSpecFromService */.wQ)(found.service, 'check');
        if ((0,codedeploy_appspec/* isAppSpecProblem */.gY)(spec))
            throw new errors/* UserError */.yo(`Service '${service}' cannot be deployed through CodeDeploy: ${spec.problem}. Nothing was changed.`);
    }
    deps.log.info(`Service '${service}' deploys through CodeDeploy: deployment group '${ref.group}' of application '${ref.application}'.`);
    return { ...base, options, controller: 'codedeploy', standing: { kind: 'unchanged' }, codeDeploy: { ref, group, service: found.service } };
}
function appSpecFor(prepared, codeDeploy, targetArn) {
    const file = prepared.options.codeDeploy?.appSpec;
    const spec = file === undefined ? (0,codedeploy_appspec/* appSpecFromService */.wQ)(codeDeploy.service, targetArn) : (0,codedeploy_appspec/* appSpecFromFile */.nx)(file.doc, targetArn);
    if ((0,codedeploy_appspec/* isAppSpecProblem */.gY)(spec))
        throw new errors/* UserError */.yo(`The AppSpec for service '${prepared.options.service}': ${spec.problem}.`);
    return spec;
}
async function startCodeDeploy(prepared, registration, deps) {
    const { options, plan, currentArn } = prepared;
    const codeDeploy = prepared.codeDeploy;
    if (codeDeploy === undefined)
        throw new Error(`service '${options.service}' was not prepared by the CodeDeploy controller`);
    if (!plan.updateNeeded) {
        deps.log.info(`Nothing to change: service '${options.service}' already runs this task definition.`);
        return { finished: { verdict: { state: 'unchanged' }, taskDefinitionArn: currentArn } };
    }
    const { ref } = codeDeploy;
    const targetArn = registration?.arn ?? plan.targetArn ?? '<the revision this run would register>';
    const spec = appSpecFor(prepared, codeDeploy, targetArn);
    if (options.dryRun) {
        deps.log.info(`Dry run: would create a CodeDeploy deployment in group '${ref.group}' of application '${ref.application}' with this AppSpec:`);
        deps.log.info((0,codedeploy_appspec/* appSpecText */.KM)(spec));
        return { finished: { verdict: { state: 'planned' }, taskDefinitionArn: plan.targetArn ?? '' } };
    }
    const cd = await deps.clients.codedeploy();
    const deploymentId = await createDeployment(cd, {
        application: ref.application,
        group: ref.group,
        appSpec: (0,codedeploy_appspec/* appSpecText */.KM)(spec),
        ...(options.codeDeploy?.deploymentConfig === undefined ? {} : { deploymentConfig: options.codeDeploy.deploymentConfig }),
        description: `image-deploy: ${targetArn}`,
    });
    deps.log.info(`Created CodeDeploy deployment ${deploymentId} for service '${options.service}' (group '${ref.group}').`);
    const fields = { changed: true, registered: registration?.registered === true, taskDefinitionArn: targetArn, deploymentId };
    if (!options.wait.enabled)
        return { finished: { ...fields, verdict: { state: 'started' } } };
    return { following: new CodeDeployFollowing(prepared, codeDeploy, deploymentId, (0,codedeploy_appspec/* hooksOf */.uj)(spec), { ...deps, codedeploy: cd }), fields };
}
/** Our own failures: the ones rollback-on-failure puts back (CodeDeploy's own are already rolled back or stopped). */
const OWN_FAILURES = new Set(['timed-out', 'cancelled', 'too-many-failed-tasks', 'error']);
class CodeDeployFollowing {
    what;
    name;
    watch;
    prepared;
    deploymentId;
    deps;
    constructor(prepared, codeDeploy, deploymentId, hooks, deps) {
        this.prepared = prepared;
        this.deploymentId = deploymentId;
        this.deps = deps;
        this.name = prepared.options.service;
        this.what = `CodeDeploy deployment ${deploymentId} of service '${prepared.options.service}'`;
        const termination = terminationWaitMinutes(codeDeploy.group);
        this.watch = new CodeDeployWatch({
            deploymentId,
            goal: prepared.options.waitUntil,
            intervalMs: prepared.options.wait.intervalMs,
            timeoutMs: prepared.options.wait.timeoutMs,
            hooks,
            watched: alarmsWatch(codeDeploy.group),
            ...(termination === undefined ? {} : { terminationWaitMinutes: termination }),
        }, deps);
    }
    wants(request) {
        request.want(DEPLOYMENTS, this.deploymentId);
    }
    async observe(snapshot) {
        const answer = snapshot.get(DEPLOYMENTS, this.deploymentId);
        if (answer instanceof Error)
            throw answer;
        if (answer === undefined)
            return { state: this.watch.stateLine() };
        const verdict = await this.watch.observe(answer);
        if (verdict.state === 'pending')
            return { state: this.watch.stateLine(), nextMs: this.watch.nextDelayMs() };
        if (verdict.state === 'succeeded') {
            const rest = verdict.reached === 'completed' ? '' : `: CodeDeploy carries on with the rest on its own`;
            this.deps.log.info(`Deployment ${this.deploymentId} reached ${verdict.reached === 'completed' ? 'Succeeded' : verdict.reached}${rest}.`);
            return { verdict: { state: 'succeeded' } };
        }
        return { verdict };
    }
    interrupted(error) {
        return (0,src_failure/* failureOf */.g)(error, this.deps.log);
    }
    async conclude(verdict) {
        return verdict;
    }
    async settle(failure) {
        const { options } = this.prepared;
        if (!options.rollbackOnFailure || !OWN_FAILURES.has(failure.kind))
            return { verdict: failure };
        try {
            await startCodeDeployRollback(this.deps, this.deploymentId);
        }
        catch (error) {
            return { verdict: (0,plan_verdict/* withDetails */.FE)(failure, [`rollback-on-failure: ${(0,src_failure/* failureOf */.g)(error, this.deps.log).reason}`]) };
        }
        const to = this.prepared.currentArn;
        if (failure.kind === 'cancelled') {
            const follow = { controller: 'codedeploy', codeDeployDeploymentId: this.deploymentId };
            return { verdict: failure, rollback: { by: 'stop-deployment', verdict: { state: 'started' }, to, follow } };
        }
        const line = await followCodeDeployRollback(this.deps, { deploymentId: this.deploymentId, intervalMs: options.wait.intervalMs, timeoutMs: options.wait.timeoutMs });
        const ok = line.startsWith('Rolled back');
        return { verdict: (0,plan_verdict/* withDetails */.FE)(failure, [line]), rollback: { by: 'stop-deployment', verdict: ok ? { state: 'succeeded' } : (0,plan_verdict/* failed */.gz)('rolled-back', line), to } };
    }
    report() {
        return { codeDeploy: { deploymentId: this.deploymentId, group: this.prepared.codeDeploy?.ref.group ?? '', ...(this.watch.last === undefined ? {} : { snapshot: this.watch.last }) } };
    }
}
async function codedeploy_controller_followAfterCancel(rollback, deps) {
    const id = rollback.codeDeployDeploymentId;
    if (id === undefined)
        return { ok: true, text: 'Nothing to follow.' };
    deps.log.info(`Following the rollback of CodeDeploy deployment ${id} (the job was cancelled mid-deploy).`);
    const cd = await deps.clients.codedeploy();
    const line = await followCodeDeployRollback({ ...deps, codedeploy: cd }, { deploymentId: id, intervalMs: rollback.intervalMs, timeoutMs: rollback.timeoutMs });
    return { ok: line.startsWith('Rolled back'), text: `Service '${rollback.service}': ${line}` };
}

;// CONCATENATED MODULE: ./src/steps/controllers.ts
// Every controller the ecs mode knows, by the kind plan/ecs-controller.ts reads from the
// service. A new controller is one module implementing RolloutController, listed here.



/**
 * A controller not built yet: refuses in prepare, before any change, so nothing is
 * registered for a service the step cannot then update.
 */
function notSupportedYet(kind, how) {
    const refuse = (service, cluster) => {
        throw new errors/* UserError */.yo(`Service '${service}' in cluster '${cluster}' deploys through ${how}: not supported yet. Nothing was changed.`);
    };
    return {
        kind,
        registers: false,
        prepare: async (_found, options) => refuse(options.service, options.cluster),
        start: async (prepared) => refuse(prepared.options.service, prepared.options.cluster),
        followAfterCancel: async (rollback) => ({ ok: false, text: `Service '${rollback.service}' deploys through ${how}: the post step cannot follow it yet.` }),
    };
}
const CONTROLLERS = {
    ecs: ecsController,
    codedeploy: codeDeployController,
    express: notSupportedYet('express', 'ECS Express Mode (UpdateExpressGatewayService)'),
};
function controllerFor(kind) {
    return CONTROLLERS[kind];
}

// EXTERNAL MODULE: ./src/steps/register-revision.ts
var register_revision = __webpack_require__(8978);
;// CONCATENATED MODULE: ./src/steps/ecs-registrations.ts
// The registrations of one step's services: shared when they render the same definition,
// and paced to ECS's registration rate.


/**
 * Starts the registrations the rollouts need: one per distinct rendered definition, the
 * first 20 at once and then one a second, as ECS's rate allows; registerOrReuse retries
 * throttling and concurrent-registration refusals. Resolves to undefined: none needed.
 */
function registerShared(rollouts) {
    const needs = rollouts.map((r) => r.registrationNeed);
    const shared = (0,ecs_services/* sharedRegistrations */.Sh)(needs.map((need) => (need === undefined ? undefined : { rendered: need.plan.rendered, tags: need.plan.tags })));
    const made = new Map();
    let order = 0;
    return rollouts.map((rollout, index) => {
        const first = shared[index];
        const need = needs[index];
        if (first === undefined || need === undefined)
            return Promise.resolve(undefined);
        const existing = made.get(first);
        if (existing !== undefined)
            return existing;
        const { deps } = rollout;
        const delayMs = (0,ecs_services/* registrationDelayMs */.zQ)(order++);
        const registering = (async () => {
            if (delayMs > 0)
                await deps.sleep(delayMs);
            return (0,register_revision/* registerOrReuse */.X)(need.plan.rendered, need.plan.tags, { timeoutMs: need.options.wait.timeoutMs }, deps);
        })();
        // Whoever awaits it sees its error; none left unobserved in the meantime.
        registering.catch(() => undefined);
        made.set(first, registering);
        return registering;
    });
}

// EXTERNAL MODULE: ./src/steps/follow-loop.ts + 1 modules
var follow_loop = __webpack_require__(8668);
;// CONCATENATED MODULE: ./src/steps/service-rollout.ts
// One service's deploy, whatever its controller: its plan, its registration, the
// deployment it started and what was seen of it, its verdict and its rollback.



/**
 * start() makes the change through the service's controller; while it has a deployment to
 * follow, the poll loop feeds it (wants / observe); settle() gives its result, putting the
 * service back first when the verdict failed. A start AWS refused fails this service alone.
 */
class ServiceRollout {
    prepared;
    /** Its own log lines (prefixed with its service when several interleave). */
    deps;
    controller;
    followingValue;
    fields;
    finished;
    constructor(prepared, deps) {
        this.prepared = prepared;
        this.deps = deps;
        this.controller = controllerFor(prepared.controller);
        this.fields = { taskDefinitionArn: prepared.currentArn };
    }
    get name() {
        return this.prepared.options.service;
    }
    get what() {
        return this.followingValue?.what ?? `service '${this.name}'`;
    }
    /** True while there is a deployment for the poll loop to follow. */
    get following() {
        return this.followingValue !== undefined && this.finished === undefined;
    }
    /** What it needs registered before start: the rendered revision, unless the plan needs none or it was registered already. */
    get registrationNeed() {
        const { plan, options, registration } = this.prepared;
        const needs = this.controller.registers && plan.updateNeeded && plan.targetArn === undefined && !options.dryRun && registration === undefined;
        return needs ? this.prepared : undefined;
    }
    async start(registering) {
        try {
            const registration = this.prepared.registration ?? (await registering);
            const start = await this.controller.start(this.prepared, registration, this.deps);
            if ('finished' in start) {
                this.finished = this.result(start.finished);
                return;
            }
            this.followingValue = start.following;
            this.fields = start.fields;
        }
        catch (error) {
            this.finished = this.result({ verdict: (0,src_failure/* failureOf */.g)(error, this.deps.log), taskDefinitionArn: this.prepared.currentArn });
        }
    }
    wants(request) {
        this.started().wants(request);
    }
    observe(snapshot) {
        return this.started().observe(snapshot);
    }
    interrupted(error) {
        return this.started().interrupted(error);
    }
    conclude(verdict) {
        return this.started().conclude(verdict);
    }
    /** The service's result: what start finished with, or the loop's verdict (a failure settled by the controller). */
    async settle(verdict) {
        if (this.finished !== undefined)
            return this.finished;
        const following = this.started();
        if (verdict === undefined)
            throw new Error(`the deployment of service '${this.name}' was not followed`);
        const settled = (0,plan_verdict/* isFailure */.N6)(verdict) ? await following.settle(verdict) : { verdict };
        this.finished = this.result({ ...this.fields, ...settled, ...following.report() });
        return this.finished;
    }
    started() {
        if (this.followingValue === undefined)
            throw new Error(`service '${this.name}' has no deployment to follow`);
        return this.followingValue;
    }
    /** The result from the plan, with the fields learned; the duration counts from prepare. */
    result(fields) {
        const { options, currentArn, plan, started } = this.prepared;
        return {
            cluster: options.cluster,
            service: options.service,
            changed: false,
            registered: false,
            previousTaskDefinitionArn: currentArn,
            diff: plan.diff,
            before: plan.before,
            after: plan.after,
            durationMs: this.deps.now() - started,
            ...fields,
        };
    }
}

;// CONCATENATED MODULE: ./src/steps/ecs.ts
// The ecs mode as a script: describe -> plan -> (dry run: the plan) -> start -> follow ->
// settle, for every service the input names (one service: a list of one). How each
// service starts, is followed and is put back is its controller's (steps/controllers.ts).











/** describe -> plan -> start -> follow -> settle, every service of the input. */
async function deployEcs(options, deps) {
    return applyEcs(await prepareEcs(options, deps), deps);
}
/**
 * Read-only: describes and plans every service the input names, side by side. Every
 * service's problem is reported (one line each, naming the service, when there are
 * several) before any mode of the step changes anything.
 */
async function prepareEcs(options, deps) {
    const { services, ...shared } = options;
    const settled = await Promise.allSettled(services.map((service) => prepareService({ ...shared, service }, ownDeps(deps, service, services.length))));
    const problems = settled.flatMap((s, index) => (s.status === 'rejected' ? [{ service: services[index] ?? '', error: s.reason }] : []));
    const [first] = problems;
    if (first !== undefined) {
        // AWS failing (not the inputs) is the step's error as it is; the inputs' problems are listed together.
        const notInput = problems.find((p) => !(p.error instanceof errors/* UserError */.yo));
        if (notInput !== undefined)
            throw notInput.error;
        if (services.length === 1)
            throw first.error;
        throw new errors/* UserError */.yo(problems.map((p) => `Service '${p.service}': ${(0,errors/* messageOf */.bD)(p.error)}`).join('\n'), { cause: first.error });
    }
    return settled.flatMap((s) => (s.status === 'fulfilled' ? [s.value] : []));
}
/** One service: described, its controller chosen from it, and planned by that controller. */
async function prepareService(options, deps) {
    const started = deps.now();
    const { cluster, service } = options;
    const current = await (0,ecs/* describeService */.Jv)(deps.clients.ecs, { cluster, service }).catch((error) => {
        if ((0,errors/* awsErrorName */.ZH)(error) !== 'ClusterNotFoundException')
            throw error;
        throw new errors/* UserError */.yo(`Cluster '${cluster}' was not found: check input '${names/* Input */.pd.cluster}' (a cluster name or ARN) and the region.`, { cause: error });
    });
    if (!current || current.status === 'INACTIVE') {
        throw new errors/* UserError */.yo(`Service '${service}' was not found in cluster '${cluster}'${current ? ' (it is INACTIVE)' : ''}: check inputs '${names/* Input */.pd.service}' and '${names/* Input */.pd.cluster}', and the region.`);
    }
    return controllerFor((0,ecs_controller/* controllerOf */.Oo)(current, cluster)).prepare({ service: current, started }, options, deps);
}
/**
 * Registers the rendered revision ahead of the ecs mode, when the plan needs one (or reuses
 * an identical latest revision of the family): the pipeline does this when run-task runs
 * "the revision ecs deploys", then hands the registered plan to applyEcs.
 */
async function ensureRegistered(prepared, deps) {
    const need = new ServiceRollout(prepared, deps).registrationNeed;
    if (need === undefined)
        return prepared;
    const registration = await (0,register_revision/* registerOrReuse */.X)(need.plan.rendered, need.plan.tags, { timeoutMs: need.options.wait.timeoutMs }, deps);
    return { ...prepared, registration };
}
/**
 * Deploys every planned service: the revisions they need registered (shared, paced), each
 * started through its controller, all followed by one poll loop and each judged alone,
 * then each settled (a failure put back as its controller does it), side by side.
 */
async function applyEcs(prepared, deps) {
    const rollouts = prepared.map((p) => new ServiceRollout(p, ownDeps(deps, p.options.service, prepared.length)));
    const registrations = registerShared(rollouts);
    await Promise.all(rollouts.map((r, index) => r.start(registrations[index] ?? Promise.resolve(undefined))));
    const verdicts = await (0,follow_loop/* followAll */.Z)(rollouts.filter((r) => r.following), boundsOf(prepared), deps);
    return resultOf(await Promise.all(rollouts.map((r) => r.settle(verdicts.get(r)))));
}
/** The services of one step share their wait settings. */
function boundsOf(prepared) {
    const waits = prepared.map((p) => p.options.wait);
    return { intervalMs: Math.min(...waits.map((w) => w.intervalMs)), timeoutMs: Math.max(...waits.map((w) => w.timeoutMs)) };
}
function resultOf(services) {
    return {
        services,
        changed: services.some((s) => s.changed),
        verdict: (0,ecs_services/* combineServiceVerdicts */.pl)(services.map((s) => ({ service: s.service, verdict: s.verdict }))),
    };
}
/** With several services their lines interleave, so each says whose it is. */
function ownDeps(deps, service, count) {
    return count > 1 ? (0,src_deps/* withLogPrefix */.L)(deps, `[${service}] `) : deps;
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
