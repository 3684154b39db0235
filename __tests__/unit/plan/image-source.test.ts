import { describe, expect, it } from 'vitest';
import { UserError } from '../../../src/errors.ts';
import { parseImageRef } from '../../../src/plan/image-ref.ts';
import {
  chooseDigest,
  chooseTag,
  deployReference,
  type PushedImage,
  parseDigestInput,
  parseTagInput,
  recentTags,
  repositoryOf,
  SHORT_SHA_LENGTH,
  type TagChoice,
  type TagSources,
  tagFromGitRef,
} from '../../../src/plan/image-source.ts';

const SHA = '0123456789abcdef0123456789abcdef01234567';
const DIGEST = `sha256:${'ab'.repeat(32)}`;
const OTHER_DIGEST = `sha256:${'cd'.repeat(32)}`;
const ECR = '123456789012.dkr.ecr.ap-northeast-1.amazonaws.com';

describe('tagFromGitRef', () => {
  it.each<[string | undefined, string | undefined]>([
    ['refs/tags/v1.2.3', 'v1.2.3'],
    ['refs/tags/1.0.0-rc.1', '1.0.0-rc.1'],
    ['refs/heads/main', undefined],
    ['refs/heads/tags/v1', undefined],
    ['refs/pull/1/merge', undefined],
    [undefined, undefined],
  ])('reads %s as %s', (ref, expected) => {
    expect(tagFromGitRef(ref)).toBe(expected);
  });

  it.each([
    ['a slash', 'refs/tags/release/1.0'],
    ['build metadata', 'refs/tags/v1.0.0+build.5'],
    ['a leading dot', 'refs/tags/.hidden'],
    ['nothing after the prefix', 'refs/tags/'],
  ])('rejects a git tag with %s, naming GITHUB_REF and the tag input', (_, ref) => {
    expect(() => tagFromGitRef(ref)).toThrow(UserError);
    expect(() => tagFromGitRef(ref)).toThrow(
      new RegExp(`GITHUB_REF \\('${ref.replace(/[.+]/g, '\\$&')}'\\).*set input 'tag'`),
    );
  });
});

describe('chooseTag', () => {
  it('shortens the commit SHA to SHORT_SHA_LENGTH characters', () => {
    expect(SHORT_SHA_LENGTH).toBe(7);
  });

  it.each<[string, TagSources, TagChoice]>([
    [
      'the tag written in image',
      { imageTag: 'v1', gitRef: 'refs/tags/v9', gitSha: SHA },
      { tag: 'v1', source: 'image' },
    ],
    ['the tag input', { inputTag: 'v2', gitRef: 'refs/tags/v9', gitSha: SHA }, { tag: 'v2', source: 'input' }],
    ['image and input tags that agree', { imageTag: 'v3', inputTag: 'v3' }, { tag: 'v3', source: 'image' }],
    ['a release ref', { gitRef: 'refs/tags/v1.2.3', gitSha: SHA }, { tag: 'v1.2.3', source: 'release-ref' }],
    ['a branch: the short SHA', { gitRef: 'refs/heads/main', gitSha: SHA }, { tag: '0123456', source: 'commit-sha' }],
    [
      'a pull request: the short SHA',
      { gitRef: 'refs/pull/1/merge', gitSha: SHA },
      { tag: '0123456', source: 'commit-sha' },
    ],
    ['an uppercase SHA, lowercased', { gitSha: SHA.toUpperCase() }, { tag: '0123456', source: 'commit-sha' }],
    ['a digest and no git context', { hasDigest: true }, {}],
    [
      'a digest and a branch: the SHA as a candidate',
      { hasDigest: true, gitRef: 'refs/heads/main', gitSha: SHA },
      { tag: '0123456', source: 'commit-sha' },
    ],
    ['a digest and a release ref that is no image tag', { hasDigest: true, gitRef: 'refs/tags/a/b', gitSha: SHA }, {}],
    ['a digest and a SHA that is no SHA', { hasDigest: true, gitSha: 'not-a-sha' }, {}],
  ])('picks %s', (_, sources, expected) => {
    expect(chooseTag(sources)).toEqual(expected);
  });

  it.each<[string, TagSources, RegExp]>([
    [
      'image and input tags that differ',
      { imageTag: 'v1', inputTag: 'v2' },
      /'image' carries tag 'v1' but input 'tag' is 'v2'/,
    ],
    [
      'a release ref with a slash',
      { gitRef: 'refs/tags/release/1.0', gitSha: SHA },
      /GITHUB_REF \('refs\/tags\/release\/1.0'\).*set input 'tag'/,
    ],
    [
      'a missing SHA on a branch',
      { gitRef: 'refs/heads/main' },
      /names no tag or digest.*GITHUB_REF \('refs\/heads\/main'\) and GITHUB_SHA \(''\)/,
    ],
    ['no source at all', {}, /set input 'tag' or 'digest'/],
    ['a SHA shorter than the short length', { gitSha: 'abc' }, /GITHUB_SHA \('abc'\) is not a commit SHA/],
  ])('rejects %s', (_, sources, message) => {
    expect(() => chooseTag(sources)).toThrow(UserError);
    expect(() => chooseTag(sources)).toThrow(message);
  });
});

