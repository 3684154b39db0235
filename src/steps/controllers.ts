// Every controller the ecs mode knows, by the kind plan/ecs-controller.ts reads from the
// service. A new controller is one module implementing RolloutController, listed here.

import type { ControllerKind } from '../plan/ecs-controller.ts';
import { ecsController } from './ecs-controller.ts';
import { expressController } from './express-controller.ts';
import type { RolloutController } from './rollout-controller.ts';

/**
 * A controller whose module (and SDK package) is loaded on first use: an ecs step whose
 * services deploy otherwise never evaluates it, so its start-up does not grow.
 */
function loadedOnUse(
  kind: ControllerKind,
  registers: boolean,
  load: () => Promise<RolloutController>,
): RolloutController {
  return {
    kind,
    registers,
    prepare: async (found, options, deps) => (await load()).prepare(found, options, deps),
    start: async (prepared, registration, deps) => (await load()).start(prepared, registration, deps),
    followAfterCancel: async (rollback, deps) => (await load()).followAfterCancel(rollback, deps),
  };
}

const CONTROLLERS: Readonly<Record<ControllerKind, RolloutController>> = {
  ecs: ecsController,
  codedeploy: loadedOnUse(
    'codedeploy',
    true,
    async () => (await import('./codedeploy-controller.ts')).codeDeployController,
  ),
  express: expressController,
};

export function controllerFor(kind: ControllerKind): RolloutController {
  return CONTROLLERS[kind];
}
