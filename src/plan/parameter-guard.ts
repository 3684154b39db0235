// Whether the targets this step deployed still run its image, decided just before each
// PutParameter: a later deploy of another image may have replaced ours while the write
// waited out TooManyUpdates, and the parameter must never name an image nothing runs.

import type { Service } from '@aws-sdk/client-ecs';
import { taskDefinitionLabel } from './aws-names.ts';
import { primaryDeployment } from './ecs-rollout.ts';
import { type FunctionSnapshot, runningDigest } from './lambda-update.ts';

/** What this step left running, as the pipeline hands it to the parameter step. */
export type DeployedTarget =
  | { kind: 'ecs'; cluster: string; service: string; taskDefinitionArn: string; deploymentId?: string }
  | { kind: 'lambda'; functionName: string; digest: string };

/** Who replaced our image on the service, or undefined while it still runs ours. */
export function serviceSupersededBy(
  target: Extract<DeployedTarget, { kind: 'ecs' }>,
  service: Service | undefined,
): string | undefined {
  const where = `service '${target.service}' in cluster '${target.cluster}'`;
  if (service === undefined || service.status !== 'ACTIVE') return `${where} is no longer active`;
  const primary = primaryDeployment(service);
  // Ours, or a successor on the very same revision (a forced redeploy, a scale change).
  if (
    primary === undefined ||
    primary.id === target.deploymentId ||
    primary.taskDefinition === target.taskDefinitionArn
  )
    return undefined;
  const revision =
    primary.taskDefinition === undefined ? 'an unknown revision' : taskDefinitionLabel(primary.taskDefinition);
  return `${where} now runs deployment ${primary.id ?? '(no id)'} of ${revision}${primary.createdAt ? `, created ${primary.createdAt.toISOString()}` : ''}`;
}

/** Who replaced our image on the function, or undefined while it still runs our digest. */
export function functionSupersededBy(
  target: Extract<DeployedTarget, { kind: 'lambda' }>,
  snapshot: FunctionSnapshot | undefined,
): string | undefined {
  const where = `function '${target.functionName}'`;
  if (snapshot === undefined) return `${where} no longer exists`;
  const digest = runningDigest(snapshot);
  if (digest === target.digest) return undefined;
  const by = snapshot.configuration.LastModified ? `, last modified ${snapshot.configuration.LastModified}` : '';
  return `${where} now runs ${digest ?? snapshot.code.ImageUri ?? 'another image'}${by}`;
}
