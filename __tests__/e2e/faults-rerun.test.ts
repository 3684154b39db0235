import { describe, expect, it } from 'vitest';
import { listRevisions } from '../support/ecs-fixtures.ts';
import { faultDeploys, until } from '../support/fault-deploys.ts';
import { transcript } from '../support/run-action.ts';
import { completesAfter, resetConnection } from '../support/scenario-proxy.ts';
import { useTestbed } from '../support/testbed.ts';

// Fault tolerance: AWS throttles, fails with 5xx, drops connections, answers
// slowly, and refuses writes that collide with others. Through the scenario proxy, the
// bundled action must survive each within bounded retries and apply every change exactly
// once (counted in moto's state, not only in calls), and a run killed mid-deploy must
// converge when run again. Each scenario seeds its own world.
//
// A run killed mid-deploy, run again with the same inputs.

describe('fault tolerance of a full image + ecs + lambda + parameter deploy', () => {
  const testbed = useTestbed();
  const { seedWorld, deploy, effects, expectDeployedOnce, callsFrom } = faultDeploys(testbed);

  describe('a run killed mid-deploy, run again with the same inputs', () => {
    it('follows the deployment the killed run started, and succeeds when it completes', async () => {
      const { proxy } = testbed;
      const world = await seedWorld('killed-waiting', completesAfter(15_000));
      const from = proxy.calls.length;
      const controller = new AbortController();

      const first = deploy(world, { signal: controller.signal }).then(
        () => 'finished',
        () => 'killed',
      );
      // Kill once UpdateService went through and a poll has seen the rollout in progress.
      await until(() => {
        const update = callsFrom(from).findIndex((c) => c.operation === 'UpdateService');
        return (
          update >= 0 &&
          callsFrom(from)
            .slice(update)
            .some((c) => c.operation === 'DescribeServices')
        );
      });
      controller.abort();
      expect(await first).toBe('killed');
      const [deploymentId] = proxy.deploymentIds(world.service.serviceName);
      expect(proxy.callsTo('PutParameter', from)).toBe(0);
      const again = proxy.calls.length;

      const second = await deploy(world);

      expect(second.exitCode, transcript(second)).toBe(0);
      expect(second.outputs['deployment-id']).toBe(deploymentId);
      expect(proxy.callsTo('RegisterTaskDefinition', again)).toBe(0);
      expect(proxy.callsTo('UpdateService', again)).toBe(0);
      expect(second.stdout).toContain(`deployment ${deploymentId ?? '?'}`);
      expect(second.stdout).toContain('picking it up and following it');
      // It waited for the scripted rollout: the parameter came after it completed.
      const update = callsFrom(from).find((c) => c.operation === 'UpdateService');
      const put = callsFrom(again).find((c) => c.operation === 'PutParameter');
      expect(put?.at ?? 0).toBeGreaterThanOrEqual((update?.at ?? Infinity) + 15_000);
      await expectDeployedOnce(world);
    });

    it('deploys the revision the killed run registered instead of registering a second one', async () => {
      const { proxy } = testbed;
      const world = await seedWorld('killed-registered');
      // Hold the first UpdateService (it never reaches moto) until the run is killed.
      let held = false;
      let release: () => void = () => undefined;
      const released = new Promise<void>((resolve) => (release = resolve));
      proxy.overlay('ecs', 'UpdateService', async (req, next) => {
        const body = req.call.body as { service?: unknown } | undefined;
        if (held || body?.service !== world.service.serviceName) return next();
        held = true;
        await released;
        return resetConnection();
      });
      const controller = new AbortController();

      const first = deploy(world, { modes: ['image', 'ecs', 'parameter'], signal: controller.signal }).then(
        () => 'finished',
        () => 'killed',
      );
      await until(() => held);
      controller.abort();
      expect(await first).toBe('killed');
      release();
      expect((await effects(world)).newRevisions).toBe(1);
      expect(proxy.deploymentIds(world.service.serviceName)).toEqual([]);
      const again = proxy.calls.length;

      const second = await deploy(world, { modes: ['image', 'ecs', 'parameter'] });

      expect(second.exitCode, transcript(second)).toBe(0);
      expect(proxy.callsTo('RegisterTaskDefinition', again)).toBe(0);
      expect(proxy.callsTo('UpdateService', again)).toBe(1);
      const revisions = await listRevisions(testbed.moto.url, world.service.family);
      expect(second.stdout).toContain(`Reusing ${revisions.at(-1) ?? '?'}`);
      expect(second.outputs['task-definition-arn']).toBe(revisions.at(-1));
      expect(await effects(world)).toMatchObject({
        newRevisions: 1,
        serviceTaskDefinition: revisions.at(-1),
        deployments: 1,
      });
    });
  });
});
