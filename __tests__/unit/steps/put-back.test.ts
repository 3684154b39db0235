import { DescribeServicesCommand, ECSClient, UpdateServiceCommand } from '@aws-sdk/client-ecs';
import {
  DeleteAliasCommand,
  GetFunctionConfigurationCommand,
  LambdaClient,
  UpdateAliasCommand,
  UpdateFunctionCodeCommand,
} from '@aws-sdk/client-lambda';
import { mockClient } from 'aws-sdk-client-mock';
import { afterEach, describe, expect, it } from 'vitest';
import { failed } from '../../../src/plan/verdict.ts';
import type { EcsResult, LambdaFunctionResult, LambdaResult } from '../../../src/results.ts';
import { putEcsBack, putLambdaBack } from '../../../src/steps/put-back.ts';
import { aDeployment, aService } from '../../support/ecs-builders.ts';
import { fakeClients } from '../../support/fake-clients.ts';
import { fakeDeps } from '../../support/fake-deps.ts';

const credentials = { accessKeyId: 'a', secretAccessKey: 'b' };
const restores: Array<() => void> = [];
afterEach(() => {
  for (const restore of restores.splice(0)) restore();
});

const BOUNDS = { intervalMs: 1000, timeoutMs: 60_000 };

function aFunction(overrides: Partial<LambdaFunctionResult> = {}): LambdaFunctionResult {
  return {
    functionName: 'api',
    functionArn: 'arn:aws:lambda:us-east-1:1:function:api',
    verdict: { state: 'succeeded' },
    changed: true,
    image: 'repo@sha256:new',
    previousImage: 'repo@sha256:old',
    changes: [],
    durationMs: 1,
    ...overrides,
  };
}

function lambdaWorld() {
  const lambda = new LambdaClient({ region: 'us-east-1', credentials, maxAttempts: 1 });
  const mock = mockClient(lambda);
  restores.push(() => mock.restore());
  return { mock, ...fakeDeps(fakeClients({ lambda })) };
}

describe('putLambdaBack', () => {
  it('moves an alias back to the version it pointed at, without touching the code', async () => {
    const w = lambdaWorld();
    w.mock.on(UpdateAliasCommand).resolves({});
    const result: LambdaResult = {
      functions: [aFunction({ alias: 'live', previousAliasVersion: '7', version: '8' })],
      changed: true,
      verdict: { state: 'succeeded' },
    };

    const lines = await putLambdaBack(result, BOUNDS, w.deps);

    expect(w.mock.commandCalls(UpdateAliasCommand).map((c) => c.args[0].input)).toEqual([
      { FunctionName: 'api', Name: 'live', FunctionVersion: '7', RoutingConfig: { AdditionalVersionWeights: {} } },
    ]);
    expect(w.mock.commandCalls(UpdateFunctionCodeCommand)).toEqual([]);
    expect(lines).toEqual(['lambda: api alias live back on version 7 (no routing)']);
  });

  it('deletes an alias the step created (it did not exist before), leaving the code as it is', async () => {
    const w = lambdaWorld();
    w.mock.on(DeleteAliasCommand).resolves({});
    const result: LambdaResult = {
      functions: [aFunction({ alias: 'live', version: '1' })],
      changed: true,
      verdict: { state: 'succeeded' },
    };

    const lines = await putLambdaBack(result, BOUNDS, w.deps);

    expect(w.mock.commandCalls(DeleteAliasCommand).map((c) => c.args[0].input)).toEqual([
      { FunctionName: 'api', Name: 'live' },
    ]);
    expect(w.mock.commandCalls(UpdateFunctionCodeCommand)).toEqual([]);
    expect(lines).toEqual(['lambda: api alias live deleted (it did not exist before this deploy)']);
  });

  it('deploys the previous image again and waits for the update, when there is no alias', async () => {
    const w = lambdaWorld();
    w.mock.on(UpdateFunctionCodeCommand).resolves({});
    w.mock
      .on(GetFunctionConfigurationCommand)
      .resolvesOnce({ LastUpdateStatus: 'InProgress' })
      .resolves({ LastUpdateStatus: 'Successful' });
    const result: LambdaResult = {
      functions: [
        aFunction(),
        aFunction({ functionName: 'worker', changed: false }),
        aFunction({ functionName: 'broken', verdict: failed('update-failed', 'x') }),
      ],
      changed: true,
      verdict: failed('update-failed', 'x'),
    };

    const lines = await putLambdaBack(result, BOUNDS, w.deps);

    expect(w.mock.commandCalls(UpdateFunctionCodeCommand).map((c) => c.args[0].input)).toEqual([
      { FunctionName: 'api', ImageUri: 'repo@sha256:old' },
    ]);
    expect(lines).toEqual(['lambda: api put back on repo@sha256:old']);
  });
});

