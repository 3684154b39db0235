// Task cpu / memory: the forms ECS accepts, and the combinations it would refuse at
// RegisterTaskDefinition ("No Fargate configuration exists for given values"), checked
// before anything is registered so the user sees one clear message instead.

import { UserError } from '../errors.ts';
import { Input } from '../names.ts';
import { isRecord } from './json.ts';

interface MemoryRange {
  min: number;
  max: number;
  step: number;
}

const FARGATE_CPU_SIZES = [256, 512, 1024, 2048, 4096, 8192, 16384] as const;
const WINDOWS_CPU_SIZES = [1024, 2048, 4096] as const;

// The 256 row is a list, not a range: 512, 1024, 2048 (see aws-facts.md).
const FARGATE_MEMORY: Readonly<Record<number, readonly number[] | MemoryRange>> = {
  256: [512, 1024, 2048],
  512: { min: 1024, max: 4096, step: 1024 },
  1024: { min: 2048, max: 8192, step: 1024 },
  2048: { min: 4096, max: 16384, step: 1024 },
  4096: { min: 8192, max: 30720, step: 1024 },
  8192: { min: 16384, max: 61440, step: 4096 },
  16384: { min: 32768, max: 122880, step: 8192 },
};

const EC2_CPU_MIN = 128;
const EC2_CPU_MAX = 196608;

const NUMBER = String.raw`(\d+(?:\.\d+)?|\.\d+)`;
const CPU_PATTERN = new RegExp(String.raw`^\s*${NUMBER}\s*(vcpu)?\s*$`, 'i');
const MEMORY_PATTERN = new RegExp(String.raw`^\s*${NUMBER}\s*(gib|gb|mib|mb)?\s*$`, 'i');

/** `1024`, `1 vCPU`, `.5 vcpu`, `2vCPU` -> cpu units as a string. */
export function parseCpu(raw: string): string {
  const units = tryParseCpu(raw);
  if (units === undefined) throw new UserError(notCpuMessage(`Input '${Input.cpu}'`, raw));
  return units;
}

/** `2048`, `2 GB`, `0.5 GiB`, `512 MiB` -> MiB as a string (GB means 1024 MiB, as in ECS). */
export function parseMemory(raw: string): string {
  const mib = tryParseMemory(raw);
  if (mib === undefined) throw new UserError(notMemoryMessage(`Input '${Input.memory}'`, raw));
  return mib;
}

export function tryParseCpu(raw: string): string | undefined {
  const match = CPU_PATTERN.exec(raw);
  if (match === null) return undefined;
  return scalePositive(match[1] ?? '', match[2] === undefined ? 1 : 1024);
}

export function tryParseMemory(raw: string): string | undefined {
  const match = MEMORY_PATTERN.exec(raw);
  if (match === null) return undefined;
  const unit = match[2]?.toLowerCase();
  return scalePositive(match[1] ?? '', unit === 'gb' || unit === 'gib' ? 1024 : 1);
}

export interface TaskSizeCheck {
  taskDefinition: Record<string, unknown>;
  /** How to name each value in messages: `Input 'cpu'` or `Task definition cpu`. */
  labels: { cpu: string; memory: string };
}

/** Problems ECS would refuse the task definition for; empty when the sizes are fine. */
export function validateTaskSize(check: TaskSizeCheck): string[] {
  const { taskDefinition: td, labels } = check;
  const problems: string[] = [];
  const cpu = readTaskSize(td.cpu, labels.cpu, 'cpu', problems);
  const memory = readTaskSize(td.memory, labels.memory, 'memory', problems);

  if (isFargate(td)) {
    checkFargateSize({ cpu, memory, labels, windows: isWindows(td), problems });
  } else {
    if (typeof cpu === 'number' && (cpu < EC2_CPU_MIN || cpu > EC2_CPU_MAX)) {
      problems.push(
        `${labels.cpu} (${cpu}) is out of range: use ${EC2_CPU_MIN}-${EC2_CPU_MAX} cpu units (0.125-192 vCPU).`,
      );
    }
  }
  checkContainers({
    td,
    cpu: typeof cpu === 'number' ? cpu : undefined,
    memory: typeof memory === 'number' ? memory : undefined,
    labels,
    problems,
  });
  return problems;
}

function isFargate(td: Record<string, unknown>): boolean {
  const compat = td.requiresCompatibilities;
  return Array.isArray(compat) && compat.some((c) => typeof c === 'string' && c.toUpperCase() === 'FARGATE');
}

function isWindows(td: Record<string, unknown>): boolean {
  const platform = td.runtimePlatform;
  if (!isRecord(platform)) return false;
  const family = platform.operatingSystemFamily;
  return typeof family === 'string' && family.toUpperCase().startsWith('WINDOWS');
}

/** A task-level size: undefined when unset, UNREADABLE when set to something that is no size. */
type TaskSize = number | typeof UNREADABLE | undefined;
const UNREADABLE = 'unreadable';

interface FargateSizeCheck {
  cpu: TaskSize;
  memory: TaskSize;
  labels: TaskSizeCheck['labels'];
  windows: boolean;
  problems: string[];
}

