import type { ServiceDeployment, ServiceDeploymentLifecycleStage, ServiceDeploymentStatus } from '@aws-sdk/client-ecs';
import { describe, expect, it } from 'vitest';
import {
  classifyServiceDeployment,
  combineVerdicts,
  decideRollback,
  RECORD_STATUSES,
  type RecordVerdict,
  recordProgressLine,
  visitStage,
} from '../../../src/plan/service-deployment.ts';
import {
  STRATEGIES,
  type Stage,
  type Strategy,
  stagesOf,
  type WaitUntil,
} from '../../../src/plan/service-deployment-stages.ts';
import { type FailureKind, failed, failureText } from '../../../src/plan/verdict.ts';

const ARN = 'arn:aws:ecs:eu-west-1:123456789012:service-deployment/prod/web/abc123';

function aRecord(overrides: Partial<ServiceDeployment> = {}): ServiceDeployment {
  return { serviceDeploymentArn: ARN, status: 'IN_PROGRESS', ...overrides };
}

const classify = (record: ServiceDeployment, strategy: Strategy = 'BLUE_GREEN', waitUntil: WaitUntil = 'completed') =>
  classifyServiceDeployment({ record, strategy, waitUntil, service: 'web' });

/** What the action must conclude, written from the rules rather than from the code. */
function expected(
  status: ServiceDeploymentStatus,
  stage: Stage | undefined,
  waitUntil: WaitUntil,
  strategy: Strategy,
): RecordVerdict['state'] | FailureKind {
  if (status === 'SUCCESSFUL') return 'succeeded';
  if (status === 'STOPPED' || status === 'STOP_REQUESTED') return 'stopped';
  if (status.startsWith('ROLLBACK_')) return 'rolled-back';
  if (waitUntil === 'completed' || stage === undefined) return 'pending';
  const order = stagesOf(strategy);
  return order.indexOf(stage) >= (order as readonly string[]).indexOf(waitUntil) ? 'succeeded' : 'pending';
}

const OWN_FAILURES: FailureKind[] = ['too-many-failed-tasks', 'timed-out', 'cancelled'];

describe.each(STRATEGIES)('classifyServiceDeployment on a %s deployment', (strategy) => {
  const stages: Array<Stage | undefined> = [undefined, ...stagesOf(strategy)];
  const waits: WaitUntil[] = ['completed', ...stagesOf(strategy)];
  const cases = RECORD_STATUSES.flatMap((status) => waits.map((waitUntil) => ({ status, waitUntil })));

  it.each(cases)(
    'status $status, wait-until $waitUntil: every stage, with and without rollback-on-failure',
    ({ status, waitUntil }) => {
      for (const stage of stages) {
        const verdict = classify(
          aRecord({
            status,
            ...(stage === undefined ? {} : { lifecycleStage: stage as ServiceDeploymentLifecycleStage }),
          }),
          strategy,
          waitUntil,
        );
        const got = verdict.state === 'failed' ? verdict.kind : verdict.state;
        expect(got, `stage ${stage ?? '(none)'}`).toBe(expected(status, stage, waitUntil, strategy));

        for (const rollbackOnFailure of [false, true]) {
          // ECS's own failures (rolled back, stopped) are never rolled back again.
          if (verdict.state === 'failed') {
            expect(
              decideRollback({ failure: verdict, rollbackOnFailure, recordStatus: status, haveRecord: true }),
            ).toBe('none');
          }
          // The action's own failures, while the record stands at this status.
          for (const kind of OWN_FAILURES) {
            const action = decideRollback({
              failure: failed(kind, 'x'),
              rollbackOnFailure,
              recordStatus: status,
              haveRecord: true,
            });
            const want = !rollbackOnFailure
              ? 'none'
              : status === 'PENDING' || status === 'IN_PROGRESS'
                ? 'stop-deployment'
                : 'none';
            expect(action, `${kind} rollback-on-failure ${rollbackOnFailure}`).toBe(want);
          }
        }
      }
    },
  );
});

