// Lambda decisions: whether Lambda can run the image, and what a function needs (nothing,
// a code update, a version, an alias move).

import type { AliasConfiguration, FunctionCodeLocation, FunctionConfiguration } from '@aws-sdk/client-lambda';
import { UserError } from '../errors.ts';
import { Input } from '../names.ts';
import type { ResolvedImage } from './resolved-image.ts';

/**
 * Lambda runs container images only from ECR private repositories in the function's own
 * region (another account is fine), and we verify a deploy by digest, so it must be known.
 */
export function checkLambdaImage(image: ResolvedImage, region: string): void {
  const label = `Input '${Input.image}' ('${image.reference}')`;
  const fix = `push or replicate it to an ECR private repository in '${region}' (<account>.dkr.ecr.${region}.amazonaws.com/<repository>) and deploy that.`;
  const { ecr } = image;
  if (ecr === undefined)
    throw new UserError(
      `${label} is not in Amazon ECR: Lambda runs container images only from ECR private repositories; ${fix}`,
    );
  if (ecr.kind === 'public')
    throw new UserError(`${label} is in ECR Public: Lambda does not run images from ECR Public; ${fix}`);
  if (ecr.region !== region) {
    throw new UserError(
      `${label} is in ECR region '${ecr.region}', but the functions are in '${region}': Lambda only runs images from its own region; ${fix}`,
    );
  }
  if (image.digest === undefined) {
    throw new UserError(
      `${label} has no known digest: image-deploy verifies a Lambda deploy by digest; give '${Input.digest}' or let the image mode look it up in ECR.`,
    );
  }
}

/**
 * The digest after the last '@' of an image URI. Lambda reports `repo@sha256:<hex>`; moto
 * reports `repo@sha256@sha256:<hex>` for images given by digest.
 */
export function digestOfImageUri(uri: string): string | undefined {
  const at = uri.lastIndexOf('@');
  if (at === -1) return undefined;
  const digest = uri.slice(at + 1);
  return /^[a-z0-9]+:[0-9a-fA-F]+$/.test(digest) ? digest : undefined;
}

// --- Deciding what a function needs ------------------------------------------------------

export interface FunctionSnapshot {
  configuration: FunctionConfiguration;
  code: FunctionCodeLocation;
}

export interface AliasSnapshot {
  alias: AliasConfiguration;
  /** CodeSha256 of the version the alias points at; undefined when it points at $LATEST. */
  versionCodeSha256?: string;
}

export interface LambdaDecisionInput {
  function: FunctionSnapshot;
  target: { reference: string; digest: string };
  /** Publish a version after an update (true whenever an alias is wanted). */
  publish: boolean;
  /** The alias to point at the new code; `current` is undefined when it does not exist yet. */
  alias?: { name: string; current?: AliasSnapshot };
}

export interface LambdaDecision {
  /** Runs the target digest and the alias (if wanted) already points at that code. */
  skip: boolean;
  /** An update is in flight: wait for it, read the function again and decide again. */
  waitFirst: boolean;
  updateCode: boolean;
  publish: boolean;
  /** Move (`current` set) or create (`current` undefined) the alias. */
  alias?: { name: string; current?: AliasConfiguration };
  /** Readable lines of what would change, for the log and the dry-run plan. */
  changes: string[];
}

/** `repository@digest` the function runs, else the ImageUri it was given. */
export function runningImage(snapshot: FunctionSnapshot): string | undefined {
  const resolved = snapshot.code.ResolvedImageUri;
  const digest = resolved === undefined ? undefined : digestOfImageUri(resolved);
  // Rebuilt from its parts: emulators have been seen to repeat the algorithm (`repo@sha256@sha256:…`).
  if (resolved !== undefined && digest !== undefined) return `${resolved.slice(0, resolved.indexOf('@'))}@${digest}`;
  return resolved ?? snapshot.code.ImageUri;
}

export function runningDigest(snapshot: FunctionSnapshot): string | undefined {
  const { ResolvedImageUri, ImageUri } = snapshot.code;
  return (
    (ResolvedImageUri && digestOfImageUri(ResolvedImageUri)) || (ImageUri && digestOfImageUri(ImageUri)) || undefined
  );
}

/** Lambda refuses a code update (ResourceConflictException) while this holds. */
export function isUpdating(configuration: FunctionConfiguration): boolean {
  return configuration.LastUpdateStatus === 'InProgress' || configuration.State === 'Pending';
}

/**
 * Skip when the function runs the target digest (and its last update did not fail) and,
 * if an alias is wanted, the alias points at a published version holding that same code.
 * Otherwise update the code when the digest differs, and publish + move the alias when
 * asked. An update in flight defers the decision: the apply step waits and decides again.
 */
