import { DescribeServicesCommand, ECSClient, type Service } from '@aws-sdk/client-ecs';
import { describe, expect, it } from 'vitest';
import { isFailure } from '../../../src/plan/verdict.ts';
import type { EcsServiceOptions } from '../../../src/settings.ts';
import { expressController } from '../../../src/steps/express-controller.ts';
import { fakeClients } from '../../support/fake-clients.ts';
import { fakeDeps } from '../../support/fake-deps.ts';

// The Express controller against a real ECSClient answered by a fake HTTP handler (the
// adapters read raw JSON through middlewares a stubbed `send` would skip), on a fake clock.

const SERVICE_ARN = 'arn:aws:ecs:us-east-1:123456789012:service/default/web';
const TD = 'arn:aws:ecs:us-east-1:123456789012:task-definition/default-web';
const OLD_IMAGE = '123456789012.dkr.ecr.us-east-1.amazonaws.com/web:1';
const NEW_IMAGE = '123456789012.dkr.ecr.us-east-1.amazonaws.com/web:2';
const T0 = Date.parse('2026-01-01T00:00:00Z');

interface Sent {
  operation: string;
  body: Record<string, unknown>;
}

/** ECS as the controller sees it: DescribeServices answers come from `services` in turn (the last one repeats). */
function fakeEcs(services: Array<Record<string, unknown>>) {
  const sent: Sent[] = [];
  let describes = 0;
  const express = {
    serviceArn: SERVICE_ARN,
    serviceName: 'web',
    status: { statusCode: 'ACTIVE' },
    activeConfigurations: [
      {
        taskDefinitionArn: `${TD}:3`,
        cpu: '256',
        memory: '512',
        primaryContainer: { image: OLD_IMAGE, containerPort: 80 },
        createdAt: T0 / 1000,
      },
    ],
  };
  const answer = (operation: string): unknown => {
    switch (operation) {
      case 'DescribeExpressGatewayService':
        return { service: express };
      case 'UpdateExpressGatewayService':
        return { service: { serviceArn: SERVICE_ARN, targetConfiguration: { taskDefinitionArn: `${TD}:4` } } };
      case 'DescribeServices':
        return { services: [services[Math.min(describes++, services.length - 1)]], failures: [] };
      default:
        throw new Error(`${operation} was sent but this test did not expect it`);
    }
  };
  const ecs = new ECSClient({
    region: 'us-east-1',
    credentials: { accessKeyId: 'a', secretAccessKey: 'b' },
    maxAttempts: 1,
    requestHandler: {
      handle: async (request: { headers: Record<string, string>; body?: unknown }) => {
        const operation = (request.headers['x-amz-target'] ?? '').split('.').pop() ?? '';
        const text =
          typeof request.body === 'string' ? request.body : new TextDecoder().decode(request.body as Uint8Array);
        sent.push({ operation, body: JSON.parse(text) as Record<string, unknown> });
        const body = new TextEncoder().encode(JSON.stringify(answer(operation)));
        return { response: { statusCode: 200, headers: { 'content-type': 'application/x-amz-json-1.1' }, body } };
      },
    },
  });
  return { ecs, sent, ops: () => sent.map((s) => s.operation) };
}

/** The ECS service as DescribeServices answers it, its PRIMARY deployment rolling out `revision`. */
function aService(revision: number, rolloutState = 'COMPLETED'): Record<string, unknown> {
  return {
    serviceName: 'web',
    serviceArn: SERVICE_ARN,
    status: 'ACTIVE',
    resourceManagementType: 'ECS',
    taskDefinition: `${TD}:${revision}`,
    desiredCount: 1,
    deployments: [
      {
        id: `ecs-svc/${revision}`,
        status: 'PRIMARY',
        taskDefinition: `${TD}:${revision}`,
        rolloutState,
        createdAt: T0 / 1000 + revision,
      },
    ],
  };
}

