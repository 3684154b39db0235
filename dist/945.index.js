export const id = 945;
export const ids = [945];
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

/***/ 8978:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   H: () => (/* binding */ latestRevision),
/* harmony export */   X: () => (/* binding */ registerOrReuse)
/* harmony export */ });
/* harmony import */ var _aws_ecs_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(1032);
/* harmony import */ var _errors_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(3916);
/* harmony import */ var _plan_ecs_deploy_js__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(9344);
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
    const family = typeof taskDefinition.family === 'string' ? taskDefinition.family : undefined;
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
        retryable: (error) => isConcurrentRegistration(error) ? 'another revision of the family is being registered' : (0,_errors_js__WEBPACK_IMPORTED_MODULE_1__/* .transientReason */ .bR)(error),
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


/***/ }),

/***/ 5945:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

// ESM COMPAT FLAG
__webpack_require__.r(__webpack_exports__);

// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  applyRunTask: () => (/* binding */ applyRunTask),
  prepareRunTask: () => (/* binding */ prepareRunTask)
});

// EXTERNAL MODULE: ./src/aws/ecs.ts
var ecs = __webpack_require__(1032);
// EXTERNAL MODULE: ./src/errors.ts
var errors = __webpack_require__(3916);
// EXTERNAL MODULE: ./src/names.ts
var names = __webpack_require__(6455);
// EXTERNAL MODULE: ./src/plan/aws-names.ts
var aws_names = __webpack_require__(8983);
// EXTERNAL MODULE: ./src/plan/ecs-deploy.ts
var ecs_deploy = __webpack_require__(9344);
// EXTERNAL MODULE: ./src/plan/containers.ts
var containers = __webpack_require__(5343);
// EXTERNAL MODULE: ./src/plan/task-definition.ts
var task_definition = __webpack_require__(7222);
// EXTERNAL MODULE: ./src/plan/task-definition-compare.ts
var task_definition_compare = __webpack_require__(4452);
;// CONCATENATED MODULE: ./src/plan/run-task-definition.ts
// The one-off task's definition: the container to override and the image rendered onto
// it. Pure.




/** Renders the image onto the chosen container; the source is left as it was. */
function planRunTaskDefinition(input) {
    const base = (0,task_definition/* toRegisterable */.Hj)(input.source);
    const needsContainer = input.containerName !== undefined || input.image !== undefined || input.overridesContainer;
    const container = needsContainer
        ? selectRunTaskContainer(base, { containerName: input.containerName, image: input.image })
        : undefined;
    const rendered = container !== undefined && input.image !== undefined
        ? (0,task_definition/* renderTaskDefinition */.P9)(base, { containerName: container.containerName, image: input.image })
        : base;
    const before = container === undefined ? undefined : imageOf(base, container.containerName);
    const changes = container !== undefined && input.image !== undefined && before !== input.image
        ? [`container ${container.containerName} image: ${before ?? '(none)'} -> ${input.image}`]
        : [];
    const arn = input.source.taskDefinitionArn;
    const sourceArn = typeof arn === 'string' && (0,task_definition_compare/* sameTaskDefinition */.J)(base, rendered) ? arn : undefined;
    return {
        rendered,
        ...(container === undefined ? {} : { container }),
        ...(sourceArn === undefined ? {} : { sourceArn }),
        changes,
    };
}
function imageOf(td, containerName) {
    const image = (0,containers/* containersOf */.Mz)(td).find((c) => c.name === containerName)?.image;
    return typeof image === 'string' ? image : undefined;
}
/** The container a one-off task's overrides go to (input 'run-task-container'; else the first essential one). */
function selectRunTaskContainer(td, selection) {
    return (0,containers/* selectContainer */.e6)(td, {
        ...(selection.containerName === undefined ? {} : { containerName: selection.containerName }),
        ...(selection.image === undefined ? {} : { imageRepository: selection.image }),
        inputName: names/* Input */.pd.runTaskContainer,
        whenAmbiguous: 'first-essential',
    });
}

;// CONCATENATED MODULE: ./src/plan/run-task-request.ts
// The RunTask request: launch type or capacity providers, the network, the overrides,
// and what RunTask's `failures` say. Pure.



/** Fargate runs it: the FARGATE launch type, or a strategy of FARGATE / FARGATE_SPOT. */
function isFargate(launch) {
    if ('launchType' in launch)
        return launch.launchType === 'FARGATE';
    return launch.capacityProviderStrategy.some((item) => item.capacityProvider === 'FARGATE' || item.capacityProvider === 'FARGATE_SPOT');
}
/**
 * Throws a UserError when RunTask would refuse the launch and network (before anything
 * changes). `taskDefinition` is undefined when it is not known yet (the ecs mode renders it).
 */
