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

export function rollbackState(outcome: PipelineOutcome, settings: Settings): string | undefined {
  const rollback = outcome.ecs?.rollback;
  if (rollback?.verdict.state !== 'started' || rollback.follow === undefined || settings.ecs === undefined) return undefined;
  const state: RollbackState = {
    region: settings.region,
    ...(settings.endpoint === undefined ? {} : { endpoint: settings.endpoint }),
    cluster: settings.ecs.cluster,
    service: settings.ecs.service,
    ...rollback.follow,
    ...(rollback.to === undefined ? {} : { to: rollback.to }),
    intervalMs: settings.ecs.wait.intervalMs,
    timeoutMs: settings.ecs.wait.timeoutMs,
  };
  return JSON.stringify(state);
}

export function parseRollbackState(raw: string): RollbackState | undefined {
  if (raw.trim() === '') return undefined;
  const value = JSON.parse(raw) as Partial<RollbackState>;
  if (typeof value.region !== 'string' || typeof value.cluster !== 'string' || typeof value.service !== 'string') return undefined;
  return { intervalMs: 3000, timeoutMs: 240_000, ...value } as RollbackState;
}
