import { consoleHost, taskDefinitionLabel, taskIdOf } from '../plan/aws-names.ts';
import { formatDuration } from '../plan/duration.ts';
import type { TaskSize } from '../plan/ecs-deploy.ts';
import { rollbackLine } from '../plan/rollback.ts';
import type { LogLocation } from '../plan/run-task-result.ts';
import { type Failure, failureText } from '../plan/verdict.ts';
import type {
  EcsDeployResult,
  EcsResult,
  ImageResult,
  LambdaResult,
  ParameterResult,
  PipelineOutcome,
  RunTaskResult,
} from '../results.ts';
import { codeDeployLines } from './codedeploy-summary.ts';
import { trafficLines } from './lambda-traffic-summary.ts';
import { codeSpan, fence, markdownLink, plainText } from './markdown.ts';
import { serviceDeploymentLines } from './service-deployment-summary.ts';

// One word per verdict, whatever the mode, so a reader scans one column.
const VERDICT: Readonly<Record<string, string>> = {
  succeeded: '✅ deployed',
  created: '✅ created',
  updated: '✅ updated',
  unchanged: '➖ unchanged',
  planned: '📝 planned (dry run)',
  started: '🚀 started (not waited for)',
  failed: '❌ failed',
  superseded: '⚠️ not written (another deploy replaced the image)',
};

// A one-off task is run, not deployed: its success is that every essential container exited 0.
const TASK_VERDICT: Readonly<Record<string, string>> = { ...VERDICT, succeeded: '✅ succeeded (exited 0)' };

export interface SummaryContext {
  region: string;
  dryRun: boolean;
}

/** The job summary, as Markdown. Pure: the caller writes it. */
export function renderSummary(outcome: PipelineOutcome, context: SummaryContext): string {
  const lines = ['## image-deploy', ''];
  if (context.dryRun) lines.push('**Dry run:** nothing was changed; this is the plan.', '');
  if (outcome.image) lines.push(...imageSection(outcome.image), '');
  if (outcome.runTask) lines.push(...runTaskSection(outcome.runTask, context.region), '');
  if (outcome.ecs) lines.push(...ecsSection(outcome.ecs, context.region), '');
  if (outcome.lambda) lines.push(...lambdaSection(outcome.lambda, context.region), '');
  if (outcome.lambda?.traffic) lines.push(...trafficLines(outcome.lambda.traffic, context.dryRun));
  if (outcome.parameter) lines.push(...parameterSection(outcome.parameter, context.region), '');
  for (const failure of outcome.failures) {
    lines.push(`**Failed in mode \`${failure.mode}\`:**`, '', ...fence([failureText(failure.failure) ?? '']), '');
  }
  if (outcome.putBack !== undefined && outcome.putBack.length > 0)
    lines.push('**Put back as it was:**', '', ...outcome.putBack.map((l) => `- ${cell(l)}`), '');
  if (outcome.skipped.length > 0) lines.push(`Not run because of the failure: ${outcome.skipped.join(', ')}.`, '');
  return lines.join('\n');
}

/** The summary of a step stopped before anything ran: bad inputs, mostly. */
export function renderInputFailure(failure: Failure): string {
  return [
    '## image-deploy',
    '',
    '**Nothing was changed:** the step stopped before any AWS call that changes something.',
    '',
    ...fence([failureText(failure) ?? '']),
    '',
  ].join('\n');
}

const TAG_SOURCE: Readonly<Record<string, string>> = {
  input: "the 'tag' input",
  image: "the 'image' input",
  'release-ref': 'the release tag',
  'commit-sha': 'the commit SHA',
};

function imageSection(image: ImageResult): string[] {
  const from = image.tagSource ? ` (from ${TAG_SOURCE[image.tagSource] ?? image.tagSource})` : '';
  return [
    '### Image',
    '',
    '| Reference | Tag | Digest |',
    '| --- | --- | --- |',
    `| ${code(image.reference)} | ${image.tag === undefined ? '-' : code(image.tag) + from} | ${image.digest === undefined ? '-' : code(image.digest)} |`,
  ];
}

function runTaskSection(result: RunTaskResult, region: string): string[] {
  const taskId = result.taskArn === undefined ? undefined : taskIdOf(result.taskArn);
  const link =
    taskId === undefined
      ? '-'
      : `[task](${consoleHost(region)}/ecs/v2/clusters/${encodeURIComponent(result.cluster)}/tasks/${encodeURIComponent(taskId)}/configuration?region=${region})`;
  const lines = [
    '### One-off task',
    '',
    '| Task | Task definition | Exit code | Duration | Verdict | Console |',
    '| --- | --- | --- | --- | --- | --- |',
    `| ${cell(taskId ?? '(not started)')} | ${cell(revisionLabel(result.taskDefinitionArn))} | ${result.exitCode ?? '-'} | ${formatDuration(result.durationMs)} | ${TASK_VERDICT[result.verdict.state] ?? result.verdict.state} | ${link} |`,
  ];
  if (result.logs.length > 0) lines.push('', 'Logs:', '', ...result.logs.map(logLine));
  return lines;
}

