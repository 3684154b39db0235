import type { Container, RunTaskCommandInput, Task } from '@aws-sdk/client-ecs';
import { describe, expect, it } from 'vitest';
import { UserError } from '../../../src/errors.ts';
import { planRunTaskDefinition, selectRunTaskContainer } from '../../../src/plan/run-task-definition.ts';
import {
  clientTokenFor,
  parseCapacityProviderStrategy,
  parseCommand,
  parseIdList,
} from '../../../src/plan/run-task-inputs.ts';
import {
  buildRunTaskRequest,
  checkLaunch,
  describeRunTaskFailures,
  type Launch,
  type RunTaskRequestInput,
  type TaskNetwork,
} from '../../../src/plan/run-task-request.ts';
import {
  cloudWatchLogsUrl,
  judgeStoppedTask,
  logLocations,
  type TaskJudgement,
  taskStatusLine,
} from '../../../src/plan/run-task-result.ts';
import type { TaskDefinitionDoc } from '../../../src/plan/task-definition-types.ts';

const ACCOUNT = '123456789012';
const REGION = 'eu-west-1';
const REPO = `${ACCOUNT}.dkr.ecr.${REGION}.amazonaws.com/migrate`;
const TD_ARN = `arn:aws:ecs:${REGION}:${ACCOUNT}:task-definition/migrate:3`;
const TASK_ID = '0123456789abcdef0123456789abcdef';
const TASK_ARN = `arn:aws:ecs:${REGION}:${ACCOUNT}:task/prod/${TASK_ID}`;

function thrown(fn: () => unknown): UserError {
  try {
    fn();
  } catch (error) {
    if (error instanceof UserError) return error;
    throw error;
  }
  throw new Error('expected a UserError, nothing was thrown');
}

describe('parseCommand', () => {
  it.each<[string, string, string[]]>([
    ['a JSON array', '["npm","run","migrate"]', ['npm', 'run', 'migrate']],
    [
      'a JSON array with spaces inside words',
      '[ "sh", "-c", "npm run migrate && echo ok" ]',
      ['sh', '-c', 'npm run migrate && echo ok'],
    ],
    ['a JSON array keeping an empty word', '["echo", ""]', ['echo', '']],
    ['plain words', 'npm run migrate', ['npm', 'run', 'migrate']],
    ['words across spaces, tabs and lines', '  npm \t run\n  migrate  ', ['npm', 'run', 'migrate']],
    ['a double-quoted group', 'sh -c "npm run migrate && echo ok"', ['sh', '-c', 'npm run migrate && echo ok']],
    ['a single-quoted group', "sh -c 'echo $HOME'", ['sh', '-c', 'echo $HOME']],
    ['quoted parts joined to a word', '--name="a b"c', ['--name=a bc']],
    ['an empty quoted word', 'echo "" x', ['echo', '', 'x']],
    ['escaped quotes inside double quotes', 'echo "say \\"hi\\" \\\\ \\$x"', ['echo', 'say "hi" \\ $x']],
    ['a backslash inside double quotes that escapes nothing', 'echo "a\\nb"', ['echo', 'a\\nb']],
    ['a backslash inside single quotes', "echo 'a\\b'", ['echo', 'a\\b']],
    ['an escaped space outside quotes', 'ls my\\ dir', ['ls', 'my dir']],
    ['a line continuation', 'npm run \\\nmigrate', ['npm', 'run', 'migrate']],
    ['a single word', 'migrate', ['migrate']],
  ])('reads %s', (_name, raw, expected) => {
    expect(parseCommand(raw)).toEqual(expected);
  });

  it.each<[string, string, string[]]>([
    ['nothing', '', ["Input 'command' is empty", '["npm","run","migrate"]']],
    ['only blanks', ' \n\t ', ["Input 'command' is empty"]],
    [
      'an unterminated double quote',
      'sh -c "npm run migrate',
      ["Input 'command' ('sh -c \"npm run migrate')", 'unterminated double quote'],
    ],
    ['an unterminated single quote', "echo 'hi", ['unterminated single quote']],
    ['a JSON array with a number', '["sleep", 30]', ['non-string at position 1 (30)', '["sleep","30"]']],
    ['a JSON array with null', '[null]', ['non-string at position 0 (null)']],
    ['an empty JSON array', '[]', ["('[]') is an empty JSON array"]],
    ['broken JSON', '["npm", "run"', ["starts with '[' but is not valid JSON"]],
  ])('rejects %s', (_name, raw, parts) => {
    const error = thrown(() => parseCommand(raw));
    for (const part of parts) expect(error.message).toContain(part);
  });
});

