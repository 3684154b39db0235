import type { RegisterTaskDefinitionCommandInput, Service, Tag, TaskDefinition } from '@aws-sdk/client-ecs';
import {
  CreateClusterCommand,
  CreateServiceCommand,
  DescribeServicesCommand,
  DescribeTaskDefinitionCommand,
  ECSClient,
  ListTaskDefinitionsCommand,
  ListTasksCommand,
  RegisterTaskDefinitionCommand,
} from '@aws-sdk/client-ecs';
import type { MotoServer } from './moto.ts';
import { startMoto } from './moto.ts';
import type { ScenarioProxy } from './scenario-proxy.ts';
import { startScenarioProxy } from './scenario-proxy.ts';

export const TEST_REGION = 'us-east-1';
export const TEST_ACCOUNT = '123456789012';
export const TEST_CREDENTIALS = { accessKeyId: 'testing', secretAccessKey: 'testing' } as const;
export const APP_IMAGE = `${TEST_ACCOUNT}.dkr.ecr.${TEST_REGION}.amazonaws.com/app:1.0.0`;
/** The next release of the app, as a deploy gives it in input 'image'. */
export const NEXT_APP_IMAGE = `${TEST_ACCOUNT}.dkr.ecr.${TEST_REGION}.amazonaws.com/app:2.0.0`;
export const SIDECAR_IMAGE = `${TEST_ACCOUNT}.dkr.ecr.${TEST_REGION}.amazonaws.com/log-router:2.3.1`;

export function ecsClient(endpoint: string): ECSClient {
  return new ECSClient({ endpoint, region: TEST_REGION, credentials: TEST_CREDENTIALS, maxAttempts: 1 });
}

/**
 * A Fargate task definition with most of the fields people actually use, so a render
 * that drops or mangles one of them shows up in a comparison. Its app container runs
 * APP_IMAGE, or `appImage` when given.
 */
export function richTaskDefinition(family: string, appImage?: string): RegisterTaskDefinitionCommandInput {
  const rich: RegisterTaskDefinitionCommandInput = {
    family,
    cpu: '256',
    memory: '512',
    networkMode: 'awsvpc',
    requiresCompatibilities: ['FARGATE'],
    runtimePlatform: { cpuArchitecture: 'ARM64', operatingSystemFamily: 'LINUX' },
    ephemeralStorage: { sizeInGiB: 30 },
    executionRoleArn: `arn:aws:iam::${TEST_ACCOUNT}:role/ecsTaskExecutionRole`,
    taskRoleArn: `arn:aws:iam::${TEST_ACCOUNT}:role/${family}-task`,
    volumes: [
      { name: 'scratch' },
      {
        name: 'shared-config',
        efsVolumeConfiguration: { fileSystemId: 'fs-12345678', rootDirectory: '/config', transitEncryption: 'ENABLED' },
      },
    ],
    containerDefinitions: [
      {
        name: 'app',
        image: APP_IMAGE,
        essential: true,
        memoryReservation: 256,
        portMappings: [{ containerPort: 8080, hostPort: 8080, protocol: 'tcp', name: 'http' }],
        environment: [
          { name: 'LOG_LEVEL', value: 'info' },
          { name: 'PORT', value: '8080' },
        ],
        secrets: [
          {
            name: 'DATABASE_URL',
            valueFrom: `arn:aws:ssm:${TEST_REGION}:${TEST_ACCOUNT}:parameter/${family}/database-url`,
          },
        ],
        mountPoints: [{ sourceVolume: 'scratch', containerPath: '/tmp/scratch', readOnly: false }],
        logConfiguration: {
          logDriver: 'awslogs',
          options: { 'awslogs-group': `/ecs/${family}`, 'awslogs-region': TEST_REGION, 'awslogs-stream-prefix': 'app' },
        },
        healthCheck: {
          command: ['CMD-SHELL', 'curl -f http://localhost:8080/health || exit 1'],
          interval: 30,
          timeout: 5,
          retries: 3,
          startPeriod: 10,
        },
      },
      {
        name: 'sidecar',
        image: SIDECAR_IMAGE,
        essential: false,
        cpu: 64,
        memory: 128,
        mountPoints: [{ sourceVolume: 'shared-config', containerPath: '/etc/sidecar', readOnly: true }],
      },
    ],
    tags: [{ key: 'team', value: 'payments' }],
  };
  if (appImage === undefined) return rich;
  // The app container runs `appImage` (e.g. a pinned image an earlier deploy left behind).
  return {
    ...rich,
    containerDefinitions: rich.containerDefinitions?.map((c) => (c.name === 'app' ? { ...c, image: appImage } : c)),
  };
}

