import { describe, expect, it } from 'vitest';
import { CancelledError, TimeoutError } from '../../../src/errors.ts';
import { failureOf } from '../../../src/failure.ts';
import { type Failure, failed, type Verdict, withDetails } from '../../../src/plan/verdict.ts';
import { followAll } from '../../../src/steps/follow-loop.ts';
import type { PollRequest, PollSnapshot, SnapshotReader } from '../../../src/steps/poll-snapshot.ts';
import type { Followed, Observation } from '../../../src/steps/rollout-controller.ts';
import { fakeClients } from '../../support/fake-clients.ts';
import { fakeDeps } from '../../support/fake-deps.ts';

const INTERVAL = 1000;

/** A reader that answers each key with its poll count, recording the keys of every read. */
function countingReader(fail?: (poll: number) => Error | undefined) {
  const reads: string[][] = [];
  const reader: SnapshotReader<string, number> = {
    name: 'Counting',
    keyOf: (key) => key,
    read: async (keys) => {
      reads.push([...keys]);
      const error = fail?.(reads.length);
      if (error !== undefined) throw error;
      return new Map(keys.map((k) => [k, reads.length]));
    },
  };
  return { reader, reads };
}

type Script = (answer: number | undefined) => Observation;

/** A deployment judged by a script of the reader's answer (the poll number); records what it was told. */
function scripted(name: string, reader: SnapshotReader<string, number>, script: Script, key = name) {
  const told: { interrupted: unknown[]; concluded: Array<Verdict<'succeeded'>> } = { interrupted: [], concluded: [] };
  const followed: Followed = {
    what: `deployment of '${name}'`,
    name,
    wants: (request: PollRequest) => request.want(reader, key),
    observe: async (snapshot: PollSnapshot) => script(snapshot.get(reader, key)),
    interrupted: (error: unknown): Failure => {
      told.interrupted.push(error);
      return failureOf(error, { debug: () => undefined });
    },
    conclude: async (verdict) => {
      told.concluded.push(verdict);
      return verdict.state === 'failed' ? withDetails(verdict, ['evidence']) : verdict;
    },
  };
  return { followed, told };
}

const succeedsAt =
  (poll: number): Script =>
  (answer) =>
    answer !== undefined && answer >= poll ? { verdict: { state: 'succeeded' } } : { state: `poll ${answer ?? '?'}` };

function deps() {
  return fakeDeps(fakeClients());
}

