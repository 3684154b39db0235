// Long waits on a simulated clock: the real ECS step (deployEcs, its poll loop and its
// schedule) against a stubbed ECS client and the fake clock of the unit tests, so a
// 30-minute bake or a 24-hour one takes milliseconds. What it measures is the code's own
// choice of when to poll: calls per phase and how long after ECS's record turned terminal
// (or reached the wait-until stage) the step saw it, in simulated seconds. The HTTP path
// and real time are what the record scenarios (record-scenarios.ts) measure.

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
import type { WaitUntil } from '../../src/plan/service-deployment-stages.ts';
import { deployEcs } from '../../src/steps/ecs.ts';
import type { BenchContext, Goal } from './lifecycle.ts';
import { markdownTable } from './table.ts';

const MIN = 60_000;
const INTERVAL = 3_000;
const GOAL_MS = 5_000;
const RECORD = 'arn:aws:ecs:us-east-1:123456789012:service-deployment/prod/web/sim1';

type Phase = { label: string; ms: number; record: ServiceDeployment };

interface SimCase {
  name: string;
  config: DeploymentConfiguration;
  phases: Phase[];
  waitUntil: WaitUntil;
  /** The phase whose start ends the wait (the terminal record, or the wait-until stage). */
  endsAt: string;
}

const inProgress = (lifecycleStage: ServiceDeployment['lifecycleStage'], weight?: number): ServiceDeployment => ({
  serviceDeploymentArn: RECORD,
  status: 'IN_PROGRESS',
  lifecycleStage,
  ...(weight === undefined
    ? {}
    : { targetServiceRevision: { arn: 'arn:rev/ours', requestedProductionTrafficWeight: weight } }),
});
const phase = (label: string, ms: number, record: ServiceDeployment): Phase => ({ label, ms, record });
const successful: Phase = phase('SUCCESSFUL', Infinity, {
  serviceDeploymentArn: RECORD,
  status: 'SUCCESSFUL',
  lifecycleStage: 'CLEAN_UP',
});
// Stage lengths off the 3 s poll grid, so a stage's start falls between two polls as it would.
const shiftUp = [
  phase('SCALE_UP', 61_300, inProgress('SCALE_UP')),
  phase('TEST_TRAFFIC_SHIFT', 30_700, inProgress('TEST_TRAFFIC_SHIFT')),
];
const cleanUp = phase('CLEAN_UP', 41_900, inProgress('CLEAN_UP', 100));

function cases(): SimCase[] {
  const linearSteps = [25, 50, 75].map((w) =>
    phase(`PRODUCTION_TRAFFIC_SHIFT ${w}% (10 min step bake)`, 10 * MIN, inProgress('PRODUCTION_TRAFFIC_SHIFT', w)),
  );
  return [
    {
      name: 'blue/green, 30-minute bake',
      config: { strategy: 'BLUE_GREEN', bakeTimeInMinutes: 30 },
      phases: [
        ...shiftUp,
        phase('PRODUCTION_TRAFFIC_SHIFT', 31_100, inProgress('PRODUCTION_TRAFFIC_SHIFT', 100)),
        phase('BAKE_TIME (30 min)', 30 * MIN, inProgress('BAKE_TIME', 100)),
        cleanUp,
        successful,
      ],
      waitUntil: 'completed',
      endsAt: 'SUCCESSFUL',
    },
    {
      name: 'blue/green, 24-hour bake, wait-until BAKE_TIME',
      config: { strategy: 'BLUE_GREEN', bakeTimeInMinutes: 1440 },
      phases: [
        ...shiftUp,
        phase('PRODUCTION_TRAFFIC_SHIFT', 31_100, inProgress('PRODUCTION_TRAFFIC_SHIFT', 100)),
        phase('BAKE_TIME (24 h)', 1440 * MIN, inProgress('BAKE_TIME', 100)),
        cleanUp,
        successful,
      ],
      waitUntil: 'BAKE_TIME',
      endsAt: 'BAKE_TIME (24 h)',
    },
    {
      name: 'linear 25% steps, 10-minute step bakes, 5-minute bake',
      config: {
        strategy: 'LINEAR',
        bakeTimeInMinutes: 5,
        linearConfiguration: { stepPercent: 25, stepBakeTimeInMinutes: 10 },
      },
      phases: [
        ...shiftUp,
        ...linearSteps,
        phase('PRODUCTION_TRAFFIC_SHIFT 100%', 20_000, inProgress('PRODUCTION_TRAFFIC_SHIFT', 100)),
        phase('BAKE_TIME (5 min)', 5 * MIN, inProgress('BAKE_TIME', 100)),
        cleanUp,
        successful,
      ],
      waitUntil: 'completed',
      endsAt: 'SUCCESSFUL',
    },
    {
      name: 'canary 10%, 15-minute canary bake, 30-minute bake',
      config: {
        strategy: 'CANARY',
        bakeTimeInMinutes: 30,
        canaryConfiguration: { canaryPercent: 10, canaryBakeTimeInMinutes: 15 },
      },
      phases: [
        ...shiftUp,
        phase(
          'PRODUCTION_TRAFFIC_SHIFT 10% (15 min canary bake)',
          15 * MIN,
          inProgress('PRODUCTION_TRAFFIC_SHIFT', 10),
        ),
        phase('PRODUCTION_TRAFFIC_SHIFT 100%', 20_000, inProgress('PRODUCTION_TRAFFIC_SHIFT', 100)),
        phase('BAKE_TIME (30 min)', 30 * MIN, inProgress('BAKE_TIME', 100)),
        cleanUp,
        successful,
      ],
      waitUntil: 'completed',
      endsAt: 'SUCCESSFUL',
    },
  ];
}