export interface SeedServiceOptions {
  endpoint: string;
  cluster: string;
  service: string;
  /** Defaults to `richTaskDefinition(<service>-td)`. */
  taskDefinition?: RegisterTaskDefinitionCommandInput;
  desiredCount?: number;
  /** Deployment circuit breaker on the service, as ECS stores it. */
  circuitBreaker?: { enable: boolean; rollback: boolean };
  /** `deploymentController.type` (DeploymentControllerType in the ECS model); ECS's default when absent. */
  deploymentController?: 'ECS' | 'CODE_DEPLOY' | 'EXTERNAL';
}

export interface SeededService {
  clusterArn: string;
  serviceArn: string;
  serviceName: string;
  family: string;
  taskDefinitionArn: string;
  service: Service;
}

/** The default VPC's default-for-AZ subnets and its default security group, read from moto's EC2. */
export async function defaultNetwork(endpoint: string): Promise<{ subnets: string[]; securityGroups: string[] }> {
  const subnetsXml = await ec2Query(endpoint, 'DescribeSubnets', {
    'Filter.1.Name': 'default-for-az',
    'Filter.1.Value.1': 'true',
  });
  const groupsXml = await ec2Query(endpoint, 'DescribeSecurityGroups', {
    'Filter.1.Name': 'group-name',
    'Filter.1.Value.1': 'default',
  });
  const subnets = [...subnetsXml.matchAll(/<subnetId>([^<]+)<\/subnetId>/g)].map((m) => m[1] ?? '');
  const securityGroups = [...groupsXml.matchAll(/<groupId>([^<]+)<\/groupId>/g)].map((m) => m[1] ?? '');
  if (subnets.length === 0 || securityGroups.length === 0) {
    throw new Error(
      `moto at ${endpoint} has no default VPC subnets/security group (found ${subnets.length}/${securityGroups.length})`,
    );
  }
  return { subnets: subnets.slice(0, 2), securityGroups: [...new Set(securityGroups)].slice(0, 1) };
}

async function ec2Query(endpoint: string, action: string, params: Record<string, string>): Promise<string> {
  const body = new URLSearchParams({ Action: action, Version: '2016-11-15', ...params });
  const response = await fetch(endpoint, {
    method: 'POST',
    headers: {
      'content-type': 'application/x-www-form-urlencoded; charset=utf-8',
      // moto routes on the service name in the credential scope; the signature is not checked.
      authorization: `AWS4-HMAC-SHA256 Credential=testing/20250101/${TEST_REGION}/ec2/aws4_request, SignedHeaders=host, Signature=0`,
    },
    body,
  });
  const text = await response.text();
  if (!response.ok)
    throw new Error(`EC2 ${action} against ${endpoint} answered ${response.status}: ${text.slice(0, 500)}`);
  return text;
}

/** Register the task definition, create the cluster and a Fargate service using it. */
export async function seedService(options: SeedServiceOptions): Promise<SeededService> {
  const client = ecsClient(options.endpoint);
  try {
    const input = options.taskDefinition ?? richTaskDefinition(`${options.service}-td`);
    const family = input.family ?? options.service;
    const cluster = await client.send(new CreateClusterCommand({ clusterName: options.cluster }));
    const registered = await client.send(new RegisterTaskDefinitionCommand(input));
    const taskDefinitionArn = registered.taskDefinition?.taskDefinitionArn;
    if (taskDefinitionArn === undefined) throw new Error(`RegisterTaskDefinition for '${family}' returned no ARN`);
    const network = await defaultNetwork(options.endpoint);
    // An EXTERNAL service has no task definition, launch type or network of its own: its task sets carry them
    // (https://docs.aws.amazon.com/AmazonECS/latest/APIReference/API_CreateService.html).
    const external = options.deploymentController === 'EXTERNAL';
    const created = await client.send(
      new CreateServiceCommand({
        cluster: options.cluster,
        serviceName: options.service,
        desiredCount: options.desiredCount ?? 2,
        ...(options.deploymentController === undefined
          ? {}
          : { deploymentController: { type: options.deploymentController } }),
        ...(external
          ? {}
          : {
              taskDefinition: taskDefinitionArn,
              launchType: 'FARGATE' as const,
              networkConfiguration: {
                awsvpcConfiguration: {
                  subnets: network.subnets,
                  securityGroups: network.securityGroups,
                  assignPublicIp: 'DISABLED' as const,
                },
              },
              deploymentConfiguration: {
                maximumPercent: 200,
                minimumHealthyPercent: 100,
                deploymentCircuitBreaker: options.circuitBreaker ?? { enable: true, rollback: true },
              },
            }),
      }),
    );
    const service = created.service;
    if (service?.serviceArn === undefined) throw new Error(`CreateService '${options.service}' returned no service`);
    return {
      clusterArn: cluster.cluster?.clusterArn ?? '',
      serviceArn: service.serviceArn,
      serviceName: options.service,
      family,
      taskDefinitionArn,
      service,
    };
  } finally {
    client.destroy();
  }
}

