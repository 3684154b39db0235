import { describe, expect, it } from 'vitest';
import { continueDeployment, createDeployment, getDeployment, getDeploymentGroup } from '../../src/aws/codedeploy.ts';
import { appSpecFromFile, appSpecText, hooksOf } from '../../src/plan/codedeploy-appspec.ts';
import { groupTargetProblem } from '../../src/plan/codedeploy-group.ts';
import { type CodeDeployFollowDeps, followCodeDeploy } from '../../src/steps/codedeploy-follow.ts';
import { followCodeDeployRollback, startCodeDeployRollback } from '../../src/steps/codedeploy-rollback.ts';
import { codeDeployClient, seedCodeDeployGroup } from '../support/codedeploy-fixtures.ts';
import { type CodeDeployScript, codeDeployOn } from '../support/codedeploy-scenarios.ts';
import { useTestbed } from '../support/testbed.ts';

// The CodeDeploy follower (source, not the bundle) against moto behind the scenario proxy,
// which plays each deployment's lifecycle events, traffic and rollback.

const testbed = useTestbed();
const TD = 'arn:aws:ecs:us-east-1:123456789012:task-definition/web:2';
const APPSPEC = {
  version: 0.0,
  Resources: [
    {
      TargetService: {
        Type: 'AWS::ECS::Service',
        Properties: {
          TaskDefinition: '<TASK_DEFINITION>',
          LoadBalancerInfo: { ContainerName: 'app', ContainerPort: 80 },
        },
      },
    },
  ],
  Hooks: [{ AfterAllowTestTraffic: 'validate-green' }],
};

async function world(key: string, script: CodeDeployScript) {
  const cluster = `cd-${key}`;
  const seeded = await seedCodeDeployGroup(testbed.endpoint, { cluster, service: 'web' });
  codeDeployOn(testbed.proxy).script(seeded.group, { eventSeconds: 0.2, ...script });
  const cd = codeDeployClient(testbed.proxy.url);
  const lines: string[] = [];
  const deps: CodeDeployFollowDeps = {
    codedeploy: cd,
    log: { info: (m) => lines.push(m), warning: (m) => lines.push(`warning: ${m}`), debug: () => {} },
    now: () => Date.now(),
    sleep: (ms) => new Promise((resolve) => setTimeout(resolve, ms)),
  };
  const spec = appSpecFromFile(APPSPEC, TD) as Record<string, unknown>;
  const group = await getDeploymentGroup(cd, seeded.application, seeded.group);
  const deploymentId = await createDeployment(cd, {
    application: seeded.application,
    group: seeded.group,
    appSpec: appSpecText(spec),
  });
  const from = testbed.proxy.calls.length;
  const count = (op: string) => testbed.proxy.callsTo(op, from);
  return { cd, deps, lines, deploymentId, group, cluster, hooks: hooksOf(spec), count };
}

