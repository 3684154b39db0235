export const id = 436;
export const ids = [436];
export const modules = {

/***/ 1032:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   C0: () => (/* binding */ listServiceDeployments),
/* harmony export */   Ge: () => (/* binding */ describeServices),
/* harmony export */   Jv: () => (/* binding */ describeService),
/* harmony export */   MH: () => (/* binding */ describeServiceDeployment),
/* harmony export */   Pr: () => (/* binding */ describeServiceDeployments),
/* harmony export */   S8: () => (/* binding */ stopTask),
/* harmony export */   XG: () => (/* binding */ describeServiceRevisions),
/* harmony export */   ZZ: () => (/* binding */ runTask),
/* harmony export */   bU: () => (/* binding */ updateService),
/* harmony export */   dD: () => (/* binding */ stopServiceDeployment),
/* harmony export */   dh: () => (/* binding */ describeTasksWithTags),
/* harmony export */   eQ: () => (/* binding */ registerTaskDefinition),
/* harmony export */   em: () => (/* binding */ listStoppedTasks),
/* harmony export */   fc: () => (/* binding */ listRunningTasks),
/* harmony export */   oh: () => (/* binding */ describeTaskDefinition),
/* harmony export */   yz: () => (/* binding */ describeTasks)
/* harmony export */ });
/* harmony import */ var _aws_sdk_client_ecs__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(212);
/* harmony import */ var _errors_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(3916);
/* harmony import */ var _raw_json_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(2402);



/** The service, or undefined when ECS reports it MISSING. */
async function describeService(ecs, ref) {
    return (await describeServices(ecs, ref.cluster, [ref.service])).get(ref.service);
}
/**
 * Several services of one cluster in one call (DescribeServices takes up to 10): each name
 * as given maps to its service, or to undefined when ECS reports it MISSING.
 */