function options(patch: Partial<EcsServiceOptions> = {}): EcsServiceOptions {
  return {
    cluster: 'default',
    service: 'web',
    source: { kind: 'service' },
    environment: [],
    forceNewDeployment: false,
    dryRun: false,
    wait: { enabled: true, timeoutMs: 600_000, intervalMs: 5_000 },
    maxFailedTasks: 5,
    waitUntil: 'completed',
    rollbackOnFailure: false,
    ...patch,
  };
}

async function prepareAndStart(patch: Partial<EcsServiceOptions>, services: Array<Record<string, unknown>>) {
  const world = fakeEcs(services);
  const fake = fakeDeps(fakeClients({ ecs: world.ecs }), T0 + 60_000);
  const [first] = services;
  if (first === undefined) throw new Error('no service');
  const described = await describeOnce(first);
  if (described === undefined) throw new Error('no service described');
  const prepared = await expressController.prepare(
    { service: described, started: fake.now() },
    options(patch),
    fake.deps,
  );
  const start = await expressController.start(prepared, undefined, fake.deps);
  return { world, fake, prepared, start };
}

/** The service as the SDK deserialises it (Dates for timestamps), as ecs.ts hands it to prepare. */
async function describeOnce(service: Record<string, unknown>): Promise<Service | undefined> {
  const world = fakeEcs([service]);
  return (await world.ecs.send(new DescribeServicesCommand({ cluster: 'default', services: ['web'] }))).services?.[0];
}

describe('the Express controller', () => {
  it('sends only the changes, then follows the deployment of the revision Express registered (not the one before it)', async () => {
    const { world, start } = await prepareAndStart({ image: NEW_IMAGE }, [
      aService(3),
      aService(3),
      aService(4, 'IN_PROGRESS'),
    ]);

    const update = world.sent.find((s) => s.operation === 'UpdateExpressGatewayService');
    expect(update?.body).toEqual({
      serviceArn: SERVICE_ARN,
      primaryContainer: { image: NEW_IMAGE, containerPort: 80 },
    });
    expect(world.ops().filter((o) => o === 'RegisterTaskDefinition' || o === 'UpdateService')).toEqual([]);
    expect('following' in start && start.fields).toMatchObject({
      changed: true,
      registered: false,
      taskDefinitionArn: `${TD}:4`,
      deploymentId: 'ecs-svc/4',
    });
  });

  it('dry run: logs the request, environment values hidden, and sends nothing', async () => {
    const { world, fake, start } = await prepareAndStart(
      { image: NEW_IMAGE, dryRun: true, environment: [{ name: 'TOKEN', value: 'hunter2' }] },
      [aService(3)],
    );

    expect(world.ops()).not.toContain('UpdateExpressGatewayService');
    expect('finished' in start && start.finished.verdict).toEqual({ state: 'planned' });
    const logged = fake.messages('info').join('\n');
    expect(logged).toContain('Dry run: would call UpdateExpressGatewayService');
    expect(logged).toContain('"TOKEN"');
    expect(logged).not.toContain('hunter2');
  });

  it('nothing to change: unchanged, no update call', async () => {
    const { world, start } = await prepareAndStart({ image: OLD_IMAGE }, [aService(3)]);

    expect(world.ops()).not.toContain('UpdateExpressGatewayService');
    expect('finished' in start && start.finished.verdict).toEqual({ state: 'unchanged' });
  });

  it('nothing to change after a failed deployment: a failure that names no forced deployment as the fix', async () => {
    const { world, start } = await prepareAndStart({ image: OLD_IMAGE }, [aService(3, 'FAILED')]);

    expect(world.ops()).not.toContain('UpdateExpressGatewayService');
    const verdict = 'finished' in start ? start.finished.verdict : undefined;
    const reason = verdict !== undefined && isFailure(verdict) ? verdict.reason : '';
    expect(reason).toMatch(
      /deployment ecs-svc\/3 of it FAILED .*\(UpdateExpressGatewayService has no forced deployment\)/,
    );
    expect(reason).not.toContain('force-new-deployment');
  });
});
