export const id = 902;
export const ids = [902];
export const modules = {

/***/ 4902:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

// ESM COMPAT FLAG
__webpack_require__.r(__webpack_exports__);

// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  codeDeployController: () => (/* binding */ codeDeployController)
});

// EXTERNAL MODULE: ./node_modules/@aws-sdk/client-codedeploy/dist-cjs/index.js
var dist_cjs = __webpack_require__(7507);
// EXTERNAL MODULE: ./src/errors.ts
var errors = __webpack_require__(3916);
;// CONCATENATED MODULE: ./src/aws/codedeploy.ts
// CodeDeploy, one function per call. Loaded (with its SDK package) only when a service that
// deploys through CodeDeploy is deployed: see Clients.codedeploy in clients.ts.


/** The deployment group, or undefined when CodeDeploy says it (or its application) does not exist. */
async function getDeploymentGroup(cd, application, group) {
    return (0,errors/* asked */.NZ)(`GetDeploymentGroup for '${group}' of application '${application}'`, async () => {
        try {
            const out = await cd.send(new dist_cjs.GetDeploymentGroupCommand({ applicationName: application, deploymentGroupName: group }));
            return (0,errors/* required */.mw)(out.deploymentGroupInfo, 'deploymentGroupInfo');
        }
        catch (error) {
            const name = error instanceof Error ? error.name : '';
            if (name === 'DeploymentGroupDoesNotExistException' || name === 'ApplicationDoesNotExistException')
                return undefined;
            throw error;
        }
    });
}
/** Starts the deployment and returns its id (`d-XXXXXXXXX`). */
async function createDeployment(cd, input) {
    return (0,errors/* asked */.NZ)(`CreateDeployment in group '${input.group}' of application '${input.application}'`, async () => {
        const out = await cd.send(new dist_cjs.CreateDeploymentCommand({
            applicationName: input.application,
            deploymentGroupName: input.group,
            revision: { revisionType: 'AppSpecContent', appSpecContent: { content: input.appSpec } },
            ...(input.deploymentConfig === undefined ? {} : { deploymentConfigName: input.deploymentConfig }),
            ...(input.description === undefined ? {} : { description: input.description }),
        }));
        return (0,errors/* required */.mw)(out.deploymentId, 'deploymentId');
    });
}
async function getDeployment(cd, deploymentId) {
    return (0,errors/* asked */.NZ)(`GetDeployment for '${deploymentId}'`, async () => {
        const out = await cd.send(new dist_cjs.GetDeploymentCommand({ deploymentId }));
        return (0,errors/* required */.mw)(out.deploymentInfo, 'deploymentInfo');
    });
}
/** Every target id of the deployment (an ECS or Lambda deployment has one). */
async function listDeploymentTargets(cd, deploymentId) {
    return (0,errors/* asked */.NZ)(`ListDeploymentTargets for '${deploymentId}'`, async () => {
        const ids = [];
        let nextToken;
        do {
            const out = await cd.send(new dist_cjs.ListDeploymentTargetsCommand({ deploymentId, ...(nextToken === undefined ? {} : { nextToken }) }));
            ids.push(...(out.targetIds ?? []));
            nextToken = out.nextToken;
        } while (nextToken !== undefined && nextToken !== '');
        return ids;
    });
}
async function getDeploymentTarget(cd, deploymentId, targetId) {
    return (0,errors/* asked */.NZ)(`GetDeploymentTarget '${targetId}' of deployment '${deploymentId}'`, async () => {
        const out = await cd.send(new dist_cjs.GetDeploymentTargetCommand({ deploymentId, targetId }));
        return (0,errors/* required */.mw)(out.deploymentTarget, 'deploymentTarget');
    });
}
/** Ends a `Ready` wait (READY_WAIT) or the original task set's termination wait (TERMINATION_WAIT). */
async function continueDeployment(cd, deploymentId, waitType) {
    await asked(`ContinueDeployment (${waitType}) for '${deploymentId}'`, async () => {
        await cd.send(new ContinueDeploymentCommand({ deploymentId, deploymentWaitType: waitType }));
    });
}
/** Stops the deployment; with `rollback`, CodeDeploy puts the original task set back. */
async function stopDeployment(cd, deploymentId, rollback) {
    return (0,errors/* asked */.NZ)(`StopDeployment${rollback ? ' (with rollback)' : ''} for '${deploymentId}'`, async () => {
        const out = await cd.send(new dist_cjs.StopDeploymentCommand({ deploymentId, autoRollbackEnabled: rollback }));
        return {
            ...(out.status === undefined ? {} : { status: out.status }),
            ...(out.statusMessage === undefined ? {} : { message: out.statusMessage }),
        };
    });
}

