export const id = 327;
export const ids = [327,478];
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

/***/ 7327:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

__webpack_require__.r(__webpack_exports__);
/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   applyEcsServices: () => (/* binding */ applyEcsServices),
/* harmony export */   prepareEcsServices: () => (/* binding */ prepareEcsServices)
/* harmony export */ });
/* harmony import */ var _deps_js__WEBPACK_IMPORTED_MODULE_4__ = __webpack_require__(2421);
/* harmony import */ var _errors_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(3916);
/* harmony import */ var _failure_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(1633);
/* harmony import */ var _plan_ecs_services_js__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(3583);
/* harmony import */ var _ecs_js__WEBPACK_IMPORTED_MODULE_3__ = __webpack_require__(5478);
// Several services in one step: each planned from the task definition it runs now, all
// planned before anything changes; registrations shared and paced; every service updated,
// then followed together (one DescribeServices per poll for all) and judged one by one.





/**
 * Read-only: plans every service the input names, side by side. Every service's problem
 * is reported (one line each, naming the service) before any mode of the step changes
 * anything.
 */
async function prepareEcsServices(options, deps) {
    const names = options.services ?? [options.service];
    if (names.length === 1)
        return [await (0,_ecs_js__WEBPACK_IMPORTED_MODULE_3__.prepareEcs)(options, deps)];
    const { services: _all, ...each } = options;
    const settled = await Promise.allSettled(names.map((service) => (0,_ecs_js__WEBPACK_IMPORTED_MODULE_3__.prepareEcs)({ ...each, service }, serviceDeps(deps, service))));
    const problems = settled.flatMap((s, index) => (s.status === 'rejected' ? [{ service: names[index] ?? '', error: s.reason }] : []));
    const [first] = problems;
    if (first !== undefined) {
        // AWS failing (not the inputs) is the step's error as it is; the inputs' problems are listed together.
        const notInput = problems.find((p) => !(p.error instanceof _errors_js__WEBPACK_IMPORTED_MODULE_0__/* .UserError */ .yo));
        if (notInput !== undefined)
            throw notInput.error;
        throw new _errors_js__WEBPACK_IMPORTED_MODULE_0__/* .UserError */ .yo(problems.map((p) => `Service '${p.service}': ${(0,_errors_js__WEBPACK_IMPORTED_MODULE_0__/* .messageOf */ .bD)(p.error)}`).join('\n'), { cause: first.error });
    }
    return settled.flatMap((s) => (s.status === 'fulfilled' ? [s.value] : []));
}
/**
 * Deploys every planned service. One service: applyEcs as it is. Several: the revisions
 * they need registered (once per distinct definition, paced to ECS's registration rate),
 * every service updated, then all followed together; a service whose start fails fails
 * alone, the others keep their own verdicts. `registration` (run-task's "the revision ecs
 * deploys") is only ever given with one service.
 */
async function applyEcsServices(prepared, deps, registration) {
    const [only] = prepared;
    if (prepared.length === 1 && only !== undefined)
        return resultOf([await (0,_ecs_js__WEBPACK_IMPORTED_MODULE_3__.applyEcs)(only, deps, registration)]);
    const own = prepared.map((p) => serviceDeps(deps, p.options.service));
    const registrations = registerShared(prepared, own);
    const starts = await Promise.all(prepared.map(async (p, index) => {
        const mine = own[index] ?? deps;
        try {
            return await (0,_ecs_js__WEBPACK_IMPORTED_MODULE_3__.startEcs)(p, mine, await registrations[index]);
        }
        catch (error) {
            return { done: (0,_ecs_js__WEBPACK_IMPORTED_MODULE_3__.failedResult)(p, (0,_failure_js__WEBPACK_IMPORTED_MODULE_1__/* .failureOf */ .g)(error, mine.log), mine) };
        }
    }));
    const toFollow = starts.flatMap((start, index) => ('follow' in start ? [{ started: start.follow, deps: own[index] ?? deps }] : []));
    const followed = await (0,_ecs_js__WEBPACK_IMPORTED_MODULE_3__.followStarted)(toFollow, deps);
    let next = 0;
    const results = starts.map((start) => ('done' in start ? start.done : followed[next++])).filter((r) => r !== undefined);
    return resultOf(results);
}
/**
 * Starts the registrations the plans need: one per distinct rendered definition (services
 * sharing a family and rendering the same definition share it), the first 20 at once and
 * then one a second, as ECS's rate allows; registerOrReuse retries throttling and
 * concurrent-registration refusals as for one service. Undefined: none needed.
 */
