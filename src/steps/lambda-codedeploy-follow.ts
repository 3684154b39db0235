// One Lambda function's CodeDeploy deployment as the one poll loop follows it (a Followed,
// like an ECS service's rollout): GetDeployment batched with the others' (DEPLOYMENTS),
// judged by the same CodeDeployWatch as ECS deployments; then settled: a failure the step
// made (timeout, cancelled job, another function failed) is stopped with rollback, and a
// rollback CodeDeploy made is followed until the alias is back on its previous version.

import { type StepDeps, withPrefix } from '../deps.ts';
import { failureOf } from '../failure.ts';
import { STEP_FAILURES } from '../plan/codedeploy-deployment.ts';
import { alarmsWatch } from '../plan/codedeploy-group.ts';
import { codeDeployIntervalMs } from '../plan/codedeploy-poll.ts';
import type { RollbackReport } from '../plan/rollback.ts';
import { type Failure, failed, isFailure, type Verdict, withDetails } from '../plan/verdict.ts';
import type { LambdaFunctionResult } from '../results.ts';
import { type CodeDeployFollowDeps, CodeDeployWatch, DEPLOYMENTS } from './codedeploy-follow.ts';
import { followCodeDeployRollback, type RollbackFollowed, startCodeDeployRollback } from './codedeploy-rollback.ts';
import { putAliasBack } from './lambda-alias-back.ts';
import type { LambdaPlan } from './lambda-plan.ts';
import type { PollRequest, PollSnapshot } from './poll-snapshot.ts';
import type { Followed, Observation } from './rollout-controller.ts';

/** One function's alias move: from the version it points at to the one this step published. */
export interface FunctionDeploymentTarget {
  functionName: string;
  alias: string;
  from: string;
  to: string;
}

/** The deployment CreateDeployment started for it, and the hooks its AppSpec names. */
export interface StartedDeployment extends FunctionDeploymentTarget {
  deploymentId: string;
  hooks: Record<string, string>;
}

/** Shared by the functions of one step: the first that failed, so the others stop too. */
export interface DeploymentGroupState {
  failed?: string | undefined;
}

type Outcome = Pick<LambdaFunctionResult, 'verdict' | 'changed'> & Partial<LambdaFunctionResult>;

export class FunctionDeployment implements Followed {
  readonly what: string;
  readonly name: string;
  readonly target: StartedDeployment;
  private readonly watch: CodeDeployWatch;
  private readonly group: DeploymentGroupState;
  private readonly plan: LambdaPlan;
  private readonly deps: StepDeps & CodeDeployFollowDeps;
  /** Ended by the step because another function failed (not by CodeDeploy). */
  private stoppedForOther = false;

  constructor(
    target: StartedDeployment,
    group: DeploymentGroupState,
    plan: LambdaPlan,
    deps: StepDeps & CodeDeployFollowDeps,
  ) {
    this.target = target;
    this.group = group;
    this.plan = plan;
    this.name = target.functionName;
    this.what = `CodeDeploy deployment ${target.deploymentId} of Lambda function '${target.functionName}'`;
    this.deps = { ...deps, log: withPrefix(deps.log, `${target.functionName}: `) };
    this.watch = new CodeDeployWatch(
      {
        deploymentId: target.deploymentId,
        goal: 'completed',
        intervalMs: codeDeployIntervalMs(plan.options.wait),
        timeoutMs: plan.options.wait.timeoutMs,
        hooks: target.hooks,
        watched: alarmsWatch(plan.codeDeployGroup),
      },
      this.deps,
    );
  }

  wants(request: PollRequest): void {
    request.want(DEPLOYMENTS, this.target.deploymentId);
  }

  async observe(snapshot: PollSnapshot): Promise<Observation> {
    // This poll's answer is read even after another function failed: one that ended meanwhile keeps its own verdict.
    const other = this.group.failed === this.name ? undefined : this.group.failed;
    const answer = snapshot.get(DEPLOYMENTS, this.target.deploymentId);
    if (answer instanceof Error) throw answer;
    const verdict = answer === undefined ? undefined : await this.watch.observe(answer);
    if (verdict === undefined || verdict.state === 'pending') {
      if (other === undefined) return { state: this.watch.stateLine(), nextMs: this.watch.nextDelayMs() };
      this.stoppedForOther = true;
      return { verdict: this.otherFailed(other) };
    }
    if (verdict.state === 'succeeded') {
      this.deps.log.info(
        `Deployment ${this.target.deploymentId} Succeeded: alias ${this.target.alias} is on version ${this.target.to}.`,
      );
      return { verdict: { state: 'succeeded' } };
    }
    this.group.failed ??= this.name;
    return { verdict };
  }

  interrupted(error: unknown): Failure {
    return failureOf(error, this.deps.log);
  }

