// Seeding CodeDeploy in moto for ECS blue/green: an application (computePlatform ECS) and a
// deployment group targeting one service, as the ECS console creates them; and a client.

import { CodeDeployClient, CreateApplicationCommand, CreateDeploymentGroupCommand } from '@aws-sdk/client-codedeploy';
import { CreateClusterCommand, CreateServiceCommand, RegisterTaskDefinitionCommand } from '@aws-sdk/client-ecs';
import { defaultNetwork, ecsClient, richTaskDefinition, type SeededService } from './ecs-fixtures.ts';

export interface SeededGroup {
  application: string;
  group: string;
}

export function codeDeployClient(endpoint: string): CodeDeployClient {
  return new CodeDeployClient({
    region: 'us-east-1',
    endpoint,
    credentials: { accessKeyId: 'testing', secretAccessKey: 'testing' },
    maxAttempts: 1,
  });
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
          terminateBlueInstancesOnDeploymentSuccess: {
            action: 'TERMINATE',
            terminationWaitTimeInMinutes: options.terminationWaitMinutes ?? 5,
          },
          deploymentReadyOption: { actionOnTimeout: 'CONTINUE_DEPLOYMENT' },
        },
        autoRollbackConfiguration: { enabled: true, events: ['DEPLOYMENT_FAILURE', 'DEPLOYMENT_STOP_ON_REQUEST'] },
        ecsServices: [{ clusterName: options.cluster, serviceName: options.service }],
        loadBalancerInfo: {
          targetGroupPairInfoList: [
            {
              targetGroups: [{ name: 'tg-blue' }, { name: 'tg-green' }],
              prodTrafficRoute: {
                listenerArns: ['arn:aws:elasticloadbalancing:us-east-1:123456789012:listener/app/web/1/1'],
              },
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

/**
 * An ECS service deployed through CodeDeploy (deploymentController CODE_DEPLOY) behind a
 * load balancer's container and port, as CodeDeploy blue/green needs it, with its
 * application and deployment group.
 */
export async function seedCodeDeployService(
  endpoint: string,
  options: {
    cluster: string;
    service: string;
    image?: string;
    family?: string;
    terminationWaitMinutes?: number;
    group?: { application?: string; group?: string; targets?: { cluster: string; service: string } };
  },
): Promise<SeededService & SeededGroup> {
  const ecs = ecsClient(endpoint);
  try {
    const input = richTaskDefinition(options.family ?? `${options.service}-td`, options.image);
    await ecs.send(new CreateClusterCommand({ clusterName: options.cluster }));
    const registered = await ecs.send(new RegisterTaskDefinitionCommand(input));
    const taskDefinitionArn = registered.taskDefinition?.taskDefinitionArn ?? '';
    const network = await defaultNetwork(endpoint);
    const created = await ecs.send(
      new CreateServiceCommand({
        cluster: options.cluster,
        serviceName: options.service,
        taskDefinition: taskDefinitionArn,
        desiredCount: 2,
        launchType: 'FARGATE',
        deploymentController: { type: 'CODE_DEPLOY' },
        loadBalancers: [
          {
            targetGroupArn: 'arn:aws:elasticloadbalancing:us-east-1:123456789012:targetgroup/tg-blue/0123456789abcdef',
            containerName: 'app',
            containerPort: 8080,
          },
        ],
        networkConfiguration: {
          awsvpcConfiguration: {
            subnets: network.subnets,
            securityGroups: network.securityGroups,
            assignPublicIp: 'DISABLED',
          },
        },
      }),
    );
    const service = created.service;
    if (service?.serviceArn === undefined) throw new Error(`CreateService '${options.service}' returned no service`);
    const targets = options.group?.targets ?? { cluster: options.cluster, service: options.service };
    const group = await seedCodeDeployGroup(endpoint, {
      cluster: targets.cluster,
      service: targets.service,
      ...(options.group?.application === undefined
        ? { application: `AppECS-${options.cluster}-${options.service}` }
        : { application: options.group.application }),
      ...(options.group?.group === undefined
        ? { group: `DgpECS-${options.cluster}-${options.service}` }
        : { group: options.group.group }),
      terminationWaitMinutes: options.terminationWaitMinutes ?? 0,
    });
    return {
      clusterArn: '',
      serviceArn: service.serviceArn,
      serviceName: options.service,
      family: input.family ?? '',
      taskDefinitionArn,
      service,
      ...group,
    };
  } finally {
    ecs.destroy();
  }
}

/** A Lambda application (computePlatform Lambda) and deployment group, as SAM or the console creates them. */
export async function seedLambdaCodeDeployGroup(
  endpoint: string,
  options: { application: string; group: string; computePlatform?: 'Lambda' | 'ECS' },
): Promise<SeededGroup> {
  const cd = codeDeployClient(endpoint);
  try {
    await cd.send(
      new CreateApplicationCommand({
        applicationName: options.application,
        computePlatform: options.computePlatform ?? 'Lambda',
      }),
    );
    await cd.send(
      new CreateDeploymentGroupCommand({
        applicationName: options.application,
        deploymentGroupName: options.group,
        serviceRoleArn: 'arn:aws:iam::123456789012:role/CodeDeployServiceRoleForLambda',
        deploymentConfigName: 'CodeDeployDefault.LambdaAllAtOnce',
        deploymentStyle: { deploymentType: 'BLUE_GREEN', deploymentOption: 'WITH_TRAFFIC_CONTROL' },
        autoRollbackConfiguration: { enabled: true, events: ['DEPLOYMENT_FAILURE', 'DEPLOYMENT_STOP_ON_REQUEST'] },
      }),
    );
  } finally {
    cd.destroy();
  }
  return { application: options.application, group: options.group };
}
