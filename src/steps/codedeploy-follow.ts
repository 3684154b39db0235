// Following one CodeDeploy deployment to its verdict, for any compute platform (ECS
// blue/green, Lambda): GetDeployment once per poll; its target (ListDeploymentTargets once,
// then GetDeploymentTarget) when the deployment's overview changed, and while lifecycle
// events run, every poll when `wait-until` names an event, else at most every 15 s for the
// progress lines. `CodeDeployWatch` is one poll's worth of work, so a loop that drives
// several rollouts can call it; `followCodeDeploy` drives one with waitFor.

import type { CodeDeployClient, DeploymentInfo } from '@aws-sdk/client-codedeploy';
import { getDeployment, getDeploymentTarget, listDeploymentTargets } from '../aws/codedeploy.ts';
import type { Clock } from '../clock.ts';
import type { Logger } from '../deps.ts';
import { CancelledError, TimeoutError } from '../errors.ts';
import { failureOf } from '../failure.ts';
import {
  type CodeDeployGoal,
  type CodeDeploySnapshot,
  type CodeDeployVerdict,
  classifyCodeDeploy,
  continueCommand,
  goalText,
  targetViewOf,
} from '../plan/codedeploy-deployment.ts';
import { MODERATE_INTERVAL_MS, nextCodeDeployPoll } from '../plan/codedeploy-poll.ts';
import { progressLines } from '../plan/codedeploy-progress.ts';
import { DEFAULT_POLL_PLAN, type PollPlan } from '../plan/poll-schedule.ts';
import { waitFor } from '../wait.ts';
import type { SnapshotReader } from './poll-snapshot.ts';

export interface CodeDeployFollowOptions {
  deploymentId: string;
  goal: CodeDeployGoal;
  intervalMs: number;
  timeoutMs: number;
  /** Hook event -> Lambda function, from the AppSpec sent: names a failing hook. */
  hooks?: Record<string, string>;
  /** The group's `terminationWaitTimeInMinutes`: polled rarely through that wait. */
  terminationWaitMinutes?: number;
  /** Something besides the clock (alarms) can end a wait: poll it at a moderate interval. */
  watched?: boolean;
  /** Override the rare/paused intervals (tests, bench). */
  pollPlan?: Partial<Omit<PollPlan, 'intervalMs'>>;
}

export interface CodeDeployFollowDeps extends Clock {
  log: Logger;
  codedeploy: CodeDeployClient;
  cancel?: AbortSignal;
}

export interface CodeDeployOutcome {
  verdict: Exclude<CodeDeployVerdict, { state: 'pending' }>;
  /** What was seen last (for the summary: events, durations, traffic). */
  snapshot?: CodeDeploySnapshot;
}

const overviewKey = (d: DeploymentInfo): string =>
  JSON.stringify([d.status, d.deploymentOverview, d.instanceTerminationWaitTimeStarted]);

/** One deployment's polls: what was seen, the verdict, and when to look next. */
export class CodeDeployWatch {
  last: CodeDeploySnapshot | undefined;
  private key: string | undefined;
  private targetId: string | undefined;
  private targetReadAt = Number.NEGATIVE_INFINITY;
  private lastPollAt: number | undefined;
  private terminationSince: number | undefined;
  private readyShown = false;
  private verdict: CodeDeployVerdict = { state: 'pending' };
  private readonly plan: PollPlan;
  readonly options: CodeDeployFollowOptions;
  private readonly deps: CodeDeployFollowDeps;

  constructor(options: CodeDeployFollowOptions, deps: CodeDeployFollowDeps) {
    this.options = options;
    this.deps = deps;
    this.plan = { intervalMs: options.intervalMs, ...DEFAULT_POLL_PLAN, ...options.pollPlan };
  }

  /** One poll: GetDeployment, the target when needed, progress lines, the verdict. */
  async poll(): Promise<CodeDeployVerdict> {
    const polledAt = this.deps.now();
    return this.observe(await getDeployment(this.deps.codedeploy, this.options.deploymentId), polledAt);
  }

