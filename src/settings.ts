// What each mode is asked to do, as inputs/ reads it: owned by no layer, read by inputs/
// (which builds it), the pipeline, the steps and nothing else.

import type { Mode } from './names.ts';
import type { EcsOverrides } from './plan/ecs-deploy.ts';
import type { LambdaAppSpecFile } from './plan/lambda-appspec.ts';
import type { TrafficSpec } from './plan/lambda-traffic.ts';
import type { ParameterTag, ParameterType } from './plan/parameter.ts';
import type { Launch, TaskNetwork } from './plan/run-task-request.ts';
import type { StepIdentity, TagPropagation } from './plan/run-task-tags.ts';
import type { WaitUntil } from './plan/service-deployment-stages.ts';
import type { EnvironmentVariable, Tag, TaskDefinitionDoc } from './plan/task-definition-types.ts';

export interface Settings {
  modes: Mode[];
  region: string;
  endpoint?: string;
  dryRun: boolean;
  /** Present when the image mode runs (named, or implied by lambda / parameter). */
  image?: ImageOptions;
  runTask?: RunTaskOptions;
  ecs?: EcsDeployOptions;
  lambda?: LambdaOptions;
  parameter?: ParameterOptions;
}

export interface WaitSettings {
  enabled: boolean;
  timeoutMs: number;
  intervalMs: number;
  /** `poll-interval` was written in the workflow: it then applies to every wait as written. */
  intervalSet?: boolean;
}

/** A poll loop's bounds. */
export interface PollBounds {
  timeoutMs: number;
  intervalMs: number;
}

export interface ImageOptions {
  /** The 'image' input, already validated with parseImageRef. */
  image: string;
  /** The 'tag' input. */
  tag?: string;
  /** The 'digest' input. */
  digest?: string;
  /** The 'pin-digest' input, default true. */
  pinDigest: boolean;
  /** GITHUB_REF, GITHUB_SHA. */
  git: { ref?: string; sha?: string };
  /** The 'wait-for-image' input: poll ECR until the image is there (replication) instead of failing at once. */
  waitForImage?: PollBounds;
}

/** Where a task definition comes from: the service's own revision, a registered one, or a file. */
export type TaskDefinitionSource =
  | { kind: 'service' }
  | { kind: 'registered'; ref: string }
  | { kind: 'file'; path: string; taskDefinition: TaskDefinitionDoc; tags: Tag[] };

export interface EcsDeployOptions extends EcsOverrides {
  cluster: string;
  /**
   * Every service the 'service' input names, in order (one service: a list of one). The
   * ecs step plans and deploys each with these options as its own EcsServiceOptions.
   */
  services: string[];
  source: TaskDefinitionSource;
  forceNewDeployment: boolean;
  desiredCount?: number;
  dryRun: boolean;
  wait: WaitSettings;
  maxFailedTasks: number;
  /** `completed`, or the lifecycle stage at which our deployment counts as a success. */
  waitUntil: WaitUntil;
  /** Roll our deployment back when the action's own verdict is a failure ECS did not roll back. */
  rollbackOnFailure: boolean;
  /** UpdateService `propagateTags` (TASK_DEFINITION, SERVICE or NONE), sent only when set. */
  propagateTags?: TagPropagation;
  /** UpdateService `enableECSManagedTags`, sent only when set. */
  enableEcsManagedTags?: boolean;
  /** For services whose deploymentController is CODE_DEPLOY; unused by the others. */
  codeDeploy?: CodeDeployOptions;
}

/** The `codedeploy-*` inputs; names default per service (plan/codedeploy-group.ts). */
export interface CodeDeployOptions {
  application?: string;
  deploymentGroup?: string;
  /** The AppSpec file, parsed and checked; its TaskDefinition is replaced at deploy time. */
  appSpec?: { path: string; doc: unknown };
  deploymentConfig?: string;
}

/** The ecs options of one of the services: what each service's rollout is given. */
export type EcsServiceOptions = Omit<EcsDeployOptions, 'services'> & { service: string };

/** Where the one-off task's definition comes from. */
export type RunTaskSource =
  /** The revision the ecs mode of the same step deploys; the pipeline registers it first and passes its ARN. */
  | {
      kind: 'ecs';
      /** What the ecs mode rendered, when it was planned first: lets prepare check the container and launch before any change. */
      taskDefinition?: TaskDefinitionDoc;
    }
  /** family, family:revision or ARN. */
  | { kind: 'registered'; ref: string }
  | { kind: 'file'; path: string; taskDefinition: TaskDefinitionDoc; tags: Tag[] };

export interface RunTaskOptions {
  cluster: string;
  source: RunTaskSource;
  /** Container whose command/environment (and image, with the image mode) to override. */
  containerName?: string;
  /** Command override, as the container's `command` array. */
  command?: string[];
  environment: EnvironmentVariable[];
  /** awsvpc subnets, security groups (none: the VPC's default) and public IP. */
  network?: TaskNetwork;
  /** A launch type, or a capacity provider strategy (an empty one: the cluster's default). */
  launch: Launch;
  startedBy: string;
  /** RunTask clientToken: the same token never starts a second task. */
  clientToken: string;
  /** `run-task-logs`: print the awslogs containers' lines while the task runs. */
  logs: boolean;
  /** `run-task-tags`, checked against ECS's limits; the step tags are added on top. */
  tags: Tag[];
  /** `propagate-tags` as RunTask takes it (never SERVICE: RunTask refuses it); undefined: not sent. */
  propagateTags?: Exclude<TagPropagation, 'SERVICE'>;
  enableEcsManagedTags: boolean;
  /** Inside a workflow run: tags the task so a re-run of the step follows it instead of starting another. */
  step?: StepIdentity;
  dryRun: boolean;
  wait: PollBounds;
}

export interface LambdaOptions {
  /** As the user wrote them: names, partial or full ARNs (validated in plan/lambda-update.ts). */
  functionNames: string[];
  /** Publish a version after the update (implied by alias). */
  publish: boolean;
  /** Alias to point at the published version; created when missing. */
  alias?: string;
  /** `lambda-traffic`: how the alias moves to the new version (all at once, canary, linear). */
  traffic: TrafficSpec;
  /** `lambda-alarms`: CloudWatch alarms watched before and during the shift; one in ALARM puts the aliases back. */
  alarms: string[];
  dryRun: boolean;
  /** The deploy region: Lambda runs images only from ECR in the function's region. */
  region: string;
  /** `timeoutMs` bounds each function's whole deploy: waiting, retries, publishing. */
  wait: PollBounds & Pick<WaitSettings, 'intervalSet'>;
  /** Set when the `codedeploy-*` inputs are given without mode ecs: CodeDeploy moves the alias. */
  codeDeploy?: LambdaCodeDeployOptions;
}

/** The `codedeploy-*` inputs for Lambda: both names required (no console default exists for Lambda). */
export interface LambdaCodeDeployOptions {
  application: string;
  deploymentGroup: string;
  deploymentConfig?: string;
  /** The AppSpec file's hooks (and resource name), checked; its Name, Alias and versions are filled in per function. */
  appSpec?: { path: string; file: LambdaAppSpecFile };
}

export interface ParameterOptions {
  name: string;
  /** `{tag}`, `{digest}`, `{image}`, `{repository}` placeholders (checked in plan/parameter.ts). */
  template: string;
  /** String when creating; when the parameter exists, its type is kept (and must match if given). */
  type?: ParameterType;
  /** Applied only when the parameter is created. */
  tags: ParameterTag[];
  dryRun: boolean;
  /** Bound for retrying TooManyUpdates. */
  timeoutMs: number;
}
