import {
  DescribeImagesCommand,
  type DescribeImagesCommandInput,
  DescribeRepositoriesCommand,
  ECRClient,
  type ImageDetail,
  ImageNotFoundException,
  RepositoryNotFoundException,
} from '@aws-sdk/client-ecr';
import { mockClient } from 'aws-sdk-client-mock';
import { afterEach, describe, expect, it } from 'vitest';
import { AwsCallError, UserError } from '../../../src/errors.ts';
import type { ImageResult } from '../../../src/results.ts';
import type { ImageOptions } from '../../../src/settings.ts';
import { resolveImage } from '../../../src/steps/image.ts';
import { fakeClients } from '../../support/fake-clients.ts';
import { fakeDeps } from '../../support/fake-deps.ts';

// The step runs against a real ECRClient whose `send` is stubbed by aws-sdk-client-mock;
// a command no test set up fails loudly. The deploy region of fakeClients' other clients
// is us-east-1; images live in ap-northeast-1 unless a test says otherwise.

const ACCOUNT = '123456789012';
const IMAGE_REGION = 'ap-northeast-1';
const HOST = `${ACCOUNT}.dkr.ecr.${IMAGE_REGION}.amazonaws.com`;
const REPOSITORY = `${HOST}/team/app`;
const DIGEST = `sha256:${'ab'.repeat(32)}`;
const OTHER_DIGEST = `sha256:${'cd'.repeat(32)}`;
const SHA = '0123456789abcdef0123456789abcdef01234567';
const PUSHED = new Date('2025-06-01T10:00:00.000Z');
const BRANCH = { ref: 'refs/heads/main', sha: SHA };

const restores: (() => void)[] = [];
afterEach(() => {
  for (const restore of restores.splice(0)) restore();
});

function world() {
  const ecr = new ECRClient({
    region: 'us-east-1',
    credentials: { accessKeyId: 'a', secretAccessKey: 'b' },
    maxAttempts: 1,
  });
  const mock = mockClient(ecr);
  restores.push(() => mock.restore());
  mock.onAnyCommand().callsFake(async (input: unknown) => {
    throw new Error(`a command with ${JSON.stringify(input)} was sent but this test did not expect it`);
  });

  const clients = fakeClients({ ecr });
  const fake = fakeDeps(clients);
  const { deps, log } = fake;

  return {
    mock,
    deps,
    log,
    ecrRegions: clients.ecrRegions,
    warnings: () => log.filter((l) => l.level === 'warning').map((l) => l.message),
    infos: () => log.filter((l) => l.level === 'info').map((l) => l.message),
    /** DescribeImages for this tag answers with this image. */
    tagged(tag: string, image: ImageDetail) {
      mock.on(DescribeImagesCommand, { imageIds: [{ imageTag: tag }] }).resolves({ imageDetails: [image] });
    },
    /** DescribeImages for this digest answers with this image. */
    withDigest(digest: string, image: ImageDetail) {
      mock.on(DescribeImagesCommand, { imageIds: [{ imageDigest: digest }] }).resolves({ imageDetails: [image] });
    },
    missingTag(tag: string) {
      mock.on(DescribeImagesCommand, { imageIds: [{ imageTag: tag }] }).rejects(
        new ImageNotFoundException({
          message: `The image with imageId {imageTag:'${tag}'} does not exist`,
          $metadata: {},
        }),
      );
    },
    mutability(value: string) {
      mock
        .on(DescribeRepositoriesCommand)
        .resolves({ repositories: [{ repositoryName: 'team/app', imageTagMutability: value as 'MUTABLE' }] });
    },
    sent: {
      describeImages: () => mock.commandCalls(DescribeImagesCommand).map((call) => call.args[0].input),
      describeRepositories: () => mock.commandCalls(DescribeRepositoriesCommand).map((call) => call.args[0].input),
    },
  };
}

function optionsFor(overrides: Partial<ImageOptions> = {}): ImageOptions {
  return { image: REPOSITORY, pinDigest: true, git: BRANCH, ...overrides };
}

