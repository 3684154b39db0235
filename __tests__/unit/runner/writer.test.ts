import { describe, expect, it } from 'vitest';
import { withPrefix } from '../../../src/deps.ts';
import { isRunnerCommand, neutralizeLine, safeLines } from '../../../src/runner/safe-text.ts';
import { type RunnerSink, runnerIo } from '../../../src/runner/writer.ts';

const HOSTILE = 'benign\n::add-mask::x\r\n  ::error title=y::forged\r::stop-commands::tok\u2028##[warning]legacy';

function recordingSink() {
  const calls: Array<[string, string]> = [];
  const sink: RunnerSink = {
    getInput: () => '',
    info: (line) => calls.push(['info', line]),
    warning: (message) => calls.push(['warning', message]),
    debug: (line) => calls.push(['debug', line]),
    setFailed: (message) => calls.push(['failed', message]),
    setOutput: (name, value) => calls.push(['output', `${name}=${value}`]),
    setSecret: () => undefined,
    saveState: (name, value) => calls.push(['state', `${name}=${value}`]),
    getState: () => '',
    startGroup: (title) => calls.push(['group', title]),
    endGroup: () => calls.push(['endgroup', '']),
    writeSummary: async () => undefined,
  };
  return { sink, calls };
}

describe('neutralizeLine', () => {
  it.each([
    ['::add-mask::x', '\\::add-mask::x'],
    ['  ::error title=y::forged', '  \\::error title=y::forged'],
    ['\u0085\t::warning::w', '\u0085\t\\::warning::w'],
    ['text ##[error]legacy', 'text ##\\[error]legacy'],
    ['a :: b', 'a :: b'],
    ['plain line', 'plain line'],
  ])('%j becomes %j, which the runner does not read as a command', (line, safe) => {
    expect(neutralizeLine(line)).toBe(safe);
    expect(isRunnerCommand(safe)).toBe(false);
  });
});

describe('safeLines', () => {
  it('splits at every line break the runner splits at, and neutralises each line', () => {
    const lines = safeLines(HOSTILE);
    expect(lines).toEqual([
      'benign',
      '\\::add-mask::x',
      '  \\::error title=y::forged',
      '\\::stop-commands::tok',
      '##\\[warning]legacy',
    ]);
    expect(lines.filter(isRunnerCommand)).toEqual([]);
  });
});

describe('runnerIo', () => {
  it('prints a multi-line info or debug message as several safe lines', () => {
    const { sink, calls } = recordingSink();
    const io = runnerIo(sink);
    io.info(HOSTILE);
    io.debug('one\n::add-mask::two');
    expect(calls.filter(([kind]) => kind === 'info').map(([, line]) => line)).toEqual(safeLines(HOSTILE));
    expect(calls.filter(([kind]) => kind === 'debug').map(([, line]) => line)).toEqual(['one', '\\::add-mask::two']);
  });

  it('gives warnings and the failure neutralised lines (core escapes the command data)', () => {
    const { sink, calls } = recordingSink();
    const io = runnerIo(sink);
    io.warning('careful\n::add-mask::x');
    io.setFailed('failed\n::error::y');
    expect(calls).toEqual([
      ['warning', 'careful\n\\::add-mask::x'],
      ['failed', 'failed\n\\::error::y'],
    ]);
  });

  it('makes a group title one safe line and always closes the group', async () => {
    const { sink, calls } = recordingSink();
    const io = runnerIo(sink);
    await expect(io.group('ecs: web\n::add-mask::x', async () => Promise.reject(new Error('boom')))).rejects.toThrow(
      'boom',
    );
    expect(calls).toEqual([
      ['group', 'ecs: web ::add-mask::x'],
      ['endgroup', ''],
    ]);
  });
});

describe('withPrefix on the writer', () => {
  it('prefixes every line of a multi-line message, so none can start a command', () => {
    const { sink, calls } = recordingSink();
    withPrefix(runnerIo(sink), '[ecs] ').info('event one\n::add-mask::x');
    expect(calls).toEqual([
      ['info', '[ecs] event one'],
      ['info', '[ecs] ::add-mask::x'],
    ]);
    expect(calls.map(([, line]) => line).filter(isRunnerCommand)).toEqual([]);
  });
});
