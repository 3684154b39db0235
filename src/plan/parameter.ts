// The SSM parameter mode's decisions: what the inputs may say, what value to write, and
// whether the parameter needs a write at all. The limits are Parameter Store's own, so a
// bad input fails here, before ECS or Lambda change anything, rather than at PutParameter.

import { UserError } from '../errors.ts';
import { Input } from '../names.ts';
import type { ResolvedImage } from './resolved-image.ts';

/** What image-deploy writes; SecureString is refused on purpose (see parseParameterType). */
export type ParameterType = 'String' | 'StringList';

export interface ParameterTag {
  Key: string;
  Value: string;
}

/** The parameter as GetParameter reported it. */
export interface CurrentParameter {
  value: string;
  /** As AWS spells it: String, StringList or SecureString. */
  type: string;
  version: string;
}

export const DEFAULT_PARAMETER_TEMPLATE = '{tag}';

const NAME_MAX_LENGTH = 1011;
const NAME_MAX_LEVELS = 15;
const NAME_CHARS = /^[a-zA-Z0-9_.\-/]+$/;
const RESERVED_NAME_PREFIX = /^\/?(aws|ssm)/i;
const EXAMPLE_NAME = '/app/prod/image-tag';

/** A standard-tier parameter holds at most 4 KB; image-deploy never asks for the paid tier. */
export const PARAMETER_VALUE_MAX_LENGTH = 4096;

const TAG_KEY_MAX_LENGTH = 128;
const TAG_VALUE_MAX_LENGTH = 256;
const TAGS_MAX = 50;
const TAG_CHARS = /^[\p{L}\p{Z}\p{N}_.:/=+\-@]*$/u;
const RESERVED_TAG_PREFIX = /^aws:/i;

/** The placeholders a template may use, and where their values come from. */
const PLACEHOLDERS = {
  tag: (image: ResolvedImage) => image.tag,
  digest: (image: ResolvedImage) => image.digest,
  image: (image: ResolvedImage) => image.reference,
  repository: (image: ResolvedImage) => image.repository,
} as const satisfies Record<string, (image: ResolvedImage) => string | undefined>;

type Placeholder = keyof typeof PLACEHOLDERS;

const KNOWN_PLACEHOLDERS = Object.keys(PLACEHOLDERS)
  .map((name) => `{${name}}`)
  .join(', ');

/** Checks a parameter name against Parameter Store's naming rules; returns it trimmed. */
export function validateParameterName(raw: string): string {
  // The service trims surrounding spaces itself; a workflow's YAML often leaves some.
  const name = raw.trim();
  const problem = nameProblem(name);
  if (problem !== undefined) {
    throw new UserError(`Input '${Input.parameterName}' ('${raw}') is not an SSM parameter name: ${problem}.`);
  }
  return name;
}

function nameProblem(name: string): string | undefined {
  if (name === '') return `it is empty; name the parameter to write, like '${EXAMPLE_NAME}'`;
  if (/^arn:/i.test(name)) {
    // arn:aws:ssm:<region>:<account>:parameter/<path>; the ARN drops a path's leading '/'.
    const path = /:parameter\/(.+)$/.exec(name)?.[1];
    const suggestion = path === undefined ? EXAMPLE_NAME : path.includes('/') ? `/${path}` : path;
    return `it is an ARN, and SSM wants the parameter's name here: use the name, like '${suggestion}'`;
  }
  const bad = [...new Set([...name].filter((c) => !NAME_CHARS.test(c)))];
  if (bad.length > 0) {
    return `it contains ${bad.map((c) => `'${c}'`).join(', ')}; use only letters, digits, '_', '.', '-' and '/' between levels`;
  }
  if (name.length > NAME_MAX_LENGTH)
    return `it is ${name.length} characters long; SSM allows at most ${NAME_MAX_LENGTH}`;
  if (name.includes('/')) {
    if (!name.startsWith('/')) return `a name with '/' is a path and must start with '/': use '/${name}'`;
    const levels = name.slice(1).split('/');
    if (levels.some((level) => level === ''))
      return `it has an empty level ('//', or '/' at the end); write it like '${EXAMPLE_NAME}'`;
    if (levels.length > NAME_MAX_LEVELS) return `it has ${levels.length} levels; SSM allows at most ${NAME_MAX_LEVELS}`;
  }
  const reserved = RESERVED_NAME_PREFIX.exec(name)?.[1];
  if (reserved !== undefined) {
    return `names starting with 'aws' or 'ssm' (in any case, also after the leading '/') are reserved by AWS, and this one starts with '${reserved}': choose another name`;
  }
  return undefined;
}

