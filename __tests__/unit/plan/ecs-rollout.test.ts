import type { Service } from '@aws-sdk/client-ecs';
import { describe, expect, it } from 'vitest';
import type { RolloutVerdict } from '../../../src/plan/ecs-rollout.ts';
import {
  classifyRollout,
  deploymentFailed,
  deploymentInProgress,
  primaryDeployment,
} from '../../../src/plan/ecs-rollout.ts';
import { aDeployment, anOldDeployment, aService, taskDefinitionArn } from '../../support/ecs-builders.ts';

const OURS = 'ecs-svc/2222222222222222222';
const OLD = 'ecs-svc/0000000000000000000';
const ROLLBACK = 'ecs-svc/3333333333333333333';

const ours = (overrides: Parameters<typeof aDeployment>[0] = {}) =>
  aDeployment({ id: OURS, taskDefinition: taskDefinitionArn('web', 5), ...overrides });
const rollbackTo4 = (overrides: Parameters<typeof aDeployment>[0] = {}) =>
  aDeployment({ id: ROLLBACK, taskDefinition: taskDefinitionArn('web', 4), rolloutState: 'IN_PROGRESS', ...overrides });

interface Case {
  name: string;
  service: Service;
  maxFailedTasks?: number;
  expected: RolloutVerdict['state'];
  kind?: string;
  reasonIncludes?: string[];
}

