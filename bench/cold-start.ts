// Benchmark 3, cold start: the size of dist/index.js, and the time from spawning it (under
// the Node 24 the action declares) to the first AWS request the proxy receives, side by side
// with a floor: a bundle this script builds at run time with ncc (the same minify setting
// as `npm run bundle`) from bench/support/floor-entry.js, which constructs one ECSClient and
// sends one DescribeServices, the least an ECS deploy action must load before its first
// request. A third bundle, the floor plus @actions/core (floor-core-entry.js), shows what
// that import costs on its own.
//
// The three run alternately (ours, floor, floor + core, ours, ...), N runs each, after one
// uncounted run of each: ours deploys a new image (the scripted rollout completes at once),
// so its counted runs are no-op ECS deploys (describe the service and its revision, find
// nothing to do, exit); the first runs also warm the page cache. Peak RSS comes from
// separate runs under GNU time (/usr/bin/time -f %M: the node process's ru_maxrss, which
// the kernel reports to wait4), so the wrapper never sits in a timed run.
//
//   node_modules/node/bin/node bench/cold-start.ts [--quick] [--check] [--runs N] [--rss-runs N]
//
// --runs: timed runs per bundle (default 20, --quick 5); --rss-runs: runs per bundle under
// GNU time (default 3).

import { spawn } from 'node:child_process';
import { accessSync, constants, readdirSync, readFileSync, statSync } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { dirname, join, relative } from 'node:path';
import type { EcsTestbed } from '../__tests__/support/ecs-fixtures.ts';
import { startEcsTestbed, TEST_ACCOUNT, TEST_REGION } from '../__tests__/support/ecs-fixtures.ts';
import { stopProcess, waitForExit } from '../__tests__/support/moto.ts';
import { ACTION_ENTRY, NODE_BINARY, REPO_ROOT } from '../__tests__/support/run-action.ts';
import { completesAfter } from '../__tests__/support/scenario-proxy.ts';
import type { BenchContext, Goal } from './support/lifecycle.ts';
import { integerFlag, runBenchmark } from './support/lifecycle.ts';
import { operationKey, seedScriptedService } from './support/scripted-service.ts';
import type { TimedRun } from './support/spawn-action.ts';
import { GNU_TIME, spawnActionTimed } from './support/spawn-action.ts';
import { median, percentile } from './support/stats.ts';
import { markdownTable } from './support/table.ts';

const GOAL_FIRST_REQUEST_MS = 300;
/** The official ECS deploy action's dist/index.js. */
const GOAL_BUNDLE_BYTES = 2.6e6;
/** Our median spawn -> first request at most this many times the floor's. */
const GOAL_FLOOR_RATIO = 1.3;
const NCC = join(REPO_ROOT, 'node_modules', '.bin', 'ncc');
const FIRST_OPERATION = 'ecs:DescribeServices';

interface Bundle {
  name: string;
  /** What it loads and sends, for the table. */
  what: string;
  entry: string;
  bytes: number;
  firstRequestMs: number[];
  exitMs: number[];
  maxRssKiB: number[];
  /** Runs that did not do what they should (exit code, first request, ours not a no-op). */
  problems: string[];
}

function bundle(name: string, what: string, entry: string): Bundle {
  return { name, what, entry, bytes: bundleBytes(entry), firstRequestMs: [], exitMs: [], maxRssKiB: [], problems: [] };
}

/** The entry and every chunk beside it (ncc splits lazily imported modules into N.index.js). */
function bundleBytes(entry: string): number {
  const dir = dirname(entry);
  return readdirSync(dir)
    .filter((name) => name.endsWith('.js'))
    .reduce((sum, name) => sum + statSync(join(dir, name)).size, 0);
}

