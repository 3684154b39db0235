import { describe, expect, it, vi } from 'vitest';
import { getParameter } from '../support/aws-fixtures.ts';
import { describeService, describeTaskDefinitionWithTags } from '../support/ecs-fixtures.ts';
import { jsonError } from '../support/fault-scenarios.ts';
import { runAction, transcript } from '../support/run-action.ts';
import { completesAfter } from '../support/scenario-proxy.ts';
import type { ReleaseWorld } from '../support/testbed.ts';
import { releaseInputs, seedReleaseWorld, useTestbed } from '../support/testbed.ts';

// "the parameter only ever names what runs". Run v1 deploys and its rollout
// completes, then every PutParameter it sends meets TooManyUpdates; meanwhile run v2
// deploys and writes v2. When v1 retries, the service runs v2's deployment: v1 must not
// write, must say who superseded it, and still exits 0 (its own deploy did succeed).

function releaseEnv(tag: string): Record<string, string> {
  return {
    GITHUB_REF: `refs/tags/${tag}`,
    GITHUB_REF_NAME: tag,
    GITHUB_REF_TYPE: 'tag',
    GITHUB_SHA: '1d2c3b4a5f6e7d8c9b0a1f2e3d4c5b6a7f8e9d0c',
    GITHUB_EVENT_NAME: 'push',
  };
}

describe('two runs racing to the parameter', () => {
  const testbed = useTestbed();

  it("leaves the parameter naming the image the service runs when the older run's write was held up", async () => {
    const world: ReleaseWorld = await seedReleaseWorld(testbed, 'race', {
      tags: ['v0', 'v1', 'v2'],
      running: { tag: 'v0', pinned: true },
      parameterHistory: ['v0'],
      rollout: completesAfter(1000),
    });
    const { proxy } = testbed;
    // v1's writes are held up with TooManyUpdates until v2 has finished; v2's pass.
    let v1Refused = 0;
    let v2Done = false;
    let v1Reached = 0;
    proxy.overlay('ssm', 'PutParameter', async (request, next) => {
      const body = request.call.body as { Name?: string; Value?: string };
      if (body.Name !== world.parameterName || body.Value !== 'v1') return next();
      if (!v2Done) {
        v1Refused++;
        return jsonError(400, 'TooManyUpdates', 'There are too many updates to this parameter.');
      }
      v1Reached++;
      return next();
    });
    const deploy = (tag: string) =>
      runAction({
        inputs: releaseInputs(world, ['image', 'ecs', 'parameter'], { waitTimeout: '90s' }),
        env: { ...testbed.awsEnv, ...releaseEnv(tag) },
      });

    const v1 = deploy('v1');
    await vi.waitFor(() => expect(v1Refused).toBeGreaterThan(0), { timeout: 60_000, interval: 100 });
    const v2 = await deploy('v2');
    v2Done = true;
    const first = await v1;

    expect(v2.exitCode, transcript(v2)).toBe(0);
    expect(v2.outputs['parameter-written']).toBe('true');
    expect(first.exitCode, transcript(first)).toBe(0);
    expect(first.outputs['parameter-written'], transcript(first)).toBe('false');
    expect(first.outputs).not.toHaveProperty('parameter-version');
    expect(first.stdout).toMatch(
      new RegExp(
        `^::warning::Parameter '${world.parameterName}' was not written: another deploy replaced this step's image meanwhile \\(service '${world.service.serviceName}' in cluster '${world.cluster}' now runs deployment ecs-svc/\\d+ of td-race:\\d+`,
        'm',
      ),
    );
    expect(first.summary).toContain('not written (another deploy replaced the image)');
    // v1 never wrote once v2 was there; the parameter says v2, the image the service runs.
    expect(v1Reached).toBe(0);
    expect(await getParameter(testbed.moto.url, world.parameterName)).toEqual({ value: 'v2', version: 2 });
    const running = await describeService(testbed.moto.url, world.cluster, world.service.serviceName);
    const definition = await describeTaskDefinitionWithTags(testbed.moto.url, running.taskDefinition ?? '');
    expect(JSON.stringify(definition)).toContain(world.images.v2?.digest ?? '(no v2 digest)');
  }, 150_000);
});
