import type { FunctionCodeLocation, FunctionConfiguration } from '@aws-sdk/client-lambda';
import { describe, expect, it } from 'vitest';
import { UserError } from '../../../src/errors.ts';
import { checkFunctionRegions, parseFunctionNames, validateAliasName } from '../../../src/plan/lambda-names.ts';
import {
  type AliasSnapshot,
  checkLambdaImage,
  classifyFunctionUpdate,
  classifyVersionState,
  decideLambdaUpdate,
  digestOfImageUri,
  type FunctionSnapshot,
  isUpdating,
  type LambdaDecision,
  type LambdaDecisionInput,
  runningDigest,
  runningImage,
} from '../../../src/plan/lambda-update.ts';
import type { ResolvedImage } from '../../../src/plan/resolved-image.ts';

const ACCOUNT = '123456789012';
const REGION = 'eu-west-1';
const HEX_OLD = 'a'.repeat(64);
const HEX_NEW = 'b'.repeat(64);
const OLD = `sha256:${HEX_OLD}`;
const NEW = `sha256:${HEX_NEW}`;
const REPO = `${ACCOUNT}.dkr.ecr.${REGION}.amazonaws.com/api`;
const ARN = `arn:aws:lambda:${REGION}:${ACCOUNT}:function:api`;

describe('parseFunctionNames', () => {
  it.each<[string, string, string[]]>([
    ['a name', 'api', ['api']],
    ['a name with digits, dashes and underscores', 'My_api-2', ['My_api-2']],
    ['a 64-character name', 'f'.repeat(64), ['f'.repeat(64)]],
    ['a partial ARN', `${ACCOUNT}:function:api`, [`${ACCOUNT}:function:api`]],
    ['a full ARN', ARN, [ARN]],
    [
      'a GovCloud ARN',
      `arn:aws-us-gov:lambda:us-gov-west-1:${ACCOUNT}:function:api`,
      [`arn:aws-us-gov:lambda:us-gov-west-1:${ACCOUNT}:function:api`],
    ],
    [
      'a China ARN',
      `arn:aws-cn:lambda:cn-north-1:${ACCOUNT}:function:api`,
      [`arn:aws-cn:lambda:cn-north-1:${ACCOUNT}:function:api`],
    ],
    ['names on lines', 'api\nworker\ncron', ['api', 'worker', 'cron']],
    ['names separated by commas', 'api,worker, cron', ['api', 'worker', 'cron']],
    ['commas and newlines mixed', 'api,\nworker\r\n,cron', ['api', 'worker', 'cron']],
    ['blank lines and surrounding spaces', '\n  api  \n\n\tworker\n', ['api', 'worker']],
    ['a name given twice', 'api\nworker\napi', ['api', 'worker']],
  ])('reads %s', (_name, raw, expected) => {
    expect(parseFunctionNames(raw)).toEqual(expected);
  });

  it.each<[string, string, string]>([
    ['nothing', '', "Input 'function-name' names no function"],
    ['only blanks and commas', ' \n , \n', "Input 'function-name' names no function"],
    ['a space inside a name', 'my fn', "Input 'function-name' ('my fn') is not a Lambda function name or ARN: use"],
    ['a dot', 'my.fn', "('my.fn') is not a Lambda function name or ARN"],
    ['a slash', 'team/api', "('team/api') is not a Lambda function name or ARN"],
    ['an alias qualifier', 'api:prod', "('api:prod') names version or alias ':prod'"],
    ['a $LATEST qualifier', 'api:$LATEST', "('api:$LATEST') names version or alias ':$LATEST'"],
    ['a version on a partial ARN', `${ACCOUNT}:function:api:7`, "names version or alias ':7'"],
    ['an alias on a full ARN', `${ARN}:live`, "names version or alias ':live'"],
    ['a trailing colon', 'api:', "('api:') is not a Lambda function name or ARN"],
    ['an ARN of another service', `arn:aws:s3:::bucket`, 'is not a Lambda function name or ARN'],
    [
      'an ARN with a short account',
      `arn:aws:lambda:${REGION}:1234:function:api`,
      'is not a Lambda function name or ARN',
    ],
    ['a partial ARN with a bad name', `${ACCOUNT}:function:my.fn`, 'is not a Lambda function name or ARN'],
    ['a 65-character name', 'f'.repeat(65), 'has a function name of 65 characters: Lambda allows at most 64'],
    [
      'a 65-character name in an ARN',
      `arn:aws:lambda:${REGION}:${ACCOUNT}:function:${'f'.repeat(65)}`,
      'has a function name of 65 characters',
    ],
    [
      'an ARN over 140 characters',
      `arn:aws-some-very-long-partition-name-for-testing-the-limit:lambda:${REGION}:${ACCOUNT}:function:${'f'.repeat(50)}`,
      'characters long: Lambda allows at most 140',
    ],
    ['one bad name among good ones', 'api\nworker:blue', "('worker:blue') names version or alias ':blue'"],
  ])('refuses %s', (_name, raw, message) => {
    expect(() => parseFunctionNames(raw)).toThrow(UserError);
    expect(() => parseFunctionNames(raw)).toThrow(message);
  });

  it('tells how to move an alias when a qualifier is given', () => {
    expect(() => parseFunctionNames('api:prod')).toThrow("drop ':prod' (to move an alias, set 'lambda-alias')");
  });
});

