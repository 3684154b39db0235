// `npm run demo`: the bundled action against moto_server, with the scenario proxy playing
// a rollout that completes after 4 s. Shows a real change, then the same run as a no-op.
// Everything it starts is stopped on the way out, also on Ctrl-C and on errors.

import { listRevisions, seedService, startEcsTestbed, TEST_ACCOUNT, TEST_REGION } from '../__tests__/support/ecs-fixtures.ts';
import type { EcsTestbed } from '../__tests__/support/ecs-fixtures.ts';
import { runAction } from '../__tests__/support/run-action.ts';
import type { ActionRun } from '../__tests__/support/run-action.ts';
import { completesAfter } from '../__tests__/support/scenario-proxy.ts';

const CLUSTER = 'demo';
const SERVICE = 'web';
const IMAGE = `${TEST_ACCOUNT}.dkr.ecr.${TEST_REGION}.amazonaws.com/app:2.0.0`;

function heading(text: string): void {
  process.stdout.write(`\n\x1b[1m== ${text}\x1b[0m\n`);
}

function show(run: ActionRun): void {
  heading('outputs');
  for (const [name, value] of Object.entries(run.outputs)) process.stdout.write(`  ${name} = ${value}\n`);
  heading('job summary');
  process.stdout.write(run.summary.trim() === '' ? '  (empty)\n' : `${run.summary.trim()}\n`);
  if (run.stderr.trim() !== '') {
    heading('stderr');
    process.stdout.write(`${run.stderr.trim()}\n`);
  }
}

async function demo(testbed: EcsTestbed, signal: AbortSignal): Promise<string[]> {
  const problems: string[] = [];
  const seeded = await seedService({ endpoint: testbed.moto.url, cluster: CLUSTER, service: SERVICE, desiredCount: 2 });
  testbed.proxy.scriptRollout(SERVICE, completesAfter(4000));
  process.stdout.write(`moto_server ${testbed.moto.url} (pid ${testbed.moto.pid}), scenario proxy ${testbed.proxy.url}\n`);
  process.stdout.write(`seeded service '${SERVICE}' in cluster '${CLUSTER}' on ${seeded.taskDefinitionArn}\n`);

  const inputs = {
    mode: 'ecs',
    cluster: CLUSTER,
    service: SERVICE,
    'container-name': 'app',
    image: IMAGE,
    cpu: '1 vCPU',
    memory: '2 GB',
    'poll-interval': '1s',
    'wait-timeout': '2m',
  };
  const stream = (chunk: string): void => {
    process.stdout.write(chunk);
  };

  heading(`run 1: deploy ${IMAGE} with cpu 1 vCPU / memory 2 GB`);
  const first = await runAction({ inputs, env: testbed.awsEnv, onStdout: stream, timeoutMs: 180_000, signal });
  show(first);
  if (first.exitCode !== 0) problems.push(`run 1 exited ${String(first.exitCode)}, expected 0`);
  if (first.outputs['changed'] !== 'true') problems.push(`run 1 reported changed=${first.outputs['changed'] ?? '(unset)'}, expected true`);

  const from = testbed.proxy.calls.length;
  heading('run 2: the same inputs again (should change nothing)');
  const second = await runAction({ inputs, env: testbed.awsEnv, onStdout: stream, timeoutMs: 180_000, signal });
  show(second);
  const writes = testbed.proxy.callsTo('RegisterTaskDefinition', from) + testbed.proxy.callsTo('UpdateService', from);
  if (second.exitCode !== 0) problems.push(`run 2 exited ${String(second.exitCode)}, expected 0`);
  if (second.outputs['changed'] !== 'false') problems.push(`run 2 reported changed=${second.outputs['changed'] ?? '(unset)'}, expected false`);
  if (writes > 0) problems.push(`run 2 made ${writes} RegisterTaskDefinition/UpdateService calls, expected none`);

  heading('what the proxy saw');
  const counts = new Map<string, number>();
  for (const call of testbed.proxy.calls) counts.set(`${call.service}:${call.operation}`, (counts.get(`${call.service}:${call.operation}`) ?? 0) + 1);
  for (const [operation, count] of counts) process.stdout.write(`  ${operation} x${count}\n`);
  process.stdout.write(`  revisions of ${seeded.family}: ${(await listRevisions(testbed.moto.url, seeded.family)).length}\n`);
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
    testbed = await startEcsTestbed();
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