function registerShared(prepared, own) {
    const needs = prepared.map((p) => (p.plan.updateNeeded && p.plan.targetArn === undefined && !p.options.dryRun ? { rendered: p.plan.rendered, tags: p.plan.tags } : undefined));
    const shared = (0,_plan_ecs_services_js__WEBPACK_IMPORTED_MODULE_2__/* .sharedRegistrations */ .Sh)(needs);
    const made = new Map();
    let order = 0;
    return prepared.map((p, index) => {
        const first = shared[index];
        if (first === undefined)
            return Promise.resolve(undefined);
        const existing = made.get(first);
        if (existing !== undefined)
            return existing;
        const deps = own[index];
        if (deps === undefined)
            return Promise.resolve(undefined);
        const delayMs = (0,_plan_ecs_services_js__WEBPACK_IMPORTED_MODULE_2__/* .registrationDelayMs */ .zQ)(order++);
        const registering = (async () => {
            if (delayMs > 0)
                await deps.sleep(delayMs);
            return (0,_ecs_js__WEBPACK_IMPORTED_MODULE_3__.ensureRegistered)(p, deps);
        })();
        // Whoever awaits it sees its error; none left unobserved in the meantime.
        registering.catch(() => undefined);
        made.set(first, registering);
        return registering;
    });
}
function resultOf(services) {
    return {
        services,
        changed: services.some((s) => s.changed),
        verdict: (0,_plan_ecs_services_js__WEBPACK_IMPORTED_MODULE_2__/* .combineServiceVerdicts */ .pl)(services.map((s) => ({ service: s.service, verdict: s.verdict }))),
    };
}
/** Each line of a service's work says whose it is: the followers' lines interleave. */
function serviceDeps(deps, service) {
    return (0,_deps_js__WEBPACK_IMPORTED_MODULE_4__/* .withLogPrefix */ .L5)(deps, `[${service}] `);
}


/***/ }),

/***/ 5478:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

// ESM COMPAT FLAG
__webpack_require__.r(__webpack_exports__);

// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  applyEcs: () => (/* binding */ applyEcs),
  deployEcs: () => (/* binding */ deployEcs),
  ensureRegistered: () => (/* binding */ ensureRegistered),
  failedResult: () => (/* binding */ failedResult),
  followStarted: () => (/* binding */ followStarted),
  prepareEcs: () => (/* binding */ prepareEcs),
  startEcs: () => (/* binding */ startEcs)
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
// EXTERNAL MODULE: ./src/steps/ecs-record.ts + 2 modules
var ecs_record = __webpack_require__(6014);
// EXTERNAL MODULE: ./src/deps.ts
var src_deps = __webpack_require__(2421);
// EXTERNAL MODULE: ./src/failure.ts
var src_failure = __webpack_require__(1633);
// EXTERNAL MODULE: ./src/plan/service-deployment.ts
var service_deployment = __webpack_require__(282);
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
    const calm = (0,src_deps/* uncancellable */.WQ)(deps);
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

