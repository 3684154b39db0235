// Starts dist/index.js as runAction does (same Node binary, same kind of environment), but
// records the instant of spawn() itself, so the time to the first AWS request counts only
// the action's own start-up, not the harness's temp-directory setup.

import { spawn } from 'node:child_process';
import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { stopProcess, waitForExit } from '../../__tests__/support/moto.ts';
import { ACTION_ENTRY, NODE_BINARY, inputEnvName } from '../../__tests__/support/run-action.ts';

export interface TimedSpawnOptions {
  inputs: Record<string, string>;
  /** AWS_* from the testbed. */
  env: Record<string, string>;
  timeoutMs: number;
  signal: AbortSignal;
}

export interface TimedRun {
  /** Date.now() just before spawn(). */
  spawnAt: number;
  /** Date.now() when the process exited. */
  exitAt: number;
  exitCode: number | null;
  stdout: string;
}

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

    const spawnAt = Date.now();
    const child = spawn(NODE_BINARY, [ACTION_ENTRY], { cwd: workspace, env, stdio: ['ignore', 'pipe', 'ignore'] });
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
    return { spawnAt, exitAt, exitCode: exited ? child.exitCode : null, stdout };
  } finally {
    await rm(temp, { recursive: true, force: true });
  }
}
