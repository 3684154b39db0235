// Names AWS gives things, read out of ARNs and documents, and console addresses. One copy
// of each, for every partition. Pure.

import type { TaskDefinitionDoc } from './task-definition-types.ts';

/** The AWS console host for a region: aws, aws-cn and aws-us-gov partitions. */
export function consoleHost(region: string): string {
  if (region.startsWith('cn-')) return 'https://console.amazonaws.cn';
  if (region.startsWith('us-gov-')) return 'https://console.amazonaws-us-gov.com';
  return `https://${region}.console.aws.amazon.com`;
}

/** The last segment of a task ARN: what the console, the CLI and awslogs streams use. */
export function taskIdOf(taskArn: string | undefined): string {
  if (taskArn === undefined || taskArn === '') return '(unknown)';
  return taskArn.slice(taskArn.lastIndexOf('/') + 1);
}

export function familyOf(td: TaskDefinitionDoc): string {
  const family = td['family'];
  return typeof family === 'string' && family !== '' ? family : '(no family)';
}

/** `family:revision` from a task definition ARN; non-ARNs pass through unchanged. */
export function taskDefinitionLabel(arn: string | undefined): string {
  if (arn === undefined) return '(none)';
  const match = /^arn:[^:]+:ecs:[^:]*:[^:]*:task-definition\/(.+)$/.exec(arn);
  return match?.[1] ?? arn;
}

/** The region field of an ARN, when it has one. */
export function regionOfArn(arn: string): string | undefined {
  const region = arn.split(':')[3];
  return region === undefined || region === '' ? undefined : region;
}