describe('parseCapacityProviderStrategy', () => {
  it.each<[string, string, Array<{ capacityProvider: string; weight: number; base: number }>]>([
    ['one provider', 'FARGATE:1', [{ capacityProvider: 'FARGATE', weight: 1, base: 0 }]],
    [
      'commas, with a base',
      'FARGATE_SPOT:3, FARGATE:1:1',
      [
        { capacityProvider: 'FARGATE_SPOT', weight: 3, base: 0 },
        { capacityProvider: 'FARGATE', weight: 1, base: 1 },
      ],
    ],
    [
      'lines and spaces around colons',
      '\n my-asg-provider : 2 \n FARGATE:0:0\n',
      [
        { capacityProvider: 'my-asg-provider', weight: 2, base: 0 },
        { capacityProvider: 'FARGATE', weight: 0, base: 0 },
      ],
    ],
    [
      'the largest weight and base',
      'FARGATE:1000:100000',
      [{ capacityProvider: 'FARGATE', weight: 1000, base: 100000 }],
    ],
  ])('reads %s', (_name, raw, expected) => {
    expect(parseCapacityProviderStrategy(raw)).toEqual(expected);
  });

  it.each<[string, string, string]>([
    ['nothing', ' , ', 'names no capacity provider'],
    ['a provider without weight', 'FARGATE', "has 'FARGATE', which is not provider:weight[:base]"],
    ['too many parts', 'FARGATE:1:0:2', "has 'FARGATE:1:0:2'"],
    ['a bad provider name', 'FAR GATE:1', "has 'FAR GATE:1'"],
    ['a negative weight', 'FARGATE:-1', "gives 'FARGATE' weight '-1': use a whole number from 0 to 1000"],
    ['a weight over 1000', 'FARGATE:1001', "weight '1001'"],
    ['a fractional weight', 'FARGATE:1.5', "weight '1.5'"],
    ['a base over 100000', 'FARGATE:1:100001', "base '100001': use a whole number from 0 to 100000"],
    ['a provider twice', 'FARGATE:1, FARGATE:2', "names 'FARGATE' more than once"],
    ['two bases', 'FARGATE:1:1, FARGATE_SPOT:1:2', "gives a base to 'FARGATE' and 'FARGATE_SPOT'"],
    ['only zero weights', 'FARGATE:0:1', 'gives every capacity provider weight 0'],
  ])('rejects %s', (_name, raw, message) => {
    const error = thrown(() => parseCapacityProviderStrategy(raw));
    expect(error.message).toContain("Input 'capacity-provider-strategy'");
    expect(error.message).toContain(message);
  });
});

describe('parseIdList', () => {
  it.each<[string, string, string, string[]]>([
    ['nothing', '', 'subnet-', []],
    ['one subnet', 'subnet-0123456789abcdef0', 'subnet-', ['subnet-0123456789abcdef0']],
    [
      'subnets on lines and commas',
      ' subnet-aaaa1111,\nsubnet-bbbb2222 \n',
      'subnet-',
      ['subnet-aaaa1111', 'subnet-bbbb2222'],
    ],
    ['a subnet given twice', 'subnet-aaaa1111, subnet-aaaa1111', 'subnet-', ['subnet-aaaa1111']],
    ['security groups, prefix without its dash', 'sg-0abc, sg-0def', 'sg', ['sg-0abc', 'sg-0def']],
  ])('reads %s', (_name, raw, prefix, expected) => {
    expect(parseIdList(raw, 'subnets', prefix)).toEqual(expected);
  });

  it.each<[string, string, string, string, string]>([
    [
      'a name instead of an id',
      'private-a',
      'subnets',
      'subnet-',
      "Input 'subnets' has 'private-a', which is not an id like subnet-0123456789abcdef0",
    ],
    ['upper-case hex', 'subnet-ABCD', 'subnets', 'subnet-', "has 'subnet-ABCD'"],
    ['a security group in the subnets', 'sg-0abc', 'subnets', 'subnet-', "has 'sg-0abc'"],
    [
      'a subnet in the security groups',
      'subnet-0abc',
      'security-groups',
      'sg-',
      "Input 'security-groups' has 'subnet-0abc'",
    ],
    [
      '17 subnets',
      Array.from({ length: 17 }, (_, i) => `subnet-${i.toString(16)}`).join(','),
      'subnets',
      'subnet-',
      'has 17 ids: a task takes at most 16',
    ],
    [
      '6 security groups',
      'sg-1,sg-2,sg-3,sg-4,sg-5,sg-6',
      'security-groups',
      'sg-',
      'has 6 ids: a task takes at most 5',
    ],
  ])('rejects %s', (_name, raw, input, prefix, message) => {
    expect(thrown(() => parseIdList(raw, input, prefix)).message).toContain(message);
  });
});

