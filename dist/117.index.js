export const id = 117;
export const ids = [117];
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

/***/ 8692:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   $z: () => (/* binding */ runningImage),
/* harmony export */   DS: () => (/* binding */ isUpdating),
/* harmony export */   L7: () => (/* binding */ checkLambdaImage),
/* harmony export */   _b: () => (/* binding */ classifyFunctionUpdate),
/* harmony export */   kY: () => (/* binding */ classifyVersionState),
/* harmony export */   qk: () => (/* binding */ runningDigest),
/* harmony export */   zA: () => (/* binding */ decideLambdaUpdate)
/* harmony export */ });
/* unused harmony export digestOfImageUri */
/* harmony import */ var _errors_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(3916);
/* harmony import */ var _names_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(6455);
// Lambda decisions: whether Lambda can run the image, and what a function needs (nothing,
// a code update, a version, an alias move).


/**
 * Lambda runs container images only from ECR private repositories in the function's own
 * region (another account is fine), and we verify a deploy by digest, so it must be known.
 */
function checkLambdaImage(image, region) {
    const label = `Input '${_names_js__WEBPACK_IMPORTED_MODULE_1__/* .Input */ .pd.image}' ('${image.reference}')`;
    const fix = `push or replicate it to an ECR private repository in '${region}' (<account>.dkr.ecr.${region}.amazonaws.com/<repository>) and deploy that.`;
    const { ecr } = image;
    if (ecr === undefined)
        throw new _errors_js__WEBPACK_IMPORTED_MODULE_0__/* .UserError */ .yo(`${label} is not in Amazon ECR: Lambda runs container images only from ECR private repositories; ${fix}`);
    if (ecr.kind === 'public')
        throw new _errors_js__WEBPACK_IMPORTED_MODULE_0__/* .UserError */ .yo(`${label} is in ECR Public: Lambda does not run images from ECR Public; ${fix}`);
    if (ecr.region !== region) {
        throw new _errors_js__WEBPACK_IMPORTED_MODULE_0__/* .UserError */ .yo(`${label} is in ECR region '${ecr.region}', but the functions are in '${region}': Lambda only runs images from its own region; ${fix}`);
    }
    if (image.digest === undefined) {
        throw new _errors_js__WEBPACK_IMPORTED_MODULE_0__/* .UserError */ .yo(`${label} has no known digest: image-deploy verifies a Lambda deploy by digest; give '${_names_js__WEBPACK_IMPORTED_MODULE_1__/* .Input */ .pd.digest}' or let the image mode look it up in ECR.`);
    }
}
/**
 * The digest after the last '@' of an image URI. Lambda reports `repo@sha256:<hex>`; moto
 * reports `repo@sha256@sha256:<hex>` for images given by digest.
 */
function digestOfImageUri(uri) {
    const at = uri.lastIndexOf('@');
    if (at === -1)
        return undefined;
    const digest = uri.slice(at + 1);
    return /^[a-z0-9]+:[0-9a-fA-F]+$/.test(digest) ? digest : undefined;
}
/** `repository@digest` the function runs, else the ImageUri it was given. */
function runningImage(snapshot) {
    const resolved = snapshot.code.ResolvedImageUri;
    const digest = resolved === undefined ? undefined : digestOfImageUri(resolved);
    // Rebuilt from its parts: emulators have been seen to repeat the algorithm (`repo@sha256@sha256:…`).
    if (resolved !== undefined && digest !== undefined)
        return `${resolved.slice(0, resolved.indexOf('@'))}@${digest}`;
    return resolved ?? snapshot.code.ImageUri;
}
function runningDigest(snapshot) {
    const { ResolvedImageUri, ImageUri } = snapshot.code;
    return ((ResolvedImageUri && digestOfImageUri(ResolvedImageUri)) || (ImageUri && digestOfImageUri(ImageUri)) || undefined);
}
/** Lambda refuses a code update (ResourceConflictException) while this holds. */
function isUpdating(configuration) {
    return configuration.LastUpdateStatus === 'InProgress' || configuration.State === 'Pending';
}
/**
 * Skip when the function runs the target digest (and its last update did not fail) and,
 * if an alias is wanted, the alias points at a published version holding that same code.
 * Otherwise update the code when the digest differs, and publish + move the alias when
 * asked. An update in flight defers the decision: the apply step waits and decides again.
 */
function decideLambdaUpdate(input) {
    const { configuration } = input.function;
    const busy = isUpdating(configuration);
    const lastFailed = configuration.LastUpdateStatus === 'Failed' || configuration.State === 'Failed';
    const digestMatches = runningDigest(input.function) === input.target.digest;
    const codeCurrent = digestMatches && !lastFailed && !busy;
    const updateCode = !digestMatches || lastFailed;
    const aliasCurrent = input.alias === undefined || (codeCurrent && aliasHoldsCode(input.alias.current, configuration.CodeSha256));
    const skip = codeCurrent && aliasCurrent;
    const publish = !skip && (input.publish || input.alias !== undefined) && (updateCode || !aliasCurrent);
    const alias = !skip && input.alias !== undefined ? { name: input.alias.name, current: input.alias.current?.alias } : undefined;
    const changes = [];
    if (busy)
        changes.push(`wait for the update in progress (${statusWords(configuration)}), then decide again`);
    if (updateCode) {
        const why = lastFailed ? ` (the last update failed: ${failureWords(configuration)})` : '';
        changes.push(`image: ${runningImage(input.function) ?? '(none)'} -> ${input.target.reference}${why}`);
    }
    if (publish)
        changes.push('publish a version');
    if (alias) {
        changes.push(alias.current?.FunctionVersion === undefined
            ? `alias ${alias.name}: to be created, pointing at the version this deploy publishes`
            : `alias ${alias.name}: version ${alias.current.FunctionVersion} -> the version this deploy publishes`);
    }
    return { skip, waitFirst: busy, updateCode, publish, alias, changes };
}
function aliasHoldsCode(current, codeSha256) {
    // An alias on $LATEST follows every update; the point of an alias here is a fixed version.
    if (current === undefined || current.alias.FunctionVersion === '$LATEST')
        return false;
    return codeSha256 !== undefined && current.versionCodeSha256 === codeSha256;
}
/** The function after UpdateFunctionCode: LastUpdateStatus decides, a Failed State too. */
function classifyFunctionUpdate(configuration) {
    if (configuration.LastUpdateStatus === 'Failed')
        return { state: 'failed', reason: `the update failed: ${failureWords(configuration)}` };
    if (configuration.State === 'Failed')
        return { state: 'failed', reason: `the function is Failed: ${stateWords(configuration)}` };
    if (isUpdating(configuration))
        return { state: 'pending', line: statusWords(configuration) };
    return { state: 'succeeded' };
}
/** A published version becomes usable once Active (Inactive ones wake on the next invoke). */
function classifyVersionState(configuration) {
    const state = configuration.State;
    if (state === 'Pending')
        return {
            state: 'pending',
            line: `version ${configuration.Version ?? '?'} is Pending${reasonSuffix(configuration.StateReason)}`,
        };
    if (state === 'Failed')
        return {
            state: 'failed',
            reason: `version ${configuration.Version ?? '?'} is Failed: ${stateWords(configuration)}`,
        };
    if (state === 'Deleting' || state === 'Deactivating' || state === 'Deactivated') {
        return {
            state: 'failed',
            reason: `version ${configuration.Version ?? '?'} is ${state}${reasonSuffix(configuration.StateReason)}`,
        };
    }
    return { state: 'succeeded' };
}
function statusWords(c) {
    const parts = [`update ${c.LastUpdateStatus ?? 'unknown'}`];
    if (c.State !== undefined && c.State !== 'Active')
        parts.push(`state ${c.State}`);
    return parts.join(', ') + reasonSuffix(c.LastUpdateStatusReason ?? c.StateReason);
}
function failureWords(c) {
    if (c.LastUpdateStatus !== 'Failed')
        return stateWords(c);
    const reason = c.LastUpdateStatusReason ?? 'Lambda gave no reason';
    return c.LastUpdateStatusReasonCode ? `${reason} (${c.LastUpdateStatusReasonCode})` : reason;
}
function stateWords(c) {
    const reason = c.StateReason ?? 'Lambda gave no reason';
    return c.StateReasonCode ? `${reason} (${c.StateReasonCode})` : reason;
}
function reasonSuffix(reason) {
    return reason ? `: ${reason}` : '';
}


/***/ }),

/***/ 8654:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   Y1: () => (/* binding */ DEFAULT_POLL_PLAN),
/* harmony export */   md: () => (/* binding */ alarmsWatch),
/* harmony export */   qC: () => (/* binding */ nextPollDelay),
/* harmony export */   wO: () => (/* binding */ knownWaitEnd)
/* harmony export */ });
/* unused harmony exports WATCHED_INTERVAL_MS, watchedIntervalMs, bakeTimeMs */
// When to poll a service deployment next: rarely through a wait whose end is known (the
// final bake, a linear step's or a canary's bake) and at a pause hook, at a moderate
// interval through such a wait when an alarm can end it early, at `poll-interval`
// otherwise. Pure.
const DEFAULT_POLL_PLAN = {
    slowIntervalMs: 60_000,
    pausedIntervalMs: 30_000,
    leadMs: 15_000,
};
/**
 * The longest sleep through a wait something besides the clock can end (an alarm during a
 * bake; for CodeDeploy, a lifecycle hook still to run): a rollback starting then is seen
 * within this plus one call, inside 20 s.
 */
