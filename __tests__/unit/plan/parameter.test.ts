import { describe, expect, it } from 'vitest';
import { UserError } from '../../../src/errors.ts';
import {
  type CurrentParameter,
  checkTemplate,
  decideParameterWrite,
  type ParameterDecision,
  type ParameterTag,
  type ParameterWriteRequest,
  parseParameterTags,
  parseParameterType,
  renderParameterValue,
  validateParameterName,
} from '../../../src/plan/parameter.ts';
import type { ResolvedImage } from '../../../src/plan/resolved-image.ts';

const REPOSITORY = '123456789012.dkr.ecr.eu-west-1.amazonaws.com/team/app';
const DIGEST = `sha256:${'ab12'.repeat(16)}`;
const TAGGED: ResolvedImage = {
  reference: `${REPOSITORY}@${DIGEST}`,
  repository: REPOSITORY,
  tag: 'v1.2.3',
  digest: DIGEST,
};
const TAG_ONLY: ResolvedImage = { reference: 'ghcr.io/acme/app:v1.2.3', repository: 'ghcr.io/acme/app', tag: 'v1.2.3' };
const DIGEST_ONLY: ResolvedImage = { reference: `${REPOSITORY}@${DIGEST}`, repository: REPOSITORY, digest: DIGEST };

/** The error a call throws, so a test can check both its class and its whole message. */
function errorOf(fn: () => unknown): unknown {
  try {
    fn();
  } catch (error) {
    return error;
  }
  throw new Error('expected the call to throw');
}

describe('validateParameterName', () => {
  it.each([
    ['/app/prod/image-tag', '/app/prod/image-tag'],
    ['image-tag', 'image-tag'],
    ['App_Image.Tag-1', 'App_Image.Tag-1'],
    ['/a', '/a'],
    ['  /app/prod/image-tag  ', '/app/prod/image-tag'],
    ['/Dev/Production/East/Project-ABC/MyParameter', '/Dev/Production/East/Project-ABC/MyParameter'],
    [
      `/${Array.from({ length: 15 }, (_, i) => `l${i}`).join('/')}`,
      `/${Array.from({ length: 15 }, (_, i) => `l${i}`).join('/')}`,
    ],
    ['x'.repeat(1011), 'x'.repeat(1011)],
    // Only a prefix is reserved: 'aws' or 'ssm' later in the name is fine.
    ['/app/aws/ssm-tag', '/app/aws/ssm-tag'],
    ['my-aws-param', 'my-aws-param'],
    ['/as/sm', '/as/sm'],
  ])('accepts %j', (raw, name) => {
    expect(validateParameterName(raw)).toBe(name);
  });

  it.each([
    ['', "it is empty; name the parameter to write, like '/app/prod/image-tag'"],
    ['   ', "it is empty; name the parameter to write, like '/app/prod/image-tag'"],
    [
      'arn:aws:ssm:eu-west-1:123456789012:parameter/app/prod/image-tag',
      "it is an ARN, and SSM wants the parameter's name here: use the name, like '/app/prod/image-tag'",
    ],
    [
      'arn:aws:ssm:eu-west-1:123456789012:parameter/image-tag',
      "it is an ARN, and SSM wants the parameter's name here: use the name, like 'image-tag'",
    ],
    ['/app/prod/image tag', "it contains ' '; use only letters, digits, '_', '.', '-' and '/' between levels"],
    ['/app/prod:tag', "it contains ':'; use only letters, digits, '_', '.', '-' and '/' between levels"],
    ['/app/é/#tag', "it contains 'é', '#'; use only letters, digits, '_', '.', '-' and '/' between levels"],
    ['x'.repeat(1012), 'it is 1012 characters long; SSM allows at most 1011'],
    ['app/prod/image-tag', "a name with '/' is a path and must start with '/': use '/app/prod/image-tag'"],
    ['/app//image-tag', "it has an empty level ('//', or '/' at the end); write it like '/app/prod/image-tag'"],
    ['/app/prod/', "it has an empty level ('//', or '/' at the end); write it like '/app/prod/image-tag'"],
    ['/', "it has an empty level ('//', or '/' at the end); write it like '/app/prod/image-tag'"],
    [`/${Array.from({ length: 16 }, (_, i) => `l${i}`).join('/')}`, 'it has 16 levels; SSM allows at most 15'],
    [
      'awsImageTag',
      "names starting with 'aws' or 'ssm' (in any case, also after the leading '/') are reserved by AWS, and this one starts with 'aws': choose another name",
    ],
    [
      'SSM-image-tag',
      "names starting with 'aws' or 'ssm' (in any case, also after the leading '/') are reserved by AWS, and this one starts with 'SSM': choose another name",
    ],
    [
      '/aws/service/app',
      "names starting with 'aws' or 'ssm' (in any case, also after the leading '/') are reserved by AWS, and this one starts with 'aws': choose another name",
    ],
    [
      '/Ssm/app',
      "names starting with 'aws' or 'ssm' (in any case, also after the leading '/') are reserved by AWS, and this one starts with 'Ssm': choose another name",
    ],
  ])('rejects %j', (raw, problem) => {
    const error = errorOf(() => validateParameterName(raw));
    expect(error).toBeInstanceOf(UserError);
    expect((error as Error).message).toBe(
      `Input 'parameter-name' ('${raw}') is not an SSM parameter name: ${problem}.`,
    );
  });
});

