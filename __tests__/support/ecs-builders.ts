import type { Container, Deployment, Service, ServiceEvent, Task } from '@aws-sdk/client-ecs';

// Builders for ECS response objects. Each call returns fresh objects with realistic
// defaults (a healthy, completed deployment of web:5 in cluster 'prod'); tests override
// only the fields their sentence is about. Overrides are shallow.

export const ACCOUNT = '123456789012';
export const REGION = 'us-east-1';
export const CLUSTER = 'prod';

export function taskDefinitionArn(family = 'web', revision = 5): string {
  return `arn:aws:ecs:${REGION}:${ACCOUNT}:task-definition/${family}:${revision}`;
}

export function taskArn(taskId = '0123456789abcdef0123456789abcdef', cluster = CLUSTER): string {
  return `arn:aws:ecs:${REGION}:${ACCOUNT}:task/${cluster}/${taskId}`;
}

/** A PRIMARY deployment of web:5 that has completed: 2 of 2 running. */
export function aDeployment(overrides: Partial<Deployment> = {}): Deployment {
  return {
    id: 'ecs-svc/1111111111111111111',
    status: 'PRIMARY',
    taskDefinition: taskDefinitionArn('web', 5),
    desiredCount: 2,
    pendingCount: 0,
    runningCount: 2,
    failedTasks: 0,
    rolloutState: 'COMPLETED',
    rolloutStateReason: 'ECS deployment ecs-svc/1111111111111111111 completed.',
    createdAt: new Date('2025-01-01T10:00:00.000Z'),
    updatedAt: new Date('2025-01-01T10:05:00.000Z'),
    launchType: 'FARGATE',
    ...overrides,
  };
}

/** An older deployment (web:4) still draining next to a newer one. */
export function anOldDeployment(overrides: Partial<Deployment> = {}): Deployment {
  return aDeployment({
    id: 'ecs-svc/0000000000000000000',
    status: 'ACTIVE',
    taskDefinition: taskDefinitionArn('web', 4),
    rolloutState: 'COMPLETED',
    rolloutStateReason: 'ECS deployment ecs-svc/0000000000000000000 completed.',
    createdAt: new Date('2024-12-01T10:00:00.000Z'),
    ...overrides,
  });
}

/** An ACTIVE service 'web' in cluster 'prod' running one completed deployment. */
export function aService(overrides: Partial<Service> = {}): Service {
  return {
    serviceName: 'web',
    serviceArn: `arn:aws:ecs:${REGION}:${ACCOUNT}:service/${CLUSTER}/web`,
    clusterArn: `arn:aws:ecs:${REGION}:${ACCOUNT}:cluster/${CLUSTER}`,
    status: 'ACTIVE',
    desiredCount: 2,
    runningCount: 2,
    pendingCount: 0,
    launchType: 'FARGATE',
    taskDefinition: taskDefinitionArn('web', 5),
    deployments: [aDeployment()],
    events: [],
    ...overrides,
  };
}

export function aContainer(overrides: Partial<Container> = {}): Container {
  return {
    name: 'app',
    image: `${ACCOUNT}.dkr.ecr.${REGION}.amazonaws.com/web:v1.2.3`,
    lastStatus: 'STOPPED',
    exitCode: 1,
    ...overrides,
  };
}

/** A task of deployment ecs-svc/1111111111111111111 whose essential container exited 1. */
export function aStoppedTask(overrides: Partial<Task> = {}): Task {
  return {
    taskArn: taskArn(),
    clusterArn: `arn:aws:ecs:${REGION}:${ACCOUNT}:cluster/${CLUSTER}`,
    taskDefinitionArn: taskDefinitionArn('web', 5),
    startedBy: 'ecs-svc/1111111111111111111',
    lastStatus: 'STOPPED',
    desiredStatus: 'STOPPED',
    stopCode: 'EssentialContainerExited',
    stoppedReason: 'Essential container in task exited',
    createdAt: new Date('2025-01-01T10:00:00.000Z'),
    stoppedAt: new Date('2025-01-01T10:01:00.000Z'),
    containers: [aContainer()],
    ...overrides,
  };
}

export function aServiceEvent(overrides: Partial<ServiceEvent> = {}): ServiceEvent {
  return {
    id: 'event-1',
    createdAt: new Date('2025-01-01T10:00:00.000Z'),
    message: '(service web) has reached a steady state.',
    ...overrides,
  };
}
