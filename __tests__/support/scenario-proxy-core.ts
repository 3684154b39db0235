// The scenario proxy's core: an HTTP server in front of moto that passes every request
// through unchanged, records each call (service, operation, parsed body), and runs the
// overlays registered for it. Overlays form a chain per `service:operation` (the latest
// added runs first and may call `next()`); `'*'` as the service or the operation matches
// every one. An overlay can drop the connection without an answer (`resetConnection()`),
// as a network failure would. What the overlays do lives in one file per AWS service
// (ecs-scenarios.ts, lambda-scenarios.ts, ecr-scenarios.ts, task-scenarios.ts...) and in
// the cross-service fault-scenarios.ts and throttle-scenarios.ts; scenario-proxy.ts puts
// the core and the ECS rollouts together as the proxy the tests start. Every answer an
// overlay makes up or alters is checked here, as it is sent, against AWS's model
// (scenario-proxy-check.ts): one that breaks it is recorded and answered with HTTP 500
// naming the violation, and the testbed fails the test that caused it.

import { createHash } from 'node:crypto';
import type { IncomingHttpHeaders, IncomingMessage, OutgoingHttpHeaders, ServerResponse } from 'node:http';
import { Agent, createServer, request as httpRequest } from 'node:http';
import type { CheckedAnswer } from './scenario-proxy-check.ts';
import { checkMadeUpAnswer, describeViolations, violationAnswer } from './scenario-proxy-check.ts';
import { lambdaOperationOf } from './scenario-proxy-routes.ts';

export type { CheckedAnswer } from './scenario-proxy-check.ts';

export interface RecordedCall {
  /** Signing name of the AWS service: 'ecs', 'ec2', 'lambda', 'ssm', ... ('unknown' if unsigned). */
  service: string;
  /**
   * 'UpdateService'; Lambda's REST routes by their operation name ('UpdateFunctionCode');
   * other REST APIs without a target or Action as `METHOD /path`.
   */
  operation: string;
  /** Lambda only: the function the path names, as a bare name (ARN and qualifier dropped). */
  resource?: string;
  /** Parsed JSON, form parameters as an object, raw text, or undefined when empty. */
  body: unknown;
  at: number;
  /**
   * Set by a fault overlay: what it did to this request ('throttle', 'http503', 'reset',
   * 'slow'...), and whether moto still saw the request (a slow answer, a lost response).
   */
  fault?: { kind: string; reachedMoto: boolean };
}

export interface ProxyRequest {
  method: string;
  /** Path and query, as sent. */
  url: string;
  headers: IncomingHttpHeaders;
  body: Buffer;
  call: RecordedCall;
}

export interface ProxyResponse {
  status: number;
  headers: IncomingHttpHeaders | OutgoingHttpHeaders;
  body: Buffer;
  /** Destroy the client's connection instead of answering (see resetConnection). */
  reset?: boolean;
}

/** Answers the request itself, or calls `next()` (the next overlay, finally moto) and may rewrite that. */
export type Overlay = (request: ProxyRequest, next: () => Promise<ProxyResponse>) => Promise<ProxyResponse>;

/** What every overlay file builds on: the call log, the overlay chain, and moto behind them. */
export interface ProxyCore {
  readonly url: string;
  readonly port: number;
  /** Every request seen, oldest first (live array). */
  readonly calls: readonly RecordedCall[];
  /** How many calls of this operation (any service) were seen, from `fromIndex` in `calls` on. */
  callsTo(operation: string, fromIndex?: number): number;
  /**
   * Add an overlay in front of the others for `service:operation` (e.g. 'ecs',
   * 'DescribeServices'); `'*'` for either matches every service or operation.
   */
  overlay(service: string, operation: string, handler: Overlay): void;
  /** Send a request to moto as it is, bypassing the overlays and the call log. */
  forward(req: ProxyRequest): Promise<ProxyResponse>;
  /**
   * Send a request through the overlays of `req.call` (then moto) without logging it: an
   * emulated call that makes another on the caller's behalf, as ECS does inside itself.
   */
  dispatch(req: ProxyRequest): Promise<ProxyResponse>;
  /** The made-up answers that broke AWS's model since the last take, oldest first; taking clears them. */
  takeModelViolations(): CheckedAnswer[];
  /** Stops the proxy; rejects, naming them, if model violations were recorded and never taken. */
  stop(): Promise<void>;
}

