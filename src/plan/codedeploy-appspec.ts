// The AppSpec a CodeDeploy ECS deployment is created with: built from the service as it
// runs, or the user's file with its TaskDefinition replaced. Pure. Shape from the
// CodeDeploy User Guide, "AppSpec 'resources' section for Amazon ECS deployments" and
// "AppSpec file example for an Amazon ECS deployment".

import type { Service } from '@aws-sdk/client-ecs';
import { isRecord } from './json.ts';

export interface AppSpecProblem {
  /** What is wrong and the fix, without the file's text. */
  problem: string;
}

/** The AppSpec of an ECS deployment, as much of it as the action builds or checks. */
export type AppSpec = Record<string, unknown>;

/**
 * The AppSpec for `service` moving to `taskDefinitionArn`: the load balancer's container
 * and port, and the service's platform version, network configuration and capacity
 * providers, so the green task set runs like the blue one. No hooks: those live in a file.
 */
export function appSpecFromService(service: Service, taskDefinitionArn: string): AppSpec | AppSpecProblem {
  const lb = (service.loadBalancers ?? []).find((l) => l.containerName !== undefined && l.containerPort !== undefined);
  if (lb?.containerName === undefined || lb.containerPort === undefined) {
    return {
      problem: `service '${service.serviceName ?? '?'}' has no load balancer with a container name and port, which a CodeDeploy blue/green AppSpec needs: give an AppSpec file in input 'codedeploy-appspec'`,
    };
  }
  const properties: Record<string, unknown> = {
    TaskDefinition: taskDefinitionArn,
    LoadBalancerInfo: { ContainerName: lb.containerName, ContainerPort: lb.containerPort },
  };
  if (service.platformVersion !== undefined) properties.PlatformVersion = service.platformVersion;
  const vpc = service.networkConfiguration?.awsvpcConfiguration;
  if (vpc !== undefined) {
    properties.NetworkConfiguration = {
      AwsvpcConfiguration: {
        Subnets: vpc.subnets ?? [],
        ...(vpc.securityGroups === undefined ? {} : { SecurityGroups: vpc.securityGroups }),
        ...(vpc.assignPublicIp === undefined ? {} : { AssignPublicIp: vpc.assignPublicIp }),
      },
    };
  }
  const strategy = service.capacityProviderStrategy ?? [];
  if (strategy.length > 0) {
    properties.CapacityProviderStrategy = strategy.map((s) => ({
      CapacityProvider: s.capacityProvider,
      ...(s.base === undefined ? {} : { Base: s.base }),
      ...(s.weight === undefined ? {} : { Weight: s.weight }),
    }));
  }
  return { version: 0.0, Resources: [{ TargetService: { Type: 'AWS::ECS::Service', Properties: properties } }] };
}

/**
 * The user's AppSpec with the TaskDefinition of its one ECS TargetService replaced (a
 * placeholder such as `<TASK_DEFINITION>` is fine), or what is wrong with it.
 */
export function appSpecFromFile(doc: unknown, taskDefinitionArn: string): AppSpec | AppSpecProblem {
  if (!isRecord(doc))
    return { problem: 'it is not a mapping: write an AppSpec with version, Resources and optional Hooks' };
  const resources = doc.Resources;
  if (!Array.isArray(resources) || resources.length !== 1) {
    return { problem: "its 'Resources' is not a list of exactly one resource: an ECS AppSpec names one TargetService" };
  }
  const [resource] = resources as unknown[];
  const name = isRecord(resource) ? Object.keys(resource)[0] : undefined;
  const target = name === undefined || !isRecord(resource) ? undefined : resource[name];
  if (name === undefined || !isRecord(target) || target.Type !== 'AWS::ECS::Service' || !isRecord(target.Properties)) {
    return {
      problem:
        "its resource is not an ECS service: write 'Type: AWS::ECS::Service' with 'Properties' (TaskDefinition, LoadBalancerInfo)",
    };
  }
  const properties = target.Properties;
  if (!isRecord(properties.LoadBalancerInfo)) {
    return {
      problem: `its resource '${name}' has no 'LoadBalancerInfo' (ContainerName, ContainerPort): add the container and port the load balancer sends traffic to`,
    };
  }
  const replaced = { ...target, Properties: { ...properties, TaskDefinition: taskDefinitionArn } };
  return { ...doc, Resources: [{ [name]: replaced }] };
}

export function isAppSpecProblem(value: AppSpec | AppSpecProblem): value is AppSpecProblem {
  return typeof (value as AppSpecProblem).problem === 'string' && Object.keys(value).length === 1;
}

/** The Lambda function each hook event runs, from the AppSpec's `Hooks` (list of one-entry maps). */
export function hooksOf(appSpec: AppSpec): Record<string, string> {
  const hooks = appSpec.Hooks;
  const found: Record<string, string> = {};
  if (!Array.isArray(hooks)) return found;
  for (const entry of hooks as unknown[]) {
    if (!isRecord(entry)) continue;
    for (const [event, fn] of Object.entries(entry)) if (typeof fn === 'string') found[event] = fn;
  }
  return found;
}

/** The AppSpec as CodeDeploy's AppSpecContent takes it (JSON is accepted as well as YAML). */
export function appSpecText(appSpec: AppSpec): string {
  return JSON.stringify(appSpec, null, 2);
}