async function describeServices(ecs, cluster, services) {
    try {
        const out = await ecs.send(new _aws_sdk_client_ecs__WEBPACK_IMPORTED_MODULE_2__.DescribeServicesCommand({ cluster, services }));
        const found = out.services ?? [];
        // A name may be given as the service's name or its ARN; ECS answers with both.
        const match = (ref) => found.find((s) => s.serviceArn === ref ||
            s.serviceName === ref ||
            (s.serviceName !== undefined && ref.endsWith(`/${s.serviceName}`)));
        // One asked, one answered: that is it, however ECS spells it (as describeService reads it).
        if (services.length === 1)
            return new Map(services.map((ref) => [ref, found[0]]));
        return new Map(services.map((ref) => [ref, match(ref)]));
    }
    catch (error) {
        throw new _errors_js__WEBPACK_IMPORTED_MODULE_0__/* .AwsCallError */ .iQ(`DescribeServices for ${services.map((s) => `'${s}'`).join(', ')} in cluster '${cluster}'`, error);
    }
}
async function describeTaskDefinition(ecs, ref) {
    const what = `DescribeTaskDefinition for '${ref}'`;
    const command = new _aws_sdk_client_ecs__WEBPACK_IMPORTED_MODULE_2__.DescribeTaskDefinitionCommand({ taskDefinition: ref, include: ['TAGS'] });
    const json = (await (0,_raw_json_js__WEBPACK_IMPORTED_MODULE_1__/* .sendForRawJson */ .U2)(ecs, command, what));
    if (!json?.taskDefinition)
        throw new _errors_js__WEBPACK_IMPORTED_MODULE_0__/* .AwsCallError */ .iQ(what, 'the response had no taskDefinition');
    return { taskDefinition: json.taskDefinition, tags: json.tags ?? [] };
}
/** Registers the definition with every member it has, and returns the new revision's ARN. */
async function registerTaskDefinition(ecs, taskDefinition, tags) {
    const raw = { ...taskDefinition, ...(tags.length > 0 ? { tags } : {}) };
    const command = new _aws_sdk_client_ecs__WEBPACK_IMPORTED_MODULE_2__.RegisterTaskDefinitionCommand(raw);
    (0,_raw_json_js__WEBPACK_IMPORTED_MODULE_1__/* .sendUnknownMembers */ .eZ)(command, raw);
    try {
        const out = await ecs.send(command);
        const arn = out.taskDefinition?.taskDefinitionArn;
        if (!arn)
            throw new Error('the response had no taskDefinitionArn');
        return arn;
    }
    catch (error) {
        throw new _errors_js__WEBPACK_IMPORTED_MODULE_0__/* .AwsCallError */ .iQ(`RegisterTaskDefinition for family '${String(taskDefinition.family)}'`, error);
    }
}
async function updateService(ecs, update) {
    return (0,_errors_js__WEBPACK_IMPORTED_MODULE_0__/* .asked */ .NZ)(`UpdateService for '${update.service}' in cluster '${update.cluster}'`, async () => {
        const out = await ecs.send(new _aws_sdk_client_ecs__WEBPACK_IMPORTED_MODULE_2__.UpdateServiceCommand({
            cluster: update.cluster,
            service: update.service,
            taskDefinition: update.taskDefinition,
            forceNewDeployment: update.forceNewDeployment,
            ...(update.desiredCount === undefined ? {} : { desiredCount: update.desiredCount }),
            ...(update.propagateTags === undefined ? {} : { propagateTags: update.propagateTags }),
            ...(update.enableEcsManagedTags === undefined ? {} : { enableECSManagedTags: update.enableEcsManagedTags }),
        }));
        return (0,_errors_js__WEBPACK_IMPORTED_MODULE_0__/* .required */ .mw)(out.service, 'service');
    });
}
/** ARNs of stopped tasks started by a deployment (its id is their startedBy). */
async function listStoppedTasks(ecs, cluster, startedBy) {
    try {
        const out = await ecs.send(new _aws_sdk_client_ecs__WEBPACK_IMPORTED_MODULE_2__.ListTasksCommand({ cluster, startedBy, desiredStatus: 'STOPPED' }));
        return out.taskArns ?? [];
    }
    catch (error) {
        throw new _errors_js__WEBPACK_IMPORTED_MODULE_0__/* .AwsCallError */ .iQ(`ListTasks started by '${startedBy}' in cluster '${cluster}'`, error);
    }
}
const DESCRIBE_TASKS_LIMIT = 100;
async function describeTasks(ecs, cluster, taskArns) {
    if (taskArns.length === 0)
        return [];
    try {
        const out = await ecs.send(new _aws_sdk_client_ecs__WEBPACK_IMPORTED_MODULE_2__.DescribeTasksCommand({ cluster, tasks: taskArns.slice(0, DESCRIBE_TASKS_LIMIT) }));
        return out.tasks ?? [];
    }
    catch (error) {
        throw new _errors_js__WEBPACK_IMPORTED_MODULE_0__/* .AwsCallError */ .iQ(`DescribeTasks in cluster '${cluster}'`, error);
    }
}
/** Starts one task; ECS answers placement problems as `failures`, not as an error. */
async function runTask(ecs, request) {
    try {
        const out = await ecs.send(new _aws_sdk_client_ecs__WEBPACK_IMPORTED_MODULE_2__.RunTaskCommand(request));
        return { ...(out.tasks?.[0] === undefined ? {} : { task: out.tasks[0] }), failures: out.failures ?? [] };
    }
    catch (error) {
        throw new _errors_js__WEBPACK_IMPORTED_MODULE_0__/* .AwsCallError */ .iQ(`RunTask for '${String(request.taskDefinition)}' in cluster '${String(request.cluster)}'`, error);
    }
}
/** The service's deployment records created at or after `since`, newest first (one page). */
async function listServiceDeployments(ecs, ref, since) {
    try {
        const out = await ecs.send(new _aws_sdk_client_ecs__WEBPACK_IMPORTED_MODULE_2__.ListServiceDeploymentsCommand({ cluster: ref.cluster, service: ref.service, createdAt: { after: since } }));
        return out.serviceDeployments ?? [];
    }
    catch (error) {
        throw new _errors_js__WEBPACK_IMPORTED_MODULE_0__/* .AwsCallError */ .iQ(`ListServiceDeployments for '${ref.service}' in cluster '${ref.cluster}'`, error);
    }
}
/** One deployment record, or undefined when ECS does not know it (yet). */
async function describeServiceDeployment(ecs, arn) {
    const found = await describeServiceDeployments(ecs, [arn]);
    return found.find((d) => d.serviceDeploymentArn === arn) ?? found[0];
}
/** Deployment records, up to 20 per call as the API takes them; those ECS does not know are left out. */
async function describeServiceDeployments(ecs, arns) {
    try {
        const out = await ecs.send(new _aws_sdk_client_ecs__WEBPACK_IMPORTED_MODULE_2__.DescribeServiceDeploymentsCommand({ serviceDeploymentArns: arns.slice(0, 20) }));
        return out.serviceDeployments ?? [];
    }
    catch (error) {
        throw new _errors_js__WEBPACK_IMPORTED_MODULE_0__/* .AwsCallError */ .iQ(`DescribeServiceDeployments for ${arns.length === 1 ? `'${arns[0]}'` : `${arns.length} records`}`, error);
    }
}
/**
 * Service revisions (what each deployment targets: its task definition), up to 20 per call
 * as the API allows; revisions ECS does not know are left out.
 */
