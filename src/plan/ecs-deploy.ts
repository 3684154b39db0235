import type { Deployment, Service } from '@aws-sdk/client-ecs';
import { UserError } from '../errors.ts';
import { Input } from '../names.ts';
import { taskDefinitionLabel } from './aws-names.ts';
import { containersOf, selectContainer } from './containers.ts';
import { diffTaskDefinitions } from './diff.ts';
import { deploymentFailed, deploymentInProgress } from './ecs-rollout.ts';
import { validateTaskSize } from './fargate.ts';
import { renderTaskDefinition, toRegisterable } from './task-definition.ts';
import { sameTaskDefinition } from './task-definition-compare.ts';
import type { EnvironmentVariable, Tag, TaskDefinitionDoc } from './task-definition-types.ts';
import { type Failure, failed } from './verdict.ts';

export interface DescribedRevision {
  /** As AWS sent it (or as the file gave it). */
  taskDefinition: TaskDefinitionDoc;
  tags: Tag[];
}

/** What a deploy changes in the task definition. */
export interface EcsOverrides {
  /** The containers that get the image and environment (the 'container-name' input); none: chosen by the image's repository. */
  containerNames?: string[];
  image?: string;
  cpu?: string;
  memory?: string;
  environment: EnvironmentVariable[];
}

export interface EcsPlanInput {
  /** The revision the service runs now. */
  running: DescribedRevision;
  /** What to render from: the running revision, another registered one, or a file. */
  source: DescribedRevision;
  overrides: EcsOverrides;
  forceNewDeployment: boolean;
  desiredCount?: number;
  currentDesiredCount?: number;
}

export interface TaskSize {
  cpu?: string;
  memory?: string;
  image?: string;
}

export interface EcsPlan {
  /** The containers that get the image and environment; empty when the deploy touches none. */
  containerNames: string[];
  rendered: TaskDefinitionDoc;
  tags: Tag[];
  /** What changes against the running revision, for the log and the summary. */
  diff: string[];
  registerNeeded: boolean;
  /** The registered revision to deploy when no registration is needed. */
  targetArn?: string;
  updateNeeded: boolean;
  before: TaskSize;
  after: TaskSize;
}

/**
 * Renders the overrides onto the source, validates the result (throws a UserError before
 * anything is changed), and decides what must happen: a new revision only when the
 * rendered one differs from what runs, an update only when something would change.
 */
export function planEcsDeploy(input: EcsPlanInput): EcsPlan {
  const { overrides } = input;
  const base = toRegisterable(input.source.taskDefinition);
  const environment = overrides.environment.length > 0 ? overrides.environment : undefined;
  const named = overrides.containerNames ?? [];
  const touchesContainer = overrides.image !== undefined || environment !== undefined || named.length > 0;
  // Each named container must be in the definition (the error lists the ones it has).
  const containerNames = !touchesContainer
    ? []
    : named.length > 0
      ? named.map((name) => selectContainer(base, { containerName: name }).containerName)
      : [selectContainer(base, { imageRepository: overrides.image }).containerName];
  const rendered = renderTaskDefinition(base, {
    containerNames,
    image: overrides.image,
    cpu: overrides.cpu,
    memory: overrides.memory,
    environment,
  });
  const problems = validateTaskSize({
    taskDefinition: rendered,
    labels: {
      cpu: overrides.cpu === undefined ? 'Task definition cpu' : `Input '${Input.cpu}'`,
      memory: overrides.memory === undefined ? 'Task definition memory' : `Input '${Input.memory}'`,
    },
  });
  if (problems.length > 0) throw new UserError([...problems, ...missingPartner(overrides, problems)].join('\n'));

  const runningArn = arnOf(input.running.taskDefinition);
  const sourceArn = arnOf(input.source.taskDefinition);
  const runningDoc = toRegisterable(input.running.taskDefinition);
  const tags = input.source.tags;
  const target = (() => {
    if (sameTaskDefinition(runningDoc, rendered) && sameTags(input.running.tags, tags)) return runningArn;
    // A registered source deployed as it is needs no new revision of its own.
    if (sourceArn !== undefined && sameTaskDefinition(base, rendered)) return sourceArn;
    return undefined;
  })();
  const desiredCountChanges = input.desiredCount !== undefined && input.desiredCount !== input.currentDesiredCount;
  return {
    containerNames,
    rendered,
    tags,
    diff: diffTaskDefinitions(runningDoc, rendered),
    registerNeeded: target === undefined,
    targetArn: target,
    updateNeeded: target === undefined || target !== runningArn || desiredCountChanges || input.forceNewDeployment,
    before: sizeOf(input.running.taskDefinition, containerNames[0]),
    after: sizeOf(rendered, containerNames[0]),
  };
}

