import { describe, expect, it } from 'vitest';
import { UserError } from '../../../src/errors.ts';
import { parseCpu, parseMemory, validateTaskSize } from '../../../src/plan/fargate.ts';

const INPUT_LABELS = { cpu: "Input 'cpu'", memory: "Input 'memory'" };
const TD_LABELS = { cpu: 'Task definition cpu', memory: 'Task definition memory' };

function fargate(fields: Record<string, unknown>): Record<string, unknown> {
  return {
    family: 'web',
    requiresCompatibilities: ['FARGATE'],
    containerDefinitions: [{ name: 'app', image: 'nginx' }],
    ...fields,
  };
}

function ec2(fields: Record<string, unknown>): Record<string, unknown> {
  return { family: 'web', requiresCompatibilities: ['EC2'], containerDefinitions: [{ name: 'app' }], ...fields };
}

describe('parseCpu', () => {
  it.each([
    ['1024', '1024'],
    ['256', '256'],
    ['1 vCPU', '1024'],
    ['0.25 vCPU', '256'],
    ['.5 vcpu', '512'],
    ['2vCPU', '2048'],
    ['  4 VCPU  ', '4096'],
    ['0.125 vCPU', '128'],
    ['16 vCPU', '16384'],
    ['01024', '1024'],
  ])('reads %j as %s cpu units', (raw, units) => {
    expect(parseCpu(raw)).toBe(units);
  });

  it.each([
    '',
    '   ',
    'abc',
    '-1',
    '0',
    '0 vCPU',
    '1.3 GB',
    '1e3',
    '0.3 vCPU',
    '1.5',
    '1 vCPU 2',
    'vCPU',
    '1,024',
    '+1',
  ])('rejects %j', (raw) => {
    expect(() => parseCpu(raw)).toThrow(UserError);
    expect(() => parseCpu(raw)).toThrow(
      `Input 'cpu' ('${raw}') is not a cpu size: use cpu units like 1024 or vCPUs like '1 vCPU'.`,
    );
  });

  it('does the vCPU arithmetic exactly rather than in floating point', () => {
    // 1.00000000000000001 is 1 as a double, which would turn into a clean 1024.
    expect(() => parseCpu('1.00000000000000001 vCPU')).toThrow(UserError);
  });
});

describe('parseMemory', () => {
  it.each([
    ['2048', '2048'],
    ['2 GB', '2048'],
    ['2GB', '2048'],
    ['0.5 GB', '512'],
    ['2 GiB', '2048'],
    ['2 gib', '2048'],
    ['512 MiB', '512'],
    ['512 MB', '512'],
    ['512mb', '512'],
    [' 30 GB ', '30720'],
  ])('reads %j as %s MiB', (raw, mib) => {
    expect(parseMemory(raw)).toBe(mib);
  });

  it.each(['', 'abc', '-512', '0', '0 GB', '1e3', '2 TB', '2 vCPU', '0.5 MiB', '0.0001 GB', 'GB'])(
    'rejects %j',
    (raw) => {
      expect(() => parseMemory(raw)).toThrow(UserError);
      expect(() => parseMemory(raw)).toThrow(
        `Input 'memory' ('${raw}') is not a memory size: use MiB like 2048 or GB like '2 GB'.`,
      );
    },
  );
});

