// Two kinds of failure, so main.ts can print each the right way: a UserError is
// something the user fixes (bad input, missing service, a failed rollout) and is shown
// as its message alone; an AwsCallError names the call that failed and keeps its cause.

export class UserError extends Error {
  override name = 'UserError';
}

export class AwsCallError extends Error {
  override name = 'AwsCallError';
  constructor(what: string, cause: unknown) {
    super(`${what} failed: ${messageOf(cause)}`, { cause });
  }
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
