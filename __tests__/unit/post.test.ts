import { describe, expect, it } from 'vitest';
import type { Io } from '../../src/deps.ts';
import { parseLambdaPutBackStates } from '../../src/lambda-cancel.ts';
import { run } from '../../src/post.ts';

/** The post step's runner, with the saved state given; every line it prints is kept. */
function postIo(state: Record<string, string>) {
  const said = { info: [] as string[], warnings: [] as string[], failures: [] as string[] };
  const io: Io = {
    getInput: () => '',
    setOutput: () => undefined,
    setSecret: () => undefined,
    setFailed: (message) => said.failures.push(message),
    info: (message) => said.info.push(message),
    warning: (message) => said.warnings.push(message),
    debug: () => undefined,
    getState: (name) => state[name] ?? '',
    group: (_name, fn) => fn(),
    writeSummary: async () => undefined,
  };
  return { io, said };
}

describe('the post step given a saved state it did not write', () => {
  it.each([
    ['rollback', '::warning::not json'],
    ['rollback', '{"region":"eu-west-1"}'],
    ['lambda-put-back', '{not json'],
    ['lambda-put-back', '[{"region":"eu-west-1","functionName":"api"}]'],
  ])('warns once about STATE_%s %j, echoes none of it and puts nothing back', async (name, value) => {
    const { io, said } = postIo({ [name]: value });

    await run(io);

    expect(said.warnings).toHaveLength(1);
    expect(said.warnings[0]).toContain(`STATE_${name}`);
    expect(said.warnings[0]).not.toContain(value);
    expect(said.failures).toEqual([]);
    expect(said.info).toEqual([]);
  });

  it('does nothing at all when no state was saved (nearly every run)', async () => {
    const { io, said } = postIo({});
    await run(io);
    expect(said).toEqual({ info: [], warnings: [], failures: [] });
  });
});

describe('parseLambdaPutBackStates', () => {
  it('reads the list the main step writes', () => {
    const state = { region: 'eu-west-1', functionName: 'api', alias: 'live', version: '3', shiftedTo: '4' };
    expect(parseLambdaPutBackStates(JSON.stringify([state]))).toEqual({ states: [state] });
  });

  it('reads an alias the step created, which has no version to go back to', () => {
    const state = { region: 'eu-west-1', functionName: 'api', alias: 'live', created: true, shiftedTo: '4' };
    expect(parseLambdaPutBackStates(JSON.stringify([state]))).toEqual({ states: [state] });
  });

  it.each([
    ['', { states: [] }],
    ['nope', { problem: 'it is not JSON' }],
    ['{"region":"eu-west-1"}', { problem: 'it is not a list of aliases to put back' }],
    [
      '[{"region":"eu-west-1","functionName":"api","alias":"live"}]',
      {
        problem:
          'entry 1 is not an alias to put back (region, functionName, alias, and version, or created with shiftedTo)',
      },
    ],
    [
      '[{"region":"eu-west-1","functionName":"api","alias":"live","created":true}]',
      {
        problem:
          'entry 1 is not an alias to put back (region, functionName, alias, and version, or created with shiftedTo)',
      },
    ],
  ])('%j -> %j', (raw, want) => {
    expect(parseLambdaPutBackStates(raw)).toEqual(want);
  });
});
