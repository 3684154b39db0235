import {
  GetParameterCommand,
  type GetParameterCommandOutput,
  InternalServerError,
  ParameterAlreadyExists,
  ParameterNotFound,
  PutParameterCommand,
  SSMClient,
  type ParameterType as SsmParameterType,
  TooManyUpdates,
} from '@aws-sdk/client-ssm';
import { mockClient } from 'aws-sdk-client-mock';
import { afterEach, describe, expect, it } from 'vitest';
import { AwsCallError, UserError } from '../../../src/errors.ts';
import type { ResolvedImage } from '../../../src/plan/resolved-image.ts';
import type { ParameterResult } from '../../../src/results.ts';
import type { ParameterOptions } from '../../../src/settings.ts';
import { applyParameter, prepareParameter } from '../../../src/steps/parameter.ts';
import { fakeClients } from '../../support/fake-clients.ts';
import { fakeDeps } from '../../support/fake-deps.ts';

const NAME = '/app/prod/image-tag';
const REPOSITORY = '123456789012.dkr.ecr.eu-west-1.amazonaws.com/app';
const DIGEST = `sha256:${'c0ffee00'.repeat(8)}`;
const IMAGE: ResolvedImage = {
  reference: `${REPOSITORY}@${DIGEST}`,
  repository: REPOSITORY,
  tag: 'v1.2.3',
  digest: DIGEST,
};
const TAGS = [
  { Key: 'team', Value: 'payments' },
  { Key: 'managed-by', Value: 'image-deploy' },
];
const TIMEOUT = 60_000;

function options(overrides: Partial<ParameterOptions> = {}): ParameterOptions {
  return { name: NAME, template: '{tag}', tags: TAGS, dryRun: false, timeoutMs: TIMEOUT, ...overrides };
}

const notFound = () => new ParameterNotFound({ message: 'Parameter /app/prod/image-tag not found.', $metadata: {} });
const tooManyUpdates = () =>
  new TooManyUpdates({ message: 'There are too many updates to this parameter.', $metadata: {} });
const alreadyExists = () => new ParameterAlreadyExists({ message: 'The parameter already exists.', $metadata: {} });

function stored(value: string, version: number, type: SsmParameterType = 'String'): GetParameterCommandOutput {
  return { Parameter: { Name: NAME, Type: type, Value: value, Version: version, DataType: 'text' }, $metadata: {} };
}

const restores: Array<() => void> = [];
afterEach(() => {
  for (const restore of restores.splice(0)) restore();
});

/** An SSM mock on a real client, a fake clock where sleeping advances `now`, and a log. */
function world() {
  const ssm = new SSMClient({ region: 'eu-west-1', credentials: { accessKeyId: 'a', secretAccessKey: 'b' } });
  const mock = mockClient(ssm);
  restores.push(() => mock.restore());
  mock.onAnyCommand().callsFake((input: unknown) => {
    throw new Error(`Unexpected command ${JSON.stringify(input)}`);
  });

  const fake = fakeDeps(fakeClients({ ssm }), 5_000_000);
  const { deps, sleeps } = fake;

  return {
    mock,
    deps,
    sleeps,
    /** What the step logged at info level, in order. */
    get log(): string[] {
      return fake.messages('info');
    },
    now: fake.now,
    /** GetParameter answers these in turn (an Error is thrown); the last one repeats. */
    reads(...answers: Array<GetParameterCommandOutput | Error>) {
      let behaviour = mock.on(GetParameterCommand);
      for (const answer of answers.slice(0, -1)) {
        behaviour = answer instanceof Error ? behaviour.rejectsOnce(answer) : behaviour.resolvesOnce(answer);
      }
      const last = answers.at(-1);
      if (last instanceof Error) behaviour.rejects(last);
      else if (last !== undefined) behaviour.resolves(last);
    },
    /** PutParameter answers these in turn: a version number, or an Error thrown; the last one repeats. */
    writes(...answers: Array<number | Error>) {
      let behaviour = mock.on(PutParameterCommand);
      for (const answer of answers.slice(0, -1)) {
        behaviour =
          answer instanceof Error ? behaviour.rejectsOnce(answer) : behaviour.resolvesOnce({ Version: answer });
      }
      const last = answers.at(-1);
      if (last instanceof Error) behaviour.rejects(last);
      else if (last !== undefined) behaviour.resolves({ Version: last });
    },
    sent: {
      reads: () => mock.commandCalls(GetParameterCommand).map((call) => call.args[0].input),
      writes: () => mock.commandCalls(PutParameterCommand).map((call) => call.args[0].input),
    },
  };
}

