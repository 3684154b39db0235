import { describe, expect, it } from 'vitest';
import { codeSpan, fence, plainText } from '../../../src/report/markdown.ts';

describe('codeSpan', () => {
  it.each([
    ['plain', {}, '`plain`'],
    ['a ``` b', {}, '````a ``` b````'],
    ['`starts with a tick', {}, '`` `starts with a tick ``'],
    ['a|b', { inTable: true }, '`a\\|b`'],
    ['a|b', {}, '`a|b`'],
    ['one\ntwo', {}, '`one ⏎ two`'],
  ])('renders %j (%j) as %j', (text, options, expected) => {
    expect(codeSpan(text, options)).toBe(expected);
  });
});

describe('fence', () => {
  it('is longer than any backtick run inside, so the content cannot close it', () => {
    const block = fence(['value ```` then', '## heading'], 'text');
    expect(block).toEqual(['`````text', 'value ```` then', '## heading', '`````']);
  });

  it('keeps at least three backticks and splits embedded line breaks', () => {
    expect(fence(['a\r\nb'])).toEqual(['```', 'a', 'b', '```']);
  });
});

describe('plainText', () => {
  it.each([
    ['<img src=x onerror=alert(1)>', '&lt;img src=x onerror=alert(1)&gt;'],
    ['# heading', '\\# heading'],
    ['a | b', 'a \\| b'],
    ['[link](https://evil)', '\\[link\\](https://evil)'],
    ['**bold** _em_ ~~s~~ `code`', '\\*\\*bold\\*\\* \\_em\\_ \\~\\~s\\~\\~ \\`code\\`'],
    ['- item', '\\- item'],
    ['1. item', '1\\. item'],
    ['line\n## two', 'line ⏎ \\#\\# two'],
  ])('renders %j as text: %j', (text, expected) => {
    expect(plainText(text)).toBe(expected);
  });
});
