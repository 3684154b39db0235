import { describe, expect, it } from 'vitest';
import type { PipelineOutcome } from '../../../src/pipeline.ts';
import { renderSummary } from '../../../src/report/summary.ts';
import type { EcsResult } from '../../../src/steps/ecs.ts';

const ARN = 'arn:aws:ecs:eu-west-1:123456789012:task-definition/web';

function anEcsResult(overrides: Partial<EcsResult> = {}): EcsResult {
  return {
    cluster: 'prod',
    service: 'web',
    verdict: 'succeeded',
    changed: true,
    registered: true,
    previousTaskDefinitionArn: `${ARN}:4`,
    taskDefinitionArn: `${ARN}:5`,
    deploymentId: 'ecs-svc/123',
    diff: ['cpu: 256 -> 1024', 'memory: 512 -> 2048'],
    before: { cpu: '256', memory: '512', image: 'repo/web:1' },
    after: { cpu: '1024', memory: '2048', image: 'repo/web:1' },
    durationMs: 95_000,
    ...overrides,
  };
}

describe('renderSummary', () => {
  it('shows the service, revision change, size change, duration, verdict and console link', () => {
    const md = renderSummary({ ecs: anEcsResult(), skipped: [] }, { region: 'eu-west-1' });
    expect(md).toContain('| prod/web | web:4 → web:5 | `repo/web:1` | 256 / 512 → 1024 / 2048 | 1m35s | ✅ deployed |');
    expect(md).toContain('https://eu-west-1.console.aws.amazon.com/ecs/v2/clusters/prod/services/web/deployments?region=eu-west-1');
    expect(md).toContain('Deployment: `ecs-svc/123`');
    expect(md).toContain('cpu: 256 -> 1024');
  });

  it('shows one revision and no diff when nothing changed', () => {
    const md = renderSummary(
      { ecs: anEcsResult({ verdict: 'unchanged', changed: false, taskDefinitionArn: `${ARN}:4`, diff: [], deploymentId: undefined }), skipped: [] },
      { region: 'eu-west-1' },
    );
    expect(md).toContain('| prod/web | web:4 |');
    expect(md).toContain('➖ unchanged');
    expect(md).not.toContain('Task definition changes');
  });

  it('says why it failed and what did not run', () => {
    const outcome: PipelineOutcome = {
      ecs: anEcsResult({ verdict: 'failed', failure: 'circuit breaker' }),
      failure: { mode: 'ecs', message: 'deployment ecs-svc/123 failed: circuit breaker' },
      skipped: ['parameter'],
    };
    const md = renderSummary(outcome, { region: 'eu-west-1' });
    expect(md).toContain('❌ failed');
    expect(md).toContain('deployment ecs-svc/123 failed: circuit breaker');
    expect(md).toContain('Not run because of the failure: parameter.');
  });

  it('links the China console for China regions and escapes pipes in cells', () => {
    const md = renderSummary({ ecs: anEcsResult({ service: 'a|b' }), skipped: [] }, { region: 'cn-north-1' });
    expect(md).toContain('https://console.amazonaws.cn/ecs/v2/clusters/prod/services/a%7Cb/deployments?region=cn-north-1');
    expect(md).toContain('prod/a\\|b');
  });
});
