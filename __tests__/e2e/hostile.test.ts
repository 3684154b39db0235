import { CreateClusterCommand, RegisterTaskDefinitionCommand } from '@aws-sdk/client-ecs';
import { describe, expect, it } from 'vitest';
import { createImageFunction, createRepository, pushImage, putParameterHistory } from '../support/aws-fixtures.ts';
import { defaultNetwork, ecsClient, richTaskDefinition } from '../support/ecs-fixtures.ts';
import {
  hostileParameterValue,
  hostileRepositoryError,
  hostileServiceEvent,
  hostileText,
} from '../support/hostile-scenarios.ts';
import { lambdaUpdateFails } from '../support/lambda-scenarios.ts';
import type { ActionRun } from '../support/run-action.ts';
import { runAction, transcript } from '../support/run-action.ts';
import { crashLoop } from '../support/scenario-proxy.ts';
import { taskExits } from '../support/task-scenarios.ts';
import { useTestbed } from '../support/testbed.ts';

// Nothing AWS says can take over the log, the summary or the outputs, and no
// secret value leaves the action. Every free-text field an account writer controls is
// planted with line breaks followed by runner commands, a fence and a table breaker, HTML
// and a heading; environment values are secrets. Runs with RUNNER_DEBUG=1, so the debug
// payloads are checked too.

const SECRETS = ['s3cr3t-old-one', 's3cr3t-old-two', 's3cr3t-new-value', 's3cr3t-run-task'];
const DEBUG = { RUNNER_DEBUG: '1' };

/** The runner's own commands the action issues: only these may start a stdout line. */
const OWN_COMMAND = /^::(debug|warning|error|group|endgroup)::/;

function forgedCommandLines(stdout: string): string[] {
  return stdout
    .split(/\r\n|\r|\n/)
    .filter((line) => (/^\s*::/.test(line) && !OWN_COMMAND.test(line)) || line.includes('##['));
}

/**
 * What a Markdown reader would take as markup that the action did not write: headings
 * other than its own, HTML outside code, and table rows with a different number of cells
 * than their header. Fenced blocks end only at a fence as long as theirs.
 */
function forgedMarkdown(summary: string): string[] {
  const problems: string[] = [];
  let fence: string | undefined;
  let columns: number | undefined;
  for (const line of summary.split('\n')) {
    const fenceMark = /^(`{3,})/.exec(line)?.[1];
    if (fence !== undefined) {
      if (fenceMark !== undefined && fenceMark.length >= fence.length && line.trim() === fenceMark) fence = undefined;
      continue;
    }
    if (fenceMark !== undefined) {
      fence = fenceMark;
      continue;
    }
    const outsideCode = line.replace(/(`+)(?:(?!\1).)+?\1/g, '');
    if (
      /^#{1,6} /.test(line) &&
      !/^## image-deploy$|^### (Image|ECS services|Lambda functions|SSM parameter|One-off task)$/.test(line)
    )
      problems.push(`heading: ${line}`);
    if (/<(?!\/?details>|summary>|\/summary>)[a-z/]/i.test(outsideCode)) problems.push(`html: ${line}`);
    if (line.startsWith('|')) {
      const cells = line.split(/(?<!\\)\|/).length;
      columns ??= cells;
      if (cells !== columns) problems.push(`row with ${cells - 2} cells, header has ${columns - 2}: ${line}`);
    } else columns = undefined;
  }
  return problems;
}

function expectNothingForged(run: ActionRun, planted: string[]): void {
  expect(forgedCommandLines(run.stdout), transcript(run)).toEqual([]);
  expect(forgedMarkdown(run.summary), run.summary).toEqual([]);
  // Proof the planted text was printed (escaped, after a [mode] prefix, or inside an
  // annotation's escaped data), so the checks above saw it.
  for (const tag of planted) expect(run.stdout, transcript(run)).toContain(`::add-mask::mask-${tag}`);
  const everything = [run.stdout, run.stderr, run.summary, JSON.stringify(run.outputs)].join('\n');
  for (const secret of SECRETS) expect(everything).not.toContain(secret);
  for (const value of Object.values(run.outputs)) expect(value).not.toMatch(/[\r\n]/);
}