function anImage(overrides: Partial<ImageDetail> = {}): ImageDetail {
  return {
    registryId: ACCOUNT,
    repositoryName: 'team/app',
    imageDigest: DIGEST,
    imageTags: ['v1.2.3', '0123456'],
    imagePushedAt: PUSHED,
    ...overrides,
  };
}

async function rejection(w: ReturnType<typeof world>, options: ImageOptions): Promise<Error> {
  const error: unknown = await resolveImage(options, w.deps).then(
    () => new Error('resolveImage resolved'),
    (e: unknown) => e,
  );
  if (!(error instanceof Error)) throw new Error(`resolveImage threw a non-error: ${String(error)}`);
  return error;
}

function withoutDuration(result: ImageResult): Omit<ImageResult, 'durationMs'> {
  const { durationMs: _durationMs, ...rest } = result;
  return rest;
}

describe('resolveImage in an ECR private registry', () => {
  it('looks the tag up in the registry account and the region its host names, and pins the digest', async () => {
    const w = world();
    w.tagged('v1.2.3', anImage());

    const result = await resolveImage(optionsFor({ image: `${REPOSITORY}:v1.2.3` }), w.deps);

    expect(w.ecrRegions).toEqual([IMAGE_REGION]);
    expect(w.sent.describeImages()).toEqual([
      { registryId: ACCOUNT, repositoryName: 'team/app', imageIds: [{ imageTag: 'v1.2.3' }] },
    ]);
    expect(withoutDuration(result)).toEqual({
      reference: `${REPOSITORY}@${DIGEST}`,
      repository: REPOSITORY,
      tag: 'v1.2.3',
      tagSource: 'image',
      digest: DIGEST,
      pushedAt: PUSHED,
      ecr: { kind: 'private', accountId: ACCOUNT, region: IMAGE_REGION, fips: false, domain: 'amazonaws.com' },
    });
    expect(w.sent.describeRepositories()).toEqual([]);
    expect(w.warnings()).toEqual([]);
    expect(w.infos()).toEqual([
      `Image: tag 'v1.2.3' (from input 'image'), digest ${DIGEST}; deploying ${REPOSITORY}@${DIGEST}`,
    ]);
  });

  it.each<[string, Partial<ImageOptions>, string, ImageResult['tagSource']]>([
    ['the tag input', { tag: 'v1.2.3' }, 'v1.2.3', 'input'],
    ['a release ref', { git: { ref: 'refs/tags/v2.0.0', sha: SHA } }, 'v2.0.0', 'release-ref'],
    ['a branch: the short commit SHA', { git: BRANCH }, '0123456', 'commit-sha'],
    ['a pull request: the short commit SHA', { git: { ref: 'refs/pull/1/merge', sha: SHA } }, '0123456', 'commit-sha'],
  ])('takes the tag from %s', async (_, options, tag, source) => {
    const w = world();
    w.tagged(tag, anImage({ imageTags: [tag] }));

    const result = await resolveImage(optionsFor(options), w.deps);

    expect(w.sent.describeImages()).toEqual([
      { registryId: ACCOUNT, repositoryName: 'team/app', imageIds: [{ imageTag: tag }] },
    ]);
    expect(result).toMatchObject({ tag, tagSource: source, digest: DIGEST, reference: `${REPOSITORY}@${DIGEST}` });
  });

  it('asks ECR in cn-north-1 for an image in a China registry', async () => {
    const w = world();
    w.tagged('v1', anImage());
    const image = `${ACCOUNT}.dkr.ecr.cn-north-1.amazonaws.com.cn/app:v1`;

    const result = await resolveImage(optionsFor({ image }), w.deps);

    expect(w.ecrRegions).toEqual(['cn-north-1']);
    expect(w.sent.describeImages()).toEqual([
      { registryId: ACCOUNT, repositoryName: 'app', imageIds: [{ imageTag: 'v1' }] },
    ]);
    expect(result.reference).toBe(`${ACCOUNT}.dkr.ecr.cn-north-1.amazonaws.com.cn/app@${DIGEST}`);
    expect(result.ecr).toEqual({
      kind: 'private',
      accountId: ACCOUNT,
      region: 'cn-north-1',
      fips: false,
      domain: 'amazonaws.com.cn',
    });
  });

  it('asks ECR in the region a FIPS host names', async () => {
    const w = world();
    w.tagged('v1', anImage());

    await resolveImage(optionsFor({ image: `210987654321.dkr.ecr-fips.us-gov-west-1.amazonaws.com/app:v1` }), w.deps);

    expect(w.ecrRegions).toEqual(['us-gov-west-1']);
    expect(w.sent.describeImages()).toEqual([
      { registryId: '210987654321', repositoryName: 'app', imageIds: [{ imageTag: 'v1' }] },
    ]);
  });
});

