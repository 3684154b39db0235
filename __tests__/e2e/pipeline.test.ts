import { describe, expect, it } from 'vitest';
import type { ParameterState, PushedImage } from '../support/aws-fixtures.ts';
import { getFunctionImage, getParameter, listFunctionAliases, listFunctionVersions } from '../support/aws-fixtures.ts';
import {
  describeService,
  describeTaskDefinitionWithTags,
  listRevisions,
  SIDECAR_IMAGE,
} from '../support/ecs-fixtures.ts';
import { lambdaConflict, lambdaUpdateFails } from '../support/lambda-scenarios.ts';
import { writesAmong } from '../support/mutating.ts';
import type { ActionRun } from '../support/run-action.ts';
import { errorText, runAction, transcript } from '../support/run-action.ts';
import type { RecordedCall } from '../support/scenario-proxy.ts';
import { CIRCUIT_BREAKER_REASON, circuitBreakerRollback, completesAfter } from '../support/scenario-proxy.ts';
import type { DeployMode, ReleaseWorld, Testbed } from '../support/testbed.ts';
import { releaseInputs, seedReleaseWorld, useTestbed } from '../support/testbed.ts';

// One step ships one ECR image to an ECS service, a Lambda function and an SSM
// parameter, in the order image -> ecs and lambda -> parameter, and a failure stops the
// parameter. moto (with Lambda looking images up in its ECR) holds the state; the proxy
// plays the rollouts and Lambda failures moto cannot. Every scenario seeds its own world.

const SHA = '4f1c2a9e8b7d6c5f4e3d2c1b0a9f8e7d6c5b4a39';

/** What the runner sets for a workflow run on a pushed git tag. */
function releaseEnv(tag: string): Record<string, string> {
  return {
    GITHUB_REF: `refs/tags/${tag}`,
    GITHUB_REF_NAME: tag,
    GITHUB_REF_TYPE: 'tag',
    GITHUB_SHA: SHA,
    GITHUB_EVENT_NAME: 'push',
  };
}

interface Snapshot {
  revisions: string[];
  serviceTaskDefinition: string | undefined;
  functionImageUri: string | undefined;
  functionVersions: string[];
  functionAliases: Record<string, string>;
  parameter: ParameterState | undefined;
}

