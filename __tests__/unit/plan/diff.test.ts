import { describe, expect, it } from 'vitest';
import { diffTaskDefinitions } from '../../../src/plan/diff.ts';
import { renderTaskDefinition } from '../../../src/plan/task-definition.ts';
import { sameTaskDefinition } from '../../../src/plan/task-definition-compare.ts';
import type { TaskDefinitionDoc } from '../../../src/plan/task-definition-types.ts';

const DIGEST = `sha256:${'d'.repeat(64)}`;

function deepFreeze<T>(value: T): T {
  if (typeof value === 'object' && value !== null) {
    for (const child of Object.values(value)) deepFreeze(child);
    Object.freeze(value);
  }
  return value;
}

function described(): TaskDefinitionDoc {
  return {
    taskDefinitionArn: 'arn:aws:ecs:eu-west-1:123456789012:task-definition/web:3',
    revision: 3,
    status: 'ACTIVE',
    family: 'web',
    cpu: '256',
    memory: '512',
    requiresCompatibilities: ['FARGATE'],
    runtimePlatform: { cpuArchitecture: 'X86_64', operatingSystemFamily: 'LINUX' },
    placementConstraints: [],
    containerDefinitions: [
      {
        name: 'app',
        image: 'repo:1',
        cpu: 0,
        essential: true,
        portMappings: [{ containerPort: 80, protocol: 'tcp' }],
        environment: [
          { name: 'REGION', value: 'eu-west-1' },
          { name: 'MODE', value: 'web' },
        ],
        secrets: [{ name: 'TOKEN', valueFrom: 'arn:aws:ssm:eu-west-1:1:parameter/token' }],
        mountPoints: [],
      },
      { name: 'sidecar', image: 'envoy:1', essential: true },
    ],
  };
}

function changed(edit: (td: TaskDefinitionDoc) => void): TaskDefinitionDoc {
  const td = described();
  edit(td);
  return td;
}

function app(td: TaskDefinitionDoc): Record<string, unknown> {
  return (td.containerDefinitions as Array<Record<string, unknown>>)[0] ?? {};
}

