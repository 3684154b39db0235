// Where the deployed image's tag and digest come from, and the reference deployments use.
// Pure: the image step feeds in the inputs, the git context and what ECR said.

import { UserError } from '../errors.ts';
import { Input } from '../names.ts';
import { formatImageRef, type ImageRef, isValidTag, withDigest, withTag } from './image-ref.ts';

/** How many characters of GITHUB_SHA make the default tag (as `git rev-parse --short`). */
export const SHORT_SHA_LENGTH = 7;

export type TagSource = 'input' | 'image' | 'release-ref' | 'commit-sha';
export type DigestSource = 'image' | 'input';

const TAG_RULE = "up to 128 letters, digits, '_', '.' and '-', not starting with '.' or '-'";
const SHA256_DIGEST = /^sha256:[0-9a-f]{64}$/;
const GIT_SHA = /^[0-9a-f]+$/i;
const RELEASE_REF_PREFIX = 'refs/tags/';

export function parseTagInput(raw: string): string {
  const tag = raw.trim();
  if (!isValidTag(tag)) {
    throw new UserError(
      `Input '${Input.tag}' ('${raw}') is not an image tag: use ${TAG_RULE}, e.g. v1.2.3 (no repository, no ':').`,
    );
  }
  return tag;
}

export function parseDigestInput(raw: string): string {
  const digest = raw.trim();
  if (!SHA256_DIGEST.test(digest)) {
    throw new UserError(
      `Input '${Input.digest}' ('${raw}') is not an image digest: use 'sha256:' followed by 64 lowercase hex digits, as 'docker buildx imagetools inspect' or ECR show it.`,
    );
  }
  return digest;
}

/**
 * The git tag a release ref names (`refs/tags/v1.2.3` -> `v1.2.3`); undefined for branches,
 * pull requests or no ref. A git tag that cannot be an image tag is a UserError.
 */
export function tagFromGitRef(ref: string | undefined): string | undefined {
  if (ref === undefined || !ref.startsWith(RELEASE_REF_PREFIX)) return undefined;
  const name = ref.slice(RELEASE_REF_PREFIX.length);
  if (!isValidTag(name)) {
    throw new UserError(
      `GITHUB_REF ('${ref}') names git tag '${name}', which is not a valid image tag (${TAG_RULE}): set input '${Input.tag}' to the image tag to deploy.`,
    );
  }
  return name;
}

export interface TagSources {
  /** The tag written in the `image` input. */
  imageTag?: string;
  /** The `tag` input. */
  inputTag?: string;
  /** GITHUB_REF. */
  gitRef?: string;
  /** GITHUB_SHA. */
  gitSha?: string;
  /**
   * A digest is known (from `image` or `digest`): the tag is then optional, so a git ref
   * or SHA that makes no valid tag yields none instead of failing.
   */
  hasDigest?: boolean;
}

export interface TagChoice {
  tag?: string;
  source?: TagSource;
}

/**
 * The first that applies: the tag in `image`, the `tag` input, the release ref's tag name,
 * the short commit SHA. Without a digest some tag is required.
 */
export function chooseTag(sources: TagSources): TagChoice {
  const explicit = imageOrInput('tag', sources.imageTag, sources.inputTag);
  if (explicit) return { tag: explicit.value, source: explicit.source };

  const fromGit = sources.hasDigest === true ? lenient(() => gitTag(sources)) : gitTag(sources);
  if (fromGit !== undefined) return fromGit;
  if (sources.hasDigest === true) return {};
  throw new UserError(
    `Input '${Input.image}' names no tag or digest, and GITHUB_REF ('${sources.gitRef ?? ''}') and GITHUB_SHA ('${sources.gitSha ?? ''}') give none: set input '${Input.tag}' or '${Input.digest}', or write the tag in '${Input.image}'.`,
  );
}

