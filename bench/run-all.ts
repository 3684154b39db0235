// `npm run bench`: every benchmark, one after another, each in its own process (its own
// moto_server and proxy, so one cannot disturb the next). Flags (--quick, --check, --runs N)
// are passed on to each. Ctrl-C stops the running benchmark, which stops what it started,
// then this script. Like the benchmarks, it reports: it exits 0 when every benchmark ran,
// whether or not their goals were met; with --check, 1 when a goal was missed. 2: a
// benchmark could not run; 130: interrupted.
//
//   node_modules/node/bin/node bench/run-all.ts [--quick] [--check] [--runs N]

import type { ChildProcess } from 'node:child_process';
import { spawn } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { waitForExit } from '../__tests__/support/moto.ts';
import type { GoalsReport } from './support/lifecycle.ts';
import { GOALS_FILE_ENV } from './support/lifecycle.ts';
import { markdownTable } from './support/table.ts';

const BENCH_DIR = fileURLToPath(new URL('.', import.meta.url));
const BENCHMARKS = [
  'latency.ts',
  'api-calls.ts',
  'cold-start.ts',
  'parallel.ts',
  'run-task-logs.ts',
  'services.ts',
  'codedeploy.ts',
  'lambda-traffic.ts',
];

function readGoals(file: string): GoalsReport | undefined {
  try {
    return JSON.parse(readFileSync(file, 'utf8')) as GoalsReport;
  } catch {
    return undefined;
  }
}

async function main(): Promise<number> {
  const check = process.argv.includes('--check');
  let current: ChildProcess | undefined;
  let interrupted = false;
  const onSignal = (signal: NodeJS.Signals): void => {
    if (interrupted) process.exit(130);
    interrupted = true;
    process.stderr.write(`\n${signal}: stopping the running benchmark\n`);
    // The child runs in its own process group (detached), so only this forwarded signal
    // reaches it: it gets exactly one, and cleans up instead of being forced out.
    if (current?.pid !== undefined && current.exitCode === null) {
      try {
        process.kill(current.pid, 'SIGTERM');
      } catch {
        // already gone
      }
    }
  };
  process.on('SIGINT', onSignal);
  process.on('SIGTERM', onSignal);

  const goalsDir = mkdtempSync(join(tmpdir(), 'image-deploy-bench-goals-'));
  const results: string[][] = [];
  let missed = false;
  let broken = false;
  try {
    for (const script of BENCHMARKS) {
      if (interrupted) break;
      const started = Date.now();
      const goalsFile = join(goalsDir, `${script}.json`);
      const child = spawn(process.execPath, [join(BENCH_DIR, script), ...process.argv.slice(2)], {
        stdio: 'inherit',
        detached: true,
        env: { ...process.env, [GOALS_FILE_ENV]: goalsFile },
      });
      current = child;
      const failed = new Promise<Error>((resolve) => child.once('error', resolve));
      const outcome = await Promise.race([waitForExit(child, 2 ** 31 - 1), failed]);
      current = undefined;
      if (outcome instanceof Error) throw new Error(`could not start ${script}: ${outcome.message}`);
      const code = child.exitCode;
      const report = readGoals(goalsFile);
      const goals = report?.goals ?? [];
      const notMet = goals.filter((g) => !g.met);
      if (notMet.length > 0) missed = true;
      let verdict: string;
      if (code === 130) verdict = 'interrupted';
      else if (report === undefined || (code !== 0 && code !== 1)) verdict = `error (exit ${String(code)})`;
      else if (notMet.length === 0) verdict = goals.length === 1 ? 'goal met' : `all ${goals.length} goals met`;
      else
        verdict = `${goals.length - notMet.length} of ${goals.length} goals met; not met: ${notMet.map((g) => g.goal).join('; ')}`;
      if (code !== 0 && code !== 1 && code !== 130) broken = true;
      results.push([script, verdict, ((Date.now() - started) / 1000).toFixed(0)]);
    }
  } finally {
    rmSync(goalsDir, { recursive: true, force: true });
  }

  process.stdout.write(
    `\n# Benchmarks\n\n${markdownTable(['benchmark', 'verdict', 'seconds'], results, { align: ['left', 'left', 'right'] })}\n`,
  );
  if (interrupted) return 130;
  if (broken || results.length !== BENCHMARKS.length) return 2;
  return check && missed ? 1 : 0;
}

process.exitCode = await main();
