// Starts dist/index.js as runAction does (same Node binary, same kind of environment), but
// records the instant of spawn() itself, so the time to the first AWS request counts only
// the action's own start-up, not the harness's temp-directory setup. cold-start.ts also
// starts other bundles this way (the floor it compares against), with the same environment.

import { spawn } from 'node:child_process';
import { mkdir, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { stopProcess, waitForExit } from '../../__tests__/support/moto.ts';
import { ACTION_ENTRY, inputEnvName, NODE_BINARY } from '../../__tests__/support/run-action.ts';

export interface TimedSpawnOptions {
  inputs: Record<string, string>;
  /** AWS_* from the testbed. */
  env: Record<string, string>;
  timeoutMs: number;
  signal: AbortSignal;
  /** The script Node runs; default dist/index.js (ACTION_ENTRY). */
  entry?: string;
  /**
   * Run under GNU time (`/usr/bin/time -f %M`) and report the process's peak RSS. The
   * wrapper's fork and exec come before Node starts, so such runs are not timed runs.
   */
  measureMaxRss?: boolean;
}

export interface TimedRun {
  /** Date.now() just before spawn(). */
  spawnAt: number;
  /** Date.now() when the process exited. */
  exitAt: number;
  exitCode: number | null;
  stdout: string;
  /** Peak resident set size of the Node process in KiB (ru_maxrss, from GNU time), when measureMaxRss. */
  maxRssKiB?: number;
}

/** GNU time, which reports the child's ru_maxrss (%M, KiB) from wait4(). */
export const GNU_TIME = '/usr/bin/time';

const INHERITED = ['PATH', 'HOME', 'LANG', 'TZ', 'TMPDIR'];

export async function spawnActionTimed(options: TimedSpawnOptions): Promise<TimedRun> {
  options.signal.throwIfAborted();
  const temp = await mkdtemp(join(tmpdir(), 'image-deploy-bench-'));
  try {
    const workspace = join(temp, 'workspace');
    await Promise.all([mkdir(workspace), writeFile(join(temp, 'output'), ''), writeFile(join(temp, 'summary'), '')]);
    const env: Record<string, string> = {};
    for (const name of INHERITED) {
      const value = process.env[name];
      if (value !== undefined) env[name] = value;
    }
    Object.assign(env, {
      AWS_EC2_METADATA_DISABLED: 'true',
      AWS_CONFIG_FILE: join(temp, 'aws-config'),
      AWS_SHARED_CREDENTIALS_FILE: join(temp, 'aws-credentials'),
      GITHUB_ACTIONS: 'true',
      CI: 'true',
      GITHUB_OUTPUT: join(temp, 'output'),
      GITHUB_STEP_SUMMARY: join(temp, 'summary'),
      GITHUB_WORKSPACE: workspace,
      RUNNER_TEMP: temp,
    });
    for (const [name, value] of Object.entries(options.inputs)) env[inputEnvName(name)] = value;
    Object.assign(env, options.env);

    const entry = options.entry ?? ACTION_ENTRY;
    const rssFile = join(temp, 'max-rss');
    const [command, args] =
      options.measureMaxRss === true
        ? [GNU_TIME, ['-f', '%M', '-o', rssFile, NODE_BINARY, entry]]
        : [NODE_BINARY, [entry]];
    const spawnAt = Date.now();
    const child = spawn(command, args, { cwd: workspace, env, stdio: ['ignore', 'pipe', 'ignore'] });
    let stdout = '';
    child.stdout.setEncoding('utf8');
    child.stdout.on('data', (chunk: string) => {
      stdout += chunk;
    });
    const onAbort = (): void => void stopProcess(child, 2_000);
    options.signal.addEventListener('abort', onAbort, { once: true });
    let exited: boolean;
    try {
      exited = await waitForExit(child, options.timeoutMs);
    } finally {
      options.signal.removeEventListener('abort', onAbort);
    }
    const exitAt = Date.now();
    if (!exited) await stopProcess(child, 2_000);
    options.signal.throwIfAborted();
    const run: TimedRun = { spawnAt, exitAt, exitCode: exited ? child.exitCode : null, stdout };
    if (options.measureMaxRss === true && exited) {
      // GNU time writes 'Command exited with non-zero status N' before the figure when the child fails.
      const figure = Number((await readFile(rssFile, 'utf8')).trim().split('\n').at(-1));
      if (Number.isFinite(figure) && figure > 0) run.maxRssKiB = figure;
    }
    return run;
  } finally {
    await rm(temp, { recursive: true, force: true });
  }
}
