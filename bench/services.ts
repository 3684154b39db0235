// Benchmark: several services in one step. One service, then ten, on the same scripted
// rollout (completes T seconds after its UpdateService), side by side in one run: the
// wall time of each step, their ratio, and the DescribeServices calls while following
// (goal: one per poll for all ten, so ten services poll as often as one).
//
//   node_modules/node/bin/node bench/services.ts [--quick] [--check]

import type { EcsTestbed } from '../__tests__/support/ecs-fixtures.ts';
import { startEcsTestbed } from '../__tests__/support/ecs-fixtures.ts';
import { runAction, transcript } from '../__tests__/support/run-action.ts';
import type { RecordedCall } from '../__tests__/support/scenario-proxy.ts';
import { completesAfter } from '../__tests__/support/scenario-proxy.ts';
import type { BenchContext, Goal } from './support/lifecycle.ts';
import { runBenchmark } from './support/lifecycle.ts';
import { callsInCluster, seedScriptedService } from './support/scripted-service.ts';
import { seconds } from './support/stats.ts';
import { markdownTable } from './support/table.ts';

const INTERVAL_MS = 2_000;
const GOAL_RATIO = 1.3;

interface Measured {
  name: string;
  services: number;
  wallMs: number;
  exitCode: number | null;
  /** DescribeServices sent after the last UpdateService: the follow's polls. */
  polls: RecordedCall[];
  /** DescribeServices before it: planning (one per service). */
  planning: number;
  register: number;
  update: number;
  /** Last UpdateService to the last DescribeServices. */
  followMs: number;
}

function namesIn(call: RecordedCall): string[] {
  const body = call.body as { services?: unknown } | undefined;
  return Array.isArray(body?.services) ? body.services.map(String) : [];
}

async function deploy(testbed: EcsTestbed, ctx: BenchContext, cluster: string, services: string[]): Promise<Measured> {
  const from = testbed.proxy.calls.length;
  const name = `${services.length} service${services.length === 1 ? '' : 's'}`;
  ctx.print(`running: ${name}`);
  const inputs = {
    mode: 'ecs',
    cluster,
    service: services.join('\n'),
    cpu: '512',
    memory: '1024',
    'poll-interval': `${INTERVAL_MS / 1000}s`,
    'wait-timeout': '5m',
  };
  const started = Date.now();
  const run = await runAction({ inputs, env: testbed.awsEnv, timeoutMs: 300_000, signal: ctx.signal });
  const wallMs = Date.now() - started;
  if (run.exitCode !== 0) ctx.print(`  unexpected exit ${String(run.exitCode)}:\n${transcript(run)}`);
  const calls = callsInCluster(testbed.proxy.calls.slice(from), cluster);
  const updates = calls.filter((c) => c.operation === 'UpdateService');
  const lastUpdate = updates.at(-1)?.at ?? Number.POSITIVE_INFINITY;
  const describes = calls.filter((c) => c.operation === 'DescribeServices');
  const polls = describes.filter((c) => c.at >= lastUpdate);
  return {
    name,
    services: services.length,
    wallMs,
    exitCode: run.exitCode,
    polls,
    planning: describes.length - polls.length,
    register: testbed.proxy.calls.slice(from).filter((c) => c.operation === 'RegisterTaskDefinition').length,
    update: updates.length,
    followMs: (polls.at(-1)?.at ?? lastUpdate) - lastUpdate,
  };
}

async function services(ctx: BenchContext): Promise<Goal[]> {
  const testbed = await startEcsTestbed();
  ctx.onCleanup(() => testbed.stop());
  ctx.signal.throwIfAborted();
  const t = ctx.quick ? 6_000 : 20_000;

  await seedScriptedService(testbed, { cluster: 'bench-one', service: 'one-0', script: completesAfter(t) });
  const ten = Array.from({ length: 10 }, (_, i) => `ten-${i}`);
  for (const service of ten)
    await seedScriptedService(testbed, { cluster: 'bench-ten', service, script: completesAfter(t) });

  const one = await deploy(testbed, ctx, 'bench-one', ['one-0']);
  const many = await deploy(testbed, ctx, 'bench-ten', ten);
  const measured = [one, many];
  const ratio = many.wallMs / one.wallMs;

  ctx.print();
  ctx.print(
    `Same scripted rollout for every service (completes ${seconds(t)} s after its UpdateService), poll-interval ${seconds(INTERVAL_MS)} s, cpu/memory change.`,
  );
  ctx.print(
    '"polls": DescribeServices after the last UpdateService; "names per poll": services named in each of those calls.',
  );
  ctx.print();
  ctx.print(
    markdownTable(
      [
        'run',
        'wall (s)',
        'follow (s)',
        'polls',
        'names per poll (min-max)',
        'DescribeServices planning',
        'RegisterTaskDefinition',
        'UpdateService',
        'exit',
      ],
      measured.map((m) => {
        const names = m.polls.map((c) => namesIn(c).length);
        return [
          m.name,
          seconds(m.wallMs),
          seconds(m.followMs),
          String(m.polls.length),
          names.length === 0 ? '-' : `${Math.min(...names)}-${Math.max(...names)}`,
          String(m.planning),
          String(m.register),
          String(m.update),
          String(m.exitCode),
        ];
      }),
      { align: ['left', 'right', 'right', 'right', 'right', 'right', 'right', 'right', 'right'] },
    ),
  );
  ctx.print();
  ctx.print(`ratio (10 services / 1 service, wall): ${ratio.toFixed(2)}x`);

  // One call per poll for all ten: no poll names fewer than the services still pending, and
  // no two polls come closer than the interval (so ten services poll as often as one).
  const gaps = many.polls.slice(1).map((c, i) => c.at - (many.polls[i]?.at ?? c.at));
  const closest = gaps.length === 0 ? Number.NaN : Math.min(...gaps);
  const perPoll = many.polls.map((c) => namesIn(c).length);
  return [
    {
      goal: 'both steps succeed',
      measured: `exit ${measured.map((m) => String(m.exitCode)).join(', ')}`,
      met: measured.every((m) => m.exitCode === 0),
    },
    {
      goal: `10 services: wall time <= ${GOAL_RATIO}x one service's`,
      measured: `${ratio.toFixed(2)}x (${seconds(many.wallMs)} / ${seconds(one.wallMs)} s)`,
      met: ratio <= GOAL_RATIO,
    },
    {
      goal: 'at most one DescribeServices per poll for all 10 (polls >= interval apart)',
      measured: `${many.polls.length} polls for 10 (one service: ${one.polls.length}); names per poll ${perPoll.join(',')}; closest ${Number.isFinite(closest) ? seconds(closest) : '-'} s apart`,
      met:
        many.polls.length > 0 && (!Number.isFinite(closest) || closest >= INTERVAL_MS - 50) && (perPoll[0] ?? 0) === 10,
    },
  ];
}

await runBenchmark('Benchmark: several services in one step', services);
