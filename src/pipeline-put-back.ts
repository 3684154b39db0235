// With ecs and lambda in one step, what a failure of one puts back of the other, once both
// ended. A running Lambda shift is ended by an ECS failure itself (the pipeline's stop
// signal); this covers what was already finished.

import { type StepDeps, withLogPrefix } from './deps.ts';
import { isFailure } from './plan/verdict.ts';
import type { PipelineOutcome } from './results.ts';
import type { EcsDeployOptions } from './settings.ts';
import type * as PutBackStep from './steps/put-back.ts';

/** The put-back steps, loaded only when ecs and lambda deploy in one step. */
export interface PutBackSteps {
  putEcsBack: typeof PutBackStep.putEcsBack;
  putLambdaBack: typeof PutBackStep.putLambdaBack;
}

/**
 * With rollback-on-failure: the other mode goes back as it was. Without it, an ECS failure
 * still returns every alias the Lambda shift moved (a finished shift; a running one put its
 * own back); undefined when nothing was to be put back.
 */
export async function putBackBeside(
  outcome: PipelineOutcome,
  ecs: Pick<EcsDeployOptions, 'rollbackOnFailure' | 'wait'>,
  deps: StepDeps,
  steps: PutBackSteps,
): Promise<string[] | undefined> {
  if (ecs.rollbackOnFailure) return putBack(outcome, ecs.wait, deps, steps);
  const { lambda } = outcome;
  if (lambda === undefined || !outcome.failures.some((f) => f.mode === 'ecs')) return undefined;
  const aliases = lambda.functions.filter((f) => f.alias !== undefined && f.changed && !isFailure(f.verdict));
  if (aliases.length === 0) return undefined;
  const lines = await steps.putLambdaBack(
    { ...lambda, functions: aliases },
    ecs.wait,
    withLogPrefix(deps, '[lambda] '),
  );
  return said(lines, deps);
}

/** ecs or lambda failed: put the other back as it was (rollback-on-failure), in parallel. */
async function putBack(
  outcome: PipelineOutcome,
  bounds: { intervalMs: number; timeoutMs: number },
  deps: StepDeps,
  steps: PutBackSteps,
): Promise<string[]> {
  const { ecs, lambda } = outcome;
  const work = [
    // Services that failed were settled by rollback-on-failure already; the others go back.
    ecs?.services.some((s) => !isFailure(s.verdict))
      ? steps.putEcsBack(ecs, bounds, withLogPrefix(deps, '[ecs] '))
      : Promise.resolve([]),
    lambda !== undefined ? steps.putLambdaBack(lambda, bounds, withLogPrefix(deps, '[lambda] ')) : Promise.resolve([]),
  ];
  return said((await Promise.all(work)).flat(), deps);
}

function said(lines: string[], deps: StepDeps): string[] {
  for (const line of lines) deps.log.info(`Put back: ${line}`);
  return lines;
}
