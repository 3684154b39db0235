import { UserError } from '../errors.ts';

const UNIT_MS: Record<string, number> = { ms: 1, s: 1000, m: 60_000, h: 3_600_000 };

/**
 * Parses `90`, `90s`, `10m`, `1h`, `1h30m`, `500ms` into milliseconds. A bare number is
 * seconds, as in most CI settings.
 */
export function parseDuration(raw: string, inputName: string): number {
  const value = raw.trim().toLowerCase();
  const fail = (): never => {
    throw new UserError(
      `Input '${inputName}' ('${raw}') is not a duration: use seconds like 90, or units like 90s, 10m, 1h30m.`,
    );
  };
  if (value === '') fail();
  if (/^\d+(\.\d+)?$/.test(value)) return Math.round(Number(value) * 1000);
  const parts = value.replace(/\s+/g, '').match(/(\d+(?:\.\d+)?)(ms|s|m|h)/g);
  if (!parts || parts.join('') !== value.replace(/\s+/g, '')) fail();
  let total = 0;
  for (const part of parts ?? []) {
    const [, amount, unit] = /^(\d+(?:\.\d+)?)(ms|s|m|h)$/.exec(part) ?? [];
    total += Number(amount) * (UNIT_MS[unit ?? ''] ?? Number.NaN);
  }
  if (!Number.isFinite(total)) fail();
  return Math.round(total);
}

/** `95000` -> `1m35s`, for messages. */
export function formatDuration(ms: number): string {
  if (ms < 1000) return `${Math.round(ms)}ms`;
  const totalSeconds = Math.round(ms / 1000);
  const h = Math.floor(totalSeconds / 3600);
  const m = Math.floor((totalSeconds % 3600) / 60);
  const s = totalSeconds % 60;
  return [h ? `${h}h` : '', m ? `${m}m` : '', s || (!h && !m) ? `${s}s` : ''].join('');
}
