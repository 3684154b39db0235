import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';

// One wording per input and output: the README's tables say what action.yml says.
//
// What is compared, per name:
// - the README row's Meaning cell and action.yml's `description`, both normalised: code
//   spans lose their backticks (`x` -> x), an escaped pipe (\|) becomes |, and every run
//   of whitespace (action.yml's folded lines included) becomes one space. Everything else
//   (words, punctuation, case) must be equal;
// - for inputs, the Default cell: when action.yml declares a default it must be exactly
//   that value as one code span (`30m`); when it declares none, the cell must not look
//   like one (it is empty or words such as "see right", "keep"), because the runner only
//   fills in defaults that action.yml declares.
// Every input and output must be in both, once. The README's order is free.

interface ActionYml {
  inputs: Record<string, { description?: string; default?: string }>;
  outputs: Record<string, { description?: string }>;
}

const action = parse(readFileSync(new URL('../../action.yml', import.meta.url), 'utf8')) as ActionYml;
const readme = readFileSync(new URL('../../README.md', import.meta.url), 'utf8');

interface Row {
  name: string;
  cells: string[];
  line: number;
}

/** The first Markdown table after `heading`, as rows of trimmed cells (header and rule dropped). */
function tableAfter(markdown: string, heading: string): { header: string[]; rows: Row[] } {
  const lines = markdown.split('\n');
  const start = lines.findIndex((l) => l.trim() === heading);
  if (start < 0) throw new Error(`README has no heading '${heading}'`);
  let i = start + 1;
  while (i < lines.length && !lines[i]!.startsWith('|')) {
    if (/^#{1,6} /.test(lines[i]!)) throw new Error(`no table under '${heading}'`);
    i++;
  }
  const split = (line: string): string[] =>
    line
      .trim()
      .replace(/^\|/, '')
      .replace(/(?<!\\)\|$/, '')
      .split(/(?<!\\)\|/)
      .map((c) => c.trim());
  const header = split(lines[i]!);
  if (!/^\|(\s*:?-+:?\s*\|)+$/.test(lines[i + 1]?.trim() ?? '')) throw new Error(`the table under '${heading}' has no rule line`);
  const rows: Row[] = [];
  for (let j = i + 2; j < lines.length && lines[j]!.startsWith('|'); j++) {
    const cells = split(lines[j]!);
    rows.push({ name: stripCode(cells[0] ?? ''), cells, line: j + 1 });
  }
  return { header, rows };
}

function stripCode(text: string): string {
  return text.replace(/`([^`]*)`/g, '$1');
}

/** The comparison form: no code-span backticks, unescaped pipes, single spaces. */
function normalise(text: string): string {
  return stripCode(text).replace(/\\\|/g, '|').replace(/\s+/g, ' ').trim();
}

function byName(rows: Row[], table: string): Map<string, Row> {
  const map = new Map<string, Row>();
  for (const row of rows) {
    expect(map.has(row.name), `${table}: '${row.name}' is listed twice (line ${row.line})`).toBe(false);
    map.set(row.name, row);
  }
  return map;
}

describe('normalise', () => {
  it.each([
    ['`KEY=VALUE` per line', 'KEY=VALUE per line'],
    ['a  b\n   c', 'a b c'],
    ['one \\| two', 'one | two'],
    ['  (`30s`, `5m`) ', '(30s, 5m)'],
  ])('%j -> %j', (input, expected) => {
    expect(normalise(input)).toBe(expected);
  });

  it('keeps words and punctuation, so a changed word still differs', () => {
    expect(normalise('Empty: keep.')).not.toBe(normalise('Empty: keep'));
    expect(normalise('Required for mode ecs.')).not.toBe(normalise('Required for `ecs`.'));
  });
});

describe('README inputs table', () => {
  const { header, rows } = tableAfter(readme, '## Inputs');
  const readmeInputs = byName(rows, 'Inputs');

  it('has the columns Input, Default, Meaning', () => {
    expect(header).toEqual(['Input', 'Default', 'Meaning']);
    for (const row of rows) expect(row.cells.length, `line ${row.line}`).toBe(3);
  });

  it('lists exactly the inputs of action.yml', () => {
    expect([...readmeInputs.keys()].sort()).toEqual(Object.keys(action.inputs).sort());
  });

  it.each(Object.keys(action.inputs))('%s: the same description as action.yml', (name) => {
    const row = readmeInputs.get(name);
    expect(row, `README lacks input '${name}'`).toBeDefined();
    expect(normalise(row!.cells[2] ?? ''), `README line ${row!.line}`).toBe(normalise(action.inputs[name]!.description ?? ''));
  });

  it.each(Object.keys(action.inputs))('%s: the Default column agrees with action.yml', (name) => {
    const row = readmeInputs.get(name);
    expect(row, `README lacks input '${name}'`).toBeDefined();
    const cell = row!.cells[1] ?? '';
    const declared = action.inputs[name]!.default;
    if (declared !== undefined) {
      expect(cell, `README line ${row!.line}`).toBe('`' + declared + '`');
    } else {
      expect(cell, `README line ${row!.line}: action.yml declares no default for '${name}'`).not.toMatch(/^`[^`]*`$/);
    }
  });
});

describe('README outputs table', () => {
  const { header, rows } = tableAfter(readme, '## Outputs');
  const readmeOutputs = byName(rows, 'Outputs');

  it('has the columns Output, Meaning', () => {
    expect(header).toEqual(['Output', 'Meaning']);
    for (const row of rows) expect(row.cells.length, `line ${row.line}`).toBe(2);
  });

  it('lists exactly the outputs of action.yml', () => {
    expect([...readmeOutputs.keys()].sort()).toEqual(Object.keys(action.outputs).sort());
  });

  it.each(Object.keys(action.outputs))('%s: the same description as action.yml', (name) => {
    const row = readmeOutputs.get(name);
    expect(row, `README lacks output '${name}'`).toBeDefined();
    expect(normalise(row!.cells[1] ?? ''), `README line ${row!.line}`).toBe(normalise(action.outputs[name]!.description ?? ''));
  });
});
