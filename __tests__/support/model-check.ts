// Checks an answer body against the operation's output shape in AWS's model (aws-model.ts):
// member names, types (string, integer, number, boolean, timestamp, list, map, structure),
// enum values and required members. JSON protocols only (awsJson1_x, as ECS, CodeDeploy,
// ECR, SSM and CloudWatch speak, and rest-json, as Lambda does): there timestamps are epoch
// seconds unless the model says otherwise. Used by the scenario proxy on the answers it
// makes up.

import type { ModelNode, ServiceModel } from './aws-model.ts';
import { serviceModel } from './aws-model.ts';

export interface ModelViolation {
  /** Where in the body: `serviceDeployments[0].lifecycleStage`. */
  path: string;
  message: string;
}

export interface AnswerTo {
  /** Signing name: 'ecs', 'codedeploy', 'lambda', ... */
  service: string;
  /** As the proxy named it: 'DescribeServiceDeployments', or `METHOD /path` for an unnamed REST route. */
  operation: string;
  method: string;
  /** The request path, without the query. */
  path: string;
}

// Protocols whose bodies are JSON documents this checker understands.
const JSON_PROTOCOLS = new Set(['json', 'rest-json']);

/** The violations of an answer body (already parsed JSON); [] when it fits the model. */
export function checkAnswer(
  to: AnswerTo,
  body: unknown,
  model: ServiceModel | undefined = serviceModel(to.service),
): ModelViolation[] {
  if (model === undefined)
    return [{ path: '', message: `no AWS model for service '${to.service}', so a made-up answer cannot be checked` }];
  if (!JSON_PROTOCOLS.has(model.protocol)) {
    return [
      {
        path: '',
        message: `${to.service} speaks '${model.protocol}', which the model check does not read: answer from moto instead`,
      },
    ];
  }
  // In REST protocols a route the proxy does not name is found by the model's request URIs.
  const named = model.outputOf(to.operation) !== undefined;
  const operation = named
    ? to.operation
    : model.protocol.startsWith('rest')
      ? model.operationAt(to.method, to.path)
      : undefined;
  const output = operation === undefined ? undefined : model.outputOf(operation);
  if (output === undefined) {
    return [
      {
        path: '',
        message: `${to.service} has no operation '${to.operation}' (${to.method} ${to.path}) in AWS's model`,
      },
    ];
  }
  if (output.body === undefined) return [];
  // An output with no members may come back as an empty body.
  if (body === undefined && output.body.kind === 'structure' && output.body.required.length === 0) return [];
  const violations: ModelViolation[] = [];
  checkValue(output.body, body, '', violations);
  return violations;
}

// Errors any AWS service may answer without its model declaring them (the common errors
// of the AWS API reference, and the throttling and timeout names the SDK's retry knows).
const COMMON_ERRORS = new Set([
  'AccessDeniedException',
  'IncompleteSignature',
  'InternalFailure',
  'InvalidAction',
  'InvalidClientTokenId',
  'NotAuthorized',
  'OptInRequired',
  'RequestExpired',
  'ServiceUnavailable',
  'ServiceUnavailableException',
  'ThrottlingException',
  'Throttling',
  'TooManyRequestsException',
  'RequestLimitExceeded',
  'LimitExceededException',
  'ValidationError',
  'ValidationException',
  'UnrecognizedClientException',
  'ExpiredTokenException',
  'RequestTimeout',
  'RequestTimeoutException',
  'InternalServerError',
]);

/** The violation of an error answer's name: neither an error of the service's model nor a common AWS error. */
export function checkErrorName(
  service: string,
  name: string,
  model: ServiceModel | undefined = serviceModel(service),
): ModelViolation[] {
  if (model === undefined || COMMON_ERRORS.has(name) || model.hasError(name)) return [];
  return [{ path: '', message: `error '${name}' is neither an error in ${service}'s model nor a common AWS error` }];
}

function checkValue(node: ModelNode, value: unknown, path: string, out: ModelViolation[]): void {
  const wrong = (expected: string): void => {
    out.push({ path, message: `${describe(value)} where the model has ${expected} (${node.name})` });
  };
  switch (node.kind) {
    case 'structure':
      if (!isObject(value)) {
        wrong('a structure');
        return;
      }
      for (const [member, memberValue] of Object.entries(value)) {
        const resolve = node.members.get(member);
        const at = path === '' ? member : `${path}.${member}`;
        if (resolve === undefined) out.push({ path: at, message: `'${member}' is not a member of ${node.name}` });
        else checkValue(resolve(), memberValue, at, out);
      }
      for (const member of node.required) {
        if (value[member] === undefined)
          out.push({
            path: path === '' ? member : `${path}.${member}`,
            message: `required member of ${node.name} is missing`,
          });
      }
      return;
    case 'list':
      if (!Array.isArray(value)) {
        wrong('a list');
        return;
      }
      value.forEach((item: unknown, i: number) => {
        checkValue(node.member(), item, `${path}[${i}]`, out);
      });
      return;
    case 'map':
      if (!isObject(value)) {
        wrong('a map');
        return;
      }
      for (const [key, item] of Object.entries(value)) checkValue(node.value(), item, `${path}.${key}`, out);
      return;
    case 'string':
      if (typeof value !== 'string') {
        wrong('a string');
        return;
      }
      if (node.enum !== undefined && !node.enum.has(value)) {
        out.push({ path, message: `'${value}' is not a value of ${node.name} (${[...node.enum].join(', ')})` });
      }
      return;
    case 'timestamp':
      if (node.format === 'epoch' && typeof value !== 'number') {
        wrong('a timestamp in epoch seconds (a number)');
        return;
      }
      if (node.format === 'text' && typeof value !== 'string') {
        wrong('a timestamp as text');
        return;
      }
      return;
    case 'integer':
      if (typeof value !== 'number' || !Number.isInteger(value)) {
        wrong('an integer');
        return;
      }
      return;
    case 'number':
      if (typeof value !== 'number') {
        wrong('a number');
        return;
      }
      return;
    case 'boolean':
      if (typeof value !== 'boolean') {
        wrong('a boolean');
        return;
      }
      return;
    case 'blob':
      if (typeof value !== 'string') {
        wrong('a blob (base64 text)');
        return;
      }
      return;
    case 'document':
      return;
  }
}

function isObject(value: unknown): value is Record<string, unknown> {
  return value !== null && typeof value === 'object' && !Array.isArray(value);
}

function describe(value: unknown): string {
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'a list';
  if (typeof value === 'object') return 'an object';
  const text = JSON.stringify(value) ?? String(value);
  return `${typeof value} ${text.length > 40 ? `${text.slice(0, 40)}...` : text}`;
}
