// Benchmark: Lambda traffic shifting, through the bundled action against moto and the
// scenario proxy, on the real clock (nothing simulated):
// 1. an alarm going into ALARM during a canary: time from SetAlarmState until the alias is
//    back on the previous version (goal: within one poll interval plus the UpdateAlias);
// 2. calls per poll while a step holds (3 functions, 2 alarms, 1 alias with provisioned
//    concurrency): DescribeAlarms, GetAlias, GetProvisionedConcurrencyConfig per poll;
// 3. a 10-function canary's wall time against one function's (goal: within 1.1x). Steps hold
//    whole minutes, so this part takes a little over one minute, both runs side by side.
//
//   node_modules/node/bin/node bench/lambda-traffic.ts [--quick] [--check] [--runs N]

import { MOTO_REAL_ECR_ENV } from '../__tests__/support/aws-fixtures.ts';
import type { EcsTestbed } from '../__tests__/support/ecs-fixtures.ts';
import { startEcsTestbed } from '../__tests__/support/ecs-fixtures.ts';
import { seedAliasedFunctions, setAlarm } from '../__tests__/support/lambda-traffic-fixtures.ts';
import { provisionedConcurrency } from '../__tests__/support/lambda-traffic-scenarios.ts';
import type { ActionRun } from '../__tests__/support/run-action.ts';
import { runAction, transcript } from '../__tests__/support/run-action.ts';
import type { RecordedCall } from '../__tests__/support/scenario-proxy.ts';
import type { BenchContext, Goal } from './support/lifecycle.ts';
import { integerFlag, runBenchmark } from './support/lifecycle.ts';
import { seconds } from './support/stats.ts';
import { markdownTable } from './support/table.ts';

const INTERVAL_MS = 1_000;
const GOAL_RATIO = 1.1;

function deploy(
  testbed: EcsTestbed,
  ctx: BenchContext,
  functions: string[],
  image: string,
  inputs: Record<string, string>,
): Promise<ActionRun> {
  return runAction({
    inputs: {
      mode: 'lambda',
      image,
      'function-name': functions.join('\n'),
      'lambda-alias': 'live',
      'poll-interval': `${INTERVAL_MS / 1000}s`,
      'wait-timeout': '5m',
      ...inputs,
    },
    env: testbed.awsEnv,
    timeoutMs: 300_000,
    signal: ctx.signal,
  });
}

const isPutBack = (c: RecordedCall): boolean => {
  const body = c.body as {
    FunctionVersion?: string;
    RoutingConfig?: { AdditionalVersionWeights?: Record<string, number> };
  };
  return (
    c.operation === 'UpdateAlias' &&
    body.FunctionVersion === '1' &&
    Object.keys(body.RoutingConfig?.AdditionalVersionWeights ?? {}).length === 0
  );
};

/** Sets the alarm a while after the first shift (not aligned with a poll), and times the put-back. */
async function alarmToPutBack(
  testbed: EcsTestbed,
  ctx: BenchContext,
  run: number,
): Promise<{ ms: number; exit: number | null }> {
  const key = `alarm-${run}`;
  const world = await seedAliasedFunctions({ endpoint: testbed.moto.url, proxy: testbed.proxy }, key, [`fn-${key}`]);
  await setAlarm(testbed.moto.url, `${key}-errors`, 'OK');
  let setAt = Number.NaN;
  let armed = true;
  testbed.proxy.overlay('lambda', 'UpdateAlias', async (req, next) => {
    const response = await next();
    if (armed && req.call.resource === `fn-${key}`) {
      armed = false;
      setTimeout(
        () => {
          void setAlarm(testbed.moto.url, `${key}-errors`, 'ALARM', 'Threshold Crossed: bench').then(
            () => (setAt = Date.now()),
          );
        },
        1_300 + 350 * run,
      );
    }
    return response;
  });
  const from = testbed.proxy.calls.length;
  const result = await deploy(testbed, ctx, world.functions, world.v2.tagged, {
    'lambda-traffic': 'canary 10% 1m',
    'lambda-alarms': `${key}-errors`,
  });
  if (result.exitCode !== 1) ctx.print(`  unexpected exit ${String(result.exitCode)}:\n${transcript(result)}`);
  const back = testbed.proxy.calls.slice(from).find(isPutBack);
  return { ms: (back?.at ?? Number.NaN) - setAt, exit: result.exitCode };
}

/** Counts the calls of each poll while the first step holds, for 3 functions, 2 alarms, 1 alias with provisioned concurrency. */
async function callsPerPoll(
  testbed: EcsTestbed,
  ctx: BenchContext,
): Promise<{ polls: number; alarms: number; aliases: number; provisioned: number; exit: number | null }> {
  const functions = ['fn-polls-a', 'fn-polls-b', 'fn-polls-c'];
  const world = await seedAliasedFunctions({ endpoint: testbed.moto.url, proxy: testbed.proxy }, 'polls', functions);
  provisionedConcurrency(testbed.proxy, [
    { functionName: 'fn-polls-b', alias: 'live', requested: 4, inProgressReads: 2, end: 'READY' },
  ]);
  await setAlarm(testbed.moto.url, 'polls-errors', 'OK');
  await setAlarm(testbed.moto.url, 'polls-latency', 'OK');
  // The alarm fires 8 s into the hold, so the hold is polled ~8 times before the put-back.
  let armed = true;
  testbed.proxy.overlay('lambda', 'UpdateAlias', async (_req, next) => {
    const response = await next();
    if (armed) {
      armed = false;
      setTimeout(() => void setAlarm(testbed.moto.url, 'polls-latency', 'ALARM', 'Threshold Crossed: bench'), 8_000);
    }
    return response;
  });
  const from = testbed.proxy.calls.length;
  const result = await deploy(testbed, ctx, world.functions, world.v2.tagged, {
    'lambda-traffic': 'canary 10% 1m',
    'lambda-alarms': 'polls-errors\npolls-latency',
  });
  const calls = testbed.proxy.calls.slice(from);
  const firstShift = calls.findIndex((c) => c.operation === 'UpdateAlias');
  const putBack = calls.findIndex(isPutBack);
  const hold = calls.slice(firstShift, putBack);
  const count = (operation: string) => hold.filter((c) => c.operation === operation).length;
  return {
    polls: count('DescribeAlarms'),
    alarms: count('DescribeAlarms'),
    aliases: count('GetAlias'),
    provisioned: count('GetProvisionedConcurrencyConfig'),
    exit: result.exitCode,
  };
}

