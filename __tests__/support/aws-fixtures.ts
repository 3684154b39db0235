// Seeding and reading moto's ECR, IAM, Lambda and SSM for the e2e tests. Every helper
// takes the endpoint to talk to: moto's own URL to seed without touching the proxy's
// call log, or the proxy's URL to prove something about the proxy.

import { createHash, randomUUID } from 'node:crypto';
import type { ImageDetail } from '@aws-sdk/client-ecr';
import { CreateRepositoryCommand, DescribeImagesCommand, ECRClient, PutImageCommand } from '@aws-sdk/client-ecr';
import {
  CreateFunctionCommand,
  GetFunctionCommand,
  LambdaClient,
  ListAliasesCommand,
  ListVersionsByFunctionCommand,
} from '@aws-sdk/client-lambda';
import { GetParameterCommand, ParameterNotFound, PutParameterCommand, SSMClient } from '@aws-sdk/client-ssm';
import { TEST_CREDENTIALS, TEST_REGION } from './ecs-fixtures.ts';

/** The environment moto needs for Lambda to look images up in its ECR (see startEcsTestbed's motoEnv). */
export const MOTO_REAL_ECR_ENV: Readonly<Record<string, string>> = { MOTO_LAMBDA_STUB_ECR: 'false' };

const clientConfig = (endpoint: string) => ({
  endpoint,
  region: TEST_REGION,
  credentials: TEST_CREDENTIALS,
  maxAttempts: 1,
});

export function ecrClient(endpoint: string): ECRClient {
  return new ECRClient(clientConfig(endpoint));
}

export function lambdaClient(endpoint: string): LambdaClient {
  return new LambdaClient(clientConfig(endpoint));
}

export function ssmClient(endpoint: string): SSMClient {
  return new SSMClient(clientConfig(endpoint));
}

async function withClient<C extends { destroy(): void }, T>(client: C, fn: (client: C) => Promise<T>): Promise<T> {
  try {
    return await fn(client);
  } finally {
    client.destroy();
  }
}

// ---------------------------------------------------------------------------------------
// ECR

export interface Repository {
  name: string;
  /** `123456789012.dkr.ecr.us-east-1.amazonaws.com/<name>`, as ECR reports it. */
  uri: string;
}

export interface PushedImage {
  repository: Repository;
  tag: string;
  /** As moto reported it: `sha256:` + 64 hex, but not the sha256 of the manifest. */
  digest: string;
  /** `<uri>@<digest>`: what a pinned deploy puts into task definitions and functions. */
  pinned: string;
  /** `<uri>:<tag>`. */
  tagged: string;
}

/** A private repository; `mutability: 'IMMUTABLE'` to prove a tag cannot move. */
export async function createRepository(
  endpoint: string,
  name: string,
  options: { mutability?: 'MUTABLE' | 'IMMUTABLE' } = {},
): Promise<Repository> {
  return withClient(ecrClient(endpoint), async (ecr) => {
    const out = await ecr.send(
      new CreateRepositoryCommand({ repositoryName: name, imageTagMutability: options.mutability ?? 'MUTABLE' }),
    );
    const uri = out.repository?.repositoryUri;
    if (uri === undefined) throw new Error(`CreateRepository '${name}' returned no repositoryUri`);
    return { name, uri };
  });
}

/**
 * PutImage with a small Docker v2 manifest. A new `content` (random by default) makes a new
 * image, so pushing an existing tag again moves it; the same `content` as an earlier push
 * is the same manifest, so moto adds the tag to that image. moto derives the digest from
 * the layer digests (not the manifest), so it is read back from the response; Lambda in
 * moto reads `config.size`, so the manifest carries one. Unlike ECR, moto deletes an image
 * whose only tag moves away (ECR keeps it untagged), so its digest is gone afterwards.
 */
export async function pushImage(
  endpoint: string,
  repository: Repository,
  tag: string,
  options: { content?: string } = {},
): Promise<PushedImage> {
  const content = options.content ?? randomUUID();
  const sha = (seed: string): string =>
    `sha256:${createHash('sha256').update(`${repository.name}|${seed}`).digest('hex')}`;
  const manifest = {
    schemaVersion: 2,
    mediaType: 'application/vnd.docker.distribution.manifest.v2+json',
    config: {
      mediaType: 'application/vnd.docker.container.image.v1+json',
      size: 1469,
      digest: sha(`config|${content}`),
    },
    layers: [
      {
        mediaType: 'application/vnd.docker.image.rootfs.diff.tar.gzip',
        size: 2_811_478,
        digest: sha(`layer|${content}`),
      },
    ],
  };
  return withClient(ecrClient(endpoint), async (ecr) => {
    const out = await ecr.send(
      new PutImageCommand({ repositoryName: repository.name, imageTag: tag, imageManifest: JSON.stringify(manifest) }),
    );
    const digest = out.image?.imageId?.imageDigest;
    if (digest === undefined) throw new Error(`PutImage '${repository.name}:${tag}' returned no digest`);
    return { repository, tag, digest, pinned: `${repository.uri}@${digest}`, tagged: `${repository.uri}:${tag}` };
  });
}

