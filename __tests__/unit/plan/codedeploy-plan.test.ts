import type { Service } from '@aws-sdk/client-ecs';
import { describe, expect, it } from 'vitest';
import {
  appSpecFromFile,
  appSpecFromService,
  hooksOf,
  isAppSpecProblem,
} from '../../../src/plan/codedeploy-appspec.ts';
import { groupRefFor, groupTargetProblem, terminationWaitMinutes } from '../../../src/plan/codedeploy-group.ts';
import { codeDeployIntervalMs, nextCodeDeployPoll } from '../../../src/plan/codedeploy-poll.ts';
import { progressLines, trafficSplit } from '../../../src/plan/codedeploy-progress.ts';
import { DEFAULT_POLL_PLAN } from '../../../src/plan/poll-schedule.ts';

const ARN = 'arn:aws:ecs:us-east-1:123456789012:task-definition/web:8';

const service: Service = {
  serviceName: 'web',
  loadBalancers: [
    {
      targetGroupArn: 'arn:aws:elasticloadbalancing:us-east-1:123456789012:targetgroup/blue/1',
      containerName: 'app',
      containerPort: 8080,
    },
  ],
  platformVersion: '1.4.0',
  networkConfiguration: {
    awsvpcConfiguration: { subnets: ['subnet-1'], securityGroups: ['sg-1'], assignPublicIp: 'DISABLED' },
  },
  capacityProviderStrategy: [{ capacityProvider: 'FARGATE_SPOT', weight: 2, base: 1 }],
};

describe('appSpecFromService', () => {
  it('names the new revision and keeps how the service runs', () => {
    expect(appSpecFromService(service, ARN)).toEqual({
      version: 0.0,
      Resources: [
        {
          TargetService: {
            Type: 'AWS::ECS::Service',
            Properties: {
              TaskDefinition: ARN,
              LoadBalancerInfo: { ContainerName: 'app', ContainerPort: 8080 },
              PlatformVersion: '1.4.0',
              NetworkConfiguration: {
                AwsvpcConfiguration: { Subnets: ['subnet-1'], SecurityGroups: ['sg-1'], AssignPublicIp: 'DISABLED' },
              },
              CapacityProviderStrategy: [{ CapacityProvider: 'FARGATE_SPOT', Base: 1, Weight: 2 }],
            },
          },
        },
      ],
    });
  });

  it('refuses a service without a load balancer, pointing at the AppSpec input', () => {
    const result = appSpecFromService({ serviceName: 'web' }, ARN);
    expect(isAppSpecProblem(result) && result.problem).toContain("input 'codedeploy-appspec'");
  });
});

describe('appSpecFromFile', () => {
  const file = {
    version: 0.0,
    Resources: [
      {
        TargetService: {
          Type: 'AWS::ECS::Service',
          Properties: {
            TaskDefinition: '<TASK_DEFINITION>',
            LoadBalancerInfo: { ContainerName: 'app', ContainerPort: 80 },
          },
        },
      },
    ],
    Hooks: [{ AfterAllowTestTraffic: 'validate-green' }],
  };

  it('replaces the placeholder task definition and keeps the hooks', () => {
    const spec = appSpecFromFile(file, ARN);
    expect(isAppSpecProblem(spec)).toBe(false);
    expect(JSON.stringify(spec)).toContain(ARN);
    expect(JSON.stringify(spec)).not.toContain('<TASK_DEFINITION>');
    expect(hooksOf(spec as Record<string, unknown>)).toEqual({ AfterAllowTestTraffic: 'validate-green' });
    expect(file.Resources[0]?.TargetService.Properties.TaskDefinition).toBe('<TASK_DEFINITION>');
  });

  it.each([
    ['a list', [], 'not a mapping'],
    ['no resources', { version: 0.0 }, 'exactly one resource'],
    [
      'a Lambda resource',
      { Resources: [{ fn: { Type: 'AWS::Lambda::Function', Properties: {} } }] },
      'not an ECS service',
    ],
    [
      'no load balancer',
      { Resources: [{ t: { Type: 'AWS::ECS::Service', Properties: { TaskDefinition: 'x' } } }] },
      'LoadBalancerInfo',
    ],
  ])('refuses %s', (_name, doc, problem) => {
    const result = appSpecFromFile(doc, ARN);
    expect(isAppSpecProblem(result) && result.problem).toContain(problem);
  });
});

