import { describe, expect, it } from 'vitest';
import { UserError } from '../../../src/errors.ts';
import type { ImageRef } from '../../../src/plan/image-ref.ts';
import {
  ecrRegistryOf,
  formatImageRef,
  parseImageRef,
  repositoryKey,
  tryParseImageRef,
  withDigest,
  withTag,
} from '../../../src/plan/image-ref.ts';

const SHA = `sha256:${'a1b2c3d4'.repeat(8)}`;
const SHA512 = `sha512:${'0f'.repeat(64)}`;
const ECR = '123456789012.dkr.ecr.eu-west-1.amazonaws.com';

describe('parseImageRef', () => {
  it.each<[string, ImageRef]>([
    ['nginx', { repository: 'nginx' }],
    ['nginx:1.27', { repository: 'nginx', tag: '1.27' }],
    ['library/nginx:latest', { repository: 'library/nginx', tag: 'latest' }],
    ['docker.io/library/nginx', { registry: 'docker.io', repository: 'library/nginx' }],
    ['localhost/app', { registry: 'localhost', repository: 'app' }],
    ['localhost:5000/a/b:tag', { registry: 'localhost:5000', repository: 'a/b', tag: 'tag' }],
    ['registry.example.com:5000/team/app', { registry: 'registry.example.com:5000', repository: 'team/app' }],
    ['Registry.Example.com/app', { registry: 'Registry.Example.com', repository: 'app' }],
    ['[::1]:5000/app:v1', { registry: '[::1]:5000', repository: 'app', tag: 'v1' }],
    [`repo@${SHA}`, { repository: 'repo', digest: SHA }],
    [`repo:v1@${SHA}`, { repository: 'repo', tag: 'v1', digest: SHA }],
    [`${ECR}/team/app:1.2.3@${SHA}`, { registry: ECR, repository: 'team/app', tag: '1.2.3', digest: SHA }],
    [`repo@${SHA512}`, { repository: 'repo', digest: SHA512 }],
    ['a/b/c/d/e', { repository: 'a/b/c/d/e' }],
    ['my_app/my__app/my--app/my.app', { repository: 'my_app/my__app/my--app/my.app' }],
    ['app:V1_beta-2.x', { repository: 'app', tag: 'V1_beta-2.x' }],
    ['app:_hidden', { repository: 'app', tag: '_hidden' }],
    // A single component with a colon is a name and a tag, as in Docker.
    ['localhost:5000', { repository: 'localhost', tag: '5000' }],
    ['example.com:5000', { repository: 'example.com', tag: '5000' }],
    ['localhost', { repository: 'localhost' }],
    [`app:${'t'.repeat(128)}`, { repository: 'app', tag: 't'.repeat(128) }],
    ['public.ecr.aws/nginx/nginx:stable', { registry: 'public.ecr.aws', repository: 'nginx/nginx', tag: 'stable' }],
  ])('reads %s', (raw, expected) => {
    expect(parseImageRef(raw)).toEqual(expected);
  });

  it.each<[string, string, string]>([
    ['an empty string', '', 'it is empty'],
    ['whitespace around it', ' nginx', 'it contains whitespace'],
    ['whitespace inside', 'nginx :1', 'it contains whitespace'],
    ['uppercase in the path', 'Foo:bar', "path component 'Foo' has uppercase letters"],
    ['uppercase in a nested path', 'example.com/Team/app', "path component 'Team' has uppercase letters"],
    ['a tag alone', ':tag', 'the repository path is missing before the tag'],
    ['a digest alone', `@${SHA}`, 'the repository path is missing'],
    ['a doubled slash', 'a//b', 'empty path component'],
    ['a trailing slash', 'a/b/', 'empty path component'],
    ['a leading slash', '/a', 'empty path component'],
    ['a registry with no path', 'example.com/', 'empty path component'],
    ['a trailing colon', 'nginx:', "the tag after ':' is empty"],
    ['a tag starting with a dot', 'nginx:.x', "tag '.x'"],
    ['a tag starting with a dash', 'nginx:-x', "tag '-x'"],
    ['a tag of 129 characters', `app:${'t'.repeat(129)}`, 'tag'],
    ['a tag with a slash', 'a/b:c/d', "path component 'b:c'"],
    ['two tags', 'a/b:c:d', "tag 'c:d'"],
    ['a separator at the start of a component', 'a/-b', "path component '-b'"],
    ['a separator at the end of a component', 'a/b.', "path component 'b.'"],
    ['three underscores', 'a___b', "path component 'a___b'"],
    ['a dot next to a dash', 'a.-b', "path component 'a.-b'"],
    ['other punctuation', 'a/b!c', "path component 'b!c'"],
    ['a non-numeric port', 'example.com:abc/app', "registry port 'abc' is not a number"],
    ['an empty port', 'example.com:/app', "registry port '' is not a number"],
    ['a host label with a dash at the end', 'bad-.example.com/app', "registry host 'bad-.example.com'"],
    ['a host with an underscore', 'my_host.example.com/app', "registry host 'my_host.example.com'"],
    ['an unclosed IPv6 host', '[::1:5000/app', 'registry host'],
    ['a digest without algorithm', 'repo@abc', 'has no algorithm'],
    ['a short sha256 digest', 'repo@sha256:abc', 'exactly 64 lowercase hex digits'],
    ['an uppercase sha256 digest', `repo@sha256:${'A'.repeat(64)}`, 'exactly 64 lowercase hex digits'],
    ['a sha256 digest one digit too long', `repo@${SHA}0`, 'exactly 64 lowercase hex digits'],
    ['an empty digest', 'repo@', 'has no algorithm'],
    ['two digests', `repo@${SHA}@${SHA}`, 'exactly 64 lowercase hex digits'],
    ['an unknown algorithm with too few digits', 'repo@md5:abc', 'at least 32 hex digits'],
    ['a name longer than 255 characters', `${'a'.repeat(200)}/${'b'.repeat(60)}`, 'more than 255'],
  ])('rejects %s', (_case, raw, problem) => {
    expect(() => parseImageRef(raw)).toThrow(UserError);
    expect(() => parseImageRef(raw)).toThrow(problem);
  });

  it('says what was given and what is expected', () => {
    expect(() => parseImageRef('Foo:bar')).toThrow(
      "Input 'image' ('Foo:bar') is not an image reference: path component 'Foo' has uppercase letters (repository paths are lowercase); expected [host[:port]/]path[:tag][@sha256:digest].",
    );
  });

  it('names another source when told', () => {
    expect(() => parseImageRef('A', "Container 'app' image")).toThrow("Container 'app' image ('A') is not");
  });

  it('accepts other digest algorithms with enough hex digits', () => {
    const digest = `blake3:${'ab'.repeat(32)}`;
    expect(parseImageRef(`repo@${digest}`).digest).toBe(digest);
  });
});

