// The Lambda traffic shift in the job summary: each alias change with its time and weight,
// the alarms watched and their states, and what was put back. Every value is escaped.

import { percentOf } from '../plan/lambda-traffic.ts';
import type { TrafficReport } from '../results.ts';
import { fence, plainText } from './markdown.ts';

export function trafficLines(report: TrafficReport, dryRun: boolean): string[] {
  const lines = [
    '#### Traffic shift',
    '',
    `Schedule: ${plainText(report.schedule)}${dryRun ? ' (would run)' : ''}`,
    '',
  ];
  if (report.steps.length > 0) {
    lines.push("| Step | Time (UTC) | New version's share |", '| --- | --- | --- |');
    report.steps.forEach((step, index) => {
      lines.push(`| ${index + 1} | ${new Date(step.at).toISOString().slice(11, 19)} | ${percentOf(step.weight)} |`);
    });
    lines.push('');
  }
  if (report.alarms.length > 0) {
    lines.push('| Alarm | State |', '| --- | --- |');
    for (const alarm of report.alarms) lines.push(`| ${plainText(alarm.name)} | ${plainText(alarm.state)} |`);
    lines.push('');
  }
  if (report.putBack !== undefined && report.putBack.length > 0)
    lines.push('Put back:', '', ...fence(report.putBack), '');
  return lines;
}