interface SimRow {
  kase: SimCase;
  verdict: string;
  afterEndMs: number;
  total: number;
  perPhase: Array<{ label: string; ms: number; calls: number }>;
}

async function simulate(kase: SimCase): Promise<SimRow> {
  const w = world();
  let updatedAt: number | undefined;
  const elapsed = () => (updatedAt === undefined ? 0 : w.deps.now() - updatedAt);
  const starts: number[] = [];
  let at = 0;
  for (const p of kase.phases) {
    starts.push(at);
    at += p.ms;
  }
  const phaseAt = (t: number) => {
    let i = 0;
    while (i + 1 < starts.length && (starts[i + 1] ?? Infinity) <= t) i += 1;
    return i;
  };
  const calls = new Array<number>(kase.phases.length).fill(0);
  const count = () => {
    if (updatedAt !== undefined) calls[phaseAt(elapsed())] = (calls[phaseAt(elapsed())] ?? 0) + 1;
  };
  const deploymentConfiguration = kase.config;
  w.registers();
  w.mock.on(DescribeServicesCommand).callsFake(() => {
    count();
    return servicesOf(
      updatedAt === undefined
        ? runningService({ deploymentConfiguration })
        : { ...rollingOut(), deploymentConfiguration },
    );
  });
  w.mock.on(UpdateServiceCommand).callsFake(() => {
    updatedAt = w.deps.now();
    return { service: { ...rollingOut(), deploymentConfiguration, currentServiceDeployment: RECORD } };
  });
  w.mock.on(DescribeServiceDeploymentsCommand).callsFake(() => {
    count();
    return { serviceDeployments: [{ deploymentConfiguration, ...kase.phases[phaseAt(elapsed())]?.record }] };
  });
  try {
    const result = await deployEcs(
      optionsFor({
        cpu: '1024',
        memory: '2048',
        waitUntil: kase.waitUntil,
        wait: { enabled: true, timeoutMs: 26 * 60 * MIN, intervalMs: INTERVAL },
      }),
      w.deps,
    );
    const end = starts[kase.phases.findIndex((p) => p.label === kase.endsAt)] ?? Number.NaN;
    return {
      kase,
      verdict: result.verdict.state,
      afterEndMs: elapsed() - end,
      total: calls.reduce((a, b) => a + b, 0),
      perPhase: kase.phases.map((p, i) => ({ label: p.label, ms: p.ms, calls: calls[i] ?? 0 })),
    };
  } finally {
    restoreWorlds();
  }
}

const fmt = (ms: number): string =>
  ms === Infinity
    ? '-'
    : ms >= MIN
      ? `${(ms / MIN).toFixed(ms % MIN === 0 ? 0 : 1)} min`
      : `${(ms / 1000).toFixed(1)} s`;

export async function bakeSimulation(ctx: BenchContext): Promise<Goal[]> {
  const rows: SimRow[] = [];
  for (const kase of cases()) rows.push(await simulate(kase));
  ctx.print();
  ctx.print(
    `Long waits on a simulated clock (the real step and its poll schedule, ECS stubbed, poll-interval ${INTERVAL / 1000} s): calls = DescribeServices + DescribeServiceDeployments.`,
  );
  ctx.print();
  ctx.print(
    markdownTable(
      ['deployment', 'verdict', 'seen after (simulated s)', 'calls in all', 'naive 3 s polling'],
      rows.map((r) => {
        const until = r.kase.phases.findIndex((p) => p.label === r.kase.endsAt);
        const span = r.kase.phases.slice(0, until).reduce((a, p) => a + p.ms, 0);
        return [
          r.kase.name,
          r.verdict,
          (r.afterEndMs / 1000).toFixed(1),
          String(r.total),
          String(2 * Math.ceil(span / INTERVAL)),
        ];
      }),
    ),
  );
  ctx.print();
  ctx.print(
    markdownTable(
      ['deployment', 'phase', 'length', 'calls', 'calls/min'],
      rows.flatMap((r) =>
        r.perPhase
          .filter((p) => p.calls > 0 || p.ms !== Infinity)
          .map((p) => [
            r.kase.name,
            p.label,
            fmt(p.ms),
            String(p.calls),
            p.ms === Infinity || p.ms < MIN ? '-' : (p.calls / (p.ms / MIN)).toFixed(1),
          ]),
      ),
    ),
  );
  const late = rows
    .filter((r) => !(r.afterEndMs <= GOAL_MS))
    .map((r) => `${r.kase.name}: seen ${(r.afterEndMs / 1000).toFixed(1)} s after`);
  const thirty = rows[0];
  const bakeCalls = thirty?.perPhase.find((p) => p.label.startsWith('BAKE_TIME'))?.calls;
  return [
    {
      goal: `simulated long waits: the verdict within ${GOAL_MS / 1000} s of the record turning terminal / reaching the wait-until stage`,
      measured: rows.map((r) => `${(r.afterEndMs / 1000).toFixed(1)} s`).join(', '),
      met: late.length === 0,
      details: late,
    },
    {
      goal: 'a 30-minute bake costs tens of calls, not hundreds (simulated clock)',
      measured: `${bakeCalls ?? '?'} calls in the bake (${thirty?.total ?? '?'} in the whole deploy)`,
      met: (bakeCalls ?? Infinity) < 100,
    },
  ];
}
