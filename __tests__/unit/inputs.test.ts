import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import * as yaml from 'yaml';
import { UserError } from '../../src/errors.ts';
import { parseEnvironment } from '../../src/inputs/parse.ts';
import { loadInputParsers, readInputs } from '../../src/inputs/read-inputs.ts';

const workspace = mkdtempSync(join(tmpdir(), 'inputs-'));
const TASK_DEFINITION = {
  family: 'web',
  containerDefinitions: [{ name: 'app', image: 'nginx' }],
};
writeFileSync(join(workspace, 'td.json'), JSON.stringify(TASK_DEFINITION));
writeFileSync(join(workspace, 'td.yaml'), 'family: web\ncontainerDefinitions:\n  - name: app\n    image: nginx\n');
writeFileSync(
  join(workspace, 'described.json'),
  JSON.stringify({ taskDefinition: TASK_DEFINITION, tags: [{ key: 'a', value: 'b' }] }),
);
writeFileSync(join(workspace, 'broken.json'), '{ "family": "web", ');
writeFileSync(join(workspace, 'list.yaml'), '- a\n- b\n');

const BASE = { mode: 'ecs', service: 'web' };

function read(
  inputs: Record<string, string | undefined>,
  env: Record<string, string | undefined> = { AWS_REGION: 'eu-west-1' },
) {
  return readInputs({ getInput: (name) => inputs[name] ?? '', env: { GITHUB_WORKSPACE: workspace, ...env }, yaml });
}

function errorOf(inputs: Record<string, string | undefined>, env?: Record<string, string | undefined>): UserError {
  try {
    read(inputs, env);
  } catch (error) {
    if (error instanceof UserError) return error;
    throw error;
  }
  throw new Error('expected a UserError');
}

