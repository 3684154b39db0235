import { describe, expect, it } from 'vitest';
import { UserError } from '../../../src/errors.ts';
import { containerNames, selectContainer } from '../../../src/plan/containers.ts';
import {
  DESCRIBE_ONLY_FIELDS,
  normalizeTaskDefinitionDocument,
  renderTaskDefinition,
  toRegisterable,
} from '../../../src/plan/task-definition.ts';
import { sameTaskDefinition } from '../../../src/plan/task-definition-compare.ts';
import type { TaskDefinitionDoc } from '../../../src/plan/task-definition-types.ts';

const SOURCE = "Input 'task-definition' (./td.json)";
const ECR = '123456789012.dkr.ecr.eu-west-1.amazonaws.com';

function deepFreeze<T>(value: T): T {
  if (typeof value === 'object' && value !== null) {
    for (const child of Object.values(value)) deepFreeze(child);
    Object.freeze(value);
  }
  return value;
}

/** A described task definition using as many kinds of field as we could find, plus future ones. */
function richTaskDefinition(): TaskDefinitionDoc {
  return {
    taskDefinitionArn: 'arn:aws:ecs:eu-west-1:123456789012:task-definition/web:7',
    family: 'web',
    revision: 7,
    status: 'ACTIVE',
    requiresAttributes: [{ name: 'com.amazonaws.ecs.capability.ecr-auth' }],
    compatibilities: ['EC2', 'FARGATE'],
    registeredAt: '2025-01-02T03:04:05.000Z',
    registeredBy: 'arn:aws:iam::123456789012:role/deployer',
    deregisteredAt: '2025-02-02T03:04:05.000Z',
    taskRoleArn: 'arn:aws:iam::123456789012:role/web-task',
    executionRoleArn: 'arn:aws:iam::123456789012:role/web-exec',
    networkMode: 'awsvpc',
    requiresCompatibilities: ['FARGATE'],
    cpu: '256',
    memory: '512',
    runtimePlatform: { cpuArchitecture: 'ARM64', operatingSystemFamily: 'LINUX' },
    ephemeralStorage: { sizeInGiB: 40 },
    volumes: [{ name: 'data', efsVolumeConfiguration: { fileSystemId: 'fs-1', transitEncryption: 'ENABLED' } }],
    proxyConfiguration: {
      type: 'APPMESH',
      containerName: 'envoy',
      properties: [{ name: 'AppPorts', value: '8080' }],
    },
    placementConstraints: [],
    enableFaultInjection: true,
    someFutureField: { nested: { list: [1, { deep: 'yes' }] } },
    containerDefinitions: [
      {
        name: 'app',
        image: `${ECR}/web:1`,
        essential: true,
        cpu: 0,
        portMappings: [{ containerPort: 8080, hostPort: 8080, protocol: 'tcp', name: 'http' }],
        environment: [
          { name: 'LOG_LEVEL', value: 'info' },
          { name: 'REGION', value: 'eu-west-1' },
        ],
        secrets: [{ name: 'DB_PASSWORD', valueFrom: 'arn:aws:ssm:eu-west-1:123456789012:parameter/db' }],
        mountPoints: [{ sourceVolume: 'data', containerPath: '/data' }],
        logConfiguration: { logDriver: 'awslogs', options: { 'awslogs-group': '/ecs/web' } },
        healthCheck: { command: ['CMD-SHELL', 'curl -f localhost:8080'], interval: 30 },
        restartPolicy: { enabled: true, ignoredExitCodes: [0], restartAttemptPeriod: 60 },
        someFutureContainerField: ['a', 'b'],
      },
      {
        name: 'envoy',
        image: 'public.ecr.aws/appmesh/aws-appmesh-envoy:v1.29',
        essential: true,
        environment: [],
        dependsOn: [],
      },
    ],
  };
}

function registerable(): TaskDefinitionDoc {
  const td = richTaskDefinition();
  for (const field of DESCRIBE_ONLY_FIELDS) delete td[field];
  return td;
}

function container(td: TaskDefinitionDoc, name: string): Record<string, unknown> {
  const containers = td.containerDefinitions as Array<Record<string, unknown>>;
  const found = containers.find((candidate) => candidate.name === name);
  if (found === undefined) throw new Error(`test fixture has no container ${name}`);
  return found;
}

function simple(containers: Array<Record<string, unknown>>): TaskDefinitionDoc {
  return { family: 'web', containerDefinitions: containers };
}

