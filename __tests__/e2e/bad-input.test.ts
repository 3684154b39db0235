import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { CreateFunctionCommand } from '@aws-sdk/client-lambda';
import { PutParameterCommand } from '@aws-sdk/client-ssm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  createImageFunction,
  createRepository,
  ensureLambdaRole,
  lambdaClient,
  pushImage,
  ssmClient,
} from '../support/aws-fixtures.ts';
import {
  type Base,
  baseInputs,
  CASES,
  type Case,
  CLUSTER,
  DIGEST_OF_V124,
  EDGE_CASES,
  FAMILY,
  FUNCTION,
  LANDING_CASES,
  LIST_PARAMETER,
  PARAMETER,
  REPO_NAME,
  SECURE_PARAMETER,
  SECURITY_GROUP,
  SERVICE,
  SUBNETS,
  writeCaseFiles,
  ZIP_FUNCTION,
} from '../support/bad-input-cases.ts';
import { defaultNetwork } from '../support/ecs-fixtures.ts';
import { writesAmong } from '../support/mutating.ts';
import type { ActionRun } from '../support/run-action.ts';
import { errorText, runAction, transcript } from '../support/run-action.ts';
import type { RecordedCall } from '../support/scenario-proxy.ts';
import { startScenarioProxy } from '../support/scenario-proxy.ts';
import { useTestbed } from '../support/testbed.ts';

// Bad input, end to end (the cases are in __tests__/support/bad-input-cases.ts): each run
// must exit 1 with a message that names the input (or environment variable) and says the
// fix, and must not have sent one call that changes anything. Here run the cases an AWS
// answer decides, and one refused while the inputs are read, for the runner contract; the
// other read-time cases run in the unit project (__tests__/unit/inputs/bad-input.test.ts).
// One seeded moto serves the file; each run gets its own scenario proxy in front of it, so
// its call log is its own and runs can go side by side.

/** Refused while reading the inputs, and its file's secret must reach no output: the runner contract. */
const REPRESENTATIVE = 'task-definition: a file that is not YAML is not quoted';
const endToEnd = (cases: Case[]) => cases.filter((c) => c.at !== 'inputs' || c.what === REPRESENTATIVE);

interface World {
  workspace: string;
  digestOfV124: string;
  subnets: string;
  securityGroup: string;
}

interface Outcome {
  run: ActionRun;
  calls: RecordedCall[];
}

const testbed = useTestbed();
let world: World | undefined;
const outcomes = new Map<string, Promise<Outcome>>();

beforeAll(async () => {
  world = await seed(testbed.endpoint);
});

afterAll(async () => {
  const current = world;
  world = undefined;
  if (current !== undefined) await rm(current.workspace, { recursive: true, force: true });
  if (current !== undefined) await rm(join(current.workspace, '..', 'outside-td.json'), { force: true });
});

/** One image repository, service, function of each package type and parameter of each type; fixture files. */
async function seed(endpoint: string): Promise<World> {
  const repository = await createRepository(endpoint, REPO_NAME);
  const v123 = await pushImage(endpoint, repository, 'v1.2.3');
  const v124 = await pushImage(endpoint, repository, 'v1.2.4');
  await testbed.seedService({ cluster: CLUSTER, service: SERVICE, family: FAMILY, image: v123.pinned });
  await createImageFunction(endpoint, { name: FUNCTION, imageUri: v123.pinned });
  await createZipFunction(endpoint, ZIP_FUNCTION);
  const ssm = ssmClient(endpoint);
  try {
    await ssm.send(new PutParameterCommand({ Name: PARAMETER, Value: 'v1.2.3', Type: 'String' }));
    await ssm.send(new PutParameterCommand({ Name: SECURE_PARAMETER, Value: 'not-a-tag', Type: 'SecureString' }));
    await ssm.send(new PutParameterCommand({ Name: LIST_PARAMETER, Value: 'v1.2.2,v1.2.3', Type: 'StringList' }));
  } finally {
    ssm.destroy();
  }
  const network = await defaultNetwork(endpoint);

  const workspace = await mkdtemp(join(tmpdir(), 'image-deploy-bad-input-'));
  await writeCaseFiles(workspace);
  return {
    workspace,
    digestOfV124: v124.digest,
    subnets: network.subnets.join(','),
    securityGroup: network.securityGroups[0] ?? '',
  };
}

