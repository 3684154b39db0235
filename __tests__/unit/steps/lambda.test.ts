import {
  type AliasConfiguration,
  CreateAliasCommand,
  type FunctionConfiguration,
  GetAliasCommand,
  GetFunctionCommand,
  type GetFunctionCommandOutput,
  GetFunctionConfigurationCommand,
  GetProvisionedConcurrencyConfigCommand,
  LambdaClient,
  PreconditionFailedException,
  ProvisionedConcurrencyConfigNotFoundException,
  PublishVersionCommand,
  ResourceConflictException,
  ResourceNotFoundException,
  UpdateAliasCommand,
  UpdateFunctionCodeCommand,
} from '@aws-sdk/client-lambda';
import { mockClient } from 'aws-sdk-client-mock';
import { afterEach, describe, expect, it } from 'vitest';
import { UserError } from '../../../src/errors.ts';
import type { ResolvedImage } from '../../../src/plan/resolved-image.ts';
import { failureText } from '../../../src/plan/verdict.ts';
import type { LambdaResult } from '../../../src/results.ts';
import type { LambdaOptions } from '../../../src/settings.ts';
import { applyLambda, prepareLambda } from '../../../src/steps/lambda.ts';
import { fakeClients } from '../../support/fake-clients.ts';
import { fakeDeps } from '../../support/fake-deps.ts';

// The step runs against a real LambdaClient whose `send` is stubbed by aws-sdk-client-mock.
// Every read command answers from a script per function (and per version for qualified
// reads): answers are given in call order and the last one repeats, so a test reads as
// "InProgress, InProgress, Successful". Commands nobody scripted fail the test.

const ACCOUNT = '123456789012';
const REGION = 'eu-west-1';
const REPO = `${ACCOUNT}.dkr.ecr.${REGION}.amazonaws.com/api`;
const HEX_OLD = 'a'.repeat(64);
const HEX_NEW = 'b'.repeat(64);
const HEX_OTHER = 'c'.repeat(64);
const OLD = `sha256:${HEX_OLD}`;
const NEW = `sha256:${HEX_NEW}`;
const OTHER = `sha256:${HEX_OTHER}`;
const INTERVAL = 5_000;
const TIMEOUT = 300_000;

const IMAGE: ResolvedImage = {
  reference: `${REPO}@${NEW}`,
  repository: REPO,
  digest: NEW,
  ecr: { kind: 'private', accountId: ACCOUNT, region: REGION, fips: false, domain: 'amazonaws.com' },
};
const TAGGED_IMAGE: ResolvedImage = { ...IMAGE, reference: `${REPO}:v2`, tag: 'v2' };

const arnOf = (name: string) => `arn:aws:lambda:${REGION}:${ACCOUNT}:function:${name}`;

// --- Builders -------------------------------------------------------------------------------

function configuration(name: string, overrides: Partial<FunctionConfiguration> = {}): FunctionConfiguration {
  return {
    FunctionName: name,
    FunctionArn: arnOf(name),
    PackageType: 'Image',
    CodeSha256: HEX_OLD,
    RevisionId: 'rev-1',
    State: 'Active',
    LastUpdateStatus: 'Successful',
    ...overrides,
  };
}

/** GetFunction of a function running `digest` (its CodeSha256 follows the digest). */
function described(
  name: string,
  digest: string,
  overrides: Partial<FunctionConfiguration> = {},
): GetFunctionCommandOutput {
  return {
    Configuration: configuration(name, { CodeSha256: digest.replace('sha256:', ''), ...overrides }),
    Code: { RepositoryType: 'ECR', ImageUri: `${REPO}:v1`, ResolvedImageUri: `${REPO}@${digest}` },
    $metadata: {},
  };
}

const inProgress = (name: string, reason = 'The function is being updated.'): FunctionConfiguration =>
  configuration(name, { LastUpdateStatus: 'InProgress', LastUpdateStatusReason: reason });
const successful = (name: string): FunctionConfiguration =>
  configuration(name, { CodeSha256: HEX_NEW, RevisionId: 'rev-2' });
const version = (
  name: string,
  number: string,
  state: FunctionConfiguration['State'],
  overrides: Partial<FunctionConfiguration> = {},
): FunctionConfiguration =>
  configuration(name, {
    Version: number,
    State: state,
    CodeSha256: HEX_NEW,
    FunctionArn: `${arnOf(name)}:${number}`,
    ...overrides,
  });
const aliasAt = (name: string, functionVersion: string): AliasConfiguration => ({
  Name: 'live',
  FunctionVersion: functionVersion,
  RevisionId: 'alias-rev',
  AliasArn: `${arnOf(name)}:live`,
});

const conflict = () =>
  new ResourceConflictException({ message: 'An update is in progress for resource: api', $metadata: {} });
const notFound = (message: string) => new ResourceNotFoundException({ message, $metadata: {} });
const noProvisioned = () =>
  new ProvisionedConcurrencyConfigNotFoundException({
    message: 'No Provisioned Concurrency Config found',
    $metadata: {},
  });

// --- Harness --------------------------------------------------------------------------------

type Answer = object | Error;

const restores: Array<() => void> = [];
afterEach(() => {
  for (const restore of restores.splice(0)) restore();
});

