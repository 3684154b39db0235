import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DescribeServicesCommand, ListTasksCommand } from '@aws-sdk/client-ecs';
import { describe, expect, it } from 'vitest';
import { seedCodeDeployService } from '../support/codedeploy-fixtures.ts';
import { type CodeDeployScript, codeDeployOn } from '../support/codedeploy-scenarios.ts';
import { ecsClient, TEST_ACCOUNT, TEST_REGION } from '../support/ecs-fixtures.ts';
import type { ActionRun, RunActionOptions } from '../support/run-action.ts';
import { errorText, runAction, runPostStep, transcript } from '../support/run-action.ts';
import type { RecordedCall } from '../support/scenario-proxy.ts';
import { useTestbed } from '../support/testbed.ts';

// ECS services deployed through CodeDeploy blue/green, end to end through the bundled
// action, with CodeDeploy's deployments played by the scenario proxy (codedeploy-scenarios.ts).

const NEW_IMAGE = `${TEST_ACCOUNT}.dkr.ecr.${TEST_REGION}.amazonaws.com/app:2.0.0`;

const APPSPEC_YAML = [
  'version: 0.0',
  'Resources:',
  '  - TargetService:',
  '      Type: AWS::ECS::Service',
  '      Properties:',
  '        TaskDefinition: <TASK_DEFINITION>',
  '        LoadBalancerInfo:',
  '          ContainerName: app',
  '          ContainerPort: 8080',
  'Hooks:',
  '  - AfterAllowTestTraffic: validate-green',
  '',
].join('\n');

