// Putting back the aliases a Lambda deploy moved, when it failed or was stopped: each on the
// version it was on before, with no routing, or deleted when the deploy created it (where it
// was is "not there"). The shift, the put-back beside ECS and the post step all use putAliasBack.

import { deleteAlias, shiftAlias } from '../aws/lambda.ts';
import type { StepDeps } from '../deps.ts';
import { messageOf } from '../errors.ts';

/** One function's alias, moving from the version it is on to the one this step published. */
export interface ShiftTarget {
  functionName: string;
  alias: string;
  /** The version the alias points at now; undefined when it does not exist yet (created on the new version). */
  from?: string;
  to: string;
  /** The alias's RevisionId as read: the first change is refused if someone moved it since. */
  revisionId?: string;
}

/** What the shift did to one alias, as far as putting it back needs. */
export interface AliasMoved {
  target: ShiftTarget;
  /** Changed by this step (so put back on failure). */
  moved: boolean;
  created: boolean;
}

/** Where an alias goes back to: a version, with no routing; or away, when the deploy created it. */
export type AliasBefore = { version: string } | { created: true };

/** Puts one alias back (UpdateAlias, or DeleteAlias for one the deploy created); says what it did, throws as the call does. */
export async function putAliasBack(
  lambda: StepDeps['clients']['lambda'],
  alias: { functionName: string; alias: string },
  before: AliasBefore,
): Promise<string> {
  if ('created' in before) {
    await deleteAlias(lambda, alias.functionName, alias.alias);
    return `alias ${alias.alias} deleted (it did not exist before this deploy)`;
  }
  // No RevisionId: the alias has moved since it was read, by this very deploy.
  await shiftAlias(lambda, {
    functionName: alias.functionName,
    alias: alias.alias,
    version: before.version,
    weights: {},
  });
  return `alias ${alias.alias} back on version ${before.version} (no routing)`;
}

/** Every alias this step moved goes back where it was, side by side. */
export async function putBackAll(states: readonly AliasMoved[], deps: StepDeps): Promise<string[]> {
  const lines = await Promise.all(
    states.map(async ({ target, moved, created }): Promise<string[]> => {
      const before: AliasBefore | undefined = created
        ? { created: true }
        : moved && target.from !== undefined
          ? { version: target.from }
          : undefined;
      if (before === undefined) return [];
      try {
        return [`${target.functionName}: ${await putAliasBack(deps.clients.lambda, target, before)}`];
      } catch (error) {
        const what =
          'created' in before
            ? `delete alias ${target.alias}`
            : `put alias ${target.alias} back on version ${before.version}`;
        return [`${target.functionName}: could not ${what}: ${messageOf(error)}`];
      }
    }),
  );
  const flat = lines.flat();
  for (const line of flat) deps.log.info(`put back: ${line}`);
  return flat;
}