describe('normalizeTaskDefinitionDocument', () => {
  it('accepts a bare task definition, with no tags', () => {
    const doc = deepFreeze(registerable());
    const result = normalizeTaskDefinitionDocument(doc, SOURCE);
    expect(result).toEqual({ taskDefinition: registerable(), tags: [] });
    expect(result.taskDefinition).not.toBe(doc);
  });

  it('unwraps describe-task-definition output and keeps its tags apart', () => {
    const doc = deepFreeze({ taskDefinition: richTaskDefinition(), tags: [{ key: 'team', value: 'web' }] });
    expect(normalizeTaskDefinitionDocument(doc, SOURCE)).toEqual({
      taskDefinition: richTaskDefinition(),
      tags: [{ key: 'team', value: 'web' }],
    });
  });

  it('moves tags out of a bare task definition, since they register as a separate parameter', () => {
    const doc = { ...registerable(), tags: [{ key: 'env', value: 'prod' }, { key: 'flag' }] };
    const result = normalizeTaskDefinitionDocument(doc, SOURCE);
    expect(result.tags).toEqual([
      { key: 'env', value: 'prod' },
      { key: 'flag', value: '' },
    ]);
    expect(result.taskDefinition).not.toHaveProperty('tags');
  });

  it.each<[string, unknown, string]>([
    ['null', null, `${SOURCE} is not a task definition (got null)`],
    ['a list', [], `${SOURCE} is not a task definition (got a list)`],
    ['a string', 'web', `${SOURCE} is not a task definition (got a string)`],
    ['no family', { containerDefinitions: [{ name: 'app' }] }, "'family' is missing"],
    ['an empty family', { family: ' ', containerDefinitions: [{ name: 'app' }] }, "'family' is not a non-empty string"],
    ['no containers', { family: 'web' }, "'containerDefinitions' is missing (it needs at least one container)"],
    [
      'an empty container list',
      { family: 'web', containerDefinitions: [] },
      "'containerDefinitions' is not a non-empty list",
    ],
    [
      'a container that is not an object',
      { family: 'web', containerDefinitions: ['app'] },
      'containerDefinitions[0] is not an object',
    ],
    [
      'a container without a name',
      { family: 'web', containerDefinitions: [{ name: 'a' }, { image: 'x' }] },
      "containerDefinitions[1] has no 'name'",
    ],
    [
      'a name used twice',
      { family: 'web', containerDefinitions: [{ name: 'a' }, { name: 'a' }] },
      "container name 'a' is used more than once",
    ],
    [
      'tags that are not a list',
      { taskDefinition: { family: 'web', containerDefinitions: [{ name: 'a' }] }, tags: {} },
      "'tags' must be a list",
    ],
    [
      'a tag without a key',
      { family: 'web', containerDefinitions: [{ name: 'a' }], tags: [{ value: 'x' }] },
      "'tags' must be a list",
    ],
  ])('rejects %s, naming the source', (_case, doc, problem) => {
    expect(() => normalizeTaskDefinitionDocument(doc, SOURCE)).toThrow(UserError);
    expect(() => normalizeTaskDefinitionDocument(doc, SOURCE)).toThrow(problem);
    expect(() => normalizeTaskDefinitionDocument(doc, SOURCE)).toThrow(SOURCE);
  });

  it('lists every problem at once and says what is expected', () => {
    expect(() => normalizeTaskDefinitionDocument({ cpu: '256' }, SOURCE)).toThrow(
      `${SOURCE} is not a valid task definition: 'family' is missing; 'containerDefinitions' is missing (it needs at least one container). Fix it or use a task definition JSON object with 'family' and 'containerDefinitions', or the output of 'aws ecs describe-task-definition'.`,
    );
  });
});

describe('toRegisterable', () => {
  it('drops exactly the describe-only fields', () => {
    expect(toRegisterable(deepFreeze(richTaskDefinition()))).toEqual(registerable());
  });

  it.each([...DESCRIBE_ONLY_FIELDS])('drops %s', (field) => {
    expect(toRegisterable(richTaskDefinition())).not.toHaveProperty(field);
  });

  it('keeps fields it has never heard of and copies nested data', () => {
    const td = deepFreeze(richTaskDefinition());
    const result = toRegisterable(td);
    expect(result.enableFaultInjection).toBe(true);
    expect(result.someFutureField).toEqual({ nested: { list: [1, { deep: 'yes' }] } });
    expect(result.someFutureField).not.toBe(td.someFutureField);
    expect(Object.isFrozen(result.containerDefinitions)).toBe(false);
  });
});

describe('containerNames', () => {
  it('lists names in order', () => {
    expect(containerNames(richTaskDefinition())).toEqual(['app', 'envoy']);
  });

  it('copes with a task definition without containers', () => {
    expect(containerNames({ family: 'web' })).toEqual([]);
  });
});