describe.concurrent('one step: image -> ecs and lambda -> parameter', () => {
  const testbed = useTestbed();

  function imageOf(world: ReleaseWorld, tag: string): PushedImage {
    const image = world.images[tag];
    if (image === undefined) throw new Error(`world '${world.key}' has no image '${tag}'`);
    return image;
  }

  const ALL: DeployMode[] = ['image', 'ecs', 'lambda', 'parameter'];

  function deploy(
    lane: Testbed,
    world: ReleaseWorld,
    modes: DeployMode[],
    options: { env: Record<string, string>; inputs?: Record<string, string> },
  ): Promise<ActionRun> {
    return runAction({
      inputs: releaseInputs(world, modes, { waitTimeout: '60s', extra: options.inputs }),
      env: { ...lane.awsEnv, ...options.env },
    });
  }

  async function snapshot(lane: Testbed, world: ReleaseWorld): Promise<Snapshot> {
    const endpoint = lane.moto.url;
    return {
      revisions: await listRevisions(endpoint, world.service.family),
      serviceTaskDefinition: (await describeService(endpoint, world.cluster, world.service.serviceName)).taskDefinition,
      functionImageUri: (await getFunctionImage(endpoint, world.fn.name)).imageUri,
      functionVersions: await listFunctionVersions(endpoint, world.fn.name),
      functionAliases: await listFunctionAliases(endpoint, world.fn.name),
      parameter: await getParameter(endpoint, world.parameterName),
    };
  }

  /** `service:operation` of every call from `from` on that changes something: [] when nothing was changed. */
  function mutatingCalls(lane: Testbed, from: number): string[] {
    return writesAmong(lane.proxy.calls, from);
  }

  it('deploys a release tag to the service, the function and the parameter, writing the parameter last', () =>
    testbed.lane(async (lane) => {
      const { proxy, moto } = lane;
      const world = await seedReleaseWorld(lane, 'release', {
        tags: ['v1.2.2', 'v1.2.3'],
        running: { tag: 'v1.2.2', pinned: false },
        parameterHistory: ['v1.2.2'],
        rollout: completesAfter(2000),
      });
      const target = imageOf(world, 'v1.2.3');
      const from = proxy.calls.length;

      // The mode list as a workflow often writes it: one per line, 'image' spelled out.
      const run = await deploy(lane, world, ALL, {
        env: releaseEnv('v1.2.3'),
        inputs: { mode: 'image\necs\nlambda\nparameter' },
      });

      expect(run.exitCode, transcript(run)).toBe(0);
      const revisions = await listRevisions(moto.url, world.service.family);
      expect(revisions).toHaveLength(2);
      const newRevision = revisions[1] ?? '';
      expect(run.outputs).toMatchObject({
        image: target.pinned,
        'image-tag': 'v1.2.3',
        'image-digest': target.digest,
        changed: 'true',
        'task-definition-arn': newRevision,
        'previous-task-definition-arn': world.service.taskDefinitionArn,
        'deployment-id': proxy.deploymentIds(world.service.serviceName)[0],
        'lambda-function-arn': world.fn.arn,
        'parameter-version': String(world.parameter.version + 1),
      });

      // What AWS holds now: the pinned image everywhere, the tag in the parameter.
      const { taskDefinition } = await describeTaskDefinitionWithTags(moto.url, newRevision);
      expect(taskDefinition.containerDefinitions?.map((c) => [c.name, c.image])).toEqual([
        ['app', target.pinned],
        ['sidecar', SIDECAR_IMAGE],
      ]);
      expect((await describeService(moto.url, world.cluster, world.service.serviceName)).taskDefinition).toBe(
        newRevision,
      );
      expect((await getFunctionImage(moto.url, world.fn.name)).imageUri).toBe(target.pinned);
      expect(await getParameter(moto.url, world.parameterName)).toEqual({
        value: 'v1.2.3',
        version: world.parameter.version + 1,
      });

      // The order: the parameter is written once, after the rollout completed and after the
      // function was updated (and no longer looked at).
      const calls = proxy.calls.slice(from);
      expect(proxy.callsTo('RegisterTaskDefinition', from)).toBe(1);
      expect(proxy.callsTo('UpdateService', from)).toBe(1);
      expect(proxy.callsTo('UpdateFunctionCode', from)).toBe(1);
      expect(proxy.callsTo('PutParameter', from)).toBe(1);
      const isFunction = (c: RecordedCall): boolean => c.service === 'lambda' && c.resource === world.fn.name;
      const put = calls.findIndex((c) => c.operation === 'PutParameter');
      const updateCode = calls.findIndex((c) => c.operation === 'UpdateFunctionCode' && isFunction(c));
      const lastFunctionCall = calls.findLastIndex(isFunction);
      const updateService = calls.find((c) => c.operation === 'UpdateService');
      const lastDescribe = calls.findLastIndex((c) => c.operation === 'DescribeServices');
      expect(calls[put]?.body).toMatchObject({ Name: world.parameterName, Value: 'v1.2.3', Overwrite: true });
      expect(calls[updateCode]?.body).toMatchObject({ ImageUri: target.pinned });
      expect(updateCode).toBeGreaterThanOrEqual(0);
      expect(put).toBeGreaterThan(updateCode);
      expect(put).toBeGreaterThan(lastFunctionCall);
      expect(put).toBeGreaterThan(lastDescribe);
      // completesAfter(2000) counts from the UpdateService the proxy saw.
      expect(calls[put]?.at ?? 0).toBeGreaterThanOrEqual((updateService?.at ?? Infinity) + 2000);

      for (const name of [world.service.serviceName, world.fn.name, world.parameterName])
        expect(run.summary).toContain(name);
    }));

  it('changes nothing when re-run with the same inputs', () =>
    testbed.lane(async (lane) => {
      const { proxy } = lane;
      const world = await seedReleaseWorld(lane, 'rerun', {
        tags: ['v1.2.2', 'v1.2.3'],
        running: { tag: 'v1.2.2', pinned: false },
        parameterHistory: ['v1.2.2'],
        rollout: completesAfter(2000),
      });
      const target = imageOf(world, 'v1.2.3');
      const first = await deploy(lane, world, ALL, { env: releaseEnv('v1.2.3') });
      expect(first.exitCode, transcript(first)).toBe(0);
      const deployed = await snapshot(lane, world);
      expect(deployed.parameter).toEqual({ value: 'v1.2.3', version: world.parameter.version + 1 });
      const from = proxy.calls.length;

      const second = await deploy(lane, world, ALL, { env: releaseEnv('v1.2.3') });

      expect(second.exitCode, transcript(second)).toBe(0);
      expect(second.outputs).toMatchObject({
        changed: 'false',
        image: target.pinned,
        'image-tag': 'v1.2.3',
        'image-digest': target.digest,
        'task-definition-arn': deployed.revisions.at(-1),
        'lambda-function-arn': world.fn.arn,
        'parameter-version': String(deployed.parameter?.version),
      });
      expect(mutatingCalls(lane, from)).toEqual([]);
      expect(await snapshot(lane, world)).toEqual(deployed);
    }));

  it('stops before the parameter when the ECS rollout fails (circuit breaker rollback)', () =>
    testbed.lane(async (lane) => {
      const { proxy } = lane;
      const world = await seedReleaseWorld(lane, 'breaker', {
        tags: ['v1.2.3', 'v1.2.4'],
        running: { tag: 'v1.2.3', pinned: true },
        parameterHistory: ['v1.2.2', 'v1.2.3'],
        // FAILED for 4.5 s before the rollback completes: room for a 1 s poll on a busy machine.
        rollout: circuitBreakerRollback({ failAfterMs: 1500, rolledBackAfterMs: 6000 }),
      });
      const from = proxy.calls.length;

      const run = await deploy(lane, world, ALL, { env: releaseEnv('v1.2.4') });

      expect(run.exitCode, transcript(run)).toBe(1);
      expect(errorText(run)).toContain(CIRCUIT_BREAKER_REASON);
      expect(await getParameter(lane.moto.url, world.parameterName)).toEqual(world.parameter);
      expect(proxy.callsTo('PutParameter', from)).toBe(0);
      // Only the parameter is skipped: lambda runs alongside ecs, not after it.
      expect(run.summary).toContain('Not run because of the failure: parameter');
      expect(proxy.callsTo('UpdateFunctionCode', from)).toBe(1);
    }));

  it("stops before the parameter when the Lambda update fails, with Lambda's reason and code", () =>
    testbed.lane(async (lane) => {
      const { proxy } = lane;
      const world = await seedReleaseWorld(lane, 'lambda-fails', {
        tags: ['v1.2.3', 'v1.2.4'],
        running: { tag: 'v1.2.3', pinned: true },
        parameterHistory: ['v1.2.2', 'v1.2.3'],
        rollout: completesAfter(2000),
      });
      const reason = 'ImageLayerFailure: Lambda could not read a layer of the image from ECR.';
      lambdaUpdateFails(proxy, world.fn.name, { reason, reasonCode: 'InvalidImage' });
      const from = proxy.calls.length;

      const run = await deploy(lane, world, ['lambda', 'parameter'], { env: releaseEnv('v1.2.4') });

      expect(run.exitCode, transcript(run)).toBe(1);
      const error = errorText(run);
      expect(error).toContain(world.fn.name);
      expect(error).toContain(reason);
      expect(error).toContain('InvalidImage');
      expect(proxy.callsTo('UpdateFunctionCode', from)).toBe(1);
      expect(proxy.callsTo('PutParameter', from)).toBe(0);
      expect(await getParameter(lane.moto.url, world.parameterName)).toEqual(world.parameter);
      expect(run.summary).toContain('Not run because of the failure: parameter');
    }));

  it('waits out another update in progress (ResourceConflictException) and then deploys, without failing', () =>
    testbed.lane(async (lane) => {
      const { proxy } = lane;
      const world = await seedReleaseWorld(lane, 'conflict', {
        tags: ['v1.2.3', 'v1.2.4'],
        running: { tag: 'v1.2.3', pinned: true },
        parameterHistory: ['v1.2.3'],
        rollout: completesAfter(2000),
      });
      lambdaConflict(proxy, world.fn.name, { times: 2 });
      const target = imageOf(world, 'v1.2.4');
      const from = proxy.calls.length;

      const run = await deploy(lane, world, ['lambda', 'parameter'], { env: releaseEnv('v1.2.4') });

      expect(run.exitCode, transcript(run)).toBe(0);
      // Two refused by the overlay, the third reached moto.
      expect(proxy.callsTo('UpdateFunctionCode', from)).toBe(3);
      expect(run.stdout).toContain('another update is in progress');
      expect((await getFunctionImage(lane.moto.url, world.fn.name)).imageUri).toBe(target.pinned);
      expect(await getParameter(lane.moto.url, world.parameterName)).toEqual({
        value: 'v1.2.4',
        version: world.parameter.version + 1,
      });
    }));

  it('dry run: shows the plan, sends no change, leaves every resource as it was', () =>
    testbed.lane(async (lane) => {
      const { proxy } = lane;
      const world = await seedReleaseWorld(lane, 'dry-run', {
        tags: ['v1.2.3', 'v1.2.4'],
        running: { tag: 'v1.2.3', pinned: true },
        parameterHistory: ['v1.2.2', 'v1.2.3'],
        rollout: completesAfter(2000),
      });
      const current = imageOf(world, 'v1.2.3');
      const target = imageOf(world, 'v1.2.4');
      const before = await snapshot(lane, world);
      const from = proxy.calls.length;

      // publish and an alias too, so that "no PublishVersion, no CreateAlias" means something.
      const run = await deploy(lane, world, ALL, {
        env: releaseEnv('v1.2.4'),
        inputs: { 'dry-run': 'true', publish: 'true', 'lambda-alias': 'live' },
      });

      expect(run.exitCode, transcript(run)).toBe(0);
      expect(mutatingCalls(lane, from)).toEqual([]);
      expect(await snapshot(lane, world)).toEqual(before);
      expect(before.functionAliases).toEqual({}); // the alias would be created: it does not exist
      expect(run.outputs).toMatchObject({ image: target.pinned, 'image-tag': 'v1.2.4', 'image-digest': target.digest });
      const shown = `${run.stdout}\n${run.summary}`;
      expect(shown).toContain(current.pinned);
      expect(shown).toContain(target.pinned);
      expect(shown).toMatch(/['`"]?v1\.2\.3['`"]?\s*(?:->|→)\s*['`"]?v1\.2\.4/);
    }));

  it('refuses a tag that is not in ECR, naming the repository and its recent tags, before any change', () =>
    testbed.lane(async (lane) => {
      const { proxy } = lane;
      const world = await seedReleaseWorld(lane, 'missing-tag', {
        tags: ['v1.2.2', 'v1.2.3'],
        running: { tag: 'v1.2.3', pinned: true },
        parameterHistory: ['v1.2.3'],
        rollout: completesAfter(2000),
      });
      const before = await snapshot(lane, world);
      const from = proxy.calls.length;

      const run = await deploy(lane, world, ALL, {
        env: { GITHUB_REF: 'refs/heads/main', GITHUB_REF_NAME: 'main', GITHUB_REF_TYPE: 'branch', GITHUB_SHA: SHA },
        inputs: { tag: 'v1.3.0' },
      });

      expect(run.exitCode, transcript(run)).toBe(1);
      const error = errorText(run);
      for (const part of ['v1.3.0', world.repo.name, 'v1.2.3', 'v1.2.2']) expect(error).toContain(part);
      expect(mutatingCalls(lane, from)).toEqual([]);
      expect(await snapshot(lane, world)).toEqual(before);
    }));
});