describe('resolveImage with a digest given', () => {
  it('checks the digest exists and looks no tag up', async () => {
    const w = world();
    w.withDigest(DIGEST, anImage({ imageTags: ['v9'] }));

    const result = await resolveImage(optionsFor({ digest: DIGEST }), w.deps);

    expect(w.sent.describeImages()).toEqual([
      { registryId: ACCOUNT, repositoryName: 'team/app', imageIds: [{ imageDigest: DIGEST }] },
    ]);
    expect(result.reference).toBe(`${REPOSITORY}@${DIGEST}`);
    expect(result.digest).toBe(DIGEST);
    expect(result.pushedAt).toEqual(PUSHED);
  });

  it('keeps the commit SHA as the tag when ECR lists it for the digest', async () => {
    const w = world();
    w.withDigest(DIGEST, anImage({ imageTags: ['latest', '0123456'] }));

    const result = await resolveImage(optionsFor({ digest: DIGEST }), w.deps);

    expect(result).toMatchObject({ tag: '0123456', tagSource: 'commit-sha', digest: DIGEST });
  });

  it('leaves the tag undefined, and says why, when the digest does not carry the git-derived tag', async () => {
    const w = world();
    w.withDigest(DIGEST, anImage({ imageTags: ['v9'] }));

    const result = await resolveImage(
      optionsFor({ digest: DIGEST, git: { ref: 'refs/tags/v2.0.0', sha: SHA } }),
      w.deps,
    );

    expect(result.tag).toBeUndefined();
    expect(result.tagSource).toBeUndefined();
    expect(w.infos()).toContain(
      `Not reporting tag 'v2.0.0' (from GITHUB_REF 'refs/tags/v2.0.0'): digest '${DIGEST}' carries tags 'v9' in ECR.`,
    );
    expect(w.infos()).toContain(`Image: no tag, digest ${DIGEST}; deploying ${REPOSITORY}@${DIGEST}`);
  });

  it('ignores a release ref that makes no image tag when the digest is known', async () => {
    const w = world();
    w.withDigest(DIGEST, anImage());

    const result = await resolveImage(
      optionsFor({ digest: DIGEST, git: { ref: 'refs/tags/release/1.0', sha: SHA } }),
      w.deps,
    );

    expect(result.tag).toBeUndefined();
    expect(result.reference).toBe(`${REPOSITORY}@${DIGEST}`);
  });

  it('checks that an explicit tag names the same image as the digest', async () => {
    const w = world();
    w.withDigest(DIGEST, anImage({ imageTags: ['v1.2.3'] }));

    const result = await resolveImage(optionsFor({ image: `${REPOSITORY}:v1.2.3@${DIGEST}` }), w.deps);

    expect(w.sent.describeImages()).toEqual([
      { registryId: ACCOUNT, repositoryName: 'team/app', imageIds: [{ imageDigest: DIGEST }] },
    ]);
    expect(result).toMatchObject({
      tag: 'v1.2.3',
      tagSource: 'image',
      digest: DIGEST,
      reference: `${REPOSITORY}@${DIGEST}`,
    });
  });

  it('rejects an explicit tag that ECR does not list for the digest, naming both', async () => {
    const w = world();
    w.withDigest(DIGEST, anImage({ imageTags: ['v1.2.2', 'stable'] }));

    const error = await rejection(w, optionsFor({ tag: 'v1.2.3', digest: DIGEST }));

    expect(error).toBeInstanceOf(UserError);
    expect(error.message).toBe(
      `Tag 'v1.2.3' (from input 'tag') and digest '${DIGEST}' (from input 'digest') name different images in '${REPOSITORY}': ECR lists tags 'v1.2.2', 'stable' for that digest. Give the tag and digest of one image, or only one of them.`,
    );
  });

  it('rejects a digest ECR does not have', async () => {
    const w = world();
    w.mock
      .on(DescribeImagesCommand, { imageIds: [{ imageDigest: OTHER_DIGEST }] })
      .rejects(new ImageNotFoundException({ message: 'not found', $metadata: {} }));
    w.mock
      .on(DescribeImagesCommand, { filter: { tagStatus: 'TAGGED' } })
      .resolves({ imageDetails: [anImage({ imageTags: ['v1'] })] });

    const error = await rejection(w, optionsFor({ image: `${REPOSITORY}@${OTHER_DIGEST}` }));

    expect(error).toBeInstanceOf(UserError);
    expect(error.message).toContain(
      `Digest '${OTHER_DIGEST}' (from input 'image') was not found in repository '${REPOSITORY}' in region ${IMAGE_REGION}.`,
    );
  });

  it('rejects two different digests before any call', async () => {
    const w = world();

    const error = await rejection(w, optionsFor({ image: `${REPOSITORY}@${DIGEST}`, digest: OTHER_DIGEST }));

    expect(error.message).toContain(`carries digest '${DIGEST}' but input 'digest' is '${OTHER_DIGEST}'`);
    expect(w.mock.calls()).toHaveLength(0);
  });
});

