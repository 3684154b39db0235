import { formatDuration } from '../plan/duration.ts';
import { rollbackLine } from '../plan/rollback.ts';
import type { EcsResult } from '../results.ts';
import { codeSpan, plainText } from './markdown.ts';

/**
 * The part of the ECS section that ECS's deployment record adds: the strategy, the stages
 * reached with how long each took (as seen by our polls), alarms and hooks, any rollback.
 */
export function serviceDeploymentLines(result: EcsResult): string[] {
  const cell = plainText;
  const lines: string[] = [];
  const record = result.serviceDeployment;
  if (record !== undefined) {
    // A rollback was followed past the last poll of the deployment: its status is the final one.
    const status = result.rollback?.recordStatus ?? record.status;
    lines.push(
      '',
      `Strategy: ${codeSpan(record.strategy)}, record ${codeSpan(record.arn)}${status === undefined ? '' : ` (${codeSpan(status)})`}`,
    );
    if (record.stages.length > 0) {
      lines.push('', '| Stage | Duration |', '| --- | --- |');
      for (const visit of record.stages) {
        const took = visit.leftAt === undefined ? 'reached' : formatDuration(visit.leftAt - visit.enteredAt);
        lines.push(`| ${codeSpan(visit.stage, { inTable: true })} | ${took} |`);
      }
    }
    if (record.alarms.watched.length > 0) {
      const triggered =
        record.alarms.triggered.length > 0
          ? `; in ALARM: ${record.alarms.triggered.map((a) => codeSpan(a, { inTable: false })).join(', ')}`
          : '';
      lines.push('', `Alarms watched: ${record.alarms.watched.map((a) => codeSpan(a)).join(', ')}${triggered}`);
    }
    if (record.hooks.length > 0) lines.push('', `Lifecycle hooks: ${record.hooks.map((h) => cell(h)).join('; ')}`);
  }
  if (result.rollback !== undefined) lines.push('', `Rollback: ${cell(rollbackLine(result.rollback))}`);
  return lines;
}
