import { EventEmitter } from 'node:events';
import { describe, expect, it } from 'vitest';
import { parseRollbackStates, rollbackState, watchCancellation } from '../../src/cancel.ts';
import type { PipelineOutcome } from '../../src/results.ts';
import type { Settings } from '../../src/settings.ts';

function fakeProcess() {
  const emitter = new EventEmitter();
  return {
    target: { on: emitter.on.bind(emitter), off: emitter.off.bind(emitter) } as unknown as Pick<
      NodeJS.Process,
      'on' | 'off'
    >,
    emitter,
  };
}

describe('watchCancellation', () => {
  it('aborts on the first SIGINT, warning once, and ignores the SIGTERM that follows', () => {
    const { target, emitter } = fakeProcess();
    const warnings: string[] = [];
    const cancellation = watchCancellation({ warning: (m) => warnings.push(m) }, target);
    expect(cancellation.signal.aborted).toBe(false);
    emitter.emit('SIGINT', 'SIGINT');
    emitter.emit('SIGTERM', 'SIGTERM');
    expect(cancellation.signal.aborted).toBe(true);
    expect(warnings).toEqual([expect.stringContaining('The job was cancelled (SIGINT)')]);
    cancellation.dispose();
    expect(emitter.listenerCount('SIGINT')).toBe(0);
  });
});

describe('rollbackState', () => {
  const settings = {
    modes: ['ecs'],
    region: 'eu-west-1',
    dryRun: false,
    ecs: { cluster: 'prod', services: ['web'], wait: { enabled: true, timeoutMs: 600_000, intervalMs: 3000 } },
  } as unknown as Settings;

  const statesOf = (raw: string) => {
    const parsed = parseRollbackStates(raw);
    if ('problem' in parsed) throw new Error(parsed.problem);
    return parsed.states;
  };

  it('is a list of one for one service, with what the post step needs and the controller that follows it', () => {
    const outcome = {
      failures: [],
      skipped: [],
      ecs: { services: [started('web', 'arn:rec')] },
    } as unknown as PipelineOutcome;
    const raw = rollbackState(outcome, settings) ?? '';
    expect(JSON.parse(raw)).toHaveLength(1);
    expect(statesOf(raw)).toEqual([
      {
        region: 'eu-west-1',
        cluster: 'prod',
        service: 'web',
        controller: 'ecs',
        recordArn: 'arn:rec',
        to: 'arn:td/web:5',
        intervalMs: 3000,
        timeoutMs: 600_000,
      },
    ]);
  });

  it('holds one entry per service whose rollback was only started, when there are several', () => {
    const outcome = {
      failures: [],
      skipped: [],
      ecs: {
        services: [
          started('web', 'arn:rec-web'),
          { cluster: 'prod', service: 'api', verdict: { state: 'succeeded' } },
          started('worker', 'arn:rec-worker'),
        ],
      },
    } as unknown as PipelineOutcome;
    const states = statesOf(rollbackState(outcome, settings) ?? '');
    expect(states.map((s) => [s.service, s.recordArn])).toEqual([
      ['web', 'arn:rec-web'],
      ['worker', 'arn:rec-worker'],
    ]);
  });

  function started(service: string, recordArn: string): unknown {
    return {
      cluster: 'prod',
      service,
      rollback: {
        by: 'stop-service-deployment',
        verdict: { state: 'started' },
        follow: { controller: 'ecs', recordArn },
        to: 'arn:td/web:5',
      },
    };
  }

  it("holds a Lambda function's stopped CodeDeploy deployment in the same list, with no cluster or service", () => {
    const lambdaSettings = {
      modes: ['image', 'lambda'],
      region: 'eu-west-1',
      dryRun: false,
      lambda: { functionNames: ['api'], wait: { timeoutMs: 300_000, intervalMs: 2000 } },
    } as unknown as Settings;
    const outcome = {
      failures: [],
      skipped: [],
      lambda: {
        functions: [
          {
            functionName: 'api',
            rollback: {
              by: 'stop-deployment',
              verdict: { state: 'started' },
              follow: { controller: 'codedeploy', codeDeployDeploymentId: 'd-ABCDEFGHI', functionName: 'api' },
              to: 'version 3',
            },
          },
          { functionName: 'worker', verdict: { state: 'succeeded' } },
        ],
      },
    } as unknown as PipelineOutcome;
    expect(statesOf(rollbackState(outcome, lambdaSettings) ?? '')).toEqual([
      {
        region: 'eu-west-1',
        cluster: '',
        service: '',
        controller: 'codedeploy',
        codeDeployDeploymentId: 'd-ABCDEFGHI',
        functionName: 'api',
        to: 'version 3',
        intervalMs: 2000,
        timeoutMs: 300_000,
      },
    ]);
  });

  it('is nothing when no rollback was left running', () => {
    expect(rollbackState({ failures: [], skipped: [] }, settings)).toBeUndefined();
    expect(statesOf('')).toEqual([]);
  });
});

describe('parseRollbackStates with a state the main step did not write', () => {
  const entry = { region: 'eu-west-1', cluster: 'prod', service: 'web', controller: 'ecs', recordArn: 'arn:rec' };
  it.each([
    {
      name: 'an entry with neither a service nor a function',
      raw: JSON.stringify([{ ...entry, service: '' }]),
      problem: 'entry 1 is not a started rollback (region, cluster, service, controller)',
    },
    { name: 'text that is not JSON', raw: '<!doctype html> secret-ish', problem: 'it is not JSON' },
    { name: 'one object (not a list)', raw: JSON.stringify(entry), problem: 'it is not a list of started rollbacks' },
    { name: 'a number', raw: '42', problem: 'it is not a list of started rollbacks' },
    {
      name: 'an entry without a controller',
      raw: JSON.stringify([{ ...entry, controller: undefined }]),
      problem: 'entry 1 is not a started rollback (region, cluster, service, controller)',
    },
    {
      name: 'an unknown controller',
      raw: JSON.stringify([entry, { ...entry, controller: 'EXTERNAL' }]),
      problem: 'entry 2 is not a started rollback (region, cluster, service, controller)',
    },
    {
      name: 'a null entry',
      raw: '[null]',
      problem: 'entry 1 is not a started rollback (region, cluster, service, controller)',
    },
  ])('names what is wrong with $name, without echoing it', ({ raw, problem }) => {
    expect(parseRollbackStates(raw)).toEqual({ problem });
  });

  it('keeps only the known fields of an entry, with default bounds', () => {
    expect(parseRollbackStates(JSON.stringify([{ ...entry, intervalMs: 'soon', extra: 'x', to: 7 }]))).toEqual({
      states: [
        {
          region: 'eu-west-1',
          cluster: 'prod',
          service: 'web',
          controller: 'ecs',
          recordArn: 'arn:rec',
          intervalMs: 3000,
          timeoutMs: 240_000,
        },
      ],
    });
  });
});
