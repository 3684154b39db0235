import { spawn } from 'node:child_process';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { NODE_BINARY, REPO_ROOT } from '../support/run-action.ts';

// The README promises `npm run demo` proves the action on a fresh machine; this keeps that
// promise checked. The demo starts and stops its own moto_server and proxy, and checks its
// own results (exit code, parameter, a re-run changing nothing), so its verdict is the test's.
describe('npm run demo', () => {
  it('runs the release and the crash-loop acts and says demo OK', async () => {
    const child = spawn(NODE_BINARY, [join(REPO_ROOT, 'scripts', 'demo.ts')], {
      cwd: REPO_ROOT,
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let out = '';
    child.stdout.on('data', (chunk: Buffer) => {
      out += chunk.toString();
    });
    child.stderr.on('data', (chunk: Buffer) => {
      out += chunk.toString();
    });
    const code = await new Promise<number | null>((resolve) => child.once('close', resolve));
    expect(code, out.slice(-4000)).toBe(0);
    expect(out).toContain('== demo OK');
    expect(out).not.toContain('== demo FAILED');
  });
});