describe('classifyServiceDeployment names what failed the deployment', () => {
  it.each<{ name: string; record: Partial<ServiceDeployment>; mentions: string[] }>([
    {
      name: 'a canary rolled back by an alarm',
      record: {
        status: 'ROLLBACK_SUCCESSFUL',
        lifecycleStage: 'PRODUCTION_TRAFFIC_SHIFT',
        alarms: { status: 'TRIGGERED', alarmNames: ['web-5xx', 'web-p99'], triggeredAlarmNames: ['web-p99'] },
        rollback: { reason: 'Alarm triggered', serviceRevisionArn: 'arn:rev/old' },
      },
      mentions: [
        "alarm 'web-p99' in ALARM",
        'at stage PRODUCTION_TRAFFIC_SHIFT',
        'rollback to arn:rev/old succeeded',
        'alarms in ALARM: web-p99',
      ],
    },
    {
      name: 'a linear deployment failed by a hook',
      record: {
        status: 'ROLLBACK_IN_PROGRESS',
        lifecycleStage: 'POST_TEST_TRAFFIC_SHIFT',
        lifecycleHookDetails: [
          { hookId: 'smoke-tests', targetArn: 'arn:aws:lambda:eu-west-1:1:function:smoke', status: 'FAILED' },
        ],
      },
      mentions: [
        'lifecycle hook smoke-tests (arn:aws:lambda:eu-west-1:1:function:smoke) FAILED at stage POST_TEST_TRAFFIC_SHIFT',
        'rollback to the previous revision in progress',
      ],
    },
    {
      name: 'a rolling deployment stopped by the circuit breaker',
      record: {
        status: 'ROLLBACK_FAILED',
        deploymentCircuitBreaker: { status: 'TRIGGERED', failureCount: 3, threshold: 3 },
        statusReason: 'ECS deployment circuit breaker: tasks failed to start.',
      },
      mentions: [
        'circuit breaker tripped: 3 of 3 failed tasks (failureCount 3, threshold 3)',
        'rollback to the previous revision FAILED',
        'ECS: ECS deployment circuit breaker: tasks failed to start.',
      ],
    },
    {
      name: 'a deployment stopped by someone',
      record: { status: 'STOPPED', statusReason: 'Stopped by user', lifecycleStage: 'BAKE_TIME' },
      mentions: ['was stopped at stage BAKE_TIME (STOPPED)', 'ECS: Stopped by user'],
    },
  ])('$name', ({ record, mentions }) => {
    const text = failureText(classify(aRecord(record))) ?? '';
    for (const mention of mentions) expect(text).toContain(mention);
  });

  it('names only the alarms in ALARM, not the quiet ones it watched', () => {
    const text =
      failureText(
        classify(
          aRecord({
            status: 'ROLLBACK_IN_PROGRESS',
            alarms: { alarmNames: ['web-5xx', 'web-p99'], triggeredAlarmNames: ['web-5xx'] },
          }),
        ),
      ) ?? '';
    expect(text).toContain('web-5xx');
    expect(text).not.toContain('web-p99');
  });
});

describe('decideRollback without a record', () => {
  it.each(OWN_FAILURES)('rolls a %s back with UpdateService when asked to', (kind) => {
    expect(
      decideRollback({
        failure: failed(kind, 'x'),
        rollbackOnFailure: true,
        recordStatus: undefined,
        haveRecord: false,
      }),
    ).toBe('update-service');
    expect(
      decideRollback({
        failure: failed(kind, 'x'),
        rollbackOnFailure: false,
        recordStatus: undefined,
        haveRecord: false,
      }),
    ).toBe('none');
  });

  it.each<FailureKind>(['replaced', 'rollout-failed', 'service-inactive', 'error'])(
    'leaves a %s failure alone',
    (kind) => {
      expect(
        decideRollback({
          failure: failed(kind, 'x'),
          rollbackOnFailure: true,
          recordStatus: undefined,
          haveRecord: false,
        }),
      ).toBe('none');
    },
  );
});

