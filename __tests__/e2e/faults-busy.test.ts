import { describe, expect, it } from 'vitest';
import { getParameter } from '../support/aws-fixtures.ts';
import { listRevisions } from '../support/ecs-fixtures.ts';
import { faultDeploys, RELEASE } from '../support/fault-deploys.ts';
import {
  CONCURRENT_REGISTRATION_MESSAGE,
  ecsConcurrentRegistrations,
  faultBursts,
  ssmTooManyUpdates,
  TOO_MANY_UPDATES_MESSAGE,
} from '../support/fault-scenarios.ts';
import { lambdaConflict } from '../support/lambda-scenarios.ts';
import type { ActionRun } from '../support/run-action.ts';
import { errorText, transcript } from '../support/run-action.ts';
import { useTestbed } from '../support/testbed.ts';

// Fault tolerance: AWS throttles, fails with 5xx, drops connections, answers
// slowly, and refuses writes that collide with others. Through the scenario proxy, the
// bundled action must survive each within bounded retries and apply every change exactly
// once (counted in moto's state, not only in calls), and a run killed mid-deploy must
// converge when run again. Each scenario seeds its own world.
//
// Errors the SDK does not retry, and answers lost after AWS applied the request.

describe.concurrent('fault tolerance of a full image + ecs + lambda + parameter deploy', () => {
  // Each scenario runs in a lane of its own (a proxy in front of the same moto), side by side.
  const testbed = useTestbed();

  describe.concurrent('errors the SDK does not retry', () => {
    it('retries Lambda ResourceConflictException, SSM TooManyUpdates and ECS concurrent registrations with backoff, without failing', () =>
      testbed.lane(async (lane) => {
        const { seedWorld, deploy, expectDeployedOnce, reachedCounts } = faultDeploys(lane);
        const { proxy } = lane;
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
        for (const reason of [
          'another revision of the family is being registered',
          'another write to it is in progress',
          'another update is in progress',
        ]) {
          expect(run.stdout).toContain(reason);
        }
        const reached = reachedCounts(from);
        expect([reached['ecs:RegisterTaskDefinition'], reached['ssm:PutParameter']]).toEqual([1, 1]);
      }));

    it('fails with a clear message when ECS stays busy longer than wait-timeout, having changed nothing', () =>
      testbed.lane(async (lane) => {
        const { seedWorld, deploy, effects } = faultDeploys(lane);
        const { proxy } = lane;
        const world = await seedWorld('busy-forever');
        const concurrent = ecsConcurrentRegistrations(proxy, {
          times: Number.POSITIVE_INFINITY,
          family: world.service.family,
        });
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
        expect(error).toContain(
          `RegisterTaskDefinition for family '${world.service.family}' still failed after ${attempts} attempts`,
        );
        expect(error).toContain(CONCURRENT_REGISTRATION_MESSAGE);
        expect(proxy.callsTo('UpdateService', from)).toBe(0);
        expect(await effects(world)).toMatchObject({ newRevisions: 0, deployments: 0, parameter: world.parameter });
      }));

    it('fails with a clear message when SSM stays busy longer than wait-timeout', () =>
      testbed.lane(async (lane) => {
        const { seedWorld, deploy } = faultDeploys(lane);
        const { proxy } = lane;
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
        expect(await getParameter(lane.moto.url, world.parameterName)).toEqual(world.parameter);
      }));
  });

  describe.concurrent('answers lost after AWS applied the request', () => {
    it('applies each write once: the action looks at what AWS holds before trying a write again', () =>
      testbed.lane(async (lane) => {
        const { seedWorld, deploy, effects, reachedCounts } = faultDeploys(lane);
        const { proxy } = lane;
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
        const revisions = await listRevisions(lane.moto.url, world.service.family);
        expect(after.newRevisions).toBe(1);
        expect(after.serviceTaskDefinition).toBe(revisions.at(-1));
        expect(run.stdout).toContain(`Reusing ${revisions.at(-1) ?? '?'}`);
        expect(after.parameter).toEqual({ value: RELEASE, version: world.parameter.version + 1 });
        expect(run.outputs).toMatchObject({
          changed: 'true',
          'parameter-version': String(world.parameter.version + 1),
        });
      }));
  });
});
