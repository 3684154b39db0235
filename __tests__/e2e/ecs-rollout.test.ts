import { describe, expect, it } from 'vitest';
import { NEXT_APP_IMAGE } from '../support/ecs-fixtures.ts';
import type { ActionRun } from '../support/run-action.ts';
import { errorText, runAction, transcript } from '../support/run-action.ts';
import type { RecordedCall, RolloutScript } from '../support/scenario-proxy.ts';
import {
  CIRCUIT_BREAKER_REASON,
  circuitBreakerRollback,
  completesAfter,
  crashLoop,
  ESSENTIAL_EXITED,
  neverCompletes,
} from '../support/scenario-proxy.ts';
import type { Testbed } from '../support/testbed.ts';
import { useTestbed } from '../support/testbed.ts';

// The rollouts moto cannot do, played by the scenario proxy; the action only sees ECS.
describe.concurrent('mode ecs waits for the rollout it started', () => {
  const testbed = useTestbed();

  async function deploy(
    lane: Testbed,
    name: string,
    script: RolloutScript,
    extra: Record<string, string> = {},
  ): Promise<ActionRun> {
    await lane.seedService({ cluster: `c-${name}`, service: `s-${name}`, desiredCount: 2, rollout: script });
    return runAction({
      inputs: {
        mode: 'ecs',
        cluster: `c-${name}`,
        service: `s-${name}`,
        'container-name': 'app',
        image: NEXT_APP_IMAGE,
        'poll-interval': '1s',
        'wait-timeout': '60s',
        ...extra,
      },
      env: lane.awsEnv,
    });
  }

  it('succeeds once the rollout completes, and reports the deployment it started', () =>
    testbed.lane(async (lane) => {
      const run = await deploy(lane, 'completes', completesAfter(3000));

      expect(run.exitCode, transcript(run)).toBe(0);
      const [deploymentId] = lane.proxy.deploymentIds('s-completes');
      expect(deploymentId).toMatch(/^ecs-svc\/\d{19}$/);
      expect(run.outputs).toMatchObject({ changed: 'true', 'deployment-id': deploymentId, image: NEXT_APP_IMAGE });
      // It waited for the completion rather than calling the first snapshot stable.
      const about = (c: RecordedCall): boolean => JSON.stringify(c.body).includes('s-completes');
      const update = lane.proxy.calls.find((c) => c.operation === 'UpdateService' && about(c));
      const lastDescribe = lane.proxy.calls.filter((c) => c.operation === 'DescribeServices' && about(c)).at(-1);
      expect(lastDescribe?.at ?? 0).toBeGreaterThanOrEqual((update?.at ?? Infinity) + 3000);
    }));

  it('fails when the circuit breaker marks the deployment FAILED, even though the rollback then completes', () =>
    testbed.lane(async (lane) => {
      const run = await deploy(lane, 'breaker', circuitBreakerRollback({ failAfterMs: 2000, rolledBackAfterMs: 4000 }));

      expect(run.exitCode, transcript(run)).toBe(1);
      expect(errorText(run)).toContain(CIRCUIT_BREAKER_REASON);
    }));

  it('fails a crash loop without a circuit breaker once max-failed-tasks tasks stopped, with their reasons', () =>
    testbed.lane(async (lane) => {
      const run = await deploy(
        lane,
        'crash',
        crashLoop({ everyMs: 700, exitCode: 1, reason: 'Error: cannot connect to database' }),
        {
          'max-failed-tasks': '3',
        },
      );

      expect(run.exitCode, transcript(run)).toBe(1);
      const error = errorText(run);
      expect(error).toContain('max-failed-tasks');
      expect(error).toContain(ESSENTIAL_EXITED);
      expect(error).toContain('exit code 1');
    }));

  it('gives up at wait-timeout and says how far the rollout got', () =>
    testbed.lane(async (lane) => {
      const run = await deploy(lane, 'timeout', neverCompletes(), { 'wait-timeout': '4s' });

      expect(run.exitCode, transcript(run)).toBe(1);
      const error = errorText(run);
      expect(error).toContain('Timed out');
      expect(error).toContain('running 0/2');
    }));
});
