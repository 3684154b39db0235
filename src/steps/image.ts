import type { ECRClient, ImageDetail, ImageIdentifier } from '@aws-sdk/client-ecr';
import { describeImage, describeRepository, listTaggedImages, type RepositoryId } from '../aws/ecr.ts';
import type { StepDeps } from '../deps.ts';
import { AwsCallError, awsErrorName, messageOf, UserError } from '../errors.ts';
import { Input } from '../names.ts';
import { formatDuration } from '../plan/duration.ts';
import { ecrRegistryOf, parseImageRef } from '../plan/image-ref.ts';
import {
  chooseDigest,
  chooseTag,
  type DigestChoice,
  deployReference,
  recentTags,
  repositoryOf,
  type TagChoice,
  type TagSource,
} from '../plan/image-source.ts';
import type { ImageResult } from '../results.ts';
import type { ImageOptions } from '../settings.ts';
import { waitFor } from '../wait.ts';

/** How many tags a "tag not found" error suggests. */
export const RECENT_TAGS_SHOWN = 10;
/** Pages of 1000 images read for those suggestions; a repository may hold far more. */
export const RECENT_TAGS_MAX_PAGES = 5;

/** An ECR private repository, with the client for the region its host names. */
interface EcrTarget {
  client: ECRClient;
  id: RepositoryId;
  region: string;
  /** `host/path`, as the user wrote it. */
  uri: string;
  /** Wait for a missing image to appear (replication) instead of failing at once. */
  wait?: { timeoutMs: number; intervalMs: number };
}

interface Found {
  tag?: string;
  tagSource?: TagSource;
  digest?: string;
  pushedAt?: Date;
}

/** Resolves the one image every other mode of the step deploys: tag, digest, reference. */
export async function resolveImage(options: ImageOptions, deps: StepDeps): Promise<ImageResult> {
  const started = deps.now();
  const ref = parseImageRef(options.image);
  const given = chooseDigest({ imageDigest: ref.digest, inputDigest: options.digest });
  const choice = chooseTag({
    imageTag: ref.tag,
    inputTag: options.tag,
    gitRef: options.git.ref,
    gitSha: options.git.sha,
    hasDigest: given.digest !== undefined,
  });
  const repository = repositoryOf(ref);
  const ecr = ecrRegistryOf(ref);

  const target: EcrTarget | undefined =
    ecr?.kind === 'private'
      ? {
          client: deps.clients.ecr(ecr.region),
          id: { registryId: ecr.accountId, repositoryName: ref.repository },
          region: ecr.region,
          uri: repository,
        }
      : undefined;
  if (options.waitForImage && !target) {
    deps.log.warning(
      `'${Input.waitForImage}' is ignored: '${repository}' is not in an ECR private registry, so whether the image is there cannot be checked.`,
    );
  }
  const found = target
    ? await lookUp({ ...target, wait: options.waitForImage }, choice, given, options.git, deps)
    : unchecked(repository, choice, given, options.git, deps);

  const reference = deployReference({ ref, tag: found.tag, digest: found.digest, pinDigest: options.pinDigest });
  if (options.pinDigest && found.digest === undefined) {
    deps.log.warning(
      `Image '${repository}' is not in an ECR private registry, so its digest cannot be looked up: it is deployed by tag as '${reference}', and a re-pushed tag would not roll out. To pin it, set input '${Input.digest}' (or write @sha256:… in '${Input.image}').`,
    );
  }
  // Unpinned with a tag, deployments name the tag, which may move; by digest nothing can.
  const byTag = !options.pinDigest && found.tag !== undefined;
  const tagMutable = target && byTag ? await checkTagMutability(target, reference, deps) : undefined;

  deps.log.info(
    `Image: ${found.tag === undefined ? 'no tag' : `tag '${found.tag}' (${tagOrigin(found.tagSource, options.git)})`}, digest ${found.digest ?? 'unknown'}; deploying ${reference}`,
  );
  return {
    reference,
    repository,
    ...(found.tag === undefined ? {} : { tag: found.tag, tagSource: found.tagSource }),
    ...(found.digest === undefined ? {} : { digest: found.digest }),
    ...(ecr === undefined ? {} : { ecr }),
    ...(found.pushedAt === undefined ? {} : { pushedAt: found.pushedAt }),
    ...(tagMutable === undefined ? {} : { tagMutable }),
    durationMs: deps.now() - started,
  };
}