/** Every image of a repository, newest push first. */
export async function describeImages(endpoint: string, repositoryName: string): Promise<ImageDetail[]> {
  return withClient(ecrClient(endpoint), async (ecr) => {
    const images: ImageDetail[] = [];
    let nextToken: string | undefined;
    do {
      const page = await ecr.send(new DescribeImagesCommand({ repositoryName, nextToken }));
      images.push(...(page.imageDetails ?? []));
      nextToken = page.nextToken;
    } while (nextToken !== undefined);
    return images.sort((a, b) => (b.imagePushedAt?.getTime() ?? 0) - (a.imagePushedAt?.getTime() ?? 0));
  });
}

/** Every tag in a repository, sorted (order of pushes is not reliable within one second in moto). */
export async function listImageTags(endpoint: string, repositoryName: string): Promise<string[]> {
  const images = await describeImages(endpoint, repositoryName);
  return images.flatMap((image) => image.imageTags ?? []).sort();
}

/** The digest a tag points at now, or undefined when no image has it. */
export async function digestOfTag(endpoint: string, repositoryName: string, tag: string): Promise<string | undefined> {
  const images = await describeImages(endpoint, repositoryName);
  return images.find((image) => image.imageTags?.includes(tag))?.imageDigest;
}

// ---------------------------------------------------------------------------------------
// IAM (no IAM client among the dependencies: the query API by hand, as defaultNetwork does for EC2)

export const LAMBDA_ROLE_NAME = 'image-deploy-e2e-lambda';

const LAMBDA_TRUST_POLICY = JSON.stringify({
  Version: '2012-10-17',
  Statement: [{ Effect: 'Allow', Principal: { Service: 'lambda.amazonaws.com' }, Action: 'sts:AssumeRole' }],
});

/** The role moto's CreateFunction insists exists; created once per moto, then reused. */
export async function ensureLambdaRole(endpoint: string, roleName = LAMBDA_ROLE_NAME): Promise<string> {
  const created = await iamQuery(endpoint, 'CreateRole', {
    RoleName: roleName,
    AssumeRolePolicyDocument: LAMBDA_TRUST_POLICY,
  });
  const xml = created.ok
    ? created.text
    : created.text.includes('EntityAlreadyExists')
      ? (await iamQuery(endpoint, 'GetRole', { RoleName: roleName })).text
      : undefined;
  if (xml === undefined)
    throw new Error(
      `IAM CreateRole '${roleName}' against ${endpoint} answered ${created.status}: ${created.text.slice(0, 500)}`,
    );
  const arn = /<Arn>([^<]+)<\/Arn>/.exec(xml)?.[1];
  if (arn === undefined) throw new Error(`IAM role '${roleName}' came back without an Arn: ${xml.slice(0, 500)}`);
  return arn;
}

async function iamQuery(
  endpoint: string,
  action: string,
  params: Record<string, string>,
): Promise<{ ok: boolean; status: number; text: string }> {
  const response = await fetch(endpoint, {
    method: 'POST',
    headers: {
      'content-type': 'application/x-www-form-urlencoded; charset=utf-8',
      // moto routes on the service name in the credential scope; the signature is not checked.
      authorization: `AWS4-HMAC-SHA256 Credential=testing/20250101/${TEST_REGION}/iam/aws4_request, SignedHeaders=host, Signature=0`,
    },
    body: new URLSearchParams({ Action: action, Version: '2010-05-08', ...params }),
  });
  return { ok: response.ok, status: response.status, text: await response.text() };
}

// ---------------------------------------------------------------------------------------
// Lambda

export interface SeededFunction {
  name: string;
  arn: string;
}

/** A container-image function (`PackageType: Image`) running `imageUri`; creates the role if needed. */
export async function createImageFunction(
  endpoint: string,
  options: { name: string; imageUri: string },
): Promise<SeededFunction> {
  const role = await ensureLambdaRole(endpoint);
  return withClient(lambdaClient(endpoint), async (lambda) => {
    const out = await lambda.send(
      new CreateFunctionCommand({
        FunctionName: options.name,
        PackageType: 'Image',
        Code: { ImageUri: options.imageUri },
        Role: role,
        Timeout: 30,
        MemorySize: 512,
      }),
    );
    if (out.FunctionArn === undefined) throw new Error(`CreateFunction '${options.name}' returned no FunctionArn`);
    return { name: options.name, arn: out.FunctionArn };
  });
}

