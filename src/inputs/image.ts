import { UserError } from '../errors.ts';
import { Input } from '../names.ts';
import { parseImageRef } from '../plan/image-ref.ts';
import { parseDigestInput, parseTagInput } from '../plan/image-source.ts';
import type { ImageOptions, WaitSettings } from '../settings.ts';
import { type Env, type Get, MAX_WAIT_MS, MIN_POLL_MS, parseBoolean, parseBounded } from './parse.ts';

export function readImage(get: Get, env: Env, wait: WaitSettings): ImageOptions {
  const image = get(Input.image);
  if (!image) {
    throw new UserError(
      `Input '${Input.image}' is required for mode 'image' (implied by lambda and parameter): the ECR repository URI, e.g. 123456789012.dkr.ecr.eu-west-1.amazonaws.com/app, optionally with :tag or @sha256:digest.`,
    );
  }
  parseImageRef(image);
  const tag = get(Input.tag);
  const digest = get(Input.digest);
  const waitForImage = get(Input.waitForImage);
  return {
    image,
    tag: tag ? parseTagInput(tag) : undefined,
    digest: digest ? parseDigestInput(digest) : undefined,
    pinDigest: parseBoolean(get(Input.pinDigest), Input.pinDigest),
    git: { ref: env.GITHUB_REF || undefined, sha: env.GITHUB_SHA || undefined },
    ...(waitForImage
      ? {
          waitForImage: {
            timeoutMs: parseBounded(waitForImage, Input.waitForImage, MIN_POLL_MS, MAX_WAIT_MS),
            intervalMs: wait.intervalMs,
          },
        }
      : {}),
  };
}
