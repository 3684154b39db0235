import { readFileSync } from 'node:fs';
import { afterEach, describe, expect, it, vi } from 'vitest';

// Tools that run an action's logic themselves (GitHub's @github/local-action: "a separation
// between the entrypoint used by GitHub Actions ... and the actual logic of your action",
// which exports `run`; https://www.npmjs.com/package/@github/local-action) import main.ts
// and post.ts and call `run()`: importing them must start nothing.

const ENTRIES = [
  { logic: '../../src/main.ts', entry: 'src/index.ts', imports: './main.ts' },
  { logic: '../../src/post.ts', entry: 'src/post-index.ts', imports: './post.ts' },
];

afterEach(() => {
  vi.restoreAllMocks();
  vi.unstubAllEnvs();
  process.exitCode = undefined;
});

describe('the entry points', () => {
  it.each(ENTRIES)(
    'importing $logic runs nothing and gives its run()',
    async ({ logic }) => {
      const listeners = { SIGINT: process.listenerCount('SIGINT'), SIGTERM: process.listenerCount('SIGTERM') };
      const stdout = vi.spyOn(process.stdout, 'write');
      process.exitCode = undefined;
      // State a post step would choke on, so a post step that ran would be seen failing.
      vi.stubEnv('STATE_rollback', '{');

      const module = (await import(logic)) as { run?: unknown };

      expect(typeof module.run).toBe('function');
      // run() would watch for cancellation, read inputs or state, print, and set the exit code: none of it happened.
      expect({ SIGINT: process.listenerCount('SIGINT'), SIGTERM: process.listenerCount('SIGTERM') }).toEqual(listeners);
      expect(stdout).not.toHaveBeenCalled();
      expect(process.exitCode).toBeUndefined();
    },
    30_000,
  ); // The first import of main.ts transforms much of src/: slow on a loaded machine.

  it.each(ENTRIES)('$entry only imports run and calls it', ({ entry, imports }) => {
    const text = readFileSync(new URL(`../../${entry}`, import.meta.url), 'utf8');
    expect(text).toBe(`import { run } from '${imports}';\n\nawait run();\n`);
  });
});