type TemplatePart = { literal: string } | { placeholder: Placeholder };

/** Checks `parameter-value`: known placeholders only, balanced braces, not empty. */
export function checkTemplate(raw: string): void {
  parseTemplate(raw);
}

function parseTemplate(template: string): TemplatePart[] {
  const invalid = (problem: string) =>
    new UserError(
      `Input '${Input.parameterValue}' ('${template}') ${problem}: the placeholders are ${KNOWN_PLACEHOLDERS}, with any literal text around them (the default is '${DEFAULT_PARAMETER_TEMPLATE}').`,
    );
  if (template.trim() === '') throw invalid('is empty');
  const parts: TemplatePart[] = [];
  let rest = template;
  while (rest !== '') {
    const open = rest.indexOf('{');
    const close = rest.indexOf('}');
    if (close !== -1 && (open === -1 || close < open)) throw invalid(`has a '}' without an opening '{'`);
    if (open === -1) {
      parts.push({ literal: rest });
      break;
    }
    if (open > 0) parts.push({ literal: rest.slice(0, open) });
    const nextOpen = rest.indexOf('{', open + 1);
    if (close === -1 || (nextOpen !== -1 && nextOpen < close)) throw invalid(`has a '{' without a closing '}'`);
    const name = rest.slice(open + 1, close);
    if (!isPlaceholder(name)) throw invalid(`has an unknown placeholder {${name}}`);
    parts.push({ placeholder: name });
    rest = rest.slice(close + 1);
  }
  return parts;
}

function isPlaceholder(name: string): name is Placeholder {
  return Object.hasOwn(PLACEHOLDERS, name);
}

/** The value to write: the template with the deployed image's tag, digest, reference or repository. */
export function renderParameterValue(template: string, image: ResolvedImage): string {
  return parseTemplate(template)
    .map((part) => {
      if ('literal' in part) return part.literal;
      const value = PLACEHOLDERS[part.placeholder](image);
      if (value === undefined) throw new UserError(missingValueMessage(template, part.placeholder, image));
      return value;
    })
    .join('');
}

function missingValueMessage(template: string, placeholder: Placeholder, image: ResolvedImage): string {
  const uses = `Input '${Input.parameterValue}' ('${template}') uses {${placeholder}}`;
  if (placeholder === 'tag') {
    return `${uses}, but image '${image.reference}' has no tag (it is named by digest): set input '${Input.tag}', or use {digest} or {image} instead.`;
  }
  return `${uses}, but the digest of image '${image.reference}' is not known (it is looked up only for ECR private images, with '${Input.pinDigest}: true'): set input '${Input.digest}' or '${Input.pinDigest}: true', or use {tag} or {image} instead.`;
}

/** `parameter-type`: empty keeps an existing parameter's type (String when creating). */
export function parseParameterType(raw: string): ParameterType | undefined {
  const value = raw.trim().toLowerCase();
  if (value === '') return undefined;
  if (value === 'string') return 'String';
  if (value === 'stringlist') return 'StringList';
  if (value === 'securestring') {
    throw new UserError(
      `Input '${Input.parameterType}' ('${raw}') asks for a SecureString, which image-deploy does not write: an image tag or digest is not a secret, and a SecureString created by surprise would hide it from the infrastructure code that reads it. Use String or StringList, or leave the input empty.`,
    );
  }
  throw new UserError(
    `Input '${Input.parameterType}' ('${raw}') is not a parameter type image-deploy writes: use String or StringList, or leave it empty to keep the existing parameter's type (String when creating one).`,
  );
}

/**
 * `parameter-tags`: `Key=Value` lines, blank lines and `#` comment lines ignored. Limits
 * are SSM's for tags; they are applied only when the parameter is created.
 */
