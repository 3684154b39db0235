// How the demo shows a run in a terminal: what the Actions log would render (groups as
// headings, warnings and errors marked, debug hidden), digests shortened for reading (the
// outputs keep them whole), colour only on a terminal that wants it, and the job summary's
// Markdown laid out as text.

export interface View {
  bold(text: string): string;
  dim(text: string): string;
  red(text: string): string;
  green(text: string): string;
  yellow(text: string): string;
}

/** Colour when stdout is a terminal and NO_COLOR is not set (https://no-color.org). */
export function viewFor(stream: { isTTY?: boolean }, env: NodeJS.ProcessEnv = process.env): View {
  const on = stream.isTTY === true && (env.NO_COLOR ?? '') === '' && env.TERM !== 'dumb';
  const paint = (code: string) => (text: string) => (on ? `\x1b[${code}m${text}\x1b[0m` : text);
  return { bold: paint('1'), dim: paint('2'), red: paint('31'), green: paint('32'), yellow: paint('33') };
}

const DIGEST = /sha256:([0-9a-f]{12})[0-9a-f]{52}/g;

/** `sha256:0123456789ab…`: enough to tell digests apart when reading. */
export function shortenDigests(text: string): string {
  return text.replace(DIGEST, 'sha256:$1…');
}

/** One line of the action's stdout as the Actions log shows it; undefined: hidden. */
export function logLine(line: string, view: View): string | undefined {
  const command = /^::([a-z-]+)(?: [^:]*)?::(.*)$/.exec(line);
  if (command === null) return `  ${shortenDigests(line)}`;
  const [, name = '', escaped = ''] = command;
  // Command data escapes line breaks (%0A) and '%' (%25); the Actions log shows them decoded.
  const text = escaped.replace(/%0D/g, '').replace(/%0A/g, '\n    ').replace(/%3A/g, ':').replace(/%25/g, '%');
  switch (name) {
    case 'group':
      return view.bold(`▸ ${shortenDigests(text)}`);
    case 'endgroup':
      return '';
    case 'debug':
    case 'add-mask':
      return undefined;
    case 'warning':
      return `  ${view.yellow(`warning: ${shortenDigests(text)}`)}`;
    case 'error':
      return `  ${view.red(`error: ${shortenDigests(text)}`)}`;
    default:
      return `  ${shortenDigests(line)}`;
  }
}

/** Turns streamed chunks into whole lines, each shown through `logLine`. */
export function lineWriter(write: (text: string) => void, view: View): { push(chunk: string): void; flush(): void } {
  let pending = '';
  const emit = (line: string) => {
    const shown = logLine(line, view);
    if (shown !== undefined) write(`${shown}\n`);
  };
  return {
    push(chunk) {
      pending += chunk;
      const lines = pending.split('\n');
      pending = lines.pop() ?? '';
      for (const line of lines) emit(line);
    },
    flush() {
      if (pending !== '') emit(pending);
      pending = '';
    },
  };
}

/** The job summary's Markdown as terminal text: headings, aligned tables, fenced blocks indented. */
export function renderMarkdown(markdown: string, view: View): string {
  const out: string[] = [];
  const lines = shortenDigests(markdown).split('\n');
  let fence = false;
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i] ?? '';
    if (/^\s*(`{3,}|~{3,})/.test(line)) {
      fence = !fence;
      continue;
    }
    if (fence) {
      out.push(`    ${line}`);
      continue;
    }
    const heading = /^(#{1,6})\s+(.*)$/.exec(line);
    if (heading) {
      out.push(view.bold(inline(heading[2] ?? '')));
      continue;
    }
    if (line.startsWith('|')) {
      const table: string[] = [];
      while (i < lines.length && (lines[i] ?? '').startsWith('|')) table.push(lines[i++] ?? '');
      i--;
      out.push(...renderTable(table, view));
      continue;
    }
    const text = inline(line.replace(/<\/?details>/g, '').replace(/<summary>(.*?)<\/summary>/g, '$1:'));
    if (text.trim() !== '' || out.at(-1)?.trim() !== '') out.push(text);
  }
  return out.join('\n');
}

function renderTable(rows: string[], view: View): string[] {
  const cells = rows
    .filter((row) => !/^\|\s*:?-{3,}/.test(row))
    .map((row) =>
      row
        .replace(/^\||\|$/g, '')
        .split(/(?<!\\)\|/)
        .map((cell) => inline(cell.trim().replace(/\\\|/g, '|'))),
    );
  const widths = cells.reduce<number[]>((w, row) => row.map((cell, c) => Math.max(w[c] ?? 0, [...cell].length)), []);
  return cells.map((row, r) => {
    const text = row.map((cell, c) => cell + ' '.repeat(Math.max(0, (widths[c] ?? 0) - [...cell].length))).join('  ');
    return r === 0 ? view.bold(text) : text;
  });
}

/** Inline Markdown as plain text: code spans unwrapped, links as their text, bold unmarked. */
function inline(text: string): string {
  return text
    .replace(/`+([^`]*)`+/g, '$1')
    .replace(/\[([^\]]*)\]\([^)]*\)/g, '$1')
    .replace(/\*\*([^*]*)\*\*/g, '$1');
}
