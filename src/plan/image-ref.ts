// Docker/OCI image references, following the grammar of distribution/reference
// (the code Docker and containerd use), so we reject what a registry would reject
// before any AWS call, and compare repositories the way Docker resolves them.

import { UserError } from '../errors.ts';
import { Input } from '../names.ts';

export interface ImageRef {
  /** host[:port], only when the reference names one. */
  registry?: string;
  /** Path below the registry, e.g. `library/nginx` or `team/app`. */
  repository: string;
  tag?: string;
  /** `algorithm:hex`, e.g. `sha256:…`. */
  digest?: string;
}

export type EcrRegistry =
  | {
      kind: 'private';
      accountId: string;
      region: string;
      fips: boolean;
      domain: 'amazonaws.com' | 'amazonaws.com.cn';
    }
  | { kind: 'public'; alias: string };

const EXPECTED_FORM = '[host[:port]/]path[:tag][@sha256:digest]';
const PATH_COMPONENT = /^[a-z0-9]+(?:(?:[._]|__|-+)[a-z0-9]+)*$/;
const TAG = /^[\w][\w.-]{0,127}$/;
const DOMAIN_LABEL = /^(?:[a-zA-Z0-9]|[a-zA-Z0-9][a-zA-Z0-9-]*[a-zA-Z0-9])$/;
const IPV6_HOST = /^\[[0-9a-fA-F:.]+\]$/;
const PORT = /^[0-9]+$/;
const DIGEST_ALGORITHM = /^[a-z0-9]+(?:[.+_-][a-z0-9]+)*$/;
// Registries reject anything else for these two; other algorithms only need to look like hex.
const DIGEST_HEX_LENGTH: Readonly<Record<string, number>> = { sha256: 64, sha512: 128 };
const NAME_MAX_LENGTH = 255;

const DOCKER_HUB_HOSTS = new Set(['docker.io', 'index.docker.io']);
const DOCKER_HUB = 'docker.io';
const PRIVATE_ECR_HOST = /^(\d{12})\.dkr\.ecr(-fips)?\.([a-z]{2}(?:-[a-z]+)+-\d+)\.amazonaws\.com(\.cn)?$/;
const PUBLIC_ECR_HOST = 'public.ecr.aws';

/**
 * Parses `[host[:port]/]path[:tag][@algorithm:hex]`. `label` names where the value came
 * from in the error (the action's `image` input unless told otherwise).
 */
export function parseImageRef(raw: string, label = `Input '${Input.image}'`): ImageRef {
  const problem = findProblem(raw);
  if (typeof problem === 'string') {
    throw new UserError(`${label} ('${raw}') is not an image reference: ${problem}; expected ${EXPECTED_FORM}.`);
  }
  return problem;
}

/** Like parseImageRef, for values we only inspect (e.g. images already in a task definition). */
export function tryParseImageRef(raw: string): ImageRef | undefined {
  const result = findProblem(raw);
  return typeof result === 'string' ? undefined : result;
}

export function formatImageRef(ref: ImageRef): string {
  const registry = ref.registry === undefined ? '' : `${ref.registry}/`;
  const tag = ref.tag === undefined ? '' : `:${ref.tag}`;
  const digest = ref.digest === undefined ? '' : `@${ref.digest}`;
  return `${registry}${ref.repository}${tag}${digest}`;
}

/** `host/path` with Docker Hub's implicit host and `library/` spelled out, for comparisons. */
export function repositoryKey(ref: ImageRef): string {
  const host = ref.registry?.toLowerCase();
  if (host === undefined || DOCKER_HUB_HOSTS.has(host)) {
    const path = ref.repository.includes('/') ? ref.repository : `library/${ref.repository}`;
    return `${DOCKER_HUB}/${path}`;
  }
  return `${host}/${ref.repository}`;
}

export function ecrRegistryOf(ref: ImageRef): EcrRegistry | undefined {
  const host = ref.registry?.toLowerCase();
  if (host === undefined) return undefined;
  if (host === PUBLIC_ECR_HOST) {
    const [alias, ...rest] = ref.repository.split('/');
    // public.ecr.aws/<alias>/<repo>: a bare public.ecr.aws/<x> names no repository.
    return alias !== undefined && rest.length > 0 ? { kind: 'public', alias } : undefined;
  }
  const match = PRIVATE_ECR_HOST.exec(host);
  if (match === null) return undefined;
  const [, accountId = '', fips, region = '', china] = match;
  // China regions live only under .com.cn, and every other region only under .com.
  if (region.startsWith('cn-') !== (china !== undefined)) return undefined;
  return {
    kind: 'private',
    accountId,
    region,
    fips: fips !== undefined,
    domain: china === undefined ? 'amazonaws.com' : 'amazonaws.com.cn',
  };
}

/**
 * Pins the reference to a digest. The tag is dropped: ECS documents an image as either
 * `repository:tag` or `repository@digest`, and the digest is what will run.
 */
export function withDigest(ref: ImageRef, digest: string): ImageRef {
  const problem = findDigestProblem(digest);
  if (problem !== undefined) {
    throw new UserError(`Image digest '${digest}' is not valid: ${problem}.`);
  }
  const { tag: _tag, digest: _digest, ...rest } = ref;
  return { ...rest, digest };
}

