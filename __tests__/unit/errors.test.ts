import { describe, expect, it } from 'vitest';
import { AwsCallError, asked, explain, required, transientReason, UserError } from '../../src/errors.ts';

class CredentialsProviderError extends Error {
  override name = 'CredentialsProviderError';
}

describe('explain', () => {
  it('adds the fix to a missing-credentials error, seen through the call that hit it', () => {
    const error = new AwsCallError(
      "DescribeServices for 'web' in cluster 'prod'",
      new CredentialsProviderError('Could not load credentials from any providers'),
    );
    expect(explain(error)).toBe(
      "DescribeServices for 'web' in cluster 'prod' failed: Could not load credentials from any providers. No AWS credentials were found: run aws-actions/configure-aws-credentials (role-to-assume with id-token: write) before this step, or set AWS_ACCESS_KEY_ID and AWS_SECRET_ACCESS_KEY.",
    );
  });

  it.each([
    {
      name: 'a user error',
      error: new UserError("Input 'cpu' ('lots') is not a size"),
      expected: "Input 'cpu' ('lots') is not a size",
    },
    {
      name: 'another AWS error',
      error: new AwsCallError('UpdateService', Object.assign(new Error('denied'), { name: 'AccessDeniedException' })),
      expected: 'UpdateService failed: denied',
    },
    { name: 'a string', error: 'boom', expected: 'boom' },
  ])('leaves $name as it is', ({ error, expected }) => {
    expect(explain(error)).toBe(expected);
  });
});

describe('transientReason', () => {
  const named = (name: string, extra: Record<string, unknown> = {}) =>
    Object.assign(new Error(name), { name, ...extra });
  it.each([
    {
      name: 'throttling',
      error: named('ThrottlingException', { $metadata: { httpStatusCode: 400 } }),
      expected: 'throttled',
    },
    { name: 'a 503', error: named('ServiceUnavailable', { $metadata: { httpStatusCode: 503 } }), expected: 'HTTP 503' },
    {
      name: 'a reset connection, wrapped',
      error: new AwsCallError('PutParameter', named('Error', { code: 'ECONNRESET' })),
      expected: 'the connection failed',
    },
    { name: 'a timeout', error: named('TimeoutError'), expected: 'the connection failed' },
    {
      name: 'a client error',
      error: named('ValidationException', { $metadata: { httpStatusCode: 400 } }),
      expected: undefined,
    },
    {
      name: 'access denied',
      error: new AwsCallError('X', named('AccessDeniedException', { $metadata: { httpStatusCode: 403 } })),
      expected: undefined,
    },
    { name: 'not an error', error: 'boom', expected: undefined },
  ])('$name: $expected', ({ error, expected }) => {
    expect(transientReason(error)).toBe(expected);
  });
});

describe('asked and required', () => {
  it('names what was asked when the call fails or its answer lacks a field', async () => {
    await expect(asked("UpdateService for 'web'", async () => required(undefined, 'service'))).rejects.toThrow(
      "UpdateService for 'web' failed: the response had no service",
    );
    await expect(asked('PutParameter', async () => required('3', 'version'))).resolves.toBe('3');
  });
});
