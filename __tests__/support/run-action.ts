import { spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { mkdir, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { stopProcess, waitForExit } from './moto.ts';

export const REPO_ROOT = fileURLToPath(new URL('../../', import.meta.url));
/**
 * dist/index.js, as GitHub runs it. IMAGE_DEPLOY_ACTION_ENTRY may point elsewhere, e.g. at
 * src/index.ts (Node 24 strips the types) to try the sources before bundling.
 */
export const ACTION_ENTRY = process.env.IMAGE_DEPLOY_ACTION_ENTRY ?? join(REPO_ROOT, 'dist', 'index.js');
/** The Node version action.yml declares (node24), not the machine's node. */
export const NODE_BINARY = join(REPO_ROOT, 'node_modules', 'node', 'bin', 'node');

export interface RunActionOptions {
  /** Input names as in action.yml ('task-definition'); values as the workflow would give them. */
  inputs: Record<string, string>;
  /** AWS_REGION, AWS_ACCESS_KEY_ID, AWS_SECRET_ACCESS_KEY, AWS_ENDPOINT_URL, and anything else. */
  env?: Record<string, string>;
  timeoutMs?: number;
  /** GITHUB_WORKSPACE and the working directory; a fresh temp directory by default. */
  workspace?: string;
  /** Called with each stdout chunk as it arrives (the demo streams it). */
  onStdout?: (chunk: string) => void;
  /** Called with the action's pid once started (e.g. to send it SIGINT as a job cancellation does). */
  onSpawn?: (pid: number) => void;
  /** Stops the run (by pid) when aborted, e.g. on Ctrl-C in the demo. */
  signal?: AbortSignal;
}

export interface ActionRun {
  /** null when the run was killed (see timedOut). */
  exitCode: number | null;
  timedOut: boolean;
  stdout: string;
  stderr: string;
  outputs: Record<string, string>;
  summary: string;
  durationMs: number;
}

// Safe defaults so a run can never reach real AWS with the developer's credentials.
const DEFAULT_AWS_ENV: Record<string, string> = {
  AWS_REGION: 'us-east-1',
  AWS_ACCESS_KEY_ID: 'testing',
  AWS_SECRET_ACCESS_KEY: 'testing',
  AWS_EC2_METADATA_DISABLED: 'true',
};

// Only what a process needs to run; no AWS_*, INPUT_*, GITHUB_* or NODE_OPTIONS leak in.
const INHERITED = ['PATH', 'HOME', 'LANG', 'TZ', 'TMPDIR'];

/** `INPUT_TASK-DEFINITION`: upper-cased, spaces to underscores, hyphens kept (as the runner does). */
export function inputEnvName(name: string): string {
  return `INPUT_${name.replace(/ /g, '_').toUpperCase()}`;
}

/** Parses the GITHUB_OUTPUT file: `name<<DELIM\nvalue\nDELIM` blocks and plain `name=value` lines. */
export function parseOutputFile(text: string): Record<string, string> {
  const outputs: Record<string, string> = {};
  const lines = text.split(/\r?\n/);
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i] ?? '';
    const heredoc = /^([^=<]+)<<(.+)$/.exec(line);
    if (heredoc !== null) {
      const [, name = '', delimiter = ''] = heredoc;
      const value: string[] = [];
      for (i++; i < lines.length && lines[i] !== delimiter; i++) value.push(lines[i] ?? '');
      outputs[name] = value.join('\n');
      continue;
    }
    const eq = line.indexOf('=');
    if (eq > 0) outputs[line.slice(0, eq)] = line.slice(eq + 1);
  }
  return outputs;
}