const WATCHED_INTERVAL_MS = 15_000;
/** The moderate interval through a wait an outside event can end; never faster than poll-interval. */
function watchedIntervalMs(intervalMs) {
    return Math.max(intervalMs, WATCHED_INTERVAL_MS);
}
/** CloudWatch alarms can fail (and roll back) the deployment at any moment: enabled, with at least one alarm named. */
function alarmsWatch(config) {
    const alarms = config?.alarms;
    return alarms?.enable === true && (alarms.alarmNames?.length ?? 0) > 0;
}
function minutesMs(minutes) {
    return minutes === undefined || minutes <= 0 ? undefined : minutes * 60_000;
}
/** Bake of the whole deployment after production traffic shifted, in ms, when configured. */
function bakeTimeMs(config) {
    return minutesMs(config?.bakeTimeInMinutes);
}
/**
 * When the wait the deployment is in is due to end, or undefined when its end is not known.
 * Counted from the earliest moment it can have begun, so the real end is never before it:
 * - BAKE_TIME: `bakeTimeInMinutes` after the stage began;
 * - PRODUCTION_TRAFFIC_SHIFT of a LINEAR deployment with traffic part-way: the step's bake
 *   (`stepBakeTimeInMinutes`) after the traffic moved; of a CANARY: the canary's bake.
 */
function knownWaitEnd(view) {
    if (view.status !== 'IN_PROGRESS')
        return undefined;
    if (view.stage === 'BAKE_TIME') {
        const bake = bakeTimeMs(view.config);
        return bake === undefined ? undefined : view.stageSince + bake;
    }
    const partWay = view.weight !== undefined && view.weight > 0 && view.weight < 100;
    if (view.stage !== 'PRODUCTION_TRAFFIC_SHIFT' || !partWay)
        return undefined;
    const step = view.strategy === 'LINEAR'
        ? minutesMs(view.config?.linearConfiguration?.stepBakeTimeInMinutes)
        : view.strategy === 'CANARY'
            ? minutesMs(view.config?.canaryConfiguration?.canaryBakeTimeInMinutes)
            : undefined;
    return step === undefined ? undefined : view.weightSince + step;
}
/**
 * How long to sleep before the next poll. Through a wait whose end is known, poll rarely
 * and come back to the normal interval a lead before the end, so what follows the wait is
 * still seen within one normal interval; at a pause hook (which waits for a person), every
 * `pausedIntervalMs`. Otherwise: the normal interval. `watched`: something besides the
 * clock can end the wait (alarms enabled), so it is polled at `watchedIntervalMs` at most.
 */
function nextPollDelay(input) {
    const { plan, now, waitEndsAt, paused } = input;
    const rare = (ms) => (input.watched === true ? Math.min(ms, watchedIntervalMs(plan.intervalMs)) : ms);
    if (paused)
        return Math.max(plan.intervalMs, rare(plan.pausedIntervalMs));
    if (waitEndsAt === undefined)
        return plan.intervalMs;
    const lead = Math.max(plan.leadMs, 2 * plan.intervalMs);
    const untilLead = waitEndsAt - lead - now;
    if (untilLead <= plan.intervalMs)
        return plan.intervalMs;
    return Math.max(plan.intervalMs, Math.min(rare(plan.slowIntervalMs), untilLead));
}


/***/ }),

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

/***/ 8668:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {


// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  Z: () => (/* binding */ followAll)
});

// EXTERNAL MODULE: ./src/errors.ts
var errors = __webpack_require__(3916);
// EXTERNAL MODULE: ./src/plan/duration.ts
var duration = __webpack_require__(2983);
// EXTERNAL MODULE: ./src/wait.ts
var wait = __webpack_require__(910);
;// CONCATENATED MODULE: ./src/steps/poll-snapshot.ts
// One poll's reads for every rollout the loop follows: each rollout says what it needs
// (PollRequest.want), every reader then fetches all of it at once, in as few calls as its
// API allows, and each rollout reads its own part of the answers (PollSnapshot.get).
/** What every pending rollout wants read this poll, by reader. */
class PollRequest {
    batches = new Map();
    want(reader, key) {
        let batch = this.batches.get(reader);
        if (batch === undefined) {
            const keys = new Map();
            // The map holds only keys given to this reader: the one place their type is erased.
            batch = { keys, run: (deps) => reader.read([...keys.values()], deps) };
            this.batches.set(reader, batch);
        }
        batch.keys.set(reader.keyOf(key), key);
    }
    /** Runs every reader side by side: the answers of this poll. */
    async read(deps) {
        const entries = await Promise.all([...this.batches].map(async ([reader, batch]) => [reader, await batch.run(deps)]));
        return new PollSnapshot(new Map(entries));
    }
}
/** The answers of one poll, by reader and key. */
class PollSnapshot {
    answers;
    constructor(answers) {
        this.answers = answers;
    }
    /** The answer for `key`; undefined when the reader did not find it, or it was not wanted this poll. */
    get(reader, key) {
        // Only this reader's read() filled its map, with values of its own type.
        return this.answers.get(reader)?.get(reader.keyOf(key));
    }
}

;// CONCATENATED MODULE: ./src/steps/follow-loop.ts
// The one poll loop of the ecs mode: every deployment the step follows, whatever its
// controller, is polled together and judged alone.




/**
 * Polls until every deployment has a verdict. Each poll asks every pending one what it
 * wants read, reads it all in batches (one DescribeServices per cluster and 10 services,
 * one DescribeServiceDeployments per 20 records, ...), then lets each judge its answers.
 * A deployment that is done drops out of the polls; one whose judging throws fails alone.
 * The timeout, a cancelled job or a failed read ends every deployment still pending, each
 * told with its own last state. The next poll comes at the interval, or sooner when one of
 * them asks (a known end of a bake, a pause hook).
 */
async function followAll(followed, bounds, deps) {
    const verdicts = new Map();
    const concluded = new Map();
    const states = new Map();
    const started = deps.now();
    const pending = () => followed.filter((f) => !verdicts.has(f));
    try {
        await (0,wait/* waitFor */.fm)({
            what: followed.map((f) => f.what).join('; '),
            intervalMs: bounds.intervalMs,
            timeoutMs: bounds.timeoutMs,
            // Each deployment prints its own changes; the loop adds only the heartbeat.
            onProgress: (line, kind) => {
                if (kind === 'heartbeat')
                    deps.log.info(line);
            },
            check: async () => {
                const polled = pending();
                const request = new PollRequest();
                for (const f of polled)
                    f.wants(request);
                const snapshot = await request.read(deps);
                const nexts = await Promise.all(polled.map(async (f) => {
                    try {
                        const seen = await f.observe(snapshot);
                        if ('verdict' in seen) {
                            verdicts.set(f, seen.verdict);
                            concluded.set(f, seen.verdict);
                            return undefined;
                        }
                        states.set(f, seen.state);
                        return seen.nextMs;
                    }
                    catch (error) {
                        verdicts.set(f, f.interrupted(error));
                        return undefined;
                    }
                }));
                const still = pending();
                if (still.length === 0)
                    return { done: true, value: undefined };
                const state = still.map((f) => `${f.name}: ${states.get(f) ?? ''}`).join('; ');
                // The soonest any pending one wants polled again (a rare poll through a bake, when all are baking).
                const nextMs = Math.min(...polled.flatMap((f, i) => (verdicts.has(f) ? [] : [nexts[i] ?? bounds.intervalMs])));
                return { done: false, state, ...(nextMs === bounds.intervalMs ? {} : { nextMs }) };
            },
        }, deps);
    }
    catch (error) {
        const elapsed = deps.now() - started;
        for (const f of pending())
            verdicts.set(f, f.interrupted(retold(error, f, states.get(f), elapsed)));
    }
    // Verdicts the polls found get their final evidence; an interrupted wait keeps what it knew.
    await Promise.all([...concluded].map(async ([f, verdict]) => verdicts.set(f, await f.conclude(verdict))));
    return verdicts;
}
/** The shared loop's timeout or cancellation, told for one deployment: its own name and last state. */
function retold(error, f, state, elapsedMs) {
    const about = `${f.what}. Last state: ${state ?? 'none yet'}`;
    if (error instanceof errors/* TimeoutError */.MU)
        return new errors/* TimeoutError */.MU(`Timed out after ${(0,duration/* formatDuration */.a)(elapsedMs)} waiting for ${about}`);
    if (error instanceof errors/* CancelledError */.cc)
        return new errors/* CancelledError */.cc(`The job was cancelled after ${(0,duration/* formatDuration */.a)(elapsedMs)} waiting for ${about}`);
    return error instanceof Error ? error : new Error((0,errors/* messageOf */.bD)(error));
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

/***/ 2614:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

// ESM COMPAT FLAG
__webpack_require__.r(__webpack_exports__);

// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  applyLambda: () => (/* binding */ applyLambda),
  prepareLambda: () => (/* binding */ prepareLambda)
});

