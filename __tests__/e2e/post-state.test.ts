import { spawn } from 'node:child_process';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { NODE_BINARY, REPO_ROOT } from '../support/run-action.ts';

// The post step reads STATE_rollback, which only the main step should write; anything else
// in it is reported once and followed nowhere, without a stack and without echoing it.

function runPost(state: string): Promise<{ code: number | null; stdout: string }> {
  return new Promise((resolve) => {
    const env = { PATH: process.env.PATH ?? '', STATE_rollback: state };
    const child = spawn(NODE_BINARY, [join(REPO_ROOT, 'dist', 'post', 'index.js')], {
      env,
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let stdout = '';
    child.stdout.setEncoding('utf8');
    child.stdout.on('data', (chunk: string) => (stdout += chunk));
    child.stderr.on('data', (chunk: Buffer) => (stdout += chunk.toString()));
    child.once('close', (code) => resolve({ code, stdout }));
  });
}

const MARKER = 'marker-7f3a';

describe('the post step with a saved state the main step did not write', () => {
  it.each([
    { what: 'text that is not JSON', state: `<html>${MARKER}\n::error::forged</html>`, problem: 'it is not JSON' },
    {
      what: 'one object instead of a list',
      state: JSON.stringify({ region: 'us-east-1', cluster: 'c', service: MARKER, recordArn: 'arn:x' }),
      problem: 'it is not a list',
    },
    {
      what: 'a list whose entry names no controller',
      state: JSON.stringify([{ region: 'us-east-1', cluster: 'c', service: MARKER }]),
      problem: 'entry 1 is not a started rollback',
    },
  ])('warns once and follows nothing on $what, exiting 0', async ({ state, problem }) => {
    const post = await runPost(state);

    expect(post.code, post.stdout).toBe(0);
    const warnings = post.stdout.split('\n').filter((line) => line.startsWith('::warning'));
    expect(warnings).toHaveLength(1);
    expect(warnings[0]).toContain('The post step found a saved state it did not write');
    expect(warnings[0]).toContain(problem);
    expect(post.stdout).not.toContain(MARKER);
    expect(post.stdout).not.toMatch(/::error|SyntaxError|\n\s+at /);
  });

  it('says nothing when there is no saved state', async () => {
    const post = await runPost('');
    expect(post).toEqual({ code: 0, stdout: '' });
  });
});
