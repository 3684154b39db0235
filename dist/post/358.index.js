export const id = 358;
export const ids = [358];
export const modules = {

/***/ 1358:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

// ESM COMPAT FLAG
__webpack_require__.r(__webpack_exports__);

// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  followRollbackAfterCancel: () => (/* binding */ followRollbackAfterCancel)
});

;// CONCATENATED MODULE: ./src/plan/service-deployment.ts
// Judging ECS's own record of our deployment (a ServiceDeployment from
// DescribeServiceDeployments): pending, succeeded, or failed with what failed it. Pure.


const RECORD_STATUSES = (/* unused pure expression or super */ null && ([
    'PENDING',
    'IN_PROGRESS',
    'SUCCESSFUL',
    'STOPPED',
    'STOP_REQUESTED',
    'ROLLBACK_REQUESTED',
    'ROLLBACK_IN_PROGRESS',
    'ROLLBACK_SUCCESSFUL',
    'ROLLBACK_FAILED',
]));
const ROLLING_BACK = new Set(['ROLLBACK_REQUESTED', 'ROLLBACK_IN_PROGRESS']);
const ROLLED_BACK = new Set(['ROLLBACK_SUCCESSFUL', 'ROLLBACK_FAILED']);
/** True while ECS rolls the deployment back (requested or in progress). */
function service_deployment_isRollingBack(status) {
    return status !== undefined && ROLLING_BACK.has(status);
}
/** True when the record will not change any more. */
function service_deployment_isTerminal(status) {
    return status === 'SUCCESSFUL' || status === 'STOPPED' || (status !== undefined && ROLLED_BACK.has(status));
}
/** True when StopServiceDeployment may still act on it (PENDING or IN_PROGRESS). */
function isStoppable(status) {
    return status === 'PENDING' || status === 'IN_PROGRESS';
}
/**
 * SUCCESSFUL is success; with `wait-until` a stage, reaching that stage while the record
 * is PENDING or IN_PROGRESS is success too. Any rollback or stop is a failure, named by
 * what caused it (alarm, hook and stage, circuit breaker, ECS's reason) and, once known,
 * how the rollback ended.
 */
function service_deployment_classifyServiceDeployment(snapshot) {
    const { record, strategy, waitUntil } = snapshot;
    const status = record.status;
    const name = `deployment ${record.serviceDeploymentArn ?? '(unknown)'} of service '${snapshot.service}'`;
    switch (status) {
        case 'SUCCESSFUL':
            return { state: 'succeeded' };
        case 'PENDING':
        case 'IN_PROGRESS':
            if (waitUntil !== 'completed' && hasReached(record.lifecycleStage, waitUntil, strategy))
                return { state: 'succeeded' };
            return { state: 'pending' };
        case 'STOP_REQUESTED':
        case 'STOPPED':
            return failure('stopped', `${name} was stopped${atStage(record)} (${status})`, record);
        case 'ROLLBACK_REQUESTED':
        case 'ROLLBACK_IN_PROGRESS':
        case 'ROLLBACK_SUCCESSFUL':
        case 'ROLLBACK_FAILED':
            return failure('rolled-back', `${name} was rolled back by ECS${atStage(record)}: ${causeOf(record)}; ${service_deployment_rollbackOutcome(record)}`, record);
        default:
            // No status yet (or one newer than this code): keep looking.
            return { state: 'pending' };
    }
}
function failure(kind, reason, record) {
    return failed(kind, reason, evidenceOf(record));
}
function atStage(record) {
    return record.lifecycleStage === undefined ? '' : ` at stage ${record.lifecycleStage}`;
}
/** What failed the deployment, most specific first. */
function causeOf(record) {
    const alarms = record.alarms?.triggeredAlarmNames ?? [];
    if (alarms.length > 0)
        return `${alarms.length === 1 ? 'alarm' : 'alarms'} ${alarms.map((a) => `'${a}'`).join(', ')} in ALARM`;
    const hook = failedHook(record);
    if (hook !== undefined)
        return `lifecycle hook ${hookLabel(hook)} ${hook.status ?? 'FAILED'} at stage ${record.lifecycleStage ?? 'unknown'}`;
    const breaker = record.deploymentCircuitBreaker;
    if (breaker?.status === 'TRIGGERED')
        return `the circuit breaker tripped: ${breaker.failureCount ?? '?'} of ${breaker.threshold ?? '?'} failed tasks (failureCount ${breaker.failureCount ?? '?'}, threshold ${breaker.threshold ?? '?'})`;
    const reason = record.statusReason?.trim() || record.rollback?.reason?.trim();
    return reason ? reason : 'ECS gave no reason';
}
/** How the rollback went: succeeded, failed, or still running. */
function service_deployment_rollbackOutcome(record) {
    const to = record.rollback?.serviceRevisionArn;
    const target = to === undefined ? 'the previous revision' : to;
    switch (record.status) {
        case 'ROLLBACK_SUCCESSFUL':
            return `rollback to ${target} succeeded`;
        case 'ROLLBACK_FAILED':
            return `rollback to ${target} FAILED: the service may run neither revision fully`;
        default:
            return `rollback to ${target} in progress`;
    }
}
/** One line each: the alarms, hooks, circuit breaker and reasons ECS recorded. */
function evidenceOf(record) {
    const lines = [];
    const alarms = record.alarms;
    if ((alarms?.triggeredAlarmNames ?? []).length > 0) {
        // Only those in ALARM: naming the quiet ones too would point the reader at the wrong graph.
        lines.push(`alarms in ALARM: ${(alarms?.triggeredAlarmNames ?? []).join(', ')}`);
    }
    for (const hook of record.lifecycleHookDetails ?? []) {
        if (hook.status === 'FAILED' || hook.status === 'TIMED_OUT')
            lines.push(`lifecycle hook ${hookLabel(hook)}: ${hook.status} at stage ${record.lifecycleStage ?? 'unknown'}`);
    }
    const breaker = record.deploymentCircuitBreaker;
    if (breaker !== undefined && (breaker.failureCount ?? 0) > 0) {
        lines.push(`circuit breaker ${breaker.status ?? ''}: ${breaker.failureCount ?? 0} failed tasks, threshold ${breaker.threshold ?? '?'}`.replace('  ', ' '));
    }
    if (record.statusReason?.trim())
        lines.push(`ECS: ${record.statusReason.trim()}`);
    if (record.rollback?.reason?.trim() && record.rollback.reason.trim() !== record.statusReason?.trim())
        lines.push(`rollback: ${record.rollback.reason.trim()}`);
    return lines;
}
function failedHook(record) {
    return (record.lifecycleHookDetails ?? []).find((h) => h.status === 'FAILED' || h.status === 'TIMED_OUT');
}
function hookLabel(hook) {
    const target = hook.targetArn === undefined ? '' : ` (${hook.targetArn})`;
    return `${hook.hookId ?? 'unknown'}${target}`;
}
/** The pause hook our deployment waits at, if any. */
function pausedAt(record) {
    return (record.lifecycleHookDetails ?? []).find((h) => h.targetType === 'PAUSE' && h.status === 'AWAITING_ACTION');
}
/** e.g. `BLUE_GREEN IN_PROGRESS stage PRODUCTION_TRAFFIC_SHIFT, new revision running 2/2, production traffic 10%`. */
function recordProgressLine(record, strategy) {
    const target = record.targetServiceRevision;
    const parts = [`${strategy} ${record.status ?? 'UNKNOWN'}`, `stage ${record.lifecycleStage ?? '(none yet)'}`];
    if (target?.requestedTaskCount !== undefined) {
        const pending = (target.pendingTaskCount ?? 0) > 0 ? `, pending ${target.pendingTaskCount}` : '';
        parts.push(`new revision running ${target.runningTaskCount ?? 0}/${target.requestedTaskCount}${pending}`);
    }
    const prod = target?.requestedProductionTrafficWeight;
    if (prod !== undefined && strategy !== 'ROLLING')
        parts.push(`production traffic ${prod}%`);
    const test = target?.requestedTestTrafficWeight;
    if (test !== undefined && test > 0 && strategy !== 'ROLLING')
        parts.push(`test traffic ${test}%`);
    const hook = pausedAt(record);
    if (hook !== undefined) {
        parts.push(`waiting at pause hook ${hook.hookId ?? 'unknown'} in stage ${record.lifecycleStage ?? 'unknown'}: continue it with ` +
            `aws ecs continue-service-deployment --service-deployment-arn ${record.serviceDeploymentArn ?? '<arn>'} --hook-id ${hook.hookId ?? '<hook id>'}`);
    }
    return parts.join(', ');
}
// Failures of the action's own making: ECS did not (yet) roll anything back.
const OWN_VERDICTS = new Set(['too-many-failed-tasks', 'timed-out', 'cancelled']);
/**
 * With `rollback-on-failure`, what to do about a failed verdict. Only failures ECS has not
 * already rolled back (our own verdicts: too many failed tasks, the timeout, a cancelled
 * job) are rolled back, with StopServiceDeployment while the record is still PENDING or
 * IN_PROGRESS, or, without a record (no permission, no record), by pointing the service
 * back at its previous revision.
 */
