// Benchmark 1, part 2: deployments ECS keeps a record of (issue 11), played by the
// service-deployment overlay: blue/green with a bake, a canary an alarm rolls back, a
// rolling crash loop that rollback-on-failure rolls back. For each: seconds from the record
// turning terminal to the step's end, and calls per minute in each phase of the record.
// Real time, so bakes are minutes, not the 30 minutes of production: long bakes run on a
// simulated clock in bake-simulation.ts.

import type { EcsTestbed } from '../../__tests__/support/ecs-fixtures.ts';
import { seedService, TEST_ACCOUNT, TEST_REGION } from '../../__tests__/support/ecs-fixtures.ts';
import { expressServicesOn, expressTaskDefinition } from '../../__tests__/support/express-scenarios.ts';
import { errorText, runAction } from '../../__tests__/support/run-action.ts';
import type { RecordedCall } from '../../__tests__/support/scenario-proxy.ts';
import type { ServiceDeploymentScript } from '../../__tests__/support/service-deployment-scenarios.ts';
import { serviceDeploymentsOn } from '../../__tests__/support/service-deployment-scenarios.ts';
import { recordAt } from '../../__tests__/support/service-deployment-timeline.ts';
import type { BenchContext, Goal } from './lifecycle.ts';
import { seconds } from './stats.ts';
import { markdownTable } from './table.ts';

const GOAL_MS = 5_000;
const NEW_IMAGE = `${TEST_ACCOUNT}.dkr.ecr.${TEST_REGION}.amazonaws.com/app:2.0.0`;
const TERMINAL = new Set(['SUCCESSFUL', 'STOPPED', 'ROLLBACK_SUCCESSFUL', 'ROLLBACK_FAILED']);

interface RecordCase {
  name: string;
  script: ServiceDeploymentScript;
  inputs: Record<string, string>;
  exitCode: 0 | 1;
  /** Words the failure message must contain for the verdict to be the right one. */
  mentions: string[];
  /** An ECS Express Mode service (express-scenarios.ts): updated with UpdateExpressGatewayService. */
  express?: boolean;
}

function casesFor(quick: boolean): RecordCase[] {
  const bake = quick ? { bakeTimeInMinutes: 0, bakeSeconds: 6 } : { bakeTimeInMinutes: 3, bakeSeconds: 180 };
  return [
    {
      name: `blue/green, ${quick ? '6 s' : '3 min'} bake`,
      script: { strategy: 'BLUE_GREEN', stageMs: 500, ...bake },
      inputs: {},
      exitCode: 0,
      mentions: [],
    },
    {
      name: 'canary, alarm rollback',
      script: {
        strategy: 'CANARY',
        stageMs: 500,
        canary: { canaryPercent: 10, canarySeconds: 20 },
        rollbackMs: 3000,
        alarms: {
          names: ['api-5xx', 'api-p99'],
          trigger: { alarm: 'api-5xx', atStage: 'PRODUCTION_TRAFFIC_SHIFT', afterMs: 4000 },
        },
      },
      inputs: { 'rollback-on-failure': 'true' },
      exitCode: 1,
      mentions: ['api-5xx', 'succeeded'],
    },
    {
      name: 'rolling crash loop, rollback-on-failure',
      script: {
        strategy: 'ROLLING',
        stageMs: 500,
        rollbackMs: 3000,
        crashLoop: { everyMs: 1500, exitCode: 137, reason: 'OutOfMemoryError' },
      },
      inputs: { 'max-failed-tasks': '3', 'rollback-on-failure': 'true' },
      exitCode: 1,
      mentions: ['max-failed-tasks', 'StopServiceDeployment (ROLLBACK): succeeded'],
    },
    {
      name: 'Express Mode canary, 5% then all',
      script: {
        strategy: 'CANARY',
        stageMs: 500,
        canary: { canaryPercent: 5, canarySeconds: quick ? 6 : 180 },
        ...bake,
      },
      inputs: {},
      exitCode: 0,
      mentions: [],
      express: true,
    },
  ];
}

interface Phase {
  label: string;
  fromMs: number;
  toMs: number;
  calls: RecordedCall[];
}

interface Measured {
  kase: RecordCase;
  right: boolean;
  says: string;
  afterTerminalMs: number;
  phases: Phase[];
  describeServiceDeployments: number;
  listServiceDeployments: number;
  stops: number;
  taskCalls: number;
}