/** A Zip function; its package (an empty zip archive) is never run. */
async function createZipFunction(endpoint: string, name: string): Promise<void> {
  const role = await ensureLambdaRole(endpoint);
  const emptyZip = Buffer.concat([Buffer.from('PK\x05\x06', 'latin1'), Buffer.alloc(18)]);
  const lambda = lambdaClient(endpoint);
  try {
    await lambda.send(
      new CreateFunctionCommand({
        FunctionName: name,
        PackageType: 'Zip',
        Runtime: 'nodejs20.x',
        Handler: 'index.handler',
        Role: role,
        Code: { ZipFile: emptyZip },
      }),
    );
  } finally {
    lambda.destroy();
  }
}

function seeded(): World {
  if (world === undefined) throw new Error('the world was not seeded (beforeAll failed)');
  return world;
}

function fill(value: string, w: World): string {
  return value
    .replaceAll(DIGEST_OF_V124, w.digestOfV124)
    .replaceAll(SUBNETS, w.subnets)
    .replaceAll(SECURITY_GROUP, w.securityGroup);
}

/** Runs the bundled action with the base inputs plus the case's, through a proxy of its own. */
async function runCase(inputs: Record<string, string>, env: Record<string, string> = {}): Promise<Outcome> {
  const w = seeded();
  const proxy = await startScenarioProxy(testbed.endpoint);
  try {
    const filled = Object.fromEntries(Object.entries(inputs).map(([name, value]) => [name, fill(value, w)]));
    const run = await runAction({
      inputs: filled,
      env: { ...testbed.awsEnv, AWS_ENDPOINT_URL: proxy.url, ...env },
      workspace: w.workspace,
    });
    return { run, calls: [...proxy.calls] };
  } finally {
    await proxy.stop();
  }
}

/** Each case runs once. */
function outcomeOf(c: Case): Promise<Outcome> {
  let outcome = outcomes.get(c.what);
  if (outcome === undefined) {
    outcome = runCase({ ...baseInputs(c.base), ...c.inputs }, c.env);
    outcomes.set(c.what, outcome);
  }
  return outcome;
}

function expectSays(run: ActionRun, says: Case['says']): void {
  const error = errorText(run);
  for (const part of says) {
    if (typeof part === 'string') expect(error, transcript(run)).toContain(part);
    else expect(error, transcript(run)).toMatch(part);
  }
}

async function expectRefused(c: Case): Promise<void> {
  const { run, calls } = await outcomeOf(c);
  expect(run.exitCode, transcript(run)).toBe(1);
  expect(writesAmong(calls), transcript(run)).toEqual([]);
  expectSays(run, c.says);
  for (const never of c.neverSays ?? [])
    expect([run.stdout, run.stderr, run.summary].join('\n'), transcript(run)).not.toContain(never);
}

async function expectDryRunPasses(base: Base): Promise<void> {
  const { run, calls } = await runCase({ ...baseInputs(base), 'dry-run': 'true' });
  expect(run.exitCode, transcript(run)).toBe(0);
  expect(writesAmong(calls)).toEqual([]);
  // Proof the dry run looked at the seeded world (so a refusal below is the case's doing).
  expect(calls.length).toBeGreaterThan(0);
}

describe.concurrent('bad input: exit 1, the input and the fix named, nothing changed', () => {
  // The bases are valid: each case breaks exactly one thing.
  it.each<Base>(['ecs', 'image', 'lambda', 'parameter'])('base inputs for %s pass a dry run', expectDryRunPasses);

  it.each(endToEnd(CASES))('$what', expectRefused);
});

describe.concurrent('bad input at the edges: files, keys, numbers, secrets', () => {
  it.each(endToEnd(EDGE_CASES))('$what', expectRefused);

  it('accepts CRLF line endings and a byte order mark, in inputs and in a task definition file', async () => {
    const { run, calls } = await runCase({
      ...baseInputs('ecs'),
      'task-definition': 'crlf-bom.json',
      environment: '\uFEFFLOG_LEVEL=debug\r\nPORT=8080\r\n',
      'dry-run': 'true',
    });
    expect(run.exitCode, transcript(run)).toBe(0);
    expect(writesAmong(calls)).toEqual([]);
    expect(run.stdout).not.toContain('\r');
  });
});

describe.concurrent('bad input to run-task and wait-for-image', () => {
  it('base inputs for run-task pass a dry run', () => expectDryRunPasses('run-task'));

  it.each(endToEnd(LANDING_CASES))('$what', expectRefused);
});
