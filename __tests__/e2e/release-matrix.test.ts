import { describe, expect, it } from 'vitest';
import type { PushedImage, Repository, SeededFunction } from '../support/aws-fixtures.ts';
import {
  createImageFunction,
  createRepository,
  getFunctionImage,
  getParameter,
  pushImage,
  putParameterHistory,
} from '../support/aws-fixtures.ts';
import type { SeededService } from '../support/ecs-fixtures.ts';
import { describeService, describeTaskDefinitionWithTags, listRevisions } from '../support/ecs-fixtures.ts';
import { runAction, transcript } from '../support/run-action.ts';
import type { RecordedCall } from '../support/scenario-proxy.ts';
import { completesAfter } from '../support/scenario-proxy.ts';
import { useTestbed } from '../support/testbed.ts';

// The release workflow: a release tag triggers a matrix over environments, and
// each environment's job runs the action at the same time as the others. Here two action
// processes, staging and production, deploy one image (one ECR repository) to their own
// cluster, service, function and parameter against one moto, concurrently.

const TAG = 'v1.2.3';
const SHA = '9a8b7c6d5e4f3a2b1c0d9e8f7a6b5c4d3e2f1a0b';

/** What the runner sets for a workflow run on a pushed git tag. */
const RELEASE_ENV: Record<string, string> = {
  GITHUB_REF: `refs/tags/${TAG}`,
  GITHUB_REF_NAME: TAG,
  GITHUB_REF_TYPE: 'tag',
  GITHUB_SHA: SHA,
  GITHUB_EVENT_NAME: 'push',
};

interface Environment {
  name: string;
  cluster: string;
  service: SeededService;
  fn: SeededFunction;
  parameterName: string;
}