describe('readInputs', () => {
  it('applies the documented defaults when only the service is given', () => {
    const settings = read(BASE);
    expect(settings).toMatchObject({ modes: ['ecs'], region: 'eu-west-1', dryRun: false });
    expect(settings.ecs).toMatchObject({
      cluster: 'default',
      services: ['web'],
      source: { kind: 'service' },
      forceNewDeployment: false,
      environment: [],
      maxFailedTasks: 3,
      wait: { enabled: true, timeoutMs: 30 * 60_000, intervalMs: 3000 },
    });
    expect(settings.ecs?.cpu).toBeUndefined();
    expect(settings.ecs?.memory).toBeUndefined();
  });

  it.each([
    {
      name: 'region input over AWS_REGION',
      inputs: { region: 'us-west-2' },
      env: { AWS_REGION: 'eu-west-1' },
      region: 'us-west-2',
    },
    { name: 'AWS_REGION', inputs: {}, env: { AWS_REGION: 'eu-west-1' }, region: 'eu-west-1' },
    { name: 'AWS_DEFAULT_REGION', inputs: {}, env: { AWS_DEFAULT_REGION: 'ap-northeast-1' }, region: 'ap-northeast-1' },
    { name: 'a GovCloud region', inputs: { region: 'us-gov-west-1' }, env: {}, region: 'us-gov-west-1' },
    { name: 'a China region', inputs: { region: 'cn-north-1' }, env: {}, region: 'cn-north-1' },
  ])('takes the region from $name', ({ inputs, env, region }) => {
    expect(read({ ...BASE, ...inputs }, env).region).toBe(region);
  });

  it('passes AWS_ENDPOINT_URL on for emulators', () => {
    expect(read(BASE, { AWS_REGION: 'eu-west-1', AWS_ENDPOINT_URL: 'http://127.0.0.1:5000' }).endpoint).toBe(
      'http://127.0.0.1:5000',
    );
  });

  it.each([
    { value: 'ecs', modes: ['ecs'] },
    { value: ' ECS ', modes: ['ecs'] },
    { value: 'ecs,ecs', modes: ['ecs'] },
    { value: 'ecs\n', modes: ['ecs'] },
  ])('accepts mode $value', ({ value, modes }) => {
    expect(read({ ...BASE, mode: value }).modes).toEqual(modes);
  });

  it.each([
    { value: '1 vCPU', cpu: '1024', memory: '2 GB', mib: '2048' },
    { value: '0.25 vCPU', cpu: '256', memory: '512', mib: '512' },
    { value: '4096', cpu: '4096', memory: '8GB', mib: '8192' },
  ])('normalizes cpu $value and memory $memory', ({ value, cpu, memory, mib }) => {
    expect(read({ ...BASE, cpu: value, memory }).ecs).toMatchObject({ cpu, memory: mib });
  });

  it.each([
    { value: 'td.json', path: 'td.json' },
    { value: 'td.yaml', path: 'td.yaml' },
    { value: './described.json', path: 'described.json' },
  ])('reads task-definition file $value', ({ value, path }) => {
    const source = read({ ...BASE, 'task-definition': value }).ecs?.source;
    expect(source).toMatchObject({ kind: 'file', path: join(workspace, path), taskDefinition: TASK_DEFINITION });
  });

  it('keeps the tags of a describe-task-definition output file', () => {
    const source = read({ ...BASE, 'task-definition': 'described.json' }).ecs?.source;
    expect(source).toMatchObject({ kind: 'file', tags: [{ key: 'a', value: 'b' }] });
  });

  it.each([
    { value: 'web', ref: 'web' },
    { value: 'web:12', ref: 'web:12' },
    {
      value: 'arn:aws:ecs:us-east-1:123456789012:task-definition/web:3',
      ref: 'arn:aws:ecs:us-east-1:123456789012:task-definition/web:3',
    },
  ])('treats task-definition $value as a registered revision', ({ value, ref }) => {
    expect(read({ ...BASE, 'task-definition': value }).ecs?.source).toEqual({ kind: 'registered', ref });
  });

  it('poll-interval: 3 s when left out (CodeDeploy picks its own), as written and marked set when given', () => {
    expect(read(BASE).ecs?.wait).toEqual({ enabled: true, timeoutMs: 30 * 60_000, intervalMs: 3000 });
    expect(read({ ...BASE, 'poll-interval': '5s' }).ecs?.wait).toEqual({
      enabled: true,
      timeoutMs: 30 * 60_000,
      intervalMs: 5000,
      intervalSet: true,
    });
  });

  it.each([
    { value: '90', ms: 90_000 },
    { value: '10m', ms: 600_000 },
    { value: '1h30m', ms: 5_400_000 },
  ])('parses wait-timeout $value', ({ value, ms }) => {
    expect(read({ ...BASE, 'wait-timeout': value }).ecs?.wait.timeoutMs).toBe(ms);
  });

  it('reads the booleans and counts', () => {
    const ecs = read({
      ...BASE,
      wait: 'false',
      'force-new-deployment': 'TRUE',
      'desired-count': '0',
      'max-failed-tasks': '0',
      'dry-run': 'True',
    });
    expect(ecs.dryRun).toBe(true);
    expect(ecs.ecs).toMatchObject({
      wait: { enabled: false },
      forceNewDeployment: true,
      desiredCount: 0,
      maxFailedTasks: 0,
      dryRun: true,
    });
  });
});

