import { beforeAll, describe, expect, it } from 'vitest';
import { getParameter } from '../support/aws-fixtures.ts';
import { attemptsOf, faultDeploys, SDK_MAX_ATTEMPTS, writesOf } from '../support/fault-deploys.ts';
import type { FaultBurstOptions } from '../support/fault-scenarios.ts';
import { faultBursts, keyOf } from '../support/fault-scenarios.ts';
import type { ActionRun } from '../support/run-action.ts';
import { errorText, transcript } from '../support/run-action.ts';
import { serviceDeploymentsOn } from '../support/service-deployment-scenarios.ts';
import { useTestbed } from '../support/testbed.ts';

// Fault tolerance: AWS throttles, fails with 5xx, drops connections, answers
// slowly, and refuses writes that collide with others. Through the scenario proxy, the
// bundled action must survive each within bounded retries and apply every change exactly
// once (counted in moto's state, not only in calls), and a run killed mid-deploy must
// converge when run again. Each scenario seeds its own world.
//
// Bursts of faults here; errors the SDK does not retry and lost answers in
// faults-busy.test.ts, killed runs in faults-rerun.test.ts, the instrument itself in
// fault-instrument.test.ts.

describe('fault tolerance of a full image + ecs + lambda + parameter deploy', () => {
  const testbed = useTestbed();
  // The clean deploy goes through the suite's own proxy; each scenario has a lane (a proxy
  // of its own in front of the same moto), so the scenarios run side by side.
  const { cleanDeployCalls } = faultDeploys(testbed);
  // ECS answers the service-deployment calls for every service (no records: an empty list);
  // moto answers them with an HTML 500, which is no AWS fault to be tolerant of.
  beforeAll(() => serviceDeploymentsOn(testbed.proxy).answerUnscripted(true));

  describe.concurrent('bursts on every call the action makes', () => {
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
    ])('$name: succeeds, changes everything exactly once, retries each call at most its burst', ({ fault }) =>
      testbed.lane(async (lane) => {
        const { seedWorld, deploy, expectDeployedOnce, callsFrom, reachedCounts, withoutPolls } = faultDeploys(lane);
        const expected = await cleanDeployCalls();
        const { proxy } = lane;
        serviceDeploymentsOn(proxy).answerUnscripted(true);
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
        for (const [key, count] of Object.entries(expected))
          expect(reached[key] ?? 0, key).toBeGreaterThanOrEqual(count);
        // The fault hit every operation the action called...
        const called = new Set(callsFrom(from).map(keyOf));
        expect([...called].filter((key) => !counts.faulted.has(key))).toEqual([]);
        // ...and every call got through after exactly its burst: the SDK's retries (at most
        // SDK_MAX_ATTEMPTS attempts) absorbed it, or, for the two writes that are not
        // idempotent and get one SDK attempt, the action's own retry after a fresh look.
        if (fault.kind !== 'slow') {
          for (const key of called)
            expect(attemptsOf(counts, key), key).toBe((counts.passed.get(key) ?? 0) * (fault.burst + 1));
          expect(fault.burst + 1).toBeLessThanOrEqual(SDK_MAX_ATTEMPTS);
        }
        const ownRetries = run.stdout.split('\n').filter((line) => /; attempt \d+ in /.test(line));
        expect(ownRetries.filter((line) => !/RegisterTaskDefinition for family|Writing parameter/.test(line))).toEqual(
          [],
        );
      }),
    );

    it('fails after exactly the SDK’s six attempts when a burst outlasts them, and names the call', () =>
      testbed.lane(async (lane) => {
        const { seedWorld, deploy, reachedCounts } = faultDeploys(lane);
        const { proxy } = lane;
        const world = await seedWorld('burst-too-long');
        const from = proxy.calls.length;
        const counts = faultBursts(proxy, {
          kind: 'http503',
          burst: SDK_MAX_ATTEMPTS + 1,
          service: 'ssm',
          operation: 'GetParameter',
        });

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
        expect(await getParameter(lane.endpoint, world.parameterName)).toEqual(world.parameter);
      }));

    it('retries a write that gets one SDK attempt until wait-timeout, then fails naming it, having written nothing', () =>
      testbed.lane(async (lane) => {
        const { seedWorld, deploy, reachedCounts } = faultDeploys(lane);
        const { proxy } = lane;
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
        expect(await getParameter(lane.endpoint, world.parameterName)).toEqual(world.parameter);
      }));
  });
});