describe('resolveImage when ECR has no such image or repository', () => {
  function at(day: number): Date {
    return new Date(Date.UTC(2025, 0, day));
  }

  it('names the repository and region and lists the most recently pushed tags, newest first', async () => {
    const w = world();
    w.missingTag('v1.2.4');
    const page1 = [
      anImage({ imageTags: ['v1.0.0'], imagePushedAt: at(1) }),
      anImage({ imageTags: ['v1.2.3', 'stable'], imagePushedAt: at(20) }),
      ...Array.from({ length: 6 }, (_, i) => anImage({ imageTags: [`old-${i}`], imagePushedAt: at(2 + i) })),
    ];
    const page2 = [
      anImage({ imageTags: ['v1.2.2'], imagePushedAt: at(15) }),
      anImage({ imageTags: ['v1.1.0'], imagePushedAt: at(10) }),
    ];
    w.mock
      .on(DescribeImagesCommand, { filter: { tagStatus: 'TAGGED' } })
      .resolvesOnce({ imageDetails: page1, nextToken: 'page-2' })
      .resolvesOnce({ imageDetails: page2 });

    const error = await rejection(w, optionsFor({ tag: 'v1.2.4' }));

    expect(error).toBeInstanceOf(UserError);
    expect(error.message).toBe(
      `Tag 'v1.2.4' (from input 'tag') was not found in repository '${REPOSITORY}' in region ${IMAGE_REGION}. ` +
        `Most recently pushed tags: v1.2.3, stable, v1.2.2, v1.1.0, old-5, old-4, old-3, old-2, old-1, old-0. ` +
        `Push the image before deploying, or set input 'tag' or 'digest' to one that exists.`,
    );
    const listings = w.sent.describeImages().filter((input) => input.imageIds === undefined);
    expect(listings).toEqual<DescribeImagesCommandInput[]>([
      { registryId: ACCOUNT, repositoryName: 'team/app', filter: { tagStatus: 'TAGGED' }, maxResults: 1000 },
      {
        registryId: ACCOUNT,
        repositoryName: 'team/app',
        filter: { tagStatus: 'TAGGED' },
        maxResults: 1000,
        nextToken: 'page-2',
      },
    ]);
  });

  it('stops paging after a bounded number of pages and says the list is partial', async () => {
    const w = world();
    w.missingTag('0123456');
    w.mock
      .on(DescribeImagesCommand, { filter: { tagStatus: 'TAGGED' } })
      .resolves({ imageDetails: [anImage({ imageTags: ['v1'] })], nextToken: 'more' });

    const error = await rejection(w, optionsFor());

    expect(w.sent.describeImages().filter((input) => input.imageIds === undefined)).toHaveLength(5);
    expect(error.message).toContain(`Tag '0123456' (the short commit SHA of GITHUB_SHA '${SHA}') was not found`);
    expect(error.message).toContain('Most recently pushed tags (among the first 5 images listed): v1.');
  });

  it('says the repository has no tagged images', async () => {
    const w = world();
    w.missingTag('v1');
    w.mock.on(DescribeImagesCommand, { filter: { tagStatus: 'TAGGED' } }).resolves({ imageDetails: [] });

    const error = await rejection(w, optionsFor({ image: `${REPOSITORY}:v1` }));

    expect(error.message).toContain('The repository has no tagged images: push the image before deploying.');
  });

  it('still reports the missing tag when listing the tags fails', async () => {
    const w = world();
    w.missingTag('v1');
    w.mock.on(DescribeImagesCommand, { filter: { tagStatus: 'TAGGED' } }).rejects(new Error('AccessDenied'));

    const error = await rejection(w, optionsFor({ image: `${REPOSITORY}:v1` }));

    expect(error).toBeInstanceOf(UserError);
    expect(error.message).toBe(
      `Tag 'v1' (from input 'image') was not found in repository '${REPOSITORY}' in region ${IMAGE_REGION}. Push the image before deploying, or check the tag or digest.`,
    );
  });

  it('names a missing repository, the account and the region', async () => {
    const w = world();
    w.mock
      .on(DescribeImagesCommand)
      .rejects(new RepositoryNotFoundException({ message: 'does not exist', $metadata: {} }));

    const error = await rejection(w, optionsFor({ image: `${REPOSITORY}:v1` }));

    expect(error).toBeInstanceOf(UserError);
    expect(error.message).toBe(
      `Repository 'team/app' was not found in account ${ACCOUNT} in region ${IMAGE_REGION} (image '${REPOSITORY}'): check input 'image', and that the repository exists there.`,
    );
  });

  it('passes other AWS errors on, naming the call', async () => {
    const w = world();
    const denied = new Error('User is not authorized to perform: ecr:DescribeImages');
    denied.name = 'AccessDeniedException';
    w.mock.on(DescribeImagesCommand).rejects(denied);

    const error = await rejection(w, optionsFor({ image: `${REPOSITORY}:v1` }));

    expect(error).toBeInstanceOf(AwsCallError);
    expect(error.message).toBe(
      `DescribeImages for tag 'v1' in repository 'team/app' of registry ${ACCOUNT} failed: User is not authorized to perform: ecr:DescribeImages`,
    );
  });
});

