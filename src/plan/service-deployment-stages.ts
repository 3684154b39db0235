// The lifecycle stages of an ECS service deployment, per strategy, and the `wait-until`
// input that names one of them. Pure.

import type { DeploymentConfiguration, DeploymentStrategy, ServiceDeploymentLifecycleStage } from '@aws-sdk/client-ecs';
import {
  CODEDEPLOY_WAIT_EVENTS,
  type CodeDeployEvent,
  isCodeDeployEvent,
  parseCodeDeployEvent,
} from './codedeploy-events.ts';

export type Strategy = DeploymentStrategy;
// The record's stages only: PRE_PRODUCTION_TRAFFIC_SHIFT is a lifecycle hook stage
// (DeploymentLifecycleHookStage), which a record never reports, so it can end no wait.
export type Stage = ServiceDeploymentLifecycleStage;

/**
 * `completed`: the record is SUCCESSFUL (after bake and clean-up); a stage: our deployment
 * reached it; a CodeDeploy lifecycle event: for services deployed through CodeDeploy only.
 */
export type WaitUntil = 'completed' | Stage | CodeDeployEvent;

// In order, as the API reference lists them. Blue/green, linear and canary walk the same
// stages (linear and canary shift production traffic in steps inside PRODUCTION_TRAFFIC_SHIFT).
const TRAFFIC_SHIFTING: readonly Stage[] = [
  'RECONCILE_SERVICE',
  'PRE_SCALE_UP',
  'SCALE_UP',
  'POST_SCALE_UP',
  'TEST_TRAFFIC_SHIFT',
  'POST_TEST_TRAFFIC_SHIFT',
  'PRODUCTION_TRAFFIC_SHIFT',
  'POST_PRODUCTION_TRAFFIC_SHIFT',
  'BAKE_TIME',
  'CLEAN_UP',
];

// A rolling update replaces tasks in place: it reconciles, scales up the new revision
// (draining the old one as it goes) and cleans up; there is no traffic shift and no bake.
const ROLLING: readonly Stage[] = ['RECONCILE_SERVICE', 'SCALE_UP', 'CLEAN_UP'];

export const ALL_STAGES: readonly Stage[] = TRAFFIC_SHIFTING;
export const STRATEGIES: readonly Strategy[] = ['ROLLING', 'BLUE_GREEN', 'LINEAR', 'CANARY'];

export function stagesOf(strategy: Strategy): readonly Stage[] {
  return strategy === 'ROLLING' ? ROLLING : TRAFFIC_SHIFTING;
}

/** The strategy a service deploys with: ROLLING when it names none. */
export function strategyOf(config: DeploymentConfiguration | undefined): Strategy {
  return config?.strategy ?? 'ROLLING';
}

/** Parses the `wait-until` input; undefined when it is neither `completed`, a stage nor a CodeDeploy event. */
export function parseWaitUntil(raw: string): WaitUntil | undefined {
  const value = raw.trim();
  if (value.toLowerCase() === 'completed') return 'completed';
  const stage = value.toUpperCase().replace(/-/g, '_');
  if ((ALL_STAGES as readonly string[]).includes(stage)) return stage as Stage;
  return parseCodeDeployEvent(value);
}

/**
 * Why `waitUntil` cannot end the wait of a service deployed through CodeDeploy, or
 * undefined when it can: only `completed` and CodeDeploy lifecycle events apply there.
 */
export function codeDeployWaitUntilProblem(waitUntil: WaitUntil): string | undefined {
  if (waitUntil === 'completed' || isCodeDeployEvent(waitUntil)) return undefined;
  return `${waitUntil} is a stage of ECS's own deployments, and this service deploys through CodeDeploy: use 'completed' or a CodeDeploy lifecycle event (${CODEDEPLOY_WAIT_EVENTS.join(', ')})`;
}

/**
 * Why `waitUntil` cannot be reached on a service deploying with `strategy`, or undefined
 * when it can: a stage the strategy never goes through would never end the wait.
 */
export function waitUntilProblem(waitUntil: WaitUntil, strategy: Strategy): string | undefined {
  if (waitUntil === 'completed') return undefined;
  const stages = stagesOf(strategy);
  if (isCodeDeployEvent(waitUntil))
    return `${waitUntil} is a CodeDeploy lifecycle event, and this service deploys with ECS's own ${strategy} strategy: use 'completed' or one of ${stages.join(', ')}`;
  if (stages.includes(waitUntil)) return undefined;
  return `a ${strategy} deployment never goes through stage ${waitUntil}: use 'completed' or one of ${stages.join(', ')}`;
}

/** -1 when the stage is not part of the strategy (or unknown, or a CodeDeploy event). */
export function stageIndex(stage: Stage | CodeDeployEvent | undefined, strategy: Strategy): number {
  return stage === undefined ? -1 : (stagesOf(strategy) as readonly string[]).indexOf(stage);
}

/** True once `stage` is `target` or a later stage of the strategy. */
export function hasReached(stage: Stage | undefined, target: Stage | CodeDeployEvent, strategy: Strategy): boolean {
  const at = stageIndex(stage, strategy);
  const goal = stageIndex(target, strategy);
  return at >= 0 && goal >= 0 && at >= goal;
}