describe('clientTokenFor', () => {
  const parts = ['12345678', '1', 'deploy', 'migrate', 'prod'];

  it('gives the same token for the same parts', () => {
    expect(clientTokenFor([...parts])).toBe(clientTokenFor([...parts]));
  });

  it.each<[string, string[]]>([
    ['another attempt', ['12345678', '2', 'deploy', 'migrate', 'prod']],
    ['parts split differently', ['12345678', '1', 'deploy', 'migrateprod']],
    ['a comma inside a part', ['12345678,1', 'deploy', 'migrate', 'prod']],
  ])('gives another token for %s', (_name, other) => {
    expect(clientTokenFor(other)).not.toBe(clientTokenFor(parts));
  });

  it.each<[string, string[]]>([
    ['ordinary parts', parts],
    ['no parts', []],
    ['long parts with spaces and non-ASCII', ['x'.repeat(500), 'déploiement prod ✓', 'refs/tags/v1.2.3']],
  ])('stays within 64 characters of [a-zA-Z0-9-_] for %s', (_name, given) => {
    expect(clientTokenFor(given)).toMatch(/^[a-zA-Z0-9_-]{1,64}$/);
  });
});

// --- Task definitions ---------------------------------------------------------------------

function aContainerDef(name: string, patch: Record<string, unknown> = {}): Record<string, unknown> {
  return { name, image: `${REPO}:1.0.0`, essential: true, ...patch };
}

function aDefinition(containers: Array<Record<string, unknown>>, patch: TaskDefinitionDoc = {}): TaskDefinitionDoc {
  return {
    family: 'migrate',
    networkMode: 'awsvpc',
    requiresCompatibilities: ['FARGATE'],
    cpu: '256',
    memory: '512',
    containerDefinitions: containers,
    ...patch,
  };
}

function described(td: TaskDefinitionDoc, revision = 3): TaskDefinitionDoc {
  return {
    taskDefinitionArn: `arn:aws:ecs:${REGION}:${ACCOUNT}:task-definition/migrate:${revision}`,
    revision,
    status: 'ACTIVE',
    ...td,
  };
}

const sidecar = aContainerDef('log-router', {
  image: 'public.ecr.aws/aws-observability/aws-for-fluent-bit:2',
  essential: false,
});

describe('selectRunTaskContainer', () => {
  it.each<[string, TaskDefinitionDoc, { containerName?: string; image?: string }, string]>([
    [
      'the one named',
      aDefinition([aContainerDef('app'), aContainerDef('worker')]),
      { containerName: 'worker' },
      'worker',
    ],
    ['the only one', aDefinition([aContainerDef('app')]), { image: 'public.ecr.aws/other/repo:1' }, 'app'],
    [
      'the one using the image repository',
      aDefinition([sidecar, aContainerDef('app')]),
      { image: `${REPO}@sha256:${'a'.repeat(64)}` },
      'app',
    ],
    [
      'the first essential one when no repository matches',
      aDefinition([sidecar, aContainerDef('app', { image: 'public.ecr.aws/x/app:1' }), aContainerDef('worker')]),
      { image: 'public.ecr.aws/other/repo:1' },
      'app',
    ],
    [
      'the first essential one when several use the repository',
      aDefinition([sidecar, aContainerDef('app'), aContainerDef('worker')]),
      { image: `${REPO}:2.0.0` },
      'app',
    ],
    ['the first essential one without an image', aDefinition([sidecar, aContainerDef('worker')]), {}, 'worker'],
  ])('chooses %s', (_name, td, selection, expected) => {
    expect(selectRunTaskContainer(td, selection).containerName).toBe(expected);
  });

  it('names input run-task-container when the named container does not exist', () => {
    const error = thrown(() =>
      selectRunTaskContainer(aDefinition([aContainerDef('app'), sidecar]), { containerName: 'db' }),
    );
    expect(error.message).toBe(
      "Input 'run-task-container' ('db') names no container in task definition 'migrate': its containers are 'app', 'log-router'.",
    );
  });
});

