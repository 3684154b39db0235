// Benchmark 3, cold start: the size of dist/index.js, and the time from spawning it (under
// the Node 24 the action declares) to the first AWS request the proxy receives, over 20
// runs one after another. A first, uncounted run deploys a new image (the scripted rollout
// completes at once) and warms the page cache; each counted run is then a no-op ECS
// deploy of the same inputs: describe the service and its revision, find nothing to do, exit.
//
//   node_modules/node/bin/node bench/cold-start.ts [--quick] [--check]

import { statSync } from 'node:fs';
import { relative } from 'node:path';
import { TEST_ACCOUNT, TEST_REGION, startEcsTestbed } from '../__tests__/support/ecs-fixtures.ts';
import { ACTION_ENTRY, REPO_ROOT } from '../__tests__/support/run-action.ts';
import { completesAfter } from '../__tests__/support/scenario-proxy.ts';
import { runBenchmark } from './support/lifecycle.ts';
import type { BenchContext, Goal } from './support/lifecycle.ts';
import { operationKey, seedScriptedService } from './support/scripted-service.ts';
import { spawnActionTimed } from './support/spawn-action.ts';
import { median, percentile } from './support/stats.ts';
import { markdownTable } from './support/table.ts';

const GOAL_FIRST_REQUEST_MS = 300;
/** The official ECS deploy action's dist/index.js. */
const GOAL_BUNDLE_BYTES = 2.6e6;

async function coldStart(ctx: BenchContext): Promise<Goal[]> {
  const bytes = statSync(ACTION_ENTRY).size;
  const testbed = await startEcsTestbed();
  ctx.onCleanup(() => testbed.stop());
  ctx.signal.throwIfAborted();
  // moto leaves a service's own deployment IN_PROGRESS forever; after one scripted rollout
  // the service reads as settled, so the counted runs really are no-ops.
  await seedScriptedService(testbed, { cluster: 'cold', service: 'web', script: completesAfter(0), desiredCount: 1 });
  const inputs = { mode: 'ecs', cluster: 'cold', service: 'web', 'container-name': 'app', image: `${TEST_ACCOUNT}.dkr.ecr.${TEST_REGION}.amazonaws.com/app:2.0.0` };
  const runs = ctx.quick ? 5 : 20;

  const firstRequest: number[] = [];
  const total: number[] = [];
  const firstOperations = new Set<string>();
  const problems: string[] = [];
  for (let i = 0; i <= runs; i++) {
    const from = testbed.proxy.calls.length;
    const run = await spawnActionTimed({ inputs, env: testbed.awsEnv, timeoutMs: 60_000, signal: ctx.signal });
    const first = testbed.proxy.calls[from];
    if (run.exitCode !== 0 || first === undefined) {
      problems.push(`run ${i}: exit ${String(run.exitCode)}, ${first === undefined ? 'no AWS request' : 'after a request'}:\n${run.stdout}`);
      continue;
    }
    if (i === 0) continue; // the deploy that makes the later runs no-ops; also warms the page cache
    const changes = testbed.proxy.calls.slice(from).filter((c) => c.operation === 'RegisterTaskDefinition' || c.operation === 'UpdateService');
    if (changes.length > 0) problems.push(`run ${i} was not a no-op: it sent ${changes.map(operationKey).join(', ')}`);
    firstRequest.push(first.at - run.spawnAt);
    total.push(run.exitAt - run.spawnAt);
    firstOperations.add(operationKey(first));
  }

  const ms = (value: number): string => (Number.isFinite(value) ? String(Math.round(value)) : '-');
  ctx.print(`Bundle: ${relative(REPO_ROOT, ACTION_ENTRY)}`);
  ctx.print();
  ctx.print(
    markdownTable(
      ['bytes', 'MB (10^6)', 'MiB', 'goal'],
      [[String(bytes), (bytes / 1e6).toFixed(2), (bytes / 2 ** 20).toFixed(2), `<= ${(GOAL_BUNDLE_BYTES / 1e6).toFixed(1)} MB`]],
      { align: ['right', 'right', 'right', 'left'] },
    ),
  );
  ctx.print();
  ctx.print(`Spawn to first AWS request (the proxy's receive time; first request: ${[...firstOperations].join(', ') || '-'}),`);
  ctx.print(`and spawn to exit of the whole no-op deploy, over ${firstRequest.length} runs (after 1 uncounted deploy), in ms:`);
  ctx.print();
  const row = (name: string, values: number[], goal: string): string[] => [
    name,
    ms(median(values)),
    ms(percentile(values, 90)),
    ms(Math.min(...values)),
    ms(Math.max(...values)),
    goal,
  ];
  ctx.print(
    markdownTable(
      ['measure', 'median', 'p90', 'min', 'max', 'goal'],
      [row('spawn -> first AWS request', firstRequest, `median < ${GOAL_FIRST_REQUEST_MS}`), row('spawn -> exit (no-op deploy)', total, '')],
      { align: ['left', 'right', 'right', 'right', 'right', 'left'] },
    ),
  );
  ctx.print();
  ctx.print(`All runs (first request, ms): ${firstRequest.map((v) => String(v)).join(' ')}`);

  return [
    { goal: `dist/index.js <= ${(GOAL_BUNDLE_BYTES / 1e6).toFixed(1)} MB (the official ECS deploy action's)`, measured: `${(bytes / 1e6).toFixed(2)} MB (${bytes} bytes)`, met: bytes <= GOAL_BUNDLE_BYTES },
    { goal: `median spawn -> first request < ${GOAL_FIRST_REQUEST_MS} ms`, measured: `${ms(median(firstRequest))} ms (p90 ${ms(percentile(firstRequest, 90))} ms)`, met: median(firstRequest) < GOAL_FIRST_REQUEST_MS },
    { goal: 'every run exits 0 after a request; counted runs are no-ops', measured: problems.length === 0 ? `${runs + 1} runs, all did` : `${problems.length} runs did not`, met: problems.length === 0, details: problems },
  ];
}

await runBenchmark('Benchmark 3: cold start', coldStart);