/** Whether `tag` is a tag registries accept (1-128 of [A-Za-z0-9_.-], not starting with '.' or '-'). */
export function isValidTag(tag: string): boolean {
  return TAG.test(tag);
}

/** Points the reference at a tag; any digest is dropped since it pinned a different name. */
export function withTag(ref: ImageRef, tag: string): ImageRef {
  if (!TAG.test(tag)) {
    throw new UserError(
      `Image tag '${tag}' is not valid: use up to 128 letters, digits, '_', '.' and '-', not starting with '.' or '-'.`,
    );
  }
  const { tag: _tag, digest: _digest, ...rest } = ref;
  return { ...rest, tag };
}

/** Returns the parsed reference, or a description of the first problem found. */
function findProblem(raw: string): ImageRef | string {
  if (raw.length === 0) return 'it is empty';
  if (/\s/.test(raw)) return 'it contains whitespace';

  const at = raw.indexOf('@');
  const namePart = at === -1 ? raw : raw.slice(0, at);
  const digest = at === -1 ? undefined : raw.slice(at + 1);
  if (digest !== undefined) {
    const digestProblem = findDigestProblem(digest);
    if (digestProblem !== undefined) return digestProblem;
  }
  if (namePart.length === 0) return 'the repository path is missing';

  const components = namePart.split('/');
  const first = components[0] ?? '';
  const hasRegistry = components.length > 1 && (first.includes('.') || first.includes(':') || first === 'localhost');
  const registry = hasRegistry ? first : undefined;
  if (registry !== undefined) {
    const registryProblem = findRegistryProblem(registry);
    if (registryProblem !== undefined) return registryProblem;
  }

  const pathComponents = hasRegistry ? components.slice(1) : components;
  const last = pathComponents.pop() ?? '';
  const colon = last.indexOf(':');
  const lastName = colon === -1 ? last : last.slice(0, colon);
  const tag = colon === -1 ? undefined : last.slice(colon + 1);
  pathComponents.push(lastName);

  for (const component of pathComponents) {
    if (component.length === 0) {
      return pathComponents.length === 1 && tag !== undefined
        ? 'the repository path is missing before the tag'
        : "it has an empty path component (a leading, trailing or doubled '/')";
    }
    if (!PATH_COMPONENT.test(component)) {
      return /[A-Z]/.test(component)
        ? `path component '${component}' has uppercase letters (repository paths are lowercase)`
        : `path component '${component}' may only hold lowercase letters and digits separated by '.', '_', '__' or '-'`;
    }
  }
  if (tag !== undefined) {
    if (tag.length === 0) return "the tag after ':' is empty";
    if (!TAG.test(tag)) {
      return `tag '${tag}' must be 1-128 letters, digits, '_', '.' or '-', not starting with '.' or '-'`;
    }
  }
  const repository = pathComponents.join('/');
  const nameLength = (registry === undefined ? 0 : registry.length + 1) + repository.length;
  if (nameLength > NAME_MAX_LENGTH) {
    return `the name is ${nameLength} characters long, more than ${NAME_MAX_LENGTH}`;
  }

  const ref: ImageRef = { repository };
  if (registry !== undefined) ref.registry = registry;
  if (tag !== undefined) ref.tag = tag;
  if (digest !== undefined) ref.digest = digest;
  return ref;
}

function findRegistryProblem(registry: string): string | undefined {
  // An IPv6 host is bracketed and full of colons, so the port follows the ']'.
  const bracketed = /^(\[[^\]]*\])(?::(.*))?$/.exec(registry);
  let host: string;
  let port: string | undefined;
  if (bracketed !== null) {
    host = bracketed[1] ?? '';
    port = bracketed[2];
    if (!IPV6_HOST.test(host)) return `registry host '${host}' is not an IPv6 address`;
  } else {
    const colon = registry.indexOf(':');
    host = colon === -1 ? registry : registry.slice(0, colon);
    port = colon === -1 ? undefined : registry.slice(colon + 1);
    if (!host.split('.').every((label) => DOMAIN_LABEL.test(label))) {
      return `registry host '${host}' is not a host name`;
    }
  }
  if (port !== undefined && !PORT.test(port)) return `registry port '${port}' is not a number`;
  return undefined;
}

function findDigestProblem(digest: string): string | undefined {
  const colon = digest.indexOf(':');
  if (colon === -1) return `digest '${digest}' has no algorithm (use sha256:<64 hex digits>)`;
  const algorithm = digest.slice(0, colon);
  const hex = digest.slice(colon + 1);
  if (!DIGEST_ALGORITHM.test(algorithm)) return `digest algorithm '${algorithm}' is not valid`;
  const length = DIGEST_HEX_LENGTH[algorithm];
  if (length !== undefined) {
    if (!/^[0-9a-f]*$/.test(hex) || hex.length !== length) {
      return `a ${algorithm} digest needs exactly ${length} lowercase hex digits, got '${hex}'`;
    }
    return undefined;
  }
  if (!/^[0-9a-fA-F]{32,}$/.test(hex)) return `digest '${digest}' needs at least 32 hex digits`;
  return undefined;
}
