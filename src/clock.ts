/** Time, injected so tests run waits and backoffs on a fake clock. */
export interface Clock {
  sleep(ms: number): Promise<void>;
  now(): number;
}
