import { describe, expect, it } from 'vitest';
import { UserError } from '../../../src/errors.ts';
import { expressDeployment } from '../../../src/plan/express-deployment.ts';
import {
  currentConfiguration,
  type ExpressPlanInput,
  expressRevisionNotYet,
  planExpressUpdate,
  requestLines,
} from '../../../src/plan/express-update.ts';

const SERVICE_ARN = 'arn:aws:ecs:us-east-1:123456789012:service/default/web';
const REPO = '123456789012.dkr.ecr.us-east-1.amazonaws.com/app';
const OLD = `${REPO}@sha256:${'a'.repeat(64)}`;
const NEW = `${REPO}@sha256:${'b'.repeat(64)}`;

/** An ECSExpressGatewayService as DescribeExpressGatewayService answers it (API_ECSExpressGatewayService). */
function anExpressService(
  config: Record<string, unknown> = {},
  more: Record<string, unknown> = {},
): Record<string, unknown> {
  return {
    cluster: 'default',
    serviceName: 'web',
    serviceArn: SERVICE_ARN,
    infrastructureRoleArn: 'arn:aws:iam::123456789012:role/ecsInfrastructureRoleForExpressServices',
    status: { statusCode: 'ACTIVE' },
    activeConfigurations: [
      {
        serviceRevisionArn: `${SERVICE_ARN.replace(':service/', ':service-revision/')}/1`,
        executionRoleArn: 'arn:aws:iam::123456789012:role/ecsTaskExecutionRole',
        taskDefinitionArn: 'arn:aws:ecs:us-east-1:123456789012:task-definition/default-web:3',
        cpu: '256',
        memory: '512',
        healthCheckPath: '/ping',
        primaryContainer: {
          image: OLD,
          containerPort: 8080,
          awsLogsConfiguration: { logGroup: '/aws/ecs/default/web', logStreamPrefix: 'ecs' },
          environment: [{ name: 'MODE', value: 'web' }],
          secrets: [{ name: 'DB', valueFrom: 'arn:aws:secretsmanager:us-east-1:123456789012:secret:db' }],
          command: ['serve'],
          futureMember: { kept: true },
        },
        scalingTarget: {
          minTaskCount: 1,
          maxTaskCount: 4,
          autoScalingMetric: 'AVERAGE_CPU',
          autoScalingTargetValue: 60,
        },
        createdAt: 1_700_000_000,
        ...config,
      },
    ],
    ...more,
  };
}

const NOTHING_REFUSED = { forceNewDeployment: false } as const;

function planFor(patch: Partial<ExpressPlanInput>, express = anExpressService()) {
  return planExpressUpdate({ service: 'web', express, environment: [], refused: NOTHING_REFUSED, ...patch });
}

function refusal(patch: Partial<ExpressPlanInput>, express = anExpressService()): string {
  try {
    planFor(patch, express);
  } catch (error) {
    expect(error).toBeInstanceOf(UserError);
    return (error as Error).message;
  }
  throw new Error('expected a UserError');
}

