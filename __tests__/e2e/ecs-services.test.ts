import type { RegisterTaskDefinitionCommandInput } from '@aws-sdk/client-ecs';
import { describe, expect, it } from 'vitest';
import { getParameter } from '../support/aws-fixtures.ts';
import {
  APP_IMAGE,
  describeService,
  describeTaskDefinitionWithTags,
  listRevisions,
  NEXT_APP_IMAGE,
  richTaskDefinition,
  SIDECAR_IMAGE,
} from '../support/ecs-fixtures.ts';
import { writesAmong } from '../support/mutating.ts';
import { errorText, runAction, transcript } from '../support/run-action.ts';
import { completesAfter, crashLoop, ESSENTIAL_EXITED } from '../support/scenario-proxy.ts';
import type { Testbed } from '../support/testbed.ts';
import { releaseInputs, seedReleaseWorld, useTestbed } from '../support/testbed.ts';

// Several services (and several containers) in one step, through the bundle.

/** A worker's layout: no 'app' container; its 'worker' runs the app's repository, next to a log router. */
function workerTaskDefinition(family: string): RegisterTaskDefinitionCommandInput {
  return {
    family,
    cpu: '512',
    memory: '1024',
    networkMode: 'awsvpc',
    requiresCompatibilities: ['FARGATE'],
    executionRoleArn: 'arn:aws:iam::123456789012:role/ecsTaskExecutionRole',
    containerDefinitions: [
      {
        name: 'worker',
        image: APP_IMAGE,
        essential: true,
        command: ['worker'],
        environment: [{ name: 'QUEUE', value: 'jobs' }],
      },
      { name: 'log-router', image: SIDECAR_IMAGE, essential: false, memory: 64 },
    ],
  };
}

async function imagesOf(lane: Testbed, taskDefinitionArn: string): Promise<Record<string, string | undefined>> {
  const { taskDefinition } = await describeTaskDefinitionWithTags(lane.moto.url, taskDefinitionArn);
  return Object.fromEntries((taskDefinition.containerDefinitions ?? []).map((c) => [c.name ?? '', c.image]));
}