describe('planRunTaskDefinition', () => {
  const registered = described(aDefinition([aContainerDef('app'), sidecar]));

  it('overrides the image of the chosen container and needs a new revision', () => {
    const image = `${REPO}@sha256:${'b'.repeat(64)}`;
    const plan = planRunTaskDefinition({ source: registered, image, overridesContainer: false });

    expect(plan.container?.containerName).toBe('app');
    expect(plan.sourceArn).toBeUndefined();
    expect(plan.changes).toEqual([`container app image: ${REPO}:1.0.0 -> ${image}`]);
    expect(plan.rendered).toEqual(aDefinition([aContainerDef('app', { image }), sidecar]));
  });

  it.each<[string, { image?: string; containerName?: string; overridesContainer: boolean }, string | undefined]>([
    ['no image', { overridesContainer: false }, undefined],
    ['the image it already has', { image: `${REPO}:1.0.0`, overridesContainer: false }, 'app'],
    ['a command override only', { overridesContainer: true }, 'app'],
    ['a named container', { containerName: 'log-router', overridesContainer: true }, 'log-router'],
  ])('runs the registered source as it is with %s', (_name, input, container) => {
    const plan = planRunTaskDefinition({ source: registered, ...input });

    expect(plan.sourceArn).toBe(TD_ARN);
    expect(plan.changes).toEqual([]);
    expect(plan.container?.containerName).toBe(container);
    // Registerable: the describe-only fields are gone.
    expect(plan.rendered.taskDefinitionArn).toBeUndefined();
  });

  it('needs a registration for a file, which has no ARN', () => {
    const plan = planRunTaskDefinition({ source: aDefinition([aContainerDef('app')]), overridesContainer: false });
    expect(plan.sourceArn).toBeUndefined();
  });

  it('leaves the source as it was', () => {
    const source = described(aDefinition([aContainerDef('app')]));
    const copy = structuredClone(source);
    planRunTaskDefinition({ source, image: `${REPO}:9`, overridesContainer: true });
    expect(source).toEqual(copy);
  });
});

// --- The request --------------------------------------------------------------------------

const FARGATE: Launch = { launchType: 'FARGATE' };
const PRIVATE: TaskNetwork = {
  subnets: ['subnet-aaaa1111', 'subnet-bbbb2222'],
  securityGroups: ['sg-0abc'],
  assignPublicIp: false,
};

describe('checkLaunch', () => {
  const awsvpc = aDefinition([aContainerDef('app')]);
  const bridge = aDefinition([aContainerDef('app')], { networkMode: 'bridge', requiresCompatibilities: ['EC2'] });
  const spot: Launch = { capacityProviderStrategy: [{ capacityProvider: 'FARGATE_SPOT', weight: 1, base: 0 }] };
  const asg: Launch = { capacityProviderStrategy: [{ capacityProvider: 'my-asg', weight: 1, base: 0 }] };

  it.each<[string, Parameters<typeof checkLaunch>[0]]>([
    ['Fargate in private subnets', { launch: FARGATE, network: PRIVATE, taskDefinition: awsvpc }],
    [
      'Fargate with a public IP',
      { launch: FARGATE, network: { ...PRIVATE, assignPublicIp: true }, taskDefinition: awsvpc },
    ],
    ['FARGATE_SPOT in subnets', { launch: spot, network: PRIVATE, taskDefinition: awsvpc }],
    ['EC2 with bridge networking and no subnets', { launch: { launchType: 'EC2' }, taskDefinition: bridge }],
    [
      'an Auto Scaling group provider with awsvpc in subnets',
      { launch: asg, network: PRIVATE, taskDefinition: awsvpc },
    ],
    ['Fargate in subnets before the definition is known', { launch: FARGATE, network: PRIVATE }],
  ])('accepts %s', (_name, input) => {
    expect(() => checkLaunch(input)).not.toThrow();
  });

  it.each<[string, Parameters<typeof checkLaunch>[0], string]>([
    [
      'Fargate without subnets',
      { launch: FARGATE, taskDefinition: awsvpc },
      "Input 'subnets' is required: Fargate (launch type FARGATE)",
    ],
    [
      'FARGATE_SPOT without subnets',
      { launch: spot, taskDefinition: awsvpc },
      "Input 'subnets' is required: Fargate (capacity provider strategy)",
    ],
    ['Fargate without subnets, definition unknown', { launch: FARGATE }, "Input 'subnets' is required"],
    [
      'EC2 with awsvpc and no subnets',
      { launch: { launchType: 'EC2' }, taskDefinition: awsvpc },
      "Input 'subnets' is required: task definition 'migrate' (network mode awsvpc)",
    ],
    [
      'Fargate with bridge networking',
      { launch: FARGATE, network: PRIVATE, taskDefinition: bridge },
      "network mode 'bridge', but Fargate (launch type FARGATE) runs only 'awsvpc' tasks",
    ],
    [
      'Fargate without a network mode',
      {
        launch: FARGATE,
        network: PRIVATE,
        taskDefinition: aDefinition([aContainerDef('app')], { networkMode: undefined }),
      },
      "network mode 'bridge (the default)'",
    ],
    [
      'subnets for a bridge task',
      { launch: { launchType: 'EC2' }, network: PRIVATE, taskDefinition: bridge },
      "Input 'subnets' is set, but task definition 'migrate' has network mode 'bridge'",
    ],
    [
      'a public IP on EC2',
      { launch: { launchType: 'EC2' }, network: { ...PRIVATE, assignPublicIp: true }, taskDefinition: awsvpc },
      "Input 'assign-public-ip' is true, but only Fargate tasks get a public IP",
    ],
  ])('rejects %s', (_name, input, message) => {
    expect(thrown(() => checkLaunch(input)).message).toContain(message);
  });
});

