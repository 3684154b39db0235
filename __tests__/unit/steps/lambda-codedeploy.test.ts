import {
  CodeDeployClient,
  CreateDeploymentCommand,
  type DeploymentInfo,
  GetDeploymentCommand,
  ListDeploymentTargetsCommand,
  StopDeploymentCommand,
} from '@aws-sdk/client-codedeploy';
import { LambdaClient, UpdateAliasCommand } from '@aws-sdk/client-lambda';
import { mockClient } from 'aws-sdk-client-mock';
import { describe, expect, it } from 'vitest';
import type { LambdaFunctionResult } from '../../../src/results.ts';
import type { LambdaOptions } from '../../../src/settings.ts';
import { applyCodeDeploy } from '../../../src/steps/lambda-codedeploy.ts';
import type { LambdaPlan } from '../../../src/steps/lambda-plan.ts';
import { fakeClients } from '../../support/fake-clients.ts';
import { fakeDeps } from '../../support/fake-deps.ts';

// Lambda through CodeDeploy once every function published its version: what is created,
// and how failures are settled (on a fake clock, with mocked CodeDeploy and Lambda clients).

function world(names: string[], aliasVersions: Record<string, string> = {}) {
  const cdClient = new CodeDeployClient({
    region: 'us-east-1',
    credentials: { accessKeyId: 'a', secretAccessKey: 'b' },
  });
  const lambdaClient = new LambdaClient({
    region: 'us-east-1',
    credentials: { accessKeyId: 'a', secretAccessKey: 'b' },
  });
  const cd = mockClient(cdClient);
  const lambda = mockClient(lambdaClient);
  cd.on(ListDeploymentTargetsCommand).resolves({ targetIds: [] });
  const fake = fakeDeps(fakeClients({ codedeploy: cdClient, lambda: lambdaClient }));
  const options = {
    functionNames: names,
    publish: true,
    alias: 'live',
    traffic: { kind: 'all-at-once' },
    alarms: [],
    dryRun: false,
    region: 'us-east-1',
    wait: { timeoutMs: 60_000, intervalMs: 2000 },
    codeDeploy: { application: 'app', deploymentGroup: 'dg' },
  } as unknown as LambdaOptions;
  const plan = {
    options,
    functions: names.map((functionName) => ({
      functionName,
      alias: { alias: { Name: 'live', FunctionVersion: aliasVersions[functionName] ?? '1' } },
      decision: { skip: false },
    })),
  } as unknown as LambdaPlan;
  const published: LambdaFunctionResult[] = names.map((functionName) => ({
    functionName,
    functionArn: `arn:aws:lambda:us-east-1:123456789012:function:${functionName}`,
    verdict: { state: 'succeeded' },
    changed: true,
    image: 'repo@sha256:new',
    version: '2',
    alias: 'live',
    changes: [],
    durationMs: 1000,
  }));
  return { cd, lambda, fake, plan, published };
}

const info = (id: string, status: DeploymentInfo['status'], extra: Partial<DeploymentInfo> = {}) => ({
  deploymentInfo: { deploymentId: id, status, deploymentOverview: {}, ...extra },
});

