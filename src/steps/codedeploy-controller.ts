// The CodeDeploy controller: ECS services whose deploymentController is CODE_DEPLOY take a
// new revision only through a CodeDeploy deployment (CreateDeployment with an AppSpec),
// followed with GetDeployment (batched by the poll loop) and the deployment's target.

import type { Service } from '@aws-sdk/client-ecs';
import { createDeployment, getDeploymentGroup } from '../aws/codedeploy.ts';
import type { StepDeps } from '../deps.ts';
import { UserError } from '../errors.ts';
import { failureOf } from '../failure.ts';
import { Input } from '../names.ts';
import {
  type AppSpec,
  appSpecFromFile,
  appSpecFromService,
  appSpecText,
  hooksOf,
  isAppSpecProblem,
} from '../plan/codedeploy-appspec.ts';
import { type CodeDeployGoal, STEP_FAILURES } from '../plan/codedeploy-deployment.ts';
import {
  alarmsWatch,
  type CodeDeployPrepared,
  groupRefFor,
  groupTargetProblem,
  terminationWaitMinutes,
} from '../plan/codedeploy-group.ts';
import { codeDeployIntervalMs } from '../plan/codedeploy-poll.ts';
import { codeDeployWaitUntilProblem } from '../plan/service-deployment-stages.ts';
import { type Failure, failed, type Verdict, withDetails } from '../plan/verdict.ts';
import type { EcsServiceOptions } from '../settings.ts';
import { type CodeDeployFollowDeps, CodeDeployWatch, DEPLOYMENTS } from './codedeploy-follow.ts';
import {
  followCodeDeployAfterCancel,
  followCodeDeployRollback,
  startCodeDeployRollback,
} from './codedeploy-rollback.ts';
import { type CodeDeployGreenTasks, greenTasksOf } from './codedeploy-tasks.ts';
import { prepareFromTaskDefinition } from './ecs-controller.ts';
import type { PollRequest, PollSnapshot } from './poll-snapshot.ts';
import type { Registration } from './register-revision.ts';
import type { EcsPrepared, Following, Observation, RolloutController, Settled, Start } from './rollout-controller.ts';

export const codeDeployController: RolloutController = {
  kind: 'codedeploy',
  registers: true,
  prepare: prepareCodeDeploy,
  start: startCodeDeploy,
  followAfterCancel: followCodeDeployAfterCancel,
};

/** Read-only: the revision plan as for ECS services, the deployment group (checked to target this service), the AppSpec checked. */
async function prepareCodeDeploy(
  found: { service: Service; started: number },
  options: EcsServiceOptions,
  deps: StepDeps,
): Promise<EcsPrepared> {
  const { cluster, service } = options;
  const problem = codeDeployWaitUntilProblem(options.waitUntil);
  if (problem !== undefined)
    throw new UserError(
      `Input '${Input.waitUntil}' ('${options.waitUntil}') cannot be reached on service '${service}': ${problem}.`,
    );
  if (options.desiredCount !== undefined) {
    throw new UserError(
      `Input '${Input.desiredCount}' is not applied to service '${service}', which deploys through CodeDeploy: CodeDeploy sizes the new task set like the original; remove '${Input.desiredCount}'.`,
    );
  }
  // CreateDeployment carries no tag settings: accepting them would change nothing, silently.
  for (const [input, value] of [
    [Input.propagateTags, options.propagateTags],
    [Input.enableEcsManagedTags, options.enableEcsManagedTags],
  ] as const) {
    if (value === undefined) continue;
    throw new UserError(
      `Input '${input}' is not applied to service '${service}', which deploys through CodeDeploy: CodeDeploy starts the new task set with the service's own tag settings; remove '${input}'.`,
    );
  }
  const base = await prepareFromTaskDefinition(found, { ...options, waitUntil: 'completed' }, deps);
  const ref = groupRefFor(cluster, service, {
    application: options.codeDeploy?.application,
    group: options.codeDeploy?.deploymentGroup,
  });
  const group = await getDeploymentGroup(await deps.clients.codedeploy(), ref.application, ref.group);
  if (group === undefined) {
    throw new UserError(
      `Service '${service}' deploys through CodeDeploy, but deployment group '${ref.group}' of application '${ref.application}' does not exist: name them in inputs '${Input.codedeployApplication}' and '${Input.codedeployDeploymentGroup}'. Nothing was changed.`,
    );
  }
  const targets = groupTargetProblem(group, cluster, service);
  if (targets !== undefined)
    throw new UserError(`Service '${service}' cannot be deployed: ${targets}. Nothing was changed.`);
  if (options.codeDeploy?.appSpec === undefined) {
    const spec = appSpecFromService(found.service, 'check');
    if (isAppSpecProblem(spec))
      throw new UserError(
        `Service '${service}' cannot be deployed through CodeDeploy: ${spec.problem}. Nothing was changed.`,
      );
  }
  deps.log.info(
    `Service '${service}' deploys through CodeDeploy: deployment group '${ref.group}' of application '${ref.application}'.`,
  );
  return {
    ...base,
    options,
    controller: 'codedeploy',
    standing: { kind: 'unchanged' },
    codeDeploy: { ref, group, service: found.service },
  };
}

