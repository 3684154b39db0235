import type { Clients } from './aws/clients.ts';

/** What steps may say to the person reading the Actions log. */
export interface Logger {
  info(message: string): void;
  warning(message: string): void;
  debug(message: string): void;
}

/** The runner, as main.ts sees it. Tests pass a plain object. */
export interface Io extends Logger {
  getInput(name: string): string;
  setOutput(name: string, value: string): void;
  setSecret(value: string): void;
  setFailed(message: string): void;
  group<T>(name: string, fn: () => Promise<T>): Promise<T>;
  writeSummary(markdown: string): Promise<void>;
}

/** Collaborators of the steps, injected so tests use fakes instead of module mocks. */
export interface StepDeps {
  log: Logger;
  clients: Clients;
  sleep(ms: number): Promise<void>;
  now(): number;
}

/** A logger whose every line starts with `prefix`: for work that runs side by side. */
export function withPrefix(log: Logger, prefix: string): Logger {
  return {
    info: (message) => log.info(prefix + message),
    warning: (message) => log.warning(prefix + message),
    debug: (message) => log.debug(prefix + message),
  };
}
