// What the fault-tolerance e2e files (faults*.test.ts) share: a release world (v1.2.3
// running everywhere, v1.2.4 to deploy), the full deploy of it, and what that deploy did,
// read from moto and from the proxy's log. The files are split by scenario so they run
// side by side; each seeds its own worlds through its own testbed.

import { expect } from 'vitest';
import type { ParameterState, PushedImage } from './aws-fixtures.ts';
import { getFunctionImage, getParameter } from './aws-fixtures.ts';
import { describeService, listRevisions } from './ecs-fixtures.ts';
import type { FaultCounts } from './fault-scenarios.ts';
import { keyOf } from './fault-scenarios.ts';
import { MUTATING_OPERATIONS } from './mutating.ts';
import type { ActionRun } from './run-action.ts';
import { runAction, transcript } from './run-action.ts';
import type { RecordedCall, RolloutScript } from './scenario-proxy.ts';
import { completesAfter } from './scenario-proxy.ts';
import type { DeployMode, ReleaseWorld, Testbed } from './testbed.ts';
import { releaseInputs, seedReleaseWorld } from './testbed.ts';

export const SDK_MAX_ATTEMPTS = 6; // src/aws/clients.ts
export const RELEASE = 'v1.2.4';
const RELEASE_ENV = {
  GITHUB_REF: `refs/tags/${RELEASE}`,
  GITHUB_REF_NAME: RELEASE,
  GITHUB_REF_TYPE: 'tag',
  GITHUB_SHA: '4f1c2a9e8b7d6c5f4e3d2c1b0a9f8e7d6c5b4a39',
};

/** Calls whose count depends on how long the rollout takes, not on what the action decides. */
const POLLS = new Set(['ecs:DescribeServices']);

const ALL: DeployMode[] = ['image', 'ecs', 'lambda', 'parameter'];

export interface World extends ReleaseWorld {
  /** The release, pushed but running nowhere yet. */
  target: PushedImage;
  parameter: ParameterState;
}

/** What the deploy did to AWS, read from moto after the run. */
export interface Effects {
  newRevisions: number;
  serviceTaskDefinition: string | undefined;
  deployments: number;
  functionImage: string | undefined;
  parameter: ParameterState | undefined;
}

export function faultDeploys(testbed: Testbed) {
  /** v1.2.3 running everywhere (pinned), v1.2.4 pushed, the parameter at 'v1.2.3'. */
  async function seedWorld(key: string, rollout: RolloutScript = completesAfter(2000)): Promise<World> {
    const world = await seedReleaseWorld(testbed, key, {
      tags: ['v1.2.3', RELEASE],
      running: { tag: 'v1.2.3', pinned: true },
      parameterHistory: ['v1.2.3'],
      rollout,
    });
    const target = world.images[RELEASE];
    if (target === undefined) throw new Error(`world '${key}' has no image '${RELEASE}'`);
    return { ...world, target };
  }

  function deploy(
    world: World,
    options: { modes?: DeployMode[]; inputs?: Record<string, string>; signal?: AbortSignal } = {},
  ): Promise<ActionRun> {
    return runAction({
      inputs: releaseInputs(world, options.modes ?? ALL, { waitTimeout: '90s', extra: options.inputs }),
      env: { ...testbed.awsEnv, ...RELEASE_ENV },
      timeoutMs: 110_000,
      ...(options.signal === undefined ? {} : { signal: options.signal }),
    });
  }

  async function effects(world: World): Promise<Effects> {
    const { endpoint } = testbed;
    return {
      newRevisions: (await listRevisions(endpoint, world.service.family)).length - 1,
      serviceTaskDefinition: (await describeService(endpoint, world.cluster, world.service.serviceName)).taskDefinition,
      deployments: testbed.proxy.deploymentIds(world.service.serviceName).length,
      functionImage: (await getFunctionImage(endpoint, world.fn.name)).imageUri,
      parameter: await getParameter(endpoint, world.parameterName),
    };
  }

  /** Exactly one of everything: one revision, one deployment, the function on the release, one parameter version. */
  async function expectDeployedOnce(world: World): Promise<void> {
    const revisions = await listRevisions(testbed.endpoint, world.service.family);
    expect(await effects(world)).toEqual({
      newRevisions: 1,
      serviceTaskDefinition: revisions.at(-1),
      deployments: 1,
      functionImage: world.target.pinned,
      parameter: { value: RELEASE, version: world.parameter.version + 1 },
    });
  }

  const callsFrom = (from: number): RecordedCall[] => testbed.proxy.calls.slice(from);
  const reachedMoto = (call: RecordedCall): boolean => call.fault === undefined || call.fault.reachedMoto;

  /** Per `service:operation`: how many attempts moto answered (faulted ones never reached it). */
  function reachedCounts(from: number): Record<string, number> {
    const counts: Record<string, number> = {};
    for (const call of callsFrom(from).filter(reachedMoto)) counts[keyOf(call)] = (counts[keyOf(call)] ?? 0) + 1;
    return counts;
  }

  const withoutPolls = (counts: Record<string, number>): Record<string, number> =>
    Object.fromEntries(Object.entries(counts).filter(([key]) => !POLLS.has(key)));

  // What a deploy costs with no fault at all: the calls each fault scenario must repeat
  // exactly (rollout polls aside), however many attempts each one needed.
  // Run once however many tests ask, concurrently or not.
  let baseline: Promise<Record<string, number>> | undefined;
  function cleanDeployCalls(): Promise<Record<string, number>> {
    baseline ??= (async () => {
      const world = await seedWorld('baseline');
      const from = testbed.proxy.calls.length;
      const run = await deploy(world);
      expect(run.exitCode, transcript(run)).toBe(0);
      await expectDeployedOnce(world);
      return withoutPolls(reachedCounts(from));
    })();
    return baseline;
  }

  return { seedWorld, deploy, effects, expectDeployedOnce, callsFrom, reachedCounts, withoutPolls, cleanDeployCalls };
}

/** The counts of the calls that change something (`service:Operation` keys). */
export function writesOf(counts: Record<string, number>): Record<string, number> {
  return Object.fromEntries(Object.entries(counts).filter(([key]) => MUTATING_OPERATIONS.has(key.split(':')[1] ?? '')));
}

export function attemptsOf(counts: FaultCounts, key: string): number {
  return (counts.faulted.get(key) ?? 0) + (counts.passed.get(key) ?? 0);
}

/** Polls a condition every 50 ms, for at most 60 s. */
export async function until(condition: () => boolean): Promise<void> {
  const deadline = Date.now() + 60_000;
  while (!condition()) {
    if (Date.now() > deadline) throw new Error('condition not met within 60 s');
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}
