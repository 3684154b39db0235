// The one writer: everything the runner reads (log lines, annotations, group titles,
// outputs, the summary, the failure) leaves through here, and no other module uses
// @actions/core's printing functions (architecture.test.ts checks that).
//
// Every text is treated as if it came from outside: the action's own words never start
// with `::` or hold `##[`, so neutralising all of them costs nothing and needs no caller
// to remember which parts of a message were AWS's. The only commands on stdout are the
// ones issued here through @actions/core, whose command data is escaped (%0A, %0D, %25).

import * as core from '@actions/core';
import type { Io } from '../deps.ts';
import { safeLines, safeTitle } from './safe-text.ts';

/** The part of @actions/core the writer uses; tests pass a recording fake. */
export interface RunnerSink {
  getInput(name: string): string;
  info(line: string): void;
  warning(message: string): void;
  debug(line: string): void;
  setFailed(message: string): void;
  setOutput(name: string, value: string): void;
  setSecret(value: string): void;
  saveState(name: string, value: string): void;
  getState(name: string): string;
  startGroup(title: string): void;
  endGroup(): void;
  writeSummary(markdown: string): Promise<void>;
}

const CORE_SINK: RunnerSink = {
  getInput: (name) => core.getInput(name),
  info: (line) => core.info(line),
  warning: (message) => core.warning(message),
  debug: (line) => core.debug(line),
  setFailed: (message) => core.setFailed(message),
  setOutput: (name, value) => core.setOutput(name, value),
  setSecret: (value) => core.setSecret(value),
  saveState: (name, value) => core.saveState(name, value),
  getState: (name) => core.getState(name),
  startGroup: (title) => core.startGroup(title),
  endGroup: () => core.endGroup(),
  writeSummary: async (markdown) => {
    await core.summary.addRaw(markdown).write();
  },
};

/** The runner as main.ts sees it, with every outgoing text made safe. */
export function runnerIo(sink: RunnerSink = CORE_SINK): Io {
  // An annotation is one command whose data core escapes, so it may keep its line breaks
  // (the runner shows them); each line is still neutralised for when it is read as plain text.
  const annotation = (message: string) => safeLines(message).join('\n');
  return {
    getInput: (name) => sink.getInput(name),
    // Multi-line text prints as several lines, each unable to start a command.
    info: (message) => {
      for (const line of safeLines(message)) sink.info(line);
    },
    debug: (message) => {
      for (const line of safeLines(message)) sink.debug(line);
    },
    warning: (message) => sink.warning(annotation(message)),
    setFailed: (message) => sink.setFailed(annotation(message)),
    // Written to the GITHUB_OUTPUT file with a random heredoc delimiter by core; the values
    // themselves are checked before they get here (report/outputs.ts).
    setOutput: (name, value) => sink.setOutput(name, value),
    setSecret: (value) => sink.setSecret(value),
    // GITHUB_STATE, for the post step: written to a file by core, never printed.
    saveState: (name, value) => sink.saveState(name, value),
    getState: (name) => sink.getState(name),
    group: async (title, fn) => {
      sink.startGroup(safeTitle(title));
      try {
        return await fn();
      } finally {
        sink.endGroup();
      }
    },
    // Markdown, escaped where it was built (report/markdown.ts); it goes to a file, not stdout.
    writeSummary: (markdown) => sink.writeSummary(markdown),
  };
}
