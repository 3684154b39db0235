export const id = 836;
export const ids = [836];
export const modules = {

/***/ 5974:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   Gd: () => (/* binding */ deleteAlias),
/* harmony export */   N9: () => (/* binding */ getFunction),
/* harmony export */   Qt: () => (/* binding */ publishVersion),
/* harmony export */   RC: () => (/* binding */ shiftAlias),
/* harmony export */   bd: () => (/* binding */ getAlias),
/* harmony export */   l: () => (/* binding */ updateFunctionCode),
/* harmony export */   lB: () => (/* binding */ createAlias),
/* harmony export */   td: () => (/* binding */ getFunctionConfiguration),
/* harmony export */   yp: () => (/* binding */ getProvisionedConcurrency)
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
        return await lambda.send(new _aws_sdk_client_lambda__WEBPACK_IMPORTED_MODULE_1__.GetFunctionConfigurationCommand({
            FunctionName: functionName,
            ...(qualifier === undefined ? {} : { Qualifier: qualifier }),
        }));
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
        return await lambda.send(new _aws_sdk_client_lambda__WEBPACK_IMPORTED_MODULE_1__.CreateAliasCommand({
            FunctionName: target.functionName,
            Name: target.alias,
            FunctionVersion: target.version,
        }));
    }
    catch (error) {
        throw new _errors_js__WEBPACK_IMPORTED_MODULE_0__/* .AwsCallError */ .iQ(`CreateAlias '${target.alias}' for '${target.functionName}'`, error);
    }
}
/**
 * Moves the alias and sets (or clears) its routing: every alias change the action makes.
 * `revisionId` is the alias's own, so a concurrent move is refused.
 */
async function shiftAlias(lambda, shift) {
    try {
        return await lambda.send(new _aws_sdk_client_lambda__WEBPACK_IMPORTED_MODULE_1__.UpdateAliasCommand({
            FunctionName: shift.functionName,
            Name: shift.alias,
            FunctionVersion: shift.version,
            RoutingConfig: { AdditionalVersionWeights: shift.weights },
            ...(shift.revisionId === undefined ? {} : { RevisionId: shift.revisionId }),
        }));
    }
    catch (error) {
        throw new _errors_js__WEBPACK_IMPORTED_MODULE_0__/* .AwsCallError */ .iQ(`UpdateAlias '${shift.alias}' for '${shift.functionName}'`, error);
    }
}
/** Removes an alias (one the step created, when the deploy is put back). */
async function deleteAlias(lambda, functionName, alias) {
    try {
        await lambda.send(new _aws_sdk_client_lambda__WEBPACK_IMPORTED_MODULE_1__.DeleteAliasCommand({ FunctionName: functionName, Name: alias }));
    }
    catch (error) {
        throw new _errors_js__WEBPACK_IMPORTED_MODULE_0__/* .AwsCallError */ .iQ(`DeleteAlias '${alias}' for '${functionName}'`, error);
    }
}
/** The alias's provisioned concurrency, or undefined when it has none. */
async function getProvisionedConcurrency(lambda, functionName, alias) {
    try {
        return await lambda.send(new _aws_sdk_client_lambda__WEBPACK_IMPORTED_MODULE_1__.GetProvisionedConcurrencyConfigCommand({ FunctionName: functionName, Qualifier: alias }));
    }
    catch (error) {
        if ((0,_errors_js__WEBPACK_IMPORTED_MODULE_0__/* .awsErrorName */ .ZH)(error) === 'ProvisionedConcurrencyConfigNotFoundException')
            return undefined;
        throw new _errors_js__WEBPACK_IMPORTED_MODULE_0__/* .AwsCallError */ .iQ(`GetProvisionedConcurrencyConfig of '${functionName}:${alias}'`, error);
    }
}


/***/ }),

/***/ 4457:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   j: () => (/* binding */ putAliasBack),
/* harmony export */   k: () => (/* binding */ putBackAll)
/* harmony export */ });
/* harmony import */ var _aws_lambda_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(5974);
/* harmony import */ var _errors_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(3916);
// Putting back the aliases a Lambda deploy moved, when it failed or was stopped: each on the
// version it was on before, with no routing, or deleted when the deploy created it (where it
// was is "not there"). The shift, the put-back beside ECS and the post step all use putAliasBack.


