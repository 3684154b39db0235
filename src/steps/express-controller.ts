// The Express Mode controller: a service ECS Express Mode manages (resourceManagementType
// ECS) takes the step's image, cpu/memory and environment through
// UpdateExpressGatewayService, which registers the revision itself; the service deployment
// it starts is then followed and settled exactly as the ECS controller follows its own.

import type { Service } from '@aws-sdk/client-ecs';
import { describeService } from '../aws/ecs.ts';
import { describeExpressGatewayService, updateExpressGatewayService } from '../aws/ecs-express.ts';
import type { StepDeps } from '../deps.ts';
import { decideStanding, type EcsPlan, type Standing } from '../plan/ecs-deploy.ts';
import { expressDeployment } from '../plan/express-deployment.ts';
import {
  EXPRESS_PRIMARY_CONTAINER,
  type ExpressPlan,
  planExpressUpdate,
  requestLines,
} from '../plan/express-update.ts';
import { isRecord } from '../plan/json.ts';
import { failed } from '../plan/verdict.ts';
import type { EcsServiceOptions } from '../settings.ts';
import { waitFor } from '../wait.ts';
import { followAfterCancel, followRecordOf, fromStanding, refuseUnreachableWaitUntil } from './ecs-controller.ts';
import type { EcsPrepared, RolloutController, Start } from './rollout-controller.ts';

export const expressController: RolloutController = {
  kind: 'express',
  // Express Mode registers the revision from the configuration the update sends.
  registers: false,
  prepare: prepareExpress,
  start: (prepared, _registration, deps) => startExpress(prepared, deps),
  followAfterCancel,
};

/** Read-only: the Express configuration, the update request and its diff; every input problem is thrown here. */
async function prepareExpress(
  found: { service: Service; started: number },
  options: EcsServiceOptions,
  deps: StepDeps,
): Promise<EcsPrepared> {
  const { service: current, started } = found;
  const { cluster, service } = options;
  refuseUnreachableWaitUntil(current, options);
  if (current.serviceArn === undefined)
    throw new Error(`DescribeServices for '${service}' in cluster '${cluster}' returned no serviceArn`);
  const express = planExpressUpdate({
    service,
    express: await describeExpressGatewayService(deps.clients.ecs, current.serviceArn),
    ...(options.image === undefined ? {} : { image: options.image }),
    ...(options.cpu === undefined ? {} : { cpu: options.cpu }),
    ...(options.memory === undefined ? {} : { memory: options.memory }),
    environment: options.environment,
    ...(options.containerNames === undefined ? {} : { containerNames: options.containerNames }),
    refused: {
      ...(options.source.kind === 'registered'
        ? { taskDefinition: options.source.ref }
        : options.source.kind === 'file'
          ? { taskDefinition: options.source.path }
          : {}),
      forceNewDeployment: options.forceNewDeployment,
      ...(options.desiredCount === undefined ? {} : { desiredCount: options.desiredCount }),
      ...(options.propagateTags === undefined ? {} : { propagateTags: options.propagateTags }),
      ...(options.enableEcsManagedTags === undefined ? {} : { enableEcsManagedTags: options.enableEcsManagedTags }),
    },
  });
  const currentArn = current.taskDefinition ?? express.taskDefinitionArn ?? '';
  deps.log.info(`Express service '${service}' runs ${currentArn}`);
  for (const line of express.diff) deps.log.info(`  ${line}`);
  const plan: EcsPlan = {
    containerNames: [EXPRESS_PRIMARY_CONTAINER],
    // Express Mode renders and registers the revision; the step holds none of its own.
    rendered: {},
    tags: [],
    diff: express.diff,
    registerNeeded: false,
    targetArn: currentArn,
    updateNeeded: express.request !== undefined,
    before: express.before,
    after: express.after,
  };
  const standing: Standing = plan.updateNeeded
    ? { kind: 'unchanged' }
    : expressStanding(decideStanding(current, currentArn, service), service);
  return { options, controller: 'express', currentArn, plan, started, standing, express };
}

/** A failed deployment left standing: Express Mode has no forced deployment, so the fix named is a change. */
function expressStanding(standing: Standing, service: string): Standing {
  if (standing.kind !== 'failed') return standing;
  const { deployment } = standing;
  const reason = `Express service '${service}' already has this configuration, but its deployment ${deployment.id} of it FAILED (${deployment.rolloutStateReason ?? 'no reason given'}) and was not rolled back: nothing was changed. Fix the cause and deploy again with a new image (UpdateExpressGatewayService has no forced deployment).`;
  return { ...standing, failure: failed('refused', reason) };
}

/** UpdateExpressGatewayService, then the deployment it started, found in DescribeServices and followed by its record. */
async function startExpress(prepared: EcsPrepared, deps: StepDeps): Promise<Start> {
  const { options, plan } = prepared;
  const { cluster, service } = options;
  const express = expressPlanOf(prepared);
  const request = express.request;
  if (!plan.updateNeeded || request === undefined) return fromStanding(prepared, deps);
  if (options.dryRun) {
    deps.log.info(`Dry run: would call UpdateExpressGatewayService on Express service '${service}' with:`);
    for (const line of requestLines(request)) deps.log.info(`  ${line}`);
    return { finished: { verdict: { state: 'planned' }, taskDefinitionArn: '' } };
  }
  const updatedAt = deps.now();
  const updated = await updateExpressGatewayService(deps.clients.ecs, request);
  const target = updated.targetConfiguration;
  const announced = isRecord(target) ? target.taskDefinitionArn : undefined;
  const targetArn = typeof announced === 'string' ? announced : undefined;
  deps.log.info(
    `Updated Express service '${service}'${targetArn === undefined ? '' : `: Express registered ${targetArn}`}`,
  );
  if (!options.wait.enabled) {
    return {
      finished: { changed: true, registered: false, taskDefinitionArn: targetArn ?? '', verdict: { state: 'started' } },
    };
  }
  // Express Mode updates the ECS service on its own; until DescribeServices shows that, the PRIMARY deployment is the one before ours.
  const found = await waitFor(
    {
      what: `the deployment UpdateExpressGatewayService started on service '${service}'`,
      intervalMs: options.wait.intervalMs,
      timeoutMs: options.wait.timeoutMs,
      onProgress: (state) => deps.log.info(state),
      check: async () => {
        const now = await describeService(deps.clients.ecs, { cluster, service });
        const deployment = now === undefined ? undefined : expressDeployment(now, targetArn, updatedAt);
        if (now === undefined || deployment === undefined)
          return { done: false, state: 'waiting for ECS to start the deployment' };
        return { done: true, value: { service: now, deployment } };
      },
    },
    deps,
  );
  const { deployment } = found;
  const taskDefinitionArn = targetArn ?? deployment.taskDefinition ?? '';
  deps.log.info(`Deployment ${deployment.id} of service '${service}'`);
  const fields = { changed: true, registered: false, taskDefinitionArn, deploymentId: deployment.id };
  const since = deployment.createdAt ?? new Date(updatedAt);
  return {
    following: followRecordOf(
      prepared,
      { deploymentId: deployment.id, since, recordArn: found.service.currentServiceDeployment, taskDefinitionArn },
      deps,
    ),
    fields,
  };
}

function expressPlanOf(prepared: EcsPrepared): ExpressPlan {
  if (prepared.express === undefined)
    throw new Error(`service '${prepared.options.service}' was not prepared as an Express service`);
  return prepared.express;
}