function checkLaunch(input) {
    const { launch, network, taskDefinition } = input;
    const hasLaunchType = 'launchType' in launch;
    const fargate = isFargate(launch);
    const how = hasLaunchType ? `launch type ${launch.launchType}` : 'capacity provider strategy';
    const mode = taskDefinition?.networkMode;
    const family = taskDefinition === undefined ? undefined : (0,aws_names/* familyOf */.Ap)(taskDefinition);
    if (fargate && taskDefinition !== undefined && mode !== 'awsvpc') {
        throw new errors/* UserError */.yo(`Task definition '${family}' has network mode '${String(mode ?? 'bridge (the default)')}', but Fargate (${how}) runs only 'awsvpc' tasks: set networkMode to awsvpc, or use input '${names/* Input */.pd.launchType}' EC2.`);
    }
    const needsNetwork = fargate || mode === 'awsvpc';
    if (needsNetwork && (network === undefined || network.subnets.length === 0)) {
        const why = fargate ? `Fargate (${how})` : `task definition '${family}' (network mode awsvpc)`;
        throw new errors/* UserError */.yo(`Input '${names/* Input */.pd.subnets}' is required: ${why} runs the task in subnets you choose, e.g. subnet-0123456789abcdef0 (private subnets with a NAT or VPC endpoints to reach ECR).`);
    }
    if (network !== undefined && !needsNetwork && taskDefinition !== undefined) {
        throw new errors/* UserError */.yo(`Input '${names/* Input */.pd.subnets}' is set, but task definition '${family}' has network mode '${String(mode ?? 'bridge (the default)')}': subnets and security groups apply to awsvpc tasks only; remove them.`);
    }
    if (network?.assignPublicIp === true && !fargate) {
        throw new errors/* UserError */.yo(`Input '${names/* Input */.pd.assignPublicIp}' is true, but only Fargate tasks get a public IP (this one runs with ${how}): set it to false.`);
    }
}
/** One task; launch type or strategy; network and overrides only when set. */
function buildRunTaskRequest(input) {
    const request = {
        cluster: input.cluster,
        taskDefinition: input.taskDefinitionArn,
        count: 1,
        startedBy: input.startedBy,
        clientToken: input.clientToken,
    };
    if (input.tags.length > 0)
        request.tags = input.tags.map((tag) => ({ key: tag.key, value: tag.value }));
    if (input.propagateTags !== undefined)
        request.propagateTags = input.propagateTags;
    if (input.enableEcsManagedTags)
        request.enableECSManagedTags = true;
    if ('launchType' in input.launch)
        request.launchType = input.launch.launchType;
    // An empty strategy leaves the choice to the cluster's default strategy.
    else if (input.launch.capacityProviderStrategy.length > 0)
        request.capacityProviderStrategy = input.launch.capacityProviderStrategy.map((item) => ({ ...item }));
    if (input.network !== undefined) {
        request.networkConfiguration = {
            awsvpcConfiguration: {
                subnets: [...input.network.subnets],
                // None given: ECS uses the VPC's default security group.
                ...(input.network.securityGroups.length > 0 ? { securityGroups: [...input.network.securityGroups] } : {}),
                assignPublicIp: input.network.assignPublicIp ? 'ENABLED' : 'DISABLED',
            },
        };
    }
    const environment = input.environment.length > 0 ? input.environment.map((e) => ({ name: e.name, value: e.value })) : undefined;
    if (input.command !== undefined || environment !== undefined) {
        if (input.containerName === undefined)
            throw new Error('buildRunTaskRequest: overrides need the container they apply to');
        request.overrides = {
            containerOverrides: [
                {
                    name: input.containerName,
                    ...(input.command === undefined ? {} : { command: [...input.command] }),
                    ...(environment === undefined ? {} : { environment }),
                },
            ],
        };
    }
    return request;
}
/** RunTask's `failures`, one line each: `RESOURCE:MEMORY (arn...): detail`. */
function describeRunTaskFailures(failures) {
    return failures.map((failure) => {
        const where = failure.arn === undefined ? '' : ` (${failure.arn})`;
        const detail = failure.detail?.trim() ? `: ${failure.detail.trim()}` : '';
        return `${failure.reason ?? 'no reason given'}${where}${detail}`;
    });
}
/**
 * The request as the debug log may show it: environment override values replaced, since
 * `run-task-environment` often carries credentials GitHub does not know to mask.
 */
function redactRunTaskRequest(request) {
    const overrides = request.overrides;
    if (overrides?.containerOverrides === undefined)
        return request;
    return {
        ...request,
        overrides: {
            ...overrides,
            containerOverrides: overrides.containerOverrides.map((o) => o.environment === undefined
                ? o
                : { ...o, environment: o.environment.map((e) => ({ ...e, value: '(hidden)' })) }),
        },
    };
}

// EXTERNAL MODULE: ./src/plan/json.ts
var json = __webpack_require__(2877);
;// CONCATENATED MODULE: ./src/plan/run-task-result.ts
// The stopped one-off task, judged, and where its logs are. Pure.



/**
 * Success only when every essential container (per the task definition; `essential`
 * defaults to true) exited 0. A missing exit code (the container never ran, or the task
 * was stopped from outside) is a failure.
 */
function judgeStoppedTask(input) {
    const { task, taskDefinition } = input;
    const defined = (0,containers/* containersOf */.Mz)(taskDefinition).filter((c) => typeof c.name === 'string');
    const ran = task.containers ?? [];
    // Without a definition to go by, every container that ran counts as essential.
    const essential = defined.length > 0
        ? defined.filter((c) => c.essential !== false).map((c) => String(c.name))
        : ran.flatMap((c) => (c.name === undefined ? [] : [c.name]));
    const stateOf = (name) => ran.find((c) => c.name === name);
    const reasonOf = (reason) => (reason?.trim() ? ` (${reason.trim()})` : '');
    const problems = [];
    for (const name of essential) {
        const container = stateOf(name);
        if (container?.exitCode === undefined) {
            const stop = [task.stopCode, task.stoppedReason?.trim()].filter(Boolean).join(': ');
            const why = container?.reason?.trim() || stop;
            problems.push(`essential container '${name}' has no exit code${why ? ` (${why})` : ''}`);
        }
        else if (container.exitCode !== 0) {
            problems.push(`essential container '${name}' exited with code ${container.exitCode}${reasonOf(container.reason)}`);
        }
    }
    const notes = ran
        .filter((c) => c.name !== undefined && !essential.includes(c.name) && c.exitCode !== undefined && c.exitCode !== 0)
        .map((c) => `container '${c.name ?? ''}' is not essential and exited with code ${c.exitCode ?? ''}${reasonOf(c.reason)}; it does not decide the verdict`);
    const speaker = input.containerName ?? essential[0];
    const exitCode = speaker === undefined ? undefined : stateOf(speaker)?.exitCode;
    return {
        state: problems.length === 0 ? 'succeeded' : 'failed',
        ...(exitCode === undefined ? {} : { exitCode }),
        problems,
        notes,
    };
}
/** `task 0123abcd: RUNNING`: the progress line, which changes when lastStatus does. */
function taskStatusLine(task) {
    const status = task.lastStatus ?? 'UNKNOWN';
    const stopping = task.desiredStatus === 'STOPPED' && status !== 'STOPPED' && task.stoppedReason?.trim()
        ? ` (stopping: ${task.stoppedReason.trim()})`
        : '';
    return `task ${(0,aws_names/* taskIdOf */.G6)(task.taskArn)}: ${status}${stopping}`;
}
const NOT_STARTED = new Set(['PROVISIONING', 'PENDING', 'ACTIVATING']);
/** Past provisioning and pulling: its containers may have started, so their logs may exist. */
function hasStarted(task) {
    return task.lastStatus !== undefined && !NOT_STARTED.has(task.lastStatus);
}
/** StopTask's reason for a task that outlived the wait: names the action and the timeout. */
function timeoutStopReason(timeout) {
    return `image-deploy: wait-timeout ${timeout} reached`;
}
/** StopTask's reason for a task stopped because the job that started it was cancelled. */
const CANCELLED_STOP_REASON = 'image-deploy: the job was cancelled';
/**
 * Where each awslogs container of the task writes: group `awslogs-group`, stream
 * `<prefix>/<container>/<task id>`, region `awslogs-region` (else the task's region).
 */
