import { EventEmitter } from 'node:events';
import { describe, expect, it } from 'vitest';
import { parseRollbackStates, rollbackState, watchCancellation } from '../../src/cancel.ts';
import type { PipelineOutcome } from '../../src/results.ts';
import type { Settings } from '../../src/settings.ts';

function fakeProcess() {
  const emitter = new EventEmitter();
  return { target: { on: emitter.on.bind(emitter), off: emitter.off.bind(emitter) } as unknown as Pick<NodeJS.Process, 'on' | 'off'>, emitter };
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
    ecs: { cluster: 'prod', service: 'web', wait: { enabled: true, timeoutMs: 600_000, intervalMs: 3000 } },
  } as unknown as Settings;

  it('is what the post step needs to follow a rollback that was only started', () => {
    const outcome = {
      failures: [],
      skipped: [],
      ecs: { services: [started('web', 'arn:rec')] },
    } as unknown as PipelineOutcome;
    const raw = rollbackState(outcome, settings);
    expect(parseRollbackStates(raw ?? '')[0]).toEqual({ region: 'eu-west-1', cluster: 'prod', service: 'web', recordArn: 'arn:rec', to: 'arn:td/web:5', intervalMs: 3000, timeoutMs: 600_000 });
  });

  it('holds one entry per service whose rollback was only started, when there are several', () => {
    const outcome = {
      failures: [],
      skipped: [],
      ecs: { services: [started('web', 'arn:rec-web'), { cluster: 'prod', service: 'api', verdict: { state: 'succeeded' } }, started('worker', 'arn:rec-worker')] },
    } as unknown as PipelineOutcome;
    const states = parseRollbackStates(rollbackState(outcome, settings) ?? '');
    expect(states.map((s) => [s.service, s.recordArn])).toEqual([
      ['web', 'arn:rec-web'],
      ['worker', 'arn:rec-worker'],
    ]);
  });

  function started(service: string, recordArn: string): unknown {
    return { cluster: 'prod', service, rollback: { by: 'stop-service-deployment', verdict: { state: 'started' }, follow: { recordArn }, to: 'arn:td/web:5' } };
  }

  it('is nothing when no rollback was left running', () => {
    expect(rollbackState({ failures: [], skipped: [] }, settings)).toBeUndefined();
    expect(parseRollbackStates('')[0]).toBeUndefined();
  });
});
