import { describe, expect, it } from 'vitest';
import { APP_IMAGE, defaultNetwork, describeService, NEXT_APP_IMAGE } from '../support/ecs-fixtures.ts';
import { EXPRESS_CONTAINER, expressServicesOn, expressTaskDefinition } from '../support/express-scenarios.ts';
import type { ActionRun } from '../support/run-action.ts';
import { errorText, runAction, transcript } from '../support/run-action.ts';
import type { RecordedCall } from '../support/scenario-proxy.ts';
import type { ServiceDeploymentScript } from '../support/service-deployment-scenarios.ts';
import { serviceDeploymentsOn } from '../support/service-deployment-scenarios.ts';
import { useTestbed } from '../support/testbed.ts';

// ECS Express Mode services, end to end through the bundled action: the step recognises
// the service from DescribeServices (resourceManagementType ECS), updates it with
// UpdateExpressGatewayService (never RegisterTaskDefinition or UpdateService itself), and
// follows the service deployment record the update starts, as for any ECS service.
// Express Mode is played by express-scenarios.ts (moto has none of it).

/** Express Mode's default: a canary with a bake (developer guide, "Updating an Amazon ECS Express Mode service"). */
const CANARY: ServiceDeploymentScript = {
  strategy: 'CANARY',
  stageMs: 300,
  canary: { canaryPercent: 5, canarySeconds: 1 },
  bakeSeconds: 1,
  bakeTimeInMinutes: 0,
};

