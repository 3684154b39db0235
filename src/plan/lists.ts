/** Items of a list input: separated by commas or lines, trimmed, blanks dropped. */
export function splitList(raw: string): string[] {
  return raw
    .split(/[,\n]/)
    .map((entry) => entry.trim())
    .filter((entry) => entry !== '');
}