describe('selectContainer', () => {
  const td = deepFreeze(
    simple([
      { name: 'app', image: `${ECR}/web:1` },
      { name: 'proxy', image: 'nginx:1.27' },
      { name: 'worker', image: `${ECR}/worker@sha256:${'a'.repeat(64)}` },
    ]),
  );

  it('returns the named container', () => {
    expect(selectContainer(td, { containerName: 'proxy', imageRepository: `${ECR}/web:2` }).containerName).toBe(
      'proxy',
    );
  });

  it('rejects a name that is not there, listing the containers', () => {
    expect(() => selectContainer(td, { containerName: 'x' })).toThrow(
      "Input 'container-name' ('x') names no container in task definition 'web': its containers are 'app', 'proxy', 'worker'.",
    );
  });

  it('takes the only container without being told', () => {
    expect(selectContainer(simple([{ name: 'solo', image: 'a' }]), { imageRepository: 'b' }).containerName).toBe(
      'solo',
    );
  });

  it.each([
    [`${ECR}/web:2`, 'app'],
    [`${ECR}/worker:3`, 'worker'],
    ['docker.io/library/nginx:1', 'proxy'],
    ['index.docker.io/library/nginx', 'proxy'],
    [`nginx@sha256:${'b'.repeat(64)}`, 'proxy'],
  ])('picks the container whose repository matches %s', (image, name) => {
    expect(selectContainer(td, { imageRepository: image }).containerName).toBe(name);
  });

  it('asks for container-name when no image repository matches', () => {
    expect(() => selectContainer(td, { imageRepository: 'ghcr.io/org/other:1' })).toThrow(
      "Task definition 'web' has several containers ('app', 'proxy', 'worker') and none of them uses repository 'ghcr.io/org/other': set input 'container-name' to the one to update.",
    );
  });

  it('asks for container-name when several containers use the repository', () => {
    const twins = simple([
      { name: 'a', image: 'nginx:1' },
      { name: 'b', image: 'docker.io/library/nginx:2' },
    ]);
    expect(() => selectContainer(twins, { imageRepository: 'nginx' })).toThrow(
      "Task definition 'web' has several containers ('a', 'b') and 2 of them ('a', 'b') use repository 'docker.io/library/nginx': set input 'container-name' to the one to update.",
    );
  });

  it('asks for container-name when there is no image to go by', () => {
    expect(() => selectContainer(td, {})).toThrow(
      "Task definition 'web' has several containers ('app', 'proxy', 'worker'): set input 'container-name' to the one to update.",
    );
  });

  it('ignores containers whose image it cannot parse', () => {
    const messy = simple([
      { name: 'a', image: 'Not A Valid Image' },
      { name: 'b', image: 'nginx' },
    ]);
    expect(selectContainer(messy, { imageRepository: 'nginx:2' }).containerName).toBe('b');
  });
});

