import type { ServiceDeploymentBrief, ServiceRevision } from '@aws-sdk/client-ecs';
import { describe, expect, it } from 'vitest';
import { ourRecord, revisionsToCheck } from '../../../src/plan/service-deployment-find.ts';

const TD_OURS = 'arn:aws:ecs:eu-west-1:123456789012:task-definition/web:7';
const TD_NEWER = 'arn:aws:ecs:eu-west-1:123456789012:task-definition/web:8';
const brief = (id: string, second: number, revision?: string): ServiceDeploymentBrief => ({
  serviceDeploymentArn: `arn:sd/${id}`,
  createdAt: new Date(second * 1000),
  ...(revision === undefined ? {} : { targetServiceRevisionArn: `arn:rev/${revision}` }),
});
const revision = (id: string, taskDefinition: string): ServiceRevision => ({
  serviceRevisionArn: `arn:rev/${id}`,
  taskDefinition,
});

describe('revisionsToCheck', () => {
  it('asks nothing for one record (it is ours), and each target once for several', () => {
    expect(revisionsToCheck([brief('a', 1, 'r1')])).toEqual([]);
    expect(revisionsToCheck([])).toEqual([]);
    expect(revisionsToCheck([brief('a', 1, 'r1'), brief('b', 2, 'r2'), brief('c', 3, 'r1'), brief('d', 4)])).toEqual([
      'arn:rev/r1',
      'arn:rev/r2',
    ]);
  });
});

describe('ourRecord', () => {
  it.each<[string, ServiceDeploymentBrief[], ServiceRevision[] | undefined, string | undefined]>([
    ['no record listed', [], undefined, undefined],
    ['the only record', [brief('a', 5, 'r1')], undefined, 'arn:sd/a'],
    ['several, revisions unknown: the oldest', [brief('b', 9, 'r2'), brief('a', 5, 'r1')], undefined, 'arn:sd/a'],
    [
      'a newer deploy listed first in time order: ours by its target revision',
      [brief('newer', 5, 'r2'), brief('ours', 6, 'r1')],
      [revision('r1', TD_OURS), revision('r2', TD_NEWER)],
      'arn:sd/ours',
    ],
    [
      'two of ours (a forced redeploy): the oldest of them',
      [brief('x', 9, 'r1'), brief('y', 7, 'r1'), brief('z', 3, 'r2')],
      [revision('r1', TD_OURS), revision('r2', TD_NEWER)],
      'arn:sd/y',
    ],
    [
      'none targets ours yet: the oldest',
      [brief('b', 9, 'r2'), brief('a', 5, 'r2')],
      [revision('r2', TD_NEWER)],
      'arn:sd/a',
    ],
  ])('%s', (_what, briefs, revisions, expected) => {
    expect(ourRecord(briefs, revisions, TD_OURS).arn).toBe(expected);
  });

  it('says why it chose, for the log', () => {
    expect(ourRecord([brief('a', 1, 'r1'), brief('b', 2, 'r2')], [revision('r2', TD_OURS)], TD_OURS).why).toContain(
      TD_OURS,
    );
  });
});