describe('planExpressUpdate: the request carries only what changes', () => {
  it.each([
    [
      'a new image: the whole primary container, with only the image changed',
      { image: NEW },
      ['serviceArn', 'primaryContainer'],
    ],
    ['a new cpu and memory', { cpu: '512', memory: '1024' }, ['serviceArn', 'cpu', 'memory']],
    ['a new memory only (256 takes 1024)', { memory: '1024' }, ['serviceArn', 'memory']],
    [
      'image, cpu and memory',
      { image: NEW, cpu: '1024', memory: '2048' },
      ['serviceArn', 'primaryContainer', 'cpu', 'memory'],
    ],
    [
      'a changed environment variable',
      { environment: [{ name: 'MODE', value: 'worker' }] },
      ['serviceArn', 'primaryContainer'],
    ],
  ] as const)('%s', (_what, patch, members) => {
    const plan = planFor(patch as Partial<ExpressPlanInput>);
    expect(Object.keys(plan.request ?? {})).toEqual(members);
    expect(plan.request?.serviceArn).toBe(SERVICE_ARN);
  });

  it('keeps every member of the primary container it does not change, those the SDK does not know included', () => {
    const plan = planFor({ image: NEW });
    expect(plan.request?.primaryContainer).toEqual({
      image: NEW,
      containerPort: 8080,
      awsLogsConfiguration: { logGroup: '/aws/ecs/default/web', logStreamPrefix: 'ecs' },
      environment: [{ name: 'MODE', value: 'web' }],
      secrets: [{ name: 'DB', valueFrom: 'arn:aws:secretsmanager:us-east-1:123456789012:secret:db' }],
      command: ['serve'],
      futureMember: { kept: true },
    });
  });

  it('sends no roles, network, health check or scaling target: the service keeps them', () => {
    const request = planFor({ image: NEW, cpu: '1024', memory: '2048' }).request ?? {};
    for (const member of [
      'executionRoleArn',
      'taskRoleArn',
      'networkConfiguration',
      'healthCheckPath',
      'scalingTarget',
      'taskDefinitionArn',
      'cpuArchitecture',
    ]) {
      expect(request).not.toHaveProperty(member);
    }
  });

  it('adds a new environment variable after the existing ones', () => {
    const plan = planFor({ environment: [{ name: 'LOG', value: 'debug' }] });
    expect(plan.request?.primaryContainer?.environment).toEqual([
      { name: 'MODE', value: 'web' },
      { name: 'LOG', value: 'debug' },
    ]);
  });

  it.each([
    ['the same image', { image: OLD }],
    ['the same cpu and memory', { cpu: '256', memory: '512' }],
    ['the same environment value', { environment: [{ name: 'MODE', value: 'web' }] }],
    ['nothing at all', {}],
  ] as const)('%s: no request (nothing to change, no call)', (_what, patch) => {
    const plan = planFor(patch as Partial<ExpressPlanInput>);
    expect(plan.request).toBeUndefined();
    expect(plan.diff).toEqual([]);
  });

  it('compares sizes in cpu units and MiB, whichever way Express wrote them', () => {
    const plan = planFor({ cpu: '1024', memory: '2048' }, anExpressService({ cpu: '1 vCPU', memory: '2 GB' }));
    expect(plan.request).toBeUndefined();
  });

  it('says what changes, never an environment value', () => {
    const plan = planFor({ image: NEW, cpu: '512', memory: '1024', environment: [{ name: 'MODE', value: 'hunter2' }] });
    expect(plan.diff.join('\n')).toContain(NEW);
    expect(plan.diff.join('\n')).toContain('256');
    expect(plan.diff.join('\n')).toContain('MODE');
    expect(plan.diff.join('\n')).not.toContain('hunter2');
    expect(plan.before).toEqual({ cpu: '256', memory: '512', image: OLD });
    expect(plan.after).toEqual({ cpu: '512', memory: '1024', image: NEW });
  });

  it('reports the task definition Express runs now', () => {
    expect(planFor({}).taskDefinitionArn).toBe('arn:aws:ecs:us-east-1:123456789012:task-definition/default-web:3');
  });
});

describe('planExpressUpdate: cpu and memory as Fargate (Linux) takes them', () => {
  it.each([
    [
      { cpu: '512' },
      /The memory of Express service 'web' \(512\) is not valid with cpu 512[\s\S]*Set input 'memory' as well/,
    ],
    [{ cpu: '300', memory: '1024' }, /Input 'cpu' \(300\) is not a cpu size for Fargate/],
    [{ cpu: '1024', memory: '1000' }, /Input 'memory' \(1000\) is not valid with cpu 1024/],
    [{ memory: '4096' }, /Input 'memory' \(4096\) is not valid with cpu 256[\s\S]*Set input 'cpu' as well/],
  ] as const)('%o is refused before any change', (patch, message) => {
    expect(refusal(patch)).toMatch(message);
  });
});