export interface FunctionImage {
  /** Code.ImageUri: what the last CreateFunction/UpdateFunctionCode was given. */
  imageUri: string | undefined;
  /**
   * Code.ResolvedImageUri. moto builds it as `ImageUri.split(':')[0] + '@sha256:' + CodeSha256`,
   * so for an ImageUri given by digest it reads `<repo>@sha256@sha256:<hex>`.
   */
  resolvedImageUri: string | undefined;
  /** Configuration.CodeSha256: the image digest's hex with MOTO_LAMBDA_STUB_ECR=false. */
  codeSha256: string | undefined;
  lastUpdateStatus: string | undefined;
  version: string | undefined;
}

/** What GetFunction says the function (or a version / alias, via `qualifier`) runs. */
export async function getFunctionImage(endpoint: string, name: string, qualifier?: string): Promise<FunctionImage> {
  return withClient(lambdaClient(endpoint), async (lambda) => {
    const out = await lambda.send(new GetFunctionCommand({ FunctionName: name, Qualifier: qualifier }));
    return {
      imageUri: out.Code?.ImageUri,
      resolvedImageUri: out.Code?.ResolvedImageUri,
      codeSha256: out.Configuration?.CodeSha256,
      lastUpdateStatus: out.Configuration?.LastUpdateStatus,
      version: out.Configuration?.Version,
    };
  });
}

/** Published version numbers, oldest first, without `$LATEST`. */
export async function listFunctionVersions(endpoint: string, name: string): Promise<string[]> {
  return withClient(lambdaClient(endpoint), async (lambda) => {
    const versions: string[] = [];
    let marker: string | undefined;
    do {
      const page = await lambda.send(new ListVersionsByFunctionCommand({ FunctionName: name, Marker: marker }));
      versions.push(
        ...(page.Versions ?? []).flatMap((v) =>
          v.Version === undefined || v.Version === '$LATEST' ? [] : [v.Version],
        ),
      );
      marker = page.NextMarker;
    } while (marker !== undefined);
    return versions;
  });
}

/** Alias name -> the version it points at. */
export async function listFunctionAliases(endpoint: string, name: string): Promise<Record<string, string>> {
  return withClient(lambdaClient(endpoint), async (lambda) => {
    const aliases: Record<string, string> = {};
    let marker: string | undefined;
    do {
      const page = await lambda.send(new ListAliasesCommand({ FunctionName: name, Marker: marker }));
      for (const alias of page.Aliases ?? []) {
        if (alias.Name !== undefined) aliases[alias.Name] = alias.FunctionVersion ?? '';
      }
      marker = page.NextMarker;
    } while (marker !== undefined);
    return aliases;
  });
}

// ---------------------------------------------------------------------------------------
// SSM

export interface ParameterState {
  value: string;
  version: number;
}

/** PutParameter with Overwrite (so a second call makes version 2); returns the new version. */
export async function putParameter(
  endpoint: string,
  options: { name: string; value: string; type?: 'String' | 'StringList' },
): Promise<number> {
  return withClient(ssmClient(endpoint), async (ssm) => {
    const out = await ssm.send(
      new PutParameterCommand({
        Name: options.name,
        Value: options.value,
        Type: options.type ?? 'String',
        Overwrite: true,
      }),
    );
    if (out.Version === undefined) throw new Error(`PutParameter '${options.name}' returned no Version`);
    return out.Version;
  });
}

/** Each value in turn, as successive versions; returns the last version. */
export async function putParameterHistory(endpoint: string, name: string, values: readonly string[]): Promise<number> {
  let version = 0;
  for (const value of values) version = await putParameter(endpoint, { name, value });
  return version;
}

/** The current value and version, or undefined when the parameter does not exist. */
export async function getParameter(endpoint: string, name: string): Promise<ParameterState | undefined> {
  return withClient(ssmClient(endpoint), async (ssm) => {
    try {
      const out = await ssm.send(new GetParameterCommand({ Name: name }));
      const { Value: value, Version: version } = out.Parameter ?? {};
      if (value === undefined || version === undefined)
        throw new Error(`GetParameter '${name}' returned no value or version`);
      return { value, version };
    } catch (error: unknown) {
      if (error instanceof ParameterNotFound) return undefined;
      throw error;
    }
  });
}
