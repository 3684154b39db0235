// A Lambda traffic shift that failed or was cancelled puts its aliases back at once (one
// UpdateAlias each). What it moved is saved for the post step (src/post.ts), which checks
// each alias and puts back any that is still not where it was: the runner may have killed
// the main step, or an UpdateAlias may have been refused, before every alias was back.

import type { PipelineOutcome } from './results.ts';
import { parseSavedList, type SavedList } from './saved-state.ts';
import type { Settings } from './settings.ts';

export const LAMBDA_PUT_BACK_STATE = 'lambda-put-back';

export interface LambdaPutBackState {
  region: string;
  endpoint?: string;
  functionName: string;
  alias: string;
  /** The version the alias pointed at before the step: where it must be, with no routing. Absent when the step created it. */
  version?: string;
  /** The alias did not exist before the step, which created it on `shiftedTo`: it must be deleted. */
  created?: true;
  /** The version the step shifted traffic to. */
  shiftedTo?: string;
}

/** Every alias a failed shift moved, as JSON; undefined when no shift failed after moving one. */
export function lambdaPutBackState(outcome: PipelineOutcome, settings: Settings): string | undefined {
  const lambda = outcome.lambda;
  if (lambda?.traffic?.putBack === undefined || lambda.traffic.putBack.length === 0) return undefined;
  const states = lambda.functions.flatMap((f): LambdaPutBackState[] => {
    if (f.alias === undefined || !f.changed) return [];
    // No previous version: the step created the alias on the version it published.
    const before =
      f.previousAliasVersion !== undefined
        ? { version: f.previousAliasVersion }
        : f.version !== undefined
          ? { created: true as const }
          : undefined;
    if (before === undefined) return [];
    return [
      {
        region: settings.region,
        ...(settings.endpoint === undefined ? {} : { endpoint: settings.endpoint }),
        functionName: f.functionName,
        alias: f.alias,
        ...before,
        ...(f.version === undefined ? {} : { shiftedTo: f.version }),
      },
    ];
  });
  return states.length === 0 ? undefined : JSON.stringify(states);
}

export type ParsedLambdaPutBack = SavedList<LambdaPutBackState>;

/** The list lambdaPutBackState wrote; anything else is a problem the post step reports once. */
export function parseLambdaPutBackStates(raw: string): ParsedLambdaPutBack {
  return parseSavedList(
    raw,
    {
      list: 'aliases to put back',
      entry: 'an alias to put back (region, functionName, alias, and version, or created with shiftedTo)',
    },
    putBackOf,
  );
}

function putBackOf(entry: unknown): LambdaPutBackState | undefined {
  const state = entry as Partial<LambdaPutBackState> | null;
  if (typeof state !== 'object' || state === null || Array.isArray(state)) return undefined;
  const text = (v: unknown) => typeof v === 'string' && v !== '';
  // Where it goes back to: a version, or away (created) from the version the step created it on.
  const before = text(state.version) || (state.created === true && text(state.shiftedTo));
  const complete = [state.region, state.functionName, state.alias].every(text) && before;
  return complete ? (state as LambdaPutBackState) : undefined;
}