describe('validateTaskSize on Fargate', () => {
  it.each([
    ['256', '512'],
    ['256', '1024'],
    ['256', '2048'],
    ['512', '1024'],
    ['512', '4096'],
    ['1024', '2048'],
    ['1024', '8192'],
    ['2048', '16384'],
    ['4096', '30720'],
    ['8192', '16384'],
    ['8192', '20480'],
    ['8192', '61440'],
    ['16384', '32768'],
    ['16384', '40960'],
    ['16384', '122880'],
  ])('accepts cpu %s with memory %s', (cpu, memory) => {
    expect(validateTaskSize({ taskDefinition: fargate({ cpu, memory }), labels: INPUT_LABELS })).toEqual([]);
  });

  it.each<[string, string | number, string | number, string]>([
    [
      'memory between the 256 values',
      256,
      1536,
      "Input 'memory' (1536) is not valid with cpu 256 on Fargate: use one of 512, 1024, 2048.",
    ],
    [
      'memory below the row',
      '1024',
      '1024',
      "Input 'memory' (1024) is not valid with cpu 1024 on Fargate: use 2048-8192 in steps of 1024.",
    ],
    [
      'memory above the row',
      '512',
      '5120',
      "Input 'memory' (5120) is not valid with cpu 512 on Fargate: use 1024-4096 in steps of 1024.",
    ],
    [
      'memory off the step',
      '1024',
      '3000',
      "Input 'memory' (3000) is not valid with cpu 1024 on Fargate: use 2048-8192 in steps of 1024.",
    ],
    [
      'memory off the 8192 step',
      '8192',
      '17408',
      "Input 'memory' (17408) is not valid with cpu 8192 on Fargate: use 16384-61440 in steps of 4096.",
    ],
    [
      'memory off the 16384 step',
      '16384',
      '36864',
      "Input 'memory' (36864) is not valid with cpu 16384 on Fargate: use 32768-122880 in steps of 8192.",
    ],
    [
      '4096 memory above 30 GB',
      '4096',
      '31744',
      "Input 'memory' (31744) is not valid with cpu 4096 on Fargate: use 8192-30720 in steps of 1024.",
    ],
    [
      'a cpu between sizes',
      '300',
      '1024',
      "Input 'cpu' (300) is not a cpu size for Fargate: use one of 256, 512, 1024, 2048, 4096, 8192, 16384.",
    ],
    [
      'a cpu above the largest',
      '32768',
      '65536',
      "Input 'cpu' (32768) is not a cpu size for Fargate: use one of 256, 512, 1024, 2048, 4096, 8192, 16384.",
    ],
  ])('reports %s', (_case, cpu, memory, problem) => {
    expect(validateTaskSize({ taskDefinition: fargate({ cpu, memory }), labels: INPUT_LABELS })).toEqual([problem]);
  });

  it('requires both cpu and memory', () => {
    expect(validateTaskSize({ taskDefinition: fargate({}), labels: TD_LABELS })).toEqual([
      'Task definition cpu is required on Fargate: use one of 256, 512, 1024, 2048, 4096, 8192, 16384.',
      'Task definition memory is required on Fargate: set the task memory in MiB, e.g. 2048.',
    ]);
  });

  it('treats an empty string as unset', () => {
    expect(validateTaskSize({ taskDefinition: fargate({ cpu: '', memory: '2048' }), labels: TD_LABELS })).toEqual([
      'Task definition cpu is required on Fargate: use one of 256, 512, 1024, 2048, 4096, 8192, 16384.',
    ]);
  });

  it('applies when FARGATE is one of several compatibilities', () => {
    const td = fargate({ requiresCompatibilities: ['EC2', 'FARGATE'], cpu: '1024', memory: '1024' });
    expect(validateTaskSize({ taskDefinition: td, labels: TD_LABELS })).toHaveLength(1);
  });

  it('reads numbers, vCPU and GB forms in the task definition', () => {
    expect(validateTaskSize({ taskDefinition: fargate({ cpu: 1024, memory: 2048 }), labels: TD_LABELS })).toEqual([]);
    expect(validateTaskSize({ taskDefinition: fargate({ cpu: '1 vCPU', memory: '2 GB' }), labels: TD_LABELS })).toEqual(
      [],
    );
  });

  it('reports a value it cannot read, with the label it was given', () => {
    expect(validateTaskSize({ taskDefinition: fargate({ cpu: 'lots', memory: 'plenty' }), labels: TD_LABELS })).toEqual(
      [
        "Task definition cpu ('lots') is not a cpu size: use cpu units like 1024 or vCPUs like '1 vCPU'.",
        "Task definition memory ('plenty') is not a memory size: use MiB like 2048 or GB like '2 GB'.",
      ],
    );
  });

  it('reports a value of the wrong type', () => {
    expect(validateTaskSize({ taskDefinition: fargate({ cpu: true, memory: '2048' }), labels: TD_LABELS })).toEqual([
      "Task definition cpu ('true') is not a cpu size: use cpu units like 1024 or vCPUs like '1 vCPU'.",
    ]);
  });

  it.each([
    [
      'WINDOWS_SERVER_2022_CORE',
      '512',
      '1024',
      ["Input 'cpu' (512) is not a cpu size for Windows on Fargate: use one of 1024, 2048, 4096."],
    ],
    [
      'WINDOWS_SERVER_2019_FULL',
      '8192',
      '16384',
      ["Input 'cpu' (8192) is not a cpu size for Windows on Fargate: use one of 1024, 2048, 4096."],
    ],
    ['WINDOWS_SERVER_2022_FULL', '2048', '4096', []],
    ['LINUX', '512', '1024', []],
  ])('on %s allows cpu %s only when Windows supports it', (family, cpu, memory, problems) => {
    const td = fargate({ cpu, memory, runtimePlatform: { operatingSystemFamily: family } });
    expect(validateTaskSize({ taskDefinition: td, labels: INPUT_LABELS })).toEqual(problems);
  });
});

