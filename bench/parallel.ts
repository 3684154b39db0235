// Benchmark 4, parallel environments: a release matrix of 30 jobs, each an action process
// deploying v1.2.3 to its own cluster/service and writing its own SSM parameter, all at
// once, with the proxy enforcing ECS's RegisterTaskDefinition limit (burst 20, then 1/s)
// and SSM's PutParameter limit (about 3/s; TooManyUpdates on concurrent writes to a name).
// Reports successes, wall time and the throttling answers the overlays gave (each one is a
// retry the action had to make). Nothing is tuned to make it pass: failures are listed.
//
//   node_modules/node/bin/node bench/parallel.ts [--quick] [--check]

import { createRepository, getParameter, pushImage, putParameter } from '../__tests__/support/aws-fixtures.ts';
import { describeService, listRevisions, startEcsTestbed } from '../__tests__/support/ecs-fixtures.ts';
import type { ActionRun } from '../__tests__/support/run-action.ts';
import { errorText, runAction } from '../__tests__/support/run-action.ts';
import { completesAfter } from '../__tests__/support/scenario-proxy.ts';
import { throttlePutParameter, throttleRegisterTaskDefinition } from '../__tests__/support/throttle-scenarios.ts';
import type { BenchContext, Goal } from './support/lifecycle.ts';
import { runBenchmark } from './support/lifecycle.ts';
import type { ScriptedService } from './support/scripted-service.ts';
import { seedScriptedService } from './support/scripted-service.ts';
import { median, seconds } from './support/stats.ts';
import { markdownTable } from './support/table.ts';

const ENVIRONMENTS = 30;
const RELEASE = 'v1.2.3';
const PREVIOUS = 'v1.2.2';

interface Environment {
  name: string;
  world: ScriptedService;
  parameterName: string;
}

interface Outcome {
  env: Environment;
  run: ActionRun;
  /** What is wrong with the end state, empty when the deploy did what it should. */
  problems: string[];
}

function releaseEnv(): Record<string, string> {
  return {
    GITHUB_REF: `refs/tags/${RELEASE}`,
    GITHUB_REF_NAME: RELEASE,
    GITHUB_REF_TYPE: 'tag',
    GITHUB_SHA: '4f1c2a9e8b7d6c5f4e3d2c1b0a9f8e7d6c5b4a39',
  };
}

/** Lines where the action said it would try again, about `subject` (its own retries; the SDK's are silent). */
function retryLines(run: ActionRun, subject: RegExp): number {
  return run.stdout.split('\n').filter((line) => /attempt \d+ in /.test(line) && subject.test(line)).length;
}

