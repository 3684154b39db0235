// The one e2e setup: moto behind a scenario proxy, registered as the suite's beforeAll /
// afterAll, plus the seeding every e2e file repeats. In the e2e project, moto is the
// server the global setup (moto-global-setup.ts) runs for this worker, reset here
// before the suite seeds anything; anywhere else (no global setup) the suite starts a
// moto of its own and stops it by pid afterwards. Either way the suite gets its own
// proxy, so its call log and overlays are its own.
//
// moto runs with MOTO_REAL_ECR_ENV (Lambda looks images up in moto's ECR), which only
// matters to suites that create Lambda functions, and those need it.

import type { RegisterTaskDefinitionCommandInput } from '@aws-sdk/client-ecs';
import { afterAll, afterEach, beforeAll, inject } from 'vitest';
import type { ParameterState, PushedImage, Repository, SeededFunction } from './aws-fixtures.ts';
import {
  createImageFunction,
  createRepository,
  MOTO_REAL_ECR_ENV,
  pushImage,
  putParameterHistory,
} from './aws-fixtures.ts';
import type { EcsTestbed, SeededService } from './ecs-fixtures.ts';
import { richTaskDefinition, seedService, startEcsTestbed, testbedOn } from './ecs-fixtures.ts';
import type { MotoServer } from './moto.ts';
import { resetMoto } from './moto.ts';
import type { SharedMoto } from './moto-global-setup.ts';
import type { RolloutScript, ScenarioProxy } from './scenario-proxy.ts';
import { describeViolations } from './scenario-proxy.ts';

export interface Testbed {
  readonly moto: MotoServer;
  readonly proxy: ScenarioProxy;
  /** What runAction needs to talk to the proxy (and so to moto). */
  readonly awsEnv: Record<string, string>;
  /** moto's own URL: seeding there leaves the proxy's call log alone. */
  readonly endpoint: string;
  /** seedService against moto; with `rollout`, the proxy plays that rollout for the service. */
  seedService(options: TestbedServiceOptions): Promise<SeededService>;
  /**
   * Runs `fn` with a scenario proxy of its own in front of the same moto, stopped when `fn`
   * settles: its call log and overlays are the lane's alone, so tests that each seed their
   * own resources can run concurrently (describe.concurrent) and still count their calls.
   */
  lane<T>(fn: (lane: Testbed) => Promise<T>): Promise<T>;
}

export interface TestbedServiceOptions {
  cluster: string;
  service: string;
  /** Defaults to `richTaskDefinition(family ?? <service>-td, image)`. */
  taskDefinition?: RegisterTaskDefinitionCommandInput;
  family?: string;
  /** The app container's image in the default task definition. */
  image?: string;
  desiredCount?: number;
  circuitBreaker?: { enable: boolean; rollback: boolean };
  deploymentController?: 'ECS' | 'CODE_DEPLOY' | 'EXTERNAL';
  rollout?: RolloutScript;
}

/** Registers beforeAll/afterAll for the surrounding suite; read the result's fields inside tests and hooks. */
export function useTestbed(): Testbed {
  let current: EcsTestbed | undefined;
  beforeAll(async () => {
    current = await acquireTestbed();
  });
  // A test whose emulated answers broke AWS's model fails, naming what broke it.
  afterEach(() => {
    const broken = current?.proxy.takeModelViolations() ?? [];
    if (broken.length > 0) throw new Error(describeViolations(broken));
  });
  afterAll(async () => {
    const testbed = current;
    current = undefined;
    await testbed?.stop();
  });
  return testbedOf(() => {
    if (current === undefined)
      throw new Error('the testbed is not up (its beforeAll failed, or this ran outside the suite)');
    return current;
  });
}

function testbedOf(up: () => EcsTestbed): Testbed {
  return {
    get moto() {
      return up().moto;
    },
    get proxy() {
      return up().proxy;
    },
    get awsEnv() {
      return up().awsEnv;
    },
    get endpoint() {
      return up().moto.url;
    },
    async seedService(options) {
      const { proxy, moto } = up();
      const family = options.family ?? `${options.service}-td`;
      const seeded = await seedService({
        endpoint: moto.url,
        cluster: options.cluster,
        service: options.service,
        taskDefinition: options.taskDefinition ?? richTaskDefinition(family, options.image),
        ...(options.desiredCount === undefined ? {} : { desiredCount: options.desiredCount }),
        ...(options.circuitBreaker === undefined ? {} : { circuitBreaker: options.circuitBreaker }),
        ...(options.deploymentController === undefined ? {} : { deploymentController: options.deploymentController }),
      });
      if (options.rollout !== undefined) proxy.scriptRollout(seeded.serviceName, options.rollout);
      return seeded;
    },
    async lane(fn) {
      const own = await testbedOn(up().moto, { ownsMoto: false });
      try {
        return await fn(testbedOf(() => own));
      } finally {
        await own.stop();
      }
    },
  };
}