describe('validateTaskSize outside Fargate', () => {
  it.each([
    ['no size at all', {}],
    ['the smallest cpu', { cpu: '128' }],
    ['the largest cpu', { cpu: '196608' }],
    ['a cpu that is no Fargate size', { cpu: '300', memory: '777' }],
  ])('accepts %s', (_case, fields) => {
    expect(validateTaskSize({ taskDefinition: ec2(fields), labels: TD_LABELS })).toEqual([]);
  });

  it('treats a task definition without requiresCompatibilities as not Fargate', () => {
    expect(validateTaskSize({ taskDefinition: { family: 'x', cpu: '300' }, labels: TD_LABELS })).toEqual([]);
  });

  it.each([
    [
      'a cpu below 128',
      { cpu: '64' },
      'Task definition cpu (64) is out of range: use 128-196608 cpu units (0.125-192 vCPU).',
    ],
    [
      'a cpu above 192 vCPU',
      { cpu: '196609' },
      'Task definition cpu (196609) is out of range: use 128-196608 cpu units (0.125-192 vCPU).',
    ],
    [
      'a zero memory',
      { memory: '0' },
      "Task definition memory ('0') is not a memory size: use MiB like 2048 or GB like '2 GB'.",
    ],
    [
      'a fractional memory',
      { memory: 512.5 },
      "Task definition memory ('512.5') is not a memory size: use MiB like 2048 or GB like '2 GB'.",
    ],
  ])('reports %s', (_case, fields, problem) => {
    expect(validateTaskSize({ taskDefinition: ec2(fields), labels: TD_LABELS })).toEqual([problem]);
  });
});

describe('validateTaskSize for containers', () => {
  function withContainers(containers: unknown[], launch = fargate): Record<string, unknown> {
    return launch({ cpu: '1024', memory: '2048', containerDefinitions: containers });
  }

  it('accepts containers that fit', () => {
    const td = withContainers([
      { name: 'app', cpu: 512, memory: 1024 },
      { name: 'sidecar', cpu: '512', memoryReservation: 2048 },
    ]);
    expect(validateTaskSize({ taskDefinition: td, labels: TD_LABELS })).toEqual([]);
  });

  it('names the containers whose cpu adds up to more than the task cpu', () => {
    const td = withContainers([
      { name: 'app', cpu: 768 },
      { name: 'log', cpu: 0 },
      { name: 'sidecar', cpu: 512 },
    ]);
    expect(validateTaskSize({ taskDefinition: td, labels: INPUT_LABELS })).toEqual([
      "Container cpu adds up to 1280 ('app' 768 + 'sidecar' 512), more than Input 'cpu' (1024): lower the containers' cpu or raise the task cpu.",
    ]);
  });

  it.each(['memory', 'memoryReservation'])('names a container whose %s exceeds the task memory', (field) => {
    const td = withContainers([{ name: 'app', [field]: 4096 }]);
    expect(validateTaskSize({ taskDefinition: td, labels: INPUT_LABELS })).toEqual([
      `Container 'app' ${field} (4096) is more than Input 'memory' (2048): lower the container's ${field} or raise the task memory.`,
    ]);
  });

  it('checks containers on EC2 as well', () => {
    const td = withContainers([{ name: 'app', cpu: 2048, memory: 4096 }], ec2);
    expect(validateTaskSize({ taskDefinition: td, labels: TD_LABELS })).toHaveLength(2);
  });

  it('skips the totals when the task sets no size', () => {
    const td = ec2({ containerDefinitions: [{ name: 'app', cpu: 99999, memory: 99999 }] });
    expect(validateTaskSize({ taskDefinition: td, labels: TD_LABELS })).toEqual([]);
  });

  it('reports container values that are not whole numbers', () => {
    const td = withContainers([{ name: 'app', cpu: 'half', memory: -1 }]);
    expect(validateTaskSize({ taskDefinition: td, labels: TD_LABELS })).toEqual([
      "Container 'app' cpu ('half') is not a whole number: set it as cpu units, e.g. 256.",
      "Container 'app' memory (-1) is not a whole number: set it as MiB, e.g. 512.",
    ]);
  });

  it('numbers a container without a name', () => {
    const td = withContainers([{ name: 'app' }, { memory: 4096 }]);
    expect(validateTaskSize({ taskDefinition: td, labels: TD_LABELS })[0]).toContain("Container '#2' memory (4096)");
  });
});

describe('validateTaskSize with numbers too long for JavaScript', () => {
  it('reports them as written, never as Infinity', () => {
    const big = '9'.repeat(400);
    const problems = validateTaskSize({
      taskDefinition: { cpu: big, memory: '512', requiresCompatibilities: ['FARGATE'] },
      labels: { cpu: "Input 'cpu'", memory: "Input 'memory'" },
    });
    expect(problems[0]).toBe(`Input 'cpu' ('${big}') is out of range: use cpu units like 1024.`);
    expect(problems.join(' ')).not.toContain('Infinity');
  });
});
