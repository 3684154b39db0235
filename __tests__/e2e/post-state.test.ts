import { describe, expect, it } from 'vitest';
import { runPostStep } from '../support/run-action.ts';

// The post step reads STATE_rollback, which only the main step should write; anything else
// in it is reported once and followed nowhere, without a stack and without echoing it.

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
    const post = await runPostStep({ STATE_rollback: state });

    expect(post.code, post.stdout).toBe(0);
    const warnings = post.stdout.split('\n').filter((line) => line.startsWith('::warning'));
    expect(warnings).toHaveLength(1);
    expect(warnings[0]).toContain('The post step found a saved state it did not write');
    expect(warnings[0]).toContain(problem);
    expect(post.stdout).not.toContain(MARKER);
    expect(post.stdout).not.toMatch(/::error|SyntaxError|\n\s+at /);
  });

  it('says nothing when there is no saved state', async () => {
    const post = await runPostStep({ STATE_rollback: '' });
    expect(post).toEqual({ code: 0, stdout: '' });
  });
});
