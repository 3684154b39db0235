import { describe, expect, it } from 'vitest';
import { failed } from '../../../src/plan/verdict.ts';
import { renderSummary } from '../../../src/report/summary.ts';
import type { EcsDeployResult, EcsResult, PipelineOutcome, RunTaskResult } from '../../../src/results.ts';

const CONTEXT = { region: 'eu-west-1', dryRun: false };
const ARN = 'arn:aws:ecs:eu-west-1:123456789012:task-definition/web';
const LOGS_URL =
  'https://eu-west-1.console.aws.amazon.com/cloudwatch/home?region=eu-west-1#logsV2:log-groups/log-group/$252Fecs$252Fmigrate/log-events/migrate$252Fapp$252Fabc123';

/** The ecs mode's result of these services. */
function one(...results: EcsResult[]): EcsDeployResult {
  return {
    services: results,
    changed: results.some((r) => r.changed),
    verdict: results[0]?.verdict ?? { state: 'unchanged' },
  };
}

function anEcsResult(overrides: Partial<EcsResult> = {}): EcsResult {
  return {
    cluster: 'prod',
    service: 'web',
    verdict: { state: 'succeeded' },
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

describe('renderSummary with ECS’s deployment record', () => {
  it('shows the strategy, the stages reached with their durations, alarms, hooks and the rollback', () => {
    const ecs = anEcsResult({
      verdict: failed('rolled-back', "alarm 'web-p99' in ALARM"),
      serviceDeployment: {
        arn: 'arn:aws:ecs:eu-west-1:1:service-deployment/prod/web/abc',
        strategy: 'CANARY',
        status: 'ROLLBACK_SUCCESSFUL',
        stages: [
          { stage: 'SCALE_UP', enteredAt: 0, leftAt: 30_000 },
          { stage: 'PRODUCTION_TRAFFIC_SHIFT', enteredAt: 30_000 },
        ],
        alarms: { watched: ['web-5xx', 'web-p99'], triggered: ['web-p99'] },
        hooks: ['smoke (arn:aws:lambda:eu-west-1:1:function:smoke): SUCCEEDED'],
      },
      rollback: { by: 'ecs', verdict: { state: 'succeeded' }, to: 'arn:rev/web-4' },
    });
    const md = renderSummary(
      { ecs: one(ecs), failures: [{ mode: 'ecs', failure: ecs.verdict as ReturnType<typeof failed> }], skipped: [] },
      CONTEXT,
    );
    expect(md).toContain(
      'Strategy: `CANARY`, record `arn:aws:ecs:eu-west-1:1:service-deployment/prod/web/abc` (`ROLLBACK_SUCCESSFUL`)',
    );
    expect(md).toContain('| `SCALE_UP` | 30s |');
    expect(md).toContain('| `PRODUCTION_TRAFFIC_SHIFT` | reached |');
    expect(md).toContain('Alarms watched: `web-5xx`, `web-p99`; in ALARM: `web-p99`');
    expect(md).toContain('Lifecycle hooks: smoke (arn:aws:lambda:eu-west-1:1:function:smoke): SUCCEEDED');
    expect(md).toContain('Rollback: rolled back to arn:rev/web-4 by ECS: succeeded');
  });

  it('lists what was put back when the other of ecs and lambda failed', () => {
    const md = renderSummary(
      { ecs: one(anEcsResult()), failures: [], skipped: [], putBack: ["ecs: service 'web' put back on web:4: done"] },
      CONTEXT,
    );
    expect(md).toContain("**Put back as it was:**\n\n- ecs: service 'web' put back on web:4: done");
  });
});

describe('renderSummary', () => {
  it('shows the service, revision change, size change, duration, verdict and console link', () => {
    const md = renderSummary({ ecs: one(anEcsResult()), failures: [], skipped: [] }, CONTEXT);
    expect(md).toContain('| prod/web | web:4 → web:5 | `repo/web:1` | 256 / 512 → 1024 / 2048 | 1m35s | ✅ deployed |');
    expect(md).toContain(
      'https://eu-west-1.console.aws.amazon.com/ecs/v2/clusters/prod/services/web/deployments?region=eu-west-1',
    );
    expect(md).toContain('Deployment: `ecs-svc/123`');
    expect(md).toContain('cpu: 256 -> 1024');
  });

  it('shows one revision and no diff when nothing changed', () => {
    const md = renderSummary(
      {
        ecs: one(
          anEcsResult({
            verdict: { state: 'unchanged' },
            changed: false,
            taskDefinitionArn: `${ARN}:4`,
            diff: [],
            deploymentId: undefined,
          }),
        ),
        failures: [],
        skipped: [],
      },
      CONTEXT,
    );
    expect(md).toContain('| prod/web | web:4 |');
    expect(md).toContain('➖ unchanged');
    expect(md).not.toContain('Task definition changes');
  });

  it('says why it failed and what did not run', () => {
    const outcome: PipelineOutcome = {
      ecs: one(anEcsResult({ verdict: failed('error', 'circuit breaker') })),
      failures: [{ mode: 'ecs', failure: failed('error', 'deployment ecs-svc/123 failed: circuit breaker') }],
      skipped: ['parameter'],
    };
    const md = renderSummary(outcome, CONTEXT);
    expect(md).toContain('❌ failed');
    expect(md).toContain('deployment ecs-svc/123 failed: circuit breaker');
    expect(md).toContain('Not run because of the failure: parameter.');
  });

  it('links the China console for China regions and escapes pipes in cells', () => {
    const md = renderSummary(
      { ecs: one(anEcsResult({ service: 'a|b' })), failures: [], skipped: [] },
      { region: 'cn-north-1', dryRun: false },
    );
    expect(md).toContain(
      'https://console.amazonaws.cn/ecs/v2/clusters/prod/services/a%7Cb/deployments?region=cn-north-1',
    );
    expect(md).toContain('prod/a\\|b');
  });
});

describe('renderSummary with several services', () => {
  it('gives one row per service with its own verdict, and each one’s details under its name', () => {
    const web = anEcsResult();
    const worker = anEcsResult({
      service: 'worker',
      verdict: failed('too-many-failed-tasks', '3 tasks stopped'),
      deploymentId: 'ecs-svc/456',
      diff: ['image: a -> b'],
    });
    const md = renderSummary(
      {
        ecs: one(web, worker),
        failures: [
          {
            mode: 'ecs',
            failure: failed('too-many-failed-tasks', "Service 'worker' failed (1 of 2 services): 3 tasks stopped"),
          },
        ],
        skipped: [],
      },
      CONTEXT,
    );
    const rows = md.split('\n').filter((line) => line.startsWith('| prod/'));
    expect(rows).toHaveLength(2);
    expect(rows[0]).toContain('prod/web');
    expect(rows[0]).toContain('✅ deployed');
    expect(rows[1]).toContain('prod/worker');
    expect(rows[1]).toContain('❌ failed');
    expect(md).toContain('#### web\n\nDeployment: `ecs-svc/123`');
    expect(md).toContain('#### worker\n\nDeployment: `ecs-svc/456`');
    // The reason is said once, in the failures section, naming the service.
    expect(md.split('3 tasks stopped')).toHaveLength(2);
    expect(md).toContain("Service 'worker' failed (1 of 2 services)");
  });
});

describe('renderSummary for image, Lambda and the parameter', () => {
  const DIGEST = `sha256:${'d'.repeat(64)}`;
  const REPO = '123456789012.dkr.ecr.eu-west-1.amazonaws.com/app';
  const outcome: PipelineOutcome = {
    image: {
      reference: `${REPO}@${DIGEST}`,
      repository: REPO,
      tag: 'v1.2.3',
      digest: DIGEST,
      tagSource: 'release-ref',
      durationMs: 5,
    },
    lambda: {
      changed: true,
      verdict: failed('update-failed', "Lambda function 'worker': update Failed: ImageLayerFailure (layer too big)"),
      functions: [
        {
          functionName: 'api',
          functionArn: 'arn:aws:lambda:eu-west-1:123456789012:function:api',
          verdict: { state: 'succeeded' },
          changed: true,
          previousImage: `${REPO}@sha256:${'e'.repeat(64)}`,
          image: `${REPO}@${DIGEST}`,
          version: '7',
          alias: 'live',
          changes: [],
          durationMs: 31_000,
        },
        {
          functionName: 'worker',
          functionArn: 'arn:aws:lambda:eu-west-1:123456789012:function:worker',
          verdict: failed('update-failed', 'update Failed: ImageLayerFailure (layer too big)'),
          changed: true,
          image: `${REPO}@${DIGEST}`,
          changes: [],
          durationMs: 12_000,
        },
      ],
    },
    parameter: {
      name: '/app/prod/image-tag',
      verdict: { state: 'updated' },
      changed: true,
      previousValue: 'v1.2.2',
      value: 'v1.2.3',
      version: '8',
      durationMs: 40,
    },
    failures: [],
    skipped: [],
  };

  it('shows the resolved reference, the tag with where it came from, and the digest', () => {
    expect(renderSummary(outcome, CONTEXT)).toContain(
      `| \`${REPO}@${DIGEST}\` | \`v1.2.3\` (from the release tag) | \`${DIGEST}\` |`,
    );
  });

  it('shows each function with its image change, version and alias, verdict, and the failure reason', () => {
    const md = renderSummary(outcome, CONTEXT);
    expect(md).toContain(
      `| api | \`${REPO}@sha256:${'e'.repeat(64)}\` → \`${REPO}@${DIGEST}\` | 7 / live | 31s | ✅ deployed |`,
    );
    expect(md).toContain('https://eu-west-1.console.aws.amazon.com/lambda/home?region=eu-west-1#/functions/api');
    expect(md).toContain('| worker |');
    expect(md).toContain('`worker`:\n\n```\nupdate Failed: ImageLayerFailure (layer too big)\n```');
  });

  it('shows the parameter old and new value and its version', () => {
    const md = renderSummary(outcome, CONTEXT);
    expect(md).toContain('| `/app/prod/image-tag` | `v1.2.2` → `v1.2.3` | 8 | ✅ updated |');
    expect(md).toContain('/systems-manager/parameters/app%2Fprod%2Fimage-tag/description?region=eu-west-1');
  });

  it('says a dry run changed nothing', () => {
    expect(renderSummary(outcome, { region: 'eu-west-1', dryRun: true })).toContain('**Dry run:** nothing was changed');
    expect(renderSummary(outcome, CONTEXT)).not.toContain('Dry run');
  });

  it('lists every failure in order', () => {
    const md = renderSummary(
      {
        failures: [
          { mode: 'ecs', failure: failed('error', 'rolled back') },
          { mode: 'lambda', failure: failed('error', 'api: Failed') },
        ],
        skipped: ['parameter'],
      },
      CONTEXT,
    );
    expect(md.indexOf('Failed in mode `ecs`')).toBeGreaterThan(0);
    expect(md.indexOf('Failed in mode `lambda`')).toBeGreaterThan(md.indexOf('Failed in mode `ecs`'));
    expect(md).toContain('Not run because of the failure: parameter.');
  });
});

describe('renderSummary for a one-off task', () => {
  it('shows the task, its revision, exit code, verdict, console link and log locations', () => {
    const md = renderSummary(
      {
        runTask: {
          cluster: 'prod',
          verdict: failed('task-failed', 'app: exit code 1'),
          changed: true,
          taskDefinitionArn: `${ARN}:7`,
          taskArn: 'arn:aws:ecs:eu-west-1:123456789012:task/prod/abc123',
          exitCode: 1,
          logs: [
            {
              container: 'app',
              group: '/ecs/migrate',
              stream: 'migrate/app/abc123',
              region: 'eu-west-1',
              url: LOGS_URL,
            },
          ],
          durationMs: 42_000,
        },
        failures: [{ mode: 'run-task', failure: failed('error', 'app: exit code 1') }],
        skipped: ['ecs'],
      },
      CONTEXT,
    );
    expect(md).toContain('| abc123 | web:7 | 1 | 42s | ❌ failed |');
    expect(md).toContain(
      'https://eu-west-1.console.aws.amazon.com/ecs/v2/clusters/prod/tasks/abc123/configuration?region=eu-west-1',
    );
    expect(md).toContain(
      `- container app: awslogs group /ecs/migrate, stream migrate/app/abc123 (eu-west-1) [CloudWatch](${LOGS_URL})`,
    );
    expect(md).not.toContain('\\#logsV2');
    expect(md).toContain('Not run because of the failure: ecs.');
  });

  const task = (overrides: Partial<RunTaskResult>): RunTaskResult => ({
    cluster: 'prod',
    verdict: { state: 'succeeded' },
    changed: true,
    taskDefinitionArn: `${ARN}:7`,
    taskArn: 'arn:aws:ecs:eu-west-1:123456789012:task/prod/abc123',
    exitCode: 0,
    logs: [],
    durationMs: 42_000,
    ...overrides,
  });

  it('calls a task that succeeded "succeeded (exited 0)", not "deployed"', () => {
    const md = renderSummary({ runTask: task({}), failures: [], skipped: [] }, CONTEXT);
    expect(md).toContain('| abc123 | web:7 | 0 | 42s | ✅ succeeded (exited 0) |');
    expect(md).not.toContain('deployed');
  });

  it('shows a log location without a console link as text only', () => {
    const logs = [{ container: 'app', group: '/ecs/migrate', region: 'evil.example/[x](y)' }];
    const md = renderSummary({ runTask: task({ logs }), failures: [], skipped: [] }, CONTEXT);
    expect(md).toContain('- container app: awslogs group /ecs/migrate (evil.example/\\[x\\](y))\n');
    expect(md).not.toContain('https://evil');
  });
});