  /**
   * Judges a GetDeployment answer read by someone else (a loop that batches the reads of
   * several rollouts): reads the target when needed, prints progress, returns the verdict.
   */
  async observe(deployment: DeploymentInfo, polledAt: number = this.deps.now()): Promise<CodeDeployVerdict> {
    const { deps, options } = this;
    const key = overviewKey(deployment);
    let target = this.last?.target;
    if (this.wantsTarget(deployment, key, polledAt)) target = (await this.readTarget()) ?? target;
    this.key = key;
    const snapshot: CodeDeploySnapshot = { deployment, ...(target === undefined ? {} : { target }) };
    for (const line of progressLines(this.last, snapshot)) deps.log.info(line);
    this.last = snapshot;
    this.verdict = classifyCodeDeploy(snapshot, {
      goal: options.goal,
      ...(options.hooks === undefined ? {} : { hooks: options.hooks }),
    });
    if (
      this.verdict.state === 'pending' &&
      this.verdict.waiting === 'termination' &&
      this.terminationSince === undefined
    ) {
      this.terminationSince = this.lastPollAt ?? polledAt;
    }
    if (this.verdict.state === 'pending' && this.verdict.waiting === 'ready' && !this.readyShown) {
      this.readyShown = true;
      deps.log.info(
        `deployment ${options.deploymentId} is Ready: the new task set waits for traffic to be rerouted. Continue it with: ${continueCommand(options.deploymentId)}`,
      );
    }
    this.lastPollAt = polledAt;
    return this.verdict;
  }

  /** How long to sleep before the next poll. */
  nextDelayMs(): number {
    return nextCodeDeployPoll({
      plan: this.plan,
      now: this.deps.now(),
      verdict: this.verdict,
      watched: this.options.watched === true,
      ...(this.terminationSince === undefined ? {} : { terminationSince: this.terminationSince }),
      ...(this.options.terminationWaitMinutes === undefined
        ? {}
        : { terminationWaitMinutes: this.options.terminationWaitMinutes }),
    });
  }

  /** A one-line state for heartbeats and timeout messages. */
  stateLine(): string {
    const d = this.last?.deployment;
    const running = this.last?.target?.events.find((e) => e.status === 'InProgress')?.lifecycleEventName;
    return `${d?.status ?? 'not read yet'}${running === undefined ? '' : `, ${running} in progress`}`;
  }

  private wantsTarget(deployment: DeploymentInfo, key: string, now: number): boolean {
    if (key !== this.key) return true;
    const running = deployment.status === 'InProgress' || deployment.status === 'Ready';
    if (!running || deployment.instanceTerminationWaitTimeStarted === true) return false;
    return this.options.goal !== 'completed' || now - this.targetReadAt >= MODERATE_INTERVAL_MS;
  }

  private async readTarget() {
    const { deps, options } = this;
    this.targetReadAt = deps.now();
    if (this.targetId === undefined) {
      // An ECS or Lambda deployment has one target; none is listed until CodeDeploy starts it.
      this.targetId = (await listDeploymentTargets(deps.codedeploy, options.deploymentId))[0];
      if (this.targetId === undefined) return undefined;
    }
    return targetViewOf(await getDeploymentTarget(deps.codedeploy, options.deploymentId, this.targetId));
  }
}

/**
 * Follows the deployment until it reaches the goal or fails. A timeout or a cancelled job
 * is a failed verdict (kind `timed-out` / `cancelled`), so the caller can roll back.
 */
export async function followCodeDeploy(
  options: CodeDeployFollowOptions,
  deps: CodeDeployFollowDeps,
): Promise<CodeDeployOutcome> {
  const watch = new CodeDeployWatch(options, deps);
  const what = `CodeDeploy deployment ${options.deploymentId} to reach ${goalText(options.goal)}`;
  try {
    const verdict = await waitFor<Exclude<CodeDeployVerdict, { state: 'pending' }>>(
      {
        what,
        intervalMs: options.intervalMs,
        timeoutMs: options.timeoutMs,
        onProgress: (line, kind) => {
          if (kind === 'heartbeat') deps.log.info(line);
        },
        check: async () => {
          const verdict = await watch.poll();
          if (verdict.state !== 'pending') return { done: true, value: verdict };
          return { done: false, state: watch.stateLine(), nextMs: watch.nextDelayMs() };
        },
      },
      deps,
    );
    return { verdict, ...(watch.last === undefined ? {} : { snapshot: watch.last }) };
  } catch (error) {
    if (!(error instanceof TimeoutError || error instanceof CancelledError)) throw error;
    return { verdict: failureOf(error, deps.log), ...(watch.last === undefined ? {} : { snapshot: watch.last }) };
  }
}

/** GetDeployment for every CodeDeploy rollout of a poll; an error fails only its own rollout. */
export const DEPLOYMENTS: SnapshotReader<string, DeploymentInfo | Error> = {
  name: 'GetDeployment',
  keyOf: (id) => id,
  read: async (ids, deps) => {
    const cd = await deps.clients.codedeploy();
    const answers = await Promise.all(
      ids.map(
        async (id) =>
          [
            id,
            await getDeployment(cd, id).catch((error: unknown) =>
              error instanceof Error ? error : new Error(String(error)),
            ),
          ] as const,
      ),
    );
    return new Map(answers);
  },
};
