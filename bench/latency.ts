// Benchmark 1, detection latency: how long after ECS reports a rollout's outcome does the
// deploy step end? Scripted rollouts complete, or fail by circuit breaker (then roll back),
// T seconds after UpdateService. Side by side in the same run, each on its own service:
// image-deploy (dist/index.js, default poll-interval 3 s) and the SDK's
// waitUntilServicesStable configured as the official ECS deploy action configures it
// (minDelay 15 s, maxDelay the SDK's default, maxWaitTime 30 min).
//
//   node_modules/node/bin/node bench/latency.ts [--quick] [--check] [--record-only] [--simulated-only]
//
// Then the deployments ECS keeps a record of (bench/support/record-scenarios.ts): blue/green
// with a bake, a canary rolled back by an alarm, a rolling crash loop rolled back by
// rollback-on-failure; --record-only runs just those. Last, long bakes and step bakes on a
// simulated clock (bench/support/bake-simulation.ts) and an alarm during a bake, with alarms
// enabled and without, side by side (bench/support/alarm-bake-simulation.ts);
// --simulated-only runs just those.

import {
  ECSClient,
  RegisterTaskDefinitionCommand,
  UpdateServiceCommand,
  waitUntilServicesStable,
} from '@aws-sdk/client-ecs';
import type { EcsTestbed } from '../__tests__/support/ecs-fixtures.ts';
import {
  richTaskDefinition,
  startEcsTestbed,
  TEST_ACCOUNT,
  TEST_CREDENTIALS,
  TEST_REGION,
} from '../__tests__/support/ecs-fixtures.ts';
import { errorText, runAction } from '../__tests__/support/run-action.ts';
import type { RecordedCall, RolloutScript } from '../__tests__/support/scenario-proxy.ts';
import { CIRCUIT_BREAKER_REASON, circuitBreakerRollback, completesAfter } from '../__tests__/support/scenario-proxy.ts';
import { alarmBakeSimulation } from './support/alarm-bake-simulation.ts';
import { bakeSimulation } from './support/bake-simulation.ts';
import type { BenchContext, Goal } from './support/lifecycle.ts';
import { runBenchmark } from './support/lifecycle.ts';
import { recordScenarios } from './support/record-scenarios.ts';
import type { ScriptedService } from './support/scripted-service.ts';
import { seedScriptedService } from './support/scripted-service.ts';
import { seconds } from './support/stats.ts';
import { markdownTable } from './support/table.ts';

const NEW_IMAGE = `${TEST_ACCOUNT}.dkr.ecr.${TEST_REGION}.amazonaws.com/app:2.0.0`;
const GOAL_MS = 5_000;
/** What the official action passes (WAIT_DEFAULT_DELAY_SEC); maxDelay is left to the SDK. */
const BASELINE_MIN_DELAY_S = 15;
const BASELINE_MAX_WAIT_S = 30 * 60;

type Outcome = 'completes' | 'fails';

interface Case {
  outcome: Outcome;
  /** When ECS reports the outcome, ms after UpdateService. */
  atMs: number;
  /** Failing cases: when the rollback deployment completes, ms after UpdateService. */
  rolledBackAtMs?: number;
}

interface Side {
  /** Exit (or waiter return) minus the outcome time; NaN when it never started a rollout. */
  afterOutcomeMs: number;
  /** The first DescribeServices at or after the outcome, minus the outcome time: the wait for the next poll. */
  nextPollMs: number;
  /** What it concluded, in a few words. */
  says: string;
  /** Whether that conclusion is the right one for the case. */
  right: boolean;
  describeServices: number;
}

interface Row {
  kase: Case;
  ours: Side;
  baseline: Side;
}

function scriptOf(kase: Case): RolloutScript {
  return kase.outcome === 'completes'
    ? completesAfter(kase.atMs)
    : circuitBreakerRollback({ failAfterMs: kase.atMs, rolledBackAfterMs: kase.rolledBackAtMs ?? kase.atMs });
}

function casesFor(quick: boolean): Case[] {
  const ts = quick ? [5, 20] : [5, 20, 60, 120];
  const rollbackMs = quick ? 10_000 : 30_000;
  return (['completes', 'fails'] as const).flatMap((outcome) =>
    ts.map((t) =>
      outcome === 'completes'
        ? { outcome, atMs: t * 1000 }
        : { outcome, atMs: t * 1000, rolledBackAtMs: t * 1000 + rollbackMs },
    ),
  );
}

function describeCallsFor(calls: readonly RecordedCall[], service: string): RecordedCall[] {
  return calls.filter(
    (c) =>
      c.operation === 'DescribeServices' &&
      JSON.stringify((c.body as { services?: unknown } | undefined)?.services ?? []).includes(`"${service}"`),
  );
}

