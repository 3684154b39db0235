// The run-task mode's own inputs, parsed: the command, the capacity provider strategy,
// subnet and security group ids, and the RunTask client token. Pure.

import { createHash } from 'node:crypto';
import { UserError } from '../errors.ts';
import { Input } from '../names.ts';
import { splitList } from './lists.ts';

const COMMAND_FORMS = `give a JSON array of strings like ["npm","run","migrate"], or words like npm run migrate (quotes group words: sh -c "npm run migrate && echo ok")`;

/**
 * The `command` input as the container's `command` array. A JSON array of strings is taken
 * as it is; anything else is split into words as a POSIX shell would, without expanding
 * anything: whitespace separates, '…' and "…" group (adjacent parts join), a backslash
 * escapes the next character (inside "…" only \" \\ \$ and \`).
 */
export function parseCommand(raw: string): string[] {
  const text = raw.trim();
  if (text === '') throw new UserError(`Input '${Input.command}' is empty: ${COMMAND_FORMS}.`);
  return text.startsWith('[') ? parseJsonCommand(text, raw) : splitWords(text, raw);
}

function parseJsonCommand(text: string, raw: string): string[] {
  let parsed: unknown;
  try {
    parsed = JSON.parse(text);
  } catch (error) {
    const why = error instanceof Error ? error.message : String(error);
    throw new UserError(
      `Input '${Input.command}' ('${raw}') starts with '[' but is not valid JSON (${why}): ${COMMAND_FORMS}.`,
    );
  }
  if (!Array.isArray(parsed) || parsed.length === 0) {
    throw new UserError(`Input '${Input.command}' ('${raw}') is an empty JSON array: ${COMMAND_FORMS}.`);
  }
  const items: unknown[] = parsed;
  const bad = items.findIndex((item) => typeof item !== 'string');
  if (bad !== -1) {
    throw new UserError(
      `Input '${Input.command}' ('${raw}') has a non-string at position ${bad} (${JSON.stringify(items[bad])}): quote every word, e.g. ["sleep","30"].`,
    );
  }
  return items as string[];
}

const DOUBLE_QUOTE_ESCAPES = new Set(['"', '\\', '$', '`']);

function splitWords(text: string, raw: string): string[] {
  const words: string[] = [];
  let word = '';
  let inWord = false;
  let quote: '"' | "'" | undefined;
  for (let i = 0; i < text.length; i++) {
    const ch = text.charAt(i);
    const next = text.charAt(i + 1);
    if (quote === "'") {
      if (ch === "'") quote = undefined;
      else word += ch;
    } else if (quote === '"') {
      if (ch === '"') quote = undefined;
      else if (ch === '\\' && DOUBLE_QUOTE_ESCAPES.has(next)) word += text.charAt(++i);
      else word += ch;
    } else if (/\s/.test(ch)) {
      if (inWord) words.push(word);
      word = '';
      inWord = false;
    } else if (ch === '\\' && next === '\n') {
      i++; // a line continuation joins lines, as in a shell
    } else {
      inWord = true;
      if (ch === "'" || ch === '"') quote = ch;
      else if (ch === '\\' && next !== '') word += text.charAt(++i);
      else word += ch;
    }
  }
  if (quote !== undefined) {
    const kind = quote === '"' ? 'double' : 'single';
    throw new UserError(
      `Input '${Input.command}' ('${raw}') has an unterminated ${kind} quote (${quote}): close it, or ${COMMAND_FORMS}.`,
    );
  }
  if (inWord) words.push(word);
  return words;
}

export interface CapacityProviderStrategyItem {
  capacityProvider: string;
  weight: number;
  base: number;
}

const PROVIDER_NAME = /^[A-Za-z0-9_-]{1,255}$/;
const MAX_WEIGHT = 1000;
const MAX_BASE = 100_000;

