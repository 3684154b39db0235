export const id = 89;
export const ids = [89];
export const modules = {

/***/ 7089:
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
// EXTERNAL MODULE: ./src/failure.ts
var failure = __webpack_require__(1633);
// EXTERNAL MODULE: ./src/plan/ecs-progress.ts
var ecs_progress = __webpack_require__(8316);
// EXTERNAL MODULE: ./src/plan/verdict.ts
var verdict = __webpack_require__(7282);
// EXTERNAL MODULE: ./src/wait.ts
var wait = __webpack_require__(910);
;// CONCATENATED MODULE: ./src/steps/ecs-follow.ts






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
        final = await (0,wait/* waitFor */.f)({
            what: `deployment ${deploymentId} of service '${serviceName}'`,
            intervalMs: options.intervalMs,
            timeoutMs: options.timeoutMs,
            onProgress: (line) => deps.log.info(line),
            check: async () => {
                const service = await (0,aws_ecs/* describeService */.Jv)(deps.clients.ecs, { cluster, service: serviceName });
                for (const event of (0,ecs_progress/* newServiceEvents */.bt)(service?.events, options.since, seenEvents)) {
                    seenEvents.add((0,ecs_progress/* serviceEventKey */.Pu)(event));
                    deps.log.info((0,ecs_progress/* formatServiceEvent */.jy)(event));
                }
                const ours = service?.deployments?.find((d) => d.id === deploymentId);
                await failedTasks.update(ours?.failedTasks ?? 0);
                const verdict = (0,ecs_rollout/* classifyRollout */.s3)({ service, where: { cluster, service: serviceName }, deploymentId, maxFailedTasks: options.maxFailedTasks });
                if (verdict.state === 'pending')
                    return { done: false, state: (0,ecs_progress/* rolloutProgressLine */.L8)(service ?? {}, deploymentId) };
                return { done: true, value: verdict };
            },
        }, deps);
    }
    catch (error) {
        return (0,verdict/* withDetails */.FE)((0,failure/* failureOf */.g)(error, deps.log), (0,ecs_progress/* summarizeTaskFailures */.M5)(failedTasks.known(), undefined, options.taskOptions));
    }
    if (final.state === 'succeeded') {
        deps.log.info(`Deployment ${deploymentId} completed: service '${serviceName}' runs it.`);
        return final;
    }
    return (0,verdict/* withDetails */.FE)(final, (0,ecs_progress/* summarizeTaskFailures */.M5)(await failedTasks.all(), undefined, options.taskOptions));
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
        for (const line of (0,ecs_progress/* summarizeTaskFailures */.M5)(fresh, undefined, this.options.taskOptions))
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
        const arns = await (0,aws_ecs/* listStoppedTasks */.em)(ecs, this.options.cluster, this.options.deploymentId);
        const unknown = arns.filter((arn) => !this.tasks.has(arn));
        const tasks = await (0,aws_ecs/* describeTasks */.yz)(ecs, this.options.cluster, unknown);
        for (const task of tasks)
            if (task.taskArn)
                this.tasks.set(task.taskArn, task);
        return tasks;
    }
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
    const verdict = await follow(prepared, { deploymentId, since: deployment.createdAt ?? new Date(started) }, deps);
    return result({ ...changed, verdict });
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
            const verdict = await follow(prepared, { deploymentId, since: deployment.createdAt ?? new Date(started) }, deps);
            return result({ verdict, taskDefinitionArn, deploymentId });
        }
    }
}
function follow(prepared, deployment, deps) {
    const { options, plan } = prepared;
    return followDeployment({
        cluster: options.cluster,
        service: options.service,
        ...deployment,
        intervalMs: options.wait.intervalMs,
        timeoutMs: options.wait.timeoutMs,
        maxFailedTasks: options.maxFailedTasks,
        taskOptions: { nonEssentialContainers: (0,containers/* nonEssentialContainers */.yg)(plan.rendered) },
    }, deps);
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
