import { describeService } from '../aws/ecs.ts';
import { getFunction } from '../aws/lambda.ts';
import type { StepDeps } from '../deps.ts';
import { functionSupersededBy, serviceSupersededBy, type DeployedTarget } from '../plan/parameter-guard.ts';

/**
 * Reads every target again and returns what superseded this step's image on each (empty:
 * all still run it). Called right before each PutParameter, so a write that waited out
 * TooManyUpdates while another run deployed does not name an image nothing runs.
 */
export async function supersededTargets(targets: readonly DeployedTarget[], deps: StepDeps): Promise<string[]> {
  const found = await Promise.all(
    targets.map(async (target) =>
      target.kind === 'ecs'
        ? serviceSupersededBy(target, await describeService(deps.clients.ecs, target))
        : functionSupersededBy(target, await getFunction(deps.clients.lambda, target.functionName)),
    ),
  );
  return found.filter((reason): reason is string => reason !== undefined);
}