function world() {
  const lambda = new LambdaClient({
    region: REGION,
    credentials: { accessKeyId: 'a', secretAccessKey: 'b' },
    maxAttempts: 1,
  });
  const mock = mockClient(lambda);
  restores.push(() => mock.restore());
  mock.send.callsFake(async (command) => {
    throw new Error(`${command.constructor.name} was sent but this test did not expect it`);
  });

  const scripts = new Map<string, Answer[]>();
  const answer =
    (command: string, key: (input: Record<string, string | undefined>) => string) =>
    async (input: Record<string, string | undefined>) => {
      const scriptKey = `${command} ${key(input)}`;
      const answers = scripts.get(scriptKey);
      if (answers === undefined || answers.length === 0)
        throw new Error(`${scriptKey} was sent but this test did not script it`);
      const next = answers.length > 1 ? answers.shift() : answers[0];
      if (next instanceof Error) throw next;
      return { $metadata: {}, ...next };
    };
  const script = (command: string, key: string, answers: Answer[]) => scripts.set(`${command} ${key}`, [...answers]);
  const byFunction = (input: Record<string, string | undefined>) => `${input.FunctionName}`;
  const byQualifier = (input: Record<string, string | undefined>) =>
    `${input.FunctionName}:${input.Qualifier ?? '$LATEST'}`;
  const byAlias = (input: Record<string, string | undefined>) => `${input.FunctionName}:${input.Name}`;
  mock.on(GetFunctionCommand).callsFake(answer('GetFunction', byFunction));
  mock.on(GetFunctionConfigurationCommand).callsFake(answer('GetFunctionConfiguration', byQualifier));
  mock.on(GetAliasCommand).callsFake(answer('GetAlias', byAlias));
  mock.on(UpdateFunctionCodeCommand).callsFake(answer('UpdateFunctionCode', byFunction));
  mock.on(PublishVersionCommand).callsFake(answer('PublishVersion', byFunction));
  mock.on(CreateAliasCommand).callsFake(answer('CreateAlias', byAlias));
  mock.on(UpdateAliasCommand).callsFake(answer('UpdateAlias', byAlias));
  mock.on(GetProvisionedConcurrencyConfigCommand).callsFake(answer('GetProvisionedConcurrencyConfig', byQualifier));

  const fake = fakeDeps(fakeClients({ lambda }));
  const { deps, log } = fake;

  const inputs = <T>(command: new (...args: never[]) => { input: T }) =>
    mock.commandCalls(command as never).map((call) => (call.args[0] as { input: T }).input);

  return {
    mock,
    deps,
    log,
    /** GetFunction answers, in order: prepare's read, then any re-read, then the verification. */
    getFunction: (name: string, ...answers: Answer[]) => script('GetFunction', name, answers),
    /** GetFunctionConfiguration of $LATEST, polled while waiting. */
    polls: (name: string, ...answers: Answer[]) => script('GetFunctionConfiguration', `${name}:$LATEST`, answers),
    versionConfig: (name: string, number: string, ...answers: Answer[]) =>
      script('GetFunctionConfiguration', `${name}:${number}`, answers),
    alias: (name: string, ...answers: Answer[]) => script('GetAlias', `${name}:live`, answers),
    updates: (name: string, ...answers: Answer[]) => script('UpdateFunctionCode', name, answers),
    publishes: (name: string, ...answers: Answer[]) => script('PublishVersion', name, answers),
    createsAlias: (name: string) => script('CreateAlias', `${name}:live`, [{}]),
    updatesAlias: (name: string) => script('UpdateAlias', `${name}:live`, [{}]),
    /** GetProvisionedConcurrencyConfig of the alias, read after it moved. */
    provisioned: (name: string, ...answers: Answer[]) =>
      script('GetProvisionedConcurrencyConfig', `${name}:live`, answers),
    sent: {
      getFunction: () => inputs(GetFunctionCommand),
      getConfiguration: () => inputs(GetFunctionConfigurationCommand),
      getAlias: () => inputs(GetAliasCommand),
      update: () => inputs(UpdateFunctionCodeCommand),
      publish: () => inputs(PublishVersionCommand),
      createAlias: () => inputs(CreateAliasCommand),
      updateAlias: () => inputs(UpdateAliasCommand),
      provisioned: () => inputs(GetProvisionedConcurrencyConfigCommand),
    },
    /** The names of the commands sent, in order. */
    order: () => mock.calls().map((call) => (call.args[0] as object).constructor.name.replace(/Command$/, '')),
    mutatingCalls() {
      return [UpdateFunctionCodeCommand, PublishVersionCommand, CreateAliasCommand, UpdateAliasCommand]
        .map((command) => mock.commandCalls(command as never).length)
        .reduce((a, b) => a + b, 0);
    },
  };
}

type World = ReturnType<typeof world>;

function optionsFor(overrides: Partial<LambdaOptions> = {}): LambdaOptions {
  return {
    functionNames: ['api'],
    publish: false,
    traffic: { kind: 'all-at-once' },
    alarms: [],
    dryRun: false,
    region: REGION,
    wait: { timeoutMs: TIMEOUT, intervalMs: INTERVAL },
    ...overrides,
  };
}