describe('checkFunctionRegions', () => {
  it.each<[string, string[]]>([
    ['names and partial ARNs', ['api', `${ACCOUNT}:function:api`]],
    ['an ARN in the deploy region', [ARN]],
  ])('accepts %s', (_name, names) => {
    expect(() => checkFunctionRegions(names, REGION)).not.toThrow();
  });

  it('refuses an ARN in another region, naming both regions', () => {
    const other = `arn:aws:lambda:us-east-1:${ACCOUNT}:function:api`;
    expect(() => checkFunctionRegions(['worker', other], REGION)).toThrow(
      `Input 'function-name' ('${other}') names a function in region 'us-east-1', but this step deploys to 'eu-west-1'`,
    );
  });
});

describe('validateAliasName', () => {
  it.each<[string, string]>([
    ['live', 'live'],
    ['prod-2_blue', 'prod-2_blue'],
    ['v1', 'v1'],
    ['  live  ', 'live'],
    ['a'.repeat(128), 'a'.repeat(128)],
  ])('accepts %j', (raw, expected) => {
    expect(validateAliasName(raw)).toBe(expected);
  });

  it.each<[string, string]>([
    ['', "Input 'lambda-alias' ('') is not a Lambda alias name"],
    ['live now', "('live now') is not a Lambda alias name"],
    ['live.1', "('live.1') is not a Lambda alias name"],
    ['$LATEST', "('$LATEST') is not a Lambda alias name"],
    ['a'.repeat(129), 'is not a Lambda alias name: use 1-128'],
    ['42', "Input 'lambda-alias' ('42') is all digits, which Lambda reserves for version numbers"],
  ])('refuses %j', (raw, message) => {
    expect(() => validateAliasName(raw)).toThrow(UserError);
    expect(() => validateAliasName(raw)).toThrow(message);
  });
});