// EXTERNAL MODULE: ./src/failure.ts
var src_failure = __webpack_require__(1633);
// EXTERNAL MODULE: ./src/names.ts
var names = __webpack_require__(6455);
// EXTERNAL MODULE: ./src/plan/json.ts
var json = __webpack_require__(2877);
;// CONCATENATED MODULE: ./src/plan/codedeploy-appspec.ts
// The AppSpec a CodeDeploy ECS deployment is created with: built from the service as it
// runs, or the user's file with its TaskDefinition replaced. Pure. Shape from the
// CodeDeploy User Guide, "AppSpec 'resources' section for Amazon ECS deployments" and
// "AppSpec file example for an Amazon ECS deployment".

/**
 * The AppSpec for `service` moving to `taskDefinitionArn`: the load balancer's container
 * and port, and the service's platform version, network configuration and capacity
 * providers, so the green task set runs like the blue one. No hooks: those live in a file.
 */
function appSpecFromService(service, taskDefinitionArn) {
    const lb = (service.loadBalancers ?? []).find((l) => l.containerName !== undefined && l.containerPort !== undefined);
    if (lb?.containerName === undefined || lb.containerPort === undefined) {
        return {
            problem: `service '${service.serviceName ?? '?'}' has no load balancer with a container name and port, which a CodeDeploy blue/green AppSpec needs: give an AppSpec file in input 'codedeploy-appspec'`,
        };
    }
    const properties = {
        TaskDefinition: taskDefinitionArn,
        LoadBalancerInfo: { ContainerName: lb.containerName, ContainerPort: lb.containerPort },
    };
    if (service.platformVersion !== undefined)
        properties.PlatformVersion = service.platformVersion;
    const vpc = service.networkConfiguration?.awsvpcConfiguration;
    if (vpc !== undefined) {
        properties.NetworkConfiguration = {
            AwsvpcConfiguration: {
                Subnets: vpc.subnets ?? [],
                ...(vpc.securityGroups === undefined ? {} : { SecurityGroups: vpc.securityGroups }),
                ...(vpc.assignPublicIp === undefined ? {} : { AssignPublicIp: vpc.assignPublicIp }),
            },
        };
    }
    const strategy = service.capacityProviderStrategy ?? [];
    if (strategy.length > 0) {
        properties.CapacityProviderStrategy = strategy.map((s) => ({
            CapacityProvider: s.capacityProvider,
            ...(s.base === undefined ? {} : { Base: s.base }),
            ...(s.weight === undefined ? {} : { Weight: s.weight }),
        }));
    }
    return { version: 0.0, Resources: [{ TargetService: { Type: 'AWS::ECS::Service', Properties: properties } }] };
}
/**
 * The user's AppSpec with the TaskDefinition of its one ECS TargetService replaced (a
 * placeholder such as `<TASK_DEFINITION>` is fine), or what is wrong with it.
 */
function appSpecFromFile(doc, taskDefinitionArn) {
    if (!(0,json/* isRecord */.u)(doc))
        return { problem: 'it is not a mapping: write an AppSpec with version, Resources and optional Hooks' };
    const resources = doc.Resources;
    if (!Array.isArray(resources) || resources.length !== 1) {
        return { problem: "its 'Resources' is not a list of exactly one resource: an ECS AppSpec names one TargetService" };
    }
    const [resource] = resources;
    const name = (0,json/* isRecord */.u)(resource) ? Object.keys(resource)[0] : undefined;
    const target = name === undefined || !(0,json/* isRecord */.u)(resource) ? undefined : resource[name];
    if (name === undefined || !(0,json/* isRecord */.u)(target) || target.Type !== 'AWS::ECS::Service' || !(0,json/* isRecord */.u)(target.Properties)) {
        return {
            problem: "its resource is not an ECS service: write 'Type: AWS::ECS::Service' with 'Properties' (TaskDefinition, LoadBalancerInfo)",
        };
    }
    const properties = target.Properties;
    if (!(0,json/* isRecord */.u)(properties.LoadBalancerInfo)) {
        return {
            problem: `its resource '${name}' has no 'LoadBalancerInfo' (ContainerName, ContainerPort): add the container and port the load balancer sends traffic to`,
        };
    }
    const replaced = { ...target, Properties: { ...properties, TaskDefinition: taskDefinitionArn } };
    return { ...doc, Resources: [{ [name]: replaced }] };
}
function isAppSpecProblem(value) {
    return typeof value.problem === 'string' && Object.keys(value).length === 1;
}
/** The Lambda function each hook event runs, from the AppSpec's `Hooks` (list of one-entry maps). */
function hooksOf(appSpec) {
    const hooks = appSpec.Hooks;
    const found = {};
    if (!Array.isArray(hooks))
        return found;
    for (const entry of hooks) {
        if (!(0,json/* isRecord */.u)(entry))
            continue;
        for (const [event, fn] of Object.entries(entry))
            if (typeof fn === 'string')
                found[event] = fn;
    }
    return found;
}
/** The AppSpec as CodeDeploy's AppSpecContent takes it (JSON is accepted as well as YAML). */
function appSpecText(appSpec) {
    return JSON.stringify(appSpec, null, 2);
}

