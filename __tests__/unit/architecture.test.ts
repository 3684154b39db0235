// The layer rules of CONTRIBUTING.md "Architecture", checked on every `npm test`: imports run
// downhill only and never in a circle, so a change cannot break the layout unnoticed.

import { readdirSync, readFileSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';

const SRC = resolve(import.meta.dirname, '../../src');

interface Import {
  /** The imported file relative to src/, or the package name. */
  target: string;
  typeOnly: boolean;
}

function sourceFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) return sourceFiles(path);
    return entry.name.endsWith('.ts') ? [relative(SRC, path)] : [];
  });
}

const IMPORT = /^\s*(import|export)\s+(type\s+)?(?:[^'";]*?\s+from\s+)?['"]([^'"]+)['"]/gm;
const DYNAMIC = /\bimport\(\s*['"]([^'"]+)['"]\s*\)/g;

function importsOf(file: string): Import[] {
  const text = readFileSync(join(SRC, file), 'utf8');
  const found: Import[] = [];
  const resolveTarget = (spec: string) =>
    spec.startsWith('.') ? relative(SRC, resolve(SRC, dirname(file), spec)) : spec;
  for (const match of text.matchAll(IMPORT)) {
    const spec = match[3] ?? '';
    found.push({ target: resolveTarget(spec), typeOnly: match[2] !== undefined });
  }
  for (const match of text.matchAll(DYNAMIC)) found.push({ target: resolveTarget(match[1] ?? ''), typeOnly: false });
  return found;
}

const FILES = sourceFiles(SRC);
const GRAPH = new Map(FILES.map((file) => [file, importsOf(file)]));

/** The room a file lives in: its folder, or its own name for the files at the top of src/. */
function roomOf(file: string): string {
  return file.includes('/') ? file.slice(0, file.indexOf('/')) : file.replace(/\.ts$/, '');
}

// Who may import whom, by room. Anything not listed is refused.
const ALLOWED: Readonly<Record<string, readonly string[]>> = {
  names: [],
  errors: [],
  clock: [],
  plan: ['plan', 'errors', 'names'],
  settings: ['plan', 'names'],
  results: ['plan', 'names'],
  wait: ['clock', 'errors', 'plan'],
  retry: ['clock', 'errors', 'plan'],
  aws: ['aws', 'plan', 'errors'],
  deps: ['aws', 'clock'],
  failure: ['deps', 'errors', 'plan'],
  steps: [
    'steps',
    'aws',
    'plan',
    'errors',
    'names',
    'deps',
    'wait',
    'retry',
    'clock',
    'failure',
    'settings',
    'results',
  ],
  inputs: ['inputs', 'plan', 'settings', 'names', 'errors'],
  report: ['report', 'plan', 'results', 'names'],
  pipeline: ['steps', 'plan', 'settings', 'results', 'deps', 'failure', 'names', 'pipeline-put-back'],
  'pipeline-put-back': ['steps', 'plan', 'settings', 'results', 'deps'],
  runner: ['runner', 'deps'],
  cancel: ['deps', 'plan', 'results', 'saved-state', 'settings'],
  'lambda-cancel': ['results', 'saved-state', 'settings'],
  // Reading what the main step saved for the post step: pure, imports nothing.
  'saved-state': [],
  main: [
    'aws',
    'cancel',
    'lambda-cancel',
    'deps',
    'errors',
    'failure',
    'inputs',
    'pipeline',
    'plan',
    'report',
    'results',
    'names',
    'runner',
  ],
  post: ['aws', 'cancel', 'lambda-cancel', 'deps', 'errors', 'steps', 'runner'],
  index: ['main'],
  'post-index': ['post'],
};

describe('the layout of src/', () => {
  it('knows every room', () => {
    const unknown = [...new Set(FILES.map(roomOf))].filter((room) => ALLOWED[room] === undefined);
    expect(unknown).toEqual([]);
  });

  it('has imports that only run downhill', () => {
    const upward = [...GRAPH].flatMap(([file, imports]) =>
      imports
        .filter((i) => !i.target.startsWith('@') && !i.target.startsWith('node:') && !['yaml'].includes(i.target))
        .filter((i) => !(ALLOWED[roomOf(file)] ?? []).includes(roomOf(i.target)) && roomOf(i.target) !== roomOf(file))
        .map((i) => `${file} -> ${i.target}`),
    );
    expect(upward).toEqual([]);
  });

  it('has no import cycle, counting type-only imports', () => {
    const cycles: string[] = [];
    const state = new Map<string, 'visiting' | 'done'>();
    const visit = (file: string, path: string[]): void => {
      if (state.get(file) === 'done') return;
      if (state.get(file) === 'visiting') {
        cycles.push([...path.slice(path.indexOf(file)), file].join(' -> '));
        return;
      }
      state.set(file, 'visiting');
      for (const { target } of GRAPH.get(file) ?? []) if (GRAPH.has(target)) visit(target, [...path, file]);
      state.set(file, 'done');
    };
    for (const file of FILES) visit(file, []);
    expect(cycles).toEqual([]);
  });

  it('keeps plan/ pure: no AWS client, no runner, no clock, no files', () => {
    const impure = [...GRAPH]
      .filter(([file]) => roomOf(file) === 'plan')
      .flatMap(([file, imports]) =>
        imports
          .filter(
            (i) =>
              (i.target.startsWith('@aws-sdk/') && !i.typeOnly) ||
              i.target.startsWith('@actions/') ||
              ['node:fs', 'node:path', 'node:timers'].includes(i.target),
          )
          .map((i) => `${file} -> ${i.target}`),
      );
    expect(impure).toEqual([]);
  });

  it('lets only aws/ use AWS SDK values', () => {
    const outside = [...GRAPH]
      .filter(([file]) => roomOf(file) !== 'aws')
      .flatMap(([file, imports]) =>
        imports.filter((i) => i.target.startsWith('@aws-sdk/') && !i.typeOnly).map((i) => `${file} -> ${i.target}`),
      );
    expect(outside).toEqual([]);
  });

  it('lets only the writer (runner/) use @actions/core, so every printed text is neutralised', () => {
    const outside = [...GRAPH]
      .filter(([file]) => roomOf(file) !== 'runner')
      .flatMap(([file, imports]) =>
        imports.filter((i) => i.target.startsWith('@actions/')).map((i) => `${file} -> ${i.target}`),
      );
    expect(outside).toEqual([]);
  });

  it('has no file over 300 lines', () => {
    const long = FILES.map((file) => [file, readFileSync(join(SRC, file), 'utf8').split('\n').length] as const).filter(
      ([, lines]) => lines > 301,
    );
    expect(long).toEqual([]);
  });
});
