import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { type AliasConfiguration, GetAliasCommand } from '@aws-sdk/client-lambda';
import { describe, expect, it } from 'vitest';
import { getParameter, lambdaClient, putParameterHistory } from '../support/aws-fixtures.ts';
import { seedLambdaCodeDeployGroup } from '../support/codedeploy-fixtures.ts';
import { type CodeDeployScript, codeDeployOn } from '../support/codedeploy-scenarios.ts';
import { seedAliasedFunctions, type TrafficWorld } from '../support/lambda-traffic-fixtures.ts';
import type { ActionRun, RunActionOptions } from '../support/run-action.ts';
import { errorText, runAction, runPostStep, transcript } from '../support/run-action.ts';
import type { Testbed } from '../support/testbed.ts';
import { useTestbed } from '../support/testbed.ts';

// Lambda functions deployed through CodeDeploy, end to end through the bundled action: moto
// stores the Lambda application, group and deployments; the proxy plays each deployment
// (codedeploy-scenarios.ts with codedeploy-lambda.ts) and moves moto's real alias as
// CodeDeploy would: to the target version at the end, back to the current one on rollback.

const APPSPEC_HOOKS = [
  'version: 0.0',
  'Resources:',
  '  - MyFunction:',
  '      Type: AWS::Lambda::Function',
  '      Properties:',
  '        Name: <FUNCTION>',
  '        Alias: <ALIAS>',
  '        CurrentVersion: <CURRENT>',
  '        TargetVersion: <TARGET>',
  'Hooks:',
  '  - AfterAllowTraffic: smoke-test',
  '',
].join('\n');

async function aliasOf(lane: Testbed, name: string): Promise<AliasConfiguration> {
  const lambda = lambdaClient(lane.moto.url);
  try {
    return await lambda.send(new GetAliasCommand({ FunctionName: name, Name: 'live' }));
  } finally {
    lambda.destroy();
  }
}

const isOn = (alias: AliasConfiguration, version: string) =>
  alias.FunctionVersion === version && Object.keys(alias.RoutingConfig?.AdditionalVersionWeights ?? {}).length === 0;

interface World extends TrafficWorld {
  application: string;
  group: string;
}

async function seed(
  lane: Testbed,
  key: string,
  script: CodeDeployScript,
  options: { functions?: string[]; computePlatform?: 'Lambda' | 'ECS' } = {},
): Promise<World> {
  const world = await seedAliasedFunctions(
    { endpoint: lane.moto.url, proxy: lane.proxy },
    `cd-${key}`,
    options.functions ?? [`fn-cd-${key}`],
  );
  const group = await seedLambdaCodeDeployGroup(lane.moto.url, {
    application: `app-${key}`,
    group: `dg-${key}`,
    ...(options.computePlatform === undefined ? {} : { computePlatform: options.computePlatform }),
  });
  codeDeployOn(lane.proxy).script(group.group, { eventSeconds: 0.3, ...script });
  return { ...world, ...group };
}

function deploy(
  lane: Testbed,
  world: World,
  inputs: Record<string, string> = {},
  options: Partial<RunActionOptions> = {},
): Promise<ActionRun> {
  return runAction({
    inputs: {
      mode: 'lambda',
      image: world.v2.tagged,
      'function-name': world.functions.join('\n'),
      'lambda-alias': 'live',
      'codedeploy-application': world.application,
      'codedeploy-deployment-group': world.group,
      'poll-interval': '1s',
      'wait-timeout': '60s',
      ...inputs,
    },
    env: lane.awsEnv,
    timeoutMs: 90_000,
    ...options,
  });
}

const appSpecsSent = (lane: Testbed): Array<Record<string, unknown>> =>
  lane.proxy.calls
    .filter((c) => c.operation === 'CreateDeployment')
    .map(
      (c) =>
        JSON.parse(
          (c.body as { revision?: { appSpecContent?: { content?: string } } }).revision?.appSpecContent?.content ??
            '{}',
        ) as Record<string, unknown>,
    );

