// Benchmark: following a CodeDeploy ECS blue/green deployment. Ours (the follower the ecs
// step uses, at its default interval when no poll-interval is set) and the official ECS deploy action's CodeDeploy path (the
// SDK waiter waitUntilDeploymentSuccessful with minDelay 15 s and maxWaitTime, as its
// index.js calls it; reproduced here, not copied) follow the SAME emulated deployment side
// by side. Figures: how long after CodeDeploy's Succeeded / Failed / Stopped, and after the
// `wait-until` event, each gives its verdict; GetDeployment calls per minute, also through
// the original task set's termination wait.
//
//   node_modules/node/bin/node bench/codedeploy.ts [--quick] [--check] [--runs N]

import {
  type CodeDeployClient,
  StopDeploymentCommand,
  waitUntilDeploymentSuccessful,
} from '@aws-sdk/client-codedeploy';
import { codeDeployClient, seedCodeDeployGroup } from '../__tests__/support/codedeploy-fixtures.ts';
import { type CodeDeployScript, codeDeployOn } from '../__tests__/support/codedeploy-scenarios.ts';
import { startEcsTestbed } from '../__tests__/support/ecs-fixtures.ts';
import { createDeployment, getDeploymentGroup } from '../src/aws/codedeploy.ts';
import { DEFAULT_POLL_MS } from '../src/inputs/parse.ts';
import { appSpecFromFile, appSpecText } from '../src/plan/codedeploy-appspec.ts';
import type { CodeDeployGoal } from '../src/plan/codedeploy-deployment.ts';
import { terminationWaitMinutes } from '../src/plan/codedeploy-group.ts';
import { codeDeployIntervalMs } from '../src/plan/codedeploy-poll.ts';
import { followCodeDeploy } from '../src/steps/codedeploy-follow.ts';
import type { BenchContext, Goal } from './support/lifecycle.ts';
import { integerFlag, runBenchmark } from './support/lifecycle.ts';
import { seconds } from './support/stats.ts';
import { markdownTable } from './support/table.ts';

// What the step uses when the workflow sets no poll-interval.
const OUR_INTERVAL_MS = codeDeployIntervalMs({ intervalMs: DEFAULT_POLL_MS });
const OFFICIAL_MIN_DELAY_S = 15; // WAIT_DEFAULT_DELAY_SEC in the official action
const GOAL_LATENCY_MS = 2_000;

interface Case {
  name: string;
  script: CodeDeployScript;
  /** What ours waits for (the official action always waits for Succeeded). */
  goal: CodeDeployGoal;
  /** The moment that counts: the deployment's end, or the end of this event. */
  measureFrom: 'end' | 'AllowTraffic';
  /** Someone else stops the deployment (no rollback) this long after it was created. */
  stopAfterMs?: number;
  terminationWaitMinutes?: number;
}

interface Follower {
  name: 'ours' | 'official';
  doneAt?: number;
  outcome?: string;
  calls: number[];
}

/** Counts GetDeployment sends on this client (each follower has its own). */
function counted(client: CodeDeployClient, into: number[]): CodeDeployClient {
  client.middlewareStack.add(
    (next, context) => async (args) => {
      if (context.commandName === 'GetDeploymentCommand') into.push(Date.now());
      return next(args);
    },
    { step: 'initialize', name: 'benchCountGetDeployment' },
  );
  return client;
}

const APPSPEC = {
  version: 0.0,
  Resources: [
    {
      TargetService: {
        Type: 'AWS::ECS::Service',
        Properties: {
          TaskDefinition: '<TASK_DEFINITION>',
          LoadBalancerInfo: { ContainerName: 'app', ContainerPort: 80 },
        },
      },
    },
  ],
  Hooks: [{ AfterAllowTestTraffic: 'validate-green' }],
};

interface Measured {
  name: string;
  referenceAt: number;
  followers: Follower[];
  endedAt: number;
  createdAt: number;
  terminationWindow?: [number, number];
}

