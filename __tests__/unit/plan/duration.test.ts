import { describe, expect, it } from 'vitest';
import { formatDuration, parseDuration } from '../../../src/plan/duration.ts';

describe('parseDuration', () => {
  it.each([
    { raw: '90', ms: 90_000 },
    { raw: '1.5', ms: 1_500 },
    { raw: '90s', ms: 90_000 },
    { raw: '10m', ms: 600_000 },
    { raw: '1h', ms: 3_600_000 },
    { raw: '1h30m', ms: 5_400_000 },
    { raw: '1h 30m 5s', ms: 5_405_000 },
    { raw: '500ms', ms: 500 },
    { raw: ' 2M ', ms: 120_000 },
  ])('reads $raw as $ms ms', ({ raw, ms }) => {
    expect(parseDuration(raw, 'wait-timeout')).toBe(ms);
  });

  it.each(['', 'soon', '10 minutes', '-5', '5d', 'm', '1h30', '10m10'])("rejects '%s' naming the input", (raw) => {
    expect(() => parseDuration(raw, 'wait-timeout')).toThrow(`Input 'wait-timeout' ('${raw}') is not a duration`);
  });
});

describe('formatDuration', () => {
  it.each([
    { ms: 0, text: '0ms' },
    { ms: 450, text: '450ms' },
    { ms: 1_000, text: '1s' },
    { ms: 95_000, text: '1m35s' },
    { ms: 3_600_000, text: '1h' },
    { ms: 3_661_000, text: '1h1m1s' },
  ])('writes $ms ms as $text', ({ ms, text }) => {
    expect(formatDuration(ms)).toBe(text);
  });
});