function service_deployment_decideRollback(input) {
    if (!input.rollbackOnFailure || !OWN_VERDICTS.has(input.failure.kind))
        return 'none';
    if (!input.haveRecord)
        return 'update-service';
    if (isStoppable(input.recordStatus))
        return 'stop-deployment';
    return 'none';
}
/** Records the stage seen at `now`: closes the previous visit when it changed. Returns a new list. */
function visitStage(visits, stage, now) {
    const last = visits.at(-1);
    if (stage === undefined || last?.stage === stage)
        return [...visits];
    const closed = last === undefined || last.leftAt !== undefined ? [...visits] : [...visits.slice(0, -1), { ...last, leftAt: now }];
    return [...closed, { stage, enteredAt: now }];
}
/**
 * One verdict from both views of a poll. The record decides success (SUCCESSFUL, or the
 * `wait-until` stage reached) and names a rollback best; while it is pending, today's
 * DescribeServices rules (our deployment replaced, too many failed tasks, the service
 * gone) still fail it. Without a record, DescribeServices alone decides.
 */
function combineVerdicts(rollout, record) {
    if (record === undefined)
        return rollout;
    if (record.state !== 'pending')
        return record;
    return rollout.state === 'failed' ? rollout : { state: 'pending' };
}

;// CONCATENATED MODULE: ./src/plan/verdict.ts
// The one verdict shape. plan/ decides it, steps put it in their results unchanged, and
// the log, the outputs and the summary read it from there: no layer re-shapes it.
function verdict_failed(kind, reason, details = []) {
    return { state: 'failed', kind, reason, details };
}
function isFailure(verdict) {
    return verdict.state === 'failed';
}
/** The failure as the log and the summary print it: the reason, then each detail. */
function failureText(verdict) {
    if (verdict === undefined || !isFailure(verdict))
        return undefined;
    return [verdict.reason, ...verdict.details].join('\n');
}
/** The same failure with more evidence appended. */
function verdict_withDetails(failure, details) {
    return details.length === 0 ? failure : { ...failure, details: [...failure.details, ...details] };
}

// EXTERNAL MODULE: ./node_modules/@aws-sdk/client-ecs/dist-cjs/index.js
var dist_cjs = __webpack_require__(212);
// EXTERNAL MODULE: ./src/errors.ts
var errors = __webpack_require__(3916);
;// CONCATENATED MODULE: ./src/aws/ecs.ts