/** ECR private: the tag gives the digest; a given digest is checked, and so is its tag. */
async function lookUp(
  target: EcrTarget,
  choice: TagChoice,
  given: DigestChoice,
  git: ImageOptions['git'],
  deps: StepDeps,
): Promise<Found> {
  if (given.digest === undefined) {
    // chooseTag insists on a tag when no digest is given.
    const tag = choice.tag ?? '';
    const image = await findImage(target, { imageTag: tag }, `Tag '${tag}' (${tagOrigin(choice.source, git)})`, deps);
    if (!image.imageDigest) {
      throw new AwsCallError(`DescribeImages for tag '${tag}' in '${target.uri}'`, 'the response had no imageDigest');
    }
    return { tag, tagSource: choice.source, digest: image.imageDigest, pushedAt: image.imagePushedAt };
  }

  const digest = given.digest;
  const image = await findImage(target, { imageDigest: digest }, `Digest '${digest}' (${digestOrigin(given)})`, deps);
  const found: Found = { digest, pushedAt: image.imagePushedAt };
  if (choice.tag === undefined) return found;
  const tags = image.imageTags ?? [];
  if (tags.includes(choice.tag)) return { ...found, tag: choice.tag, tagSource: choice.source };
  const carries = tags.length === 0 ? 'no tags' : `tags ${tags.map((t) => `'${t}'`).join(', ')}`;
  if (isExplicit(choice.source)) {
    throw new UserError(
      `Tag '${choice.tag}' (${tagOrigin(choice.source, git)}) and digest '${digest}' (${digestOrigin(given)}) name different images in '${target.uri}': ECR lists ${carries} for that digest. Give the tag and digest of one image, or only one of them.`,
    );
  }
  deps.log.info(
    `Not reporting tag '${choice.tag}' (${tagOrigin(choice.source, git)}): digest '${digest}' carries ${carries} in ECR.`,
  );
  return found;
}

/** Not ECR private: there is no generic registry API in the AWS SDK clients we carry (ECR Public has its own). */
function unchecked(
  repository: string,
  choice: TagChoice,
  given: DigestChoice,
  git: ImageOptions['git'],
  deps: StepDeps,
): Found {
  if (given.digest !== undefined && choice.tag !== undefined && !isExplicit(choice.source)) {
    deps.log.info(
      `Not reporting tag '${choice.tag}' (${tagOrigin(choice.source, git)}): '${repository}' is not in an ECR private registry, so whether digest '${given.digest}' carries it cannot be checked.`,
    );
    return { digest: given.digest };
  }
  return {
    ...(choice.tag === undefined ? {} : { tag: choice.tag, tagSource: choice.source }),
    ...(given.digest === undefined ? {} : { digest: given.digest }),
  };
}

/**
 * DescribeImages for one image, with not-found errors turned into what the user fixes. With
 * `wait-for-image`, a missing image (or a repository replication has not created yet) is
 * polled for until it appears or the time is up.
 */
async function findImage(
  target: EcrTarget,
  imageId: ImageIdentifier,
  what: string,
  deps: StepDeps,
): Promise<ImageDetail> {
  const { wait } = target;
  if (wait === undefined) return describeOrExplain(target, imageId, what, deps);
  deps.log.info(
    `Waiting up to ${formatDuration(wait.timeoutMs)} for ${what.charAt(0).toLowerCase()}${what.slice(1)} to be in '${target.uri}' (${target.region}).`,
  );
  const started = deps.now();
  const image = await waitFor<ImageDetail>(
    {
      what: `${what.charAt(0).toLowerCase()}${what.slice(1)} to appear in repository '${target.uri}' in region ${target.region} ('${Input.waitForImage}')`,
      intervalMs: wait.intervalMs,
      timeoutMs: wait.timeoutMs,
      onProgress: (state) => deps.log.info(state),
      check: async () => {
        try {
          return { done: true, value: await describeImage(target.client, target.id, imageId) };
        } catch (error) {
          const name = awsErrorName(error);
          if (name === 'ImageNotFoundException' || name === 'RepositoryNotFoundException') {
            return {
              done: false,
              state: `not there yet (${name === 'ImageNotFoundException' ? 'no such image' : 'no such repository'})`,
            };
          }
          throw error;
        }
      },
    },
    deps,
  );
  deps.log.info(`Found it after ${formatDuration(deps.now() - started)}.`);
  return image;
}

