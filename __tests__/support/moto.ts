import type { ChildProcess } from 'node:child_process';
import { spawn, spawnSync } from 'node:child_process';
import { createServer } from 'node:net';

export interface MotoServer {
  readonly url: string;
  readonly port: number;
  readonly pid: number;
  /** Forget every resource (POST /moto-api/reset). */
  reset(): Promise<void>;
  /** SIGTERM, wait for exit (bounded), then SIGKILL. Safe to call twice. */
  stop(): Promise<void>;
}

export interface StartMotoOptions {
  /** Extra environment for moto_server, e.g. MOTO_ECS_SERVICE_RUNNING. */
  env?: Record<string, string>;
  /** How long to wait for /moto-api/ to answer. */
  readyTimeoutMs?: number;
}

const MOTO_BINARY = 'moto_server';
const STOP_TIMEOUT_MS = 5_000;

/** Listen on port 0, read the port the kernel chose, close. */
export async function findFreePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      if (address === null || typeof address === 'string') {
        server.close();
        reject(new Error('Could not read the port of a probe listener'));
        return;
      }
      server.close(() => resolve(address.port));
    });
  });
}

function assertMotoInstalled(): void {
  const probe = spawnSync('sh', ['-c', `command -v ${MOTO_BINARY}`], { encoding: 'utf8' });
  if (probe.status !== 0 || probe.stdout.trim() === '') {
    throw new Error(
      `'${MOTO_BINARY}' was not found on PATH. The e2e tests need it: install it with ` +
        `pip install "moto[server]" and make sure its bin directory is on PATH.`,
    );
  }
}

/** Resolves when the process has exited (at once if it already has). */
export function waitForExit(child: ChildProcess, timeoutMs: number): Promise<boolean> {
  if (child.exitCode !== null || child.signalCode !== null) return Promise.resolve(true);
  return new Promise((resolve) => {
    const timer = setTimeout(() => {
      child.off('exit', onExit);
      resolve(false);
    }, timeoutMs);
    const onExit = (): void => {
      clearTimeout(timer);
      resolve(true);
    };
    child.once('exit', onExit);
  });
}

/** SIGTERM by pid, wait for the exit, SIGKILL if it does not come. */
export async function stopProcess(child: ChildProcess, timeoutMs = STOP_TIMEOUT_MS): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null || child.pid === undefined) return;
  try {
    process.kill(child.pid, 'SIGTERM');
  } catch {
    return; // already gone
  }
  if (await waitForExit(child, timeoutMs)) return;
  try {
    process.kill(child.pid, 'SIGKILL');
  } catch {
    return;
  }
  await waitForExit(child, timeoutMs);
}

/** POST /moto-api/reset: moto forgets every resource, as if it had just started. */
export async function resetMoto(url: string): Promise<void> {
  const response = await fetch(`${url}/moto-api/reset`, { method: 'POST' });
  await response.arrayBuffer();
  if (!response.ok) throw new Error(`POST ${url}/moto-api/reset answered ${response.status}`);
}

async function answers(url: string): Promise<boolean> {
  try {
    const response = await fetch(url, { signal: AbortSignal.timeout(1_000) });
    await response.arrayBuffer();
    return response.ok;
  } catch {
    return false;
  }
}

/**
 * Start moto_server on a free 127.0.0.1 port and wait until it answers. Rejects with
 * moto's stderr if it exits first, or after `readyTimeoutMs` (the process is then stopped).
 */
export async function startMoto(options: StartMotoOptions = {}): Promise<MotoServer> {
  assertMotoInstalled();
  const readyTimeoutMs = options.readyTimeoutMs ?? 20_000;
  const port = await findFreePort();
  const url = `http://127.0.0.1:${port}`;
  const child = spawn(MOTO_BINARY, ['-H', '127.0.0.1', '-p', String(port)], {
    env: { ...process.env, ...options.env },
    stdio: ['ignore', 'ignore', 'pipe'],
  });
  let stderr = '';
  child.stderr?.setEncoding('utf8');
  child.stderr?.on('data', (chunk: string) => {
    // Keep only the tail: moto logs every request here.
    stderr = (stderr + chunk).slice(-8_000);
  });
  const spawnError = new Promise<Error>((resolve) => child.once('error', resolve));

  const deadline = Date.now() + readyTimeoutMs;
  for (;;) {
    if (child.exitCode !== null || child.signalCode !== null) {
      throw new Error(
        `moto_server exited (${child.exitCode ?? child.signalCode}) before answering on ${url}:\n${stderr}`,
      );
    }
    const failed = await Promise.race([spawnError, Promise.resolve(undefined)]);
    if (failed !== undefined) throw new Error(`Could not start moto_server: ${failed.message}`);
    if (await answers(`${url}/moto-api/`)) break;
    if (Date.now() > deadline) {
      await stopProcess(child);
      throw new Error(`moto_server did not answer on ${url}/moto-api/ within ${readyTimeoutMs} ms:\n${stderr}`);
    }
    // Poll again once the process either exits or 100 ms pass, whichever is first.
    await waitForExit(child, 100);
  }

  const pid = child.pid;
  if (pid === undefined) throw new Error('moto_server started without a pid');
  return {
    url,
    port,
    pid,
    reset: () => resetMoto(url),
    stop: () => stopProcess(child),
  };
}
