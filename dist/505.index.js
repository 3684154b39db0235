export const id = 505;
export const ids = [505];
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

/***/ 6505:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

// ESM COMPAT FLAG
__webpack_require__.r(__webpack_exports__);

// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  applyParameter: () => (/* binding */ applyParameter),
  prepareParameter: () => (/* binding */ prepareParameter)
});

// EXTERNAL MODULE: ./node_modules/@aws-sdk/client-ssm/dist-cjs/index.js
var dist_cjs = __webpack_require__(4736);
// EXTERNAL MODULE: ./src/errors.ts
var errors = __webpack_require__(3916);
;// CONCATENATED MODULE: ./src/aws/ssm.ts


/** The parameter's value, type and version, or undefined when it does not exist. */
async function getParameter(ssm, name) {
    try {
        // Never decrypted: a SecureString is refused, and its plaintext must not reach the log.
        const out = await ssm.send(new dist_cjs.GetParameterCommand({ Name: name, WithDecryption: false }));
        const parameter = out.Parameter;
        if (parameter?.Value === undefined || parameter.Type === undefined || parameter.Version === undefined) {
            throw new Error('the response had no parameter value, type or version');
        }
        return { value: parameter.Value, type: parameter.Type, version: String(parameter.Version) };
    }
    catch (error) {
        if ((0,errors/* awsErrorName */.ZH)(error) === 'ParameterNotFound')
            return undefined;
        throw new errors/* AwsCallError */.iQ(`GetParameter for '${name}'`, error);
    }
}
/** Writes the value and returns the version that now holds it. */
async function putParameter(ssm, write) {
    try {
        const out = await ssm.send(new dist_cjs.PutParameterCommand({
            Name: write.name,
            Value: write.value,
            Type: write.type,
            Overwrite: write.overwrite,
            ...(write.tags !== undefined && write.tags.length > 0 ? { Tags: write.tags } : {}),
        }));
        if (out.Version === undefined)
            throw new Error('the response had no version');
        return String(out.Version);
    }
    catch (error) {
        throw new errors/* AwsCallError */.iQ(`PutParameter for '${write.name}'`, error);
    }
}

// EXTERNAL MODULE: ./src/plan/parameter.ts
var parameter = __webpack_require__(140);
// EXTERNAL MODULE: ./src/retry.ts
var retry = __webpack_require__(9809);
;// CONCATENATED MODULE: ./src/steps/parameter.ts




/** Read-only: renders the value and checks the existing parameter; throws UserError on problems. */
async function prepareParameter(options, image, deps) {
    const value = (0,parameter/* renderParameterValue */.Hx)(options.template, image);
    const current = await getParameter(deps.clients.ssm, options.name);
    // Deciding now stops the step on a SecureString or a type clash before ECS or Lambda change.
    const decision = (0,parameter/* decideParameterWrite */.JX)({ name: options.name, value, type: options.type, current });
    // The plan, as a person reviewing a dry run wants to read it.
    deps.log.info(current === undefined
        ? `Parameter '${options.name}' does not exist yet; it will be created holding '${value}'.`
        : current.value === value
            ? `Parameter '${options.name}' already holds '${value}' (${current.type}, version ${current.version}).`
            : `Parameter '${options.name}' holds '${current.value}' (${current.type}, version ${current.version}); it will hold '${value}'.`);
    return { options, value, decision };
}
/** Writes the value unless it is already there; in a dry run returns 'planned'. */
async function applyParameter(plan, deps) {
    const started = deps.now();
    const { options, value } = plan;
    const { name } = options;
    const result = (decision, verdict, version) => ({
        name,
        verdict: { state: verdict },
        changed: verdict === 'created' || verdict === 'updated',
        ...(decision.action === 'create' ? {} : { previousValue: decision.current.value }),
        value,
        type: decision.type,
        durationMs: deps.now() - started,
        version,
    });
    if (options.dryRun) {
        const { decision } = plan;
        if (decision.action === 'unchanged') {
            deps.log.info(unchangedLine(name, decision.current.value, decision.current.version));
            return result(decision, 'unchanged', decision.current.version);
        }
        deps.log.info(decision.action === 'create'
            ? `Dry run: would create parameter '${name}' (${decision.type}) with '${value}'.`
            : `Dry run: would change parameter '${name}': '${decision.current.value}' -> '${value}'.`);
        return result(decision, 'planned', undefined);
    }
    // The deploy before this step took a while: each attempt reads the parameter again, and
    // TooManyUpdates means another writer got there first, so the next attempt sees its value.
    // A write whose answer was lost may have been applied: the next attempt then finds the
    // value there, and the result still says what this step did.
    let sent;
    const onUnknown = (d) => {
        sent ??= d;
    };
    const written = await (0,retry/* retrying */.R$)(() => writeOnce(plan, deps, onUnknown), {
        what: `Writing parameter '${name}'`,
        retryable: (error) => ((0,errors/* awsErrorName */.ZH)(error) === 'TooManyUpdates' ? 'another write to it is in progress' : (0,errors/* transientReason */.bR)(error)),
        timeoutMs: options.timeoutMs,
    }, deps);
    const { version } = written;
    const decision = written.decision.action === 'unchanged' && sent !== undefined ? sent : written.decision;
    switch (decision.action) {
        case 'unchanged':
            deps.log.info(unchangedLine(name, value, version));
            return result(decision, 'unchanged', version);
        case 'update':
            deps.log.info(`Parameter '${name}': '${decision.current.value}' -> '${value}' (version ${version})`);
            return result(decision, 'updated', version);
        case 'create':
            deps.log.info(`Parameter '${name}' created: '${value}' (${decision.type}, version ${version})`);
            return result(decision, 'created', version);
    }
}
/** Reads, decides, writes; when a create loses a race with another creator, updates instead. */
/** `onUnknown`: a write failed in a way that may have applied it (no answer, a 5xx). */
async function writeOnce(plan, deps, onUnknown) {
    const { ssm } = deps.clients;
    // One attempt per PutParameter: the retry above reads the parameter before trying again.
    const put = async (decision, write) => {
        try {
            return await putParameter(deps.clients.once.ssm, write);
        }
        catch (error) {
            if ((0,errors/* transientReason */.bR)(error) !== undefined)
                onUnknown(decision);
            throw error;
        }
    };
    const { name, type, tags } = plan.options;
    const { value } = plan;
    const decide = async () => (0,parameter/* decideParameterWrite */.JX)({ name, value, type, current: await getParameter(ssm, name) });
    let decision = await decide();
    if (decision.action === 'create') {
        try {
            // Tags only here: SSM rejects Tags together with Overwrite.
            return { decision, version: await put(decision, { name, value, type: decision.type, overwrite: false, tags }) };
        }
        catch (error) {
            if ((0,errors/* awsErrorName */.ZH)(error) !== 'ParameterAlreadyExists')
                throw error;
            deps.log.info(`Parameter '${name}' was created by someone else meanwhile; reading it again.`);
            decision = await decide();
            if (decision.action === 'create') {
                throw new Error(`Parameter '${name}' was reported to exist, then not found: another job may be creating and deleting it; run the step again.`, {
                    cause: error,
                });
            }
        }
    }
    if (decision.action === 'unchanged')
        return { decision, version: decision.current.version };
    return { decision, version: await put(decision, { name, value, type: decision.type, overwrite: true }) };
}
function unchangedLine(name, value, version) {
    return `Parameter '${name}' already holds '${value}' (version ${version}); nothing to write.`;
}


/***/ })

};