type World = ReturnType<typeof world>;

async function deploy(
  w: World,
  given: Partial<ParameterOptions> = {},
  image: ResolvedImage = IMAGE,
): Promise<ParameterResult> {
  const plan = await prepareParameter(options(given), image, w.deps);
  return applyParameter(plan, w.deps);
}

async function rejectionOf(promise: Promise<unknown>): Promise<Error> {
  const outcome = await promise.then(
    () => undefined,
    (error: unknown) => error,
  );
  if (!(outcome instanceof Error)) throw new Error('expected the promise to reject with an Error');
  return outcome;
}

describe('prepareParameter', () => {
  it('renders the value and reads the parameter without decrypting it', async () => {
    const w = world();
    w.reads(stored('v1.2.2', 7));
    const plan = await prepareParameter(options({ template: '{repository}@{digest}' }), IMAGE, w.deps);
    expect(plan.value).toBe(`${REPOSITORY}@${DIGEST}`);
    expect(plan.decision).toEqual({
      action: 'update',
      type: 'String',
      current: { value: 'v1.2.2', type: 'String', version: '7' },
    });
    expect(w.sent.reads()).toEqual([{ Name: NAME, WithDecryption: false }]);
  });

  it('finds no parameter when SSM says ParameterNotFound', async () => {
    const w = world();
    w.reads(notFound());
    const plan = await prepareParameter(options(), IMAGE, w.deps);
    expect(plan.decision).toEqual({ action: 'create', type: 'String' });
  });

  it('stops on an existing SecureString before anything is written', async () => {
    const w = world();
    w.reads(stored('AQICAHhEncrypted==', 3, 'SecureString'));
    const error = await rejectionOf(prepareParameter(options(), IMAGE, w.deps));
    expect(error).toBeInstanceOf(UserError);
    expect(error.message).toContain(`Parameter '${NAME}' is a SecureString`);
    expect(w.sent.writes()).toEqual([]);
  });

  it('stops when the parameter has another type than the one asked for', async () => {
    const w = world();
    w.reads(stored('v1.2.2', 7, 'StringList'));
    const error = await rejectionOf(prepareParameter(options({ type: 'String' }), IMAGE, w.deps));
    expect(error).toBeInstanceOf(UserError);
    expect(error.message).toContain(`Parameter '${NAME}' is a StringList, but input 'parameter-type' asks for String`);
  });

  it('fails on a template the image cannot fill, before calling AWS', async () => {
    const w = world();
    const byDigest: ResolvedImage = { reference: `${REPOSITORY}@${DIGEST}`, repository: REPOSITORY, digest: DIGEST };
    const error = await rejectionOf(prepareParameter(options(), byDigest, w.deps));
    expect(error).toBeInstanceOf(UserError);
    expect(error.message).toContain('uses {tag}, but image');
    expect(w.sent.reads()).toEqual([]);
  });

  it('names the call and the parameter when reading fails', async () => {
    const w = world();
    w.reads(new InternalServerError({ message: 'boom', $metadata: {} }));
    const error = await rejectionOf(prepareParameter(options(), IMAGE, w.deps));
    expect(error).toBeInstanceOf(AwsCallError);
    expect(error.message).toBe(`GetParameter for '${NAME}' failed: boom`);
  });
});

