import { createHash } from 'node:crypto';
import { Readable } from 'node:stream';
import { ECSClient } from '@aws-sdk/client-ecs';
import { describe, expect, it } from 'vitest';
import { describeTaskDefinition, registerTaskDefinition } from '../../../src/aws/ecs.ts';
import { fillMissing } from '../../../src/aws/raw-json.ts';
import type { TaskDefinitionDoc } from '../../../src/plan/task-definition-types.ts';
import { taskDefinitionArn } from '../../support/ecs-builders.ts';

describe('fillMissing adds what the serialized body lacks', () => {
  it.each([
    {
      name: 'adds a top-level member the target lacks',
      target: { family: 'web' },
      source: { family: 'web', someFutureField: true },
      expected: { family: 'web', someFutureField: true },
    },
    {
      name: 'keeps the target value when both have the member',
      target: { cpu: '1024' },
      source: { cpu: '1 vCPU' },
      expected: { cpu: '1024' },
    },
    {
      name: 'fills nested objects recursively',
      target: { runtimePlatform: { cpuArchitecture: 'ARM64' } },
      source: { runtimePlatform: { cpuArchitecture: 'ARM64', futureFlag: 'on' } },
      expected: { runtimePlatform: { cpuArchitecture: 'ARM64', futureFlag: 'on' } },
    },
    {
      name: 'fills containers of an equal-length list by position',
      target: { containerDefinitions: [{ name: 'app' }, { name: 'sidecar' }] },
      source: {
        containerDefinitions: [
          { name: 'app', restartPolicy: { enabled: true } },
          { name: 'sidecar', x: 1 },
        ],
      },
      expected: {
        containerDefinitions: [
          { name: 'app', restartPolicy: { enabled: true } },
          { name: 'sidecar', x: 1 },
        ],
      },
    },
    {
      name: 'leaves lists of different lengths as the target has them',
      target: { containerDefinitions: [{ name: 'app' }] },
      source: { containerDefinitions: [{ name: 'app', x: 1 }, { name: 'sidecar' }] },
      expected: { containerDefinitions: [{ name: 'app' }] },
    },
    {
      name: 'skips members whose value is undefined',
      target: { family: 'web' },
      source: { family: 'web', taskRoleArn: undefined },
      expected: { family: 'web' },
    },
    {
      name: 'keeps null values the caller gave',
      target: { family: 'web' },
      source: { family: 'web', pidMode: null },
      expected: { family: 'web', pidMode: null },
    },
    {
      name: 'keeps a scalar target over an object source',
      target: { memory: '2048' },
      source: { memory: { value: 2048 } },
      expected: { memory: '2048' },
    },
    {
      name: 'returns a non-object target unchanged',
      target: 'text',
      source: { a: 1 },
      expected: 'text',
    },
  ])('$name', ({ target, source, expected }) => {
    expect(fillMissing(target, source)).toEqual(expected);
  });

  it('does not change its arguments', () => {
    const target = { family: 'web', containerDefinitions: [{ name: 'app' }] };
    const source = { family: 'web', extra: 1, containerDefinitions: [{ name: 'app', extra: 2 }] };
    const before = structuredClone({ target, source });

    fillMissing(target, source);

    expect({ target, source }).toEqual(before);
  });
});

// --- Through a real ECSClient whose HTTP layer is a fake ---------------------------------

interface CapturedRequest {
  target: string;
  headers: Record<string, string>;
  body: string;
}

type BodyKind = 'Uint8Array' | 'Readable';

function encodeBody(json: unknown, kind: BodyKind): Uint8Array | Readable {
  const bytes = new TextEncoder().encode(JSON.stringify(json));
  // Two chunks, so a reader that keeps only the first one would produce broken JSON.
  return kind === 'Uint8Array' ? bytes : Readable.from([bytes.slice(0, 10), bytes.slice(10)]);
}

function bodyText(body: unknown): string {
  if (typeof body === 'string') return body;
  if (body instanceof Uint8Array) return new TextDecoder().decode(body);
  throw new Error(`unexpected request body ${typeof body}`);
}

/** An ECSClient that answers every call with `respond(target)` and records the requests. */
function fakeEcs(respond: (target: string) => unknown, kind: BodyKind = 'Uint8Array') {
  const requests: CapturedRequest[] = [];
  const ecs = new ECSClient({
    region: 'us-east-1',
    credentials: { accessKeyId: 'a', secretAccessKey: 'b' },
    maxAttempts: 1,
    requestHandler: {
      handle: async (request: { headers: Record<string, string>; body?: unknown }) => {
        const target = (request.headers['x-amz-target'] ?? '').split('.').pop() ?? '';
        requests.push({ target, headers: { ...request.headers }, body: bodyText(request.body) });
        return {
          response: {
            statusCode: 200,
            headers: { 'content-type': 'application/x-amz-json-1.1' },
            body: encodeBody(respond(target), kind),
          },
        };
      },
    },
  });
  return { ecs, requests };
}