async function acquireTestbed(): Promise<EcsTestbed> {
  const broker: string | undefined = inject('e2eMotoBroker');
  if (broker === undefined) return startEcsTestbed({ motoEnv: { ...MOTO_REAL_ECR_ENV } });
  const response = await fetch(`${broker}/moto/${process.env.VITEST_POOL_ID ?? '1'}`);
  if (!response.ok) throw new Error(`The e2e global setup could not start moto_server: ${await response.text()}`);
  const shared = (await response.json()) as SharedMoto;
  await resetMoto(shared.url);
  const moto: MotoServer = {
    ...shared,
    reset: () => resetMoto(shared.url),
    // The global setup started it, and stops it when the run ends.
    stop: async () => {},
  };
  return testbedOn(moto, { ownsMoto: false });
}

// ---------------------------------------------------------------------------------------
// A release world: what the full-pipeline e2e files (pipeline, faults) deploy into.

export interface ReleaseWorld {
  key: string;
  repo: Repository;
  /** By tag. */
  images: Record<string, PushedImage>;
  cluster: string;
  service: SeededService;
  fn: SeededFunction;
  parameterName: string;
  parameter: ParameterState;
}

export interface ReleaseWorldOptions {
  /** Pushed in this order to the repository `app-<key>`. */
  tags: string[];
  /** What the service `s-<key>` (in `c-<key>`) and the function `fn-<key>` run: by tag, or pinned to its digest. */
  running: { tag: string; pinned: boolean };
  /** The versions of `/app/<key>/image-tag`, oldest first. */
  parameterHistory: string[];
  rollout: RolloutScript;
}

/**
 * An ECR repository with `tags` pushed, an ECS service and a Lambda function both running
 * `running` (by tag, or pinned to its digest as an earlier deploy would leave them), and
 * the parameter holding `parameterHistory` as its versions.
 */
export async function seedReleaseWorld(
  testbed: Testbed,
  key: string,
  options: ReleaseWorldOptions,
): Promise<ReleaseWorld> {
  const { endpoint } = testbed;
  const repo = await createRepository(endpoint, `app-${key}`);
  const images: Record<string, PushedImage> = {};
  for (const tag of options.tags) images[tag] = await pushImage(endpoint, repo, tag);
  const current = images[options.running.tag];
  if (current === undefined)
    throw new Error(`seedReleaseWorld('${key}'): running tag '${options.running.tag}' is not among the pushed tags`);
  const runningRef = options.running.pinned ? current.pinned : current.tagged;

  const cluster = `c-${key}`;
  const service = await testbed.seedService({
    cluster,
    service: `s-${key}`,
    family: `td-${key}`,
    image: runningRef,
    desiredCount: 2,
    rollout: options.rollout,
  });
  const fn = await createImageFunction(endpoint, { name: `fn-${key}`, imageUri: runningRef });
  const parameterName = `/app/${key}/image-tag`;
  const version = await putParameterHistory(endpoint, parameterName, options.parameterHistory);
  const value = options.parameterHistory.at(-1) ?? '';
  return { key, repo, images, cluster, service, fn, parameterName, parameter: { value, version } };
}

export type DeployMode = 'image' | 'ecs' | 'lambda' | 'parameter';

/** The inputs a workflow would give for these modes on a release world (only the inputs those modes use). */
export function releaseInputs(
  world: ReleaseWorld,
  modes: readonly DeployMode[],
  options: { waitTimeout: string; extra?: Record<string, string> },
): Record<string, string> {
  const inputs: Record<string, string> = {
    mode: modes.join(', '),
    image: world.repo.uri,
    'poll-interval': '1s',
    'wait-timeout': options.waitTimeout,
  };
  if (modes.includes('ecs'))
    Object.assign(inputs, { cluster: world.cluster, service: world.service.serviceName, 'container-name': 'app' });
  if (modes.includes('lambda')) inputs['function-name'] = world.fn.name;
  if (modes.includes('parameter')) inputs['parameter-name'] = world.parameterName;
  return { ...inputs, ...options.extra };
}