describe('hostile text from AWS', () => {
  const testbed = useTestbed();

  it('cannot forge runner commands or summary markup in a deploy of ecs, lambda and parameter, nor read a secret out', async () => {
    const { proxy, endpoint } = testbed;
    const repo = await createRepository(endpoint, 'app-hostile');
    const v1 = await pushImage(endpoint, repo, 'v1');
    await pushImage(endpoint, repo, 'v2');
    const definition = richTaskDefinition('td-hostile', v1.tagged);
    const app = definition.containerDefinitions?.[0];
    // A running revision that repeats an environment name: the diff's fallback path.
    if (app)
      app.environment = [
        { name: 'DB_PASSWORD', value: SECRETS[0] },
        { name: 'DB_PASSWORD', value: SECRETS[1] },
      ];
    const service = await testbed.seedService({
      cluster: 'c-hostile',
      service: 's-hostile',
      taskDefinition: definition,
      desiredCount: 1,
      rollout: crashLoop({ everyMs: 400, exitCode: 1, reason: hostileText('container') }),
    });
    const fn = await createImageFunction(endpoint, { name: 'fn-hostile', imageUri: v1.pinned });
    await putParameterHistory(endpoint, '/app/hostile/image-tag', ['v1']);
    hostileServiceEvent(proxy, service.serviceName, hostileText('event'));
    hostileParameterValue(proxy, '/app/hostile/image-tag', hostileText('parameter'));
    hostileRepositoryError(proxy, hostileText('ecr'));
    lambdaUpdateFails(proxy, fn.name, { reason: hostileText('lambda'), reasonCode: 'InvalidImage' });

    const run = await runAction({
      inputs: {
        mode: 'image, ecs, lambda, parameter',
        image: `${repo.uri}:v2`,
        'pin-digest': 'false',
        cluster: 'c-hostile',
        service: service.serviceName,
        'container-name': 'app',
        environment: `DB_PASSWORD=${SECRETS[2]}`,
        'function-name': fn.name,
        'parameter-name': '/app/hostile/image-tag',
        'max-failed-tasks': '2',
        'poll-interval': '1s',
        'wait-timeout': '30s',
      },
      env: { ...testbed.awsEnv, ...DEBUG },
    });

    expect(run.exitCode, transcript(run)).toBe(1);
    expectNothingForged(run, ['ecr', 'parameter', 'event', 'container', 'lambda']);
    // The summary holds the planted text (inside fences and code, as forgedMarkdown checked).
    for (const tag of ['lambda', 'container']) expect(run.summary).toContain(`## Forged heading ${tag}`);
  }, 90_000);

  it("cannot forge anything through a one-off task's stop reason, container reason or log group", async () => {
    const { proxy, endpoint } = testbed;
    const ecs = ecsClient(endpoint);
    const definition = richTaskDefinition('migrate-hostile');
    const app = definition.containerDefinitions?.[0];
    if (app?.logConfiguration?.options)
      app.logConfiguration.options['awslogs-group'] = `/ecs/x\n${hostileText('logs')}`;
    try {
      await ecs.send(new CreateClusterCommand({ clusterName: 'c-hostile-task' }));
      await ecs.send(new RegisterTaskDefinitionCommand(definition));
    } finally {
      ecs.destroy();
    }
    const network = await defaultNetwork(endpoint);
    taskExits(proxy, {
      family: 'migrate-hostile',
      afterMs: 1000,
      exitCodes: { app: 1 },
      reasons: { app: hostileText('reason') },
      stoppedReason: hostileText('stop'),
    });

    const run = await runAction({
      inputs: {
        mode: 'run-task',
        cluster: 'c-hostile-task',
        'run-task-definition': 'migrate-hostile',
        'run-task-container': 'app',
        'run-task-environment': `TOKEN=${SECRETS[3]}`,
        subnets: network.subnets.join(','),
        'security-groups': network.securityGroups.join(','),
        'poll-interval': '1s',
        'wait-timeout': '30s',
      },
      env: { ...testbed.awsEnv, ...DEBUG },
    });

    expect(run.exitCode, transcript(run)).toBe(1);
    expectNothingForged(run, ['logs', 'stop']);
  }, 90_000);
});
