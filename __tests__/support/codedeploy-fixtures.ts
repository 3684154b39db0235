// Seeding CodeDeploy in moto for ECS blue/green: an application (computePlatform ECS) and a
// deployment group targeting one service, as the ECS console creates them; and a client.

import { CodeDeployClient, CreateApplicationCommand, CreateDeploymentGroupCommand } from '@aws-sdk/client-codedeploy';

export interface SeededGroup {
  application: string;
  group: string;
}

export function codeDeployClient(endpoint: string): CodeDeployClient {
  return new CodeDeployClient({ region: 'us-east-1', endpoint, credentials: { accessKeyId: 'testing', secretAccessKey: 'testing' }, maxAttempts: 1 });
}

/** An ECS blue/green application and group for `cluster`/`service`, with the console's default names unless given. */
export async function seedCodeDeployGroup(
  endpoint: string,
  options: { cluster: string; service: string; application?: string; group?: string; terminationWaitMinutes?: number },
): Promise<SeededGroup> {
  const cd = codeDeployClient(endpoint);
  const application = options.application ?? `AppECS-${options.cluster}-${options.service}`;
  const group = options.group ?? `DgpECS-${options.cluster}-${options.service}`;
  try {
    await cd.send(new CreateApplicationCommand({ applicationName: application, computePlatform: 'ECS' }));
    await cd.send(
      new CreateDeploymentGroupCommand({
        applicationName: application,
        deploymentGroupName: group,
        serviceRoleArn: 'arn:aws:iam::123456789012:role/ecsCodeDeployRole',
        deploymentConfigName: 'CodeDeployDefault.ECSAllAtOnce',
        deploymentStyle: { deploymentType: 'BLUE_GREEN', deploymentOption: 'WITH_TRAFFIC_CONTROL' },
        blueGreenDeploymentConfiguration: {
          terminateBlueInstancesOnDeploymentSuccess: { action: 'TERMINATE', terminationWaitTimeInMinutes: options.terminationWaitMinutes ?? 5 },
          deploymentReadyOption: { actionOnTimeout: 'CONTINUE_DEPLOYMENT' },
        },
        autoRollbackConfiguration: { enabled: true, events: ['DEPLOYMENT_FAILURE', 'DEPLOYMENT_STOP_ON_REQUEST'] },
        ecsServices: [{ clusterName: options.cluster, serviceName: options.service }],
        loadBalancerInfo: {
          targetGroupPairInfoList: [
            {
              targetGroups: [{ name: 'tg-blue' }, { name: 'tg-green' }],
              prodTrafficRoute: { listenerArns: ['arn:aws:elasticloadbalancing:us-east-1:123456789012:listener/app/web/1/1'] },
            },
          ],
        },
      }),
    );
  } finally {
    cd.destroy();
  }
  return { application, group };
}
