import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { NODE_BINARY } from '../support/run-action.ts';

// The action runs on GitHub's node24 runtime; tests, typecheck, the bundle and scripts run on
// the Node the `node` devDependency brings, so they see what the runner sees.

const read = (path: string) => readFileSync(new URL(`../../${path}`, import.meta.url), 'utf8');
const pkg = JSON.parse(read('package.json')) as {
  engines: { node: string };
  scripts: Record<string, string>;
  devDependencies: Record<string, string>;
};
const runtime = (parse(read('action.yml')) as { runs: { using: string } }).runs.using;
const major = runtime.replace(/^node/, '');

describe('the toolchain runs on the Node the action runs on', () => {
  it('.node-version, engines, @types/node and the node devDependency name the major action.yml runs on', () => {
    expect(runtime).toMatch(/^node\d+$/);
    expect(read('.node-version').trim()).toBe(major);
    expect(pkg.engines.node).toBe(`>=${major}`);
    expect(pkg.devDependencies['@types/node']).toMatch(new RegExp(`^\\^${major}\\.`));
    expect(pkg.devDependencies.node).toMatch(new RegExp(`^\\^${major}\\.`));
  });

  it('the node binary e2e tests spawn dist/ with is that major', () => {
    expect(execFileSync(NODE_BINARY, ['--version'], { encoding: 'utf8' }).trim()).toMatch(new RegExp(`^v${major}\\.`));
  });

  it.each(['typecheck', 'bundle', 'test', 'test:unit', 'test:e2e', 'vitest', 'demo', 'bench'])(
    "npm run %s starts that binary, not the machine's node",
    (name) => {
      const script = pkg.scripts[name] ?? '';
      const commands = script
        .split('&&')
        .map((c) => c.trim())
        .filter((c) => !c.startsWith('npm run '));
      expect(commands.length, name).toBeGreaterThan(0);
      for (const command of commands) expect(command, name).toMatch(/^node_modules\/node\/bin\/node /);
    },
  );
});
