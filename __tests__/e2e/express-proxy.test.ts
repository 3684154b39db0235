import type { ECSClient } from '@aws-sdk/client-ecs';
import {
  DescribeExpressGatewayServiceCommand,
  DescribeServiceDeploymentsCommand,
  DescribeServicesCommand,
  DescribeTaskDefinitionCommand,
  UpdateExpressGatewayServiceCommand,
} from '@aws-sdk/client-ecs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { APP_IMAGE, ecsClient, NEXT_APP_IMAGE } from '../support/ecs-fixtures.ts';
import type { ExpressServices } from '../support/express-scenarios.ts';
import { EXPRESS_CONTAINER, expressServicesOn, expressTaskDefinition } from '../support/express-scenarios.ts';
import { serviceDeploymentsOn } from '../support/service-deployment-scenarios.ts';
import { useTestbed } from '../support/testbed.ts';

// The Express Mode instrument itself, called with the SDK's own ECS client, so its answers
// go through the SDK's deserialisers for these operations.

describe('scenario proxy: ECS Express Mode services', () => {
  const testbed = useTestbed();
  let ecs: ECSClient;
  let express: ExpressServices;
  beforeAll(() => {
    ecs = ecsClient(testbed.proxy.url);
    express = expressServicesOn(testbed.proxy);
  });
  afterAll(() => ecs.destroy());

  async function seedExpress(name: string) {
    const seeded = await testbed.seedService({
      cluster: `c-${name}`,
      service: `s-${name}`,
      taskDefinition: expressTaskDefinition(`td-${name}`, APP_IMAGE),
      desiredCount: 2,
    });
    express.declare(seeded.serviceName);
    return seeded;
  }

  it('marks only declared services as Express in DescribeServices', async () => {
    const seeded = await seedExpress('mark');
    const plain = await testbed.seedService({ cluster: 'c-mark', service: 's-plain', desiredCount: 1 });
    const out = await ecs.send(
      new DescribeServicesCommand({ cluster: 'c-mark', services: [seeded.serviceName, plain.serviceName] }),
    );
    const byName = new Map(out.services?.map((s) => [s.serviceName, s.resourceManagementType]));
    expect(byName.get(seeded.serviceName)).toBe('ECS');
    expect(byName.get(plain.serviceName)).toBeUndefined();
  });

  it('describes an Express service from what moto holds', async () => {
    const seeded = await seedExpress('describe');
    const out = await ecs.send(new DescribeExpressGatewayServiceCommand({ serviceArn: seeded.serviceArn }));
    const config = out.service?.activeConfigurations?.[0];
    expect(out.service?.serviceArn).toBe(seeded.serviceArn);
    expect(out.service?.status?.statusCode).toBe('ACTIVE');
    expect(config?.taskDefinitionArn).toBe(seeded.taskDefinitionArn);
    expect(config).toMatchObject({ cpu: '256', memory: '512', healthCheckPath: '/ping' });
    expect(config?.primaryContainer).toMatchObject({
      image: APP_IMAGE,
      containerPort: 8080,
      environment: [{ name: 'MODE', value: 'web' }],
    });
    expect(config?.createdAt).toBeInstanceOf(Date);
  });

  it('answers ServiceNotFoundException for a service not declared Express', async () => {
    const plain = await testbed.seedService({ cluster: 'c-missing', service: 's-missing', desiredCount: 1 });
    await expect(
      ecs.send(new DescribeExpressGatewayServiceCommand({ serviceArn: plain.serviceArn })),
    ).rejects.toMatchObject({ name: 'ServiceNotFoundException' });
  });

  it('updates by registering a revision with the changes and starting a service deployment record', async () => {
    const seeded = await seedExpress('update');
    serviceDeploymentsOn(testbed.proxy).script(seeded.serviceName, {
      strategy: 'CANARY',
      stageMs: 200,
      canary: { canaryPercent: 5, canarySeconds: 1 },
      bakeSeconds: 1,
    });
    const described = await ecs.send(new DescribeExpressGatewayServiceCommand({ serviceArn: seeded.serviceArn }));
    const container = described.service?.activeConfigurations?.[0]?.primaryContainer;
    const out = await ecs.send(
      new UpdateExpressGatewayServiceCommand({
        serviceArn: seeded.serviceArn,
        primaryContainer: { ...container, image: NEXT_APP_IMAGE },
        cpu: '512',
        memory: '1024',
      }),
    );
    const target = out.service?.targetConfiguration;
    expect(target?.taskDefinitionArn).not.toBe(seeded.taskDefinitionArn);
    expect(target).toMatchObject({ cpu: '512', memory: '1024', primaryContainer: { image: NEXT_APP_IMAGE } });

    const td = await ecs.send(new DescribeTaskDefinitionCommand({ taskDefinition: target?.taskDefinitionArn }));
    expect(td.taskDefinition).toMatchObject({
      cpu: '512',
      memory: '1024',
      executionRoleArn: expect.stringContaining('ecsTaskExecutionRole'),
    });
    expect(td.taskDefinition?.containerDefinitions?.find((c) => c.name === EXPRESS_CONTAINER)?.image).toBe(
      NEXT_APP_IMAGE,
    );

    const service = (
      await ecs.send(new DescribeServicesCommand({ cluster: 'c-update', services: [seeded.serviceName] }))
    ).services?.[0];
    expect(service?.taskDefinition).toBe(target?.taskDefinitionArn);
    const record = await ecs.send(
      new DescribeServiceDeploymentsCommand({ serviceDeploymentArns: [service?.currentServiceDeployment ?? ''] }),
    );
    expect(record.serviceDeployments?.[0]?.targetServiceRevision?.arn).toBeDefined();
    expect(express.updates(seeded.serviceName)).toHaveLength(1);
  });
});