describe('applyParameter', () => {
  it('creates a missing parameter as a String, with its tags, without overwriting', async () => {
    const w = world();
    w.reads(notFound());
    w.writes(1);
    const result = await deploy(w);
    expect(w.sent.writes()).toStrictEqual([
      { Name: NAME, Value: 'v1.2.3', Type: 'String', Overwrite: false, Tags: TAGS },
    ]);
    expect(result).toEqual({
      name: NAME,
      verdict: { state: 'created' },
      changed: true,
      value: 'v1.2.3',
      type: 'String',
      version: '1',
      durationMs: 0,
    });
    expect(w.log).toContain(`Parameter '${NAME}' created: 'v1.2.3' (String, version 1)`);
  });

  it('creates the type asked for, and sends no Tags when there are none', async () => {
    const w = world();
    w.reads(notFound());
    w.writes(1);
    await deploy(w, { type: 'StringList', tags: [], template: '{tag},{digest}' });
    expect(w.sent.writes()).toStrictEqual([
      { Name: NAME, Value: `v1.2.3,${DIGEST}`, Type: 'StringList', Overwrite: false },
    ]);
  });

  it('overwrites a different value, keeping its type and sending no Tags', async () => {
    const w = world();
    w.reads(stored('v1.2.2', 7, 'StringList'));
    w.writes(8);
    const result = await deploy(w);
    expect(w.sent.writes()).toStrictEqual([{ Name: NAME, Value: 'v1.2.3', Type: 'StringList', Overwrite: true }]);
    expect(result).toMatchObject({
      verdict: { state: 'updated' },
      changed: true,
      previousValue: 'v1.2.2',
      value: 'v1.2.3',
      type: 'StringList',
      version: '8',
    });
    expect(w.log).toContain(`Parameter '${NAME}': 'v1.2.2' -> 'v1.2.3' (version 8)`);
  });

  it('writes nothing when the parameter already holds the value, and reports its version', async () => {
    const w = world();
    w.reads(stored('v1.2.3', 7));
    const result = await deploy(w);
    expect(w.sent.writes()).toEqual([]);
    expect(result).toMatchObject({
      verdict: { state: 'unchanged' },
      changed: false,
      previousValue: 'v1.2.3',
      version: '7',
    });
    expect(w.log).toContain(`Parameter '${NAME}' already holds 'v1.2.3' (version 7); nothing to write.`);
  });

  it('reads the parameter again before writing', async () => {
    const w = world();
    w.reads(stored('v1.2.2', 7));
    w.writes(8);
    await deploy(w);
    expect(w.sent.reads()).toHaveLength(2);
  });

  it('goes by the second read when someone wrote our value meanwhile', async () => {
    const w = world();
    w.reads(stored('v1.2.2', 7), stored('v1.2.3', 8));
    const result = await deploy(w);
    expect(w.sent.writes()).toEqual([]);
    expect(result).toMatchObject({ verdict: { state: 'unchanged' }, changed: false, version: '8' });
  });

  it('goes by the second read when the value changed away from ours meanwhile', async () => {
    const w = world();
    w.reads(stored('v1.2.3', 7), stored('v1.3.0', 8));
    w.writes(9);
    const result = await deploy(w);
    expect(w.sent.writes()).toStrictEqual([{ Name: NAME, Value: 'v1.2.3', Type: 'String', Overwrite: true }]);
    expect(result).toMatchObject({ verdict: { state: 'updated' }, previousValue: 'v1.3.0', version: '9' });
  });

  it('goes by the second read when someone created the parameter meanwhile', async () => {
    const w = world();
    w.reads(notFound(), stored('v1.2.0', 1));
    w.writes(2);
    const result = await deploy(w);
    expect(w.sent.writes()).toStrictEqual([{ Name: NAME, Value: 'v1.2.3', Type: 'String', Overwrite: true }]);
    expect(result).toMatchObject({ verdict: { state: 'updated' }, previousValue: 'v1.2.0', version: '2' });
  });

  it('refuses when the parameter became a SecureString meanwhile', async () => {
    const w = world();
    w.reads(stored('v1.2.2', 7), stored('AQICAHhEncrypted==', 8, 'SecureString'));
    const error = await rejectionOf(deploy(w));
    expect(error).toBeInstanceOf(UserError);
    expect(error.message).toContain('is a SecureString');
    expect(w.sent.writes()).toEqual([]);
  });

  it('updates instead when another job creates the parameter between our read and our create', async () => {
    const w = world();
    w.reads(notFound(), notFound(), stored('v1.2.0', 1));
    w.writes(alreadyExists(), 2);
    const result = await deploy(w);
    expect(w.sent.writes()).toStrictEqual([
      { Name: NAME, Value: 'v1.2.3', Type: 'String', Overwrite: false, Tags: TAGS },
      { Name: NAME, Value: 'v1.2.3', Type: 'String', Overwrite: true },
    ]);
    expect(result).toMatchObject({
      verdict: { state: 'updated' },
      changed: true,
      previousValue: 'v1.2.0',
      version: '2',
    });
    expect(w.sleeps).toEqual([]);
  });

  it('writes nothing more when the job that won the create race wrote our value', async () => {
    const w = world();
    w.reads(notFound(), notFound(), stored('v1.2.3', 1));
    w.writes(alreadyExists());
    const result = await deploy(w);
    expect(w.sent.writes()).toHaveLength(1);
    expect(result).toMatchObject({ verdict: { state: 'unchanged' }, changed: false, version: '1' });
  });

  it('retries TooManyUpdates with backoff, reading again each time', async () => {
    const w = world();
    w.reads(stored('v1.2.2', 7));
    w.writes(tooManyUpdates(), tooManyUpdates(), 8);
    const before = w.now();
    const result = await deploy(w);
    expect(w.sent.writes()).toHaveLength(3);
    expect(w.sent.reads()).toHaveLength(4);
    expect(w.sleeps).toHaveLength(2);
    expect(w.now()).toBeGreaterThan(before);
    expect(result).toMatchObject({ verdict: { state: 'updated' }, version: '8', durationMs: w.now() - before });
    expect(w.log.filter((line) => line.includes('another write to it is in progress'))).toHaveLength(2);
  });

  it('does not write twice when the answer to a write that applied was lost, and still reports the update', async () => {
    const w = world();
    // prepare's read, apply's first read, then the read after the lost answer: the value is there.
    w.reads(stored('v1.2.2', 7), stored('v1.2.2', 7), stored('v1.2.3', 8));
    w.writes(Object.assign(new Error('socket hang up'), { name: 'Error', code: 'ECONNRESET' }));
    const result = await deploy(w);
    expect(w.sent.writes()).toHaveLength(1);
    expect(result).toMatchObject({
      verdict: { state: 'updated' },
      changed: true,
      previousValue: 'v1.2.2',
      version: '8',
    });
    expect(w.log.some((line) => line.includes('the connection failed'))).toBe(true);
  });

  it('writes again after a 5xx that did not apply the write', async () => {
    const w = world();
    w.reads(stored('v1.2.2', 7));
    w.writes(
      Object.assign(new Error('Service Unavailable'), {
        name: 'InternalServerError',
        $metadata: { httpStatusCode: 503 },
      }),
      8,
    );
    const result = await deploy(w);
    expect(w.sent.writes()).toHaveLength(2);
    expect(result).toMatchObject({ verdict: { state: 'updated' }, version: '8' });
  });

  it('gives up on TooManyUpdates at the timeout with a clear error', async () => {
    const w = world();
    w.reads(stored('v1.2.2', 7));
    w.writes(tooManyUpdates());
    const before = w.now();
    const error = await rejectionOf(deploy(w, { timeoutMs: 10_000 }));
    expect(error.message).toMatch(
      new RegExp(
        `^Writing parameter '${NAME}' still failed after \\d+ attempts over \\S+ \\(another write to it is in progress\\): PutParameter for '${NAME}' failed: There are too many updates to this parameter\\.$`,
      ),
    );
    expect(w.sent.writes().length).toBeGreaterThan(1);
    expect(w.now() - before).toBeLessThanOrEqual(10_000);
  });

  it('does not retry other write errors', async () => {
    const w = world();
    w.reads(stored('v1.2.2', 7));
    w.writes(new InternalServerError({ message: 'denied', $metadata: {} }));
    const error = await rejectionOf(deploy(w));
    expect(error).toBeInstanceOf(AwsCallError);
    expect(error.message).toBe(`PutParameter for '${NAME}' failed: denied`);
    expect(w.sent.writes()).toHaveLength(1);
    expect(w.sleeps).toEqual([]);
  });
});