describe('buildRunTaskRequest', () => {
  const base: RunTaskRequestInput = {
    cluster: 'prod',
    taskDefinitionArn: TD_ARN,
    launch: FARGATE,
    network: PRIVATE,
    containerName: 'app',
    environment: [],
    startedBy: 'image-deploy',
    clientToken: 'image-deploy-abc',
    tags: [],
    enableEcsManagedTags: false,
  };
  const common = {
    cluster: 'prod',
    taskDefinition: TD_ARN,
    count: 1,
    startedBy: 'image-deploy',
    clientToken: 'image-deploy-abc',
  };
  const privateNetwork = {
    awsvpcConfiguration: {
      subnets: ['subnet-aaaa1111', 'subnet-bbbb2222'],
      securityGroups: ['sg-0abc'],
      assignPublicIp: 'DISABLED' as const,
    },
  };

  it.each<[string, Partial<RunTaskRequestInput>, RunTaskCommandInput]>([
    [
      'Fargate in private subnets, nothing overridden',
      {},
      { ...common, launchType: 'FARGATE', networkConfiguration: privateNetwork },
    ],
    [
      'a public IP',
      { network: { ...PRIVATE, assignPublicIp: true } },
      {
        ...common,
        launchType: 'FARGATE',
        networkConfiguration: {
          awsvpcConfiguration: { ...privateNetwork.awsvpcConfiguration, assignPublicIp: 'ENABLED' },
        },
      },
    ],
    [
      'no security groups (the VPC default)',
      { network: { ...PRIVATE, securityGroups: [] } },
      {
        ...common,
        launchType: 'FARGATE',
        networkConfiguration: { awsvpcConfiguration: { subnets: PRIVATE.subnets, assignPublicIp: 'DISABLED' } },
      },
    ],
    ['no network', { launch: { launchType: 'EC2' }, network: undefined }, { ...common, launchType: 'EC2' }],
    [
      'a capacity provider strategy instead of a launch type',
      {
        launch: {
          capacityProviderStrategy: [
            { capacityProvider: 'FARGATE_SPOT', weight: 3, base: 0 },
            { capacityProvider: 'FARGATE', weight: 1, base: 1 },
          ],
        },
      },
      {
        ...common,
        capacityProviderStrategy: [
          { capacityProvider: 'FARGATE_SPOT', weight: 3, base: 0 },
          { capacityProvider: 'FARGATE', weight: 1, base: 1 },
        ],
        networkConfiguration: privateNetwork,
      },
    ],
    [
      'an empty strategy (the cluster default)',
      { launch: { capacityProviderStrategy: [] } },
      { ...common, networkConfiguration: privateNetwork },
    ],
    [
      'a command only',
      { command: ['npm', 'run', 'migrate'] },
      {
        ...common,
        launchType: 'FARGATE',
        networkConfiguration: privateNetwork,
        overrides: { containerOverrides: [{ name: 'app', command: ['npm', 'run', 'migrate'] }] },
      },
    ],
    [
      'environment only',
      { environment: [{ name: 'DRY', value: '1' }] },
      {
        ...common,
        launchType: 'FARGATE',
        networkConfiguration: privateNetwork,
        overrides: { containerOverrides: [{ name: 'app', environment: [{ name: 'DRY', value: '1' }] }] },
      },
    ],
    [
      'a command and environment for a named container',
      { containerName: 'worker', command: ['sync'], environment: [{ name: 'A', value: 'b' }] },
      {
        ...common,
        launchType: 'FARGATE',
        networkConfiguration: privateNetwork,
        overrides: {
          containerOverrides: [{ name: 'worker', command: ['sync'], environment: [{ name: 'A', value: 'b' }] }],
        },
      },
    ],
    [
      'tags, tag propagation from the task definition and ECS managed tags',
      {
        tags: [
          { key: 'team', value: 'data' },
          { key: 'image-deploy:step', value: 'abc' },
        ],
        propagateTags: 'TASK_DEFINITION',
        enableEcsManagedTags: true,
      },
      {
        ...common,
        launchType: 'FARGATE',
        networkConfiguration: privateNetwork,
        tags: [
          { key: 'team', value: 'data' },
          { key: 'image-deploy:step', value: 'abc' },
        ],
        propagateTags: 'TASK_DEFINITION',
        enableECSManagedTags: true,
      },
    ],
    [
      'propagation NONE, sent as given',
      { propagateTags: 'NONE' },
      { ...common, launchType: 'FARGATE', networkConfiguration: privateNetwork, propagateTags: 'NONE' },
    ],
  ])('builds %s', (_name, patch, expected) => {
    expect(buildRunTaskRequest({ ...base, ...patch })).toEqual(expected);
  });
});