describe('resolveImage outside ECR private registries', () => {
  it.each([
    ['Docker Hub', 'nginx:1.27', 'nginx'],
    ['ECR Public', 'public.ecr.aws/nginx/nginx:stable', 'public.ecr.aws/nginx/nginx'],
    ['a registry with a port', 'registry.example.com:5000/team/app:v1', 'registry.example.com:5000/team/app'],
  ])('deploys %s by tag without calling ECR, warning that it is not pinned', async (_, image, repository) => {
    const w = world();

    const result = await resolveImage(optionsFor({ image }), w.deps);

    expect(w.ecrRegions).toEqual([]);
    expect(w.mock.calls()).toHaveLength(0);
    expect(result.reference).toBe(image);
    expect(result.repository).toBe(repository);
    expect(result.digest).toBeUndefined();
    expect(w.warnings()).toEqual([
      `Image '${repository}' is not in an ECR private registry, so its digest cannot be looked up: it is deployed by tag as '${image}', and a re-pushed tag would not roll out. To pin it, set input 'digest' (or write @sha256:… in 'image').`,
    ]);
  });

  it('does not warn when pinning is off', async () => {
    const w = world();

    const result = await resolveImage(optionsFor({ image: 'nginx:1.27', pinDigest: false }), w.deps);

    expect(result.reference).toBe('nginx:1.27');
    expect(w.warnings()).toEqual([]);
    expect(w.mock.calls()).toHaveLength(0);
  });

  it('pins a given digest without checking it, and reports no unverifiable git tag', async () => {
    const w = world();

    const result = await resolveImage(optionsFor({ image: 'nginx', digest: DIGEST }), w.deps);

    expect(w.mock.calls()).toHaveLength(0);
    expect(result).toMatchObject({ reference: `nginx@${DIGEST}`, digest: DIGEST });
    expect(result.tag).toBeUndefined();
    expect(w.warnings()).toEqual([]);
  });
});