/** The service, or undefined when ECS reports it MISSING. */
async function describeService(ecs, ref) {
    try {
        const out = await ecs.send(new dist_cjs.DescribeServicesCommand({ cluster: ref.cluster, services: [ref.service] }));
        return out.services?.[0];
    }
    catch (error) {
        throw new errors/* AwsCallError */.iQ(`DescribeServices for '${ref.service}' in cluster '${ref.cluster}'`, error);
    }
}
async function describeTaskDefinition(ecs, ref) {
    const command = new DescribeTaskDefinitionCommand({ taskDefinition: ref, include: ['TAGS'] });
    const raw = captureRawResponse(command);
    try {
        await ecs.send(command);
    }
    catch (error) {
        throw new AwsCallError(`DescribeTaskDefinition for '${ref}'`, error);
    }
    const json = raw.json();
    if (!json?.taskDefinition)
        throw new AwsCallError(`DescribeTaskDefinition for '${ref}'`, 'the response had no taskDefinition');
    return { taskDefinition: json.taskDefinition, tags: json.tags ?? [] };
}
/** Registers the definition with every member it has, and returns the new revision's ARN. */
async function registerTaskDefinition(ecs, taskDefinition, tags) {
    const raw = { ...taskDefinition, ...(tags.length > 0 ? { tags } : {}) };
    const command = new RegisterTaskDefinitionCommand(raw);
    sendUnknownMembers(command, raw);
    try {
        const out = await ecs.send(command);
        const arn = out.taskDefinition?.taskDefinitionArn;
        if (!arn)
            throw new Error('the response had no taskDefinitionArn');
        return arn;
    }
    catch (error) {
        throw new AwsCallError(`RegisterTaskDefinition for family '${String(taskDefinition['family'])}'`, error);
    }
}
async function ecs_updateService(ecs, update) {
    return asked(`UpdateService for '${update.service}' in cluster '${update.cluster}'`, async () => {
        const out = await ecs.send(new UpdateServiceCommand({
            cluster: update.cluster,
            service: update.service,
            taskDefinition: update.taskDefinition,
            forceNewDeployment: update.forceNewDeployment,
            ...(update.desiredCount === undefined ? {} : { desiredCount: update.desiredCount }),
        }));
        return required(out.service, 'service');
    });
}
/** ARNs of stopped tasks started by a deployment (its id is their startedBy). */
async function listStoppedTasks(ecs, cluster, startedBy) {
    try {
        const out = await ecs.send(new dist_cjs.ListTasksCommand({ cluster, startedBy, desiredStatus: 'STOPPED' }));
        return out.taskArns ?? [];
    }
    catch (error) {
        throw new errors/* AwsCallError */.iQ(`ListTasks started by '${startedBy}' in cluster '${cluster}'`, error);
    }
}
const DESCRIBE_TASKS_LIMIT = 100;
async function describeTasks(ecs, cluster, taskArns) {
    if (taskArns.length === 0)
        return [];
    try {
        const out = await ecs.send(new dist_cjs.DescribeTasksCommand({ cluster, tasks: taskArns.slice(0, DESCRIBE_TASKS_LIMIT) }));
        return out.tasks ?? [];
    }
    catch (error) {
        throw new errors/* AwsCallError */.iQ(`DescribeTasks in cluster '${cluster}'`, error);
    }
}
/** Starts one task; ECS answers placement problems as `failures`, not as an error. */
async function runTask(ecs, request) {
    try {
        const out = await ecs.send(new RunTaskCommand(request));
        return { ...(out.tasks?.[0] === undefined ? {} : { task: out.tasks[0] }), failures: out.failures ?? [] };
    }
    catch (error) {
        throw new AwsCallError(`RunTask for '${String(request.taskDefinition)}' in cluster '${String(request.cluster)}'`, error);
    }
}
/** The service's deployment records created at or after `since`, newest first (one page). */
async function listServiceDeployments(ecs, ref, since) {
    try {
        const out = await ecs.send(new ListServiceDeploymentsCommand({ cluster: ref.cluster, service: ref.service, createdAt: { after: since } }));
        return out.serviceDeployments ?? [];
    }
    catch (error) {
        throw new AwsCallError(`ListServiceDeployments for '${ref.service}' in cluster '${ref.cluster}'`, error);
    }
}
/** One deployment record, or undefined when ECS does not know it (yet). */
async function describeServiceDeployment(ecs, arn) {
    try {
        const out = await ecs.send(new dist_cjs.DescribeServiceDeploymentsCommand({ serviceDeploymentArns: [arn] }));
        return out.serviceDeployments?.find((d) => d.serviceDeploymentArn === arn) ?? out.serviceDeployments?.[0];
    }
    catch (error) {
        throw new errors/* AwsCallError */.iQ(`DescribeServiceDeployments for '${arn}'`, error);
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
        const out = await ecs.send(new DescribeServiceRevisionsCommand({ serviceRevisionArns: arns.slice(0, 20) }));
        return out.serviceRevisions ?? [];
    }
    catch (error) {
        throw new AwsCallError(`DescribeServiceRevisions for ${arns.length} revision(s)`, error);
    }
}
/** Asks ECS to stop a PENDING or IN_PROGRESS deployment, rolling it back with `ROLLBACK`. */
async function ecs_stopServiceDeployment(ecs, arn, stopType) {
    try {
        await ecs.send(new StopServiceDeploymentCommand({ serviceDeploymentArn: arn, stopType }));
    }
    catch (error) {
        throw new AwsCallError(`StopServiceDeployment (${stopType}) for '${arn}'`, error);
    }
}
/**
 * One page of the cluster's tasks with desiredStatus RUNNING started by `startedBy`. The
 * ListTasks reference says startedBy "must be the only filter that you use"; RUNNING is
 * what ListTasks lists when no desiredStatus is given, so none is sent.
 */