describe('checkTemplate', () => {
  it.each([
    '{tag}',
    '{digest}',
    '{image}',
    '{repository}',
    'v-{tag}',
    '{repository}:{tag}@{digest}',
    'literal only',
    'release {tag} ({digest})',
  ])('accepts %j', (template) => {
    expect(() => checkTemplate(template)).not.toThrow();
  });

  const KNOWN = 'the placeholders are {tag}, {digest}, {image}, {repository}, with any literal text around them';
  it.each([
    ['', 'is empty'],
    ['  ', 'is empty'],
    ['{version}', 'has an unknown placeholder {version}'],
    ['{TAG}', 'has an unknown placeholder {TAG}'],
    ['{ tag }', 'has an unknown placeholder { tag }'],
    ['{}', 'has an unknown placeholder {}'],
    ['v{tag', "has a '{' without a closing '}'"],
    ['{{tag}}', "has a '{' without a closing '}'"],
    ['tag}', "has a '}' without an opening '{'"],
    ['{tag}}', "has a '}' without an opening '{'"],
    ['{tag}-{', "has a '{' without a closing '}'"],
    ['{constructor}', 'has an unknown placeholder {constructor}'],
  ])('rejects %j', (template, problem) => {
    const error = errorOf(() => checkTemplate(template));
    expect(error).toBeInstanceOf(UserError);
    expect((error as Error).message).toBe(
      `Input 'parameter-value' ('${template}') ${problem}: ${KNOWN} (the default is '{tag}').`,
    );
  });
});