describe('putEcsBack', () => {
  it('points the service back at the revision it ran before and follows that deployment', async () => {
    const ecs = new ECSClient({ region: 'us-east-1', credentials, maxAttempts: 1 });
    const mock = mockClient(ecs);
    restores.push(() => mock.restore());
    const w = fakeDeps(fakeClients({ ecs }));
    const back = aDeployment({ id: 'ecs-svc/back', taskDefinition: 'arn:td/web:5', rolloutState: 'COMPLETED' });
    mock.on(UpdateServiceCommand).resolves({ service: aService({ deployments: [back] }) });
    mock.on(DescribeServicesCommand).resolves({ services: [aService({ deployments: [back] })] });
    const result = {
      cluster: 'prod',
      service: 'web',
      verdict: { state: 'succeeded' },
      changed: true,
      taskDefinitionArn: 'arn:td/web:6',
      previousTaskDefinitionArn: 'arn:td/web:5',
    } as EcsResult;

    const lines = await putEcsBack(
      { services: [result], changed: true, verdict: { state: 'succeeded' } },
      BOUNDS,
      w.deps,
    );

    expect(mock.commandCalls(UpdateServiceCommand).map((c) => c.args[0].input)).toEqual([
      { cluster: 'prod', service: 'web', taskDefinition: 'arn:td/web:5', forceNewDeployment: false },
    ]);
    expect(lines).toEqual(["ecs: service 'web' put back on arn:td/web:5: done"]);
  });

  it.each([
    ['codedeploy', 'CodeDeploy'],
    ['express', 'ECS Express Mode'],
  ] as const)('sends no UpdateService to a %s service, and says how to undo it', async (controller, name) => {
    const ecs = new ECSClient({ region: 'us-east-1', credentials, maxAttempts: 1 });
    const mock = mockClient(ecs);
    restores.push(() => mock.restore());
    const w = fakeDeps(fakeClients({ ecs }));
    const result = {
      cluster: 'prod',
      service: 'web',
      controller,
      verdict: { state: 'succeeded' },
      changed: true,
      taskDefinitionArn: 'arn:td/web:6',
      previousTaskDefinitionArn: 'arn:td/web:5',
    } as EcsResult;

    const lines = await putEcsBack(
      { services: [result], changed: true, verdict: { state: 'succeeded' } },
      BOUNDS,
      w.deps,
    );

    expect(mock.commandCalls(UpdateServiceCommand)).toHaveLength(0);
    expect(lines).toEqual([
      `ecs: service 'web' deploys through ${name}: not put back by the step; deploy arn:td/web:5 again to undo it`,
    ]);
  });

  it('does nothing when the step changed nothing', async () => {
    const w = fakeDeps(fakeClients());
    expect(
      await putEcsBack(
        {
          services: [{ changed: false, verdict: { state: 'unchanged' } } as EcsResult],
          changed: false,
          verdict: { state: 'unchanged' },
        },
        BOUNDS,
        w.deps,
      ),
    ).toEqual([]);
  });
});

describe('a put-back after the job was cancelled', () => {
  const cancelled = () => {
    const controller = new AbortController();
    controller.abort();
    return controller.signal;
  };

  it('sends the Lambda update back and does not wait for it', async () => {
    const w = lambdaWorld();
    w.mock.on(UpdateFunctionCodeCommand).resolves({});
    const result: LambdaResult = { functions: [aFunction()], changed: true, verdict: { state: 'succeeded' } };

    const lines = await putLambdaBack(result, BOUNDS, { ...w.deps, cancel: cancelled() });

    expect(w.mock.commandCalls(UpdateFunctionCodeCommand).map((c) => c.args[0].input)).toEqual([
      { FunctionName: 'api', ImageUri: 'repo@sha256:old' },
    ]);
    expect(w.mock.commandCalls(GetFunctionConfigurationCommand)).toEqual([]);
    expect(lines).toEqual(['lambda: api updated back to repo@sha256:old; not waited for: the job was cancelled']);
  });

  it('points the service back and does not follow that deployment', async () => {
    const ecs = new ECSClient({ region: 'us-east-1', credentials, maxAttempts: 1 });
    const mock = mockClient(ecs);
    restores.push(() => mock.restore());
    const w = fakeDeps(fakeClients({ ecs }));
    const back = aDeployment({ id: 'ecs-svc/back', taskDefinition: 'arn:td/web:5', rolloutState: 'IN_PROGRESS' });
    mock.on(UpdateServiceCommand).resolves({ service: aService({ deployments: [back] }) });
    const result = {
      cluster: 'prod',
      service: 'web',
      verdict: { state: 'succeeded' },
      changed: true,
      taskDefinitionArn: 'arn:td/web:6',
      previousTaskDefinitionArn: 'arn:td/web:5',
    } as EcsResult;

    const lines = await putEcsBack({ services: [result], changed: true, verdict: { state: 'succeeded' } }, BOUNDS, {
      ...w.deps,
      cancel: cancelled(),
    });

    expect(mock.commandCalls(UpdateServiceCommand)).toHaveLength(1);
    expect(mock.commandCalls(DescribeServicesCommand)).toEqual([]);
    expect(lines).toEqual([
      "ecs: service 'web' pointed back at arn:td/web:5 (deployment ecs-svc/back); not waited for: the job was cancelled",
    ]);
  });
});