// EXTERNAL MODULE: ./src/aws/lambda.ts
var aws_lambda = __webpack_require__(5974);
// EXTERNAL MODULE: ./src/errors.ts
var errors = __webpack_require__(3916);
// EXTERNAL MODULE: ./src/names.ts
var names = __webpack_require__(6455);
// EXTERNAL MODULE: ./src/plan/lambda-names.ts
var lambda_names = __webpack_require__(2125);
// EXTERNAL MODULE: ./src/plan/lambda-update.ts
var lambda_update = __webpack_require__(8692);
// EXTERNAL MODULE: ./src/plan/verdict.ts
var plan_verdict = __webpack_require__(7282);
// EXTERNAL MODULE: ./src/aws/codedeploy.ts
var codedeploy = __webpack_require__(3307);
// EXTERNAL MODULE: ./src/failure.ts
var src_failure = __webpack_require__(1633);
// EXTERNAL MODULE: ./src/plan/codedeploy-appspec.ts
var codedeploy_appspec = __webpack_require__(1360);
// EXTERNAL MODULE: ./src/plan/codedeploy-poll.ts
var codedeploy_poll = __webpack_require__(4451);
// EXTERNAL MODULE: ./src/plan/lambda-appspec.ts
var lambda_appspec = __webpack_require__(7753);
// EXTERNAL MODULE: ./src/steps/follow-loop.ts + 1 modules
var follow_loop = __webpack_require__(8668);
// EXTERNAL MODULE: ./src/deps.ts
var src_deps = __webpack_require__(2421);
// EXTERNAL MODULE: ./src/plan/codedeploy-deployment.ts
var codedeploy_deployment = __webpack_require__(6869);
// EXTERNAL MODULE: ./src/plan/codedeploy-group.ts
var codedeploy_group = __webpack_require__(6331);
// EXTERNAL MODULE: ./src/steps/codedeploy-follow.ts
var codedeploy_follow = __webpack_require__(5255);
// EXTERNAL MODULE: ./src/steps/codedeploy-rollback.ts
var codedeploy_rollback = __webpack_require__(262);
// EXTERNAL MODULE: ./src/steps/lambda-alias-back.ts
var lambda_alias_back = __webpack_require__(4457);
;// CONCATENATED MODULE: ./src/steps/lambda-codedeploy-follow.ts
// One Lambda function's CodeDeploy deployment as the one poll loop follows it (a Followed,
// like an ECS service's rollout): GetDeployment batched with the others' (DEPLOYMENTS),
// judged by the same CodeDeployWatch as ECS deployments; then settled: a failure the step
// made (timeout, cancelled job, another function failed) is stopped with rollback, and a
// rollback CodeDeploy made is followed until the alias is back on its previous version.









class FunctionDeployment {
    what;
    name;
    target;
    watch;
    group;
    plan;
    deps;
    /** Ended by the step because another function failed (not by CodeDeploy). */
    stoppedForOther = false;
    constructor(target, group, plan, deps) {
        this.target = target;
        this.group = group;
        this.plan = plan;
        this.name = target.functionName;
        this.what = `CodeDeploy deployment ${target.deploymentId} of Lambda function '${target.functionName}'`;
        this.deps = { ...deps, log: (0,src_deps/* withPrefix */.Fe)(deps.log, `${target.functionName}: `) };
        this.watch = new codedeploy_follow/* CodeDeployWatch */.yJ({
            deploymentId: target.deploymentId,
            goal: 'completed',
            intervalMs: (0,codedeploy_poll/* codeDeployIntervalMs */.Cj)(plan.options.wait),
            timeoutMs: plan.options.wait.timeoutMs,
            hooks: target.hooks,
            watched: (0,codedeploy_group/* alarmsWatch */.md)(plan.codeDeployGroup),
        }, this.deps);
    }
    wants(request) {
        request.want(codedeploy_follow/* DEPLOYMENTS */.$i, this.target.deploymentId);
    }
    async observe(snapshot) {
        // This poll's answer is read even after another function failed: one that ended meanwhile keeps its own verdict.
        const other = this.group.failed === this.name ? undefined : this.group.failed;
        const answer = snapshot.get(codedeploy_follow/* DEPLOYMENTS */.$i, this.target.deploymentId);
        if (answer instanceof Error)
            throw answer;
        const verdict = answer === undefined ? undefined : await this.watch.observe(answer);
        if (verdict === undefined || verdict.state === 'pending') {
            if (other === undefined)
                return { state: this.watch.stateLine(), nextMs: this.watch.nextDelayMs() };
            this.stoppedForOther = true;
            return { verdict: this.otherFailed(other) };
        }
        if (verdict.state === 'succeeded') {
            this.deps.log.info(`Deployment ${this.target.deploymentId} Succeeded: alias ${this.target.alias} is on version ${this.target.to}.`);
            return { verdict: { state: 'succeeded' } };
        }
        this.group.failed ??= this.name;
        return { verdict };
    }
    interrupted(error) {
        return (0,src_failure/* failureOf */.g)(error, this.deps.log);
    }
    async conclude(verdict) {
        return verdict;
    }
    /**
     * The function's result once every deployment has a verdict (`undefined`: never followed,
     * because another function's CreateDeployment was refused). With `otherFailed` set, a
     * success is put back too: the functions of a step are judged together.
     */
    async settle(verdict, otherFailed) {
        const report = {
            changed: true,
            codeDeploy: {
                deploymentId: this.target.deploymentId,
                group: this.plan.options.codeDeploy?.deploymentGroup ?? '',
                ...(this.watch.last === undefined ? {} : { snapshot: this.watch.last }),
            },
        };
        const other = otherFailed !== undefined && otherFailed !== this.name ? otherFailed : undefined;
        if (verdict?.state === 'succeeded') {
            if (other === undefined)
                return { ...report, verdict };
            return { ...report, ...(await this.aliasBack(this.putBackFor(other))) };
        }
        const failure = verdict ?? this.otherFailed(other ?? '?');
        if (verdict === undefined || this.stoppedForOther || codedeploy_deployment/* STEP_FAILURES */.PG.has(failure.kind))
            return { ...report, ...(await this.stop(failure)) };
        // CodeDeploy failed it: its own rollback (if the group has one) is followed until the alias is back.
        const { ok, line } = await this.followRollback();
        if (ok)
            return { ...report, verdict: (0,plan_verdict/* withDetails */.FE)(failure, [line]) };
        // No rollback of CodeDeploy's put it back: the step does, as after any failed Lambda deploy.
        return { ...report, ...(await this.aliasBack((0,plan_verdict/* withDetails */.FE)(failure, [line]))) };
    }
    otherFailed(other) {
        return (0,plan_verdict/* failed */.gz)('rolled-back', `stopped because Lambda function '${other}' failed: the functions of a step are deployed together, so alias ${this.target.alias} goes back to version ${this.target.from}.`);
    }
    /** StopDeployment with rollback; after a cancelled job only started (the post step follows it). */
    async stop(failure) {
        const to = `version ${this.target.from}`;
        try {
            await (0,codedeploy_rollback/* startCodeDeployRollback */.r1)(this.deps, this.target.deploymentId);
        }
        catch (error) {
            const reason = `StopDeployment with rollback: ${(0,src_failure/* failureOf */.g)(error, this.deps.log).reason}`;
            // It ended between the last poll and the stop (Succeeded): its alias goes back as a success's would.
            if (this.stoppedForOther) {
                const back = await this.aliasBack(this.putBackFor(this.group.failed ?? '?'));
                return { ...back, verdict: (0,plan_verdict/* isFailure */.N6)(back.verdict) ? (0,plan_verdict/* withDetails */.FE)(back.verdict, [reason]) : back.verdict };
            }
            return { verdict: (0,plan_verdict/* withDetails */.FE)(failure, [reason]) };
        }
        if (failure.kind === 'cancelled') {
            const follow = {
                controller: 'codedeploy',
                codeDeployDeploymentId: this.target.deploymentId,
                functionName: this.target.functionName,
            };
            return { verdict: failure, rollback: { by: 'stop-deployment', verdict: { state: 'started' }, to, follow } };
        }
        const { ok, line } = await this.followRollback();
        const rollback = {
            by: 'stop-deployment',
            verdict: ok ? { state: 'succeeded' } : (0,plan_verdict/* failed */.gz)('rolled-back', line),
            to,
        };
        return { verdict: (0,plan_verdict/* withDetails */.FE)(failure, [line]), rollback };
    }
    followRollback() {
        return (0,codedeploy_rollback/* followCodeDeployRollback */.G$)(this.deps, {
            deploymentId: this.target.deploymentId,
            intervalMs: (0,codedeploy_poll/* codeDeployIntervalMs */.Cj)(this.plan.options.wait),
            timeoutMs: this.plan.options.wait.timeoutMs,
            restored: `alias ${this.target.alias} is on version ${this.target.from} again`,
        });
    }
    putBackFor(other) {
        const { alias, from } = this.target;
        return (0,plan_verdict/* failed */.gz)('rolled-back', `alias ${alias} put back on version ${from} because Lambda function '${other}' failed.`);
    }
    /** The alias back on its previous version with no routing (UpdateAlias): after another function failed, or when CodeDeploy left it moved. */
    async aliasBack(failure) {
        const { functionName, alias, from } = this.target;
        const to = `version ${from}`;
        try {
            this.deps.log.info(`${await (0,lambda_alias_back/* putAliasBack */.j)(this.deps.clients.lambda, { functionName, alias }, { version: from })}.`);
            return { verdict: failure, rollback: { by: 'update-alias', verdict: { state: 'succeeded' }, to } };
        }
        catch (error) {
            const reason = (0,src_failure/* failureOf */.g)(error, this.deps.log).reason;
            return {
                verdict: (0,plan_verdict/* withDetails */.FE)(failure, [`Could not put alias ${alias} back on version ${from}: ${reason}`]),
                rollback: { by: 'update-alias', verdict: (0,plan_verdict/* failed */.gz)('error', reason), to },
            };
        }
    }
}

