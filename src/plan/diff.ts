// What a deploy changes in the task definition, as lines for the log and the dry-run
// summary. Works on the same canonical view as sameTaskDefinition, so "no lines" and
// "same" always agree.

import { isRecord } from './json.ts';
import { canonicalTaskDefinition } from './task-definition-compare.ts';
import type { TaskDefinitionDoc } from './task-definition-types.ts';

/** Keyed by name in the output (`environment.LOG_LEVEL`), with the field that holds the value. */
const NAMED_LISTS: Readonly<Record<string, string>> = { environment: 'value', secrets: 'valueFrom' };

// Environment values often carry credentials that GitHub does not know to mask; the diff
// says which variables change, never their values. (Secrets show only their ARNs.)
const HIDDEN_VALUES: ReadonlySet<string> = new Set(['environment']);

/** `path: before -> after` lines; empty when registering `after` would change nothing. */
export function diffTaskDefinitions(before: TaskDefinitionDoc, after: TaskDefinitionDoc): string[] {
  const a = canonicalTaskDefinition(before);
  const b = canonicalTaskDefinition(after);
  const lines: string[] = [];
  for (const key of unionKeys(a, b)) {
    if (key === 'containerDefinitions') diffContainers(a[key], b[key], lines);
    else diffValue(key, a[key], b[key], lines);
  }
  return lines;
}

function diffContainers(before: unknown, after: unknown, lines: string[]): void {
  const a = keyContainers(before);
  const b = keyContainers(after);
  if (a === undefined || b === undefined) {
    // Unnamed or duplicate names: no stable way to pair containers, show the whole list,
    // with every environment value replaced (this fallback must not print them either).
    diffValue('containerDefinitions', redactEnvironment(before), redactEnvironment(after), lines);
    return;
  }
  const common = [...b.keys()].filter((name) => a.has(name));
  const commonBefore = [...a.keys()].filter((name) => b.has(name));
  if (common.join('\u0000') !== commonBefore.join('\u0000')) {
    lines.push(`containerDefinitions order: ${commonBefore.join(', ')} -> ${common.join(', ')}`);
  }
  for (const [name, container] of b) {
    const path = `containerDefinitions[${name}]`;
    const previous = a.get(name);
    if (previous === undefined) lines.push(`${path}: added`);
    else diffContainer(path, previous, container, lines);
  }
  for (const name of a.keys()) {
    if (!b.has(name)) lines.push(`containerDefinitions[${name}]: removed`);
  }
}

function diffContainer(
  path: string,
  before: Record<string, unknown>,
  after: Record<string, unknown>,
  lines: string[],
): void {
  for (const key of unionKeys(before, after)) {
    const valueField = NAMED_LISTS[key];
    const a = valueField === undefined ? undefined : keyByName(before[key], valueField);
    const b = valueField === undefined ? undefined : keyByName(after[key], valueField);
    if (a === undefined || b === undefined) {
      // A repeated or odd-shaped environment list: say it changed, never what it holds.
      if (HIDDEN_VALUES.has(key)) diffHidden(`${path}.${key}`, before[key], after[key], lines);
      else diffValue(`${path}.${key}`, before[key], after[key], lines);
      continue;
    }
    for (const name of unionKeys(Object.fromEntries(a), Object.fromEntries(b))) {
      if (HIDDEN_VALUES.has(key)) diffHidden(`${path}.${key}.${name}`, a.get(name), b.get(name), lines);
      else diffValue(`${path}.${key}.${name}`, a.get(name), b.get(name), lines);
    }
  }
}

/** Recurses into objects present on both sides; anything else is reported whole. */
function diffValue(path: string, before: unknown, after: unknown, lines: string[]): void {
  if (JSON.stringify(before) === JSON.stringify(after)) return;
  if (isRecord(before) && isRecord(after)) {
    for (const key of unionKeys(before, after)) diffValue(`${path}.${key}`, before[key], after[key], lines);
    return;
  }
  lines.push(`${path}: ${show(before)} -> ${show(after)}`);
}

function diffHidden(path: string, before: unknown, after: unknown, lines: string[]): void {
  if (JSON.stringify(before) === JSON.stringify(after)) return;
  const state = (value: unknown) => (value === undefined ? '(unset)' : '(set)');
  lines.push(
    before !== undefined && after !== undefined ? `${path}: (changed)` : `${path}: ${state(before)} -> ${state(after)}`,
  );
}

const REDACTED = '(hidden)';

/** The containers with each environment entry's value replaced; anything else unchanged. */
function redactEnvironment(containers: unknown): unknown {
  if (!Array.isArray(containers)) return containers;
  return containers.map((container: unknown) => {
    if (!isRecord(container)) return container;
    const environment = container.environment;
    if (environment === undefined) return container;
    const hidden = Array.isArray(environment)
      ? environment.map((entry: unknown) =>
          isRecord(entry) ? { ...entry, ...('value' in entry ? { value: REDACTED } : {}) } : REDACTED,
        )
      : REDACTED;
    return { ...container, environment: hidden };
  });
}

function keyContainers(value: unknown): Map<string, Record<string, unknown>> | undefined {
  const containers = value === undefined ? [] : value;
  if (!Array.isArray(containers)) return undefined;
  const byName = new Map<string, Record<string, unknown>>();
  for (const container of containers) {
    if (!isRecord(container)) return undefined;
    const name = container.name;
    if (typeof name !== 'string' || byName.has(name)) return undefined;
    byName.set(name, container);
  }
  return byName;
}

/** name -> value of a `[{ name, value }]` list; undefined if the list has another shape. */
function keyByName(value: unknown, valueField: string): Map<string, unknown> | undefined {
  const entries = value === undefined ? [] : value;
  if (!Array.isArray(entries)) return undefined;
  const byName = new Map<string, unknown>();
  for (const entry of entries) {
    if (!isRecord(entry)) return undefined;
    const { name, [valueField]: entryValue, ...rest } = entry;
    if (typeof name !== 'string' || byName.has(name) || Object.keys(rest).length > 0) return undefined;
    byName.set(name, entryValue);
  }
  return byName;
}

function show(value: unknown): string {
  if (value === undefined) return '(unset)';
  if (typeof value === 'string') return value === '' ? '""' : value;
  if (typeof value === 'number' || typeof value === 'boolean') return String(value);
  return JSON.stringify(value);
}

function unionKeys(a: Record<string, unknown>, b: Record<string, unknown>): string[] {
  return [...new Set([...Object.keys(a), ...Object.keys(b)])].sort();
}
