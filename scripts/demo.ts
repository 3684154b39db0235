// `npm run demo`: the bundled action against moto_server, as a release workflow would run
// it on `refs/tags/v1.2.3`: resolve the tag to its digest in ECR, deploy it to an ECS
// service (raising cpu/memory at the same time) and a Lambda function (publishing a version
// behind an alias), then write the tag to the SSM parameter. The scenario proxy plays a
// rollout that completes after 4 s. Then the same run again, which must change nothing.
// Act two: release v1.3.0 with a migration task first; the migration succeeds, the new
// revision crash-loops, and the step fails with the stopped tasks' reasons while the
// parameter keeps naming v1.2.3, the release that runs. Everything it starts is stopped on
// the way out, also on Ctrl-C and on errors.

import type { Repository } from '../__tests__/support/aws-fixtures.ts';
import {
  createImageFunction,
  createRepository,
  getFunctionImage,
  getParameter,
  MOTO_REAL_ECR_ENV,
  pushImage,
  putParameter,
} from '../__tests__/support/aws-fixtures.ts';
import type { EcsTestbed } from '../__tests__/support/ecs-fixtures.ts';
import {
  defaultNetwork,
  listRevisions,
  richTaskDefinition,
  seedFamily,
  seedService,
  startEcsTestbed,
} from '../__tests__/support/ecs-fixtures.ts';
import type { ActionRun } from '../__tests__/support/run-action.ts';
import { runAction } from '../__tests__/support/run-action.ts';
import { completesAfter, crashLoop } from '../__tests__/support/scenario-proxy.ts';
import { taskExits } from '../__tests__/support/task-scenarios.ts';
import { lineWriter, renderMarkdown, viewFor } from './demo-view.ts';

const CLUSTER = 'demo';
const SERVICE = 'web';
const FUNCTION = 'app-api';
const PARAMETER = '/demo/prod/image-tag';
const RELEASE = 'v1.2.3';
const MUTATING = [
  'RegisterTaskDefinition',
  'UpdateService',
  'UpdateFunctionCode',
  'PublishVersion',
  'CreateAlias',
  'UpdateAlias',
  'PutParameter',
];

const view = viewFor(process.stdout);

function heading(text: string): void {
  process.stdout.write(`\n${view.bold(`== ${text}`)}\n`);
}

function show(run: ActionRun): void {
  heading('outputs (as a later step reads them: whole)');
  for (const [name, value] of Object.entries(run.outputs)) process.stdout.write(`  ${name} = ${value}\n`);
  heading('job summary (rendered)');
  process.stdout.write(run.summary.trim() === '' ? '  (empty)\n' : `${renderMarkdown(run.summary.trim(), view)}\n`);
  if (run.stderr.trim() !== '') {
    heading('stderr');
    process.stdout.write(`${run.stderr.trim()}\n`);
  }
}

