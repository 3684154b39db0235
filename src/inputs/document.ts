// A task definition file's text as a plain object, refusing what JSON.parse or a YAML
// loader would let through quietly: repeated keys (last one wins), YAML merge keys (`<<`,
// which YAML 1.2 does not define), keys that mean something to JavaScript objects
// (`__proto__`, `constructor`, `prototype`), and numbers no JavaScript number holds as
// written (a 400-digit cpu is not "Infinity"). Problems name the line, the column and the
// key path, never the file's text: a wrong file may hold secrets.

import type { Node } from 'yaml';
import { UserError } from '../errors.ts';

/** The part of the `yaml` package used here, loaded only when a step reads a file (start-up). */
export type YamlParser = Pick<
  typeof import('yaml'),
  'LineCounter' | 'isAlias' | 'isMap' | 'isScalar' | 'isSeq' | 'parseDocument'
>;

const OBJECT_KEYS: ReadonlySet<string> = new Set(['__proto__', 'constructor', 'prototype']);

/** `label` starts every message: "Input 'task-definition' ('td.json')". */
export function parseTaskDefinitionText(text: string, label: string, yaml: YamlParser): unknown {
  const { LineCounter, parseDocument } = yaml;
  const lineCounter = new LineCounter();
  // One parser for JSON and YAML alike (JSON is YAML 1.2), so both follow the same rules.
  const doc = parseDocument(text.replace(/^\uFEFF/, ''), {
    lineCounter,
    uniqueKeys: false,
    merge: false,
    prettyErrors: false,
  });
  const at = (offset: number): string => {
    const { line, col } = lineCounter.linePos(offset);
    return `line ${line}, column ${col}`;
  };
  const first = doc.errors[0];
  if (first !== undefined) {
    // The parser's own message quotes the file; its code and position do not.
    const what = first.code.toLowerCase().replaceAll('_', ' ');
    throw new UserError(
      `${label} is not valid JSON or YAML: ${what} at ${at(first.pos[0])}. Fix the file (its text is not shown here).`,
    );
  }
  const problems: string[] = [];
  walk(doc.contents, '', { text, at, problems, yaml });
  if (problems.length > 0) throw new UserError(`${label} is refused: ${problems.join('; ')}.`);
  try {
    return doc.toJS({ maxAliasCount: 100 });
  } catch (error) {
    throw new UserError(
      `${label} could not be read as YAML: ${libraryWords(error)} (the yaml library's words). Fix the file: write repeated values out instead of nesting aliases (*name), and define each anchor (&name) before its aliases.`,
      { cause: error },
    );
  }
}

/** The library's sentence without what follows a colon, where it quotes the file (an alias name). */
function libraryWords(error: unknown): string {
  const message = error instanceof Error ? error.message : String(error);
  return message.split(':')[0]?.trim() || 'the document could not be built';
}

interface Walk {
  yaml: YamlParser;
  text: string;
  at: (offset: number) => string;
  problems: string[];
}

function walk(node: Node | null | undefined, path: string, w: Walk): void {
  const { isAlias, isMap, isScalar, isSeq } = w.yaml;
  if (node === null || node === undefined || isAlias(node)) return;
  const where = (n: Node | null | undefined, keyPath: string) =>
    `${n?.range ? `${w.at(n.range[0])}, ` : ''}key path '${keyPath || '(top)'}'`;
  if (isMap(node)) {
    const seen = new Set<string>();
    for (const pair of node.items) {
      const keyNode = isScalar(pair.key) ? pair.key : undefined;
      const key = keyNode === undefined ? undefined : String(keyNode.value);
      if (key === undefined) {
        w.problems.push(`a key that is not a plain name at ${where(null, path)}: use string keys`);
        continue;
      }
      const keyPath = path === '' ? key : `${path}.${key}`;
      if (key === '<<')
        w.problems.push(
          `a YAML merge key '<<' at ${where(keyNode, keyPath)}: merge keys are not supported, write the keys out`,
        );
      else if (OBJECT_KEYS.has(key))
        w.problems.push(
          `the key '${key}' at ${where(keyNode, keyPath)}: no task definition field has that name, remove it`,
        );
      else if (seen.has(key))
        w.problems.push(`a duplicate key '${key}' at ${where(keyNode, keyPath)}: give each key once`);
      seen.add(key);
      walk(isScalar(pair.value) || isMap(pair.value) || isSeq(pair.value) ? pair.value : null, keyPath, w);
    }
    return;
  }
  if (isSeq(node)) {
    for (const [index, item] of node.items.entries()) {
      walk(isScalar(item) || isMap(item) || isSeq(item) ? item : null, `${path}[${index}]`, w);
    }
    return;
  }
  if (isScalar(node) && typeof node.value === 'number' && !exact(node.value) && node.range) {
    const written = w.text.slice(node.range[0], node.range[1]).replace(/^\uFEFF/, '');
    const shown = written.length > 24 ? `${written.slice(0, 12)}…(${written.length} characters)` : written;
    w.problems.push(
      `the number ${shown} at ${where(node, path)} is out of range: use a whole number ECS accepts (or quote it as a string)`,
    );
  }
}

/** Numbers JavaScript holds as they were written: finite, and whole ones safely. */
function exact(value: number): boolean {
  return Number.isFinite(value) && (!Number.isInteger(value) || Number.isSafeInteger(value));
}