/** The timing fields of a Side: from the outcome to the end, and to the first poll that could see it. */
function timings(
  testbed: EcsTestbed,
  world: ScriptedService,
  kase: Case,
  endedAt: number,
): Pick<Side, 'afterOutcomeMs' | 'nextPollMs' | 'describeServices'> {
  const polls = describeCallsFor(testbed.proxy.calls, world.seeded.serviceName);
  const startedAt = world.rolloutStartedAt();
  if (startedAt === undefined)
    return { afterOutcomeMs: Number.NaN, nextPollMs: Number.NaN, describeServices: polls.length };
  const outcomeAt = startedAt + kase.atMs;
  const next = polls.find((c) => c.at >= outcomeAt);
  return {
    afterOutcomeMs: endedAt - outcomeAt,
    nextPollMs: next === undefined ? Number.NaN : next.at - outcomeAt,
    describeServices: polls.length,
  };
}

async function measureOurs(
  testbed: EcsTestbed,
  world: ScriptedService,
  kase: Case,
  signal: AbortSignal,
): Promise<Side> {
  const run = await runAction({
    inputs: {
      mode: 'ecs',
      cluster: world.cluster,
      service: world.seeded.serviceName,
      'container-name': 'app',
      image: NEW_IMAGE,
      'wait-timeout': '30m',
    },
    env: testbed.awsEnv,
    timeoutMs: (kase.rolledBackAtMs ?? kase.atMs) + 120_000,
    signal,
  });
  const endedAt = Date.now();
  const error = errorText(run);
  const says =
    run.exitCode === 0
      ? 'success (exit 0)'
      : run.exitCode === 1
        ? error.includes(CIRCUIT_BREAKER_REASON)
          ? 'failure: circuit breaker (exit 1)'
          : `failure (exit 1): ${error.split('\n')[0] ?? ''}`
        : `killed after ${seconds(run.durationMs)} s`;
  return {
    ...timings(testbed, world, kase, endedAt),
    says,
    right:
      kase.outcome === 'completes' ? run.exitCode === 0 : run.exitCode === 1 && error.includes(CIRCUIT_BREAKER_REASON),
  };
}

/** Register a revision with the new image and UpdateService, then wait as the official action does. */
async function measureBaseline(
  testbed: EcsTestbed,
  world: ScriptedService,
  kase: Case,
  signal: AbortSignal,
): Promise<Side> {
  // SDK defaults otherwise (retries included), as the official action builds its client.
  const ecs = new ECSClient({ endpoint: testbed.proxy.url, region: TEST_REGION, credentials: TEST_CREDENTIALS });
  try {
    const rich = richTaskDefinition(world.seeded.family);
    const registered = await ecs.send(
      new RegisterTaskDefinitionCommand({
        ...rich,
        containerDefinitions: rich.containerDefinitions?.map((c) =>
          c.name === 'app' ? { ...c, image: NEW_IMAGE } : c,
        ),
      }),
    );
    const taskDefinition = registered.taskDefinition?.taskDefinitionArn;
    if (taskDefinition === undefined)
      throw new Error(`RegisterTaskDefinition '${world.seeded.family}' returned no ARN`);
    await ecs.send(
      new UpdateServiceCommand({
        cluster: world.cluster,
        service: world.seeded.serviceName,
        taskDefinition,
        forceNewDeployment: false,
      }),
    );
    let says: string;
    let succeeded = false;
    try {
      await waitUntilServicesStable(
        { client: ecs, minDelay: BASELINE_MIN_DELAY_S, maxWaitTime: BASELINE_MAX_WAIT_S, abortSignal: signal },
        { cluster: world.cluster, services: [world.seeded.serviceName] },
      );
      succeeded = true;
      says = kase.outcome === 'fails' ? 'success (the rollback is "stable")' : 'success';
    } catch (error) {
      signal.throwIfAborted();
      says = `failure: ${error instanceof Error ? error.name : String(error)}`;
    }
    const endedAt = Date.now();
    return { ...timings(testbed, world, kase, endedAt), says, right: succeeded === (kase.outcome === 'completes') };
  } finally {
    ecs.destroy();
  }
}