const DESCRIBED = {
  taskDefinitionArn: taskDefinitionArn('web', 5),
  family: 'web',
  revision: 5,
  status: 'ACTIVE',
  cpu: '512',
  memory: '1024',
  requiresCompatibilities: ['FARGATE'],
  registeredAt: 1735725600.123,
  someFutureField: { mode: 'strict', level: 3 },
  containerDefinitions: [
    {
      name: 'app',
      image: '123456789012.dkr.ecr.us-east-1.amazonaws.com/web:v1',
      essential: true,
      someFutureField: 'inside',
    },
  ],
};

describe('describeTaskDefinition returns the task definition as AWS sent it', () => {
  it.each<BodyKind>(['Uint8Array', 'Readable'])(
    'keeps members the SDK does not model (response body as a %s)',
    async (kind) => {
      const { ecs } = fakeEcs(() => ({ taskDefinition: DESCRIBED, tags: [{ key: 'team', value: 'payments' }] }), kind);

      const described = await describeTaskDefinition(ecs, 'web:5');

      expect(described.taskDefinition).toEqual(DESCRIBED);
      expect(described.taskDefinition.someFutureField).toEqual({ mode: 'strict', level: 3 });
      expect(described.tags).toEqual([{ key: 'team', value: 'payments' }]);
    },
  );

  it('asks for the tags of the revision it names', async () => {
    const { ecs, requests } = fakeEcs(() => ({ taskDefinition: DESCRIBED }));

    const described = await describeTaskDefinition(ecs, 'web:5');

    expect(requests.map((r) => [r.target, JSON.parse(r.body)])).toEqual([
      ['DescribeTaskDefinition', { taskDefinition: 'web:5', include: ['TAGS'] }],
    ]);
    expect(described.tags).toEqual([]);
  });

  it('names the revision when the response has no task definition', async () => {
    const { ecs } = fakeEcs(() => ({}));

    await expect(describeTaskDefinition(ecs, 'web:5')).rejects.toThrow("DescribeTaskDefinition for 'web:5' failed");
  });
});

describe('registerTaskDefinition sends every member it was given', () => {
  const renderable: TaskDefinitionDoc = {
    family: 'web',
    cpu: '1024',
    memory: '2048',
    networkMode: 'awsvpc',
    requiresCompatibilities: ['FARGATE'],
    someFutureField: { mode: 'strict', level: 3 },
    containerDefinitions: [
      {
        name: 'app',
        image: '123456789012.dkr.ecr.us-east-1.amazonaws.com/web:v2',
        essential: true,
        environment: [{ name: 'QUOTE', value: 'say "hi"\n' }],
        someFutureField: 'inside',
      },
      { name: 'sidecar', image: 'public.ecr.aws/nginx/nginx:1', essential: false },
    ],
  };
  const tags = [{ key: 'team', value: 'payments' }];

  async function register() {
    const fake = fakeEcs(() => ({ taskDefinition: { taskDefinitionArn: taskDefinitionArn('web', 6) } }));
    const arn = await registerTaskDefinition(fake.ecs, renderable, tags);
    const [request] = fake.requests;
    if (request === undefined) throw new Error('no request was sent');
    return { arn, request };
  }

  it('puts unknown members in the HTTP body next to the known ones, as valid JSON', async () => {
    const { arn, request } = await register();

    expect(request.target).toBe('RegisterTaskDefinition');
    expect(JSON.parse(request.body)).toEqual({ ...renderable, tags });
    expect(arn).toBe(taskDefinitionArn('web', 6));
  });

  it('sends a content length and a signed payload hash that match the final body', async () => {
    const { request } = await register();

    expect(request.headers['content-length']).toBe(String(Buffer.byteLength(request.body)));
    expect(request.headers['x-amz-content-sha256']).toBe(createHash('sha256').update(request.body).digest('hex'));
  });

  it('leaves the tags out when there are none', async () => {
    const fake = fakeEcs(() => ({ taskDefinition: { taskDefinitionArn: taskDefinitionArn('web', 6) } }));

    await registerTaskDefinition(fake.ecs, renderable, []);

    expect(JSON.parse(fake.requests[0]?.body ?? '{}')).not.toHaveProperty('tags');
  });

  it('does not change the definition it was given', async () => {
    const before = structuredClone(renderable);

    await register();

    expect(renderable).toEqual(before);
  });
});
