import type { AliasConfiguration } from '@aws-sdk/client-lambda';
import { describe, expect, it } from 'vitest';
import { getParameter, putParameterHistory } from '../support/aws-fixtures.ts';
import { lambdaError } from '../support/lambda-scenarios.ts';
import {
  type AliasMove,
  aliasMovesOf,
  isOnOne,
  liveAlias,
  seedAliasedFunctions,
  setAlarm,
  type TrafficWorld,
} from '../support/lambda-traffic-fixtures.ts';
import { provisionedConcurrency } from '../support/lambda-traffic-scenarios.ts';
import type { ActionRun, RunActionOptions } from '../support/run-action.ts';
import { errorText, runAction, runPostStep, transcript } from '../support/run-action.ts';
import type { Testbed } from '../support/testbed.ts';
import { useTestbed } from '../support/testbed.ts';

// Lambda traffic shifted in steps on an alias, end to end through the bundled action:
// moto keeps the alias's routing config and the alarms' states (SetAlarmState); the proxy
// records every UpdateAlias and plays provisioned concurrency, which moto lacks.
//
// Time: a step holds for whole minutes (the schedule takes nothing shorter), and neither
// the proxy nor moto can move the action's clock. So only the canary that must finish
// holds its real minute; every other scenario ends before a hold is over (an alarm, a
// refusal, a cancellation, provisioning that fails), and the long schedules run in the
// unit tests on a fake clock (__tests__/unit/steps/lambda-shift.test.ts).

async function seed(lane: Testbed, key: string, functions: string[] = [`fn-${key}`]): Promise<TrafficWorld> {
  return seedAliasedFunctions({ endpoint: lane.moto.url, proxy: lane.proxy }, key, functions);
}

function alarm(lane: Testbed, name: string, state: 'OK' | 'ALARM', reason?: string): Promise<void> {
  return setAlarm(lane.moto.url, name, state, reason);
}

function aliasOf(lane: Testbed, name: string): Promise<AliasConfiguration> {
  return liveAlias(lane.moto.url, name);
}

function deploy(
  lane: Testbed,
  world: TrafficWorld,
  inputs: Record<string, string>,
  options: Partial<RunActionOptions> = {},
): Promise<ActionRun> {
  return runAction({
    inputs: {
      mode: 'lambda',
      image: world.v2.tagged,
      'function-name': world.functions.join('\n'),
      'lambda-alias': 'live',
      'poll-interval': '1s',
      'wait-timeout': '5m',
      ...inputs,
    },
    env: lane.awsEnv,
    timeoutMs: 150_000,
    ...options,
  });
}

function aliasMoves(lane: Testbed, fn: string): AliasMove[] {
  return aliasMovesOf(lane.proxy.calls, fn);
}

