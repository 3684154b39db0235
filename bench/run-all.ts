// `npm run bench`: every benchmark, one after another, each in its own process (its own
// moto_server and proxy, so one cannot disturb the next). Flags (--quick) are passed on.
// Ctrl-C stops the running benchmark, which stops what it started, then this script.
//
//   node_modules/node/bin/node bench/run-all.ts [--quick]

import { spawn } from 'node:child_process';
import type { ChildProcess } from 'node:child_process';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { waitForExit } from '../__tests__/support/moto.ts';
import { markdownTable } from './support/table.ts';

const BENCH_DIR = fileURLToPath(new URL('.', import.meta.url));
const BENCHMARKS = ['latency.ts', 'api-calls.ts', 'cold-start.ts', 'parallel.ts'];

async function main(): Promise<number> {
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

  const results: string[][] = [];
  for (const script of BENCHMARKS) {
    if (interrupted) break;
    const started = Date.now();
    const child = spawn(process.execPath, [join(BENCH_DIR, script), ...process.argv.slice(2)], { stdio: 'inherit', detached: true });
    current = child;
    const failed = new Promise<Error>((resolve) => child.once('error', resolve));
    const outcome = await Promise.race([waitForExit(child, 2 ** 31 - 1), failed]);
    current = undefined;
    if (outcome instanceof Error) throw new Error(`could not start ${script}: ${outcome.message}`);
    const code = child.exitCode;
    const verdict = code === 0 ? 'all goals met' : code === 1 ? 'goals missed (see above)' : code === 130 ? 'interrupted' : `error (exit ${String(code)})`;
    results.push([script, verdict, ((Date.now() - started) / 1000).toFixed(0)]);
  }

  process.stdout.write(`\n# Benchmarks\n\n${markdownTable(['benchmark', 'verdict', 'seconds'], results, { align: ['left', 'left', 'right'] })}\n`);
  if (interrupted) return 130;
  return results.length === BENCHMARKS.length && results.every((r) => r[1] === 'all goals met') ? 0 : 1;
}

process.exitCode = await main();
