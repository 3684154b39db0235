import type { Logger } from './deps.ts';
import { CancelledError, explain, TimeoutError, UserError } from './errors.ts';
import { type Failure, failed } from './plan/verdict.ts';

/**
 * A verdict plan/ made, thrown from deep inside a step (a Lambda update Lambda marked
 * Failed): it reaches failureOf with its kind and details intact.
 */
export class VerdictError extends UserError {
  override name = 'VerdictError';
  readonly failure: Failure;
  constructor(failure: Failure) {
    super(failure.reason);
    this.failure = failure;
  }
}

/**
 * The one place a thrown error becomes a failed verdict. Every catch that ends a mode (or
 * one Lambda function, or the wait of a deployment whose id must survive) comes here, so
 * the message is explained the same way and the stack is logged once, at debug.
 */
export function failureOf(error: unknown, log: Pick<Logger, 'debug'>): Failure {
  if (error instanceof VerdictError) return error.failure;
  if (!(error instanceof UserError) && error instanceof Error && error.stack) log.debug(error.stack);
  const kind = error instanceof TimeoutError ? 'timed-out' : error instanceof CancelledError ? 'cancelled' : 'error';
  return failed(kind, explain(error));
}
