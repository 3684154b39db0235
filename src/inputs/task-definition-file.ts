// The task definition an input names: the service's own (empty), a registered family,
// revision or ARN, or a JSON/YAML file in the workspace or RUNNER_TEMP.

import { closeSync, constants, existsSync, fstatSync, openSync, readSync, realpathSync } from 'node:fs';
import { isAbsolute, relative, resolve } from 'node:path';
import { messageOf, UserError } from '../errors.ts';
import { normalizeTaskDefinitionDocument } from '../plan/task-definition.ts';
import type { TaskDefinitionSource } from '../settings.ts';
import { parseTaskDefinitionText, type YamlParser } from './document.ts';
import type { Env } from './parse.ts';

const ARN = /^arn:aws[\w-]*:ecs:[\w-]+:\d{12}:task-definition\/[A-Za-z0-9_-]{1,255}:\d+$/;
const FAMILY = /^[A-Za-z0-9_-]{1,255}(:\d+)?$/;

/** ECS caps a task definition at 64 KiB; a file 16 times that is no task definition. */
export const MAX_FILE_BYTES = 1024 * 1024;

/** Whether `raw` names a file (the only case that needs the YAML parser). */
export function namesTaskDefinitionFile(raw: string): boolean {
  if (raw === '' || raw.startsWith('arn:')) return false;
  const looksLikeFile = /\.(json|ya?ml)$/i.test(raw) || raw.includes('/') || raw.includes('\\');
  return looksLikeFile || !FAMILY.test(raw);
}

/** Empty: the service's current revision. A file path, an ARN, or family[:revision]. */
export function readTaskDefinitionSource(
  raw: string,
  env: Env,
  inputName: string,
  yaml?: YamlParser,
): TaskDefinitionSource {
  if (raw === '') return { kind: 'service' };
  if (raw.startsWith('arn:')) {
    if (!ARN.test(raw)) {
      throw new UserError(
        `Input '${inputName}' ('${raw}') is not a task definition ARN: expected arn:aws:ecs:<region>:<account>:task-definition/<family>:<revision>.`,
      );
    }
    return { kind: 'registered', ref: raw };
  }
  if (!namesTaskDefinitionFile(raw)) return { kind: 'registered', ref: raw };
  const path = isAbsolute(raw) ? raw : resolve(env.GITHUB_WORKSPACE ?? process.cwd(), raw);
  if (!existsSync(path)) {
    throw new UserError(
      `Input '${inputName}' ('${raw}') is neither a family[:revision], an ARN, nor a file that exists (looked at ${path}).`,
    );
  }
  const label = `Input '${inputName}' ('${raw}')`;
  const real = insideAllowedRoots(path, env, label);
  if (yaml === undefined)
    throw new Error(`${label} names a file, but the YAML parser was not loaded (loadInputParsers).`);
  const doc = parseTaskDefinitionText(readRegularFile(real, label), label, yaml);
  const { taskDefinition, tags } = normalizeTaskDefinitionDocument(doc, label);
  return { kind: 'file', path, taskDefinition, tags };
}

/**
 * Files come from the workspace (the checkout) or RUNNER_TEMP (where
 * amazon-ecs-render-task-definition writes its output), after following every symlink:
 * a path that leads elsewhere (`../`, `/etc/…`, a link out of the checkout) is refused.
 */
export function insideAllowedRoots(path: string, env: Env, label: string): string {
  const roots = [env.GITHUB_WORKSPACE ?? process.cwd(), env.RUNNER_TEMP].flatMap((root) => {
    if (root === undefined || root === '') return [];
    try {
      return [realpathSync(root)];
    } catch {
      return [];
    }
  });
  const real = realpathSync(path);
  const inside = roots.some((root) => {
    const rel = relative(root, real);
    return rel === '' || (!rel.startsWith('..') && !isAbsolute(rel));
  });
  if (!inside) {
    throw new UserError(
      `${label} is outside the workspace and RUNNER_TEMP (it resolves to ${real}): name a file in the repository (GITHUB_WORKSPACE) or in RUNNER_TEMP.`,
    );
  }
  return real;
}

/** The file's text: a regular file of at most MAX_FILE_BYTES; never waits on a FIFO or reads a device. */
export function readRegularFile(path: string, label: string): string {
  let fd: number;
  try {
    // Non-blocking, so opening a FIFO returns at once; no symlink (the path is already real).
    fd = openSync(path, constants.O_RDONLY | constants.O_NONBLOCK | constants.O_NOFOLLOW);
  } catch (error) {
    throw new UserError(
      `${label} could not be opened (${messageOf(error)}): name a JSON or YAML file, relative to the workspace.`,
    );
  }
  try {
    const stat = fstatSync(fd);
    if (stat.isDirectory()) throw new UserError(`${label} is a directory: name a JSON or YAML file in it.`);
    if (!stat.isFile())
      throw new UserError(`${label} is not a regular file (a FIFO, device or socket): name a JSON or YAML file.`);
    const tooLarge = () =>
      new UserError(
        `${label} is larger than ${MAX_FILE_BYTES} bytes (1 MiB; ECS allows 64 KiB): name the task definition file itself.`,
      );
    if (stat.size > MAX_FILE_BYTES) throw tooLarge();
    // Read at most one byte more than allowed: a file that grows while read is still caught.
    const buffer = Buffer.alloc(MAX_FILE_BYTES + 1);
    let length = 0;
    for (let n = -1; n !== 0 && length < buffer.length; length += n)
      n = readSync(fd, buffer, length, buffer.length - length, null);
    if (length > MAX_FILE_BYTES) throw tooLarge();
    return buffer.subarray(0, length).toString('utf8');
  } catch (error) {
    if (error instanceof UserError) throw error;
    throw new UserError(
      `${label} could not be read (${messageOf(error)}): name a JSON or YAML file, relative to the workspace.`,
    );
  } finally {
    closeSync(fd);
  }
}