describe('renderParameterValue', () => {
  it.each<[string, ResolvedImage, string]>([
    ['{tag}', TAGGED, 'v1.2.3'],
    ['{digest}', TAGGED, DIGEST],
    ['{image}', TAGGED, `${REPOSITORY}@${DIGEST}`],
    ['{repository}', TAGGED, REPOSITORY],
    ['{repository}:{tag}', TAGGED, `${REPOSITORY}:v1.2.3`],
    ['{tag},{digest}', TAGGED, `v1.2.3,${DIGEST}`],
    ['release-{tag}-final', TAGGED, 'release-v1.2.3-final'],
    ['{tag}{tag}', TAGGED, 'v1.2.3v1.2.3'],
    ['fixed', DIGEST_ONLY, 'fixed'],
    ['{image}', TAG_ONLY, 'ghcr.io/acme/app:v1.2.3'],
    ['{digest}', DIGEST_ONLY, DIGEST],
    ['{repository}@{digest}', DIGEST_ONLY, `${REPOSITORY}@${DIGEST}`],
  ])('renders %j', (template, image, value) => {
    expect(renderParameterValue(template, image)).toBe(value);
  });

  it('does not change the image it is given', () => {
    const image = { ...TAGGED };
    renderParameterValue('{repository}:{tag}', image);
    expect(image).toEqual(TAGGED);
  });

  it('says to set the tag when the image is named by digest only', () => {
    const error = errorOf(() => renderParameterValue('app-{tag}', DIGEST_ONLY));
    expect(error).toBeInstanceOf(UserError);
    expect((error as Error).message).toBe(
      `Input 'parameter-value' ('app-{tag}') uses {tag}, but image '${REPOSITORY}@${DIGEST}' has no tag (it is named by digest): set input 'tag', or use {digest} or {image} instead.`,
    );
  });

  it('says how to get a digest when it is not known', () => {
    const error = errorOf(() => renderParameterValue('{tag}@{digest}', TAG_ONLY));
    expect(error).toBeInstanceOf(UserError);
    expect((error as Error).message).toBe(
      "Input 'parameter-value' ('{tag}@{digest}') uses {digest}, but the digest of image 'ghcr.io/acme/app:v1.2.3' is not known (it is looked up only for ECR private images, with 'pin-digest: true'): set input 'digest' or 'pin-digest: true', or use {tag} or {image} instead.",
    );
  });

  it('checks the template before rendering', () => {
    expect(() => renderParameterValue('{version}', TAGGED)).toThrow('has an unknown placeholder {version}');
  });
});

describe('parseParameterType', () => {
  it.each([
    ['', undefined],
    ['   ', undefined],
    ['String', 'String'],
    ['string', 'String'],
    ['STRING', 'String'],
    [' String ', 'String'],
    ['StringList', 'StringList'],
    ['stringlist', 'StringList'],
    ['STRINGLIST', 'StringList'],
  ])('reads %j as %s', (raw, type) => {
    expect(parseParameterType(raw)).toBe(type);
  });

  it.each(['SecureString', 'securestring', ' SECURESTRING '])('refuses %j and says why', (raw) => {
    const error = errorOf(() => parseParameterType(raw));
    expect(error).toBeInstanceOf(UserError);
    expect((error as Error).message).toBe(
      `Input 'parameter-type' ('${raw}') asks for a SecureString, which image-deploy does not write: an image tag or digest is not a secret, and a SecureString created by surprise would hide it from the infrastructure code that reads it. Use String or StringList, or leave the input empty.`,
    );
  });

  it.each(['Integer', 'String List', 'string-list', 'list', 'text', 'Strings', 'aws:ec2:image', 'true'])(
    'rejects %j',
    (raw) => {
      const error = errorOf(() => parseParameterType(raw));
      expect(error).toBeInstanceOf(UserError);
      expect((error as Error).message).toBe(
        `Input 'parameter-type' ('${raw}') is not a parameter type image-deploy writes: use String or StringList, or leave it empty to keep the existing parameter's type (String when creating one).`,
      );
    },
  );
});