/** Whether `npm run bundle` minifies: the floors are built the same way. */
function bundleScriptMinifies(): boolean {
  const pkg = JSON.parse(readFileSync(join(REPO_ROOT, 'package.json'), 'utf8')) as { scripts?: Record<string, string> };
  return /(^|\s)(--minify|-m)(\s|$)/.test(pkg.scripts?.bundle ?? '');
}

/** `ncc build <entry> -o <outDir> [--minify]` under the benchmark's Node; returns <outDir>/index.js. */
async function nccBuild(entry: string, outDir: string, minify: boolean, signal: AbortSignal): Promise<string> {
  const args = [NCC, 'build', entry, '-o', outDir, ...(minify ? ['--minify'] : [])];
  // cwd: the repo, so ncc (webpack) resolves the entry's imports from the repo's node_modules.
  const child = spawn(NODE_BINARY, args, { cwd: REPO_ROOT, stdio: ['ignore', 'pipe', 'pipe'] });
  let output = '';
  child.stdout.setEncoding('utf8').on('data', (chunk: string) => (output += chunk));
  child.stderr.setEncoding('utf8').on('data', (chunk: string) => (output += chunk));
  const onAbort = (): void => void stopProcess(child, 2_000);
  signal.addEventListener('abort', onAbort, { once: true });
  try {
    const exited = await waitForExit(child, 180_000);
    if (!exited) await stopProcess(child, 2_000);
    signal.throwIfAborted();
    if (!exited || child.exitCode !== 0)
      throw new Error(`ncc build ${relative(REPO_ROOT, entry)} failed (exit ${String(child.exitCode)}):\n${output}`);
  } finally {
    signal.removeEventListener('abort', onAbort);
  }
  return join(outDir, 'index.js');
}

function nccVersion(): string {
  try {
    const pkg = JSON.parse(readFileSync(join(REPO_ROOT, 'node_modules', '@vercel', 'ncc', 'package.json'), 'utf8')) as {
      version?: string;
    };
    return pkg.version ?? 'unknown';
  } catch {
    return 'unknown';
  }
}

function gnuTimeAvailable(): boolean {
  try {
    accessSync(GNU_TIME, constants.X_OK);
    return true;
  } catch {
    return false;
  }
}