describe('planExpressUpdate: inputs that make no sense for Express are refused before any change', () => {
  it.each([
    [
      'task-definition',
      { refused: { ...NOTHING_REFUSED, taskDefinition: 'web-family:4' } },
      /Input 'task-definition' \('web-family:4'\) cannot be used/,
    ],
    [
      'a non-primary container-name',
      { containerNames: ['sidecar'] },
      /Input 'container-name' \('sidecar'\).*only its primary container \('Main'\)/,
    ],
    ['force-new-deployment', { refused: { forceNewDeployment: true } }, /Input 'force-new-deployment' cannot be used/],
    [
      'desired-count',
      { refused: { ...NOTHING_REFUSED, desiredCount: 3 } },
      /Input 'desired-count' \(3\).*minTaskCount/,
    ],
    [
      'propagate-tags',
      { refused: { ...NOTHING_REFUSED, propagateTags: 'SERVICE' } },
      /Input 'propagate-tags' cannot be used/,
    ],
  ] as const)('%s', (_what, patch, message) => {
    expect(refusal({ image: NEW, ...(patch as Partial<ExpressPlanInput>) })).toMatch(message);
  });

  it('takes container-name Main (the primary container)', () => {
    expect(planFor({ image: NEW, containerNames: ['Main'] }).request?.primaryContainer?.image).toBe(NEW);
  });

  it("refuses an image for a service running its owner's task definition (no primaryContainer)", () => {
    const express = anExpressService({ primaryContainer: undefined, cpu: undefined, memory: undefined });
    expect(refusal({ image: NEW }, express)).toMatch(
      /runs a task definition its owner provides \(arn:aws:ecs:.*default-web:3\)/,
    );
  });

  it('refuses a service with no active configuration', () => {
    expect(refusal({ image: NEW }, anExpressService({}, { activeConfigurations: [] }))).toMatch(
      /has no active configuration/,
    );
  });
});

describe('currentConfiguration', () => {
  it('starts from the newest active configuration (a deployment in progress has two)', () => {
    const express = anExpressService();
    const [first] = express.activeConfigurations as Array<Record<string, unknown>>;
    const newer = { ...first, serviceRevisionArn: 'rev/2', createdAt: 1_700_000_100 };
    expect(currentConfiguration({ ...express, activeConfigurations: [newer, first] }, 'web').serviceRevisionArn).toBe(
      'rev/2',
    );
  });
});

describe('expressDeployment: the deployment the update started, once DescribeServices shows it', () => {
  const TD = 'arn:aws:ecs:us-east-1:123456789012:task-definition/default-web';
  const UPDATED_AT = Date.parse('2026-01-01T00:00:10Z');
  const service = (taskDefinition: string, createdAt: string) => ({
    deployments: [
      { id: 'ecs-svc/2', status: 'PRIMARY', taskDefinition, createdAt: new Date(createdAt) },
      { id: 'ecs-svc/1', status: 'ACTIVE', taskDefinition: `${TD}:3`, createdAt: new Date('2026-01-01T00:00:00Z') },
    ],
  });

  it.each([
    [
      'the PRIMARY deployment of the revision Express registered',
      service(`${TD}:4`, '2026-01-01T00:00:11Z'),
      `${TD}:4`,
      'ecs-svc/2',
    ],
    [
      'not yet: the service still shows the deployment before ours',
      service(`${TD}:3`, '2026-01-01T00:00:00Z'),
      `${TD}:4`,
      undefined,
    ],
    [
      'no target named: a PRIMARY deployment created at or after the update',
      service(`${TD}:4`, '2026-01-01T00:00:10Z'),
      undefined,
      'ecs-svc/2',
    ],
    [
      'no target named: an older PRIMARY deployment is not ours',
      service(`${TD}:3`, '2026-01-01T00:00:00Z'),
      undefined,
      undefined,
    ],
  ] as const)('%s', (_what, described, target, expected) => {
    expect(expressDeployment(described, target, UPDATED_AT)?.id).toBe(expected);
  });
});

describe('expressRevisionNotYet', () => {
  it('asks for run-task-definition, naming the Express service', () => {
    const error = expressRevisionNotYet('web');
    expect(error).toBeInstanceOf(UserError);
    expect(error.message).toMatch(/^Input 'run-task-definition' is required with an Express service: 'web'/);
  });
});

describe('requestLines', () => {
  it('shows the request a dry run would send, environment values hidden', () => {
    const request = planFor({ image: NEW, environment: [{ name: 'TOKEN', value: 'hunter2' }] }).request;
    if (request === undefined) throw new Error('expected a request');
    const text = requestLines(request).join('\n');
    expect(text).toContain(NEW);
    expect(text).toContain('"TOKEN"');
    expect(text).not.toContain('hunter2');
    expect(text).not.toContain('"web"');
    expect(request.primaryContainer?.environment).toContainEqual({ name: 'TOKEN', value: 'hunter2' });
  });
});