describe('checkLambdaImage', () => {
  const image = (overrides: Partial<ResolvedImage>): ResolvedImage => ({
    reference: `${REPO}@${NEW}`,
    repository: REPO,
    digest: NEW,
    ecr: { kind: 'private', accountId: ACCOUNT, region: REGION, fips: false, domain: 'amazonaws.com' },
    ...overrides,
  });

  it.each<[string, ResolvedImage]>([
    ['an ECR private image in the same region', image({})],
    [
      'one from another account in the same region',
      image({
        ecr: { kind: 'private', accountId: '210987654321', region: REGION, fips: false, domain: 'amazonaws.com' },
      }),
    ],
    ['one named by tag, with its digest known', image({ reference: `${REPO}:v1`, tag: 'v1' })],
  ])('accepts %s', (_name, given) => {
    expect(() => checkLambdaImage(given, REGION)).not.toThrow();
  });

  it.each<[string, ResolvedImage, string]>([
    [
      'an ECR image in another region',
      image({
        ecr: { kind: 'private', accountId: ACCOUNT, region: 'us-east-1', fips: false, domain: 'amazonaws.com' },
      }),
      "is in ECR region 'us-east-1', but the functions are in 'eu-west-1'",
    ],
    [
      'an ECR Public image',
      image({ reference: 'public.ecr.aws/team/api:v1', ecr: { kind: 'public', alias: 'team' } }),
      "Input 'image' ('public.ecr.aws/team/api:v1') is in ECR Public",
    ],
    [
      'a Docker Hub image',
      image({ reference: 'nginx:1.27', repository: 'nginx', ecr: undefined }),
      "Input 'image' ('nginx:1.27') is not in Amazon ECR",
    ],
    [
      'an image without a known digest',
      image({ reference: `${REPO}:v1`, digest: undefined }),
      `Input 'image' ('${REPO}:v1') has no known digest`,
    ],
  ])('refuses %s', (_name, given, message) => {
    expect(() => checkLambdaImage(given, REGION)).toThrow(UserError);
    expect(() => checkLambdaImage(given, REGION)).toThrow(message);
  });

  it('says how to fix a region mismatch', () => {
    const elsewhere = image({
      ecr: { kind: 'private', accountId: ACCOUNT, region: 'us-east-1', fips: false, domain: 'amazonaws.com' },
    });
    expect(() => checkLambdaImage(elsewhere, REGION)).toThrow(
      `push or replicate it to an ECR private repository in 'eu-west-1'`,
    );
  });
});

describe('digestOfImageUri', () => {
  it.each<[string, string, string | undefined]>([
    ['what Lambda reports', `${REPO}@${NEW}`, NEW],
    ['what moto reports for a digest-pinned image', `${REPO}@sha256@${NEW}`, NEW],
    ['a tag and a digest', `${REPO}:v1@${NEW}`, NEW],
    ['a tag only', `${REPO}:v1`, undefined],
    ['a bare repository', REPO, undefined],
    ['an @ with no digest after it', `${REPO}@`, undefined],
    ['an @ followed by no algorithm', `${REPO}@${HEX_NEW}`, undefined],
  ])('reads %s', (_name, uri, expected) => {
    expect(digestOfImageUri(uri)).toBe(expected);
  });
});

describe('runningImage', () => {
  it.each<[string, FunctionCodeLocation, string | undefined]>([
    [
      'the resolved image Lambda reports',
      { ImageUri: `${REPO}:v1`, ResolvedImageUri: `${REPO}@${NEW}` },
      `${REPO}@${NEW}`,
    ],
    [
      "moto's resolved image with the algorithm twice",
      { ImageUri: `${REPO}@${NEW}`, ResolvedImageUri: `${REPO}@sha256@${NEW}` },
      `${REPO}@${NEW}`,
    ],
    ['the ImageUri when nothing was resolved', { ImageUri: `${REPO}:v1` }, `${REPO}:v1`],
    ['a resolved image without a digest as it is', { ResolvedImageUri: `${REPO}:v1` }, `${REPO}:v1`],
    ['nothing', {}, undefined],
  ])('shows %s', (_name, code, expected) => {
    expect(runningImage({ configuration: {}, code })).toBe(expected);
  });
});

// --- The decision --------------------------------------------------------------------------

function fn(
  configuration: Partial<FunctionConfiguration> = {},
  code: FunctionCodeLocation = { ResolvedImageUri: `${REPO}@${OLD}` },
): FunctionSnapshot {
  return {
    configuration: {
      FunctionName: 'api',
      FunctionArn: ARN,
      PackageType: 'Image',
      CodeSha256: HEX_OLD,
      RevisionId: 'rev-1',
      State: 'Active',
      LastUpdateStatus: 'Successful',
      ...configuration,
    },
    code: { RepositoryType: 'ECR', ImageUri: `${REPO}:v0`, ...code },
  };
}

