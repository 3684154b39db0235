// Cancellation: the runner sends SIGINT to the action's process, SIGTERM 7.5 s later and
// kills it 2.5 s after that. The signal ends the waits at once, so a rollback can start
// within that window; the post step (src/post.ts) follows it with the state saved here.

import type { Logger } from './deps.ts';
import { isControllerKind } from './plan/ecs-controller.ts';
import type { RollbackReport, StartedRollback } from './plan/rollback.ts';

export { rollbackSubject } from './plan/rollback.ts';

import type { PipelineOutcome } from './results.ts';
import { parseSavedList, type SavedList } from './saved-state.ts';
import type { Settings } from './settings.ts';

export const ROLLBACK_STATE = 'rollback';

export interface Cancellation {
  signal: AbortSignal;
  dispose(): void;
}

/** Aborts `signal` on the first SIGINT or SIGTERM, with one warning saying so. */
export function watchCancellation(
  log: Pick<Logger, 'warning'>,
  target: Pick<NodeJS.Process, 'on' | 'off'> = process,
): Cancellation {
  const controller = new AbortController();
  const onSignal = (name: NodeJS.Signals): void => {
    if (controller.signal.aborted) return;
    log.warning(
      `The job was cancelled (${name}): ending the wait now; with rollback-on-failure the deployment is rolled back.`,
    );
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

/** What the post step needs to follow a rollback that was only started: one entry per service, tagged with its controller. */
export interface RollbackState extends StartedRollback {
  region: string;
  endpoint?: string;
}

/** Every started rollback, as a JSON list (one service: a list of one); undefined when none. */
export function rollbackState(outcome: PipelineOutcome, settings: Settings): string | undefined {
  const where = {
    region: settings.region,
    ...(settings.endpoint === undefined ? {} : { endpoint: settings.endpoint }),
  };
  const started = (rollback: RollbackReport | undefined) =>
    rollback?.verdict.state === 'started' && rollback.follow !== undefined ? rollback.follow : undefined;
  const ecs = settings.ecs;
  const services = (ecs === undefined ? [] : (outcome.ecs?.services ?? [])).flatMap((result): RollbackState[] => {
    const follow = started(result.rollback);
    if (follow === undefined || ecs === undefined) return [];
    return [
      {
        ...where,
        cluster: result.cluster,
        service: result.service,
        ...follow,
        ...(result.rollback?.to === undefined ? {} : { to: result.rollback.to }),
        intervalMs: ecs.wait.intervalMs,
        timeoutMs: ecs.wait.timeoutMs,
      },
    ];
  });
  // A Lambda function's CodeDeploy deployment stopped with rollback: the same entry, with no cluster or service.
  const lambda = settings.lambda;
  const functions = (lambda === undefined ? [] : (outcome.lambda?.functions ?? [])).flatMap((f): RollbackState[] => {
    const follow = started(f.rollback);
    if (follow === undefined || lambda === undefined) return [];
    return [
      {
        ...where,
        cluster: '',
        service: '',
        ...follow,
        ...(f.rollback?.to === undefined ? {} : { to: f.rollback.to }),
        intervalMs: lambda.wait.intervalMs,
        timeoutMs: lambda.wait.timeoutMs,
      },
    ];
  });
  const states = [...services, ...functions];
  return states.length === 0 ? undefined : JSON.stringify(states);
}

/** The saved rollbacks, or what is wrong with the state (never echoing it: it is not ours to print). */
export type ParsedRollbackState = SavedList<RollbackState>;

/** The list rollbackState wrote; anything else is a problem the post step reports once. */
export function parseRollbackStates(raw: string): ParsedRollbackState {
  return parseSavedList(
    raw,
    { list: 'started rollbacks', entry: 'a started rollback (region, cluster, service, controller)' },
    stateOf,
  );
}

function stateOf(entry: unknown): RollbackState | undefined {
  if (typeof entry !== 'object' || entry === null || Array.isArray(entry)) return undefined;
  const e = entry as Record<string, unknown>;
  const text = (key: string): string | undefined => (typeof e[key] === 'string' ? e[key] : undefined);
  const count = (key: string, fallback: number): number =>
    typeof e[key] === 'number' && Number.isFinite(e[key]) && e[key] > 0 ? e[key] : fallback;
  const [region, cluster, service, controller] = [text('region'), text('cluster'), text('service'), e.controller];
  if (region === undefined || cluster === undefined || service === undefined || !isControllerKind(controller))
    return undefined;
  if (service === '' && text('functionName') === undefined) return undefined;
  const optional = (
    ['endpoint', 'recordArn', 'deploymentId', 'codeDeployDeploymentId', 'to', 'functionName'] as const
  ).flatMap((key) => {
    const value = text(key);
    return value === undefined ? [] : [[key, value] as const];
  });
  return {
    region,
    cluster,
    service,
    controller,
    intervalMs: count('intervalMs', 3000),
    timeoutMs: count('timeoutMs', 240_000),
    ...Object.fromEntries(optional),
  };
}