describe('applyCodeDeploy', () => {
  it('creates one deployment per function with its alias from the current version to the published one', async () => {
    const { cd, fake, plan, published } = world(['api']);
    cd.on(CreateDeploymentCommand).resolves({ deploymentId: 'd-API' });
    cd.on(GetDeploymentCommand).resolves(info('d-API', 'Succeeded'));
    const { functions } = await applyCodeDeploy(plan, published, fake.deps);

    expect(functions[0]?.verdict).toEqual({ state: 'succeeded' });
    expect(functions[0]?.codeDeploy?.deploymentId).toBe('d-API');
    const sent = cd.commandCalls(CreateDeploymentCommand)[0]?.args[0].input;
    expect(sent).toMatchObject({
      applicationName: 'app',
      deploymentGroupName: 'dg',
      revision: { revisionType: 'AppSpecContent' },
    });
    expect(JSON.parse(sent?.revision?.appSpecContent?.content ?? '{}')).toEqual({
      version: 0,
      Resources: [
        {
          api: {
            Type: 'AWS::Lambda::Function',
            Properties: { Name: 'api', Alias: 'live', CurrentVersion: '1', TargetVersion: '2' },
          },
        },
      ],
    });
  });

  it('deploys nothing for an alias already on the published version, and says so', async () => {
    const { cd, fake, plan, published } = world(['api'], { api: '2' });
    const { functions } = await applyCodeDeploy(plan, published, fake.deps);

    expect(cd.commandCalls(CreateDeploymentCommand)).toHaveLength(0);
    expect(functions[0]?.verdict).toEqual({ state: 'succeeded' });
    expect(fake.messages('info')).toContain('api: alias live already points at version 2: nothing to deploy.');
  });

  it('stops a deployment that outlives wait-timeout with rollback, and follows the rollback to its end', async () => {
    const { cd, fake, plan, published } = world(['api']);
    let stopped = false;
    cd.on(CreateDeploymentCommand).resolves({ deploymentId: 'd-API' });
    cd.on(StopDeploymentCommand).callsFake(() => {
      stopped = true;
      return { status: 'Pending' };
    });
    cd.on(GetDeploymentCommand, { deploymentId: 'd-API' }).callsFake(() =>
      stopped
        ? info('d-API', 'Stopped', { rollbackInfo: { rollbackDeploymentId: 'd-BACK' } })
        : info('d-API', 'InProgress'),
    );
    cd.on(GetDeploymentCommand, { deploymentId: 'd-BACK' }).resolves(info('d-BACK', 'Succeeded'));
    const { functions } = await applyCodeDeploy(plan, published, fake.deps);

    const verdict = functions[0]?.verdict;
    expect(verdict?.state === 'failed' && verdict.kind).toBe('timed-out');
    expect(cd.commandCalls(StopDeploymentCommand).map((c) => c.args[0].input)).toEqual([
      { deploymentId: 'd-API', autoRollbackEnabled: true },
    ]);
    expect(verdict?.state === 'failed' && verdict.details).toContain(
      'Rolled back: rollback deployment d-BACK succeeded; alias live is on version 1 again.',
    );
    expect(functions[0]?.rollback).toEqual({ by: 'stop-deployment', verdict: { state: 'succeeded' }, to: 'version 1' });
  });

  it('judges the functions together: one failed by CodeDeploy puts back the alias of one that succeeded', async () => {
    const { cd, lambda, fake, plan, published } = world(['api', 'worker']);
    cd.on(CreateDeploymentCommand).callsFake((input: { revision?: { appSpecContent?: { content?: string } } }) => ({
      deploymentId: input.revision?.appSpecContent?.content?.includes('"worker"') ? 'd-WORKER' : 'd-API',
    }));
    cd.on(GetDeploymentCommand, { deploymentId: 'd-API' }).resolves(info('d-API', 'Succeeded'));
    cd.on(GetDeploymentCommand, { deploymentId: 'd-WORKER' }).resolves(
      info('d-WORKER', 'Failed', {
        errorInformation: { code: 'HOOK_EXECUTION_FAILURE', message: 'a hook failed' },
        rollbackInfo: { rollbackDeploymentId: 'd-WBACK' },
      }),
    );
    cd.on(GetDeploymentCommand, { deploymentId: 'd-WBACK' }).resolves(info('d-WBACK', 'Succeeded'));
    lambda.on(UpdateAliasCommand).resolves({ FunctionVersion: '1' });
    const { functions } = await applyCodeDeploy(plan, published, fake.deps);

    const [api, worker] = functions;
    expect(api?.verdict).toMatchObject({
      state: 'failed',
      kind: 'rolled-back',
      reason: "alias live put back on version 1 because Lambda function 'worker' failed.",
    });
    expect(lambda.commandCalls(UpdateAliasCommand).map((c) => c.args[0].input)).toEqual([
      { FunctionName: 'api', Name: 'live', FunctionVersion: '1', RoutingConfig: { AdditionalVersionWeights: {} } },
    ]);
    expect(worker?.verdict).toMatchObject({ state: 'failed', kind: 'rolled-back' });
    expect(worker?.verdict.state === 'failed' && worker.verdict.details).toContain(
      'Error HOOK_EXECUTION_FAILURE: a hook failed',
    );
    expect(cd.commandCalls(StopDeploymentCommand)).toHaveLength(0);
  });

  it('stops one still in progress when another failed, and puts back one that ended Succeeded meanwhile', async () => {
    const { cd, lambda, fake, plan, published } = world(['api', 'web', 'worker']);
    cd.on(CreateDeploymentCommand).callsFake((input: { revision?: { appSpecContent?: { content?: string } } }) => {
      const content = input.revision?.appSpecContent?.content ?? '';
      return {
        deploymentId: content.includes('"worker"') ? 'd-WORKER' : content.includes('"web"') ? 'd-WEB' : 'd-API',
      };
    });
    let stopped = false;
    cd.on(StopDeploymentCommand).callsFake(() => {
      stopped = true;
      return { status: 'Pending' };
    });
    // api is in progress at the first poll and Succeeded at the second; web stays in progress until stopped.
    cd.on(GetDeploymentCommand, { deploymentId: 'd-API' })
      .resolvesOnce(info('d-API', 'InProgress'))
      .resolves(info('d-API', 'Succeeded'));
    cd.on(GetDeploymentCommand, { deploymentId: 'd-WEB' }).callsFake(() =>
      stopped
        ? info('d-WEB', 'Stopped', { rollbackInfo: { rollbackDeploymentId: 'd-WEBBACK' } })
        : info('d-WEB', 'InProgress'),
    );
    cd.on(GetDeploymentCommand, { deploymentId: 'd-WEBBACK' }).resolves(info('d-WEBBACK', 'Succeeded'));
    cd.on(GetDeploymentCommand, { deploymentId: 'd-WORKER' }).resolves(info('d-WORKER', 'Failed'));
    lambda.on(UpdateAliasCommand).resolves({ FunctionVersion: '1' });
    const { functions } = await applyCodeDeploy(plan, published, fake.deps);

    const [api, web] = functions;
    expect(api?.rollback).toMatchObject({ by: 'update-alias', verdict: { state: 'succeeded' } });
    expect(web?.verdict).toMatchObject({
      kind: 'rolled-back',
      reason: expect.stringContaining("stopped because Lambda function 'worker' failed"),
    });
    expect(web?.rollback).toMatchObject({ by: 'stop-deployment', verdict: { state: 'succeeded' } });
    expect(cd.commandCalls(StopDeploymentCommand).map((c) => c.args[0].input.deploymentId)).toEqual(['d-WEB']);
    // worker's own failure left no rollback of CodeDeploy's, so its alias is put back too.
    expect(
      lambda
        .commandCalls(UpdateAliasCommand)
        .map((c) => c.args[0].input.FunctionName)
        .sort(),
    ).toEqual(['api', 'worker']);
  });

  it('puts the alias back itself when CodeDeploy failed the deployment without rolling it back', async () => {
    const { cd, lambda, fake, plan, published } = world(['api']);
    cd.on(CreateDeploymentCommand).resolves({ deploymentId: 'd-API' });
    cd.on(GetDeploymentCommand).resolves(
      info('d-API', 'Failed', { errorInformation: { code: 'HOOK_EXECUTION_FAILURE', message: 'a hook failed' } }),
    );
    lambda.on(UpdateAliasCommand).resolves({ FunctionVersion: '1' });
    const { functions } = await applyCodeDeploy(plan, published, fake.deps);

    const verdict = functions[0]?.verdict;
    expect(verdict?.state === 'failed' && verdict.details).toContain(
      'CodeDeploy made no rollback deployment for d-API.',
    );
    expect(functions[0]?.rollback).toEqual({ by: 'update-alias', verdict: { state: 'succeeded' }, to: 'version 1' });
    expect(lambda.commandCalls(UpdateAliasCommand).map((c) => c.args[0].input)).toEqual([
      { FunctionName: 'api', Name: 'live', FunctionVersion: '1', RoutingConfig: { AdditionalVersionWeights: {} } },
    ]);
  });

  it('creates nothing when a function failed before its version was published', async () => {
    const { cd, fake, plan, published } = world(['api', 'worker']);
    const failedOne = {
      ...published[1],
      verdict: { state: 'failed', kind: 'update-failed', reason: 'x', details: [] },
    };
    const { functions } = await applyCodeDeploy(plan, [published[0], failedOne] as LambdaFunctionResult[], fake.deps);

    expect(cd.commandCalls(CreateDeploymentCommand)).toHaveLength(0);
    expect(functions[1]?.verdict.state).toBe('failed');
  });
});
