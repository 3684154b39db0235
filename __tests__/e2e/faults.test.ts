import { ListClustersCommand } from '@aws-sdk/client-ecs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  MOTO_REAL_ECR_ENV,
  createImageFunction,
  createRepository,
  getFunctionImage,
  getParameter,
  pushImage,
  putParameterHistory,
} from '../support/aws-fixtures.ts';
import type { ParameterState, PushedImage, Repository, SeededFunction } from '../support/aws-fixtures.ts';
import { describeService, ecsClient, listRevisions, richTaskDefinition, seedService, startEcsTestbed } from '../support/ecs-fixtures.ts';
import type { EcsTestbed, SeededService } from '../support/ecs-fixtures.ts';
import {
  CONCURRENT_REGISTRATION_MESSAGE,
  TOO_MANY_UPDATES_MESSAGE,
  ecsConcurrentRegistrations,
  faultBursts,
  keyOf,
  ssmTooManyUpdates,
} from '../support/fault-scenarios.ts';
import type { FaultBurstOptions, FaultCounts } from '../support/fault-scenarios.ts';
import { lambdaConflict } from '../support/lambda-scenarios.ts';
import { MUTATING_OPERATIONS } from '../support/mutating.ts';
import { errorText, runAction, transcript } from '../support/run-action.ts';
import type { ActionRun } from '../support/run-action.ts';
import { completesAfter, resetConnection } from '../support/scenario-proxy.ts';
import type { RecordedCall, RolloutScript } from '../support/scenario-proxy.ts';

// Issue 5, fault tolerance: AWS throttles, fails with 5xx, drops connections, answers
// slowly, and refuses writes that collide with others. Through the scenario proxy, the
// bundled action must survive each within bounded retries and apply every change exactly
// once (counted in moto's state, not only in calls), and a run killed mid-deploy must
// converge when run again. Each scenario seeds its own world.

const SDK_MAX_ATTEMPTS = 6; // src/aws/clients.ts
const RELEASE = 'v1.2.4';
const RELEASE_ENV = { GITHUB_REF: `refs/tags/${RELEASE}`, GITHUB_REF_NAME: RELEASE, GITHUB_REF_TYPE: 'tag', GITHUB_SHA: '4f1c2a9e8b7d6c5f4e3d2c1b0a9f8e7d6c5b4a39' };

/** Calls whose count depends on how long the rollout takes, not on what the action decides. */
const POLLS = new Set(['ecs:DescribeServices']);

type Mode = 'image' | 'ecs' | 'lambda' | 'parameter';
const ALL: Mode[] = ['image', 'ecs', 'lambda', 'parameter'];

interface World {
  key: string;
  repo: Repository;
  target: PushedImage;
  cluster: string;
  service: SeededService;
  fn: SeededFunction;
  parameterName: string;
  parameter: ParameterState;
}

/** What the deploy did to AWS, read from moto after the run. */
interface Effects {
  newRevisions: number;
  serviceTaskDefinition: string | undefined;
  deployments: number;
  functionImage: string | undefined;
  parameter: ParameterState | undefined;
}