async function listRunningTasks(ecs, cluster, startedBy, nextToken) {
    return asked(`ListTasks (RUNNING) started by '${startedBy}' in cluster '${cluster}'`, async () => {
        const out = await ecs.send(new ListTasksCommand({ cluster, startedBy, ...(nextToken === undefined ? {} : { nextToken }) }));
        return { taskArns: out.taskArns ?? [], ...(out.nextToken === undefined ? {} : { nextToken: out.nextToken }) };
    });
}
/** The tasks with their tags (`include: ['TAGS']`), at most 100 per call. */
async function describeTasksWithTags(ecs, cluster, taskArns) {
    if (taskArns.length === 0)
        return [];
    return asked(`DescribeTasks (with tags) in cluster '${cluster}'`, async () => {
        const out = await ecs.send(new DescribeTasksCommand({ cluster, tasks: taskArns.slice(0, DESCRIBE_TASKS_LIMIT), include: ['TAGS'] }));
        return out.tasks ?? [];
    });
}
/** Asks ECS to stop the task; `reason` shows in DescribeTasks as its stoppedReason. */
async function stopTask(ecs, cluster, taskArn, reason) {
    return asked(`StopTask for '${taskArn}' in cluster '${cluster}'`, async () => {
        const out = await ecs.send(new StopTaskCommand({ cluster, task: taskArn, reason }));
        return out.task;
    });
}

;// CONCATENATED MODULE: ./src/failure.ts


/**
 * A verdict plan/ made, thrown from deep inside a step (a Lambda update Lambda marked
 * Failed): it reaches failureOf with its kind and details intact.
 */
class VerdictError extends errors/* UserError */.yo {
    name = 'VerdictError';
    failure;
    constructor(failure) {
        super(failure.reason);
        this.failure = failure;
    }
}
/**
 * The one place a thrown error becomes a failed verdict. Every catch that ends a mode (or
 * one Lambda function, or the wait of a deployment whose id must survive) comes here, so
 * the message is explained the same way and the stack is logged once, at debug.
 */
function failure_failureOf(error, log) {
    if (error instanceof VerdictError)
        return error.failure;
    if (!(error instanceof errors/* UserError */.yo) && error instanceof Error && error.stack)
        log.debug(error.stack);
    const kind = error instanceof errors/* TimeoutError */.MU ? 'timed-out' : error instanceof errors/* CancelledError */.cc ? 'cancelled' : 'error';
    return verdict_failed(kind, (0,errors/* explain */.WE)(error));
}

;// CONCATENATED MODULE: ./src/plan/aws-names.ts
// Names AWS gives things, read out of ARNs and documents, and console addresses. One copy
// of each, for every partition. Pure.
/** The AWS console host for a region: aws, aws-cn and aws-us-gov partitions. */
function consoleHost(region) {
    if (region.startsWith('cn-'))
        return 'https://console.amazonaws.cn';
    if (region.startsWith('us-gov-'))
        return 'https://console.amazonaws-us-gov.com';
    return `https://${region}.console.aws.amazon.com`;
}
/** The last segment of a task ARN: what the console, the CLI and awslogs streams use. */
function taskIdOf(taskArn) {
    if (taskArn === undefined || taskArn === '')
        return '(unknown)';
    return taskArn.slice(taskArn.lastIndexOf('/') + 1);
}
function familyOf(td) {
    const family = td['family'];
    return typeof family === 'string' && family !== '' ? family : '(no family)';
}
/** `family:revision` from a task definition ARN; non-ARNs pass through unchanged. */
function aws_names_taskDefinitionLabel(arn) {
    if (arn === undefined)
        return '(none)';
    const match = /^arn:[^:]+:ecs:[^:]*:[^:]*:task-definition\/(.+)$/.exec(arn);
    return match?.[1] ?? arn;
}
/** The region field of an ARN, when it has one. */
function regionOfArn(arn) {
    const region = arn.split(':')[3];
    return region === undefined || region === '' ? undefined : region;
}

;// CONCATENATED MODULE: ./src/plan/ecs-progress.ts
// What a person reads while a deployment rolls out: progress lines, service events,
// stopped tasks. Pure: the steps print what these return.

/** e.g. `new web:5 (ecs-svc/2) IN_PROGRESS running 1/2 pending 1 failed 0 | old web:4 running 2/2` */
function rolloutProgressLine(service, deploymentId) {
    const { ours, others } = viewDeployments(service, deploymentId);
    const head = ours === undefined
        ? `new (${deploymentId}) gone from the service`
        : [
            `new ${ours.taskDefinition} (${ours.id})`,
            ours.rolloutState,
            `running ${ours.running}/${ours.desired}`,
            `pending ${ours.pending}`,
            `failed ${ours.failed}`,
        ]
            .filter((part) => part !== undefined)
            .join(' ');
    const tail = others.map((d) => {
        const pending = d.pending > 0 ? ` pending ${d.pending}` : '';
        return `${d.role} ${d.taskDefinition} running ${d.running}/${d.desired}${pending}`;
    });
    return [head, ...tail].join(' | ');
}
function viewDeployments(service, deploymentId) {
    const deployments = service.deployments ?? [];
    const ours = deployments.find((d) => d.id === deploymentId);
    return {
        ours: ours === undefined ? undefined : viewDeployment(ours, 'new'),
        others: deployments
            .filter((d) => d !== ours)
            // Another PRIMARY is not "old": it is a rollback or someone else's newer deploy.
            .map((d) => viewDeployment(d, d.status === 'PRIMARY' ? 'primary' : 'old')),
    };
}
function viewDeployment(d, role) {
    return {
        role,
        taskDefinition: aws_names_taskDefinitionLabel(d.taskDefinition),
        id: d.id ?? 'unknown id',
        rolloutState: d.rolloutState,
        running: d.runningCount ?? 0,
        desired: d.desiredCount ?? 0,
        pending: d.pendingCount ?? 0,
        failed: d.failedTasks ?? 0,
    };
}
/**
 * Identity used to remember which events were printed. ECS always sends an id; the
 * fallback keeps emulators without ids from repeating the same event on every poll.
 */