describe('readInputs rejects bad input with a message that names the input', () => {
  it.each([
    {
      name: 'an unknown mode',
      inputs: { mode: 'ecs,k8s' },
      message: ["Input 'mode'", "'k8s'", 'image, run-task, ecs, lambda, parameter'],
    },
    { name: 'an empty mode list', inputs: { mode: ' , ' }, message: ["Input 'mode' is empty"] },
    { name: 'no service', inputs: { service: '' }, message: ["Input 'service' is required"] },
    { name: 'a cpu that is not a size', inputs: { cpu: 'lots' }, message: ["Input 'cpu'", "'lots'"] },
    { name: 'a memory that is not a size', inputs: { memory: '2 TB' }, message: ["Input 'memory'", "'2 TB'"] },
    { name: 'a boolean that is not one', inputs: { wait: 'yes' }, message: ["Input 'wait'", "'yes'", 'true or false'] },
    { name: 'a negative desired count', inputs: { 'desired-count': '-1' }, message: ["Input 'desired-count'", "'-1'"] },
    {
      name: 'a fractional max-failed-tasks',
      inputs: { 'max-failed-tasks': '1.5' },
      message: ["Input 'max-failed-tasks'"],
    },
    {
      name: 'a duration without a unit we know',
      inputs: { 'wait-timeout': '5 days' },
      message: ["Input 'wait-timeout'", "'5 days'"],
    },
    {
      name: 'a timeout over six hours',
      inputs: { 'wait-timeout': '7h' },
      message: ["Input 'wait-timeout'", 'out of range'],
    },
    {
      name: 'a poll interval under a second',
      inputs: { 'poll-interval': '100ms' },
      message: ["Input 'poll-interval'", 'out of range'],
    },
    { name: 'an image that is no reference', inputs: { image: 'Not An Image' }, message: ["Input 'image'"] },
    {
      name: 'an environment line without =',
      inputs: { environment: 'A=1\nB' },
      message: ["Input 'environment' line 2", "it has no '='"],
    },
    {
      name: 'an environment key that is not a name, without its value',
      inputs: { environment: 'DB-PASSWORD=hunter2' },
      message: ["Input 'environment' line 1", "its key 'DB-PASSWORD'"],
    },
    {
      name: 'an environment name with a space',
      inputs: { environment: 'MY VAR=1' },
      message: ["Input 'environment' line 1"],
    },
    {
      name: 'a task definition file that does not exist',
      inputs: { 'task-definition': 'missing.json' },
      message: ["Input 'task-definition'", "'missing.json'"],
    },
    {
      name: 'a task definition file with broken JSON',
      inputs: { 'task-definition': 'broken.json' },
      message: ["Input 'task-definition' ('broken.json')", 'not valid JSON or YAML'],
    },
    {
      name: 'a YAML file that is no task definition',
      inputs: { 'task-definition': 'list.yaml' },
      message: ["Input 'task-definition' ('list.yaml')"],
    },
    {
      name: 'a malformed ARN',
      inputs: { 'task-definition': 'arn:aws:ecs:task-definition/web' },
      message: ["Input 'task-definition'", 'not a task definition ARN'],
    },
  ])('$name', ({ inputs, message }) => {
    const error = errorOf({ ...BASE, ...inputs });
    for (const part of message) expect(error.message).toContain(part);
  });

  it.each([
    ['a key that is not a name', 'DB-PASSWORD=hunter2'],
    ['a line without =', 'hunter2'],
  ])('never quotes an environment value in the error: %s', (_, line) => {
    const error = errorOf({ ...BASE, environment: `A=1\n${line}` });
    expect(error.message).toContain("Input 'environment' line 2");
    expect(error.message).not.toContain('hunter2');
  });

  it('reads CRLF line endings and a byte order mark in multi-line inputs as plain lines', () => {
    const settings = read({ ...BASE, environment: '\uFEFFA=1\r\nB=2\r\n' }, { AWS_REGION: 'eu-west-1' });
    expect(settings.ecs?.environment).toEqual([
      { name: 'A', value: '1' },
      { name: 'B', value: '2' },
    ]);
  });

  it('asks for a region when none is set anywhere', () => {
    expect(errorOf(BASE, {}).message).toContain("set input 'region', or AWS_REGION");
  });

  it.each([
    {
      name: 'the input',
      inputs: { region: 'eu west 1' },
      env: {},
      message: "Input 'region' ('eu west 1') is not an AWS region",
    },
    {
      name: 'AWS_REGION',
      inputs: {},
      env: { AWS_REGION: 'Frankfurt' },
      message: "AWS_REGION ('Frankfurt') is not an AWS region",
    },
    {
      name: 'AWS_DEFAULT_REGION',
      inputs: {},
      env: { AWS_DEFAULT_REGION: 'eu-west' },
      message: "AWS_DEFAULT_REGION ('eu-west') is not an AWS region",
    },
  ])('rejects a region that is no region code, from $name', ({ inputs, env, message }) => {
    expect(errorOf({ ...BASE, ...inputs }, env).message).toContain(message);
  });
});

const REPOSITORY = '123456789012.dkr.ecr.eu-west-1.amazonaws.com/app';
const DIGEST = `sha256:${'c'.repeat(64)}`;
const FULL = {
  mode: 'ecs, lambda, parameter',
  service: 'web',
  image: REPOSITORY,
  'function-name': 'api\nworker',
  'parameter-name': '/app/prod/image-tag',
};
const GIT = { AWS_REGION: 'eu-west-1', GITHUB_REF: 'refs/tags/v1.2.3', GITHUB_SHA: 'abcdef0123456789' };

