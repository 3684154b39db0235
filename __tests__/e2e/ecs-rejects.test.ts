import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { listRevisions } from '../support/ecs-fixtures.ts';
import { errorText, runAction, transcript } from '../support/run-action.ts';
import { useTestbed } from '../support/testbed.ts';

// Every case here must fail before anything is written: no new revision, no UpdateService.
describe('mode ecs refuses bad requests before changing anything', () => {
  const testbed = useTestbed();
  let files: string;

  beforeAll(async () => {
    files = await mkdtemp(join(tmpdir(), 'image-deploy-e2e-'));
  });

  afterAll(async () => {
    if (files) await rm(files, { recursive: true, force: true });
  });

  async function writeFixture(name: string, text: string): Promise<string> {
    const path = join(files, name);
    await writeFile(path, text);
    return path;
  }

  it.each<{ what: string; key: string; extra: Record<string, string>; expected: string[] }>([
    {
      what: 'memory that does not fit the cpu on Fargate',
      key: 'mem',
      extra: { cpu: '1024', memory: '3000' },
      expected: ["Input 'memory'", '3000'],
    },
    { what: 'a cpu size Fargate does not offer', key: 'cpu', extra: { cpu: '300' }, expected: ["Input 'cpu'", '300'] },
    {
      what: 'an unknown container',
      key: 'container',
      extra: { 'container-name': 'web', image: 'nginx:1.27' },
      expected: ["Input 'container-name'", 'web', 'app', 'sidecar'],
    },
  ])('fails on $what', async ({ key, extra, expected }) => {
    const { proxy, moto, awsEnv } = testbed;
    const seeded = await testbed.seedService({ cluster: `c-${key}`, service: `s-${key}` });
    const from = proxy.calls.length;

    const run = await runAction({
      inputs: { mode: 'ecs', cluster: `c-${key}`, service: `s-${key}`, ...extra },
      env: awsEnv,
    });

    expect(run.exitCode, transcript(run)).toBe(1);
    for (const part of expected) expect(errorText(run)).toContain(part);
    expect(proxy.callsTo('RegisterTaskDefinition', from)).toBe(0);
    expect(proxy.callsTo('UpdateService', from)).toBe(0);
    expect(await listRevisions(moto.url, seeded.family)).toHaveLength(1);
  });

  it('fails on a service that does not exist', async () => {
    const { proxy, awsEnv } = testbed;
    await testbed.seedService({ cluster: 'c-missing', service: 's-present' });
    const from = proxy.calls.length;

    const run = await runAction({
      inputs: { mode: 'ecs', cluster: 'c-missing', service: 's-missing', cpu: '512', memory: '1024' },
      env: awsEnv,
    });

    expect(run.exitCode, transcript(run)).toBe(1);
    expect(errorText(run)).toContain("Service 's-missing' was not found in cluster");
    expect(proxy.callsTo('RegisterTaskDefinition', from)).toBe(0);
    expect(proxy.callsTo('UpdateService', from)).toBe(0);
  });

  it('refuses a service with the EXTERNAL deployment controller, saying why and what to use, registering nothing', async () => {
    const { proxy, moto, awsEnv } = testbed;
    const seeded = await testbed.seedService({
      cluster: 'c-external',
      service: 's-external',
      deploymentController: 'EXTERNAL',
    });
    expect(seeded.service.deploymentController?.type).toBe('EXTERNAL');
    const from = proxy.calls.length;

    const run = await runAction({
      inputs: { mode: 'ecs', cluster: 'c-external', service: 's-external', cpu: '512', memory: '1024' },
      env: awsEnv,
    });

    expect(run.exitCode, transcript(run)).toBe(1);
    expect(errorText(run)).toContain(
      "Service 's-external' in cluster 'c-external' uses the EXTERNAL deployment controller",
    );
    expect(errorText(run)).toContain('their task sets are driven by another tool');
    expect(errorText(run)).toContain('CreateTaskSet');
    expect(proxy.callsTo('RegisterTaskDefinition', from)).toBe(0);
    expect(proxy.callsTo('UpdateService', from)).toBe(0);
    expect(await listRevisions(moto.url, seeded.family)).toHaveLength(1);
  });

  it.each([
    {
      what: 'a JSON file that does not parse',
      key: 'badjson',
      file: 'td.json',
      text: '{ "family": "x", "containerDefinitions": [ }',
    },
    {
      what: 'a YAML file that is not a task definition',
      key: 'badyaml',
      file: 'td.yaml',
      text: 'name: deploy\non:\n  push:\n    branches: [main]\n',
    },
  ])('fails on $what given as task-definition', async ({ key, file, text }) => {
    const { proxy, moto, awsEnv } = testbed;
    const seeded = await testbed.seedService({ cluster: `c-${key}`, service: `s-${key}` });
    const path = await writeFixture(`${key}-${file}`, text);
    const from = proxy.calls.length;

    const run = await runAction({
      inputs: { mode: 'ecs', cluster: `c-${key}`, service: `s-${key}`, 'task-definition': path },
      env: awsEnv,
    });

    expect(run.exitCode, transcript(run)).toBe(1);
    expect(errorText(run)).toContain("Input 'task-definition'");
    expect(errorText(run)).toContain(path);
    expect(proxy.callsTo('RegisterTaskDefinition', from)).toBe(0);
    expect(proxy.callsTo('UpdateService', from)).toBe(0);
    expect(await listRevisions(moto.url, seeded.family)).toHaveLength(1);
  });
});