describe('the deployment group', () => {
  it('defaults to the names the ECS console gives', () => {
    expect(groupRefFor('arn:aws:ecs:us-east-1:123456789012:cluster/prod', 'web', {})).toEqual({
      application: 'AppECS-prod-web',
      group: 'DgpECS-prod-web',
    });
    expect(groupRefFor('prod', 'web', { application: 'a', group: 'g' })).toEqual({ application: 'a', group: 'g' });
  });

  it.each([
    ['targets the service', { ecsServices: [{ clusterName: 'prod', serviceName: 'web' }] }, undefined],
    [
      'targets another service',
      { ecsServices: [{ clusterName: 'prod', serviceName: 'api' }] },
      "targets 'prod/api', not 'prod/web'",
    ],
    [
      'targets another cluster',
      { ecsServices: [{ clusterName: 'staging', serviceName: 'web' }] },
      "targets 'staging/web'",
    ],
    ['deploys Lambda', { computePlatform: 'Lambda' as const }, 'deploys to Lambda'],
  ])('a group that %s', (_name, group, problem) => {
    const found = groupTargetProblem(
      { applicationName: 'AppECS-prod-web', deploymentGroupName: 'DgpECS-prod-web', ...group },
      'prod',
      'web',
    );
    if (problem === undefined) expect(found).toBeUndefined();
    else expect(found).toContain(problem);
  });

  it('reads the termination wait unless the original task set is kept', () => {
    expect(
      terminationWaitMinutes({
        blueGreenDeploymentConfiguration: {
          terminateBlueInstancesOnDeploymentSuccess: { action: 'TERMINATE', terminationWaitTimeInMinutes: 5 },
        },
      }),
    ).toBe(5);
    expect(
      terminationWaitMinutes({
        blueGreenDeploymentConfiguration: { terminateBlueInstancesOnDeploymentSuccess: { action: 'KEEP_ALIVE' } },
      }),
    ).toBeUndefined();
  });
});

describe('progress', () => {
  it('shows events as they start and end, and the traffic split', () => {
    const before = {
      deployment: { deploymentId: 'd-1', status: 'InProgress' as const },
      target: { events: [{ lifecycleEventName: 'AllowTraffic', status: 'Pending' as const }], taskSets: [] },
    };
    const now = {
      deployment: { deploymentId: 'd-1', status: 'InProgress' as const },
      target: {
        events: [
          {
            lifecycleEventName: 'AllowTraffic',
            status: 'Succeeded' as const,
            startTime: new Date(0),
            endTime: new Date(12_000),
          },
        ],
        taskSets: [
          { taskSetLabel: 'Blue' as const, trafficWeight: 0 },
          { taskSetLabel: 'Green' as const, trafficWeight: 100 },
        ],
      },
    };
    expect(progressLines(before, now)).toEqual(['AllowTraffic succeeded after 12s', 'traffic: blue 0% / green 100%']);
    expect(trafficSplit([])).toBeUndefined();
  });
});

describe('codeDeployIntervalMs', () => {
  it.each([
    ['poll-interval left out: 1.5 s, inside the 2 s verdict goal', { intervalMs: 3000 }, 1500],
    ['poll-interval set to 3 s: as written', { intervalMs: 3000, intervalSet: true }, 3000],
    ['poll-interval set to 1 s: as written', { intervalMs: 1000, intervalSet: true }, 1000],
  ])('%s', (_name, wait, expected) => {
    expect(codeDeployIntervalMs(wait)).toBe(expected);
  });
});

describe('nextCodeDeployPoll', () => {
  const plan = { intervalMs: 2000, ...DEFAULT_POLL_PLAN };
  const termination = { state: 'pending', waiting: 'termination' } as const;
  it.each([
    ['an event running', { state: 'pending' } as const, false, 2000],
    ['at Ready (a person continues it)', { state: 'pending', waiting: 'ready' } as const, false, 30_000],
    ['through a termination wait only the clock ends', termination, false, 60_000],
    ['through a termination wait alarms watch', termination, true, 15_000],
  ])('%s', (_name, verdict, watched, expected) => {
    expect(
      nextCodeDeployPoll({ plan, now: 0, verdict, watched, terminationSince: 0, terminationWaitMinutes: 10 }),
    ).toBe(expected);
  });

  it('comes back to the normal interval before the termination wait ends', () => {
    expect(
      nextCodeDeployPoll({
        plan,
        now: 590_000,
        verdict: termination,
        watched: false,
        terminationSince: 0,
        terminationWaitMinutes: 10,
      }),
    ).toBe(2000);
  });
});
