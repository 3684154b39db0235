import { describe, expect, it } from 'vitest';
import type { PushedImage, Repository } from '../support/aws-fixtures.ts';
import { createRepository, pushImage } from '../support/aws-fixtures.ts';
import { imageAppearsAfter, imageNeverAppears } from '../support/ecr-scenarios.ts';
import type { SeededService } from '../support/ecs-fixtures.ts';
import { describeService, describeTaskDefinitionWithTags, TEST_REGION } from '../support/ecs-fixtures.ts';
import { isMutating, writesAmong } from '../support/mutating.ts';
import type { ActionRun } from '../support/run-action.ts';
import { errorText, runAction, transcript } from '../support/run-action.ts';
import { completesAfter } from '../support/scenario-proxy.ts';
import type { Testbed } from '../support/testbed.ts';
import { useTestbed } from '../support/testbed.ts';

// Wait-for-image: the image is pushed in one region and replicated to the deploy
// region by ECR; the deploy waits until it is there. moto holds the image from the start
// and the proxy hides it (ecr-scenarios.ts) for a few seconds, or for ever.

interface World {
  repo: Repository;
  /** By tag. */
  images: Record<string, PushedImage>;
  cluster: string;
  service: SeededService;
}

describe.concurrent('wait-for-image waits for a replicated image before deploying', () => {
  const testbed = useTestbed();

  /** A repository with `tags` pushed and a service running the first of them, pinned. */
  async function seedWorld(lane: Testbed, key: string, tags: string[]): Promise<World> {
    const endpoint = lane.moto.url;
    const repo = await createRepository(endpoint, `wfi-${key}`);
    const images: Record<string, PushedImage> = {};
    for (const tag of tags) images[tag] = await pushImage(endpoint, repo, tag);
    const running = images[tags[0] ?? ''];
    if (running === undefined) throw new Error(`seedWorld('${key}') needs at least one tag`);
    const cluster = `wfi-${key}`;
    const service = await lane.seedService({
      cluster,
      service: `wfi-${key}-svc`,
      family: `wfi-${key}-td`,
      image: running.pinned,
      desiredCount: 1,
      rollout: completesAfter(1000),
    });
    return { repo, images, cluster, service };
  }

  function deploy(lane: Testbed, world: World, inputs: Record<string, string>): Promise<ActionRun> {
    return runAction({
      inputs: {
        mode: 'image, ecs',
        image: world.repo.uri,
        cluster: world.cluster,
        service: world.service.serviceName,
        'container-name': 'app',
        'poll-interval': '1s',
        'wait-timeout': '60s',
        ...inputs,
      },
      env: lane.awsEnv,
    });
  }

  it('an image that appears after 3 s: waits, then deploys it pinned', () =>
    testbed.lane(async (lane) => {
      const { proxy, moto } = lane;
      const world = await seedWorld(lane, 'appears', ['v1.9.0', 'v2.0.0']);
      const target = world.images['v2.0.0'];
      const image = imageAppearsAfter(proxy, { repository: world.repo.name, tag: 'v2.0.0', afterMs: 3000 });
      const from = proxy.calls.length;

      const run = await deploy(lane, world, { tag: 'v2.0.0', 'wait-for-image': '30s' });

      expect(run.exitCode, transcript(run)).toBe(0);
      expect(image.refused).toBeGreaterThanOrEqual(1);
      expect(image.passed).toBeGreaterThanOrEqual(1);
      expect(run.outputs).toMatchObject({
        image: target?.pinned,
        'image-tag': 'v2.0.0',
        'image-digest': target?.digest,
        changed: 'true',
      });
      // Nothing changed before the image was there.
      const firstChange = proxy.calls.slice(from).find(isMutating);
      expect(firstChange?.operation).toBe('RegisterTaskDefinition');
      expect(firstChange?.at ?? 0).toBeGreaterThanOrEqual((image.firstAskedAt ?? Infinity) + 3000);
      // The deploy happened: the service runs a new revision with the pinned image.
      const service = await describeService(moto.url, world.cluster, world.service.serviceName);
      expect(service.taskDefinition).not.toBe(world.service.taskDefinitionArn);
      const { taskDefinition } = await describeTaskDefinitionWithTags(moto.url, service.taskDefinition ?? '');
      expect(taskDefinition.containerDefinitions?.find((c) => c.name === 'app')?.image).toBe(target?.pinned);
      // And the log says it waited for this image.
      const waitLines = run.stdout.split('\n').filter((line) => /wait/i.test(line) && line.includes('v2.0.0'));
      expect(waitLines, run.stdout).not.toEqual([]);
    }));

  it('a digest that appears after 2 s: waits for the digest, then deploys it', () =>
    testbed.lane(async (lane) => {
      const { proxy, moto } = lane;
      const world = await seedWorld(lane, 'digest', ['v1.9.0', 'v2.1.0']);
      const target = world.images['v2.1.0'];
      const image = imageAppearsAfter(proxy, { repository: world.repo.name, digest: target?.digest, afterMs: 2000 });

      const run = await deploy(lane, world, { digest: target?.digest ?? '', 'wait-for-image': '30s' });

      expect(run.exitCode, transcript(run)).toBe(0);
      expect(image.refused).toBeGreaterThanOrEqual(1);
      expect(image.passed).toBeGreaterThanOrEqual(1);
      expect(run.outputs).toMatchObject({ image: target?.pinned, 'image-digest': target?.digest });
      const service = await describeService(moto.url, world.cluster, world.service.serviceName);
      const { taskDefinition } = await describeTaskDefinitionWithTags(moto.url, service.taskDefinition ?? '');
      expect(taskDefinition.containerDefinitions?.find((c) => c.name === 'app')?.image).toBe(target?.pinned);
    }));

  it('an image that never appears: exit 1 after wait-for-image, naming the repository, tag and region, with no change', () =>
    testbed.lane(async (lane) => {
      const { proxy } = lane;
      const world = await seedWorld(lane, 'never', ['v2.0.0', 'v3.0.0']);
      const image = imageNeverAppears(proxy, { repository: world.repo.name, tag: 'v3.0.0' });
      const from = proxy.calls.length;

      const run = await deploy(lane, world, { tag: 'v3.0.0', 'wait-for-image': '4s' });

      expect(run.exitCode, transcript(run)).toBe(1);
      const error = errorText(run);
      expect(error).toMatch(/timed out/i);
      for (const part of [world.repo.name, 'v3.0.0', TEST_REGION]) expect(error).toContain(part);
      expect(writesAmong(proxy.calls, from)).toEqual([]);
      // It kept looking until the time was up, rather than giving up at the first answer.
      expect(image.refused).toBeGreaterThanOrEqual(2);
      expect((image.lastAskedAt ?? 0) - (image.firstAskedAt ?? Infinity)).toBeGreaterThanOrEqual(2000);
    }));

  it('without wait-for-image, a missing image fails at once', () =>
    testbed.lane(async (lane) => {
      const { proxy } = lane;
      const world = await seedWorld(lane, 'at-once', ['v2.0.0', 'v3.1.0']);
      const image = imageNeverAppears(proxy, { repository: world.repo.name, tag: 'v3.1.0' });
      const from = proxy.calls.length;

      const run = await deploy(lane, world, { tag: 'v3.1.0' });

      expect(run.exitCode, transcript(run)).toBe(1);
      const error = errorText(run);
      expect(error).toContain('v3.1.0');
      expect(error).toContain(world.repo.name);
      expect(error).not.toMatch(/timed out/i);
      expect(image.refused).toBe(1);
      expect(writesAmong(proxy.calls, from)).toEqual([]);
    }));
});