describe('parseParameterTags', () => {
  it.each<[string, ParameterTag[]]>([
    ['', []],
    ['team=payments', [{ Key: 'team', Value: 'payments' }]],
    [
      'team=payments\nenv=prod',
      [
        { Key: 'team', Value: 'payments' },
        { Key: 'env', Value: 'prod' },
      ],
    ],
    [
      'team=payments\r\nenv=prod\r\n',
      [
        { Key: 'team', Value: 'payments' },
        { Key: 'env', Value: 'prod' },
      ],
    ],
    ['# who owns it\nteam=payments\n\n   \n  # more\n', [{ Key: 'team', Value: 'payments' }]],
    ['  team  =  payments  ', [{ Key: 'team', Value: 'payments' }]],
    ['empty=', [{ Key: 'empty', Value: '' }]],
    ['formula=a=b+c', [{ Key: 'formula', Value: 'a=b+c' }]],
    ['owner=team@example.com', [{ Key: 'owner', Value: 'team@example.com' }]],
    ['cost:center=42/7 _x.y-z', [{ Key: 'cost:center', Value: '42/7 _x.y-z' }]],
    ['Équipe=paiements ünd 日本', [{ Key: 'Équipe', Value: 'paiements ünd 日本' }]],
    [
      'Team=a\nteam=b',
      [
        { Key: 'Team', Value: 'a' },
        { Key: 'team', Value: 'b' },
      ],
    ],
    [`${'k'.repeat(128)}=${'v'.repeat(256)}`, [{ Key: 'k'.repeat(128), Value: 'v'.repeat(256) }]],
  ])('reads %j', (raw, tags) => {
    expect(parseParameterTags(raw)).toEqual(tags);
  });

  it.each([
    ['team', 1, 'team', 'is not a tag: write Key=Value, one tag per line'],
    ['team=a\nenv prod', 2, 'env prod', 'is not a tag: write Key=Value, one tag per line'],
    ['=payments', 1, '=payments', 'has no key: write Key=Value, one tag per line'],
    [
      `${'k'.repeat(129)}=v`,
      1,
      `${'k'.repeat(129)}=v`,
      'has a key of 129 characters: SSM allows at most 128, shorten it',
    ],
    [
      `k=${'v'.repeat(257)}`,
      1,
      `k=${'v'.repeat(257)}`,
      'has a value of 257 characters: SSM allows at most 256, shorten it',
    ],
    [
      'team=pay;ments',
      1,
      'team=pay;ments',
      "has ';' in its value: tags may use letters, digits, spaces and _ . : / = + - @",
    ],
    [
      'te*am=payments',
      1,
      'te*am=payments',
      "has '*' in its key: tags may use letters, digits, spaces and _ . : / = + - @",
    ],
    [
      'team=payments # owner',
      1,
      'team=payments # owner',
      "has '#' in its value: tags may use letters, digits, spaces and _ . : / = + - @",
    ],
    ['aws:owner=me', 1, 'aws:owner=me', "has a key starting with 'aws:', which AWS reserves: choose another key"],
    ['AWS:owner=me', 1, 'AWS:owner=me', "has a key starting with 'aws:', which AWS reserves: choose another key"],
    ['team=a\n# c\nteam=b', 3, 'team=b', "repeats the key 'team': give each key once"],
  ])('rejects %j', (raw, line, text, problem) => {
    const error = errorOf(() => parseParameterTags(raw));
    expect(error).toBeInstanceOf(UserError);
    expect((error as Error).message).toBe(`Input 'parameter-tags' line ${line} ('${text}') ${problem}.`);
  });

  it('accepts 50 tags and refuses 51', () => {
    const lines = (n: number) => Array.from({ length: n }, (_, i) => `k${i}=v${i}`).join('\n');
    expect(parseParameterTags(lines(50))).toHaveLength(50);
    expect(() => parseParameterTags(lines(51))).toThrow(
      new UserError("Input 'parameter-tags' has 51 tags: SSM allows at most 50 on a parameter."),
    );
  });
});