async function runCase(
  endpoint: string,
  proxyUrl: string,
  proxy: Parameters<typeof codeDeployOn>[0],
  key: string,
  c: Case,
  ctx: BenchContext,
): Promise<Measured> {
  const cluster = `bench-${key}`;
  const seeded = await seedCodeDeployGroup(endpoint, {
    cluster,
    service: 'web',
    terminationWaitMinutes: c.terminationWaitMinutes ?? 0,
  });
  codeDeployOn(proxy).script(seeded.group, c.script);
  const admin = codeDeployClient(proxyUrl);
  const group = await getDeploymentGroup(admin, seeded.application, seeded.group);
  const spec = appSpecFromFile(APPSPEC, 'arn:aws:ecs:us-east-1:123456789012:task-definition/web:2') as Record<
    string,
    unknown
  >;
  const id = await createDeployment(admin, {
    application: seeded.application,
    group: seeded.group,
    appSpec: appSpecText(spec),
  });
  const ours: Follower = { name: 'ours', calls: [] };
  const official: Follower = { name: 'official', calls: [] };
  const ourClient = counted(codeDeployClient(proxyUrl), ours.calls);
  const officialClient = counted(codeDeployClient(proxyUrl), official.calls);
  const quiet = { info: () => {}, warning: () => {}, debug: () => {} };
  const stopper =
    c.stopAfterMs === undefined
      ? Promise.resolve()
      : new Promise<void>((resolve) =>
          setTimeout(
            () =>
              void admin.send(new StopDeploymentCommand({ deploymentId: id, autoRollbackEnabled: false })).then(
                () => resolve(),
                () => resolve(),
              ),
            c.stopAfterMs,
          ),
        );
  const termination = terminationWaitMinutes(group);
  const oursRun = followCodeDeploy(
    {
      deploymentId: id,
      goal: c.goal,
      intervalMs: OUR_INTERVAL_MS,
      timeoutMs: 15 * 60_000,
      ...(termination === undefined ? {} : { terminationWaitMinutes: termination }),
    },
    {
      codedeploy: ourClient,
      log: quiet,
      now: () => Date.now(),
      sleep: (ms) => new Promise((r) => setTimeout(r, ms)),
      cancel: ctx.signal,
    },
  ).then((o) => {
    ours.doneAt = Date.now();
    ours.outcome = o.verdict.state === 'failed' ? o.verdict.kind : `succeeded (${o.verdict.reached})`;
  });
  // As the official action: deploy-ready wait + termination wait + its own wait, in seconds.
  const officialRun = waitUntilDeploymentSuccessful(
    {
      client: officialClient,
      minDelay: OFFICIAL_MIN_DELAY_S,
      maxWaitTime: (30 + (termination ?? 0)) * 60,
      abortSignal: ctx.signal,
    },
    { deploymentId: id },
  ).then(
    () => {
      official.doneAt = Date.now();
      official.outcome = 'succeeded';
    },
    (error: unknown) => {
      official.doneAt = Date.now();
      official.outcome = `threw (${error instanceof Error ? error.name : 'error'})`;
    },
  );
  await Promise.all([oursRun, officialRun, stopper]);
  const played = codeDeployOn(proxy)
    .deployments()
    .find((d) => d.id === id);
  if (played === undefined || played.view.endedAt === undefined)
    throw new Error(`${c.name}: the deployment did not end`);
  const endedAt = played.createdAt + played.view.endedAt;
  const allow = played.view.events.find((e) => e.name === 'AllowTraffic')?.end;
  const referenceAt = c.measureFrom === 'end' ? endedAt : played.createdAt + (allow ?? Number.NaN);
  const afterEvents = played.view.events.at(-1)?.end;
  for (const client of [admin, ourClient, officialClient]) client.destroy();
  return {
    name: c.name,
    referenceAt,
    followers: [ours, official],
    endedAt,
    createdAt: played.createdAt,
    ...(c.terminationWaitMinutes && afterEvents !== undefined
      ? { terminationWindow: [played.createdAt + afterEvents, endedAt] as [number, number] }
      : {}),
  };
}

/** Calls per minute between `from` and `to`: the calls in it over the time they spread across (gaps, not counts, so a short follow is not inflated by its first call). */
function perMinute(calls: readonly number[], from: number, to: number): number {
  const inside = calls.filter((t) => t >= from && t <= to);
  if (inside.length < 2) return (inside.length * 60_000) / Math.max(1, to - from);
  return ((inside.length - 1) * 60_000) / Math.max(1, (inside.at(-1) ?? 0) - (inside[0] ?? 0));
}