describe('readInputs for the image, lambda and parameter modes', () => {
  it('adds the image mode that lambda and parameter need, first', () => {
    expect(read(FULL, GIT).modes).toEqual(['image', 'ecs', 'lambda', 'parameter']);
    expect(read({ mode: 'parameter', image: REPOSITORY, 'parameter-name': '/p' }, GIT).modes).toEqual([
      'image',
      'parameter',
    ]);
  });

  it('does not add the image mode to ecs alone', () => {
    const settings = read({ ...BASE, image: `${REPOSITORY}:v1` });
    expect(settings.modes).toEqual(['ecs']);
    expect(settings.image).toBeUndefined();
    expect(settings.ecs?.image).toBe(`${REPOSITORY}:v1`);
  });

  it('reads the image options with the documented defaults and the git context', () => {
    expect(read(FULL, GIT).image).toEqual({
      image: REPOSITORY,
      tag: undefined,
      digest: undefined,
      pinDigest: true,
      git: { ref: 'refs/tags/v1.2.3', sha: 'abcdef0123456789' },
    });
  });

  it('reads tag, digest and pin-digest', () => {
    expect(read({ ...FULL, tag: 'latest', digest: DIGEST, 'pin-digest': 'false' }, GIT).image).toMatchObject({
      tag: 'latest',
      digest: DIGEST,
      pinDigest: false,
    });
  });

  it('reads the Lambda options; an alias implies publishing', () => {
    const lambda = read({ ...FULL, 'lambda-alias': 'live' }, GIT).lambda;
    expect(lambda).toMatchObject({
      functionNames: ['api', 'worker'],
      publish: true,
      alias: 'live',
      region: 'eu-west-1',
      dryRun: false,
      wait: { timeoutMs: 30 * 60_000, intervalMs: 3000 },
    });
    expect(read(FULL, GIT).lambda).toMatchObject({
      publish: false,
      alias: undefined,
      traffic: { kind: 'all-at-once' },
      alarms: [],
    });
  });

  it('reads the traffic schedule and the alarms watched during it', () => {
    const lambda = read(
      {
        ...FULL,
        'lambda-alias': 'live',
        'lambda-traffic': 'Linear10PercentEvery2Minutes',
        'lambda-alarms': 'errors\nlatency, throttles',
      },
      GIT,
    ).lambda;
    expect(lambda).toMatchObject({
      traffic: { kind: 'linear', percent: 10, minutes: 2 },
      alarms: ['errors', 'latency', 'throttles'],
    });
  });

  it('reads the parameter options with the {tag} template by default', () => {
    expect(read({ ...FULL, 'parameter-tags': 'team=payments' }, GIT).parameter).toMatchObject({
      name: '/app/prod/image-tag',
      template: '{tag}',
      type: undefined,
      tags: [{ Key: 'team', Value: 'payments' }],
      timeoutMs: 30 * 60_000,
    });
  });

  it('passes dry-run to every mode', () => {
    const settings = read({ ...FULL, 'dry-run': 'true' }, GIT);
    expect([settings.ecs?.dryRun, settings.lambda?.dryRun, settings.parameter?.dryRun]).toEqual([true, true, true]);
  });

  it.each([
    {
      name: 'no image for the image mode',
      inputs: { image: '' },
      message: ["Input 'image' is required for mode 'image'"],
    },
    { name: 'a malformed image', inputs: { image: 'app:' }, message: ["Input 'image'", "'app:'"] },
    { name: 'a malformed tag', inputs: { tag: '-v1' }, message: ["Input 'tag'", "'-v1'"] },
    { name: 'a malformed digest', inputs: { digest: 'sha256:xyz' }, message: ["Input 'digest'", "'sha256:xyz'"] },
    {
      name: 'a pin-digest that is no boolean',
      inputs: { 'pin-digest': 'yes' },
      message: ["Input 'pin-digest'", "'yes'"],
    },
    {
      name: 'no function name',
      inputs: { 'function-name': '' },
      message: ["Input 'function-name' is required for mode 'lambda'"],
    },
    {
      name: 'a function name with a space',
      inputs: { 'function-name': 'my api' },
      message: ["Input 'function-name'", "'my api'"],
    },
    { name: 'an alias of digits only', inputs: { 'lambda-alias': '123' }, message: ["Input 'lambda-alias'", "'123'"] },
    { name: 'a publish that is no boolean', inputs: { publish: 'sure' }, message: ["Input 'publish'", "'sure'"] },
    {
      name: 'a traffic schedule without an alias',
      inputs: { 'lambda-traffic': 'canary 10% 5m' },
      message: ["Input 'lambda-traffic' is set", "set 'lambda-alias'"],
    },
    {
      name: 'alarms without an alias',
      inputs: { 'lambda-alarms': 'errors' },
      message: ["Input 'lambda-alarms' is set", "set 'lambda-alias'"],
    },
    {
      name: 'a canary of 100%',
      inputs: { 'lambda-alias': 'live', 'lambda-traffic': 'canary 100% 5m' },
      message: ["Input 'lambda-traffic'", 'above 0 and below 100'],
    },
    {
      name: 'a canary of half a minute',
      inputs: { 'lambda-alias': 'live', 'lambda-traffic': 'canary 10% 0.5m' },
      message: ["Input 'lambda-traffic'", 'whole number of minutes'],
    },
    {
      name: 'a schedule longer than wait-timeout',
      inputs: { 'lambda-alias': 'live', 'lambda-traffic': 'Linear10PercentEvery10Minutes', 'wait-timeout': '1h' },
      message: ["Input 'lambda-traffic' holds traffic for 1h30m", "'wait-timeout' (1h)"],
    },
    {
      name: 'the same alarm twice',
      inputs: { 'lambda-alias': 'live', 'lambda-alarms': 'errors\nerrors' },
      message: ["Input 'lambda-alarms' names 'errors' more than once"],
    },
    {
      name: 'more than 100 alarms',
      inputs: { 'lambda-alias': 'live', 'lambda-alarms': Array.from({ length: 101 }, (_, i) => `a${i}`).join(',') },
      message: ["Input 'lambda-alarms' names 101 alarms", 'at most 100'],
    },
    {
      name: 'no parameter name',
      inputs: { 'parameter-name': '' },
      message: ["Input 'parameter-name' is required for mode 'parameter'"],
    },
    {
      name: 'a parameter name with a space',
      inputs: { 'parameter-name': '/app/image tag' },
      message: ["Input 'parameter-name'", "'/app/image tag'"],
    },
    {
      name: 'an unknown placeholder',
      inputs: { 'parameter-value': '{version}' },
      message: ["Input 'parameter-value'", '{version}'],
    },
    {
      name: 'a SecureString',
      inputs: { 'parameter-type': 'SecureString' },
      message: ["Input 'parameter-type'", 'SecureString'],
    },
    { name: 'a tag line without =', inputs: { 'parameter-tags': 'team' }, message: ["Input 'parameter-tags'"] },
    {
      name: 'wait false with the parameter',
      inputs: { wait: 'false' },
      message: ["Input 'wait' is false", "input 'mode' includes 'parameter'", "set 'wait: true'"],
    },
    {
      name: 'wait false with the parameter and no ecs (lambda, parameter)',
      inputs: { mode: 'lambda, parameter', wait: 'false', service: '' },
      message: [
        "Input 'wait' is false",
        "input 'mode' includes 'parameter'",
        "set 'wait: true'",
        "remove 'parameter' from 'mode'",
      ],
    },
    {
      name: 'wait false with the parameter alone',
      inputs: { mode: 'parameter', wait: 'false', service: '', 'function-name': '' },
      message: ["Input 'wait' is false", "input 'mode' includes 'parameter'", "set 'wait: true'"],
    },
    {
      name: 'wait-until a stage with the parameter (a bake may still roll the deployment back)',
      inputs: { 'wait-until': 'BAKE_TIME' },
      message: ["Input 'wait-until' is BAKE_TIME", "mode 'parameter'", "'wait-until: completed'"],
    },
    {
      name: 'a wait-until that is no stage',
      inputs: { 'wait-until': 'baked' },
      message: ["Input 'wait-until' ('baked') is not valid", 'BAKE_TIME'],
    },
    {
      name: 'a rollback-on-failure that is no boolean',
      inputs: { 'rollback-on-failure': 'yes' },
      message: ["Input 'rollback-on-failure'", "'yes'"],
    },
  ])('rejects $name', ({ inputs, message }) => {
    const error = errorOf({ ...FULL, ...inputs }, GIT);
    for (const part of message) expect(error.message).toContain(part);
  });

  it.each([
    { input: 'tag', value: 'v1', mode: 'image' },
    { input: 'digest', value: DIGEST, mode: 'image' },
    { input: 'function-name', value: 'api', mode: 'lambda' },
    { input: 'lambda-alias', value: 'live', mode: 'lambda' },
    { input: 'publish', value: 'true', mode: 'lambda' },
    { input: 'lambda-traffic', value: 'canary 10% 5m', mode: 'lambda' },
    { input: 'lambda-alarms', value: 'errors', mode: 'lambda' },
    { input: 'parameter-name', value: '/p', mode: 'parameter' },
    { input: 'parameter-tags', value: 'a=b', mode: 'parameter' },
  ])("rejects '$input' without mode $mode, naming the mode to add", ({ input, value, mode }) => {
    const message = errorOf({ ...BASE, [input]: value }).message;
    expect(message).toContain(`Input '${input}' is set but mode '${mode}' is not selected`);
    expect(message).toContain(`add ${mode} to input 'mode'`);
  });

  it.each([
    {
      name: 'without the deployment group',
      extra: { 'lambda-alias': 'live', 'codedeploy-application': 'app' },
      says: "Input 'codedeploy-deployment-group' is required to deploy Lambda functions through CodeDeploy",
    },
    {
      name: 'without the alias CodeDeploy shifts',
      extra: { 'codedeploy-application': 'app', 'codedeploy-deployment-group': 'dg' },
      says: "Input 'lambda-alias' is required with 'codedeploy-application'",
    },
    {
      name: 'with a traffic schedule of its own',
      extra: {
        'lambda-alias': 'live',
        'codedeploy-application': 'app',
        'codedeploy-deployment-group': 'dg',
        'lambda-traffic': 'canary 10% 5m',
      },
      says: "Input 'lambda-traffic' cannot be used with 'codedeploy-application'",
    },
    {
      name: 'with alarms of its own',
      extra: {
        'lambda-alias': 'live',
        'codedeploy-application': 'app',
        'codedeploy-deployment-group': 'dg',
        'lambda-alarms': 'errors',
      },
      says: "Input 'lambda-alarms' cannot be used with 'codedeploy-application'",
    },
  ])('refuses Lambda through CodeDeploy $name', ({ extra, says }) => {
    const message = errorOf({ mode: 'lambda', image: REPOSITORY, 'function-name': 'api', ...extra }, GIT).message;
    expect(message).toContain(says);
  });

  it('reads Lambda through CodeDeploy: application, group and deployment config', () => {
    const settings = readInputs({
      getInput: (name) =>
        ({
          mode: 'lambda',
          image: REPOSITORY,
          'function-name': 'api',
          'lambda-alias': 'live',
          'codedeploy-application': 'app',
          'codedeploy-deployment-group': 'dg',
          'codedeploy-deployment-config': 'CodeDeployDefault.LambdaCanary10Percent5Minutes',
          region: 'us-east-1',
        })[name] ?? '',
      env: GIT,
    });
    expect(settings.lambda?.codeDeploy).toEqual({
      application: 'app',
      deploymentGroup: 'dg',
      deploymentConfig: 'CodeDeployDefault.LambdaCanary10Percent5Minutes',
    });
  });

  it('keeps the codedeploy-* inputs for the ECS services when mode ecs is in the step too', () => {
    const settings = readInputs({
      getInput: (name) =>
        ({
          mode: 'ecs, lambda',
          image: REPOSITORY,
          service: 'web',
          'function-name': 'api',
          'codedeploy-application': 'app',
          region: 'us-east-1',
        })[name] ?? '',
      env: GIT,
    });
    expect(settings.lambda?.codeDeploy).toBeUndefined();
    expect(settings.ecs?.codeDeploy?.application).toBe('app');
  });

  it('rejects ECS inputs without mode ecs', () => {
    expect(errorOf({ mode: 'lambda', image: REPOSITORY, 'function-name': 'api', cpu: '1024' }, GIT).message).toContain(
      "Input 'cpu' is set but mode 'ecs' is not selected",
    );
  });
});