describe('tryParseImageRef', () => {
  it('returns undefined instead of throwing', () => {
    expect(tryParseImageRef('Not Valid')).toBeUndefined();
  });

  it('returns the reference when valid', () => {
    expect(tryParseImageRef('nginx:1')).toEqual({ repository: 'nginx', tag: '1' });
  });
});

describe('formatImageRef', () => {
  it.each([
    'nginx',
    'nginx:1.27',
    'localhost:5000/a/b:tag',
    '[::1]:5000/app:v1',
    `repo@${SHA}`,
    `repo:v1@${SHA}`,
    `${ECR}/team/app:1.2.3@${SHA}`,
    'public.ecr.aws/alias/repo:latest',
    'Registry.Example.com/app',
  ])('writes %s back exactly as parsed', (raw) => {
    expect(formatImageRef(parseImageRef(raw))).toBe(raw);
  });

  it('writes each part it is given', () => {
    expect(formatImageRef({ registry: 'r.io', repository: 'x/y', tag: 't', digest: SHA })).toBe(`r.io/x/y:t@${SHA}`);
  });
});

describe('repositoryKey', () => {
  it.each([
    ['nginx', 'docker.io/library/nginx'],
    ['nginx:1', 'docker.io/library/nginx'],
    ['library/nginx', 'docker.io/library/nginx'],
    ['docker.io/nginx', 'docker.io/library/nginx'],
    ['docker.io/library/nginx:1', 'docker.io/library/nginx'],
    ['index.docker.io/library/nginx', 'docker.io/library/nginx'],
    [`nginx@${SHA}`, 'docker.io/library/nginx'],
    ['bitnami/redis', 'docker.io/bitnami/redis'],
    ['localhost:5000/app:1', 'localhost:5000/app'],
    ['Registry.Example.com/app', 'registry.example.com/app'],
    [`${ECR}/team/app:1`, `${ECR}/team/app`],
    ['public.ecr.aws/nginx/nginx', 'public.ecr.aws/nginx/nginx'],
  ])('keys %s as %s', (raw, key) => {
    expect(repositoryKey(parseImageRef(raw))).toBe(key);
  });

  it('keeps repositories on different registries apart', () => {
    expect(repositoryKey(parseImageRef('quay.io/nginx'))).not.toBe(repositoryKey(parseImageRef('nginx')));
  });
});