function serviceEventKey(event) {
    return event.id ?? `${event.createdAt?.toISOString() ?? ''} ${event.message ?? ''}`;
}
/** Events since `since` not yet seen, oldest first (ECS lists newest first). */
function newServiceEvents(events, since, seen) {
    const fresh = (events ?? []).filter((e) => e.createdAt !== undefined && e.createdAt.getTime() >= since.getTime() && !seen.has(serviceEventKey(e)));
    // Reverse first so events with equal timestamps also come out oldest first.
    return fresh.reverse().sort((a, b) => time(a.createdAt) - time(b.createdAt));
}
function formatServiceEvent(event) {
    const text = `event: ${event.message ?? '(no message)'}`;
    return event.createdAt === undefined ? text : `${event.createdAt.toISOString()} ${text}`;
}
/** `task <id> stopped (<stopCode>): <stoppedReason>`, then one line per telling container. */
function describeStoppedTask(task, options = {}) {
    const code = task.stopCode === undefined ? '' : ` (${task.stopCode})`;
    const reason = task.stoppedReason?.trim() || 'no stop reason given';
    const head = `task ${taskIdOf(task.taskArn)} stopped${code}: ${reason}`;
    const containers = (task.containers ?? [])
        .filter((c) => !isQuietSidecar(c, options.nonEssentialContainers))
        .map(describeContainer);
    return [head, ...containers];
}
/** Newest first, at most `limit` tasks; says how many were left out. */
function summarizeTaskFailures(tasks, limit = 5, options = {}) {
    const newestFirst = [...tasks].sort((a, b) => time(b.stoppedAt ?? b.createdAt) - time(a.stoppedAt ?? a.createdAt));
    const shown = newestFirst.slice(0, Math.max(0, limit));
    const lines = shown.flatMap((t) => describeStoppedTask(t, options));
    const rest = tasks.length - shown.length;
    if (rest > 0)
        lines.push(`... and ${rest} more stopped ${rest === 1 ? 'task' : 'tasks'}`);
    return lines;
}
function describeContainer(container) {
    const exit = container.exitCode === undefined ? 'no exit code' : `exit code ${container.exitCode}`;
    const reason = container.reason?.trim();
    return `  container ${container.name ?? '(unnamed)'}: ${exit}${reason ? ` — ${reason}` : ''}`;
}
// A non-essential sidecar that ended cleanly (or never reported) explains nothing.
function isQuietSidecar(container, nonEssential) {
    if (container.name === undefined || nonEssential?.has(container.name) !== true)
        return false;
    const clean = container.exitCode === undefined || container.exitCode === 0;
    return clean && !container.reason?.trim();
}
function time(date) {
    return date?.getTime() ?? 0;
}

;// CONCATENATED MODULE: ./src/plan/ecs-rollout.ts


function ecs_rollout_primaryDeployment(service) {
    return service.deployments?.find((d) => d.status === 'PRIMARY');
}
/**
 * The PRIMARY deployment still rolling out `taskDefinition` (ARN or family:revision), if
 * any. When the service already runs the target, this is a deployment an earlier run
 * started (and was killed while waiting for): a re-run follows it instead of starting another.
 */
function deploymentInProgress(service, taskDefinition) {
    const primary = ecs_rollout_primaryDeployment(service);
    if (primary?.id === undefined || primary.rolloutState !== 'IN_PROGRESS')
        return undefined;
    return taskDefinitionLabel(primary.taskDefinition) === taskDefinitionLabel(taskDefinition) ? primary : undefined;
}
/**
 * The PRIMARY deployment of `taskDefinition` when its rollout FAILED and nothing rolled it
 * back (no circuit-breaker rollback): the service "runs" the target on paper, but it never
 * came up. A re-run must not call that unchanged.
 */
function deploymentFailed(service, taskDefinition) {
    const primary = ecs_rollout_primaryDeployment(service);
    if (primary?.id === undefined || primary.rolloutState !== 'FAILED')
        return undefined;
    return taskDefinitionLabel(primary.taskDefinition) === taskDefinitionLabel(taskDefinition) ? primary : undefined;
}
/**
 * Judges one DescribeServices snapshot. Unlike the SDK's ServicesStable waiter, success
 * needs *our* deployment to be completed and alone, so a finished rollback is a failure.
 */
