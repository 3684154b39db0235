import { getFunction } from '../aws/lambda.ts';
import type { StepDeps } from '../deps.ts';
import { type DeployedTarget, functionSupersededBy, serviceSupersededBy } from '../plan/parameter-guard.ts';
import { describeEach } from './describe-services.ts';

type ServiceTarget = Extract<DeployedTarget, { kind: 'ecs' }>;

/**
 * Reads every target again and returns what superseded this step's image on each (empty:
 * all still run it). Called right before each PutParameter, so a write that waited out
 * TooManyUpdates while another run deployed does not name an image nothing runs. Services
 * are read as the follower reads them: one DescribeServices per cluster and 10 services.
 */
export async function supersededTargets(targets: readonly DeployedTarget[], deps: StepDeps): Promise<string[]> {
  const services = targets.filter((t): t is ServiceTarget => t.kind === 'ecs');
  const [described, functions] = await Promise.all([
    describeEach(services, (t) => t, deps),
    Promise.all(
      targets.flatMap((t) =>
        t.kind === 'lambda'
          ? [getFunction(deps.clients.lambda, t.functionName).then((f) => functionSupersededBy(t, f))]
          : [],
      ),
    ),
  ]);
  const found = [...services.map((t) => serviceSupersededBy(t, described.get(t))), ...functions];
  return found.filter((reason): reason is string => reason !== undefined);
}