describe('resolveImage with pin-digest off', () => {
  it.each([
    ['MUTABLE', true],
    ['MUTABLE_WITH_EXCLUSION', true],
  ])('warns that a re-pushed tag will not roll out when the repository is %s', async (mutability, mutable) => {
    const w = world();
    w.tagged('v1', anImage());
    w.mutability(mutability);

    const result = await resolveImage(optionsFor({ image: `${REPOSITORY}:v1`, pinDigest: false }), w.deps);

    expect(w.sent.describeRepositories()).toEqual([{ registryId: ACCOUNT, repositoryNames: ['team/app'] }]);
    expect(result).toMatchObject({ reference: `${REPOSITORY}:v1`, tag: 'v1', digest: DIGEST, tagMutable: mutable });
    expect(w.warnings()).toHaveLength(1);
    expect(w.warnings()[0]).toContain(
      `Repository '${REPOSITORY}' allows re-pushing tags (${mutability}) and 'pin-digest' is false`,
    );
    expect(w.warnings()[0]).toContain("Set 'pin-digest: true'");
  });

  it('does not warn when the repository is IMMUTABLE', async () => {
    const w = world();
    w.tagged('v1', anImage());
    w.mutability('IMMUTABLE');

    const result = await resolveImage(optionsFor({ image: `${REPOSITORY}:v1`, pinDigest: false }), w.deps);

    expect(w.sent.describeRepositories()).toHaveLength(1);
    expect(result.tagMutable).toBe(false);
    expect(w.warnings()).toEqual([]);
  });

  it('deploys by digest with no mutability check when there is no tag', async () => {
    const w = world();
    w.withDigest(DIGEST, anImage({ imageTags: [] }));

    const result = await resolveImage(optionsFor({ digest: DIGEST, pinDigest: false }), w.deps);

    expect(result.reference).toBe(`${REPOSITORY}@${DIGEST}`);
    expect(w.sent.describeRepositories()).toEqual([]);
    expect(result.tagMutable).toBeUndefined();
  });

  it('goes on without the check when DescribeRepositories fails', async () => {
    const w = world();
    w.tagged('v1', anImage());
    w.mock.on(DescribeRepositoriesCommand).rejects(new Error('not authorized to perform: ecr:DescribeRepositories'));

    const result = await resolveImage(optionsFor({ image: `${REPOSITORY}:v1`, pinDigest: false }), w.deps);

    expect(result.reference).toBe(`${REPOSITORY}:v1`);
    expect(result.tagMutable).toBeUndefined();
    expect(
      w.infos().some((line) => line.startsWith(`Could not check whether tags in '${REPOSITORY}' are immutable`)),
    ).toBe(true);
  });

  it('sends no DescribeRepositories when pinning is on', async () => {
    const w = world();
    w.tagged('v1', anImage());
    w.mutability('MUTABLE');

    const result = await resolveImage(optionsFor({ image: `${REPOSITORY}:v1`, pinDigest: true }), w.deps);

    expect(w.sent.describeRepositories()).toEqual([]);
    expect(result.tagMutable).toBeUndefined();
    expect(w.warnings()).toEqual([]);
  });
});