function appSpecFor(prepared: EcsPrepared, codeDeploy: CodeDeployPrepared, targetArn: string): AppSpec {
  const file = prepared.options.codeDeploy?.appSpec;
  const spec =
    file === undefined ? appSpecFromService(codeDeploy.service, targetArn) : appSpecFromFile(file.doc, targetArn);
  if (isAppSpecProblem(spec))
    throw new UserError(`The AppSpec for service '${prepared.options.service}': ${spec.problem}.`);
  return spec;
}

async function startCodeDeploy(
  prepared: EcsPrepared,
  registration: Registration | undefined,
  deps: StepDeps,
): Promise<Start> {
  const { options, plan, currentArn } = prepared;
  const codeDeploy = prepared.codeDeploy;
  if (codeDeploy === undefined)
    throw new Error(`service '${options.service}' was not prepared by the CodeDeploy controller`);
  if (!plan.updateNeeded) {
    deps.log.info(`Nothing to change: service '${options.service}' already runs this task definition.`);
    return { finished: { verdict: { state: 'unchanged' }, taskDefinitionArn: currentArn } };
  }
  const { ref } = codeDeploy;
  const targetArn = registration?.arn ?? plan.targetArn ?? '<the revision this run would register>';
  const spec = appSpecFor(prepared, codeDeploy, targetArn);
  if (options.dryRun) {
    deps.log.info(
      `Dry run: would create a CodeDeploy deployment in group '${ref.group}' of application '${ref.application}' with this AppSpec:`,
    );
    deps.log.info(appSpecText(spec));
    return { finished: { verdict: { state: 'planned' }, taskDefinitionArn: plan.targetArn ?? '' } };
  }
  const cd = await deps.clients.codedeploy();
  const deploymentId = await createDeployment(cd, {
    application: ref.application,
    group: ref.group,
    appSpec: appSpecText(spec),
    ...(options.codeDeploy?.deploymentConfig === undefined
      ? {}
      : { deploymentConfig: options.codeDeploy.deploymentConfig }),
    description: `image-deploy: ${targetArn}`,
  });
  deps.log.info(
    `Created CodeDeploy deployment ${deploymentId} for service '${options.service}' (group '${ref.group}').`,
  );
  const fields = {
    changed: true,
    registered: registration?.registered === true,
    taskDefinitionArn: targetArn,
    deploymentId,
  };
  if (!options.wait.enabled) return { finished: { ...fields, verdict: { state: 'started' } } };
  return {
    following: new CodeDeployFollowing(prepared, codeDeploy, deploymentId, hooksOf(spec), { ...deps, codedeploy: cd }),
    fields,
  };
}

class CodeDeployFollowing implements Following {
  readonly what: string;
  readonly name: string;
  private readonly watch: CodeDeployWatch;
  private readonly green: CodeDeployGreenTasks;
  private readonly prepared: EcsPrepared;
  private readonly deploymentId: string;
  private readonly deps: StepDeps & CodeDeployFollowDeps;

