// Where the figures came from, printed above every table: a number without its machine
// cannot be reproduced or compared.

import { spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { availableParallelism, loadavg, totalmem } from 'node:os';
import { relative } from 'node:path';
import { ACTION_ENTRY, REPO_ROOT } from '../../__tests__/support/run-action.ts';

function firstLine(command: string, args: string[]): string | undefined {
  const out = spawnSync(command, args, { encoding: 'utf8', cwd: REPO_ROOT });
  const line = out.status === 0 ? out.stdout.split('\n')[0]?.trim() : undefined;
  return line === '' ? undefined : line;
}

function cpuModel(): string {
  try {
    const match = /^model name\s*:\s*(.+)$/m.exec(readFileSync('/proc/cpuinfo', 'utf8'));
    return match?.[1]?.trim() ?? 'unknown';
  } catch {
    return 'unknown';
  }
}

/** Size and hash of the bundle the benchmark runs: the working tree's dist/ may differ from the commit's. */
function bundleLine(): string {
  try {
    const bundle = readFileSync(ACTION_ENTRY);
    return `${bundle.length} bytes, sha256 ${createHash('sha256').update(bundle).digest('hex').slice(0, 12)}`;
  } catch {
    return 'missing';
  }
}

/** Date, command, commit, bundle, machine, Node and moto versions, as `key: value` lines. */
export function machineLines(): string[] {
  const script = relative(REPO_ROOT, process.argv[1] ?? '');
  const commit = firstLine('git', ['rev-parse', '--short', 'HEAD']) ?? 'unknown';
  // Read-only: the figures are for dist/index.js, which may or may not be the committed one.
  const dist =
    firstLine('git', ['status', '--porcelain', '--', 'dist']) === undefined
      ? 'as committed'
      : 'modified since the commit';
  const moto = firstLine('python3', ['-c', 'import moto; print(moto.__version__)']) ?? 'unknown';
  return [
    `- date: ${new Date().toISOString()}`,
    `- command: node_modules/node/bin/node ${[script, ...process.argv.slice(2)].join(' ')}`,
    `- commit: ${commit}; dist/index.js ${dist} (${bundleLine()})`,
    `- machine: ${availableParallelism()} CPUs (nproc), ${cpuModel()}, ${Math.round(totalmem() / 2 ** 30)} GiB RAM, load average ${loadavg()
      .map((l) => l.toFixed(2))
      .join(' ')} at the start`,
    `- node: ${process.version} (node_modules/node, the runtime the action declares), moto ${moto}`,
  ];
}
