// Which controller deploys a service, read from the service as DescribeServices answers it
// (never from an input): its deployment controller, and whether ECS Express Mode manages it.

import type { Service } from '@aws-sdk/client-ecs';
import { UserError } from '../errors.ts';
import { Input } from '../names.ts';

/** How a service takes a new revision: each has its own module behind steps/rollout-controller.ts. */
export type ControllerKind = 'ecs' | 'codedeploy' | 'express';

export const CONTROLLER_KINDS: readonly ControllerKind[] = ['ecs', 'codedeploy', 'express'];

/**
 * The controller of `service`: ECS's own (rolling, blue/green, linear, canary; also when
 * the service names none), CodeDeploy, or Express Mode (`resourceManagementType: ECS`,
 * which wins: Express Mode owns the service's revisions whatever its controller says).
 * An EXTERNAL service is refused: another tool drives its task sets.
 */
export function controllerOf(
  service: Pick<Service, 'serviceName' | 'deploymentController' | 'resourceManagementType'>,
  cluster: string,
): ControllerKind {
  if (service.resourceManagementType === 'ECS') return 'express';
  const type = service.deploymentController?.type;
  switch (type) {
    case undefined:
    case 'ECS':
      return 'ecs';
    case 'CODE_DEPLOY':
      return 'codedeploy';
    case 'EXTERNAL':
      throw new UserError(
        `Service '${service.serviceName ?? '?'}' in cluster '${cluster}' uses the EXTERNAL deployment controller: this action cannot deploy EXTERNAL services, ` +
          `because their task sets are driven by another tool. Deploy it with that tool (or CreateTaskSet / UpdateServicePrimaryTaskSet), or remove it from input '${Input.service}'.`,
      );
    default:
      throw new UserError(
        `Service '${service.serviceName ?? '?'}' in cluster '${cluster}' has deployment controller '${String(type)}', which this action does not know: it deploys ECS, CODE_DEPLOY and Express Mode services.`,
      );
  }
}

/** True when `value` names a controller (the post step reads it from saved state). */
export function isControllerKind(value: unknown): value is ControllerKind {
  return typeof value === 'string' && (CONTROLLER_KINDS as readonly string[]).includes(value);
}
