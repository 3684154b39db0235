export const id = 423;
export const ids = [423];
export const modules = {

/***/ 7423:
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
            RoutingConfig: { AdditionalVersionWeights: shift.weights },
            ...(shift.revisionId === undefined ? {} : { RevisionId: shift.revisionId }),
        }));
    }
    catch (error) {
        throw new errors/* AwsCallError */.iQ(`UpdateAlias '${shift.alias}' for '${shift.functionName}'`, error);
    }
}
/** Removes an alias (one the step created, when the deploy is put back). */
async function deleteAlias(lambda, functionName, alias) {
    try {
        await lambda.send(new dist_cjs.DeleteAliasCommand({ FunctionName: functionName, Name: alias }));
    }
    catch (error) {
        throw new errors/* AwsCallError */.iQ(`DeleteAlias '${alias}' for '${functionName}'`, error);
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

;// CONCATENATED MODULE: ./src/steps/lambda-alias-back.ts
// Putting back the aliases a Lambda deploy moved, when it failed or was stopped: each on the
// version it was on before, with no routing, or deleted when the deploy created it (where it
// was is "not there"). The shift, the put-back beside ECS and the post step all use putAliasBack.


/** Puts one alias back (UpdateAlias, or DeleteAlias for one the deploy created); says what it did, throws as the call does. */
async function putAliasBack(lambda, alias, before) {
    if ('created' in before) {
        await deleteAlias(lambda, alias.functionName, alias.alias);
        return `alias ${alias.alias} deleted (it did not exist before this deploy)`;
    }
    // No RevisionId: the alias has moved since it was read, by this very deploy.
    await shiftAlias(lambda, {
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
            return [`${target.functionName}: could not ${what}: ${messageOf(error)}`];
        }
    }));
    const flat = lines.flat();
    for (const line of flat)
        deps.log.info(`put back: ${line}`);
    return flat;
}

;// CONCATENATED MODULE: ./src/steps/lambda-post.ts
// The post step's half for Lambda: after a failed or cancelled traffic shift, each alias it
// moved is read and, unless it is already where it was (its previous version with no
// routing, or gone when the step created it), put back.



async function putAliasesBackAfterCancel(states, deps) {
    return Promise.all(states.map(async (s) => {
        const what = `Lambda function '${s.functionName}' alias ${s.alias}`;
        const before = s.version === undefined ? { created: true } : { version: s.version };
        const where = 'created' in before ? 'deleted' : `put back on version ${before.version}`;
        try {
            const alias = await getAlias(deps.clients.lambda, s.functionName, s.alias);
            const routed = Object.values(alias?.RoutingConfig?.AdditionalVersionWeights ?? {}).some((w) => w > 0);
            if ('created' in before) {
                if (alias === undefined)
                    return { ok: true, text: `${what} is gone: already deleted.` };
                // Someone pointed it elsewhere since: it is theirs now, not the one this deploy made.
                if (alias.FunctionVersion !== s.shiftedTo)
                    return {
                        ok: true,
                        text: `${what} is on version ${alias.FunctionVersion ?? '?'}, not ${s.shiftedTo ?? '?'} this deploy created it on: left as it is.`,
                    };
            }
            else if (alias?.FunctionVersion === before.version && !routed)
                return { ok: true, text: `${what} is on version ${before.version} with no routing: already put back.` };
            await putAliasBack(deps.clients.lambda, s, before);
            return {
                ok: true,
                text: `${what} ${where} (it was on ${alias?.FunctionVersion ?? '?'}${routed ? ' with routing' : ''}).`,
            };
        }
        catch (error) {
            const failedTo = 'created' in before ? `delete ${what}` : `put ${what} back on version ${before.version}`;
            return { ok: false, text: `Could not ${failedTo}: ${(0,errors/* messageOf */.bD)(error)}` };
        }
    }));
}


/***/ })

};
