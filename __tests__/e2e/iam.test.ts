import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { CloudWatchClient, PutMetricAlarmCommand } from '@aws-sdk/client-cloudwatch';
import type { RegisterTaskDefinitionCommandInput } from '@aws-sdk/client-ecs';
import { RegisterTaskDefinitionCommand } from '@aws-sdk/client-ecs';
import { CreateAliasCommand, PublishVersionCommand } from '@aws-sdk/client-lambda';
import { beforeAll, describe, expect, it } from 'vitest';
import type { PushedImage, Repository } from '../support/aws-fixtures.ts';
import { createImageFunction, createRepository, lambdaClient, pushImage } from '../support/aws-fixtures.ts';
import { seedCodeDeployService, seedLambdaCodeDeployGroup } from '../support/codedeploy-fixtures.ts';
import { codeDeployOn } from '../support/codedeploy-scenarios.ts';
import { defaultNetwork, ecsClient, richTaskDefinition } from '../support/ecs-fixtures.ts';
import { expressServicesOn, expressTaskDefinition } from '../support/express-scenarios.ts';
import { provisionedConcurrency } from '../support/lambda-traffic-scenarios.ts';
import { REPO_ROOT, runAction, transcript } from '../support/run-action.ts';
import type { RecordedCall } from '../support/scenario-proxy.ts';
import { circuitBreakerRollback, completesAfter } from '../support/scenario-proxy.ts';
import { serviceDeploymentsOn } from '../support/service-deployment-scenarios.ts';
import { taskExits, taskNeverStops } from '../support/task-scenarios.ts';
import { useTestbed } from '../support/testbed.ts';

// "Least privilege": docs/iam/<mode>.json are the policies the README tells users
// to paste. Each mode is run through the proxy (a deploy, and for ecs a failing rollout so
// the failure path's calls are seen); every call must be allowed by the policies of the
// modes the run used, and every action a policy grants must have been called, or be one
// the proxy cannot see (below, with the reason).

const POLICY_MODES = ['image', 'ecs', 'lambda', 'parameter', 'run-task'] as const;
type PolicyMode = (typeof POLICY_MODES)[number];

/** lambda and parameter deploy the image the image mode resolves, so a run of them needs image's policy too. */
const IMPLIED: Record<PolicyMode, PolicyMode[]> = {
  image: [],
  ecs: [],
  lambda: ['image'],
  parameter: ['image'],
  'run-task': [],
};

/**
 * Granted though never seen on the wire: IAM authorizes them as part of a call the proxy
 * sees as one request. Each is needed by some request the mode sends.
 */
const UNSEEN_BUT_NEEDED: Record<PolicyMode, Record<string, string>> = {
  image: {},
  ecs: {
    'ecs:TagResource':
      "RegisterTaskDefinition carries the source revision's tags, and ECS authorizes tags given on create as ecs:TagResource (limited by the ecs:CreateAction condition)",
    'iam:PassRole':
      'RegisterTaskDefinition with taskRoleArn/executionRoleArn needs iam:PassRole on those roles (limited to ecs-tasks.amazonaws.com)',
    'codedeploy:RegisterApplicationRevision':
      'CreateDeployment registers the AppSpec it carries as a revision of the application (CodeDeploy permissions reference)',
    'codedeploy:GetDeploymentConfig':
      "CreateDeployment reads the deployment configuration it names, or the group's (CodeDeploy permissions reference)",
  },
  lambda: {
    'codedeploy:RegisterApplicationRevision':
      'CreateDeployment registers the AppSpec it carries as a revision of the application (CodeDeploy permissions reference)',
    'codedeploy:GetDeploymentConfig':
      "CreateDeployment reads the deployment configuration it names, or the group's (CodeDeploy permissions reference)",
    'ecr:BatchGetImage':
      'UpdateFunctionCode checks that the caller may read the image (required when the repository is in another account)',
    'ecr:GetDownloadUrlForLayer': 'as ecr:BatchGetImage',
  },
  parameter: {
    'ssm:AddTagsToResource':
      'PutParameter with Tags (parameter-tags, when the parameter is created) is authorized as ssm:AddTagsToResource too',
  },
  'run-task': {
    'ecs:TagResource':
      "RegisterTaskDefinition of the rendered revision carries the source's tags, and RunTask the task's tags (tag-on-create, limited by ecs:CreateAction)",
    'iam:PassRole':
      'RegisterTaskDefinition and RunTask of a definition with task/execution roles need iam:PassRole on them (limited to ecs-tasks.amazonaws.com)',
  },
};

