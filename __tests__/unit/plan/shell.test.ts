import { execFileSync } from 'node:child_process';
import { describe, expect, it } from 'vitest';
import { shellQuote } from '../../../src/plan/shell.ts';

describe('shellQuote', () => {
  it.each([
    ['a plain hook id', 'approve'],
    ['a quote', "it's"],
    ['command substitution and a separator', "a'; echo pwned; '$(id)`id`"],
    ['spaces, a glob and a newline', 'a b *\nc'],
    ['the empty string', ''],
  ])('gives sh back %s exactly, as one word', (_, text) => {
    expect(execFileSync('sh', ['-c', `printf %s ${shellQuote(text)}`], { encoding: 'utf8' })).toBe(text);
  });
});