async function describeServiceRevisions(ecs, arns) {
    if (arns.length === 0)
        return [];
    try {
        const out = await ecs.send(new _aws_sdk_client_ecs__WEBPACK_IMPORTED_MODULE_2__.DescribeServiceRevisionsCommand({ serviceRevisionArns: arns.slice(0, 20) }));
        return out.serviceRevisions ?? [];
    }
    catch (error) {
        throw new _errors_js__WEBPACK_IMPORTED_MODULE_0__/* .AwsCallError */ .iQ(`DescribeServiceRevisions for ${arns.length} revision(s)`, error);
    }
}
/** Asks ECS to stop a PENDING or IN_PROGRESS deployment, rolling it back with `ROLLBACK`. */
async function stopServiceDeployment(ecs, arn, stopType) {
    try {
        await ecs.send(new _aws_sdk_client_ecs__WEBPACK_IMPORTED_MODULE_2__.StopServiceDeploymentCommand({ serviceDeploymentArn: arn, stopType }));
    }
    catch (error) {
        throw new _errors_js__WEBPACK_IMPORTED_MODULE_0__/* .AwsCallError */ .iQ(`StopServiceDeployment (${stopType}) for '${arn}'`, error);
    }
}
/**
 * One page of the cluster's tasks with desiredStatus RUNNING started by `startedBy`. The
 * ListTasks reference says startedBy "must be the only filter that you use"; RUNNING is
 * what ListTasks lists when no desiredStatus is given, so none is sent.
 */
async function listRunningTasks(ecs, cluster, startedBy, nextToken) {
    return (0,_errors_js__WEBPACK_IMPORTED_MODULE_0__/* .asked */ .NZ)(`ListTasks (RUNNING) started by '${startedBy}' in cluster '${cluster}'`, async () => {
        const out = await ecs.send(new _aws_sdk_client_ecs__WEBPACK_IMPORTED_MODULE_2__.ListTasksCommand({ cluster, startedBy, ...(nextToken === undefined ? {} : { nextToken }) }));
        return { taskArns: out.taskArns ?? [], ...(out.nextToken === undefined ? {} : { nextToken: out.nextToken }) };
    });
}
/** The tasks with their tags (`include: ['TAGS']`), at most 100 per call. */
async function describeTasksWithTags(ecs, cluster, taskArns) {
    if (taskArns.length === 0)
        return [];
    return (0,_errors_js__WEBPACK_IMPORTED_MODULE_0__/* .asked */ .NZ)(`DescribeTasks (with tags) in cluster '${cluster}'`, async () => {
        const out = await ecs.send(new _aws_sdk_client_ecs__WEBPACK_IMPORTED_MODULE_2__.DescribeTasksCommand({ cluster, tasks: taskArns.slice(0, DESCRIBE_TASKS_LIMIT), include: ['TAGS'] }));
        return out.tasks ?? [];
    });
}
/** Asks ECS to stop the task; `reason` shows in DescribeTasks as its stoppedReason. */
async function stopTask(ecs, cluster, taskArn, reason) {
    return (0,_errors_js__WEBPACK_IMPORTED_MODULE_0__/* .asked */ .NZ)(`StopTask for '${taskArn}' in cluster '${cluster}'`, async () => {
        const out = await ecs.send(new _aws_sdk_client_ecs__WEBPACK_IMPORTED_MODULE_2__.StopTaskCommand({ cluster, task: taskArn, reason }));
        return out.task;
    });
}


