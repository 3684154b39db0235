import { UserError } from '../errors.ts';
import { Input } from '../names.ts';
import { CODEDEPLOY_WAIT_EVENTS } from '../plan/codedeploy-events.ts';
import { MAX_SERVICES, serviceKey } from '../plan/ecs-services.ts';
import { parseCpu, parseMemory } from '../plan/fargate.ts';
import { parseImageRef } from '../plan/image-ref.ts';
import type { WaitUntil } from '../plan/service-deployment-stages.ts';
import { ALL_STAGES, parseWaitUntil } from '../plan/service-deployment-stages.ts';
import type { EcsDeployOptions, WaitSettings } from '../settings.ts';
import { readCodeDeploy } from './codedeploy.ts';
import type { YamlParser } from './document.ts';
import {
  type Env,
  type Get,
  parseBoolean,
  parseCount,
  parseEnvironment,
  parseNameList,
  readTagPropagation,
} from './parse.ts';
import { readTaskDefinitionSource } from './task-definition-file.ts';

export function readEcs(get: Get, env: Env, dryRun: boolean, wait: WaitSettings, yaml?: YamlParser): EcsDeployOptions {
  const services = parseNameList(get(Input.service), Input.service, {
    what: 'service',
    max: MAX_SERVICES,
    key: serviceKey,
  });
  if (services.length === 0) {
    throw new UserError(
      `Input '${Input.service}' is required for mode 'ecs': the name or ARN of the ECS service to deploy (several: one per line or comma-separated).`,
    );
  }
  const containerNames = parseNameList(get(Input.containerName), Input.containerName, { what: 'container' });
  const image = get(Input.image) || undefined;
  if (image !== undefined) parseImageRef(image);
  const cpu = get(Input.cpu);
  const memory = get(Input.memory);
  const desiredCount = get(Input.desiredCount);
  const propagateTags = readTagPropagation(get(Input.propagateTags));
  // Sent only when true: false is the default, and sending it would turn off what the service's owner turned on.
  const managedTags = parseBoolean(get(Input.enableEcsManagedTags), Input.enableEcsManagedTags);
  return {
    cluster: get(Input.cluster),
    services,
    source: readTaskDefinitionSource(get(Input.taskDefinition), env, Input.taskDefinition, yaml),
    ...(containerNames.length > 0 ? { containerNames } : {}),
    image,
    cpu: cpu ? parseCpu(cpu) : undefined,
    memory: memory ? parseMemory(memory) : undefined,
    environment: parseEnvironment(get(Input.environment)),
    forceNewDeployment: parseBoolean(get(Input.forceNewDeployment), Input.forceNewDeployment),
    desiredCount: desiredCount ? parseCount(desiredCount, Input.desiredCount) : undefined,
    dryRun,
    wait,
    maxFailedTasks: parseCount(get(Input.maxFailedTasks), Input.maxFailedTasks),
    waitUntil: readWaitUntil(get(Input.waitUntil)),
    rollbackOnFailure: parseBoolean(get(Input.rollbackOnFailure), Input.rollbackOnFailure),
    ...(propagateTags === undefined ? {} : { propagateTags }),
    ...(managedTags ? { enableEcsManagedTags: true } : {}),
    codeDeploy: readCodeDeploy(get, env, yaml),
  };
}

function readWaitUntil(raw: string): WaitUntil {
  const value = parseWaitUntil(raw);
  if (value === undefined) {
    throw new UserError(
      `Input '${Input.waitUntil}' ('${raw}') is not valid: use 'completed', a lifecycle stage (${ALL_STAGES.join(', ')}), or for a service deployed through CodeDeploy a lifecycle event (${CODEDEPLOY_WAIT_EVENTS.join(', ')}).`,
    );
  }
  return value;
}
