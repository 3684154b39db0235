import type { Clock } from './clock.ts';
import { CancelledError, messageOf } from './errors.ts';
import { formatDuration } from './plan/duration.ts';

export interface RetryOptions {
  /** What is being tried, for the log and the final error: "UpdateFunctionCode of 'api'". */
  what: string;
  /**
   * Whether an error is worth another attempt: a short reason ("another update is in
   * progress") when it is, undefined when it is not (it is thrown at once).
   */
  retryable: (error: unknown) => string | undefined;
  /** Give up once this much time has passed since the first attempt. */
  timeoutMs: number;
  /** First delay; doubled per attempt up to maxDelayMs. */
  baseDelayMs?: number;
  maxDelayMs?: number;
  /** 0..1; jitter spreads parallel matrix jobs apart. Tests pass a constant. */
  random?: () => number;
}

/** What a retry needs from the step's deps: the clock, a log for each attempt, and the job's cancel signal. */
export interface RetryDeps extends Clock {
  log: { info(message: string): void };
  /** Aborted when the job is cancelled: no further attempt is made. */
  cancel?: AbortSignal;
}

export const DEFAULT_BASE_DELAY_MS = 1000;
export const DEFAULT_MAX_DELAY_MS = 15_000;

/**
 * Retries the errors the SDK's standard mode does not (Lambda ResourceConflictException,
 * SSM TooManyUpdates, ECS "Too many concurrent attempts"), with exponential backoff and
 * jitter, until the deadline. Never sleeps past the deadline.
 */
export async function retrying<T>(attempt: () => Promise<T>, options: RetryOptions, deps: RetryDeps): Promise<T> {
  const started = deps.now();
  const base = options.baseDelayMs ?? DEFAULT_BASE_DELAY_MS;
  const max = options.maxDelayMs ?? DEFAULT_MAX_DELAY_MS;
  const random = options.random ?? Math.random;
  for (let tries = 1; ; tries++) {
    try {
      return await attempt();
    } catch (error) {
      const reason = options.retryable(error);
      if (reason === undefined) throw error;
      const remaining = started + options.timeoutMs - deps.now();
      if (remaining <= 0) {
        throw new Error(
          `${options.what} still failed after ${tries} attempts over ${formatDuration(deps.now() - started)} (${reason}): ${messageOf(error)}`,
          { cause: error },
        );
      }
      const ceiling = Math.min(max, base * 2 ** (tries - 1));
      const delay = Math.min(remaining, Math.round(ceiling / 2 + (random() * ceiling) / 2));
      deps.log.info(`${options.what}: ${reason}; attempt ${tries + 1} in ${formatDuration(delay)}.`);
      await deps.sleep(delay);
      // A backoff is a wait like any other: a cancelled job makes no further attempt.
      if (deps.cancel?.aborted === true) {
        throw new CancelledError(
          `The job was cancelled while retrying ${options.what} (${reason}), after ${tries} attempts over ${formatDuration(deps.now() - started)}.`,
          { cause: error },
        );
      }
    }
  }
}