/***/ }),

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

/***/ 2402:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   U2: () => (/* binding */ sendForRawJson),
/* harmony export */   eZ: () => (/* binding */ sendUnknownMembers)
/* harmony export */ });
/* unused harmony exports captureRawResponse, fillMissing */
/* harmony import */ var _errors_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(3916);
/* harmony import */ var _plan_json_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(2877);


function stackOf(command) {
    return command.middlewareStack;
}
/** Captures the parsed JSON body of the command's response; read it after `send`. */
function captureRawResponse(command) {
    let captured;
    stackOf(command).add((next) => async (args) => {
        const result = await next(args);
        const response = result.response;
        const bytes = await readBody(response.body);
        // Hand the deserializer a body it can read again.
        response.body = bytes;
        captured = bytes.length > 0 ? JSON.parse(new TextDecoder().decode(bytes)) : undefined;
        return result;
    }, 
    // Low priority in the deserialize step runs inside the SDK's deserializer, so it sees
    // the raw HTTP response before the deserializer consumes it.
    { step: 'deserialize', priority: 'low', name: 'imageDeployCaptureRawResponse' });
    return { json: () => captured };
}
/**
 * Sends the command and returns its answer's JSON as AWS sent it (members this SDK does not
 * model included); errors are wrapped with `what`, like every adapter's.
 */
async function sendForRawJson(client, command, what) {
    const raw = captureRawResponse(command);
    try {
        await client.send(command);
    }
    catch (error) {
        throw new _errors_js__WEBPACK_IMPORTED_MODULE_0__/* .AwsCallError */ .iQ(what, error);
    }
    return raw.json();
}
/** Adds to the serialized JSON request every member of `raw` that the SDK left out. */
function sendUnknownMembers(command, raw) {
    stackOf(command).add((next) => async (args) => {
        const request = args.request;
        if (request && request.body !== undefined) {
            const text = typeof request.body === 'string' ? request.body : new TextDecoder().decode(request.body);
            const body = JSON.parse(text);
            const merged = fillMissing(body, raw);
            request.body = JSON.stringify(merged);
            // Content length is computed after this middleware (high priority runs first).
            delete request.headers['content-length'];
            delete request.headers['Content-Length'];
        }
        return next(args);
    }, { step: 'build', priority: 'high', name: 'imageDeploySendUnknownMembers' });
}
/**
 * Returns `target` with every member of `source` that `target` lacks, recursively through
 * objects and through arrays of equal length (container definitions keep their order).
 */
function fillMissing(target, source) {
    if (Array.isArray(target) && Array.isArray(source) && target.length === source.length) {
        return target.map((item, i) => fillMissing(item, source[i]));
    }
    if ((0,_plan_json_js__WEBPACK_IMPORTED_MODULE_1__/* .isRecord */ .u)(target) && (0,_plan_json_js__WEBPACK_IMPORTED_MODULE_1__/* .isRecord */ .u)(source)) {
        const result = { ...target };
        for (const [key, value] of Object.entries(source)) {
            if (value === undefined)
                continue;
            result[key] = key in target ? fillMissing(target[key], value) : value;
        }
        return result;
    }
    return target;
}
async function readBody(body) {
    if (body === undefined || body === null)
        return new Uint8Array();
    if (body instanceof Uint8Array)
        return body;
    if (typeof body === 'string')
        return new TextEncoder().encode(body);
    if (typeof body[Symbol.asyncIterator] === 'function') {
        const chunks = [];
        for await (const chunk of body) {
            chunks.push(typeof chunk === 'string' ? new TextEncoder().encode(chunk) : chunk);
        }
        return Buffer.concat(chunks);
    }
    throw new Error('Unexpected response body type from the AWS SDK');
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

/***/ 4975:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   B: () => (/* binding */ SERVICES),
/* harmony export */   Z: () => (/* binding */ describeEach)
/* harmony export */ });
/* harmony import */ var _aws_ecs_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(1032);
/* harmony import */ var _plan_ecs_services_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(3583);