// EXTERNAL MODULE: ./src/plan/codedeploy-events.ts
var codedeploy_events = __webpack_require__(3751);
// EXTERNAL MODULE: ./src/plan/shell.ts
var shell = __webpack_require__(293);
// EXTERNAL MODULE: ./src/plan/verdict.ts
var plan_verdict = __webpack_require__(7282);
;// CONCATENATED MODULE: ./src/plan/codedeploy-deployment.ts
// A CodeDeploy deployment as the follower sees it (GetDeployment, and its target's
// lifecycle events and task sets), classified as pending / succeeded / failed. Pure, and
// not ECS-specific: a Lambda deployment's target (lambdaTarget) reads the same way.
// Shapes: CodeDeploy API reference, DeploymentInfo, ECSTarget, LambdaTarget, LifecycleEvent,
// ECSTaskSet, RollbackInfo (docs.aws.amazon.com/codedeploy/latest/APIReference).



function targetViewOf(target) {
    const t = target?.ecsTarget ?? target?.lambdaTarget;
    if (t === undefined)
        return undefined;
    return {
        ...(t.status === undefined ? {} : { status: t.status }),
        events: t.lifecycleEvents ?? [],
        taskSets: target?.ecsTarget?.taskSetsInfo ?? [],
        ...(target?.lambdaTarget?.lambdaFunctionInfo === undefined
            ? {}
            : { lambda: target.lambdaTarget.lambdaFunctionInfo }),
    };
}
function classifyCodeDeploy(snapshot, options) {
    const d = snapshot.deployment;
    const id = d.deploymentId ?? '?';
    switch (d.status) {
        case 'Succeeded':
            return { state: 'succeeded', reached: options.goal };
        case 'Failed':
            return (0,plan_verdict/* failed */.gz)(d.rollbackInfo?.rollbackDeploymentId ? 'rolled-back' : 'rollout-failed', `CodeDeploy deployment ${id} failed${atEvent(snapshot.target)}.`, failureDetails(snapshot, options.hooks));
        case 'Stopped':
            return (0,plan_verdict/* failed */.gz)(d.rollbackInfo?.rollbackDeploymentId ? 'rolled-back' : 'stopped', `CodeDeploy deployment ${id} was stopped${atEvent(snapshot.target)}.`, failureDetails(snapshot, options.hooks));
        default:
            break;
    }
    if (options.goal !== 'completed' && eventReached(snapshot.target, options.goal))
        return { state: 'succeeded', reached: options.goal };
    if (d.status === 'Ready')
        return { state: 'pending', waiting: 'ready' };
    if (d.status === 'InProgress' && d.instanceTerminationWaitTimeStarted === true)
        return { state: 'pending', waiting: 'termination' };
    return { state: 'pending' };
}
/**
 * True once `event` succeeded (or was skipped), or a later event has started: CodeDeploy
 * runs the events in order, so a later one means this one is behind it.
 */
function eventReached(target, event) {
    const events = target?.events ?? [];
    const index = events.findIndex((e) => e.lifecycleEventName === event);
    if (index < 0)
        return false;
    const own = events[index]?.status;
    if (own === 'Succeeded' || own === 'Skipped')
        return true;
    if (own === 'Failed')
        return false;
    return events.slice(index + 1).some((e) => e.status === 'InProgress' || e.status === 'Succeeded');
}
/** The first lifecycle event that failed, else the one in progress. */
function failedEvent(target) {
    const events = target?.events ?? [];
    return events.find((e) => e.status === 'Failed') ?? events.find((e) => e.status === 'InProgress');
}
function atEvent(target) {
    const event = failedEvent(target);
    return event?.lifecycleEventName === undefined ? '' : ` at lifecycle event ${event.lifecycleEventName}`;
}
function failureDetails(snapshot, hooks = {}) {
    const d = snapshot.deployment;
    const details = [];
    const event = failedEvent(snapshot.target);
    const name = event?.lifecycleEventName;
    if (name !== undefined && codedeploy_events/* HOOK_EVENTS */.CJ.has(name)) {
        const fn = hooks[name];
        details.push(fn === undefined ? `The ${name} hook failed.` : `The ${name} hook (Lambda function '${fn}') failed.`);
    }
    const diag = event?.diagnostics;
    if (diag !== undefined) {
        const parts = [diag.errorCode, diag.scriptName ? `script ${diag.scriptName}` : undefined, diag.message].filter((p) => p !== undefined && p !== '');
        if (parts.length > 0)
            details.push(`Diagnostics: ${parts.join(': ')}`);
        if (diag.logTail)
            details.push(`Log tail: ${diag.logTail}`);
    }
    if (d.errorInformation?.code !== undefined || d.errorInformation?.message !== undefined) {
        details.push(`Error ${d.errorInformation.code ?? '(no code)'}: ${d.errorInformation.message ?? '(no message)'}`);
    }
    const rb = d.rollbackInfo;
    if (rb?.rollbackDeploymentId !== undefined) {
        const message = rb.rollbackMessage ? `: ${rb.rollbackMessage.replace(/\.$/, '')}` : '';
        details.push(`CodeDeploy rolled back with deployment ${rb.rollbackDeploymentId}${message}.`);
    }
    else if (rb?.rollbackMessage) {
        details.push(`Rollback: ${rb.rollbackMessage}`);
    }
    return details;
}
/** The command that ends a `Ready` wait (a group that waits for a manual reroute), quoted for a shell. */
function continueCommand(deploymentId) {
    return `aws deploy continue-deployment --deployment-id ${(0,shell/* shellQuote */.Z)(deploymentId)} --deployment-wait-type READY_WAIT`;
}
/** What the follower waits for, for timeout messages. */
function goalText(goal) {
    return goal === 'completed' ? 'Succeeded' : `lifecycle event ${goal}`;
}
/**
 * Failures of the step's own making (its timeout, a cancelled job, too many stopped tasks,
 * an error): CodeDeploy has not rolled those back, so the step stops the deployment with rollback.
 */
