import type { DeploymentInfo, LifecycleEvent } from '@aws-sdk/client-codedeploy';
import { describe, expect, it } from 'vitest';
import {
  type CodeDeployGoal,
  classifyCodeDeploy,
  continueCommand,
  eventReached,
  type TargetView,
  targetViewOf,
} from '../../../src/plan/codedeploy-deployment.ts';
import { CODEDEPLOY_WAIT_EVENTS, ECS_EVENT_ORDER, parseCodeDeployEvent } from '../../../src/plan/codedeploy-events.ts';
import {
  codeDeployWaitUntilProblem,
  parseWaitUntil,
  waitUntilProblem,
} from '../../../src/plan/service-deployment-stages.ts';

/** An ECS target whose events before `at` succeeded, `at` has `status`, later ones are pending. */
function targetAt(
  at: string,
  status: LifecycleEvent['status'],
  diagnostics?: LifecycleEvent['diagnostics'],
): TargetView {
  const index = ECS_EVENT_ORDER.indexOf(at);
  const events: LifecycleEvent[] = ECS_EVENT_ORDER.map((name, i) => ({
    lifecycleEventName: name,
    status: i < index ? 'Succeeded' : i === index ? status : 'Pending',
    ...(i === index && diagnostics !== undefined ? { diagnostics } : {}),
  }));
  return { status: 'InProgress', events, taskSets: [] };
}

const deployment = (status: DeploymentInfo['status'], extra: Partial<DeploymentInfo> = {}): DeploymentInfo => ({
  deploymentId: 'd-ABC123',
  status,
  ...extra,
});

describe('classifyCodeDeploy', () => {
  it.each([
    ['Created', 'completed', undefined, 'pending'],
    ['Queued', 'completed', undefined, 'pending'],
    ['InProgress', 'completed', targetAt('AllowTraffic', 'InProgress'), 'pending'],
    ['Succeeded', 'completed', undefined, 'succeeded'],
    ['Succeeded', 'AllowTraffic', undefined, 'succeeded'],
    ['InProgress', 'AllowTraffic', targetAt('AllowTraffic', 'InProgress'), 'pending'],
    ['InProgress', 'AllowTraffic', targetAt('AllowTraffic', 'Succeeded'), 'succeeded'],
    ['InProgress', 'AllowTraffic', targetAt('AfterAllowTraffic', 'InProgress'), 'succeeded'],
    ['InProgress', 'AfterAllowTestTraffic', targetAt('AfterAllowTestTraffic', 'Failed'), 'pending'],
    ['Failed', 'AllowTraffic', targetAt('AfterAllowTestTraffic', 'Failed'), 'rollout-failed'],
    ['Stopped', 'completed', undefined, 'stopped'],
    ['Ready', 'completed', targetAt('BeforeAllowTraffic', 'Pending'), 'pending'],
  ] as const)('%s, waiting until %s: %s', (status, goal, target, expected) => {
    const verdict = classifyCodeDeploy(
      { deployment: deployment(status), ...(target === undefined ? {} : { target }) },
      { goal: goal as CodeDeployGoal },
    );
    expect(verdict.state === 'failed' ? verdict.kind : verdict.state).toBe(expected);
  });

  it('names the failing event, its hook, the diagnostics, the error and the rollback CodeDeploy made', () => {
    const target = targetAt('AfterAllowTestTraffic', 'Failed', {
      errorCode: 'ScriptFailed',
      scriptName: '',
      message: 'validate-green returned Failed',
      logTail: '',
    });
    const verdict = classifyCodeDeploy(
      {
        deployment: deployment('Failed', {
          errorInformation: { code: 'HOOK_EXECUTION_FAILURE', message: 'A lifecycle hook failed.' },
          rollbackInfo: { rollbackDeploymentId: 'd-ROLLBACK1', rollbackMessage: 'Rolled back because of a failure.' },
        }),
        target,
      },
      { goal: 'completed', hooks: { AfterAllowTestTraffic: 'validate-green' } },
    );
    expect(verdict).toEqual({
      state: 'failed',
      kind: 'rolled-back',
      reason: 'CodeDeploy deployment d-ABC123 failed at lifecycle event AfterAllowTestTraffic.',
      details: [
        "The AfterAllowTestTraffic hook (Lambda function 'validate-green') failed.",
        'Diagnostics: ScriptFailed: validate-green returned Failed',
        'Error HOOK_EXECUTION_FAILURE: A lifecycle hook failed.',
        'CodeDeploy rolled back with deployment d-ROLLBACK1: Rolled back because of a failure.',
      ],
    });
  });

  it('says when the deployment waits at Ready and when the original task set waits for termination', () => {
    expect(classifyCodeDeploy({ deployment: deployment('Ready') }, { goal: 'completed' })).toEqual({
      state: 'pending',
      waiting: 'ready',
    });
    expect(
      classifyCodeDeploy(
        { deployment: deployment('InProgress', { instanceTerminationWaitTimeStarted: true }) },
        { goal: 'completed' },
      ),
    ).toEqual({ state: 'pending', waiting: 'termination' });
  });
});