async function lambdaTraffic(ctx: BenchContext): Promise<Goal[]> {
  const testbed = await startEcsTestbed({ motoEnv: { ...MOTO_REAL_ECR_ENV } });
  ctx.onCleanup(() => testbed.stop());
  const runs = integerFlag(ctx.args, 'runs', ctx.quick ? 1 : 3);

  ctx.print(
    '1. Alarm to ALARM during a canary (10% 1m), poll-interval 1 s: SetAlarmState answered -> put-back UpdateAlias received.',
  );
  const backs: Array<{ ms: number; exit: number | null }> = [];
  for (let run = 0; run < runs; run++) backs.push(await alarmToPutBack(testbed, ctx, run));
  ctx.print(
    markdownTable(
      ['run', 'alarm -> alias back (s)', 'exit'],
      backs.map((b, i) => [String(i + 1), seconds(b.ms), String(b.exit)]),
      { align: ['left', 'right', 'right'] },
    ),
  );

  ctx.print();
  ctx.print(
    '2. Calls while a step holds: 3 functions, 2 alarms, 1 alias with provisioned concurrency (READY after 2 reads).',
  );
  const perPoll = await callsPerPoll(testbed, ctx);
  ctx.print(
    markdownTable(
      ['polls (DescribeAlarms calls)', 'GetAlias', 'GetProvisionedConcurrencyConfig', 'exit'],
      [[String(perPoll.polls), String(perPoll.aliases), String(perPoll.provisioned), String(perPoll.exit)]],
      { align: ['right', 'right', 'right', 'right'] },
    ),
  );

  ctx.print();
  ctx.print('3. canary 10% 1m (real clock): 1 function and 10 functions, side by side.');
  const ten = Array.from({ length: 10 }, (_, i) => `fn-ten-${i}`);
  const worldOne = await seedAliasedFunctions({ endpoint: testbed.moto.url, proxy: testbed.proxy }, 'one', ['fn-one']);
  const worldTen = await seedAliasedFunctions({ endpoint: testbed.moto.url, proxy: testbed.proxy }, 'ten', ten);
  const timed = async (functions: string[], image: string) => {
    const started = Date.now();
    const result = await deploy(testbed, ctx, functions, image, { 'lambda-traffic': 'canary 10% 1m' });
    if (result.exitCode !== 0) ctx.print(`  unexpected exit ${String(result.exitCode)}:\n${transcript(result)}`);
    return { ms: Date.now() - started, exit: result.exitCode };
  };
  const [one, many] = await Promise.all([
    timed(worldOne.functions, worldOne.v2.tagged),
    timed(ten, worldTen.v2.tagged),
  ]);
  const ratio = many.ms / one.ms;
  ctx.print(
    markdownTable(
      ['run', 'wall (s)', 'exit'],
      [
        ['1 function', seconds(one.ms), String(one.exit)],
        ['10 functions', seconds(many.ms), String(many.exit)],
      ],
      { align: ['left', 'right', 'right'] },
    ),
  );
  ctx.print(`ratio (10 / 1, wall): ${ratio.toFixed(2)}x`);

  const worst = Math.max(...backs.map((b) => b.ms));
  const budget = INTERVAL_MS + 1_000;
  const polls = Math.max(1, perPoll.polls);
  return [
    {
      goal: `alarm -> alias back within poll-interval + one UpdateAlias (<= ${seconds(budget)} s)`,
      measured: `worst ${seconds(worst)} s of ${runs} run(s)`,
      met: Number.isFinite(worst) && worst <= budget,
    },
    {
      goal: 'per poll: 1 DescribeAlarms (all alarms), 1 GetAlias per function (3; none on the poll right after the change), 1 GetProvisionedConcurrencyConfig per alias that has it (1)',
      measured: `${perPoll.polls} polls: GetAlias ${perPoll.aliases} (${(perPoll.aliases / polls).toFixed(2)}/poll), GetProvisionedConcurrencyConfig ${perPoll.provisioned} (1 per poll + 2 first "none" answers)`,
      met: perPoll.aliases === 3 * (perPoll.polls - 1) && perPoll.provisioned === perPoll.polls + 2,
    },
    {
      goal: `10-function canary wall time <= ${GOAL_RATIO}x one function's`,
      measured: `${ratio.toFixed(2)}x (${seconds(many.ms)} / ${seconds(one.ms)} s)`,
      met: ratio <= GOAL_RATIO && one.exit === 0 && many.exit === 0,
    },
  ];
}

await runBenchmark('Benchmark: Lambda traffic shifting', lambdaTraffic);