async function deploy(
  w: World,
  options: Partial<LambdaOptions> = {},
  image: ResolvedImage = IMAGE,
): Promise<LambdaResult> {
  const plan = await prepareLambda(optionsFor(options), image, w.deps);
  return applyLambda(plan, w.deps);
}

async function prepareRejection(
  w: World,
  options: Partial<LambdaOptions> = {},
  image: ResolvedImage = IMAGE,
): Promise<Error> {
  const error: unknown = await prepareLambda(optionsFor(options), image, w.deps).then(
    () => new Error('prepareLambda resolved'),
    (e: unknown) => e,
  );
  if (!(error instanceof Error)) throw new Error(`prepareLambda threw a non-error: ${String(error)}`);
  return error;
}

/** A function on the old digest whose update goes InProgress once, then Successful. */
function updatableWorld(name = 'api') {
  const w = world();
  w.getFunction(name, described(name, OLD), described(name, NEW, { RevisionId: 'rev-2' }));
  w.updates(name, inProgress(name));
  w.polls(name, inProgress(name), successful(name));
  return w;
}

// --- Tests ----------------------------------------------------------------------------------

describe('applyLambda when the function already runs the digest', () => {
  it('sends no UpdateFunctionCode and reports it unchanged', async () => {
    const w = world();
    w.getFunction('api', described('api', NEW));

    const result = await deploy(w);

    expect(w.mutatingCalls()).toBe(0);
    expect(w.sent.getFunction()).toEqual([{ FunctionName: 'api' }]);
    expect(result).toEqual({
      changed: false,
      verdict: { state: 'unchanged' },
      functions: [
        {
          functionName: 'api',
          functionArn: arnOf('api'),
          verdict: { state: 'unchanged' },
          changed: false,
          previousImage: `${REPO}@${NEW}`,
          image: IMAGE.reference,
          changes: [],
          durationMs: 0,
        },
      ],
    });
  });

  it('skips with publish too: there is no new code to publish', async () => {
    const w = world();
    w.getFunction('api', described('api', NEW));

    const result = await deploy(w, { publish: true });

    expect(w.mutatingCalls()).toBe(0);
    expect(result.functions[0]?.verdict.state).toBe('unchanged');
  });
});

describe('applyLambda updating the image', () => {
  it.each([
    { name: 'pinned by digest', image: IMAGE },
    { name: 'named by tag', image: TAGGED_IMAGE },
  ])(
    'sends the reference ($name) with the RevisionId it read, waits for Successful and reports success',
    async ({ image }) => {
      const w = updatableWorld();

      const result = await deploy(w, {}, image);

      expect(w.sent.update()).toEqual([{ FunctionName: 'api', ImageUri: image.reference, RevisionId: 'rev-1' }]);
      expect(w.sent.getConfiguration()).toEqual([{ FunctionName: 'api' }, { FunctionName: 'api' }]);
      expect(w.sent.publish()).toEqual([]);
      expect(failureText(result.verdict)).toBeUndefined();
      expect(result.changed).toBe(true);
      expect(result.functions).toEqual([
        {
          functionName: 'api',
          functionArn: arnOf('api'),
          verdict: { state: 'succeeded' },
          changed: true,
          previousImage: `${REPO}@${OLD}`,
          image: image.reference,
          changes: [`image: ${REPO}@${OLD} -> ${image.reference}`],
          durationMs: INTERVAL,
        },
      ]);
    },
  );

  it('updates, waits and verifies in that order', async () => {
    const w = updatableWorld();

    await deploy(w);

    expect(w.order()).toEqual([
      'GetFunction',
      'UpdateFunctionCode',
      'GetFunctionConfiguration',
      'GetFunctionConfiguration',
      'GetFunction',
    ]);
  });

  it('prints the wait progress and the plan, each line starting with the function name', async () => {
    const w = updatableWorld();

    await deploy(w);

    const info = w.log.filter((l) => l.level === 'info').map((l) => l.message);
    expect(info).toContain('api: update InProgress: The function is being updated.');
    expect(info).toContain(`api:   image: ${REPO}@${OLD} -> ${IMAGE.reference}`);
    expect(info.every((line) => line.startsWith('api: '))).toBe(true);
  });

  it('fails at once when the update turns Failed, with its reason and code', async () => {
    const w = world();
    w.getFunction('api', described('api', OLD));
    w.updates('api', inProgress('api'));
    w.polls(
      'api',
      inProgress('api'),
      configuration('api', {
        LastUpdateStatus: 'Failed',
        LastUpdateStatusReason: 'Image does not exist in ECR.',
        LastUpdateStatusReasonCode: 'ImageDeleted',
      }),
      successful('api'),
    );

    const result = await deploy(w, { publish: true });

    const [fn] = result.functions;
    expect(fn?.verdict.state).toBe('failed');
    expect(failureText(fn?.verdict)).toBe('the update failed: Image does not exist in ECR. (ImageDeleted)');
    expect(failureText(result.verdict)).toBe(
      "Lambda function 'api': the update failed: Image does not exist in ECR. (ImageDeleted)",
    );
    // Two polls, no third, no verification read, nothing published.
    expect(w.sent.getConfiguration()).toHaveLength(2);
    expect(w.sent.getFunction()).toHaveLength(1);
    expect(w.sent.publish()).toEqual([]);
    expect(fn?.changed).toBe(true);
  });

  it('fails with "Timed out" when the update stays InProgress past the timeout', async () => {
    const w = world();
    w.getFunction('api', described('api', OLD));
    w.updates('api', inProgress('api'));
    w.polls('api', inProgress('api'));

    const result = await deploy(w, { wait: { timeoutMs: 60_000, intervalMs: INTERVAL } });

    const [fn] = result.functions;
    expect(fn?.verdict.state).toBe('failed');
    expect(failureText(fn?.verdict)).toContain(
      "Timed out after 1m waiting for the code update of Lambda function 'api'",
    );
    expect(failureText(fn?.verdict)).toContain('Last state: update InProgress');
    expect(failureText(result.verdict)).toMatch(/^Lambda function 'api': Timed out/);
  });

  it('fails when the function then runs another digest than the one deployed', async () => {
    const w = world();
    w.getFunction('api', described('api', OLD), described('api', OTHER));
    w.updates('api', successful('api'));
    w.polls('api', successful('api'));

    const result = await deploy(w, {}, TAGGED_IMAGE);

    expect(result.functions[0]?.verdict.state).toBe('failed');
    expect(failureText(result.functions[0]?.verdict)).toContain(`the function runs ${OTHER}, not ${NEW}`);
  });
});