const runsNew = (configuration: Partial<FunctionConfiguration> = {}) =>
  fn({ CodeSha256: HEX_NEW, ...configuration }, { ResolvedImageUri: `${REPO}@${NEW}` });

function aliasAt(version: string, codeSha256: string | undefined): AliasSnapshot {
  return {
    alias: { Name: 'live', FunctionVersion: version, RevisionId: 'alias-rev', AliasArn: `${ARN}:live` },
    ...(codeSha256 === undefined ? {} : { versionCodeSha256: codeSha256 }),
  };
}

const TARGET = { reference: `${REPO}@${NEW}`, digest: NEW };

interface DecisionCase {
  name: string;
  input: Omit<LambdaDecisionInput, 'target'>;
  expected: Omit<LambdaDecision, 'changes' | 'alias'> & { alias?: 'create' | 'update' };
  changes: string[];
}

const decisionCases: DecisionCase[] = [
  {
    name: 'skips a function that runs the target digest',
    input: { function: runsNew(), publish: false },
    expected: { skip: true, waitFirst: false, updateCode: false, publish: false },
    changes: [],
  },
  {
    name: 'skips it with publish asked for too (nothing new to publish)',
    input: { function: runsNew(), publish: true },
    expected: { skip: true, waitFirst: false, updateCode: false, publish: false },
    changes: [],
  },
  {
    name: 'skips it when the alias points at a version with the same code',
    input: { function: runsNew(), publish: true, alias: { name: 'live', current: aliasAt('7', HEX_NEW) } },
    expected: { skip: true, waitFirst: false, updateCode: false, publish: false },
    changes: [],
  },
  {
    name: 'reads the digest from ImageUri when Lambda reports no resolved URI',
    input: { function: fn({ CodeSha256: HEX_NEW }, { ImageUri: `${REPO}@${NEW}` }), publish: false },
    expected: { skip: true, waitFirst: false, updateCode: false, publish: false },
    changes: [],
  },
  {
    name: 'updates a function whose ImageUri names only a tag and no resolved URI is reported',
    input: { function: fn({}, { ImageUri: `${REPO}:v0` }), publish: false },
    expected: { skip: false, waitFirst: false, updateCode: true, publish: false },
    changes: [`image: ${REPO}:v0 -> ${REPO}@${NEW}`],
  },
  {
    name: 'updates a function that runs another digest',
    input: { function: fn(), publish: false },
    expected: { skip: false, waitFirst: false, updateCode: true, publish: false },
    changes: [`image: ${REPO}@${OLD} -> ${REPO}@${NEW}`],
  },
  {
    name: 'updates and publishes when asked',
    input: { function: fn(), publish: true },
    expected: { skip: false, waitFirst: false, updateCode: true, publish: true },
    changes: [`image: ${REPO}@${OLD} -> ${REPO}@${NEW}`, 'publish a version'],
  },
  {
    name: 'updates, publishes and moves an alias that pointed at the old code',
    input: { function: fn(), publish: true, alias: { name: 'live', current: aliasAt('3', HEX_OLD) } },
    expected: { skip: false, waitFirst: false, updateCode: true, publish: true, alias: 'update' },
    changes: [
      `image: ${REPO}@${OLD} -> ${REPO}@${NEW}`,
      'publish a version',
      'alias live: version 3 -> the version this deploy publishes',
    ],
  },
  {
    name: 'creates a missing alias',
    input: { function: fn(), publish: true, alias: { name: 'live' } },
    expected: { skip: false, waitFirst: false, updateCode: true, publish: true, alias: 'create' },
    changes: [
      `image: ${REPO}@${OLD} -> ${REPO}@${NEW}`,
      'publish a version',
      'alias live: to be created, pointing at the version this deploy publishes',
    ],
  },
  {
    name: 'publishes and moves the alias without an update when only the alias is behind',
    input: { function: runsNew(), publish: true, alias: { name: 'live', current: aliasAt('3', HEX_OLD) } },
    expected: { skip: false, waitFirst: false, updateCode: false, publish: true, alias: 'update' },
    changes: ['publish a version', 'alias live: version 3 -> the version this deploy publishes'],
  },
  {
    name: 'creates the alias when the code is current but the alias is missing',
    input: { function: runsNew(), publish: true, alias: { name: 'live' } },
    expected: { skip: false, waitFirst: false, updateCode: false, publish: true, alias: 'create' },
    changes: ['publish a version', 'alias live: to be created, pointing at the version this deploy publishes'],
  },
  {
    name: 'moves an alias on $LATEST to a published version, though $LATEST holds the code',
    input: { function: runsNew(), publish: true, alias: { name: 'live', current: aliasAt('$LATEST', HEX_NEW) } },
    expected: { skip: false, waitFirst: false, updateCode: false, publish: true, alias: 'update' },
    changes: ['publish a version', 'alias live: version $LATEST -> the version this deploy publishes'],
  },
  {
    name: 'updates again when the last update of that digest failed',
    input: {
      function: runsNew({
        LastUpdateStatus: 'Failed',
        LastUpdateStatusReason: 'Image not found',
        LastUpdateStatusReasonCode: 'ImageDeleted',
      }),
      publish: false,
    },
    expected: { skip: false, waitFirst: false, updateCode: true, publish: false },
    changes: [`image: ${REPO}@${NEW} -> ${REPO}@${NEW} (the last update failed: Image not found (ImageDeleted))`],
  },
  {
    name: 'updates a Failed function even when it names the digest',
    input: {
      function: runsNew({ State: 'Failed', StateReason: 'Image access denied', StateReasonCode: 'ImageAccessDenied' }),
      publish: false,
    },
    expected: { skip: false, waitFirst: false, updateCode: true, publish: false },
    changes: [
      `image: ${REPO}@${NEW} -> ${REPO}@${NEW} (the last update failed: Image access denied (ImageAccessDenied))`,
    ],
  },
  {
    name: 'waits first when an update of another digest is in progress',
    input: {
      function: fn({ LastUpdateStatus: 'InProgress', LastUpdateStatusReason: 'The function is being updated.' }),
      publish: false,
    },
    expected: { skip: false, waitFirst: true, updateCode: true, publish: false },
    changes: [
      'wait for the update in progress (update InProgress: The function is being updated.), then decide again',
      `image: ${REPO}@${OLD} -> ${REPO}@${NEW}`,
    ],
  },
  {
    name: 'does not call a function pending with the target digest unchanged: it waits and decides again',
    input: { function: runsNew({ State: 'Pending', LastUpdateStatus: 'Successful' }), publish: false },
    expected: { skip: false, waitFirst: true, updateCode: false, publish: false },
    changes: ['wait for the update in progress (update Successful, state Pending), then decide again'],
  },
];

