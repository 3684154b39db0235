// Benchmark 2, API calls per deploy: every call the action sent, by operation, from the
// proxy's log, for a no-op run, a cpu/memory change with a rollout of T seconds, and a
// rollout that fails (circuit breaker at T seconds). Checked against the goals: at most one
// DescribeServices per poll interval, DescribeTasks only when new failures appear, no
// RegisterTaskDefinition on a no-op. Runs one at a time, so each slice of the log is one run.
//
//   node_modules/node/bin/node bench/api-calls.ts [--quick] [--check]

import type { EcsTestbed } from '../__tests__/support/ecs-fixtures.ts';
import { startEcsTestbed } from '../__tests__/support/ecs-fixtures.ts';
import { runAction, transcript } from '../__tests__/support/run-action.ts';
import type { RecordedCall } from '../__tests__/support/scenario-proxy.ts';
import { circuitBreakerRollback, completesAfter } from '../__tests__/support/scenario-proxy.ts';
import type { FailureSighting } from './support/failure-observer.ts';
import { newFailureSightings, observeFailedTasks } from './support/failure-observer.ts';
import type { BenchContext, Goal } from './support/lifecycle.ts';
import { runBenchmark } from './support/lifecycle.ts';
import type { ScriptedService } from './support/scripted-service.ts';
import { countByOperation, operationKey, seedScriptedService } from './support/scripted-service.ts';
import { seconds } from './support/stats.ts';
import { markdownTable } from './support/table.ts';

const INTERVAL_MS = 3_000; // the default poll-interval, left unset in the inputs
/** Proxy receive times of two requests sent `interval` apart can differ by a few ms of scheduling. */
const GAP_TOLERANCE_MS = 50;

interface Measured {
  name: string;
  calls: RecordedCall[];
  exitCode: number | null;
  expectedExit: number;
  sightings: FailureSighting[];
}

function inputsFor(world: ScriptedService): Record<string, string> {
  // A cpu/memory change after a platform-owned deploy: the seeded revision is 256/512.
  return {
    mode: 'ecs',
    cluster: world.cluster,
    service: world.seeded.serviceName,
    cpu: '512',
    memory: '1024',
    'wait-timeout': '10m',
  };
}

async function measure(
  testbed: EcsTestbed,
  ctx: BenchContext,
  run: { name: string; world: ScriptedService; sightings: FailureSighting[]; expectedExit: number },
): Promise<Measured> {
  const from = testbed.proxy.calls.length;
  const sightingsFrom = run.sightings.length;
  ctx.print(`running: ${run.name}`);
  const result = await runAction({
    inputs: inputsFor(run.world),
    env: testbed.awsEnv,
    timeoutMs: 180_000,
    signal: ctx.signal,
  });
  if (result.exitCode !== run.expectedExit)
    ctx.print(`  unexpected exit ${String(result.exitCode)}:\n${transcript(result)}`);
  return {
    name: run.name,
    calls: testbed.proxy.calls.slice(from),
    exitCode: result.exitCode,
    expectedExit: run.expectedExit,
    sightings: run.sightings.slice(sightingsFrom),
  };
}

interface Goals {
  waitMs: number;
  polls: number;
  perInterval: number;
  minGapMs: number;
  newFailures: number;
  listTasks: number;
  describeTasks: number;
  register: number;
  update: number;
}

function goalsOf(m: Measured): Goals {
  const update = m.calls.find((c) => c.operation === 'UpdateService');
  const polls =
    update === undefined ? [] : m.calls.filter((c) => c.operation === 'DescribeServices' && c.at >= update.at);
  const last = polls.at(-1);
  const waitMs = update === undefined || last === undefined ? 0 : last.at - update.at;
  const gaps = polls.slice(1).map((c, i) => c.at - (polls[i]?.at ?? c.at));
  const count = (operation: string): number => m.calls.filter((c) => c.operation === operation).length;
  return {
    waitMs,
    polls: polls.length,
    perInterval: waitMs > 0 ? polls.length / (waitMs / INTERVAL_MS) : Number.NaN,
    minGapMs: gaps.length > 0 ? Math.min(...gaps) : Number.NaN,
    newFailures: newFailureSightings(m.sightings),
    listTasks: count('ListTasks'),
    describeTasks: count('DescribeTasks'),
    register: count('RegisterTaskDefinition'),
    update: count('UpdateService'),
  };
}