describe('mode ecs deploys services through CodeDeploy', () => {
  const testbed = useTestbed();
  const cd = () => codeDeployOn(testbed.proxy);
  const count = (calls: RecordedCall[], operation: string): number =>
    calls.filter((c) => c.operation === operation).length;

  interface Deployed {
    run: ActionRun;
    calls: RecordedCall[];
    deploymentId: string;
    taskDefinitionArn: string;
  }

  async function deploy(
    name: string,
    script: CodeDeployScript,
    extra: Record<string, string> = {},
    options: Partial<RunActionOptions> & { targets?: { cluster: string; service: string } } = {},
  ): Promise<Deployed> {
    const seeded = await seedCodeDeployService(testbed.endpoint, {
      cluster: `c-${name}`,
      service: `s-${name}`,
      ...(options.targets === undefined ? {} : { group: { targets: options.targets } }),
    });
    cd().script(seeded.group, { eventSeconds: 0.3, ...script });
    const from = testbed.proxy.calls.length;
    const run = await runAction({
      inputs: {
        mode: 'ecs',
        cluster: `c-${name}`,
        service: seeded.serviceName,
        'container-name': 'app',
        image: NEW_IMAGE,
        'poll-interval': '1s',
        'wait-timeout': '60s',
        ...extra,
      },
      env: testbed.awsEnv,
      ...options,
    });
    const deploymentId =
      cd()
        .deployments()
        .find((d) => d.group === seeded.group && d.rollsBack === undefined)?.id ?? '';
    return { run, calls: testbed.proxy.calls.slice(from), deploymentId, taskDefinitionArn: seeded.taskDefinitionArn };
  }

  const appSpecSent = (calls: RecordedCall[]): string =>
    (
      (calls.find((c) => c.operation === 'CreateDeployment')?.body ?? {}) as {
        revision?: { appSpecContent?: { content?: string } };
      }
    ).revision?.appSpecContent?.content ?? '';

  it('with test traffic and a termination wait: Succeeded, the events and the traffic shift in the summary, the deployment id out', async () => {
    const { run, calls, deploymentId } = await deploy('ok', { testTraffic: true, terminationWaitSeconds: 2 });
    expect(run.exitCode, transcript(run)).toBe(0);
    expect(deploymentId).toMatch(/^d-/);
    expect(run.outputs['codedeploy-deployment-id']).toBe(deploymentId);
    expect(run.outputs['deployment-id']).toBe(deploymentId);
    const spec = JSON.parse(appSpecSent(calls)) as {
      Resources: Array<{ TargetService: { Properties: Record<string, unknown> } }>;
    };
    const properties = spec.Resources[0]?.TargetService.Properties;
    expect(properties?.TaskDefinition).toBe(run.outputs['task-definition-arn']);
    expect(properties?.LoadBalancerInfo).toEqual({ ContainerName: 'app', ContainerPort: 8080 });
    expect(properties?.NetworkConfiguration).toMatchObject({ AwsvpcConfiguration: { AssignPublicIp: 'DISABLED' } });
    expect(count(calls, 'UpdateService')).toBe(0);
    expect(run.summary).toContain('`AfterAllowTestTraffic`');
    expect(run.summary).toContain('blue 0% / green 100%');
    expect(run.stdout).toMatch(/AllowTraffic succeeded after/);
  });

  it('wait-until AllowTraffic: success once traffic moved, CodeDeploy still in its termination wait', async () => {
    const { run, deploymentId } = await deploy(
      'allow',
      { testTraffic: true, terminationWaitSeconds: 60 },
      { 'wait-until': 'AllowTraffic' },
    );
    expect(run.exitCode, transcript(run)).toBe(0);
    expect(
      cd()
        .deployments()
        .find((d) => d.id === deploymentId)?.view.status,
    ).toBe('InProgress');
  });

  it('a failing AfterAllowTestTraffic hook rolled back by CodeDeploy: the event, the hook and its diagnostics named', async () => {
    const workspace = mkdtempSync(join(tmpdir(), 'image-deploy-appspec-'));
    writeFileSync(join(workspace, 'appspec.yaml'), APPSPEC_YAML);
    const { run } = await deploy(
      'hook',
      {
        testTraffic: true,
        failAt: { event: 'AfterAllowTestTraffic', message: 'validate-green: 3 of 10 checks failed' },
      },
      { 'codedeploy-appspec': 'appspec.yaml' },
      { workspace },
    );
    expect(run.exitCode).toBe(1);
    const error = errorText(run);
    expect(error).toContain('failed at lifecycle event AfterAllowTestTraffic');
    expect(error).toContain("Lambda function 'validate-green'");
    expect(error).toContain('validate-green: 3 of 10 checks failed');
    expect(error).toMatch(/rolled back with deployment d-/);
  });

  it('an AppSpec file with a placeholder task definition: the registered revision is sent instead', async () => {
    const workspace = mkdtempSync(join(tmpdir(), 'image-deploy-appspec-'));
    writeFileSync(join(workspace, 'appspec.yaml'), APPSPEC_YAML);
    const { run, calls } = await deploy('file', {}, { 'codedeploy-appspec': 'appspec.yaml' }, { workspace });
    expect(run.exitCode, transcript(run)).toBe(0);
    const sent = appSpecSent(calls);
    expect(sent).not.toContain('<TASK_DEFINITION>');
    expect(JSON.parse(sent)).toMatchObject({
      Resources: [{ TargetService: { Properties: { TaskDefinition: run.outputs['task-definition-arn'] } } }],
      Hooks: [{ AfterAllowTestTraffic: 'validate-green' }],
    });
  });

  it('a timeout with rollback-on-failure: StopDeployment once, the rollback followed, the blue task set serving again', async () => {
    const { run, calls, deploymentId } = await deploy(
      'timeout',
      { eventSeconds: 10, rollbackSeconds: 1 },
      { 'wait-timeout': '3s', 'rollback-on-failure': 'true' },
    );
    expect(run.exitCode).toBe(1);
    expect(count(calls, 'StopDeployment')).toBe(1);
    expect(calls.find((c) => c.operation === 'StopDeployment')?.body).toEqual({
      deploymentId,
      autoRollbackEnabled: true,
    });
    expect(errorText(run)).toContain('Timed out');
    expect(run.stdout).toMatch(/Rolled back: rollback deployment d-\w+ succeeded/);
    expect(
      cd()
        .deployments()
        .find((d) => d.id === deploymentId)?.view.greenWeight,
    ).toBe(0);
  });

  const CRASH_LOOP: CodeDeployScript = {
    greenTasksStop: {
      everySeconds: 0.5,
      exitCode: 137,
      reason: 'OutOfMemoryError: Container killed due to memory usage',
    },
    rollbackSeconds: 1,
  };
  const ECS_READS = new Set(['DescribeServices', 'ListTasks', 'DescribeTasks']);

  it('a crash-looping green task set fails the step after max-failed-tasks stopped tasks, with their reasons', async () => {
    const { run, calls, deploymentId } = await deploy('crash', CRASH_LOOP, { 'max-failed-tasks': '2' });
    expect(run.exitCode, transcript(run)).toBe(1);
    const error = errorText(run);
    expect(error).toMatch(
      new RegExp(
        `\\d+ tasks of the replacement task set ecs-svc/\\d{19} of CodeDeploy deployment ${deploymentId} failed \\(max-failed-tasks is 2\\)`,
      ),
    );
    expect(error).toContain('stopped (EssentialContainerExited): Essential container in task exited');
    expect(error).toContain('container app: exit code 137 — OutOfMemoryError: Container killed due to memory usage');
    expect(count(calls, 'StopDeployment')).toBe(0);
    // At most one ECS read a poll while following, besides the final evidence (ListTasks and DescribeTasks).
    const created = calls.findIndex((c) => c.operation === 'CreateDeployment');
    const following = calls.slice(created);
    const ecsReads = following.filter((c) => c.service === 'ecs' && ECS_READS.has(c.operation)).length;
    expect(ecsReads).toBeLessThanOrEqual(count(following, 'GetDeployment') + 2);
    expect(following.filter((c) => c.operation === 'ListTasks').map((c) => c.body)).toContainEqual({
      cluster: 'c-crash',
      startedBy: expect.stringMatching(/^ecs-svc\/\d{19}$/),
      desiredStatus: 'STOPPED',
    });
    // The emulated ECS side as the API reference shapes it: the green task set names the
    // CodeDeploy deployment, and its stopped tasks are listed by its id.
    const ecs = ecsClient(testbed.proxy.url);
    try {
      const out = await ecs.send(new DescribeServicesCommand({ cluster: 'c-crash', services: ['s-crash'] }));
      const green = out.services?.[0]?.taskSets?.find((t) => t.externalId === deploymentId);
      expect(green).toMatchObject({ startedBy: 'CODE_DEPLOY', status: 'ACTIVE', stabilityStatus: 'STABILIZING' });
      const stopped = await ecs.send(
        new ListTasksCommand({ cluster: 'c-crash', startedBy: green?.id ?? '', desiredStatus: 'STOPPED' }),
      );
      expect(stopped.taskArns?.length).toBeGreaterThanOrEqual(2);
    } finally {
      ecs.destroy();
    }
  });

  it('a crash-looping green task set with rollback-on-failure: StopDeployment once, the blue task set serving again', async () => {
    const { run, calls, deploymentId } = await deploy('crashback', CRASH_LOOP, {
      'max-failed-tasks': '2',
      'rollback-on-failure': 'true',
    });
    expect(run.exitCode, transcript(run)).toBe(1);
    expect(errorText(run)).toContain('(max-failed-tasks is 2)');
    expect(calls.filter((c) => c.operation === 'StopDeployment').map((c) => c.body)).toEqual([
      { deploymentId, autoRollbackEnabled: true },
    ]);
    expect(run.stdout).toMatch(/Rolled back: rollback deployment d-\w+ succeeded/);
    const ecs = ecsClient(testbed.proxy.url);
    try {
      const out = await ecs.send(new DescribeServicesCommand({ cluster: 'c-crashback', services: ['s-crashback'] }));
      expect(out.services?.[0]?.taskSets?.map((t) => [t.status, t.externalId])).toEqual([['PRIMARY', undefined]]);
    } finally {
      ecs.destroy();
    }
  });

  it('a job cancelled mid-deployment: the rollback starts, the post step follows it to its end', async () => {
    let pid: number | undefined;
    const name = 'cancel';
    const from = testbed.proxy.calls.length;
    const deployed = deploy(
      name,
      { eventSeconds: 20, rollbackSeconds: 1 },
      { 'rollback-on-failure': 'true' },
      {
        onSpawn: (p) => {
          pid = p;
        },
        timeoutMs: 60_000,
      },
    );
    await expect
      .poll(() => testbed.proxy.callsTo('GetDeployment', from), { timeout: 30_000, interval: 100 })
      .toBeGreaterThanOrEqual(2);
    process.kill(pid ?? 0, 'SIGINT');
    const { run, calls, deploymentId } = await deployed;
    expect(run.exitCode).not.toBe(0);
    expect(count(calls, 'StopDeployment')).toBe(1);
    const state = /::save-state name=rollback::(.*)/.exec(run.stdout)?.[1] ?? '';
    expect(state).toContain(deploymentId);
    const post = await runPostStep({ ...testbed.awsEnv, STATE_rollback: state });
    expect(post.code, post.stdout).toBe(0);
    expect(post.stdout).toMatch(/Rolled back: rollback deployment d-\w+ succeeded/);
  });

  it('a dry run prints the AppSpec and the deployment group, and changes nothing', async () => {
    const { run, calls } = await deploy('dry', {}, { 'dry-run': 'true' });
    expect(run.exitCode, transcript(run)).toBe(0);
    expect(run.stdout).toContain(
      "would create a CodeDeploy deployment in group 'DgpECS-c-dry-s-dry' of application 'AppECS-c-dry-s-dry'",
    );
    expect(run.stdout).toContain('"ContainerPort": 8080');
    expect(count(calls, 'RegisterTaskDefinition') + count(calls, 'CreateDeployment')).toBe(0);
  });

  it('a deployment group that does not target the service: a clear error, nothing registered', async () => {
    const { run, calls } = await deploy('wronggroup', {}, {}, { targets: { cluster: 'c-wronggroup', service: 'api' } });
    expect(run.exitCode).toBe(1);
    expect(errorText(run)).toContain("targets 'c-wronggroup/api', not 'c-wronggroup/s-wronggroup'");
    expect(count(calls, 'RegisterTaskDefinition')).toBe(0);
    expect(count(calls, 'CreateDeployment')).toBe(0);
  });
});