/** A cluster and `richTaskDefinition(family)` registered, without a service; the revision's ARN. */
export async function seedFamily(endpoint: string, cluster: string, family: string): Promise<string> {
  const client = ecsClient(endpoint);
  try {
    await client.send(new CreateClusterCommand({ clusterName: cluster }));
    const registered = await client.send(new RegisterTaskDefinitionCommand(richTaskDefinition(family)));
    return registered.taskDefinition?.taskDefinitionArn ?? '';
  } finally {
    client.destroy();
  }
}

/** Task ARNs moto itself lists for the cluster (any status). */
export async function listTaskArns(endpoint: string, cluster: string): Promise<string[]> {
  const client = ecsClient(endpoint);
  try {
    return (await client.send(new ListTasksCommand({ cluster }))).taskArns ?? [];
  } finally {
    client.destroy();
  }
}

/** Every ACTIVE revision ARN of a family, oldest first. */
export async function listRevisions(endpoint: string, family: string): Promise<string[]> {
  const client = ecsClient(endpoint);
  try {
    const arns: string[] = [];
    let nextToken: string | undefined;
    do {
      const page = await client.send(new ListTaskDefinitionsCommand({ familyPrefix: family, sort: 'ASC', nextToken }));
      arns.push(...(page.taskDefinitionArns ?? []));
      nextToken = page.nextToken;
    } while (nextToken !== undefined);
    // familyPrefix is a prefix: 'web' would also list 'web-api'.
    return arns.filter((arn) => arn.split('/').pop()?.replace(/:\d+$/, '') === family);
  } finally {
    client.destroy();
  }
}

export async function describeTaskDefinitionWithTags(
  endpoint: string,
  taskDefinition: string,
): Promise<{ taskDefinition: TaskDefinition; tags: Tag[] }> {
  const client = ecsClient(endpoint);
  try {
    const out = await client.send(new DescribeTaskDefinitionCommand({ taskDefinition, include: ['TAGS'] }));
    if (out.taskDefinition === undefined)
      throw new Error(`DescribeTaskDefinition '${taskDefinition}' returned nothing`);
    return { taskDefinition: out.taskDefinition, tags: out.tags ?? [] };
  } finally {
    client.destroy();
  }
}

export async function describeService(endpoint: string, cluster: string, service: string): Promise<Service> {
  const client = ecsClient(endpoint);
  try {
    const out = await client.send(new DescribeServicesCommand({ cluster, services: [service] }));
    const found = out.services?.[0];
    if (found === undefined) throw new Error(`DescribeServices '${service}' in '${cluster}' found nothing`);
    return found;
  } finally {
    client.destroy();
  }
}

export interface EcsTestbed {
  moto: MotoServer;
  proxy: ScenarioProxy;
  /** What runAction needs to talk to the proxy (and so to moto). */
  awsEnv: Record<string, string>;
  stop(): Promise<void>;
}

export interface EcsTestbedOptions {
  /** Extra environment for moto_server, e.g. MOTO_LAMBDA_STUB_ECR=false (see aws-fixtures.ts). */
  motoEnv?: Record<string, string>;
}

/** moto_server plus a scenario proxy in front of it; `stop` stops both and tolerates half-started states. */
export async function startEcsTestbed(options: EcsTestbedOptions = {}): Promise<EcsTestbed> {
  const moto = await startMoto(options.motoEnv === undefined ? {} : { env: options.motoEnv });
  try {
    return await testbedOn(moto, { ownsMoto: true });
  } catch (error) {
    await moto.stop();
    throw error;
  }
}

/**
 * A scenario proxy in front of a moto that is already running; `stop` stops the proxy, and
 * moto too when `ownsMoto` (otherwise whoever started moto stops it).
 */
export async function testbedOn(moto: MotoServer, options: { ownsMoto: boolean }): Promise<EcsTestbed> {
  const proxy = await startScenarioProxy(moto.url);
  return {
    moto,
    proxy,
    awsEnv: {
      AWS_REGION: TEST_REGION,
      AWS_ACCESS_KEY_ID: TEST_CREDENTIALS.accessKeyId,
      AWS_SECRET_ACCESS_KEY: TEST_CREDENTIALS.secretAccessKey,
      AWS_ENDPOINT_URL: proxy.url,
    },
    async stop() {
      try {
        await proxy.stop();
      } finally {
        if (options.ownsMoto) await moto.stop();
      }
    },
  };
}
