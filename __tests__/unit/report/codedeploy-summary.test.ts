import { describe, expect, it } from 'vitest';
import { codeDeployLines } from '../../../src/report/codedeploy-summary.ts';

describe('codeDeployLines', () => {
  it('lists each lifecycle event with its duration, and the traffic split', () => {
    const lines = codeDeployLines(
      {
        deployment: { deploymentId: 'd-ABC123', status: 'Succeeded' },
        target: {
          events: [
            {
              lifecycleEventName: 'AllowTraffic',
              status: 'Succeeded',
              startTime: new Date(0),
              endTime: new Date(65_000),
            },
            { lifecycleEventName: 'AfterAllowTraffic', status: 'Pending' },
          ],
          taskSets: [
            { taskSetLabel: 'Blue', trafficWeight: 0 },
            { taskSetLabel: 'Green', trafficWeight: 100 },
          ],
        },
      },
      'DgpECS-prod-web',
    );
    expect(lines).toEqual([
      '',
      'CodeDeploy deployment `d-ABC123` in group `DgpECS-prod-web`: `Succeeded`',
      '',
      '| Lifecycle event | Status | Duration |',
      '| --- | --- | --- |',
      '| `AllowTraffic` | `Succeeded` | 1m5s |',
      '| `AfterAllowTraffic` | `Pending` | - |',
      '',
      'Traffic: `blue 0% / green 100%`',
    ]);
  });

  it('keeps text from AWS inside code spans, one line, cells unbroken', () => {
    const lines = codeDeployLines({
      deployment: { deploymentId: 'd-1', status: 'Failed' },
      target: { events: [{ lifecycleEventName: 'x|`y`\n::error::z', status: 'Failed' }], taskSets: [] },
    });
    const row = lines.find((l) => l.startsWith('| ``'));
    expect(row).toBe('| ``x\\|`y` ⏎ ::error::z`` | `Failed` | - |');
  });

  it('a deployment that failed shows its split as last reported, not as where traffic is now', () => {
    const lines = codeDeployLines({
      deployment: { deploymentId: 'd-2', status: 'Failed' },
      target: {
        events: [],
        taskSets: [
          { taskSetLabel: 'Blue', trafficWeight: 0 },
          { taskSetLabel: 'Green', trafficWeight: 100 },
        ],
      },
    });
    expect(lines.at(-1)).toBe('Traffic last reported: `blue 0% / green 100%`');
  });
});