describe('renderTaskDefinition', () => {
  const overrides = {
    containerName: 'app',
    image: `${ECR}/web@sha256:${'c'.repeat(64)}`,
    cpu: '1024',
    memory: '2048',
    environment: [
      { name: 'LOG_LEVEL', value: 'debug' },
      { name: 'NEW_FLAG', value: 'on' },
    ],
  };

  it('changes the image, environment, cpu and memory and leaves every other field as it was', () => {
    const base = deepFreeze(richTaskDefinition());
    const expected = richTaskDefinition();
    expected.cpu = '1024';
    expected.memory = '2048';
    const app = container(expected, 'app');
    app.image = overrides.image;
    app.environment = [
      { name: 'LOG_LEVEL', value: 'debug' },
      { name: 'REGION', value: 'eu-west-1' },
      { name: 'NEW_FLAG', value: 'on' },
    ];
    expect(renderTaskDefinition(base, overrides)).toEqual(expected);
  });

  it.each([
    'secrets',
    'mountPoints',
    'logConfiguration',
    'healthCheck',
    'restartPolicy',
    'someFutureContainerField',
    'portMappings',
    'essential',
  ])('keeps the container field %s', (field) => {
    const rendered = renderTaskDefinition(deepFreeze(richTaskDefinition()), overrides);
    expect(container(rendered, 'app')[field]).toEqual(container(richTaskDefinition(), 'app')[field]);
    expect(container(rendered, 'app')[field]).toBeDefined();
  });

  it.each([
    'volumes',
    'runtimePlatform',
    'ephemeralStorage',
    'proxyConfiguration',
    'enableFaultInjection',
    'someFutureField',
    'taskRoleArn',
    'executionRoleArn',
    'networkMode',
    'requiresCompatibilities',
    'placementConstraints',
  ])('keeps the task field %s', (field) => {
    const rendered = renderTaskDefinition(deepFreeze(richTaskDefinition()), overrides);
    expect(rendered[field]).toEqual(richTaskDefinition()[field]);
    expect(rendered[field]).toBeDefined();
  });

  it('leaves the other containers alone', () => {
    const rendered = renderTaskDefinition(deepFreeze(richTaskDefinition()), overrides);
    expect(container(rendered, 'envoy')).toEqual(container(richTaskDefinition(), 'envoy'));
  });

  it('drops describe-only fields once passed through toRegisterable', () => {
    const rendered = toRegisterable(renderTaskDefinition(deepFreeze(richTaskDefinition()), overrides));
    for (const field of DESCRIBE_ONLY_FIELDS) expect(rendered).not.toHaveProperty(field);
    expect(rendered.someFutureField).toBeDefined();
  });

  it('does not touch the object it was given and shares nothing with it', () => {
    const base = deepFreeze(richTaskDefinition());
    const rendered = renderTaskDefinition(base, overrides);
    expect(base).toEqual(richTaskDefinition());
    expect(rendered.volumes).not.toBe(base.volumes);
    expect(container(rendered, 'envoy')).not.toBe(container(base, 'envoy'));
    expect(Object.isFrozen(rendered.someFutureField)).toBe(false);
  });

  it('returns an equal copy when there is nothing to override', () => {
    const base = deepFreeze(richTaskDefinition());
    const rendered = renderTaskDefinition(base, {});
    expect(rendered).toEqual(base);
    expect(rendered).not.toBe(base);
  });

  it('finds the container from the image when no name is given', () => {
    const rendered = renderTaskDefinition(deepFreeze(richTaskDefinition()), {
      image: 'public.ecr.aws/appmesh/aws-appmesh-envoy:v1.30',
    });
    expect(container(rendered, 'envoy').image).toBe('public.ecr.aws/appmesh/aws-appmesh-envoy:v1.30');
    expect(container(rendered, 'app').image).toBe(`${ECR}/web:1`);
  });

  it('refuses to guess a container', () => {
    expect(() => renderTaskDefinition(richTaskDefinition(), { image: 'ghcr.io/x/y:1' })).toThrow(UserError);
    expect(() => renderTaskDefinition(richTaskDefinition(), { environment: [{ name: 'A', value: '1' }] })).toThrow(
      "set input 'container-name'",
    );
  });

  it('rejects an unknown container name even with nothing else to change', () => {
    expect(() => renderTaskDefinition(richTaskDefinition(), { containerName: 'nope', cpu: '512' })).toThrow(
      "Input 'container-name' ('nope')",
    );
  });

  it('sets cpu and memory as strings without needing a container', () => {
    const rendered = renderTaskDefinition(richTaskDefinition(), { cpu: '512', memory: '1024' });
    expect(rendered.cpu).toBe('512');
    expect(rendered.memory).toBe('1024');
  });

  it.each<[string, unknown, Array<{ name: string; value: string }>, unknown]>([
    ['creates the list when there was none', undefined, [{ name: 'A', value: '1' }], [{ name: 'A', value: '1' }]],
    [
      'replaces in place and appends in order',
      [
        { name: 'A', value: '1' },
        { name: 'B', value: '2' },
      ],
      [
        { name: 'C', value: '3' },
        { name: 'A', value: 'x' },
      ],
      [
        { name: 'A', value: 'x' },
        { name: 'B', value: '2' },
        { name: 'C', value: '3' },
      ],
    ],
    [
      'removes later duplicates of a name it sets',
      [
        { name: 'A', value: '1' },
        { name: 'B', value: '2' },
        { name: 'A', value: '3' },
      ],
      [{ name: 'A', value: 'x' }],
      [
        { name: 'A', value: 'x' },
        { name: 'B', value: '2' },
      ],
    ],
    [
      'lets the last of repeated overrides win',
      [],
      [
        { name: 'A', value: '1' },
        { name: 'A', value: '2' },
      ],
      [{ name: 'A', value: '2' }],
    ],
    ['can set an empty value', [{ name: 'A', value: '1' }], [{ name: 'A', value: '' }], [{ name: 'A', value: '' }]],
  ])('merges environment: %s', (_case, existing, environment, expected) => {
    const base = deepFreeze(
      simple([{ name: 'app', image: 'nginx', ...(existing === undefined ? {} : { environment: existing }) }]),
    );
    expect(container(renderTaskDefinition(base, { environment }), 'app').environment).toEqual(expected);
  });
});