async function measure(testbed: EcsTestbed, kase: RecordCase, index: number, signal: AbortSignal): Promise<Measured> {
  const cluster = `rec-${index}`;
  const taskDefinition =
    kase.express === true
      ? {
          taskDefinition: expressTaskDefinition(
            `td-${index}`,
            `${TEST_ACCOUNT}.dkr.ecr.${TEST_REGION}.amazonaws.com/app:1.0.0`,
          ),
        }
      : {};
  const seeded = await seedService({
    endpoint: testbed.moto.url,
    cluster,
    service: `svc-${index}`,
    desiredCount: 2,
    ...taskDefinition,
  });
  if (kase.express === true) expressServicesOn(testbed.proxy).declare(seeded.serviceName);
  const sd = serviceDeploymentsOn(testbed.proxy);
  sd.script(seeded.serviceName, kase.script);
  const from = testbed.proxy.calls.length;
  const run = await runAction({
    inputs: {
      mode: 'ecs',
      cluster,
      service: seeded.serviceName,
      'container-name': kase.express === true ? 'Main' : 'app',
      image: NEW_IMAGE,
      'wait-timeout': '15m',
      ...kase.inputs,
    },
    env: testbed.awsEnv,
    timeoutMs: 15 * 60_000,
    signal,
  });
  const endedAt = Date.now();
  const record = sd.records(seeded.serviceName)[0];
  const arn = record?.arn ?? '(none)';
  const mine = testbed.proxy.calls.slice(from).filter((c) => {
    const body = JSON.stringify(c.body ?? {});
    return (
      body.includes(`"${cluster}"`) ||
      body.includes(`:cluster/${cluster}"`) ||
      body.includes(`:service/${cluster}/`) ||
      body.includes(arn)
    );
  });
  const updateAt =
    mine.find((c) => c.operation === 'UpdateService' || c.operation === 'UpdateExpressGatewayService')?.at ?? endedAt;
  const events = record?.events ?? {};
  // Walk the scripted time line (pure) to find the phases and the terminal moment.
  const phases: Phase[] = [];
  let terminalMs: number | undefined;
  for (let t = 0; t <= endedAt - updateAt; t += 50) {
    const view = recordAt(kase.script, events, t);
    const label = `${view.status} ${view.stage}`;
    const last = phases.at(-1);
    if (last?.label === label) last.toMs = t;
    else phases.push({ label, fromMs: t, toMs: t, calls: [] });
    if (terminalMs === undefined && TERMINAL.has(view.status)) terminalMs = t;
  }
  for (const call of mine) {
    if (call.operation !== 'DescribeServiceDeployments' && call.operation !== 'DescribeServices') continue;
    const t = call.at - updateAt;
    (phases.find((p) => t >= p.fromMs && t <= p.toMs + 50) ?? phases.at(-1))?.calls.push(call);
  }
  const error = errorText(run);
  const right = run.exitCode === kase.exitCode && kase.mentions.every((m) => error.includes(m));
  const count = (op: string): number => mine.filter((c) => c.operation === op).length;
  return {
    kase,
    right,
    says: run.exitCode === 0 ? 'success' : `failure: ${error.split('\n')[0]?.slice(0, 90) ?? ''}`,
    afterTerminalMs: terminalMs === undefined ? Number.NaN : endedAt - (updateAt + terminalMs),
    phases,
    describeServiceDeployments: count('DescribeServiceDeployments'),
    listServiceDeployments: count('ListServiceDeployments'),
    stops: count('StopServiceDeployment'),
    taskCalls: count('ListTasks') + count('DescribeTasks'),
  };
}

export async function recordScenarios(ctx: BenchContext, testbed: EcsTestbed): Promise<Goal[]> {
  const cases = casesFor(ctx.quick);
  ctx.print();
  ctx.print(
    `Service deployments (ECS's record): ${cases.length} scripted deployments at once, poll-interval 3 s (default).`,
  );
  const rows = await Promise.all(cases.map((kase, i) => measure(testbed, kase, i, ctx.signal)));
  ctx.print();
  ctx.print(
    markdownTable(
      [
        'deployment',
        'verdict',
        'right',
        'after terminal (s)',
        'DescribeServiceDeployments',
        'ListServiceDeployments',
        'StopServiceDeployment',
        'task calls',
      ],
      rows.map((r) => [
        r.kase.name,
        r.says,
        r.right ? 'yes' : 'NO',
        seconds(r.afterTerminalMs),
        String(r.describeServiceDeployments),
        String(r.listServiceDeployments),
        String(r.stops),
        String(r.taskCalls),
      ]),
    ),
  );
  ctx.print();
  ctx.print('Calls per minute in each phase of the record (DescribeServices + DescribeServiceDeployments):');
  ctx.print();
  ctx.print(
    markdownTable(
      ['deployment', 'phase (status, stage)', 'length (s)', 'calls', 'calls/min'],
      rows.flatMap((r) =>
        r.phases
          .filter((p) => p.toMs - p.fromMs >= 500 || p.calls.length > 0)
          .map((p) => {
            // A rate over a phase shorter than one poll interval says nothing.
            const length = p.toMs - p.fromMs;
            const rate = length >= 5_000 ? (p.calls.length / (length / 60_000)).toFixed(1) : '-';
            return [r.kase.name, p.label, seconds(length), String(p.calls.length), rate];
          }),
      ),
    ),
  );

  const late = rows
    .filter((r) => !(r.afterTerminalMs <= GOAL_MS))
    .map((r) => `${r.kase.name}: ended ${seconds(r.afterTerminalMs)} s after the record turned terminal`);
  const wrong = rows.filter((r) => !r.right).map((r) => `${r.kase.name}: ${r.says}`);
  const impolite = rows
    .filter(
      (r) =>
        r.listServiceDeployments > 1 ||
        (r.kase.exitCode === 0 && r.taskCalls > 0) ||
        (r.kase.name.startsWith('canary') && r.stops > 0),
    )
    .map((r) => `${r.kase.name}: ${r.listServiceDeployments} listings, ${r.taskCalls} task calls, ${r.stops} stops`);
  return [
    {
      goal: `record deployments: the step ends within ${seconds(GOAL_MS)} s of the record turning terminal`,
      measured: rows.map((r) => `${seconds(r.afterTerminalMs)} s`).join(', '),
      met: late.length === 0,
      details: late,
    },
    {
      goal: 'record deployments: the right verdict, naming the alarm / max-failed-tasks and the rollback',
      measured: `${rows.length - wrong.length}/${rows.length} right`,
      met: wrong.length === 0,
      details: wrong,
    },
    {
      goal: 'ListServiceDeployments at most once, no task calls on a healthy deploy, no rollback call when ECS rolled back',
      measured: impolite.length === 0 ? 'yes' : impolite.join('; '),
      met: impolite.length === 0,
      details: impolite,
    },
  ];
}
