import { describe, expect, it } from 'vitest';
import { UserError } from '../../../src/errors.ts';
import {
  type DescribedRevision,
  type EcsPlanInput,
  planEcsDeploy,
  reusableRevision,
} from '../../../src/plan/ecs-deploy.ts';

const ARN = 'arn:aws:ecs:us-east-1:123456789012:task-definition/web';
const REPO = '123456789012.dkr.ecr.us-east-1.amazonaws.com/app';

function aRevision(revision: number, patch: Record<string, unknown> = {}): DescribedRevision {
  return {
    taskDefinition: {
      taskDefinitionArn: `${ARN}:${revision}`,
      revision,
      status: 'ACTIVE',
      family: 'web',
      requiresCompatibilities: ['FARGATE'],
      networkMode: 'awsvpc',
      cpu: '256',
      memory: '512',
      containerDefinitions: [
        { name: 'app', image: `${REPO}:1.0.0`, essential: true, environment: [{ name: 'MODE', value: 'web' }] },
        { name: 'sidecar', image: 'public.ecr.aws/nginx/nginx:1', essential: false, cpu: 64, memory: 128 },
      ],
      ...patch,
    },
    tags: [{ key: 'team', value: 'payments' }],
  };
}

function planFor(overrides: Partial<EcsPlanInput['overrides']>, more: Partial<EcsPlanInput> = {}) {
  const running = aRevision(4);
  return planEcsDeploy({
    running,
    source: running,
    overrides: { environment: [], ...overrides },
    forceNewDeployment: false,
    currentDesiredCount: 2,
    ...more,
  });
}

