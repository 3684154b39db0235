// Which of the deployment records ECS lists for a service is ours, when UpdateService
// named none. Pure.

import type { ServiceDeploymentBrief, ServiceRevision } from '@aws-sdk/client-ecs';

export interface OurRecord {
  arn: string | undefined;
  /** How it was chosen, for the log. */
  why: string;
}

/** Oldest first: our UpdateService came first; later records are newer deploys. */
export function oldestFirst(briefs: readonly ServiceDeploymentBrief[]): ServiceDeploymentBrief[] {
  return [...briefs].sort((a, b) => (a.createdAt?.getTime() ?? 0) - (b.createdAt?.getTime() ?? 0));
}

/** The service revisions worth describing to tell the records apart: none when there is only one. */
export function revisionsToCheck(briefs: readonly ServiceDeploymentBrief[]): string[] {
  if (briefs.length < 2) return [];
  return [
    ...new Set(briefs.flatMap((b) => (b.targetServiceRevisionArn === undefined ? [] : [b.targetServiceRevisionArn]))),
  ];
}

/**
 * Our record among those created since our UpdateService: the oldest one whose target
 * revision runs our task definition; when the revisions are not known (one record, or
 * DescribeServiceRevisions not answered) or none runs it, the oldest.
 */
export function ourRecord(
  briefs: readonly ServiceDeploymentBrief[],
  revisions: readonly ServiceRevision[] | undefined,
  taskDefinitionArn: string | undefined,
): OurRecord {
  const sorted = oldestFirst(briefs);
  const oldest = sorted[0];
  if (oldest === undefined) return { arn: undefined, why: 'ECS listed no deployment record since our update' };
  if (sorted.length === 1) return { arn: oldest.serviceDeploymentArn, why: 'the only record created since our update' };
  if (revisions === undefined || taskDefinitionArn === undefined) {
    return { arn: oldest.serviceDeploymentArn, why: `the oldest of ${sorted.length} records created since our update` };
  }
  const ours = new Set(
    revisions.filter((r) => r.taskDefinition === taskDefinitionArn).map((r) => r.serviceRevisionArn),
  );
  const match = sorted.find((b) => b.targetServiceRevisionArn !== undefined && ours.has(b.targetServiceRevisionArn));
  if (match !== undefined)
    return {
      arn: match.serviceDeploymentArn,
      why: `the oldest of ${sorted.length} records since our update that deploys ${taskDefinitionArn}`,
    };
  return {
    arn: oldest.serviceDeploymentArn,
    why: `none of ${sorted.length} records since our update names ${taskDefinitionArn} as its target yet: the oldest`,
  };
}
