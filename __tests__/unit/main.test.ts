import { DescribeServicesCommand, ECSClient } from '@aws-sdk/client-ecs';
import { mockClient } from 'aws-sdk-client-mock';
import { describe, expect, it } from 'vitest';
import type { Io, StepDeps } from '../../src/deps.ts';
import { run } from '../../src/main.ts';
import { fakeClients } from '../support/fake-clients.ts';

interface FakeIo extends Io {
  failures: string[];
  warnings: string[];
  outputs: Record<string, string>;
  summaries: string[];
  groups: string[];
}

function fakeIo(inputs: Record<string, string>, options: { summaryFails?: boolean } = {}): FakeIo {
  const io: FakeIo = {
    failures: [],
    warnings: [],
    outputs: {},
    summaries: [],
    groups: [],
    getInput: (name) => inputs[name] ?? '',
    setOutput: (name, value) => {
      io.outputs[name] = value;
    },
    setSecret: () => undefined,
    setFailed: (message) => io.failures.push(message),
    info: () => undefined,
    warning: (message) => io.warnings.push(message),
    debug: () => undefined,
    group: async (title, fn) => {
      io.groups.push(title);
      return fn();
    },
    writeSummary: async (markdown) => {
      if (options.summaryFails) throw new Error('Unable to find environment variable for $GITHUB_STEP_SUMMARY');
      io.summaries.push(markdown);
    },
  };
  return io;
}

function mockedDeps() {
  const ecs = new ECSClient({ region: 'eu-west-1', credentials: { accessKeyId: 'a', secretAccessKey: 'b' } });
  const mock = mockClient(ecs);
  const makeDeps = (io: Io): StepDeps => ({
    log: io,
    clients: fakeClients({ ecs }),
    sleep: async () => undefined,
    now: () => 0,
  });
  return { mock, makeDeps };
}

const ENV = { AWS_REGION: 'eu-west-1' };

describe('run', () => {
  it('fails once, naming the input, and calls no AWS API when an input is bad', async () => {
    const { mock, makeDeps } = mockedDeps();
    const io = fakeIo({ mode: 'ecs', service: 'web', cpu: 'lots' });

    await run(io, ENV, makeDeps);

    expect(io.failures).toEqual([expect.stringContaining("Input 'cpu' ('lots')")]);
    expect(mock.calls()).toHaveLength(0);
    expect(io.outputs).toEqual({});
  });

  it('fails once with the reason, writes outputs and a summary saying what failed', async () => {
    const { mock, makeDeps } = mockedDeps();
    mock.on(DescribeServicesCommand).resolves({ services: [], failures: [{ arn: 'arn:x', reason: 'MISSING' }] });
    const io = fakeIo({ mode: 'ecs', cluster: 'prod', service: 'web' });

    await run(io, ENV, makeDeps);

    expect(io.failures).toEqual([expect.stringContaining("Service 'web' was not found in cluster 'prod'")]);
    expect(io.outputs).toEqual({ changed: 'false' });
    expect(io.summaries[0]).toContain("Service 'web' was not found in cluster 'prod'");
    expect(io.groups).toEqual(["ecs: plan service 'web' in cluster 'prod'"]);
  });

  it('keeps the verdict when the job summary cannot be written', async () => {
    const { mock, makeDeps } = mockedDeps();
    mock.on(DescribeServicesCommand).resolves({ services: [], failures: [{ arn: 'arn:x', reason: 'MISSING' }] });
    const io = fakeIo({ mode: 'ecs', service: 'web' }, { summaryFails: true });

    await run(io, ENV, makeDeps);

    expect(io.failures).toEqual([expect.stringContaining("Service 'web' was not found")]);
    expect(io.warnings).toEqual([expect.stringContaining('Could not write the job summary')]);
  });

  it('keeps the deploy verdict, and never says nothing changed, when reporting fails after the pipeline ran', async () => {
    const { mock, makeDeps } = mockedDeps();
    mock.on(DescribeServicesCommand).resolves({ services: [], failures: [{ arn: 'arn:x', reason: 'MISSING' }] });
    const io = fakeIo({ mode: 'ecs', service: 'web' });
    io.setOutput = () => {
      throw new Error('Unable to process file command output');
    };

    await run(io, ENV, makeDeps);

    expect(io.failures).toHaveLength(1);
    expect(io.failures[0]).toContain("Service 'web' was not found");
    expect(io.failures[0]).toContain('Reporting the deploy failed: Unable to process file command output');
    expect(io.summaries.join('\n')).not.toContain('Nothing was changed');
  });
});
