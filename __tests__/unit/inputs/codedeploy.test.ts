import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import * as yaml from 'yaml';
import { UserError } from '../../../src/errors.ts';
import { readCodeDeploy, readLambdaCodeDeploy } from '../../../src/inputs/codedeploy.ts';
import { loadInputParsers, readInputs } from '../../../src/inputs/read-inputs.ts';

const root = mkdtempSync(join(tmpdir(), 'image-deploy-appspec-'));
const workspace = join(root, 'workspace');
mkdirSync(workspace);
const env = { GITHUB_WORKSPACE: workspace };
const APPSPEC =
  'version: 0.0\nResources:\n  - TargetService:\n      Type: AWS::ECS::Service\n      Properties:\n        TaskDefinition: <TASK_DEFINITION>\n        LoadBalancerInfo:\n          ContainerName: app\n          ContainerPort: 80\n';
writeFileSync(join(workspace, 'appspec.yaml'), APPSPEC);
writeFileSync(
  join(workspace, 'lambda.yaml'),
  'version: 0.0\nResources:\n  - fn:\n      Type: AWS::Lambda::Function\n      Properties: {}\n',
);
writeFileSync(
  join(workspace, 'lambda-hooks.yaml'),
  'version: 0.0\nResources:\n  - fn:\n      Type: AWS::Lambda::Function\n      Properties: {}\nHooks:\n  - BeforeAllowTraffic: check-before\n  - AfterAllowTraffic: check-after\n',
);
writeFileSync(join(workspace, 'broken.json'), '{"Resources": [');
afterAll(() => rmSync(root, { recursive: true, force: true }));

const getFrom = (inputs: Record<string, string>) => (name: string) => inputs[name] ?? '';

function refusal(inputs: Record<string, string>): string {
  try {
    readCodeDeploy(getFrom(inputs), env, yaml);
  } catch (error) {
    if (error instanceof UserError) return error.message;
    throw error;
  }
  throw new Error('accepted');
}

describe('the codedeploy-* inputs', () => {
  it('are all optional: the names default per service later', () => {
    expect(readCodeDeploy(getFrom({}), env, yaml)).toEqual({});
  });

  it('read names, a configuration and an AppSpec file', () => {
    const read = readCodeDeploy(
      getFrom({
        'codedeploy-application': 'web-app',
        'codedeploy-deployment-group': 'web-dg',
        'codedeploy-deployment-config': 'CodeDeployDefault.ECSLinear10PercentEvery1Minutes',
        'codedeploy-appspec': 'appspec.yaml',
      }),
      env,
      yaml,
    );
    expect(read).toMatchObject({
      application: 'web-app',
      deploymentGroup: 'web-dg',
      deploymentConfig: 'CodeDeployDefault.ECSLinear10PercentEvery1Minutes',
      appSpec: { path: join(workspace, 'appspec.yaml') },
    });
  });

  it.each([
    [
      'a name with a space',
      { 'codedeploy-application': 'my app' },
      "Input 'codedeploy-application' ('my app') is not a CodeDeploy name",
    ],
    [
      'a missing AppSpec file',
      { 'codedeploy-appspec': 'nope.yaml' },
      "Input 'codedeploy-appspec' ('nope.yaml') is not a file that exists",
    ],
    [
      'an AppSpec for Lambda',
      { 'codedeploy-appspec': 'lambda.yaml' },
      'is not an ECS AppSpec: its resource is not an ECS service',
    ],
    ['a file that is not JSON or YAML', { 'codedeploy-appspec': 'broken.json' }, 'is not valid JSON or YAML'],
    ['a file outside the workspace', { 'codedeploy-appspec': '/etc/hostname' }, 'is outside the workspace'],
  ])('refuse %s, naming the input', (_name, inputs, message) => {
    expect(refusal(inputs)).toContain(message);
  });

  it('load the YAML parser when an AppSpec file is named, and need mode ecs or lambda', async () => {
    const base = {
      mode: 'ecs',
      region: 'us-east-1',
      service: 'web',
      'codedeploy-appspec': 'appspec.yaml',
      'wait-until': 'AllowTraffic',
    };
    const source = { getInput: getFrom(base), env };
    const parsers = await loadInputParsers(source);
    expect(parsers.yaml).toBeDefined();
    const settings = readInputs({ ...source, ...parsers });
    expect(settings.ecs?.waitUntil).toBe('AllowTraffic');
    expect(settings.ecs?.codeDeploy?.appSpec?.path).toBe(join(workspace, 'appspec.yaml'));
    expect(() =>
      readInputs({
        getInput: getFrom({
          mode: 'image',
          region: 'us-east-1',
          image: 'r.example/x:1',
          'codedeploy-application': 'a',
        }),
        env,
      }),
    ).toThrow("Input 'codedeploy-application' is set but neither mode 'ecs' nor mode 'lambda' is selected");
  });

  it.each([
    { file: 'lambda.yaml', hooks: [] },
    {
      file: 'lambda-hooks.yaml',
      hooks: [{ BeforeAllowTraffic: 'check-before' }, { AfterAllowTraffic: 'check-after' }],
    },
  ])('read a Lambda AppSpec file ($file): its hooks, its resource name', ({ file, hooks }) => {
    const options = readLambdaCodeDeploy(
      getFrom({ 'codedeploy-application': 'a', 'codedeploy-deployment-group': 'g', 'codedeploy-appspec': file }),
      env,
      yaml,
    );
    expect(options?.appSpec?.file).toEqual({ resourceName: 'fn', hooks });
  });

  it('refuse an ECS AppSpec file for Lambda, naming the input and the fix', () => {
    expect(() =>
      readLambdaCodeDeploy(
        getFrom({
          'codedeploy-application': 'a',
          'codedeploy-deployment-group': 'g',
          'codedeploy-appspec': 'appspec.yaml',
        }),
        env,
        yaml,
      ),
    ).toThrow(
      "Input 'codedeploy-appspec' ('appspec.yaml') is not a Lambda AppSpec: its resource 'TargetService' is not 'Type: AWS::Lambda::Function'",
    );
  });
});