const cases: Case[] = [
  {
    name: 'succeeds when our deployment is PRIMARY, COMPLETED and alone',
    service: aService({ deployments: [ours()] }),
    expected: 'succeeded',
  },
  {
    name: 'is pending while our deployment is IN_PROGRESS',
    service: aService({ deployments: [ours({ rolloutState: 'IN_PROGRESS', runningCount: 1, pendingCount: 1 })] }),
    expected: 'pending',
  },
  {
    name: 'is pending while our deployment is IN_PROGRESS even if the counts already match',
    service: aService({ deployments: [ours({ rolloutState: 'IN_PROGRESS' })] }),
    expected: 'pending',
  },
  {
    name: 'is pending while the old deployment still drains next to our COMPLETED one',
    service: aService({ deployments: [ours(), anOldDeployment({ id: OLD, runningCount: 1, desiredCount: 0 })] }),
    expected: 'pending',
  },
  {
    name: 'fails as rollout-failed with the reason when ECS marks our deployment FAILED',
    service: aService({
      deployments: [
        ours({ rolloutState: 'FAILED', rolloutStateReason: 'ECS deployment circuit breaker: tasks failed to start.' }),
      ],
    }),
    expected: 'failed',
    kind: 'rollout-failed',
    reasonIncludes: [OURS, "service 'web'", 'ECS deployment circuit breaker: tasks failed to start.'],
  },
  {
    name: 'fails as rollout-failed and names the rollback target when another deployment became PRIMARY',
    service: aService({
      deployments: [
        rollbackTo4(),
        ours({ status: 'ACTIVE', rolloutState: 'FAILED', rolloutStateReason: 'circuit breaker tripped' }),
      ],
    }),
    expected: 'failed',
    kind: 'rollout-failed',
    reasonIncludes: ['circuit breaker tripped', 'rolling back to web:4', ROLLBACK],
  },
  {
    name: 'fails as rollout-failed saying ECS gave no reason when rolloutStateReason is missing',
    service: aService({ deployments: [ours({ rolloutState: 'FAILED', rolloutStateReason: undefined })] }),
    expected: 'failed',
    kind: 'rollout-failed',
    reasonIncludes: ['ECS gave no reason'],
  },
  {
    name: 'fails as replaced when our deployment is gone after a rollback, naming what runs now',
    service: aService({ deployments: [rollbackTo4({ rolloutState: 'COMPLETED' })] }),
    expected: 'failed',
    kind: 'replaced',
    reasonIncludes: [`deployment ${OURS} is gone from service 'web'`, `ECS now runs ${ROLLBACK} (web:4)`, 'rollback'],
  },
  {
    name: 'fails as replaced when our deployment is gone and nothing is PRIMARY',
    service: aService({ deployments: [] }),
    expected: 'failed',
    kind: 'replaced',
    reasonIncludes: [OURS, 'no deployment is PRIMARY'],
  },
  {
    name: 'fails as replaced when ours is ACTIVE while another deployment is PRIMARY',
    service: aService({
      deployments: [rollbackTo4(), ours({ status: 'ACTIVE', rolloutState: 'IN_PROGRESS' })],
    }),
    expected: 'failed',
    kind: 'replaced',
    reasonIncludes: [OURS, 'no longer the primary', `${ROLLBACK} (web:4)`],
  },
  {
    name: 'fails as replaced when a newer deploy by someone else took over, even with ours COMPLETED',
    service: aService({
      deployments: [
        aDeployment({ id: ROLLBACK, taskDefinition: taskDefinitionArn('web', 6), rolloutState: 'IN_PROGRESS' }),
        ours({ status: 'ACTIVE' }),
      ],
    }),
    expected: 'failed',
    kind: 'replaced',
    reasonIncludes: [`${ROLLBACK} (web:6)`],
  },
  {
    name: 'fails as too-many-failed-tasks in a crash loop once failedTasks reaches the threshold',
    service: aService({ deployments: [ours({ rolloutState: 'IN_PROGRESS', runningCount: 0, failedTasks: 3 })] }),
    maxFailedTasks: 3,
    expected: 'failed',
    kind: 'too-many-failed-tasks',
    reasonIncludes: [`3 tasks of deployment ${OURS} failed (max-failed-tasks is 3)`],
  },
  {
    name: 'keeps waiting in a crash loop while failedTasks is below the threshold',
    service: aService({ deployments: [ours({ rolloutState: 'IN_PROGRESS', runningCount: 0, failedTasks: 2 })] }),
    maxFailedTasks: 3,
    expected: 'pending',
  },
  {
    name: 'ignores failed tasks when max-failed-tasks is 0',
    service: aService({ deployments: [ours({ rolloutState: 'IN_PROGRESS', runningCount: 0, failedTasks: 50 })] }),
    maxFailedTasks: 0,
    expected: 'pending',
  },
  {
    name: 'still succeeds after some failed tasks when max-failed-tasks is 0 and the rollout completed',
    service: aService({ deployments: [ours({ failedTasks: 4 })] }),
    maxFailedTasks: 0,
    expected: 'succeeded',
  },
  {
    name: 'succeeds without rolloutState when running reaches desired and nothing is pending',
    service: aService({
      deployments: [ours({ rolloutState: undefined, rolloutStateReason: undefined, runningCount: 2, desiredCount: 2 })],
    }),
    expected: 'succeeded',
  },
  {
    name: 'is pending without rolloutState while a task is still pending',
    service: aService({
      deployments: [ours({ rolloutState: undefined, runningCount: 2, desiredCount: 2, pendingCount: 1 })],
    }),
    expected: 'pending',
  },
  {
    name: 'is pending without rolloutState while fewer tasks run than desired',
    service: aService({ deployments: [ours({ rolloutState: undefined, runningCount: 1, desiredCount: 2 })] }),
    expected: 'pending',
  },
  {
    name: 'is pending without rolloutState while the old deployment still runs tasks',
    service: aService({
      deployments: [ours({ rolloutState: undefined }), anOldDeployment({ rolloutState: undefined })],
    }),
    expected: 'pending',
  },
  {
    name: 'fails as service-inactive when the service is DRAINING',
    service: aService({ status: 'DRAINING', deployments: [ours()] }),
    expected: 'failed',
    kind: 'service-inactive',
    reasonIncludes: ["service 'web' is DRAINING"],
  },
  {
    name: 'fails as service-inactive when the service is INACTIVE, before looking at deployments',
    service: aService({ status: 'INACTIVE', deployments: [] }),
    expected: 'failed',
    kind: 'service-inactive',
    reasonIncludes: ["service 'web' is INACTIVE"],
  },
  {
    name: 'treats undefined counts as 0 without rolloutState (0 of 0 running is done)',
    service: aService({
      deployments: [
        ours({
          rolloutState: undefined,
          runningCount: undefined,
          desiredCount: undefined,
          pendingCount: undefined,
          failedTasks: undefined,
        }),
      ],
    }),
    maxFailedTasks: 1,
    expected: 'succeeded',
  },
  {
    name: 'treats undefined desiredCount as 0 while a task is pending',
    service: aService({
      deployments: [
        ours({ rolloutState: undefined, desiredCount: undefined, runningCount: undefined, pendingCount: 1 }),
      ],
    }),
    expected: 'pending',
  },
  {
    name: 'treats undefined failedTasks as 0 against the threshold',
    service: aService({ deployments: [ours({ rolloutState: 'IN_PROGRESS', failedTasks: undefined })] }),
    maxFailedTasks: 1,
    expected: 'pending',
  },
];

const WHERE = { cluster: 'prod', service: 'web' };

