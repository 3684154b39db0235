// The controller seam of the ecs mode. A service deploys through one controller, chosen
// from the service by plan/ecs-controller.ts; each controller is one module implementing
// RolloutController, registered in steps/controllers.ts. ServiceRollout (one per service)
// drives it: prepare -> start -> (the loop polls its Following) -> settle.

import type { Service } from '@aws-sdk/client-ecs';
import type { StepDeps } from '../deps.ts';
import type { CodeDeployPrepared } from '../plan/codedeploy-group.ts';
import type { ControllerKind } from '../plan/ecs-controller.ts';
import type { EcsPlan, Standing } from '../plan/ecs-deploy.ts';
import type { ExpressPlan } from '../plan/express-update.ts';
import type { StartedRollback } from '../plan/rollback.ts';
import type { Failure, Verdict } from '../plan/verdict.ts';
import type { EcsResult } from '../results.ts';
import type { EcsServiceOptions } from '../settings.ts';
import type { PollRequest, PollSnapshot } from './poll-snapshot.ts';
import type { Registration } from './register-revision.ts';

/** What prepare found and decided for one service; start carries it out. */
export interface EcsPrepared {
  options: EcsServiceOptions;
  /** Who deploys the service (from the service, never from an input). */
  controller: ControllerKind;
  currentArn: string;
  plan: EcsPlan;
  /** When preparing began (the duration in the summary counts from here). */
  started: number;
  /** When nothing needs updating: what the service's deployment of the target says. */
  standing: Standing;
  /** The revision registered ahead of the ecs mode (run-task runs "the revision ecs deploys"). */
  registration?: Registration;
  /** Express Mode services: the UpdateExpressGatewayService request and its diff. */
  express?: ExpressPlan;
  /** The CodeDeploy controller's: the deployment group (checked to target the service) and the service as described. */
  codeDeploy?: CodeDeployPrepared;
}

/** A service's result fields learned so far; the rollout adds what its plan says. */
export type ResultFields = Partial<EcsResult> & Pick<EcsResult, 'taskDefinitionArn'>;

/** How start ended: the service's result already (dry run, nothing to change, not waiting), or a deployment to follow. */
export type Start =
  | { finished: ResultFields & Pick<EcsResult, 'verdict'> }
  | { following: Following; fields: ResultFields };

/** What one poll said about one deployment. */
export type Observation = { verdict: Verdict<'succeeded'> } | { state: string; nextMs?: number };

/** What settling a failure gives the result: the verdict (with the rollback's line) and the rollback. */
export type Settled = Pick<EcsResult, 'verdict'> & Partial<Pick<EcsResult, 'rollback'>>;

/** Anything the one poll loop (steps/follow-loop.ts) follows. */
export interface Followed {
  /** For messages: "deployment ecs-svc/1 of service 'web'". */
  readonly what: string;
  /** The service's name, for the loop's combined state line. */
  readonly name: string;
  /** Declares this poll's reads; the loop batches them with every other rollout's. */
  wants(request: PollRequest): void;
  /** Judges this poll's answers alone. Throwing fails this deployment only. */
  observe(snapshot: PollSnapshot): Promise<Observation>;
  /** The loop ended first (timeout, cancelled job, AWS failing): the failure, with the evidence known so far. */
  interrupted(error: unknown): Failure;
  /** A verdict observe gave: the final one, with the evidence gathered at the end (stopped tasks). */
  conclude(verdict: Verdict<'succeeded'>): Promise<Verdict<'succeeded'>>;
}

/** A deployment a controller started, as its service's rollout follows and settles it. */
export interface Following extends Followed {
  /** After a failed verdict: the controller's put-back (followed to its end; only started on a cancelled job). */
  settle(failure: Failure): Promise<Settled>;
  /** What the result reports of what was observed (ECS's record). */
  report(): Partial<Pick<EcsResult, 'serviceDeployment' | 'codeDeploy'>>;
}

/** One outcome line of the post step. */
export interface PostOutcome {
  ok: boolean;
  text: string;
}

/**
 * How a service of one kind is deployed. To add a controller: implement this in
 * steps/<kind>-controller.ts and list it in steps/controllers.ts under its kind.
 *
 * - `prepare`: read-only; plans the service's change from its DescribeServices answer and
 *   throws every input problem as a UserError, before any mode of the step changes anything.
 * - `registers`: whether `start` needs the rendered revision registered first (the rollouts
 *   of one step share and pace registrations; Express Mode registers its own).
 * - `start`: the change (UpdateService, CreateDeployment, UpdateExpressGatewayService) and
 *   what to follow; a dry run returns the plan as `planned` here.
 * - The Following it returns declares its reads each poll (wants: e.g. DescribeServices and
 *   the deployment record for ECS; GetDeployment for CodeDeploy), judges them (observe), and
 *   puts the service back after a failure (settle). A put-back only started because the job
 *   was cancelled goes in `rollback.follow` (tagged with this controller's kind), saved for
 *   the post step, which hands it back to `followAfterCancel`.
 */
export interface RolloutController {
  readonly kind: ControllerKind;
  readonly registers: boolean;
  prepare(
    found: { service: Service; started: number },
    options: EcsServiceOptions,
    deps: StepDeps,
  ): Promise<EcsPrepared>;
  start(prepared: EcsPrepared, registration: Registration | undefined, deps: StepDeps): Promise<Start>;
  followAfterCancel(rollback: StartedRollback, deps: StepDeps): Promise<PostOutcome>;
}