describe('ecrRegistryOf', () => {
  it.each([
    [
      `${ECR}/app:1`,
      { kind: 'private', accountId: '123456789012', region: 'eu-west-1', fips: false, domain: 'amazonaws.com' },
    ],
    [
      '123456789012.dkr.ecr-fips.us-gov-west-1.amazonaws.com/app',
      { kind: 'private', accountId: '123456789012', region: 'us-gov-west-1', fips: true, domain: 'amazonaws.com' },
    ],
    [
      '123456789012.dkr.ecr.cn-north-1.amazonaws.com.cn/app',
      { kind: 'private', accountId: '123456789012', region: 'cn-north-1', fips: false, domain: 'amazonaws.com.cn' },
    ],
    [
      `123456789012.dkr.ecr.ap-southeast-5.amazonaws.com/a/b@${SHA}`,
      { kind: 'private', accountId: '123456789012', region: 'ap-southeast-5', fips: false, domain: 'amazonaws.com' },
    ],
    ['public.ecr.aws/my-alias/app:1', { kind: 'public', alias: 'my-alias' }],
    ['public.ecr.aws/docker/library/nginx', { kind: 'public', alias: 'docker' }],
  ])('recognises %s', (raw, registry) => {
    expect(ecrRegistryOf(parseImageRef(raw))).toEqual(registry);
  });

  it.each([
    ['a Docker Hub image', 'nginx:1'],
    ['another registry', 'ghcr.io/org/app'],
    ['an account id of 11 digits', '12345678901.dkr.ecr.eu-west-1.amazonaws.com/app'],
    ['a host that is not ECR', '123456789012.dkr.ecs.eu-west-1.amazonaws.com/app'],
    ['a look-alike domain', '123456789012.dkr.ecr.eu-west-1.amazonaws.com.evil.io/app'],
    ['a China region under .com', '123456789012.dkr.ecr.cn-north-1.amazonaws.com/app'],
    ['another region under .com.cn', '123456789012.dkr.ecr.eu-west-1.amazonaws.com.cn/app'],
    ['a region that is not one', '123456789012.dkr.ecr.nowhere.amazonaws.com/app'],
    ['public ECR without a repository', 'public.ecr.aws/alias'],
    ['an ECR-looking first path component without a registry', 'ecr/app'],
  ])('does not take %s for ECR', (_case, raw) => {
    expect(ecrRegistryOf(parseImageRef(raw))).toBeUndefined();
  });
});

describe('withDigest', () => {
  it('pins the reference and drops the tag, leaving the original alone', () => {
    const ref = Object.freeze(parseImageRef(`${ECR}/app:1`));
    expect(withDigest(ref, SHA)).toEqual({ registry: ECR, repository: 'app', digest: SHA });
    expect(ref).toEqual({ registry: ECR, repository: 'app', tag: '1' });
  });

  it('replaces an earlier digest', () => {
    const other = `sha256:${'f'.repeat(64)}`;
    expect(formatImageRef(withDigest(parseImageRef(`app@${SHA}`), other))).toBe(`app@${other}`);
  });

  it('rejects a malformed digest', () => {
    expect(() => withDigest({ repository: 'app' }, 'sha256:xyz')).toThrow(
      "Image digest 'sha256:xyz' is not valid: a sha256 digest needs exactly 64 lowercase hex digits, got 'xyz'.",
    );
  });
});

describe('withTag', () => {
  it('sets the tag and drops a digest that pinned the old one', () => {
    const ref = Object.freeze(parseImageRef(`app:1@${SHA}`));
    expect(withTag(ref, '2')).toEqual({ repository: 'app', tag: '2' });
    expect(ref.tag).toBe('1');
  });

  it('rejects an invalid tag', () => {
    expect(() => withTag({ repository: 'app' }, '-bad')).toThrow(UserError);
  });
});