  constructor(
    prepared: EcsPrepared,
    codeDeploy: CodeDeployPrepared,
    deploymentId: string,
    hooks: Record<string, string>,
    deps: StepDeps & CodeDeployFollowDeps,
  ) {
    this.prepared = prepared;
    this.deploymentId = deploymentId;
    this.deps = deps;
    this.name = prepared.options.service;
    this.what = `CodeDeploy deployment ${deploymentId} of service '${prepared.options.service}'`;
    this.green = greenTasksOf(prepared, deploymentId, deps);
    const termination = terminationWaitMinutes(codeDeploy.group);
    this.watch = new CodeDeployWatch(
      {
        deploymentId,
        goal: prepared.options.waitUntil as CodeDeployGoal,
        intervalMs: codeDeployIntervalMs(prepared.options.wait),
        timeoutMs: prepared.options.wait.timeoutMs,
        hooks,
        watched: alarmsWatch(codeDeploy.group),
        ...(termination === undefined ? {} : { terminationWaitMinutes: termination }),
      },
      deps,
    );
  }

  wants(request: PollRequest): void {
    request.want(DEPLOYMENTS, this.deploymentId);
    this.green.wants(request, this.watch.last?.deployment.status);
  }

  async observe(snapshot: PollSnapshot): Promise<Observation> {
    const answer = snapshot.get(DEPLOYMENTS, this.deploymentId);
    if (answer instanceof Error) throw answer;
    if (answer === undefined) return { state: this.watch.stateLine() };
    const verdict = await this.watch.observe(answer);
    if (verdict.state === 'pending') {
      const tooMany = await this.green.observe(snapshot, answer);
      if (tooMany !== undefined) return { verdict: tooMany };
      return { state: this.watch.stateLine(), nextMs: this.watch.nextDelayMs() };
    }
    if (verdict.state === 'succeeded') {
      const rest = verdict.reached === 'completed' ? '' : `: CodeDeploy carries on with the rest on its own`;
      this.deps.log.info(
        `Deployment ${this.deploymentId} reached ${verdict.reached === 'completed' ? 'Succeeded' : verdict.reached}${rest}.`,
      );
      return { verdict: { state: 'succeeded' } };
    }
    return { verdict };
  }

  interrupted(error: unknown): Failure {
    return this.green.interrupted(failureOf(error, this.deps.log));
  }

  async conclude(verdict: Verdict<'succeeded'>): Promise<Verdict<'succeeded'>> {
    return this.green.conclude(verdict);
  }

  async settle(failure: Failure): Promise<Settled> {
    const { options } = this.prepared;
    if (!options.rollbackOnFailure || !STEP_FAILURES.has(failure.kind)) return { verdict: failure };
    try {
      await startCodeDeployRollback(this.deps, this.deploymentId);
    } catch (error) {
      return { verdict: withDetails(failure, [`rollback-on-failure: ${failureOf(error, this.deps.log).reason}`]) };
    }
    const to = this.prepared.currentArn;
    if (failure.kind === 'cancelled') {
      const follow = { controller: 'codedeploy' as const, codeDeployDeploymentId: this.deploymentId };
      return { verdict: failure, rollback: { by: 'stop-deployment', verdict: { state: 'started' }, to, follow } };
    }
    const { ok, line } = await followCodeDeployRollback(this.deps, {
      deploymentId: this.deploymentId,
      intervalMs: codeDeployIntervalMs(options.wait),
      timeoutMs: options.wait.timeoutMs,
    });
    return {
      verdict: withDetails(failure, [line]),
      rollback: { by: 'stop-deployment', verdict: ok ? { state: 'succeeded' } : failed('rolled-back', line), to },
    };
  }

  report() {
    return {
      codeDeploy: {
        deploymentId: this.deploymentId,
        group: this.prepared.codeDeploy?.ref.group ?? '',
        ...(this.watch.last === undefined ? {} : { snapshot: this.watch.last }),
      },
    };
  }
}
