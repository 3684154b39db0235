import type { Clients } from './aws/clients.ts';
import type { Clock } from './clock.ts';

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
  /** GITHUB_STATE, read by the post step (`STATE_<name>`). */
  saveState?(name: string, value: string): void;
  /** GITHUB_STATE of the main step, read by the post step. */
  getState?(name: string): string;
  group<T>(name: string, fn: () => Promise<T>): Promise<T>;
  writeSummary(markdown: string): Promise<void>;
}

/** Collaborators of the steps, injected so tests use fakes instead of module mocks. */
export interface StepDeps extends Clock {
  log: Logger;
  clients: Clients;
  /** Aborted when the runner cancels the job (SIGINT): waits end, rollbacks start. */
  cancel?: AbortSignal;
}

/** A logger whose every line starts with `prefix`: for work that runs side by side. */
export function withPrefix(log: Logger, prefix: string): Logger {
  // Each line of a multi-line message, so a continuation line still says whose it is.
  const prefixed = (message: string) => prefix + message.split(/\r\n|\r|\n/).join(`\n${prefix}`);
  return {
    info: (message) => log.info(prefixed(message)),
    warning: (message) => log.warning(prefixed(message)),
    debug: (message) => log.debug(prefixed(message)),
  };
}

/** The same deps, every line prefixed (`[web] `): for work whose lines interleave with others'. */
export function withLogPrefix<D extends { log: Logger }>(deps: D, prefix: string): D {
  return { ...deps, log: withPrefix(deps.log, prefix) };
}

/**
 * The same deps, deaf to the job's cancellation: for a rollback or put-back that must run to
 * its end after a cancel (the runner's kill still bounds it). The one opt-out of cancellation.
 */
export function uncancellable<D extends { cancel?: AbortSignal }>(deps: D): D {
  return { ...deps, cancel: undefined };
}
