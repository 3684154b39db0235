// Parsers shared by every mode's inputs. Each error names the input and the fix.

import { UserError } from '../errors.ts';
import { Input } from '../names.ts';
import { parseDuration } from '../plan/duration.ts';
import { splitList } from '../plan/lists.ts';
import { TAG_PROPAGATIONS, type TagPropagation } from '../plan/run-task-tags.ts';
import type { EnvironmentVariable } from '../plan/task-definition-types.ts';

/** Reads one input, trimmed, with its default filled in. */
export type Get = (name: string) => string;

export type Env = Record<string, string | undefined>;

export const MIN_POLL_MS = 1000;
/** `poll-interval` when the workflow leaves it out (CodeDeploy's follower has its own default). */
export const DEFAULT_POLL_MS = 3000;
export const MAX_WAIT_MS = 6 * 3_600_000; // a GitHub-hosted job's own limit

const ENV_NAME = /^[A-Za-z_][A-Za-z0-9_]*$/;

/** KEY=VALUE lines; blank lines and lines starting with # are ignored. */
export function parseEnvironment(raw: string, inputName: string = Input.environment): EnvironmentVariable[] {
  const result: EnvironmentVariable[] = [];
  raw.split(/\r?\n/).forEach((line, index) => {
    const trimmed = line.trim();
    if (trimmed === '' || trimmed.startsWith('#')) return;
    const eq = trimmed.indexOf('=');
    // Name the line and the key, never the text: the value (or a line without '=') may be a secret.
    const where = `Input '${inputName}' line ${index + 1}`;
    const fix = 'write KEY=VALUE with a KEY of letters, digits and _';
    if (eq < 0)
      throw new UserError(
        `${where} is not KEY=VALUE (it has no '='; its text is not shown, it may be a secret): ${fix}.`,
      );
    const name = trimmed.slice(0, eq).trim();
    if (!ENV_NAME.test(name))
      throw new UserError(`${where} is not KEY=VALUE: its key '${name}' is not a variable name; ${fix}.`);
    const value = trimmed.slice(eq + 1);
    const existing = result.find((e) => e.name === name);
    if (existing) existing.value = value;
    else result.push({ name, value });
  });
  return result;
}

// YAML 1.2 core schema booleans, as @actions/core's getBooleanInput accepts.
const TRUE = ['true', 'True', 'TRUE'];
const FALSE = ['false', 'False', 'FALSE'];

export function parseBoolean(raw: string, name: string): boolean {
  if (TRUE.includes(raw)) return true;
  if (FALSE.includes(raw)) return false;
  throw new UserError(`Input '${name}' ('${raw}') is not a boolean: use true or false.`);
}

const MAX_COUNT = 100_000;

export function parseCount(raw: string, name: string): number {
  if (!/^\d+$/.test(raw))
    throw new UserError(`Input '${name}' ('${raw}') is not a whole number: use 0 or more, like 3.`);
  if (Number(raw) > MAX_COUNT)
    throw new UserError(`Input '${name}' ('${raw}') is too large: use at most ${MAX_COUNT}.`);
  return Number(raw);
}

export function parseBounded(raw: string, name: string, minMs: number, maxMs: number): number {
  const ms = parseDuration(raw, name);
  if (ms < minMs || ms > maxMs) {
    throw new UserError(
      `Input '${name}' ('${raw}') is out of range: use between ${minMs / 1000}s and ${maxMs / 1000}s.`,
    );
  }
  return ms;
}

export interface NameListRules {
  /** What one entry is, for the messages: "service", "container". */
  what: string;
  /** At most this many entries. */
  max?: number;
  /** Two entries naming the same thing (a name and an ARN ending in it) share this key. */
  key?: (entry: string) => string;
}

/**
 * A list input of names: one per line or comma-separated, blanks dropped. A name given
 * twice is an error (it would be deployed twice, racing itself), and so is going past `max`.
 */
export function parseNameList(raw: string, name: string, rules: NameListRules): string[] {
  const entries = splitList(raw);
  const seen = new Map<string, string>();
  for (const entry of entries) {
    const key = rules.key?.(entry) ?? entry;
    const earlier = seen.get(key);
    if (earlier !== undefined) {
      const same =
        earlier === entry ? `'${entry}' more than once` : `'${earlier}' and '${entry}', the same ${rules.what}`;
      throw new UserError(`Input '${name}' names ${same}: list each ${rules.what} once.`);
    }
    seen.set(key, entry);
  }
  if (rules.max !== undefined && entries.length > rules.max) {
    throw new UserError(
      `Input '${name}' names ${entries.length} ${rules.what}s: at most ${rules.max} are deployed in one step; split them over several steps.`,
    );
  }
  return entries;
}

/**
 * `propagate-tags` (RunTask and UpdateService): empty gives undefined (not sent, so ECS
 * propagates nothing), else TASK_DEFINITION, SERVICE or NONE in any case.
 */
export function readTagPropagation(raw: string): TagPropagation | undefined {
  if (raw === '') return undefined;
  const upper = raw.toUpperCase();
  const known = TAG_PROPAGATIONS.find((p) => p === upper);
  if (known === undefined)
    throw new UserError(
      `Input '${Input.propagateTags}' ('${raw}') is not valid: use ${TAG_PROPAGATIONS.join(', ')}, or leave it empty.`,
    );
  return known;
}
