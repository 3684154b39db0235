import { readdirSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parse, parseDocument } from 'yaml';

// The repository's own CI: every workflow parses, grants little, and runs third-party
// actions only at a full commit SHA with the version it is in a trailing comment.

const dir = new URL('../../.github/workflows/', import.meta.url);
const files = readdirSync(dir)
  .filter((name) => /\.ya?ml$/.test(name))
  .sort();

interface Step {
  uses?: string;
}
interface Job {
  uses?: string;
  steps?: Step[];
  permissions?: unknown;
}
interface Workflow {
  on?: unknown;
  permissions?: unknown;
  jobs?: Record<string, Job>;
}

function load(name: string): { text: string; workflow: Workflow } {
  const text = readFileSync(new URL(name, dir), 'utf8');
  const doc = parseDocument(text);
  expect(doc.errors, name).toEqual([]);
  return { text, workflow: doc.toJS() as Workflow };
}

/** `uses:` lines as written, with their trailing comment. */
function usesLines(text: string): { ref: string; comment: string }[] {
  return [...text.matchAll(/^\s*(?:-\s+)?uses:\s*(\S+)[ \t]*(?:#[ \t]*(.*))?$/gm)].map((m) => ({
    ref: m[1] ?? '',
    comment: (m[2] ?? '').trim(),
  }));
}

describe('.github/workflows', () => {
  it('has the workflows CI and releases rely on', () => {
    expect(files).toEqual(expect.arrayContaining(['check-dist.yml', 'codeql.yml', 'release.yml', 'test.yml']));
  });

  describe.each(files)('%s', (name) => {
    const { text, workflow } = load(name);

    it('parses, with triggers and jobs', () => {
      expect(workflow.on, name).toBeDefined();
      expect(Object.keys(workflow.jobs ?? {}).length, name).toBeGreaterThan(0);
    });

    it('grants at most contents: read at the top; jobs widen only what they need', () => {
      expect(workflow.permissions, name).toEqual({ contents: 'read' });
      for (const [id, job] of Object.entries(workflow.jobs ?? {})) {
        if (job.permissions === undefined) continue;
        expect(typeof job.permissions, `${name} ${id}`).toBe('object');
        expect(JSON.stringify(job.permissions), `${name} ${id}`).not.toMatch(/write-all|read-all/);
      }
    });

    it('pins every third-party action by full commit SHA, with its version in a comment', () => {
      const lines = usesLines(text);
      const steps = Object.values(workflow.jobs ?? {}).flatMap((job) => [
        ...(job.uses ? [job.uses] : []),
        ...(job.steps ?? []).flatMap((step) => (step.uses ? [step.uses] : [])),
      ]);
      // The regex saw every uses: the YAML has.
      expect(lines.map((l) => l.ref).sort(), name).toEqual(steps.sort());
      for (const { ref, comment } of lines) {
        if (ref.startsWith('./')) continue; // a workflow or action of this repository
        expect(ref, name).toMatch(/^[\w.-]+\/[\w./-]+@[0-9a-f]{40}$/);
        expect(comment, `${name}: ${ref}`).toMatch(/^v\d+(\.\d+){0,2}\b/);
      }
    });

    it('never keeps the checkout token in .git for later steps', () => {
      for (const [id, job] of Object.entries(workflow.jobs ?? {})) {
        for (const step of job.steps ?? []) {
          if (!step.uses?.startsWith('actions/checkout@')) continue;
          expect((step as { with?: Record<string, unknown> }).with?.['persist-credentials'], `${name} ${id}`).toBe(
            false,
          );
        }
      }
    });
  });

  it('tests and checks dist/ on Node 24, the runtime action.yml names', () => {
    const action = parse(readFileSync(new URL('../../action.yml', import.meta.url), 'utf8')) as {
      runs: { using: string };
    };
    expect(action.runs.using).toBe('node24');
    for (const name of ['test.yml', 'check-dist.yml']) {
      const versions = [...load(name).text.matchAll(/node-version:\s*(\S+)/g)].map((m) => m[1]);
      expect(versions, name).toEqual(['24']);
    }
  });

  it('releases only after check-dist and the tests passed', () => {
    const { workflow } = load('release.yml');
    const jobs = workflow.jobs ?? {};
    expect(jobs['check-dist']?.uses).toBe('./.github/workflows/check-dist.yml');
    expect(jobs.test?.uses).toBe('./.github/workflows/test.yml');
    const publish = jobs.publish as Job & { needs?: string[] };
    expect(publish.needs).toEqual(expect.arrayContaining(['check-dist', 'test']));
    expect(publish.permissions).toEqual({ contents: 'write' });
  });
});

describe('.github/dependabot.yml', () => {
  it('updates npm and github-actions', () => {
    const config = parse(readFileSync(new URL('../../.github/dependabot.yml', import.meta.url), 'utf8')) as {
      version: number;
      updates: { 'package-ecosystem': string; directory: string }[];
    };
    expect(config.version).toBe(2);
    expect(config.updates.map((u) => u['package-ecosystem']).sort()).toEqual(['github-actions', 'npm']);
  });
});