describe('chooseDigest', () => {
  it.each<[string, { imageDigest?: string; inputDigest?: string }, ReturnType<typeof chooseDigest>]>([
    ['none', {}, {}],
    ['the digest in image', { imageDigest: DIGEST }, { digest: DIGEST, source: 'image' }],
    ['the digest input', { inputDigest: DIGEST }, { digest: DIGEST, source: 'input' }],
    ['both, equal', { imageDigest: DIGEST, inputDigest: DIGEST }, { digest: DIGEST, source: 'image' }],
  ])('takes %s', (_, sources, expected) => {
    expect(chooseDigest(sources)).toEqual(expected);
  });

  it('rejects two different digests, naming both', () => {
    expect(() => chooseDigest({ imageDigest: DIGEST, inputDigest: OTHER_DIGEST })).toThrow(
      `Input 'image' carries digest '${DIGEST}' but input 'digest' is '${OTHER_DIGEST}'`,
    );
  });
});

describe('deployReference', () => {
  it.each<[string, string, { tag?: string; digest?: string; pinDigest: boolean }, string]>([
    ['pinned with a digest', `${ECR}/app`, { tag: 'v1', digest: DIGEST, pinDigest: true }, `${ECR}/app@${DIGEST}`],
    [
      'unpinned with a digest and a tag',
      `${ECR}/app`,
      { tag: 'v1', digest: DIGEST, pinDigest: false },
      `${ECR}/app:v1`,
    ],
    ['pinned without a digest', 'nginx', { tag: '1.27', pinDigest: true }, 'nginx:1.27'],
    ['unpinned without a digest', 'nginx', { tag: '1.27', pinDigest: false }, 'nginx:1.27'],
    ['unpinned with only a digest', `${ECR}/app`, { digest: DIGEST, pinDigest: false }, `${ECR}/app@${DIGEST}`],
    ['a tag in image replaced', `${ECR}/app:old`, { tag: 'new', pinDigest: false }, `${ECR}/app:new`],
    [
      'a tag and digest in image replaced',
      `${ECR}/app:old@${OTHER_DIGEST}`,
      { tag: 'v1', digest: DIGEST, pinDigest: true },
      `${ECR}/app@${DIGEST}`,
    ],
    [
      'a registry with a port',
      'registry.example.com:5000/team/app',
      { tag: 'v1', pinDigest: false },
      'registry.example.com:5000/team/app:v1',
    ],
    [
      'a registry with a port, pinned',
      'localhost:5000/app',
      { tag: 'v1', digest: DIGEST, pinDigest: true },
      `localhost:5000/app@${DIGEST}`,
    ],
    [
      'a nested path',
      `${ECR}/team/sub/app`,
      { tag: 'v1', digest: DIGEST, pinDigest: true },
      `${ECR}/team/sub/app@${DIGEST}`,
    ],
    [
      'ECR Public',
      'public.ecr.aws/nginx/nginx',
      { tag: 'stable', pinDigest: true },
      'public.ecr.aws/nginx/nginx:stable',
    ],
  ])('deploys %s', (_, image, choice, expected) => {
    expect(deployReference({ ref: parseImageRef(image), ...choice })).toBe(expected);
  });

  it('rejects an image with neither tag nor digest', () => {
    expect(() => deployReference({ ref: parseImageRef(`${ECR}/app`), pinDigest: true })).toThrow(
      `Image '${ECR}/app' has neither a tag nor a digest to deploy`,
    );
  });

  it('does not change the reference it is given', () => {
    const ref = parseImageRef(`${ECR}/app:old`);
    deployReference({ ref, tag: 'new', digest: DIGEST, pinDigest: true });
    expect(ref).toEqual({ registry: ECR, repository: 'app', tag: 'old' });
  });
});

