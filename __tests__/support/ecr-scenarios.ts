// ECR replication as scenario-proxy overlays. ECR copies a pushed image to other regions
// or accounts asynchronously; until the copy lands, DescribeImages in the destination
// answers ImageNotFoundException. moto has no replication, so the test pushes the image
// into moto at seed time and these overlays hide it for a while (or for ever).

import { randomUUID } from 'node:crypto';
import type { IncomingHttpHeaders } from 'node:http';
import { TEST_ACCOUNT } from './ecs-fixtures.ts';
import type { ProxyCore, ProxyResponse } from './scenario-proxy-core.ts';
import { jsonResponse, parseJson } from './scenario-proxy-core.ts';

export interface ImageMatch {
  /** Repository name, e.g. 'app' (not the URI). */
  repository: string;
  /** The image by tag, by digest, or both (a lookup by either is then hidden). */
  tag?: string;
  digest?: string;
  /** Only DescribeImages signed for this region (the replication destination); any region when left out. */
  region?: string;
  /** Clock (epoch ms); Date.now by default. The self-test steps it by hand. */
  now?: () => number;
}

export interface ImageScenario {
  /** DescribeImages lookups of this image answered ImageNotFoundException. */
  readonly refused: number;
  /** Lookups of this image passed on to moto (after it appeared). */
  readonly passed: number;
  /** When the image was first looked up (epoch ms); the appearance counts from then. */
  readonly firstAskedAt: number | undefined;
  /** When it was last looked up, refused or not. */
  readonly lastAskedAt: number | undefined;
}

const JSON_CONTENT_TYPE = 'application/x-amz-json-1.1';
export const IMAGE_NOT_FOUND = 'ImageNotFoundException';

/**
 * DescribeImages for the image answers ImageNotFoundException until `afterMs` after it was
 * first looked up, then passes through to moto (push the image there when seeding).
 * Listings of the repository leave the image out for as long as it is hidden.
 */
export function imageAppearsAfter(proxy: ProxyCore, options: ImageMatch & { afterMs: number }): ImageScenario {
  return hideImage(proxy, options, options.afterMs);
}

/** DescribeImages for the image always answers ImageNotFoundException; listings never show it. */
export function imageNeverAppears(proxy: ProxyCore, options: ImageMatch): ImageScenario {
  return hideImage(proxy, options, undefined);
}

interface ImageIdJson {
  imageTag?: string;
  imageDigest?: string;
}

interface DescribeImagesJson {
  registryId?: string;
  repositoryName?: string;
  imageIds?: ImageIdJson[];
}

interface ImageDetailJson {
  imageDigest?: string;
  imageTags?: string[];
  [member: string]: unknown;
}

function hideImage(proxy: ProxyCore, match: ImageMatch, afterMs: number | undefined): ImageScenario {
  if (match.tag === undefined && match.digest === undefined)
    throw new Error('imageAppearsAfter/imageNeverAppears: give a tag or a digest');
  const now = match.now ?? Date.now;
  let refused = 0;
  let passed = 0;
  let firstAskedAt: number | undefined;
  let lastAskedAt: number | undefined;
  const hidden = (at: number): boolean =>
    afterMs === undefined || firstAskedAt === undefined || at < firstAskedAt + afterMs;
  const isOurs = (id: ImageIdJson): boolean =>
    (match.tag !== undefined && id.imageTag === match.tag) ||
    (match.digest !== undefined && id.imageDigest === match.digest);
  const carriesOurs = (detail: ImageDetailJson): boolean =>
    (match.tag !== undefined && (detail.imageTags ?? []).includes(match.tag)) ||
    (match.digest !== undefined && detail.imageDigest === match.digest);

  proxy.overlay('ecr', 'DescribeImages', async (req, next) => {
    const body = (req.call.body ?? {}) as DescribeImagesJson;
    if (body.repositoryName !== match.repository) return next();
    if (match.region !== undefined && regionOf(req.headers) !== match.region) return next();
    const at = now();
    const ids = body.imageIds ?? [];
    const lookup = ids.find(isOurs);
    if (lookup !== undefined) {
      firstAskedAt ??= at;
      lastAskedAt = at;
      if (hidden(at)) {
        refused += 1;
        return imageNotFound(lookup, match.repository, body.registryId ?? TEST_ACCOUNT);
      }
      passed += 1;
      return next();
    }
    // A listing (no imageIds): the image is not there yet either.
    const response = await next();
    if (ids.length > 0 || response.status !== 200 || !hidden(at)) return response;
    const json = parseJson(response.body) as { imageDetails?: ImageDetailJson[] };
    return jsonResponse(response, { ...json, imageDetails: (json.imageDetails ?? []).filter((d) => !carriesOurs(d)) });
  });

  return {
    get refused() {
      return refused;
    },
    get passed() {
      return passed;
    },
    get firstAskedAt() {
      return firstAskedAt;
    },
    get lastAskedAt() {
      return lastAskedAt;
    },
  };
}

/** ECR's answer (JSON 1.1, as moto words it): the SDK reads the name from `__type`. */
export function imageNotFound(id: ImageIdJson, repository: string, registryId: string): ProxyResponse {
  const message =
    `The image with imageId {imageDigest:'${id.imageDigest ?? 'null'}', imageTag:'${id.imageTag ?? 'null'}'} does not exist ` +
    `within the repository with name '${repository}' in the registry with id '${registryId}'`;
  const body = Buffer.from(JSON.stringify({ __type: IMAGE_NOT_FOUND, message }));
  return {
    status: 400,
    headers: {
      'content-type': JSON_CONTENT_TYPE,
      'content-length': String(body.length),
      'x-amzn-requestid': randomUUID(),
    },
    body,
  };
}

function regionOf(headers: IncomingHttpHeaders): string | undefined {
  const authorization = Array.isArray(headers.authorization) ? headers.authorization[0] : headers.authorization;
  return /Credential=[^/]*\/[^/]*\/([^/]+)\//.exec(authorization ?? '')?.[1];
}