function checkFargateSize({ cpu, memory, labels, windows, problems }: FargateSizeCheck): void {
  const sizes = windows ? WINDOWS_CPU_SIZES : FARGATE_CPU_SIZES;
  const platform = windows ? 'Windows on Fargate' : 'Fargate';
  let row: readonly number[] | MemoryRange | undefined;
  if (cpu === undefined) {
    problems.push(`${labels.cpu} is required on Fargate: use one of ${listOf(sizes)}.`);
  } else if (cpu === UNREADABLE) {
    // Already reported as unreadable; no row to check memory against.
  } else if (!(sizes as readonly number[]).includes(cpu)) {
    problems.push(`${labels.cpu} (${cpu}) is not a cpu size for ${platform}: use one of ${listOf(sizes)}.`);
  } else {
    row = FARGATE_MEMORY[cpu];
  }
  if (memory === undefined) {
    problems.push(`${labels.memory} is required on Fargate: set the task memory in MiB, e.g. 2048.`);
    return;
  }
  if (memory === UNREADABLE || row === undefined) return;
  if (isMemoryList(row)) {
    if (!row.includes(memory)) {
      problems.push(`${labels.memory} (${memory}) is not valid with cpu ${cpu} on Fargate: use one of ${listOf(row)}.`);
    }
    return;
  }
  const range = row;
  if (memory < range.min || memory > range.max || (memory - range.min) % range.step !== 0) {
    problems.push(
      `${labels.memory} (${memory}) is not valid with cpu ${cpu} on Fargate: use ${range.min}-${range.max} in steps of ${range.step}.`,
    );
  }
}

interface ContainerCheck {
  td: Record<string, unknown>;
  cpu: number | undefined;
  memory: number | undefined;
  labels: TaskSizeCheck['labels'];
  problems: string[];
}

function checkContainers({ td, cpu, memory, labels, problems }: ContainerCheck): void {
  const containers = td.containerDefinitions;
  if (!Array.isArray(containers)) return;
  const shares: Array<{ name: string; cpu: number }> = [];
  containers.forEach((container: unknown, index) => {
    if (!isRecord(container)) return;
    const name = typeof container.name === 'string' ? container.name : `#${index + 1}`;
    const containerCpu = readContainerInt(container, name, 'cpu', problems);
    if (containerCpu !== undefined && containerCpu > 0) shares.push({ name, cpu: containerCpu });
    for (const field of ['memory', 'memoryReservation'] as const) {
      const value = readContainerInt(container, name, field, problems);
      if (value !== undefined && memory !== undefined && value > memory) {
        problems.push(
          `Container '${name}' ${field} (${value}) is more than ${labels.memory} (${memory}): lower the container's ${field} or raise the task memory.`,
        );
      }
    }
  });
  const total = shares.reduce((sum, share) => sum + share.cpu, 0);
  if (cpu !== undefined && total > cpu) {
    const parts = shares.map((share) => `'${share.name}' ${share.cpu}`).join(' + ');
    problems.push(
      `Container cpu adds up to ${total} (${parts}), more than ${labels.cpu} (${cpu}): lower the containers' cpu or raise the task cpu.`,
    );
  }
}

/** A task-level size from a string or number; absent values are undefined, bad ones a problem. */
function readTaskSize(value: unknown, label: string, kind: 'cpu' | 'memory', problems: string[]): TaskSize {
  if (value === undefined || value === null) return undefined;
  const raw = typeof value === 'number' ? String(value) : typeof value === 'string' ? value : undefined;
  if (raw !== undefined && raw.trim() === '') return undefined;
  const parsed = raw === undefined ? undefined : kind === 'cpu' ? tryParseCpu(raw) : tryParseMemory(raw);
  if (parsed === undefined) {
    const shown = raw ?? JSON.stringify(value);
    problems.push(kind === 'cpu' ? notCpuMessage(label, shown) : notMemoryMessage(label, shown));
    return UNREADABLE;
  }
  // Reported as written: a number too long for JavaScript must not come out as "Infinity".
  if (!Number.isSafeInteger(Number(parsed))) {
    problems.push(
      `${label} ('${raw}') is out of range: use ${kind === 'cpu' ? 'cpu units like 1024' : 'MiB like 2048'}.`,
    );
    return UNREADABLE;
  }
  return Number(parsed);
}

function readContainerInt(
  container: Record<string, unknown>,
  name: string,
  field: 'cpu' | 'memory' | 'memoryReservation',
  problems: string[],
): number | undefined {
  const value = container[field];
  if (value === undefined || value === null) return undefined;
  const number = typeof value === 'string' && /^\s*\d+\s*$/.test(value) ? Number(value) : value;
  if (typeof number === 'number' && Number.isSafeInteger(number) && number >= 0) return number;
  const shown = typeof value === 'string' ? `'${value}'` : JSON.stringify(value);
  problems.push(
    `Container '${name}' ${field} (${shown}) is not a whole number: set it as ${field === 'cpu' ? 'cpu units' : 'MiB'}, e.g. ${field === 'cpu' ? 256 : 512}.`,
  );
  return undefined;
}

function notCpuMessage(label: string, raw: string): string {
  return `${label} ('${raw}') is not a cpu size: use cpu units like 1024 or vCPUs like '1 vCPU'.`;
}

function notMemoryMessage(label: string, raw: string): string {
  return `${label} ('${raw}') is not a memory size: use MiB like 2048 or GB like '2 GB'.`;
}

/**
 * `number * factor` computed exactly on the decimal digits (0.3 vCPU is 307.2 units, which
 * floating point could round into an integer), as a string; undefined unless a positive
 * integer.
 */
function scalePositive(number: string, factor: number): string | undefined {
  const [whole = '', fraction = ''] = number.split('.');
  const scale = 10n ** BigInt(fraction.length);
  const scaled = BigInt(`${whole}${fraction}` || '0') * BigInt(factor);
  if (scaled === 0n || scaled % scale !== 0n) return undefined;
  return String(scaled / scale);
}

// Array.isArray does not narrow a readonly array out of a union.
function isMemoryList(row: readonly number[] | MemoryRange): row is readonly number[] {
  return Array.isArray(row);
}

function listOf(values: readonly number[]): string {
  return values.join(', ');
}