/** Puts one alias back (UpdateAlias, or DeleteAlias for one the deploy created); says what it did, throws as the call does. */
async function putAliasBack(lambda, alias, before) {
    if ('created' in before) {
        await (0,_aws_lambda_js__WEBPACK_IMPORTED_MODULE_0__/* .deleteAlias */ .Gd)(lambda, alias.functionName, alias.alias);
        return `alias ${alias.alias} deleted (it did not exist before this deploy)`;
    }
    // No RevisionId: the alias has moved since it was read, by this very deploy.
    await (0,_aws_lambda_js__WEBPACK_IMPORTED_MODULE_0__/* .shiftAlias */ .RC)(lambda, {
        functionName: alias.functionName,
        alias: alias.alias,
        version: before.version,
        weights: {},
    });
    return `alias ${alias.alias} back on version ${before.version} (no routing)`;
}
/** Every alias this step moved goes back where it was, side by side. */
async function putBackAll(states, deps) {
    const lines = await Promise.all(states.map(async ({ target, moved, created }) => {
        const before = created
            ? { created: true }
            : moved && target.from !== undefined
                ? { version: target.from }
                : undefined;
        if (before === undefined)
            return [];
        try {
            return [`${target.functionName}: ${await putAliasBack(deps.clients.lambda, target, before)}`];
        }
        catch (error) {
            const what = 'created' in before
                ? `delete alias ${target.alias}`
                : `put alias ${target.alias} back on version ${before.version}`;
            return [`${target.functionName}: could not ${what}: ${(0,_errors_js__WEBPACK_IMPORTED_MODULE_1__/* .messageOf */ .bD)(error)}`];
        }
    }));
    const flat = lines.flat();
    for (const line of flat)
        deps.log.info(`put back: ${line}`);
    return flat;
}


/***/ }),

/***/ 8836:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

__webpack_require__.r(__webpack_exports__);
/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   putEcsBack: () => (/* binding */ putEcsBack),
/* harmony export */   putLambdaBack: () => (/* binding */ putLambdaBack)
/* harmony export */ });
/* harmony import */ var _aws_ecs_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(1032);
/* harmony import */ var _aws_lambda_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(5974);
/* harmony import */ var _deps_js__WEBPACK_IMPORTED_MODULE_7__ = __webpack_require__(2421);
/* harmony import */ var _errors_js__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(3916);
/* harmony import */ var _plan_ecs_rollout_js__WEBPACK_IMPORTED_MODULE_8__ = __webpack_require__(4390);
/* harmony import */ var _plan_verdict_js__WEBPACK_IMPORTED_MODULE_6__ = __webpack_require__(7282);
/* harmony import */ var _wait_js__WEBPACK_IMPORTED_MODULE_3__ = __webpack_require__(910);
/* harmony import */ var _ecs_follow_js__WEBPACK_IMPORTED_MODULE_4__ = __webpack_require__(2622);
/* harmony import */ var _lambda_alias_back_js__WEBPACK_IMPORTED_MODULE_5__ = __webpack_require__(4457);
// With ecs and lambda in one step and rollback-on-failure: when either fails, the other is
// put back as it was, so the step leaves everything as it found it.









// Put-back waits end with the job like every other wait: the change is sent, its end not awaited.
const NOT_FOLLOWED = 'not waited for: the job was cancelled';
/**
 * Points each service that did not fail back at the revision it ran before the step, side
 * by side (a failed one was already settled by rollback-on-failure), and follows that.
 */
