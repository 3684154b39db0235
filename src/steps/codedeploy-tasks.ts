// `max-failed-tasks` for services deploying through CodeDeploy: the stopped tasks of the
// replacement (green) task set, counted while the deployment runs, with at most one ECS
// call a poll (DescribeServices, batched with the loop's, until the task set is found;
// then ListTasks, or DescribeTasks for tasks not read yet). Why this finds them:
// plan/codedeploy-tasks.ts.

import type { DeploymentInfo } from '@aws-sdk/client-codedeploy';
import type { StepDeps } from '../deps.ts';
import { messageOf, transientReason } from '../errors.ts';
import { greenTaskRead, replacementTaskSet, tooManyStoppedGreenTasks } from '../plan/codedeploy-tasks.ts';
import { nonEssentialContainers } from '../plan/containers.ts';
import { type StoppedTaskOptions, summarizeTaskFailures } from '../plan/ecs-progress.ts';
import type { TaskDefinitionDoc } from '../plan/task-definition-types.ts';
import { type Failure, type Verdict, withDetails } from '../plan/verdict.ts';
import { SERVICES } from './describe-services.ts';
import type { PollRequest, PollSnapshot } from './poll-snapshot.ts';
import type { EcsPrepared } from './rollout-controller.ts';
import { StoppedTaskLog } from './stopped-tasks.ts';

export interface GreenTaskOptions {
  cluster: string;
  service: string;
  /** The CodeDeploy deployment: the green task set's externalId. */
  deploymentId: string;
  maxFailedTasks: number;
  /** The revision the green task set runs: its non-essential containers do not decide. */
  taskDefinition: TaskDefinitionDoc;
}

/** The green task set of the CodeDeploy deployment `deploymentId` made for a prepared service. */
export function greenTasksOf(prepared: EcsPrepared, deploymentId: string, deps: StepDeps): CodeDeployGreenTasks {
  const { cluster, service, maxFailedTasks } = prepared.options;
  return new CodeDeployGreenTasks(
    { cluster, service, deploymentId, maxFailedTasks, taskDefinition: prepared.plan.rendered },
    deps,
  );
}

/** The green task set's stopped tasks of one CodeDeploy deployment, and the verdict they give. */
export class CodeDeployGreenTasks {
  private taskSetId: string | undefined;
  private log: StoppedTaskLog | undefined;
  /** The tasks could not be read (a role without ecs:ListTasks): the deployment is followed without counting. */
  private off = false;
  private readonly options: GreenTaskOptions;
  private readonly taskOptions: StoppedTaskOptions;
  private readonly deps: StepDeps;

  constructor(options: GreenTaskOptions, deps: StepDeps) {
    this.options = options;
    this.taskOptions = { nonEssentialContainers: nonEssentialContainers(options.taskDefinition) };
    this.deps = deps;
  }

  /** Asks for the service (its task sets) while the green task set is not known and can still fail. */
  wants(request: PollRequest, status: string | undefined): void {
    if (this.read(status) !== 'task-set') return;
    request.want(SERVICES, { cluster: this.options.cluster, service: this.options.service });
  }

  /** This poll's count; a failure once `max-failed-tasks` green tasks stopped. */
  async observe(snapshot: PollSnapshot, deployment: DeploymentInfo): Promise<Failure | undefined> {
    const { cluster, service, deploymentId, maxFailedTasks } = this.options;
    const { taskOptions } = this;
    const read = this.read(deployment.status);
    if (read === 'task-set') {
      const found = replacementTaskSet(snapshot.get(SERVICES, { cluster, service }), deploymentId)?.id;
      if (found === undefined) return undefined;
      this.taskSetId = found;
      this.log = new StoppedTaskLog({ cluster, startedBy: found, taskOptions }, this.deps);
      this.deps.log.info(`Counting the stopped tasks of the replacement task set ${found} (max-failed-tasks).`);
      return undefined;
    }
    if (read === 'none' || this.log === undefined || this.taskSetId === undefined) return undefined;
    try {
      const stopped = await this.log.poll();
      return tooManyStoppedGreenTasks({ stopped, maxFailedTasks, taskSetId: this.taskSetId, deploymentId });
    } catch (error) {
      // Throttling or a 5xx past the SDK's retries: the next poll asks again.
      if (transientReason(error) !== undefined) return undefined;
      this.off = true;
      this.deps.log.warning(
        `max-failed-tasks is not applied to CodeDeploy deployment ${deploymentId}: ${messageOf(error)}. Following it without counting stopped tasks; the ecs policy grants ecs:ListTasks and ecs:DescribeTasks (docs/iam/ecs.json).`,
      );
      return undefined;
    }
  }

  /** The wait ended first: the stopped tasks already read. */
  interrupted(failure: Failure): Failure {
    return withDetails(failure, summarizeTaskFailures(this.log?.known() ?? [], undefined, this.taskOptions));
  }

  /** A failure the polls found gets every stopped green task's evidence. */
  async conclude(verdict: Verdict<'succeeded'>): Promise<Verdict<'succeeded'>> {
    const log = this.log;
    if (verdict.state !== 'failed' || log === undefined || this.off) return verdict;
    // The verdict stands whatever this last look finds: what was read so far when it fails.
    const tasks = await log.all().catch(() => log.known());
    return withDetails(verdict, summarizeTaskFailures(tasks, undefined, this.taskOptions));
  }

  private read(status: string | undefined) {
    if (this.off) return 'none';
    return greenTaskRead({ maxFailedTasks: this.options.maxFailedTasks, status, taskSetId: this.taskSetId });
  }
}
