import { describe, expect, it } from 'vitest';
import { listFunctionAliases } from '../support/aws-fixtures.ts';
import {
  aliasMovesOf,
  aliasVersionOne,
  isOnOne,
  liveAlias,
  seedAliasedFunctions,
} from '../support/lambda-traffic-fixtures.ts';
import { provisionedConcurrency } from '../support/lambda-traffic-scenarios.ts';
import { errorText, runAction, transcript } from '../support/run-action.ts';
import { CIRCUIT_BREAKER_REASON, circuitBreakerRollback, type RolloutScript } from '../support/scenario-proxy.ts';
import { releaseInputs, seedReleaseWorld, useTestbed } from '../support/testbed.ts';

// Every alias move goes through the one traffic driver: a plain all-at-once move waits for
// provisioned concurrency like a canary's steps, and an ECS failure in the same step ends a
// running shift and puts the aliases back. End to end through the bundled action; the proxy
// plays provisioned concurrency and the ECS rollout, and records every UpdateAlias.

describe.concurrent('mode lambda puts its aliases where they belong', () => {
  const testbed = useTestbed();

  it('all at once, without alarms: waits for provisioned concurrency to be READY; an alias without it costs one call', () =>
    testbed.lane(async (lane) => {
      const world = await seedAliasedFunctions({ endpoint: lane.moto.url, proxy: lane.proxy }, 'plain-pc', [
        'fn-plain-pc',
        'fn-plain-none',
      ]);
      provisionedConcurrency(lane.proxy, [
        { functionName: 'fn-plain-pc', alias: 'live', requested: 4, inProgressReads: 2, end: 'READY' },
      ]);
      const run = await runAction({
        inputs: {
          mode: 'lambda',
          image: world.v2.tagged,
          'function-name': world.functions.join('\n'),
          'lambda-alias': 'live',
          'poll-interval': '1s',
          'wait-timeout': '2m',
        },
        env: lane.awsEnv,
      });

      expect(run.exitCode, transcript(run)).toBe(0);
      expect(run.stdout).toContain('provisioned concurrency of fn-plain-pc:live: IN_PROGRESS, 2 / 4 allocated');
      const reads = (fn: string) =>
        lane.proxy.calls.filter((c) => c.operation === 'GetProvisionedConcurrencyConfig' && c.resource === fn).length;
      expect(reads('fn-plain-pc')).toBe(3);
      expect(reads('fn-plain-none')).toBe(1);
      for (const fn of world.functions) {
        expect(aliasMovesOf(lane.proxy.calls, fn)).toEqual([{ version: '2', weights: {} }]);
        expect((await liveAlias(lane.moto.url, fn)).FunctionVersion).toBe('2');
      }
      // A plain move is no traffic shift in the summary.
      expect(run.summary).not.toContain('#### Traffic shift');
    }));

  it('all at once, without alarms: provisioned concurrency that FAILS fails the step and puts the alias back', () =>
    testbed.lane(async (lane) => {
      const world = await seedAliasedFunctions({ endpoint: lane.moto.url, proxy: lane.proxy }, 'plain-fail', [
        'fn-plain-fail',
      ]);
      const reason = 'FUNCTION_ERROR_INIT_FAILURE: the function could not initialise';
      provisionedConcurrency(lane.proxy, [
        { functionName: 'fn-plain-fail', alias: 'live', requested: 4, inProgressReads: 1, end: { failed: reason } },
      ]);
      const run = await runAction({
        inputs: {
          mode: 'lambda',
          image: world.v2.tagged,
          'function-name': 'fn-plain-fail',
          'lambda-alias': 'live',
          'poll-interval': '1s',
          'wait-timeout': '2m',
        },
        env: lane.awsEnv,
      });

      expect(run.exitCode, transcript(run)).toBe(1);
      expect(errorText(run)).toContain(
        `provisioned concurrency of alias fn-plain-fail:live FAILED (0 / 4 allocated): ${reason}`,
      );
      expect(aliasMovesOf(lane.proxy.calls, 'fn-plain-fail')).toEqual([
        { version: '2', weights: {} },
        { version: '1', weights: {} },
      ]);
      expect(isOnOne(await liveAlias(lane.moto.url, 'fn-plain-fail'))).toBe(true);
      expect(run.summary).toContain('Put back:');
    }));

  it('an alias the step created goes away when the deploy fails: where it was is "not there"', () =>
    testbed.lane(async (lane) => {
      const world = await seedAliasedFunctions({ endpoint: lane.moto.url, proxy: lane.proxy }, 'created', [
        'fn-created',
      ]);
      provisionedConcurrency(lane.proxy, [
        { functionName: 'fn-created', alias: 'fresh', requested: 2, inProgressReads: 0, end: { failed: 'INIT' } },
      ]);
      const run = await runAction({
        inputs: {
          mode: 'lambda',
          image: world.v2.tagged,
          'function-name': 'fn-created',
          'lambda-alias': 'fresh',
          'poll-interval': '1s',
          'wait-timeout': '2m',
        },
        env: lane.awsEnv,
      });

      expect(run.exitCode, transcript(run)).toBe(1);
      expect(lane.proxy.callsTo('CreateAlias')).toBe(1);
      expect(lane.proxy.callsTo('DeleteAlias')).toBe(1);
      expect(await listFunctionAliases(lane.moto.url, 'fn-created')).toEqual({ live: '1' });
      expect(run.summary).toContain('fn-created: alias fresh deleted (it did not exist before this deploy)');
      // The post step is told the alias was created, so it deletes rather than points it anywhere.
      const state = /::save-state name=lambda-put-back::(.*)/.exec(run.stdout)?.[1] ?? '';
      expect(JSON.parse(state)).toMatchObject([
        { functionName: 'fn-created', alias: 'fresh', created: true, shiftedTo: '2' },
      ]);
    }));

  it('ecs and lambda in one step: the ECS deployment fails mid-canary, the shift ends there and the alias goes back', () =>
    testbed.lane(async (lane) => {
      // The rollout fails once the canary's first share reached the new version, whatever the machine's speed.
      let shiftedAt: number | undefined;
      const breaker = circuitBreakerRollback({ failAfterMs: 1500, rolledBackAfterMs: 6000 });
      const rollout: RolloutScript = (_elapsed, ctx) =>
        breaker(shiftedAt === undefined ? 0 : Date.now() - shiftedAt, ctx);
      const world = await seedReleaseWorld(lane, 'ecs-beside', {
        tags: ['v1', 'v2'],
        running: { tag: 'v1', pinned: true },
        parameterHistory: ['v1'],
        rollout,
      });
      await aliasVersionOne(lane.moto.url, world.fn.name);
      provisionedConcurrency(lane.proxy, []);
      lane.proxy.overlay('lambda', 'UpdateAlias', async (_req, next) => {
        const response = await next();
        shiftedAt ??= Date.now();
        return response;
      });

      const run = await runAction({
        inputs: releaseInputs(world, ['image', 'ecs', 'lambda'], {
          waitTimeout: '4m',
          extra: { tag: 'v2', 'lambda-alias': 'live', 'lambda-traffic': 'canary 10% 2m' },
        }),
        env: lane.awsEnv,
      });

      expect(run.exitCode, transcript(run)).toBe(1);
      // The 10% step, then straight back: the move to 100% never came, so the shift did not run to its end.
      expect(aliasMovesOf(lane.proxy.calls, world.fn.name)).toEqual([
        { version: '1', weights: { '2': 0.1 } },
        { version: '1', weights: {} },
      ]);
      expect(isOnOne(await liveAlias(lane.moto.url, world.fn.name))).toBe(true);
      const error = errorText(run);
      expect(error).toContain(`[ecs] `);
      expect(error).toContain(CIRCUIT_BREAKER_REASON);
      expect(error).toContain('[lambda] ecs failed in the same step');
      expect(error).toContain('the shift had reached 10% (step 1/2)');
      for (const failure of [CIRCUIT_BREAKER_REASON, 'ecs failed in the same step'])
        expect(run.summary).toContain(failure);
    }));
});
