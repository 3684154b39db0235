import { mkdir, mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import * as yaml from 'yaml';
import { UserError } from '../../../src/errors.ts';
import { readInputs } from '../../../src/inputs/read-inputs.ts';
import {
  baseInputs,
  CASES,
  type Case,
  DIGEST_OF_V124,
  EDGE_CASES,
  LANDING_CASES,
  SECURITY_GROUP,
  SUBNETS,
  writeCaseFiles,
} from '../../support/bad-input-cases.ts';

// The bad-input cases refused while the inputs are read: readInputs is where they stop, before
// any AWS client exists. The runner contract (exit 1, the message, no call that changes
// anything) is proved end to end for one of them and for every case an AWS answer decides
// (__tests__/e2e/bad-input.test.ts).

let root = '';
let workspace = '';

beforeAll(async () => {
  root = await mkdtemp(join(tmpdir(), 'image-deploy-bad-input-unit-'));
  workspace = join(root, 'workspace');
  await mkdir(workspace);
  await writeCaseFiles(workspace);
});

afterAll(async () => {
  await rm(root, { recursive: true, force: true });
});

/** Values the e2e world learns from moto, as plausible constants. */
function fill(value: string): string {
  return value
    .replaceAll(DIGEST_OF_V124, `sha256:${'4'.repeat(64)}`)
    .replaceAll(SUBNETS, 'subnet-0123abcd,subnet-0456abcd')
    .replaceAll(SECURITY_GROUP, 'sg-0123abcd');
}

function refusal(c: Case): string {
  const inputs = Object.fromEntries(
    Object.entries({ ...baseInputs(c.base), ...c.inputs }).map(([name, value]) => [name, fill(value)]),
  );
  const env = { AWS_REGION: 'us-east-1', GITHUB_WORKSPACE: workspace, ...c.env };
  try {
    readInputs({ getInput: (name) => inputs[name] ?? '', env, yaml });
  } catch (error) {
    if (error instanceof UserError) return error.message;
    throw error;
  }
  throw new Error(`'${c.what}' was accepted`);
}

const readTime = (cases: Case[]) => cases.filter((c) => c.at === 'inputs');

describe('bad input refused while the inputs are read: the input and the fix named', () => {
  it.each(readTime([...CASES, ...EDGE_CASES, ...LANDING_CASES]))('$what', (c) => {
    const message = refusal(c);
    for (const part of c.says) {
      if (typeof part === 'string') expect(message).toContain(part);
      else expect(message).toMatch(part);
    }
    for (const never of c.neverSays ?? []) expect(message).not.toContain(never);
  });
});