/** The ARN every Resource of a statement granting the action must start with: narrowed to the resource type. */
const RESOURCE_TYPES: ReadonlyArray<readonly [RegExp, string]> = [
  [
    /^ecs:(DescribeServices|UpdateService|DescribeExpressGatewayService|UpdateExpressGatewayService)$/,
    'arn:aws:ecs:REGION:ACCOUNT_ID:service/CLUSTER/',
  ],
  [/^ecs:(DescribeTasks|StopTask)$/, 'arn:aws:ecs:REGION:ACCOUNT_ID:task/CLUSTER/'],
  [/^logs:GetLogEvents$/, 'arn:aws:logs:REGION:ACCOUNT_ID:log-group:'],
  [/^ecs:ListServiceDeployments$/, 'arn:aws:ecs:REGION:ACCOUNT_ID:service/CLUSTER/'],
  [
    /^ecs:(DescribeServiceDeployments|StopServiceDeployment)$/,
    'arn:aws:ecs:REGION:ACCOUNT_ID:service-deployment/CLUSTER/',
  ],
  [/^ecs:DescribeServiceRevisions$/, 'arn:aws:ecs:REGION:ACCOUNT_ID:service-revision/CLUSTER/'],
  [/^ecs:RunTask$/, 'arn:aws:ecs:REGION:ACCOUNT_ID:task-definition/'],
  [/^ecr:/, 'arn:aws:ecr:REGION:ACCOUNT_ID:repository/'],
  [/^lambda:/, 'arn:aws:lambda:REGION:ACCOUNT_ID:function:'],
  [/^ssm:/, 'arn:aws:ssm:REGION:ACCOUNT_ID:parameter/'],
  [/^iam:PassRole$/, 'arn:aws:iam::ACCOUNT_ID:role/'],
  [
    /^codedeploy:(GetDeploymentGroup|CreateDeployment|GetDeployment|ListDeploymentTargets|GetDeploymentTarget|StopDeployment|ContinueDeployment)$/,
    'arn:aws:codedeploy:REGION:ACCOUNT_ID:deploymentgroup:',
  ],
  [/^codedeploy:RegisterApplicationRevision$/, 'arn:aws:codedeploy:REGION:ACCOUNT_ID:application:'],
  [/^cloudwatch:DescribeAlarms$/, 'arn:aws:cloudwatch:REGION:ACCOUNT_ID:alarm:'],
  [/^codedeploy:GetDeploymentConfig$/, 'arn:aws:codedeploy:REGION:ACCOUNT_ID:deploymentconfig:'],
];

/**
 * Condition keys IAM reads from the request itself (the cluster a call names): a statement
 * limited by them still grants the call directly, unlike PassRole or tag-on-create grants.
 */
const REQUEST_CONDITION_KEYS: ReadonlySet<string> = new Set(['ecs:cluster']);

/** The cluster every RunTask, UpdateService and ListTasks grant is limited to (a placeholder). */
const CLUSTER_CONDITION = { ArnEquals: { 'ecs:cluster': 'arn:aws:ecs:REGION:ACCOUNT_ID:cluster/CLUSTER' } };

function conditionKeys(condition: Record<string, unknown>): string[] {
  return Object.values(condition).flatMap((operands) => (isRecord(operands) ? Object.keys(operands) : []));
}

/** Limited only by what the request itself says: counts as a direct grant. */
function isRequestScoped(statement: Statement): boolean {
  return (
    statement.Condition === undefined ||
    conditionKeys(statement.Condition).every((key) => REQUEST_CONDITION_KEYS.has(key))
  );
}

/**
 * Actions that take "*": IAM has no resource type for DescribeTaskDefinition and
 * RegisterTaskDefinition; ListTasks is authorized on container instances (a Fargate task
 * has none); the tag-on-create check of TagResource comes before the resource exists.
 */
const UNSCOPED = new Set([
  'ecs:DescribeTaskDefinition',
  'ecs:RegisterTaskDefinition',
  'ecs:ListTasks',
  'ecs:TagResource',
]);

/** SDK operation names that differ from their IAM action. */
// CloudWatch signs as 'monitoring'; its IAM actions are 'cloudwatch:'.
const ACTION_OF_OPERATION: Record<string, string> = {
  'lambda:Invoke': 'lambda:InvokeFunction',
  'monitoring:DescribeAlarms': 'cloudwatch:DescribeAlarms',
};

interface Statement {
  Sid: string;
  Effect: 'Allow';
  Action: string[];
  Resource: string[];
  Condition?: Record<string, unknown>;
}

function policyPath(mode: PolicyMode): string {
  return join(REPO_ROOT, 'docs', 'iam', `${mode}.json`);
}