/**
 * Each item's service, read with one DescribeServices per cluster and 10 services (the
 * call's limit), side by side: how a step reads several services at once.
 */
async function describeEach(items, refOf, deps) {
    const byCluster = new Map();
    for (const item of items) {
        const { cluster } = refOf(item);
        byCluster.set(cluster, [...(byCluster.get(cluster) ?? []), item]);
    }
    const answers = new Map();
    const batches = [...byCluster.entries()].flatMap(([cluster, group]) => (0,_plan_ecs_services_js__WEBPACK_IMPORTED_MODULE_1__/* .batchesOf */ .cS)(group, _plan_ecs_services_js__WEBPACK_IMPORTED_MODULE_1__/* .DESCRIBE_SERVICES_LIMIT */ .rP).map((batch) => ({ cluster, batch })));
    await Promise.all(batches.map(async ({ cluster, batch }) => {
        const found = await (0,_aws_ecs_js__WEBPACK_IMPORTED_MODULE_0__/* .describeServices */ .Ge)(deps.clients.ecs, cluster, batch.map((item) => refOf(item).service));
        for (const item of batch)
            answers.set(item, found.get(refOf(item).service));
    }));
    return answers;
}
/** The poll loop's DescribeServices: one call per cluster and 10 services; a failure ends the poll. */
const SERVICES = {
    name: 'DescribeServices',
    keyOf: (key) => `${key.cluster}\n${key.service}`,
    read: async (keys, deps) => {
        const answers = await describeEach(keys, (key) => key, deps);
        return new Map([...answers].map(([key, service]) => [SERVICES.keyOf(key), service]));
    },
};


/***/ }),

/***/ 1436:
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
    return (0,errors/* asked */.NZ)(`PutParameter for '${write.name}'`, async () => {
        const out = await ssm.send(new dist_cjs.PutParameterCommand({
            Name: write.name,
            Value: write.value,
            Type: write.type,
            Overwrite: write.overwrite,
            ...(write.tags !== undefined && write.tags.length > 0 ? { Tags: write.tags } : {}),
        }));
        return String((0,errors/* required */.mw)(out.Version, 'version'));
    });
}

// EXTERNAL MODULE: ./src/plan/parameter.ts
var parameter = __webpack_require__(140);
// EXTERNAL MODULE: ./src/retry.ts
var retry = __webpack_require__(9809);
// EXTERNAL MODULE: ./src/aws/lambda.ts
var lambda = __webpack_require__(5974);
// EXTERNAL MODULE: ./src/plan/aws-names.ts
var aws_names = __webpack_require__(8983);
// EXTERNAL MODULE: ./src/plan/ecs-rollout.ts
var ecs_rollout = __webpack_require__(4390);
// EXTERNAL MODULE: ./src/plan/lambda-update.ts
var lambda_update = __webpack_require__(8692);
;// CONCATENATED MODULE: ./src/plan/parameter-guard.ts
// Whether the targets this step deployed still run its image, decided just before each
// PutParameter: a later deploy of another image may have replaced ours while the write
// waited out TooManyUpdates, and the parameter must never name an image nothing runs.



