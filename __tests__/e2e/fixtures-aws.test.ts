import {
  CreateAliasCommand,
  GetAliasCommand,
  GetFunctionCommand,
  GetFunctionConfigurationCommand,
  PublishVersionCommand,
  UpdateAliasCommand,
  UpdateFunctionCodeCommand,
} from '@aws-sdk/client-lambda';
import { describe, expect, it } from 'vitest';
import {
  createImageFunction,
  createRepository,
  digestOfTag,
  ensureLambdaRole,
  getFunctionImage,
  getParameter,
  lambdaClient,
  listFunctionAliases,
  listFunctionVersions,
  listImageTags,
  pushImage,
  putParameter,
  putParameterHistory,
} from '../support/aws-fixtures.ts';
import { lambdaConflictOnce, lambdaUpdateFails, RESOURCE_CONFLICT } from '../support/lambda-scenarios.ts';
import { useTestbed } from '../support/testbed.ts';

// The fixtures and Lambda overlays the pipeline tests stand on, checked with plain SDK
// clients against moto through the proxy: if they lied, those tests would prove nothing.

const DIGEST = /^sha256:[0-9a-f]{64}$/;

describe('AWS fixtures and Lambda overlays against moto', () => {
  const testbed = useTestbed();

  describe('ECR', () => {
    it('pushes tags as distinct images and reads the digests moto reported back', async () => {
      const { moto } = testbed;
      const repo = await createRepository(moto.url, 'ecr-push');
      const first = await pushImage(moto.url, repo, 'v1');
      const second = await pushImage(moto.url, repo, 'v2');

      expect(repo.uri).toBe('123456789012.dkr.ecr.us-east-1.amazonaws.com/ecr-push');
      expect(first.digest).toMatch(DIGEST);
      expect(second.digest).toMatch(DIGEST);
      expect(second.digest).not.toBe(first.digest);
      expect(first.pinned).toBe(`${repo.uri}@${first.digest}`);
      expect(await listImageTags(moto.url, repo.name)).toEqual(['v1', 'v2']);
      expect(await digestOfTag(moto.url, repo.name, 'v2')).toBe(second.digest);
    });

    it('adds a tag to an existing image when the content is the same', async () => {
      const { moto } = testbed;
      const repo = await createRepository(moto.url, 'ecr-same');
      const release = await pushImage(moto.url, repo, 'v1.0.0', { content: 'build-42' });
      const latest = await pushImage(moto.url, repo, 'latest', { content: 'build-42' });

      expect(latest.digest).toBe(release.digest);
      expect(await listImageTags(moto.url, repo.name)).toEqual(['latest', 'v1.0.0']);
    });

    it('moves a tag to a new image in a mutable repository', async () => {
      const { moto } = testbed;
      const repo = await createRepository(moto.url, 'ecr-moving');
      const before = await pushImage(moto.url, repo, 'latest');
      const after = await pushImage(moto.url, repo, 'latest');

      expect(after.digest).not.toBe(before.digest);
      expect(await digestOfTag(moto.url, repo.name, 'latest')).toBe(after.digest);
      expect(await listImageTags(moto.url, repo.name)).toEqual(['latest']);
    });

    it('refuses to move a tag in an immutable repository', async () => {
      const { moto } = testbed;
      const repo = await createRepository(moto.url, 'ecr-immutable', { mutability: 'IMMUTABLE' });
      const pushed = await pushImage(moto.url, repo, 'v1');

      // Real ECR answers ImageTagAlreadyExistsException; moto 5.2 says ImageAlreadyExistsException.
      const refused = await pushImage(moto.url, repo, 'v1').then(
        () => undefined,
        (error: unknown) => error,
      );
      expect(refused instanceof Error ? refused.name : refused).toMatch(/^Image(Tag)?AlreadyExistsException$/);
      expect(await digestOfTag(moto.url, repo.name, 'v1')).toBe(pushed.digest);
    });
  });

  describe('Lambda and its naming in the proxy', () => {
    it('creates an image function whose GetFunction shows the image, and reuses the role', async () => {
      const { moto } = testbed;
      const repo = await createRepository(moto.url, 'fn-create');
      const image = await pushImage(moto.url, repo, 'v1');
      const fn = await createImageFunction(moto.url, { name: 'fn-create', imageUri: image.tagged });

      expect(fn.arn).toBe('arn:aws:lambda:us-east-1:123456789012:function:fn-create');
      expect(await getFunctionImage(moto.url, fn.name)).toEqual({
        imageUri: image.tagged,
        resolvedImageUri: image.pinned,
        codeSha256: image.digest.replace('sha256:', ''),
        lastUpdateStatus: 'Successful', // moto leaves it out only in CreateFunction's own answer
        version: '$LATEST',
      });
      expect(await ensureLambdaRole(moto.url)).toBe('arn:aws:iam::123456789012:role/image-deploy-e2e-lambda');
    });

    it('refuses to create a function on an image moto ECR does not have (MOTO_LAMBDA_STUB_ECR=false)', async () => {
      const { moto } = testbed;
      const repo = await createRepository(moto.url, 'fn-missing');
      await pushImage(moto.url, repo, 'v1');

      await expect(createImageFunction(moto.url, { name: 'fn-missing', imageUri: `${repo.uri}:v9` })).rejects.toThrow(
        /ImageNotFound|not exist/i,
      );
    });

    it('names Lambda REST calls by operation and records the function, however it was named', async () => {
      const { moto, proxy } = testbed;
      const repo = await createRepository(moto.url, 'fn-names');
      const v1 = await pushImage(moto.url, repo, 'v1');
      const v2 = await pushImage(moto.url, repo, 'v2');
      const fn = await createImageFunction(moto.url, { name: 'fn-names', imageUri: v1.tagged });
      const from = proxy.calls.length;

      const lambda = lambdaClient(proxy.url);
      try {
        await lambda.send(new GetFunctionCommand({ FunctionName: fn.arn }));
        await lambda.send(new GetFunctionConfigurationCommand({ FunctionName: fn.name }));
        await lambda.send(new UpdateFunctionCodeCommand({ FunctionName: fn.name, ImageUri: v2.pinned }));
        const published = await lambda.send(new PublishVersionCommand({ FunctionName: fn.name }));
        await lambda.send(
          new CreateAliasCommand({ FunctionName: fn.name, Name: 'live', FunctionVersion: published.Version }),
        );
        await lambda.send(new GetAliasCommand({ FunctionName: fn.arn, Name: 'live' }));
        await lambda.send(
          new UpdateAliasCommand({ FunctionName: fn.name, Name: 'live', FunctionVersion: published.Version }),
        );
      } finally {
        lambda.destroy();
      }

      expect(proxy.calls.slice(from).map((c) => `${c.service}:${c.operation}:${c.resource ?? '-'}`)).toEqual([
        'lambda:GetFunction:fn-names',
        'lambda:GetFunctionConfiguration:fn-names',
        'lambda:UpdateFunctionCode:fn-names',
        'lambda:PublishVersion:fn-names',
        'lambda:CreateAlias:fn-names',
        'lambda:GetAlias:fn-names',
        'lambda:UpdateAlias:fn-names',
      ]);
      expect(proxy.callsTo('UpdateFunctionCode', from)).toBe(1);
      expect(proxy.calls.find((c, i) => i >= from && c.operation === 'UpdateFunctionCode')?.body).toEqual({
        ImageUri: v2.pinned,
      });
      // The update reached moto, and moto resolved the digest in its ECR.
      const after = await getFunctionImage(moto.url, fn.name);
      expect(after.imageUri).toBe(v2.pinned);
      expect(after.codeSha256).toBe(v2.digest.replace('sha256:', ''));
      expect(after.lastUpdateStatus).toBe('Successful');
      // moto quirk: ResolvedImageUri is ImageUri up to its first ':' plus '@sha256:<hex>'.
      expect(after.resolvedImageUri).toBe(`${repo.uri}@sha256@${v2.digest}`);
      expect(await listFunctionVersions(moto.url, fn.name)).toEqual(['1']);
      expect(await listFunctionAliases(moto.url, fn.name)).toEqual({ live: '1' });
    });

    it('lambdaUpdateFails: the update is accepted, then reads say InProgress, then Failed with the reason and code', async () => {
      const { moto, proxy } = testbed;
      const repo = await createRepository(moto.url, 'fn-fails');
      const v1 = await pushImage(moto.url, repo, 'v1');
      const v2 = await pushImage(moto.url, repo, 'v2');
      const fn = await createImageFunction(moto.url, { name: 'fn-fails', imageUri: v1.tagged });
      const bystander = await createImageFunction(moto.url, { name: 'fn-fails-other', imageUri: v1.tagged });
      const reason = 'ImageLayerFailure: Lambda could not read a layer of the image from ECR.';
      lambdaUpdateFails(proxy, fn.name, { reason, reasonCode: 'InvalidImage', inProgressReads: 2 });

      const lambda = lambdaClient(proxy.url);
      try {
        // Not updated yet: reads pass through untouched.
        expect(
          (await lambda.send(new GetFunctionConfigurationCommand({ FunctionName: fn.name }))).LastUpdateStatus,
        ).toBe('Successful');

        const updated = await lambda.send(new UpdateFunctionCodeCommand({ FunctionName: fn.arn, ImageUri: v2.pinned }));
        expect(updated.LastUpdateStatus).toBe('InProgress');
        const reads = [];
        reads.push(await lambda.send(new GetFunctionConfigurationCommand({ FunctionName: fn.name })));
        reads.push((await lambda.send(new GetFunctionCommand({ FunctionName: fn.name }))).Configuration);
        reads.push(await lambda.send(new GetFunctionConfigurationCommand({ FunctionName: fn.name })));
        reads.push((await lambda.send(new GetFunctionCommand({ FunctionName: fn.arn }))).Configuration);
        expect(
          reads.map((r) => [r?.LastUpdateStatus, r?.LastUpdateStatusReason, r?.LastUpdateStatusReasonCode]),
        ).toEqual([
          ['InProgress', undefined, undefined],
          ['InProgress', undefined, undefined],
          ['Failed', reason, 'InvalidImage'],
          ['Failed', reason, 'InvalidImage'],
        ]);

        // Another function updated through the same proxy is not affected.
        await lambda.send(new UpdateFunctionCodeCommand({ FunctionName: bystander.name, ImageUri: v2.pinned }));
        expect(
          (await lambda.send(new GetFunctionConfigurationCommand({ FunctionName: bystander.name }))).LastUpdateStatus,
        ).toBe('Successful');
      } finally {
        lambda.destroy();
      }
      // Underneath, moto applied the update; only the status is scripted.
      expect((await getFunctionImage(moto.url, fn.name)).lastUpdateStatus).toBe('Successful');
    });

    it('lambdaConflictOnce: the first update answers ResourceConflictException and never reaches moto, the second goes through', async () => {
      const { moto, proxy } = testbed;
      const repo = await createRepository(moto.url, 'fn-conflict');
      const v1 = await pushImage(moto.url, repo, 'v1');
      const v2 = await pushImage(moto.url, repo, 'v2');
      const fn = await createImageFunction(moto.url, { name: 'fn-conflict', imageUri: v1.tagged });
      lambdaConflictOnce(proxy, fn.name);

      const lambda = lambdaClient(proxy.url);
      try {
        const first = lambda.send(new UpdateFunctionCodeCommand({ FunctionName: fn.name, ImageUri: v2.pinned }));
        await expect(first).rejects.toMatchObject({
          name: RESOURCE_CONFLICT,
          message: expect.stringContaining(`An update is in progress for resource: ${fn.arn}`),
          $metadata: { httpStatusCode: 409 },
        });
        expect((await getFunctionImage(moto.url, fn.name)).imageUri).toBe(v1.tagged);

        const second = await lambda.send(new UpdateFunctionCodeCommand({ FunctionName: fn.name, ImageUri: v2.pinned }));
        expect(second.LastUpdateStatus).toBe('Successful');
      } finally {
        lambda.destroy();
      }
      expect((await getFunctionImage(moto.url, fn.name)).imageUri).toBe(v2.pinned);
    });
  });

  describe('SSM', () => {
    it('keeps versions: each put is a new version, read back through the proxy', async () => {
      const { moto, proxy } = testbed;
      expect(await getParameter(moto.url, '/app/fixtures/image-tag')).toBeUndefined();
      expect(await putParameterHistory(moto.url, '/app/fixtures/image-tag', ['v1.2.1', 'v1.2.2'])).toBe(2);
      const from = proxy.calls.length;

      expect(await putParameter(proxy.url, { name: '/app/fixtures/image-tag', value: 'v1.2.3' })).toBe(3);
      expect(await getParameter(proxy.url, '/app/fixtures/image-tag')).toEqual({ value: 'v1.2.3', version: 3 });
      expect(proxy.calls.slice(from).map((c) => `${c.service}:${c.operation}`)).toEqual([
        'ssm:PutParameter',
        'ssm:GetParameter',
      ]);
    });
  });
});