// EXTERNAL MODULE: ./src/plan/service-deployment-stages.ts
var service_deployment_stages = __webpack_require__(5516);
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
    const start = await startEcs(prepared, deps, registration);
    if ('done' in start)
        return start.done;
    const [result] = await followStarted([{ started: start.follow, deps }], deps);
    if (result === undefined)
        throw new Error('followStarted returned no result for its one service');
    return result;
}
/** register -> update, up to the deployment to follow (followStarted follows it). */
async function startEcs(prepared, deps, registration) {
    const { options, plan, started } = prepared;
    const { cluster, service } = options;
    const result = finisher(prepared, deps);
    if (!plan.updateNeeded)
        return applyStanding(prepared, deps, result);
    if (options.dryRun) {
        deps.log.info(`Dry run: would ${plan.registerNeeded ? 'register a new revision and ' : ''}update service '${service}'.`);
        // No ARN exists yet for a revision that would be registered: the output stays empty.
        return { done: result({ verdict: { state: 'planned' }, taskDefinitionArn: plan.targetArn ?? '' }) };
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
        ...(options.propagateTags === undefined ? {} : { propagateTags: options.propagateTags }),
        ...(options.enableEcsManagedTags === undefined ? {} : { enableEcsManagedTags: options.enableEcsManagedTags }),
    });
    const deployment = (0,ecs_rollout/* primaryDeployment */.sg)(updated);
    const deploymentId = deployment?.id;
    deps.log.info(`Updated service '${service}': deployment ${deploymentId ?? '(none reported)'}`);
    const changed = { changed: true, registered: made?.registered === true, taskDefinitionArn: targetArn, deploymentId };
    if (!options.wait.enabled)
        return { done: result({ ...changed, verdict: { state: 'started' } }) };
    if (!deploymentId) {
        throw new errors/* UserError */.yo(`UpdateService for '${service}' reported no PRIMARY deployment to follow; set '${names/* Input */.pd.wait}: false' to skip waiting.`);
    }
    const since = deployment.createdAt ?? new Date(started);
    return { follow: { prepared, deploymentId, since, recordArn: updated.currentServiceDeployment, fields: changed } };
}
/** The result of a service whose start threw (a registration or UpdateService AWS refused), when other services carry on. */
function failedResult(prepared, failure, deps) {
    return finisher(prepared, deps)({ verdict: failure, taskDefinitionArn: prepared.currentArn });
}
/** The service's result from its plan, with the fields the step learned; the duration counts from prepare. */
function finisher(prepared, deps) {
    const { options, currentArn, plan, started } = prepared;
    return (fields) => ({
        cluster: options.cluster,
        service: options.service,
        changed: false,
        registered: false,
        previousTaskDefinitionArn: currentArn,
        diff: plan.diff,
        before: plan.before,
        after: plan.after,
        durationMs: deps.now() - started,
        ...fields,
    });
}
/** Nothing to update: the standing decided in prepare says whether to follow, refuse or stop here. */
function applyStanding(prepared, deps, result) {
    const { options, currentArn, standing, started } = prepared;
    const { service } = options;
    const taskDefinitionArn = currentArn;
    switch (standing.kind) {
        case 'unchanged':
            deps.log.info(`Nothing to change: service '${service}' already runs this task definition.`);
            return { done: result({ verdict: { state: 'unchanged' }, taskDefinitionArn }) };
        case 'failed': {
            const deploymentId = standing.deployment.id;
            if (!options.dryRun)
                return { done: result({ verdict: standing.failure, taskDefinitionArn, deploymentId }) };
            deps.log.warning(standing.failure.reason);
            return { done: result({ verdict: { state: 'unchanged' }, taskDefinitionArn, deploymentId }) };
        }
        case 'in-progress': {
            // A re-run after a kill: the deployment the earlier run started is ours to finish.
            const { deployment } = standing;
            const deploymentId = deployment.id;
            const what = `deployment ${deploymentId} of ${(0,aws_names/* taskDefinitionLabel */.$7)(currentArn)} to service '${service}'`;
            if (options.dryRun) {
                deps.log.info(`Dry run: nothing to change, but ${what} is still in progress; a real run would follow it.`);
                return { done: result({ verdict: { state: 'unchanged' }, taskDefinitionArn, deploymentId }) };
            }
            if (!options.wait.enabled) {
                deps.log.info(`Nothing to change; ${what} is still in progress (not waiting: '${names/* Input */.pd.wait}' is false).`);
                return { done: result({ verdict: { state: 'unchanged' }, taskDefinitionArn, deploymentId }) };
            }
            deps.log.info(`Nothing to change, but ${what} is still in progress (a stopped run of this deploy, most likely): picking it up and following it.`);
            const since = deployment.createdAt ?? new Date(started);
            return { follow: { prepared, deploymentId, since, recordArn: standing.recordArn, fields: { taskDefinitionArn, deploymentId } } };
        }
    }
}
/**
 * Follows the started deployments together (one DescribeServices per poll for all, see
 * followDeployments), each with ECS's record of it and its own deps (its log lines); then
 * settles each failure (a rollback) side by side. Results come back in the given order.
 */
async function followStarted(items, deps) {
    const watched = items.map(({ started, deps: own }) => {
        const { options, plan } = started.prepared;
        const { cluster, service } = options;
        const record = new ecs_record/* DeploymentRecord */.P({ cluster, service, since: started.since, taskDefinitionArn: started.fields.taskDefinitionArn, waitUntil: options.waitUntil, intervalMs: options.wait.intervalMs, ...(started.recordArn ? { arn: started.recordArn } : {}) }, own);
        const common = {
            cluster,
            service,
            intervalMs: options.wait.intervalMs,
            timeoutMs: options.wait.timeoutMs,
            maxFailedTasks: options.maxFailedTasks,
            taskOptions: { nonEssentialContainers: (0,containers/* nonEssentialContainers */.yg)(plan.rendered) },
        };
        return { started, own, record, common };
    });
    const verdicts = await (0,ecs_follow/* followDeployments */.e)(watched.map(({ started, own, record, common }) => ({ options: { ...common, deploymentId: started.deploymentId, since: started.since, record }, deps: own })), deps);
    return Promise.all(watched.map(async ({ started, own, record, common }, index) => {
        const verdict = verdicts[index] ?? { state: 'succeeded' };
        const { prepared } = started;
        const settled = (0,plan_verdict/* isFailure */.N6)(verdict)
            ? await settleFailure(verdict, { ...common, previousTaskDefinitionArn: prepared.currentArn, record, rollbackOnFailure: prepared.options.rollbackOnFailure }, own)
            : { verdict };
        const report = reportOf(record);
        const followed = { ...settled, ...(report === undefined ? {} : { serviceDeployment: report }) };
        return finisher(prepared, own)({ ...started.fields, ...followed });
    }));
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