describe('planEcsDeploy decides what must happen', () => {
  it.each([
    {
      name: 'nothing asked',
      overrides: {},
      more: {},
      expected: { registerNeeded: false, targetArn: `${ARN}:4`, updateNeeded: false, diff: [] },
    },
    {
      name: 'the cpu and memory it already has',
      overrides: { cpu: '256', memory: '512' },
      more: {},
      expected: { registerNeeded: false, targetArn: `${ARN}:4`, updateNeeded: false },
    },
    {
      name: 'the image it already runs',
      overrides: { image: `${REPO}:1.0.0` },
      more: {},
      expected: { registerNeeded: false, updateNeeded: false, containerNames: ['app'] },
    },
    {
      name: 'new cpu and memory',
      overrides: { cpu: '1024', memory: '2048' },
      more: {},
      expected: {
        registerNeeded: true,
        targetArn: undefined,
        updateNeeded: true,
        diff: ['cpu: 256 -> 1024', 'memory: 512 -> 2048'],
      },
    },
    {
      name: 'a new image',
      overrides: { image: `${REPO}:2.0.0` },
      more: {},
      expected: {
        registerNeeded: true,
        updateNeeded: true,
        containerNames: ['app'],
        diff: [`containerDefinitions[app].image: ${REPO}:1.0.0 -> ${REPO}:2.0.0`],
      },
    },
    {
      name: 'a forced redeploy with no change',
      overrides: {},
      more: { forceNewDeployment: true },
      expected: { registerNeeded: false, targetArn: `${ARN}:4`, updateNeeded: true },
    },
    {
      name: 'a new desired count alone',
      overrides: {},
      more: { desiredCount: 3 },
      expected: { registerNeeded: false, targetArn: `${ARN}:4`, updateNeeded: true },
    },
    {
      name: 'the desired count it already has',
      overrides: {},
      more: { desiredCount: 2 },
      expected: { registerNeeded: false, updateNeeded: false },
    },
    {
      name: 'another registered revision as it is',
      overrides: {},
      more: { source: aRevision(7, { cpu: '512', memory: '1024' }) },
      expected: { registerNeeded: false, targetArn: `${ARN}:7`, updateNeeded: true },
    },
    {
      name: 'another registered revision with an override',
      overrides: { memory: '2048' },
      more: { source: aRevision(7, { cpu: '512', memory: '1024' }) },
      expected: { registerNeeded: true, targetArn: undefined, updateNeeded: true },
    },
    {
      name: 'a file equal to what runs',
      overrides: {},
      more: {
        source: {
          taskDefinition: { ...aRevision(4).taskDefinition, taskDefinitionArn: undefined },
          tags: aRevision(4).tags,
        },
      },
      expected: { registerNeeded: false, targetArn: `${ARN}:4`, updateNeeded: false },
    },
    {
      name: 'a file with other tags',
      overrides: {},
      more: { source: { taskDefinition: { ...aRevision(4).taskDefinition, taskDefinitionArn: undefined }, tags: [] } },
      expected: { registerNeeded: true, updateNeeded: true },
    },
  ])('given $name', ({ overrides, more, expected }) => {
    expect(planFor(overrides, more)).toMatchObject(expected);
  });

  it('renders only what was asked and keeps the tags of the source', () => {
    const plan = planFor({ cpu: '1024', memory: '2048' });
    expect(plan.rendered).toEqual({
      family: 'web',
      requiresCompatibilities: ['FARGATE'],
      networkMode: 'awsvpc',
      cpu: '1024',
      memory: '2048',
      containerDefinitions: aRevision(4).taskDefinition.containerDefinitions,
    });
    expect(plan.tags).toEqual([{ key: 'team', value: 'payments' }]);
    expect(plan.before).toEqual({ cpu: '256', memory: '512', image: undefined });
    expect(plan.after).toEqual({ cpu: '1024', memory: '2048', image: undefined });
  });

  it('reports the image of the chosen container before and after', () => {
    const plan = planFor({ image: `${REPO}:2.0.0`, environment: [{ name: 'LOG', value: 'debug' }] });
    expect(plan.before.image).toBe(`${REPO}:1.0.0`);
    expect(plan.after.image).toBe(`${REPO}:2.0.0`);
    expect(plan.diff).toContain('containerDefinitions[app].environment.LOG: (unset) -> (set)');
  });

  it.each([
    { name: 'memory outside the Fargate row', overrides: { cpu: '1024', memory: '3000' }, message: "Input 'memory'" },
    { name: 'a cpu that is no Fargate size', overrides: { cpu: '300' }, message: "Input 'cpu'" },
    {
      name: 'an unknown container',
      overrides: { containerNames: ['worker'], image: `${REPO}:2` },
      message: "Input 'container-name' ('worker')",
    },
    {
      name: 'an image no container uses',
      overrides: { image: 'ghcr.io/other/thing:1' },
      message: "set input 'container-name'",
    },
    {
      name: 'a task smaller than its containers',
      overrides: { cpu: '256', memory: '512' },
      more: { source: aRevision(4, { containerDefinitions: [{ name: 'app', image: 'x', memory: 1024 }] }) },
      message: "'app'",
    },
  ])('refuses $name before anything is changed', ({ overrides, more, message }) => {
    const run = () => planFor(overrides, more ?? {});
    expect(run).toThrow(UserError);
    expect(run).toThrow(message);
  });
});