describe('combineVerdicts', () => {
  const failure = failed('too-many-failed-tasks', '3 tasks failed');
  it.each<{ rollout: RecordVerdict; record: RecordVerdict | undefined; want: string }>([
    { rollout: { state: 'pending' }, record: undefined, want: 'pending' },
    { rollout: { state: 'succeeded' }, record: undefined, want: 'succeeded' },
    { rollout: failure, record: undefined, want: 'failed' },
    { rollout: { state: 'succeeded' }, record: { state: 'pending' }, want: 'pending' },
    { rollout: failure, record: { state: 'pending' }, want: 'failed' },
    { rollout: { state: 'pending' }, record: { state: 'succeeded' }, want: 'succeeded' },
    { rollout: failure, record: failed('rolled-back', 'alarm'), want: 'failed' },
  ])('DescribeServices $rollout.state, record $record.state -> $want', ({ rollout, record, want }) => {
    expect(combineVerdicts(rollout, record).state).toBe(want);
  });

  it('prefers the record’s failure, which names the cause', () => {
    expect(combineVerdicts(failed('replaced', 'gone'), failed('rolled-back', 'alarm'))).toMatchObject({
      kind: 'rolled-back',
    });
  });
});

describe('recordProgressLine', () => {
  it('shows the stage, the counts and the traffic of a canary', () => {
    const line = recordProgressLine(
      aRecord({
        lifecycleStage: 'PRODUCTION_TRAFFIC_SHIFT',
        targetServiceRevision: { requestedTaskCount: 4, runningTaskCount: 4, requestedProductionTrafficWeight: 10 },
      }),
      'CANARY',
    );
    expect(line).toBe(
      'CANARY IN_PROGRESS, stage PRODUCTION_TRAFFIC_SHIFT, new revision running 4/4, production traffic 10%',
    );
  });

  it('says how to continue a deployment waiting at a pause hook', () => {
    const line = recordProgressLine(
      aRecord({
        lifecycleStage: 'POST_TEST_TRAFFIC_SHIFT',
        lifecycleHookDetails: [{ hookId: 'approve', targetType: 'PAUSE', status: 'AWAITING_ACTION' }],
      }),
      'BLUE_GREEN',
    );
    expect(line).toContain('waiting at pause hook approve in stage POST_TEST_TRAFFIC_SHIFT');
    expect(line).toContain(`aws ecs continue-service-deployment --service-deployment-arn '${ARN}' --hook-id 'approve'`);
  });

  it('shell-quotes the hook id and the ARN in the continue command, so pasting it runs nothing else', () => {
    const line = recordProgressLine(
      aRecord({
        serviceDeploymentArn: 'arn:x;id',
        lifecycleStage: 'POST_TEST_TRAFFIC_SHIFT',
        lifecycleHookDetails: [{ hookId: "a'; rm -rf ~; echo '$(id)", targetType: 'PAUSE', status: 'AWAITING_ACTION' }],
      }),
      'BLUE_GREEN',
    );
    expect(line).toContain(`--service-deployment-arn 'arn:x;id' --hook-id 'a'\\''; rm -rf ~; echo '\\''$(id)'`);
  });
});

describe('visitStage', () => {
  it('records each stage once, closing the previous one when the next begins', () => {
    let visits = visitStage([], 'SCALE_UP', 0);
    visits = visitStage(visits, 'SCALE_UP', 5);
    visits = visitStage(visits, 'BAKE_TIME', 10);
    visits = visitStage(visits, undefined, 12);
    expect(visits).toEqual([
      { stage: 'SCALE_UP', enteredAt: 0, leftAt: 10 },
      { stage: 'BAKE_TIME', enteredAt: 10 },
    ]);
  });
});
