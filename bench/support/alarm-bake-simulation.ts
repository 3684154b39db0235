// An alarm during a bake, on a simulated clock: the real ECS step (deployEcs, its poll loop
// and its schedule) against a stubbed ECS client and the fake clock of the unit tests. A
// blue/green deployment with a 30-minute bake is rolled back part-way through the bake
// (ECS moves the record to ROLLBACK_IN_PROGRESS); the same timeline runs twice, side by
// side: with `deploymentConfiguration.alarms` enabled (an alarm can end the bake, so the
// step polls at the moderate interval) and without (only the clock is expected to end it:
// the same rollback, started by hand, is seen on the once-a-minute schedule). Measured:
// calls per minute through the bake, and how long after the record left IN_PROGRESS the
// step saw it, over several moments of the rollback spread across a minute.

import {
  type DeploymentConfiguration,
  DescribeServiceDeploymentsCommand,
  DescribeServicesCommand,
  type ServiceDeployment,
  UpdateServiceCommand,
} from '@aws-sdk/client-ecs';
import {
  optionsFor,
  restoreWorlds,
  rollingOut,
  runningService,
  servicesOf,
  world,
} from '../../__tests__/support/ecs-step-world.ts';
import { deployEcs } from '../../src/steps/ecs.ts';
import type { BenchContext, Goal } from './lifecycle.ts';
import { markdownTable } from './table.ts';

const MIN = 60_000;
const INTERVAL = 3_000;
/** The goal: an alarm's rollback known within 20 s of ECS starting it. */
const GOAL_MS = 20_000;
const RECORD = 'arn:aws:ecs:us-east-1:123456789012:service-deployment/prod/web/alarm1';
const BAKE_STARTS_MS = 2 * MIN + 3_700;
const BAKE_MINUTES = 30;
const ROLLBACK_MS = 45_000;
/** When in the bake ECS starts the rollback: spread over a minute, off the poll grid. */
const ROLLBACK_OFFSETS_MS = Array.from({ length: 8 }, (_, i) => 12 * MIN + i * 7_300);

const WITH_ALARMS: DeploymentConfiguration = {
  strategy: 'BLUE_GREEN',
  bakeTimeInMinutes: BAKE_MINUTES,
  alarms: { alarmNames: ['api-5xx'], enable: true, rollback: true },
};
const WITHOUT_ALARMS: DeploymentConfiguration = { strategy: 'BLUE_GREEN', bakeTimeInMinutes: BAKE_MINUTES };

interface Run {
  /** From the record leaving IN_PROGRESS to the first poll that saw it, simulated ms. */
  seenAfterMs: number;
  /** DescribeServices + DescribeServiceDeployments per minute of bake before the rollback. */
  bakeCallsPerMin: number;
  verdict: string;
}

function recordAt(t: number, rollbackAt: number): ServiceDeployment {
  const base = { serviceDeploymentArn: RECORD };
  if (t < MIN) return { ...base, status: 'IN_PROGRESS', lifecycleStage: 'SCALE_UP' };
  if (t < BAKE_STARTS_MS) return { ...base, status: 'IN_PROGRESS', lifecycleStage: 'PRODUCTION_TRAFFIC_SHIFT' };
  if (t < rollbackAt) return { ...base, status: 'IN_PROGRESS', lifecycleStage: 'BAKE_TIME' };
  const reason = 'Service deployment rolled back because the CloudWatch alarm api-5xx was in ALARM state.';
  if (t < rollbackAt + ROLLBACK_MS)
    return { ...base, status: 'ROLLBACK_IN_PROGRESS', lifecycleStage: 'BAKE_TIME', statusReason: reason };
  return { ...base, status: 'ROLLBACK_SUCCESSFUL', lifecycleStage: 'CLEAN_UP', statusReason: reason };
}

