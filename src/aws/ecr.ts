import {
  DescribeImagesCommand,
  DescribeRepositoriesCommand,
  type ECRClient,
  type ImageDetail,
  type ImageIdentifier,
  type Repository,
} from '@aws-sdk/client-ecr';
import { AwsCallError } from '../errors.ts';

export interface RepositoryId {
  /** The registry's account id. */
  registryId: string;
  repositoryName: string;
}

/** One image by tag or digest; ECR raises ImageNotFoundException when there is none. */
export async function describeImage(
  ecr: ECRClient,
  repository: RepositoryId,
  imageId: ImageIdentifier,
): Promise<ImageDetail> {
  const what = `DescribeImages for ${imageId.imageDigest === undefined ? `tag '${imageId.imageTag ?? ''}'` : `digest '${imageId.imageDigest}'`} in ${describe(repository)}`;
  try {
    const out = await ecr.send(new DescribeImagesCommand({ ...repository, imageIds: [imageId] }));
    const image = out.imageDetails?.[0];
    if (!image) throw new Error('the response had no imageDetails');
    return image;
  } catch (error) {
    throw new AwsCallError(what, error);
  }
}

export interface TaggedImages {
  images: ImageDetail[];
  /** false when paging stopped at maxPages with more to come. */
  complete: boolean;
}

const PAGE_SIZE = 1000; // the API's maximum

/** Tagged images of a repository, at most maxPages pages of them (a repository may hold many thousands). */
export async function listTaggedImages(
  ecr: ECRClient,
  repository: RepositoryId,
  maxPages: number,
): Promise<TaggedImages> {
  const images: ImageDetail[] = [];
  let nextToken: string | undefined;
  try {
    for (let page = 0; page < maxPages; page++) {
      const out = await ecr.send(
        new DescribeImagesCommand({
          ...repository,
          filter: { tagStatus: 'TAGGED' },
          maxResults: PAGE_SIZE,
          ...(nextToken === undefined ? {} : { nextToken }),
        }),
      );
      images.push(...(out.imageDetails ?? []));
      nextToken = out.nextToken;
      if (nextToken === undefined) return { images, complete: true };
    }
  } catch (error) {
    throw new AwsCallError(`DescribeImages (tagged images) in ${describe(repository)}`, error);
  }
  return { images, complete: false };
}

export async function describeRepository(ecr: ECRClient, repository: RepositoryId): Promise<Repository> {
  try {
    const out = await ecr.send(
      new DescribeRepositoriesCommand({
        registryId: repository.registryId,
        repositoryNames: [repository.repositoryName],
      }),
    );
    const found = out.repositories?.[0];
    if (!found) throw new Error('the response had no repositories');
    return found;
  } catch (error) {
    throw new AwsCallError(`DescribeRepositories for ${describe(repository)}`, error);
  }
}

function describe(repository: RepositoryId): string {
  return `repository '${repository.repositoryName}' of registry ${repository.registryId}`;
}