describe('classifyRollout', () => {
  it.each(cases)('$name', ({ service, maxFailedTasks = 3, expected, kind, reasonIncludes = [] }) => {
    const verdict = classifyRollout({ service, where: WHERE, deploymentId: OURS, maxFailedTasks });

    expect(verdict.state).toBe(expected);
    if (verdict.state === 'failed') {
      expect(verdict.kind).toBe(kind);
      for (const text of reasonIncludes) expect(verdict.reason).toContain(text);
    } else {
      expect(kind).toBeUndefined();
    }
  });

  it('checks rules in order: a FAILED rollout wins over the failed-task threshold', () => {
    const service = aService({
      deployments: [ours({ rolloutState: 'FAILED', rolloutStateReason: 'tasks failed to start', failedTasks: 10 })],
    });

    expect(classifyRollout({ service, where: WHERE, deploymentId: OURS, maxFailedTasks: 3 })).toMatchObject({
      kind: 'rollout-failed',
    });
  });

  it('says "1 task" in the threshold reason when the threshold is 1', () => {
    const service = aService({ deployments: [ours({ rolloutState: 'IN_PROGRESS', failedTasks: 1 })] });

    expect(classifyRollout({ service, where: WHERE, deploymentId: OURS, maxFailedTasks: 1 })).toEqual({
      state: 'failed',
      kind: 'too-many-failed-tasks',
      reason: `1 task of deployment ${OURS} failed (max-failed-tasks is 1)`,
      details: [],
    });
  });

  it('calls a service that is gone (DescribeServices no longer lists it) inactive', () => {
    expect(classifyRollout({ service: undefined, where: WHERE, deploymentId: OURS, maxFailedTasks: 3 })).toEqual({
      state: 'failed',
      kind: 'service-inactive',
      reason: "service 'web' disappeared from cluster 'prod' while deploying",
      details: [],
    });
  });

  it('does not modify the service it classifies', () => {
    const service = aService({ deployments: [ours({ rolloutState: 'IN_PROGRESS' }), anOldDeployment()] });
    const before = structuredClone(service);

    classifyRollout({ service, where: WHERE, deploymentId: OURS, maxFailedTasks: 3 });

    expect(service).toEqual(before);
  });
});

describe('primaryDeployment', () => {
  it.each([
    {
      name: 'finds the PRIMARY deployment wherever it is listed',
      deployments: [anOldDeployment(), ours()],
      expected: OURS,
    },
    { name: 'returns undefined when no deployment is PRIMARY', deployments: [anOldDeployment()], expected: undefined },
    { name: 'returns undefined when the service lists no deployments', deployments: undefined, expected: undefined },
  ])('$name', ({ deployments, expected }) => {
    expect(primaryDeployment(aService({ deployments }))?.id).toBe(expected);
  });
});

describe('deploymentInProgress: the deployment a killed run left rolling out', () => {
  const web5 = taskDefinitionArn('web', 5);

  it.each<{ name: string; deployments: Service['deployments']; target: string; expected: string | undefined }>([
    {
      name: 'the PRIMARY deployment rolls out the target, the old one drains',
      deployments: [anOldDeployment(), ours({ rolloutState: 'IN_PROGRESS' })],
      target: web5,
      expected: OURS,
    },
    {
      name: 'the target is named as family:revision',
      deployments: [ours({ rolloutState: 'IN_PROGRESS' })],
      target: 'web:5',
      expected: OURS,
    },
    {
      name: 'the PRIMARY deployment has COMPLETED',
      deployments: [ours({ rolloutState: 'COMPLETED' })],
      target: web5,
      expected: undefined,
    },
    {
      name: 'the PRIMARY deployment has FAILED',
      deployments: [ours({ rolloutState: 'FAILED' })],
      target: web5,
      expected: undefined,
    },
    {
      name: 'the PRIMARY deployment rolls out another revision',
      deployments: [ours({ rolloutState: 'IN_PROGRESS' })],
      target: taskDefinitionArn('web', 6),
      expected: undefined,
    },
    {
      name: 'only an ACTIVE deployment is in progress',
      deployments: [anOldDeployment({ taskDefinition: web5, rolloutState: 'IN_PROGRESS' })],
      target: web5,
      expected: undefined,
    },
    {
      name: 'the PRIMARY deployment reports no rolloutState',
      deployments: [ours({ rolloutState: undefined })],
      target: web5,
      expected: undefined,
    },
    { name: 'the service lists no deployments', deployments: undefined, target: web5, expected: undefined },
  ])('$name: $expected', ({ deployments, target, expected }) => {
    expect(deploymentInProgress(aService({ deployments }), target)?.id).toBe(expected);
  });
});

describe("deploymentFailed: the target's rollout failed and nothing rolled it back", () => {
  const web5 = taskDefinitionArn('web', 5);

  it.each<{ name: string; deployments: Service['deployments']; target: string; expected: string | undefined }>([
    {
      name: 'the PRIMARY deployment of the target FAILED',
      deployments: [ours({ rolloutState: 'FAILED' })],
      target: web5,
      expected: OURS,
    },
    {
      name: 'the target is named as family:revision',
      deployments: [ours({ rolloutState: 'FAILED' })],
      target: 'web:5',
      expected: OURS,
    },
    {
      name: 'it is still in progress',
      deployments: [ours({ rolloutState: 'IN_PROGRESS' })],
      target: web5,
      expected: undefined,
    },
    { name: 'it completed', deployments: [ours({ rolloutState: 'COMPLETED' })], target: web5, expected: undefined },
    {
      name: 'the FAILED deployment is of another revision',
      deployments: [ours({ rolloutState: 'FAILED' })],
      target: taskDefinitionArn('web', 6),
      expected: undefined,
    },
    {
      name: 'only an ACTIVE deployment FAILED (a rollback is PRIMARY)',
      deployments: [anOldDeployment({ taskDefinition: web5, rolloutState: 'FAILED' })],
      target: web5,
      expected: undefined,
    },
  ])('$name: $expected', ({ deployments, target, expected }) => {
    expect(deploymentFailed(aService({ deployments }), target)?.id).toBe(expected);
  });
});