;// CONCATENATED MODULE: ./src/steps/lambda-plan.ts
// What prepareLambda decides for each function, shared by the whole-mode step
// (steps/lambda.ts) and one function's deploy (steps/lambda-function.ts).


/**
 * A gradual schedule or alarms: the shift is planned, logged and summarised as such. Every
 * alias moves through the traffic driver (steps/lambda-shift.ts) either way, all functions
 * together; a plain all-at-once move is its one-step schedule.
 */
function shiftsTraffic(options) {
    return options.alias !== undefined && (options.traffic.kind !== 'all-at-once' || options.alarms.length > 0);
}
function decide(planned, options, target) {
    return (0,lambda_update/* decideLambdaUpdate */.zA)({
        function: planned.function,
        target,
        publish: options.publish,
        ...(options.alias === undefined ? {} : { alias: { name: options.alias, current: planned.alias } }),
    });
}
/** Several functions deploy at once, so every line says which one it is about. */
function functionLogger(log, name) {
    return (0,src_deps/* withPrefix */.Fe)(log, `${name}: `);
}
function resultBase(planned, plan) {
    const previousImage = (0,lambda_update/* runningImage */.$z)(planned.function);
    const previousAliasVersion = planned.alias?.alias.FunctionVersion;
    return {
        ...(previousAliasVersion === undefined ? {} : { previousAliasVersion }),
        functionName: planned.functionName,
        functionArn: planned.functionArn,
        image: plan.image.reference,
        changes: planned.decision.changes,
        ...(previousImage === undefined ? {} : { previousImage }),
        ...(plan.options.alias === undefined ? {} : { alias: plan.options.alias }),
    };
}
function versionField(version) {
    return version === undefined ? {} : { version };
}

;// CONCATENATED MODULE: ./src/steps/lambda-codedeploy.ts
// Lambda through CodeDeploy (the codedeploy-* inputs without mode ecs): prepare checks the
// deployment group (compute platform Lambda) and each alias; once every function published
// its version, one CreateDeployment per function moves its alias (a Lambda AppSpec), and
// every deployment is followed by the one poll loop (steps/follow-loop.ts) with the same
// CodeDeploy follower as ECS services. One function's failure stops and rolls back the others.











/** Read-only: the deployment group exists and deploys Lambda functions; throws UserError otherwise. */
async function readLambdaGroup(options, deps) {
    const { application, deploymentGroup } = options;
    const group = await (0,codedeploy/* getDeploymentGroup */.$o)(await deps.clients.codedeploy(), application, deploymentGroup);
    if (group === undefined) {
        throw new errors/* UserError */.yo(`Deployment group '${deploymentGroup}' of CodeDeploy application '${application}' does not exist: check inputs '${names/* Input */.pd.codedeployApplication}' and '${names/* Input */.pd.codedeployDeploymentGroup}' (and the region). Nothing was changed.`);
    }
    const problem = (0,lambda_appspec/* lambdaGroupProblem */.I$)(group);
    if (problem !== undefined)
        throw new errors/* UserError */.yo(`The Lambda functions cannot be deployed: ${problem}. Nothing was changed.`);
    const config = options.deploymentConfig ?? group.deploymentConfigName ?? 'the group default';
    deps.log.info(`The aliases move through CodeDeploy: deployment group '${deploymentGroup}' of application '${application}', deployment config ${config}.`);
    return group;
}
/** CodeDeploy shifts an existing alias between published versions: anything else is refused before any change. */
function checkAliasDeployable(functionName, options, alias) {
    if (options.codeDeploy === undefined || options.alias === undefined)
        return;
    const problem = (0,lambda_appspec/* lambdaAliasProblem */.Z_)(functionName, options.alias, alias?.alias.FunctionVersion);
    if (problem !== undefined)
        throw new errors/* UserError */.yo(problem);
}
/** The dry run's plan: the group, and the AppSpec each function would be deployed with. */
function logPlannedDeployments(plan, deps) {
    const options = plan.options.codeDeploy;
    if (options === undefined)
        return;
    for (const planned of plan.functions) {
        if (planned.decision.skip)
            continue;
        const log = functionLogger(deps.log, planned.functionName);
        const spec = appSpecFor(plan, planned.functionName, planned.alias?.alias.FunctionVersion ?? '?', '<the version this run publishes>');
        log.info(`Dry run: would create a CodeDeploy deployment in group '${options.deploymentGroup}' of application '${options.application}' with this AppSpec:`);
        log.info((0,codedeploy_appspec/* appSpecText */.KM)(spec));
    }
}
/**
 * Deploys every function that published a version through CodeDeploy, together. When a
 * function failed before, no deployment is created (its version stays published, unused).
 */
async function applyCodeDeploy(plan, functions, deps) {
    const failedOne = functions.find((f) => (0,plan_verdict/* isFailure */.N6)(f.verdict));
    if (failedOne !== undefined) {
        deps.log.info(`no CodeDeploy deployment was created: '${failedOne.functionName}' failed before the alias move.`);
        return { functions };
    }
    const targets = deploymentTargets(plan, functions, deps);
    if (targets.length === 0)
        return { functions };
    const started = deps.now();
    const cd = await deps.clients.codedeploy();
    const created = await Promise.allSettled(targets.map((t) => start(plan, t, deps)));
    const following = created.flatMap((c) => (c.status === 'fulfilled' ? [c.value] : []));
    const refused = created.flatMap((c, i) => (c.status === 'rejected' ? [[targets[i], c.reason]] : []));
    const group = { failed: refused[0]?.[0]?.functionName };
    const watched = following.map((f) => new FunctionDeployment(f, group, plan, { ...deps, codedeploy: cd }));
    const verdicts = refused.length > 0
        ? new Map()
        : await (0,follow_loop/* followAll */.Z)(watched, { timeoutMs: plan.options.wait.timeoutMs, intervalMs: (0,codedeploy_poll/* codeDeployIntervalMs */.Cj)(plan.options.wait) }, deps);
    // A failure the loop ended (a timeout, an error) puts the others back as well as one CodeDeploy reported.
    group.failed ??= watched.find((w) => (0,plan_verdict/* isFailure */.N6)(verdicts.get(w) ?? { state: 'succeeded' }))?.target.functionName;
    const settled = new Map(await Promise.all(watched.map(async (w) => [w.target.functionName, await w.settle(verdicts.get(w), group.failed)])));
    const took = deps.now() - started;
    return {
        functions: functions.map((f) => {
            const why = refused.find(([t]) => t?.functionName === f.functionName)?.[1];
            if (why !== undefined)
                return { ...f, verdict: (0,src_failure/* failureOf */.g)(why, functionLogger(deps.log, f.functionName)) };
            const outcome = settled.get(f.functionName);
            return outcome === undefined ? f : { ...f, ...outcome, durationMs: f.durationMs + took };
        }),
    };
}
/** Each function whose alias must move to the version it published; an alias already there is left alone. */
function deploymentTargets(plan, functions, deps) {
    const alias = plan.options.alias;
    if (alias === undefined)
        return [];
    return functions.flatMap((f) => {
        const planned = plan.functions.find((p) => p.functionName === f.functionName);
        const from = planned?.alias?.alias.FunctionVersion;
        if (f.verdict.state !== 'succeeded' || f.version === undefined || from === undefined)
            return [];
        if (from === f.version) {
            functionLogger(deps.log, f.functionName).info(`alias ${alias} already points at version ${f.version}: nothing to deploy.`);
            return [];
        }
        return [{ functionName: f.functionName, alias, from, to: f.version }];
    });
}
function appSpecFor(plan, functionName, from, to) {
    return (0,lambda_appspec/* lambdaAppSpec */.IQ)({ functionName, alias: plan.options.alias ?? '', currentVersion: from, targetVersion: to }, plan.options.codeDeploy?.appSpec?.file);
}
/** CreateDeployment for one function: its alias from `from` to `to`. */
async function start(plan, target, deps) {
    const options = plan.options.codeDeploy;
    if (options === undefined)
        throw new Error('applyCodeDeploy ran without the codedeploy-* inputs');
    const spec = appSpecFor(plan, target.functionName, target.from, target.to);
    const deploymentId = await (0,codedeploy/* createDeployment */.Yy)(await deps.clients.codedeploy(), {
        application: options.application,
        group: options.deploymentGroup,
        appSpec: (0,codedeploy_appspec/* appSpecText */.KM)(spec),
        ...(options.deploymentConfig === undefined ? {} : { deploymentConfig: options.deploymentConfig }),
        description: `image-deploy: ${target.functionName} alias ${target.alias} ${target.from} -> ${target.to}`,
    });
    functionLogger(deps.log, target.functionName).info(`Created CodeDeploy deployment ${deploymentId}: alias ${target.alias} from version ${target.from} to ${target.to}.`);
    return { ...target, deploymentId, hooks: (0,codedeploy_appspec/* hooksOf */.uj)(spec) };
}

