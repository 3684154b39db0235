// Names AWS gives things, read out of ARNs and documents, and console addresses. One copy
// of each, for every partition. Pure.

import type { TaskDefinitionDoc } from './task-definition-types.ts';

/** The AWS console host for a region: aws, aws-cn and aws-us-gov partitions. */
export function consoleHost(region: string): string {
  if (region.startsWith('cn-')) return 'https://console.amazonaws.cn';
  if (region.startsWith('us-gov-')) return 'https://console.amazonaws-us-gov.com';
  return `https://${region}.console.aws.amazon.com`;
}

// Every partition spells its regions this way (eu-west-1, us-gov-west-1, cn-north-1, us-isob-east-1).
const REGION_NAME = /^[a-z]{2}(-[a-z]+)+-\d+$/;

/** Whether outside text (a log option, an ARN's field) is a region name, so it may go into a URL. */
export function isRegionName(text: string): boolean {
  return REGION_NAME.test(text);
}

/** The last segment of a task ARN: what the console, the CLI and awslogs streams use. */
export function taskIdOf(taskArn: string | undefined): string {
  if (taskArn === undefined || taskArn === '') return '(unknown)';
  return taskArn.slice(taskArn.lastIndexOf('/') + 1);
}

export function familyOf(td: TaskDefinitionDoc): string {
  const family = td.family;
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