describe('decideLambdaUpdate', () => {
  it.each(decisionCases)('$name', ({ input, expected, changes }) => {
    const decision = decideLambdaUpdate({ ...input, target: TARGET });
    const { alias, changes: actualChanges, ...flags } = decision;
    const { alias: expectedAlias, ...expectedFlags } = expected;
    expect(flags).toEqual(expectedFlags);
    expect(alias === undefined ? undefined : alias.current === undefined ? 'create' : 'update').toBe(expectedAlias);
    expect(actualChanges).toEqual(changes);
  });

  it('hands over the alias as it is, for its RevisionId', () => {
    const current = aliasAt('3', HEX_OLD);
    const decision = decideLambdaUpdate({
      function: fn(),
      target: TARGET,
      publish: true,
      alias: { name: 'live', current },
    });
    expect(decision.alias).toEqual({ name: 'live', current: current.alias });
  });

  it('does not change its input', () => {
    const input: LambdaDecisionInput = {
      function: fn(),
      target: TARGET,
      publish: true,
      alias: { name: 'live', current: aliasAt('3', HEX_OLD) },
    };
    const copy = structuredClone(input);
    decideLambdaUpdate(input);
    expect(input).toEqual(copy);
  });
});

describe('runningDigest and isUpdating', () => {
  it('prefers the resolved URI over the ImageUri', () => {
    const snapshot: FunctionSnapshot = {
      configuration: {},
      code: { ImageUri: `${REPO}@${OLD}`, ResolvedImageUri: `${REPO}@${NEW}` },
    };
    expect(runningDigest(snapshot)).toBe(NEW);
  });

  it.each<[Partial<FunctionConfiguration>, boolean]>([
    [{ LastUpdateStatus: 'InProgress', State: 'Active' }, true],
    [{ LastUpdateStatus: 'Successful', State: 'Pending' }, true],
    [{ LastUpdateStatus: 'Successful', State: 'Active' }, false],
    [{ LastUpdateStatus: 'Failed', State: 'Active' }, false],
    [{ State: 'Inactive' }, false],
    [{}, false],
  ])('isUpdating(%j) is %s', (configuration, expected) => {
    expect(isUpdating(configuration)).toBe(expected);
  });
});

