// What the main step saves for the post step (GITHUB_STATE) comes back as text anyone could
// have set: it is read here as a list of checked entries, and never echoed when it is not one.

/** The saved entries, or what is wrong with the state (in our words, not its text). */
export type SavedList<T> = { states: T[] } | { problem: string };

/** A JSON list whose every entry `entryOf` accepts; '' is the empty list. */
export function parseSavedList<T>(
  raw: string,
  what: { list: string; entry: string },
  entryOf: (entry: unknown) => T | undefined,
): SavedList<T> {
  if (raw.trim() === '') return { states: [] };
  let value: unknown;
  try {
    value = JSON.parse(raw);
  } catch {
    return { problem: 'it is not JSON' };
  }
  if (!Array.isArray(value)) return { problem: `it is not a list of ${what.list}` };
  const states: T[] = [];
  for (const [index, entry] of value.entries()) {
    const state = entryOf(entry);
    if (state === undefined) return { problem: `entry ${index + 1} is not ${what.entry}` };
    states.push(state);
  }
  return { states };
}
