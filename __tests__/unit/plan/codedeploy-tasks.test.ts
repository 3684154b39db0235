import type { Service } from '@aws-sdk/client-ecs';
import { describe, expect, it } from 'vitest';
import {
  type GreenTaskView,
  greenTaskRead,
  replacementTaskSet,
  tooManyStoppedGreenTasks,
} from '../../../src/plan/codedeploy-tasks.ts';

const GREEN = 'ecs-svc/2222222222222222222';
const BLUE = 'ecs-svc/1111111111111111111';

describe('greenTaskRead', () => {
  const cases: Array<{ name: string; view: GreenTaskView; expected: ReturnType<typeof greenTaskRead> }> = [
    {
      name: 'reads nothing when max-failed-tasks is 0',
      view: { maxFailedTasks: 0, status: 'InProgress', taskSetId: GREEN },
      expected: 'none',
    },
    {
      name: 'looks for the task set before the first GetDeployment answer',
      view: { maxFailedTasks: 3, status: undefined, taskSetId: undefined },
      expected: 'task-set',
    },
    {
      name: 'looks for the task set while the deployment is InProgress and it is not found yet',
      view: { maxFailedTasks: 3, status: 'InProgress', taskSetId: undefined },
      expected: 'task-set',
    },
    {
      name: 'lists the stopped tasks once the task set is known',
      view: { maxFailedTasks: 3, status: 'InProgress', taskSetId: GREEN },
      expected: 'tasks',
    },
    {
      name: 'keeps counting through a Ready wait (the green tasks can still stop)',
      view: { maxFailedTasks: 1, status: 'Ready', taskSetId: GREEN },
      expected: 'tasks',
    },
    ...(['Succeeded', 'Failed', 'Stopped', 'Baking'] as const).map((status) => ({
      name: `reads nothing once the deployment is ${status}`,
      view: { maxFailedTasks: 3, status, taskSetId: GREEN },
      expected: 'none' as const,
    })),
  ];
  it.each(cases)('$name', ({ view, expected }) => {
    expect(greenTaskRead(view)).toBe(expected);
  });
});

describe('replacementTaskSet', () => {
  const service = (taskSets: Service['taskSets']): Service => ({ serviceName: 'web', taskSets });
  const cases: Array<{ name: string; service: Service | undefined; expected: string | undefined }> = [
    {
      name: 'is the task set whose externalId is the CodeDeploy deployment',
      service: service([
        { id: BLUE, externalId: 'd-OLD000000', startedBy: 'CODE_DEPLOY', status: 'PRIMARY' },
        { id: GREEN, externalId: 'd-ABCDEFGHI', startedBy: 'CODE_DEPLOY', status: 'ACTIVE' },
      ]),
      expected: GREEN,
    },
    {
      name: 'is none while CodeDeploy has not created it',
      service: service([{ id: BLUE, externalId: 'd-OLD000000', status: 'PRIMARY' }]),
      expected: undefined,
    },
    { name: 'is none for a service without task sets', service: service(undefined), expected: undefined },
    { name: 'is none when the service is gone', service: undefined, expected: undefined },
  ];
  it.each(cases)('$name', ({ service, expected }) => {
    expect(replacementTaskSet(service, 'd-ABCDEFGHI')?.id).toBe(expected);
  });
});

describe('tooManyStoppedGreenTasks', () => {
  const cases = [
    { stopped: 0, maxFailedTasks: 3, fails: false },
    { stopped: 2, maxFailedTasks: 3, fails: false },
    { stopped: 3, maxFailedTasks: 3, fails: true },
    { stopped: 5, maxFailedTasks: 3, fails: true },
    { stopped: 9, maxFailedTasks: 0, fails: false },
  ];
  it.each(cases)('$stopped stopped with max-failed-tasks $maxFailedTasks: fails $fails', (c) => {
    const verdict = tooManyStoppedGreenTasks({ ...c, taskSetId: GREEN, deploymentId: 'd-ABCDEFGHI' });
    expect(verdict !== undefined).toBe(c.fails);
    if (verdict === undefined) return;
    expect(verdict.kind).toBe('too-many-failed-tasks');
    expect(verdict.reason).toBe(
      `${c.stopped} tasks of the replacement task set ${GREEN} of CodeDeploy deployment d-ABCDEFGHI failed (max-failed-tasks is ${c.maxFailedTasks})`,
    );
  });
});