const STEP_FAILURES = new Set([
    'timed-out',
    'cancelled',
    'too-many-failed-tasks',
    'error',
]);

;// CONCATENATED MODULE: ./src/plan/codedeploy-group.ts
// Which CodeDeploy application and deployment group deploy a service, and whether the
// group really targets it. Pure. Default names as the ECS console creates them
// ("AppECS-<cluster>-<service>" / "DgpECS-<cluster>-<service>", Amazon ECS Developer Guide,
// "Blue/green deployment with CodeDeploy").
/** The last segment of a name or ARN (`arn:aws:ecs:...:service/prod/web` -> `web`). */
function bareName(ref) {
    return ref.split('/').pop() ?? ref;
}
/** The inputs when given, else the console's names for this cluster and service. */
function groupRefFor(cluster, service, given) {
    const c = bareName(cluster);
    const s = bareName(service);
    return { application: given.application ?? `AppECS-${c}-${s}`, group: given.group ?? `DgpECS-${c}-${s}` };
}
/**
 * Why `group` cannot deploy `service` of `cluster`, or undefined when it can: it must be an
 * ECS blue/green group whose `ecsServices` names this cluster and service.
 */
function groupTargetProblem(group, cluster, service) {
    const where = `deployment group '${group.deploymentGroupName ?? '?'}' of application '${group.applicationName ?? '?'}'`;
    if (group.computePlatform !== undefined && group.computePlatform !== 'ECS') {
        return `${where} deploys to ${group.computePlatform}, not ECS: name the group of service '${bareName(service)}' in input 'codedeploy-deployment-group'`;
    }
    const targets = group.ecsServices ?? [];
    const match = targets.some((t) => t.serviceName === bareName(service) &&
        t.clusterName !== undefined &&
        bareName(t.clusterName) === bareName(cluster));
    if (match)
        return undefined;
    const named = targets.map((t) => `'${t.clusterName ?? '?'}/${t.serviceName ?? '?'}'`).join(', ') || 'no service';
    return `${where} targets ${named}, not '${bareName(cluster)}/${bareName(service)}': name the right group in inputs 'codedeploy-application' and 'codedeploy-deployment-group'`;
}
/** Minutes the original (blue) task set is kept after traffic moved, when the group says. */
function terminationWaitMinutes(group) {
    const option = group?.blueGreenDeploymentConfiguration?.terminateBlueInstancesOnDeploymentSuccess;
    if (option?.action === 'KEEP_ALIVE')
        return undefined;
    return option?.terminationWaitTimeInMinutes;
}
/** True when CloudWatch alarms can stop the deployment at any moment (not only the clock ends a wait). */
function alarmsWatch(group) {
    const alarms = group?.alarmConfiguration;
    return alarms?.enabled === true && (alarms.alarms ?? []).length > 0;
}

// EXTERNAL MODULE: ./src/plan/poll-schedule.ts
var poll_schedule = __webpack_require__(8654);
;// CONCATENATED MODULE: ./src/plan/codedeploy-poll.ts
// When to poll a CodeDeploy deployment next, through nextPollDelay (poll-schedule.ts), the
// same rule ECS bakes follow: rarely through the original task set's termination wait
// (`terminationWaitTimeInMinutes`) when only the clock can end it, at a moderate interval
// when something else can (CloudWatch alarms of the group), every `pausedIntervalMs` at a
// `Ready` wait (a person continues it), else at `poll-interval`. Pure.

/**
 * The normal interval of a CodeDeploy follow when the workflow sets no `poll-interval`: a
 * verdict within 2 s of CodeDeploy's, for one small GetDeployment record per poll.
 */
