// Part of the scenario proxy's core: every answer an overlay made up or altered is checked
// against AWS's model (model-check.ts) as it is sent; moto's own answers, passed through
// unchanged, are not. In an altered answer, only what the overlay changed is held against
// it: violations moto's original answer already had (at the same place, list positions
// aside) are moto's, not the emulation's. Of an error answer (status 400 and above) only
// the error's name is checked: it must be an error of the service's model or one of AWS's
// common errors (ThrottlingException, ServiceUnavailable...), which models do not declare
// per operation; so it is not held against the operation's own list of errors.

import type { IncomingHttpHeaders, OutgoingHttpHeaders } from 'node:http';
import type { AnswerTo, ModelViolation } from './model-check.ts';
import { checkAnswer, checkErrorName } from './model-check.ts';

export interface CheckedAnswer {
  service: string;
  operation: string;
  /** What the model does not allow, one line each (`path: message`). */
  violations: string[];
}

interface Answer {
  status: number;
  headers: IncomingHttpHeaders | OutgoingHttpHeaders;
  body: Buffer;
  reset?: boolean;
}

export interface CheckedRequest {
  method: string;
  url: string;
  call: { service: string; operation: string };
}

/** The violations of a made-up or altered answer; undefined when it is moto's, an error, or fits the model. */
export function checkMadeUpAnswer(
  req: CheckedRequest,
  answer: Answer,
  fromMoto: Answer | undefined,
): CheckedAnswer | undefined {
  if (answer.reset === true || (answer.status >= 300 && answer.status < 400)) return undefined;
  if (fromMoto !== undefined && answer.body === fromMoto.body) return undefined;
  const to = {
    service: req.call.service,
    operation: req.call.operation,
    method: req.method,
    path: req.url.split('?')[0] ?? req.url,
  };
  try {
    return violationsOf(to, answer, fromMoto);
  } catch (error) {
    // A model that cannot be read must fail the test too, not let the answer through unchecked.
    return {
      service: to.service,
      operation: to.operation,
      violations: [`the model check failed: ${error instanceof Error ? error.message : String(error)}`],
    };
  }
}

function violationsOf(to: AnswerTo, answer: Answer, fromMoto: Answer | undefined): CheckedAnswer | undefined {
  if (answer.status >= 400) {
    const name = errorNameOf(answer);
    const found = name === undefined ? [] : checkErrorName(to.service, name);
    return found.length === 0
      ? undefined
      : { service: to.service, operation: to.operation, violations: found.map((v) => v.message) };
  }
  const parsed = parseBody(answer.body);
  const found = parsed.ok ? checkAnswer(to, parsed.value) : [{ path: '', message: 'the body is not JSON' }];
  const original = fromMoto !== undefined && fromMoto.status < 300 ? parseBody(fromMoto.body) : undefined;
  const moto = new Set(original?.ok === true ? checkAnswer(to, original.value).map(keyOf) : []);
  const violations = found
    .filter((v) => !moto.has(keyOf(v)))
    .map((v) => (v.path === '' ? v.message : `${v.path}: ${v.message}`));
  return violations.length === 0 ? undefined : { service: to.service, operation: to.operation, violations };
}

/** The answer the proxy sends instead of one that breaks the model: an error that names what broke it. */
export function violationAnswer(checked: CheckedAnswer): Answer {
  const message = `scenario proxy: its answer to ${checked.service} ${checked.operation} breaks AWS's model: ${checked.violations.join('; ')}`;
  const body = Buffer.from(JSON.stringify({ __type: 'ScenarioProxyModelViolation', message }));
  return {
    status: 500,
    headers: {
      'content-type': 'application/json',
      'content-length': String(body.length),
      'x-amzn-errortype': 'ScenarioProxyModelViolation',
    },
    body,
  };
}

/** For a test's failure message: every violation recorded, once each. */
export function describeViolations(recorded: readonly CheckedAnswer[]): string {
  const lines = new Set(recorded.flatMap((c) => c.violations.map((v) => `- ${c.service} ${c.operation}: ${v}`)));
  return `The scenario proxy made up answers that AWS's model does not allow (fix the emulation in __tests__/support):\n${[...lines].join('\n')}`;
}

/** The error's name as the SDK reads it: the `x-amzn-errortype` header, else the body's `__type` or `code`. */
function errorNameOf(answer: Answer): string | undefined {
  const header = answer.headers['x-amzn-errortype'];
  const fromHeader = (Array.isArray(header) ? header[0] : header)?.toString().split(':')[0];
  if (fromHeader !== undefined && fromHeader !== '') return fromHeader;
  const parsed = parseBody(answer.body);
  if (!parsed.ok || parsed.value === null || typeof parsed.value !== 'object') return undefined;
  const body = parsed.value as Record<string, unknown>;
  const type = typeof body.__type === 'string' ? body.__type : typeof body.code === 'string' ? body.code : undefined;
  return type?.split('#').pop();
}

function keyOf(v: ModelViolation): string {
  return `${v.path.replace(/\[\d+\]/g, '[]')}|${v.message}`;
}

function parseBody(body: Buffer): { ok: true; value: unknown } | { ok: false } {
  const text = body.toString('utf8');
  if (text.trim() === '') return { ok: true, value: undefined };
  try {
    return { ok: true, value: JSON.parse(text) as unknown };
  } catch {
    return { ok: false };
  }
}
