import { describe, expect, it } from 'vitest';
import { AwsCallError, awsErrorName, CancelledError } from '../../src/errors.ts';
import { type RetryDeps, type RetryOptions, retrying } from '../../src/retry.ts';

class ResourceConflictException extends Error {
  override name = 'ResourceConflictException';
}

function clock() {
  let now = 0;
  const sleeps: number[] = [];
  return {
    now: () => now,
    sleep: async (ms: number) => {
      sleeps.push(ms);
      now += ms;
    },
    sleeps,
  };
}

function options(
  c: ReturnType<typeof clock>,
  overrides: Partial<RetryOptions> = {},
): RetryOptions & { logs: string[]; deps: RetryDeps } {
  const logs: string[] = [];
  return {
    what: "UpdateFunctionCode of 'api'",
    retryable: (error) =>
      awsErrorName(error) === 'ResourceConflictException' ? 'another update is in progress' : undefined,
    timeoutMs: 60_000,
    random: () => 1,
    logs,
    deps: { sleep: c.sleep, now: c.now, log: { info: (m) => logs.push(m) } },
    ...overrides,
  };
}

/** retrying with the options' own deps (the fake clock and the recording log). */
function retry<T>(attempt: () => Promise<T>, o: ReturnType<typeof options>): Promise<T> {
  return retrying(attempt, o, o.deps);
}

/** Fails with the given errors in turn, then returns 'done'. */
function failing(...errors: Error[]) {
  let calls = 0;
  return {
    attempt: async () => {
      const error = errors[calls++];
      if (error) throw error;
      return 'done';
    },
    calls: () => calls,
  };
}

const conflict = () =>
  new AwsCallError("UpdateFunctionCode for 'api'", new ResourceConflictException('update in progress'));

describe('retrying', () => {
  it('returns the first success without sleeping', async () => {
    const c = clock();
    await expect(retry(async () => 42, options(c))).resolves.toBe(42);
    expect(c.sleeps).toEqual([]);
  });

  it('retries a retryable error, seen through AwsCallError, with doubling delays', async () => {
    const c = clock();
    const op = failing(conflict(), conflict(), conflict());
    const o = options(c);
    await expect(retry(op.attempt, o)).resolves.toBe('done');
    expect(op.calls()).toBe(4);
    expect(c.sleeps).toEqual([1000, 2000, 4000]);
    expect(o.logs[0]).toBe("UpdateFunctionCode of 'api': another update is in progress; attempt 2 in 1s.");
  });

  it('caps the delay and spreads it with jitter between half and all of it', async () => {
    const c = clock();
    const op = failing(...Array.from({ length: 6 }, conflict));
    await retry(op.attempt, options(c, { maxDelayMs: 5000, random: () => 0 }));
    expect(c.sleeps).toEqual([500, 1000, 2000, 2500, 2500, 2500]);
  });

  it('throws an error that is not retryable at once', async () => {
    const c = clock();
    const denied = new AwsCallError(
      "UpdateFunctionCode for 'api'",
      Object.assign(new Error('denied'), { name: 'AccessDeniedException' }),
    );
    const op = failing(denied);
    await expect(retry(op.attempt, options(c))).rejects.toBe(denied);
    expect(op.calls()).toBe(1);
  });

  it('gives up at the deadline, never sleeping past it, and says how long it tried', async () => {
    const c = clock();
    const op = failing(...Array.from({ length: 100 }, conflict));
    const error = await retry(op.attempt, options(c, { timeoutMs: 10_000 })).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(Error);
    expect((error as Error).message).toBe(
      "UpdateFunctionCode of 'api' still failed after 5 attempts over 10s (another update is in progress): UpdateFunctionCode for 'api' failed: update in progress",
    );
    expect(c.sleeps).toEqual([1000, 2000, 4000, 3000]);
    expect(c.now()).toBe(10_000);
  });
});

describe('awsErrorName', () => {
  it.each([
    { name: 'a bare SDK error', error: new ResourceConflictException('x'), expected: 'ResourceConflictException' },
    { name: 'a wrapped SDK error', error: conflict(), expected: 'ResourceConflictException' },
    { name: 'a wrapper without cause', error: new AwsCallError('X', 'text'), expected: undefined },
    { name: 'not an error', error: 'text', expected: undefined },
  ])('finds the name in $name', ({ error, expected }) => {
    expect(awsErrorName(error)).toBe(expected);
  });
});

describe('retrying and a cancelled job', () => {
  it('makes no further attempt once the job is cancelled during a backoff', async () => {
    const c = clock();
    const o = options(c);
    const controller = new AbortController();
    let attempts = 0;
    const attempt = async (): Promise<string> => {
      attempts += 1;
      throw new ResourceConflictException('An update is in progress');
    };
    const deps: RetryDeps = {
      ...o.deps,
      sleep: async (ms) => {
        await c.sleep(ms);
        controller.abort();
      },
      cancel: controller.signal,
    };

    const error = await retrying(attempt, o, deps).catch((e: unknown) => e);

    expect(error).toBeInstanceOf(CancelledError);
    expect((error as Error).message).toContain(
      "The job was cancelled while retrying UpdateFunctionCode of 'api' (another update is in progress), after 1 attempts",
    );
    expect(attempts).toBe(1);
  });
});