/** Who replaced our image on the service, or undefined while it still runs ours. */
function serviceSupersededBy(target, service) {
    const where = `service '${target.service}' in cluster '${target.cluster}'`;
    if (service === undefined || service.status !== 'ACTIVE')
        return `${where} is no longer active`;
    const primary = (0,ecs_rollout/* primaryDeployment */.sg)(service);
    // Ours, or a successor on the very same revision (a forced redeploy, a scale change).
    if (primary === undefined ||
        primary.id === target.deploymentId ||
        primary.taskDefinition === target.taskDefinitionArn)
        return undefined;
    const revision = primary.taskDefinition === undefined ? 'an unknown revision' : (0,aws_names/* taskDefinitionLabel */.$7)(primary.taskDefinition);
    return `${where} now runs deployment ${primary.id ?? '(no id)'} of ${revision}${primary.createdAt ? `, created ${primary.createdAt.toISOString()}` : ''}`;
}
/** Who replaced our image on the function, or undefined while it still runs our digest. */
function functionSupersededBy(target, snapshot) {
    const where = `function '${target.functionName}'`;
    if (snapshot === undefined)
        return `${where} no longer exists`;
    const digest = (0,lambda_update/* runningDigest */.qk)(snapshot);
    if (digest === target.digest)
        return undefined;
    const by = snapshot.configuration.LastModified ? `, last modified ${snapshot.configuration.LastModified}` : '';
    return `${where} now runs ${digest ?? snapshot.code.ImageUri ?? 'another image'}${by}`;
}

// EXTERNAL MODULE: ./src/steps/describe-services.ts
var describe_services = __webpack_require__(4975);
;// CONCATENATED MODULE: ./src/steps/parameter-guard.ts



/**
 * Reads every target again and returns what superseded this step's image on each (empty:
 * all still run it). Called right before each PutParameter, so a write that waited out
 * TooManyUpdates while another run deployed does not name an image nothing runs. Services
 * are read as the follower reads them: one DescribeServices per cluster and 10 services.
 */
async function supersededTargets(targets, deps) {
    const services = targets.filter((t) => t.kind === 'ecs');
    const [described, functions] = await Promise.all([
        (0,describe_services/* describeEach */.Z)(services, (t) => t, deps),
        Promise.all(targets.flatMap((t) => t.kind === 'lambda'
            ? [(0,lambda/* getFunction */.N9)(deps.clients.lambda, t.functionName).then((f) => functionSupersededBy(t, f))]
            : [])),
    ]);
    const found = [...services.map((t) => serviceSupersededBy(t, described.get(t))), ...functions];
    return found.filter((reason) => reason !== undefined);
}

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
    return { options, value, decision, targets: [] };
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
    const attempt = () => writeOnce(plan, deps, onUnknown).catch((error) => {
        if (error instanceof SupersededSignal)
            return { superseded: error.superseded };
        throw error;
    });
    const written = await (0,retry/* retrying */.R$)(attempt, {
        what: `Writing parameter '${name}'`,
        retryable: (error) => (0,errors/* awsErrorName */.ZH)(error) === 'TooManyUpdates' ? 'another write to it is in progress' : (0,errors/* transientReason */.bR)(error),
        timeoutMs: options.timeoutMs,
    }, deps);
    if ('superseded' in written) {
        deps.log.warning(`Parameter '${name}' was not written: another deploy replaced this step's image meanwhile (${written.superseded.join('; ')}). It still holds what that deploy left; this step's own deploy succeeded.`);
        return result(plan.decision, 'superseded', undefined);
    }
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
/** Not an error: the write was skipped on purpose; carried out of writeOnce's nested puts. */
class SupersededSignal extends Error {
    superseded;
    constructor(superseded) {
        super('superseded');
        this.superseded = superseded;
    }
}
/** Reads, decides, writes; when a create loses a race with another creator, updates instead. */
/** `onUnknown`: a write failed in a way that may have applied it (no answer, a 5xx). */
async function writeOnce(plan, deps, onUnknown) {
    const { ssm } = deps.clients;
    // One attempt per PutParameter: the retry above reads the parameter before trying again.
    const put = async (decision, write) => {
        // Checked before every attempt, the first and each retry: see plan/parameter-guard.ts.
        const superseded = await supersededTargets(plan.targets, deps);
        if (superseded.length > 0)
            throw new SupersededSignal(superseded);
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
