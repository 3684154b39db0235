// The post step's half for Lambda: after a failed or cancelled traffic shift, each alias it
// moved is read and, unless it is already where it was (its previous version with no
// routing, or gone when the step created it), put back.

import { getAlias } from '../aws/lambda.ts';
import type { StepDeps } from '../deps.ts';
import { messageOf } from '../errors.ts';
import { type AliasBefore, putAliasBack } from './lambda-alias-back.ts';

/** An alias a failed shift moved (src/lambda-cancel.ts saves them for the post step). */
export interface AliasToPutBack {
  functionName: string;
  alias: string;
  /** Where it must be, with no routing; absent when the step created it. */
  version?: string;
  /** The step created it (on `shiftedTo`): it must be gone. */
  created?: true;
  shiftedTo?: string;
}

export async function putAliasesBackAfterCancel(
  states: readonly AliasToPutBack[],
  deps: StepDeps,
): Promise<Array<{ ok: boolean; text: string }>> {
  return Promise.all(
    states.map(async (s) => {
      const what = `Lambda function '${s.functionName}' alias ${s.alias}`;
      const before: AliasBefore = s.version === undefined ? { created: true } : { version: s.version };
      const where = 'created' in before ? 'deleted' : `put back on version ${before.version}`;
      try {
        const alias = await getAlias(deps.clients.lambda, s.functionName, s.alias);
        const routed = Object.values(alias?.RoutingConfig?.AdditionalVersionWeights ?? {}).some((w) => w > 0);
        if ('created' in before) {
          if (alias === undefined) return { ok: true, text: `${what} is gone: already deleted.` };
          // Someone pointed it elsewhere since: it is theirs now, not the one this deploy made.
          if (alias.FunctionVersion !== s.shiftedTo)
            return {
              ok: true,
              text: `${what} is on version ${alias.FunctionVersion ?? '?'}, not ${s.shiftedTo ?? '?'} this deploy created it on: left as it is.`,
            };
        } else if (alias?.FunctionVersion === before.version && !routed)
          return { ok: true, text: `${what} is on version ${before.version} with no routing: already put back.` };
        await putAliasBack(deps.clients.lambda, s, before);
        return {
          ok: true,
          text: `${what} ${where} (it was on ${alias?.FunctionVersion ?? '?'}${routed ? ' with routing' : ''}).`,
        };
      } catch (error) {
        const failedTo = 'created' in before ? `delete ${what}` : `put ${what} back on version ${before.version}`;
        return { ok: false, text: `Could not ${failedTo}: ${messageOf(error)}` };
      }
    }),
  );
}