describe('applyParameter in a dry run', () => {
  it.each<[string, GetParameterCommandOutput | Error, Partial<ParameterResult>, string]>([
    [
      'plans a create',
      notFound(),
      { verdict: { state: 'planned' }, changed: false, version: undefined },
      `Dry run: would create parameter '${NAME}' (String) with 'v1.2.3'.`,
    ],
    [
      'plans an update',
      stored('v1.2.2', 7),
      { verdict: { state: 'planned' }, changed: false, version: undefined, previousValue: 'v1.2.2' },
      `Dry run: would change parameter '${NAME}': 'v1.2.2' -> 'v1.2.3'.`,
    ],
    [
      'reports an equal value as unchanged',
      stored('v1.2.3', 7),
      { verdict: { state: 'unchanged' }, changed: false, version: '7', previousValue: 'v1.2.3' },
      `Parameter '${NAME}' already holds 'v1.2.3' (version 7); nothing to write.`,
    ],
  ])('%s and writes nothing', async (_, read, expected, line) => {
    const w = world();
    w.reads(read);
    const result = await deploy(w, { dryRun: true });
    expect(w.sent.writes()).toEqual([]);
    expect(w.sent.reads()).toHaveLength(1);
    expect(result).toMatchObject({ ...expected, value: 'v1.2.3', name: NAME });
    expect(result.previousValue).toBe(expected.previousValue);
    expect(w.log).toContain(line);
  });
});
