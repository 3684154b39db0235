export const id = 201;
export const ids = [201];
export const modules = {

/***/ 201:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

__webpack_require__.r(__webpack_exports__);
/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   SERVICES_OF_MODE: () => (/* binding */ SERVICES_OF_MODE),
/* harmony export */   createClients: () => (/* binding */ createClients),
/* harmony export */   servicesOf: () => (/* binding */ servicesOf)
/* harmony export */ });
// Client construction: region, endpoint, retries, user agent. Each SDK package is loaded
// only when a selected mode needs it (`import()`), so an `ecs` step never evaluates the
// Lambda, SSM or ECR clients: start-up time is spent on what the step will use.
/** The AWS services each mode calls. */
const SERVICES_OF_MODE = {
    image: ['ecr'],
    // CloudWatch Logs: the one-off task's lines in the job log (run-task-logs).
    'run-task': ['ecs', 'logs'],
    ecs: ['ecs'],
    lambda: ['lambda'],
    parameter: ['ssm'],
};
/** What every AWS call of the action says it comes from, unless told otherwise. */
const USER_AGENT = 'image-deploy/0.1.0';
// Throttling and 5xx are retried by the SDK's standard mode; more attempts than its
// default 3 because matrix deploys of many environments share one account's rate limits.
const MAX_ATTEMPTS = 6;
/**
 * Loads the SDK packages of `services` and returns clients built on first use. Asking for
 * a client of a service that was not loaded is a bug in the caller, and says so.
 */
async function createClients(options, services) {
    const wants = (service) => services.includes(service);
    const [ecsSdk, lambdaSdk, ssmSdk, ecrSdk, logsSdk, cloudwatchSdk] = await Promise.all([
        wants('ecs') ? Promise.all(/* import() */[__webpack_require__.e(861), __webpack_require__.e(212)]).then(__webpack_require__.t.bind(__webpack_require__, 212, 19)) : undefined,
        wants('lambda') ? Promise.all(/* import() */[__webpack_require__.e(861), __webpack_require__.e(696)]).then(__webpack_require__.t.bind(__webpack_require__, 1696, 19)) : undefined,
        wants('ssm') ? Promise.all(/* import() */[__webpack_require__.e(861), __webpack_require__.e(736)]).then(__webpack_require__.t.bind(__webpack_require__, 4736, 19)) : undefined,
        wants('ecr') ? Promise.all(/* import() */[__webpack_require__.e(861), __webpack_require__.e(249)]).then(__webpack_require__.t.bind(__webpack_require__, 8249, 19)) : undefined,
        wants('logs') ? Promise.all(/* import() */[__webpack_require__.e(861), __webpack_require__.e(303)]).then(__webpack_require__.t.bind(__webpack_require__, 303, 19)) : undefined,
        wants('cloudwatch') ? Promise.all(/* import() */[__webpack_require__.e(861), __webpack_require__.e(85)]).then(__webpack_require__.t.bind(__webpack_require__, 4085, 19)) : undefined,
    ]);
    const common = (region, maxAttempts = MAX_ATTEMPTS) => ({
        region,
        maxAttempts,
        customUserAgent: options.userAgent ?? USER_AGENT,
        ...(options.endpoint ? { endpoint: options.endpoint } : {}),
    });
    const loaded = (sdk, service) => {
        if (sdk === undefined)
            throw new Error(`The ${service} client was asked for, but no selected mode loads it (aws/clients.ts SERVICES_OF_MODE).`);
        return sdk;
    };
    let ecs;
    let lambda;
    let ssm;
    let cloudwatch;
    let ecsOnce;
    let ssmOnce;
    const ecr = new Map();
    const logs = new Map();
    let codedeploy;
    return {
        get ecs() {
            return (ecs ??= new (loaded(ecsSdk, 'ecs').ECSClient)(common(options.region)));
        },
        get lambda() {
            return (lambda ??= new (loaded(lambdaSdk, 'lambda').LambdaClient)(common(options.region)));
        },
        get ssm() {
            return (ssm ??= new (loaded(ssmSdk, 'ssm').SSMClient)(common(options.region)));
        },
        get cloudwatch() {
            return (cloudwatch ??= new (loaded(cloudwatchSdk, 'cloudwatch').CloudWatchClient)(common(options.region)));
        },
        ecr(region) {
            let client = ecr.get(region);
            if (!client)
                ecr.set(region, (client = new (loaded(ecrSdk, 'ecr').ECRClient)(common(region))));
            return client;
        },
        logs(region) {
            let client = logs.get(region);
            if (!client)
                logs.set(region, (client = new (loaded(logsSdk, 'logs').CloudWatchLogsClient)(common(region))));
            return client;
        },
        codedeploy() {
            codedeploy ??= Promise.all(/* import() */[__webpack_require__.e(861), __webpack_require__.e(507)]).then(__webpack_require__.t.bind(__webpack_require__, 7507, 19)).then((sdk) => new sdk.CodeDeployClient(common(options.region)));
            return codedeploy;
        },
        once: {
            get ecs() {
                return (ecsOnce ??= new (loaded(ecsSdk, 'ecs').ECSClient)(common(options.region, 1)));
            },
            get ssm() {
                return (ssmOnce ??= new (loaded(ssmSdk, 'ssm').SSMClient)(common(options.region, 1)));
            },
        },
    };
}
/** Every service the selected modes call. */
function servicesOf(modes) {
    return [...new Set(modes.flatMap((mode) => SERVICES_OF_MODE[mode] ?? []))];
}


/***/ })

};