describe('followAll', () => {
  it('reads what every pending deployment wants once per poll, together, and drops each once it has its verdict', async () => {
    const { reader, reads } = countingReader();
    const web = scripted('web', reader, succeedsAt(2));
    const worker = scripted('worker', reader, succeedsAt(3));
    const f = deps();

    const verdicts = await followAll(
      [web.followed, worker.followed],
      { intervalMs: INTERVAL, timeoutMs: 60_000 },
      f.deps,
    );

    expect(reads).toEqual([['web', 'worker'], ['web', 'worker'], ['worker']]);
    expect(verdicts.get(web.followed)).toEqual({ state: 'succeeded' });
    expect(verdicts.get(worker.followed)).toEqual({ state: 'succeeded' });
    expect(f.sleeps).toEqual([INTERVAL, INTERVAL]);
  });

  it('reads a key two deployments share once', async () => {
    const { reader, reads } = countingReader();
    const a = scripted('a', reader, succeedsAt(1), 'shared');
    const b = scripted('b', reader, succeedsAt(1), 'shared');

    await followAll([a.followed, b.followed], { intervalMs: INTERVAL, timeoutMs: 60_000 }, deps().deps);

    expect(reads).toEqual([['shared']]);
  });

  it('fails only the deployment whose judging throws; the others carry on', async () => {
    const { reader } = countingReader();
    const broken = scripted('broken', reader, () => {
      throw new Error('ListTasks failed');
    });
    const fine = scripted('fine', reader, succeedsAt(2));

    const verdicts = await followAll(
      [broken.followed, fine.followed],
      { intervalMs: INTERVAL, timeoutMs: 60_000 },
      deps().deps,
    );

    expect(verdicts.get(broken.followed)).toMatchObject({ state: 'failed', kind: 'error', reason: 'ListTasks failed' });
    expect(verdicts.get(fine.followed)).toEqual({ state: 'succeeded' });
    expect(broken.told.concluded).toEqual([]);
  });

  it('gives the evidence of the end (conclude) to verdicts the polls found, not to interrupted waits', async () => {
    const { reader } = countingReader();
    const rolledBack = scripted('web', reader, () => ({ verdict: failed('rollout-failed', 'ECS rolled it back') }));

    const verdicts = await followAll([rolledBack.followed], { intervalMs: INTERVAL, timeoutMs: 60_000 }, deps().deps);

    expect(verdicts.get(rolledBack.followed)).toMatchObject({
      state: 'failed',
      reason: 'ECS rolled it back',
      details: ['evidence'],
    });
    expect(rolledBack.told.concluded).toHaveLength(1);
  });

  it('ends every pending deployment at the timeout, each told with its own deployment and last state', async () => {
    const { reader } = countingReader();
    const web = scripted('web', reader, (n) => ({ state: `web at ${n ?? '?'}` }));
    const done = scripted('done', reader, succeedsAt(1));
    const f = deps();

    const verdicts = await followAll(
      [web.followed, done.followed],
      { intervalMs: INTERVAL, timeoutMs: 3 * INTERVAL },
      f.deps,
    );

    const [error] = web.told.interrupted;
    expect(error).toBeInstanceOf(TimeoutError);
    expect(String(error)).toContain("Timed out after 3s waiting for deployment of 'web'. Last state: web at 4");
    expect(verdicts.get(web.followed)).toMatchObject({ state: 'failed', kind: 'timed-out' });
    expect(verdicts.get(done.followed)).toEqual({ state: 'succeeded' });
    expect(f.sleeps.reduce((a, b) => a + b, 0)).toBe(3 * INTERVAL);
  });

  it('ends every pending deployment when the job is cancelled', async () => {
    const { reader } = countingReader();
    const controller = new AbortController();
    const web = scripted('web', reader, (n) => {
      if (n === 2) controller.abort();
      return { state: `poll ${n ?? '?'}` };
    });
    const f = deps();

    const verdicts = await followAll(
      [web.followed],
      { intervalMs: INTERVAL, timeoutMs: 60_000 },
      { ...f.deps, cancel: controller.signal },
    );

    expect(web.told.interrupted[0]).toBeInstanceOf(CancelledError);
    expect(String(web.told.interrupted[0])).toContain("waiting for deployment of 'web'. Last state: poll 2");
    expect(verdicts.get(web.followed)).toMatchObject({ state: 'failed', kind: 'cancelled' });
  });

  it('ends every pending deployment with the error of a read that failed for all', async () => {
    const { reader } = countingReader((poll) =>
      poll === 2 ? new Error('DescribeServices failed: AccessDenied') : undefined,
    );
    const web = scripted('web', reader, succeedsAt(5));
    const worker = scripted('worker', reader, succeedsAt(5));

    const verdicts = await followAll(
      [web.followed, worker.followed],
      { intervalMs: INTERVAL, timeoutMs: 60_000 },
      deps().deps,
    );

    for (const one of [web, worker])
      expect(verdicts.get(one.followed)).toMatchObject({
        state: 'failed',
        reason: 'DescribeServices failed: AccessDenied',
      });
  });

  it.each([
    { name: 'the soonest any pending one asks for', asks: [5000, 2000], sleeps: 2000 },
    { name: 'a rare poll when every pending one is baking', asks: [60_000, 60_000], sleeps: 60_000 },
    { name: 'the interval when one asks nothing', asks: [60_000, undefined], sleeps: INTERVAL },
  ])('sleeps $name', async ({ asks, sleeps }) => {
    const { reader } = countingReader();
    const items = asks.map((nextMs, i) =>
      scripted(`s${i}`, reader, (n) =>
        n !== undefined && n >= 2
          ? { verdict: { state: 'succeeded' } }
          : { state: 'baking', ...(nextMs === undefined ? {} : { nextMs }) },
      ),
    );
    const f = deps();

    await followAll(
      items.map((i) => i.followed),
      { intervalMs: INTERVAL, timeoutMs: 600_000 },
      f.deps,
    );

    expect(f.sleeps).toEqual([sleeps]);
  });

  it('returns at once, reading nothing, when there is nothing to follow', async () => {
    const f = deps();
    expect((await followAll([], { intervalMs: INTERVAL, timeoutMs: 60_000 }, f.deps)).size).toBe(0);
    expect(f.sleeps).toEqual([]);
  });
});
