// Putting back the aliases a Lambda traffic shift moved, when it failed or was stopped:
// each on the version it was on before, with no routing, side by side.

import { shiftAlias } from '../aws/lambda.ts';
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

/** Every alias this step moved goes back on its previous version with no routing, side by side. */
export async function putBackAll(states: readonly AliasMoved[], deps: StepDeps): Promise<string[]> {
  const lines = await Promise.all(
    states.map(async ({ target, moved, created }): Promise<string[]> => {
      if (created)
        return [
          `${target.functionName}: alias ${target.alias} did not exist before; it was created on version ${target.to} and is left there`,
        ];
      if (!moved || target.from === undefined) return [];
      try {
        await shiftAlias(deps.clients.lambda, {
          functionName: target.functionName,
          alias: target.alias,
          version: target.from,
          weights: {},
        });
        return [`${target.functionName}: alias ${target.alias} back on version ${target.from} (no routing)`];
      } catch (error) {
        return [
          `${target.functionName}: could not put alias ${target.alias} back on version ${target.from}: ${messageOf(error)}`,
        ];
      }
    }),
  );
  const flat = lines.flat();
  for (const line of flat) deps.log.info(`put back: ${line}`);
  return flat;
}