async function demo(testbed: EcsTestbed, signal: AbortSignal): Promise<string[]> {
  const problems: string[] = [];
  const endpoint = testbed.moto.url;
  const repo = await createRepository(endpoint, 'app');
  const previous = await pushImage(endpoint, repo, 'v1.2.2');
  const release = await pushImage(endpoint, repo, RELEASE);
  const rich = richTaskDefinition('web-td');
  const taskDefinition = {
    ...rich,
    containerDefinitions: rich.containerDefinitions?.map((c) =>
      c.name === 'app' ? { ...c, image: previous.tagged } : c,
    ),
  };
  const seeded = await seedService({ endpoint, cluster: CLUSTER, service: SERVICE, taskDefinition, desiredCount: 2 });
  testbed.proxy.scriptRollout(SERVICE, completesAfter(4000));
  await createImageFunction(endpoint, { name: FUNCTION, imageUri: previous.tagged });
  await putParameter(endpoint, { name: PARAMETER, value: 'v1.2.2' });
  process.stdout.write(`moto_server ${endpoint} (pid ${testbed.moto.pid}), scenario proxy ${testbed.proxy.url}\n`);
  process.stdout.write(`seeded ECR ${repo.uri} with v1.2.2 and ${RELEASE} (${release.digest})\n`);
  process.stdout.write(
    `seeded service '${SERVICE}' in cluster '${CLUSTER}' on ${seeded.taskDefinitionArn}, function '${FUNCTION}' and ${PARAMETER}, all on v1.2.2\n`,
  );

  const inputs = {
    mode: 'image, ecs, lambda, parameter',
    image: repo.uri,
    cluster: CLUSTER,
    service: SERVICE,
    'container-name': 'app',
    cpu: '1 vCPU',
    memory: '2 GB',
    'function-name': FUNCTION,
    'lambda-alias': 'live',
    'parameter-name': PARAMETER,
    'poll-interval': '1s',
    'wait-timeout': '2m',
  };
  const env = {
    ...testbed.awsEnv,
    GITHUB_REF: `refs/tags/${RELEASE}`,
    GITHUB_SHA: '4f1c2a9e8b7d6c5f4e3d2c1b0a9f8e7d6c5b4a39',
  };
  // The log as the Actions UI shows it: groups as headings, digests shortened.
  const log = lineWriter((text) => process.stdout.write(text), view);
  const stream = (chunk: string): void => log.push(chunk);

  heading(`run 1: release ${RELEASE} to service, function and parameter, with cpu 1 vCPU / memory 2 GB`);
  const first = await runAction({ inputs, env, onStdout: stream, timeoutMs: 180_000, signal });
  log.flush();
  show(first);
  if (first.exitCode !== 0) problems.push(`run 1 exited ${String(first.exitCode)}, expected 0`);
  if (first.outputs.changed !== 'true')
    problems.push(`run 1 reported changed=${first.outputs.changed ?? '(unset)'}, expected true`);
  if (first.outputs.image !== release.pinned)
    problems.push(`run 1 output image=${first.outputs.image ?? '(unset)'}, expected ${release.pinned}`);
  const fn = await getFunctionImage(endpoint, FUNCTION);
  if (fn.imageUri !== release.pinned)
    problems.push(`function runs ${fn.imageUri ?? '(none)'}, expected ${release.pinned}`);
  const parameter = await getParameter(endpoint, PARAMETER);
  if (parameter?.value !== RELEASE)
    problems.push(`parameter holds ${parameter?.value ?? '(nothing)'}, expected ${RELEASE}`);

  const from = testbed.proxy.calls.length;
  heading('run 2: the same inputs again (should change nothing)');
  const second = await runAction({ inputs, env, onStdout: stream, timeoutMs: 180_000, signal });
  log.flush();
  show(second);
  const writes = MUTATING.reduce((sum, operation) => sum + testbed.proxy.callsTo(operation, from), 0);
  if (second.exitCode !== 0) problems.push(`run 2 exited ${String(second.exitCode)}, expected 0`);
  if (second.outputs.changed !== 'false')
    problems.push(`run 2 reported changed=${second.outputs.changed ?? '(unset)'}, expected false`);
  if (writes > 0)
    problems.push(`run 2 made ${writes} calls that change something (${MUTATING.join(', ')}), expected none`);

  problems.push(...(await actTwo(testbed, { repo, signal, log, env })));

  heading('what the proxy saw (all runs)');
  const counts = new Map<string, number>();
  for (const call of testbed.proxy.calls)
    counts.set(`${call.service}:${call.operation}`, (counts.get(`${call.service}:${call.operation}`) ?? 0) + 1);
  for (const [operation, count] of counts) process.stdout.write(`  ${operation} x${count}\n`);
  process.stdout.write(`  revisions of ${seeded.family}: ${(await listRevisions(endpoint, seeded.family)).length}\n`);
  process.stdout.write(
    `  ${PARAMETER} = ${parameter?.value ?? '(nothing)'} (version ${String(parameter?.version ?? '-')})\n`,
  );
  return problems;
}

const NEXT_RELEASE = 'v1.3.0';
const CRASH_REASON = 'Essential container in task exited';