describe('eventReached', () => {
  it.each(CODEDEPLOY_WAIT_EVENTS.map((event) => [event]))(
    '%s: reached once it succeeded, not while it runs',
    (event) => {
      expect(eventReached(targetAt(event, 'InProgress'), event)).toBe(false);
      expect(eventReached(targetAt(event, 'Succeeded'), event)).toBe(true);
      expect(eventReached(targetAt(event, 'Skipped'), event)).toBe(true);
      expect(eventReached(undefined, event)).toBe(false);
    },
  );
});

describe('wait-until for CodeDeploy services', () => {
  it.each([
    ['AllowTraffic', 'AllowTraffic'],
    ['allow-traffic', 'AllowTraffic'],
    ['AFTER_ALLOW_TEST_TRAFFIC', 'AfterAllowTestTraffic'],
    ['Install', undefined],
  ])('%s reads as %s', (raw, expected) => {
    expect(parseCodeDeployEvent(raw)).toBe(expected);
  });

  it('keeps ECS stages and CodeDeploy events each to their own kind of service', () => {
    expect(parseWaitUntil('BAKE_TIME')).toBe('BAKE_TIME');
    expect(parseWaitUntil('AllowTraffic')).toBe('AllowTraffic');
    expect(waitUntilProblem('AllowTraffic', 'BLUE_GREEN')).toContain('CodeDeploy lifecycle event');
    expect(codeDeployWaitUntilProblem('BAKE_TIME')).toContain('deploys through CodeDeploy');
    expect(codeDeployWaitUntilProblem('AllowTraffic')).toBeUndefined();
    expect(codeDeployWaitUntilProblem('completed')).toBeUndefined();
  });
});

describe('continueCommand', () => {
  it('quotes the id for a shell', () => {
    expect(continueCommand('d-ABC123')).toBe(
      "aws deploy continue-deployment --deployment-id 'd-ABC123' --deployment-wait-type READY_WAIT",
    );
    expect(continueCommand("d-'x")).toBe(
      "aws deploy continue-deployment --deployment-id 'd-'\\''x' --deployment-wait-type READY_WAIT",
    );
  });
});

describe('targetViewOf', () => {
  it('reads an ECS target and a Lambda target the same way', () => {
    const events: LifecycleEvent[] = [{ lifecycleEventName: 'AllowTraffic', status: 'Succeeded' }];
    expect(
      targetViewOf({
        deploymentTargetType: 'LambdaTarget',
        lambdaTarget: { status: 'InProgress', lifecycleEvents: events },
      }),
    ).toEqual({ status: 'InProgress', events, taskSets: [] });
    const taskSets = [{ taskSetLabel: 'Green' as const, trafficWeight: 100 }];
    expect(
      targetViewOf({
        deploymentTargetType: 'ECSTarget',
        ecsTarget: { status: 'Succeeded', lifecycleEvents: events, taskSetsInfo: taskSets },
      }),
    ).toEqual({ status: 'Succeeded', events, taskSets });
    expect(targetViewOf(undefined)).toBeUndefined();
  });
});
