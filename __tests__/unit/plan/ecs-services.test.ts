import { describe, expect, it } from 'vitest';
import {
  batchesOf,
  combineServiceVerdicts,
  type EcsSuccess,
  registrationDelayMs,
  sharedRegistrations,
} from '../../../src/plan/ecs-services.ts';
import { failed, type Verdict } from '../../../src/plan/verdict.ts';

const ok = (state: EcsSuccess) => ({ state }) as const;

describe('combineServiceVerdicts', () => {
  it.each<{ name: string; verdicts: Array<[string, Verdict<EcsSuccess>]>; expected: Verdict<EcsSuccess> }>([
    {
      name: 'one service: its own verdict, untouched',
      verdicts: [['web', failed('timed-out', 'Timed out', ['task x'])]],
      expected: failed('timed-out', 'Timed out', ['task x']),
    },
    {
      name: 'all deployed',
      verdicts: [
        ['web', ok('succeeded')],
        ['worker', ok('succeeded')],
      ],
      expected: ok('succeeded'),
    },
    {
      name: 'one deployed, one unchanged',
      verdicts: [
        ['web', ok('unchanged')],
        ['worker', ok('succeeded')],
      ],
      expected: ok('succeeded'),
    },
    {
      name: 'all unchanged',
      verdicts: [
        ['web', ok('unchanged')],
        ['worker', ok('unchanged')],
      ],
      expected: ok('unchanged'),
    },
    {
      name: 'a dry run',
      verdicts: [
        ['web', ok('unchanged')],
        ['worker', ok('planned')],
      ],
      expected: ok('planned'),
    },
    {
      name: 'not waited for',
      verdicts: [
        ['web', ok('started')],
        ['worker', ok('succeeded')],
      ],
      expected: ok('started'),
    },
    {
      name: 'one of two failed',
      verdicts: [
        ['web', ok('succeeded')],
        ['worker', failed('too-many-failed-tasks', '3 tasks stopped', ['task a: exit code 1'])],
      ],
      expected: failed('too-many-failed-tasks', "Service 'worker' failed (1 of 2 services): 3 tasks stopped", [
        'task a: exit code 1',
      ]),
    },
    {
      name: 'two of three failed',
      verdicts: [
        ['web', failed('rolled-back', 'alarm', ['rolled back'])],
        ['api', ok('succeeded')],
        ['worker', failed('timed-out', 'Timed out')],
      ],
      expected: failed('rolled-back', "2 of 3 services failed: 'web', 'worker'.", [
        "'web': alarm",
        "'web':   rolled back",
        "'worker': Timed out",
      ]),
    },
  ])('$name', ({ verdicts, expected }) => {
    expect(combineServiceVerdicts(verdicts.map(([service, verdict]) => ({ service, verdict })))).toEqual(expected);
  });
});

describe('registrationDelayMs', () => {
  it('lets the first 20 registrations go at once, then one a second', () => {
    const delays = Array.from({ length: 23 }, (_, i) => registrationDelayMs(i));
    expect(delays.slice(0, 20)).toEqual(Array.from({ length: 20 }, () => 0));
    expect(delays.slice(20)).toEqual([1000, 2000, 3000]);
  });
});

describe('sharedRegistrations', () => {
  const web = {
    rendered: { family: 'app', cpu: '256', containerDefinitions: [{ name: 'app', image: 'a' }] },
    tags: [{ key: 't', value: '1' }],
  };
  it.each([
    {
      name: 'distinct definitions',
      renderings: [web, { ...web, rendered: { ...web.rendered, cpu: '512' } }],
      expected: [0, 1],
    },
    {
      name: 'the same definition twice (one family, two services)',
      renderings: [web, structuredClone(web)],
      expected: [0, 0],
    },
    { name: 'same definition, other tags', renderings: [web, { ...web, tags: [] }], expected: [0, 1] },
    {
      name: 'services that need none',
      renderings: [undefined, web, undefined, structuredClone(web)],
      expected: [undefined, 1, undefined, 1],
    },
  ])('$name', ({ renderings, expected }) => {
    expect(sharedRegistrations(renderings)).toEqual(expected);
  });
});

describe('batchesOf', () => {
  it.each([
    [0, []],
    [3, [3]],
    [10, [10]],
    [11, [10, 1]],
    [25, [10, 10, 5]],
  ])('%i services: batches of %j', (count, sizes) => {
    const items = Array.from({ length: count }, (_, i) => i);
    const batches = batchesOf(items, 10);
    expect(batches.map((b) => b.length)).toEqual(sizes);
    expect(batches.flat()).toEqual(items);
  });
});
