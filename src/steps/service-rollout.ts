// One service's deploy, whatever its controller: its plan, its registration, the
// deployment it started and what was seen of it, its verdict and its rollback.

import type { StepDeps } from '../deps.ts';
import { failureOf } from '../failure.ts';
import { type Failure, isFailure, type Verdict } from '../plan/verdict.ts';
import type { EcsResult } from '../results.ts';
import { controllerFor } from './controllers.ts';
import type { PollRequest, PollSnapshot } from './poll-snapshot.ts';
import type { Registration } from './register-revision.ts';
import type {
  EcsPrepared,
  Followed,
  Following,
  Observation,
  ResultFields,
  RolloutController,
} from './rollout-controller.ts';

/**
 * start() makes the change through the service's controller; while it has a deployment to
 * follow, the poll loop feeds it (wants / observe); settle() gives its result, putting the
 * service back first when the verdict failed. A start AWS refused fails this service alone.
 */
export class ServiceRollout implements Followed {
  readonly prepared: EcsPrepared;
  /** Its own log lines (prefixed with its service when several interleave). */
  readonly deps: StepDeps;
  private readonly controller: RolloutController;
  private followingValue: Following | undefined;
  private fields: ResultFields;
  private finished: EcsResult | undefined;

  /** `controller`: the one registered for the plan's kind (tests pass their own). */
  constructor(
    prepared: EcsPrepared,
    deps: StepDeps,
    controller: RolloutController = controllerFor(prepared.controller),
  ) {
    this.prepared = prepared;
    this.deps = deps;
    this.controller = controller;
    this.fields = { taskDefinitionArn: prepared.currentArn };
  }

  get name(): string {
    return this.prepared.options.service;
  }

  get what(): string {
    return this.followingValue?.what ?? `service '${this.name}'`;
  }

  /** True while there is a deployment for the poll loop to follow. */
  get following(): boolean {
    return this.followingValue !== undefined && this.finished === undefined;
  }

  /** What it needs registered before start: the rendered revision, unless the plan needs none or it was registered already. */
  get registrationNeed(): EcsPrepared | undefined {
    const { plan, options, registration } = this.prepared;
    const needs =
      this.controller.registers &&
      plan.updateNeeded &&
      plan.targetArn === undefined &&
      !options.dryRun &&
      registration === undefined;
    return needs ? this.prepared : undefined;
  }

  async start(registering: Promise<Registration | undefined>): Promise<void> {
    try {
      const registration = this.prepared.registration ?? (await registering);
      const start = await this.controller.start(this.prepared, registration, this.deps);
      if ('finished' in start) {
        this.finished = this.result(start.finished);
        return;
      }
      this.followingValue = start.following;
      this.fields = start.fields;
    } catch (error) {
      this.finished = this.result({
        verdict: failureOf(error, this.deps.log),
        taskDefinitionArn: this.prepared.currentArn,
      });
    }
  }

  wants(request: PollRequest): void {
    this.started().wants(request);
  }

  observe(snapshot: PollSnapshot): Promise<Observation> {
    return this.started().observe(snapshot);
  }

  interrupted(error: unknown): Failure {
    return this.started().interrupted(error);
  }

  conclude(verdict: Verdict<'succeeded'>): Promise<Verdict<'succeeded'>> {
    return this.started().conclude(verdict);
  }

  /** The service's result: what start finished with, or the loop's verdict (a failure settled by the controller). */
  async settle(verdict: Verdict<'succeeded'> | undefined): Promise<EcsResult> {
    if (this.finished !== undefined) return this.finished;
    const following = this.started();
    if (verdict === undefined) throw new Error(`the deployment of service '${this.name}' was not followed`);
    const settled = isFailure(verdict) ? await following.settle(verdict) : { verdict };
    this.finished = this.result({ ...this.fields, ...settled, ...following.report() });
    return this.finished;
  }

  private started(): Following {
    if (this.followingValue === undefined) throw new Error(`service '${this.name}' has no deployment to follow`);
    return this.followingValue;
  }

  /** The result from the plan, with the fields learned; the duration counts from prepare. */
  private result(fields: ResultFields & Pick<EcsResult, 'verdict'>): EcsResult {
    const { options, currentArn, plan, started } = this.prepared;
    return {
      cluster: options.cluster,
      service: options.service,
      controller: this.prepared.controller,
      changed: false,
      registered: false,
      previousTaskDefinitionArn: currentArn,
      diff: plan.diff,
      before: plan.before,
      after: plan.after,
      durationMs: this.deps.now() - started,
      ...fields,
    };
  }
}