describe.concurrent('mode lambda shifts traffic on the alias in steps', () => {
  const testbed = useTestbed();

  it('a canary: 10% on the new version for a minute, then all of it, with no routing left', () =>
    testbed.lane(async (lane) => {
      const world = await seed(lane, 'canary');
      await alarm(lane, 'canary-errors', 'OK');
      const run = await deploy(lane, world, { 'lambda-traffic': 'canary 10% 1m', 'lambda-alarms': 'canary-errors' });

      expect(run.exitCode, transcript(run)).toBe(0);
      expect(aliasMoves(lane, 'fn-canary')).toEqual([
        { version: '1', weights: { '2': 0.1 } },
        { version: '2', weights: {} },
      ]);
      const moves = lane.proxy.calls.filter((c) => c.operation === 'UpdateAlias');
      expect((moves[1]?.at ?? 0) - (moves[0]?.at ?? 0)).toBeGreaterThanOrEqual(60_000);
      const alias = await aliasOf(lane, 'fn-canary');
      expect(alias.FunctionVersion).toBe('2');
      expect(Object.keys(alias.RoutingConfig?.AdditionalVersionWeights ?? {})).toEqual([]);
      expect(run.outputs['lambda-version']).toBe('2');
      expect(run.summary).toContain('#### Traffic shift');
      expect(run.summary).toContain('| 1 |');
      expect(run.summary).toContain('| 10% |');
      expect(run.summary).toContain('| canary-errors | OK |');
    }));

  it('a linear shift rolled back by an alarm that goes into ALARM mid-way', () =>
    testbed.lane(async (lane) => {
      const world = await seed(lane, 'linear');
      await alarm(lane, 'linear-errors', 'OK');
      // The alarm fires as soon as the first share reached the new version.
      lane.proxy.overlay('lambda', 'UpdateAlias', async (_req, next) => {
        const response = await next();
        await alarm(lane, 'linear-errors', 'ALARM', 'Threshold Crossed: 3 errors in 1 minute');
        return response;
      });
      const run = await deploy(lane, world, {
        'lambda-traffic': 'linear 25% every 1m',
        'lambda-alarms': 'linear-errors',
      });

      expect(run.exitCode, transcript(run)).toBe(1);
      const error = errorText(run);
      expect(error).toContain("CloudWatch alarm 'linear-errors' is in ALARM");
      expect(error).toContain('Threshold Crossed: 3 errors in 1 minute');
      expect(error).toContain('the shift had reached 25% (step 1/4)');
      expect(aliasMoves(lane, 'fn-linear')).toEqual([
        { version: '1', weights: { '2': 0.25 } },
        { version: '1', weights: {} },
      ]);
      expect(isOnOne(await aliasOf(lane, 'fn-linear'))).toBe(true);
      expect(run.summary).toContain('Put back:');
    }));

  it('an alarm already in ALARM: nothing is changed at all', () =>
    testbed.lane(async (lane) => {
      const world = await seed(lane, 'firing');
      await alarm(lane, 'firing-errors', 'ALARM', 'Threshold Crossed: already bad');
      const run = await deploy(lane, world, {
        'lambda-traffic': 'canary 10% 5m',
        'lambda-alarms': 'firing-errors',
        'wait-timeout': '10m',
      });

      expect(run.exitCode, transcript(run)).toBe(1);
      expect(errorText(run)).toContain(
        "CloudWatch alarm 'firing-errors' is in ALARM (Threshold Crossed: already bad): nothing was changed",
      );
      const writes = lane.proxy.calls.filter((c) =>
        ['UpdateFunctionCode', 'PublishVersion', 'UpdateAlias', 'CreateAlias'].includes(c.operation),
      );
      expect(writes).toEqual([]);
    }));

  it('a cancelled job mid-canary: the aliases go back, and the post step puts back what the main step could not', () =>
    testbed.lane(async (lane) => {
      const world = await seed(lane, 'cancel');
      let pid: number | undefined;
      let shifted: () => void = () => {};
      const firstShift = new Promise<void>((resolve) => (shifted = resolve));
      let refusePutBack = true;
      lane.proxy.overlay('lambda', 'UpdateAlias', async (req, next) => {
        const body = req.call.body as {
          FunctionVersion?: string;
          RoutingConfig?: { AdditionalVersionWeights?: Record<string, number> };
        };
        const putBack =
          body.FunctionVersion === '1' && Object.keys(body.RoutingConfig?.AdditionalVersionWeights ?? {}).length === 0;
        // The main step's own put-back is refused, as when the runner kills it first.
        if (putBack && refusePutBack)
          return lambdaError(409, 'ResourceConflictException', 'The operation cannot be performed at this time.');
        const response = await next();
        if (!putBack) shifted();
        return response;
      });
      const running = deploy(
        lane,
        world,
        { 'lambda-traffic': 'canary 10% 5m', 'wait-timeout': '10m' },
        { onSpawn: (p) => (pid = p), timeoutMs: 40_000 },
      );
      await firstShift;
      expect((await aliasOf(lane, 'fn-cancel')).RoutingConfig?.AdditionalVersionWeights).toEqual({ '2': 0.1 });
      process.kill(pid ?? 0, 'SIGINT');
      const run = await running;

      expect(run.exitCode, transcript(run)).toBe(1);
      expect(errorText(run)).toContain('The job was cancelled');
      const state = /::save-state name=lambda-put-back::(.*)/.exec(run.stdout)?.[1] ?? '';
      expect(JSON.parse(state)).toMatchObject([
        { functionName: 'fn-cancel', alias: 'live', version: '1', shiftedTo: '2' },
      ]);
      expect((await aliasOf(lane, 'fn-cancel')).RoutingConfig?.AdditionalVersionWeights).toEqual({ '2': 0.1 });

      refusePutBack = false;
      const post = await runPostStep({ ...lane.awsEnv, 'STATE_lambda-put-back': state });
      expect(post.code, post.stdout).toBe(0);
      expect(post.stdout).toContain(
        "Lambda function 'fn-cancel' alias live put back on version 1 (it was on 1 with routing).",
      );
      expect(isOnOne(await aliasOf(lane, 'fn-cancel'))).toBe(true);
    }));

  it('provisioned concurrency: waits until READY, showing allocated / requested', () =>
    testbed.lane(async (lane) => {
      const world = await seed(lane, 'pc-ready');
      await alarm(lane, 'pc-ready-errors', 'OK');
      provisionedConcurrency(lane.proxy, [
        { functionName: 'fn-pc-ready', alias: 'live', requested: 4, inProgressReads: 3, end: 'READY' },
      ]);
      const run = await deploy(lane, world, { 'lambda-traffic': 'all-at-once', 'lambda-alarms': 'pc-ready-errors' });

      expect(run.exitCode, transcript(run)).toBe(0);
      expect(run.stdout).toContain('provisioned concurrency of fn-pc-ready:live: IN_PROGRESS, 1 / 4 allocated');
      expect(run.stdout).toContain('provisioned concurrency of fn-pc-ready:live: IN_PROGRESS, 3 / 4 allocated');
      expect(lane.proxy.callsTo('GetProvisionedConcurrencyConfig')).toBe(4);
      expect((await aliasOf(lane, 'fn-pc-ready')).FunctionVersion).toBe('2');
    }));

  it('provisioned concurrency that FAILS: the step fails with its reason and the alias goes back', () =>
    testbed.lane(async (lane) => {
      const world = await seed(lane, 'pc-fail');
      const reason = 'FUNCTION_ERROR_INIT_FAILURE: the function could not initialise';
      provisionedConcurrency(lane.proxy, [
        { functionName: 'fn-pc-fail', alias: 'live', requested: 4, inProgressReads: 1, end: { failed: reason } },
      ]);
      const run = await deploy(lane, world, { 'lambda-traffic': 'canary 10% 1m' });

      expect(run.exitCode, transcript(run)).toBe(1);
      expect(errorText(run)).toContain(
        `provisioned concurrency of alias fn-pc-fail:live FAILED (0 / 4 allocated): ${reason}`,
      );
      expect(isOnOne(await aliasOf(lane, 'fn-pc-fail'))).toBe(true);
    }));

  it('two functions in lockstep: one alias move refused puts the other back too', () =>
    testbed.lane(async (lane) => {
      const world = await seed(lane, 'lockstep', ['fn-lock-a', 'fn-lock-b']);
      lane.proxy.overlay('lambda', 'UpdateAlias', async (req, next) => {
        if (req.call.resource !== 'fn-lock-b') return next();
        return lambdaError(
          412,
          'PreconditionFailedException',
          'The Revision Id provided does not match the latest Revision Id.',
        );
      });
      const run = await deploy(lane, world, { 'lambda-traffic': 'canary 10% 1m' });

      expect(run.exitCode, transcript(run)).toBe(1);
      expect(errorText(run)).toContain("Lambda function 'fn-lock-b': moving alias live to 10% on version 2 failed");
      expect(aliasMoves(lane, 'fn-lock-a')).toEqual([
        { version: '1', weights: { '2': 0.1 } },
        { version: '1', weights: {} },
      ]);
      expect(isOnOne(await aliasOf(lane, 'fn-lock-a'))).toBe(true);
      expect(isOnOne(await aliasOf(lane, 'fn-lock-b'))).toBe(true);
    }));

  it('lambda and parameter: a failed shift leaves the parameter untouched', () =>
    testbed.lane(async (lane) => {
      const world = await seed(lane, 'param');
      await putParameterHistory(lane.moto.url, '/app/traffic/image-tag', ['v1']);
      await alarm(lane, 'param-errors', 'OK');
      lane.proxy.overlay('lambda', 'UpdateAlias', async (_req, next) => {
        const response = await next();
        await alarm(lane, 'param-errors', 'ALARM', 'Threshold Crossed: errors');
        return response;
      });
      const run = await deploy(lane, world, {
        mode: 'lambda, parameter',
        'parameter-name': '/app/traffic/image-tag',
        'lambda-traffic': 'canary 10% 1m',
        'lambda-alarms': 'param-errors',
      });

      expect(run.exitCode, transcript(run)).toBe(1);
      expect(errorText(run)).toContain('Not run because of this failure: parameter.');
      expect(lane.proxy.callsTo('PutParameter')).toBe(0);
      expect((await getParameter(lane.moto.url, '/app/traffic/image-tag'))?.value).toBe('v1');
      expect(isOnOne(await aliasOf(lane, 'fn-param'))).toBe(true);
    }));
});