async function latency(ctx: BenchContext): Promise<Goal[]> {
  if (ctx.args.includes('--simulated-only'))
    return [...(await bakeSimulation(ctx)), ...(await alarmBakeSimulation(ctx))];
  const testbed = await startEcsTestbed();
  ctx.onCleanup(() => testbed.stop());
  ctx.signal.throwIfAborted();
  if (ctx.args.includes('--record-only'))
    return [
      ...(await recordScenarios(ctx, testbed)),
      ...(await bakeSimulation(ctx)),
      ...(await alarmBakeSimulation(ctx)),
    ];
  const cases = casesFor(ctx.quick);

  // Two services per case, seeded before anything runs, so every run starts together.
  const worlds: { kase: Case; ours: ScriptedService; baseline: ScriptedService }[] = [];
  for (const kase of cases) {
    const key = `${kase.outcome}-${kase.atMs / 1000}`;
    const script = scriptOf(kase);
    const ours = await seedScriptedService(testbed, { cluster: `lat-ours-${key}`, service: `ours-${key}`, script });
    const baseline = await seedScriptedService(testbed, { cluster: `lat-sdk-${key}`, service: `sdk-${key}`, script });
    worlds.push({ kase, ours, baseline });
  }
  const longest = Math.max(...cases.map((k) => k.rolledBackAtMs ?? k.atMs));
  ctx.print(
    `Running ${cases.length} scripted rollouts for image-deploy and ${cases.length} for the SDK waiter at once; the longest outcome comes at ${seconds(longest)} s, the waiter may need minutes more.`,
  );

  const settled = await Promise.allSettled(
    worlds.map(async ({ kase, ours, baseline }): Promise<Row> => {
      const [o, b] = await Promise.all([
        measureOurs(testbed, ours, kase, ctx.signal),
        measureBaseline(testbed, baseline, kase, ctx.signal),
      ]);
      return { kase, ours: o, baseline: b };
    }),
  );
  ctx.signal.throwIfAborted();
  const rows: Row[] = [];
  for (const result of settled) {
    if (result.status === 'rejected') throw result.reason;
    rows.push(result.value);
  }

  ctx.print();
  ctx.print(
    'Seconds from "ECS reports the outcome" (the proxy\'s script time T after UpdateService) to the end of the deploy step:',
  );
  ctx.print('the action process exiting for image-deploy, waitUntilServicesStable returning for the SDK waiter.');
  ctx.print(
    '"next poll": the first DescribeServices at or after the outcome, i.e. how long the poll schedule made it wait;',
  );
  ctx.print(
    'for image-deploy it depends on where T falls between two 3 s polls (at most 3 s), the rest is reporting and process exit.',
  );
  ctx.print(
    '"calls": DescribeServices for that service over the whole run. For a failing rollout the waiter can only return',
  );
  ctx.print('success, and only once the rollback has completed (one deployment left, running == desired).');
  ctx.print();
  ctx.print(
    markdownTable(
      [
        'rollout',
        'T (s)',
        'image-deploy: next poll (s)',
        'image-deploy: exit (s)',
        'image-deploy says',
        'calls',
        'SDK waiter: next poll (s)',
        'SDK waiter: done (s)',
        'SDK waiter says',
        'calls',
      ],
      rows.map(({ kase, ours, baseline }) => [
        kase.outcome === 'completes'
          ? 'completes'
          : `fails (rolled back at ${seconds(kase.rolledBackAtMs ?? kase.atMs)} s)`,
        seconds(kase.atMs),
        seconds(ours.nextPollMs),
        seconds(ours.afterOutcomeMs),
        ours.says,
        String(ours.describeServices),
        seconds(baseline.nextPollMs),
        seconds(baseline.afterOutcomeMs),
        baseline.says,
        String(baseline.describeServices),
      ]),
      { align: ['left', 'right', 'right', 'right', 'left', 'right', 'right', 'right', 'left', 'right'] },
    ),
  );
  ctx.print();
  ctx.print(
    `image-deploy: poll-interval 3s (default). SDK waiter: minDelay ${BASELINE_MIN_DELAY_S} s, maxDelay SDK default, maxWaitTime ${BASELINE_MAX_WAIT_S} s.`,
  );

  const late: string[] = [];
  const wrong: string[] = [];
  for (const { kase, ours } of rows) {
    const label = `${kase.outcome} at T=${seconds(kase.atMs)} s`;
    if (!(ours.afterOutcomeMs <= GOAL_MS))
      late.push(`${label}: image-deploy ended ${seconds(ours.afterOutcomeMs)} s after the outcome`);
    if (!ours.right) wrong.push(`${label}: image-deploy said '${ours.says}'`);
  }
  const after = rows.map((r) => r.ours.afterOutcomeMs);
  const ts = [...new Set(rows.map((r) => seconds(r.kase.atMs)))].join(', ');
  const recordGoals = await recordScenarios(ctx, testbed);
  const simulatedGoals = [...(await bakeSimulation(ctx)), ...(await alarmBakeSimulation(ctx))];
  return [
    ...recordGoals,
    ...simulatedGoals,
    {
      goal: `image-deploy ends within ${seconds(GOAL_MS)} s of the outcome, every T (${ts} s)`,
      measured: `${seconds(Math.min(...after))}-${seconds(Math.max(...after))} s over ${rows.length} rollouts`,
      met: late.length === 0,
      details: late,
    },
    {
      goal: 'image-deploy gives the right verdict (success / circuit breaker)',
      measured: `${rows.length - wrong.length}/${rows.length} right`,
      met: wrong.length === 0,
      details: wrong,
    },
  ];
}

await runBenchmark('Benchmark 1: detection latency', latency);