async function describeOrExplain(
  target: EcrTarget,
  imageId: ImageIdentifier,
  what: string,
  deps: StepDeps,
): Promise<ImageDetail> {
  try {
    return await describeImage(target.client, target.id, imageId);
  } catch (error) {
    switch (awsErrorName(error)) {
      case 'RepositoryNotFoundException':
        throw new UserError(
          `Repository '${target.id.repositoryName}' was not found in account ${target.id.registryId} in region ${target.region} (image '${target.uri}'): check input '${Input.image}', and that the repository exists there.`,
          { cause: error },
        );
      case 'ImageNotFoundException':
        throw new UserError(
          `${what} was not found in repository '${target.uri}' in region ${target.region}. ${await suggestions(target, deps)}`,
          { cause: error },
        );
      default:
        throw error;
    }
  }
}

/** The most recently pushed tags, so a typo or an unpushed image is obvious at a glance. */
async function suggestions(target: EcrTarget, deps: StepDeps): Promise<string> {
  try {
    const listed = await listTaggedImages(target.client, target.id, RECENT_TAGS_MAX_PAGES);
    const tags = recentTags(listed.images, RECENT_TAGS_SHOWN);
    if (tags.length === 0) return 'The repository has no tagged images: push the image before deploying.';
    const among = listed.complete ? '' : ` (among the first ${listed.images.length} images listed)`;
    return `Most recently pushed tags${among}: ${tags.join(', ')}. Push the image before deploying, or set input '${Input.tag}' or '${Input.digest}' to one that exists.`;
  } catch (error) {
    // The suggestions are a courtesy: the missing image is the error to report.
    deps.log.debug(`Could not list the tags of '${target.uri}': ${messageOf(error)}`);
    return 'Push the image before deploying, or check the tag or digest.';
  }
}

async function checkTagMutability(target: EcrTarget, reference: string, deps: StepDeps): Promise<boolean | undefined> {
  let mutability: string | undefined;
  try {
    mutability = (await describeRepository(target.client, target.id)).imageTagMutability;
  } catch (error) {
    // Only a warning depends on it; a missing ecr:DescribeRepositories permission must not fail the deploy.
    deps.log.info(`Could not check whether tags in '${target.uri}' are immutable: ${messageOf(error)}`);
    return undefined;
  }
  // MUTABLE_WITH_EXCLUSION may or may not cover the tag: treat anything but IMMUTABLE as mutable.
  const mutable = mutability !== 'IMMUTABLE';
  if (mutable) {
    deps.log.warning(
      `Repository '${target.uri}' allows re-pushing tags (${mutability ?? 'MUTABLE'}) and '${Input.pinDigest}' is false: deployments use '${reference}', so a re-pushed tag will not roll out a new revision (and restarted tasks may pull a different image). Set '${Input.pinDigest}: true' to deploy by digest.`,
    );
  }
  return mutable;
}

function isExplicit(source: TagSource | undefined): boolean {
  return source === 'image' || source === 'input';
}

function tagOrigin(source: TagSource | undefined, git: ImageOptions['git']): string {
  switch (source) {
    case 'image':
      return `from input '${Input.image}'`;
    case 'input':
      return `from input '${Input.tag}'`;
    case 'release-ref':
      return `from GITHUB_REF '${git.ref ?? ''}'`;
    case 'commit-sha':
      return `the short commit SHA of GITHUB_SHA '${git.sha ?? ''}'`;
    case undefined:
      return 'no source';
  }
}

function digestOrigin(given: DigestChoice): string {
  return given.source === 'image' ? `from input '${Input.image}'` : `from input '${Input.digest}'`;
}
