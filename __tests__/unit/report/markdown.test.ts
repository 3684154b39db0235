import { describe, expect, it } from 'vitest';
import { codeSpan, fence, markdownLink, plainText } from '../../../src/report/markdown.ts';

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

describe('markdownLink', () => {
  it('links a console URL built from encoded parts, # and $ as they are', () => {
    const url =
      'https://eu-west-1.console.aws.amazon.com/cloudwatch/home?region=eu-west-1#logsV2:log-groups/log-group/$252Fecs';
    expect(markdownLink('CloudWatch', url)).toBe(`[CloudWatch](${url})`);
  });

  it.each([
    ['a parenthesis', 'https://a.example/x)[y](z'],
    ['a space', 'https://a.example/x y'],
    ['another scheme', 'javascript:alert(1)'],
    ['markup in the host', 'https://a.example<b>/'],
  ])('writes text, no link, for a URL with %s', (_, url) => {
    expect(markdownLink('CloudWatch', url)).toBe('CloudWatch');
  });
});
