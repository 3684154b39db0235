import { describe, expect, it } from 'vitest';
import type { EcsDeployment, RolloutContext } from '../../support/scenario-proxy.ts';
import {
  CIRCUIT_BREAKER_REASON,
  circuitBreakerRollback,
  completesAfter,
  crashLoop,
  lambdaFunctionName,
  lambdaOperationOf,
  neverCompletes,
} from '../../support/scenario-proxy.ts';

// The instrument's scripts and routes, pure: if they lied, the e2e tests would prove nothing.

const T0 = 1_750_000_000_000;
const OLD_TD = 'arn:aws:ecs:us-east-1:123456789012:task-definition/web:1';
const NEW_TD = 'arn:aws:ecs:us-east-1:123456789012:task-definition/web:2';

function deployment(id: string, taskDefinition: string): EcsDeployment {
  return {
    id,
    status: 'PRIMARY',
    taskDefinition,
    desiredCount: 2,
    pendingCount: 0,
    runningCount: 0,
    failedTasks: 0,
    createdAt: T0 / 1000,
    updatedAt: T0 / 1000,
    rolloutState: 'IN_PROGRESS',
  };
}

const ctx: RolloutContext = {
  serviceName: 'web',
  ours: deployment('ecs-svc/2222222222222222222', NEW_TD),
  previous: deployment('ecs-svc/1111111111111111111', OLD_TD),
  desiredCount: 2,
  taskDefinitionArn: NEW_TD,
  previousTaskDefinitionArn: OLD_TD,
  startedAt: T0,
};

function summary(
  elapsedMs: number,
  script: (elapsed: number, c: RolloutContext) => ReturnType<ReturnType<typeof completesAfter>>,
): string[] {
  const state = script(elapsedMs, ctx);
  return state.deployments.map(
    (d) =>
      `${d.taskDefinition.split('/').pop()} ${d.status} ${d.rolloutState} ${d.runningCount}/${d.desiredCount} failed ${d.failedTasks}`,
  );
}

describe('rollout scripts', () => {
  it.each([
    { at: 0, expected: ['web:2 PRIMARY IN_PROGRESS 0/2 failed 0', 'web:1 ACTIVE COMPLETED 2/2 failed 0'] },
    { at: 1000, expected: ['web:2 PRIMARY IN_PROGRESS 1/2 failed 0', 'web:1 ACTIVE COMPLETED 2/2 failed 0'] },
    { at: 2000, expected: ['web:2 PRIMARY COMPLETED 2/2 failed 0'] },
  ])('completesAfter(2000) at $at ms', ({ at, expected }) => {
    expect(summary(at, completesAfter(2000))).toEqual(expected);
  });

  it('completesAfter reports a steady state once done', () => {
    expect(completesAfter(2000)(2000, ctx).events[0]?.message).toBe('(service web) has reached a steady state.');
  });

  it.each([
    {
      at: 1499,
      expected: ['web:2 PRIMARY IN_PROGRESS 0/2 failed 2', 'web:1 ACTIVE COMPLETED 2/2 failed 0'],
      taskDefinition: NEW_TD,
    },
    {
      at: 1500,
      expected: [
        'web:1 PRIMARY IN_PROGRESS 0/2 failed 0',
        'web:2 ACTIVE FAILED 0/2 failed 3',
        'web:1 ACTIVE COMPLETED 2/2 failed 0',
      ],
      taskDefinition: OLD_TD,
    },
    { at: 3000, expected: ['web:1 PRIMARY COMPLETED 2/2 failed 0'], taskDefinition: OLD_TD },
  ])('circuitBreakerRollback at $at ms', ({ at, expected, taskDefinition }) => {
    const script = circuitBreakerRollback({ failAfterMs: 1500, rolledBackAfterMs: 3000 });
    expect(summary(at, script)).toEqual(expected);
    expect(script(at, ctx).taskDefinition).toBe(taskDefinition);
  });

  it('circuitBreakerRollback gives ECS reason and a rollback deployment with a new id', () => {
    const state = circuitBreakerRollback({ failAfterMs: 1500, rolledBackAfterMs: 3000 })(1500, ctx);
    const ours = state.deployments.find((d) => d.id === ctx.ours.id);
    expect(ours?.rolloutStateReason).toBe(CIRCUIT_BREAKER_REASON);
    expect(state.deployments[0]?.id).toMatch(/^ecs-svc\/\d{19}$/);
    expect(state.deployments[0]?.id).not.toBe(ctx.ours.id);
  });

  it('crashLoop stops one more task every interval, and never gives up', () => {
    const script = crashLoop({
      everyMs: 500,
      exitCode: 137,
      reason: 'OutOfMemoryError: Container killed due to memory usage',
    });
    expect(summary(1600, script)).toEqual([
      'web:2 PRIMARY IN_PROGRESS 0/2 failed 3',
      'web:1 ACTIVE COMPLETED 2/2 failed 0',
    ]);
    expect(script(1600, ctx).stoppedTasks.map((t) => t.containers[0]?.exitCode)).toEqual([137, 137, 137]);
    expect(summary(3_600_000, script)[0]).toContain('IN_PROGRESS');
  });

  it('neverCompletes keeps every task pending', () => {
    const state = neverCompletes()(3_600_000, ctx);
    expect(summary(3_600_000, neverCompletes())).toEqual([
      'web:2 PRIMARY IN_PROGRESS 0/2 failed 0',
      'web:1 ACTIVE COMPLETED 2/2 failed 0',
    ]);
    expect(state.pendingCount).toBe(2);
  });
});

