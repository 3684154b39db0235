// The one-off task's definition: the container to override and the image rendered onto
// it. Pure.

import { Input } from '../names.ts';
import { type ContainerChoice, containersOf, selectContainer } from './containers.ts';
import { renderTaskDefinition, toRegisterable } from './task-definition.ts';
import { sameTaskDefinition } from './task-definition-compare.ts';
import type { TaskDefinitionDoc } from './task-definition-types.ts';

export interface RunTaskDefinitionInput {
  /** As described (with its ARN when registered) or as the file gave it. */
  source: TaskDefinitionDoc;
  containerName?: string;
  /** The resolved image reference, when the image mode ran. */
  image?: string;
  /** Whether the RunTask overrides need a container (command or environment given). */
  overridesContainer: boolean;
}

export interface RunTaskDefinitionPlan {
  /** Registerable: describe-only fields removed, the image overridden. */
  rendered: TaskDefinitionDoc;
  container?: ContainerChoice;
  /** The source's ARN when it is registered and runs as it is; undefined when the rendered one must be registered. */
  sourceArn?: string;
  /** What the rendering changed, e.g. "container app image: a -> b". */
  changes: string[];
}

/** Renders the image onto the chosen container; the source is left as it was. */
export function planRunTaskDefinition(input: RunTaskDefinitionInput): RunTaskDefinitionPlan {
  const base = toRegisterable(input.source);
  const needsContainer = input.containerName !== undefined || input.image !== undefined || input.overridesContainer;
  const container = needsContainer
    ? selectRunTaskContainer(base, { containerName: input.containerName, image: input.image })
    : undefined;
  const rendered =
    container !== undefined && input.image !== undefined
      ? renderTaskDefinition(base, { containerName: container.containerName, image: input.image })
      : base;
  const before = container === undefined ? undefined : imageOf(base, container.containerName);
  const changes =
    container !== undefined && input.image !== undefined && before !== input.image
      ? [`container ${container.containerName} image: ${before ?? '(none)'} -> ${input.image}`]
      : [];
  const arn = input.source.taskDefinitionArn;
  const sourceArn = typeof arn === 'string' && sameTaskDefinition(base, rendered) ? arn : undefined;
  return {
    rendered,
    ...(container === undefined ? {} : { container }),
    ...(sourceArn === undefined ? {} : { sourceArn }),
    changes,
  };
}

function imageOf(td: TaskDefinitionDoc, containerName: string): string | undefined {
  const image = containersOf(td).find((c) => c.name === containerName)?.image;
  return typeof image === 'string' ? image : undefined;
}

/** The container a one-off task's overrides go to (input 'run-task-container'; else the first essential one). */
export function selectRunTaskContainer(
  td: TaskDefinitionDoc,
  selection: { containerName?: string; image?: string },
): ContainerChoice {
  return selectContainer(td, {
    ...(selection.containerName === undefined ? {} : { containerName: selection.containerName }),
    ...(selection.image === undefined ? {} : { imageRepository: selection.image }),
    inputName: Input.runTaskContainer,
    whenAmbiguous: 'first-essential',
  });
}