async function coldStart(ctx: BenchContext): Promise<Goal[]> {
  const runs = integerFlag(ctx.args, '--runs', ctx.quick ? 5 : 20);
  const rssRuns = gnuTimeAvailable() ? integerFlag(ctx.args, '--rss-runs', 3) : 0;
  const minify = bundleScriptMinifies();

  // The floors, built now from the entries in bench/support (inside the repo, so their
  // imports resolve from its node_modules) into a temp dir outside it.
  const buildDir = await mkdtemp(join(tmpdir(), 'image-deploy-bench-floor-'));
  ctx.onCleanup(() => rm(buildDir, { recursive: true, force: true }));
  const supportDir = join(REPO_ROOT, 'bench', 'support');
  const [floorJs, coreJs] = await Promise.all([
    nccBuild(join(supportDir, 'floor-entry.js'), join(buildDir, 'floor'), minify, ctx.signal),
    nccBuild(join(supportDir, 'floor-core-entry.js'), join(buildDir, 'floor-core'), minify, ctx.signal),
  ]);
  const ours = bundle('ours: dist/index.js, mode ecs', 'the action: no-op ECS deploy', ACTION_ENTRY);
  const floor = bundle('floor', 'one ECSClient, one DescribeServices', floorJs);
  const core = bundle('floor + @actions/core', 'the floor, inputs read with @actions/core', coreJs);
  const bundles = [ours, floor, core];

  const testbed: EcsTestbed = await startEcsTestbed();
  ctx.onCleanup(() => testbed.stop());
  ctx.signal.throwIfAborted();
  // moto leaves a service's own deployment IN_PROGRESS forever; after one scripted rollout
  // the service reads as settled, so the counted runs really are no-ops.
  await seedScriptedService(testbed, { cluster: 'cold', service: 'web', script: completesAfter(0), desiredCount: 1 });
  const inputs = {
    mode: 'ecs',
    cluster: 'cold',
    service: 'web',
    'container-name': 'app',
    image: `${TEST_ACCOUNT}.dkr.ecr.${TEST_REGION}.amazonaws.com/app:2.0.0`,
  };

  /** One run of `b`; records it unless `counted` is false. Timed unless `rss`. */
  const runOnce = async (b: Bundle, label: string, options: { counted: boolean; rss: boolean }): Promise<void> => {
    const from = testbed.proxy.calls.length;
    const run: TimedRun = await spawnActionTimed({
      inputs,
      env: testbed.awsEnv,
      timeoutMs: 60_000,
      signal: ctx.signal,
      entry: b.entry,
      measureMaxRss: options.rss,
    });
    const calls = testbed.proxy.calls.slice(from);
    const first = calls[0];
    if (run.exitCode !== 0 || first === undefined || operationKey(first) !== FIRST_OPERATION) {
      b.problems.push(
        `${label}: exit ${String(run.exitCode)}, first request ${first === undefined ? 'none' : operationKey(first)}:\n${run.stdout}`,
      );
      return;
    }
    if (!options.counted) return;
    if (b === ours) {
      const changes = calls.filter((c) => c.operation === 'RegisterTaskDefinition' || c.operation === 'UpdateService');
      if (changes.length > 0)
        b.problems.push(`${label} was not a no-op: it sent ${changes.map(operationKey).join(', ')}`);
    }
    if (options.rss) {
      if (run.maxRssKiB === undefined) b.problems.push(`${label}: GNU time reported no peak RSS`);
      else b.maxRssKiB.push(run.maxRssKiB);
      return;
    }
    b.firstRequestMs.push(first.at - run.spawnAt);
    b.exitMs.push(run.exitAt - run.spawnAt);
  };

  // Uncounted: ours deploys (making the later runs no-ops); every bundle's file gets cached.
  for (const b of bundles) await runOnce(b, `${b.name}, warm-up run`, { counted: false, rss: false });
  for (let i = 1; i <= runs; i++) {
    for (const b of bundles) await runOnce(b, `${b.name}, run ${i}`, { counted: true, rss: false });
  }
  for (let i = 1; i <= rssRuns; i++) {
    for (const b of bundles) await runOnce(b, `${b.name}, RSS run ${i}`, { counted: true, rss: true });
  }

  const ms = (value: number): string => (Number.isFinite(value) ? String(Math.round(value)) : '-');
  const mib = (kib: number): string => (Number.isFinite(kib) ? (kib / 1024).toFixed(1) : '-');
  const ratio = (a: number, b: number): number => a / b;
  const times = (r: number): string => (Number.isFinite(r) ? `${r.toFixed(2)}x` : '-');
  const nccFlags = minify ? '--minify' : 'without --minify';

  ctx.print(
    `Bundles. The floors were built by this run with ncc ${nccVersion()} ${nccFlags} (as package.json's bundle script: ${minify ? 'it minifies' : 'it does not minify'}).`,
  );
  ctx.print();
  ctx.print(
    markdownTable(
      ['bundle', 'what it does', 'bytes', 'MB (10^6)', 'MiB', 'goal'],
      bundles.map((b) => [
        b.name,
        b.what,
        String(b.bytes),
        (b.bytes / 1e6).toFixed(2),
        (b.bytes / 2 ** 20).toFixed(2),
        b === ours ? `<= ${(GOAL_BUNDLE_BYTES / 1e6).toFixed(1)} MB` : '',
      ]),
      { align: ['left', 'left', 'right', 'right', 'right', 'left'] },
    ),
  );
  ctx.print();
  ctx.print(
    `Spawn to first AWS request (the proxy's receive time; for every bundle ${FIRST_OPERATION}), in ms, over ${runs} runs`,
  );
  ctx.print(
    'of each, alternating ours, floor, floor + @actions/core, after one uncounted run of each. "exit": spawn to exit',
  );
  ctx.print('(ours: the whole no-op deploy, 2 requests; the floors: 1 request). Peak RSS: median of');
  ctx.print(
    rssRuns > 0
      ? `${rssRuns} more runs of each under ${GNU_TIME} -f %M (ru_maxrss of the node process), not among the timed runs.`
      : `not measured: ${GNU_TIME} (GNU time) is not installed.`,
  );
  ctx.print();
  const floorMedian = median(floor.firstRequestMs);
  ctx.print(
    markdownTable(
      ['bundle', 'runs', 'median', 'p90', 'min', 'max', 'exit median', 'peak RSS (MiB)', 'median / floor', 'goal'],
      bundles.map((b) => [
        b.name,
        String(b.firstRequestMs.length),
        ms(median(b.firstRequestMs)),
        ms(percentile(b.firstRequestMs, 90)),
        ms(Math.min(...b.firstRequestMs)),
        ms(Math.max(...b.firstRequestMs)),
        ms(median(b.exitMs)),
        mib(median(b.maxRssKiB)),
        times(ratio(median(b.firstRequestMs), floorMedian)),
        b === ours ? `median < ${GOAL_FIRST_REQUEST_MS}, <= ${GOAL_FLOOR_RATIO}x floor` : '',
      ]),
      { align: ['left', 'right', 'right', 'right', 'right', 'right', 'right', 'right', 'right', 'left'] },
    ),
  );
  const coreCostMs = median(core.firstRequestMs) - floorMedian;
  const coreCostKiB = median(core.maxRssKiB) - median(floor.maxRssKiB);
  const sign = (value: string): string => (value.startsWith('-') ? value : `+${value}`);
  ctx.print();
  ctx.print(
    `@actions/core's import alone (floor + @actions/core minus floor, medians): ${sign(ms(coreCostMs))} ms to the first request` +
      `, ${sign(mib(coreCostKiB))} MiB peak RSS, ${sign(String(core.bytes - floor.bytes))} bytes of bundle.`,
  );
  ctx.print();
  ctx.print('All timed runs (first request, ms):');
  for (const b of bundles) ctx.print(`- ${b.name}: ${b.firstRequestMs.map((v) => String(v)).join(' ')}`);

  const oursMedian = median(ours.firstRequestMs);
  const oursRatio = ratio(oursMedian, floorMedian);
  const problems = bundles.flatMap((b) => b.problems);
  return [
    {
      goal: `dist/*.js (index.js and its chunks) <= ${(GOAL_BUNDLE_BYTES / 1e6).toFixed(1)} MB (the official ECS deploy action's)`,
      measured: `${(ours.bytes / 1e6).toFixed(2)} MB (${ours.bytes} bytes)`,
      met: ours.bytes <= GOAL_BUNDLE_BYTES,
    },
    {
      goal: `ours: median spawn -> first request < ${GOAL_FIRST_REQUEST_MS} ms`,
      measured: `${ms(oursMedian)} ms (p90 ${ms(percentile(ours.firstRequestMs, 90))} ms)`,
      met: oursMedian < GOAL_FIRST_REQUEST_MS,
    },
    {
      goal: `ours <= ${GOAL_FLOOR_RATIO}x floor (median spawn -> first request)`,
      measured: `${times(oursRatio)} (${ms(oursMedian)} / ${ms(floorMedian)} ms)`,
      met: oursRatio <= GOAL_FLOOR_RATIO,
    },
    {
      goal: `every run exits 0 after ${FIRST_OPERATION} first; ours' counted runs are no-ops`,
      measured: `${bundles.length * (runs + 1 + rssRuns) - problems.length} of ${bundles.length * (runs + 1 + rssRuns)} runs did`,
      met: problems.length === 0,
      details: problems,
    },
  ];
}

await runBenchmark('Benchmark 3: cold start', coldStart);
