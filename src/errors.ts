// Two kinds of failure, so main.ts can print each the right way: a UserError is
// something the user fixes (bad input, missing service, a failed rollout) and is shown
// as its message alone; an AwsCallError names the call that failed and keeps its cause.

export class UserError extends Error {
  override name = 'UserError';
}

/** A wait that reached its deadline: the user's timeout, with what was awaited. */
export class TimeoutError extends UserError {
  override name = 'TimeoutError';
}

/** The job was cancelled (SIGINT from the runner) while a wait was running. */
export class CancelledError extends UserError {
  override name = 'CancelledError';
}

export class AwsCallError extends Error {
  override name = 'AwsCallError';
  constructor(what: string, cause: unknown) {
    super(`${what} failed: ${messageOf(cause)}`, { cause });
  }
}

/** Runs one AWS call: any error (or a missing answer) comes back naming what was asked. */
export async function asked<T>(what: string, call: () => Promise<T>): Promise<T> {
  try {
    return await call();
  } catch (error) {
    throw new AwsCallError(what, error);
  }
}

/** A field the answer must carry; its absence is an error of the call. */
export function required<T>(value: T | null | undefined, field: string): T {
  if (value === undefined || value === null) throw new Error(`the response had no ${field}`);
  return value;
}

export function messageOf(error: unknown): string {
  if (error instanceof Error) return error.message;
  return String(error);
}

/**
 * The AWS error name (`ResourceConflictException`, `TooManyUpdates`, ...) of an error or of
 * the cause it wraps, so retry decisions can look through AwsCallError.
 */
export function awsErrorName(error: unknown): string | undefined {
  for (let e: unknown = error, depth = 0; e instanceof Error && depth < 5; e = e.cause, depth++) {
    if (!(e instanceof AwsCallError) && !(e instanceof UserError)) return e.name;
  }
  return undefined;
}

/**
 * The message for a failure, with the fix where the cause is one people often hit: no
 * credentials at all (the SDK's own message names no fix).
 */
export function explain(error: unknown): string {
  if (awsErrorName(error) === 'CredentialsProviderError') {
    return `${messageOf(error)}. No AWS credentials were found: run aws-actions/configure-aws-credentials (role-to-assume with id-token: write) before this step, or set AWS_ACCESS_KEY_ID and AWS_SECRET_ACCESS_KEY.`;
  }
  return messageOf(error);
}

const THROTTLING = new Set([
  'ThrottlingException',
  'Throttling',
  'TooManyRequestsException',
  'RequestLimitExceeded',
  'ThrottledException',
  'RequestThrottled',
]);
const NETWORK = new Set([
  'ECONNRESET',
  'ECONNREFUSED',
  'ETIMEDOUT',
  'EPIPE',
  'EAI_AGAIN',
  'TimeoutError',
  'RequestTimeout',
]);

/**
 * Why an error is worth another attempt when the SDK made only one (throttling, a 5xx, a
 * broken connection), or undefined. For the writes the steps retry themselves.
 */
export function transientReason(error: unknown): string | undefined {
  for (let e: unknown = error, depth = 0; e instanceof Error && depth < 5; e = e.cause, depth++) {
    const status = (e as { $metadata?: { httpStatusCode?: number } }).$metadata?.httpStatusCode;
    const code = (e as { code?: unknown }).code;
    if (THROTTLING.has(e.name)) return 'throttled';
    if (status !== undefined && status >= 500) return `HTTP ${status}`;
    if (NETWORK.has(e.name) || (typeof code === 'string' && NETWORK.has(code))) return 'the connection failed';
  }
  return undefined;
}