/**
 * The family's latest ACTIVE revision when it is exactly what was rendered (same definition,
 * same tags): an earlier run registered it and stopped before updating the service, or a
 * parallel job registered the same thing. Deploying it beats registering an identical twin.
 */
export function reusableRevision(
  rendered: TaskDefinitionDoc,
  tags: Tag[],
  latest: DescribedRevision | undefined,
): string | undefined {
  if (latest === undefined || latest.taskDefinition.status === 'INACTIVE') return undefined;
  if (!sameTaskDefinition(toRegisterable(latest.taskDefinition), rendered) || !sameTags(latest.tags, tags))
    return undefined;
  return arnOf(latest.taskDefinition);
}

export function arnOf(td: TaskDefinitionDoc): string | undefined {
  const arn = td.taskDefinitionArn;
  return typeof arn === 'string' ? arn : undefined;
}

export function sameTags(a: Tag[], b: Tag[]): boolean {
  const key = (tags: Tag[]) => JSON.stringify([...tags].sort((x, y) => x.key.localeCompare(y.key)));
  return key(a) === key(b);
}

function sizeOf(td: TaskDefinitionDoc, containerName: string | undefined): TaskSize {
  const containers = containersOf(td);
  const container = containerName
    ? containers.find((c) => c.name === containerName)
    : containers.length === 1
      ? containers[0]
      : undefined;
  const str = (v: unknown) => (v === undefined || v === null ? undefined : String(v));
  return { cpu: str(td.cpu), memory: str(td.memory), image: str(container?.image) };
}

/** When the plan needs no update: what the service's own deployment of the target says. */
export type Standing =
  /** Nothing to do: the service runs the target. */
  | { kind: 'unchanged' }
  /** A deployment of the target is still IN_PROGRESS (an earlier run was killed while waiting): follow it. */
  | { kind: 'in-progress'; deployment: Deployment & { id: string }; recordArn?: string }
  /** The deployment of the target FAILED and nothing rolled it back: not a success, and nothing to change. */
  | { kind: 'failed'; deployment: Deployment & { id: string }; failure: Failure };

/**
 * Decides, for a plan that changes nothing, whether the service really is done: a re-run
 * follows a deployment of the target still in progress, and refuses to call a failed
 * one that stayed failed "unchanged".
 */
export function decideStanding(service: Service, runningArn: string, name: string): Standing {
  const inProgress = deploymentInProgress(service, runningArn);
  if (inProgress?.id !== undefined) {
    // The service's current record is that deployment's (it is still PRIMARY and in progress).
    const recordArn = service.currentServiceDeployment;
    return {
      kind: 'in-progress',
      deployment: { ...inProgress, id: inProgress.id },
      ...(recordArn === undefined ? {} : { recordArn }),
    };
  }
  const failedBefore = deploymentFailed(service, runningArn);
  if (failedBefore?.id === undefined) return { kind: 'unchanged' };
  const failure = failed(
    'refused',
    `Service '${name}' is set to ${taskDefinitionLabel(runningArn)}, but its deployment ${failedBefore.id} of it FAILED (${failedBefore.rolloutStateReason ?? 'no reason given'}) and was not rolled back: nothing was changed. Fix the cause, then set '${Input.forceNewDeployment}: true' to roll it out again.`,
  );
  return { kind: 'failed', deployment: { ...failedBefore, id: failedBefore.id }, failure };
}

/**
 * With only one of cpu / memory given, the other stays as the task definition has it; when
 * that is what Fargate refuses, say which input to add (the line before gives the values).
 */
function missingPartner(overrides: EcsOverrides, problems: string[]): string[] {
  const only =
    overrides.cpu !== undefined && overrides.memory === undefined
      ? 'cpu'
      : overrides.memory !== undefined && overrides.cpu === undefined
        ? 'memory'
        : undefined;
  if (only === undefined) return [];
  const partner = only === 'cpu' ? 'memory' : 'cpu';
  if (!problems.some((p) => p.includes('is not valid with cpu'))) return [];
  return [
    `Set input '${partner}' as well: with input '${only}' alone the task definition's ${partner} is kept, and Fargate does not accept it with that ${only}.`,
  ];
}
