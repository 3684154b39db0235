import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { REPO_ROOT, runNodeScript } from '../support/run-action.ts';

// The README promises `npm run demo` proves the action on a fresh machine; this keeps that
// promise checked. The demo starts and stops its own moto_server and proxy, and checks its
// own results (exit code, parameter, a re-run changing nothing), so its verdict is the test's.
describe('npm run demo', () => {
  it('runs the release and the crash-loop acts and says demo OK', async () => {
    const { code, stdout } = await runNodeScript(join(REPO_ROOT, 'scripts', 'demo.ts'), { ...process.env });
    expect(code, stdout.slice(-4000)).toBe(0);
    expect(stdout).toContain('== demo OK');
    expect(stdout).not.toContain('== demo FAILED');
  });
});