// EXTERNAL MODULE: ./src/retry.ts
var retry = __webpack_require__(9809);
// EXTERNAL MODULE: ./src/wait.ts
var wait = __webpack_require__(910);
;// CONCATENATED MODULE: ./src/steps/lambda-function.ts
// One Lambda function's deploy, once planned: update the code (waiting out other updates),
// wait for the update, verify the digest and publish; the alias moves with every other
// function's, through the traffic shift (steps/lambda-traffic.ts).








/**
 * One function's deploy up to its published version; its failures become a 'failed' verdict
 * so the others carry on. The alias is left for the shift that moves every alias together.
 */
async function applyFunction(planned, plan, deps) {
    const started = deps.now();
    const run = {
        name: planned.functionName,
        plan,
        deps,
        log: functionLogger(deps.log, planned.functionName),
        deadline: started + plan.options.wait.timeoutMs,
        changed: false,
    };
    const finish = (fields) => ({
        ...resultBase(planned, plan),
        changed: run.changed,
        ...versionField(run.published),
        durationMs: deps.now() - started,
        ...fields,
    });
    try {
        if (planned.decision.skip)
            return finish({ verdict: { state: 'unchanged' }, ...versionField(planned.alias?.alias.FunctionVersion) });
        const { snapshot, decision } = await deployCode(run, planned);
        if (decision.skip) {
            run.log.info(`nothing left to change: it runs ${plan.digest}.`);
            return finish({ verdict: { state: 'unchanged' }, ...versionField(planned.alias?.alias.FunctionVersion) });
        }
        const version = decision.publish ? await publish(run, snapshot) : undefined;
        return finish({ verdict: { state: 'succeeded' }, changes: decision.changes, ...versionField(version) });
    }
    catch (error) {
        return finish({ verdict: (0,src_failure/* failureOf */.g)(error, run.log) });
    }
}
/**
 * Updates the code unless the function turns out to run the target already, then waits for
 * the update and checks the digest. A function busy with another update (before we start,
 * or answering ResourceConflictException) is waited for, read again and decided again.
 */
async function deployCode(run, planned) {
    const { deps, name, plan } = run;
    let snapshot = planned.function;
    let decision = planned.decision;
    let refresh = decision.waitFirst;
    let updated = false;
    await (0,retry/* retrying */.R$)(async () => {
        if (refresh) {
            await waitUntilIdle(run);
            snapshot = await readAgain(run);
            decision = decide({ function: snapshot, alias: planned.alias }, plan.options, {
                reference: plan.image.reference,
                digest: plan.digest,
            });
            for (const line of decision.changes)
                run.log.info(`  now: ${line}`);
        }
        refresh = true;
        if (!decision.updateCode)
            return;
        const revisionId = snapshot.configuration.RevisionId;
        try {
            await (0,aws_lambda/* updateFunctionCode */.l)(deps.clients.lambda, {
                functionName: name,
                imageUri: plan.image.reference,
                revisionId,
            });
        }
        catch (error) {
            if ((0,errors/* awsErrorName */.ZH)(error) === 'PreconditionFailedException') {
                throw new errors/* UserError */.yo(`someone else changed the function after it was read (its RevisionId is no longer ${revisionId ?? '(none)'}), so the image was not updated: check who deploys it at the same time, then run the deploy again.`, { cause: error });
            }
            throw error;
        }
        run.changed = true;
        updated = true;
        run.log.info(`UpdateFunctionCode sent: ${plan.image.reference}`);
    }, {
        what: `UpdateFunctionCode of '${name}'`,
        retryable: (error) => (0,errors/* awsErrorName */.ZH)(error) === 'ResourceConflictException' ? 'another update is in progress' : undefined,
        timeoutMs: remaining(run),
    }, { ...deps, log: run.log });
    if (!updated)
        return { snapshot, decision };
    const outcome = await (0,wait/* waitFor */.fm)({
        what: `the code update of Lambda function '${name}'`,
        intervalMs: plan.options.wait.intervalMs,
        timeoutMs: remaining(run),
        onProgress: (line) => run.log.info(line),
        check: async () => {
            const progress = (0,lambda_update/* classifyFunctionUpdate */._b)(await (0,aws_lambda/* getFunctionConfiguration */.td)(deps.clients.lambda, name));
            return progress.state === 'pending' ? { done: false, state: progress.line } : { done: true, value: progress };
        },
    }, deps);
    if (outcome.state === 'failed')
        throw new src_failure/* VerdictError */.a((0,plan_verdict/* failed */.gz)('update-failed', outcome.reason));
    snapshot = await readAgain(run);
    const digest = (0,lambda_update/* runningDigest */.qk)(snapshot);
    if (digest !== plan.digest) {
        throw new errors/* UserError */.yo(`the function runs ${digest ?? '(no digest reported)'}, not ${plan.digest}: another deploy changed it meanwhile, or the tag in '${plan.image.reference}' was moved after it was resolved.`);
    }
    run.log.info(`update Successful: it runs ${digest}.`);
    return { snapshot, decision };
}
/** Waits until no update is in flight (LastUpdateStatus InProgress or State Pending). */
async function waitUntilIdle(run) {
    const { deps, name } = run;
    await (0,wait/* waitFor */.fm)({
        what: `the update in progress on Lambda function '${name}' to finish`,
        intervalMs: run.plan.options.wait.intervalMs,
        timeoutMs: remaining(run),
        onProgress: (line) => run.log.info(`waiting for another update: ${line}`),
        check: async () => {
            const configuration = await (0,aws_lambda/* getFunctionConfiguration */.td)(deps.clients.lambda, name);
            return (0,lambda_update/* isUpdating */.DS)(configuration)
                ? { done: false, state: progressWords(configuration) }
                : { done: true, value: true };
        },
    }, deps);
}
function progressWords(configuration) {
    return `update ${configuration.LastUpdateStatus ?? 'unknown'}, state ${configuration.State ?? 'unknown'}`;
}
async function readAgain(run) {
    const found = await (0,aws_lambda/* getFunction */.N9)(run.deps.clients.lambda, run.name);
    if (!found)
        throw new errors/* UserError */.yo(`the function was deleted while deploying (region '${run.plan.options.region}').`);
    return found;
}
/** Publishes what $LATEST holds now, guarded by its CodeSha256 and RevisionId, and waits until Active. */
async function publish(run, snapshot) {
    const { deps, name } = run;
    const { CodeSha256: codeSha256, RevisionId: revisionId } = snapshot.configuration;
    if (codeSha256 === undefined)
        throw new Error(`GetFunction for '${name}' reported no CodeSha256 to publish`);
    const version = await (0,aws_lambda/* publishVersion */.Qt)(deps.clients.lambda, { functionName: name, codeSha256, revisionId }).then((published) => published.Version ?? '', (error) => {
        if ((0,errors/* awsErrorName */.ZH)(error) !== 'PreconditionFailedException')
            throw error;
        throw new errors/* UserError */.yo(`someone else changed the function before its version was published (RevisionId ${revisionId ?? '(none)'} no longer matches), so no version was published: run the deploy again.`, { cause: error });
    });
    run.changed = true;
    run.published = version;
    run.log.info(`published version ${version}.`);
    const outcome = await (0,wait/* waitFor */.fm)({
        what: `version ${version} of Lambda function '${name}' to become Active`,
        intervalMs: run.plan.options.wait.intervalMs,
        timeoutMs: remaining(run),
        onProgress: (line) => run.log.info(line),
        check: async () => {
            const progress = (0,lambda_update/* classifyVersionState */.kY)(await (0,aws_lambda/* getFunctionConfiguration */.td)(deps.clients.lambda, name, version));
            return progress.state === 'pending' ? { done: false, state: progress.line } : { done: true, value: progress };
        },
    }, deps);
    if (outcome.state === 'failed')
        throw new src_failure/* VerdictError */.a((0,plan_verdict/* failed */.gz)('update-failed', outcome.reason));
    return version;
}
function remaining(run) {
    return Math.max(0, run.deadline - run.deps.now());
}

// EXTERNAL MODULE: ./node_modules/@aws-sdk/client-cloudwatch/dist-cjs/index.js
var dist_cjs = __webpack_require__(4085);
;// CONCATENATED MODULE: ./src/aws/cloudwatch.ts


/** DescribeAlarms takes at most 100 names a call. */
const ALARMS_PER_CALL = 100;
/** The state of each named alarm (metric and composite) that exists; one call per 100 names. */
async function describeAlarms(cloudwatch, names) {
    const states = [];
    for (let start = 0; start < names.length; start += ALARMS_PER_CALL) {
        const chunk = names.slice(start, start + ALARMS_PER_CALL);
        try {
            const out = await cloudwatch.send(new dist_cjs.DescribeAlarmsCommand({
                AlarmNames: chunk,
                AlarmTypes: ['MetricAlarm', 'CompositeAlarm'],
                MaxRecords: ALARMS_PER_CALL,
            }));
            for (const alarm of [...(out.MetricAlarms ?? []), ...(out.CompositeAlarms ?? [])]) {
                if (alarm.AlarmName === undefined)
                    continue;
                states.push({
                    name: alarm.AlarmName,
                    state: alarm.StateValue ?? 'unknown',
                    ...(alarm.StateReason ? { reason: alarm.StateReason } : {}),
                });
            }
        }
        catch (error) {
            throw new errors/* AwsCallError */.iQ(`DescribeAlarms for ${chunk.map((n) => `'${n}'`).join(', ')}`, error);
        }
    }
    return states;
}

