import type { Clock } from './clock.ts';
import { CancelledError, TimeoutError, UserError } from './errors.ts';
import { formatDuration } from './plan/duration.ts';

/** `nextMs`: sleep this long before the next poll instead of the interval (a known bake). */
export type Poll<T> = { done: true; value: T } | { done: false; state: string; nextMs?: number };

export interface WaitOptions<T> {
  /** What we wait for, for the timeout message: "deployment ecs-svc/1 of service 'web'". */
  what: string;
  intervalMs: number;
  timeoutMs: number;
  check: () => Promise<Poll<T>>;
  /**
   * Called with the state line whenever it differs from the last one, and as a heartbeat
   * (`kind` says which: a check that prints its own changes, per service, wants heartbeats only).
   */
  onProgress: (state: string, kind: 'changed' | 'heartbeat') => void;
  /** With no change for this long, say again what is awaited and for how long (default 60 s). */
  heartbeatMs?: number;
}

/** What a wait needs besides its options: the clock, and the job's cancel signal (the steps' deps). */
export interface WaitDeps extends Clock {
  /**
   * Aborted when the job is cancelled: the wait ends at once with a CancelledError. A signal
   * aborted with a UserError as its reason (another part of the step failed) ends it with that.
   */
  cancel?: AbortSignal;
}

export const HEARTBEAT_MS = 60_000;

/**
 * The one poll loop. Polls at once, then every interval; never sleeps past the deadline,
 * so a timeout is reported when it happens, with the last state seen. Every wait ends on
 * the deps' cancel signal; work that must outlive a cancel passes `uncancellable(deps)`.
 */
export async function waitFor<T>(options: WaitOptions<T>, clock: WaitDeps): Promise<T> {
  const started = clock.now();
  const deadline = started + options.timeoutMs;
  const heartbeat = options.heartbeatMs ?? HEARTBEAT_MS;
  let lastState: string | undefined;
  let lastSaid = started;
  const signal = clock.cancel;
  const cancelled = (): UserError =>
    stopReason(signal) ??
    new CancelledError(
      `The job was cancelled after ${formatDuration(clock.now() - started)} waiting for ${options.what}. Last state: ${lastState ?? 'none yet'}`,
    );
  for (;;) {
    if (isAborted(signal)) throw cancelled();
    const poll = await options.check();
    if (poll.done) return poll.value;
    if (poll.state !== lastState) {
      options.onProgress(poll.state, 'changed');
      lastState = poll.state;
      lastSaid = clock.now();
    } else if (clock.now() - lastSaid >= heartbeat) {
      // Ten silent minutes read like a hung step: say what is awaited, and since when.
      options.onProgress(
        `still waiting for ${options.what} (${formatDuration(clock.now() - started)} so far): ${poll.state}`,
        'heartbeat',
      );
      lastSaid = clock.now();
    }
    const remaining = deadline - clock.now();
    if (remaining <= 0) {
      throw new TimeoutError(
        `Timed out after ${formatDuration(clock.now() - started)} waiting for ${options.what}. Last state: ${lastState}`,
      );
    }
    // The sleep wakes when the signal aborts (main.ts): one mechanism, checked here.
    await clock.sleep(Math.min(poll.nextMs ?? options.intervalMs, remaining), signal);
    if (isAborted(signal)) throw cancelled();
  }
}

function isAborted(signal: AbortSignal | undefined): boolean {
  return signal?.aborted === true;
}

/** The UserError a signal was aborted with (why the step stops waiting), if it was aborted with one. */
export function stopReason(signal: AbortSignal | undefined): UserError | undefined {
  const reason: unknown = signal?.aborted === true ? signal.reason : undefined;
  return reason instanceof UserError ? reason : undefined;
}

/** Before work a stop must prevent (the next alias change): throws why the step stopped, or that the job was cancelled. */
export function throwIfStopped(signal: AbortSignal | undefined, before: string): void {
  if (signal?.aborted !== true) return;
  throw stopReason(signal) ?? new CancelledError(`The job was cancelled before ${before}.`);
}

/** The job's cancel signal joined with another stop signal: a wait ends on whichever aborts first. */
export function joinSignals(...signals: Array<AbortSignal | undefined>): AbortSignal | undefined {
  const present = signals.filter((s): s is AbortSignal => s !== undefined);
  return present.length <= 1 ? present[0] : AbortSignal.any(present);
}