describe('repositoryOf', () => {
  it.each([
    [`${ECR}/team/app:v1@${DIGEST}`, `${ECR}/team/app`],
    ['localhost:5000/app:v1', 'localhost:5000/app'],
    ['nginx:1.27', 'nginx'],
  ])('reads %s as %s', (image, expected) => {
    expect(repositoryOf(parseImageRef(image))).toBe(expected);
  });
});

describe('parseTagInput', () => {
  it.each([
    ['v1.2.3', 'v1.2.3'],
    ['latest', 'latest'],
    ['  v1  ', 'v1'],
    ['_build-1', '_build-1'],
    ['t'.repeat(128), 't'.repeat(128)],
  ])('accepts %s', (raw, expected) => {
    expect(parseTagInput(raw)).toBe(expected);
  });

  it.each([
    ['a colon', 'app:v1'],
    ['a slash', 'release/1.0'],
    ['a leading dash', '-v1'],
    ['a leading dot', '.v1'],
    ['129 characters', 't'.repeat(129)],
    ['nothing', ''],
    ['a plus', 'v1+build'],
  ])('rejects a tag with %s, naming the input', (_, raw) => {
    expect(() => parseTagInput(raw)).toThrow(UserError);
    expect(() => parseTagInput(raw)).toThrow(`Input 'tag' ('${raw}') is not an image tag`);
  });
});

describe('parseDigestInput', () => {
  it.each([
    [DIGEST, DIGEST],
    [` ${DIGEST}\n`, DIGEST],
  ])('accepts %j', (raw, expected) => {
    expect(parseDigestInput(raw)).toBe(expected);
  });

  it.each([
    ['no algorithm', 'ab'.repeat(32)],
    ['uppercase hex', `sha256:${'AB'.repeat(32)}`],
    ['63 digits', `sha256:${'a'.repeat(63)}`],
    ['65 digits', `sha256:${'a'.repeat(65)}`],
    ['another algorithm', `sha512:${'a'.repeat(128)}`],
    ['a tag', 'v1.2.3'],
    ['a whole reference', `${ECR}/app@${DIGEST}`],
  ])('rejects a digest with %s, naming the input', (_, raw) => {
    expect(() => parseDigestInput(raw)).toThrow(UserError);
    expect(() => parseDigestInput(raw)).toThrow(`Input 'digest' ('${raw}') is not an image digest`);
  });
});

describe('recentTags', () => {
  const at = (iso: string) => new Date(iso);
  it.each<[string, PushedImage[], number, string[]]>([
    ['nothing', [], 10, []],
    [
      'newest first',
      [
        { imageTags: ['v1'], imagePushedAt: at('2025-01-01T00:00:00Z') },
        { imageTags: ['v3'], imagePushedAt: at('2025-03-01T00:00:00Z') },
        { imageTags: ['v2'], imagePushedAt: at('2025-02-01T00:00:00Z') },
      ],
      10,
      ['v3', 'v2', 'v1'],
    ],
    [
      'at most the limit, counting every tag of an image',
      [
        { imageTags: ['a1', 'a2'], imagePushedAt: at('2025-03-01T00:00:00Z') },
        { imageTags: ['b1', 'b2'], imagePushedAt: at('2025-02-01T00:00:00Z') },
      ],
      3,
      ['a1', 'a2', 'b1'],
    ],
    [
      'images without a push time last',
      [
        { imageTags: ['unknown'] },
        { imageTags: ['old'], imagePushedAt: at('2020-01-01T00:00:00Z') },
        { imageTags: ['also-unknown'] },
      ],
      10,
      ['old', 'unknown', 'also-unknown'],
    ],
    ['untagged images skipped', [{ imagePushedAt: at('2025-01-01T00:00:00Z') }, { imageTags: ['v1'] }], 10, ['v1']],
  ])('lists %s', (_, images, limit, expected) => {
    expect(recentTags(images, limit)).toEqual(expected);
  });

  it('does not reorder the images it is given', () => {
    const images: PushedImage[] = [
      { imageTags: ['old'], imagePushedAt: new Date('2020-01-01T00:00:00Z') },
      { imageTags: ['new'], imagePushedAt: new Date('2025-01-01T00:00:00Z') },
    ];
    recentTags(images, 10);
    expect(images.map((i) => i.imageTags?.[0])).toEqual(['old', 'new']);
  });
});