function classifyRollout(input) {
    const { service, deploymentId, maxFailedTasks } = input;
    if (service === undefined) {
        return verdict_failed('service-inactive', `service '${input.where.service}' disappeared from cluster '${input.where.cluster}' while deploying`);
    }
    const name = `service '${serviceLabel(service)}'`;
    // Undefined status is tolerated: some emulators leave it out.
    if (service.status !== undefined && service.status !== 'ACTIVE') {
        return verdict_failed('service-inactive', `${name} is ${service.status}: it was deleted or is being deleted, so deployment ${deploymentId} cannot complete`);
    }
    const deployments = service.deployments ?? [];
    const ours = deployments.find((d) => d.id === deploymentId);
    const primary = ecs_rollout_primaryDeployment(service);
    const primaryIsOther = primary !== undefined && primary.id !== deploymentId;
    if (ours === undefined) {
        const now = primary === undefined
            ? 'no deployment is PRIMARY now'
            : `ECS now runs ${deploymentLabel(primary)}, probably a rollback`;
        return verdict_failed('replaced', `deployment ${deploymentId} is gone from ${name}; ${now}`);
    }
    if (ours.rolloutState === 'FAILED') {
        const why = ours.rolloutStateReason?.trim() || 'ECS gave no reason';
        const rollback = primaryIsOther && primary !== undefined
            ? `; ECS is rolling back to ${aws_names_taskDefinitionLabel(primary.taskDefinition)} (${primary.id ?? 'unknown id'})`
            : '';
        return verdict_failed('rollout-failed', `deployment ${deploymentId} of ${name} failed: ${why}${rollback}`);
    }
    if (ours.status !== 'PRIMARY') {
        const now = primary === undefined
            ? 'no deployment is PRIMARY now'
            : `ECS now runs ${deploymentLabel(primary)}, a rollback or a newer deployment`;
        return verdict_failed('replaced', `deployment ${deploymentId} of ${name} is no longer the primary one (status ${ours.status ?? 'unknown'}); ${now}`);
    }
    const failedTasks = ours.failedTasks ?? 0;
    if (maxFailedTasks > 0 && failedTasks >= maxFailedTasks) {
        return verdict_failed('too-many-failed-tasks', `${failedTasks} ${failedTasks === 1 ? 'task' : 'tasks'} of deployment ${deploymentId} failed (max-failed-tasks is ${maxFailedTasks})`);
    }
    // An older deployment still draining means old tasks still serve traffic: not done yet.
    const alone = deployments.length === 1;
    if (alone && isRolledOut(ours))
        return { state: 'succeeded' };
    return { state: 'pending' };
}
function isRolledOut(deployment) {
    if (deployment.rolloutState !== undefined)
        return deployment.rolloutState === 'COMPLETED';
    // No rolloutState (other deployment controllers, emulators): fall back to the counts.
    const running = deployment.runningCount ?? 0;
    const desired = deployment.desiredCount ?? 0;
    const pending = deployment.pendingCount ?? 0;
    return running >= desired && pending === 0;
}
function deploymentLabel(deployment) {
    return `${deployment.id ?? 'an unknown deployment'} (${aws_names_taskDefinitionLabel(deployment.taskDefinition)})`;
}
function serviceLabel(service) {
    return service.serviceName ?? service.serviceArn ?? 'unknown';
}

;// CONCATENATED MODULE: ./src/plan/duration.ts

const UNIT_MS = { ms: 1, s: 1000, m: 60_000, h: 3_600_000 };
/**
 * Parses `90`, `90s`, `10m`, `1h`, `1h30m`, `500ms` into milliseconds. A bare number is
 * seconds, as in most CI settings.
 */
function parseDuration(raw, inputName) {
    const value = raw.trim().toLowerCase();
    const fail = () => {
        throw new UserError(`Input '${inputName}' ('${raw}') is not a duration: use seconds like 90, or units like 90s, 10m, 1h30m.`);
    };
    if (value === '')
        fail();
    if (/^\d+(\.\d+)?$/.test(value))
        return Math.round(Number(value) * 1000);
    const parts = value.replace(/\s+/g, '').match(/(\d+(?:\.\d+)?)(ms|s|m|h)/g);
    if (!parts || parts.join('') !== value.replace(/\s+/g, ''))
        fail();
    let total = 0;
    for (const part of parts ?? []) {
        const [, amount, unit] = /^(\d+(?:\.\d+)?)(ms|s|m|h)$/.exec(part) ?? [];
        total += Number(amount) * (UNIT_MS[unit ?? ''] ?? Number.NaN);
    }
    if (!Number.isFinite(total))
        fail();
    return Math.round(total);
}
/** `95000` -> `1m35s`, for messages. */
function formatDuration(ms) {
    if (ms < 1000)
        return `${Math.round(ms)}ms`;
    const totalSeconds = Math.round(ms / 1000);
    const h = Math.floor(totalSeconds / 3600);
    const m = Math.floor((totalSeconds % 3600) / 60);
    const s = totalSeconds % 60;
    return [h ? `${h}h` : '', m ? `${m}m` : '', s || (!h && !m) ? `${s}s` : ''].join('');
}

;// CONCATENATED MODULE: ./src/wait.ts


const HEARTBEAT_MS = 60_000;
/**
 * The one poll loop. Polls at once, then every interval; never sleeps past the deadline,
 * so a timeout is reported when it happens, with the last state seen.
 */
async function waitFor(options, clock) {
    const started = clock.now();
    const deadline = started + options.timeoutMs;
    const heartbeat = options.heartbeatMs ?? HEARTBEAT_MS;
    let lastState;
    let lastSaid = started;
    const { signal } = options;
    const cancelled = () => new errors/* CancelledError */.cc(`The job was cancelled after ${formatDuration(clock.now() - started)} waiting for ${options.what}. Last state: ${lastState ?? 'none yet'}`);
    for (;;) {
        if (isAborted(signal))
            throw cancelled();
        const poll = await options.check();
        if (poll.done)
            return poll.value;
        if (poll.state !== lastState) {
            options.onProgress(poll.state);
            lastState = poll.state;
            lastSaid = clock.now();
        }
        else if (clock.now() - lastSaid >= heartbeat) {
            // Ten silent minutes read like a hung step: say what is awaited, and since when.
            options.onProgress(`still waiting for ${options.what} (${formatDuration(clock.now() - started)} so far): ${poll.state}`);
            lastSaid = clock.now();
        }
        const remaining = deadline - clock.now();
        if (remaining <= 0) {
            throw new errors/* TimeoutError */.MU(`Timed out after ${formatDuration(clock.now() - started)} waiting for ${options.what}. Last state: ${lastState}`);
        }
        // deps.sleep itself wakes when the job is cancelled (main.ts): one mechanism, checked here.
        await clock.sleep(Math.min(poll.nextMs ?? options.intervalMs, remaining));
        if (isAborted(signal))
            throw cancelled();
    }
}
function isAborted(signal) {
    return signal?.aborted === true;
}

;// CONCATENATED MODULE: ./src/steps/ecs-follow.ts







/**
 * Polls the service (one DescribeServices per poll) until our deployment succeeds or
 * fails, printing a progress line when counts change and each new service event once.
 * A timeout, or AWS failing while we watch, is a failed verdict too: the deployment was
 * started, so the caller keeps its id.
 */
