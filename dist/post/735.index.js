export const id = 735;
export const ids = [735];
export const modules = {

/***/ 3116:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

// ESM COMPAT FLAG
__webpack_require__.r(__webpack_exports__);

// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  putAliasesBackAfterCancel: () => (/* binding */ putAliasesBackAfterCancel)
});

// EXTERNAL MODULE: ./node_modules/@aws-sdk/client-lambda/dist-cjs/index.js
var dist_cjs = __webpack_require__(1696);
// EXTERNAL MODULE: ./src/errors.ts
var errors = __webpack_require__(3916);
;// CONCATENATED MODULE: ./src/aws/lambda.ts


/** The function's configuration and code location, or undefined when it does not exist. */
async function getFunction(lambda, functionName) {
    try {
        const out = await lambda.send(new GetFunctionCommand({ FunctionName: functionName }));
        if (!out.Configuration)
            throw new Error('the response had no Configuration');
        return { configuration: out.Configuration, code: out.Code ?? {} };
    }
    catch (error) {
        if (awsErrorName(error) === 'ResourceNotFoundException')
            return undefined;
        throw new AwsCallError(`GetFunction for '${functionName}'`, error);
    }
}
/** The configuration of $LATEST, or of a version or alias when `qualifier` is given. */
async function getFunctionConfiguration(lambda, functionName, qualifier) {
    try {
        return await lambda.send(new GetFunctionConfigurationCommand({
            FunctionName: functionName,
            ...(qualifier === undefined ? {} : { Qualifier: qualifier }),
        }));
    }
    catch (error) {
        const what = qualifier === undefined ? `'${functionName}'` : `'${functionName}' version ${qualifier}`;
        throw new AwsCallError(`GetFunctionConfiguration for ${what}`, error);
    }
}
/** The alias, or undefined when the function has no alias of that name. */
async function getAlias(lambda, functionName, alias) {
    try {
        return await lambda.send(new dist_cjs.GetAliasCommand({ FunctionName: functionName, Name: alias }));
    }
    catch (error) {
        if ((0,errors/* awsErrorName */.ZH)(error) === 'ResourceNotFoundException')
            return undefined;
        throw new errors/* AwsCallError */.iQ(`GetAlias '${alias}' for '${functionName}'`, error);
    }
}
async function updateFunctionCode(lambda, update) {
    try {
        return await lambda.send(new UpdateFunctionCodeCommand({
            FunctionName: update.functionName,
            ImageUri: update.imageUri,
            ...(update.revisionId === undefined ? {} : { RevisionId: update.revisionId }),
        }));
    }
    catch (error) {
        throw new AwsCallError(`UpdateFunctionCode for '${update.functionName}'`, error);
    }
}
/** The published version's configuration (its `Version` is the number). */
async function publishVersion(lambda, request) {
    try {
        const out = await lambda.send(new PublishVersionCommand({
            FunctionName: request.functionName,
            CodeSha256: request.codeSha256,
            ...(request.revisionId === undefined ? {} : { RevisionId: request.revisionId }),
        }));
        if (!out.Version)
            throw new Error('the response had no Version');
        return out;
    }
    catch (error) {
        throw new AwsCallError(`PublishVersion for '${request.functionName}'`, error);
    }
}
async function createAlias(lambda, target) {
    try {
        return await lambda.send(new CreateAliasCommand({
            FunctionName: target.functionName,
            Name: target.alias,
            FunctionVersion: target.version,
        }));
    }
    catch (error) {
        throw new AwsCallError(`CreateAlias '${target.alias}' for '${target.functionName}'`, error);
    }
}
/**
 * Moves the alias and sets (or clears) its routing: every alias change the action makes.
 * `revisionId` is the alias's own, so a concurrent move is refused.
 */
async function shiftAlias(lambda, shift) {
    try {
        return await lambda.send(new dist_cjs.UpdateAliasCommand({
            FunctionName: shift.functionName,
            Name: shift.alias,
            FunctionVersion: shift.version,
            RoutingConfig: { AdditionalVersionWeights: shift.weights ?? {} },
            ...(shift.revisionId === undefined ? {} : { RevisionId: shift.revisionId }),
        }));
    }
    catch (error) {
        throw new errors/* AwsCallError */.iQ(`UpdateAlias '${shift.alias}' for '${shift.functionName}'`, error);
    }
}
/** The alias's provisioned concurrency, or undefined when it has none. */
async function getProvisionedConcurrency(lambda, functionName, alias) {
    try {
        return await lambda.send(new GetProvisionedConcurrencyConfigCommand({ FunctionName: functionName, Qualifier: alias }));
    }
    catch (error) {
        if (awsErrorName(error) === 'ProvisionedConcurrencyConfigNotFoundException')
            return undefined;
        throw new AwsCallError(`GetProvisionedConcurrencyConfig of '${functionName}:${alias}'`, error);
    }
}

;// CONCATENATED MODULE: ./src/steps/lambda-post.ts
// The post step's half for Lambda: after a failed or cancelled traffic shift, each alias it
// moved is read and, unless it is already on its previous version with no routing, put back.


async function putAliasesBackAfterCancel(states, deps) {
    return Promise.all(states.map(async (s) => {
        const what = `Lambda function '${s.functionName}' alias ${s.alias}`;
        try {
            const alias = await getAlias(deps.clients.lambda, s.functionName, s.alias);
            const routed = Object.values(alias?.RoutingConfig?.AdditionalVersionWeights ?? {}).some((w) => w > 0);
            if (alias?.FunctionVersion === s.version && !routed)
                return { ok: true, text: `${what} is on version ${s.version} with no routing: already put back.` };
            await shiftAlias(deps.clients.lambda, {
                functionName: s.functionName,
                alias: s.alias,
                version: s.version,
                weights: {},
            });
            return {
                ok: true,
                text: `${what} put back on version ${s.version} (it was on ${alias?.FunctionVersion ?? '?'}${routed ? ' with routing' : ''}).`,
            };
        }
        catch (error) {
            return { ok: false, text: `Could not put ${what} back on version ${s.version}: ${(0,errors/* messageOf */.bD)(error)}` };
        }
    }));
}


/***/ })

};
