import { describe, expect, it } from 'vitest';
import { UserError } from '../../../src/errors.ts';
import { type ControllerKind, controllerOf, isControllerKind } from '../../../src/plan/ecs-controller.ts';

describe('controllerOf', () => {
  it.each<{ name: string; service: Parameters<typeof controllerOf>[0]; expected: ControllerKind }>([
    { name: 'a service that names no controller', service: { serviceName: 'web' }, expected: 'ecs' },
    {
      name: 'the ECS controller',
      service: { serviceName: 'web', deploymentController: { type: 'ECS' } },
      expected: 'ecs',
    },
    {
      name: 'a customer-managed ECS service',
      service: { serviceName: 'web', deploymentController: { type: 'ECS' }, resourceManagementType: 'CUSTOMER' },
      expected: 'ecs',
    },
    {
      name: 'the CodeDeploy controller',
      service: { serviceName: 'web', deploymentController: { type: 'CODE_DEPLOY' } },
      expected: 'codedeploy',
    },
    {
      name: 'an Express Mode service',
      service: { serviceName: 'web', resourceManagementType: 'ECS' },
      expected: 'express',
    },
    {
      name: 'an Express Mode service that also names ECS',
      service: { serviceName: 'web', deploymentController: { type: 'ECS' }, resourceManagementType: 'ECS' },
      expected: 'express',
    },
  ])('reads $name as $expected', ({ service, expected }) => {
    expect(controllerOf(service, 'prod')).toBe(expected);
  });

  it('refuses an EXTERNAL service, saying why and what to use instead', () => {
    const refuse = () => controllerOf({ serviceName: 'web', deploymentController: { type: 'EXTERNAL' } }, 'prod');
    expect(refuse).toThrow(UserError);
    expect(refuse).toThrow(
      "Service 'web' in cluster 'prod' uses the EXTERNAL deployment controller: this action cannot deploy EXTERNAL services, because their task sets are driven by another tool. " +
        "Deploy it with that tool (or CreateTaskSet / UpdateServicePrimaryTaskSet), or remove it from input 'service'.",
    );
  });

  it('refuses a controller it does not know, naming it', () => {
    const service = { serviceName: 'web', deploymentController: { type: 'FUTURE' } } as unknown as Parameters<
      typeof controllerOf
    >[0];
    expect(() => controllerOf(service, 'prod')).toThrow(
      "has deployment controller 'FUTURE', which this action does not know",
    );
  });
});

describe('isControllerKind', () => {
  it.each([
    ['ecs', true],
    ['codedeploy', true],
    ['express', true],
    ['EXTERNAL', false],
    [7, false],
    [undefined, false],
  ])('%s -> %s', (value, expected) => {
    expect(isControllerKind(value)).toBe(expected);
  });
});
