import { beforeAll, describe, expect, it } from 'vitest';
import {
  defaultNetwork,
  describeService,
  describeTaskDefinitionWithTags,
  listRevisions,
  listTaskArns,
  NEXT_APP_IMAGE,
  seedFamily,
} from '../support/ecs-fixtures.ts';
import { faultBursts } from '../support/fault-scenarios.ts';
import type { ActionRun } from '../support/run-action.ts';
import { errorText, runAction, transcript } from '../support/run-action.ts';
import { completesAfter } from '../support/scenario-proxy.ts';
import type { ScriptedTaskRun } from '../support/task-scenarios.ts';
import {
  ESSENTIAL_CONTAINER_EXITED,
  fargateCapacityProviders,
  honourClientToken,
  taskExits,
  taskFailsToStart,
  taskNeverStops,
} from '../support/task-scenarios.ts';
import type { Testbed } from '../support/testbed.ts';
import { useTestbed } from '../support/testbed.ts';

// Mode run-task: a one-off task (a migration) in private subnets, run to its end
// before anything is deployed. moto creates the task; the proxy plays its life
// (task-scenarios.ts). Each test seeds its own cluster and family.

describe.concurrent('mode run-task runs a one-off task to its end', () => {
  const testbed = useTestbed();
  let network: { subnets: string[]; securityGroups: string[] };

  beforeAll(async () => {
    network = await defaultNetwork(testbed.endpoint);
  });

  function run(lane: Testbed, inputs: Record<string, string>): Promise<ActionRun> {
    return runAction({
      inputs: {
        subnets: network.subnets.join(', '),
        'security-groups': network.securityGroups.join('\n'),
        'poll-interval': '1s',
        'wait-timeout': '60s',
        ...inputs,
      },
      env: lane.awsEnv,
    });
  }

  /** When the action last asked about the task, relative to RunTask. */
  function lastDescribeAfterStart(lane: Testbed, task: ScriptedTaskRun): number {
    const arn = task.taskArns[0] ?? '';
    const id = arn.split('/').pop() ?? arn;
    const describes = lane.proxy.calls.filter(
      (c) => c.operation === 'DescribeTasks' && JSON.stringify(c.body).includes(id),
    );
    return (describes.at(-1)?.at ?? 0) - task.startedAt;
  }

  it('a task that exits 0: exit 0, task-arn and task-exit-code, and RunTask had the network, FARGATE, a client token and the command', () =>
    testbed.lane(async (lane) => {
      await seedFamily(lane.endpoint, 'rt-ok', 'migrate-ok');
      const task = taskExits(lane.proxy, { family: 'migrate-ok', afterMs: 2500, exitCodes: { app: 0, sidecar: 0 } });
      const from = lane.proxy.calls.length;

      const result = await run(lane, {
        mode: 'run-task',
        cluster: 'rt-ok',
        'run-task-definition': 'migrate-ok',
        'run-task-container': 'app',
        command: './migrate --name "add users" up',
      });

      expect(result.exitCode, transcript(result)).toBe(0);
      const started = task.onlyRun();
      const [taskArn] = started.taskArns;
      expect(taskArn).toMatch(/^arn:aws:ecs:us-east-1:123456789012:task\/rt-ok\/[0-9a-f-]+$/);
      expect(await listTaskArns(lane.endpoint, 'rt-ok')).toEqual([taskArn]);
      expect(result.outputs).toMatchObject({ 'task-arn': taskArn, 'task-exit-code': '0' });

      expect(started.request).toMatchObject({
        launchType: 'FARGATE',
        startedBy: 'image-deploy',
        networkConfiguration: {
          awsvpcConfiguration: {
            subnets: network.subnets,
            securityGroups: network.securityGroups,
            assignPublicIp: 'DISABLED',
          },
        },
        overrides: { containerOverrides: [{ name: 'app', command: ['./migrate', '--name', 'add users', 'up'] }] },
      });
      expect(started.request.capacityProviderStrategy).toBeUndefined();
      // ECS takes up to 64 characters; the same token never starts a second task.
      expect(started.request.clientToken).toMatch(/^.{1,64}$/);
      expect(lane.proxy.callsTo('RunTask', from)).toBe(1);
      // It followed the task until it stopped, not just until it started.
      expect(lastDescribeAfterStart(lane, started)).toBeGreaterThanOrEqual(2500);
    }));

  it('a RunTask whose answer is lost is sent again with the same client token, and one task runs', () =>
    testbed.lane(async (lane) => {
      await seedFamily(lane.endpoint, 'rt-lost', 'migrate-lost');
      const task = taskExits(lane.proxy, { family: 'migrate-lost', afterMs: 1500, exitCodes: { app: 0, sidecar: 0 } });
      // ECS starts no second task for a client token it has seen; moto would, so the proxy plays ECS.
      const tokens = honourClientToken(lane.proxy);
      const lost = faultBursts(lane.proxy, {
        kind: 'reset',
        when: 'after',
        burst: 1,
        pass: Number.MAX_SAFE_INTEGER,
        service: 'ecs',
        operation: 'RunTask',
      });
      const from = lane.proxy.calls.length;

      let result: ActionRun;
      try {
        result = await run(lane, {
          mode: 'run-task',
          cluster: 'rt-lost',
          'run-task-definition': 'migrate-lost',
          'run-task-container': 'app',
          command: './migrate up',
        });
      } finally {
        lost.stop();
      }

      expect(result.exitCode, transcript(result)).toBe(0);
      const sent = lane.proxy.calls.slice(from).filter((c) => c.operation === 'RunTask');
      expect(sent).toHaveLength(2);
      expect(new Set(sent.map((c) => (c.body as { clientToken?: string }).clientToken)).size).toBe(1);
      expect(tokens.replayed).toBe(1);
      expect(task.runs).toHaveLength(1);
      expect(await listTaskArns(lane.endpoint, 'rt-lost')).toHaveLength(1);
      expect(result.outputs['task-arn']).toBe(task.onlyRun().taskArns[0]);
    }));

  it("JSON command, environment, a public IP, a Fargate Spot strategy and started-by reach RunTask; a non-essential container's exit code does not fail it", () =>
    testbed.lane(async (lane) => {
      await seedFamily(lane.endpoint, 'rt-spot', 'migrate-spot');
      fargateCapacityProviders(lane.proxy);
      const task = taskExits(lane.proxy, {
        family: 'migrate-spot',
        afterMs: 1500,
        exitCodes: { app: 0, sidecar: 137 },
      });

      const result = await run(lane, {
        mode: 'run-task',
        cluster: 'rt-spot',
        'run-task-definition': 'migrate-spot:1',
        'run-task-container': 'app',
        command: '["sh", "-c", "echo \\"$GREETING\\" && ./migrate"]',
        'run-task-environment': 'GREETING=hello world\nLEVEL=debug',
        'assign-public-ip': 'true',
        'capacity-provider-strategy': 'FARGATE_SPOT:1, FARGATE:0',
        'started-by': 'release/v1-2-3',
      });

      expect(result.exitCode, transcript(result)).toBe(0);
      const started = task.onlyRun();
      expect(result.outputs).toMatchObject({ 'task-arn': started.taskArns[0], 'task-exit-code': '0' });
      expect(started.request).toMatchObject({
        startedBy: 'release/v1-2-3',
        capacityProviderStrategy: [
          { capacityProvider: 'FARGATE_SPOT', weight: 1 },
          { capacityProvider: 'FARGATE', weight: 0 },
        ],
        networkConfiguration: { awsvpcConfiguration: { assignPublicIp: 'ENABLED' } },
        overrides: {
          containerOverrides: [
            {
              name: 'app',
              command: ['sh', '-c', 'echo "$GREETING" && ./migrate'],
              environment: [
                { name: 'GREETING', value: 'hello world' },
                { name: 'LEVEL', value: 'debug' },
              ],
            },
          ],
        },
      });
      // ECS refuses a launch type together with a capacity provider strategy.
      expect(started.request.launchType).toBeUndefined();
    }));

  it('a migration that exits 1 stops the deploy: exit code, reasons and log location shown, no UpdateService', () =>
    testbed.lane(async (lane) => {
      const { proxy, moto } = lane;
      const seeded = await lane.seedService({ cluster: 'rt-fail', service: 'web-fail', desiredCount: 2 });
      // Were the deploy started after all, it would complete rather than hang the test.
      proxy.scriptRollout('web-fail', completesAfter(1000));
      const reason = 'Error: migration 0042_add_users failed: relation "users" already exists';
      const task = taskExits(proxy, {
        family: seeded.family,
        afterMs: 2000,
        exitCodes: { app: 1, sidecar: 0 },
        reasons: { app: reason },
        stoppedReason: ESSENTIAL_CONTAINER_EXITED,
      });
      const from = proxy.calls.length;

      // No run-task-definition: the task runs the revision the ecs mode deploys.
      const result = await run(lane, {
        mode: 'run-task, ecs',
        cluster: 'rt-fail',
        service: 'web-fail',
        'container-name': 'app',
        image: NEXT_APP_IMAGE,
        'run-task-container': 'app',
        command: 'npm run migrate',
      });

      expect(result.exitCode, transcript(result)).toBe(1);
      const started = task.onlyRun();
      const taskId = (started.taskArns[0] ?? '').split('/').pop() ?? '';
      const error = errorText(result);
      expect(error).toMatch(/exit code:? 1\b/);
      expect(error).toContain(reason);
      expect(error).toContain(ESSENTIAL_CONTAINER_EXITED);
      expect(error).toContain('EssentialContainerExited');
      // awslogs in the task definition: group /ecs/<family>, stream <prefix>/<container>/<task id>.
      expect(error).toContain(`/ecs/${seeded.family}`);
      expect(error).toContain(`app/app/${taskId}`);

      // The task ran the new revision, with the new image; the service was never updated.
      const revisions = await listRevisions(moto.url, seeded.family);
      expect(revisions).toHaveLength(2);
      // By ARN or family:revision, it names the revision ecs registered.
      expect(started.request.taskDefinition?.split('/').pop()).toBe(revisions[1]?.split('/').pop());
      const { taskDefinition } = await describeTaskDefinitionWithTags(moto.url, revisions[1] ?? '');
      expect(taskDefinition.containerDefinitions?.find((c) => c.name === 'app')?.image).toBe(NEXT_APP_IMAGE);
      expect(proxy.callsTo('UpdateService', from)).toBe(0);
      expect((await describeService(moto.url, 'rt-fail', 'web-fail')).taskDefinition).toBe(seeded.taskDefinitionArn);
      expect(result.summary).toContain('Not run because of the failure: ecs');
    }));

  it('a task that fails to start: exit 1 with its stop code and reason', () =>
    testbed.lane(async (lane) => {
      await seedFamily(lane.endpoint, 'rt-pull', 'migrate-pull');
      const stoppedReason =
        'CannotPullContainerError: pull image manifest has been retried 5 time(s): failed to resolve ref';
      taskFailsToStart(lane.proxy, {
        family: 'migrate-pull',
        afterMs: 1500,
        stoppedReason,
        containers: ['app', 'sidecar'],
      });

      const result = await run(lane, {
        mode: 'run-task',
        cluster: 'rt-pull',
        'run-task-definition': 'migrate-pull',
        'run-task-container': 'app',
      });

      expect(result.exitCode, transcript(result)).toBe(1);
      const error = errorText(result);
      expect(error).toContain(stoppedReason);
      expect(error).toContain('TaskFailedToStart');
    }));

  it('a task that never stops: exit 1 once wait-timeout is reached, naming the task', () =>
    testbed.lane(async (lane) => {
      await seedFamily(lane.endpoint, 'rt-slow', 'migrate-slow');
      const task = taskNeverStops(lane.proxy, { family: 'migrate-slow', containers: ['app', 'sidecar'] });

      const result = await run(lane, {
        mode: 'run-task',
        cluster: 'rt-slow',
        'run-task-definition': 'migrate-slow',
        'run-task-container': 'app',
        'wait-timeout': '4s',
      });

      expect(result.exitCode, transcript(result)).toBe(1);
      const taskId = (task.onlyRun().taskArns[0] ?? '').split('/').pop() ?? '';
      const error = errorText(result);
      expect(error).toMatch(/timed out/i);
      expect(error).toContain(taskId);
    }));
});