const CODEDEPLOY_DEFAULT_INTERVAL_MS = 1_500;
/** `poll-interval` as written, else CodeDeploy's own default. */
function codeDeployIntervalMs(wait) {
    return wait.intervalSet === true ? wait.intervalMs : CODEDEPLOY_DEFAULT_INTERVAL_MS;
}
/** Moderate: a rollback started by an alarm is seen within 20 s. */
const MODERATE_INTERVAL_MS = 15_000;
function nextCodeDeployPoll(view) {
    const { verdict, plan } = view;
    if (verdict.state !== 'pending')
        return plan.intervalMs;
    if (verdict.waiting === 'ready')
        return (0,poll_schedule/* nextPollDelay */.qC)({ plan, now: view.now, paused: true });
    if (verdict.waiting !== 'termination' ||
        view.terminationSince === undefined ||
        view.terminationWaitMinutes === undefined) {
        return plan.intervalMs;
    }
    const slow = view.watched ? { ...plan, slowIntervalMs: Math.max(plan.intervalMs, MODERATE_INTERVAL_MS) } : plan;
    return (0,poll_schedule/* nextPollDelay */.qC)({
        plan: slow,
        now: view.now,
        waitEndsAt: view.terminationSince + view.terminationWaitMinutes * 60_000,
        paused: false,
    });
}

// EXTERNAL MODULE: ./src/plan/service-deployment-stages.ts
var service_deployment_stages = __webpack_require__(5516);
// EXTERNAL MODULE: ./src/plan/duration.ts
var duration = __webpack_require__(2983);
;// CONCATENATED MODULE: ./src/plan/codedeploy-progress.ts
// Progress lines and summary rows for a CodeDeploy deployment: each lifecycle event as it
// starts and ends, the traffic split between the blue and green task sets, and the status.
// Pure: callers print what comes back.

function ms(value) {
    if (value === undefined)
        return undefined;
    const t = value instanceof Date ? value.getTime() : new Date(value).getTime();
    return Number.isNaN(t) ? undefined : t;
}
/** How long the event ran, when it has started and ended. */
function eventDurationMs(event) {
    const start = ms(event.startTime);
    const end = ms(event.endTime);
    return start === undefined || end === undefined ? undefined : Math.max(0, end - start);
}
/** "blue 90% / green 10%" from the task sets' traffic weights; undefined when none is known. */
function trafficSplit(taskSets) {
    const labelled = taskSets.filter((t) => t.trafficWeight !== undefined);
    if (labelled.length === 0)
        return undefined;
    return labelled
        .map((t) => `${(t.taskSetLabel ?? t.identifer ?? '?').toLowerCase()} ${Math.round(t.trafficWeight ?? 0)}%`)
        .join(' / ');
}
/**
 * The traffic split a target reports: the ECS task sets', else the Lambda alias's
 * ("version 1 90% / version 2 10%"; targetVersionWeight is a percentage, API_LambdaFunctionInfo).
 */
function trafficOf(target) {
    const ecs = trafficSplit(target?.taskSets ?? []);
    const fn = target?.lambda;
    if (ecs !== undefined || fn?.targetVersionWeight === undefined)
        return ecs;
    const weight = Math.round(Math.min(100, Math.max(0, fn.targetVersionWeight)));
    return `version ${fn.currentVersion ?? '?'} ${100 - weight}% / version ${fn.targetVersion ?? '?'} ${weight}%`;
}
/** Lines for what changed between two snapshots (`before` undefined: the first one). */
function progressLines(before, now) {
    const lines = [];
    const id = now.deployment.deploymentId ?? '?';
    if (before?.deployment.status !== now.deployment.status)
        lines.push(`deployment ${id}: ${now.deployment.status ?? 'unknown'}`);
    if (before?.deployment.instanceTerminationWaitTimeStarted !== true &&
        now.deployment.instanceTerminationWaitTimeStarted === true) {
        lines.push(`deployment ${id}: traffic moved; the original task set is kept until its termination wait ends`);
    }
    lines.push(...eventLines(before?.target, now.target));
    const split = trafficOf(now.target);
    if (split !== undefined && split !== trafficOf(before?.target))
        lines.push(`traffic: ${split}`);
    return lines;
}
function eventLines(before, now) {
    const lines = [];
    for (const event of now?.events ?? []) {
        const name = event.lifecycleEventName ?? '?';
        const was = before?.events.find((e) => e.lifecycleEventName === name)?.status;
        if (event.status === was)
            continue;
        const took = eventDurationMs(event);
        const after = took === undefined ? '' : ` after ${(0,duration/* formatDuration */.a)(took)}`;
        if (event.status === 'InProgress')
            lines.push(`${name} started`);
        else if (event.status === 'Succeeded')
            lines.push(`${name} succeeded${after}`);
        else if (event.status === 'Failed')
            lines.push(`${name} failed${after}${event.diagnostics?.message ? `: ${event.diagnostics.message}` : ''}`);
        else if (event.status === 'Skipped' && was !== undefined)
            lines.push(`${name} skipped`);
    }
    return lines;
}
/** One row per lifecycle event, for the job summary. */
function eventRows(target) {
    return (target?.events ?? []).map((e) => {
        const took = eventDurationMs(e);
        return {
            event: e.lifecycleEventName ?? '?',
            status: e.status ?? 'Unknown',
            took: took === undefined ? '' : formatDuration(took),
        };
    });
}

