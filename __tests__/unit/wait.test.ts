import { describe, expect, it } from 'vitest';
import type { Clock } from '../../src/clock.ts';
import { uncancellable } from '../../src/deps.ts';
import { CancelledError, UserError } from '../../src/errors.ts';
import { joinSignals, type Poll, stopReason, type WaitOptions, waitFor } from '../../src/wait.ts';

/** A fake clock: `sleep` advances `now`, and every sleep is recorded. */
function fakeClock(start = 1_000_000) {
  let time = start;
  const sleeps: number[] = [];
  return {
    sleeps,
    now: () => time,
    sleep: async (ms: number) => {
      sleeps.push(ms);
      time += ms;
    },
    advance: (ms: number) => {
      time += ms;
    },
    elapsed: () => time - start,
  };
}

/** A check that answers with the given polls in order, then repeats the last one. */
function scripted(polls: Array<Poll<string>>) {
  let calls = 0;
  const check = async (): Promise<Poll<string>> => {
    const poll = polls[Math.min(calls, polls.length - 1)];
    calls += 1;
    if (poll === undefined) throw new Error('no polls scripted');
    return poll;
  };
  return { check, calls: () => calls };
}

const pending = (state: string): Poll<string> => ({ done: false, state });
const done = (value: string): Poll<string> => ({ done: true, value });

function options(overrides: Partial<WaitOptions<string>> & Pick<WaitOptions<string>, 'check'> & Clock) {
  const progress: string[] = [];
  return {
    progress,
    options: {
      what: "deployment ecs-svc/1 of service 'web'",
      intervalMs: 5_000,
      timeoutMs: 60_000,
      onProgress: (state: string) => progress.push(state),
      ...overrides,
    },
  };
}

describe('waitFor', () => {
  it('returns at once, without sleeping, when the first check is done', async () => {
    const clock = fakeClock();
    const checks = scripted([done('ok')]);
    const { options: opts, progress } = options({ check: checks.check, sleep: clock.sleep, now: clock.now });

    await expect(waitFor(opts, opts)).resolves.toBe('ok');

    expect(checks.calls()).toBe(1);
    expect(clock.sleeps).toEqual([]);
    expect(progress).toEqual([]);
  });

  it('polls every interval until the check is done', async () => {
    const clock = fakeClock();
    const checks = scripted([pending('a'), pending('b'), pending('c'), done('ok')]);
    const { options: opts } = options({ check: checks.check, sleep: clock.sleep, now: clock.now, intervalMs: 7_000 });

    await expect(waitFor(opts, opts)).resolves.toBe('ok');

    expect(checks.calls()).toBe(4);
    expect(clock.sleeps).toEqual([7_000, 7_000, 7_000]);
  });

  it('reports progress only when the state changes', async () => {
    const clock = fakeClock();
    const checks = scripted([pending('a'), pending('a'), pending('b'), pending('b'), pending('a'), done('ok')]);
    const { options: opts, progress } = options({ check: checks.check, sleep: clock.sleep, now: clock.now });

    await waitFor(opts, opts);

    expect(progress).toEqual(['a', 'b', 'a']);
  });

  it.each([
    {
      name: 'a timeout that is not a multiple of the interval',
      intervalMs: 5_000,
      timeoutMs: 12_000,
      sleeps: [5_000, 5_000, 2_000],
    },
    { name: 'an interval longer than the timeout', intervalMs: 60_000, timeoutMs: 10_000, sleeps: [10_000] },
    {
      name: 'a timeout that is a multiple of the interval',
      intervalMs: 5_000,
      timeoutMs: 10_000,
      sleeps: [5_000, 5_000],
    },
  ])('never sleeps past the deadline, with $name', async ({ intervalMs, timeoutMs, sleeps }) => {
    const clock = fakeClock();
    const checks = scripted([pending('rolling')]);
    const { options: opts } = options({
      check: checks.check,
      sleep: clock.sleep,
      now: clock.now,
      intervalMs,
      timeoutMs,
    });

    await expect(waitFor(opts, opts)).rejects.toThrow(UserError);

    expect(clock.sleeps).toEqual(sleeps);
    expect(clock.elapsed()).toBe(timeoutMs);
  });

  it('counts the time the checks themselves take against the deadline', async () => {
    const clock = fakeClock();
    const check = async (): Promise<Poll<string>> => {
      clock.advance(4_000);
      return pending('slow');
    };
    const { options: opts } = options({
      check,
      sleep: clock.sleep,
      now: clock.now,
      intervalMs: 5_000,
      timeoutMs: 16_000,
    });

    await expect(waitFor(opts, opts)).rejects.toThrow('Timed out');

    // Checks at 0-4s, 9-13s and 16-20s: the second sleep is cut to the 3s left.
    expect(clock.sleeps).toEqual([5_000, 3_000]);
  });

  it('times out with what it waited for, the elapsed time and the last state', async () => {
    const clock = fakeClock();
    const checks = scripted([pending('running 0/2'), pending('running 1/2')]);
    const { options: opts } = options({
      check: checks.check,
      sleep: clock.sleep,
      now: clock.now,
      intervalMs: 30_000,
      timeoutMs: 90_000,
    });

    const error: unknown = await waitFor(opts, opts).catch((e: unknown) => e);

    expect(error).toBeInstanceOf(UserError);
    expect((error as Error).message).toBe(
      "Timed out after 1m30s waiting for deployment ecs-svc/1 of service 'web'. Last state: running 1/2",
    );
  });

  it('checks once more at the deadline and returns when that check is done', async () => {
    const clock = fakeClock();
    const checks = scripted([pending('a'), pending('a'), done('just in time')]);
    const { options: opts } = options({
      check: checks.check,
      sleep: clock.sleep,
      now: clock.now,
      intervalMs: 5_000,
      timeoutMs: 10_000,
    });

    await expect(waitFor(opts, opts)).resolves.toBe('just in time');

    expect(clock.elapsed()).toBe(10_000);
  });

  it('passes on an error the check throws, without waiting for the timeout', async () => {
    const clock = fakeClock();
    const check = async (): Promise<Poll<string>> => {
      throw new Error('DescribeServices failed: AccessDenied');
    };
    const { options: opts } = options({ check, sleep: clock.sleep, now: clock.now });

    await expect(waitFor(opts, opts)).rejects.toThrow('AccessDenied');

    expect(clock.sleeps).toEqual([]);
  });
});

