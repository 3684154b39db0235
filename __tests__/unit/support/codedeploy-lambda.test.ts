import { describe, expect, it } from 'vitest';
import { aliasState, lambdaMoveIn } from '../../support/codedeploy-lambda.ts';
import { deploymentAt, LAMBDA_EVENTS } from '../../support/codedeploy-timeline.ts';

// The emulated CodeDeploy Lambda deployment: where the alias is at each moment.
const MOVE = { functionName: 'api', alias: 'live', currentVersion: '1', targetVersion: '2' };
const at = (elapsedMs: number, script = {}) =>
  deploymentAt({ eventSeconds: 1, ...script }, {}, elapsedMs, LAMBDA_EVENTS);

describe('an emulated CodeDeploy Lambda deployment', () => {
  it.each([
    { elapsed: 500, events: ['InProgress', 'Pending', 'Pending'], alias: undefined },
    { elapsed: 1500, events: ['Succeeded', 'InProgress', 'Pending'], alias: { version: '1', weights: { '2': 0.1 } } },
    { elapsed: 2500, events: ['Succeeded', 'Succeeded', 'InProgress'], alias: { version: '2', weights: {} } },
    { elapsed: 3500, events: ['Succeeded', 'Succeeded', 'Succeeded'], alias: { version: '2', weights: {} } },
  ])(
    'at $elapsed ms runs its three events in order and holds the alias at the canary share',
    ({ elapsed, events, alias }) => {
      const view = at(elapsed, { canaryPercent: 10 });
      expect(view.events.map((e) => e.name)).toEqual([...LAMBDA_EVENTS]);
      expect(view.events.map((e) => e.status)).toEqual(events);
      expect(aliasState(MOVE, view)).toEqual(alias);
    },
  );

  it('puts the alias back on the current version once the rollback of a failed hook is done', () => {
    const script = {
      failAt: { event: 'AfterAllowTraffic' as const, message: 'smoke test failed' },
      rollbackSeconds: 2,
    };
    expect(aliasState(MOVE, at(3500, script))).toEqual({ version: '2', weights: {} });
    expect(at(3500, script).status).toBe('Failed');
    expect(aliasState(MOVE, at(5500, script))).toEqual({ version: '1', weights: {} });
  });

  it('reads the alias move from a Lambda AppSpec, and nothing from an ECS one', () => {
    const lambda = {
      Resources: [
        {
          f: {
            Type: 'AWS::Lambda::Function',
            Properties: { Name: 'api', Alias: 'live', CurrentVersion: '1', TargetVersion: '2' },
          },
        },
      ],
    };
    const ecs = { Resources: [{ TargetService: { Type: 'AWS::ECS::Service', Properties: {} } }] };
    expect(lambdaMoveIn(JSON.stringify(lambda))).toEqual(MOVE);
    expect(lambdaMoveIn(JSON.stringify(ecs))).toBeUndefined();
  });
});
