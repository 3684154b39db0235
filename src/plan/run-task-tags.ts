// Tags on the one-off task: the user's `run-task-tags`, `propagate-tags`, and the tags the
// action adds to find its own task again on a re-run of the same workflow run. Pure.

import { createHash } from 'node:crypto';
import { UserError } from '../errors.ts';
import { Input } from '../names.ts';
import type { Tag } from './task-definition-types.ts';

/** ECS tag limits (Tag in the ECS API reference): per resource, key and value lengths. */
export const MAX_TAGS = 50;
const MAX_KEY = 128;
const MAX_VALUE = 256;
// ECS: letters, digits, spaces and + - = . _ : / @ (UTF-8 letters included).
const TAG_TEXT = /^[\p{L}\p{N}\s+\-=._:/@]*$/u;

/** Keys the action sets on every task it starts in a workflow run (see stepTags). */
export const STEP_TAG = 'image-deploy:step';
export const ATTEMPT_TAG = 'image-deploy:attempt';
const OWN_PREFIX = 'image-deploy:';

/**
 * `KEY=VALUE` lines (blank lines and # comments ignored) as ECS tags, checked against ECS's
 * limits: key 1-128 characters, value 0-256, at most `maxTags`, no `aws:` prefix (reserved by
 * AWS in any case), no `image-deploy:` prefix (the action's own).
 */
export function parseTaskTags(raw: string, maxTags: number = MAX_TAGS): Tag[] {
  const name = Input.runTaskTags;
  const tags: Tag[] = [];
  raw.split('\n').forEach((line, index) => {
    const text = line.trim();
    if (text === '' || text.startsWith('#')) return;
    const where = `Input '${name}' line ${index + 1}`;
    const eq = text.indexOf('=');
    if (eq < 0)
      throw new UserError(`${where} ('${text}') is not KEY=VALUE: write one tag per line, e.g. team=payments.`);
    const key = text.slice(0, eq).trim();
    const value = text.slice(eq + 1).trim();
    if (key.length < 1 || key.length > MAX_KEY)
      throw new UserError(`${where} has a key of ${key.length} characters: ECS tag keys have 1 to ${MAX_KEY}.`);
    if (value.length > MAX_VALUE)
      throw new UserError(
        `${where} (key '${key}') has a value of ${value.length} characters: ECS tag values have at most ${MAX_VALUE}.`,
      );
    if (/^aws:/i.test(key))
      throw new UserError(`${where} has key '${key}': the 'aws:' prefix is reserved by AWS; choose another key.`);
    if (key.toLowerCase().startsWith(OWN_PREFIX))
      throw new UserError(
        `${where} has key '${key}': the '${OWN_PREFIX}' prefix is the action's own (it finds its task on a re-run by it); choose another key.`,
      );
    for (const [what, part] of [
      ['key', key],
      ['value', value],
    ] as const) {
      if (!TAG_TEXT.test(part)) {
        throw new UserError(
          `${where} has a ${what} with a character ECS does not allow in tags ('${part}'): use letters, digits, spaces and + - = . _ : / @.`,
        );
      }
    }
    const existing = tags.find((t) => t.key === key);
    if (existing) existing.value = value;
    else tags.push({ key, value });
  });
  if (tags.length > maxTags) {
    const ours = MAX_TAGS - maxTags;
    throw new UserError(
      `Input '${name}' has ${tags.length} tags: a task takes at most ${MAX_TAGS}${ours > 0 ? `, and the action adds ${ours} of its own, so give at most ${maxTags}` : ''}.`,
    );
  }
  return tags;
}

/** `propagate-tags`, for RunTask and UpdateService (parsed by inputs/parse.ts readTagPropagation). */
export type TagPropagation = 'TASK_DEFINITION' | 'SERVICE' | 'NONE';
export const TAG_PROPAGATIONS: readonly TagPropagation[] = ['TASK_DEFINITION', 'SERVICE', 'NONE'];

/** Who started this task, for a re-run of the same step to find it: the workflow run's parts. */
export interface StepIdentity {
  /** Hash of run id, job, step and what the task runs (not the attempt). */
  key: string;
  /** GITHUB_RUN_ATTEMPT: 1 for the first run, higher for each "Re-run jobs". */
  attempt: number;
}

/** The identity of a step from its parts (run id, job, step, cluster, definition, command). */
export function stepIdentityFor(parts: string[], attempt: number): StepIdentity {
  // JSON keeps ['a,b'] and ['a','b'] apart; 40 hex characters are plenty to be unique.
  return { key: createHash('sha256').update(JSON.stringify(parts)).digest('hex').slice(0, 40), attempt };
}

/** The tags that let a later attempt of the same step find this task. */
export function stepTags(step: StepIdentity): Tag[] {
  return [
    { key: STEP_TAG, value: step.key },
    { key: ATTEMPT_TAG, value: String(step.attempt) },
  ];
}
