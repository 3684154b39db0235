// The post step's half for Lambda: after a failed or cancelled traffic shift, each alias it
// moved is read and, unless it is already on its previous version with no routing, put back.

import { getAlias, shiftAlias } from '../aws/lambda.ts';
import type { StepDeps } from '../deps.ts';
import { messageOf } from '../errors.ts';

/** An alias a failed shift moved (src/lambda-cancel.ts saves them for the post step). */
export interface AliasToPutBack {
  functionName: string;
  alias: string;
  /** Where it must be, with no routing. */
  version: string;
}

export async function putAliasesBackAfterCancel(
  states: readonly AliasToPutBack[],
  deps: StepDeps,
): Promise<Array<{ ok: boolean; text: string }>> {
  return Promise.all(
    states.map(async (s) => {
      const what = `Lambda function '${s.functionName}' alias ${s.alias}`;
      try {
        const alias = await getAlias(deps.clients.lambda, s.functionName, s.alias);
        const routed = Object.values(alias?.RoutingConfig?.AdditionalVersionWeights ?? {}).some((w) => w > 0);
        if (alias?.FunctionVersion === s.version && !routed)
          return { ok: true, text: `${what} is on version ${s.version} with no routing: already put back.` };
        await shiftAlias(deps.clients.lambda, {
          functionName: s.functionName,
          alias: s.alias,
          version: s.version,
          weights: {},
        });
        return {
          ok: true,
          text: `${what} put back on version ${s.version} (it was on ${alias?.FunctionVersion ?? '?'}${routed ? ' with routing' : ''}).`,
        };
      } catch (error) {
        return { ok: false, text: `Could not put ${what} back on version ${s.version}: ${messageOf(error)}` };
      }
    }),
  );
}