describe('waitFor heartbeat', () => {
  it('says again what it awaits, with the time so far, after a minute without change', async () => {
    const clock = fakeClock();
    const checks = scripted([...Array.from({ length: 30 }, () => pending('running 1/2')), done('ok')]);
    const { options: opts, progress } = options({
      check: checks.check,
      sleep: clock.sleep,
      now: clock.now,
      timeoutMs: 600_000,
    });

    await expect(waitFor(opts, opts)).resolves.toBe('ok');

    // 30 polls 5 s apart: 150 s of the same state -> the change at 0 s, heartbeats at 60 s and 120 s.
    expect(progress).toEqual([
      'running 1/2',
      "still waiting for deployment ecs-svc/1 of service 'web' (1m so far): running 1/2",
      "still waiting for deployment ecs-svc/1 of service 'web' (2m so far): running 1/2",
    ]);
  });
});

describe('waitFor and a cancelled job', () => {
  /** A clock whose sleep cancels the job once, `after` sleeps in: as SIGINT arriving mid-wait. */
  function cancelledDuring(after: number) {
    const clock = fakeClock();
    const controller = new AbortController();
    let sleeps = 0;
    const sleep = async (ms: number) => {
      await clock.sleep(ms);
      sleeps += 1;
      if (sleeps === after) controller.abort();
    };
    return { clock, deps: { sleep, now: clock.now, cancel: controller.signal } };
  }

  it("ends on the deps' cancel signal, without being passed one, with no further check", async () => {
    const { clock, deps } = cancelledDuring(2);
    const checks = scripted([pending('running 0/2'), pending('running 1/2')]);
    const { options: opts } = options({ check: checks.check, ...deps, timeoutMs: 600_000 });

    const error = await waitFor(opts, deps).catch((e: unknown) => e);

    expect(error).toBeInstanceOf(CancelledError);
    expect((error as Error).message).toBe(
      "The job was cancelled after 10s waiting for deployment ecs-svc/1 of service 'web'. Last state: running 1/2",
    );
    // Two checks, two sleeps: long before the 10-minute timeout.
    expect(checks.calls()).toBe(2);
    expect(clock.elapsed()).toBe(10_000);
  });

  it('checks nothing when the job was cancelled before the wait began', async () => {
    const { deps } = cancelledDuring(1);
    await deps.sleep(0);
    const checks = scripted([done('ok')]);
    const { options: opts } = options({ check: checks.check, ...deps });

    await expect(waitFor(opts, deps)).rejects.toBeInstanceOf(CancelledError);

    expect(checks.calls()).toBe(0);
  });

  it('runs to its end with uncancellable deps (a rollback that must outlive the cancel)', async () => {
    const { deps } = cancelledDuring(1);
    const checks = scripted([
      pending('ROLLBACK_IN_PROGRESS'),
      pending('ROLLBACK_IN_PROGRESS'),
      done('ROLLBACK_SUCCESSFUL'),
    ]);
    const { options: opts } = options({ check: checks.check, ...deps });

    await expect(waitFor(opts, uncancellable(deps))).resolves.toBe('ROLLBACK_SUCCESSFUL');

    expect(deps.cancel.aborted).toBe(true);
    expect(checks.calls()).toBe(3);
  });

  it('ends with the reason a stop signal was aborted with, and hands the signal to the sleep so it wakes', async () => {
    const clock = fakeClock();
    const controller = new AbortController();
    const handed: Array<AbortSignal | undefined> = [];
    const sleep = async (ms: number, signal?: AbortSignal) => {
      handed.push(signal);
      await clock.sleep(ms);
      controller.abort(new UserError('ecs failed in the same step'));
    };
    const deps = { sleep, now: clock.now, cancel: controller.signal };
    const checks = scripted([pending('holding')]);
    const { options: opts } = options({ check: checks.check, ...deps, timeoutMs: 600_000 });

    const error = await waitFor(opts, deps).catch((e: unknown) => e);

    expect(error).toBeInstanceOf(UserError);
    expect(error).not.toBeInstanceOf(CancelledError);
    expect((error as Error).message).toBe('ecs failed in the same step');
    expect(handed).toEqual([controller.signal]);
    expect(checks.calls()).toBe(1);
  });
});

describe('joinSignals', () => {
  it("aborts when either signal does, with that one's reason", () => {
    const job = new AbortController();
    const stop = new AbortController();
    const joined = joinSignals(job.signal, stop.signal);
    stop.abort(new UserError('ecs failed'));
    expect(joined?.aborted).toBe(true);
    expect(stopReason(joined)?.message).toBe('ecs failed');
    expect(job.signal.aborted).toBe(false);
  });

  it('is the one signal there is, or none', () => {
    const job = new AbortController();
    expect(joinSignals(job.signal, undefined)).toBe(job.signal);
    expect(joinSignals(undefined, undefined)).toBeUndefined();
  });
});