describe('readInputs for the run-task mode and wait-for-image', () => {
  const TASK = {
    mode: 'run-task, ecs',
    service: 'web',
    subnets: 'subnet-0a1b2c3d, subnet-0e1f2a3b',
    'security-groups': 'sg-0123abcd',
  };

  it('runs the revision ecs deploys by default, on Fargate, without a public IP, started by image-deploy', () => {
    const runTask = read(TASK, { AWS_REGION: 'eu-west-1', GITHUB_RUN_ID: '42', GITHUB_RUN_ATTEMPT: '1' }).runTask;
    expect(runTask).toMatchObject({
      cluster: 'default',
      source: { kind: 'ecs' },
      environment: [],
      network: {
        subnets: ['subnet-0a1b2c3d', 'subnet-0e1f2a3b'],
        securityGroups: ['sg-0123abcd'],
        assignPublicIp: false,
      },
      launch: { launchType: 'FARGATE' },
      startedBy: 'image-deploy',
      dryRun: false,
      wait: { timeoutMs: 30 * 60_000, intervalMs: 3000 },
    });
    expect(runTask?.command).toBeUndefined();
  });

  it.each([
    ['words over CRLF lines', 'sh -c\r\n"npm run migrate"\r\n'],
    ['a JSON array over CRLF lines', '[\r\n"sh",\r\n"-c",\r\n"npm run migrate"\r\n]'],
  ])('reads a command of %s without a stray carriage return', (_, command) => {
    const runTask = read({ ...TASK, command, subnets: 'subnet-0a1b2c3d\r\nsubnet-0e1f2a3b' }).runTask;
    expect(runTask?.command).toEqual(['sh', '-c', 'npm run migrate']);
    expect(runTask?.network?.subnets).toEqual(['subnet-0a1b2c3d', 'subnet-0e1f2a3b']);
  });

  it('reads a family, a command, environment, a capacity provider strategy and a public IP', () => {
    const runTask = read({
      mode: 'run-task',
      'run-task-definition': 'migrate:3',
      'run-task-container': 'app',
      command: '["npm","run","migrate"]',
      'run-task-environment': 'DRY=false',
      subnets: 'subnet-0a1b2c3d',
      'assign-public-ip': 'true',
      'capacity-provider-strategy': 'FARGATE_SPOT:3, FARGATE:1:1',
      'started-by': 'release/v1-2-3',
    }).runTask;
    expect(runTask).toMatchObject({
      source: { kind: 'registered', ref: 'migrate:3' },
      containerName: 'app',
      command: ['npm', 'run', 'migrate'],
      environment: [{ name: 'DRY', value: 'false' }],
      network: { assignPublicIp: true },
      launch: {
        capacityProviderStrategy: [
          { capacityProvider: 'FARGATE_SPOT', weight: 3, base: 0 },
          { capacityProvider: 'FARGATE', weight: 1, base: 1 },
        ],
      },
      startedBy: 'release/v1-2-3',
    });
  });

  it('gives the same client token to the same run, attempt and step, and another to the next attempt', () => {
    const env = {
      AWS_REGION: 'eu-west-1',
      GITHUB_RUN_ID: '42',
      GITHUB_RUN_ATTEMPT: '1',
      GITHUB_JOB: 'deploy',
      GITHUB_ACTION: 'migrate',
    };
    const first = read(TASK, env).runTask?.clientToken;
    expect(read(TASK, env).runTask?.clientToken).toBe(first);
    expect(read(TASK, { ...env, GITHUB_RUN_ATTEMPT: '2' }).runTask?.clientToken).not.toBe(first);
    expect(first).toMatch(/^[A-Za-z0-9_-]{1,64}$/);
  });

  it('reads wait-for-image with the poll interval', () => {
    expect(
      read({ mode: 'image', image: REPOSITORY, 'wait-for-image': '5m', 'poll-interval': '10s' }, GIT).image
        ?.waitForImage,
    ).toEqual({
      timeoutMs: 300_000,
      intervalMs: 10_000,
    });
    expect(read({ mode: 'image', image: REPOSITORY }, GIT).image?.waitForImage).toBeUndefined();
  });

  it.each([
    {
      name: 'no task definition without ecs',
      inputs: { mode: 'run-task', service: '' },
      message: ["Input 'run-task-definition' is required for mode 'run-task'"],
    },
    {
      name: 'a task definition file that does not exist',
      inputs: { 'run-task-definition': 'missing.json' },
      message: ["Input 'run-task-definition'", "'missing.json'"],
    },
    { name: 'a malformed subnet', inputs: { subnets: 'subnet_1' }, message: ["Input 'subnets'", 'subnet_1'] },
    {
      name: 'a malformed security group',
      inputs: { 'security-groups': 'default' },
      message: ["Input 'security-groups'", 'default'],
    },
    {
      name: 'security groups without subnets',
      inputs: { subnets: '' },
      message: ["Input 'security-groups' needs input 'subnets'"],
    },
    {
      name: 'an unknown launch type',
      inputs: { 'launch-type': 'LAMBDA' },
      message: ["Input 'launch-type'", "'LAMBDA'", 'FARGATE, EC2, EXTERNAL'],
    },
    {
      name: 'a launch type with a capacity provider strategy',
      inputs: { 'launch-type': 'FARGATE', 'capacity-provider-strategy': 'FARGATE_SPOT:1' },
      message: ["Inputs 'launch-type'", "'capacity-provider-strategy' cannot both be set"],
    },
    {
      name: 'a malformed strategy',
      inputs: { 'capacity-provider-strategy': 'FARGATE_SPOT' },
      message: ["Input 'capacity-provider-strategy'"],
    },
    { name: 'an unterminated quote in the command', inputs: { command: 'sh -c "echo' }, message: ["Input 'command'"] },
    {
      name: 'a started-by with spaces',
      inputs: { 'started-by': 'my deploy' },
      message: ["Input 'started-by'", "'my deploy'"],
    },
    {
      name: 'a bad environment line',
      inputs: { 'run-task-environment': 'NOPE' },
      message: ["Input 'run-task-environment' line 1"],
    },
    {
      name: 'a public IP that is no boolean',
      inputs: { 'assign-public-ip': 'yes' },
      message: ["Input 'assign-public-ip'", "'yes'"],
    },
  ])('rejects $name', ({ inputs, message }) => {
    const error = errorOf({ ...TASK, ...inputs });
    for (const part of message) expect(error.message).toContain(part);
  });

  it.each([
    { input: 'command', value: 'npm run migrate', mode: 'run-task' },
    { input: 'subnets', value: 'subnet-0a1b2c3d', mode: 'run-task' },
    { input: 'assign-public-ip', value: 'true', mode: 'run-task' },
    { input: 'wait-for-image', value: '5m', mode: 'image' },
    { input: 'pin-digest', value: 'false', mode: 'image' },
  ])("rejects '$input' without mode $mode", ({ input, value, mode }) => {
    expect(errorOf({ ...BASE, [input]: value }).message).toContain(
      `Input '${input}' is set but mode '${mode}' is not selected`,
    );
  });

  it('rejects a wait-for-image that is no duration', () => {
    expect(errorOf({ mode: 'image', image: REPOSITORY, 'wait-for-image': 'soon' }, GIT).message).toContain(
      "Input 'wait-for-image'",
    );
  });
});