describe('classifyFunctionUpdate', () => {
  it.each<[string, Partial<FunctionConfiguration>, ReturnType<typeof classifyFunctionUpdate>]>([
    ['Successful and Active', { LastUpdateStatus: 'Successful', State: 'Active' }, { state: 'succeeded' }],
    [
      'Successful and Inactive (it wakes on invoke)',
      { LastUpdateStatus: 'Successful', State: 'Inactive' },
      { state: 'succeeded' },
    ],
    ['no status at all (moto right after create)', {}, { state: 'succeeded' }],
    [
      'InProgress with a reason',
      { LastUpdateStatus: 'InProgress', State: 'Active', LastUpdateStatusReason: 'The function is being updated.' },
      { state: 'pending', line: 'update InProgress: The function is being updated.' },
    ],
    [
      'InProgress without a reason',
      { LastUpdateStatus: 'InProgress', State: 'Active' },
      { state: 'pending', line: 'update InProgress' },
    ],
    [
      'Successful but still Pending',
      { LastUpdateStatus: 'Successful', State: 'Pending' },
      { state: 'pending', line: 'update Successful, state Pending' },
    ],
    [
      'Failed, with reason and code',
      {
        LastUpdateStatus: 'Failed',
        LastUpdateStatusReason: 'Image does not exist',
        LastUpdateStatusReasonCode: 'ImageDeleted',
      },
      { state: 'failed', reason: 'the update failed: Image does not exist (ImageDeleted)' },
    ],
    [
      'Failed without a reason',
      { LastUpdateStatus: 'Failed' },
      { state: 'failed', reason: 'the update failed: Lambda gave no reason' },
    ],
    [
      'a Failed State',
      {
        LastUpdateStatus: 'Successful',
        State: 'Failed',
        StateReason: 'Access denied',
        StateReasonCode: 'ImageAccessDenied',
      },
      { state: 'failed', reason: 'the function is Failed: Access denied (ImageAccessDenied)' },
    ],
  ])('%s', (_name, configuration, expected) => {
    expect(classifyFunctionUpdate(configuration)).toEqual(expected);
  });
});

describe('classifyVersionState', () => {
  it.each<[string, Partial<FunctionConfiguration>, ReturnType<typeof classifyVersionState>]>([
    ['Active', { Version: '4', State: 'Active' }, { state: 'succeeded' }],
    ['Inactive', { Version: '4', State: 'Inactive' }, { state: 'succeeded' }],
    [
      'Pending',
      { Version: '4', State: 'Pending', StateReason: 'Optimizing' },
      { state: 'pending', line: 'version 4 is Pending: Optimizing' },
    ],
    [
      'Failed',
      {
        Version: '4',
        State: 'Failed',
        StateReason: 'The function could not be restored.',
        StateReasonCode: 'FunctionError',
      },
      { state: 'failed', reason: 'version 4 is Failed: The function could not be restored. (FunctionError)' },
    ],
    ['Deleting', { Version: '4', State: 'Deleting' }, { state: 'failed', reason: 'version 4 is Deleting' }],
  ])('%s', (_name, configuration, expected) => {
    expect(classifyVersionState(configuration)).toEqual(expected);
  });
});