describe('describeRunTaskFailures', () => {
  it('lists each reason with its resource and detail', () => {
    expect(
      describeRunTaskFailures([
        { reason: 'RESOURCE:MEMORY', arn: `arn:aws:ecs:${REGION}:${ACCOUNT}:container-instance/prod/abc` },
        { reason: 'MISSING', detail: ' The cluster has no capacity provider FARGATE. ' },
        {},
      ]),
    ).toEqual([
      `RESOURCE:MEMORY (arn:aws:ecs:${REGION}:${ACCOUNT}:container-instance/prod/abc)`,
      'MISSING: The cluster has no capacity provider FARGATE.',
      'no reason given',
    ]);
  });
});

// --- The stopped task ---------------------------------------------------------------------

function ran(name: string, patch: Partial<Container> = {}): Container {
  return { name, lastStatus: 'STOPPED', exitCode: 0, ...patch };
}

function stoppedTask(containers: Container[], patch: Partial<Task> = {}): Task {
  return {
    taskArn: TASK_ARN,
    taskDefinitionArn: TD_ARN,
    lastStatus: 'STOPPED',
    desiredStatus: 'STOPPED',
    stopCode: 'EssentialContainerExited',
    stoppedReason: 'Essential container in task exited',
    containers,
    ...patch,
  };
}

