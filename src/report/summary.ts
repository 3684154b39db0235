import { formatDuration } from '../plan/duration.ts';
import type { PipelineOutcome } from '../pipeline.ts';
import type { TaskSize } from '../plan/ecs-deploy.ts';
import type { EcsResult, EcsVerdict } from '../steps/ecs.ts';
import { taskDefinitionLabel } from '../plan/ecs-rollout.ts';

const VERDICT: Record<EcsVerdict, string> = {
  succeeded: '✅ deployed',
  unchanged: '➖ unchanged',
  planned: '📝 planned (dry run)',
  started: '🚀 started (not waited for)',
  failed: '❌ failed',
};

/** The job summary, as Markdown. Pure: the caller writes it. */
export function renderSummary(outcome: PipelineOutcome, context: { region: string }): string {
  const lines = ['## image-deploy', ''];
  if (outcome.ecs) lines.push(...ecsSection(outcome.ecs, context.region), '');
  if (outcome.failure) {
    lines.push(`**Failed in mode \`${outcome.failure.mode}\`:**`, '', '```', outcome.failure.message, '```', '');
  }
  if (outcome.skipped.length > 0) lines.push(`Not run because of the failure: ${outcome.skipped.join(', ')}.`, '');
  return lines.join('\n');
}

function ecsSection(result: EcsResult, region: string): string[] {
  const revision =
    result.taskDefinitionArn === result.previousTaskDefinitionArn
      ? taskDefinitionLabel(result.taskDefinitionArn)
      : `${taskDefinitionLabel(result.previousTaskDefinitionArn)} → ${taskDefinitionLabel(result.taskDefinitionArn)}`;
  const lines = [
    '### ECS services',
    '',
    '| Service | Revision | Image | CPU / memory | Duration | Verdict | Console |',
    '| --- | --- | --- | --- | --- | --- | --- |',
    `| ${cell(`${result.cluster}/${result.service}`)} | ${cell(revision)} | ${cell(change(result.before.image, result.after.image))} | ${cell(sizeChange(result.before, result.after))} | ${formatDuration(result.durationMs)} | ${VERDICT[result.verdict]} | [deployments](${consoleLink(result, region)}) |`,
  ];
  if (result.deploymentId) lines.push('', `Deployment: \`${result.deploymentId}\``);
  if (result.diff.length > 0) lines.push('', '<details><summary>Task definition changes</summary>', '', '```text', ...result.diff, '```', '</details>');
  return lines;
}

function change(before: string | undefined, after: string | undefined): string {
  const b = before ?? '(none)';
  const a = after ?? '(none)';
  return b === a ? `\`${a}\`` : `\`${b}\` → \`${a}\``;
}

function sizeChange(before: TaskSize, after: TaskSize): string {
  const fmt = (s: TaskSize) => `${s.cpu ?? '-'} / ${s.memory ?? '-'}`;
  return fmt(before) === fmt(after) ? fmt(after) : `${fmt(before)} → ${fmt(after)}`;
}

function consoleLink(result: EcsResult, region: string): string {
  const host = region.startsWith('cn-') ? 'console.amazonaws.cn' : `${region}.console.aws.amazon.com`;
  const cluster = encodeURIComponent(result.cluster);
  const service = encodeURIComponent(result.service.split('/').pop() ?? result.service);
  return `https://${host}/ecs/v2/clusters/${cluster}/services/${service}/deployments?region=${region}`;
}

function cell(text: string): string {
  return text.replace(/\|/g, '\\|').replace(/\n/g, ' ');
}
