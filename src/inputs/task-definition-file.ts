// The task definition an input names: the service's own (empty), a registered family,
// revision or ARN, or a JSON/YAML file in the workspace.

import { existsSync, readFileSync } from 'node:fs';
import { isAbsolute, resolve } from 'node:path';
import { parse as parseYaml } from 'yaml';
import { UserError, messageOf } from '../errors.ts';
import { normalizeTaskDefinitionDocument } from '../plan/task-definition.ts';
import type { TaskDefinitionSource } from '../settings.ts';
import type { Env } from './parse.ts';

const ARN = /^arn:aws[\w-]*:ecs:[\w-]+:\d{12}:task-definition\/[A-Za-z0-9_-]{1,255}:\d+$/;
const FAMILY = /^[A-Za-z0-9_-]{1,255}(:\d+)?$/;

/** Empty: the service's current revision. A file path, an ARN, or family[:revision]. */
export function readTaskDefinitionSource(raw: string, env: Env, inputName: string): TaskDefinitionSource {
  if (raw === '') return { kind: 'service' };
  if (raw.startsWith('arn:')) {
    if (!ARN.test(raw)) {
      throw new UserError(`Input '${inputName}' ('${raw}') is not a task definition ARN: expected arn:aws:ecs:<region>:<account>:task-definition/<family>:<revision>.`);
    }
    return { kind: 'registered', ref: raw };
  }
  const looksLikeFile = /\.(json|ya?ml)$/i.test(raw) || raw.includes('/') || raw.includes('\\');
  if (!looksLikeFile && FAMILY.test(raw)) return { kind: 'registered', ref: raw };
  const path = isAbsolute(raw) ? raw : resolve(env['GITHUB_WORKSPACE'] ?? process.cwd(), raw);
  if (!existsSync(path)) {
    throw new UserError(`Input '${inputName}' ('${raw}') is neither a family[:revision], an ARN, nor a file that exists (looked at ${path}).`);
  }
  const label = `Input '${inputName}' ('${raw}')`;
  let text: string;
  try {
    text = readFileSync(path, 'utf8');
  } catch (error) {
    throw new UserError(`${label} could not be read (${messageOf(error)}): name a JSON or YAML file, relative to the workspace.`);
  }
  let doc: unknown;
  try {
    // YAML is a superset of JSON, but JSON.parse gives better messages for JSON files.
    doc = /\.json$/i.test(raw) || text.trimStart().startsWith('{') ? JSON.parse(text) : parseYaml(text);
  } catch (error) {
    throw new UserError(`${label} is not valid JSON or YAML: ${messageOf(error)}`);
  }
  const { taskDefinition, tags } = normalizeTaskDefinitionDocument(doc, label);
  return { kind: 'file', path, taskDefinition, tags };
}