describe('applyLambda when another update is in progress', () => {
  it('retries after ResourceConflictException: waits, reads the new RevisionId and succeeds', async () => {
    const w = world();
    w.getFunction(
      'api',
      described('api', OLD),
      described('api', OLD, { RevisionId: 'rev-9' }),
      described('api', NEW, { RevisionId: 'rev-10' }),
    );
    w.updates('api', conflict(), inProgress('api'));
    w.polls('api', inProgress('api', 'Someone else'), configuration('api', { RevisionId: 'rev-9' }), successful('api'));

    const result = await deploy(w);

    expect(w.sent.update()).toEqual([
      { FunctionName: 'api', ImageUri: IMAGE.reference, RevisionId: 'rev-1' },
      { FunctionName: 'api', ImageUri: IMAGE.reference, RevisionId: 'rev-9' },
    ]);
    expect(failureText(result.verdict)).toBeUndefined();
    expect(result.functions[0]).toMatchObject({ verdict: { state: 'succeeded' }, changed: true });
    expect(w.log.map((l) => l.message)).toContainEqual(
      expect.stringMatching(/^api: UpdateFunctionCode of 'api': another update is in progress; attempt 2 in /),
    );
  });

  it('re-checks after the conflict and stops when the other update deployed the same digest', async () => {
    const w = world();
    w.getFunction('api', described('api', OLD), described('api', NEW, { RevisionId: 'rev-9' }));
    w.updates('api', conflict());
    w.polls('api', configuration('api'));

    const result = await deploy(w);

    expect(w.sent.update()).toHaveLength(1);
    expect(result.functions[0]).toMatchObject({ verdict: { state: 'unchanged' }, changed: false });
    expect(failureText(result.verdict)).toBeUndefined();
  });

  it('gives up with a failure when the conflict lasts past the timeout', async () => {
    const w = world();
    w.getFunction('api', described('api', OLD));
    w.updates('api', conflict());
    w.polls('api', configuration('api'));

    const result = await deploy(w, { wait: { timeoutMs: 30_000, intervalMs: INTERVAL } });

    expect(result.functions[0]?.verdict.state).toBe('failed');
    expect(failureText(result.functions[0]?.verdict)).toContain("UpdateFunctionCode of 'api' still failed after");
    expect(failureText(result.functions[0]?.verdict)).toContain('another update is in progress');
    expect(w.sent.update().length).toBeGreaterThan(1);
  });

  it('waits for an update already in progress before sending its own', async () => {
    const w = world();
    w.getFunction(
      'api',
      described('api', OLD, { LastUpdateStatus: 'InProgress' }),
      described('api', OLD, { RevisionId: 'rev-5' }),
      described('api', NEW),
    );
    w.updates('api', inProgress('api'));
    w.polls('api', inProgress('api'), configuration('api', { RevisionId: 'rev-5' }), successful('api'));

    const result = await deploy(w);

    expect(w.order().slice(0, 5)).toEqual([
      'GetFunction',
      'GetFunctionConfiguration',
      'GetFunctionConfiguration',
      'GetFunction',
      'UpdateFunctionCode',
    ]);
    expect(w.sent.update()).toEqual([{ FunctionName: 'api', ImageUri: IMAGE.reference, RevisionId: 'rev-5' }]);
    expect(result.functions[0]?.verdict.state).toBe('succeeded');
  });

  it('fails without retrying when the RevisionId changed since it was read', async () => {
    const w = world();
    w.getFunction('api', described('api', OLD));
    w.updates(
      'api',
      new PreconditionFailedException({
        message: 'The Revision Id provided does not match the latest Revision Id.',
        $metadata: {},
      }),
    );

    const result = await deploy(w);

    expect(w.sent.update()).toHaveLength(1);
    expect(result.functions[0]?.verdict.state).toBe('failed');
    expect(failureText(result.functions[0]?.verdict)).toContain(
      'someone else changed the function after it was read (its RevisionId is no longer rev-1)',
    );
    expect(failureText(result.verdict)).toMatch(/^Lambda function 'api': someone else changed/);
  });
});

