export const id = 325;
export const ids = [325];
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
            // A backoff is a wait like any other: a cancelled job makes no further attempt.
            if (deps.cancel?.aborted === true) {
                throw new _errors_js__WEBPACK_IMPORTED_MODULE_0__/* .CancelledError */ .cc(`The job was cancelled while retrying ${options.what} (${reason}), after ${tries} attempts over ${(0,_plan_duration_js__WEBPACK_IMPORTED_MODULE_1__/* .formatDuration */ .a)(deps.now() - started)}.`, { cause: error });
            }
        }
    }
}


/***/ }),

/***/ 4719:
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
var ecs = __webpack_require__(1032);
// EXTERNAL MODULE: ./src/errors.ts
var errors = __webpack_require__(3916);
// EXTERNAL MODULE: ./src/names.ts
var names = __webpack_require__(6455);
// EXTERNAL MODULE: ./src/plan/aws-names.ts
var aws_names = __webpack_require__(8983);
// EXTERNAL MODULE: ./src/plan/containers.ts
var containers = __webpack_require__(5343);
// EXTERNAL MODULE: ./src/plan/ecs-deploy.ts
var ecs_deploy = __webpack_require__(9344);
// EXTERNAL MODULE: ./src/plan/ecs-rollout.ts
var ecs_rollout = __webpack_require__(4390);
// EXTERNAL MODULE: ./src/plan/service-deployment.ts
var service_deployment = __webpack_require__(282);
// EXTERNAL MODULE: ./src/plan/service-deployment-stages.ts
var service_deployment_stages = __webpack_require__(5516);
// EXTERNAL MODULE: ./src/plan/verdict.ts
var plan_verdict = __webpack_require__(7282);
// EXTERNAL MODULE: ./src/steps/ecs-follow.ts
var ecs_follow = __webpack_require__(2622);
// EXTERNAL MODULE: ./src/steps/ecs-record.ts + 1 modules
var ecs_record = __webpack_require__(1398);
// EXTERNAL MODULE: ./src/deps.ts
var src_deps = __webpack_require__(2421);
// EXTERNAL MODULE: ./src/failure.ts
var src_failure = __webpack_require__(1633);
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
    const calm = (0,src_deps/* uncancellable */.WQ)(deps);
    const arn = options.record?.arn;
    const last = options.record?.last;
    if (arn !== undefined &&
        last !== undefined &&
        ((0,service_deployment/* isRollingBack */.Fw)(last.status) || last.status === 'ROLLBACK_SUCCESSFUL' || last.status === 'ROLLBACK_FAILED')) {
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
        const end = (0,service_deployment/* isTerminal */.Hd)(last.status) ? last : await followRecord(arn, options, calm).catch(() => last);
        const verdict = (0,service_deployment/* classifyServiceDeployment */.X$)({
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
    const action = (0,service_deployment/* decideRollback */.h6)({
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
            await (0,ecs/* stopServiceDeployment */.dD)(deps.clients.ecs, arn, 'ROLLBACK');
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
        const updated = await (0,ecs/* updateService */.bU)(deps.clients.ecs, {
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
    const verdict = await (0,ecs_follow/* followDeployment */.p)({
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
            const record = await (0,ecs/* describeServiceDeployment */.MH)(deps.clients.ecs, arn);
            if (record !== undefined && (0,service_deployment/* isTerminal */.Hd)(record.status))
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
        verdict: (0,plan_verdict/* failed */.gz)('rollout-failed', `${(0,service_deployment/* rollbackOutcome */.pl)(end)} (${end.status ?? 'no status'})`),
        to,
        ...status,
    };
}
function ecsRollback(end) {
    const verdict = end.status === 'ROLLBACK_SUCCESSFUL' ? { state: 'succeeded' } : (0,plan_verdict/* failed */.gz)('rollout-failed', (0,service_deployment/* rollbackOutcome */.pl)(end));
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
    const record = new ecs_record/* DeploymentRecord */.P({
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
    return new ecs_follow/* EcsWatch */.J({ ...common, deploymentId: target.deploymentId, since: target.since, record }, deps, (failure, seen) => settleFailure(failure, {
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
        return { ok, text: `Service '${service}': ${(0,service_deployment/* rollbackOutcome */.pl)(end)} (${end.status ?? 'no status'}).` };
    }
    if (rollback.deploymentId !== undefined) {
        deps.log.info(`Following deployment ${rollback.deploymentId} back to ${rollback.to ?? 'the previous revision'} (the job was cancelled mid-deploy).`);
        const verdict = await (0,ecs_follow/* followDeployment */.p)({
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
/** `wait-until` names a stage the service's strategy never goes through: refused before any change. */
function refuseUnreachableWaitUntil(current, options) {
    const problem = (0,service_deployment_stages/* waitUntilProblem */.xb)(options.waitUntil, (0,service_deployment_stages/* strategyOf */.xS)(current.deploymentConfiguration));
    if (problem === undefined)
        return;
    throw new errors/* UserError */.yo(`Input '${names/* Input */.pd.waitUntil}' ('${options.waitUntil}') cannot be reached on service '${options.service}': ${problem}.`);
}


/***/ }),

/***/ 2325:
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
// EXTERNAL MODULE: ./src/steps/ecs-controller.ts + 1 modules
var steps_ecs_controller = __webpack_require__(4719);
// EXTERNAL MODULE: ./src/aws/ecs.ts
var ecs = __webpack_require__(1032);
// EXTERNAL MODULE: ./node_modules/@aws-sdk/client-ecs/dist-cjs/index.js
var dist_cjs = __webpack_require__(212);
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

// EXTERNAL MODULE: ./src/plan/express-update.ts
var express_update = __webpack_require__(2377);
// EXTERNAL MODULE: ./src/plan/verdict.ts
var plan_verdict = __webpack_require__(7282);
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
    followAfterCancel: steps_ecs_controller/* followAfterCancel */.A9,
};
/** Read-only: the Express configuration, the update request and its diff; every input problem is thrown here. */
async function prepareExpress(found, options, deps) {
    const { service: current, started } = found;
    const { cluster, service } = options;
    (0,steps_ecs_controller/* refuseUnreachableWaitUntil */.wL)(current, options);
    if (current.serviceArn === undefined)
        throw new Error(`DescribeServices for '${service}' in cluster '${cluster}' returned no serviceArn`);
    const express = (0,express_update/* planExpressUpdate */.hL)({
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
        containerNames: [express_update/* EXPRESS_PRIMARY_CONTAINER */.GV],
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
    return { ...standing, failure: (0,plan_verdict/* failed */.gz)('refused', reason) };
}
/** UpdateExpressGatewayService, then the deployment it started, found in DescribeServices and followed by its record. */
async function startExpress(prepared, deps) {
    const { options, plan } = prepared;
    const { cluster, service } = options;
    const express = expressPlanOf(prepared);
    const request = express.request;
    if (!plan.updateNeeded || request === undefined)
        return (0,steps_ecs_controller/* fromStanding */.$h)(prepared, deps);
    if (options.dryRun) {
        deps.log.info(`Dry run: would call UpdateExpressGatewayService on Express service '${service}' with:`);
        for (const line of (0,express_update/* requestLines */.t8)(request))
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
        following: (0,steps_ecs_controller/* followRecordOf */.eo)(prepared, { deploymentId: deployment.id, since, recordArn: found.service.currentServiceDeployment, taskDefinitionArn }, deps),
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
    ecs: steps_ecs_controller/* ecsController */.mT,
    codedeploy: loadedOnUse('codedeploy', true, async () => (await Promise.all(/* import() */[__webpack_require__.e(507), __webpack_require__.e(828), __webpack_require__.e(942)]).then(__webpack_require__.bind(__webpack_require__, 8942))).codeDeployController),
    express: expressController,
};
function controllerFor(kind) {
    return CONTROLLERS[kind];
}

// EXTERNAL MODULE: ./src/steps/describe-services.ts
var describe_services = __webpack_require__(4975);
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
// EXTERNAL MODULE: ./src/failure.ts
var failure = __webpack_require__(1633);
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
    /** `controller`: the one registered for the plan's kind (tests pass their own). */
    constructor(prepared, deps, controller = controllerFor(prepared.controller)) {
        this.prepared = prepared;
        this.deps = deps;
        this.controller = controller;
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
        const needs = this.controller.registers &&
            plan.updateNeeded &&
            plan.targetArn === undefined &&
            !options.dryRun &&
            registration === undefined;
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
            this.finished = this.result({
                verdict: (0,failure/* failureOf */.g)(error, this.deps.log),
                taskDefinitionArn: this.prepared.currentArn,
            });
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
            controller: this.prepared.controller,
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
    const { cluster } = shared;
    // One DescribeServices per 10 services reads them all.
    const found = await (0,describe_services/* describeEach */.Z)(services, (service) => ({ cluster, service }), deps).catch((error) => {
        if ((0,errors/* awsErrorName */.ZH)(error) !== 'ClusterNotFoundException')
            throw error;
        throw new errors/* UserError */.yo(`Cluster '${cluster}' was not found: check input '${names/* Input */.pd.cluster}' (a cluster name or ARN) and the region.`, { cause: error });
    });
    const settled = await Promise.allSettled(services.map((service) => prepareService(found.get(service), { ...shared, service }, ownDeps(deps, service, services.length))));
    const problems = settled.flatMap((s, index) => s.status === 'rejected' ? [{ service: services[index] ?? '', error: s.reason }] : []);
    const [first] = problems;
    if (first !== undefined) {
        // AWS failing (not the inputs) is the step's error as it is; the inputs' problems are listed together.
        const notInput = problems.find((p) => !(p.error instanceof errors/* UserError */.yo));
        if (notInput !== undefined)
            throw notInput.error;
        if (services.length === 1)
            throw first.error;
        throw new errors/* UserError */.yo(problems.map((p) => `Service '${p.service}': ${(0,errors/* messageOf */.bD)(p.error)}`).join('\n'), {
            cause: first.error,
        });
    }
    const prepared = settled.flatMap((s) => (s.status === 'fulfilled' ? [s.value] : []));
    refuseUnusedCodeDeployInputs(options, prepared);
    return prepared;
}
const CODEDEPLOY_INPUTS = [
    ['application', names/* Input */.pd.codedeployApplication],
    ['deploymentGroup', names/* Input */.pd.codedeployDeploymentGroup],
    ['appSpec', names/* Input */.pd.codedeployAppspec],
    ['deploymentConfig', names/* Input */.pd.codedeployDeploymentConfig],
];
/** A codedeploy-* input no service of the step deploys through would change nothing, silently. */
function refuseUnusedCodeDeployInputs(options, prepared) {
    const set = CODEDEPLOY_INPUTS.find(([field]) => options.codeDeploy?.[field] !== undefined)?.[1];
    if (set === undefined || prepared.some((p) => p.controller === 'codedeploy'))
        return;
    throw new errors/* UserError */.yo(`Input '${set}' is set, but no service of this step deploys through CodeDeploy (deploymentController CODE_DEPLOY): with mode ecs the codedeploy-* inputs are for such services. Remove it, or deploy Lambda functions through CodeDeploy in a step without ecs.`);
}
/** One service, as described: its controller chosen from it, and planned by that controller. */
async function prepareService(current, options, deps) {
    const started = deps.now();
    const { cluster, service } = options;
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
    return {
        intervalMs: Math.min(...waits.map((w) => w.intervalMs)),
        timeoutMs: Math.max(...waits.map((w) => w.timeoutMs)),
    };
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
    return count > 1 ? (0,src_deps/* withLogPrefix */.L5)(deps, `[${service}] `) : deps;
}


/***/ }),

/***/ 8978:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   H: () => (/* binding */ latestRevision),
/* harmony export */   X: () => (/* binding */ registerOrReuse)
/* harmony export */ });
/* harmony import */ var _aws_ecs_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(1032);
/* harmony import */ var _errors_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(3916);
/* harmony import */ var _plan_ecs_deploy_js__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(9344);
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
    const family = typeof taskDefinition.family === 'string' ? taskDefinition.family : undefined;
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
        retryable: (error) => isConcurrentRegistration(error) ? 'another revision of the family is being registered' : (0,_errors_js__WEBPACK_IMPORTED_MODULE_1__/* .transientReason */ .bR)(error),
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