describe('mode ecs on an ECS Express Mode service', () => {
  const testbed = useTestbed();

  async function seedExpress(name: string, script: ServiceDeploymentScript) {
    const seeded = await testbed.seedService({
      cluster: `c-${name}`,
      service: `s-${name}`,
      taskDefinition: expressTaskDefinition(`td-${name}`, APP_IMAGE),
      desiredCount: 2,
    });
    expressServicesOn(testbed.proxy).declare(seeded.serviceName);
    serviceDeploymentsOn(testbed.proxy).script(seeded.serviceName, script);
    return seeded;
  }

  async function deploy(
    name: string,
    inputs: Record<string, string>,
  ): Promise<{ run: ActionRun; calls: RecordedCall[] }> {
    const from = testbed.proxy.calls.length;
    const run = await runAction({
      inputs: {
        mode: 'ecs',
        cluster: `c-${name}`,
        service: `s-${name}`,
        'poll-interval': '1s',
        'wait-timeout': '60s',
        ...inputs,
      },
      env: testbed.awsEnv,
    });
    return { run, calls: testbed.proxy.calls.slice(from) };
  }

  const sent = (calls: RecordedCall[], operation: string) => calls.filter((c) => c.operation === operation);

  it('updates the image and cpu/memory with a request that carries only the changes, and follows it to SUCCESSFUL', async () => {
    const seeded = await seedExpress('ok', CANARY);
    const { run, calls } = await deploy('ok', { image: NEXT_APP_IMAGE, cpu: '512', memory: '1024' });

    expect(run.exitCode, transcript(run)).toBe(0);
    const updates = sent(calls, 'UpdateExpressGatewayService');
    expect(updates).toHaveLength(1);
    expect(updates[0]?.body).toEqual({
      serviceArn: seeded.serviceArn,
      primaryContainer: {
        image: NEXT_APP_IMAGE,
        containerPort: 8080,
        awsLogsConfiguration: { logGroup: '/aws/ecs/td-ok', logStreamPrefix: 'ecs' },
        environment: [{ name: 'MODE', value: 'web' }],
      },
      cpu: '512',
      memory: '1024',
    });
    // Express Mode registers the revision and updates the service: the step does neither itself.
    expect(sent(calls, 'RegisterTaskDefinition')).toHaveLength(0);
    expect(sent(calls, 'UpdateService')).toHaveLength(0);

    const record = serviceDeploymentsOn(testbed.proxy).records(seeded.serviceName)[0];
    expect(record?.view.status).toBe('SUCCESSFUL');
    const running = await describeService(testbed.endpoint, 'c-ok', seeded.serviceName);
    expect(running.taskDefinition).not.toBe(seeded.taskDefinitionArn);
    expect(run.outputs['task-definition-arn']).toBe(running.taskDefinition);
    expect(run.outputs['previous-task-definition-arn']).toBe(seeded.taskDefinitionArn);
    expect(run.outputs['deployment-id']).toBe(record?.deploymentId);
    expect(run.outputs['service-deployment-arn']).toBe(record?.arn);
    expect(run.outputs.changed).toBe('true');
    expect(run.summary).toContain(seeded.serviceName);
    expect(run.summary).toContain('CANARY');
  });

  it('a re-run that changes nothing makes no update call', async () => {
    const seeded = await seedExpress('same', CANARY);
    const first = await deploy('same', { image: NEXT_APP_IMAGE });
    expect(first.run.exitCode, transcript(first.run)).toBe(0);

    const { run, calls } = await deploy('same', { image: NEXT_APP_IMAGE });
    expect(run.exitCode, transcript(run)).toBe(0);
    expect(sent(calls, 'UpdateExpressGatewayService')).toHaveLength(0);
    expect(sent(calls, 'DescribeExpressGatewayService').length).toBeGreaterThan(0);
    expect(run.outputs.changed).toBe('false');
    expect(serviceDeploymentsOn(testbed.proxy).records(seeded.serviceName)).toHaveLength(1);
  });

  it('fails when ECS rolls the deployment back, and says so', async () => {
    const seeded = await seedExpress('alarm', {
      ...CANARY,
      canary: { canaryPercent: 5, canarySeconds: 4 },
      rollbackMs: 1000,
      alarms: {
        names: ['web-5xx'],
        rollback: true,
        trigger: { alarm: 'web-5xx', atStage: 'PRODUCTION_TRAFFIC_SHIFT', afterMs: 500 },
      },
    });
    const { run, calls } = await deploy('alarm', { image: NEXT_APP_IMAGE });

    expect(run.exitCode, transcript(run)).toBe(1);
    const error = errorText(run);
    expect(error).toContain('web-5xx');
    expect(error).toMatch(/ROLLBACK_SUCCESSFUL|rolled back/i);
    expect(sent(calls, 'UpdateExpressGatewayService')).toHaveLength(1);
    expect(sent(calls, 'StopServiceDeployment')).toHaveLength(0);
    // The service is back on the revision it ran before.
    expect((await describeService(testbed.endpoint, 'c-alarm', seeded.serviceName)).taskDefinition).toBe(
      seeded.taskDefinitionArn,
    );
  });

  it('refuses task-definition and a container other than the primary one before any change', async () => {
    await seedExpress('refuse', CANARY);
    const { run, calls } = await deploy('refuse', { image: NEXT_APP_IMAGE, 'container-name': 'sidecar' });

    expect(run.exitCode, transcript(run)).toBe(1);
    expect(errorText(run)).toContain(`only its primary container ('${EXPRESS_CONTAINER}')`);
    expect(sent(calls, 'UpdateExpressGatewayService')).toHaveLength(0);
  });

  it('refuses run-task of "the revision ecs deploys": Express registers it only when the service is updated', async () => {
    await seedExpress('task', CANARY);
    const network = await defaultNetwork(testbed.endpoint);
    const { run, calls } = await deploy('task', {
      mode: 'run-task, ecs',
      image: NEXT_APP_IMAGE,
      subnets: network.subnets.join(','),
      'security-groups': network.securityGroups.join(','),
    });

    expect(run.exitCode, transcript(run)).toBe(1);
    expect(errorText(run)).toContain("Input 'run-task-definition' is required with an Express service");
    expect(sent(calls, 'RunTask')).toHaveLength(0);
    expect(sent(calls, 'UpdateExpressGatewayService')).toHaveLength(0);
  });

  it('dry run: shows the request it would send and changes nothing', async () => {
    await seedExpress('dry', CANARY);
    const { run, calls } = await deploy('dry', { image: NEXT_APP_IMAGE, memory: '1024', 'dry-run': 'true' });

    expect(run.exitCode, transcript(run)).toBe(0);
    expect(run.stdout).toContain('UpdateExpressGatewayService');
    expect(run.stdout).toContain('"memory": "1024"');
    // Environment values are never printed (they often carry credentials).
    expect(run.stdout).toContain('"value": "(hidden)"');
    expect(run.stdout).not.toContain('"value": "web"');
    expect(sent(calls, 'UpdateExpressGatewayService')).toHaveLength(0);
  });
});