function logLocations(taskDefinition, taskArn) {
    const taskId = (0,aws_names/* taskIdOf */.G6)(taskArn);
    const taskRegion = (0,aws_names/* regionOfArn */.b2)(taskArn);
    return (0,containers/* containersOf */.Mz)(taskDefinition).flatMap((container) => {
        const name = container.name;
        const config = container.logConfiguration;
        if (typeof name !== 'string' || !(0,json/* isRecord */.u)(config) || config.logDriver !== 'awslogs')
            return [];
        const options = (0,json/* isRecord */.u)(config.options) ? config.options : {};
        const group = stringOption(options, 'awslogs-group');
        const region = stringOption(options, 'awslogs-region') ?? taskRegion;
        if (group === undefined || region === undefined)
            return [];
        const prefix = stringOption(options, 'awslogs-stream-prefix');
        const stream = prefix === undefined ? undefined : `${prefix}/${name}/${taskId}`;
        // The region comes from a file or an AWS answer: only a region name goes into a URL.
        const url = (0,aws_names/* isRegionName */.Us)(region) ? cloudWatchLogsUrl(region, group, stream) : undefined;
        return [
            {
                container: name,
                group,
                ...(stream === undefined ? {} : { stream }),
                region,
                ...(url === undefined ? {} : { url }),
            },
        ];
    });
}
/** `container app: awslogs group /ecs/migrate, stream migrate/app/0123 (eu-west-1) https://…` */
function formatLogLocation(location) {
    const stream = location.stream === undefined ? '' : `, stream ${location.stream}`;
    return `container ${location.container}: awslogs group ${location.group}${stream} (${location.region})${urlSuffix(location)}`;
}
/** ` https://…`, or nothing when the location has no console link. */
function urlSuffix(location) {
    return location.url === undefined ? '' : ` ${location.url}`;
}
/** Why a location has no console link, for the debug log; undefined when it has one. */
function whyNoUrl(location) {
    if (location.url !== undefined)
        return undefined;
    return `container ${location.container}: no CloudWatch console link: its log region is not an AWS region name (like eu-west-1), so it is kept out of every URL`;
}
/** The console page of a log stream, or of the group without one. */
function cloudWatchLogsUrl(region, group, stream) {
    // The console's fragment takes each path part URI-encoded twice, with '%' written as '$';
    // ! ' ( ) * are encoded too, so the URL holds nothing that could end a Markdown link.
    const strict = (value) => encodeURIComponent(value).replace(/[!'()*]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`);
    const part = (value) => strict(strict(value)).replace(/%/g, '$');
    const path = `log-groups/log-group/${part(group)}${stream === undefined ? '' : `/log-events/${part(stream)}`}`;
    return `${(0,aws_names/* consoleHost */.kd)(region)}/cloudwatch/home?region=${region}#logsV2:${path}`;
}
function stringOption(options, key) {
    const value = options[key];
    return typeof value === 'string' && value.trim() !== '' ? value.trim() : undefined;
}

// EXTERNAL MODULE: ./src/plan/run-task-tags.ts
var run_task_tags = __webpack_require__(3934);
// EXTERNAL MODULE: ./src/plan/verdict.ts
var plan_verdict = __webpack_require__(7282);
// EXTERNAL MODULE: ./src/steps/register-revision.ts
var register_revision = __webpack_require__(8978);
;// CONCATENATED MODULE: ./src/steps/run-task-announce.ts
// What the run-task step says before it starts or follows a task: the request as a person
// reviewing the log reads it, and where the task's logs are.

/** Where the task's awslogs containers write, said once; why a location has no console link, at debug. */
function announceLogs(taskDefinition, taskArn, deps) {
    const locations = logLocations(taskDefinition, taskArn);
    for (const location of locations) {
        deps.log.info(`Logs of ${formatLogLocation(location)}`);
        const why = whyNoUrl(location);
        if (why !== undefined)
            deps.log.debug(why);
    }
    return locations;
}
/** What RunTask will be asked, as a person reviewing the log wants to read it (no environment values). */
function logRequestPlan(options, deps) {
    const { launch, network } = options;
    const how = 'launchType' in launch
        ? `launch type ${launch.launchType}`
        : launch.capacityProviderStrategy.length === 0
            ? "the cluster's default capacity provider strategy"
            : `capacity providers ${launch.capacityProviderStrategy.map((i) => `${i.capacityProvider}:${i.weight}:${i.base}`).join(', ')}`;
    const where = network === undefined
        ? ''
        : `, subnets ${network.subnets.join(', ')}, security groups ${network.securityGroups.join(', ') || "(the VPC's default)"}, public IP ${network.assignPublicIp ? 'on' : 'off'}`;
    deps.log.info(`Task: cluster '${options.cluster}', ${how}${where}, started by '${options.startedBy}'`);
    if (options.command !== undefined)
        deps.log.info(`  command: ${JSON.stringify(options.command)}`);
    if (options.environment.length > 0)
        deps.log.info(`  environment: ${options.environment.map((e) => e.name).join(', ')}`);
}

// EXTERNAL MODULE: ./src/plan/duration.ts
var duration = __webpack_require__(2983);
// EXTERNAL MODULE: ./src/plan/ecs-progress.ts
var ecs_progress = __webpack_require__(8316);
// EXTERNAL MODULE: ./node_modules/@aws-sdk/client-cloudwatch-logs/dist-cjs/index.js
var dist_cjs = __webpack_require__(303);
;// CONCATENATED MODULE: ./src/aws/logs.ts


/**
 * One page of a stream's events, oldest first from `nextToken` (or from the head of the
 * stream). A stream or group that does not exist fails with ResourceNotFoundException.
 */
async function getLogEvents(logs, ref, nextToken) {
    return (0,errors/* asked */.NZ)(`GetLogEvents for stream '${ref.stream}' in log group '${ref.group}'`, async () => {
        const out = await logs.send(new dist_cjs.GetLogEventsCommand({
            logGroupName: ref.group,
            logStreamName: ref.stream,
            startFromHead: true,
            ...(nextToken === undefined ? {} : { nextToken }),
        }));
        return {
            events: (out.events ?? []).map((e) => ({
                ...(e.timestamp === undefined ? {} : { timestamp: e.timestamp }),
                message: e.message ?? '',
            })),
            ...(out.nextForwardToken === undefined ? {} : { nextForwardToken: out.nextForwardToken }),
        };
    });
}

;// CONCATENATED MODULE: ./src/plan/log-cursor.ts
// Reading a one-off task's awslogs streams into the job log: which containers can be read,
// and a cursor per stream that turns GetLogEvents pages into lines, each printed once, in
// order. Pure: the step makes the calls and prints.



/**
 * Which containers' logs can be followed. ECS names an awslogs stream
 * `<awslogs-stream-prefix>/<container>/<task id>`; without the prefix the stream is named
 * after the container's runtime id, which is not known in advance, so it is not followed.
 */
function taskLogSources(taskDefinition, taskArn) {
    const located = logLocations(taskDefinition, taskArn);
    const streams = [];
    const elsewhere = [];
    for (const container of (0,containers/* containersOf */.Mz)(taskDefinition)) {
        const name = container.name;
        if (typeof name !== 'string')
            continue;
        const location = located.find((l) => l.container === name);
        const config = container.logConfiguration;
        const driver = (0,json/* isRecord */.u)(config) && typeof config.logDriver === 'string' ? config.logDriver : undefined;
        // A log region that is no region name cannot be read (nor linked): say so, without quoting it.
        if (location !== undefined && location.url === undefined)
            elsewhere.push(`container ${name}: not in the job log: its awslogs-region is not an AWS region name (like eu-west-1)`);
        else if (location?.stream !== undefined)
            streams.push({ ...location, stream: location.stream });
        else if (location !== undefined) {
            elsewhere.push(`container ${name}: not in the job log: awslogs without awslogs-stream-prefix names its stream after the container's runtime id, which cannot be known in advance (set awslogs-stream-prefix); group ${location.group} (${location.region})${urlSuffix(location)}`);
        }
        else if (driver === 'awslogs')
            elsewhere.push(`container ${name}: not in the job log: its awslogs configuration has no awslogs-group`);
        else
            elsewhere.push(`container ${name}: not in the job log: ${driver === undefined ? 'it has no logConfiguration' : `its log driver is ${driver}, not awslogs`}`);
    }
    return { streams, elsewhere };
}
function startCursor(location) {
    return { state: 'waiting', location };
}
/** The nextToken for the cursor's next GetLogEvents (undefined: from the head of the stream). */
function tokenOf(cursor) {
    return cursor.state === 'reading' ? cursor.token : undefined;
}
/**
 * A page read at the cursor. GetLogEvents returns the token it was given when there is
 * nothing new, so an unchanged token means no new lines (any events then are ones already
 * printed). A message spanning lines gives a line each, all prefixed.
 */
function advanceCursor(cursor, page) {
    if (cursor.state === 'off')
        return { cursor, lines: [], moved: false };
    const before = tokenOf(cursor);
    const next = page.nextForwardToken;
    if (next !== undefined && next === before)
        return { cursor, lines: [], moved: false };
    const lines = page.events.flatMap((event) => messageLines(cursor.location.container, event.message));
    if (next === undefined) {
        // Without a cursor the next read would start from the head again and repeat every line.
        return {
            cursor: { state: 'off', location: cursor.location },
            lines,
            moved: false,
            note: `${label(cursor.location)}: GetLogEvents gave no nextForwardToken, so later lines are not shown here; they are in CloudWatch${cursor.location.url === undefined ? '' : `: ${cursor.location.url}`}`,
        };
    }
    return { cursor: { state: 'reading', location: cursor.location, token: next }, lines, moved: true };
}
/**
 * A read that failed for another reason (access denied, throttled past the SDK's retries):
 * one warning naming the permission and the group, and no more reads of this stream.
 */
function readFailed(cursor, reason) {
    const { location } = cursor;
    return {
        cursor: { state: 'off', location },
        lines: [],
        moved: false,
        warning: `${label(location)}: could not read its logs (logs:GetLogEvents on log group ${location.group} in ${location.region}): ${reason}. Its lines are not shown here from now on; the task's verdict does not depend on them.${urlSuffix(location)}`,
    };
}
/** After the task stopped, a stream never seen: say so once. */
function neverSeen(cursor) {
    if (cursor.state !== 'waiting')
        return undefined;
    return `${label(cursor.location)}: no log stream ${cursor.location.stream} in group ${cursor.location.group} (${cursor.location.region}): the container wrote nothing, or never started`;
}
function label(location) {
    return `container ${location.container}`;
}
/** `app | text`: the container's name, then the text, one line each; a trailing newline dropped. */
function messageLines(container, message) {
    const text = message.replace(/\r?\n$/, '');
    return text.split(/\r\n|\r|\n/).map((line) => `${container} | ${line}`);
}

;// CONCATENATED MODULE: ./src/steps/run-task-logs.ts



/**
 * Once stopped, a stream is read until the token repeats, but at most this many pages (a
 * page holds up to 10,000 events or 1 MB): a task that logged more than that leaves the rest
 * to CloudWatch rather than holding the step for minutes.
 */
const DRAIN_PAGES = 10;
const OFF = { poll: async () => { }, drain: async () => { } };
/**
 * Follows the awslogs streams of the task's containers (`run-task-logs`). Says once which
 * containers cannot be followed. Never throws: a read that fails is one warning, and that
 * stream is not read again; a stream that does not exist yet is read again next poll.
 */
function followTaskLogs(input, deps) {
    if (!input.enabled)
        return OFF;
    const sources = taskLogSources(input.taskDefinition, input.taskArn);
    for (const line of sources.elsewhere)
        deps.log.info(line);
    let cursors = sources.streams.map(startCursor);
    const readOnce = async (cursor) => {
        if (cursor.state === 'off')
            return { cursor, lines: [], moved: false };
        const { location } = cursor;
        try {
            const page = await getLogEvents(deps.clients.logs(location.region), location, tokenOf(cursor));
            return advanceCursor(cursor, page);
        }
        catch (error) {
            // The stream (or the group) appears when the container first writes.
            if ((0,errors/* awsErrorName */.ZH)(error) === 'ResourceNotFoundException')
                return { cursor, lines: [], moved: false };
            return readFailed(cursor, (0,errors/* messageOf */.bD)(error));
        }
    };
    // Streams are read side by side, and printed one after the other in container order.
    const print = (steps) => {
        for (const step of steps) {
            for (const line of step.lines)
                deps.log.info(line);
            if (step.note !== undefined)
                deps.log.info(step.note);
            if (step.warning !== undefined)
                deps.log.warning(step.warning);
        }
        cursors = steps.map((s) => s.cursor);
    };
    return {
        async poll() {
            print(await Promise.all(cursors.map(readOnce)));
        },
        async drain() {
            const drained = await Promise.all(cursors.map(async (start) => {
                const lines = [];
                const notes = [];
                const warnings = [];
                let step = { cursor: start, lines: [], moved: true };
                for (let page = 0; page < DRAIN_PAGES && step.moved; page++) {
                    step = await readOnce(step.cursor);
                    lines.push(...step.lines);
                    if (step.note !== undefined)
                        notes.push(step.note);
                    if (step.warning !== undefined)
                        warnings.push(step.warning);
                }
                if (step.moved)
                    notes.push(`container ${start.location.container}: read ${DRAIN_PAGES} pages after it stopped; any further lines are in CloudWatch${start.location.url === undefined ? '' : `: ${start.location.url}`}`);
                const missing = neverSeen(step.cursor);
                if (missing !== undefined)
                    notes.push(missing);
                return { cursor: step.cursor, lines, notes, warnings };
            }));
            for (const { lines, notes, warnings } of drained) {
                for (const line of lines)
                    deps.log.info(line);
                for (const note of notes)
                    deps.log.info(note);
                for (const warning of warnings)
                    deps.log.warning(warning);
            }
            cursors = drained.map((d) => d.cursor);
        },
    };
}

// EXTERNAL MODULE: ./src/failure.ts
var src_failure = __webpack_require__(1633);
// EXTERNAL MODULE: ./src/wait.ts
var wait = __webpack_require__(910);
;// CONCATENATED MODULE: ./src/steps/run-task-wait.ts






/**
 * Polls the task (one DescribeTasks per poll) until its lastStatus is STOPPED, printing a
 * line whenever the status changes. Never throws for the task's own sake: a timeout or a
 * failure to follow comes back as an outcome, so the caller keeps its ARN.
 */
async function waitForTaskStop(options, deps) {
    const { cluster, taskArn } = options;
    try {
        const task = await (0,wait/* waitFor */.fm)({
            what: `task ${(0,aws_names/* taskIdOf */.G6)(taskArn)} to stop`,
            intervalMs: options.intervalMs,
            timeoutMs: options.timeoutMs,
            onProgress: (line) => deps.log.info(line),
            check: async () => {
                const [task] = await (0,ecs/* describeTasks */.yz)(deps.clients.ecs, cluster, [taskArn]);
                // Right after RunTask, DescribeTasks may not list the task yet.
                if (task === undefined)
                    return { done: false, state: `task ${(0,aws_names/* taskIdOf */.G6)(taskArn)}: not visible yet` };
                if (task.lastStatus === 'STOPPED')
                    return { done: true, value: task };
                if (hasStarted(task))
                    await options.onRunning?.();
                return { done: false, state: taskStatusLine(task) };
            },
        }, deps);
        return { state: 'stopped', task };
    }
    catch (error) {
        const failure = (0,src_failure/* failureOf */.g)(error, deps.log);
        if (failure.kind === 'timed-out')
            return { state: 'timed-out', failure };
        if (failure.kind === 'cancelled')
            return { state: 'cancelled', failure };
        const reason = `Could not follow task ${taskArn}: ${failure.reason}`;
        return {
            state: 'gave-up',
            failure: (0,plan_verdict/* withDetails */.FE)({ ...failure, reason }, [`It may still be running: ${stopHint(cluster, taskArn)}.`]),
        };
    }
}
/** How a person stops a task the action left running. */
function stopHint(cluster, taskArn) {
    return `stop it with 'aws ecs stop-task --cluster ${cluster} --task ${taskArn}' if it should not finish`;
}

;// CONCATENATED MODULE: ./src/steps/run-task-follow.ts










/**
 * How long to wait for a task stopped at wait-timeout to report STOPPED. StopTask sends
 * SIGTERM, then SIGKILL after the container's stopTimeout (30 s by default, at most 120 s
 * on Fargate), then ECS deprovisions the task: two minutes cover the default with room.
 */
const STOP_WAIT_MS = 120_000;
/**
 * Waits until the task stops, printing its log lines as they arrive (`run-task-logs`), and
 * judges it by the essential containers' exit codes. A task still running at `wait-timeout`
 * is stopped, briefly waited for, and reported with its final state.
 */
async function followTask(task, options, deps) {
    const { cluster, taskArn } = task;
    const logs = followTaskLogs({ taskDefinition: task.taskDefinition, taskArn, enabled: options.logs }, deps);
    const wait = { cluster, taskArn, intervalMs: options.wait.intervalMs, onRunning: () => logs.poll() };
    const outcome = await waitForTaskStop({ ...wait, timeoutMs: options.wait.timeoutMs }, deps);
    if (outcome.state === 'gave-up')
        return { verdict: (0,plan_verdict/* withDetails */.FE)(outcome.failure, logLines(task.logs)) };
    if (outcome.state === 'cancelled')
        return { verdict: await stopCancelled(task, outcome.failure, deps) };
    if (outcome.state === 'stopped') {
        await finish(outcome.task, logs, deps);
        return judged(outcome.task, task, deps);
    }
    const timeout = (0,duration/* formatDuration */.a)(options.wait.timeoutMs);
    const id = (0,aws_names/* taskIdOf */.G6)(taskArn);
    const reason = timeoutStopReason(timeout);
    const hint = stopHint(cluster, taskArn);
    deps.log.warning(`Task ${id} is still running at wait-timeout ${timeout}: stopping it (StopTask, reason '${reason}').`);
    try {
        await (0,ecs/* stopTask */.S8)(deps.clients.ecs, cluster, taskArn, reason);
    }
    catch (error) {
        const failure = (0,plan_verdict/* withDetails */.FE)(outcome.failure, [
            `Stopping it failed (${(0,errors/* messageOf */.bD)(error)}): it may still be running; ${hint}.`,
            ...logLines(task.logs),
        ]);
        return { verdict: failure };
    }
    const after = await waitForTaskStop({ ...wait, timeoutMs: STOP_WAIT_MS }, deps);
    if (after.state === 'cancelled') {
        return {
            verdict: (0,plan_verdict/* withDetails */.FE)(outcome.failure, [
                `It was asked to stop (StopTask); the job was cancelled before it reported STOPPED: ${hint}.`,
                ...logLines(task.logs),
            ]),
        };
    }
    if (after.state !== 'stopped') {
        const verdict = (0,plan_verdict/* failed */.gz)('timed-out', `Task ${id} in cluster '${cluster}' was still running at wait-timeout ${timeout}; it was asked to stop (StopTask), but had not stopped ${(0,duration/* formatDuration */.a)(STOP_WAIT_MS)} later.`, [after.failure.reason, `It may still be running: ${hint}.`, ...logLines(task.logs)]);
        return { verdict };
    }
    await finish(after.task, logs, deps);
    // Its exit codes say how it ended, not whether it worked: it was stopped before it finished.
    const { exitCode } = judgeStoppedTask({
        task: after.task,
        taskDefinition: task.taskDefinition,
        containerName: task.containerName,
    });
    return {
        verdict: timedOutAndStopped(after.task, task, timeout, outcome.failure),
        ...(exitCode === undefined ? {} : { exitCode }),
    };
}
/**
 * The job was cancelled while the task ran. A task this attempt started is stopped (one
 * StopTask, not waited for: the runner ends the process seconds later); one an earlier
 * attempt started is left to run, as that attempt left it.
 */
async function stopCancelled(task, cancelled, deps) {
    const { cluster, taskArn } = task;
    const id = (0,aws_names/* taskIdOf */.G6)(taskArn);
    if (!task.startedHere) {
        return (0,plan_verdict/* withDetails */.FE)(cancelled, [
            `Task ${id} was started by an earlier attempt of this step, so it was left running: ${stopHint(cluster, taskArn)}.`,
            ...logLines(task.logs),
        ]);
    }
    try {
        await (0,ecs/* stopTask */.S8)(deps.clients.ecs, cluster, taskArn, CANCELLED_STOP_REASON);
    }
    catch (error) {
        return (0,plan_verdict/* withDetails */.FE)(cancelled, [
            `Stopping it failed (${(0,errors/* messageOf */.bD)(error)}): it may still be running; ${stopHint(cluster, taskArn)}.`,
            ...logLines(task.logs),
        ]);
    }
    deps.log.warning(`The job was cancelled: asked task ${id} to stop (StopTask, reason '${CANCELLED_STOP_REASON}').`);
    return (0,plan_verdict/* withDetails */.FE)(cancelled, [
        `Task ${id} was asked to stop (StopTask) because the job was cancelled.`,
        ...logLines(task.logs),
    ]);
}
/** The task stopped: say so, then print the lines written since the last poll (or since a stop between two polls). */
async function finish(final, logs, deps) {
    deps.log.info(taskStatusLine(final));
    await logs.drain();
}
/** The task stopped by the action at the timeout: a failure whatever its exit codes, saying it was stopped. */
function timedOutAndStopped(final, task, timeout, timedOut) {
    return (0,plan_verdict/* failed */.gz)('timed-out', `Task ${(0,aws_names/* taskIdOf */.G6)(final.taskArn)} (${(0,aws_names/* taskDefinitionLabel */.$7)(final.taskDefinitionArn)}) in cluster '${task.cluster}' was still running at wait-timeout ${timeout}, so it was stopped (StopTask); it has stopped.`, [
        timedOut.reason,
        ...(0,ecs_progress/* describeStoppedTask */.us)(final, { nonEssentialContainers: (0,containers/* nonEssentialContainers */.yg)(task.taskDefinition) }),
        ...logLines(task.logs),
    ]);
}
function judged(final, task, deps) {
    const judgement = judgeStoppedTask({
        task: final,
        taskDefinition: task.taskDefinition,
        containerName: task.containerName,
    });
    const exit = judgement.exitCode === undefined ? {} : { exitCode: judgement.exitCode };
    const id = (0,aws_names/* taskIdOf */.G6)(final.taskArn);
    for (const note of judgement.notes)
        deps.log.warning(`Task ${id}: ${note}.`);
    if (judgement.state === 'succeeded') {
        deps.log.info(`Task ${id} succeeded: every essential container exited 0.`);
        return { verdict: { state: 'succeeded' }, ...exit };
    }
    const verdict = (0,plan_verdict/* failed */.gz)('task-failed', `Task ${id} (${(0,aws_names/* taskDefinitionLabel */.$7)(final.taskDefinitionArn)}) in cluster '${task.cluster}' failed: ${judgement.problems.join('; ')}.`, [
        ...(0,ecs_progress/* describeStoppedTask */.us)(final, { nonEssentialContainers: (0,containers/* nonEssentialContainers */.yg)(task.taskDefinition) }),
        ...logLines(task.logs),
    ]);
    return { verdict, ...exit };
}
function logLines(logs) {
    return logs.map((line) => `logs of ${line}`);
}

;// CONCATENATED MODULE: ./src/plan/run-task-rerun.ts
// A re-run of the same workflow run ("Re-run jobs": a higher GITHUB_RUN_ATTEMPT) finding the
// task an earlier attempt of the same step started, by the tags run-task-tags.ts sets. Pure.

/**
 * Among described tasks, the one an earlier attempt of this step started and that has not
 * stopped: the newest attempt's, then the newest created. A task of this same attempt is
 * not one: RunTask's client token already answers with it.
 */
function earlierAttemptTask(tasks, step) {
    const candidates = tasks.flatMap((task) => {
        const tag = (key) => task.tags?.find((t) => t.key === key)?.value;
        if (task.taskArn === undefined || tag(run_task_tags/* STEP_TAG */.wV) !== step.key)
            return [];
        if (task.lastStatus === 'STOPPED' || task.desiredStatus === 'STOPPED')
            return [];
        const attempt = Number(tag(run_task_tags/* ATTEMPT_TAG */.PN));
        if (!Number.isSafeInteger(attempt) || attempt >= step.attempt)
            return [];
        return [{ task: { ...task, taskArn: task.taskArn }, attempt }];
    });
    const created = (t) => t.createdAt?.getTime() ?? 0;
    return candidates.sort((a, b) => b.attempt - a.attempt || created(b.task) - created(a.task))[0];
}

;// CONCATENATED MODULE: ./src/steps/run-task-rerun.ts



/** ListTasks pages (100 tasks each) looked through: a cluster with more running tasks of one startedBy is not expected. */
const MAX_LIST_PAGES = 10;
const DESCRIBE_BATCH = 100;
/**
 * On a re-run (attempt 2 or later), the task an earlier attempt of this step started that
 * still runs: ListTasks (startedBy, RUNNING) then DescribeTasks with tags. Undefined on
 * the first attempt and outside a workflow run. A failed look-up fails the step before
 * RunTask: starting blind could run the task twice.
 */
async function findEarlierAttemptTask(options, deps) {
    const { step, cluster, startedBy } = options;
    if (step === undefined || step.attempt <= 1)
        return undefined;
    try {
        const arns = [];
        let nextToken;
        for (let page = 0; page < MAX_LIST_PAGES; page++) {
            const listed = await (0,ecs/* listRunningTasks */.fc)(deps.clients.ecs, cluster, startedBy, nextToken);
            arns.push(...listed.taskArns);
            nextToken = listed.nextToken;
            if (nextToken === undefined)
                break;
        }
        const described = [];
        for (let i = 0; i < arns.length; i += DESCRIBE_BATCH)
            described.push(...(await (0,ecs/* describeTasksWithTags */.dh)(deps.clients.ecs, cluster, arns.slice(i, i + DESCRIBE_BATCH))));
        return earlierAttemptTask(described, step);
    }
    catch (error) {
        throw new errors/* UserError */.yo(`Could not look for a task an earlier attempt of this step started (this is attempt ${step.attempt}): ${(0,errors/* messageOf */.bD)(error)}. The role needs ecs:ListTasks and ecs:DescribeTasks in cluster '${cluster}' so a re-run never starts a second task while the first still runs.`, { cause: error });
    }
}

;// CONCATENATED MODULE: ./src/steps/run-task.ts















/** Read-only: loads and renders the task definition, validates overrides; throws UserError before any change. */
async function prepareRunTask(options, image, deps) {
    const started = deps.now();
    const { launch, network, source } = options;
    if (source.kind === 'ecs') {
        // The ecs mode registers the definition later; what can be checked now is checked now.
        const rendered = source.taskDefinition;
        checkLaunch({ launch, network, ...(rendered === undefined ? {} : { taskDefinition: rendered }) });
        // Chosen as planRunTaskDefinition chooses for the other sources, and kept: the same container gets the overrides.
        const needsContainer = options.containerName !== undefined || image !== undefined || overridesContainer(options);
        const chosen = rendered === undefined
            ? undefined
            : selectRunTaskContainer(rendered, { containerName: options.containerName, image: image?.reference });
        const containerName = needsContainer ? chosen?.containerName : undefined;
        deps.log.info(`The one-off task runs the revision the ecs mode deploys; it is registered before the task starts.`);
        logRequestPlan(options, deps);
        return { options, started, tags: [], changes: [], ...(containerName === undefined ? {} : { containerName }) };
    }
    const described = await loadSource(source, deps);
    const planned = planRunTaskDefinition({
        source: described.taskDefinition,
        containerName: options.containerName,
        image: image?.reference,
        overridesContainer: overridesContainer(options),
    });
    checkLaunch({ launch, network, taskDefinition: planned.rendered });
    const family = (0,aws_names/* familyOf */.Ap)(planned.rendered);
    // A source run as it is needs no registration; nor does a rendering an earlier run registered.
    let taskDefinitionArn = planned.sourceArn;
    if (taskDefinitionArn === undefined) {
        const latest = await (0,register_revision/* latestRevision */.H)(family, deps);
        if (latest !== undefined)
            taskDefinitionArn = (0,ecs_deploy/* reusableRevision */.JW)(planned.rendered, described.tags, latest);
    }
    deps.log.info(`Task definition: ${source.kind === 'file' ? `file ${source.path}` : `'${source.ref}'`} (family '${family}')`);
    if (planned.container)
        deps.log.info(`  container '${planned.container.containerName}': ${planned.container.why}`);
    for (const change of planned.changes)
        deps.log.info(`  ${change}`);
    deps.log.info(taskDefinitionArn === undefined
        ? `  a new revision of family '${family}' will be registered before the task starts`
        : `  runs ${taskDefinitionArn} as it is`);
    logRequestPlan(options, deps);
    return {
        options,
        started,
        taskDefinition: planned.rendered,
        tags: described.tags,
        ...(taskDefinitionArn === undefined ? {} : { taskDefinitionArn }),
        ...(planned.container === undefined ? {} : { containerName: planned.container.containerName }),
        changes: planned.changes,
    };
}
/**
 * Registers the rendered revision when it differs from its source, runs the task, waits
 * until it stops, and judges it by the essential containers' exit codes. `ecsTaskDefinitionArn`
 * is given when the source is 'ecs' (the pipeline registered it). Dry run: 'planned', no calls that change anything.
 */
async function applyRunTask(plan, deps, ecsTaskDefinitionArn) {
    const { options } = plan;
    const { cluster } = options;
    const result = (fields) => ({
        cluster,
        changed: false,
        registered: false,
        logs: [],
        durationMs: deps.now() - plan.started,
        ...fields,
    });
    if (options.dryRun) {
        const arn = plan.taskDefinitionArn ?? (options.source.kind === 'ecs' ? ecsTaskDefinitionArn : undefined);
        const register = arn === undefined && options.source.kind !== 'ecs'
            ? `register a new revision of '${(0,aws_names/* familyOf */.Ap)(plan.taskDefinition ?? {})}' and `
            : '';
        deps.log.info(`Dry run: would ${register}run a task of ${arn ?? 'the rendered revision'} in cluster '${cluster}' and wait for it to stop.`);
        return result({ verdict: { state: 'planned' }, taskDefinitionArn: arn ?? '' });
    }
    // A re-run of the step while an earlier attempt's task still runs follows that task. Looked
    // for first: a look-up that fails stops the step before anything is registered or run.
    const earlier = await findEarlierAttemptTask(options, deps);
    if (earlier !== undefined)
        return followEarlier(earlier, plan, deps, result);
    const target = await taskToRun(plan, deps, ecsTaskDefinitionArn);
    const containerName = plan.containerName ?? containerFor(options, target.taskDefinition);
    const started = { registered: target.registered, changed: target.registered, taskDefinitionArn: target.arn };
    if (options.step !== undefined && options.step.attempt > 1)
        deps.log.info(`No task an earlier attempt of this step started is running: starting a new one (attempt ${options.step.attempt}).`);
    const request = buildRunTaskRequest({
        cluster,
        taskDefinitionArn: target.arn,
        launch: options.launch,
        network: options.network,
        containerName,
        command: options.command,
        environment: options.environment,
        startedBy: options.startedBy,
        clientToken: options.clientToken,
        tags: [...options.tags, ...(options.step === undefined ? [] : (0,run_task_tags/* stepTags */.IE)(options.step))],
        ...(options.propagateTags === undefined ? {} : { propagateTags: options.propagateTags }),
        enableEcsManagedTags: options.enableEcsManagedTags,
    });
    deps.log.debug(`RunTask request: ${JSON.stringify(redactRunTaskRequest(request))}`);
    const answer = await (0,ecs/* runTask */.ZZ)(deps.clients.ecs, request);
    const taskArn = answer.task?.taskArn;
    if (taskArn === undefined) {
        const reasons = describeRunTaskFailures(answer.failures);
        const verdict = (0,plan_verdict/* failed */.gz)('task-not-started', `RunTask started no task of ${(0,aws_names/* taskDefinitionLabel */.$7)(target.arn)} in cluster '${cluster}':`, reasons.length > 0 ? reasons : ['ECS gave no reason']);
        return result({ ...started, verdict });
    }
    deps.log.info(`Started task ${taskArn} (${(0,aws_names/* taskDefinitionLabel */.$7)(target.arn)}) in cluster '${cluster}'`);
    const logs = announceLogs(target.taskDefinition, taskArn, deps);
    const outcome = await followTask({
        cluster,
        taskArn,
        taskDefinition: target.taskDefinition,
        containerName,
        logs: logs.map(formatLogLocation),
        startedHere: true,
    }, options, deps);
    return result({ ...started, changed: true, taskArn, logs, ...outcome });
}
/** Follows the task an earlier attempt started, judged by the revision it runs; this attempt changes nothing. */
async function followEarlier(earlier, plan, deps, result) {
    const { options } = plan;
    const { task } = earlier;
    const arn = task.taskDefinitionArn ?? plan.taskDefinitionArn ?? '';
    deps.log.info(`Task ${task.taskArn} (${(0,aws_names/* taskDefinitionLabel */.$7)(arn)}), started by attempt ${earlier.attempt} of this step, is still ${task.lastStatus ?? 'running'}: following it instead of starting another.`);
    const definition = arn === plan.taskDefinitionArn && plan.taskDefinition !== undefined
        ? plan.taskDefinition
        : (0,task_definition/* toRegisterable */.Hj)((await (0,ecs/* describeTaskDefinition */.oh)(deps.clients.ecs, arn)).taskDefinition);
    const containerName = plan.containerName ?? containerFor(options, definition);
    const logs = announceLogs(definition, task.taskArn, deps);
    const outcome = await followTask({
        cluster: options.cluster,
        taskArn: task.taskArn,
        taskDefinition: definition,
        containerName,
        logs: logs.map(formatLogLocation),
        startedHere: false,
    }, options, deps);
    return result({ taskDefinitionArn: arn, taskArn: task.taskArn, logs, ...outcome });
}
async function taskToRun(plan, deps, ecsTaskDefinitionArn) {
    const { options } = plan;
    if (options.source.kind === 'ecs') {
        if (ecsTaskDefinitionArn === undefined)
            throw new Error("applyRunTask: source 'ecs' needs the ARN of the revision the ecs mode registered");
        const described = await (0,ecs/* describeTaskDefinition */.oh)(deps.clients.ecs, ecsTaskDefinitionArn);
        const taskDefinition = (0,task_definition/* toRegisterable */.Hj)(described.taskDefinition);
        checkLaunch({ launch: options.launch, network: options.network, taskDefinition });
        return { arn: ecsTaskDefinitionArn, taskDefinition, registered: false };
    }
    const taskDefinition = plan.taskDefinition;
    if (taskDefinition === undefined)
        throw new Error('applyRunTask: the plan has no task definition');
    if (plan.taskDefinitionArn !== undefined)
        return { arn: plan.taskDefinitionArn, taskDefinition, registered: false };
    return register(taskDefinition, plan.tags, options, deps);
}
async function register(taskDefinition, tags, options, deps) {
    const { arn, registered } = await (0,register_revision/* registerOrReuse */.X)(taskDefinition, tags, { timeoutMs: options.wait.timeoutMs }, deps);
    return { arn, taskDefinition, registered };
}
async function loadSource(source, deps) {
    if (source.kind === 'file')
        return { taskDefinition: source.taskDefinition, tags: source.tags };
    try {
        return await (0,ecs/* describeTaskDefinition */.oh)(deps.clients.ecs, source.ref);
    }
    catch (error) {
        if ((0,errors/* awsErrorName */.ZH)(error) !== 'ClientException')
            throw error;
        throw new errors/* UserError */.yo(`Input '${names/* Input */.pd.runTaskDefinition}' ('${source.ref}') names no task definition ECS knows (${(0,errors/* messageOf */.bD)(error)}): check the family, revision and region.`, { cause: error });
    }
}
function overridesContainer(options) {
    return options.command !== undefined || options.environment.length > 0;
}
/** For source 'ecs', known only once the revision is: the container the overrides need. */
function containerFor(options, taskDefinition) {
    if (options.containerName === undefined && !overridesContainer(options))
        return undefined;
    return selectRunTaskContainer(taskDefinition, { containerName: options.containerName }).containerName;
}


/***/ })

};
