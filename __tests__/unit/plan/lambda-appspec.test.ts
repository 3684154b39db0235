import { describe, expect, it } from 'vitest';
import { targetViewOf } from '../../../src/plan/codedeploy-deployment.ts';
import { trafficOf } from '../../../src/plan/codedeploy-progress.ts';
import {
  lambdaAliasProblem,
  lambdaAppSpec,
  lambdaAppSpecFile,
  lambdaGroupProblem,
} from '../../../src/plan/lambda-appspec.ts';

const MOVE = { functionName: 'api', alias: 'live', currentVersion: '3', targetVersion: '4' };

describe('the AppSpec of a Lambda deployment through CodeDeploy', () => {
  it('names the function, the alias and both versions, and no hooks without a file', () => {
    expect(lambdaAppSpec(MOVE)).toEqual({
      version: 0.0,
      Resources: [
        {
          api: {
            Type: 'AWS::Lambda::Function',
            Properties: { Name: 'api', Alias: 'live', CurrentVersion: '3', TargetVersion: '4' },
          },
        },
      ],
    });
  });

  it("keys the resource by the function's bare name when the input is an ARN", () => {
    const spec = lambdaAppSpec({ ...MOVE, functionName: 'arn:aws:lambda:us-east-1:123456789012:function:api' });
    expect(Object.keys((spec.Resources as object[])[0] ?? {})).toEqual(['api']);
  });

  it("takes the file's hooks and resource name, and fills in the rest for each function", () => {
    const file = { resourceName: 'MyFunction', hooks: [{ AfterAllowTraffic: 'smoke-test' }] };
    expect(lambdaAppSpec(MOVE, file)).toMatchObject({
      Resources: [{ MyFunction: { Properties: { Name: 'api', TargetVersion: '4' } } }],
      Hooks: [{ AfterAllowTraffic: 'smoke-test' }],
    });
  });
});

describe('a Lambda AppSpec file', () => {
  it.each([
    { name: 'hooks only', doc: { version: 0, Hooks: [{ BeforeAllowTraffic: 'pre' }] } },
    {
      name: 'a placeholder resource and both hooks',
      doc: {
        version: 0,
        Resources: [{ fn: { Type: 'AWS::Lambda::Function', Properties: { Name: '<NAME>' } } }],
        Hooks: [{ BeforeAllowTraffic: 'pre' }, { AfterAllowTraffic: 'post' }],
      },
    },
  ])('is accepted with $name', ({ doc }) => {
    expect('problem' in lambdaAppSpecFile(doc)).toBe(false);
  });

  it.each([
    { name: 'not a mapping', doc: ['x'], says: 'it is not a mapping' },
    {
      name: 'an ECS resource',
      doc: { Resources: [{ TargetService: { Type: 'AWS::ECS::Service', Properties: {} } }] },
      says: "its resource 'TargetService' is not 'Type: AWS::Lambda::Function'",
    },
    {
      name: 'two resources',
      doc: {
        Resources: [{ a: { Type: 'AWS::Lambda::Function' } }, { b: { Type: 'AWS::Lambda::Function' } }],
      },
      says: 'not a list of exactly one resource',
    },
    {
      name: 'an ECS-only hook',
      doc: { Hooks: [{ AfterAllowTestTraffic: 'x' }] },
      says: "its hook 'AfterAllowTestTraffic' is not a Lambda deployment event: use BeforeAllowTraffic or AfterAllowTraffic",
    },
    {
      name: 'a hook with no function',
      doc: { Hooks: [{ AfterAllowTraffic: '' }] },
      says: "one 'Event: function-name' pair",
    },
    { name: 'hooks as a map', doc: { Hooks: { AfterAllowTraffic: 'x' } }, says: "its 'Hooks' is not a list" },
  ])('is refused when it has $name', ({ doc, says }) => {
    const parsed = lambdaAppSpecFile(doc);
    expect('problem' in parsed ? parsed.problem : 'accepted').toContain(says);
  });
});

describe('what CodeDeploy needs before a Lambda deployment', () => {
  it.each([
    { platform: 'Lambda', problem: undefined },
    {
      platform: 'ECS',
      problem: 'deploys to ECS, not Lambda: name a group of an application created with compute platform Lambda',
    },
    { platform: 'Server', problem: 'deploys to Server, not Lambda' },
  ] as const)('a deployment group with compute platform $platform', ({ platform, problem }) => {
    const found = lambdaGroupProblem({ applicationName: 'app', deploymentGroupName: 'dg', computePlatform: platform });
    if (problem === undefined) expect(found).toBeUndefined();
    else expect(found).toContain(problem);
  });

  it.each([
    { version: '3', problem: undefined },
    { version: undefined, problem: "has no alias 'live', and CodeDeploy only shifts an alias that exists" },
    { version: '$LATEST', problem: 'points at $LATEST' },
  ])('an alias on version $version', ({ version, problem }) => {
    const found = lambdaAliasProblem('api', 'live', version);
    if (problem === undefined) expect(found).toBeUndefined();
    else expect(found).toContain(problem);
  });
});

describe("a Lambda deployment target's traffic", () => {
  it.each([
    { weight: 10, split: 'version 3 90% / version 4 10%' },
    { weight: 100, split: 'version 3 0% / version 4 100%' },
    { weight: undefined, split: undefined },
  ])('targetVersionWeight $weight reads $split', ({ weight, split }) => {
    const view = targetViewOf({
      deploymentTargetType: 'LambdaTarget',
      lambdaTarget: {
        status: 'InProgress',
        lifecycleEvents: [],
        lambdaFunctionInfo: {
          functionName: 'api',
          functionAlias: 'live',
          currentVersion: '3',
          targetVersion: '4',
          ...(weight === undefined ? {} : { targetVersionWeight: weight }),
        },
      },
    });
    expect(trafficOf(view)).toBe(split);
  });
});