async function simulate(config: DeploymentConfiguration, offsetMs: number): Promise<Run> {
  const w = world();
  const rollbackAt = BAKE_STARTS_MS + offsetMs;
  let updatedAt: number | undefined;
  const elapsed = () => (updatedAt === undefined ? 0 : w.deps.now() - updatedAt);
  let bakeCalls = 0;
  let seenAt: number | undefined;
  const count = (t: number) => {
    if (t >= BAKE_STARTS_MS && t < rollbackAt) bakeCalls += 1;
  };
  w.registers();
  // A failed deployment's stopped tasks are looked for: none here.
  w.stoppedTasks([]);
  w.mock.on(DescribeServicesCommand).callsFake(() => {
    if (updatedAt !== undefined) count(elapsed());
    return servicesOf(
      updatedAt === undefined
        ? runningService({ deploymentConfiguration: config })
        : { ...rollingOut(), deploymentConfiguration: config },
    );
  });
  w.mock.on(UpdateServiceCommand).callsFake(() => {
    updatedAt = w.deps.now();
    return { service: { ...rollingOut(), deploymentConfiguration: config, currentServiceDeployment: RECORD } };
  });
  w.mock.on(DescribeServiceDeploymentsCommand).callsFake(() => {
    const t = elapsed();
    count(t);
    if (seenAt === undefined && t >= rollbackAt) seenAt = t;
    return { serviceDeployments: [{ deploymentConfiguration: config, ...recordAt(t, rollbackAt) }] };
  });
  try {
    const result = await deployEcs(
      optionsFor({
        cpu: '1024',
        memory: '2048',
        wait: { enabled: true, timeoutMs: 2 * 60 * MIN, intervalMs: INTERVAL },
      }),
      w.deps,
    );
    const verdict = result.verdict.state === 'failed' ? `failed (${result.verdict.kind})` : result.verdict.state;
    return {
      seenAfterMs: seenAt === undefined ? Number.NaN : seenAt - rollbackAt,
      bakeCallsPerMin: bakeCalls / (offsetMs / MIN),
      verdict,
    };
  } finally {
    restoreWorlds();
  }
}

const s = (ms: number): string => (ms / 1000).toFixed(1);

export async function alarmBakeSimulation(ctx: BenchContext): Promise<Goal[]> {
  const sides = [
    { label: 'alarms enabled', config: WITH_ALARMS },
    { label: 'no alarms (only the clock ends the bake)', config: WITHOUT_ALARMS },
  ];
  const results = [];
  for (const side of sides) {
    const runs: Run[] = [];
    for (const offset of ROLLBACK_OFFSETS_MS) runs.push(await simulate(side.config, offset));
    results.push({ ...side, runs });
  }
  ctx.print();
  ctx.print(
    `An alarm during a bake, simulated clock (the real step, ECS stubbed, poll-interval ${INTERVAL / 1000} s): a ${BAKE_MINUTES}-minute blue/green bake rolled back ` +
      `${ROLLBACK_OFFSETS_MS.length} times, ${s(ROLLBACK_OFFSETS_MS[0] ?? 0)}-${s(ROLLBACK_OFFSETS_MS.at(-1) ?? 0)} s into the bake. "seen after": from the record leaving IN_PROGRESS ` +
      'to the first DescribeServiceDeployments that saw it. Calls: DescribeServices + DescribeServiceDeployments.',
  );
  ctx.print();
  ctx.print(
    markdownTable(
      ['bake', 'calls/min in the bake', 'seen after: min (s)', 'median (s)', 'max (s)', 'verdicts'],
      results.map((r) => {
        const seen = r.runs.map((run) => run.seenAfterMs).sort((a, b) => a - b);
        const perMin = r.runs.map((run) => run.bakeCallsPerMin);
        return [
          r.label,
          `${Math.min(...perMin).toFixed(1)}-${Math.max(...perMin).toFixed(1)}`,
          s(seen[0] ?? Number.NaN),
          s(seen[Math.floor(seen.length / 2)] ?? Number.NaN),
          s(seen.at(-1) ?? Number.NaN),
          [...new Set(r.runs.map((run) => run.verdict))].join(', '),
        ];
      }),
      { align: ['left', 'right', 'right', 'right', 'right', 'left'] },
    ),
  );
  const watched = results[0]?.runs ?? [];
  const worst = Math.max(...watched.map((r) => r.seenAfterMs));
  const late = watched
    .filter((r) => !(r.seenAfterMs <= GOAL_MS))
    .map((r) => `seen ${s(r.seenAfterMs)} s after the rollback began`);
  const wrong = results.flatMap((r) =>
    r.runs.filter((run) => !run.verdict.startsWith('failed')).map((run) => `${r.label}: ${run.verdict}`),
  );
  return [
    {
      goal: `an alarm's rollback during a bake seen within ${GOAL_MS / 1000} s of the record leaving IN_PROGRESS (simulated clock)`,
      measured: `at most ${s(worst)} s over ${watched.length} rollbacks`,
      met: late.length === 0,
      details: late,
    },
    {
      goal: 'a bake rolled back by an alarm is a failure',
      measured: `${results.flatMap((r) => r.runs).length - wrong.length}/${results.flatMap((r) => r.runs).length} failed`,
      met: wrong.length === 0,
      details: wrong,
    },
  ];
}