async function apiCalls(ctx: BenchContext): Promise<Goal[]> {
  const testbed = await startEcsTestbed();
  ctx.onCleanup(() => testbed.stop());
  ctx.signal.throwIfAborted();
  const t = ctx.quick ? 9_000 : 30_000;

  const changing = await seedScriptedService(testbed, {
    cluster: 'calls-change',
    service: 'web-change',
    script: completesAfter(t),
  });
  const changingSightings = observeFailedTasks(testbed.proxy, 'web-change');
  const failing = await seedScriptedService(testbed, {
    cluster: 'calls-fail',
    service: 'web-fail',
    script: circuitBreakerRollback({ failAfterMs: t, rolledBackAfterMs: t + 10_000 }),
  });
  const failingSightings = observeFailedTasks(testbed.proxy, 'web-fail');

  const measured: Measured[] = [];
  measured.push(
    await measure(testbed, ctx, {
      name: `cpu/memory change, rollout ${seconds(t)} s`,
      world: changing,
      sightings: changingSightings,
      expectedExit: 0,
    }),
  );
  // The same inputs again: the service already runs that revision.
  measured.push(
    await measure(testbed, ctx, {
      name: 'no-op (same inputs again)',
      world: changing,
      sightings: changingSightings,
      expectedExit: 0,
    }),
  );
  measured.push(
    await measure(testbed, ctx, {
      name: `failure (circuit breaker at ${seconds(t)} s)`,
      world: failing,
      sightings: failingSightings,
      expectedExit: 1,
    }),
  );

  const operations = [...new Set(measured.flatMap((m) => m.calls.map(operationKey)))];
  const counts = measured.map((m) => countByOperation(m.calls));
  ctx.print();
  ctx.print("Calls per deploy, by operation (from the proxy's log; poll-interval 3s, the default):");
  ctx.print();
  ctx.print(
    markdownTable(
      ['operation', ...measured.map((m) => m.name)],
      [
        ...operations.map((op) => [op, ...counts.map((count) => String(count.get(op) ?? 0))]),
        ['total', ...measured.map((m) => String(m.calls.length))],
        ['exit code', ...measured.map((m) => String(m.exitCode))],
      ],
      { align: ['left', ...measured.map(() => 'right' as const)] },
    ),
  );

  const goals = measured.map((m) => ({ m, g: goalsOf(m) }));
  ctx.print();
  ctx.print(
    'Against the goals. "wait": UpdateService to the last DescribeServices; "polls": DescribeServices after UpdateService',
  );
  ctx.print(
    '(the first comes at once, so polls = wait / 3 s + 1 when there is exactly one per interval); "min gap": the',
  );
  ctx.print(
    'shortest time between two polls (goal: >= 3 s); "new failures": answers that showed more failed tasks of the',
  );
  ctx.print('deployment than any answer before (goal: DescribeTasks <= new failures).');
  ctx.print();
  ctx.print(
    markdownTable(
      [
        'scenario',
        'wait (s)',
        'polls',
        'wait / 3 s',
        'polls / (wait / 3 s)',
        'min gap (s)',
        'new failures',
        'ListTasks',
        'DescribeTasks',
        'RegisterTaskDefinition',
      ],
      goals.map(({ m, g }) => [
        m.name,
        seconds(g.waitMs),
        String(g.polls),
        (g.waitMs / INTERVAL_MS).toFixed(1),
        Number.isFinite(g.perInterval) ? g.perInterval.toFixed(2) : '-',
        seconds(g.minGapMs),
        String(g.newFailures),
        String(g.listTasks),
        String(g.describeTasks),
        String(g.register),
      ]),
      { align: ['left', 'right', 'right', 'right', 'right', 'right', 'right', 'right', 'right', 'right'] },
    ),
  );

  const exits = goals
    .filter(({ m }) => m.exitCode !== m.expectedExit)
    .map(({ m }) => `${m.name}: exit ${String(m.exitCode)}, expected ${m.expectedExit}`);
  const gaps = goals.map(({ g }) => g.minGapMs).filter((gap) => Number.isFinite(gap));
  const close = goals
    .filter(({ g }) => g.minGapMs < INTERVAL_MS - GAP_TOLERANCE_MS)
    .map(({ m, g }) => `${m.name}: two DescribeServices ${seconds(g.minGapMs)} s apart (poll interval 3 s)`);
  const extraTasks = goals
    .filter(({ g }) => g.describeTasks > g.newFailures)
    .map(({ m, g }) => `${m.name}: ${g.describeTasks} DescribeTasks for ${g.newFailures} sightings of new failures`);
  const noop = goals[1];
  const noopWrites = noop === undefined ? 0 : noop.g.register + noop.g.update;
  return [
    {
      goal: 'every deploy ends with the exit code of its outcome (0, 0, 1)',
      measured: `exit ${goals.map(({ m }) => String(m.exitCode)).join(', ')}`,
      met: exits.length === 0,
      details: exits,
    },
    {
      goal: '<= 1 DescribeServices per poll interval (3 s): polls never closer than 3 s',
      measured: gaps.length === 0 ? 'no two polls' : `closest ${seconds(Math.min(...gaps))} s apart`,
      met: close.length === 0,
      details: close,
    },
    {
      goal: 'DescribeTasks only on new failures',
      measured: `DescribeTasks / new failures: ${goals.map(({ g }) => `${g.describeTasks}/${g.newFailures}`).join(', ')}`,
      met: extraTasks.length === 0,
      details: extraTasks,
    },
    {
      goal: 'no RegisterTaskDefinition or UpdateService on a no-op',
      measured: noop === undefined ? '-' : `${noop.g.register} RegisterTaskDefinition, ${noop.g.update} UpdateService`,
      met: noop !== undefined && noopWrites === 0,
    },
  ];
}

await runBenchmark('Benchmark 2: API calls per deploy', apiCalls);