function gitTag(sources: TagSources): TagChoice | undefined {
  const release = tagFromGitRef(sources.gitRef);
  if (release !== undefined) return { tag: release, source: 'release-ref' };
  const sha = sources.gitSha;
  if (sha === undefined || sha === '') return undefined;
  if (sha.length < SHORT_SHA_LENGTH || !GIT_SHA.test(sha)) {
    throw new UserError(
      `GITHUB_SHA ('${sha}') is not a commit SHA, so no image tag can be derived from it: set input '${Input.tag}'.`,
    );
  }
  return { tag: sha.slice(0, SHORT_SHA_LENGTH).toLowerCase(), source: 'commit-sha' };
}

function lenient<T>(fn: () => T): T | undefined {
  try {
    return fn();
  } catch (error) {
    if (error instanceof UserError) return undefined;
    throw error;
  }
}

export interface DigestChoice {
  digest?: string;
  source?: DigestSource;
}

/** The digest in `image`, or the `digest` input; both given must agree. */
export function chooseDigest(sources: { imageDigest?: string; inputDigest?: string }): DigestChoice {
  const explicit = imageOrInput('digest', sources.imageDigest, sources.inputDigest);
  return explicit ? { digest: explicit.value, source: explicit.source } : {};
}

/** The value written in `image`, else the input of that name; both given must agree. */
function imageOrInput(
  name: 'tag' | 'digest',
  inImage: string | undefined,
  inInput: string | undefined,
): { value: string; source: 'image' | 'input' } | undefined {
  if (inImage !== undefined && inInput !== undefined && inImage !== inInput) {
    throw new UserError(
      `Input '${Input.image}' carries ${name} '${inImage}' but input '${Input[name]}' is '${inInput}': give the ${name} in one of them, or make them equal.`,
    );
  }
  if (inImage !== undefined) return { value: inImage, source: 'image' };
  if (inInput !== undefined) return { value: inInput, source: 'input' };
  return undefined;
}

export interface DeployReferenceOptions {
  /** The image's repository; any tag or digest it carries is replaced. */
  ref: ImageRef;
  tag?: string;
  digest?: string;
  pinDigest: boolean;
}

/**
 * `repository@digest` when pinned (so a re-pushed tag still rolls out a new revision),
 * else `repository:tag`; by digest when there is no tag at all.
 */
export function deployReference(options: DeployReferenceOptions): string {
  const { ref, tag, digest } = options;
  if (digest !== undefined && (options.pinDigest || tag === undefined)) {
    return formatImageRef(withDigest(ref, digest));
  }
  if (tag !== undefined) return formatImageRef(withTag(ref, tag));
  throw new UserError(
    `Image '${formatImageRef(ref)}' has neither a tag nor a digest to deploy: set input '${Input.tag}' or '${Input.digest}'.`,
  );
}

/** `host/path` without tag or digest. */
export function repositoryOf(ref: ImageRef): string {
  return formatImageRef({
    ...(ref.registry === undefined ? {} : { registry: ref.registry }),
    repository: ref.repository,
  });
}

/** What recentTags reads of an ECR image (ECR's ImageDetail fits). */
export interface PushedImage {
  imageTags?: string[] | undefined;
  imagePushedAt?: Date | undefined;
}

/** Tags of the most recently pushed images first, at most `limit`; images without a push time last. */
export function recentTags(images: readonly PushedImage[], limit: number): string[] {
  const pushed = (image: PushedImage) => image.imagePushedAt?.getTime() ?? Number.NEGATIVE_INFINITY;
  // Compared, not subtracted: two missing push times would give NaN.
  const newestFirst = [...images].sort((a, b) => (pushed(a) === pushed(b) ? 0 : pushed(a) < pushed(b) ? 1 : -1));
  const tags: string[] = [];
  for (const image of newestFirst) {
    for (const tag of image.imageTags ?? []) {
      if (tags.length >= limit) return tags;
      if (!tags.includes(tag)) tags.push(tag);
    }
  }
  return tags;
}
