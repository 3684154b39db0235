import type { Clients } from '../../src/aws/clients.ts';
import type { StepDeps } from '../../src/deps.ts';

export interface LogLine {
  level: 'info' | 'warning' | 'debug';
  message: string;
}

export interface FakeDeps {
  deps: StepDeps;
  /** Every line logged, in order. */
  log: LogLine[];
  /** Every sleep asked for, in ms. */
  sleeps: number[];
  now(): number;
  /** The messages logged (at one level, when given). */
  messages(level?: LogLine['level']): string[];
}

/**
 * Step collaborators for unit tests: the given clients, a log that records, and a fake
 * clock where sleeping advances `now` at once, so waits and backoffs take no real time.
 */
export function fakeDeps(clients: Clients, start = 1_000_000): FakeDeps {
  let time = start;
  const log: LogLine[] = [];
  const sleeps: number[] = [];
  return {
    deps: {
      log: {
        info: (message) => log.push({ level: 'info', message }),
        warning: (message) => log.push({ level: 'warning', message }),
        debug: (message) => log.push({ level: 'debug', message }),
      },
      clients,
      sleep: async (ms) => {
        sleeps.push(ms);
        time += ms;
      },
      now: () => time,
    },
    log,
    sleeps,
    now: () => time,
    messages: (level) => log.filter((l) => level === undefined || l.level === level).map((l) => l.message),
  };
}