// EXTERNAL MODULE: ./src/wait.ts
var wait = __webpack_require__(910);
;// CONCATENATED MODULE: ./src/steps/codedeploy-follow.ts
// Following one CodeDeploy deployment to its verdict, for any compute platform (ECS
// blue/green, Lambda): GetDeployment once per poll; its target (ListDeploymentTargets once,
// then GetDeploymentTarget) when the deployment's overview changed, and while lifecycle
// events run, every poll when `wait-until` names an event, else at most every 15 s for the
// progress lines. `CodeDeployWatch` is one poll's worth of work, so a loop that drives
// several rollouts can call it; `followCodeDeploy` drives one with waitFor.








const overviewKey = (d) => JSON.stringify([d.status, d.deploymentOverview, d.instanceTerminationWaitTimeStarted]);
/** One deployment's polls: what was seen, the verdict, and when to look next. */
class CodeDeployWatch {
    last;
    key;
    targetId;
    targetReadAt = Number.NEGATIVE_INFINITY;
    lastPollAt;
    terminationSince;
    readyShown = false;
    verdict = { state: 'pending' };
    plan;
    options;
    deps;
    constructor(options, deps) {
        this.options = options;
        this.deps = deps;
        this.plan = { intervalMs: options.intervalMs, ...poll_schedule/* DEFAULT_POLL_PLAN */.Y1, ...options.pollPlan };
    }
    /** One poll: GetDeployment, the target when needed, progress lines, the verdict. */
    async poll() {
        const polledAt = this.deps.now();
        return this.observe(await getDeployment(this.deps.codedeploy, this.options.deploymentId), polledAt);
    }
    /**
     * Judges a GetDeployment answer read by someone else (a loop that batches the reads of
     * several rollouts): reads the target when needed, prints progress, returns the verdict.
     */
    async observe(deployment, polledAt = this.deps.now()) {
        const { deps, options } = this;
        const key = overviewKey(deployment);
        let target = this.last?.target;
        if (this.wantsTarget(deployment, key, polledAt))
            target = (await this.readTarget()) ?? target;
        this.key = key;
        const snapshot = { deployment, ...(target === undefined ? {} : { target }) };
        for (const line of progressLines(this.last, snapshot))
            deps.log.info(line);
        this.last = snapshot;
        this.verdict = classifyCodeDeploy(snapshot, {
            goal: options.goal,
            ...(options.hooks === undefined ? {} : { hooks: options.hooks }),
        });
        if (this.verdict.state === 'pending' &&
            this.verdict.waiting === 'termination' &&
            this.terminationSince === undefined) {
            this.terminationSince = this.lastPollAt ?? polledAt;
        }
        if (this.verdict.state === 'pending' && this.verdict.waiting === 'ready' && !this.readyShown) {
            this.readyShown = true;
            deps.log.info(`deployment ${options.deploymentId} is Ready: the new task set waits for traffic to be rerouted. Continue it with: ${continueCommand(options.deploymentId)}`);
        }
        this.lastPollAt = polledAt;
        return this.verdict;
    }
    /** How long to sleep before the next poll. */
    nextDelayMs() {
        return nextCodeDeployPoll({
            plan: this.plan,
            now: this.deps.now(),
            verdict: this.verdict,
            watched: this.options.watched === true,
            ...(this.terminationSince === undefined ? {} : { terminationSince: this.terminationSince }),
            ...(this.options.terminationWaitMinutes === undefined
                ? {}
                : { terminationWaitMinutes: this.options.terminationWaitMinutes }),
        });
    }
    /** A one-line state for heartbeats and timeout messages. */
    stateLine() {
        const d = this.last?.deployment;
        const running = this.last?.target?.events.find((e) => e.status === 'InProgress')?.lifecycleEventName;
        return `${d?.status ?? 'not read yet'}${running === undefined ? '' : `, ${running} in progress`}`;
    }
    wantsTarget(deployment, key, now) {
        if (key !== this.key)
            return true;
        const running = deployment.status === 'InProgress' || deployment.status === 'Ready';
        if (!running || deployment.instanceTerminationWaitTimeStarted === true)
            return false;
        return this.options.goal !== 'completed' || now - this.targetReadAt >= MODERATE_INTERVAL_MS;
    }
    async readTarget() {
        const { deps, options } = this;
        this.targetReadAt = deps.now();
        if (this.targetId === undefined) {
            // An ECS or Lambda deployment has one target; none is listed until CodeDeploy starts it.
            this.targetId = (await listDeploymentTargets(deps.codedeploy, options.deploymentId))[0];
            if (this.targetId === undefined)
                return undefined;
        }
        return targetViewOf(await getDeploymentTarget(deps.codedeploy, options.deploymentId, this.targetId));
    }
}
/**
 * Follows the deployment until it reaches the goal or fails. A timeout or a cancelled job
 * is a failed verdict (kind `timed-out` / `cancelled`), so the caller can roll back.
 */