describe('parseEnvironment', () => {
  it.each([
    { raw: '', env: [] },
    {
      raw: 'A=1\nB=two words',
      env: [
        { name: 'A', value: '1' },
        { name: 'B', value: 'two words' },
      ],
    },
    { raw: '# comment\n\nA=', env: [{ name: 'A', value: '' }] },
    { raw: 'URL=http://x?a=b', env: [{ name: 'URL', value: 'http://x?a=b' }] },
    { raw: 'A=1\nA=2', env: [{ name: 'A', value: '2' }] },
  ])('reads $raw', ({ raw, env }) => {
    expect(parseEnvironment(raw)).toEqual(env);
  });
});

describe('loadInputParsers', () => {
  const source = (inputs: Record<string, string>) => ({ getInput: (name: string) => inputs[name] ?? '', env: {} });

  it.each([
    [{}, false],
    [{ 'task-definition': 'web:7' }, false],
    [{ 'task-definition': 'arn:aws:ecs:eu-west-1:123456789012:task-definition/web:7' }, false],
    [{ 'task-definition': 'deploy/task-definition.json' }, true],
    [{ 'run-task-definition': 'migrate.yaml' }, true],
  ])('loads the YAML parser for %j: %s', async (inputs, loads) => {
    const parsers = await loadInputParsers(source(inputs));
    expect(parsers.yaml !== undefined).toBe(loads);
  });
});
