// Registering a task definition revision, shared by the ecs and run-task modes: reuse the
// family's latest revision when it already is the rendered one, wait out ECS's refusal of
// concurrent registrations into one family, and retry throttling, 5xx and broken
// connections only after looking again, so a lost answer never leaves a twin revision.

import { type DescribedTaskDefinition, describeTaskDefinition, registerTaskDefinition } from '../aws/ecs.ts';
import type { StepDeps } from '../deps.ts';
import { awsErrorName, messageOf, transientReason } from '../errors.ts';
import { reusableRevision } from '../plan/ecs-deploy.ts';
import type { Tag, TaskDefinitionDoc } from '../plan/task-definition-types.ts';
import { retrying } from '../retry.ts';

export interface Registration {
  arn: string;
  /** false when an existing identical revision was reused. */
  registered: boolean;
}

/**
 * Registers `taskDefinition`, unless the family's latest revision is already exactly that
 * (a run killed between registering and using it, or a parallel job, left it). ECS refuses
 * concurrent registrations into one family with a ClientException the SDK does not retry:
 * retried here, looking for a reusable revision again each time, until `timeoutMs`.
 */
export async function registerOrReuse(
  taskDefinition: TaskDefinitionDoc,
  tags: Tag[],
  options: { timeoutMs: number },
  deps: StepDeps,
): Promise<Registration> {
  const family = typeof taskDefinition.family === 'string' ? taskDefinition.family : undefined;
  return retrying(
    async () => {
      const reused =
        family === undefined ? undefined : reusableRevision(taskDefinition, tags, await latestRevision(family, deps));
      if (reused !== undefined) {
        deps.log.info(
          `Reusing ${reused}: the latest revision of family '${family}' is already the one rendered (an earlier run registered it).`,
        );
        return { arn: reused, registered: false };
      }
      // One attempt per call: a lost answer is retried here, after looking for the revision it may have made.
      const arn = await registerTaskDefinition(deps.clients.once.ecs, taskDefinition, tags);
      deps.log.info(`Registered ${arn}`);
      return { arn, registered: true };
    },
    {
      what: `RegisterTaskDefinition for family '${family ?? '(none)'}'`,
      retryable: (error) =>
        isConcurrentRegistration(error) ? 'another revision of the family is being registered' : transientReason(error),
      timeoutMs: options.timeoutMs,
    },
    deps,
  );
}

/** The family's latest ACTIVE revision; undefined when it has none (a new family from a file). */
export async function latestRevision(family: string, deps: StepDeps): Promise<DescribedTaskDefinition | undefined> {
  try {
    return await describeTaskDefinition(deps.clients.ecs, family);
  } catch (error) {
    if (awsErrorName(error) === 'ClientException') return undefined;
    throw error;
  }
}

/** `ClientException: Too many concurrent attempts to create a new revision of the specified family`. */
function isConcurrentRegistration(error: unknown): boolean {
  return awsErrorName(error) === 'ClientException' && /too many concurrent attempts/i.test(messageOf(error));
}
