// CodeDeploy, one function per call. Loaded (with its SDK package) only when a service that
// deploys through CodeDeploy is deployed: see Clients.codedeploy in clients.ts.

import {
  type CodeDeployClient,
  ContinueDeploymentCommand,
  CreateDeploymentCommand,
  type DeploymentGroupInfo,
  type DeploymentInfo,
  type DeploymentTarget,
  GetDeploymentCommand,
  GetDeploymentGroupCommand,
  GetDeploymentTargetCommand,
  ListDeploymentTargetsCommand,
  StopDeploymentCommand,
} from '@aws-sdk/client-codedeploy';
import { asked, required } from '../errors.ts';

/** The deployment group, or undefined when CodeDeploy says it (or its application) does not exist. */
export async function getDeploymentGroup(
  cd: CodeDeployClient,
  application: string,
  group: string,
): Promise<DeploymentGroupInfo | undefined> {
  return asked(`GetDeploymentGroup for '${group}' of application '${application}'`, async () => {
    try {
      const out = await cd.send(
        new GetDeploymentGroupCommand({ applicationName: application, deploymentGroupName: group }),
      );
      return required(out.deploymentGroupInfo, 'deploymentGroupInfo');
    } catch (error) {
      const name = error instanceof Error ? error.name : '';
      if (name === 'DeploymentGroupDoesNotExistException' || name === 'ApplicationDoesNotExistException')
        return undefined;
      throw error;
    }
  });
}

export interface NewDeployment {
  application: string;
  group: string;
  /** The AppSpec as JSON text (revisionType AppSpecContent). */
  appSpec: string;
  /** `codedeploy-deployment-config`; the group's own config when undefined. */
  deploymentConfig?: string;
  description?: string;
}

/** Starts the deployment and returns its id (`d-XXXXXXXXX`). */
export async function createDeployment(cd: CodeDeployClient, input: NewDeployment): Promise<string> {
  return asked(`CreateDeployment in group '${input.group}' of application '${input.application}'`, async () => {
    const out = await cd.send(
      new CreateDeploymentCommand({
        applicationName: input.application,
        deploymentGroupName: input.group,
        revision: { revisionType: 'AppSpecContent', appSpecContent: { content: input.appSpec } },
        ...(input.deploymentConfig === undefined ? {} : { deploymentConfigName: input.deploymentConfig }),
        ...(input.description === undefined ? {} : { description: input.description }),
      }),
    );
    return required(out.deploymentId, 'deploymentId');
  });
}

export async function getDeployment(cd: CodeDeployClient, deploymentId: string): Promise<DeploymentInfo> {
  return asked(`GetDeployment for '${deploymentId}'`, async () => {
    const out = await cd.send(new GetDeploymentCommand({ deploymentId }));
    return required(out.deploymentInfo, 'deploymentInfo');
  });
}

/** Every target id of the deployment (an ECS or Lambda deployment has one). */
export async function listDeploymentTargets(cd: CodeDeployClient, deploymentId: string): Promise<string[]> {
  return asked(`ListDeploymentTargets for '${deploymentId}'`, async () => {
    const ids: string[] = [];
    let nextToken: string | undefined;
    do {
      const out = await cd.send(
        new ListDeploymentTargetsCommand({ deploymentId, ...(nextToken === undefined ? {} : { nextToken }) }),
      );
      ids.push(...(out.targetIds ?? []));
      nextToken = out.nextToken;
    } while (nextToken !== undefined && nextToken !== '');
    return ids;
  });
}

export async function getDeploymentTarget(
  cd: CodeDeployClient,
  deploymentId: string,
  targetId: string,
): Promise<DeploymentTarget> {
  return asked(`GetDeploymentTarget '${targetId}' of deployment '${deploymentId}'`, async () => {
    const out = await cd.send(new GetDeploymentTargetCommand({ deploymentId, targetId }));
    return required(out.deploymentTarget, 'deploymentTarget');
  });
}

/** Ends a `Ready` wait (READY_WAIT) or the original task set's termination wait (TERMINATION_WAIT). */
export async function continueDeployment(
  cd: CodeDeployClient,
  deploymentId: string,
  waitType: 'READY_WAIT' | 'TERMINATION_WAIT',
): Promise<void> {
  await asked(`ContinueDeployment (${waitType}) for '${deploymentId}'`, async () => {
    await cd.send(new ContinueDeploymentCommand({ deploymentId, deploymentWaitType: waitType }));
  });
}

/** Stops the deployment; with `rollback`, CodeDeploy puts the original task set back. */
export async function stopDeployment(
  cd: CodeDeployClient,
  deploymentId: string,
  rollback: boolean,
): Promise<{ status?: string; message?: string }> {
  return asked(`StopDeployment${rollback ? ' (with rollback)' : ''} for '${deploymentId}'`, async () => {
    const out = await cd.send(new StopDeploymentCommand({ deploymentId, autoRollbackEnabled: rollback }));
    return {
      ...(out.status === undefined ? {} : { status: out.status }),
      ...(out.statusMessage === undefined ? {} : { message: out.statusMessage }),
    };
  });
}