async function codedeploy(ctx: BenchContext): Promise<Goal[]> {
  const runs = ctx.quick ? 1 : integerFlag(ctx.args, '--runs', 3);
  const event = ctx.quick ? 1 : 2;
  const cases: Case[] = [
    ...Array.from(
      { length: runs },
      (_, i): Case => ({
        name: `Succeeded #${i + 1}`,
        script: { testTraffic: true, eventSeconds: event + i * 0.7 },
        goal: 'completed',
        measureFrom: 'end',
      }),
    ),
    {
      name: 'Failed (AfterAllowTestTraffic hook)',
      script: {
        testTraffic: true,
        eventSeconds: event,
        failAt: { event: 'AfterAllowTestTraffic', message: 'validate-green failed' },
      },
      goal: 'completed',
      measureFrom: 'end',
    },
    {
      name: 'Stopped (by someone else)',
      script: { eventSeconds: event * 2 },
      goal: 'completed',
      measureFrom: 'end',
      stopAfterMs: event * 4_500,
    },
    {
      name: 'wait-until AllowTraffic',
      script: { testTraffic: true, eventSeconds: event, terminationWaitSeconds: 60 },
      goal: 'AllowTraffic',
      measureFrom: 'AllowTraffic',
      terminationWaitMinutes: 1,
    },
    {
      name: 'termination wait (1 min)',
      script: { testTraffic: true, eventSeconds: event, terminationWaitSeconds: 60 },
      goal: 'completed',
      measureFrom: 'end',
      terminationWaitMinutes: 1,
    },
  ];
  const testbed = await startEcsTestbed();
  ctx.onCleanup(() => testbed.stop());
  ctx.print(
    `running ${cases.length} cases side by side (ours: default interval ${OUR_INTERVAL_MS / 1000}s; official: SDK waiter, minDelay ${OFFICIAL_MIN_DELAY_S}s)`,
  );
  const measured = await Promise.all(
    cases.map((c, i) => runCase(testbed.moto.url, testbed.proxy.url, testbed.proxy, `c${i}`, c, ctx)),
  );

  const latency = (m: Measured, f: Follower | undefined) =>
    f?.doneAt === undefined ? Number.NaN : f.doneAt - m.referenceAt;
  const rows = measured.map((m) => {
    const [ours, official] = m.followers;
    const span = (f: Follower | undefined) => [m.createdAt, f?.doneAt ?? m.endedAt] as const;
    return [
      m.name,
      `${seconds(latency(m, ours))} (${ours?.outcome ?? '?'})`,
      `${seconds(latency(m, official))} (${official?.outcome ?? '?'})`,
      `${ours?.calls.length ?? 0} (${perMinute(ours?.calls ?? [], ...span(ours)).toFixed(1)})`,
      `${official?.calls.length ?? 0} (${perMinute(official?.calls ?? [], ...span(official)).toFixed(1)})`,
      m.terminationWindow === undefined
        ? '-'
        : `${perMinute(ours?.calls ?? [], ...m.terminationWindow).toFixed(1)} / ${perMinute(official?.calls ?? [], ...m.terminationWindow).toFixed(1)}`,
    ];
  });
  ctx.print();
  ctx.print(
    markdownTable(
      [
        'case',
        'ours: verdict after (s)',
        'official: verdict after (s)',
        'ours GetDeployment (per min)',
        'official GetDeployment (per min)',
        'through termination wait /min (ours / official)',
      ],
      rows,
      {
        align: ['left', 'right', 'right', 'right', 'right', 'right'],
      },
    ),
  );
  ctx.print();
  ctx.print(
    "'verdict after': from CodeDeploy's Succeeded / Failed / Stopped (or, for wait-until, the end of AllowTraffic) to the follower's answer. The official action cannot stop at an event: its figure there is when it returned (after Succeeded).",
  );

  const ends = measured.filter((m) => m.name !== 'wait-until AllowTraffic');
  const ourEnd = ends.map((m) => latency(m, m.followers[0]));
  const event_ = measured.find((m) => m.name === 'wait-until AllowTraffic');
  const ourEvent = event_ === undefined ? Number.NaN : latency(event_, event_.followers[0]);
  const gaps = measured.flatMap((m) =>
    (m.followers[0]?.calls ?? []).slice(1).map((t, i) => t - (m.followers[0]?.calls[i] ?? t)),
  );
  return [
    {
      goal: `ours: verdict within ${GOAL_LATENCY_MS / 1000} s of Succeeded / Failed / Stopped`,
      measured: `max ${seconds(Math.max(...ourEnd))} s (${ourEnd.map(seconds).join(', ')})`,
      met: ourEnd.every((ms) => ms <= GOAL_LATENCY_MS),
    },
    {
      goal: `ours: verdict within ${GOAL_LATENCY_MS / 1000} s of the wait-until event`,
      measured: `${seconds(ourEvent)} s`,
      met: ourEvent <= GOAL_LATENCY_MS,
    },
    {
      goal: 'ours: at most one GetDeployment per poll interval',
      measured: `closest two ${seconds(Math.min(...gaps))} s apart`,
      met: Math.min(...gaps) >= OUR_INTERVAL_MS - 100,
    },
  ];
}

await runBenchmark('Benchmark: CodeDeploy blue/green, ours and the official action on the same deployment', codedeploy);