describe('fault tolerance of a full image + ecs + lambda + parameter deploy', () => {
  let testbed: EcsTestbed;

  beforeAll(async () => {
    testbed = await startEcsTestbed({ motoEnv: { ...MOTO_REAL_ECR_ENV } });
  });

  afterAll(async () => {
    await testbed?.stop();
  });

  /** v1.2.3 running everywhere (pinned), v1.2.4 pushed, the parameter at 'v1.2.3'. */
  async function seedWorld(key: string, rollout: RolloutScript = completesAfter(2000)): Promise<World> {
    const endpoint = testbed.moto.url;
    const repo = await createRepository(endpoint, `app-${key}`);
    const running = await pushImage(endpoint, repo, 'v1.2.3');
    const target = await pushImage(endpoint, repo, RELEASE);
    const rich = richTaskDefinition(`td-${key}`);
    const taskDefinition = { ...rich, containerDefinitions: rich.containerDefinitions?.map((c) => (c.name === 'app' ? { ...c, image: running.pinned } : c)) };
    const cluster = `c-${key}`;
    const service = await seedService({ endpoint, cluster, service: `s-${key}`, taskDefinition, desiredCount: 2 });
    testbed.proxy.scriptRollout(service.serviceName, rollout);
    const fn = await createImageFunction(endpoint, { name: `fn-${key}`, imageUri: running.pinned });
    const parameterName = `/app/${key}/image-tag`;
    const version = await putParameterHistory(endpoint, parameterName, ['v1.2.3']);
    return { key, repo, target, cluster, service, fn, parameterName, parameter: { value: 'v1.2.3', version } };
  }

  function inputsFor(world: World, modes: Mode[], extra: Record<string, string> = {}): Record<string, string> {
    const inputs: Record<string, string> = { mode: modes.join(', '), image: world.repo.uri, 'poll-interval': '1s', 'wait-timeout': '90s' };
    if (modes.includes('ecs')) Object.assign(inputs, { cluster: world.cluster, service: world.service.serviceName, 'container-name': 'app' });
    if (modes.includes('lambda')) inputs['function-name'] = world.fn.name;
    if (modes.includes('parameter')) inputs['parameter-name'] = world.parameterName;
    return { ...inputs, ...extra };
  }

  function deploy(world: World, options: { modes?: Mode[]; inputs?: Record<string, string>; signal?: AbortSignal } = {}): Promise<ActionRun> {
    return runAction({
      inputs: inputsFor(world, options.modes ?? ALL, options.inputs),
      env: { ...testbed.awsEnv, ...RELEASE_ENV },
      timeoutMs: 110_000,
      ...(options.signal === undefined ? {} : { signal: options.signal }),
    });
  }

  async function effects(world: World): Promise<Effects> {
    const endpoint = testbed.moto.url;
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
    const revisions = await listRevisions(testbed.moto.url, world.service.family);
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
  let baseline: Record<string, number> | undefined;
  async function cleanDeployCalls(): Promise<Record<string, number>> {
    if (baseline !== undefined) return baseline;
    const world = await seedWorld('baseline');
    const from = testbed.proxy.calls.length;
    const run = await deploy(world);
    expect(run.exitCode, transcript(run)).toBe(0);
    await expectDeployedOnce(world);
    baseline = withoutPolls(reachedCounts(from));
    return baseline;
  }

  describe('bursts on every call the action makes', () => {
    it('a clean deploy, for comparison, makes each change once', async () => {
      const calls = await cleanDeployCalls();

      expect(calls).toMatchObject({
        'ecs:RegisterTaskDefinition': 1,
        'ecs:UpdateService': 1,
        'lambda:UpdateFunctionCode': 1,
        'ssm:PutParameter': 1,
      });
    });

    it.each<{ name: string; fault: FaultBurstOptions }>([
      { name: 'ThrottlingException (429 TooManyRequestsException from Lambda)', fault: { kind: 'throttle', burst: 2 } },
      { name: 'HTTP 500', fault: { kind: 'http500', burst: 2 } },
      { name: 'HTTP 503', fault: { kind: 'http503', burst: 3 } },
      { name: 'connections reset before the request reaches AWS', fault: { kind: 'reset', burst: 2 } },
      { name: 'slow answers (1.5 s every other call)', fault: { kind: 'slow', burst: 1, pass: 1, delayMs: 1500 } },
    ])('$name: succeeds, changes everything exactly once, retries each call at most its burst', async ({ fault }) => {
      const expected = await cleanDeployCalls();
      const { proxy } = testbed;
      const world = await seedWorld(`burst-${fault.kind}`);
      const from = proxy.calls.length;
      const counts = faultBursts(proxy, fault);

      let run: ActionRun;
      try {
        run = await deploy(world);
      } finally {
        counts.stop();
      }

      expect(run.exitCode, transcript(run)).toBe(0);
      await expectDeployedOnce(world);
      // The same writes reached AWS as in a clean deploy: no write went through twice. Reads
      // may repeat: before retrying a write the action looks at what AWS holds.
      const reached = withoutPolls(reachedCounts(from));
      expect(writesOf(reached)).toEqual(writesOf(expected));
      for (const [key, count] of Object.entries(expected)) expect(reached[key] ?? 0, key).toBeGreaterThanOrEqual(count);
      // The fault hit every operation the action called...
      const called = new Set(callsFrom(from).map(keyOf));
      expect([...called].filter((key) => !counts.faulted.has(key))).toEqual([]);
      // ...and every call got through after exactly its burst: the SDK's retries (at most
      // SDK_MAX_ATTEMPTS attempts) absorbed it, or, for the two writes that are not
      // idempotent and get one SDK attempt, the action's own retry after a fresh look.
      if (fault.kind !== 'slow') {
        for (const key of called) expect(attemptsOf(counts, key), key).toBe((counts.passed.get(key) ?? 0) * (fault.burst + 1));
        expect(fault.burst + 1).toBeLessThanOrEqual(SDK_MAX_ATTEMPTS);
      }
      const ownRetries = run.stdout.split('\n').filter((line) => /; attempt \d+ in /.test(line));
      expect(ownRetries.filter((line) => !/RegisterTaskDefinition for family|Writing parameter/.test(line))).toEqual([]);
    });

    it('fails after exactly the SDK’s six attempts when a burst outlasts them, and names the call', async () => {
      const { proxy } = testbed;
      const world = await seedWorld('burst-too-long');
      const from = proxy.calls.length;
      const counts = faultBursts(proxy, { kind: 'http503', burst: SDK_MAX_ATTEMPTS + 1, service: 'ssm', operation: 'GetParameter' });

      let run: ActionRun;
      try {
        run = await deploy(world, { modes: ['image', 'parameter'] });
      } finally {
        counts.stop();
      }

      expect(run.exitCode, transcript(run)).toBe(1);
      expect(errorText(run)).toContain(`'${world.parameterName}'`);
      expect(errorText(run)).toMatch(/GetParameter/);
      expect(proxy.callsTo('GetParameter', from)).toBe(SDK_MAX_ATTEMPTS);
      expect(writesOf(reachedCounts(from))).toEqual({});
      expect(await getParameter(testbed.moto.url, world.parameterName)).toEqual(world.parameter);
    });

    it('retries a write that gets one SDK attempt until wait-timeout, then fails naming it, having written nothing', async () => {
      const { proxy } = testbed;
      const world = await seedWorld('write-burst-too-long');
      const from = proxy.calls.length;
      const counts = faultBursts(proxy, { kind: 'http503', burst: 1000, service: 'ssm', operation: 'PutParameter' });

      let run: ActionRun;
      try {
        run = await deploy(world, { modes: ['image', 'parameter'], inputs: { 'wait-timeout': '4s' } });
      } finally {
        counts.stop();
      }

      expect(run.exitCode, transcript(run)).toBe(1);
      expect(errorText(run)).toContain(`Writing parameter '${world.parameterName}' still failed after`);
      expect(errorText(run)).toContain('HTTP 503');
      expect(proxy.callsTo('PutParameter', from)).toBeGreaterThan(1);
      expect(reachedCounts(from)['ssm:PutParameter']).toBeUndefined();
      expect(await getParameter(testbed.moto.url, world.parameterName)).toEqual(world.parameter);
    });
  });

  describe('errors the SDK does not retry', () => {
    it('retries Lambda ResourceConflictException, SSM TooManyUpdates and ECS concurrent registrations with backoff, without failing', async () => {
      const { proxy } = testbed;
      const world = await seedWorld('busy');
      lambdaConflict(proxy, world.fn.name, { times: 2 });
      const tooManyUpdates = ssmTooManyUpdates(proxy, { times: 2, name: world.parameterName });
      const concurrent = ecsConcurrentRegistrations(proxy, { times: 2, family: world.service.family });
      const from = proxy.calls.length;

      const run = await deploy(world);

      expect(run.exitCode, transcript(run)).toBe(0);
      await expectDeployedOnce(world);
      expect(concurrent.faulted.get('ecs:RegisterTaskDefinition')).toBe(2);
      expect(tooManyUpdates.faulted.get('ssm:PutParameter')).toBe(2);
      // Two refused by the conflict overlay (they never reach moto), the third applied.
      expect(proxy.callsTo('UpdateFunctionCode', from)).toBe(3);
      // Each was waited out by the action's own backoff, and said so in the log.
      for (const reason of ['another revision of the family is being registered', 'another write to it is in progress', 'another update is in progress']) {
        expect(run.stdout).toContain(reason);
      }
      const reached = reachedCounts(from);
      expect([reached['ecs:RegisterTaskDefinition'], reached['ssm:PutParameter']]).toEqual([1, 1]);
    });

    it('fails with a clear message when ECS stays busy longer than wait-timeout, having changed nothing', async () => {
      const { proxy } = testbed;
      const world = await seedWorld('busy-forever');
      const concurrent = ecsConcurrentRegistrations(proxy, { times: Number.POSITIVE_INFINITY, family: world.service.family });
      const from = proxy.calls.length;

      let run: ActionRun;
      try {
        run = await deploy(world, { modes: ['image', 'ecs', 'parameter'], inputs: { 'wait-timeout': '4s' } });
      } finally {
        concurrent.stop();
      }

      expect(run.exitCode, transcript(run)).toBe(1);
      const error = errorText(run);
      const attempts = concurrent.faulted.get('ecs:RegisterTaskDefinition') ?? 0;
      expect(attempts).toBeGreaterThan(1);
      expect(error).toContain(`RegisterTaskDefinition for family '${world.service.family}' still failed after ${attempts} attempts`);
      expect(error).toContain(CONCURRENT_REGISTRATION_MESSAGE);
      expect(proxy.callsTo('UpdateService', from)).toBe(0);
      expect(await effects(world)).toMatchObject({ newRevisions: 0, deployments: 0, parameter: world.parameter });
    });

    it('fails with a clear message when SSM stays busy longer than wait-timeout', async () => {
      const { proxy } = testbed;
      const world = await seedWorld('ssm-busy-forever');
      const busy = ssmTooManyUpdates(proxy, { times: Number.POSITIVE_INFINITY, name: world.parameterName });

      let run: ActionRun;
      try {
        run = await deploy(world, { modes: ['image', 'parameter'], inputs: { 'wait-timeout': '4s' } });
      } finally {
        busy.stop();
      }

      expect(run.exitCode, transcript(run)).toBe(1);
      const error = errorText(run);
      expect(error).toContain(`Writing parameter '${world.parameterName}' still failed after`);
      expect(error).toContain(TOO_MANY_UPDATES_MESSAGE);
      expect(await getParameter(testbed.moto.url, world.parameterName)).toEqual(world.parameter);
    });
  });

  describe('a run killed mid-deploy, run again with the same inputs', () => {
    it('follows the deployment the killed run started, and succeeds when it completes', async () => {
      const { proxy } = testbed;
      const world = await seedWorld('killed-waiting', completesAfter(8000));
      const from = proxy.calls.length;
      const controller = new AbortController();

      const first = deploy(world, { signal: controller.signal }).then(
        () => 'finished',
        () => 'killed',
      );
      // Kill once UpdateService went through and a poll has seen the rollout in progress.
      await until(() => {
        const update = callsFrom(from).findIndex((c) => c.operation === 'UpdateService');
        return update >= 0 && callsFrom(from).slice(update).some((c) => c.operation === 'DescribeServices');
      });
      controller.abort();
      expect(await first).toBe('killed');
      const [deploymentId] = proxy.deploymentIds(world.service.serviceName);
      expect(proxy.callsTo('PutParameter', from)).toBe(0);
      const again = proxy.calls.length;

      const second = await deploy(world);

      expect(second.exitCode, transcript(second)).toBe(0);
      expect(second.outputs['deployment-id']).toBe(deploymentId);
      expect(proxy.callsTo('RegisterTaskDefinition', again)).toBe(0);
      expect(proxy.callsTo('UpdateService', again)).toBe(0);
      expect(second.stdout).toContain(`deployment ${deploymentId ?? '?'}`);
      expect(second.stdout).toContain('picking it up and following it');
      // It waited for the scripted rollout: the parameter came after it completed.
      const update = callsFrom(from).find((c) => c.operation === 'UpdateService');
      const put = callsFrom(again).find((c) => c.operation === 'PutParameter');
      expect(put?.at ?? 0).toBeGreaterThanOrEqual((update?.at ?? Infinity) + 8000);
      await expectDeployedOnce(world);
    });

    it('deploys the revision the killed run registered instead of registering a second one', async () => {
      const { proxy } = testbed;
      const world = await seedWorld('killed-registered');
      // Hold the first UpdateService (it never reaches moto) until the run is killed.
      let held = false;
      let release: () => void = () => undefined;
      const released = new Promise<void>((resolve) => (release = resolve));
      proxy.overlay('ecs', 'UpdateService', async (req, next) => {
        const body = req.call.body as { service?: unknown } | undefined;
        if (held || body?.service !== world.service.serviceName) return next();
        held = true;
        await released;
        return resetConnection();
      });
      const controller = new AbortController();

      const first = deploy(world, { modes: ['image', 'ecs', 'parameter'], signal: controller.signal }).then(
        () => 'finished',
        () => 'killed',
      );
      await until(() => held);
      controller.abort();
      expect(await first).toBe('killed');
      release();
      expect((await effects(world)).newRevisions).toBe(1);
      expect(proxy.deploymentIds(world.service.serviceName)).toEqual([]);
      const again = proxy.calls.length;

      const second = await deploy(world, { modes: ['image', 'ecs', 'parameter'] });

      expect(second.exitCode, transcript(second)).toBe(0);
      expect(proxy.callsTo('RegisterTaskDefinition', again)).toBe(0);
      expect(proxy.callsTo('UpdateService', again)).toBe(1);
      const revisions = await listRevisions(testbed.moto.url, world.service.family);
      expect(second.stdout).toContain(`Reusing ${revisions.at(-1) ?? '?'}`);
      expect(second.outputs['task-definition-arn']).toBe(revisions.at(-1));
      expect(await effects(world)).toMatchObject({ newRevisions: 1, serviceTaskDefinition: revisions.at(-1), deployments: 1 });
    });
  });

  describe('answers lost after AWS applied the request', () => {
    it('applies each write once: the action looks at what AWS holds before trying a write again', async () => {
      const { proxy } = testbed;
      const world = await seedWorld('lost-answers');
      const lost = ['RegisterTaskDefinition', 'UpdateService', 'PutParameter'].map((operation) =>
        faultBursts(proxy, { kind: 'reset', when: 'after', burst: 1, pass: Number.MAX_SAFE_INTEGER, operation }),
      );
      const from = proxy.calls.length;

      let run: ActionRun;
      try {
        run = await deploy(world, { modes: ['image', 'ecs', 'parameter'] });
      } finally {
        for (const counts of lost) counts.stop();
      }

      expect(run.exitCode, transcript(run)).toBe(0);
      const reached = reachedCounts(from);
      // The non-idempotent writes reached AWS once; UpdateService (idempotent) is left to the SDK's retry.
      expect([reached['ecs:RegisterTaskDefinition'], reached['ssm:PutParameter']]).toEqual([1, 1]);
      const after = await effects(world);
      expect(after.deployments).toBe(1);
      const revisions = await listRevisions(testbed.moto.url, world.service.family);
      expect(after.newRevisions).toBe(1);
      expect(after.serviceTaskDefinition).toBe(revisions.at(-1));
      expect(run.stdout).toContain(`Reusing ${revisions.at(-1) ?? '?'}`);
      expect(after.parameter).toEqual({ value: RELEASE, version: world.parameter.version + 1 });
      expect(run.outputs).toMatchObject({ changed: 'true', 'parameter-version': String(world.parameter.version + 1) });
    });
  });
});

describe('the fault instrument itself', () => {
  let testbed: EcsTestbed;

  beforeAll(async () => {
    testbed = await startEcsTestbed();
  });

  afterAll(async () => {
    await testbed?.stop();
  });

  it('runs wildcard overlays on every service and operation, the latest added first', async () => {
    const { proxy } = testbed;
    const order: string[] = [];
    proxy.overlay('*', '*', async (req, next) => {
      order.push(`any:${req.call.operation}`);
      return next();
    });
    proxy.overlay('ecs', '*', async (req, next) => {
      order.push(`ecs:${req.call.operation}`);
      return next();
    });
    const ecs = ecsClient(proxy.url);
    try {
      await ecs.send(new ListClustersCommand({}));
    } finally {
      ecs.destroy();
    }
    expect(order).toEqual(['ecs:ListClusters', 'any:ListClusters']);
  });

  it.each<{ kind: FaultBurstOptions['kind']; error: RegExp }>([
    { kind: 'throttle', error: /ThrottlingException|Rate exceeded/ },
    { kind: 'http503', error: /ServiceUnavailable|Service unavailable/ },
    { kind: 'reset', error: /socket hang up|ECONNRESET/ },
  ])('a $kind fault reaches a client as AWS would send it, and never reaches moto', async ({ kind, error }) => {
    const { proxy } = testbed;
    const counts = faultBursts(proxy, { kind, burst: 1, service: 'ecs', operation: 'ListClusters' });
    const from = proxy.calls.length;
    const ecs = ecsClient(proxy.url); // one attempt: the client sees the fault itself
    try {
      const thrown = await ecs.send(new ListClustersCommand({})).then(
        () => undefined,
        (e: unknown) => e,
      );
      expect(String(thrown instanceof Error ? `${thrown.name}: ${thrown.message}` : thrown)).toMatch(error);
      // The next attempt passes.
      await ecs.send(new ListClustersCommand({}));
    } finally {
      ecs.destroy();
      counts.stop();
    }
    expect(proxy.calls.slice(from).map((c) => c.fault)).toEqual([{ kind, reachedMoto: false }, undefined]);
    expect([counts.faulted.get('ecs:ListClusters'), counts.passed.get('ecs:ListClusters')]).toEqual([1, 1]);
  });
});

/** The counts of the calls that change something (`service:Operation` keys). */
function writesOf(counts: Record<string, number>): Record<string, number> {
  return Object.fromEntries(Object.entries(counts).filter(([key]) => MUTATING_OPERATIONS.has(key.split(':')[1] ?? '')));
}

function attemptsOf(counts: FaultCounts, key: string): number {
  return (counts.faulted.get(key) ?? 0) + (counts.passed.get(key) ?? 0);
}

/** Polls a condition every 50 ms, for at most 60 s. */
async function until(condition: () => boolean): Promise<void> {
  const deadline = Date.now() + 60_000;
  while (!condition()) {
    if (Date.now() > deadline) throw new Error('condition not met within 60 s');
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}