async function putEcsBack(result, bounds, deps) {
    const services = result.services.filter((s) => !(0,_plan_verdict_js__WEBPACK_IMPORTED_MODULE_6__/* .isFailure */ .N6)(s.verdict));
    const several = result.services.length > 1;
    const lines = await Promise.all(services.map((s) => putServiceBack(s, bounds, several ? (0,_deps_js__WEBPACK_IMPORTED_MODULE_7__/* .withLogPrefix */ .L5)(deps, `[${s.service}] `) : deps)));
    return lines.flat();
}
async function putServiceBack(result, bounds, deps) {
    if (!result.changed || result.taskDefinitionArn === result.previousTaskDefinitionArn)
        return [];
    const { cluster, service, previousTaskDefinitionArn: to } = result;
    // UpdateService cannot change their revision: CodeDeploy moves task sets, Express Mode owns its service.
    if (result.controller === 'codedeploy' || result.controller === 'express')
        return [
            `ecs: service '${service}' deploys through ${result.controller === 'codedeploy' ? 'CodeDeploy' : 'ECS Express Mode'}: not put back by the step; deploy ${to} again to undo it`,
        ];
    try {
        deps.log.info(`Putting service '${service}' back on ${to}.`);
        const updated = await (0,_aws_ecs_js__WEBPACK_IMPORTED_MODULE_0__/* .updateService */ .bU)(deps.clients.ecs, {
            cluster,
            service,
            taskDefinition: to,
            forceNewDeployment: false,
        });
        const deploymentId = (0,_plan_ecs_rollout_js__WEBPACK_IMPORTED_MODULE_8__/* .primaryDeployment */ .sg)(updated)?.id;
        if (deploymentId === undefined)
            return [`ecs: service '${service}' pointed back at ${to} (no deployment reported to follow)`];
        const verdict = await (0,_ecs_follow_js__WEBPACK_IMPORTED_MODULE_4__/* .followDeployment */ .p)({ cluster, service, deploymentId, since: new Date(deps.now()), ...bounds, maxFailedTasks: 0, taskOptions: {} }, deps);
        if (verdict.state === 'failed' && verdict.kind === 'cancelled')
            return [`ecs: service '${service}' pointed back at ${to} (deployment ${deploymentId}); ${NOT_FOLLOWED}`];
        return [
            `ecs: service '${service}' put back on ${to}: ${(0,_plan_verdict_js__WEBPACK_IMPORTED_MODULE_6__/* .isFailure */ .N6)(verdict) ? `FAILED: ${verdict.reason}` : 'done'}`,
        ];
    }
    catch (error) {
        return [`ecs: could not put service '${service}' back on ${to}: ${(0,_errors_js__WEBPACK_IMPORTED_MODULE_2__/* .messageOf */ .bD)(error)}`];
    }
}
/** Moves each changed function's alias back (deletes one it created), or, without one, deploys its previous image again. */
async function putLambdaBack(result, bounds, deps) {
    const changed = result.functions.filter((f) => f.changed && !(0,_plan_verdict_js__WEBPACK_IMPORTED_MODULE_6__/* .isFailure */ .N6)(f.verdict));
    return (await Promise.all(changed.map((f) => putFunctionBack(f, bounds, deps)))).flat();
}
async function putFunctionBack(f, bounds, deps) {
    const { lambda } = deps.clients;
    try {
        if (f.alias !== undefined) {
            // No routing either; an alias with no previous version is one the step created, so it goes.
            const before = f.previousAliasVersion === undefined ? { created: true } : { version: f.previousAliasVersion };
            return [
                `lambda: ${f.functionName} ${await (0,_lambda_alias_back_js__WEBPACK_IMPORTED_MODULE_5__/* .putAliasBack */ .j)(lambda, { functionName: f.functionName, alias: f.alias }, before)}`,
            ];
        }
        if (f.previousImage === undefined)
            return [`lambda: ${f.functionName} has no previous image to put back`];
        await (0,_aws_lambda_js__WEBPACK_IMPORTED_MODULE_1__/* .updateFunctionCode */ .l)(lambda, { functionName: f.functionName, imageUri: f.previousImage });
        await (0,_wait_js__WEBPACK_IMPORTED_MODULE_3__/* .waitFor */ .fm)({
            what: `the update of '${f.functionName}' back to ${f.previousImage}`,
            ...bounds,
            onProgress: (line) => deps.log.info(line),
            check: async () => {
                const config = await (0,_aws_lambda_js__WEBPACK_IMPORTED_MODULE_1__/* .getFunctionConfiguration */ .td)(lambda, f.functionName);
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
        if (error instanceof _errors_js__WEBPACK_IMPORTED_MODULE_2__/* .CancelledError */ .cc)
            return [`lambda: ${f.functionName} updated back to ${f.previousImage ?? '?'}; ${NOT_FOLLOWED}`];
        return [`lambda: could not put ${f.functionName} back: ${(0,_errors_js__WEBPACK_IMPORTED_MODULE_2__/* .messageOf */ .bD)(error)}`];
    }
}


/***/ })

};