export function parseParameterTags(raw: string): ParameterTag[] {
  const tags: ParameterTag[] = [];
  const lines = raw.split(/\r?\n/);
  for (const [index, line] of lines.entries()) {
    const text = line.trim();
    if (text === '' || text.startsWith('#')) continue;
    const invalid = (problem: string) =>
      new UserError(`Input '${Input.parameterTags}' line ${index + 1} ('${text}') ${problem}.`);
    const equals = text.indexOf('=');
    if (equals === -1) throw invalid(`is not a tag: write Key=Value, one tag per line`);
    const Key = text.slice(0, equals).trim();
    const Value = text.slice(equals + 1).trim();
    const keyLength = [...Key].length;
    const valueLength = [...Value].length;
    if (keyLength === 0) throw invalid(`has no key: write Key=Value, one tag per line`);
    if (keyLength > TAG_KEY_MAX_LENGTH)
      throw invalid(`has a key of ${keyLength} characters: SSM allows at most ${TAG_KEY_MAX_LENGTH}, shorten it`);
    if (valueLength > TAG_VALUE_MAX_LENGTH)
      throw invalid(`has a value of ${valueLength} characters: SSM allows at most ${TAG_VALUE_MAX_LENGTH}, shorten it`);
    for (const [what, part] of [
      ['key', Key],
      ['value', Value],
    ] as const) {
      const bad = [...new Set([...part].filter((c) => !TAG_CHARS.test(c)))];
      if (bad.length > 0) {
        throw invalid(
          `has ${bad.map((c) => `'${c}'`).join(', ')} in its ${what}: tags may use letters, digits, spaces and _ . : / = + - @`,
        );
      }
    }
    if (RESERVED_TAG_PREFIX.test(Key))
      throw invalid(`has a key starting with 'aws:', which AWS reserves: choose another key`);
    if (tags.some((tag) => tag.Key === Key)) throw invalid(`repeats the key '${Key}': give each key once`);
    tags.push({ Key, Value });
  }
  if (tags.length > TAGS_MAX) {
    throw new UserError(
      `Input '${Input.parameterTags}' has ${tags.length} tags: SSM allows at most ${TAGS_MAX} on a parameter.`,
    );
  }
  return tags;
}

export interface ParameterWriteRequest {
  name: string;
  value: string;
  /** As the input asked; undefined keeps the existing type (String when creating). */
  type?: ParameterType;
  /** Undefined when the parameter does not exist. */
  current?: CurrentParameter;
}

export type ParameterDecision =
  | { action: 'create'; type: ParameterType }
  | { action: 'update'; type: ParameterType; current: CurrentParameter }
  | { action: 'unchanged'; type: ParameterType; current: CurrentParameter };

/**
 * Whether to create, overwrite or leave the parameter. Refuses (UserError) to touch a
 * SecureString, to change a parameter's type, or to write more than a standard parameter holds.
 */
export function decideParameterWrite(request: ParameterWriteRequest): ParameterDecision {
  const { name, value, current } = request;
  const quoted = `Parameter '${name}'`;
  if (current === undefined) {
    checkValueLength(name, value);
    return { action: 'create', type: request.type ?? 'String' };
  }
  if (current.type === 'SecureString') {
    throw new UserError(
      `${quoted} is a SecureString: image-deploy writes String or StringList parameters only and will not overwrite what may be a secret. Set input '${Input.parameterName}' to another parameter, or delete this one (or make it a String) yourself.`,
    );
  }
  const existingType = asParameterType(current.type);
  if (existingType === undefined) {
    throw new UserError(
      `${quoted} has type '${current.type}', which image-deploy does not write: set input '${Input.parameterName}' to a String or StringList parameter.`,
    );
  }
  if (request.type !== undefined && request.type !== existingType) {
    throw new UserError(
      `${quoted} is a ${existingType}, but input '${Input.parameterType}' asks for ${request.type}: image-deploy does not change a parameter's type. Set '${Input.parameterType}' to ${existingType}, or leave it empty to keep the parameter's type.`,
    );
  }
  if (current.value === value) return { action: 'unchanged', type: existingType, current };
  checkValueLength(name, value);
  return { action: 'update', type: existingType, current };
}

function asParameterType(type: string): ParameterType | undefined {
  return type === 'String' || type === 'StringList' ? type : undefined;
}

function checkValueLength(name: string, value: string): void {
  const length = [...value].length;
  if (length > PARAMETER_VALUE_MAX_LENGTH) {
    throw new UserError(
      `The value for parameter '${name}' is ${length} characters long; a standard-tier parameter holds at most ${PARAMETER_VALUE_MAX_LENGTH}: shorten input '${Input.parameterValue}'.`,
    );
  }
}
