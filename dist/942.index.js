export const id = 942;
export const ids = [942];
export const modules = {

/***/ 8942:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

// ESM COMPAT FLAG
__webpack_require__.r(__webpack_exports__);

// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  codeDeployController: () => (/* binding */ codeDeployController)
});

// EXTERNAL MODULE: ./src/aws/codedeploy.ts
var codedeploy = __webpack_require__(3307);
// EXTERNAL MODULE: ./src/errors.ts
var errors = __webpack_require__(3916);
// EXTERNAL MODULE: ./src/failure.ts
var src_failure = __webpack_require__(1633);
// EXTERNAL MODULE: ./src/names.ts
var names = __webpack_require__(6455);
// EXTERNAL MODULE: ./src/plan/codedeploy-appspec.ts
var codedeploy_appspec = __webpack_require__(1360);
// EXTERNAL MODULE: ./src/plan/codedeploy-deployment.ts
var codedeploy_deployment = __webpack_require__(6869);
// EXTERNAL MODULE: ./src/plan/codedeploy-group.ts
var codedeploy_group = __webpack_require__(6331);
// EXTERNAL MODULE: ./src/plan/codedeploy-poll.ts
var codedeploy_poll = __webpack_require__(4451);
// EXTERNAL MODULE: ./src/plan/service-deployment-stages.ts
var service_deployment_stages = __webpack_require__(5516);
// EXTERNAL MODULE: ./src/plan/verdict.ts
var plan_verdict = __webpack_require__(7282);
// EXTERNAL MODULE: ./src/steps/codedeploy-follow.ts
var codedeploy_follow = __webpack_require__(5255);
// EXTERNAL MODULE: ./src/steps/codedeploy-rollback.ts
var codedeploy_rollback = __webpack_require__(262);
// EXTERNAL MODULE: ./src/plan/ecs-rollout.ts
var ecs_rollout = __webpack_require__(4390);
;// CONCATENATED MODULE: ./src/plan/codedeploy-tasks.ts
// Counting the stopped tasks of the replacement (green) task set of a CodeDeploy ECS
// deployment, for `max-failed-tasks`. Pure: which read a poll makes, and the verdict.
//
// What AWS documents (ECS API reference):
// - API_TaskSet (docs.aws.amazon.com/AmazonECS/latest/APIReference/API_TaskSet.html):
//   "If an CodeDeploy deployment created a task set, the externalId parameter contains the
//   CodeDeploy deployment ID", and its `startedBy` is then `CODE_DEPLOY`; DescribeServices
//   lists a service's task sets in `Service.taskSets`. So the green task set is the one
//   whose `externalId` is our deployment id, found in one DescribeServices. It carries no
//   count of failed tasks (only computedDesiredCount, pendingCount, runningCount), unlike
//   an ECS `Deployment.failedTasks`, so its stopped tasks must be listed.
// - Task set ids have the form of deployment ids, `ecs-svc/<19 digits>` (the CLI example of
//   describe-task-sets, docs.aws.amazon.com/cli/latest/reference/ecs/describe-task-sets.html),
//   and API_Task's `startedBy`: "If an Amazon ECS service started the task, the startedBy
//   parameter contains the deployment ID of that service"; a task set is how a CODE_DEPLOY
//   service deploys, so its tasks carry the task set's id. (The reference does not say
//   "task set" in that sentence: this is the one inferred step.)
// - API_ListTasks: `startedBy` limits the results to tasks started with that value, and
//   `desiredStatus: STOPPED` to stopped ones ("recently stopped tasks might appear"; they
//   stay listed for at least an hour); DescribeTasks gives stopCode, stoppedReason and the
//   containers' exit codes, as for the ECS controller (FailedTaskLog).

/** The replacement task set CodeDeploy made for `deploymentId`, once DescribeServices lists it. */
function replacementTaskSet(service, deploymentId) {
    return service?.taskSets?.find((set) => set.externalId === deploymentId && set.id !== undefined);
}
/** CodeDeploy statuses in which the green task set's tasks can still fail the deployment. */
const RUNNING_STATUSES = new Set(['Created', 'Queued', 'InProgress', 'Ready']);
/**
 * What to read for the green task set this poll, one ECS call at most: nothing when the
 * count cannot change the verdict (`max-failed-tasks` 0, the deployment ended), the
 * service's task sets until the green one is found, then its stopped tasks.
 */
