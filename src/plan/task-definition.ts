// Task definitions stay plain JSON objects rather than SDK types so fields newer than our
// SDK (enableFaultInjection, container restartPolicy, ...) pass through untouched.

import { UserError } from '../errors.ts';
import { Input } from '../names.ts';
import { tryParseCpu, tryParseMemory } from './fargate.ts';
import { repositoryKey, tryParseImageRef } from './image-ref.ts';
import { isRecord } from './json.ts';

export type TaskDefinitionDoc = Record<string, unknown>;

export interface Tag {
  key: string;
  value: string;
}

export interface NormalizedTaskDefinition {
  taskDefinition: TaskDefinitionDoc;
  tags: Tag[];
}

export interface EnvironmentVariable {
  name: string;
  value: string;
}

export interface ContainerSelection {
  containerName?: string;
  /** An image reference; its repository picks the container when there are several. */
  imageRepository?: string;
}

export interface TaskDefinitionOverrides {
  containerName?: string;
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
  const described = isRecord(doc['taskDefinition']);
  const inner = described ? (doc['taskDefinition'] as Record<string, unknown>) : doc;
  const { tags: innerTags, ...taskDefinition } = inner;
  const rawTags = described ? (doc['tags'] ?? innerTags) : innerTags;

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

export function containerNames(td: TaskDefinitionDoc): string[] {
  return containersOf(td)
    .map((container) => container['name'])
    .filter((name): name is string => typeof name === 'string');
}

/** Names of containers marked `essential: false`; their exit codes do not decide. */
export function nonEssentialContainers(td: TaskDefinitionDoc): Set<string> {
  return new Set(containersOf(td).filter((c) => c['essential'] === false).map((c) => String(c['name'])));
}

/** The name of the container whose image (and environment) the deploy overrides. */
export function selectContainer(td: TaskDefinitionDoc, selection: ContainerSelection): string {
  const names = containerNames(td);
  const family = familyOf(td);
  const listed = names.map((name) => `'${name}'`).join(', ');
  if (selection.containerName !== undefined) {
    if (names.includes(selection.containerName)) return selection.containerName;
    throw new UserError(
      `Input '${Input.containerName}' ('${selection.containerName}') names no container in task definition '${family}': its containers are ${listed}.`,
    );
  }
  if (names.length === 0) {
    throw new UserError(`Task definition '${family}' has no named container: add one to 'containerDefinitions'.`);
  }
  const [only] = names;
  if (names.length === 1 && only !== undefined) return only;

  const setName = `set input '${Input.containerName}' to the one to update`;
  const wanted = selection.imageRepository === undefined ? undefined : tryParseImageRef(selection.imageRepository);
  if (wanted === undefined) {
    throw new UserError(`Task definition '${family}' has several containers (${listed}): ${setName}.`);
  }
  const key = repositoryKey(wanted);
  const matches = containersOf(td)
    .filter((container) => {
      const image = container['image'];
      const ref = typeof image === 'string' ? tryParseImageRef(image) : undefined;
      return ref !== undefined && repositoryKey(ref) === key;
    })
    .map((container) => container['name'])
    .filter((name): name is string => typeof name === 'string');
  const [match] = matches;
  if (matches.length === 1 && match !== undefined) return match;
  const found =
    matches.length === 0
      ? `none of them uses repository '${key}'`
      : `${matches.length} of them (${matches.map((name) => `'${name}'`).join(', ')}) use repository '${key}'`;
  throw new UserError(`Task definition '${family}' has several containers (${listed}) and ${found}: ${setName}.`);
}

/** A new task definition with the overrides applied; `base` is left as it was. */
export function renderTaskDefinition(base: TaskDefinitionDoc, overrides: TaskDefinitionOverrides): TaskDefinitionDoc {
  const result = structuredClone(base);
  const touchesContainer =
    overrides.containerName !== undefined || overrides.image !== undefined || overrides.environment !== undefined;
  if (touchesContainer) {
    const name = selectContainer(base, {
      ...(overrides.containerName === undefined ? {} : { containerName: overrides.containerName }),
      ...(overrides.image === undefined ? {} : { imageRepository: overrides.image }),
    });
    const container = containersOf(result).find((candidate) => candidate['name'] === name);
    if (container !== undefined) {
      if (overrides.image !== undefined) container['image'] = overrides.image;
      if (overrides.environment !== undefined) {
        container['environment'] = mergeEnvironment(container['environment'], overrides.environment);
      }
    }
  }
  if (overrides.cpu !== undefined) result['cpu'] = overrides.cpu;
  if (overrides.memory !== undefined) result['memory'] = overrides.memory;
  return result;
}

/** True when registering `b` would give what `a` already is. */
export function sameTaskDefinition(a: TaskDefinitionDoc, b: TaskDefinitionDoc): boolean {
  return JSON.stringify(canonicalTaskDefinition(a)) === JSON.stringify(canonicalTaskDefinition(b));
}

/**
 * The task definition as ECS would hold it, for comparing: describe-only fields dropped,
 * keys sorted, absent/null/empty values removed (describe returns `portMappings: []` and
 * the like for unset fields), ECS defaults removed (container `cpu: 0`, `essential: true`,
 * port mapping `protocol: tcp`), task cpu/memory as unit strings, environment and secrets
 * sorted by name. Container order is kept: it is part of the definition.
 */
export function canonicalTaskDefinition(td: TaskDefinitionDoc): Record<string, unknown> {
  const result: Record<string, unknown> = {};
  for (const key of Object.keys(td).sort()) {
    if (DESCRIBE_ONLY.has(key)) continue;
    const value = td[key];
    let canonical: unknown;
    if (key === 'cpu') canonical = canonicalSize(value, tryParseCpu);
    else if (key === 'memory') canonical = canonicalSize(value, tryParseMemory);
    else if (key === 'containerDefinitions' && Array.isArray(value)) canonical = emptyToAbsent(value.map(canonicalContainer));
    else canonical = canonicalValue(value);
    if (canonical !== undefined) result[key] = canonical;
  }
  return result;
}

function canonicalContainer(container: unknown): unknown {
  if (!isRecord(container)) return canonicalValue(container) ?? null;
  const result: Record<string, unknown> = {};
  for (const key of Object.keys(container).sort()) {
    const value = container[key];
    if (key === 'cpu' && (value === 0 || value === '0')) continue;
    if (key === 'essential' && value === true) continue;
    let canonical: unknown;
    if ((key === 'environment' || key === 'secrets') && Array.isArray(value)) {
      canonical = emptyToAbsent(sortByName(value.map((entry) => canonicalValue(entry) ?? null)));
    } else if (key === 'portMappings' && Array.isArray(value)) {
      canonical = emptyToAbsent(value.map(canonicalPortMapping));
    } else {
      canonical = canonicalValue(value);
    }
    if (canonical !== undefined) result[key] = canonical;
  }
  return result;
}

function canonicalPortMapping(mapping: unknown): unknown {
  if (!isRecord(mapping) || mapping['protocol'] !== 'tcp') return canonicalValue(mapping) ?? null;
  const { protocol: _tcpIsTheDefault, ...rest } = mapping;
  return canonicalValue(rest) ?? null;
}

/** Sorted keys, no absent values; undefined when nothing is left. */
function canonicalValue(value: unknown): unknown {
  if (value === null || value === undefined) return undefined;
  if (Array.isArray(value)) {
    // Elements keep their place: an empty element still occupies a position.
    return emptyToAbsent(value.map((element) => canonicalValue(element) ?? null));
  }
  if (isRecord(value)) {
    const result: Record<string, unknown> = {};
    for (const key of Object.keys(value).sort()) {
      const canonical = canonicalValue(value[key]);
      if (canonical !== undefined) result[key] = canonical;
    }
    return Object.keys(result).length === 0 ? undefined : result;
  }
  return value;
}

function canonicalSize(value: unknown, parse: (raw: string) => string | undefined): string | undefined {
  if (value === null || value === undefined) return undefined;
  const raw = String(value);
  if (raw.trim() === '') return undefined;
  // ECS stores '1 vCPU' as '1024' and '2 GB' as '2048'; unparseable values compare as given.
  return parse(raw) ?? raw;
}

function sortByName(entries: unknown[]): unknown[] {
  const nameOf = (entry: unknown): string | undefined =>
    isRecord(entry) && typeof entry['name'] === 'string' ? entry['name'] : undefined;
  const named = entries.filter((entry) => nameOf(entry) !== undefined);
  const unnamed = entries.filter((entry) => nameOf(entry) === undefined);
  named.sort((x, y) => {
    const a = nameOf(x) ?? '';
    const b = nameOf(y) ?? '';
    return a < b ? -1 : a > b ? 1 : 0;
  });
  return [...named, ...unnamed];
}

function emptyToAbsent(values: unknown[]): unknown[] | undefined {
  return values.length === 0 ? undefined : values;
}

/** Set-or-replace by name: existing entries keep their place, new ones go at the end. */
function mergeEnvironment(existing: unknown, overrides: readonly EnvironmentVariable[]): unknown[] {
  let entries: unknown[] = Array.isArray(existing) ? [...existing] : [];
  for (const { name, value } of overrides) {
    const isNamed = (entry: unknown): boolean => isRecord(entry) && entry['name'] === name;
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
  const family = td['family'];
  if (typeof family !== 'string' || family.trim() === '') {
    problems.push(`'family' is ${family === undefined ? 'missing' : 'not a non-empty string'}`);
  }
  const containers = td['containerDefinitions'];
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
    const name = container['name'];
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
    const key: unknown = isRecord(entry) ? entry['key'] : undefined;
    const value: unknown = isRecord(entry) ? (entry['value'] ?? '') : undefined;
    if (typeof key !== 'string' || key === '' || typeof value !== 'string') {
      problems.push(shapeProblem);
      return [];
    }
    tags.push({ key, value });
  }
  return tags;
}

export function containersOf(td: TaskDefinitionDoc): Array<Record<string, unknown>> {
  const containers = td['containerDefinitions'];
  return Array.isArray(containers) ? containers.filter(isRecord) : [];
}

function familyOf(td: TaskDefinitionDoc): string {
  const family = td['family'];
  return typeof family === 'string' && family !== '' ? family : '(no family)';
}

function kindOf(value: unknown): string {
  if (value === null) return 'null';
  if (value === undefined) return 'nothing';
  if (Array.isArray(value)) return 'a list';
  return `a ${typeof value}`;
}