export const ECS_TARGET_PREFIX = 'AmazonEC2ContainerServiceV20141113';
export const JSON_CONTENT_TYPE = 'application/x-amz-json-1.1';

/** No answer at all: the proxy destroys the socket, so the client sees ECONNRESET / "socket hang up". */
export function resetConnection(): ProxyResponse {
  return { status: 0, headers: {}, body: Buffer.alloc(0), reset: true };
}

export async function startProxyCore(targetUrl: string): Promise<ProxyCore> {
  const target = new URL(targetUrl);
  const agent = new Agent({ keepAlive: true });
  const calls: RecordedCall[] = [];
  // In the order added; a request's chain is every match, the latest added first.
  const overlays: Array<{ service: string; operation: string; handler: Overlay }> = [];
  let violations: CheckedAnswer[] = [];

  const forward = (req: ProxyRequest): Promise<ProxyResponse> =>
    new Promise((resolve, reject) => {
      const upstream = httpRequest(
        { host: target.hostname, port: target.port, method: req.method, path: req.url, headers: req.headers, agent },
        (res) => {
          readAll(res).then((body) => resolve({ status: res.statusCode ?? 502, headers: res.headers, body }), reject);
        },
      );
      upstream.once('error', reject);
      upstream.end(req.body);
    });

  const chainFor = (call: RecordedCall): Overlay[] =>
    overlays
      .filter(
        (o) =>
          (o.service === '*' || o.service === call.service) && (o.operation === '*' || o.operation === call.operation),
      )
      .map((o) => o.handler)
      .reverse();

  const dispatch = (req: ProxyRequest): Promise<ProxyResponse> => {
    const chain = chainFor(req.call);
    const run = (index: number): Promise<ProxyResponse> => {
      const overlay = chain[index];
      return overlay === undefined ? forward(req) : overlay(req, () => run(index + 1));
    };
    return run(0);
  };

  const handle = async (incoming: IncomingMessage, outgoing: ServerResponse): Promise<void> => {
    const body = await readAll(incoming);
    const method = incoming.method ?? 'GET';
    const url = incoming.url ?? '/';
    const call = recordOf(method, url, incoming.headers, body);
    calls.push(call);
    const req: ProxyRequest = { method, url, headers: incoming.headers, body, call };
    const chain = chainFor(call);
    // moto's answer to this request, if the chain asked moto: what an overlay may have altered.
    let fromMoto: ProxyResponse | undefined;
    const run = async (index: number): Promise<ProxyResponse> => {
      const overlay = chain[index];
      if (overlay !== undefined) return overlay(req, () => run(index + 1));
      fromMoto = await forward(req);
      return fromMoto;
    };
    let response: ProxyResponse;
    try {
      response = await run(0);
      const broken = chain.length === 0 ? undefined : checkMadeUpAnswer(req, response, fromMoto);
      if (broken !== undefined) {
        violations.push(broken);
        response = violationAnswer(broken);
      }
    } catch (error) {
      const message = error instanceof Error ? error.message : String(error);
      response = {
        status: 502,
        headers: { 'content-type': 'text/plain' },
        body: Buffer.from(`scenario proxy: ${message}`),
      };
    }
    if (response.reset === true) {
      incoming.socket.destroy();
      return;
    }
    outgoing.writeHead(response.status, response.headers as OutgoingHttpHeaders);
    outgoing.end(response.body);
  };

  const server = createServer((incoming, outgoing) => {
    handle(incoming, outgoing).catch((error: unknown) => {
      if (!outgoing.headersSent) outgoing.writeHead(500);
      outgoing.end(String(error));
    });
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => resolve());
  });
  const address = server.address();
  if (address === null || typeof address === 'string') throw new Error('scenario proxy has no TCP address');
  const port = address.port;

  return {
    url: `http://127.0.0.1:${port}`,
    port,
    calls,
    callsTo: (operation, fromIndex = 0) => calls.slice(fromIndex).filter((c) => c.operation === operation).length,
    overlay(service, operation, handler) {
      overlays.push({ service, operation, handler });
    },
    forward,
    dispatch,
    takeModelViolations() {
      const taken = violations;
      violations = [];
      return taken;
    },
    async stop() {
      await new Promise<void>((resolve) => {
        server.close(() => resolve());
        server.closeAllConnections();
        agent.destroy();
      });
      if (violations.length > 0) throw new Error(describeViolations(violations));
    },
  };
}