async function followCodeDeploy(options, deps) {
    const watch = new CodeDeployWatch(options, deps);
    const what = `CodeDeploy deployment ${options.deploymentId} to reach ${goalText(options.goal)}`;
    try {
        const verdict = await (0,wait/* waitFor */.fm)({
            what,
            intervalMs: options.intervalMs,
            timeoutMs: options.timeoutMs,
            onProgress: (line, kind) => {
                if (kind === 'heartbeat')
                    deps.log.info(line);
            },
            check: async () => {
                const verdict = await watch.poll();
                if (verdict.state !== 'pending')
                    return { done: true, value: verdict };
                return { done: false, state: watch.stateLine(), nextMs: watch.nextDelayMs() };
            },
        }, deps);
        return { verdict, ...(watch.last === undefined ? {} : { snapshot: watch.last }) };
    }
    catch (error) {
        if (!(error instanceof errors/* TimeoutError */.MU || error instanceof errors/* CancelledError */.cc))
            throw error;
        return { verdict: (0,src_failure/* failureOf */.g)(error, deps.log), ...(watch.last === undefined ? {} : { snapshot: watch.last }) };
    }
}
/** GetDeployment for every CodeDeploy rollout of a poll; an error fails only its own rollout. */
const DEPLOYMENTS = {
    name: 'GetDeployment',
    keyOf: (id) => id,
    read: async (ids, deps) => {
        const cd = await deps.clients.codedeploy();
        const answers = await Promise.all(ids.map(async (id) => [
            id,
            await getDeployment(cd, id).catch((error) => error instanceof Error ? error : new Error(String(error))),
        ]));
        return new Map(answers);
    },
};

// EXTERNAL MODULE: ./src/deps.ts
var src_deps = __webpack_require__(2421);
// EXTERNAL MODULE: ./src/plan/rollback.ts
var plan_rollback = __webpack_require__(6755);
;// CONCATENATED MODULE: ./src/steps/codedeploy-rollback.ts
// Putting a CodeDeploy deployment back when the action itself failed it (timeout,
// max-failed-tasks, cancelled job): StopDeployment with autoRollbackEnabled, then the
// rollback deployment CodeDeploy starts (rollbackInfo.rollbackDeploymentId) followed to
// its end. After a cancel, only the start runs in the main step; the post step follows.







/** Asks CodeDeploy to stop the deployment and roll it back; one StopDeployment call. */
async function startCodeDeployRollback(deps, deploymentId) {
    const out = await stopDeployment(deps.codedeploy, deploymentId, true);
    deps.log.info(`StopDeployment (with rollback) for ${deploymentId}: ${out.status ?? 'accepted'}${out.message ? ` (${out.message})` : ''}`);
}
/**
 * Waits for the rollback deployment CodeDeploy made for `deploymentId` and follows it to
 * Succeeded (the original task set serves again). Says whether it did, in one line.
 */
async function followCodeDeployRollback(deps, options) {
    const started = deps.now();
    // A rollback after a cancel must run to its end.
    const quiet = (0,src_deps/* uncancellable */.WQ)(deps);
    try {
        const rollbackId = await (0,wait/* waitFor */.fm)({
            what: `CodeDeploy to start the rollback of ${options.deploymentId}`,
            intervalMs: options.intervalMs,
            timeoutMs: options.timeoutMs,
            onProgress: () => { },
            check: async () => {
                const d = await getDeployment(deps.codedeploy, options.deploymentId);
                const id = d.rollbackInfo?.rollbackDeploymentId;
                if (id !== undefined)
                    return { done: true, value: id };
                const ended = d.status === 'Stopped' || d.status === 'Failed' || d.status === 'Succeeded';
                return ended ? { done: true, value: undefined } : { done: false, state: d.status ?? '?' };
            },
        }, quiet);
        if (rollbackId === undefined)
            return { ok: false, line: `CodeDeploy made no rollback deployment for ${options.deploymentId}.` };
        deps.log.info(`following rollback deployment ${rollbackId}`);
        const left = Math.max(options.intervalMs, options.timeoutMs - (deps.now() - started));
        const { verdict } = await followCodeDeploy({ deploymentId: rollbackId, goal: 'completed', intervalMs: options.intervalMs, timeoutMs: left }, quiet);
        return verdict.state === 'succeeded'
            ? {
                ok: true,
                line: `Rolled back: rollback deployment ${rollbackId} succeeded; ${options.restored ?? 'the original task set serves again'}.`,
            }
            : { ok: false, line: `The rollback deployment ${rollbackId} did not succeed: ${(0,plan_verdict/* failureText */.kY)(verdict) ?? ''}` };
    }
    catch (error) {
        return { ok: false, line: `The rollback of ${options.deploymentId} could not be followed: ${(0,errors/* messageOf */.bD)(error)}` };
    }
}
/** The post step's part after a cancel: the rollback the main step started, followed to its end. */
async function followCodeDeployAfterCancel(rollback, deps) {
    const id = rollback.codeDeployDeploymentId;
    if (id === undefined)
        return { ok: true, text: 'Nothing to follow.' };
    deps.log.info(`Following the rollback of CodeDeploy deployment ${id} (the job was cancelled mid-deploy).`);
    const cd = await deps.clients.codedeploy();
    // A Lambda function's deployment (mode lambda through CodeDeploy) puts its alias back instead of a task set.
    const restored = rollback.functionName === undefined
        ? {}
        : { restored: `its alias is on ${rollback.to ?? 'the previous version'} again` };
    const { ok, line } = await followCodeDeployRollback({ ...deps, codedeploy: cd }, { deploymentId: id, intervalMs: rollback.intervalMs, timeoutMs: rollback.timeoutMs, ...restored });
    return { ok, text: `${(0,plan_rollback/* rollbackSubject */.x)(rollback)}: ${line}` };
}

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