describe('following a CodeDeploy ECS deployment', () => {
  it('with test traffic and a termination wait: every event and the traffic shift shown, Succeeded at the end', async () => {
    const w = await world('ok', { testTraffic: true, terminationWaitSeconds: 1 });
    expect(w.group).toBeDefined();
    if (w.group !== undefined) expect(groupTargetProblem(w.group, w.cluster, 'web')).toBeUndefined();
    const { verdict, snapshot } = await followCodeDeploy(
      { deploymentId: w.deploymentId, goal: 'completed', intervalMs: 100, timeoutMs: 30_000 },
      w.deps,
    );
    expect(verdict).toEqual({ state: 'succeeded', reached: 'completed' });
    // Events shorter than a target read's spacing (15 s) show only as they end, with CodeDeploy's own duration.
    for (const event of [
      'BeforeInstall',
      'AllowTestTraffic',
      'AfterAllowTestTraffic',
      'AllowTraffic',
      'AfterAllowTraffic',
    ]) {
      expect(w.lines.some((l) => new RegExp(`^${event} succeeded after \\d`).test(l))).toBe(true);
    }
    expect(w.lines).toContain('traffic: blue 0% / green 100%');
    expect(w.lines.some((l) => l.includes('termination wait'))).toBe(true);
    expect(snapshot?.target?.events.every((e) => e.status === 'Succeeded')).toBe(true);
    // Target reads follow changes: fewer than the GetDeployment polls through the termination wait.
    expect(w.count('GetDeploymentTarget')).toBeLessThan(w.count('GetDeployment'));
    expect(w.count('ListDeploymentTargets')).toBe(1);
    const sent = testbed.proxy.calls.find((c) => c.operation === 'CreateDeployment')?.body as {
      revision?: { appSpecContent?: { content?: string } };
    };
    expect(sent.revision?.appSpecContent?.content).toContain(TD);
  });

  it('wait-until AllowTraffic: success once traffic moved, before the termination wait ends', async () => {
    const w = await world('allow', { testTraffic: true, terminationWaitSeconds: 30 });
    const { verdict } = await followCodeDeploy(
      { deploymentId: w.deploymentId, goal: 'AllowTraffic', intervalMs: 100, timeoutMs: 20_000 },
      w.deps,
    );
    expect(verdict).toEqual({ state: 'succeeded', reached: 'AllowTraffic' });
    expect((await getDeployment(w.cd, w.deploymentId)).status).toBe('InProgress');
  });

  it('a failing AfterAllowTestTraffic hook: the event, the hook, its diagnostics and the rollback are named', async () => {
    const w = await world('hook', {
      testTraffic: true,
      failAt: { event: 'AfterAllowTestTraffic', message: 'validate-green: 3 of 10 checks failed' },
    });
    const { verdict } = await followCodeDeploy(
      { deploymentId: w.deploymentId, goal: 'completed', intervalMs: 100, timeoutMs: 20_000, hooks: w.hooks },
      w.deps,
    );
    expect(verdict.state === 'failed' && verdict.kind).toBe('rolled-back');
    const text = verdict.state === 'failed' ? [verdict.reason, ...verdict.details].join('\n') : '';
    expect(text).toContain('failed at lifecycle event AfterAllowTestTraffic');
    expect(text).toContain("Lambda function 'validate-green'");
    expect(text).toContain('validate-green: 3 of 10 checks failed');
    expect(text).toContain('HOOK_EXECUTION_FAILURE');
    expect(text).toMatch(/rolled back with deployment d-[A-Z0-9]+/);
  });

  it('a deployment waiting at Ready shows the command that continues it, and goes on when continued', async () => {
    const w = await world('ready', { testTraffic: true, readyWait: true });
    const following = followCodeDeploy(
      {
        deploymentId: w.deploymentId,
        goal: 'completed',
        intervalMs: 100,
        timeoutMs: 20_000,
        pollPlan: { pausedIntervalMs: 100 },
      },
      w.deps,
    );
    const command = `aws deploy continue-deployment --deployment-id '${w.deploymentId}' --deployment-wait-type READY_WAIT`;
    await expect.poll(() => w.lines.some((l) => l.includes(command)), { timeout: 10_000, interval: 50 }).toBe(true);
    await continueDeployment(w.cd, w.deploymentId, 'READY_WAIT');
    expect((await following).verdict).toEqual({ state: 'succeeded', reached: 'completed' });
  });

  it('our own timeout, then StopDeployment with rollback followed to its end: the blue task set serves again', async () => {
    const w = await world('stop', { eventSeconds: 5, rollbackSeconds: 0.5 });
    const { verdict } = await followCodeDeploy(
      { deploymentId: w.deploymentId, goal: 'completed', intervalMs: 100, timeoutMs: 500 },
      w.deps,
    );
    expect(verdict.state === 'failed' && verdict.kind).toBe('timed-out');
    await startCodeDeployRollback(w.deps, w.deploymentId);
    const { ok, line: said } = await followCodeDeployRollback(w.deps, {
      deploymentId: w.deploymentId,
      intervalMs: 100,
      timeoutMs: 20_000,
    });
    expect(ok).toBe(true);
    expect(said).toMatch(/^Rolled back: rollback deployment d-[A-Z0-9]+ succeeded/);
    expect(w.count('StopDeployment')).toBe(1);
    const stopped = await getDeployment(w.cd, w.deploymentId);
    expect(stopped.status).toBe('Stopped');
    const [rollback] = codeDeployOn(testbed.proxy)
      .deployments()
      .filter((d) => d.rollsBack === w.deploymentId);
    expect(rollback?.view.status).toBe('Succeeded');
    expect(
      codeDeployOn(testbed.proxy)
        .deployments()
        .find((d) => d.id === w.deploymentId)?.view.greenWeight,
    ).toBe(0);
  });
});