// EXTERNAL MODULE: ./src/plan/lambda-traffic.ts
var lambda_traffic = __webpack_require__(956);
;// CONCATENATED MODULE: ./src/steps/lambda-shift.ts
// Lambda traffic shifting: every function's alias moves through one schedule in lockstep
// (UpdateAlias with RoutingConfig), watched on every poll by the CloudWatch alarms and the
// aliases' provisioned concurrency; any failure or cancellation puts every alias it moved
// back on its previous version with no routing.








/** Runs the schedule for every target; never throws: a failure comes back with what was put back. */
async function shiftTraffic(targets, options, deps) {
    const report = {
        schedule: options.schedule,
        steps: [],
        alarms: options.alarms.map((name) => ({ name, state: 'not read yet' })),
    };
    const states = targets.map((target) => ({
        target,
        moved: false,
        created: false,
        weight: 0,
        ...(target.revisionId ? { revisionId: target.revisionId } : {}),
    }));
    const deadline = deps.now() + options.timeoutMs;
    const run = { options, deps, report, states, deadline, culprit: undefined };
    try {
        await checkAlarms(run, 'before the first alias change');
        for (const [index, step] of options.steps.entries()) {
            (0,wait/* throwIfStopped */.$J)(deps.cancel, `step ${index + 1}/${options.steps.length} of the traffic shift`);
            // Settled, not raced: an alias still being moved when another fails must be known as moved before the put-back.
            const moves = await Promise.allSettled(states.map((state) => moveOne(run, state, step)));
            const refused = moves.find((m) => m.status === 'rejected');
            if (refused !== undefined)
                throw refused.reason;
            report.steps.push({ at: deps.now(), weight: step.weight });
            deps.log.info(`step ${index + 1}/${options.steps.length}: ${aliasesLine(states)}.`);
            await watch(run, step, index);
        }
        return { report };
    }
    catch (error) {
        const failure = (0,src_failure/* failureOf */.g)(error, deps.log);
        const reached = report.steps.at(-1);
        const how = reached !== undefined
            ? `the shift had reached ${(0,lambda_traffic/* percentOf */.pR)(reached.weight)} (step ${report.steps.length}/${options.steps.length})`
            : states.some((s) => s.moved || s.created)
                ? `step 1/${options.steps.length} had moved only some aliases`
                : 'no alias had moved yet';
        const putBack = await (0,lambda_alias_back/* putBackAll */.k)(states, deps);
        report.putBack = putBack;
        const verdict = (0,plan_verdict/* failed */.gz)(failure.kind, `${failure.reason} (${how})`, [
            ...failure.details,
            ...putBack.map((line) => `put back: ${line}`),
        ]);
        return { report, failure: verdict, ...(run.culprit === undefined ? {} : { culprit: run.culprit }) };
    }
}
/** One alias to this step's weight: routing below 100%, the new version alone at 100%. */
async function moveOne(run, state, step) {
    const { target } = state;
    const { lambda } = run.deps.clients;
    try {
        if (target.from === undefined) {
            // No traffic to shift from: the alias is created on the new version at the first step.
            if (!state.created) {
                await (0,aws_lambda/* createAlias */.lB)(lambda, { functionName: target.functionName, alias: target.alias, version: target.to });
                state.created = true;
                state.provisioned = undefined;
            }
            state.weight = 1;
            return;
        }
        const weights = step.weight >= 1 ? {} : { [target.to]: step.weight };
        const version = step.weight >= 1 ? target.to : target.from;
        const moved = await (0,aws_lambda/* shiftAlias */.RC)(lambda, {
            functionName: target.functionName,
            alias: target.alias,
            version,
            weights,
            ...(state.revisionId ? { revisionId: state.revisionId } : {}),
        });
        state.moved = true;
        state.weight = step.weight;
        state.provisioned = state.provisioned === false ? false : undefined;
        if (moved.RevisionId !== undefined)
            state.revisionId = moved.RevisionId;
    }
    catch (error) {
        run.culprit ??= target.functionName;
        throw new errors/* UserError */.yo(`Lambda function '${target.functionName}': moving alias ${target.alias} to ${(0,lambda_traffic/* percentOf */.pR)(step.weight)} on version ${target.to} failed: ${(0,errors/* messageOf */.bD)(error)}`, { cause: error });
    }
}
/**
 * Holds the step: polls alarms, aliases and provisioned concurrency until the hold is over
 * and every alias with provisioned concurrency is READY. Per poll: one DescribeAlarms for
 * all alarms, one GetAlias per function (from the second poll of a step on), one
 * GetProvisionedConcurrencyConfig per alias that has it. An alias without provisioned
 * concurrency costs one call after its first change, and no wait.
 */
async function watch(run, step, index) {
    const { deps, options, states } = run;
    const holdUntil = deps.now() + step.holdMs;
    const label = `step ${index + 1}/${options.steps.length} (${(0,lambda_traffic/* percentOf */.pR)(step.weight)})`;
    // The first poll follows our own UpdateAlias, whose answer said where each alias is.
    let movedJustNow = true;
    await (0,wait/* waitFor */.fm)({
        what: `${label} of the traffic shift`,
        intervalMs: options.intervalMs,
        timeoutMs: Math.max(0, run.deadline - deps.now()),
        onProgress: (line) => deps.log.info(line),
        check: async () => {
            const aliases = movedJustNow ? [] : states;
            movedJustNow = false;
            const [alarms, , provisioning] = await Promise.all([
                checkAlarms(run, `during ${label}`),
                Promise.all(aliases.map((s) => checkAlias(run, s))),
                Promise.all(states.map((s) => checkProvisioned(run, s))),
            ]);
            const pending = provisioning.filter((line) => line !== undefined);
            const left = holdUntil - deps.now();
            if (pending.length === 0 && left <= 0)
                return { done: true, value: true };
            const parts = [label, alarms, ...pending];
            if (left > 0)
                parts.push(`holding until ${new Date(holdUntil).toISOString().slice(11, 19)}Z`);
            return {
                done: false,
                state: parts.filter((p) => p !== '').join('; '),
                ...(pending.length === 0 ? { nextMs: Math.min(options.intervalMs, left) } : {}),
            };
        },
    }, deps);
}
/** One DescribeAlarms for all; an alarm in ALARM (or one that does not exist) fails the shift. */
async function checkAlarms(run, when) {
    const names = run.options.alarms;
    if (names.length === 0)
        return '';
    const seen = await describeAlarms(run.deps.clients.cloudwatch, names);
    const byName = new Map(seen.map((a) => [a.name, a]));
    run.report.alarms = names.map((name) => byName.get(name) ?? { name, state: 'not found' });
    const { missing, firing } = (0,lambda_traffic/* judgeAlarms */.eX)(names, seen);
    if (missing.length > 0) {
        throw new errors/* UserError */.yo(`CloudWatch alarm ${missing.map((n) => `'${n}'`).join(', ')} named in 'lambda-alarms' was not found ${when}: check the names and the region (an alarm that does not exist cannot stop a bad version).`);
    }
    if (firing !== undefined) {
        throw new src_failure/* VerdictError */.a((0,plan_verdict/* failed */.gz)('rolled-back', `CloudWatch alarm '${firing.name}' is in ALARM ${when}: ${firing.reason ?? 'CloudWatch gave no reason'}`));
    }
    return `alarms ${run.report.alarms.map((a) => `${a.name} ${a.state}`).join(', ')}`;
}
/** Someone else moving the alias mid-shift makes our weights meaningless: fail and put back. */
async function checkAlias(run, state) {
    const { target } = state;
    const alias = await (0,aws_lambda/* getAlias */.bd)(run.deps.clients.lambda, target.functionName, target.alias);
    const expectedVersion = state.weight >= 1 ? target.to : target.from;
    const weight = alias?.RoutingConfig?.AdditionalVersionWeights?.[target.to] ?? 0;
    const expectedWeight = state.weight >= 1 ? 0 : state.weight;
    if (alias === undefined || alias.FunctionVersion !== expectedVersion || Math.abs(weight - expectedWeight) > 1e-6) {
        run.culprit ??= target.functionName;
        const now = alias === undefined
            ? 'it was deleted'
            : `it is on version ${alias.FunctionVersion ?? '?'} with ${(0,lambda_traffic/* percentOf */.pR)(weight)} on ${target.to}`;
        throw new errors/* UserError */.yo(`Lambda function '${target.functionName}': alias ${target.alias} was changed by someone else during the shift (${now}).`);
    }
}
/** After an alias change Lambda provisions the version's environments: READY goes on, FAILED fails. */
async function checkProvisioned(run, state) {
    if (state.provisioned === false)
        return undefined;
    const { target } = state;
    const config = await (0,aws_lambda/* getProvisionedConcurrency */.yp)(run.deps.clients.lambda, target.functionName, target.alias);
    if (config === undefined) {
        state.provisioned = false;
        return undefined;
    }
    state.provisioned = true;
    const verdict = (0,lambda_traffic/* judgeProvisioned */.O5)(`${target.functionName}:${target.alias}`, {
        ...(config.Status === undefined ? {} : { status: config.Status }),
        ...(config.RequestedProvisionedConcurrentExecutions === undefined
            ? {}
            : { requested: config.RequestedProvisionedConcurrentExecutions }),
        ...(config.AllocatedProvisionedConcurrentExecutions === undefined
            ? {}
            : { allocated: config.AllocatedProvisionedConcurrentExecutions }),
        ...(config.StatusReason === undefined ? {} : { reason: config.StatusReason }),
    });
    if (verdict.state === 'failed') {
        run.culprit ??= target.functionName;
        throw new src_failure/* VerdictError */.a((0,plan_verdict/* failed */.gz)('update-failed', `Lambda function '${target.functionName}': ${verdict.reason}`));
    }
    return verdict.state === 'pending' ? verdict.line : undefined;
}
function aliasesLine(states) {
    return states
        .map(({ target, weight }) => weight >= 1
        ? `${target.functionName}:${target.alias} 100% on version ${target.to} (${target.from === undefined ? 'created' : `was ${target.from}`})`
        : `${target.functionName}:${target.alias} ${(0,lambda_traffic/* percentOf */.pR)(weight)} on version ${target.to}, the rest on ${target.from ?? '?'}`)
        .join('; ');
}