/** Runs dist/index.js as the GitHub runner does and collects what it wrote. */
export async function runAction(options: RunActionOptions): Promise<ActionRun> {
  if (!existsSync(ACTION_ENTRY)) throw new Error(`${ACTION_ENTRY} does not exist: run 'npm run bundle' first`);
  options.signal?.throwIfAborted();
  const timeoutMs = options.timeoutMs ?? 90_000;
  const temp = await mkdtemp(join(tmpdir(), 'image-deploy-run-'));
  try {
    const workspace = options.workspace ?? join(temp, 'workspace');
    const runnerTemp = join(temp, 'runner-temp');
    const outputFile = join(temp, 'github-output');
    const summaryFile = join(temp, 'step-summary');
    await Promise.all([
      mkdir(workspace, { recursive: true }),
      mkdir(runnerTemp),
      writeFile(outputFile, ''),
      writeFile(summaryFile, ''),
    ]);

    const env: Record<string, string> = {};
    for (const name of INHERITED) {
      const value = process.env[name];
      if (value !== undefined) env[name] = value;
    }
    Object.assign(env, DEFAULT_AWS_ENV, {
      // Keep the SDK away from ~/.aws of whoever runs the tests.
      AWS_CONFIG_FILE: join(temp, 'aws-config'),
      AWS_SHARED_CREDENTIALS_FILE: join(temp, 'aws-credentials'),
      GITHUB_ACTIONS: 'true',
      CI: 'true',
      GITHUB_OUTPUT: outputFile,
      GITHUB_STEP_SUMMARY: summaryFile,
      GITHUB_WORKSPACE: workspace,
      RUNNER_TEMP: runnerTemp,
    });
    for (const [name, value] of Object.entries(options.inputs)) env[inputEnvName(name)] = value;
    Object.assign(env, options.env);

    const started = Date.now();
    const child = spawn(NODE_BINARY, [ACTION_ENTRY], { cwd: workspace, env, stdio: ['ignore', 'pipe', 'pipe'] });
    if (child.pid !== undefined) options.onSpawn?.(child.pid);
    let stdout = '';
    let stderr = '';
    child.stdout.setEncoding('utf8');
    child.stderr.setEncoding('utf8');
    child.stdout.on('data', (chunk: string) => {
      stdout += chunk;
      options.onStdout?.(chunk);
    });
    child.stderr.on('data', (chunk: string) => {
      stderr += chunk;
    });
    const closed = new Promise<void>((resolve) => child.once('close', () => resolve()));
    const spawnFailed = new Promise<Error>((resolve) => child.once('error', resolve));

    const onAbort = (): void => void stopProcess(child, 2_000);
    options.signal?.addEventListener('abort', onAbort, { once: true });
    const exited = await Promise.race([waitForExit(child, timeoutMs), spawnFailed]);
    options.signal?.removeEventListener('abort', onAbort);
    if (exited instanceof Error) throw new Error(`Could not start ${NODE_BINARY}: ${exited.message}`);
    if (options.signal?.aborted === true) {
      await waitForExit(child, 2_000);
      options.signal.throwIfAborted();
    }
    const timedOut = !exited;
    if (timedOut) {
      await stopProcess(child, 2_000);
      stderr += `\n[run-action] killed pid ${child.pid ?? '?'} after ${timeoutMs} ms\n`;
    }
    // 'close' follows 'exit' once the pipes are drained; bounded in case a grandchild holds them.
    await Promise.race([closed, new Promise((resolve) => setTimeout(resolve, 2_000).unref())]);
    const durationMs = Date.now() - started;

    return {
      exitCode: timedOut ? null : child.exitCode,
      timedOut,
      stdout,
      stderr,
      outputs: parseOutputFile(await readFile(outputFile, 'utf8')),
      summary: await readFile(summaryFile, 'utf8'),
      durationMs,
    };
  } finally {
    await rm(temp, { recursive: true, force: true });
  }
}

/** The `::error::` lines the action printed, with the runner's escapes undone. */
export function errorText(run: ActionRun): string {
  return run.stdout
    .split('\n')
    .filter((line) => line.startsWith('::error'))
    .map((line) =>
      line
        .replace(/^::error[^:]*::/, '')
        .replace(/%0D/g, '\r')
        .replace(/%0A/g, '\n')
        .replace(/%25/g, '%'),
    )
    .join('\n');
}

/** Everything the run printed, to attach to an assertion that failed. */
export function transcript(run: ActionRun): string {
  const how = run.timedOut ? 'killed after timing out' : `exit ${String(run.exitCode)}`;
  return `${how} after ${run.durationMs} ms\n--- stdout\n${run.stdout}\n--- stderr\n${run.stderr}`;
}

/** A node script run to its end with exactly this environment: its exit code and stdout + stderr. */
export function runNodeScript(
  file: string,
  env: Record<string, string | undefined>,
): Promise<{ code: number | null; stdout: string }> {
  return new Promise((resolve) => {
    const child = spawn(NODE_BINARY, [file], { cwd: REPO_ROOT, env, stdio: ['ignore', 'pipe', 'pipe'] });
    let stdout = '';
    child.stdout.setEncoding('utf8');
    child.stdout.on('data', (chunk: string) => (stdout += chunk));
    child.stderr.on('data', (chunk: Buffer) => (stdout += chunk.toString()));
    child.once('close', (code) => resolve({ code, stdout }));
  });
}

/** The action's post step, run as the runner runs it (STATE_<name> from the main step's save-state). */
export function runPostStep(env: Record<string, string>): Promise<{ code: number | null; stdout: string }> {
  return runNodeScript(join(REPO_ROOT, 'dist', 'post', 'index.js'), { PATH: process.env.PATH ?? '', ...env });
}
