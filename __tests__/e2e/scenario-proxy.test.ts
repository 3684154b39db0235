import type { Service } from '@aws-sdk/client-ecs';
import {
  DescribeServicesCommand,
  DescribeTasksCommand,
  ListClustersCommand,
  ListTasksCommand,
  RegisterTaskDefinitionCommand,
  UpdateServiceCommand,
} from '@aws-sdk/client-ecs';
import { describe, expect, it } from 'vitest';
import { ecsClient, richTaskDefinition } from '../support/ecs-fixtures.ts';
import { completesAfter, crashLoop } from '../support/scenario-proxy.ts';
import { useTestbed } from '../support/testbed.ts';

// The instrument in front of moto: what it passes through and what it plays on top. Its
// scripts and routes, which need no emulator, are checked in the unit project
// (__tests__/unit/support/scenario-proxy.test.ts).

describe('scenario proxy in front of moto', () => {
  const testbed = useTestbed();

  it('passes unscripted calls through unchanged and records them', async () => {
    const { proxy, moto } = testbed;
    await testbed.seedService({ cluster: 'c-pass', service: 's-pass' });
    const from = proxy.calls.length;
    const viaProxy = ecsClient(proxy.url);
    const direct = ecsClient(moto.url);
    try {
      const proxied = await viaProxy.send(new DescribeServicesCommand({ cluster: 'c-pass', services: ['s-pass'] }));
      const straight = await direct.send(new DescribeServicesCommand({ cluster: 'c-pass', services: ['s-pass'] }));
      expect(proxied.services).toEqual(straight.services);
      await viaProxy.send(new ListClustersCommand({}));
    } finally {
      viaProxy.destroy();
      direct.destroy();
    }
    expect(proxy.calls.slice(from).map((c) => `${c.service}:${c.operation}`)).toEqual([
      'ecs:DescribeServices',
      'ecs:ListClusters',
    ]);
    expect(proxy.calls[from]?.body).toEqual({ cluster: 'c-pass', services: ['s-pass'] });
  });

  it('names the revision the service runs as the old deployment, also after a deploy the proxy did not script', async () => {
    const { proxy, moto } = testbed;
    const seeded = await testbed.seedService({
      cluster: 'c-stale',
      service: 's-stale',
      rollout: completesAfter(60_000),
    });
    const direct = ecsClient(moto.url);
    const ecs = ecsClient(proxy.url);
    try {
      // A deploy straight to moto: moto's PRIMARY deployment keeps naming the seeded revision.
      const second = await direct.send(new RegisterTaskDefinitionCommand(richTaskDefinition(seeded.family)));
      await direct.send(
        new UpdateServiceCommand({
          cluster: 'c-stale',
          service: 's-stale',
          taskDefinition: second.taskDefinition?.taskDefinitionArn,
        }),
      );
      const third = await ecs.send(
        new RegisterTaskDefinitionCommand({ ...richTaskDefinition(seeded.family), cpu: '512', memory: '1024' }),
      );
      const updated = await ecs.send(
        new UpdateServiceCommand({
          cluster: 'c-stale',
          service: 's-stale',
          taskDefinition: third.taskDefinition?.taskDefinitionArn,
        }),
      );
      expect(updated.service?.deployments?.map((d) => [d.status, d.taskDefinition])).toEqual([
        ['PRIMARY', third.taskDefinition?.taskDefinitionArn],
        ['ACTIVE', second.taskDefinition?.taskDefinitionArn],
      ]);
    } finally {
      ecs.destroy();
      direct.destroy();
    }
  });

  it('plays a crash loop: a new deployment on UpdateService, then stopped tasks with exit codes', async () => {
    const { proxy } = testbed;
    const seeded = await testbed.seedService({
      cluster: 'c-play',
      service: 's-play',
      rollout: crashLoop({ everyMs: 200, exitCode: 1, reason: 'Error: cannot connect to database' }),
    });
    const ecs = ecsClient(proxy.url);
    try {
      const next = await ecs.send(
        new RegisterTaskDefinitionCommand({ ...richTaskDefinition(seeded.family), cpu: '512', memory: '1024' }),
      );
      const updated = await ecs.send(
        new UpdateServiceCommand({
          cluster: 'c-play',
          service: seeded.serviceArn,
          taskDefinition: next.taskDefinition?.taskDefinitionArn,
        }),
      );
      const [ours] = proxy.deploymentIds('s-play');
      expect(updated.service?.deployments?.map((d) => [d.id, d.status, d.taskDefinition])).toEqual([
        [ours, 'PRIMARY', next.taskDefinition?.taskDefinitionArn],
        [seeded.service.deployments?.[0]?.id, 'ACTIVE', seeded.taskDefinitionArn],
      ]);

      // Poll until two tasks have failed (a real condition), bounded.
      let service: Service | undefined;
      const deadline = Date.now() + 10_000;
      do {
        const out = await ecs.send(new DescribeServicesCommand({ cluster: 'c-play', services: ['s-play'] }));
        service = out.services?.[0];
      } while ((service?.deployments?.[0]?.failedTasks ?? 0) < 2 && Date.now() < deadline);
      expect(service?.deployments?.[0]?.failedTasks).toBeGreaterThanOrEqual(2);
      expect(service?.taskDefinition).toBe(next.taskDefinition?.taskDefinitionArn);

      const listed = await ecs.send(
        new ListTasksCommand({ cluster: 'c-play', startedBy: ours, desiredStatus: 'STOPPED' }),
      );
      expect(listed.taskArns?.length).toBeGreaterThanOrEqual(2);
      const described = await ecs.send(new DescribeTasksCommand({ cluster: 'c-play', tasks: listed.taskArns }));
      expect(described.failures).toEqual([]);
      expect(described.tasks?.[0]).toMatchObject({
        startedBy: ours,
        group: 'service:s-play',
        lastStatus: 'STOPPED',
        stopCode: 'EssentialContainerExited',
        stoppedReason: 'Essential container in task exited',
        containers: [{ name: 'app', exitCode: 1, reason: 'Error: cannot connect to database', lastStatus: 'STOPPED' }],
      });
    } finally {
      ecs.destroy();
    }
  });
});