/** A release whose migration succeeds and whose rollout crash-loops: an honest failure. */
async function actTwo(
  testbed: EcsTestbed,
  context: {
    repo: Repository;
    signal: AbortSignal;
    log: { push(chunk: string): void; flush(): void };
    env: Record<string, string>;
  },
): Promise<string[]> {
  const problems: string[] = [];
  const endpoint = testbed.moto.url;
  const next = await pushImage(endpoint, context.repo, NEXT_RELEASE);
  const network = await defaultNetwork(endpoint);
  await seedFamily(endpoint, CLUSTER, 'migrate');
  const migration = taskExits(testbed.proxy, {
    family: 'migrate',
    afterMs: 3000,
    exitCodes: { app: 0, 'log-router': 0 },
  });
  testbed.proxy.scriptRollout(
    SERVICE,
    crashLoop({ everyMs: 1500, exitCode: 1, reason: 'panic: DATABASE_URL is not set' }),
  );
  const before = await getParameter(endpoint, PARAMETER);

  heading(`act two: release ${NEXT_RELEASE}: a migration task first, then a rollout that crash-loops`);
  const run = await runAction({
    inputs: {
      mode: 'image, run-task, ecs, parameter',
      image: context.repo.uri,
      cluster: CLUSTER,
      service: SERVICE,
      'container-name': 'app',
      'run-task-definition': 'migrate',
      'run-task-container': 'app',
      command: 'npm run migrate',
      subnets: network.subnets.join(','),
      'security-groups': network.securityGroups.join(','),
      'parameter-name': PARAMETER,
      'max-failed-tasks': '3',
      'poll-interval': '1s',
      'wait-timeout': '2m',
    },
    env: { ...context.env, GITHUB_REF: `refs/tags/${NEXT_RELEASE}` },
    onStdout: (chunk) => context.log.push(chunk),
    timeoutMs: 180_000,
    signal: context.signal,
  });
  context.log.flush();
  show(run);
  const after = await getParameter(endpoint, PARAMETER);
  const failure = `${run.stdout}\n${run.summary}`;
  if (run.exitCode !== 1) problems.push(`act two exited ${String(run.exitCode)}, expected 1 (the rollout crash-loops)`);
  if (migration.runs.length !== 1)
    problems.push(`act two started ${migration.runs.length} migration tasks, expected 1`);
  if (!failure.includes(CRASH_REASON) || !failure.includes('exit code 1'))
    problems.push('act two did not show the stopped tasks with their reason and exit code');
  // The old deployment in the progress lines is the revision the service ran before this run.
  const ranBefore = run.outputs['previous-task-definition-arn']?.split('/').pop();
  const olds = [...new Set([...run.stdout.matchAll(/\| old (\S+) running/g)].map((m) => m[1]))];
  if (ranBefore === undefined || olds.length !== 1 || olds[0] !== ranBefore) {
    problems.push(
      `act two's progress names the old revision as ${olds.join(', ') || '(nothing)'}, expected ${ranBefore ?? '(no previous-task-definition-arn)'}, the revision the service ran`,
    );
  }
  if (after?.value !== before?.value || after?.version !== before?.version) {
    problems.push(
      `the parameter changed to ${after?.value ?? '(nothing)'}: it must keep naming ${before?.value ?? '(nothing)'}, the release that runs`,
    );
  }
  process.stdout.write(
    `\n  ${view.green('as expected:')} exit ${String(run.exitCode)}, the service kept ${ranBefore ?? '(unknown)'}, the migration ran once, ${PARAMETER} still ${after?.value ?? '(nothing)'} (version ${String(after?.version ?? '-')}), ${next.tag} not deployed\n`,
  );
  return problems;
}

async function main(): Promise<number> {
  let testbed: EcsTestbed | undefined;
  const abort = new AbortController();
  const onSignal = (signal: NodeJS.Signals): void => {
    // The first signal unwinds main (which stops everything in `finally`); a second one forces.
    if (abort.signal.aborted) process.exit(130);
    process.stderr.write(`\n${signal}: stopping the action run, moto_server and the proxy\n`);
    abort.abort(new Error(`interrupted by ${signal}`));
  };
  process.on('SIGINT', onSignal);
  process.on('SIGTERM', onSignal);
  try {
    testbed = await startEcsTestbed({ motoEnv: { ...MOTO_REAL_ECR_ENV } });
    abort.signal.throwIfAborted();
    const problems = await demo(testbed, abort.signal);
    heading(problems.length === 0 ? 'demo OK' : 'demo FAILED');
    for (const problem of problems) process.stdout.write(`  - ${problem}\n`);
    return problems.length === 0 ? 0 : 1;
  } catch (error) {
    if (abort.signal.aborted) return 130;
    process.stderr.write(`demo failed: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
    return 1;
  } finally {
    await testbed?.stop();
  }
}

process.exitCode = await main();