;// CONCATENATED MODULE: ./src/steps/lambda-traffic.ts
// The Lambda mode's traffic shift, around steps/lambda-shift.ts: what prepare checks before
// anything changes (the aliases can be shifted, no alarm is in ALARM), and how the shift's
// outcome becomes each function's verdict once every function published its version.








/** An alias another deploy is shifting, or one on $LATEST under a gradual schedule, is refused before any change. */
function checkAliasShiftable(functionName, options, alias) {
    if (alias === undefined || options.alias === undefined)
        return;
    const busy = (0,lambda_traffic/* routingInProgress */.rL)(functionName, options.alias, alias.alias);
    if (busy !== undefined)
        throw new errors/* UserError */.yo(busy);
    if (options.traffic.kind !== 'all-at-once' && alias.alias.FunctionVersion === '$LATEST') {
        throw new errors/* UserError */.yo(`Lambda function '${functionName}': alias ${options.alias} points at $LATEST, which Lambda cannot split traffic from: point it at a published version first, or use '${names/* Input */.pd.lambdaTraffic}: all-at-once'.`);
    }
}
/** Read-only: every alarm exists and none is in ALARM, so nothing is changed under a firing alarm. */
async function readAlarmsBeforeDeploy(options, deps) {
    if (options.alarms.length === 0)
        return undefined;
    const seen = await describeAlarms(deps.clients.cloudwatch, options.alarms);
    const { missing, firing } = (0,lambda_traffic/* judgeAlarms */.eX)(options.alarms, seen);
    if (missing.length > 0) {
        throw new errors/* UserError */.yo(`Input '${names/* Input */.pd.lambdaAlarms}' names ${missing.map((n) => `'${n}'`).join(', ')}, which CloudWatch does not have in region '${options.region}': check the names and the region.`);
    }
    if (firing !== undefined) {
        throw new errors/* UserError */.yo(`CloudWatch alarm '${firing.name}' is in ALARM (${firing.reason ?? 'no reason given'}): nothing was changed; deploy again once it is OK.`);
    }
    return seen;
}
function logTrafficPlan(plan, log) {
    const { options } = plan;
    log.info(`traffic: ${(0,lambda_traffic/* describeSchedule */.Bg)((0,lambda_traffic/* trafficSchedule */.bu)(options.traffic))} on alias ${options.alias ?? '?'}, all functions together.`);
    if (plan.alarms !== undefined)
        log.info(`alarms watched: ${plan.alarms.map((a) => `${a.name} ${a.state}`).join(', ')}.`);
}
/** The dry run's report: the schedule that would run. */
function plannedTraffic(plan) {
    return { schedule: (0,lambda_traffic/* describeSchedule */.Bg)((0,lambda_traffic/* trafficSchedule */.bu)(plan.options.traffic)), steps: [], alarms: plan.alarms ?? [] };
}
/**
 * Shifts every function that published a version, together. When a function failed before
 * its alias moved, no alias moves at all (the versions stay published, unused). `stop`
 * aborting (ecs failed in the same step) ends the shift like a cancel: every alias goes back.
 * The report is kept for a gradual schedule or alarms, and for any shift that failed.
 */
async function applyTraffic(plan, functions, deps, stop) {
    const watched = shiftsTraffic(plan.options);
    const report = plannedTraffic(plan);
    const failedOne = functions.find((f) => (0,plan_verdict/* isFailure */.N6)(f.verdict));
    if (failedOne !== undefined) {
        deps.log.info(`no alias was moved: '${failedOne.functionName}' failed before the traffic shift.`);
        return { functions, ...(watched ? { traffic: report } : {}) };
    }
    const targets = shiftTargets(plan, functions);
    if (targets.length === 0)
        return { functions, ...(watched ? { traffic: report } : {}) };
    const started = deps.now();
    const steps = (0,lambda_traffic/* trafficSchedule */.bu)(plan.options.traffic);
    const outcome = await shiftTraffic(targets, {
        steps,
        alarms: plan.options.alarms,
        intervalMs: plan.options.wait.intervalMs,
        timeoutMs: plan.options.wait.timeoutMs,
        schedule: report.schedule,
    }, { ...deps, cancel: (0,wait/* joinSignals */.oS)(deps.cancel, stop) });
    const shifted = new Set(targets.map((t) => t.functionName));
    const took = deps.now() - started;
    const failure = outcome.failure;
    const judged = functions.map((f) => {
        if (!shifted.has(f.functionName))
            return f;
        const durationMs = f.durationMs + took;
        if (failure === undefined)
            return { ...f, durationMs };
        const own = outcome.culprit === undefined || outcome.culprit === f.functionName;
        return {
            ...f,
            durationMs,
            verdict: own
                ? failure
                : (0,plan_verdict/* failed */.gz)('rolled-back', `alias put back because the traffic shift failed: ${failure.reason}`),
        };
    });
    const traffic = watched || failure !== undefined ? { traffic: outcome.report } : {};
    return { functions: judged, ...traffic, ...(failure === undefined ? {} : { verdict: failure }) };
}
function shiftTargets(plan, functions) {
    const alias = plan.options.alias;
    if (alias === undefined)
        return [];
    return functions.flatMap((f) => {
        const planned = plan.functions.find((p) => p.functionName === f.functionName);
        if (planned === undefined ||
            f.verdict.state !== 'succeeded' ||
            f.version === undefined ||
            planned.decision.alias === undefined)
            return [];
        const current = planned.alias?.alias;
        if (current?.FunctionVersion === f.version)
            return [];
        return [
            {
                functionName: f.functionName,
                alias,
                to: f.version,
                ...(current?.FunctionVersion === undefined ? {} : { from: current.FunctionVersion }),
                ...(current?.RevisionId === undefined ? {} : { revisionId: current.RevisionId }),
            },
        ];
    });
}

;// CONCATENATED MODULE: ./src/steps/lambda.ts










/** Read-only: looks at every function and decides; throws UserError before any change. */
async function prepareLambda(options, image, deps) {
    (0,lambda_update/* checkLambdaImage */.L7)(image, options.region);
    (0,lambda_names/* checkFunctionRegions */.OM)(options.functionNames, options.region);
    const { digest } = image;
    if (digest === undefined)
        throw new Error('checkLambdaImage let an image without a digest through');
    // Read every function even when one is wrong, so one run reports every problem.
    const target = { reference: image.reference, digest };
    const settled = await Promise.allSettled(options.functionNames.map((name) => readFunction(name, options, target, deps)));
    const problems = settled.flatMap((s) => (s.status === 'rejected' ? [s.reason] : []));
    const unexpected = problems.find((p) => !(p instanceof errors/* UserError */.yo));
    if (unexpected !== undefined)
        throw unexpected;
    if (problems.length > 0)
        throw new errors/* UserError */.yo(problems.map(errors/* messageOf */.bD).join('\n'));
    const functions = settled.flatMap((s) => (s.status === 'fulfilled' ? [s.value] : []));
    checkDistinct(functions);
    const alarms = await readAlarmsBeforeDeploy(options, deps);
    const group = options.codeDeploy === undefined ? undefined : await readLambdaGroup(options.codeDeploy, deps);
    for (const planned of functions)
        logPlan(planned, digest, functionLogger(deps.log, planned.functionName));
    const plan = {
        options,
        image,
        digest,
        functions,
        ...(alarms === undefined ? {} : { alarms }),
        ...(group === undefined ? {} : { codeDeployGroup: group }),
    };
    if (shiftsTraffic(options))
        logTrafficPlan(plan, deps.log);
    return plan;
}
/**
 * Updates, waits, verifies, publishes, moves the aliases; in a dry run returns 'planned'.
 * `stop` aborting (ecs failed beside it) ends the aliases' shift and puts them back.
 */
