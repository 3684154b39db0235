// A test instrument, not a product. moto keeps state but never rolls a deployment out,
// never fails a task and never throttles. The scenario proxy sits in front of it, passes
// every request through unchanged, records each call, and overlays scripted behaviour on
// chosen operations. This file is the proxy the tests start: the core
// (scenario-proxy-core.ts: forwarding, call log, overlay chain) with the ECS rollout
// overlays (ecs-scenarios.ts) installed. The other services' overlays are added by the
// test through their own files (lambda-scenarios.ts, ecr-scenarios.ts, task-scenarios.ts,
// fault-scenarios.ts, throttle-scenarios.ts). moto has no provisioned concurrency API at
// all, so every proxy answers GetProvisionedConcurrencyConfig as Lambda does for an alias
// without it (lambda-traffic-scenarios.ts; a test's own script takes precedence). It
// re-exports what tests, bench/ and scripts/ import from here.

import type { EcsRollouts } from './ecs-scenarios.ts';
import { ecsRollouts } from './ecs-scenarios.ts';
import { provisionedConcurrency } from './lambda-traffic-scenarios.ts';
import type { ProxyCore } from './scenario-proxy-core.ts';
import { startProxyCore } from './scenario-proxy-core.ts';

export type {
  EcsDeployment,
  EcsServiceEvent,
  RolloutContext,
  RolloutScript,
  RolloutState,
  ScriptedStoppedTask,
} from './ecs-rollout-scripts.ts';
export {
  CIRCUIT_BREAKER_REASON,
  circuitBreakerRollback,
  completesAfter,
  crashLoop,
  ESSENTIAL_EXITED,
  neverCompletes,
} from './ecs-rollout-scripts.ts';
export { describeViolations } from './scenario-proxy-check.ts';
export type {
  CheckedAnswer,
  Overlay,
  ProxyCore,
  ProxyRequest,
  ProxyResponse,
  RecordedCall,
} from './scenario-proxy-core.ts';
export { jsonResponse, parseJson, resetConnection } from './scenario-proxy-core.ts';
export { lambdaFunctionName, lambdaOperationOf } from './scenario-proxy-routes.ts';

export interface ScenarioProxy extends ProxyCore, EcsRollouts {}

export async function startScenarioProxy(targetUrl: string): Promise<ScenarioProxy> {
  const core = await startProxyCore(targetUrl);
  provisionedConcurrency(core, []);
  return { ...core, ...ecsRollouts(core) };
}
