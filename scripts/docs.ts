// `npm run docs`: writes the README's generated tables (inputs, outputs, modes) from
// action.yml and src/, so the front page cannot drift from the code.
import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { pathToFileURL } from 'node:url';
import { Input, MODES } from '../src/names.ts';
import { renderReadme } from './docs-tables.ts';

export function readFacts(root: URL): Parameters<typeof renderReadme>[1] {
  const inputsDir = new URL('src/inputs/', root);
  const inputSources = readdirSync(inputsDir)
    .filter((name) => name.endsWith('.ts'))
    .sort()
    .map((name) => readFileSync(new URL(name, inputsDir), 'utf8'));
  return {
    actionYml: readFileSync(new URL('action.yml', root), 'utf8'),
    inputSources,
    inputNames: Input,
    modes: MODES,
  };
}

const entry = process.argv[1];
if (entry !== undefined && import.meta.url === pathToFileURL(entry).href) {
  const root = new URL('../', import.meta.url);
  const path = new URL('README.md', root);
  const before = readFileSync(path, 'utf8');
  const after = renderReadme(before, readFacts(root));
  writeFileSync(path, after);
  console.log(after === before ? 'README.md: tables already up to date' : 'README.md: tables rewritten');
}