async function applyLambda(plan, deps, stop) {
    const { dryRun: dry, alias } = plan.options;
    const deployed = await Promise.all(plan.functions.map((planned) => (dry ? dryRun(planned, plan, deps) : applyFunction(planned, plan, deps))));
    // Through CodeDeploy (never beside ecs, so `stop` cannot end it): CodeDeploy moves the aliases.
    if (plan.options.codeDeploy !== undefined) {
        if (dry)
            logPlannedDeployments(plan, deps);
        const { functions } = dry ? { functions: deployed } : await applyCodeDeploy(plan, deployed, deps);
        return { functions, changed: functions.some((f) => f.changed), verdict: modeVerdict(functions, dry) };
    }
    if (dry) {
        const traffic = shiftsTraffic(plan.options) ? { traffic: plannedTraffic(plan) } : {};
        return { functions: deployed, ...traffic, changed: false, verdict: modeVerdict(deployed, dry) };
    }
    if (alias === undefined)
        return { functions: deployed, changed: deployed.some((f) => f.changed), verdict: modeVerdict(deployed, dry) };
    // Every alias moves together (all at once is a one-step schedule), once every function published its version.
    const { functions, traffic, verdict } = await applyTraffic(plan, deployed, deps, stop);
    return {
        functions,
        ...(traffic === undefined ? {} : { traffic }),
        changed: functions.some((f) => f.changed),
        verdict: verdict ?? modeVerdict(functions, false),
    };
}
// --- prepare --------------------------------------------------------------------------------
/** The mode's verdict: failed when any function failed, naming each one (the others keep theirs). */
function modeVerdict(functions, dryRun) {
    const failures = functions.flatMap((f) => (0,plan_verdict/* isFailure */.N6)(f.verdict) ? [{ name: f.functionName, failure: f.verdict }] : []);
    const [first, ...rest] = failures;
    if (first !== undefined) {
        const line = (f) => [`Lambda function '${f.name}': ${f.failure.reason}`, ...f.failure.details];
        return (0,plan_verdict/* failed */.gz)(first.failure.kind, line(first).join('\n'), rest.flatMap(line));
    }
    if (dryRun)
        return { state: functions.every((f) => f.verdict.state === 'unchanged') ? 'unchanged' : 'planned' };
    return { state: functions.some((f) => f.verdict.state === 'succeeded') ? 'succeeded' : 'unchanged' };
}
async function readFunction(name, options, target, deps) {
    const { lambda } = deps.clients;
    const found = await (0,aws_lambda/* getFunction */.N9)(lambda, name);
    if (!found) {
        throw new errors/* UserError */.yo(`Lambda function '${name}' was not found in region '${options.region}': check input '${names/* Input */.pd.functionName}' and '${names/* Input */.pd.region}' (and that these credentials may call lambda:GetFunction).`);
    }
    const packageType = found.configuration.PackageType ?? 'Zip';
    if (packageType !== 'Image') {
        throw new errors/* UserError */.yo(`Lambda function '${name}' is a ${packageType} function; image-deploy deploys container images: name a function created with package type Image (a function's package type cannot be changed).`);
    }
    const alias = options.alias === undefined ? undefined : await readAlias(name, options.alias, deps);
    checkAliasShiftable(name, options, alias);
    checkAliasDeployable(name, options, alias);
    const planned = {
        functionName: name,
        functionArn: found.configuration.FunctionArn ?? name,
        function: found,
        ...(alias === undefined ? {} : { alias }),
    };
    return { ...planned, decision: decide(planned, options, target) };
}
async function readAlias(functionName, alias, deps) {
    const { lambda } = deps.clients;
    const current = await (0,aws_lambda/* getAlias */.bd)(lambda, functionName, alias);
    if (current === undefined)
        return undefined;
    const version = current.FunctionVersion;
    // $LATEST has no fixed code to compare: the alias will be moved to a published version.
    if (version === undefined || version === '$LATEST')
        return { alias: current };
    const config = await (0,aws_lambda/* getFunctionConfiguration */.td)(lambda, functionName, version);
    return { alias: current, versionCodeSha256: config.CodeSha256 };
}
/** Two inputs naming one function (a name and its ARN) would race each other's updates. */
function checkDistinct(functions) {
    const byArn = new Map();
    for (const f of functions) {
        const earlier = byArn.get(f.functionArn);
        if (earlier !== undefined) {
            throw new errors/* UserError */.yo(`Input '${names/* Input */.pd.functionName}' names function ${f.functionArn} twice ('${earlier}' and '${f.functionName}'): list it once.`);
        }
        byArn.set(f.functionArn, f.functionName);
    }
}
function logPlan(planned, digest, log) {
    log.info(`runs ${(0,lambda_update/* runningImage */.$z)(planned.function) ?? '(no image reported)'}`);
    if (planned.decision.skip) {
        const alias = planned.alias
            ? `; alias ${planned.alias.alias.Name ?? ''} points at version ${planned.alias.alias.FunctionVersion ?? '?'}`
            : '';
        log.info(`nothing to change: it already runs ${digest}${alias}.`);
        return;
    }
    for (const line of planned.decision.changes)
        log.info(`  ${line}`);
}
// --- apply ----------------------------------------------------------------------------------
function dryRun(planned, plan, deps) {
    const { skip, changes } = planned.decision;
    if (!skip)
        functionLogger(deps.log, planned.functionName).info(`dry run, nothing sent; planned: ${changes.join('; ')}.`);
    return {
        ...resultBase(planned, plan),
        verdict: { state: skip ? 'unchanged' : 'planned' },
        changed: false,
        ...(skip ? versionField(planned.alias?.alias.FunctionVersion) : {}),
        durationMs: 0,
    };
}


/***/ }),

/***/ 910:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   $J: () => (/* binding */ throwIfStopped),
/* harmony export */   fm: () => (/* binding */ waitFor),
/* harmony export */   oS: () => (/* binding */ joinSignals)
/* harmony export */ });
/* unused harmony exports HEARTBEAT_MS, stopReason */
/* harmony import */ var _errors_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(3916);
/* harmony import */ var _plan_duration_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(2983);


const HEARTBEAT_MS = 60_000;
/**
 * The one poll loop. Polls at once, then every interval; never sleeps past the deadline,
 * so a timeout is reported when it happens, with the last state seen. Every wait ends on
 * the deps' cancel signal; work that must outlive a cancel passes `uncancellable(deps)`.
 */
async function waitFor(options, clock) {
    const started = clock.now();
    const deadline = started + options.timeoutMs;
    const heartbeat = options.heartbeatMs ?? HEARTBEAT_MS;
    let lastState;
    let lastSaid = started;
    const signal = clock.cancel;
    const cancelled = () => stopReason(signal) ??
        new _errors_js__WEBPACK_IMPORTED_MODULE_0__/* .CancelledError */ .cc(`The job was cancelled after ${(0,_plan_duration_js__WEBPACK_IMPORTED_MODULE_1__/* .formatDuration */ .a)(clock.now() - started)} waiting for ${options.what}. Last state: ${lastState ?? 'none yet'}`);
    for (;;) {
        if (isAborted(signal))
            throw cancelled();
        const poll = await options.check();
        if (poll.done)
            return poll.value;
        if (poll.state !== lastState) {
            options.onProgress(poll.state, 'changed');
            lastState = poll.state;
            lastSaid = clock.now();
        }
        else if (clock.now() - lastSaid >= heartbeat) {
            // Ten silent minutes read like a hung step: say what is awaited, and since when.
            options.onProgress(`still waiting for ${options.what} (${(0,_plan_duration_js__WEBPACK_IMPORTED_MODULE_1__/* .formatDuration */ .a)(clock.now() - started)} so far): ${poll.state}`, 'heartbeat');
            lastSaid = clock.now();
        }
        const remaining = deadline - clock.now();
        if (remaining <= 0) {
            throw new _errors_js__WEBPACK_IMPORTED_MODULE_0__/* .TimeoutError */ .MU(`Timed out after ${(0,_plan_duration_js__WEBPACK_IMPORTED_MODULE_1__/* .formatDuration */ .a)(clock.now() - started)} waiting for ${options.what}. Last state: ${lastState}`);
        }
        // The sleep wakes when the signal aborts (main.ts): one mechanism, checked here.
        await clock.sleep(Math.min(poll.nextMs ?? options.intervalMs, remaining), signal);
        if (isAborted(signal))
            throw cancelled();
    }
}
function isAborted(signal) {
    return signal?.aborted === true;
}
/** The UserError a signal was aborted with (why the step stops waiting), if it was aborted with one. */
function stopReason(signal) {
    const reason = signal?.aborted === true ? signal.reason : undefined;
    return reason instanceof _errors_js__WEBPACK_IMPORTED_MODULE_0__/* .UserError */ .yo ? reason : undefined;
}
/** Before work a stop must prevent (the next alias change): throws why the step stopped, or that the job was cancelled. */
function throwIfStopped(signal, before) {
    if (signal?.aborted !== true)
        return;
    throw stopReason(signal) ?? new _errors_js__WEBPACK_IMPORTED_MODULE_0__/* .CancelledError */ .cc(`The job was cancelled before ${before}.`);
}
/** The job's cancel signal joined with another stop signal: a wait ends on whichever aborts first. */
function joinSignals(...signals) {
    const present = signals.filter((s) => s !== undefined);
    return present.length <= 1 ? present[0] : AbortSignal.any(present);
}


/***/ })

};
