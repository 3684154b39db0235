// What the runner would read as a command, taken out of text that may have come from
// outside (AWS answers, files, parameter values, inputs echoed back).
//
// The runner reads stdout line by line (split at \n, \r\n or \r). A line is a command when,
// after leading white space, it starts with `::` (`::add-mask::x`), or when it holds `##[`
// anywhere (the legacy `##[error]x` form, still parsed as a fallback). So every line break
// becomes a line of its own, and in each line a leading `::` and every `##[` get a backslash.

/** Line breaks as the runner splits them (and the Unicode ones, which a log viewer may show as breaks). */
const LINE_BREAK = /\r\n|[\r\n\u2028\u2029\u0085]/;

/** .NET's TrimStart also drops U+0085 and the other Unicode spaces that JavaScript's \s covers. */
const COMMAND_START = /^([\s\u0085]*)::/;

/** One line the runner cannot read as a command; visible as what it was, with a backslash in front. */
export function neutralizeLine(line: string): string {
  return line.replace(COMMAND_START, '$1\\::').replaceAll('##[', '##\\[');
}

/** The text as lines, each neutralised. Empty text is one empty line. */
export function safeLines(text: string): string[] {
  return text.split(LINE_BREAK).map(neutralizeLine);
}

/** One line (a group title): line breaks become spaces. */
export function safeTitle(text: string): string {
  return neutralizeLine(text.split(LINE_BREAK).join(' '));
}

/** Whether a line would be read as a runner command: what the tests check stdout against. */
export function isRunnerCommand(line: string): boolean {
  return /^[\s\u0085]*::/.test(line) || line.includes('##[');
}
