// What the run-task step says before it starts or follows a task: the request as a person
// reviewing the log reads it, and where the task's logs are.

import type { StepDeps } from '../deps.ts';
import { formatLogLocation, type LogLocation, logLocations, whyNoUrl } from '../plan/run-task-result.ts';
import type { TaskDefinitionDoc } from '../plan/task-definition-types.ts';
import type { RunTaskOptions } from '../settings.ts';

/** Where the task's awslogs containers write, said once; why a location has no console link, at debug. */
export function announceLogs(taskDefinition: TaskDefinitionDoc, taskArn: string, deps: StepDeps): LogLocation[] {
  const locations = logLocations(taskDefinition, taskArn);
  for (const location of locations) {
    deps.log.info(`Logs of ${formatLogLocation(location)}`);
    const why = whyNoUrl(location);
    if (why !== undefined) deps.log.debug(why);
  }
  return locations;
}

/** What RunTask will be asked, as a person reviewing the log wants to read it (no environment values). */
export function logRequestPlan(options: RunTaskOptions, deps: StepDeps): void {
  const { launch, network } = options;
  const how =
    'launchType' in launch
      ? `launch type ${launch.launchType}`
      : launch.capacityProviderStrategy.length === 0
        ? "the cluster's default capacity provider strategy"
        : `capacity providers ${launch.capacityProviderStrategy.map((i) => `${i.capacityProvider}:${i.weight}:${i.base}`).join(', ')}`;
  const where =
    network === undefined
      ? ''
      : `, subnets ${network.subnets.join(', ')}, security groups ${network.securityGroups.join(', ') || "(the VPC's default)"}, public IP ${network.assignPublicIp ? 'on' : 'off'}`;
  deps.log.info(`Task: cluster '${options.cluster}', ${how}${where}, started by '${options.startedBy}'`);
  if (options.command !== undefined) deps.log.info(`  command: ${JSON.stringify(options.command)}`);
  if (options.environment.length > 0)
    deps.log.info(`  environment: ${options.environment.map((e) => e.name).join(', ')}`);
}