describe.concurrent('mode ecs with several services', () => {
  const testbed = useTestbed();

  it('deploys two services of different families and layouts in one step, outputs JSON objects, and changes nothing the second time', () =>
    testbed.lane(async (lane) => {
      const web = await lane.seedService({
        cluster: 'c-two',
        service: 's-web',
        family: 'td-web',
        desiredCount: 2,
        rollout: completesAfter(2000),
      });
      const worker = await lane.seedService({
        cluster: 'c-two',
        service: 's-worker',
        taskDefinition: workerTaskDefinition('td-worker'),
        rollout: completesAfter(3000),
      });
      const inputs = {
        mode: 'ecs',
        cluster: 'c-two',
        service: 's-web\ns-worker',
        image: NEXT_APP_IMAGE,
        'poll-interval': '1s',
        'wait-timeout': '60s',
      };

      const first = await runAction({ inputs, env: lane.awsEnv });

      expect(first.exitCode, transcript(first)).toBe(0);
      const [webOld, webNew] = await listRevisions(lane.moto.url, web.family);
      const [workerOld, workerNew] = await listRevisions(lane.moto.url, worker.family);
      expect(JSON.parse(first.outputs['task-definition-arn'] ?? '')).toEqual({
        's-web': webNew,
        's-worker': workerNew,
      });
      expect(JSON.parse(first.outputs['previous-task-definition-arn'] ?? '')).toEqual({
        's-web': webOld,
        's-worker': workerOld,
      });
      expect(JSON.parse(first.outputs['deployment-id'] ?? '')).toEqual({
        's-web': lane.proxy.deploymentIds('s-web')[0],
        's-worker': lane.proxy.deploymentIds('s-worker')[0],
      });
      expect(first.outputs).toMatchObject({ changed: 'true', image: NEXT_APP_IMAGE });
      // The image went to the container using its repository in each layout; the others kept theirs.
      expect(await imagesOf(lane, webNew ?? '')).toEqual({ app: NEXT_APP_IMAGE, sidecar: SIDECAR_IMAGE });
      expect(await imagesOf(lane, workerNew ?? '')).toEqual({ worker: NEXT_APP_IMAGE, 'log-router': SIDECAR_IMAGE });
      expect((await describeService(lane.moto.url, 'c-two', 's-web')).taskDefinition).toBe(webNew);
      expect((await describeService(lane.moto.url, 'c-two', 's-worker')).taskDefinition).toBe(workerNew);
      // Each follower's line says whose it is; the summary has a row each.
      expect(first.stdout).toMatch(/\[s-worker\] Deployment ecs-svc\/\d+ completed/);
      expect(first.summary).toContain('c-two/s-web');
      expect(first.summary).toContain('c-two/s-worker');
      // One DescribeServices per poll for both: the calls naming both services are all the polls.
      const polls = lane.proxy.calls.filter(
        (c) =>
          c.operation === 'DescribeServices' &&
          JSON.stringify(c.body).includes('s-web') &&
          JSON.stringify(c.body).includes('s-worker'),
      );
      expect(polls.length).toBeGreaterThan(0);

      const from = lane.proxy.calls.length;
      const second = await runAction({ inputs, env: lane.awsEnv });

      expect(second.exitCode, transcript(second)).toBe(0);
      expect(second.outputs.changed).toBe('false');
      expect(JSON.parse(second.outputs['task-definition-arn'] ?? '')).toEqual({
        's-web': webNew,
        's-worker': workerNew,
      });
      expect(writesAmong(lane.proxy.calls, from)).toEqual([]);
    }));

  it('fails naming the service that crash-looped, leaves the other deployed and the parameter untouched', () =>
    testbed.lane(async (lane) => {
      const world = await seedReleaseWorld(lane, 'multi-crash', {
        tags: ['v1', 'v2'],
        running: { tag: 'v1', pinned: true },
        parameterHistory: ['v1'],
        rollout: completesAfter(1500),
      });
      const runningRef = world.images.v1?.pinned ?? '';
      await lane.seedService({
        cluster: world.cluster,
        service: 's-multi-crash-worker',
        family: 'td-multi-crash-worker',
        image: runningRef,
        desiredCount: 2,
        rollout: crashLoop({ everyMs: 700, exitCode: 3, reason: 'Error: queue unreachable' }),
      });
      const inputs = releaseInputs(world, ['image', 'ecs', 'parameter'], {
        waitTimeout: '60s',
        extra: { tag: 'v2', service: `${world.service.serviceName}, s-multi-crash-worker`, 'max-failed-tasks': '2' },
      });

      const run = await runAction({ inputs, env: lane.awsEnv });

      expect(run.exitCode, transcript(run)).toBe(1);
      const error = errorText(run);
      expect(error).toContain("Service 's-multi-crash-worker' failed (1 of 2 services)");
      expect(error).toContain(ESSENTIAL_EXITED);
      expect(error).not.toContain(`Service '${world.service.serviceName}' failed`);
      const [, deployed] = await listRevisions(lane.moto.url, world.service.family);
      expect((await describeService(lane.moto.url, world.cluster, world.service.serviceName)).taskDefinition).toBe(
        deployed,
      );
      expect(await getParameter(lane.moto.url, world.parameterName)).toEqual(world.parameter);
      expect(lane.proxy.callsTo('PutParameter')).toBe(0);
      expect(run.summary).toMatch(/s-multi-crash\b[^\n]*✅ deployed/);
      expect(run.summary).toMatch(/s-multi-crash-worker[^\n]*❌ failed/);
    }));

  it('gives every named container the image', () =>
    testbed.lane(async (lane) => {
      const seeded = await lane.seedService({
        cluster: 'c-two-containers',
        service: 's-two-containers',
        taskDefinition: workerTaskDefinition('td-two-containers'),
        rollout: completesAfter(1000),
      });
      const inputs = {
        mode: 'ecs',
        cluster: 'c-two-containers',
        service: 's-two-containers',
        'container-name': 'worker, log-router',
        image: NEXT_APP_IMAGE,
        environment: 'RELEASE=2',
        'poll-interval': '1s',
        'wait-timeout': '60s',
      };

      const run = await runAction({ inputs, env: lane.awsEnv });

      expect(run.exitCode, transcript(run)).toBe(0);
      // One service: the outputs stay plain strings.
      const [, next] = await listRevisions(lane.moto.url, seeded.family);
      expect(run.outputs['task-definition-arn']).toBe(next);
      expect(await imagesOf(lane, next ?? '')).toEqual({ worker: NEXT_APP_IMAGE, 'log-router': NEXT_APP_IMAGE });
      const { taskDefinition } = await describeTaskDefinitionWithTags(lane.moto.url, next ?? '');
      expect(taskDefinition.containerDefinitions?.map((c) => c.environment)).toEqual([
        [
          { name: 'QUEUE', value: 'jobs' },
          { name: 'RELEASE', value: '2' },
        ],
        [{ name: 'RELEASE', value: '2' }],
      ]);
    }));

  it("refuses a container name missing from one service's task definition, listing its containers, with no change anywhere", () =>
    testbed.lane(async (lane) => {
      await lane.seedService({
        cluster: 'c-missing',
        service: 's-missing-web',
        taskDefinition: richTaskDefinition('td-missing-web'),
      });
      await lane.seedService({
        cluster: 'c-missing',
        service: 's-missing-worker',
        taskDefinition: workerTaskDefinition('td-missing-worker'),
      });
      const from = lane.proxy.calls.length;

      const run = await runAction({
        inputs: {
          mode: 'ecs',
          cluster: 'c-missing',
          service: 's-missing-web, s-missing-worker',
          'container-name': 'app',
          image: NEXT_APP_IMAGE,
          'wait-timeout': '60s',
        },
        env: lane.awsEnv,
      });

      expect(run.exitCode, transcript(run)).toBe(1);
      expect(errorText(run)).toBe(
        "Service 's-missing-worker': Input 'container-name' ('app') names no container in task definition 'td-missing-worker': its containers are 'worker', 'log-router'.",
      );
      expect(writesAmong(lane.proxy.calls, from)).toEqual([]);
    }));
});
