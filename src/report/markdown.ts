// Markdown that renders outside text as text. Every value in the summary that came from
// AWS, a file or an input goes through one of these; only the action's own words and
// links it builds from encoded parts are written raw.

/** The longest run of `char` in `text`. */
function longestRun(text: string, char: string): number {
  let longest = 0;
  let run = 0;
  for (const c of text) {
    run = c === char ? run + 1 : 0;
    longest = Math.max(longest, run);
  }
  return longest;
}

/** Line breaks as a visible mark: a table row and a code span are one line. */
function oneLine(text: string): string {
  return text.replace(/\r\n|[\r\n\u2028\u2029\u0085]/g, ' ⏎ ');
}

/**
 * A code span sized to its content: one backtick more than its longest run, padded with a
 * space when it starts or ends with a backtick or a space (CommonMark strips one of each).
 * In a table cell `|` is escaped too: GFM splits cells before it reads code spans.
 */
export function codeSpan(text: string, options: { inTable?: boolean } = {}): string {
  let body = oneLine(text);
  if (options.inTable) body = body.replaceAll('|', '\\|');
  const ticks = '`'.repeat(longestRun(body, '`') + 1);
  const pad = /^[` ]|[` ]$/.test(body) ? ' ' : '';
  return `${ticks}${pad}${body}${pad}${ticks}`;
}

/** A fenced block that its content cannot close: a fence longer than any backtick run inside. */
export function fence(lines: readonly string[], info = ''): string[] {
  const ticks = '`'.repeat(Math.max(3, longestRun(lines.join('\n'), '`') + 1));
  return [`${ticks}${info}`, ...lines.flatMap((line) => line.split(/\r\n|[\r\n\u2028\u2029\u0085]/)), ticks];
}

const HTML: Readonly<Record<string, string>> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;' };

/**
 * Plain text in running Markdown or a table cell, one line: HTML escaped, and every mark
 * that can open markup (emphasis, code, links, headings, cell breaks, strike-through)
 * backslash-escaped, plus a leading list or quote marker.
 */
export function plainText(text: string): string {
  return oneLine(text)
    .replace(/[&<>"]/g, (c) => HTML[c] ?? c)
    .replace(/[\\`*_[\]#|~]/g, (c) => `\\${c}`)
    .replace(/^(\s*)([-+=])/, '$1\\$2')
    .replace(/^(\s*\d+)([.)])/, '$1\\$2');
}

// What a console URL built by plan/ holds: encoded parts only, nothing that ends a link.
const SAFE_URL = /^https:\/\/[a-z0-9.-]+\/[A-Za-z0-9$._~/?=&#:%-]*$/;

/** `[text](url)` for one of our own URLs; anything else, as text, is no link. */
export function markdownLink(text: string, url: string): string {
  return SAFE_URL.test(url) ? `[${plainText(text)}](${url})` : plainText(text);
}