describe.concurrent('mode lambda deploys through CodeDeploy', () => {
  const testbed = useTestbed();

  it('succeeds: the AppSpec moves the alias from 1 to 2, the alias is on 2 at the end, the deployment id out, the events in the summary', () =>
    testbed.lane(async (lane) => {
      const world = await seed(lane, 'ok', {});
      const run = await deploy(lane, world);

      expect(run.exitCode, transcript(run)).toBe(0);
      expect(appSpecsSent(lane)).toEqual([
        {
          version: 0,
          Resources: [
            {
              'fn-cd-ok': {
                Type: 'AWS::Lambda::Function',
                Properties: { Name: 'fn-cd-ok', Alias: 'live', CurrentVersion: '1', TargetVersion: '2' },
              },
            },
          ],
        },
      ]);
      expect(lane.proxy.callsTo('UpdateAlias')).toBe(0);
      expect(isOn(await aliasOf(lane, 'fn-cd-ok'), '2')).toBe(true);
      const [deployment] = codeDeployOn(lane.proxy)
        .deployments()
        .filter((d) => d.group === world.group);
      expect(run.outputs['codedeploy-deployment-id']).toBe(deployment?.id);
      expect(run.outputs['lambda-version']).toBe('2');
      expect(run.stdout).toContain('traffic: version 1 0% / version 2 100%');
      expect(run.stdout).toMatch(/AllowTraffic succeeded after/);
      expect(run.summary).toContain('`AfterAllowTraffic`');
      expect(run.summary).toContain('version 1 0% / version 2 100%');
    }));

  it('an AfterAllowTraffic hook that fails: the event, the hook and its diagnostics named, the alias back on 1, the parameter untouched', () =>
    testbed.lane(async (lane) => {
      const world = await seed(lane, 'hook', {
        failAt: { event: 'AfterAllowTraffic', message: 'smoke test: 3 of 10 requests failed' },
      });
      await putParameterHistory(lane.moto.url, '/app/cd/image-tag', ['v1']);
      const dir = mkdtempSync(join(tmpdir(), 'image-deploy-lambda-appspec-'));
      writeFileSync(join(dir, 'appspec.yaml'), APPSPEC_HOOKS);
      const run = await deploy(
        lane,
        world,
        { mode: 'lambda, parameter', 'parameter-name': '/app/cd/image-tag', 'codedeploy-appspec': 'appspec.yaml' },
        { workspace: dir },
      );

      expect(run.exitCode, transcript(run)).toBe(1);
      const error = errorText(run);
      expect(error).toContain('failed at lifecycle event AfterAllowTraffic');
      expect(error).toContain("The AfterAllowTraffic hook (Lambda function 'smoke-test') failed.");
      expect(error).toContain('Diagnostics: ScriptFailed: smoke test: 3 of 10 requests failed');
      expect(error).toContain('CodeDeploy rolled back with deployment');
      expect(error).toContain('alias live is on version 1 again');
      expect(appSpecsSent(lane)[0]).toMatchObject({
        Resources: [{ MyFunction: { Properties: { Name: 'fn-cd-hook', CurrentVersion: '1', TargetVersion: '2' } } }],
        Hooks: [{ AfterAllowTraffic: 'smoke-test' }],
      });
      expect(isOn(await aliasOf(lane, 'fn-cd-hook'), '1')).toBe(true);
      expect(lane.proxy.callsTo('PutParameter')).toBe(0);
      expect((await getParameter(lane.moto.url, '/app/cd/image-tag'))?.value).toBe('v1');
    }));

  it('two functions: one whose hook fails stops and rolls back the other, both aliases back on 1', () =>
    testbed.lane(async (lane) => {
      const world = await seed(lane, 'pair', {}, { functions: ['fn-cd-pair-a', 'fn-cd-pair-b'] });
      // fn-cd-pair-b's deployment fails at its first event; fn-cd-pair-a's runs longer.
      codeDeployOn(lane.proxy).script(world.group, { eventSeconds: 2 });
      lane.proxy.overlay('codedeploy', 'CreateDeployment', async (req, next) => {
        const content = (req.call.body as { revision?: { appSpecContent?: { content?: string } } }).revision
          ?.appSpecContent?.content;
        if (content?.includes('fn-cd-pair-b'))
          codeDeployOn(lane.proxy).script(world.group, {
            eventSeconds: 0.3,
            failAt: { event: 'BeforeAllowTraffic', message: 'pre-traffic check failed' },
          });
        else codeDeployOn(lane.proxy).script(world.group, { eventSeconds: 2 });
        return next();
      });
      const run = await deploy(lane, world, {}, {});

      expect(run.exitCode, transcript(run)).toBe(1);
      const error = errorText(run);
      expect(error).toContain("Lambda function 'fn-cd-pair-b'");
      expect(error).toContain('failed at lifecycle event BeforeAllowTraffic');
      expect(error).toContain("stopped because Lambda function 'fn-cd-pair-b' failed");
      expect(lane.proxy.callsTo('StopDeployment')).toBe(1);
      expect(isOn(await aliasOf(lane, 'fn-cd-pair-a'), '1')).toBe(true);
      expect(isOn(await aliasOf(lane, 'fn-cd-pair-b'), '1')).toBe(true);
    }));

  it('a job cancelled mid-deployment: StopDeployment with rollback, and the post step follows it until the alias is back', () =>
    testbed.lane(async (lane) => {
      const world = await seed(lane, 'cancel', { eventSeconds: 30 });
      let pid: number | undefined;
      let created: () => void = () => {};
      const started = new Promise<void>((resolve) => (created = resolve));
      lane.proxy.overlay('codedeploy', 'GetDeployment', async (_req, next) => {
        created();
        return next();
      });
      const running = deploy(lane, world, {}, { onSpawn: (p) => (pid = p), timeoutMs: 40_000 });
      await started;
      process.kill(pid ?? 0, 'SIGINT');
      const run = await running;

      expect(run.exitCode, transcript(run)).toBe(1);
      expect(errorText(run)).toContain('The job was cancelled');
      expect(lane.proxy.callsTo('StopDeployment')).toBe(1);
      const state = /::save-state name=rollback::(.*)/.exec(run.stdout)?.[1] ?? '';
      expect(JSON.parse(state)).toMatchObject([
        { controller: 'codedeploy', functionName: 'fn-cd-cancel', to: 'version 1' },
      ]);
      const post = await runPostStep({ ...lane.awsEnv, STATE_rollback: state });
      expect(post.code, post.stdout).toBe(0);
      expect(post.stdout).toContain("Lambda function 'fn-cd-cancel': Rolled back");
      expect(isOn(await aliasOf(lane, 'fn-cd-cancel'), '1')).toBe(true);
    }));

  it('a dry run prints the group and the AppSpec, and changes nothing', () =>
    testbed.lane(async (lane) => {
      const world = await seed(lane, 'dry', {});
      const run = await deploy(lane, world, { 'dry-run': 'true' });

      expect(run.exitCode, transcript(run)).toBe(0);
      expect(run.stdout).toContain(
        `fn-cd-dry: Dry run: would create a CodeDeploy deployment in group '${world.group}' of application '${world.application}' with this AppSpec:`,
      );
      expect(run.stdout).toContain('"TargetVersion": "<the version this run publishes>"');
      expect(run.stdout).toContain('"CurrentVersion": "1"');
      for (const call of ['UpdateFunctionCode', 'PublishVersion', 'CreateDeployment', 'UpdateAlias'])
        expect(lane.proxy.callsTo(call), call).toBe(0);
      expect(isOn(await aliasOf(lane, 'fn-cd-dry'), '1')).toBe(true);
    }));

  it.each<{ name: string; key: string; computePlatform?: 'ECS'; inputs: Record<string, string>; says: string }>([
    {
      name: 'a deployment group of an ECS application',
      key: 'ecsgroup',
      computePlatform: 'ECS',
      inputs: {},
      says: 'deploys to ECS, not Lambda',
    },
    {
      name: 'an alias that does not exist',
      key: 'noalias',
      inputs: { 'lambda-alias': 'canary' },
      says: "has no alias 'canary', and CodeDeploy only shifts an alias that exists",
    },
    {
      name: 'a group that does not exist',
      key: 'nogroup',
      inputs: { 'codedeploy-deployment-group': 'missing' },
      says: "Deployment group 'missing' of CodeDeploy application 'app-nogroup' does not exist",
    },
  ])('refuses $name before any change', ({ key, inputs, says, ...rest }) =>
    testbed.lane(async (lane) => {
      const world = await seed(
        lane,
        key,
        {},
        'computePlatform' in rest ? { computePlatform: rest.computePlatform } : {},
      );
      const run = await deploy(lane, world, inputs);

      expect(run.exitCode, transcript(run)).toBe(1);
      expect(errorText(run)).toContain(says);
      expect(lane.proxy.callsTo('UpdateFunctionCode')).toBe(0);
      expect(lane.proxy.callsTo('PublishVersion')).toBe(0);
      expect(lane.proxy.callsTo('CreateDeployment')).toBe(0);
    }),
  );
});