/** `FARGATE_SPOT:3, FARGATE:1:1` (commas or lines of provider:weight[:base]). */
export function parseCapacityProviderStrategy(raw: string): CapacityProviderStrategyItem[] {
  const name = Input.capacityProviderStrategy;
  const form = 'use provider:weight[:base] items separated by commas or lines, e.g. FARGATE_SPOT:3, FARGATE:1:1';
  const entries = splitList(raw);
  if (entries.length === 0) throw new UserError(`Input '${name}' names no capacity provider: ${form}.`);
  const items = entries.map((entry): CapacityProviderStrategyItem => {
    const parts = entry.split(':').map((part) => part.trim());
    const [provider = '', weight = '', base = '0'] = parts;
    if (parts.length < 2 || parts.length > 3 || !PROVIDER_NAME.test(provider)) {
      throw new UserError(`Input '${name}' has '${entry}', which is not provider:weight[:base]: ${form}.`);
    }
    return {
      capacityProvider: provider,
      weight: boundedInteger(
        weight,
        MAX_WEIGHT,
        () => `Input '${name}' gives '${provider}' weight '${weight}': use a whole number from 0 to ${MAX_WEIGHT}.`,
      ),
      base: boundedInteger(
        base,
        MAX_BASE,
        () => `Input '${name}' gives '${provider}' base '${base}': use a whole number from 0 to ${MAX_BASE}.`,
      ),
    };
  });
  const providers = items.map((item) => item.capacityProvider);
  const twice = providers.find((provider, index) => providers.indexOf(provider) !== index);
  if (twice !== undefined)
    throw new UserError(`Input '${name}' names '${twice}' more than once: give each capacity provider once.`);
  const withBase = items.filter((item) => item.base > 0);
  if (withBase.length > 1) {
    throw new UserError(
      `Input '${name}' gives a base to ${withBase.map((item) => `'${item.capacityProvider}'`).join(' and ')}: ECS allows a base on one capacity provider only.`,
    );
  }
  if (items.every((item) => item.weight === 0)) {
    throw new UserError(
      `Input '${name}' ('${raw.trim()}') gives every capacity provider weight 0: at least one needs a weight above 0 to place the task.`,
    );
  }
  return items;
}

function boundedInteger(raw: string, max: number, message: () => string): number {
  if (!/^\d+$/.test(raw) || Number(raw) > max) throw new UserError(message());
  return Number(raw);
}

// awsvpcConfiguration's limits.
const ID_LIMITS: Readonly<Record<string, number>> = { 'subnet-': 16, 'sg-': 5 };

/**
 * Subnet (`subnet-` + hex) or security group (`sg-` + hex) ids separated by commas or lines;
 * duplicates dropped, order kept. Blank input gives an empty list.
 */
export function parseIdList(raw: string, inputName: string, prefix: string): string[] {
  const dashed = prefix.endsWith('-') ? prefix : `${prefix}-`;
  const pattern = new RegExp(`^${dashed}[0-9a-f]+$`);
  const ids: string[] = [];
  for (const id of splitList(raw)) {
    if (!pattern.test(id)) {
      throw new UserError(
        `Input '${inputName}' has '${id}', which is not an id like ${dashed}0123456789abcdef0: use ids separated by commas or lines.`,
      );
    }
    if (!ids.includes(id)) ids.push(id);
  }
  const max = ID_LIMITS[dashed];
  if (max !== undefined && ids.length > max) {
    throw new UserError(`Input '${inputName}' has ${ids.length} ids: a task takes at most ${max}.`);
  }
  return ids;
}

const TOKEN_PREFIX = 'image-deploy-';

/**
 * RunTask's clientToken for these parts (e.g. run id, attempt, job, cluster): the same parts
 * give the same token, so a retried call never starts a second task. At most 64 characters
 * of [a-zA-Z0-9-_].
 */
export function clientTokenFor(parts: string[]): string {
  // JSON keeps ['a,b'] and ['a','b'] apart.
  const digest = createHash('sha256').update(JSON.stringify(parts)).digest('hex');
  return TOKEN_PREFIX + digest.slice(0, 64 - TOKEN_PREFIX.length);
}