/** The statements of docs/iam/<mode>.json, with Action and Resource as lists; throws on anything IAM would refuse or we do not use. */
function loadPolicy(mode: PolicyMode): Statement[] {
  const doc = JSON.parse(readFileSync(policyPath(mode), 'utf8')) as unknown;
  const fail = (problem: string): never => {
    throw new Error(`docs/iam/${mode}.json: ${problem}`);
  };
  if (!isRecord(doc)) return fail('is not a JSON object');
  if (doc.Version !== '2012-10-17') fail(`Version is ${JSON.stringify(doc.Version)}, not "2012-10-17"`);
  const extra = Object.keys(doc).filter((k) => k !== 'Version' && k !== 'Statement');
  if (extra.length > 0) fail(`unexpected top-level ${extra.join(', ')}`);
  const statements = doc.Statement;
  if (!Array.isArray(statements) || statements.length === 0) return fail('Statement is not a non-empty list');
  return statements.map((raw: unknown, index) => {
    if (!isRecord(raw)) return fail(`statement ${index} is not an object`);
    const unknownKeys = Object.keys(raw).filter(
      (k) => !['Sid', 'Effect', 'Action', 'Resource', 'Condition'].includes(k),
    );
    if (unknownKeys.length > 0)
      fail(`statement ${index} has ${unknownKeys.join(', ')} (only Sid, Effect, Action, Resource, Condition are used)`);
    const { Sid, Effect, Condition } = raw;
    if (typeof Sid !== 'string' || !/^[A-Za-z0-9]+$/.test(Sid))
      fail(`statement ${index} needs a Sid of letters and digits, got ${JSON.stringify(Sid)}`);
    if (Effect !== 'Allow') fail(`statement ${String(Sid)} has Effect ${JSON.stringify(Effect)}; only Allow is used`);
    const Action =
      stringList(raw.Action) ?? fail(`statement ${String(Sid)}: Action is not a string or a list of strings`);
    const Resource =
      stringList(raw.Resource) ?? fail(`statement ${String(Sid)}: Resource is not a string or a list of strings`);
    for (const action of Action)
      if (!/^[a-z0-9-]+:[A-Za-z0-9*?]+$/.test(action))
        fail(`statement ${String(Sid)}: '${action}' is not service:Action`);
    for (const resource of Resource)
      if (resource !== '*' && !/^arn:aws:[a-z0-9-]+:/.test(resource))
        fail(`statement ${String(Sid)}: '${resource}' is neither '*' nor an ARN`);
    if (Condition !== undefined && !isRecord(Condition)) fail(`statement ${String(Sid)}: Condition is not an object`);
    return { Sid: String(Sid), Effect: 'Allow', Action, Resource, ...(isRecord(Condition) ? { Condition } : {}) };
  });
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function stringList(value: unknown): string[] | undefined {
  if (typeof value === 'string') return [value];
  if (Array.isArray(value) && value.length > 0 && value.every((v): v is string => typeof v === 'string')) return value;
  return undefined;
}

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

/** IAM's Action matching: case-insensitive, '*' any run of characters, '?' one character. */
function actionMatches(pattern: string, action: string): boolean {
  const source = [...pattern].map((c) => (c === '*' ? '.*' : c === '?' ? '.' : escapeRegExp(c))).join('');
  return new RegExp(`^${source}$`, 'i').test(action);
}

/** `service:Action` IAM authorizes a recorded call as; undefined when the proxy could not name it. */
function iamActionOf(call: RecordedCall): string | undefined {
  if (call.service === 'unknown' || !/^[A-Z][A-Za-z0-9]+$/.test(call.operation)) return undefined;
  const action = `${call.service}:${call.operation}`;
  return ACTION_OF_OPERATION[action] ?? action;
}

/**
 * Whether the statements allow the action when the request is made directly: conditional
 * statements grant what IAM checks alongside another request (PassRole, tag-on-create),
 * so they do not count for a call the action itself sends.
 */
function allowsDirectly(statements: readonly Statement[], action: string): boolean {
  return statements.some((s) => isRequestScoped(s) && s.Action.some((pattern) => actionMatches(pattern, action)));
}

/** The policy of a mode, read once; a broken file fails the tests that use it, with loadPolicy's message. */
const policyOf = (() => {
  const loaded = new Map<PolicyMode, Statement[]>();
  return (mode: PolicyMode): Statement[] => {
    let statements = loaded.get(mode);
    if (statements === undefined) loaded.set(mode, (statements = loadPolicy(mode)));
    return statements;
  };
})();

describe('the IAM policies in docs/iam', () => {
  it.each(POLICY_MODES)('%s.json is a policy document IAM accepts, with a Sid per statement', (mode) => {
    expect(() => loadPolicy(mode)).not.toThrow();
  });

  it.each(POLICY_MODES)('%s.json narrows Resource to the resource type wherever IAM has one', (mode) => {
    for (const statement of policyOf(mode)) {
      for (const action of statement.Action) {
        const type = RESOURCE_TYPES.find(([pattern]) => pattern.test(action));
        if (type === undefined) {
          expect(
            UNSCOPED,
            `${mode}.json ${statement.Sid}: ${action} has no entry in RESOURCE_TYPES or UNSCOPED`,
          ).toContain(action);
          continue;
        }
        for (const resource of statement.Resource)
          expect(resource, `${mode}.json ${statement.Sid}: ${action}`).toMatch(
            new RegExp(`^${escapeRegExp(type[1])}.+`),
          );
      }
    }
  });

  it.each(POLICY_MODES)('%s.json grants conditionally only what is authorized alongside another call', (mode) => {
    const conditional = policyOf(mode)
      .filter((s) => !isRequestScoped(s))
      .flatMap((s) => s.Action);
    for (const action of conditional) expect(Object.keys(UNSEEN_BUT_NEEDED[mode])).toContain(action);
  });

  it('uses each Sid once across all files, so the statements of several modes merge into one policy', () => {
    const sids = POLICY_MODES.flatMap((mode) => policyOf(mode).map((s) => s.Sid));
    expect(sids.filter((sid, index) => sids.indexOf(sid) !== index)).toEqual([]);
  });

  it.each(['ecs', 'run-task'] as const)('%s.json lets iam:PassRole pass roles to ECS tasks only', (mode) => {
    const passRole = policyOf(mode).filter((s) => s.Action.some((a) => actionMatches(a, 'iam:PassRole')));
    expect(passRole).toHaveLength(1);
    expect(passRole[0]?.Condition).toEqual({ StringEquals: { 'iam:PassedToService': 'ecs-tasks.amazonaws.com' } });
  });

  // Least privilege, with placeholders to replace instead of wildcards.
  it.each(POLICY_MODES)('%s.json names the account and region by placeholder, never *', (mode) => {
    for (const statement of policyOf(mode)) {
      for (const resource of statement.Resource.filter((r) => r !== '*')) {
        const [, , , region, account] = resource.split(':');
        expect(account, `${mode}.json ${statement.Sid}: ${resource}`).toBe('ACCOUNT_ID');
        if (!resource.startsWith('arn:aws:iam::'))
          expect(region, `${mode}.json ${statement.Sid}: ${resource}`).toBe('REGION');
      }
    }
  });

  it.each(['ecs', 'run-task'] as const)('%s.json passes only the named task and execution roles', (mode) => {
    const passRole = policyOf(mode).filter((s) => s.Action.some((a) => actionMatches(a, 'iam:PassRole')));
    expect(passRole.flatMap((s) => s.Resource)).toEqual([
      'arn:aws:iam::ACCOUNT_ID:role/TASK_ROLE',
      'arn:aws:iam::ACCOUNT_ID:role/EXECUTION_ROLE',
    ]);
  });

  it.each([
    ['run-task', 'ecs:RunTask'],
    ['run-task', 'ecs:StopTask'],
    ['run-task', 'ecs:ListTasks'],
    ['ecs', 'ecs:UpdateService'],
    ['ecs', 'ecs:ListTasks'],
  ] as const)('%s.json grants %s in the named cluster only', (mode, action) => {
    const grants = policyOf(mode).filter((s) => s.Action.some((a) => actionMatches(a, action)));
    expect(grants.length).toBeGreaterThan(0);
    for (const grant of grants) expect(grant.Condition).toEqual(CLUSTER_CONDITION);
  });

  it('matches actions as IAM does', () => {
    expect(actionMatches('ecs:Describe*', 'ecs:DescribeServices')).toBe(true);
    expect(actionMatches('ecs:describeservices', 'ecs:DescribeServices')).toBe(true);
    expect(actionMatches('ecs:Describe?ervices', 'ecs:DescribeServices')).toBe(true);
    expect(actionMatches('ecs:Describe*', 'ecs:UpdateService')).toBe(false);
    expect(actionMatches('ecs:Describe*', 'ecr:DescribeImages')).toBe(false);
    expect(actionMatches('ecs:List', 'ecs:ListTasks')).toBe(false);
    expect(actionMatches('*', 'ssm:PutParameter')).toBe(true);
  });
});

interface Scenario {
  what: string;
  /** The mode whose policy this scenario is for. */
  mode: PolicyMode;
  /** The `mode` input; the run is checked against these modes' policies and those they imply. */
  modes: PolicyMode[];
  inputs: (w: World) => Record<string, string>;
  /** GITHUB_* of the run, when the scenario needs a workflow run (a re-run). */
  env?: Record<string, string>;
  exitCode: 0 | 1;
  /** Calls that prove the scenario took the path it is here for. */
  sends: string[];
}

interface World {
  repo: Repository;
  v123: PushedImage;
  v124: PushedImage;
  cluster: string;
  family: string;
  subnets: string[];
  securityGroups: string[];
}

const CLUSTER = 'c-iam';
const FUNCTION = 'fn-iam';
const PARAMETER = '/app/iam/image-tag';
const ALARM = 'iam-lambda-errors';
const WAITS = { 'poll-interval': '1s', 'wait-timeout': '60s' };

const SCENARIOS: Scenario[] = [
  {
    what: 'image: resolves a tag, checks the repository (pin-digest false)',
    mode: 'image',
    modes: ['image'],
    inputs: (w) => ({ image: `${w.repo.uri}:v1.2.4`, 'pin-digest': 'false' }),
    exitCode: 0,
    sends: ['ecr:DescribeImages', 'ecr:DescribeRepositories'],
  },
  {
    what: 'ecs: a rollout that completes',
    mode: 'ecs',
    modes: ['ecs'],
    inputs: (w) => ({
      cluster: w.cluster,
      service: 's-iam-ok',
      'container-name': 'app',
      image: w.v124.pinned,
      ...WAITS,
    }),
    exitCode: 0,
    sends: ['ecs:DescribeServices', 'ecs:DescribeTaskDefinition', 'ecs:RegisterTaskDefinition', 'ecs:UpdateService'],
  },
  {
    what: 'ecs: a rollout the circuit breaker fails (stopped tasks are read)',
    mode: 'ecs',
    modes: ['ecs'],
    inputs: (w) => ({
      cluster: w.cluster,
      service: 's-iam-fails',
      'container-name': 'app',
      image: w.v124.pinned,
      ...WAITS,
    }),
    exitCode: 1,
    sends: ['ecs:UpdateService', 'ecs:ListTasks', 'ecs:DescribeTasks'],
  },
  {
    what: 'ecs: a crash loop rolled back with rollback-on-failure (the deployment record is read, then stopped)',
    mode: 'ecs',
    modes: ['ecs'],
    inputs: (w) => ({
      cluster: w.cluster,
      service: 's-iam-record',
      'container-name': 'app',
      image: w.v124.pinned,
      'max-failed-tasks': '2',
      'rollback-on-failure': 'true',
      ...WAITS,
    }),
    exitCode: 1,
    sends: [
      'ecs:UpdateService',
      'ecs:DescribeServiceDeployments',
      'ecs:StopServiceDeployment',
      'ecs:ListTasks',
      'ecs:DescribeTasks',
    ],
  },
  {
    what: 'ecs: finds the deployment record by listing when UpdateService names none',
    mode: 'ecs',
    modes: ['ecs'],
    inputs: (w) => ({
      cluster: w.cluster,
      service: 's-iam-ok',
      'container-name': 'app',
      image: w.v123.pinned,
      ...WAITS,
    }),
    exitCode: 0,
    sends: ['ecs:UpdateService', 'ecs:ListServiceDeployments'],
  },
  {
    what: "ecs: tells its record from a concurrent deploy's by the target revision (UpdateService names none)",
    mode: 'ecs',
    modes: ['ecs'],
    inputs: (w) => ({
      cluster: w.cluster,
      service: 's-iam-concurrent',
      'container-name': 'app',
      image: w.v124.pinned,
      ...WAITS,
    }),
    exitCode: 0,
    sends: [
      'ecs:UpdateService',
      'ecs:ListServiceDeployments',
      'ecs:DescribeServiceRevisions',
      'ecs:DescribeServiceDeployments',
    ],
  },
  {
    what: 'ecs: an Express Mode service updated through UpdateExpressGatewayService and followed by its record',
    mode: 'ecs',
    modes: ['ecs'],
    inputs: (w) => ({ cluster: w.cluster, service: 's-iam-express', image: w.v124.pinned, ...WAITS }),
    exitCode: 0,
    sends: [
      'ecs:DescribeServices',
      'ecs:DescribeExpressGatewayService',
      'ecs:UpdateExpressGatewayService',
      'ecs:DescribeServiceDeployments',
    ],
  },
  {
    what: 'ecs: a service deployed through CodeDeploy (group checked, deployment created and followed to Succeeded)',
    mode: 'ecs',
    modes: ['ecs'],
    inputs: (w) => ({
      cluster: w.cluster,
      service: 's-iam-codedeploy',
      'container-name': 'app',
      image: w.v124.pinned,
      ...WAITS,
    }),
    exitCode: 0,
    sends: [
      'codedeploy:GetDeploymentGroup',
      'codedeploy:CreateDeployment',
      'codedeploy:GetDeployment',
      'codedeploy:ListDeploymentTargets',
      'codedeploy:GetDeploymentTarget',
    ],
  },
  {
    what: 'ecs: a CodeDeploy deployment timed out and rolled back with rollback-on-failure (StopDeployment)',
    mode: 'ecs',
    modes: ['ecs'],
    inputs: (w) => ({
      cluster: w.cluster,
      service: 's-iam-codedeploy-slow',
      'container-name': 'app',
      image: w.v124.pinned,
      'poll-interval': '1s',
      'wait-timeout': '3s',
      'rollback-on-failure': 'true',
    }),
    exitCode: 1,
    sends: ['codedeploy:CreateDeployment', 'codedeploy:StopDeployment'],
  },
  {
    what: 'lambda: updates the image, publishes and creates the alias',
    mode: 'lambda',
    modes: ['lambda'],
    inputs: (w) => ({ image: `${w.repo.uri}:v1.2.4`, 'function-name': FUNCTION, 'lambda-alias': 'live', ...WAITS }),
    exitCode: 0,
    sends: [
      'lambda:GetFunction',
      'lambda:GetAlias',
      'lambda:UpdateFunctionCode',
      'lambda:PublishVersion',
      'lambda:CreateAlias',
    ],
  },
  {
    what: 'lambda: updates the image again and moves the alias',
    mode: 'lambda',
    modes: ['lambda'],
    inputs: (w) => ({ image: `${w.repo.uri}:v1.2.3`, 'function-name': FUNCTION, 'lambda-alias': 'live', ...WAITS }),
    exitCode: 0,
    sends: ['lambda:GetFunctionConfiguration', 'lambda:UpdateFunctionCode', 'lambda:UpdateAlias'],
  },
  {
    what: 'lambda: shifts the alias watched by an alarm and provisioned concurrency',
    mode: 'lambda',
    modes: ['lambda'],
    inputs: (w) => ({
      image: `${w.repo.uri}:v1.2.4`,
      'function-name': FUNCTION,
      'lambda-alias': 'live',
      'lambda-alarms': ALARM,
      ...WAITS,
    }),
    exitCode: 0,
    sends: [
      'cloudwatch:DescribeAlarms',
      'lambda:UpdateAlias',
      'lambda:GetAlias',
      'lambda:GetProvisionedConcurrencyConfig',
    ],
  },
  {
    what: 'lambda: the alias moved through CodeDeploy (group checked, deployment created and followed to Succeeded)',
    mode: 'lambda',
    modes: ['lambda'],
    inputs: (w) => ({
      image: `${w.repo.uri}:v1.2.4`,
      'function-name': 'iam-fn-cd',
      'lambda-alias': 'live',
      'codedeploy-application': 'app-iam-lambda',
      'codedeploy-deployment-group': 'dg-iam-lambda',
      ...WAITS,
    }),
    exitCode: 0,
    sends: [
      'codedeploy:GetDeploymentGroup',
      'codedeploy:CreateDeployment',
      'codedeploy:GetDeployment',
      'codedeploy:ListDeploymentTargets',
      'codedeploy:GetDeploymentTarget',
    ],
  },
  {
    what: 'lambda: a CodeDeploy deployment timed out, stopped with rollback (StopDeployment)',
    mode: 'lambda',
    modes: ['lambda'],
    inputs: (w) => ({
      image: `${w.repo.uri}:v1.2.4`,
      'function-name': 'iam-fn-cd-slow',
      'lambda-alias': 'live',
      'codedeploy-application': 'app-iam-lambda-slow',
      'codedeploy-deployment-group': 'dg-iam-lambda-slow',
      'poll-interval': '1s',
      'wait-timeout': '5s',
    }),
    exitCode: 1,
    sends: ['codedeploy:CreateDeployment', 'codedeploy:StopDeployment'],
  },
  {
    what: 'lambda: an alias the deploy created goes away when its provisioned concurrency fails',
    mode: 'lambda',
    modes: ['lambda'],
    inputs: (w) => ({ image: `${w.repo.uri}:v1.2.3`, 'function-name': FUNCTION, 'lambda-alias': 'fresh', ...WAITS }),
    exitCode: 1,
    sends: ['lambda:CreateAlias', 'lambda:DeleteAlias'],
  },
  {
    what: 'parameter: creates the parameter with tags',
    mode: 'parameter',
    modes: ['parameter'],
    inputs: (w) => ({
      image: `${w.repo.uri}:v1.2.3`,
      'parameter-name': PARAMETER,
      'parameter-tags': 'team=payments',
      ...WAITS,
    }),
    exitCode: 0,
    sends: ['ssm:GetParameter', 'ssm:PutParameter'],
  },
  {
    what: 'parameter: overwrites it',
    mode: 'parameter',
    modes: ['parameter'],
    inputs: (w) => ({ image: `${w.repo.uri}:v1.2.4`, 'parameter-name': PARAMETER, ...WAITS }),
    exitCode: 0,
    sends: ['ssm:GetParameter', 'ssm:PutParameter'],
  },
  {
    what: 'run-task: registers the definition with the resolved image, runs the task to its end',
    mode: 'run-task',
    modes: ['image', 'run-task'],
    inputs: (w) => ({
      image: `${w.repo.uri}:v1.2.4`,
      cluster: w.cluster,
      'run-task-definition': w.family,
      'run-task-container': 'app',
      subnets: w.subnets.join(','),
      'security-groups': w.securityGroups.join(','),
      ...WAITS,
    }),
    exitCode: 0,
    // GetLogEvents: the task's awslogs stream, read while it runs (moto has no such stream: ResourceNotFound).
    sends: [
      'ecs:DescribeTaskDefinition',
      'ecs:RegisterTaskDefinition',
      'ecs:RunTask',
      'ecs:DescribeTasks',
      'logs:GetLogEvents',
    ],
  },
  {
    what: 'run-task: a re-run (attempt 2) looks for the task of an earlier attempt, then starts one; it outlives wait-timeout and is stopped',
    mode: 'run-task',
    modes: ['run-task'],
    inputs: (w) => ({
      cluster: w.cluster,
      'run-task-definition': `${w.family}-slow`,
      'run-task-container': 'app',
      subnets: w.subnets.join(','),
      'security-groups': w.securityGroups.join(','),
      'poll-interval': '1s',
      'wait-timeout': '3s',
    }),
    env: { GITHUB_RUN_ID: '31337', GITHUB_RUN_ATTEMPT: '2', GITHUB_JOB: 'deploy', GITHUB_ACTION: 'migrate' },
    exitCode: 1,
    sends: ['ecs:ListTasks', 'ecs:DescribeTasks', 'ecs:RunTask', 'ecs:StopTask'],
  },
];

async function createAlarm(endpoint: string, name: string): Promise<void> {
  const cloudwatch = new CloudWatchClient({
    region: 'us-east-1',
    endpoint,
    credentials: { accessKeyId: 'testing', secretAccessKey: 'testing' },
  });
  try {
    await cloudwatch.send(
      new PutMetricAlarmCommand({
        AlarmName: name,
        MetricName: 'Errors',
        Namespace: 'AWS/Lambda',
        Statistic: 'Sum',
        Period: 60,
        EvaluationPeriods: 1,
        Threshold: 5,
        ComparisonOperator: 'GreaterThanThreshold',
      }),
    );
  } finally {
    cloudwatch.destroy();
  }
}

/** A function on version 1 behind alias `live`, as CodeDeploy needs it. */
async function createAliasedFunction(endpoint: string, name: string, imageUri: string): Promise<void> {
  await createImageFunction(endpoint, { name, imageUri });
  const lambda = lambdaClient(endpoint);
  try {
    const version = await lambda.send(new PublishVersionCommand({ FunctionName: name }));
    await lambda.send(new CreateAliasCommand({ FunctionName: name, Name: 'live', FunctionVersion: version.Version }));
  } finally {
    lambda.destroy();
  }
}

async function registerTaskDefinition(endpoint: string, input: RegisterTaskDefinitionCommandInput): Promise<void> {
  const ecs = ecsClient(endpoint);
  try {
    await ecs.send(new RegisterTaskDefinitionCommand(input));
  } finally {
    ecs.destroy();
  }
}

describe('every call a mode makes is allowed by its documented policy, and the policy grants nothing more', () => {
  const testbed = useTestbed();
  let world: World;
  /** IAM actions each mode's scenarios called, for the "nothing more" check. */
  const called = new Map<PolicyMode, Set<string>>(POLICY_MODES.map((mode) => [mode, new Set<string>()]));

  beforeAll(async () => {
    const { endpoint } = testbed;
    const repo = await createRepository(endpoint, 'iam-app');
    const v123 = await pushImage(endpoint, repo, 'v1.2.3');
    const v124 = await pushImage(endpoint, repo, 'v1.2.4');
    const image = v123.pinned;
    await testbed.seedService({
      cluster: CLUSTER,
      service: 's-iam-ok',
      family: 'td-iam-ok',
      image,
      desiredCount: 2,
      rollout: completesAfter(1500),
    });
    const rollback = circuitBreakerRollback({ failAfterMs: 1500, rolledBackAfterMs: 3000 });
    await testbed.seedService({
      cluster: CLUSTER,
      service: 's-iam-fails',
      family: 'td-iam-fails',
      image,
      desiredCount: 2,
      rollout: rollback,
    });
    await testbed.seedService({
      cluster: CLUSTER,
      service: 's-iam-record',
      family: 'td-iam-record',
      image,
      desiredCount: 2,
    });
    await testbed.seedService({
      cluster: CLUSTER,
      service: 's-iam-concurrent',
      family: 'td-iam-concurrent',
      image,
      desiredCount: 2,
    });
    serviceDeploymentsOn(testbed.proxy).script('s-iam-concurrent', {
      strategy: 'ROLLING',
      stageMs: 300,
      hideCurrentServiceDeployment: true,
      concurrentDeploy: true,
    });
    serviceDeploymentsOn(testbed.proxy).script('s-iam-record', {
      strategy: 'ROLLING',
      stageMs: 300,
      rollbackMs: 1000,
      crashLoop: { everyMs: 500, exitCode: 1, reason: 'boom' },
    });
    await testbed.seedService({
      cluster: CLUSTER,
      service: 's-iam-express',
      taskDefinition: expressTaskDefinition('td-iam-express', image),
      desiredCount: 2,
    });
    expressServicesOn(testbed.proxy).declare('s-iam-express');
    serviceDeploymentsOn(testbed.proxy).script('s-iam-express', {
      strategy: 'CANARY',
      stageMs: 300,
      canary: { canaryPercent: 5, canarySeconds: 1 },
      bakeSeconds: 1,
      bakeTimeInMinutes: 0,
    });
    await seedCodeDeployService(endpoint, { cluster: CLUSTER, service: 's-iam-codedeploy', image });
    await seedCodeDeployService(endpoint, { cluster: CLUSTER, service: 's-iam-codedeploy-slow', image });
    codeDeployOn(testbed.proxy).script(`DgpECS-${CLUSTER}-s-iam-codedeploy`, { eventSeconds: 0.3 });
    codeDeployOn(testbed.proxy).script(`DgpECS-${CLUSTER}-s-iam-codedeploy-slow`, {
      eventSeconds: 30,
      rollbackSeconds: 0.5,
    });
    // The one-off task's own family, so no revision the services registered can be reused for it.
    const family = 'td-iam-task';
    await registerTaskDefinition(endpoint, richTaskDefinition(family, image));
    taskExits(testbed.proxy, { family, afterMs: 1500, exitCodes: { app: 0, sidecar: 0 } });
    await registerTaskDefinition(endpoint, richTaskDefinition(`${family}-slow`, image));
    taskNeverStops(testbed.proxy, { family: `${family}-slow`, containers: ['app', 'sidecar'] });
    await createImageFunction(endpoint, { name: FUNCTION, imageUri: v123.pinned });
    for (const [name, key, script] of [
      ['iam-fn-cd', 'iam-lambda', { eventSeconds: 0.3 }],
      ['iam-fn-cd-slow', 'iam-lambda-slow', { eventSeconds: 30, rollbackSeconds: 0.5 }],
    ] as const) {
      await createAliasedFunction(endpoint, name, v123.pinned);
      await seedLambdaCodeDeployGroup(endpoint, { application: `app-${key}`, group: `dg-${key}` });
      codeDeployOn(testbed.proxy).script(`dg-${key}`, script);
    }
    await createAlarm(endpoint, ALARM);
    provisionedConcurrency(testbed.proxy, [
      { functionName: FUNCTION, alias: 'live', requested: 2, inProgressReads: 1, end: 'READY' },
      {
        functionName: FUNCTION,
        alias: 'fresh',
        requested: 2,
        inProgressReads: 0,
        end: { failed: 'FUNCTION_ERROR_INIT_FAILURE: the function could not initialise' },
      },
    ]);
    const network = await defaultNetwork(endpoint);
    world = {
      repo,
      v123,
      v124,
      cluster: CLUSTER,
      family,
      subnets: network.subnets,
      securityGroups: network.securityGroups,
    };
  });

  it.each(SCENARIOS)('$what', async (scenario) => {
    const from = testbed.proxy.calls.length;
    const run = await runAction({
      inputs: { mode: scenario.modes.join(', '), ...scenario.inputs(world) },
      env: { ...testbed.awsEnv, ...scenario.env },
    });
    const calls = testbed.proxy.calls.slice(from);

    expect(run.exitCode, transcript(run)).toBe(scenario.exitCode);
    const unnamed = calls.filter((c) => iamActionOf(c) === undefined).map((c) => `${c.service} ${c.operation}`);
    expect(unnamed, 'calls the proxy could not name as an IAM action').toEqual([]);
    const actions = [...new Set(calls.flatMap((c) => iamActionOf(c) ?? []))].sort();
    for (const action of scenario.sends) expect(actions, transcript(run)).toContain(action);

    const modes = [...new Set(scenario.modes.flatMap((m) => [m, ...IMPLIED[m]]))];
    const statements = modes.flatMap(policyOf);
    const denied = actions.filter((action) => !allowsDirectly(statements, action));
    expect(denied, `called but not allowed by docs/iam/{${modes.join(',')}}.json`).toEqual([]);
    // Credit the scenario's own mode with what its policy grants (image has a scenario of its own).
    for (const action of actions)
      if (allowsDirectly(policyOf(scenario.mode), action)) called.get(scenario.mode)?.add(action);
  });

  it.each(POLICY_MODES)(
    '%s.json grants only actions its scenarios called, or that IAM checks alongside them',
    (mode) => {
      const seen = called.get(mode) ?? new Set<string>();
      expect(seen.size, `no scenario of mode ${mode} ran through`).toBeGreaterThan(0);
      const unneeded = policyOf(mode)
        .flatMap((s) => s.Action)
        .filter((pattern) => ![...seen].some((action) => actionMatches(pattern, action)))
        .filter((pattern) => UNSEEN_BUT_NEEDED[mode][pattern] === undefined);
      expect(unneeded, `docs/iam/${mode}.json grants actions no ${mode} run needed`).toEqual([]);
    },
  );
});
