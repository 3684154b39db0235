// Which CodeDeploy application and deployment group deploy a service, and whether the
// group really targets it. Pure. Default names as the ECS console creates them
// ("AppECS-<cluster>-<service>" / "DgpECS-<cluster>-<service>", Amazon ECS Developer Guide,
// "Blue/green deployment with CodeDeploy").

import type { DeploymentGroupInfo } from '@aws-sdk/client-codedeploy';
import type { Service } from '@aws-sdk/client-ecs';

/** The last segment of a name or ARN (`arn:aws:ecs:...:service/prod/web` -> `web`). */
export function bareName(ref: string): string {
  return ref.split('/').pop() ?? ref;
}

export interface GroupRef {
  application: string;
  group: string;
}

/** The inputs when given, else the console's names for this cluster and service. */
export function groupRefFor(
  cluster: string,
  service: string,
  given: { application?: string; group?: string },
): GroupRef {
  const c = bareName(cluster);
  const s = bareName(service);
  return { application: given.application ?? `AppECS-${c}-${s}`, group: given.group ?? `DgpECS-${c}-${s}` };
}

/**
 * Why `group` cannot deploy `service` of `cluster`, or undefined when it can: it must be an
 * ECS blue/green group whose `ecsServices` names this cluster and service.
 */
export function groupTargetProblem(group: DeploymentGroupInfo, cluster: string, service: string): string | undefined {
  const where = `deployment group '${group.deploymentGroupName ?? '?'}' of application '${group.applicationName ?? '?'}'`;
  if (group.computePlatform !== undefined && group.computePlatform !== 'ECS') {
    return `${where} deploys to ${group.computePlatform}, not ECS: name the group of service '${bareName(service)}' in input 'codedeploy-deployment-group'`;
  }
  const targets = group.ecsServices ?? [];
  const match = targets.some(
    (t) =>
      t.serviceName === bareName(service) &&
      t.clusterName !== undefined &&
      bareName(t.clusterName) === bareName(cluster),
  );
  if (match) return undefined;
  const named = targets.map((t) => `'${t.clusterName ?? '?'}/${t.serviceName ?? '?'}'`).join(', ') || 'no service';
  return `${where} targets ${named}, not '${bareName(cluster)}/${bareName(service)}': name the right group in inputs 'codedeploy-application' and 'codedeploy-deployment-group'`;
}

/** Minutes the original (blue) task set is kept after traffic moved, when the group says. */
export function terminationWaitMinutes(group: DeploymentGroupInfo | undefined): number | undefined {
  const option = group?.blueGreenDeploymentConfiguration?.terminateBlueInstancesOnDeploymentSuccess;
  if (option?.action === 'KEEP_ALIVE') return undefined;
  return option?.terminationWaitTimeInMinutes;
}

/** True when CloudWatch alarms can stop the deployment at any moment (not only the clock ends a wait). */
export function alarmsWatch(group: DeploymentGroupInfo | undefined): boolean {
  const alarms = group?.alarmConfiguration;
  return alarms?.enabled === true && (alarms.alarms ?? []).length > 0;
}

/** What the CodeDeploy controller's prepare learned of the service's set-up, for its start. */
export interface CodeDeployPrepared {
  ref: GroupRef;
  group: DeploymentGroupInfo;
  service: Service;
}
