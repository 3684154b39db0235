import {
  DescribeServiceDeploymentsCommand,
  DescribeServiceRevisionsCommand,
  DescribeServicesCommand,
  DescribeTaskDefinitionCommand,
  DescribeTasksCommand,
  type ECSClient,
  type Failure,
  ListServiceDeploymentsCommand,
  ListTasksCommand,
  RegisterTaskDefinitionCommand,
  type RegisterTaskDefinitionCommandInput,
  RunTaskCommand,
  type RunTaskCommandInput,
  type Service,
  type ServiceDeployment,
  type ServiceDeploymentBrief,
  type ServiceRevision,
  StopServiceDeploymentCommand,
  StopTaskCommand,
  type Task,
  UpdateServiceCommand,
} from '@aws-sdk/client-ecs';
import { AwsCallError, asked, required } from '../errors.ts';
import type { TagPropagation } from '../plan/run-task-tags.ts';
import type { Tag, TaskDefinitionDoc } from '../plan/task-definition-types.ts';
import { sendForRawJson, sendUnknownMembers } from './raw-json.ts';

export interface ServiceRef {
  cluster: string;
  service: string;
}

/** The service, or undefined when ECS reports it MISSING. */
export async function describeService(ecs: ECSClient, ref: ServiceRef): Promise<Service | undefined> {
  return (await describeServices(ecs, ref.cluster, [ref.service])).get(ref.service);
}

/**
 * Several services of one cluster in one call (DescribeServices takes up to 10): each name
 * as given maps to its service, or to undefined when ECS reports it MISSING.
 */
export async function describeServices(
  ecs: ECSClient,
  cluster: string,
  services: string[],
): Promise<Map<string, Service | undefined>> {
  try {
    const out = await ecs.send(new DescribeServicesCommand({ cluster, services }));
    const found = out.services ?? [];
    // A name may be given as the service's name or its ARN; ECS answers with both.
    const match = (ref: string) =>
      found.find(
        (s) =>
          s.serviceArn === ref ||
          s.serviceName === ref ||
          (s.serviceName !== undefined && ref.endsWith(`/${s.serviceName}`)),
      );
    // One asked, one answered: that is it, however ECS spells it (as describeService reads it).
    if (services.length === 1) return new Map(services.map((ref) => [ref, found[0]]));
    return new Map(services.map((ref) => [ref, match(ref)]));
  } catch (error) {
    throw new AwsCallError(
      `DescribeServices for ${services.map((s) => `'${s}'`).join(', ')} in cluster '${cluster}'`,
      error,
    );
  }
}

export interface DescribedTaskDefinition {
  /** As AWS sent it, including members this SDK version does not model. */
  taskDefinition: TaskDefinitionDoc;
  tags: Tag[];
}

export async function describeTaskDefinition(ecs: ECSClient, ref: string): Promise<DescribedTaskDefinition> {
  const what = `DescribeTaskDefinition for '${ref}'`;
  const command = new DescribeTaskDefinitionCommand({ taskDefinition: ref, include: ['TAGS'] });
  const json = (await sendForRawJson(ecs, command, what)) as
    | { taskDefinition?: TaskDefinitionDoc; tags?: Tag[] }
    | undefined;
  if (!json?.taskDefinition) throw new AwsCallError(what, 'the response had no taskDefinition');
  return { taskDefinition: json.taskDefinition, tags: json.tags ?? [] };
}

/** Registers the definition with every member it has, and returns the new revision's ARN. */
export async function registerTaskDefinition(
  ecs: ECSClient,
  taskDefinition: TaskDefinitionDoc,
  tags: Tag[],
): Promise<string> {
  const raw: Record<string, unknown> = { ...taskDefinition, ...(tags.length > 0 ? { tags } : {}) };
  const command = new RegisterTaskDefinitionCommand(raw as unknown as RegisterTaskDefinitionCommandInput);
  sendUnknownMembers(command, raw);
  try {
    const out = await ecs.send(command);
    const arn = out.taskDefinition?.taskDefinitionArn;
    if (!arn) throw new Error('the response had no taskDefinitionArn');
    return arn;
  } catch (error) {
    throw new AwsCallError(`RegisterTaskDefinition for family '${String(taskDefinition.family)}'`, error);
  }
}