async function parallel(ctx: BenchContext): Promise<Goal[]> {
  const testbed = await startEcsTestbed();
  ctx.onCleanup(() => testbed.stop());
  ctx.signal.throwIfAborted();
  const endpoint = testbed.moto.url;
  const rolloutMs = ctx.quick ? 10_000 : 20_000;

  const repo = await createRepository(endpoint, 'app');
  await pushImage(endpoint, repo, PREVIOUS);
  await pushImage(endpoint, repo, RELEASE);
  const envs: Environment[] = [];
  for (let i = 1; i <= ENVIRONMENTS; i++) {
    const name = `env-${String(i).padStart(2, '0')}`;
    const world = await seedScriptedService(testbed, {
      cluster: `matrix-${name}`,
      service: `web-${name}`,
      script: completesAfter(rolloutMs),
    });
    const parameterName = `/matrix/${name}/image-tag`;
    await putParameter(endpoint, { name: parameterName, value: PREVIOUS });
    envs.push({ name, world, parameterName });
  }
  const register = throttleRegisterTaskDefinition(testbed.proxy);
  const put = throttlePutParameter(testbed.proxy);
  const from = testbed.proxy.calls.length;
  ctx.print(
    `Seeded ${ENVIRONMENTS} clusters/services (rollouts complete ${seconds(rolloutMs)} s after UpdateService) and parameters; starting ${ENVIRONMENTS} action processes at once.`,
  );

  const started = Date.now();
  const settled = await Promise.allSettled(
    envs.map(async (env): Promise<Outcome> => {
      const run = await runAction({
        inputs: {
          mode: 'image, ecs, parameter',
          image: repo.uri,
          cluster: env.world.cluster,
          service: env.world.seeded.serviceName,
          'container-name': 'app',
          'parameter-name': env.parameterName,
          'wait-timeout': '10m',
        },
        env: { ...testbed.awsEnv, ...releaseEnv() },
        timeoutMs: 12 * 60_000,
        signal: ctx.signal,
      });
      return { env, run, problems: [] };
    }),
  );
  const wallMs = Date.now() - started;
  ctx.signal.throwIfAborted();

  const outcomes: Outcome[] = [];
  for (const result of settled) {
    if (result.status === 'rejected') throw result.reason;
    outcomes.push(result.value);
  }
  // The end state, read from moto directly: one new revision, the service on it, the parameter once.
  for (const outcome of outcomes) {
    const { env, run, problems } = outcome;
    if (run.exitCode !== 0) problems.push(`exit ${String(run.exitCode)}: ${errorText(run).split('\n')[0] ?? ''}`);
    const revisions = await listRevisions(endpoint, env.world.seeded.family);
    if (revisions.length !== 2)
      problems.push(`${revisions.length - 1} new revisions of ${env.world.seeded.family}, expected 1`);
    const service = await describeService(endpoint, env.world.cluster, env.world.seeded.serviceName);
    if (service.taskDefinition !== revisions.at(-1))
      problems.push(`service runs ${service.taskDefinition ?? '(none)'}, not the new revision`);
    const parameter = await getParameter(endpoint, env.parameterName);
    if (parameter?.value !== RELEASE || parameter.version !== 2) {
      problems.push(
        `parameter holds '${parameter?.value ?? '(nothing)'}' at version ${String(parameter?.version ?? '-')}, expected '${RELEASE}' at version 2`,
      );
    }
  }

  const ok = outcomes.filter((o) => o.problems.length === 0);
  const durations = outcomes.map((o) => o.run.durationMs);
  const calls = testbed.proxy.calls.slice(from);
  const attempts = (operation: string): number => calls.filter((c) => c.operation === operation).length;
  /** The most attempts one job needed for one write (the SDK gives up after 6, the action's maxAttempts). */
  const mostAttempts = (operation: string, key: string): number => {
    const per = new Map<string, number>();
    for (const c of calls.filter((call) => call.operation === operation)) {
      const name = String((c.body as Record<string, unknown> | undefined)?.[key] ?? '');
      per.set(name, (per.get(name) ?? 0) + 1);
    }
    return Math.max(0, ...per.values());
  };

  ctx.print();
  ctx.print(
    markdownTable(
      ['environments', 'succeeded', 'wall time (s)', 'per job median (s)', 'per job max (s)', 'rollout (s)'],
      [
        [
          String(ENVIRONMENTS),
          `${ok.length}/${ENVIRONMENTS}`,
          seconds(wallMs),
          seconds(median(durations)),
          seconds(Math.max(...durations)),
          seconds(rolloutMs),
        ],
      ],
      { align: ['right', 'right', 'right', 'right', 'right', 'right'] },
    ),
  );
  const logged = (subject: RegExp): number => outcomes.reduce((sum, o) => sum + retryLines(o.run, subject), 0);
  const limits = [
    {
      label: 'ECS RegisterTaskDefinition: burst 20, then 1/s',
      operation: 'RegisterTaskDefinition',
      key: 'family',
      counts: register,
      subject: /RegisterTaskDefinition/,
    },
    {
      label: 'SSM PutParameter: 3/s, one write per name at a time',
      operation: 'PutParameter',
      key: 'Name',
      counts: put,
      subject: /parameter/i,
    },
  ];
  ctx.print();
  ctx.print(
    'Throttling the proxy enforced. Each refusal is one retry: "logged" ones the action made itself (it prints',
  );
  ctx.print('"attempt N in ..."), the rest the SDK made silently (standard mode, at most 6 attempts per call).');
  ctx.print();
  ctx.print(
    markdownTable(
      [
        'limit',
        'requests',
        'passed',
        'ThrottlingException',
        'TooManyUpdates',
        'retries logged by the action',
        'most attempts by one job',
      ],
      limits.map((l) => [
        l.label,
        String(attempts(l.operation)),
        String(l.counts.passed),
        String(l.counts.throttled),
        l.operation === 'PutParameter' ? String(l.counts.tooManyUpdates) : '-',
        String(logged(l.subject)),
        String(mostAttempts(l.operation, l.key)),
      ]),
      { align: ['left', 'right', 'right', 'right', 'right', 'right', 'right'] },
    ),
  );
  ctx.print();
  ctx.print(
    `Calls of all ${ENVIRONMENTS} jobs: ${calls.length} (${[...new Set(calls.map((c) => c.operation))].map((op) => `${op} ${attempts(op)}`).join(', ')}).`,
  );

  const failed = outcomes.filter((o) => o.problems.length > 0);
  if (failed.length > 0) {
    ctx.print();
    ctx.print('Failed jobs, with the end of their log:');
    for (const outcome of failed) {
      ctx.print(`\n## ${outcome.env.name}: ${outcome.problems.join('; ')}`);
      ctx.print(outcome.run.stdout.trim().split('\n').slice(-12).join('\n'));
    }
  }
  return [
    {
      goal: `${ENVIRONMENTS}/${ENVIRONMENTS} environments deployed under ECS and SSM throttling`,
      measured: `${ok.length}/${ENVIRONMENTS} in ${seconds(wallMs)} s`,
      met: ok.length === ENVIRONMENTS,
      details: failed.map((o) => `${o.env.name}: ${o.problems.join('; ')}`),
    },
  ];
}

await runBenchmark('Benchmark 4: parallel environments', parallel);