describe('judgeStoppedTask', () => {
  const appAndSidecar = aDefinition([aContainerDef('app'), sidecar]);
  const twoEssential = aDefinition([aContainerDef('app'), { name: 'worker', image: `${REPO}:1.0.0` }]);

  it.each<[string, { task: Task; taskDefinition: TaskDefinitionDoc; containerName?: string }, TaskJudgement]>([
    [
      'every container exited 0',
      { task: stoppedTask([ran('app'), ran('log-router')]), taskDefinition: appAndSidecar },
      { state: 'succeeded', exitCode: 0, problems: [], notes: [] },
    ],
    [
      'the essential container exited 1',
      {
        task: stoppedTask([ran('app', { exitCode: 1, reason: 'migration 42 failed' }), ran('log-router')]),
        taskDefinition: appAndSidecar,
      },
      {
        state: 'failed',
        exitCode: 1,
        problems: ["essential container 'app' exited with code 1 (migration 42 failed)"],
        notes: [],
      },
    ],
    [
      'a non-essential container exited 2',
      {
        task: stoppedTask([ran('app'), ran('log-router', { exitCode: 2, reason: 'flush failed' })]),
        taskDefinition: appAndSidecar,
      },
      {
        state: 'succeeded',
        exitCode: 0,
        problems: [],
        notes: [
          "container 'log-router' is not essential and exited with code 2 (flush failed); it does not decide the verdict",
        ],
      },
    ],
    [
      'an essential container without an exit code',
      {
        task: stoppedTask(
          [ran('app', { exitCode: undefined, reason: 'CannotPullContainerError: pull access denied' })],
          {
            stopCode: 'TaskFailedToStart',
            stoppedReason: 'CannotPullContainerError',
          },
        ),
        taskDefinition: appAndSidecar,
      },
      {
        state: 'failed',
        problems: ["essential container 'app' has no exit code (CannotPullContainerError: pull access denied)"],
        notes: [],
      },
    ],
    [
      'an essential container missing from the task, told by the stop code and reason',
      {
        task: stoppedTask([], { stopCode: 'UserInitiated', stoppedReason: 'Task stopped by user' }),
        taskDefinition: appAndSidecar,
      },
      {
        state: 'failed',
        problems: ["essential container 'app' has no exit code (UserInitiated: Task stopped by user)"],
        notes: [],
      },
    ],
    [
      "'essential' left out: it counts as essential",
      { task: stoppedTask([ran('app'), ran('worker', { exitCode: 3 })]), taskDefinition: twoEssential },
      { state: 'failed', exitCode: 0, problems: ["essential container 'worker' exited with code 3"], notes: [] },
    ],
    [
      'the exit code of the overridden container',
      {
        task: stoppedTask([ran('app'), ran('worker', { exitCode: 3 })]),
        taskDefinition: twoEssential,
        containerName: 'worker',
      },
      { state: 'failed', exitCode: 3, problems: ["essential container 'worker' exited with code 3"], notes: [] },
    ],
    [
      'no containers in the definition: every container that ran decides',
      { task: stoppedTask([ran('app'), ran('other', { exitCode: 9 })]), taskDefinition: {} },
      { state: 'failed', exitCode: 0, problems: ["essential container 'other' exited with code 9"], notes: [] },
    ],
  ])('judges %s', (_name, input, expected) => {
    expect(judgeStoppedTask(input)).toEqual(expected);
  });
});

describe('taskStatusLine', () => {
  it.each<[string, Partial<Task>, string]>([
    ['a provisioning task', { lastStatus: 'PROVISIONING', desiredStatus: 'RUNNING' }, `task ${TASK_ID}: PROVISIONING`],
    ['a running task', { lastStatus: 'RUNNING', desiredStatus: 'RUNNING' }, `task ${TASK_ID}: RUNNING`],
    [
      'a task being stopped',
      { lastStatus: 'DEPROVISIONING', desiredStatus: 'STOPPED', stoppedReason: 'Essential container in task exited' },
      `task ${TASK_ID}: DEPROVISIONING (stopping: Essential container in task exited)`,
    ],
    ['a task without a status', { lastStatus: undefined }, `task ${TASK_ID}: UNKNOWN`],
  ])('tells %s', (_name, patch, expected) => {
    expect(taskStatusLine({ taskArn: TASK_ARN, ...patch })).toBe(expected);
  });
});

// --- Logs ---------------------------------------------------------------------------------

