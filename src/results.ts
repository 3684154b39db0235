// What each mode did, as the steps report it: read by the pipeline and by report/ (the
// summary and the outputs). Each result carries its verdict from plan/verdict.ts unchanged.

import type { Mode } from './names.ts';
import type { CodeDeploySnapshot } from './plan/codedeploy-deployment.ts';
import type { ControllerKind } from './plan/ecs-controller.ts';
import type { TaskSize } from './plan/ecs-deploy.ts';
import type { TagSource } from './plan/image-source.ts';
import type { AlarmState } from './plan/lambda-traffic.ts';
import type { ParameterType } from './plan/parameter.ts';
import type { ResolvedImage } from './plan/resolved-image.ts';
import type { RollbackReport } from './plan/rollback.ts';
import type { LogLocation } from './plan/run-task-result.ts';
import type { StageVisit } from './plan/service-deployment.ts';
import type { Strategy } from './plan/service-deployment-stages.ts';
import type { Failure, Verdict } from './plan/verdict.ts';

export interface ImageResult extends ResolvedImage {
  tagSource?: TagSource;
  /** When ECR reported them. */
  pushedAt?: Date;
  /** false when the repository is IMMUTABLE; undefined when not looked up. */
  tagMutable?: boolean;
  durationMs: number;
}

export interface RunTaskResult {
  cluster: string;
  verdict: Verdict<'succeeded' | 'planned'>;
  /** A revision was registered or a task was started. */
  changed: boolean;
  /** True when this step registered `taskDefinitionArn` (the ecs mode's registration is not counted here). */
  registered?: boolean;
  /** Empty in a dry run that would register a new revision. */
  taskDefinitionArn: string;
  taskArn?: string;
  /** Exit code of the overridden (or first essential) container, when it reported one. */
  exitCode?: number;
  /** Where the awslogs containers write (group, stream, region, console link). */
  logs: LogLocation[];
  durationMs: number;
}

export interface EcsResult {
  cluster: string;
  service: string;
  /** How the service deploys (read from it); absent in results made before it was known. */
  controller?: ControllerKind;
  verdict: Verdict<'succeeded' | 'unchanged' | 'planned' | 'started'>;
  changed: boolean;
  registered: boolean;
  previousTaskDefinitionArn: string;
  /** Empty in a dry run that would register a new revision. */
  taskDefinitionArn: string;
  deploymentId?: string;
  /** ECS's record of our deployment, when ECS keeps one and the role may read it. */
  serviceDeployment?: ServiceDeploymentReport;
  /** A rollback of our deployment: ECS's own, or the one `rollback-on-failure` asked for. */
  rollback?: RollbackReport;
  /** A service deployed through CodeDeploy: its deployment, group and what was seen last. */
  codeDeploy?: CodeDeployReport;
  diff: string[];
  before: TaskSize;
  after: TaskSize;
  durationMs: number;
}

/** The ecs mode: each service's own result, in the order the input names them, and one verdict of all. */
export interface EcsDeployResult {
  services: EcsResult[];
  changed: boolean;
  /** Failed when any service failed: the reason names each failed service (plan/ecs-services.ts). */
  verdict: Verdict<'succeeded' | 'unchanged' | 'planned' | 'started'>;
}

export interface ServiceDeploymentReport {
  arn: string;
  strategy: Strategy;
  /** The record's last status seen (SUCCESSFUL, ROLLBACK_SUCCESSFUL, ...). */
  status?: string;
  /** Stages in the order seen, with when we saw each begin and end (ms since the epoch). */
  stages: StageVisit[];
  /** Alarms ECS watched, and those that went into ALARM. */
  alarms: { watched: string[]; triggered: string[] };
  /** Lifecycle hooks, as `id (target): STATUS`. */
  hooks: string[];
}

export interface LambdaFunctionResult {
  /** As given in the input. */
  functionName: string;
  functionArn: string;
  verdict: Verdict<'succeeded' | 'unchanged' | 'planned'>;
  changed: boolean;
  /** The image the function ran before (ResolvedImageUri, else ImageUri). */
  previousImage?: string;
  /** The image it runs after (or would, in a dry run). */
  image: string;
  /** The version the alias pointed at before this step (when it existed). */
  previousAliasVersion?: string;
  /** The version published by this step, or the one the alias already pointed at. */
  version?: string;
  alias?: string;
  /** Readable lines of what changes (the dry-run plan; also logged). */
  changes: string[];
  durationMs: number;
  /** The CodeDeploy deployment that moved the alias (codedeploy-* inputs without mode ecs). */
  codeDeploy?: CodeDeployReport;
  /** Its rollback, when the step stopped it (or put the alias back after another function failed). */
  rollback?: RollbackReport;
}

/** A Lambda traffic shift (lambda-traffic other than all-at-once, or lambda-alarms). */
export interface TrafficReport {
  /** The schedule as planned: "10% for 5m, then 100%". */
  schedule: string;
  /** Each alias change made, when (ms since the epoch) and the new version's weight (0..1]. */
  steps: Array<{ at: number; weight: number }>;
  /** The alarms watched, as last seen. */
  alarms: AlarmState[];
  /** What was put back when the shift failed, one line per alias. */
  putBack?: string[];
}

export interface LambdaResult {
  functions: LambdaFunctionResult[];
  /** The traffic shift every function's alias went through together, when there was one. */
  traffic?: TrafficReport;
  changed: boolean;
  /** Failed when any function failed: the reason names each failed function. */
  verdict: Verdict<'succeeded' | 'unchanged' | 'planned'>;
}

export interface ParameterResult {
  name: string;
  /** 'superseded': not written, because another deploy replaced this step's image on a target. */
  verdict: Verdict<'created' | 'updated' | 'unchanged' | 'planned' | 'superseded'>;
  changed: boolean;
  previousValue?: string;
  value: string;
  /** The type the parameter has after the step (or would have, in a dry run). */
  type?: ParameterType;
  /** The version that holds `value` after the step; undefined in a dry run that would write it. */
  version?: string;
  durationMs: number;
}

export interface ModeFailure {
  mode: Mode;
  failure: Failure;
}

export interface PipelineOutcome {
  image?: ImageResult;
  runTask?: RunTaskResult;
  ecs?: EcsDeployResult;
  lambda?: LambdaResult;
  parameter?: ParameterResult;
  /** Every failure, in mode order (ecs and lambda run together, so both may fail). */
  failures: ModeFailure[];
  /** What was put back as it was because the other of ecs / lambda failed (rollback-on-failure). */
  putBack?: string[];
  /** Modes that did not run (or did not change anything) because of a failure. */
  skipped: Mode[];
}

export interface CodeDeployReport {
  deploymentId: string;
  group: string;
  snapshot?: CodeDeploySnapshot;
}
