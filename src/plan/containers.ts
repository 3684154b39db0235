// The containers of a task definition, and which one a deploy overrides. Pure.

import { UserError } from '../errors.ts';
import { Input } from '../names.ts';
import { familyOf } from './aws-names.ts';
import { repositoryKey, tryParseImageRef } from './image-ref.ts';
import { isRecord } from './json.ts';
import type { TaskDefinitionDoc } from './task-definition-types.ts';

export function containersOf(td: TaskDefinitionDoc): Array<Record<string, unknown>> {
  const containers = td.containerDefinitions;
  return Array.isArray(containers) ? containers.filter(isRecord) : [];
}

export function containerNames(td: TaskDefinitionDoc): string[] {
  return containersOf(td)
    .map((container) => container.name)
    .filter((name): name is string => typeof name === 'string');
}

/** Names of containers marked `essential: false`; their exit codes do not decide. */
export function nonEssentialContainers(td: TaskDefinitionDoc): Set<string> {
  return new Set(
    containersOf(td)
      .filter((c) => c.essential === false)
      .map((c) => String(c.name)),
  );
}

/** The name of the container whose image (and environment) the deploy overrides. */

export interface ContainerSelection {
  /** The container the user named, if any. */
  containerName?: string;
  /** An image reference; its repository picks the container when there are several. */
  imageRepository?: string;
  /** The input that names a container, for the messages (default: 'container-name'). */
  inputName?: string;
  /**
   * Several containers and none chosen by name or repository: a service deploy must not
   * guess ('fail', the default); a one-off task runs its first essential container.
   */
  whenAmbiguous?: 'fail' | 'first-essential';
}

export interface ContainerChoice {
  /** The container whose image (and environment, command) is overridden. */
  containerName: string;
  /** How it was chosen, for the log. */
  why: string;
}

/**
 * The container to override: the one named, else the only one, else the only one using the
 * image's repository, else (when allowed) the first essential one.
 */
export function selectContainer(td: TaskDefinitionDoc, selection: ContainerSelection): ContainerChoice {
  const inputName = selection.inputName ?? Input.containerName;
  const names = containerNames(td);
  const family = familyOf(td);
  const listed = names.map((name) => `'${name}'`).join(', ');
  if (selection.containerName !== undefined) {
    if (names.includes(selection.containerName))
      return { containerName: selection.containerName, why: `named by input '${inputName}'` };
    throw new UserError(
      `Input '${inputName}' ('${selection.containerName}') names no container in task definition '${family}': its containers are ${listed || 'none'}.`,
    );
  }
  const [only] = names;
  if (only === undefined)
    throw new UserError(`Task definition '${family}' has no named container: add one to 'containerDefinitions'.`);
  if (names.length === 1) return { containerName: only, why: 'the only container' };

  const wanted = selection.imageRepository === undefined ? undefined : tryParseImageRef(selection.imageRepository);
  const key = wanted === undefined ? undefined : repositoryKey(wanted);
  const matches =
    key === undefined
      ? []
      : containersOf(td)
          .filter((container) => {
            const image = container.image;
            const ref = typeof image === 'string' ? tryParseImageRef(image) : undefined;
            return ref !== undefined && repositoryKey(ref) === key;
          })
          .map((container) => container.name)
          .filter((name): name is string => typeof name === 'string');
  const [match] = matches;
  if (matches.length === 1 && match !== undefined)
    return { containerName: match, why: `the one using repository '${key}'` };

  if (selection.whenAmbiguous === 'first-essential') {
    const essential = containersOf(td).find(
      (container) => container.essential !== false && typeof container.name === 'string',
    );
    const name = typeof essential?.name === 'string' ? essential.name : only;
    return { containerName: name, why: `the first essential container (set input '${inputName}' to choose another)` };
  }
  const setName = `set input '${inputName}' to the one to update`;
  if (key === undefined)
    throw new UserError(`Task definition '${family}' has several containers (${listed}): ${setName}.`);
  const found =
    matches.length === 0
      ? `none of them uses repository '${key}'`
      : `${matches.length} of them (${matches.map((name) => `'${name}'`).join(', ')}) use repository '${key}'`;
  throw new UserError(`Task definition '${family}' has several containers (${listed}) and ${found}: ${setName}.`);
}
