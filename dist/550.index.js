export const id = 550;
export const ids = [550];
export const modules = {

/***/ 3550:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

__webpack_require__.r(__webpack_exports__);
/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   codeDeployController: () => (/* binding */ codeDeployController)
/* harmony export */ });
/* harmony import */ var _aws_codedeploy_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(3307);
/* harmony import */ var _errors_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(3916);
/* harmony import */ var _failure_js__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(1633);
/* harmony import */ var _names_js__WEBPACK_IMPORTED_MODULE_3__ = __webpack_require__(6455);
/* harmony import */ var _plan_codedeploy_appspec_js__WEBPACK_IMPORTED_MODULE_10__ = __webpack_require__(1360);
/* harmony import */ var _plan_codedeploy_group_js__WEBPACK_IMPORTED_MODULE_9__ = __webpack_require__(6331);
/* harmony import */ var _plan_codedeploy_poll_js__WEBPACK_IMPORTED_MODULE_4__ = __webpack_require__(4451);
/* harmony import */ var _plan_rollback_js__WEBPACK_IMPORTED_MODULE_12__ = __webpack_require__(6755);
/* harmony import */ var _plan_service_deployment_stages_js__WEBPACK_IMPORTED_MODULE_5__ = __webpack_require__(5516);
/* harmony import */ var _plan_verdict_js__WEBPACK_IMPORTED_MODULE_11__ = __webpack_require__(7282);
/* harmony import */ var _codedeploy_follow_js__WEBPACK_IMPORTED_MODULE_6__ = __webpack_require__(6487);
/* harmony import */ var _codedeploy_rollback_js__WEBPACK_IMPORTED_MODULE_7__ = __webpack_require__(262);
/* harmony import */ var _ecs_controller_js__WEBPACK_IMPORTED_MODULE_8__ = __webpack_require__(4719);
// The CodeDeploy controller: ECS services whose deploymentController is CODE_DEPLOY take a
// new revision only through a CodeDeploy deployment (CreateDeployment with an AppSpec),
// followed with GetDeployment (batched by the poll loop) and the deployment's target.













