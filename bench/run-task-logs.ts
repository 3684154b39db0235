// Benchmark: one-off task logs in the job log. A scripted one-off task runs (moto keeps it,
// the proxy plays its life); while it is RUNNING the benchmark writes log lines into its
// awslogs stream with PutLogEvents at known times, and measures when each line appears on
// the action's stdout, and how many GetLogEvents the action sent per poll (DescribeTasks).
//
//   node_modules/node/bin/node bench/run-task-logs.ts [--quick] [--check]
//
// Goals (issue 12): a line written by the task appears in the job log within two poll
// intervals; at most one GetLogEvents per container per poll.

import { defaultNetwork, seedFamily, startEcsTestbed } from '../__tests__/support/ecs-fixtures.ts';
import { awslogsStream, putLogLines } from '../__tests__/support/log-fixtures.ts';
import { runAction } from '../__tests__/support/run-action.ts';
import { taskExits } from '../__tests__/support/task-scenarios.ts';
import { runBenchmark } from './support/lifecycle.ts';
import { median, percentile, seconds } from './support/stats.ts';
import { markdownTable } from './support/table.ts';

const POLL_MS = 3_000; // the action's default poll-interval
const GOAL_MS = 2 * POLL_MS;
/** Not a multiple of the poll interval, so lines land at every point between two polls. */
const WRITE_EVERY_MS = 1_700;
const RUNNING_AFTER_MS = 1_000;

await runBenchmark('One-off task logs: time from PutLogEvents to the job log, GetLogEvents per poll', async (ctx) => {
  const lines = ctx.quick ? 5 : 15;
  const testbed = await startEcsTestbed();
  ctx.onCleanup(() => testbed.stop());
  const { proxy } = testbed;
  const cluster = 'bench-logs';
  const family = 'bench-logs-task';
  await seedFamily(testbed.moto.url, cluster, family);
  const network = await defaultNetwork(testbed.moto.url);
  // Stops a little after the last write: every line is written while it runs.
  const stopsAfterMs = RUNNING_AFTER_MS + POLL_MS + lines * WRITE_EVERY_MS + 2_000;
  const task = taskExits(proxy, {
    family,
    afterMs: stopsAfterMs,
    runningAfterMs: RUNNING_AFTER_MS,
    exitCodes: { app: 0, sidecar: 0 },
  });

  const markers = Array.from({ length: lines }, (_, i) => `bench line ${i + 1} of ${lines}`);
  const seenAt = new Map<string, number>();
  let buffered = '';
  const action = runAction({
    inputs: {
      mode: 'run-task',
      cluster,
      'run-task-definition': family,
      'run-task-container': 'app',
      subnets: network.subnets.join(','),
      'security-groups': network.securityGroups.join(','),
      'poll-interval': `${POLL_MS / 1000}s`,
      'wait-timeout': '5m',
    },
    env: testbed.awsEnv,
    timeoutMs: stopsAfterMs + 60_000,
    signal: ctx.signal,
    onStdout: (chunk) => {
      const now = Date.now();
      buffered += chunk;
      const complete = buffered.split('\n');
      buffered = complete.pop() ?? '';
      for (const line of complete) {
        const marker = line.startsWith('app | ') ? line.slice('app | '.length) : undefined;
        if (marker !== undefined && !seenAt.has(marker)) seenAt.set(marker, now);
      }
    },
  });

  // Write once the scripted task is RUNNING (known from the script's own start time).
  while (task.runs[0] === undefined) {
    ctx.signal.throwIfAborted();
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
  const startedAt = task.runs[0].startedAt;
  const stream = awslogsStream('app', 'app', task.runs[0].taskArns[0] ?? '');
  const writtenAt = new Map<string, number>();
  for (const [i, marker] of markers.entries()) {
    const due = startedAt + RUNNING_AFTER_MS + 500 + i * WRITE_EVERY_MS;
    await new Promise((resolve) => setTimeout(resolve, Math.max(0, due - Date.now())));
    ctx.signal.throwIfAborted();
    writtenAt.set(marker, Date.now());
    await putLogLines(testbed.moto.url, `/ecs/${family}`, stream, [marker]);
  }
  const result = await action;
  if (result.exitCode !== 0) throw new Error(`the action failed (exit ${String(result.exitCode)}):\n${result.stdout}`);

  const latencies = markers.map((m) => (seenAt.get(m) ?? Number.NaN) - (writtenAt.get(m) ?? Number.NaN));
  const missing = markers.filter((m) => !seenAt.has(m));
  // GetLogEvents between one DescribeTasks and the next; after the last (STOPPED) comes the drain.
  const calls = proxy.calls.filter((c) => c.operation === 'DescribeTasks' || c.operation === 'GetLogEvents');
  const perPoll: number[] = [];
  for (const call of calls) {
    if (call.operation === 'DescribeTasks') perPoll.push(0);
    else if (perPoll.length > 0) perPoll[perPoll.length - 1] = (perPoll.at(-1) ?? 0) + 1;
  }
  const drain = perPoll.pop() ?? 0;
  const gets = calls.filter((c) => c.operation === 'GetLogEvents').length;

  ctx.print(
    `${lines} lines written every ${WRITE_EVERY_MS / 1000} s while the task ran; poll-interval ${POLL_MS / 1000} s; the task stopped ${seconds(stopsAfterMs)} s after RunTask.`,
  );
  ctx.print();
  ctx.print(
    markdownTable(
      ['line', 'written (s after RunTask)', 'in the job log after (s)'],
      markers.map((m, i) => [
        String(i + 1),
        seconds((writtenAt.get(m) ?? Number.NaN) - startedAt),
        seconds(latencies[i] ?? Number.NaN),
      ]),
      { align: ['right', 'right', 'right'] },
    ),
  );
  ctx.print();
  ctx.print(
    `Latency: median ${seconds(median(latencies))} s, p90 ${seconds(percentile(latencies, 90))} s, max ${seconds(Math.max(...latencies))} s.`,
  );
  ctx.print(
    `Polls: ${perPoll.length} DescribeTasks while it ran; GetLogEvents ${gets} in all: ${perPoll.reduce((a, b) => a + b, 0)} during polls (at most ${Math.max(0, ...perPoll)} in one poll), ${drain} after it stopped (reading to the end).`,
  );

  const worst = Math.max(...latencies);
  return [
    {
      goal: `every line in the job log within two poll intervals (${seconds(GOAL_MS)} s)`,
      measured:
        missing.length > 0
          ? `${missing.length} of ${lines} lines never appeared`
          : `max ${seconds(worst)} s, median ${seconds(median(latencies))} s (${lines} lines)`,
      met: missing.length === 0 && worst <= GOAL_MS,
      details: markers
        .filter((_, i) => !((latencies[i] ?? Infinity) <= GOAL_MS))
        .map((m) => `'${m}': ${seconds(latencies[markers.indexOf(m)] ?? Number.NaN)} s`),
    },
    {
      goal: 'at most one GetLogEvents per container (one awslogs container) per poll',
      measured: `at most ${Math.max(0, ...perPoll)} in one of ${perPoll.length} polls`,
      met: Math.max(0, ...perPoll) <= 1,
    },
  ];
});
