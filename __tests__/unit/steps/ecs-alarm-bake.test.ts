import {
  type DeploymentConfiguration,
  DescribeServiceDeploymentsCommand,
  DescribeServicesCommand,
  type ServiceDeployment,
  UpdateServiceCommand,
} from '@aws-sdk/client-ecs';
import { afterEach, describe, expect, it } from 'vitest';
import { WATCHED_INTERVAL_MS } from '../../../src/plan/poll-schedule.ts';
import { deployEcs } from '../../../src/steps/ecs.ts';
import {
  INTERVAL,
  optionsFor,
  restoreWorlds,
  rollingOut,
  runningService,
  servicesOf,
  world,
} from '../../support/ecs-step-world.ts';

// Through a bake an alarm can end, the follower polls at the moderate interval, so ECS's
// rollback is seen within 20 s; through a bake only the clock can end, once a minute.

afterEach(restoreWorlds);

const RECORD = 'arn:aws:ecs:us-east-1:123456789012:service-deployment/prod/web/alarm1';
const MIN = 60_000;
const BAKE_STARTS = 2 * MIN;
const ROLLBACK_AT = BAKE_STARTS + 10 * MIN + 4_300;
const bake: DeploymentConfiguration = { strategy: 'BLUE_GREEN', bakeTimeInMinutes: 30 };
const withAlarms: DeploymentConfiguration = {
  ...bake,
  alarms: { alarmNames: ['api-5xx'], enable: true, rollback: true },
};

function recordAt(t: number): ServiceDeployment {
  const base = { serviceDeploymentArn: RECORD };
  if (t < BAKE_STARTS) return { ...base, status: 'IN_PROGRESS', lifecycleStage: 'PRODUCTION_TRAFFIC_SHIFT' };
  if (t < ROLLBACK_AT) return { ...base, status: 'IN_PROGRESS', lifecycleStage: 'BAKE_TIME' };
  if (t < ROLLBACK_AT + 30_000)
    return {
      ...base,
      status: 'ROLLBACK_IN_PROGRESS',
      lifecycleStage: 'BAKE_TIME',
      statusReason: 'alarm api-5xx in ALARM',
    };
  return { ...base, status: 'ROLLBACK_SUCCESSFUL', lifecycleStage: 'CLEAN_UP', statusReason: 'alarm api-5xx in ALARM' };
}

/** Deploys against a record that is rolled back 10 minutes into the bake; returns when each record read happened. */
async function deployRolledBack(config: DeploymentConfiguration) {
  const w = world();
  let updatedAt: number | undefined;
  const elapsed = () => (updatedAt === undefined ? 0 : w.deps.now() - updatedAt);
  const reads: number[] = [];
  w.registers();
  w.stoppedTasks([]);
  w.mock
    .on(DescribeServicesCommand)
    .callsFake(() =>
      servicesOf(
        updatedAt === undefined
          ? runningService({ deploymentConfiguration: config })
          : { ...rollingOut(), deploymentConfiguration: config },
      ),
    );
  w.mock.on(UpdateServiceCommand).callsFake(() => {
    updatedAt = w.deps.now();
    return { service: { ...rollingOut(), deploymentConfiguration: config, currentServiceDeployment: RECORD } };
  });
  w.mock.on(DescribeServiceDeploymentsCommand).callsFake(() => {
    reads.push(elapsed());
    return { serviceDeployments: [{ deploymentConfiguration: config, ...recordAt(elapsed()) }] };
  });
  const result = await deployEcs(
    optionsFor({ cpu: '1024', memory: '2048', wait: { enabled: true, timeoutMs: 2 * 60 * MIN, intervalMs: INTERVAL } }),
    w.deps,
  );
  const inBake = reads.filter((t) => t >= BAKE_STARTS && t < ROLLBACK_AT);
  const gaps = inBake.slice(1).map((t, i) => t - (inBake[i] ?? t));
  const seen = reads.find((t) => t >= ROLLBACK_AT);
  return { result, gaps, seenAfter: seen === undefined ? Number.NaN : seen - ROLLBACK_AT };
}

describe('an alarm during a bake', () => {
  it('with alarms enabled: polls the bake every 15 s and sees the rollback within 20 s', async () => {
    const { result, gaps, seenAfter } = await deployRolledBack(withAlarms);

    expect(result.verdict).toMatchObject({ state: 'failed' });
    expect(Math.max(...gaps)).toBe(WATCHED_INTERVAL_MS);
    expect(seenAfter).toBeLessThan(20_000);
  });

  it('without alarms: polls the bake once a minute (only the clock was expected to end it)', async () => {
    const { result, gaps } = await deployRolledBack(bake);

    expect(result.verdict).toMatchObject({ state: 'failed' });
    expect(Math.max(...gaps)).toBe(MIN);
  });
});