describe('a release tag deployed to two environments by two concurrent action processes', () => {
  const testbed = useTestbed();

  /** The environment's own cluster, service, function and parameter, all on `running`. */
  async function seedEnvironment(name: string, running: PushedImage, rolloutMs: number): Promise<Environment> {
    const endpoint = testbed.moto.url;
    const cluster = `release-${name}`;
    const service = await testbed.seedService({
      cluster,
      service: `web-${name}`,
      family: `web-${name}-td`,
      image: running.pinned,
      desiredCount: 2,
      rollout: completesAfter(rolloutMs),
    });
    const fn = await createImageFunction(endpoint, { name: `api-${name}`, imageUri: running.pinned });
    const parameterName = `/app/${name}/image-tag`;
    await putParameterHistory(endpoint, parameterName, [running.tag]);
    return { name, cluster, service, fn, parameterName };
  }

  function deploy(repo: Repository, env: Environment) {
    return runAction({
      inputs: {
        mode: 'image, ecs, lambda, parameter',
        image: repo.uri,
        cluster: env.cluster,
        service: env.service.serviceName,
        'container-name': 'app',
        'function-name': env.fn.name,
        'parameter-name': env.parameterName,
        'poll-interval': '1s',
        'wait-timeout': '60s',
      },
      env: { ...testbed.awsEnv, ...RELEASE_ENV },
    });
  }

  it('both succeed, both parameters say v1.2.3, and each service and function runs the pinned image', async () => {
    const { proxy, moto } = testbed;
    const repo = await createRepository(moto.url, 'release-app');
    const previous = await pushImage(moto.url, repo, 'v1.2.2');
    const release = await pushImage(moto.url, repo, TAG);
    const staging = await seedEnvironment('staging', previous, 3000);
    const production = await seedEnvironment('production', previous, 4000);
    const from = proxy.calls.length;

    const [stagingRun, productionRun] = await Promise.all([deploy(repo, staging), deploy(repo, production)]);

    expect(stagingRun.exitCode, transcript(stagingRun)).toBe(0);
    expect(productionRun.exitCode, transcript(productionRun)).toBe(0);
    const calls = proxy.calls.slice(from);
    for (const [env, run] of [
      [staging, stagingRun],
      [production, productionRun],
    ] as const) {
      const revisions = await listRevisions(moto.url, env.service.family);
      expect(revisions, env.name).toHaveLength(2);
      expect(run.outputs, env.name).toMatchObject({
        image: release.pinned,
        'image-tag': TAG,
        'image-digest': release.digest,
        changed: 'true',
        'task-definition-arn': revisions[1],
        'previous-task-definition-arn': env.service.taskDefinitionArn,
        'deployment-id': proxy.deploymentIds(env.service.serviceName)[0],
        'lambda-function-arn': env.fn.arn,
        'parameter-version': '2',
      });

      // What AWS holds now, environment by environment.
      expect(await getParameter(moto.url, env.parameterName), env.name).toEqual({ value: TAG, version: 2 });
      const service = await describeService(moto.url, env.cluster, env.service.serviceName);
      expect(service.taskDefinition, env.name).toBe(revisions[1]);
      const { taskDefinition } = await describeTaskDefinitionWithTags(moto.url, revisions[1] ?? '');
      expect(taskDefinition.containerDefinitions?.find((c) => c.name === 'app')?.image, env.name).toBe(release.pinned);
      expect((await getFunctionImage(moto.url, env.fn.name)).imageUri, env.name).toBe(release.pinned);

      // Each process changed its own environment once, and nothing of the other's.
      expect(
        changes(calls, 'RegisterTaskDefinition', (b) => b.family).filter((f) => f === env.service.family),
        env.name,
      ).toHaveLength(1);
      expect(
        changes(calls, 'UpdateService', (b) => b.service).filter((s) => names(s, env.service.serviceName)),
        env.name,
      ).toHaveLength(1);
      expect(
        calls.filter((c) => c.operation === 'UpdateFunctionCode' && c.resource === env.fn.name),
        env.name,
      ).toHaveLength(1);
      expect(
        changes(calls, 'PutParameter', (b) => b.Name).filter((n) => n === env.parameterName),
        env.name,
      ).toHaveLength(1);
      // The parameter last: after that environment's rollout was seen to complete.
      const put = calls.findIndex((c) => c.operation === 'PutParameter' && bodyOf(c).Name === env.parameterName);
      expect(put, env.name).toBeGreaterThan(lastIndexOf(calls, 'DescribeServices', env.service.serviceName));
    }
    expect(proxy.callsTo('RegisterTaskDefinition', from)).toBe(2);
    expect(proxy.callsTo('PutParameter', from)).toBe(2);

    // The two really ran at the same time: each started its rollout while the other was still following its own.
    expect(firstIndexOf(calls, 'UpdateService', staging.service.serviceName)).toBeLessThan(
      lastIndexOf(calls, 'DescribeServices', production.service.serviceName),
    );
    expect(firstIndexOf(calls, 'UpdateService', production.service.serviceName)).toBeLessThan(
      lastIndexOf(calls, 'DescribeServices', staging.service.serviceName),
    );
  });
});

function bodyOf(call: RecordedCall): Record<string, unknown> {
  return call.body !== null && typeof call.body === 'object' ? (call.body as Record<string, unknown>) : {};
}

/** The field `pick` reads from each call of `operation`, as strings. */
function changes(
  calls: readonly RecordedCall[],
  operation: string,
  pick: (body: Record<string, unknown>) => unknown,
): string[] {
  return calls.filter((c) => c.operation === operation).map((c) => String(pick(bodyOf(c))));
}

/** `ref` is `name` or an ARN ending in `/name`. */
function names(ref: string, name: string): boolean {
  return ref === name || ref.endsWith(`/${name}`);
}

/** Calls of `operation` whose body names `name`, by name or ARN (e.g. a service in DescribeServices' list). */
function indexesOf(calls: readonly RecordedCall[], operation: string, name: string): number[] {
  const json = JSON.stringify(name).slice(1, -1);
  return calls.flatMap((c, i) => {
    const body = JSON.stringify(c.body);
    return c.operation === operation && (body.includes(`"${json}"`) || body.includes(`/${json}"`)) ? [i] : [];
  });
}

function firstIndexOf(calls: readonly RecordedCall[], operation: string, name: string): number {
  return indexesOf(calls, operation, name)[0] ?? Infinity;
}

function lastIndexOf(calls: readonly RecordedCall[], operation: string, name: string): number {
  return indexesOf(calls, operation, name).at(-1) ?? -Infinity;
}