function readAll(stream: IncomingMessage): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    stream.on('data', (chunk: Buffer) => chunks.push(chunk));
    stream.once('end', () => resolve(Buffer.concat(chunks)));
    stream.once('error', reject);
  });
}

/** A body as JSON, or {} when it is not JSON (for overlays that rewrite responses). */
export function parseJson(body: Buffer): unknown {
  try {
    return JSON.parse(body.toString('utf8')) as unknown;
  } catch {
    return {};
  }
}

/** The upstream response with a rewritten JSON body. */
export function jsonResponse(upstream: ProxyResponse, json: unknown): ProxyResponse {
  const body = Buffer.from(JSON.stringify(json));
  const headers: OutgoingHttpHeaders = { ...upstream.headers, 'content-length': String(body.length) };
  delete headers['transfer-encoding'];
  delete headers['content-encoding'];
  delete headers['x-amz-crc32'];
  return { status: upstream.status, headers, body };
}

/** A JSON 1.1 response made up by the proxy. */
export function jsonAnswer(json: unknown): ProxyResponse {
  const body = Buffer.from(JSON.stringify(json));
  return {
    status: 200,
    headers: {
      'content-type': JSON_CONTENT_TYPE,
      'content-length': String(body.length),
      'x-amzn-requestid': uuidFrom(`${Date.now()}|${Math.random()}`),
    },
    body,
  };
}

export function digest(seed: string): string {
  return createHash('sha256').update(seed).digest('hex');
}

/** A UUID-shaped id derived from `seed`: the same seed gives the same id. */
export function uuidFrom(seed: string): string {
  const h = digest(seed);
  return `${h.slice(0, 8)}-${h.slice(8, 12)}-${h.slice(12, 16)}-${h.slice(16, 20)}-${h.slice(20, 32)}`;
}

function recordOf(method: string, url: string, headers: IncomingHttpHeaders, body: Buffer): RecordedCall {
  const target = headerValue(headers['x-amz-target']);
  const scope = /Credential=[^/]*\/[^/]*\/[^/]*\/([^/]+)\//.exec(headerValue(headers.authorization) ?? '');
  const text = body.toString('utf8');
  const contentType = headerValue(headers['content-type']) ?? '';
  let parsed: unknown = text === '' ? undefined : text;
  if (text !== '' && (contentType.includes('json') || target !== undefined)) {
    try {
      parsed = JSON.parse(text) as unknown;
    } catch {
      parsed = text;
    }
  } else if (contentType.includes('x-www-form-urlencoded')) {
    parsed = Object.fromEntries(new URLSearchParams(text));
  }
  const query = new URL(url, 'http://proxy.invalid').searchParams;
  const action =
    query.get('Action') ??
    (parsed !== null && typeof parsed === 'object' ? (parsed as Record<string, unknown>).Action : undefined);
  const path = url.split('?')[0] ?? url;
  const service = scope?.[1] ?? (target?.startsWith(ECS_TARGET_PREFIX) === true ? 'ecs' : 'unknown');
  const lambda = service === 'lambda' && target === undefined ? lambdaOperationOf(method, path) : undefined;
  const operation =
    target?.split('.').pop() ?? (typeof action === 'string' ? action : (lambda?.operation ?? `${method} ${path}`));
  const call: RecordedCall = { service, operation, body: parsed, at: Date.now() };
  if (lambda?.functionName !== undefined) call.resource = lambda.functionName;
  return call;
}

function headerValue(value: string | string[] | undefined): string | undefined {
  return Array.isArray(value) ? value[0] : value;
}