describe('decideParameterWrite', () => {
  const NAME = '/app/prod/image-tag';
  const current = (fields: Partial<CurrentParameter> = {}): CurrentParameter => ({
    value: 'v1.2.2',
    type: 'String',
    version: '7',
    ...fields,
  });
  const request = (fields: Partial<ParameterWriteRequest>): ParameterWriteRequest => ({
    name: NAME,
    value: 'v1.2.3',
    ...fields,
  });

  it.each<[string, ParameterWriteRequest, ParameterDecision]>([
    ['creates a String when none exists', request({}), { action: 'create', type: 'String' }],
    ['creates the type asked for', request({ type: 'StringList' }), { action: 'create', type: 'StringList' }],
    [
      'updates a different value',
      request({ current: current() }),
      { action: 'update', type: 'String', current: current() },
    ],
    [
      'keeps a StringList a StringList when no type is asked for',
      request({ value: 'a,b', current: current({ type: 'StringList', value: 'a' }) }),
      { action: 'update', type: 'StringList', current: current({ type: 'StringList', value: 'a' }) },
    ],
    [
      'updates when the type asked for is the one it has',
      request({ type: 'String', current: current() }),
      { action: 'update', type: 'String', current: current() },
    ],
    [
      'leaves an equal value alone',
      request({ current: current({ value: 'v1.2.3' }) }),
      { action: 'unchanged', type: 'String', current: current({ value: 'v1.2.3' }) },
    ],
    [
      'compares values exactly',
      request({ current: current({ value: 'v1.2.3 ' }) }),
      { action: 'update', type: 'String', current: current({ value: 'v1.2.3 ' }) },
    ],
    [
      'does not check that a StringList value is a comma list',
      request({ type: 'StringList', value: 'one value; no commas', current: current({ type: 'StringList' }) }),
      { action: 'update', type: 'StringList', current: current({ type: 'StringList' }) },
    ],
    ['accepts 4096 characters', request({ value: 'x'.repeat(4096) }), { action: 'create', type: 'String' }],
  ])('%s', (_, input, decision) => {
    expect(decideParameterWrite(input)).toEqual(decision);
  });

  it.each<[string, ParameterWriteRequest, string]>([
    [
      'refuses to touch a SecureString',
      request({ current: current({ type: 'SecureString', value: 'AQICAHh...' }) }),
      `Parameter '${NAME}' is a SecureString: image-deploy writes String or StringList parameters only and will not overwrite what may be a secret. Set input 'parameter-name' to another parameter, or delete this one (or make it a String) yourself.`,
    ],
    [
      'refuses a SecureString even when the value would be equal',
      request({ current: current({ type: 'SecureString', value: 'v1.2.3' }) }),
      `Parameter '${NAME}' is a SecureString: image-deploy writes String or StringList parameters only and will not overwrite what may be a secret. Set input 'parameter-name' to another parameter, or delete this one (or make it a String) yourself.`,
    ],
    [
      'refuses a type it does not know',
      request({ current: current({ type: 'FutureString' }) }),
      `Parameter '${NAME}' has type 'FutureString', which image-deploy does not write: set input 'parameter-name' to a String or StringList parameter.`,
    ],
    [
      'refuses to turn a String into a StringList',
      request({ type: 'StringList', current: current() }),
      `Parameter '${NAME}' is a String, but input 'parameter-type' asks for StringList: image-deploy does not change a parameter's type. Set 'parameter-type' to String, or leave it empty to keep the parameter's type.`,
    ],
    [
      'refuses a type clash even when the value is equal',
      request({ type: 'String', current: current({ type: 'StringList', value: 'v1.2.3' }) }),
      `Parameter '${NAME}' is a StringList, but input 'parameter-type' asks for String: image-deploy does not change a parameter's type. Set 'parameter-type' to StringList, or leave it empty to keep the parameter's type.`,
    ],
    [
      'refuses to create a value too long for a standard parameter',
      request({ value: 'x'.repeat(4097) }),
      `The value for parameter '${NAME}' is 4097 characters long; a standard-tier parameter holds at most 4096: shorten input 'parameter-value'.`,
    ],
    [
      'refuses to update to a value too long for a standard parameter',
      request({ value: 'é'.repeat(5000), current: current() }),
      `The value for parameter '${NAME}' is 5000 characters long; a standard-tier parameter holds at most 4096: shorten input 'parameter-value'.`,
    ],
  ])('%s', (_, input, message) => {
    const error = errorOf(() => decideParameterWrite(input));
    expect(error).toBeInstanceOf(UserError);
    expect((error as Error).message).toBe(message);
  });

  it('does not change the request it is given', () => {
    const input = request({ type: 'String', current: current() });
    const copy = structuredClone(input);
    decideParameterWrite(input);
    expect(input).toEqual(copy);
  });
});
