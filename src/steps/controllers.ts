// Every controller the ecs mode knows, by the kind plan/ecs-controller.ts reads from the
// service. A new controller is one module implementing RolloutController, listed here.

import { UserError } from '../errors.ts';
import type { ControllerKind } from '../plan/ecs-controller.ts';
import { ecsController } from './ecs-controller.ts';
import type { RolloutController } from './rollout-controller.ts';

/**
 * A controller not built yet: refuses in prepare, before any change, so nothing is
 * registered for a service the step cannot then update.
 */
function notSupportedYet(kind: ControllerKind, how: string): RolloutController {
  const refuse = (service: string, cluster: string): never => {
    throw new UserError(`Service '${service}' in cluster '${cluster}' deploys through ${how}: not supported yet. Nothing was changed.`);
  };
  return {
    kind,
    registers: false,
    prepare: async (_found, options) => refuse(options.service, options.cluster),
    start: async (prepared) => refuse(prepared.options.service, prepared.options.cluster),
    followAfterCancel: async (rollback) => ({ ok: false, text: `Service '${rollback.service}' deploys through ${how}: the post step cannot follow it yet.` }),
  };
}

/**
 * A controller whose module (and SDK package) is loaded on first use: an ecs step whose
 * services deploy otherwise never evaluates it, so its start-up does not grow.
 */
function loadedOnUse(kind: ControllerKind, registers: boolean, load: () => Promise<RolloutController>): RolloutController {
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
  codedeploy: loadedOnUse('codedeploy', true, async () => (await import('./codedeploy-controller.ts')).codeDeployController),
  express: notSupportedYet('express', 'ECS Express Mode (UpdateExpressGatewayService)'),
};

export function controllerFor(kind: ControllerKind): RolloutController {
  return CONTROLLERS[kind];
}