async function ecs_follow_followDeployment(options, deps) {
    const { cluster, service: serviceName, deploymentId } = options;
    const seenEvents = new Set();
    const failedTasks = new FailedTaskLog(options, deps);
    let final;
    try {
        final = await waitFor({
            what: `deployment ${deploymentId} of service '${serviceName}'`,
            intervalMs: options.intervalMs,
            timeoutMs: options.timeoutMs,
            onProgress: (line) => deps.log.info(line),
            ...(deps.cancel === undefined ? {} : { signal: deps.cancel }),
            check: async () => {
                const service = await describeService(deps.clients.ecs, { cluster, service: serviceName });
                for (const event of newServiceEvents(service?.events, options.since, seenEvents)) {
                    seenEvents.add(serviceEventKey(event));
                    deps.log.info(formatServiceEvent(event));
                }
                const ours = service?.deployments?.find((d) => d.id === deploymentId);
                await failedTasks.update(ours?.failedTasks ?? 0);
                const rollout = classifyRollout({ service, where: { cluster, service: serviceName }, deploymentId, maxFailedTasks: options.maxFailedTasks });
                const record = options.record === undefined ? {} : await options.record.poll(service);
                const verdict = combineVerdicts(rollout, record.verdict);
                if (verdict.state !== 'pending')
                    return { done: true, value: verdict };
                const counts = rolloutProgressLine(service ?? {}, deploymentId);
                const state = record.progress === undefined ? counts : `${record.progress} | ${counts}`;
                return { done: false, state, ...(record.nextMs === undefined ? {} : { nextMs: record.nextMs }) };
            },
        }, deps);
    }
    catch (error) {
        return verdict_withDetails(failure_failureOf(error, deps.log), summarizeTaskFailures(failedTasks.known(), undefined, options.taskOptions));
    }
    if (final.state === 'succeeded') {
        const record = options.record?.last;
        if (record !== undefined && record.status !== 'SUCCESSFUL') {
            deps.log.info(`Deployment ${deploymentId} reached stage ${record.lifecycleStage ?? '?'} (wait-until): ECS carries on with the rest (bake, clean-up) on its own.`);
        }
        else {
            const says = record === undefined ? '' : ` (ECS's record: ${record.status ?? '?'} at stage ${record.lifecycleStage ?? '?'})`;
            deps.log.info(`Deployment ${deploymentId} completed: service '${serviceName}' runs it${says}.`);
        }
        return final;
    }
    return verdict_withDetails(final, summarizeTaskFailures(await failedTasks.all(), undefined, options.taskOptions));
}
/**
 * Stopped tasks of our deployment. Looked up only when the deployment's failedTasks count
 * grows (or once at the end of a failure), so a healthy rollout costs no task calls.
 */
class FailedTaskLog {
    tasks = new Map();
    seenCount = 0;
    options;
    deps;
    constructor(options, deps) {
        this.options = options;
        this.deps = deps;
    }
    async update(failedCount) {
        if (failedCount <= this.seenCount)
            return;
        this.seenCount = failedCount;
        const fresh = await this.fetchNew();
        for (const line of summarizeTaskFailures(fresh, undefined, this.options.taskOptions))
            this.deps.log.warning(line);
    }
    known() {
        return [...this.tasks.values()];
    }
    /** Every stopped task, looked up once more: ListTasks may lag behind failedTasks. */
    async all() {
        await this.fetchNew();
        return [...this.tasks.values()];
    }
    async fetchNew() {
        const { ecs } = this.deps.clients;
        const arns = await listStoppedTasks(ecs, this.options.cluster, this.options.deploymentId);
        const unknown = arns.filter((arn) => !this.tasks.has(arn));
        const tasks = await describeTasks(ecs, this.options.cluster, unknown);
        for (const task of tasks)
            if (task.taskArn)
                this.tasks.set(task.taskArn, task);
        return tasks;
    }
}

;// CONCATENATED MODULE: ./src/steps/ecs-rollback.ts









/**
 * After our deployment failed: when ECS is rolling it back, follow that to its end so the
 * failure says how it went; when the failure is the action's own (too many failed tasks,
 * the timeout, a cancelled job) and `rollback-on-failure` is on, roll it back with
 * StopServiceDeployment(ROLLBACK), or, when that is refused or there is no record, with
 * UpdateService to the previous revision. On a cancelled job the rollback is only started:
 * the runner stops this process seconds later, and the post step follows it.
 */
