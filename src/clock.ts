/** Time, injected so tests run waits and backoffs on a fake clock. */
export interface Clock {
  /** Ends early when `signal` aborts (the runner's sleep; fakes may ignore it). */
  sleep(ms: number, signal?: AbortSignal): Promise<void>;
  now(): number;
}