const codeDeployController = {
    kind: 'codedeploy',
    registers: true,
    prepare: prepareCodeDeploy,
    start: startCodeDeploy,
    followAfterCancel,
};
/** Read-only: the revision plan as for ECS services, the deployment group (checked to target this service), the AppSpec checked. */
async function prepareCodeDeploy(found, options, deps) {
    const { cluster, service } = options;
    const problem = (0,_plan_service_deployment_stages_js__WEBPACK_IMPORTED_MODULE_5__/* .codeDeployWaitUntilProblem */ .Lp)(options.waitUntil);
    if (problem !== undefined)
        throw new _errors_js__WEBPACK_IMPORTED_MODULE_1__/* .UserError */ .yo(`Input '${_names_js__WEBPACK_IMPORTED_MODULE_3__/* .Input */ .pd.waitUntil}' ('${options.waitUntil}') cannot be reached on service '${service}': ${problem}.`);
    if (options.desiredCount !== undefined) {
        throw new _errors_js__WEBPACK_IMPORTED_MODULE_1__/* .UserError */ .yo(`Input '${_names_js__WEBPACK_IMPORTED_MODULE_3__/* .Input */ .pd.desiredCount}' is not applied to service '${service}', which deploys through CodeDeploy: CodeDeploy sizes the new task set like the original; remove '${_names_js__WEBPACK_IMPORTED_MODULE_3__/* .Input */ .pd.desiredCount}'.`);
    }
    // CreateDeployment carries no tag settings: accepting them would change nothing, silently.
    for (const [input, value] of [
        [_names_js__WEBPACK_IMPORTED_MODULE_3__/* .Input */ .pd.propagateTags, options.propagateTags],
        [_names_js__WEBPACK_IMPORTED_MODULE_3__/* .Input */ .pd.enableEcsManagedTags, options.enableEcsManagedTags],
    ]) {
        if (value === undefined)
            continue;
        throw new _errors_js__WEBPACK_IMPORTED_MODULE_1__/* .UserError */ .yo(`Input '${input}' is not applied to service '${service}', which deploys through CodeDeploy: CodeDeploy starts the new task set with the service's own tag settings; remove '${input}'.`);
    }
    const base = await (0,_ecs_controller_js__WEBPACK_IMPORTED_MODULE_8__/* .prepareFromTaskDefinition */ ._m)(found, { ...options, waitUntil: 'completed' }, deps);
    const ref = (0,_plan_codedeploy_group_js__WEBPACK_IMPORTED_MODULE_9__/* .groupRefFor */ .Yx)(cluster, service, {
        application: options.codeDeploy?.application,
        group: options.codeDeploy?.deploymentGroup,
    });
    const group = await (0,_aws_codedeploy_js__WEBPACK_IMPORTED_MODULE_0__/* .getDeploymentGroup */ .$o)(await deps.clients.codedeploy(), ref.application, ref.group);
    if (group === undefined) {
        throw new _errors_js__WEBPACK_IMPORTED_MODULE_1__/* .UserError */ .yo(`Service '${service}' deploys through CodeDeploy, but deployment group '${ref.group}' of application '${ref.application}' does not exist: name them in inputs '${_names_js__WEBPACK_IMPORTED_MODULE_3__/* .Input */ .pd.codedeployApplication}' and '${_names_js__WEBPACK_IMPORTED_MODULE_3__/* .Input */ .pd.codedeployDeploymentGroup}'. Nothing was changed.`);
    }
    const targets = (0,_plan_codedeploy_group_js__WEBPACK_IMPORTED_MODULE_9__/* .groupTargetProblem */ .c7)(group, cluster, service);
    if (targets !== undefined)
        throw new _errors_js__WEBPACK_IMPORTED_MODULE_1__/* .UserError */ .yo(`Service '${service}' cannot be deployed: ${targets}. Nothing was changed.`);
    if (options.codeDeploy?.appSpec === undefined) {
        const spec = (0,_plan_codedeploy_appspec_js__WEBPACK_IMPORTED_MODULE_10__/* .appSpecFromService */ .wQ)(found.service, 'check');
        if ((0,_plan_codedeploy_appspec_js__WEBPACK_IMPORTED_MODULE_10__/* .isAppSpecProblem */ .gY)(spec))
            throw new _errors_js__WEBPACK_IMPORTED_MODULE_1__/* .UserError */ .yo(`Service '${service}' cannot be deployed through CodeDeploy: ${spec.problem}. Nothing was changed.`);
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
    const spec = file === undefined ? (0,_plan_codedeploy_appspec_js__WEBPACK_IMPORTED_MODULE_10__/* .appSpecFromService */ .wQ)(codeDeploy.service, targetArn) : (0,_plan_codedeploy_appspec_js__WEBPACK_IMPORTED_MODULE_10__/* .appSpecFromFile */ .nx)(file.doc, targetArn);
    if ((0,_plan_codedeploy_appspec_js__WEBPACK_IMPORTED_MODULE_10__/* .isAppSpecProblem */ .gY)(spec))
        throw new _errors_js__WEBPACK_IMPORTED_MODULE_1__/* .UserError */ .yo(`The AppSpec for service '${prepared.options.service}': ${spec.problem}.`);
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
        deps.log.info((0,_plan_codedeploy_appspec_js__WEBPACK_IMPORTED_MODULE_10__/* .appSpecText */ .KM)(spec));
        return { finished: { verdict: { state: 'planned' }, taskDefinitionArn: plan.targetArn ?? '' } };
    }
    const cd = await deps.clients.codedeploy();
    const deploymentId = await (0,_aws_codedeploy_js__WEBPACK_IMPORTED_MODULE_0__/* .createDeployment */ .Yy)(cd, {
        application: ref.application,
        group: ref.group,
        appSpec: (0,_plan_codedeploy_appspec_js__WEBPACK_IMPORTED_MODULE_10__/* .appSpecText */ .KM)(spec),
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
        following: new CodeDeployFollowing(prepared, codeDeploy, deploymentId, (0,_plan_codedeploy_appspec_js__WEBPACK_IMPORTED_MODULE_10__/* .hooksOf */ .uj)(spec), { ...deps, codedeploy: cd }),
        fields,
    };
}
/** Our own failures: the ones rollback-on-failure puts back (CodeDeploy's own are already rolled back or stopped). */
const OWN_FAILURES = new Set([
    'timed-out',
    'cancelled',
    'too-many-failed-tasks',
    'error',
]);
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
        const termination = (0,_plan_codedeploy_group_js__WEBPACK_IMPORTED_MODULE_9__/* .terminationWaitMinutes */ .Hv)(codeDeploy.group);
        this.watch = new _codedeploy_follow_js__WEBPACK_IMPORTED_MODULE_6__/* .CodeDeployWatch */ .yJ({
            deploymentId,
            goal: prepared.options.waitUntil,
            intervalMs: (0,_plan_codedeploy_poll_js__WEBPACK_IMPORTED_MODULE_4__/* .codeDeployIntervalMs */ .Cj)(prepared.options.wait),
            timeoutMs: prepared.options.wait.timeoutMs,
            hooks,
            watched: (0,_plan_codedeploy_group_js__WEBPACK_IMPORTED_MODULE_9__/* .alarmsWatch */ .md)(codeDeploy.group),
            ...(termination === undefined ? {} : { terminationWaitMinutes: termination }),
        }, deps);
    }
    wants(request) {
        request.want(_codedeploy_follow_js__WEBPACK_IMPORTED_MODULE_6__/* .DEPLOYMENTS */ .$i, this.deploymentId);
    }
    async observe(snapshot) {
        const answer = snapshot.get(_codedeploy_follow_js__WEBPACK_IMPORTED_MODULE_6__/* .DEPLOYMENTS */ .$i, this.deploymentId);
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
        return (0,_failure_js__WEBPACK_IMPORTED_MODULE_2__/* .failureOf */ .g)(error, this.deps.log);
    }
    async conclude(verdict) {
        return verdict;
    }
    async settle(failure) {
        const { options } = this.prepared;
        if (!options.rollbackOnFailure || !OWN_FAILURES.has(failure.kind))
            return { verdict: failure };
        try {
            await (0,_codedeploy_rollback_js__WEBPACK_IMPORTED_MODULE_7__/* .startCodeDeployRollback */ .r)(this.deps, this.deploymentId);
        }
        catch (error) {
            return { verdict: (0,_plan_verdict_js__WEBPACK_IMPORTED_MODULE_11__/* .withDetails */ .FE)(failure, [`rollback-on-failure: ${(0,_failure_js__WEBPACK_IMPORTED_MODULE_2__/* .failureOf */ .g)(error, this.deps.log).reason}`]) };
        }
        const to = this.prepared.currentArn;
        if (failure.kind === 'cancelled') {
            const follow = { controller: 'codedeploy', codeDeployDeploymentId: this.deploymentId };
            return { verdict: failure, rollback: { by: 'stop-deployment', verdict: { state: 'started' }, to, follow } };
        }
        const line = await (0,_codedeploy_rollback_js__WEBPACK_IMPORTED_MODULE_7__/* .followCodeDeployRollback */ .G)(this.deps, {
            deploymentId: this.deploymentId,
            intervalMs: (0,_plan_codedeploy_poll_js__WEBPACK_IMPORTED_MODULE_4__/* .codeDeployIntervalMs */ .Cj)(options.wait),
            timeoutMs: options.wait.timeoutMs,
        });
        const ok = line.startsWith('Rolled back');
        return {
            verdict: (0,_plan_verdict_js__WEBPACK_IMPORTED_MODULE_11__/* .withDetails */ .FE)(failure, [line]),
            rollback: { by: 'stop-deployment', verdict: ok ? { state: 'succeeded' } : (0,_plan_verdict_js__WEBPACK_IMPORTED_MODULE_11__/* .failed */ .gz)('rolled-back', line), to },
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
async function followAfterCancel(rollback, deps) {
    const id = rollback.codeDeployDeploymentId;
    if (id === undefined)
        return { ok: true, text: 'Nothing to follow.' };
    deps.log.info(`Following the rollback of CodeDeploy deployment ${id} (the job was cancelled mid-deploy).`);
    const cd = await deps.clients.codedeploy();
    // A Lambda function's deployment (mode lambda through CodeDeploy) puts its alias back instead of a task set.
    const restored = rollback.functionName === undefined
        ? {}
        : { restored: `its alias is on ${rollback.to ?? 'the previous version'} again` };
    const line = await (0,_codedeploy_rollback_js__WEBPACK_IMPORTED_MODULE_7__/* .followCodeDeployRollback */ .G)({ ...deps, codedeploy: cd }, { deploymentId: id, intervalMs: rollback.intervalMs, timeoutMs: rollback.timeoutMs, ...restored });
    return { ok: line.startsWith('Rolled back'), text: `${(0,_plan_rollback_js__WEBPACK_IMPORTED_MODULE_12__/* .rollbackSubject */ .x)(rollback)}: ${line}` };
}


/***/ })

};