describe('sameTaskDefinition', () => {
  it('finds a described task definition the same as its rendered copy with no overrides', () => {
    const described = deepFreeze(richTaskDefinition());
    expect(sameTaskDefinition(described, renderTaskDefinition(described, {}))).toBe(true);
    expect(sameTaskDefinition(described, toRegisterable(described))).toBe(true);
  });

  it.each<[string, (td: TaskDefinitionDoc) => void]>([
    [
      'keys in another order',
      (td) => {
        const app = container(td, 'app');
        const reversed = Object.fromEntries(Object.entries(app).reverse());
        (td.containerDefinitions as unknown[])[0] = reversed;
      },
    ],
    [
      'cpu as a number',
      (td) => {
        td.cpu = 256;
      },
    ],
    [
      'memory as a number',
      (td) => {
        td.memory = 512;
      },
    ],
    [
      'cpu in vCPU',
      (td) => {
        td.cpu = '0.25 vCPU';
      },
    ],
    [
      'memory in GB',
      (td) => {
        td.memory = '0.5 GB';
      },
    ],
    [
      'an empty list left out',
      (td) => {
        delete td.placementConstraints;
      },
    ],
    [
      'a null field',
      (td) => {
        td.pidMode = null;
      },
    ],
    [
      'an empty object',
      (td) => {
        td.tagsLikeFuture = {};
      },
    ],
    [
      'an undefined field',
      (td) => {
        td.ipcMode = undefined;
      },
    ],
    [
      'container cpu 0 left out',
      (td) => {
        delete container(td, 'app').cpu;
      },
    ],
    [
      'essential true left out',
      (td) => {
        delete container(td, 'envoy').essential;
      },
    ],
    [
      'port protocol tcp left out',
      (td) => {
        container(td, 'app').portMappings = [{ containerPort: 8080, hostPort: 8080, name: 'http' }];
      },
    ],
    [
      'environment in another order',
      (td) => {
        container(td, 'app').environment = [
          { name: 'REGION', value: 'eu-west-1' },
          { name: 'LOG_LEVEL', value: 'info' },
        ];
      },
    ],
    [
      'empty environment of another container left out',
      (td) => {
        delete container(td, 'envoy').environment;
      },
    ],
    [
      'describe-only fields changed',
      (td) => {
        td.revision = 8;
        td.status = 'INACTIVE';
        delete td.taskDefinitionArn;
      },
    ],
  ])('treats %s as the same', (_case, change) => {
    const changed = richTaskDefinition();
    change(changed);
    expect(sameTaskDefinition(richTaskDefinition(), changed)).toBe(true);
  });

  it.each<[string, (td: TaskDefinitionDoc) => void]>([
    [
      'another image',
      (td) => {
        container(td, 'app').image = `${ECR}/web:2`;
      },
    ],
    [
      'another cpu',
      (td) => {
        td.cpu = '512';
      },
    ],
    [
      'an environment value',
      (td) => {
        container(td, 'app').environment = [
          { name: 'LOG_LEVEL', value: 'debug' },
          { name: 'REGION', value: 'eu-west-1' },
        ];
      },
    ],
    [
      'a removed secret',
      (td) => {
        delete container(td, 'app').secrets;
      },
    ],
    [
      'containers in another order',
      (td) => {
        (td.containerDefinitions as unknown[]).reverse();
      },
    ],
    [
      'a future field',
      (td) => {
        td.enableFaultInjection = false;
      },
    ],
    [
      'a nested future field',
      (td) => {
        (td.someFutureField as { nested: { list: unknown[] } }).nested.list.push(2);
      },
    ],
    [
      'a container cpu other than 0',
      (td) => {
        container(td, 'app').cpu = 128;
      },
    ],
    [
      'a non-essential container',
      (td) => {
        container(td, 'envoy').essential = false;
      },
    ],
    [
      'a udp port',
      (td) => {
        container(td, 'app').portMappings = [{ containerPort: 8080, hostPort: 8080, protocol: 'udp', name: 'http' }];
      },
    ],
    [
      'a restart policy change',
      (td) => {
        container(td, 'app').restartPolicy = { enabled: false };
      },
    ],
    [
      'an added container',
      (td) => {
        (td.containerDefinitions as unknown[]).push({ name: 'x', image: 'y' });
      },
    ],
  ])('tells %s apart', (_case, change) => {
    const changed = richTaskDefinition();
    change(changed);
    expect(sameTaskDefinition(richTaskDefinition(), changed)).toBe(false);
  });

  it('does not modify either argument', () => {
    const a = deepFreeze(richTaskDefinition());
    const b = deepFreeze(registerable());
    expect(() => sameTaskDefinition(a, b)).not.toThrow();
  });
});
