import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import * as yaml from 'yaml';
import { UserError } from '../../../src/errors.ts';
import { parseTaskDefinitionText } from '../../../src/inputs/document.ts';
import { MAX_FILE_BYTES, readTaskDefinitionSource } from '../../../src/inputs/task-definition-file.ts';

const root = mkdtempSync(join(tmpdir(), 'image-deploy-tdfile-'));
const workspace = join(root, 'workspace');
const runnerTemp = join(root, 'runner-temp');
const outside = join(root, 'outside');
for (const dir of [workspace, runnerTemp, outside]) mkdirSync(dir);
const env = { GITHUB_WORKSPACE: workspace, RUNNER_TEMP: runnerTemp };
const VALID = JSON.stringify({ family: 'web', containerDefinitions: [{ name: 'app', image: 'repo:1' }] });
const SECRET = 'aws_secret_access_key = wJalrXUtnFEMI/K7MDENG';

writeFileSync(join(workspace, 'td.json'), VALID);
writeFileSync(join(runnerTemp, 'rendered.json'), VALID);
writeFileSync(join(outside, 'credentials'), `[default]\n${SECRET}\n`);
symlinkSync(join(outside, 'credentials'), join(workspace, 'link-out.yaml'));
symlinkSync('/dev/zero', join(workspace, 'zero.json'));
symlinkSync(join(workspace, 'td.json'), join(workspace, 'link-in.json'));
execFileSync('mkfifo', [join(workspace, 'fifo.json')]);
writeFileSync(join(workspace, 'big.json'), ' '.repeat(MAX_FILE_BYTES + 1));
writeFileSync(join(workspace, 'creds.yaml'), `[default]\n${SECRET}\n  bad: [\n`);
// Each level repeats the one before nine times: 9^5 values from a few hundred bytes.
const BOMB = [
  'a: &a [x, x, x, x, x, x, x, x, x]',
  ...['b', 'c', 'd', 'e'].map((name, i) => `${name}: &${name} [${Array(9).fill(`*${'abcd'[i]}`).join(', ')}]`),
];
writeFileSync(join(workspace, 'bomb.yaml'), `${BOMB.join('\n')}\n`);
writeFileSync(join(workspace, 'unanchored.yaml'), 'family: *wJalrXUtnFEMI\n');

afterAll(() => rmSync(root, { recursive: true, force: true }));

function refusal(raw: string): string {
  try {
    readTaskDefinitionSource(raw, env, 'task-definition', yaml);
  } catch (error) {
    if (error instanceof UserError) return error.message;
    throw error;
  }
  throw new Error(`'${raw}' was accepted`);
}

describe('readTaskDefinitionSource reads files from the workspace and RUNNER_TEMP only', () => {
  it.each([
    ['a file in the workspace', 'td.json'],
    ['a file in RUNNER_TEMP, by absolute path', join(runnerTemp, 'rendered.json')],
    ['a symlink that stays in the workspace', 'link-in.json'],
  ])('reads %s', (_, raw) => {
    expect(readTaskDefinitionSource(raw, env, 'task-definition', yaml)).toMatchObject({
      kind: 'file',
      taskDefinition: { family: 'web' },
    });
  });

  it.each([
    ['a path out through ../', '../outside/credentials', /outside the workspace and RUNNER_TEMP/],
    ['an absolute path elsewhere', join(outside, 'credentials'), /outside the workspace and RUNNER_TEMP/],
    ['a symlink out of the workspace', 'link-out.yaml', /outside the workspace and RUNNER_TEMP/],
    ['a symlink to /dev/zero', 'zero.json', /outside the workspace and RUNNER_TEMP/],
    ['a FIFO (without waiting on it)', 'fifo.json', /not a regular file \(a FIFO, device or socket\)/],
    ['a file over 1 MiB', 'big.json', /larger than 1048576 bytes/],
  ])('refuses %s, naming the input and the fix, never the contents', (_, raw, says) => {
    const message = refusal(raw);
    expect(message).toContain("Input 'task-definition'");
    expect(message).toMatch(says);
    expect(message).not.toContain('wJalrXUtnFEMI');
  });

  it("refuses a YAML alias bomb naming the input, the file and the fix, with the yaml library's words", () => {
    const message = refusal('bomb.yaml');
    expect(message).toContain(
      "Input 'task-definition' ('bomb.yaml') could not be read as YAML: Excessive alias count indicates a resource exhaustion attack",
    );
    expect(message).toContain('Fix the file: write repeated values out instead of nesting aliases');
  });

  it('refuses an alias without its anchor, without quoting the alias name', () => {
    const message = refusal('unanchored.yaml');
    expect(message).toContain(
      "Input 'task-definition' ('unanchored.yaml') could not be read as YAML: Unresolved alias",
    );
    expect(message).toContain('define each anchor (&name) before its aliases');
    expect(message).not.toContain('wJalrXUtnFEMI');
  });

  it('reports a file that is not YAML by line and column, without quoting it', () => {
    const message = refusal('creds.yaml');
    expect(message).toMatch(/is not valid JSON or YAML: .* at line \d+, column \d+/);
    expect(message).not.toContain('wJalrXUtnFEMI');
    expect(message).not.toContain('aws_secret_access_key');
  });
});

describe('parseTaskDefinitionText', () => {
  const parse = (text: string) => parseTaskDefinitionText(text, "Input 'task-definition' ('td.json')", yaml);
  const refused = (text: string): string => {
    try {
      parse(text);
    } catch (error) {
      if (error instanceof UserError) return error.message;
      throw error;
    }
    throw new Error('accepted');
  };

  it('reads JSON with a byte order mark and CRLF line endings', () => {
    expect(parse('\uFEFF{\r\n  "family": "web"\r\n}\r\n')).toEqual({ family: 'web' });
  });

  it.each([
    [
      'a duplicate JSON key',
      '{"family": "web",\n "containerDefinitions": [{"name": "a", "image": "x", "image": "y"}]}',
      "a duplicate key 'image' at line 2, column 55, key path 'containerDefinitions[0].image'",
    ],
    [
      'a duplicate YAML key',
      'family: web\nfamily: api\n',
      "a duplicate key 'family' at line 2, column 1, key path 'family'",
    ],
    [
      'a YAML merge key',
      'base: &b {cpu: 1}\ncontainerDefinitions:\n  - <<: *b\n    name: app\n',
      "a YAML merge key '<<' at line 3, column 5, key path 'containerDefinitions[0].<<'",
    ],
    [
      'a __proto__ key',
      '{"family": "web", "__proto__": {"x": 1}}',
      "the key '__proto__' at line 1, column 19, key path '__proto__'",
    ],
    [
      'a constructor key',
      'family: web\ncontainerDefinitions:\n  - name: app\n    constructor: 1\n',
      "the key 'constructor' at line 4, column 5, key path 'containerDefinitions[0].constructor'",
    ],
    [
      'a 400-digit number',
      `{"cpu": ${'9'.repeat(400)}}`,
      "the number 999999999999…(400 characters) at line 1, column 9, key path 'cpu' is out of range",
    ],
  ])('refuses %s with its position and key path', (_, text, says) => {
    const message = refused(text);
    expect(message).toContain(says);
    expect(message).not.toContain('Infinity');
  });
});