describe('prepareLambda refuses before changing anything', () => {
  it('names a missing function and the region', async () => {
    const w = world();
    w.getFunction('api', notFound('Function not found: arn:aws:lambda:eu-west-1:123456789012:function:api'));

    const error = await prepareRejection(w);

    expect(error).toBeInstanceOf(UserError);
    expect(error.message).toContain("Lambda function 'api' was not found in region 'eu-west-1'");
    expect(w.mutatingCalls()).toBe(0);
  });

  it('names every missing function, not only the first', async () => {
    const w = world();
    w.getFunction('api', notFound('Function not found'));
    w.getFunction('worker', notFound('Function not found'));

    const error = await prepareRejection(w, { functionNames: ['api', 'worker'] });

    expect(error.message).toContain("Lambda function 'api' was not found");
    expect(error.message).toContain("Lambda function 'worker' was not found");
  });

  it('rejects a Zip function', async () => {
    const w = world();
    w.getFunction('api', described('api', OLD, { PackageType: 'Zip' }));

    const error = await prepareRejection(w);

    expect(error).toBeInstanceOf(UserError);
    expect(error.message).toContain("Lambda function 'api' is a Zip function; image-deploy deploys container images");
  });

  it('rejects an image from another region without calling Lambda', async () => {
    const w = world();
    const elsewhere: ResolvedImage = {
      ...IMAGE,
      ecr: { kind: 'private', accountId: ACCOUNT, region: 'us-east-1', fips: false, domain: 'amazonaws.com' },
    };

    const error = await prepareRejection(w, {}, elsewhere);

    expect(error).toBeInstanceOf(UserError);
    expect(error.message).toContain("is in ECR region 'us-east-1'");
    expect(w.mock.calls()).toHaveLength(0);
  });

  it('rejects a function named twice, by name and by ARN', async () => {
    const w = world();
    w.getFunction('api', described('api', OLD));
    w.getFunction(arnOf('api'), described('api', OLD));

    const error = await prepareRejection(w, { functionNames: ['api', arnOf('api')] });

    expect(error).toBeInstanceOf(UserError);
    expect(error.message).toContain(`names function ${arnOf('api')} twice ('api' and '${arnOf('api')}')`);
  });

  it('passes AWS errors through as they are', async () => {
    const w = world();
    w.getFunction('api', new Error('AccessDeniedException: not allowed'));

    const error = await prepareRejection(w);

    expect(error).not.toBeInstanceOf(UserError);
    expect(error.message).toBe("GetFunction for 'api' failed: AccessDeniedException: not allowed");
  });
});