describe('resolveImage refuses bad tag sources before any call', () => {
  it.each<[string, Partial<ImageOptions>, string]>([
    [
      'an image tag and a different tag input',
      { image: `${REPOSITORY}:v1`, tag: 'v2' },
      "Input 'image' carries tag 'v1' but input 'tag' is 'v2'",
    ],
    [
      'a release ref that is no image tag',
      { git: { ref: 'refs/tags/release/1.0', sha: SHA } },
      "GITHUB_REF ('refs/tags/release/1.0') names git tag 'release/1.0'",
    ],
    ['no tag, digest, ref or SHA', { git: {} }, "set input 'tag' or 'digest'"],
  ])('rejects %s', async (_, options, message) => {
    const w = world();

    const error = await rejection(w, optionsFor(options));

    expect(error).toBeInstanceOf(UserError);
    expect(error.message).toContain(message);
    expect(w.mock.calls()).toHaveLength(0);
  });
});

describe('resolveImage with wait-for-image (replication)', () => {
  const WAIT = { timeoutMs: 60_000, intervalMs: 5000 };

  it('polls until the tag appears, then resolves it as usual', async () => {
    const w = world();
    const notFound = new ImageNotFoundException({ message: 'not found', $metadata: {} });
    const missingRepo = new RepositoryNotFoundException({ message: 'no repository', $metadata: {} });
    w.mock
      .on(DescribeImagesCommand, { imageIds: [{ imageTag: 'v1.2.3' }] })
      .rejectsOnce(missingRepo)
      .rejectsOnce(notFound)
      .resolves({ imageDetails: [anImage()] });

    const result = await resolveImage(optionsFor({ image: `${REPOSITORY}:v1.2.3`, waitForImage: WAIT }), w.deps);

    expect(result.reference).toBe(`${REPOSITORY}@${DIGEST}`);
    expect(w.sent.describeImages()).toHaveLength(3);
    expect(w.infos()).toContain('not there yet (no such repository)');
    expect(w.infos()).toContain('not there yet (no such image)');
    expect(w.infos()).toContain('Found it after 10s.');
  });

  it('fails at the timeout naming what it looked for, the repository and the region', async () => {
    const w = world();
    w.missingTag('v1.2.3');

    const error = await rejection(
      w,
      optionsFor({ image: `${REPOSITORY}:v1.2.3`, waitForImage: { timeoutMs: 12_000, intervalMs: 5000 } }),
    );

    expect(error).toBeInstanceOf(UserError);
    expect(error.message).toContain('Timed out after 12s waiting for');
    expect(error.message).toContain("tag 'v1.2.3'");
    expect(error.message).toContain(`repository '${REPOSITORY}' in region ${IMAGE_REGION}`);
    expect(w.sent.describeImages()).toHaveLength(4);
  });

  it('does not wait out other errors', async () => {
    const w = world();
    w.mock.on(DescribeImagesCommand).rejects(Object.assign(new Error('denied'), { name: 'AccessDeniedException' }));

    const error = await rejection(w, optionsFor({ image: `${REPOSITORY}:v1.2.3`, waitForImage: WAIT }));

    expect(error.message).toContain('denied');
    expect(w.sent.describeImages()).toHaveLength(1);
  });

  it('warns that it cannot wait for an image outside ECR private', async () => {
    const w = world();

    await resolveImage(optionsFor({ image: 'nginx:1.27', waitForImage: WAIT }), w.deps);

    expect(w.warnings().some((m) => m.includes("'wait-for-image' is ignored"))).toBe(true);
    expect(w.mock.calls()).toHaveLength(0);
  });
});
