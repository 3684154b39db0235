// Reading, rendering and checking task definitions, kept as plain JSON objects rather than
// SDK types so fields newer than our SDK pass through untouched. Pure.

import { UserError } from '../errors.ts';
import { containersOf, selectContainer } from './containers.ts';
import { isRecord } from './json.ts';
import type { EnvironmentVariable, NormalizedTaskDefinition, Tag, TaskDefinitionDoc } from './task-definition-types.ts';

export interface TaskDefinitionOverrides {
  containerName?: string;
  /** Several containers that each get the image and environment; each must exist. Wins over `containerName`. */
  containerNames?: string[];
  image?: string;
  cpu?: string;
  memory?: string;
  environment?: EnvironmentVariable[];
}

/** Fields DescribeTaskDefinition returns and RegisterTaskDefinition rejects. */
export const DESCRIBE_ONLY_FIELDS = [
  'taskDefinitionArn',
  'revision',
  'status',
  'requiresAttributes',
  'compatibilities',
  'registeredAt',
  'registeredBy',
  'deregisteredAt',
] as const;

const DESCRIBE_ONLY = new Set<string>(DESCRIBE_ONLY_FIELDS);

/**
 * Accepts a bare task definition or `aws ecs describe-task-definition` output
 * (`{ taskDefinition, tags }`). Tags always travel separately: a `tags` field inside a bare
 * task definition (RegisterTaskDefinition's input shape) is moved out too.
 */
export function normalizeTaskDefinitionDocument(doc: unknown, source: string): NormalizedTaskDefinition {
  const expected =
    "use a task definition JSON object with 'family' and 'containerDefinitions', or the output of 'aws ecs describe-task-definition'";
  if (!isRecord(doc)) {
    throw new UserError(`${source} is not a task definition (got ${kindOf(doc)}): ${expected}.`);
  }
  const described = isRecord(doc.taskDefinition);
  const inner = described ? (doc.taskDefinition as Record<string, unknown>) : doc;
  const { tags: innerTags, ...taskDefinition } = inner;
  const rawTags = described ? (doc.tags ?? innerTags) : innerTags;

  const problems = [...findShapeProblems(taskDefinition)];
  const tags = readTags(rawTags, problems);
  if (problems.length > 0) {
    throw new UserError(`${source} is not a valid task definition: ${problems.join('; ')}. Fix it or ${expected}.`);
  }
  return { taskDefinition: structuredClone(taskDefinition), tags };
}

/** A copy without the describe-only fields; everything else, known to us or not, survives. */
export function toRegisterable(taskDefinition: TaskDefinitionDoc): TaskDefinitionDoc {
  const result: TaskDefinitionDoc = {};
  for (const [key, value] of Object.entries(taskDefinition)) {
    if (!DESCRIBE_ONLY.has(key)) result[key] = structuredClone(value);
  }
  return result;
}

/** A new task definition with the overrides applied; `base` is left as it was. */
export function renderTaskDefinition(base: TaskDefinitionDoc, overrides: TaskDefinitionOverrides): TaskDefinitionDoc {
  const result = structuredClone(base);
  for (const name of targetContainers(base, overrides)) {
    const container = containersOf(result).find((candidate) => candidate.name === name);
    if (container === undefined) continue;
    if (overrides.image !== undefined) container.image = overrides.image;
    if (overrides.environment !== undefined) {
      container.environment = mergeEnvironment(container.environment, overrides.environment);
    }
  }
  if (overrides.cpu !== undefined) result.cpu = overrides.cpu;
  if (overrides.memory !== undefined) result.memory = overrides.memory;
  return result;
}

/** The containers the image and environment go to: each one named (checked), else the one selectContainer picks. */
function targetContainers(base: TaskDefinitionDoc, overrides: TaskDefinitionOverrides): string[] {
  if (overrides.containerNames !== undefined && overrides.containerNames.length > 0) {
    return overrides.containerNames.map((containerName) => selectContainer(base, { containerName }).containerName);
  }
  const touchesContainer =
    overrides.containerName !== undefined || overrides.image !== undefined || overrides.environment !== undefined;
  if (!touchesContainer) return [];
  const { containerName } = selectContainer(base, {
    ...(overrides.containerName === undefined ? {} : { containerName: overrides.containerName }),
    ...(overrides.image === undefined ? {} : { imageRepository: overrides.image }),
  });
  return [containerName];
}

/** Set-or-replace by name: existing entries keep their place, new ones go at the end. */
export function mergeEnvironment(existing: unknown, overrides: readonly EnvironmentVariable[]): unknown[] {
  let entries: unknown[] = Array.isArray(existing) ? [...existing] : [];
  for (const { name, value } of overrides) {
    const isNamed = (entry: unknown): boolean => isRecord(entry) && entry.name === name;
    const index = entries.findIndex(isNamed);
    if (index === -1) {
      entries.push({ name, value });
      continue;
    }
    // Later duplicates of the name would shadow or contradict the value we set.
    entries = entries.filter((entry, at) => at === index || !isNamed(entry));
    entries[index] = { name, value };
  }
  return entries;
}

function findShapeProblems(td: Record<string, unknown>): string[] {
  const problems: string[] = [];
  const family = td.family;
  if (typeof family !== 'string' || family.trim() === '') {
    problems.push(`'family' is ${family === undefined ? 'missing' : 'not a non-empty string'}`);
  }
  const containers = td.containerDefinitions;
  if (!Array.isArray(containers) || containers.length === 0) {
    problems.push(
      `'containerDefinitions' is ${containers === undefined ? 'missing' : 'not a non-empty list'} (it needs at least one container)`,
    );
    return problems;
  }
  const seen = new Set<string>();
  containers.forEach((container: unknown, index) => {
    if (!isRecord(container)) {
      problems.push(`containerDefinitions[${index}] is not an object`);
      return;
    }
    const name = container.name;
    if (typeof name !== 'string' || name === '') {
      problems.push(`containerDefinitions[${index}] has no 'name'`);
    } else if (seen.has(name)) {
      problems.push(`container name '${name}' is used more than once`);
    } else {
      seen.add(name);
    }
  });
  return problems;
}

function readTags(raw: unknown, problems: string[]): Tag[] {
  if (raw === undefined || raw === null) return [];
  const shapeProblem = "'tags' must be a list of { key, value } objects with string values";
  if (!Array.isArray(raw)) {
    problems.push(shapeProblem);
    return [];
  }
  const tags: Tag[] = [];
  for (const entry of raw) {
    const key: unknown = isRecord(entry) ? entry.key : undefined;
    const value: unknown = isRecord(entry) ? (entry.value ?? '') : undefined;
    if (typeof key !== 'string' || key === '' || typeof value !== 'string') {
      problems.push(shapeProblem);
      return [];
    }
    tags.push({ key, value });
  }
  return tags;
}

function kindOf(value: unknown): string {
  if (value === null) return 'null';
  if (value === undefined) return 'nothing';
  if (Array.isArray(value)) return 'a list';
  return `a ${typeof value}`;
}