// EXTERNAL MODULE: ./src/plan/containers.ts + 1 modules
var containers = __webpack_require__(3759);
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

// EXTERNAL MODULE: ./src/steps/ecs-controller.ts + 7 modules
var ecs_controller = __webpack_require__(5186);
;// CONCATENATED MODULE: ./src/steps/codedeploy-controller.ts
// The CodeDeploy controller: ECS services whose deploymentController is CODE_DEPLOY take a
// new revision only through a CodeDeploy deployment (CreateDeployment with an AppSpec),
// followed with GetDeployment (batched by the poll loop) and the deployment's target.














const codeDeployController = {
    kind: 'codedeploy',
    registers: true,
    prepare: prepareCodeDeploy,
    start: startCodeDeploy,
    followAfterCancel: followCodeDeployAfterCancel,
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
    const ref = groupRefFor(cluster, service, {
        application: options.codeDeploy?.application,
        group: options.codeDeploy?.deploymentGroup,
    });
    const group = await getDeploymentGroup(await deps.clients.codedeploy(), ref.application, ref.group);
    if (group === undefined) {
        throw new errors/* UserError */.yo(`Service '${service}' deploys through CodeDeploy, but deployment group '${ref.group}' of application '${ref.application}' does not exist: name them in inputs '${names/* Input */.pd.codedeployApplication}' and '${names/* Input */.pd.codedeployDeploymentGroup}'. Nothing was changed.`);
    }
    const targets = groupTargetProblem(group, cluster, service);
    if (targets !== undefined)
        throw new errors/* UserError */.yo(`Service '${service}' cannot be deployed: ${targets}. Nothing was changed.`);
    if (options.codeDeploy?.appSpec === undefined) {
        const spec = appSpecFromService(found.service, 'check');
        if (isAppSpecProblem(spec))
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
    const spec = file === undefined ? appSpecFromService(codeDeploy.service, targetArn) : appSpecFromFile(file.doc, targetArn);
    if (isAppSpecProblem(spec))
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
        deps.log.info(appSpecText(spec));
        return { finished: { verdict: { state: 'planned' }, taskDefinitionArn: plan.targetArn ?? '' } };
    }
    const cd = await deps.clients.codedeploy();
    const deploymentId = await createDeployment(cd, {
        application: ref.application,
        group: ref.group,
        appSpec: appSpecText(spec),
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
        following: new CodeDeployFollowing(prepared, codeDeploy, deploymentId, hooksOf(spec), { ...deps, codedeploy: cd }),
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
        const termination = terminationWaitMinutes(codeDeploy.group);
        this.watch = new CodeDeployWatch({
            deploymentId,
            goal: prepared.options.waitUntil,
            intervalMs: codeDeployIntervalMs(prepared.options.wait),
            timeoutMs: prepared.options.wait.timeoutMs,
            hooks,
            watched: alarmsWatch(codeDeploy.group),
            ...(termination === undefined ? {} : { terminationWaitMinutes: termination }),
        }, deps);
    }
    wants(request) {
        request.want(DEPLOYMENTS, this.deploymentId);
        this.green.wants(request, this.watch.last?.deployment.status);
    }
    async observe(snapshot) {
        const answer = snapshot.get(DEPLOYMENTS, this.deploymentId);
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
        if (!options.rollbackOnFailure || !STEP_FAILURES.has(failure.kind))
            return { verdict: failure };
        try {
            await startCodeDeployRollback(this.deps, this.deploymentId);
        }
        catch (error) {
            return { verdict: (0,plan_verdict/* withDetails */.FE)(failure, [`rollback-on-failure: ${(0,src_failure/* failureOf */.g)(error, this.deps.log).reason}`]) };
        }
        const to = this.prepared.currentArn;
        if (failure.kind === 'cancelled') {
            const follow = { controller: 'codedeploy', codeDeployDeploymentId: this.deploymentId };
            return { verdict: failure, rollback: { by: 'stop-deployment', verdict: { state: 'started' }, to, follow } };
        }
        const { ok, line } = await followCodeDeployRollback(this.deps, {
            deploymentId: this.deploymentId,
            intervalMs: codeDeployIntervalMs(options.wait),
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
