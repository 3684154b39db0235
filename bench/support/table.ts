// Markdown tables, padded so they also read well in a terminal; RESULTS.md and the README
// take them as printed.

export type Align = 'left' | 'right';

export interface TableOptions {
  /** Per column; numbers read best right-aligned. Default: left. */
  align?: Align[];
}

export function markdownTable(headers: string[], rows: string[][], options: TableOptions = {}): string {
  const widths = headers.map((header, i) => Math.max(3, header.length, ...rows.map((row) => (row[i] ?? '').length)));
  const alignOf = (i: number): Align => options.align?.[i] ?? 'left';
  const cell = (text: string, i: number): string => {
    const width = widths[i] ?? text.length;
    return alignOf(i) === 'right' ? text.padStart(width) : text.padEnd(width);
  };
  const line = (cells: string[]): string => `| ${headers.map((_, i) => cell(cells[i] ?? '', i)).join(' | ')} |`;
  const rule = `| ${widths.map((width, i) => (alignOf(i) === 'right' ? `${'-'.repeat(width - 1)}:` : '-'.repeat(width))).join(' | ')} |`;
  return [line(headers), rule, ...rows.map(line)].join('\n');
}