export interface ServiceUpdate extends ServiceRef {
  taskDefinition: string;
  forceNewDeployment: boolean;
  desiredCount?: number;
  propagateTags?: TagPropagation;
  enableEcsManagedTags?: boolean;
}

export async function updateService(ecs: ECSClient, update: ServiceUpdate): Promise<Service> {
  return asked(`UpdateService for '${update.service}' in cluster '${update.cluster}'`, async () => {
    const out = await ecs.send(
      new UpdateServiceCommand({
        cluster: update.cluster,
        service: update.service,
        taskDefinition: update.taskDefinition,
        forceNewDeployment: update.forceNewDeployment,
        ...(update.desiredCount === undefined ? {} : { desiredCount: update.desiredCount }),
        ...(update.propagateTags === undefined ? {} : { propagateTags: update.propagateTags }),
        ...(update.enableEcsManagedTags === undefined ? {} : { enableECSManagedTags: update.enableEcsManagedTags }),
      }),
    );
    return required(out.service, 'service');
  });
}

/** ARNs of stopped tasks started by a deployment (its id is their startedBy). */
export async function listStoppedTasks(ecs: ECSClient, cluster: string, startedBy: string): Promise<string[]> {
  try {
    const out = await ecs.send(new ListTasksCommand({ cluster, startedBy, desiredStatus: 'STOPPED' }));
    return out.taskArns ?? [];
  } catch (error) {
    throw new AwsCallError(`ListTasks started by '${startedBy}' in cluster '${cluster}'`, error);
  }
}

const DESCRIBE_TASKS_LIMIT = 100;

export async function describeTasks(ecs: ECSClient, cluster: string, taskArns: string[]): Promise<Task[]> {
  if (taskArns.length === 0) return [];
  try {
    const out = await ecs.send(new DescribeTasksCommand({ cluster, tasks: taskArns.slice(0, DESCRIBE_TASKS_LIMIT) }));
    return out.tasks ?? [];
  } catch (error) {
    throw new AwsCallError(`DescribeTasks in cluster '${cluster}'`, error);
  }
}

export interface RunTaskAnswer {
  /** The started task; undefined when ECS started none (see `failures`). */
  task?: Task;
  /** Why ECS could not start it (e.g. RESOURCE:MEMORY, MISSING). */
  failures: Failure[];
}

/** Starts one task; ECS answers placement problems as `failures`, not as an error. */
export async function runTask(ecs: ECSClient, request: RunTaskCommandInput): Promise<RunTaskAnswer> {
  try {
    const out = await ecs.send(new RunTaskCommand(request));
    return { ...(out.tasks?.[0] === undefined ? {} : { task: out.tasks[0] }), failures: out.failures ?? [] };
  } catch (error) {
    throw new AwsCallError(
      `RunTask for '${String(request.taskDefinition)}' in cluster '${String(request.cluster)}'`,
      error,
    );
  }
}

/** The service's deployment records created at or after `since`, newest first (one page). */
export async function listServiceDeployments(
  ecs: ECSClient,
  ref: ServiceRef,
  since: Date,
): Promise<ServiceDeploymentBrief[]> {
  try {
    const out = await ecs.send(
      new ListServiceDeploymentsCommand({ cluster: ref.cluster, service: ref.service, createdAt: { after: since } }),
    );
    return out.serviceDeployments ?? [];
  } catch (error) {
    throw new AwsCallError(`ListServiceDeployments for '${ref.service}' in cluster '${ref.cluster}'`, error);
  }
}