async function settleFailure(failure, options, deps) {
    const calm = { ...deps, cancel: undefined };
    const arn = options.record?.arn;
    const last = options.record?.last;
    if (arn !== undefined && last !== undefined && (isRollingBack(last.status) || last.status === 'ROLLBACK_SUCCESSFUL' || last.status === 'ROLLBACK_FAILED')) {
        if (failure.kind === 'cancelled')
            return { verdict: failure, rollback: { by: 'ecs', verdict: { state: 'started' }, ...toOf(last), follow: { recordArn: arn } } };
        const end = isTerminal(last.status) ? last : await followRecord(arn, options, calm).catch(() => last);
        const verdict = classifyServiceDeployment({ record: end, strategy: options.record?.strategy ?? 'ROLLING', waitUntil: 'completed', service: options.service });
        return { verdict: verdict.state === 'failed' ? keepDetails(failure, verdict) : failure, rollback: ecsRollback(end) };
    }
    const action = decideRollback({ failure, rollbackOnFailure: options.rollbackOnFailure, recordStatus: last?.status, haveRecord: arn !== undefined });
    if (action === 'none')
        return { verdict: failure };
    const cancelled = failure.kind === 'cancelled';
    if (action === 'stop-deployment' && arn !== undefined) {
        try {
            deps.log.info(`Rolling back deployment ${arn}: StopServiceDeployment (ROLLBACK).`);
            await stopServiceDeployment(deps.clients.ecs, arn, 'ROLLBACK');
        }
        catch (error) {
            deps.log.warning(`${messageOf(error)}: rolling back by pointing service '${options.service}' at ${options.previousTaskDefinitionArn} instead.`);
            return updateBack(failure, options, calm, cancelled);
        }
        if (cancelled)
            return started(failure, 'stop-service-deployment', options, { recordArn: arn });
        const rollback = await followRecord(arn, options, calm).then((end) => stopRollback(end, options), (error) => ({ by: 'stop-service-deployment', verdict: failureOf(error, deps.log), to: options.previousTaskDefinitionArn }));
        return { verdict: withRollbackLine(failure, rollback), rollback };
    }
    return updateBack(failure, options, calm, cancelled);
}
async function updateBack(failure, options, deps, cancelled) {
    const { cluster, service, previousTaskDefinitionArn: to } = options;
    let deploymentId;
    try {
        deps.log.info(`Rolling back service '${service}': UpdateService to ${to}.`);
        const updated = await updateService(deps.clients.ecs, { cluster, service, taskDefinition: to, forceNewDeployment: false });
        deploymentId = primaryDeployment(updated)?.id;
    }
    catch (error) {
        const rollback = { by: 'update-service', verdict: failureOf(error, deps.log), to };
        return { verdict: withRollbackLine(failure, rollback), rollback };
    }
    if (cancelled)
        return started(failure, 'update-service', options, deploymentId === undefined ? {} : { deploymentId });
    if (deploymentId === undefined) {
        const rollback = { by: 'update-service', verdict: failed('error', 'UpdateService reported no PRIMARY deployment to follow'), to };
        return { verdict: withRollbackLine(failure, rollback), rollback };
    }
    const verdict = await followDeployment({ cluster, service, deploymentId, since: new Date(deps.now()), intervalMs: options.intervalMs, timeoutMs: options.timeoutMs, maxFailedTasks: options.maxFailedTasks, taskOptions: options.taskOptions }, deps);
    const rollback = { by: 'update-service', verdict, to };
    return { verdict: withRollbackLine(failure, rollback), rollback };
}
/** Polls the record (one DescribeServiceDeployments per interval) until it stops changing. */
async function followRecord(arn, bounds, deps) {
    return waitFor({
        what: `the rollback of ${arn}`,
        intervalMs: bounds.intervalMs,
        timeoutMs: bounds.timeoutMs,
        onProgress: (line) => deps.log.info(line),
        check: async () => {
            const record = await describeServiceDeployment(deps.clients.ecs, arn);
            if (record !== undefined && service_deployment_isTerminal(record.status))
                return { done: true, value: record };
            return { done: false, state: `rollback: ${record?.status ?? 'no record'} stage ${record?.lifecycleStage ?? '(none)'}` };
        },
    }, deps);
}
function stopRollback(end, options) {
    const to = end.rollback?.serviceRevisionArn ?? options.previousTaskDefinitionArn;
    if (end.status === 'ROLLBACK_SUCCESSFUL' || end.status === 'STOPPED')
        return { by: 'stop-service-deployment', verdict: { state: 'succeeded' }, to };
    return { by: 'stop-service-deployment', verdict: failed('rollout-failed', `${rollbackOutcome(end)} (${end.status ?? 'no status'})`), to };
}
function ecsRollback(end) {
    const verdict = end.status === 'ROLLBACK_SUCCESSFUL' ? { state: 'succeeded' } : failed('rollout-failed', rollbackOutcome(end));
    return { by: 'ecs', verdict, ...toOf(end) };
}
function toOf(record) {
    const to = record.rollback?.serviceRevisionArn;
    return to === undefined ? {} : { to };
}
function started(failure, by, options, follow) {
    const rollback = { by, verdict: { state: 'started' }, to: options.previousTaskDefinitionArn, follow };
    return { verdict: withRollbackLine(failure, rollback), rollback };
}
/** The final record's failure, with the evidence gathered while following (stopped tasks). */
function keepDetails(first, final) {
    const extra = first.details.filter((line) => !final.details.includes(line));
    return withDetails(final, extra);
}
function withRollbackLine(failure, rollback) {
    return withDetails(failure, [rollbackLine(rollback)]);
}

;// CONCATENATED MODULE: ./src/steps/ecs-rollback-post.ts




/** Follows a rollback the cancelled main step started: the record if there is one, else the deployment. */
async function followRollbackAfterCancel(rollback, deps) {
    const { cluster, service } = rollback;
    if (rollback.recordArn !== undefined) {
        deps.log.info(`Following the rollback of ${rollback.recordArn} (the job was cancelled mid-deploy).`);
        const end = await followRecord(rollback.recordArn, rollback, deps);
        const ok = end.status === 'ROLLBACK_SUCCESSFUL' || end.status === 'STOPPED';
        return { ok, text: `Service '${service}': ${service_deployment_rollbackOutcome(end)} (${end.status ?? 'no status'}).` };
    }
    if (rollback.deploymentId !== undefined) {
        deps.log.info(`Following deployment ${rollback.deploymentId} back to ${rollback.to ?? 'the previous revision'} (the job was cancelled mid-deploy).`);
        const verdict = await ecs_follow_followDeployment({ cluster, service, deploymentId: rollback.deploymentId, since: new Date(deps.now()), intervalMs: rollback.intervalMs, timeoutMs: rollback.timeoutMs, maxFailedTasks: 0, taskOptions: {} }, deps);
        if (verdict.state === 'succeeded')
            return { ok: true, text: `Service '${service}' is back on ${rollback.to ?? 'its previous revision'}.` };
        return { ok: false, text: `The rollback of service '${service}' failed: ${failureText(verdict) ?? ''}` };
    }
    return { ok: true, text: 'Nothing to follow.' };
}


/***/ })

};