describe('applyLambda publishing and moving an alias', () => {
  it('publishes the verified code, waits until the version is Active and creates the missing alias', async () => {
    const w = updatableWorld();
    w.alias('api', notFound('Cannot find alias arn: live'));
    w.publishes('api', version('api', '4', 'Pending'));
    w.versionConfig('api', '4', version('api', '4', 'Pending'), version('api', '4', 'Active'));
    w.createsAlias('api');
    w.provisioned('api', noProvisioned());

    const result = await deploy(w, { publish: true, alias: 'live' });

    expect(w.sent.publish()).toEqual([{ FunctionName: 'api', CodeSha256: HEX_NEW, RevisionId: 'rev-2' }]);
    expect(w.sent.getConfiguration()).toContainEqual({ FunctionName: 'api', Qualifier: '4' });
    expect(w.sent.createAlias()).toEqual([{ FunctionName: 'api', Name: 'live', FunctionVersion: '4' }]);
    expect(w.sent.updateAlias()).toEqual([]);
    expect(result.functions[0]).toMatchObject({
      verdict: { state: 'succeeded' },
      changed: true,
      version: '4',
      alias: 'live',
      changes: [
        `image: ${REPO}@${OLD} -> ${IMAGE.reference}`,
        'publish a version',
        'alias live: to be created, pointing at the version this deploy publishes',
      ],
    });
  });

  it('moves an existing alias with its RevisionId, no routing left, and asks once for provisioned concurrency', async () => {
    const w = updatableWorld();
    w.alias('api', aliasAt('api', '3'));
    w.versionConfig('api', '3', version('api', '3', 'Active', { CodeSha256: HEX_OLD }));
    w.publishes('api', version('api', '4', 'Active'));
    w.versionConfig('api', '4', version('api', '4', 'Active'));
    w.updatesAlias('api');
    w.provisioned('api', noProvisioned());

    const result = await deploy(w, { publish: true, alias: 'live' });

    expect(w.sent.updateAlias()).toEqual([
      {
        FunctionName: 'api',
        Name: 'live',
        FunctionVersion: '4',
        RoutingConfig: { AdditionalVersionWeights: {} },
        RevisionId: 'alias-rev',
      },
    ]);
    expect(w.sent.createAlias()).toEqual([]);
    expect(result.functions[0]).toMatchObject({ verdict: { state: 'succeeded' }, version: '4' });
    expect(result.traffic).toBeUndefined();
    // No provisioned concurrency: one call answered "not found", one GetAlias (prepare's), no wait.
    expect(w.sent.provisioned()).toEqual([{ FunctionName: 'api', Qualifier: 'live' }]);
    expect(w.sent.getAlias()).toHaveLength(1);
    expect(w.log.map((l) => l.message)).toContain('step 1/1: api:live 100% on version 4 (was 3).');
  });

  describe('all at once, with provisioned concurrency on the alias', () => {
    function provisionedWorld(...provisioned: Answer[]) {
      const w = updatableWorld();
      const moved = { ...aliasAt('api', '4'), RoutingConfig: { AdditionalVersionWeights: {} } };
      w.alias('api', aliasAt('api', '3'), moved);
      w.versionConfig('api', '3', version('api', '3', 'Active', { CodeSha256: HEX_OLD }));
      w.publishes('api', version('api', '4', 'Active'));
      w.versionConfig('api', '4', version('api', '4', 'Active'));
      w.updatesAlias('api');
      w.provisioned('api', ...provisioned);
      return w;
    }
    const counts = (status: string, allocated: number, reason?: string) => ({
      Status: status,
      RequestedProvisionedConcurrentExecutions: 10,
      AllocatedProvisionedConcurrentExecutions: allocated,
      ...(reason === undefined ? {} : { StatusReason: reason }),
    });

    it('waits until it is READY before calling the deploy done, showing allocated / requested', async () => {
      const w = provisionedWorld(counts('IN_PROGRESS', 0), counts('IN_PROGRESS', 4), counts('READY', 10));

      const result = await deploy(w, { publish: true, alias: 'live' });

      expect(failureText(result.verdict)).toBeUndefined();
      expect(w.sent.provisioned()).toHaveLength(3);
      expect(w.log.map((l) => l.message)).toContain(
        'step 1/1 (100%); provisioned concurrency of api:live: IN_PROGRESS, 4 / 10 allocated',
      );
    });

    it('fails with its StatusReason when it FAILS, and puts the alias back', async () => {
      const w = provisionedWorld(counts('IN_PROGRESS', 0), counts('FAILED', 0, 'FUNCTION_ERROR_INIT_FAILURE'));

      const result = await deploy(w, { publish: true, alias: 'live' });

      expect(failureText(result.verdict)).toContain(
        "Lambda function 'api': provisioned concurrency of alias api:live FAILED (0 / 10 allocated): FUNCTION_ERROR_INIT_FAILURE",
      );
      expect(w.sent.updateAlias().map((i) => [i.FunctionVersion, i.RoutingConfig, i.RevisionId])).toEqual([
        ['4', { AdditionalVersionWeights: {} }, 'alias-rev'],
        ['3', { AdditionalVersionWeights: {} }, undefined],
      ]);
      expect(result.traffic?.putBack).toEqual(['api: alias live back on version 3 (no routing)']);
    });
  });

  it('publishes without an alias and outputs the version', async () => {
    const w = updatableWorld();
    w.publishes('api', version('api', '7', 'Active'));
    w.versionConfig('api', '7', version('api', '7', 'Active'));

    const result = await deploy(w, { publish: true });

    expect(w.sent.publish()).toHaveLength(1);
    expect(w.sent.getAlias()).toEqual([]);
    expect(result.functions[0]).toMatchObject({ verdict: { state: 'succeeded' }, version: '7' });
    expect(result.functions[0]?.alias).toBeUndefined();
  });

  it('reports unchanged with the version the alias points at when it already holds the code', async () => {
    const w = world();
    w.getFunction('api', described('api', NEW));
    w.alias('api', aliasAt('api', '3'));
    w.versionConfig('api', '3', version('api', '3', 'Active'));

    const result = await deploy(w, { publish: true, alias: 'live' });

    expect(w.mutatingCalls()).toBe(0);
    expect(w.sent.getConfiguration()).toEqual([{ FunctionName: 'api', Qualifier: '3' }]);
    expect(result.functions[0]).toMatchObject({
      verdict: { state: 'unchanged' },
      changed: false,
      version: '3',
      alias: 'live',
    });
  });

  it('publishes and moves the alias without updating the code when only the alias is behind', async () => {
    const w = world();
    w.getFunction('api', described('api', NEW, { RevisionId: 'rev-3' }));
    w.alias('api', aliasAt('api', '2'));
    w.versionConfig('api', '2', version('api', '2', 'Active', { CodeSha256: HEX_OLD }));
    w.publishes('api', version('api', '3', 'Active'));
    w.versionConfig('api', '3', version('api', '3', 'Active'));
    w.updatesAlias('api');
    w.provisioned('api', noProvisioned());

    const result = await deploy(w, { publish: true, alias: 'live' });

    expect(w.sent.update()).toEqual([]);
    expect(w.sent.publish()).toEqual([{ FunctionName: 'api', CodeSha256: HEX_NEW, RevisionId: 'rev-3' }]);
    expect(w.sent.updateAlias()).toEqual([
      {
        FunctionName: 'api',
        Name: 'live',
        FunctionVersion: '3',
        RoutingConfig: { AdditionalVersionWeights: {} },
        RevisionId: 'alias-rev',
      },
    ]);
    expect(result.functions[0]).toMatchObject({ verdict: { state: 'succeeded' }, changed: true, version: '3' });
  });

  it('fails with the state reason when the published version turns Failed, and leaves the alias alone', async () => {
    const w = updatableWorld();
    w.alias('api', aliasAt('api', '3'));
    w.versionConfig('api', '3', version('api', '3', 'Active', { CodeSha256: HEX_OLD }));
    w.publishes('api', version('api', '4', 'Pending'));
    w.versionConfig(
      'api',
      '4',
      version('api', '4', 'Failed', { StateReason: 'The image is not valid.', StateReasonCode: 'InvalidImage' }),
    );

    const result = await deploy(w, { publish: true, alias: 'live' });

    expect(w.sent.updateAlias()).toEqual([]);
    expect(result.functions[0]?.verdict.state).toBe('failed');
    expect(failureText(result.functions[0]?.verdict)).toBe(
      'version 4 is Failed: The image is not valid. (InvalidImage)',
    );
  });

  it('reports the published version when moving the alias then fails', async () => {
    const w = updatableWorld();
    w.alias('api', aliasAt('api', '3'));
    w.versionConfig('api', '3', version('api', '3', 'Active', { CodeSha256: HEX_OLD }));
    w.publishes('api', version('api', '4', 'Active'));
    w.versionConfig('api', '4', version('api', '4', 'Active'));
    w.mock.on(UpdateAliasCommand).rejects(
      new PreconditionFailedException({
        message: 'The Revision Id provided does not match the latest Revision Id.',
        $metadata: {},
      }),
    );

    const result = await deploy(w, { publish: true, alias: 'live' });

    expect(result.functions[0]).toMatchObject({ verdict: { state: 'failed' }, changed: true, version: '4' });
    expect(failureText(result.verdict)).toBe(
      "Lambda function 'api': moving alias live to 100% on version 4 failed: UpdateAlias 'live' for 'api' failed: The Revision Id provided does not match the latest Revision Id. (no alias had moved yet)",
    );
  });
});

