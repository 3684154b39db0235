// The one poll loop of the ecs mode: every deployment the step follows, whatever its
// controller, is polled together and judged alone.

import type { StepDeps } from '../deps.ts';
import { CancelledError, messageOf, TimeoutError } from '../errors.ts';
import { formatDuration } from '../plan/duration.ts';
import type { Verdict } from '../plan/verdict.ts';
import type { PollBounds } from '../settings.ts';
import { waitFor } from '../wait.ts';
import { PollRequest } from './poll-snapshot.ts';
import type { Followed } from './rollout-controller.ts';

/**
 * Polls until every deployment has a verdict. Each poll asks every pending one what it
 * wants read, reads it all in batches (one DescribeServices per cluster and 10 services,
 * one DescribeServiceDeployments per 20 records, ...), then lets each judge its answers.
 * A deployment that is done drops out of the polls; one whose judging throws fails alone.
 * The timeout, a cancelled job or a failed read ends every deployment still pending, each
 * told with its own last state. The next poll comes at the interval, or sooner when one of
 * them asks (a known end of a bake, a pause hook).
 */
export async function followAll<F extends Followed>(
  followed: readonly F[],
  bounds: PollBounds,
  deps: StepDeps,
): Promise<Map<F, Verdict<'succeeded'>>> {
  const verdicts = new Map<F, Verdict<'succeeded'>>();
  const concluded = new Map<F, Verdict<'succeeded'>>();
  const states = new Map<F, string>();
  const started = deps.now();
  const pending = () => followed.filter((f) => !verdicts.has(f));
  try {
    await waitFor<undefined>(
      {
        what: followed.map((f) => f.what).join('; '),
        intervalMs: bounds.intervalMs,
        timeoutMs: bounds.timeoutMs,
        // Each deployment prints its own changes; the loop adds only the heartbeat.
        onProgress: (line, kind) => {
          if (kind === 'heartbeat') deps.log.info(line);
        },
        check: async () => {
          const polled = pending();
          const request = new PollRequest();
          for (const f of polled) f.wants(request);
          const snapshot = await request.read(deps);
          const nexts = await Promise.all(
            polled.map(async (f): Promise<number | undefined> => {
              try {
                const seen = await f.observe(snapshot);
                if ('verdict' in seen) {
                  verdicts.set(f, seen.verdict);
                  concluded.set(f, seen.verdict);
                  return undefined;
                }
                states.set(f, seen.state);
                return seen.nextMs;
              } catch (error) {
                verdicts.set(f, f.interrupted(error));
                return undefined;
              }
            }),
          );
          const still = pending();
          if (still.length === 0) return { done: true, value: undefined };
          const state = still.map((f) => `${f.name}: ${states.get(f) ?? ''}`).join('; ');
          // The soonest any pending one wants polled again (a rare poll through a bake, when all are baking).
          const nextMs = Math.min(
            ...polled.flatMap((f, i) => (verdicts.has(f) ? [] : [nexts[i] ?? bounds.intervalMs])),
          );
          return { done: false, state, ...(nextMs === bounds.intervalMs ? {} : { nextMs }) };
        },
      },
      deps,
    );
  } catch (error) {
    const elapsed = deps.now() - started;
    for (const f of pending()) verdicts.set(f, f.interrupted(retold(error, f, states.get(f), elapsed)));
  }
  // Verdicts the polls found get their final evidence; an interrupted wait keeps what it knew.
  await Promise.all([...concluded].map(async ([f, verdict]) => verdicts.set(f, await f.conclude(verdict))));
  return verdicts;
}

/** The shared loop's timeout or cancellation, told for one deployment: its own name and last state. */
function retold(error: unknown, f: Followed, state: string | undefined, elapsedMs: number): unknown {
  const about = `${f.what}. Last state: ${state ?? 'none yet'}`;
  if (error instanceof TimeoutError)
    return new TimeoutError(`Timed out after ${formatDuration(elapsedMs)} waiting for ${about}`);
  if (error instanceof CancelledError)
    return new CancelledError(`The job was cancelled after ${formatDuration(elapsedMs)} waiting for ${about}`);
  return error instanceof Error ? error : new Error(messageOf(error));
}