  async conclude(verdict: Verdict<'succeeded'>): Promise<Verdict<'succeeded'>> {
    return verdict;
  }

  /**
   * The function's result once every deployment has a verdict (`undefined`: never followed,
   * because another function's CreateDeployment was refused). With `otherFailed` set, a
   * success is put back too: the functions of a step are judged together.
   */
  async settle(verdict: Verdict<'succeeded'> | undefined, otherFailed: string | undefined): Promise<Outcome> {
    const report = {
      changed: true,
      codeDeploy: {
        deploymentId: this.target.deploymentId,
        group: this.plan.options.codeDeploy?.deploymentGroup ?? '',
        ...(this.watch.last === undefined ? {} : { snapshot: this.watch.last }),
      },
    };
    const other = otherFailed !== undefined && otherFailed !== this.name ? otherFailed : undefined;
    if (verdict?.state === 'succeeded') {
      if (other === undefined) return { ...report, verdict };
      return { ...report, ...(await this.aliasBack(this.putBackFor(other))) };
    }
    const failure = verdict ?? this.otherFailed(other ?? '?');
    if (verdict === undefined || this.stoppedForOther || STEP_FAILURES.has(failure.kind))
      return { ...report, ...(await this.stop(failure)) };
    // CodeDeploy failed it: its own rollback (if the group has one) is followed until the alias is back.
    const { ok, line } = await this.followRollback();
    if (ok) return { ...report, verdict: withDetails(failure, [line]) };
    // No rollback of CodeDeploy's put it back: the step does, as after any failed Lambda deploy.
    return { ...report, ...(await this.aliasBack(withDetails(failure, [line]))) };
  }

  private otherFailed(other: string): Failure {
    return failed(
      'rolled-back',
      `stopped because Lambda function '${other}' failed: the functions of a step are deployed together, so alias ${this.target.alias} goes back to version ${this.target.from}.`,
    );
  }

  /** StopDeployment with rollback; after a cancelled job only started (the post step follows it). */
  private async stop(failure: Failure): Promise<Pick<Outcome, 'verdict' | 'rollback'>> {
    const to = `version ${this.target.from}`;
    try {
      await startCodeDeployRollback(this.deps, this.target.deploymentId);
    } catch (error) {
      const reason = `StopDeployment with rollback: ${failureOf(error, this.deps.log).reason}`;
      // It ended between the last poll and the stop (Succeeded): its alias goes back as a success's would.
      if (this.stoppedForOther) {
        const back = await this.aliasBack(this.putBackFor(this.group.failed ?? '?'));
        return { ...back, verdict: isFailure(back.verdict) ? withDetails(back.verdict, [reason]) : back.verdict };
      }
      return { verdict: withDetails(failure, [reason]) };
    }
    if (failure.kind === 'cancelled') {
      const follow = {
        controller: 'codedeploy' as const,
        codeDeployDeploymentId: this.target.deploymentId,
        functionName: this.target.functionName,
      };
      return { verdict: failure, rollback: { by: 'stop-deployment', verdict: { state: 'started' }, to, follow } };
    }
    const { ok, line } = await this.followRollback();
    const rollback: RollbackReport = {
      by: 'stop-deployment',
      verdict: ok ? { state: 'succeeded' } : failed('rolled-back', line),
      to,
    };
    return { verdict: withDetails(failure, [line]), rollback };
  }

  private followRollback(): Promise<RollbackFollowed> {
    return followCodeDeployRollback(this.deps, {
      deploymentId: this.target.deploymentId,
      intervalMs: codeDeployIntervalMs(this.plan.options.wait),
      timeoutMs: this.plan.options.wait.timeoutMs,
      restored: `alias ${this.target.alias} is on version ${this.target.from} again`,
    });
  }

  private putBackFor(other: string): Failure {
    const { alias, from } = this.target;
    return failed(
      'rolled-back',
      `alias ${alias} put back on version ${from} because Lambda function '${other}' failed.`,
    );
  }

  /** The alias back on its previous version with no routing (UpdateAlias): after another function failed, or when CodeDeploy left it moved. */
  private async aliasBack(failure: Failure): Promise<Pick<Outcome, 'verdict' | 'rollback'>> {
    const { functionName, alias, from } = this.target;
    const to = `version ${from}`;
    try {
      this.deps.log.info(
        `${await putAliasBack(this.deps.clients.lambda, { functionName, alias }, { version: from })}.`,
      );
      return { verdict: failure, rollback: { by: 'update-alias', verdict: { state: 'succeeded' }, to } };
    } catch (error) {
      const reason = failureOf(error, this.deps.log).reason;
      return {
        verdict: withDetails(failure, [`Could not put alias ${alias} back on version ${from}: ${reason}`]),
        rollback: { by: 'update-alias', verdict: failed('error', reason), to },
      };
    }
  }
}