describe('applyLambda with several functions', () => {
  it('deploys them in parallel and reports one failure without failing the other', async () => {
    const w = world();
    w.getFunction('api', described('api', OLD), described('api', NEW, { RevisionId: 'rev-2' }));
    w.updates('api', inProgress('api'));
    w.polls('api', inProgress('api'), inProgress('api'), successful('api'));
    w.getFunction('worker', described('worker', OLD));
    w.updates('worker', inProgress('worker'));
    w.polls(
      'worker',
      inProgress('worker'),
      configuration('worker', {
        LastUpdateStatus: 'Failed',
        LastUpdateStatusReason: 'The image manifest is not valid.',
        LastUpdateStatusReasonCode: 'InvalidImage',
      }),
    );

    const result = await deploy(w, { functionNames: ['api', 'worker'] });

    expect(result.functions.map((f) => [f.functionName, f.verdict.state])).toEqual([
      ['api', 'succeeded'],
      ['worker', 'failed'],
    ]);
    expect(failureText(result.verdict)).toBe(
      "Lambda function 'worker': the update failed: The image manifest is not valid. (InvalidImage)",
    );
    expect(result.changed).toBe(true);
    // Both updates went out before either wait began: the second did not queue behind the first.
    expect(
      w
        .order()
        .filter((name) => name !== 'GetFunction')
        .slice(0, 2),
    ).toEqual(['UpdateFunctionCode', 'UpdateFunctionCode']);
    expect(w.log.map((l) => l.message)).toEqual(
      expect.arrayContaining([
        'api: update InProgress: The function is being updated.',
        'worker: update InProgress: The function is being updated.',
      ]),
    );
  });
});

describe('applyLambda in a dry run', () => {
  it('plans every function and sends nothing that changes Lambda', async () => {
    const w = world();
    w.getFunction('api', described('api', OLD));
    w.getFunction('worker', described('worker', NEW));
    w.alias('api', aliasAt('api', '3'));
    w.versionConfig('api', '3', version('api', '3', 'Active', { CodeSha256: HEX_OLD }));
    w.alias('worker', aliasAt('worker', '8'));
    w.versionConfig('worker', '8', version('worker', '8', 'Active'));

    const result = await deploy(w, { functionNames: ['api', 'worker'], publish: true, alias: 'live', dryRun: true });

    expect(w.mutatingCalls()).toBe(0);
    expect(w.sent.getConfiguration().every((input) => input.Qualifier !== undefined)).toBe(true);
    expect(result.changed).toBe(false);
    expect(failureText(result.verdict)).toBeUndefined();
    expect(result.functions).toEqual([
      expect.objectContaining({
        functionName: 'api',
        verdict: { state: 'planned' },
        changed: false,
        changes: [
          `image: ${REPO}@${OLD} -> ${IMAGE.reference}`,
          'publish a version',
          'alias live: version 3 -> the version this deploy publishes',
        ],
      }),
      expect.objectContaining({
        functionName: 'worker',
        verdict: { state: 'unchanged' },
        changed: false,
        version: '8',
        changes: [],
      }),
    ]);
    expect(result.functions[0]?.version).toBeUndefined();
    expect(w.log.map((l) => l.message)).toContain(
      `api: dry run, nothing sent; planned: image: ${REPO}@${OLD} -> ${IMAGE.reference}; publish a version; alias live: version 3 -> the version this deploy publishes.`,
    );
  });
});