/** `- container app: awslogs group /g, stream s (eu-west-1) [CloudWatch](https://…)`: the text escaped, the link built in plan/ from checked parts. */
function logLine(location: LogLocation): string {
  const stream = location.stream === undefined ? '' : `, stream ${location.stream}`;
  const text = plainText(
    `container ${location.container}: awslogs group ${location.group}${stream} (${location.region})`,
  );
  return `- ${text}${location.url === undefined ? '' : ` ${markdownLink('CloudWatch', location.url)}`}`;
}

function ecsSection(ecs: EcsDeployResult, region: string): string[] {
  const lines = [
    '### ECS services',
    '',
    '| Service | Revision | Image | CPU / memory | Duration | Verdict | Console |',
    '| --- | --- | --- | --- | --- | --- | --- |',
    ...ecs.services.map((result) => ecsRow(result, region)),
  ];
  const several = ecs.services.length > 1;
  for (const result of ecs.services) {
    // Several services: each one's details under its name (one service: as they always were).
    const details = [
      ...(result.deploymentId ? ['', `Deployment: ${codeSpan(result.deploymentId)}`] : []),
      ...serviceDeploymentLines(result),
      ...codeDeployLines(result.codeDeploy?.snapshot, result.codeDeploy?.group),
      ...(result.diff.length > 0
        ? ['', '<details><summary>Task definition changes</summary>', '', ...fence(result.diff, 'text'), '</details>']
        : []),
    ];
    // A failure's reason is in the failures section once, naming the service.
    if (several && details.length > 0) lines.push('', `#### ${cell(result.service)}`);
    lines.push(...details);
  }
  return lines;
}

function ecsRow(result: EcsResult, region: string): string {
  const revision =
    result.taskDefinitionArn === result.previousTaskDefinitionArn
      ? taskDefinitionLabel(result.taskDefinitionArn)
      : `${taskDefinitionLabel(result.previousTaskDefinitionArn)} → ${revisionLabel(result.taskDefinitionArn)}`;
  return `| ${cell(`${result.cluster}/${result.service}`)} | ${cell(revision)} | ${change(result.before.image, result.after.image)} | ${cell(sizeChange(result.before, result.after))} | ${formatDuration(result.durationMs)} | ${verdict(result.verdict.state)} | [deployments](${ecsConsoleLink(result, region)}) |`;
}

function lambdaSection(result: LambdaResult, region: string): string[] {
  const lines = [
    '### Lambda functions',
    '',
    '| Function | Image | Version / alias | Duration | Verdict | Console |',
    '| --- | --- | --- | --- | --- | --- |',
  ];
  for (const f of result.functions) {
    const version = [f.version, f.alias].filter((v) => v !== undefined).join(' / ') || '-';
    const name = f.functionArn.split(':').pop() || f.functionName;
    lines.push(
      `| ${cell(f.functionName)} | ${change(f.previousImage, f.image)} | ${cell(version)} | ${formatDuration(f.durationMs)} | ${verdict(f.verdict.state)} | [function](${consoleHost(region)}/lambda/home?region=${region}#/functions/${encodeURIComponent(name)}) |`,
    );
  }
  for (const f of result.functions) {
    const failure = failureText(f.verdict);
    const deployment = codeDeployLines(f.codeDeploy?.snapshot, f.codeDeploy?.group);
    const rollback = f.rollback === undefined ? [] : ['', `Rollback: ${cell(rollbackLine(f.rollback))}`];
    if (failure !== undefined || deployment.length > 0) lines.push('', `${codeSpan(f.functionName)}:`);
    lines.push(...deployment, ...rollback);
    if (failure !== undefined) lines.push('', ...fence([failure]));
  }
  return lines;
}

function parameterSection(result: ParameterResult, region: string): string[] {
  const path = result.name.replace(/^\//, '');
  return [
    '### SSM parameter',
    '',
    '| Parameter | Value | Version | Verdict | Console |',
    '| --- | --- | --- | --- | --- |',
    `| ${code(result.name)} | ${change(result.previousValue, result.value)} | ${result.version ?? '-'} | ${verdict(result.verdict.state)} | [parameter](${consoleHost(region)}/systems-manager/parameters/${encodeURIComponent(path)}/description?region=${region}) |`,
  ];
}

function verdict(v: string): string {
  return VERDICT[v] ?? v;
}

function change(before: string | undefined, after: string | undefined): string {
  const b = before ?? '(none)';
  const a = after ?? '(none)';
  return b === a ? code(a) : `${code(b)} → ${code(a)}`;
}

function sizeChange(before: TaskSize, after: TaskSize): string {
  const fmt = (s: TaskSize) => `${s.cpu ?? '-'} / ${s.memory ?? '-'}`;
  return fmt(before) === fmt(after) ? fmt(after) : `${fmt(before)} → ${fmt(after)}`;
}

/** A revision to be registered has no ARN yet (a dry run): say so instead of naming one. */
function revisionLabel(arn: string): string {
  return arn === '' ? 'a new revision (would register)' : taskDefinitionLabel(arn);
}

function ecsConsoleLink(result: EcsResult, region: string): string {
  const cluster = encodeURIComponent(result.cluster);
  const service = encodeURIComponent(result.service.split('/').pop() ?? result.service);
  return `${consoleHost(region)}/ecs/v2/clusters/${cluster}/services/${service}/deployments?region=${region}`;
}

/** Outside text in a table cell: as code, or as escaped text. */
function code(text: string): string {
  return codeSpan(text, { inTable: true });
}

function cell(text: string): string {
  return plainText(text);
}
