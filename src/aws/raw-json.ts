import { AwsCallError } from '../errors.ts';
import { isRecord } from '../plan/json.ts';

// The SDK serializes and deserializes against the model it was built with, and silently
// drops members it does not know. Task definitions gain fields every few months
// (runtimePlatform, ephemeralStorage, enableFaultInjection, ...), and a deploy tool that
// loses one of them on re-registration changes the service behind the user's back. These
// two middlewares let the adapters see the response JSON as AWS sent it, and send every
// member the caller gave, known to the SDK or not.

interface RawHttpMessage {
  headers: Record<string, string | undefined>;
  body?: unknown;
}

interface MiddlewareArgs {
  input: object;
  request?: unknown;
}

type Next = (args: MiddlewareArgs) => Promise<{ output: unknown; response: unknown }>;

// The SDK's middleware types are generic per command; this file only needs their shape.
interface CommandWithStack {
  middlewareStack: unknown;
}

interface Stack {
  add(
    middleware: (next: Next) => Next,
    options: { step: 'build' | 'deserialize'; priority: 'high' | 'low'; name: string },
  ): void;
}

function stackOf(command: CommandWithStack): Stack {
  return command.middlewareStack as Stack;
}

/** Captures the parsed JSON body of the command's response; read it after `send`. */
export function captureRawResponse(command: CommandWithStack): { readonly json: () => unknown } {
  let captured: unknown;
  stackOf(command).add(
    (next) => async (args) => {
      const result = await next(args);
      const response = result.response as RawHttpMessage;
      const bytes = await readBody(response.body);
      // Hand the deserializer a body it can read again.
      response.body = bytes;
      captured = bytes.length > 0 ? JSON.parse(new TextDecoder().decode(bytes)) : undefined;
      return result;
    },
    // Low priority in the deserialize step runs inside the SDK's deserializer, so it sees
    // the raw HTTP response before the deserializer consumes it.
    { step: 'deserialize', priority: 'low', name: 'imageDeployCaptureRawResponse' },
  );
  return { json: () => captured };
}

/**
 * Sends the command and returns its answer's JSON as AWS sent it (members this SDK does not
 * model included); errors are wrapped with `what`, like every adapter's.
 */
export async function sendForRawJson(
  client: { send(command: never): Promise<unknown> },
  command: CommandWithStack,
  what: string,
): Promise<unknown> {
  const raw = captureRawResponse(command);
  try {
    await client.send(command as never);
  } catch (error) {
    throw new AwsCallError(what, error);
  }
  return raw.json();
}

/** Adds to the serialized JSON request every member of `raw` that the SDK left out. */
export function sendUnknownMembers(command: CommandWithStack, raw: Record<string, unknown>): void {
  stackOf(command).add(
    (next) => async (args) => {
      const request = args.request as RawHttpMessage | undefined;
      if (request && request.body !== undefined) {
        const text =
          typeof request.body === 'string' ? request.body : new TextDecoder().decode(request.body as Uint8Array);
        const body: unknown = JSON.parse(text);
        const merged = fillMissing(body, raw);
        request.body = JSON.stringify(merged);
        // Content length is computed after this middleware (high priority runs first).
        delete request.headers['content-length'];
        delete request.headers['Content-Length'];
      }
      return next(args);
    },
    { step: 'build', priority: 'high', name: 'imageDeploySendUnknownMembers' },
  );
}

/**
 * Returns `target` with every member of `source` that `target` lacks, recursively through
 * objects and through arrays of equal length (container definitions keep their order).
 */
export function fillMissing(target: unknown, source: unknown): unknown {
  if (Array.isArray(target) && Array.isArray(source) && target.length === source.length) {
    return target.map((item: unknown, i) => fillMissing(item, source[i]));
  }
  if (isRecord(target) && isRecord(source)) {
    const result: Record<string, unknown> = { ...target };
    for (const [key, value] of Object.entries(source)) {
      if (value === undefined) continue;
      result[key] = key in target ? fillMissing(target[key], value) : value;
    }
    return result;
  }
  return target;
}

async function readBody(body: unknown): Promise<Uint8Array> {
  if (body === undefined || body === null) return new Uint8Array();
  if (body instanceof Uint8Array) return body;
  if (typeof body === 'string') return new TextEncoder().encode(body);
  if (typeof (body as AsyncIterable<unknown>)[Symbol.asyncIterator] === 'function') {
    const chunks: Uint8Array[] = [];
    for await (const chunk of body as AsyncIterable<Uint8Array | string>) {
      chunks.push(typeof chunk === 'string' ? new TextEncoder().encode(chunk) : chunk);
    }
    return Buffer.concat(chunks);
  }
  throw new Error('Unexpected response body type from the AWS SDK');
}