describe('applyLambda shifting traffic on the alias', () => {
  /** The alias as UpdateAlias left it, answered to GetAlias (prepare's read included). */
  function shiftingWorld(names: string[]) {
    const w = world();
    const aliases = new Map<string, AliasConfiguration>(names.map((n) => [n, aliasAt(n, '3')]));
    for (const name of names) {
      w.getFunction(name, described(name, OLD), described(name, NEW, { RevisionId: 'rev-2' }));
      w.updates(name, inProgress(name));
      w.polls(name, successful(name));
      w.versionConfig(name, '3', version(name, '3', 'Active', { CodeSha256: HEX_OLD }));
      w.publishes(name, version(name, '4', 'Active'));
      w.versionConfig(name, '4', version(name, '4', 'Active'));
    }
    w.mock
      .on(GetAliasCommand)
      .callsFake(async (input: { FunctionName: string }) => ({ $metadata: {}, ...aliases.get(input.FunctionName) }));
    w.mock
      .on(UpdateAliasCommand)
      .callsFake(
        async (input: {
          FunctionName: string;
          FunctionVersion: string;
          RoutingConfig?: AliasConfiguration['RoutingConfig'];
        }) => {
          const next = {
            ...aliasAt(input.FunctionName, input.FunctionVersion),
            RoutingConfig: input.RoutingConfig,
            RevisionId: `moved-${w.sent.updateAlias().length}`,
          };
          aliases.set(input.FunctionName, next);
          return { $metadata: {}, ...next };
        },
      );
    w.mock.on(GetProvisionedConcurrencyConfigCommand).rejects(
      new ProvisionedConcurrencyConfigNotFoundException({
        message: 'No Provisioned Concurrency Config found',
        $metadata: {},
      }),
    );
    return { ...w, aliases };
  }
  const canary = { publish: true, alias: 'live', traffic: { kind: 'canary', percent: 10, minutes: 1 } } as const;

  it('refuses, before any change, an alias another deploy is shifting, naming the versions and weights', async () => {
    const w = world();
    w.getFunction('api', described('api', OLD));
    w.alias('api', { ...aliasAt('api', '3'), RoutingConfig: { AdditionalVersionWeights: { '5': 0.2 } } });
    w.versionConfig('api', '3', version('api', '3', 'Active', { CodeSha256: HEX_OLD }));

    const error = await prepareRejection(w, canary);

    expect(error.message).toContain('alias live already shifts traffic (version 3 80%, version 5 20%)');
    expect(w.mutatingCalls()).toBe(0);
  });

  it('publishes every function first, then moves their aliases together through the schedule', async () => {
    const w = shiftingWorld(['api', 'worker']);

    const result = await deploy(w, { ...canary, functionNames: ['api', 'worker'] });

    expect(failureText(result.verdict)).toBeUndefined();
    const moves = w.sent
      .updateAlias()
      .map((i) => [i.FunctionName, i.FunctionVersion, i.RoutingConfig?.AdditionalVersionWeights]);
    expect(moves).toEqual([
      ['api', '3', { '4': 0.1 }],
      ['worker', '3', { '4': 0.1 }],
      ['api', '4', {}],
      ['worker', '4', {}],
    ]);
    expect(w.order().indexOf('UpdateAlias')).toBeGreaterThan(w.order().lastIndexOf('PublishVersion'));
    expect(result.traffic?.steps.map((s) => s.weight)).toEqual([0.1, 1]);
    expect(result.functions.map((f) => f.version)).toEqual(['4', '4']);
  });

  it('moves no alias when one function fails before the shift', async () => {
    const w = shiftingWorld(['api', 'worker']);
    w.polls(
      'worker',
      configuration('worker', {
        LastUpdateStatus: 'Failed',
        LastUpdateStatusReason: 'image not found',
        LastUpdateStatusReasonCode: 'InvalidImage',
      }),
    );

    const result = await deploy(w, { ...canary, functionNames: ['api', 'worker'] });

    expect(failureText(result.verdict)).toContain("Lambda function 'worker'");
    expect(w.sent.updateAlias()).toEqual([]);
    expect(w.log.map((l) => l.message)).toContain("no alias was moved: 'worker' failed before the traffic shift.");
  });

  it('shows the schedule in a dry run and changes nothing', async () => {
    const w = world();
    w.getFunction('api', described('api', OLD));
    w.alias('api', aliasAt('api', '3'));
    w.versionConfig('api', '3', version('api', '3', 'Active', { CodeSha256: HEX_OLD }));

    const result = await deploy(w, { ...canary, traffic: { kind: 'linear', percent: 50, minutes: 2 }, dryRun: true });

    expect(w.mutatingCalls()).toBe(0);
    expect(result.traffic).toEqual({ schedule: '50% for 2m, then 100%', steps: [], alarms: [] });
    expect(w.log.map((l) => l.message)).toContain(
      'traffic: 50% for 2m, then 100% on alias live, all functions together.',
    );
  });
});