function greenTaskRead(view) {
    if (view.maxFailedTasks <= 0)
        return 'none';
    if (view.status !== undefined && !RUNNING_STATUSES.has(view.status))
        return 'none';
    return view.taskSetId === undefined ? 'task-set' : 'tasks';
}
/** The action's own failure once `stopped` tasks of the green task set reach `max-failed-tasks`. */
function tooManyStoppedGreenTasks(options) {
    return (0,ecs_rollout/* tooManyFailedTasks */.lB)(options.stopped, options.maxFailedTasks, `the replacement task set ${options.taskSetId} of CodeDeploy deployment ${options.deploymentId}`);
}

// EXTERNAL MODULE: ./src/plan/containers.ts
var containers = __webpack_require__(5343);
// EXTERNAL MODULE: ./src/plan/ecs-progress.ts
var ecs_progress = __webpack_require__(8316);
// EXTERNAL MODULE: ./src/steps/describe-services.ts
var describe_services = __webpack_require__(4975);
// EXTERNAL MODULE: ./src/steps/stopped-tasks.ts
var stopped_tasks = __webpack_require__(969);
;// CONCATENATED MODULE: ./src/steps/codedeploy-tasks.ts
// `max-failed-tasks` for services deploying through CodeDeploy: the stopped tasks of the
// replacement (green) task set, counted while the deployment runs, with at most one ECS
// call a poll (DescribeServices, batched with the loop's, until the task set is found;
// then ListTasks, or DescribeTasks for tasks not read yet). Why this finds them:
// plan/codedeploy-tasks.ts.







/** The green task set of the CodeDeploy deployment `deploymentId` made for a prepared service. */
function greenTasksOf(prepared, deploymentId, deps) {
    const { cluster, service, maxFailedTasks } = prepared.options;
    return new CodeDeployGreenTasks({ cluster, service, deploymentId, maxFailedTasks, taskDefinition: prepared.plan.rendered }, deps);
}
/** The green task set's stopped tasks of one CodeDeploy deployment, and the verdict they give. */
class CodeDeployGreenTasks {
    taskSetId;
    log;
    /** The tasks could not be read (a role without ecs:ListTasks): the deployment is followed without counting. */
    off = false;
    options;
    taskOptions;
    deps;
    constructor(options, deps) {
        this.options = options;
        this.taskOptions = { nonEssentialContainers: (0,containers/* nonEssentialContainers */.yg)(options.taskDefinition) };
        this.deps = deps;
    }
    /** Asks for the service (its task sets) while the green task set is not known and can still fail. */
    wants(request, status) {
        if (this.read(status) !== 'task-set')
            return;
        request.want(describe_services/* SERVICES */.B, { cluster: this.options.cluster, service: this.options.service });
    }
    /** This poll's count; a failure once `max-failed-tasks` green tasks stopped. */
    async observe(snapshot, deployment) {
        const { cluster, service, deploymentId, maxFailedTasks } = this.options;
        const { taskOptions } = this;
        const read = this.read(deployment.status);
        if (read === 'task-set') {
            const found = replacementTaskSet(snapshot.get(describe_services/* SERVICES */.B, { cluster, service }), deploymentId)?.id;
            if (found === undefined)
                return undefined;
            this.taskSetId = found;
            this.log = new stopped_tasks/* StoppedTaskLog */.N({ cluster, startedBy: found, taskOptions }, this.deps);
            this.deps.log.info(`Counting the stopped tasks of the replacement task set ${found} (max-failed-tasks).`);
            return undefined;
        }
        if (read === 'none' || this.log === undefined || this.taskSetId === undefined)
            return undefined;
        try {
            const stopped = await this.log.poll();
            return tooManyStoppedGreenTasks({ stopped, maxFailedTasks, taskSetId: this.taskSetId, deploymentId });
        }
        catch (error) {
            // Throttling or a 5xx past the SDK's retries: the next poll asks again.
            if ((0,errors/* transientReason */.bR)(error) !== undefined)
                return undefined;
            this.off = true;
            this.deps.log.warning(`max-failed-tasks is not applied to CodeDeploy deployment ${deploymentId}: ${(0,errors/* messageOf */.bD)(error)}. Following it without counting stopped tasks; the ecs policy grants ecs:ListTasks and ecs:DescribeTasks (docs/iam/ecs.json).`);
            return undefined;
        }
    }
    /** The wait ended first: the stopped tasks already read. */
    interrupted(failure) {
        return (0,plan_verdict/* withDetails */.FE)(failure, (0,ecs_progress/* summarizeTaskFailures */.M5)(this.log?.known() ?? [], undefined, this.taskOptions));
    }
    /** A failure the polls found gets every stopped green task's evidence. */
    async conclude(verdict) {
        const log = this.log;
        if (verdict.state !== 'failed' || log === undefined || this.off)
            return verdict;
        // The verdict stands whatever this last look finds: what was read so far when it fails.
        const tasks = await log.all().catch(() => log.known());
        return (0,plan_verdict/* withDetails */.FE)(verdict, (0,ecs_progress/* summarizeTaskFailures */.M5)(tasks, undefined, this.taskOptions));
    }
    read(status) {
        if (this.off)
            return 'none';
        return greenTaskRead({ maxFailedTasks: this.options.maxFailedTasks, status, taskSetId: this.taskSetId });
    }
}