describe('Lambda REST routes by operation name', () => {
  const arn = 'arn%3Aaws%3Alambda%3Aus-east-1%3A123456789012%3Afunction%3Aapi';
  it.each([
    { method: 'POST', path: '/2015-03-31/functions', expected: { operation: 'CreateFunction' } },
    { method: 'GET', path: '/2015-03-31/functions/', expected: { operation: 'ListFunctions' } },
    { method: 'GET', path: '/2015-03-31/functions/api', expected: { operation: 'GetFunction', functionName: 'api' } },
    {
      method: 'GET',
      path: `/2015-03-31/functions/${arn}`,
      expected: { operation: 'GetFunction', functionName: 'api' },
    },
    {
      method: 'GET',
      path: '/2015-03-31/functions/api/configuration',
      expected: { operation: 'GetFunctionConfiguration', functionName: 'api' },
    },
    {
      method: 'PUT',
      path: '/2015-03-31/functions/api/configuration',
      expected: { operation: 'UpdateFunctionConfiguration', functionName: 'api' },
    },
    {
      method: 'PUT',
      path: `/2015-03-31/functions/${arn}/code`,
      expected: { operation: 'UpdateFunctionCode', functionName: 'api' },
    },
    {
      method: 'POST',
      path: '/2015-03-31/functions/api/versions',
      expected: { operation: 'PublishVersion', functionName: 'api' },
    },
    {
      method: 'GET',
      path: '/2015-03-31/functions/api/versions',
      expected: { operation: 'ListVersionsByFunction', functionName: 'api' },
    },
    {
      method: 'POST',
      path: '/2015-03-31/functions/api/aliases',
      expected: { operation: 'CreateAlias', functionName: 'api' },
    },
    {
      method: 'GET',
      path: '/2015-03-31/functions/api/aliases',
      expected: { operation: 'ListAliases', functionName: 'api' },
    },
    {
      method: 'GET',
      path: '/2015-03-31/functions/api/aliases/live',
      expected: { operation: 'GetAlias', functionName: 'api' },
    },
    {
      method: 'PUT',
      path: '/2015-03-31/functions/api/aliases/live',
      expected: { operation: 'UpdateAlias', functionName: 'api' },
    },
    {
      method: 'DELETE',
      path: '/2015-03-31/functions/api',
      expected: { operation: 'DeleteFunction', functionName: 'api' },
    },
    { method: 'GET', path: `/2017-03-31/tags/${arn}`, expected: { operation: 'ListTags', functionName: 'api' } },
    { method: 'PATCH', path: '/2015-03-31/functions/api', expected: undefined },
    { method: 'GET', path: '/2015-03-31/event-source-mappings', expected: undefined },
  ])('$method $path', ({ method, path, expected }) => {
    expect(lambdaOperationOf(method, path)).toEqual(expected);
  });

  it.each([
    { ref: 'api', name: 'api' },
    { ref: 'api:live', name: 'api' },
    { ref: '123456789012:function:api', name: 'api' },
    { ref: 'arn:aws:lambda:us-east-1:123456789012:function:api:7', name: 'api' },
    { ref: 'arn%3Aaws-cn%3Alambda%3Acn-north-1%3A123456789012%3Afunction%3Amy-function', name: 'my-function' },
  ])('function name of $ref', ({ ref, name }) => {
    expect(lambdaFunctionName(ref)).toBe(name);
  });
});