describe('diffTaskDefinitions', () => {
  it('finds nothing between a task definition and itself re-rendered', () => {
    const before = deepFreeze(described());
    expect(diffTaskDefinitions(before, renderTaskDefinition(before, {}))).toEqual([]);
  });

  it('lists a deploy of a new image with new sizes and a new variable', () => {
    const before = deepFreeze(described());
    const after = renderTaskDefinition(before, {
      containerName: 'app',
      image: `repo@${DIGEST}`,
      cpu: '1024',
      memory: '2048',
      environment: [{ name: 'LOG_LEVEL', value: 'debug' }],
    });
    expect(diffTaskDefinitions(before, after)).toEqual([
      `containerDefinitions[app].environment.LOG_LEVEL: (unset) -> (set)`,
      `containerDefinitions[app].image: repo:1 -> repo@${DIGEST}`,
      'cpu: 256 -> 1024',
      'memory: 512 -> 2048',
    ]);
  });

  it.each<[string, (td: TaskDefinitionDoc) => void, string[]]>([
    [
      'a changed variable',
      (td) => {
        app(td).environment = [
          { name: 'REGION', value: 'us-east-1' },
          { name: 'MODE', value: 'web' },
        ];
      },
      ['containerDefinitions[app].environment.REGION: (changed)'],
    ],
    [
      'a removed variable',
      (td) => {
        app(td).environment = [{ name: 'MODE', value: 'web' }];
      },
      ['containerDefinitions[app].environment.REGION: (set) -> (unset)'],
    ],
    [
      'a variable set to empty',
      (td) => {
        app(td).environment = [
          { name: 'REGION', value: '' },
          { name: 'MODE', value: 'web' },
        ];
      },
      ['containerDefinitions[app].environment.REGION: (changed)'],
    ],
    [
      'a changed secret source',
      (td) => {
        app(td).secrets = [{ name: 'TOKEN', valueFrom: 'arn:new' }];
      },
      ['containerDefinitions[app].secrets.TOKEN: arn:aws:ssm:eu-west-1:1:parameter/token -> arn:new'],
    ],
    [
      'an added task field',
      (td) => {
        td.enableFaultInjection = true;
      },
      ['enableFaultInjection: (unset) -> true'],
    ],
    [
      'a removed task field',
      (td) => {
        delete td.runtimePlatform;
      },
      ['runtimePlatform: {"cpuArchitecture":"X86_64","operatingSystemFamily":"LINUX"} -> (unset)'],
    ],
    [
      'a nested change',
      (td) => {
        td.runtimePlatform = { cpuArchitecture: 'ARM64', operatingSystemFamily: 'LINUX' };
      },
      ['runtimePlatform.cpuArchitecture: X86_64 -> ARM64'],
    ],
    [
      'a changed list',
      (td) => {
        app(td).portMappings = [{ containerPort: 8080 }];
      },
      ['containerDefinitions[app].portMappings: [{"containerPort":80}] -> [{"containerPort":8080}]'],
    ],
    [
      'an added container field',
      (td) => {
        app(td).restartPolicy = { enabled: true };
      },
      ['containerDefinitions[app].restartPolicy: (unset) -> {"enabled":true}'],
    ],
    [
      'a container cpu',
      (td) => {
        app(td).cpu = 128;
      },
      ['containerDefinitions[app].cpu: (unset) -> 128'],
    ],
    [
      'an added container',
      (td) => {
        (td.containerDefinitions as unknown[]).push({ name: 'worker', image: 'w:1' });
      },
      ['containerDefinitions[worker]: added'],
    ],
    [
      'a removed container',
      (td) => {
        (td.containerDefinitions as unknown[]).pop();
      },
      ['containerDefinitions[sidecar]: removed'],
    ],
    [
      'containers in another order',
      (td) => {
        (td.containerDefinitions as unknown[]).reverse();
      },
      ['containerDefinitions order: app, sidecar -> sidecar, app'],
    ],
  ])('reports %s', (_case, edit, lines) => {
    expect(diffTaskDefinitions(described(), changed(edit))).toEqual(lines);
  });

  it.each<[string, (td: TaskDefinitionDoc) => void]>([
    [
      'describe-only fields',
      (td) => {
        td.revision = 4;
        delete td.taskDefinitionArn;
        td.registeredAt = 'now';
      },
    ],
    [
      'cpu as a number',
      (td) => {
        td.cpu = 256;
      },
    ],
    [
      'memory as GB',
      (td) => {
        td.memory = '0.5 GB';
      },
    ],
    [
      'empty lists and defaults left out',
      (td) => {
        delete td.placementConstraints;
        delete app(td).mountPoints;
        delete app(td).cpu;
        delete app(td).essential;
      },
    ],
    [
      'environment in another order',
      (td) => {
        app(td).environment = [
          { name: 'MODE', value: 'web' },
          { name: 'REGION', value: 'eu-west-1' },
        ];
      },
    ],
  ])('ignores %s, as sameTaskDefinition does', (_case, edit) => {
    const after = changed(edit);
    expect(diffTaskDefinitions(described(), after)).toEqual([]);
    expect(sameTaskDefinition(described(), after)).toBe(true);
  });

  it('falls back to the whole list when containers cannot be paired by name', () => {
    const before = { family: 'web', containerDefinitions: [{ image: 'a' }] };
    const after = { family: 'web', containerDefinitions: [{ image: 'b' }] };
    expect(diffTaskDefinitions(before, after)).toEqual(['containerDefinitions: [{"image":"a"}] -> [{"image":"b"}]']);
  });

  // No fallback may print an environment value.
  it('says only that a repeated environment name changed, never the values', () => {
    const before = changed((td) => {
      app(td).environment = [
        { name: 'DB_PASSWORD', value: 'hunter2' },
        { name: 'DB_PASSWORD', value: 'old-secret' },
      ];
    });
    const after = changed((td) => {
      app(td).environment = [{ name: 'DB_PASSWORD', value: 'new-secret' }];
    });
    const lines = diffTaskDefinitions(before, after);
    expect(lines).toEqual(['containerDefinitions[app].environment: (changed)']);
    expect(lines.join('\n')).not.toMatch(/hunter2|old-secret|new-secret/);
  });

  it('hides environment values in the whole-list fallback for unpaired containers', () => {
    const before = {
      family: 'web',
      containerDefinitions: [{ image: 'a', environment: [{ name: 'TOKEN', value: 'secret-a' }] }],
    };
    const after = {
      family: 'web',
      containerDefinitions: [{ image: 'b', environment: [{ name: 'TOKEN', value: 'secret-b' }] }],
    };
    const lines = diffTaskDefinitions(before, after);
    expect(lines.join('\n')).not.toMatch(/secret-a|secret-b/);
    expect(lines.join('\n')).toContain('"name":"TOKEN","value":"(hidden)"');
  });

  it('agrees with sameTaskDefinition that a difference is a difference', () => {
    const after = changed((td) => {
      app(td).image = 'repo:2';
    });
    expect(diffTaskDefinitions(described(), after)).toHaveLength(1);
    expect(sameTaskDefinition(described(), after)).toBe(false);
  });

  it('leaves both arguments as they were', () => {
    const before = deepFreeze(described());
    const after = deepFreeze(
      changed((td) => {
        td.cpu = '512';
      }),
    );
    expect(diffTaskDefinitions(before, after)).toEqual(['cpu: 256 -> 512']);
  });
});
