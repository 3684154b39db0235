// Comparing task definitions as ECS holds them, so a deploy that changes nothing registers
// nothing. Pure.

import { tryParseCpu, tryParseMemory } from './fargate.ts';
import { isRecord } from './json.ts';
import { DESCRIBE_ONLY_FIELDS } from './task-definition.ts';
import type { TaskDefinitionDoc } from './task-definition-types.ts';

const DESCRIBE_ONLY = new Set<string>(DESCRIBE_ONLY_FIELDS);

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
    else if (key === 'containerDefinitions' && Array.isArray(value))
      canonical = emptyToAbsent(value.map(canonicalContainer));
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
  if (!isRecord(mapping) || mapping.protocol !== 'tcp') return canonicalValue(mapping) ?? null;
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
    isRecord(entry) && typeof entry.name === 'string' ? entry.name : undefined;
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