/** One deployment record, or undefined when ECS does not know it (yet). */
export async function describeServiceDeployment(ecs: ECSClient, arn: string): Promise<ServiceDeployment | undefined> {
  const found = await describeServiceDeployments(ecs, [arn]);
  return found.find((d) => d.serviceDeploymentArn === arn) ?? found[0];
}

/** Deployment records, up to 20 per call as the API takes them; those ECS does not know are left out. */
export async function describeServiceDeployments(
  ecs: ECSClient,
  arns: readonly string[],
): Promise<ServiceDeployment[]> {
  try {
    const out = await ecs.send(new DescribeServiceDeploymentsCommand({ serviceDeploymentArns: arns.slice(0, 20) }));
    return out.serviceDeployments ?? [];
  } catch (error) {
    throw new AwsCallError(
      `DescribeServiceDeployments for ${arns.length === 1 ? `'${arns[0]}'` : `${arns.length} records`}`,
      error,
    );
  }
}

/**
 * Service revisions (what each deployment targets: its task definition), up to 20 per call
 * as the API allows; revisions ECS does not know are left out.
 */
export async function describeServiceRevisions(ecs: ECSClient, arns: readonly string[]): Promise<ServiceRevision[]> {
  if (arns.length === 0) return [];
  try {
    const out = await ecs.send(new DescribeServiceRevisionsCommand({ serviceRevisionArns: arns.slice(0, 20) }));
    return out.serviceRevisions ?? [];
  } catch (error) {
    throw new AwsCallError(`DescribeServiceRevisions for ${arns.length} revision(s)`, error);
  }
}

/** Asks ECS to stop a PENDING or IN_PROGRESS deployment, rolling it back with `ROLLBACK`. */
export async function stopServiceDeployment(
  ecs: ECSClient,
  arn: string,
  stopType: 'ROLLBACK' | 'ABORT',
): Promise<void> {
  try {
    await ecs.send(new StopServiceDeploymentCommand({ serviceDeploymentArn: arn, stopType }));
  } catch (error) {
    throw new AwsCallError(`StopServiceDeployment (${stopType}) for '${arn}'`, error);
  }
}

export interface TaskArnsPage {
  taskArns: string[];
  nextToken?: string;
}

/**
 * One page of the cluster's tasks with desiredStatus RUNNING started by `startedBy`. The
 * ListTasks reference says startedBy "must be the only filter that you use"; RUNNING is
 * what ListTasks lists when no desiredStatus is given, so none is sent.
 */
export async function listRunningTasks(
  ecs: ECSClient,
  cluster: string,
  startedBy: string,
  nextToken?: string,
): Promise<TaskArnsPage> {
  return asked(`ListTasks (RUNNING) started by '${startedBy}' in cluster '${cluster}'`, async () => {
    const out = await ecs.send(
      new ListTasksCommand({ cluster, startedBy, ...(nextToken === undefined ? {} : { nextToken }) }),
    );
    return { taskArns: out.taskArns ?? [], ...(out.nextToken === undefined ? {} : { nextToken: out.nextToken }) };
  });
}

/** The tasks with their tags (`include: ['TAGS']`), at most 100 per call. */
export async function describeTasksWithTags(ecs: ECSClient, cluster: string, taskArns: string[]): Promise<Task[]> {
  if (taskArns.length === 0) return [];
  return asked(`DescribeTasks (with tags) in cluster '${cluster}'`, async () => {
    const out = await ecs.send(
      new DescribeTasksCommand({ cluster, tasks: taskArns.slice(0, DESCRIBE_TASKS_LIMIT), include: ['TAGS'] }),
    );
    return out.tasks ?? [];
  });
}

/** Asks ECS to stop the task; `reason` shows in DescribeTasks as its stoppedReason. */
export async function stopTask(
  ecs: ECSClient,
  cluster: string,
  taskArn: string,
  reason: string,
): Promise<Task | undefined> {
  return asked(`StopTask for '${taskArn}' in cluster '${cluster}'`, async () => {
    const out = await ecs.send(new StopTaskCommand({ cluster, task: taskArn, reason }));
    return out.task;
  });
}