export function decideLambdaUpdate(input: LambdaDecisionInput): LambdaDecision {
  const { configuration } = input.function;
  const busy = isUpdating(configuration);
  const lastFailed = configuration.LastUpdateStatus === 'Failed' || configuration.State === 'Failed';
  const digestMatches = runningDigest(input.function) === input.target.digest;
  const codeCurrent = digestMatches && !lastFailed && !busy;
  const updateCode = !digestMatches || lastFailed;
  const aliasCurrent =
    input.alias === undefined || (codeCurrent && aliasHoldsCode(input.alias.current, configuration.CodeSha256));
  const skip = codeCurrent && aliasCurrent;
  const publish = !skip && (input.publish || input.alias !== undefined) && (updateCode || !aliasCurrent);
  const alias =
    !skip && input.alias !== undefined ? { name: input.alias.name, current: input.alias.current?.alias } : undefined;

  const changes: string[] = [];
  if (busy) changes.push(`wait for the update in progress (${statusWords(configuration)}), then decide again`);
  if (updateCode) {
    const why = lastFailed ? ` (the last update failed: ${failureWords(configuration)})` : '';
    changes.push(`image: ${runningImage(input.function) ?? '(none)'} -> ${input.target.reference}${why}`);
  }
  if (publish) changes.push('publish a version');
  if (alias) {
    changes.push(
      alias.current?.FunctionVersion === undefined
        ? `alias ${alias.name}: to be created, pointing at the version this deploy publishes`
        : `alias ${alias.name}: version ${alias.current.FunctionVersion} -> the version this deploy publishes`,
    );
  }
  return { skip, waitFirst: busy, updateCode, publish, alias, changes };
}

function aliasHoldsCode(current: AliasSnapshot | undefined, codeSha256: string | undefined): boolean {
  // An alias on $LATEST follows every update; the point of an alias here is a fixed version.
  if (current === undefined || current.alias.FunctionVersion === '$LATEST') return false;
  return codeSha256 !== undefined && current.versionCodeSha256 === codeSha256;
}

// --- Classifying what Lambda reports while we wait ----------------------------------------

export type UpdateProgress =
  | { state: 'pending'; line: string }
  | { state: 'succeeded' }
  | { state: 'failed'; reason: string };

/** The function after UpdateFunctionCode: LastUpdateStatus decides, a Failed State too. */
export function classifyFunctionUpdate(configuration: FunctionConfiguration): UpdateProgress {
  if (configuration.LastUpdateStatus === 'Failed')
    return { state: 'failed', reason: `the update failed: ${failureWords(configuration)}` };
  if (configuration.State === 'Failed')
    return { state: 'failed', reason: `the function is Failed: ${stateWords(configuration)}` };
  if (isUpdating(configuration)) return { state: 'pending', line: statusWords(configuration) };
  return { state: 'succeeded' };
}

/** A published version becomes usable once Active (Inactive ones wake on the next invoke). */
export function classifyVersionState(configuration: FunctionConfiguration): UpdateProgress {
  const state = configuration.State;
  if (state === 'Pending')
    return {
      state: 'pending',
      line: `version ${configuration.Version ?? '?'} is Pending${reasonSuffix(configuration.StateReason)}`,
    };
  if (state === 'Failed')
    return {
      state: 'failed',
      reason: `version ${configuration.Version ?? '?'} is Failed: ${stateWords(configuration)}`,
    };
  if (state === 'Deleting' || state === 'Deactivating' || state === 'Deactivated') {
    return {
      state: 'failed',
      reason: `version ${configuration.Version ?? '?'} is ${state}${reasonSuffix(configuration.StateReason)}`,
    };
  }
  return { state: 'succeeded' };
}

function statusWords(c: FunctionConfiguration): string {
  const parts = [`update ${c.LastUpdateStatus ?? 'unknown'}`];
  if (c.State !== undefined && c.State !== 'Active') parts.push(`state ${c.State}`);
  return parts.join(', ') + reasonSuffix(c.LastUpdateStatusReason ?? c.StateReason);
}

function failureWords(c: FunctionConfiguration): string {
  if (c.LastUpdateStatus !== 'Failed') return stateWords(c);
  const reason = c.LastUpdateStatusReason ?? 'Lambda gave no reason';
  return c.LastUpdateStatusReasonCode ? `${reason} (${c.LastUpdateStatusReasonCode})` : reason;
}

function stateWords(c: FunctionConfiguration): string {
  const reason = c.StateReason ?? 'Lambda gave no reason';
  return c.StateReasonCode ? `${reason} (${c.StateReasonCode})` : reason;
}

function reasonSuffix(reason: string | undefined): string {
  return reason ? `: ${reason}` : '';
}
