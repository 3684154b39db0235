// Commands the log suggests a person copy into a shell. Pure.

/**
 * One POSIX shell word holding `text` exactly: single quotes, each `'` inside written `'\''`.
 * For outside text (a hook id, an ARN) in a command someone may paste.
 */
export function shellQuote(text: string): string {
  return `'${text.replaceAll("'", "'\\''")}'`;
}
