import type { CodeDeploySnapshot } from '../plan/codedeploy-deployment.ts';
import { eventRows, trafficOf } from '../plan/codedeploy-progress.ts';
import { codeSpan } from './markdown.ts';

/**
 * The summary lines a CodeDeploy deployment adds: its id and status, each lifecycle event
 * with how long it ran (CodeDeploy's own start and end times) and the traffic split.
 */
export function codeDeployLines(snapshot: CodeDeploySnapshot | undefined, deploymentGroup?: string): string[] {
  if (snapshot === undefined) return [];
  const d = snapshot.deployment;
  const group = deploymentGroup === undefined ? '' : ` in group ${codeSpan(deploymentGroup)}`;
  const lines = [
    '',
    `CodeDeploy deployment ${codeSpan(d.deploymentId ?? '?')}${group}: ${codeSpan(d.status ?? 'unknown')}`,
  ];
  const rows = eventRows(snapshot.target);
  if (rows.length > 0) {
    lines.push('', '| Lifecycle event | Status | Duration |', '| --- | --- | --- |');
    for (const row of rows)
      lines.push(
        `| ${codeSpan(row.event, { inTable: true })} | ${codeSpan(row.status, { inTable: true })} | ${row.took || '-'} |`,
      );
  }
  const split = trafficOf(snapshot.target);
  // A deployment that did not succeed was rolled back or stopped after its last target read: its split is history.
  const label = d.status === 'Succeeded' || d.status === 'InProgress' ? 'Traffic' : 'Traffic last reported';
  if (split !== undefined) lines.push('', `${label}: ${codeSpan(split)}`);
  return lines;
}
