// One way in and out for every benchmark script: parse the flags, stop on Ctrl-C, stop
// everything that was started (moto, the proxy, action processes) on the way out, also
// when the body throws, and print what the run was (date, machine, command).

import { machineLines } from './machine.ts';

export interface BenchContext {
  /** --quick: fewer and shorter cases, for a smoke run. */
  quick: boolean;
  /** Aborted on SIGINT/SIGTERM; pass it to runAction and waiters. */
  signal: AbortSignal;
  /** Registers a stop function; they run in reverse order when the benchmark ends. */
  onCleanup(stop: () => Promise<void>): void;
  /** Writes a line to stdout. */
  print(line?: string): void;
}

/** What a benchmark found against its goals: empty when every goal was met. */
export type Misses = string[];

export async function runBenchmark(title: string, body: (ctx: BenchContext) => Promise<Misses>): Promise<void> {
  const abort = new AbortController();
  const cleanups: (() => Promise<void>)[] = [];
  const onSignal = (signal: NodeJS.Signals): void => {
    // The first signal unwinds the body (cleanups run in `finally`); a second one forces.
    if (abort.signal.aborted) process.exit(130);
    process.stderr.write(`\n${signal}: stopping action runs, moto_server and the proxy\n`);
    abort.abort(new Error(`interrupted by ${signal}`));
  };
  process.on('SIGINT', onSignal);
  process.on('SIGTERM', onSignal);

  const quick = process.argv.includes('--quick');
  const print = (line = ''): void => {
    process.stdout.write(`${line}\n`);
  };
  print(`\n# ${title}${quick ? ' (--quick)' : ''}\n`);
  for (const line of machineLines()) print(line);
  print();

  let exitCode = 0;
  try {
    const misses = await body({ quick, signal: abort.signal, onCleanup: (stop) => cleanups.push(stop), print });
    print();
    if (misses.length === 0) {
      print('All goals met.');
    } else {
      print('Goals missed:');
      for (const miss of misses) print(`- ${miss}`);
      exitCode = 1;
    }
  } catch (error) {
    if (abort.signal.aborted) {
      exitCode = 130;
    } else {
      process.stderr.write(`benchmark failed: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
      exitCode = 2;
    }
  } finally {
    for (const stop of cleanups.reverse()) {
      try {
        await stop();
      } catch (error) {
        process.stderr.write(`cleanup failed: ${error instanceof Error ? error.message : String(error)}\n`);
      }
    }
  }
  // Interrupted: everything started is stopped, but an SDK waiter may still sleep out its
  // backoff (it checks its abort signal only between polls); do not wait for it.
  if (abort.signal.aborted) process.exit(exitCode);
  process.exitCode = exitCode;
}
