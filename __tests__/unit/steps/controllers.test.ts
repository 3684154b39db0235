import type { Service } from '@aws-sdk/client-ecs';
import { afterEach, describe, expect, it } from 'vitest';
import { UserError } from '../../../src/errors.ts';
import type { EcsDeployOptions } from '../../../src/settings.ts';
import { controllerFor } from '../../../src/steps/controllers.ts';
import { deployEcs, prepareEcs } from '../../../src/steps/ecs.ts';
import { optionsFor, restoreWorlds, runningService, world } from '../../support/ecs-step-world.ts';

afterEach(restoreWorlds);

describe('prepareEcs choosing each service’s controller from the service', () => {
  it.each<{ name: string; service: Partial<Service>; says: string; options?: Partial<EcsDeployOptions> }>([
    {
      name: 'an EXTERNAL service',
      service: { deploymentController: { type: 'EXTERNAL' } },
      says: 'uses the EXTERNAL deployment controller: this action cannot deploy EXTERNAL services',
    },
    {
      name: "a CodeDeploy service given 'propagate-tags'",
      service: { deploymentController: { type: 'CODE_DEPLOY' } },
      options: { propagateTags: 'TASK_DEFINITION' },
      says: "Input 'propagate-tags' is not applied to service 'web', which deploys through CodeDeploy",
    },
    {
      name: "a CodeDeploy service given 'enable-ecs-managed-tags'",
      service: { deploymentController: { type: 'CODE_DEPLOY' } },
      options: { enableEcsManagedTags: true },
      says: "Input 'enable-ecs-managed-tags' is not applied to service 'web', which deploys through CodeDeploy",
    },
  ])('refuses $name before registering or updating anything', async ({ service, says, options }) => {
    const w = world();
    w.servicePolls(runningService(service));

    const error = await deployEcs(optionsFor({ cpu: '1024', memory: '2048', ...options }), w.deps).catch(
      (e: unknown) => e,
    );

    expect(error).toBeInstanceOf(UserError);
    expect(String(error)).toContain(says);
    expect(w.mutatingCalls()).toBe(0);
  });

  it('plans a service of the ECS controller (or none named) with it', async () => {
    const w = world();
    w.servicePolls(runningService({ deploymentController: { type: 'ECS' } }));

    const [prepared] = await prepareEcs(optionsFor({ cpu: '1024', memory: '2048' }), w.deps);

    expect(prepared?.controller).toBe('ecs');
    expect(w.mutatingCalls()).toBe(0);
  });
});

describe('controllerFor', () => {
  it.each(['ecs', 'codedeploy', 'express'] as const)('has a controller of kind %s', (kind) => {
    expect(controllerFor(kind).kind).toBe(kind);
  });
});