// EXTERNAL MODULE: ./src/steps/ecs-controller.ts + 1 modules
var ecs_controller = __webpack_require__(4719);
;// CONCATENATED MODULE: ./src/steps/codedeploy-controller.ts
// The CodeDeploy controller: ECS services whose deploymentController is CODE_DEPLOY take a
// new revision only through a CodeDeploy deployment (CreateDeployment with an AppSpec),
// followed with GetDeployment (batched by the poll loop) and the deployment's target.














const codeDeployController = {
    kind: 'codedeploy',
    registers: true,
    prepare: prepareCodeDeploy,
    start: startCodeDeploy,
    followAfterCancel: codedeploy_rollback/* followCodeDeployAfterCancel */.G7,
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
    // CreateDeployment carries no tag settings: accepting them would change nothing, silently.
    for (const [input, value] of [
        [names/* Input */.pd.propagateTags, options.propagateTags],
        [names/* Input */.pd.enableEcsManagedTags, options.enableEcsManagedTags],
    ]) {
        if (value === undefined)
            continue;
        throw new errors/* UserError */.yo(`Input '${input}' is not applied to service '${service}', which deploys through CodeDeploy: CodeDeploy starts the new task set with the service's own tag settings; remove '${input}'.`);
    }
    const base = await (0,ecs_controller/* prepareFromTaskDefinition */._m)(found, { ...options, waitUntil: 'completed' }, deps);
    const ref = (0,codedeploy_group/* groupRefFor */.Yx)(cluster, service, {
        application: options.codeDeploy?.application,
        group: options.codeDeploy?.deploymentGroup,
    });
    const group = await (0,codedeploy/* getDeploymentGroup */.$o)(await deps.clients.codedeploy(), ref.application, ref.group);
    if (group === undefined) {
        throw new errors/* UserError */.yo(`Service '${service}' deploys through CodeDeploy, but deployment group '${ref.group}' of application '${ref.application}' does not exist: name them in inputs '${names/* Input */.pd.codedeployApplication}' and '${names/* Input */.pd.codedeployDeploymentGroup}'. Nothing was changed.`);
    }
    const targets = (0,codedeploy_group/* groupTargetProblem */.c7)(group, cluster, service);
    if (targets !== undefined)
        throw new errors/* UserError */.yo(`Service '${service}' cannot be deployed: ${targets}. Nothing was changed.`);
    if (options.codeDeploy?.appSpec === undefined) {
        const spec = (0,codedeploy_appspec/* appSpecFromService */.wQ)(found.service, 'check');
        if ((0,codedeploy_appspec/* isAppSpecProblem */.gY)(spec))
            throw new errors/* UserError */.yo(`Service '${service}' cannot be deployed through CodeDeploy: ${spec.problem}. Nothing was changed.`);
    }
    deps.log.info(`Service '${service}' deploys through CodeDeploy: deployment group '${ref.group}' of application '${ref.application}'.`);
    return {
        ...base,
        options,
        controller: 'codedeploy',
        standing: { kind: 'unchanged' },
        codeDeploy: { ref, group, service: found.service },
    };
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
    const deploymentId = await (0,codedeploy/* createDeployment */.Yy)(cd, {
        application: ref.application,
        group: ref.group,
        appSpec: (0,codedeploy_appspec/* appSpecText */.KM)(spec),
        ...(options.codeDeploy?.deploymentConfig === undefined
            ? {}
            : { deploymentConfig: options.codeDeploy.deploymentConfig }),
        description: `image-deploy: ${targetArn}`,
    });
    deps.log.info(`Created CodeDeploy deployment ${deploymentId} for service '${options.service}' (group '${ref.group}').`);
    const fields = {
        changed: true,
        registered: registration?.registered === true,
        taskDefinitionArn: targetArn,
        deploymentId,
    };
    if (!options.wait.enabled)
        return { finished: { ...fields, verdict: { state: 'started' } } };
    return {
        following: new CodeDeployFollowing(prepared, codeDeploy, deploymentId, (0,codedeploy_appspec/* hooksOf */.uj)(spec), { ...deps, codedeploy: cd }),
        fields,
    };
}
class CodeDeployFollowing {
    what;
    name;
    watch;
    green;
    prepared;
    deploymentId;
    deps;
    constructor(prepared, codeDeploy, deploymentId, hooks, deps) {
        this.prepared = prepared;
        this.deploymentId = deploymentId;
        this.deps = deps;
        this.name = prepared.options.service;
        this.what = `CodeDeploy deployment ${deploymentId} of service '${prepared.options.service}'`;
        this.green = greenTasksOf(prepared, deploymentId, deps);
        const termination = (0,codedeploy_group/* terminationWaitMinutes */.Hv)(codeDeploy.group);
        this.watch = new codedeploy_follow/* CodeDeployWatch */.yJ({
            deploymentId,
            goal: prepared.options.waitUntil,
            intervalMs: (0,codedeploy_poll/* codeDeployIntervalMs */.Cj)(prepared.options.wait),
            timeoutMs: prepared.options.wait.timeoutMs,
            hooks,
            watched: (0,codedeploy_group/* alarmsWatch */.md)(codeDeploy.group),
            ...(termination === undefined ? {} : { terminationWaitMinutes: termination }),
        }, deps);
    }
    wants(request) {
        request.want(codedeploy_follow/* DEPLOYMENTS */.$i, this.deploymentId);
        this.green.wants(request, this.watch.last?.deployment.status);
    }
    async observe(snapshot) {
        const answer = snapshot.get(codedeploy_follow/* DEPLOYMENTS */.$i, this.deploymentId);
        if (answer instanceof Error)
            throw answer;
        if (answer === undefined)
            return { state: this.watch.stateLine() };
        const verdict = await this.watch.observe(answer);
        if (verdict.state === 'pending') {
            const tooMany = await this.green.observe(snapshot, answer);
            if (tooMany !== undefined)
                return { verdict: tooMany };
            return { state: this.watch.stateLine(), nextMs: this.watch.nextDelayMs() };
        }
        if (verdict.state === 'succeeded') {
            const rest = verdict.reached === 'completed' ? '' : `: CodeDeploy carries on with the rest on its own`;
            this.deps.log.info(`Deployment ${this.deploymentId} reached ${verdict.reached === 'completed' ? 'Succeeded' : verdict.reached}${rest}.`);
            return { verdict: { state: 'succeeded' } };
        }
        return { verdict };
    }
    interrupted(error) {
        return this.green.interrupted((0,src_failure/* failureOf */.g)(error, this.deps.log));
    }
    async conclude(verdict) {
        return this.green.conclude(verdict);
    }
    async settle(failure) {
        const { options } = this.prepared;
        if (!options.rollbackOnFailure || !codedeploy_deployment/* STEP_FAILURES */.PG.has(failure.kind))
            return { verdict: failure };
        try {
            await (0,codedeploy_rollback/* startCodeDeployRollback */.r1)(this.deps, this.deploymentId);
        }
        catch (error) {
            return { verdict: (0,plan_verdict/* withDetails */.FE)(failure, [`rollback-on-failure: ${(0,src_failure/* failureOf */.g)(error, this.deps.log).reason}`]) };
        }
        const to = this.prepared.currentArn;
        if (failure.kind === 'cancelled') {
            const follow = { controller: 'codedeploy', codeDeployDeploymentId: this.deploymentId };
            return { verdict: failure, rollback: { by: 'stop-deployment', verdict: { state: 'started' }, to, follow } };
        }
        const { ok, line } = await (0,codedeploy_rollback/* followCodeDeployRollback */.G$)(this.deps, {
            deploymentId: this.deploymentId,
            intervalMs: (0,codedeploy_poll/* codeDeployIntervalMs */.Cj)(options.wait),
            timeoutMs: options.wait.timeoutMs,
        });
        return {
            verdict: (0,plan_verdict/* withDetails */.FE)(failure, [line]),
            rollback: { by: 'stop-deployment', verdict: ok ? { state: 'succeeded' } : (0,plan_verdict/* failed */.gz)('rolled-back', line), to },
        };
    }
    report() {
        return {
            codeDeploy: {
                deploymentId: this.deploymentId,
                group: this.prepared.codeDeploy?.ref.group ?? '',
                ...(this.watch.last === undefined ? {} : { snapshot: this.watch.last }),
            },
        };
    }
}


/***/ })

};
