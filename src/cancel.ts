// Cancellation: the runner sends SIGINT to the action's process, SIGTERM 7.5 s later and
// kills it 2.5 s after that. The signal ends the waits at once, so a rollback can start
// within that window; the post step (src/post.ts) follows it with the state saved here.

import type { Logger } from './deps.ts';
import type { StartedRollback } from './plan/rollback.ts';
import type { PipelineOutcome } from './results.ts';
import type { Settings } from './settings.ts';

export const ROLLBACK_STATE = 'rollback';

export interface Cancellation {
  signal: AbortSignal;
  dispose(): void;
}

/** Aborts `signal` on the first SIGINT or SIGTERM, with one warning saying so. */
export function watchCancellation(log: Pick<Logger, 'warning'>, target: Pick<NodeJS.Process, 'on' | 'off'> = process): Cancellation {
  const controller = new AbortController();
  const onSignal = (name: NodeJS.Signals): void => {
    if (controller.signal.aborted) return;
    log.warning(`The job was cancelled (${name}): ending the wait now; with rollback-on-failure the deployment is rolled back.`);
    controller.abort();
  };
  target.on('SIGINT', onSignal);
  target.on('SIGTERM', onSignal);
  return {
    signal: controller.signal,
    dispose: () => {
      target.off('SIGINT', onSignal);
      target.off('SIGTERM', onSignal);
    },
  };
}

/** What the post step needs to follow a rollback that was only started. */
export interface RollbackState extends StartedRollback {
  region: string;
  endpoint?: string;
}

/** One started rollback: as an object, as before; several services' rollbacks: a list of them. */
export function rollbackState(outcome: PipelineOutcome, settings: Settings): string | undefined {
  const ecs = settings.ecs;
  if (ecs === undefined) return undefined;
  const states = (outcome.ecs?.services ?? []).flatMap((result): RollbackState[] => {
    const rollback = result.rollback;
    if (rollback?.verdict.state !== 'started' || rollback.follow === undefined) return [];
    return [
      {
        region: settings.region,
        ...(settings.endpoint === undefined ? {} : { endpoint: settings.endpoint }),
        cluster: result.cluster,
        service: result.service,
        ...rollback.follow,
        ...(rollback.to === undefined ? {} : { to: rollback.to }),
        intervalMs: ecs.wait.intervalMs,
        timeoutMs: ecs.wait.timeoutMs,
      },
    ];
  });
  if (states.length === 0) return undefined;
  return JSON.stringify(states.length === 1 ? states[0] : states);
}

/** Every started rollback the main step saved (an object for one, a list for several). */
export function parseRollbackStates(raw: string): RollbackState[] {
  if (raw.trim() === '') return [];
  const value = JSON.parse(raw) as unknown;
  const entries: unknown[] = Array.isArray(value) ? value : [value];
  return entries.flatMap((entry) => {
    const state = entry as Partial<RollbackState> | null;
    if (state === null || typeof state.region !== 'string' || typeof state.cluster !== 'string' || typeof state.service !== 'string') return [];
    return [{ intervalMs: 3000, timeoutMs: 240_000, ...state } as RollbackState];
  });
}
