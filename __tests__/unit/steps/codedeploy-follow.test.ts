import {
  CodeDeployClient,
  type DeploymentInfo,
  GetDeploymentCommand,
  GetDeploymentTargetCommand,
  type LifecycleEvent,
  ListDeploymentTargetsCommand,
  StopDeploymentCommand,
} from '@aws-sdk/client-codedeploy';
import { mockClient } from 'aws-sdk-client-mock';
import { describe, expect, it } from 'vitest';
import { type CodeDeployFollowDeps, followCodeDeploy } from '../../../src/steps/codedeploy-follow.ts';
import { followCodeDeployRollback, startCodeDeployRollback } from '../../../src/steps/codedeploy-rollback.ts';
import { fakeClients } from '../../support/fake-clients.ts';
import { fakeDeps } from '../../support/fake-deps.ts';

function world() {
  const client = new CodeDeployClient({ region: 'us-east-1', credentials: { accessKeyId: 'a', secretAccessKey: 'b' } });
  const mock = mockClient(client);
  const fake = fakeDeps(fakeClients());
  const deps: CodeDeployFollowDeps = { ...fake.deps, codedeploy: client };
  return { mock, fake, deps };
}

const deployment = (
  status: DeploymentInfo['status'],
  extra: Partial<DeploymentInfo> = {},
): { deploymentInfo: DeploymentInfo } => ({
  deploymentInfo: {
    deploymentId: 'd-1',
    status,
    deploymentOverview: { InProgress: status === 'InProgress' ? 1 : 0, Succeeded: status === 'Succeeded' ? 1 : 0 },
    ...extra,
  },
});
const target = (events: LifecycleEvent[]) => ({
  deploymentTarget: {
    deploymentTargetType: 'ECSTarget' as const,
    ecsTarget: { status: 'InProgress' as const, lifecycleEvents: events },
  },
});

describe('followCodeDeploy', () => {
  it('reads GetDeployment once per poll and the target only when the deployment changed (or 15 s passed)', async () => {
    const { mock, fake, deps } = world();
    mock.on(GetDeploymentCommand).resolvesOnce(deployment('Created')).resolves(deployment('InProgress'));
    mock.on(ListDeploymentTargetsCommand).resolves({ targetIds: ['c:web'] });
    mock
      .on(GetDeploymentTargetCommand)
      .resolves(target([{ lifecycleEventName: 'BeforeInstall', status: 'InProgress' }]));
    const outcome = await followCodeDeploy(
      { deploymentId: 'd-1', goal: 'completed', intervalMs: 3000, timeoutMs: 30_000 },
      deps,
    );
    expect(outcome.verdict.state === 'failed' && outcome.verdict.kind).toBe('timed-out');
    const polls = mock.commandCalls(GetDeploymentCommand).length;
    expect(fake.sleeps.every((ms) => ms <= 3000)).toBe(true);
    expect(polls).toBe(11);
    // Polls at 0, 3, ..., 30 s: the target at 0 (first), 3 (InProgress: changed), then 15 s later, at 18.
    expect(mock.commandCalls(GetDeploymentTargetCommand).length).toBe(3);
    expect(mock.commandCalls(ListDeploymentTargetsCommand).length).toBe(1);
    expect(fake.messages('info')).toContain('BeforeInstall started');
  });

  it('reads the target every poll while waiting for an event, and succeeds once it did', async () => {
    const { mock, deps } = world();
    mock.on(GetDeploymentCommand).resolves(deployment('InProgress'));
    mock.on(ListDeploymentTargetsCommand).resolves({ targetIds: ['c:web'] });
    mock
      .on(GetDeploymentTargetCommand)
      .resolvesOnce(target([{ lifecycleEventName: 'AllowTraffic', status: 'Pending' }]))
      .resolvesOnce(target([{ lifecycleEventName: 'AllowTraffic', status: 'InProgress' }]))
      .resolves(target([{ lifecycleEventName: 'AllowTraffic', status: 'Succeeded' }]));
    const outcome = await followCodeDeploy(
      { deploymentId: 'd-1', goal: 'AllowTraffic', intervalMs: 1000, timeoutMs: 30_000 },
      deps,
    );
    expect(outcome.verdict).toEqual({ state: 'succeeded', reached: 'AllowTraffic' });
    expect(mock.commandCalls(GetDeploymentCommand).length).toBe(3);
    expect(mock.commandCalls(GetDeploymentTargetCommand).length).toBe(3);
  });

  it('through a termination wait only the clock ends, sleeps long and comes back before its end', async () => {
    const { mock, fake, deps } = world();
    mock.on(GetDeploymentCommand).resolves(deployment('InProgress', { instanceTerminationWaitTimeStarted: true }));
    mock.on(ListDeploymentTargetsCommand).resolves({ targetIds: [] });
    await followCodeDeploy(
      { deploymentId: 'd-1', goal: 'completed', intervalMs: 3000, timeoutMs: 5 * 60_000, terminationWaitMinutes: 5 },
      deps,
    );
    expect(Math.max(...fake.sleeps)).toBe(60_000);
    expect(fake.messages('info').some((m) => m.includes('termination wait'))).toBe(true);
  });

  it('a Ready deployment is shown once with the command that continues it', async () => {
    const { mock, fake, deps } = world();
    mock
      .on(GetDeploymentCommand)
      .resolvesOnce(deployment('Ready'))
      .resolvesOnce(deployment('Ready'))
      .resolves(deployment('Succeeded'));
    mock.on(ListDeploymentTargetsCommand).resolves({ targetIds: [] });
    const outcome = await followCodeDeploy(
      { deploymentId: 'd-1', goal: 'completed', intervalMs: 3000, timeoutMs: 5 * 60_000 },
      deps,
    );
    expect(outcome.verdict.state).toBe('succeeded');
    const lines = fake.messages('info').filter((m) => m.includes('continue-deployment'));
    expect(lines).toEqual([
      "deployment d-1 is Ready: the new task set waits for traffic to be rerouted. Continue it with: aws deploy continue-deployment --deployment-id 'd-1' --deployment-wait-type READY_WAIT",
    ]);
    expect(fake.sleeps[0]).toBe(30_000);
  });
});

describe('rolling a CodeDeploy deployment back', () => {
  it('stops it with autoRollbackEnabled once and follows the rollback deployment to Succeeded', async () => {
    const { mock, deps } = world();
    mock.on(StopDeploymentCommand).resolves({ status: 'Pending' });
    mock
      .on(GetDeploymentCommand, { deploymentId: 'd-1' })
      .resolves(deployment('Stopped', { rollbackInfo: { rollbackDeploymentId: 'd-2' } }));
    mock
      .on(GetDeploymentCommand, { deploymentId: 'd-2' })
      .resolvesOnce(deployment('InProgress', { deploymentId: 'd-2' }))
      .resolves(deployment('Succeeded', { deploymentId: 'd-2' }));
    mock.on(ListDeploymentTargetsCommand).resolves({ targetIds: [] });
    await startCodeDeployRollback(deps, 'd-1');
    const { ok, line } = await followCodeDeployRollback(
      { ...deps, cancel: AbortSignal.abort() },
      { deploymentId: 'd-1', intervalMs: 1000, timeoutMs: 60_000 },
    );
    expect(ok).toBe(true);
    expect(line).toBe('Rolled back: rollback deployment d-2 succeeded; the original task set serves again.');
    expect(mock.commandCalls(StopDeploymentCommand).map((c) => c.args[0].input)).toEqual([
      { deploymentId: 'd-1', autoRollbackEnabled: true },
    ]);
  });
});