describe('logLocations', () => {
  const awslogs = (options: Record<string, string>) => ({ logDriver: 'awslogs', options });

  it.each<
    [
      string,
      Array<Record<string, unknown>>,
      Array<{ container: string; group: string; stream?: string; region: string }>,
    ]
  >([
    [
      'a container with a stream prefix',
      [
        aContainerDef('app', {
          logConfiguration: awslogs({
            'awslogs-group': '/ecs/migrate',
            'awslogs-region': 'us-east-2',
            'awslogs-stream-prefix': 'migrate',
          }),
        }),
      ],
      [{ container: 'app', group: '/ecs/migrate', stream: `migrate/app/${TASK_ID}`, region: 'us-east-2' }],
    ],
    [
      'no region option: the task region',
      [
        aContainerDef('app', {
          logConfiguration: awslogs({ 'awslogs-group': '/ecs/migrate', 'awslogs-stream-prefix': 'ecs' }),
        }),
      ],
      [{ container: 'app', group: '/ecs/migrate', stream: `ecs/app/${TASK_ID}`, region: REGION }],
    ],
    [
      'no stream prefix: the group only',
      [
        aContainerDef('app', {
          logConfiguration: awslogs({ 'awslogs-group': '/ecs/migrate', 'awslogs-region': REGION }),
        }),
      ],
      [{ container: 'app', group: '/ecs/migrate', region: REGION }],
    ],
    [
      'only the awslogs containers',
      [
        aContainerDef('app', { logConfiguration: { logDriver: 'awsfirelens', options: { Name: 'cloudwatch' } } }),
        aContainerDef('worker', {
          logConfiguration: awslogs({ 'awslogs-group': 'jobs', 'awslogs-stream-prefix': 'w' }),
        }),
        aContainerDef('plain'),
      ],
      [{ container: 'worker', group: 'jobs', stream: `w/worker/${TASK_ID}`, region: REGION }],
    ],
    [
      'awslogs without a group',
      [aContainerDef('app', { logConfiguration: awslogs({ 'awslogs-stream-prefix': 'x' }) })],
      [],
    ],
  ])('finds %s', (_name, containers, expected) => {
    const locations = logLocations(aDefinition(containers), TASK_ARN);
    expect(locations.map(({ url: _url, ...rest }) => rest)).toEqual(expected);
  });

  it('links the stream in the CloudWatch console', () => {
    const [location] = logLocations(
      aDefinition([
        aContainerDef('app', {
          logConfiguration: awslogs({ 'awslogs-group': '/ecs/migrate', 'awslogs-stream-prefix': 'migrate' }),
        }),
      ]),
      TASK_ARN,
    );
    expect(location?.url).toBe(
      `https://${REGION}.console.aws.amazon.com/cloudwatch/home?region=${REGION}#logsV2:log-groups/log-group/$252Fecs$252Fmigrate/log-events/migrate$252Fapp$252F${TASK_ID}`,
    );
  });
});

describe('logLocations with an awslogs-region that is no region name', () => {
  const awslogs = (options: Record<string, string>) => ({ logDriver: 'awslogs', options });
  it.each([
    ['a host and path', 'evil.example.com/x?'],
    ['a region with a fragment', 'eu-west-1#x'],
    ['upper case', 'EU-WEST-1'],
    ['a space', 'eu west 1'],
  ])('keeps %s out of every URL: no console link', (_name, region) => {
    const [location] = logLocations(
      aDefinition([
        aContainerDef('app', {
          logConfiguration: awslogs({
            'awslogs-group': '/ecs/migrate',
            'awslogs-stream-prefix': 'm',
            'awslogs-region': region,
          }),
        }),
      ]),
      TASK_ARN,
    );
    expect(location).toMatchObject({ container: 'app', group: '/ecs/migrate', region });
    expect(location).not.toHaveProperty('url');
  });

  it.each(['us-gov-west-1', 'cn-northwest-1', 'us-isob-east-1', 'ap-southeast-5'])(
    'links %s, a region name',
    (region) => {
      const [location] = logLocations(
        aDefinition([
          aContainerDef('app', { logConfiguration: awslogs({ 'awslogs-group': 'g', 'awslogs-region': region }) }),
        ]),
        TASK_ARN,
      );
      expect(location?.url).toContain(`region=${region}#logsV2:`);
    },
  );
});

describe('cloudWatchLogsUrl', () => {
  it.each<[string, string, string | undefined, string]>([
    [
      'a group',
      'us-east-1',
      undefined,
      'https://us-east-1.console.aws.amazon.com/cloudwatch/home?region=us-east-1#logsV2:log-groups/log-group/jobs',
    ],
    [
      'China',
      'cn-north-1',
      's',
      'https://console.amazonaws.cn/cloudwatch/home?region=cn-north-1#logsV2:log-groups/log-group/jobs/log-events/s',
    ],
    [
      'GovCloud',
      'us-gov-west-1',
      undefined,
      'https://console.amazonaws-us-gov.com/cloudwatch/home?region=us-gov-west-1#logsV2:log-groups/log-group/jobs',
    ],
    [
      'a stream with special characters',
      'us-east-1',
      'a b/[1]',
      'https://us-east-1.console.aws.amazon.com/cloudwatch/home?region=us-east-1#logsV2:log-groups/log-group/jobs/log-events/a$2520b$252F$255B1$255D',
    ],
    [
      'a stream with parentheses, encoded so no Markdown link ends early',
      'us-east-1',
      "x)(!'*",
      'https://us-east-1.console.aws.amazon.com/cloudwatch/home?region=us-east-1#logsV2:log-groups/log-group/jobs/log-events/x$2529$2528$2521$2527$252A',
    ],
  ])('for %s', (_name, region, stream, expected) => {
    expect(cloudWatchLogsUrl(region, 'jobs', stream)).toBe(expected);
  });
});