describe('reusableRevision: deploy the latest revision of the family instead of registering its twin', () => {
  // What a deploy of new cpu and memory renders from web:4.
  const plan = planFor({ cpu: '1024', memory: '2048' });
  const twin = aRevision(5, { cpu: '1024', memory: '2048' });

  it.each<{ name: string; latest: DescribedRevision | undefined; expected: string | undefined }>([
    { name: 'the latest revision is what was rendered', latest: twin, expected: `${ARN}:5` },
    {
      name: 'it is the same with cpu and memory written in other units',
      latest: aRevision(5, { cpu: '1 vCPU', memory: '2 GB' }),
      expected: `${ARN}:5`,
    },
    { name: 'the family has no ACTIVE revision', latest: undefined, expected: undefined },
    {
      name: 'the latest revision is the one running (not what was rendered)',
      latest: aRevision(4),
      expected: undefined,
    },
    {
      name: 'the latest revision differs in one container field',
      latest: aRevision(5, {
        cpu: '1024',
        memory: '2048',
        containerDefinitions: [{ name: 'app', image: `${REPO}:1.0.0` }],
      }),
      expected: undefined,
    },
    {
      name: 'the latest revision has other tags',
      latest: { ...twin, tags: [{ key: 'team', value: 'search' }] },
      expected: undefined,
    },
    {
      name: 'the latest revision is INACTIVE',
      latest: aRevision(5, { cpu: '1024', memory: '2048', status: 'INACTIVE' }),
      expected: undefined,
    },
  ])('$name: $expected', ({ latest, expected }) => {
    expect(reusableRevision(plan.rendered, plan.tags, latest)).toBe(expected);
  });

  it('does not modify the plan or the revision it compares', () => {
    const latest = structuredClone(twin);
    const before = { plan: structuredClone(plan), latest: structuredClone(latest) };

    reusableRevision(plan.rendered, plan.tags, latest);

    expect({ plan, latest }).toEqual(before);
  });
});

describe('planEcsDeploy with only one of cpu and memory', () => {
  it.each([
    {
      given: { cpu: '4096' },
      add: 'memory',
      line: 'Task definition memory (512) is not valid with cpu 4096 on Fargate',
    },
    { given: { memory: '8192' }, add: 'cpu', line: "Input 'memory' (8192) is not valid with cpu 256 on Fargate" },
  ])('names the input to add ($add) next to the valid values when Fargate refuses the pair', ({ given, add, line }) => {
    const error = (() => {
      try {
        planFor(given);
      } catch (e) {
        return e;
      }
      return undefined;
    })();
    expect(error).toBeInstanceOf(UserError);
    const message = (error as Error).message;
    expect(message).toContain(line);
    const other = add === 'memory' ? 'cpu' : 'memory';
    expect(message).toContain(
      `Set input '${add}' as well: with input '${other}' alone the task definition's ${add} is kept`,
    );
  });
});

describe('planEcsDeploy with both cpu and memory refused', () => {
  it('does not ask for an input that was given', () => {
    expect(() => planFor({ cpu: '4096', memory: '512' })).toThrow(
      "Input 'memory' (512) is not valid with cpu 4096 on Fargate",
    );
    expect(() => planFor({ cpu: '4096', memory: '512' })).not.toThrow('Set input');
  });
});

describe('planEcsDeploy with several named containers', () => {
  const image = `${REPO}:2.0.0`;

  it('gives every named container the image and the environment, and leaves the others alone', () => {
    const plan = planFor({ containerNames: ['app', 'sidecar'], image, environment: [{ name: 'RELEASE', value: '2' }] });
    const containers = plan.rendered.containerDefinitions as Array<Record<string, unknown>>;
    expect(plan.containerNames).toEqual(['app', 'sidecar']);
    expect(containers.map((c) => [c.name, c.image, c.environment])).toEqual([
      [
        'app',
        image,
        [
          { name: 'MODE', value: 'web' },
          { name: 'RELEASE', value: '2' },
        ],
      ],
      ['sidecar', image, [{ name: 'RELEASE', value: '2' }]],
    ]);
    expect(plan.after.image).toBe(image);
  });

  it('changes only the one container named, even when the image repository matches another', () => {
    const plan = planFor({ containerNames: ['sidecar'], image });
    const containers = plan.rendered.containerDefinitions as Array<Record<string, unknown>>;
    expect(containers.map((c) => c.image)).toEqual([`${REPO}:1.0.0`, image]);
  });

  it('refuses a name the task definition does not have, listing the containers it has', () => {
    expect(() => planFor({ containerNames: ['app', 'worker'], image })).toThrow(
      new UserError(
        "Input 'container-name' ('worker') names no container in task definition 'web': its containers are 'app', 'sidecar'.",
      ),
    );
  });
});
