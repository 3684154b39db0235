// One way in and out for every benchmark script: parse the flags, stop on Ctrl-C, stop
// everything that was started (moto, the proxy, action processes) on the way out, also
// when the body throws, and print what the run was (date, machine, command).
//
// Benchmarks report, they do not judge: the body returns its goals, each with what was
// measured and whether it was met; they are printed as a table after the figures and the
// script exits 0. Only with --check does a missed goal make it exit 1. Exit 2: the
// benchmark could not run (an error, printed on stderr); 130: interrupted.

import { writeFileSync } from 'node:fs';
import { machineLines } from './machine.ts';
import { markdownTable } from './table.ts';

export interface BenchContext {
  /** --quick: fewer and shorter cases, for a smoke run. */
  quick: boolean;
  /** --check: exit 1 when a goal is not met (without it the script only reports). */
  check: boolean;
  /** The script's own arguments (process.argv after the script), for flags like --runs. */
  args: readonly string[];
  /** Aborted on SIGINT/SIGTERM; pass it to runAction and waiters. */
  signal: AbortSignal;
  /** Registers a stop function; they run in reverse order when the benchmark ends. */
  onCleanup(stop: () => Promise<void>): void;
  /** Writes a line to stdout. */
  print(line?: string): void;
}

/** One goal a benchmark compares its figures against. */
export interface Goal {
  /** The goal as a reader states it: 'ours <= 1.3x floor (medians)'. */
  goal: string;
  /** What this run measured against it: '1.12x (212 / 189 ms)'. */
  measured: string;
  met: boolean;
  /** Printed below the table when the goal is not met: which case, which run, why. */
  details?: string[];
}

/** What the run-all summary reads (IMAGE_DEPLOY_BENCH_GOALS_FILE): the benchmark's goals. */
export interface GoalsReport {
  title: string;
  goals: Goal[];
}

/** Where runBenchmark writes its GoalsReport as JSON, when set (run-all.ts sets it). */
export const GOALS_FILE_ENV = 'IMAGE_DEPLOY_BENCH_GOALS_FILE';

/** `--name 12` or `--name=12` among args, as a positive integer; `fallback` when absent. */
export function integerFlag(args: readonly string[], name: string, fallback: number): number {
  let raw: string | undefined;
  args.forEach((arg, i) => {
    if (arg === name) raw = args[i + 1];
    else if (arg.startsWith(`${name}=`)) raw = arg.slice(name.length + 1);
  });
  if (raw === undefined) return fallback;
  const value = Number(raw);
  if (!Number.isInteger(value) || value < 1) throw new Error(`${name} takes a positive integer, got '${raw}'`);
  return value;
}

/** The goals as a table, with the verdict line; `check` only changes the wording of that line. */
export function goalLines(goals: readonly Goal[], check: boolean): string[] {
  const lines: string[] = ['Goals:', ''];
  lines.push(
    markdownTable(
      ['goal', 'measured', 'verdict'],
      goals.map((g) => [g.goal, g.measured, g.met ? 'met' : 'not met']),
    ),
  );
  const missed = goals.filter((g) => !g.met);
  for (const g of missed) {
    if (g.details === undefined || g.details.length === 0) continue;
    lines.push('', `Not met: ${g.goal}`);
    for (const detail of g.details) lines.push(`- ${detail}`);
  }
  lines.push('');
  if (missed.length === 0) lines.push(goals.length === 1 ? 'Goal met.' : `All ${goals.length} goals met.`);
  else
    lines.push(
      `${goals.length - missed.length} of ${goals.length} goals met${check ? ' (--check: exit 1).' : ' (reported only; --check makes a missed goal exit 1).'}`,
    );
  return lines;
}

export async function runBenchmark(title: string, body: (ctx: BenchContext) => Promise<Goal[]>): Promise<void> {
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

  const args = process.argv.slice(2);
  const quick = args.includes('--quick');
  const check = args.includes('--check');
  const print = (line = ''): void => {
    process.stdout.write(`${line}\n`);
  };
  print(`\n# ${title}${quick ? ' (--quick)' : ''}\n`);
  for (const line of machineLines()) print(line);
  print();

  let exitCode = 0;
  try {
    const goals = await body({
      quick,
      check,
      args,
      signal: abort.signal,
      onCleanup: (stop) => cleanups.push(stop),
      print,
    });
    print();
    for (const line of goalLines(goals, check)) print(line);
    const goalsFile = process.env[GOALS_FILE_ENV];
    if (goalsFile !== undefined && goalsFile !== '')
      writeFileSync(goalsFile, JSON.stringify({ title, goals } satisfies GoalsReport));
    if (check && goals.some((g) => !g.met)) exitCode = 1;
  } catch (error) {
    if (abort.signal.aborted) {
      exitCode = 130;
    } else {
      process.stderr.write(
        `benchmark failed: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`,
      );
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
