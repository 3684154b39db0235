// AWS's own service models, for the scenario proxy's model check (model-check.ts), read
// once per process and kept per service. Two sources, because neither is enough alone:
// - botocore's JSON models (installed with moto, so present wherever e2e runs) are the
//   base: shapes, member types, required members, and the enum values of each string
//   shape (the SDK schema does not link a member to its enum).
// - the SDK client (@aws-sdk/client-*, newer than botocore here: client-ecs has
//   `earlySuccessCriteria`, botocore does not) adds what botocore lacks, so the newer
//   wins: a structure's members only the SDK schema has (typed from that schema) and enum
//   values only the SDK's enums object of the same name has. For a member both know,
//   botocore's type is used.

import { spawnSync } from 'node:child_process';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { homedir } from 'node:os';
import { join } from 'node:path';
import { gunzipSync } from 'node:zlib';
import type { SdkModule } from './aws-model-sdk.ts';
import { sdkNodeOf } from './aws-model-sdk.ts';

/** One shape of a model, with its members resolved lazily (shapes refer to themselves). */
export type ModelNode =
  | { kind: 'structure'; name: string; members: ReadonlyMap<string, () => ModelNode>; required: readonly string[] }
  | { kind: 'list'; name: string; member: () => ModelNode }
  | { kind: 'map'; name: string; value: () => ModelNode }
  | { kind: 'string'; name: string; enum?: ReadonlySet<string> }
  | { kind: 'timestamp'; name: string; format: 'epoch' | 'text' }
  | { kind: 'integer' | 'number' | 'boolean' | 'blob' | 'document'; name: string };

export interface ServiceModel {
  readonly service: string;
  /** botocore's protocol: 'json' (awsJson1_x), 'rest-json', 'query', ... */
  readonly protocol: string;
  /** The operation's answer body shape; undefined when the model has no such operation. */
  outputOf(operation: string): { body: ModelNode | undefined } | undefined;
  /** For REST protocols: the operation a method and path are (by the model's request URIs). */
  operationAt(method: string, path: string): string | undefined;
  /** Whether the model (botocore's or the SDK's) has an error of this name. */
  hasError(name: string): boolean;
}

interface BotoShape {
  type: string;
  members?: Record<string, { shape: string; location?: string }>;
  member?: { shape: string };
  value?: { shape: string };
  required?: string[];
  enum?: string[];
  exception?: boolean;
  timestampFormat?: string;
  payload?: string;
}
interface BotoModel {
  metadata: { protocol: string; protocols?: string[]; timestampFormat?: string };
  operations: Record<string, { http?: { method: string; requestUri: string }; output?: { shape: string } }>;
  shapes: Record<string, BotoShape>;
}

// Signing names whose botocore directory or SDK package is named otherwise.
const BOTOCORE_DIR: Record<string, string> = { monitoring: 'cloudwatch' };
const SDK_PACKAGE: Record<string, string> = { monitoring: 'client-cloudwatch', logs: 'client-cloudwatch-logs' };

// Parsing a model costs tens of milliseconds, so each process reads each one once.
const models = new Map<string, ServiceModel | undefined>();
let dataDir: string | undefined;

/** The model of a service by its signing name ('ecs', 'lambda', ...); undefined when botocore has none. */
export function serviceModel(service: string): ServiceModel | undefined {
  if (!models.has(service)) models.set(service, loadModel(service));
  return models.get(service);
}

function botocoreDataDir(): string {
  if (dataDir !== undefined) return dataDir;
  const dir = process.env.BOTOCORE_DATA_DIR ?? pyenvBotocore() ?? pythonBotocore();
  if (dir === undefined || !existsSync(dir)) {
    throw new Error(
      "The scenario proxy checks its answers against botocore's AWS models, but python3 cannot import botocore: install moto " +
        '(pip install "moto[server]"), which brings it, or set BOTOCORE_DATA_DIR to botocore\'s data directory.',
    );
  }
  dataDir = dir;
  return dir;
}

// pyenv's global Python (where moto is installed on these machines), read without
// starting Python: through pyenv's shim, python3 takes a second or two to start.
function pyenvBotocore(): string | undefined {
  const root = process.env.PYENV_ROOT ?? join(homedir(), '.pyenv');
  const versionFile = join(root, 'version');
  if (!existsSync(versionFile)) return undefined;
  const version = readFileSync(versionFile, 'utf8').split('\n')[0]?.trim() ?? '';
  const lib = join(root, 'versions', version, 'lib');
  if (version === '' || !existsSync(lib)) return undefined;
  const python = readdirSync(lib).find((d) => existsSync(join(lib, d, 'site-packages', 'botocore', 'data')));
  return python === undefined ? undefined : join(lib, python, 'site-packages', 'botocore', 'data');
}

function pythonBotocore(): string | undefined {
  const found = spawnSync('python3', ['-c', 'import botocore,os;print(os.path.dirname(botocore.__file__))'], {
    encoding: 'utf8',
  });
  return found.status === 0 ? join(found.stdout.trim(), 'data') : undefined;
}

function loadModel(service: string): ServiceModel | undefined {
  const serviceDir = join(botocoreDataDir(), BOTOCORE_DIR[service] ?? service);
  if (!existsSync(serviceDir)) return undefined;
  // API versions are dates, so the last in order is the newest.
  const version = readdirSync(serviceDir)
    .filter((v) => /^\d{4}-\d{2}-\d{2}$/.test(v))
    .sort()
    .at(-1);
  if (version === undefined) return undefined;
  const file = join(serviceDir, version, 'service-2.json.gz');
  const text = existsSync(file)
    ? gunzipSync(readFileSync(file)).toString('utf8')
    : readFileSync(join(serviceDir, version, 'service-2.json'), 'utf8');
  return modelOf(service, JSON.parse(text) as BotoModel, sdkModuleOf(service));
}

function sdkModuleOf(service: string): SdkModule | undefined {
  const name = `@aws-sdk/${SDK_PACKAGE[service] ?? `client-${service}`}`;
  try {
    return createRequire(import.meta.url)(name) as SdkModule;
  } catch {
    return undefined;
  }
}

/** A model from botocore's JSON, completed by the SDK module when there is one (exported for tests). */
export function modelOf(service: string, model: BotoModel, sdk: SdkModule | undefined): ServiceModel {
  const nodes = new Map<string, ModelNode>();
  // A service that speaks several protocols (CloudWatch: CBOR, JSON, query) is checked as
  // JSON when it can speak it, as the SDK clients here do (client-cloudwatch: awsJson1_0).
  const protocols = model.metadata.protocols ?? [model.metadata.protocol];
  const protocol = protocols.find((p) => p === 'json' || p === 'rest-json') ?? model.metadata.protocol;
  const rest = protocol.startsWith('rest');

  const nodeOf = (name: string): ModelNode => {
    const known = nodes.get(name);
    if (known !== undefined) return known;
    const made = build(name);
    nodes.set(name, made);
    return made;
  };

  const build = (name: string): ModelNode => {
    const shape = model.shapes[name];
    if (shape === undefined) throw new Error(`${service} model: shape '${name}' is referenced but not defined`);
    switch (shape.type) {
      case 'structure':
        return structureOf(name, shape, false);
      case 'list':
        return { kind: 'list', name, member: () => nodeOf(shape.member?.shape ?? '') };
      case 'map':
        return { kind: 'map', name, value: () => nodeOf(shape.value?.shape ?? '') };
      case 'string': {
        const values = [...(shape.enum ?? []), ...sdkEnumOf(sdk, name)];
        return values.length === 0 ? { kind: 'string', name } : { kind: 'string', name, enum: new Set(values) };
      }
      case 'timestamp': {
        const format = shape.timestampFormat ?? model.metadata.timestampFormat ?? 'unixTimestamp';
        return { kind: 'timestamp', name, format: format === 'unixTimestamp' ? 'epoch' : 'text' };
      }
      case 'integer':
      case 'long':
        return { kind: 'integer', name };
      case 'float':
      case 'double':
        return { kind: 'number', name };
      case 'boolean':
      case 'blob':
        return { kind: shape.type, name };
      default:
        return { kind: 'document', name };
    }
  };

  /** `bodyOnly`: an operation's output in a REST protocol, whose headers and status code are not in the body. */
  const structureOf = (name: string, shape: BotoShape, bodyOnly: boolean): ModelNode => {
    const members = new Map<string, () => ModelNode>();
    for (const [member, ref] of Object.entries(shape.members ?? {})) {
      if (bodyOnly && ref.location !== undefined) continue;
      members.set(member, () => nodeOf(ref.shape));
    }
    for (const [member, resolve] of sdkExtraMembers(sdk, name, members, nodeOf, (n) => model.shapes[n] !== undefined))
      members.set(member, resolve);
    const required = (shape.required ?? []).filter((m) => members.has(m));
    return { kind: 'structure', name, members, required };
  };

  const outputs = new Map<string, { body: ModelNode | undefined } | undefined>();
  const outputOf = (operation: string): { body: ModelNode | undefined } | undefined => {
    const op = model.operations[operation];
    if (op === undefined) return undefined;
    const outputName = op.output?.shape;
    const output = outputName === undefined ? undefined : model.shapes[outputName];
    if (outputName === undefined || output === undefined) return { body: undefined };
    if (!rest) return { body: nodeOf(outputName) };
    // A payload member is the whole body (a structure), or a body that is not JSON at all.
    if (output.payload !== undefined) {
      const payload = output.members?.[output.payload]?.shape;
      return {
        body: payload !== undefined && model.shapes[payload]?.type === 'structure' ? nodeOf(payload) : undefined,
      };
    }
    return { body: structureOf(outputName, output, true) };
  };

  const errors = new Set(
    Object.entries(model.shapes).flatMap(([name, shape]) => (shape.exception === true ? [name] : [])),
  );
  // The SDK's error schemas are [-3, namespace, name, ...].
  for (const value of Object.values(sdk ?? {}))
    if (Array.isArray(value) && value[0] === -3 && typeof value[2] === 'string') errors.add(value[2]);

  return {
    service,
    protocol,
    hasError: (name) => errors.has(name),
    outputOf(operation) {
      if (!outputs.has(operation)) outputs.set(operation, outputOf(operation));
      return outputs.get(operation);
    },
    operationAt(method, path) {
      let best: { operation: string; literal: number } | undefined;
      for (const [operation, op] of Object.entries(model.operations)) {
        if (op.http === undefined || op.http.method !== method) continue;
        const uri = op.http.requestUri.split('?')[0] ?? '';
        const pattern = uri
          .split(/(\{[^}]+\})/)
          .map((part) =>
            part.startsWith('{') ? (part.endsWith('+}') ? '.+' : '[^/]+') : part.replace(/[.*+?^$()|[\]\\]/g, '\\$&'),
          )
          .join('');
        if (!new RegExp(`^${pattern}/?$`).test(path)) continue;
        const literal = uri.replace(/\{[^}]+\}/g, '').length;
        if (best === undefined || literal > best.literal) best = { operation, literal };
      }
      return best?.operation;
    },
  };
}

/** The SDK's enum values for a string shape: its enums object of the same name, if it exports one. */
function sdkEnumOf(sdk: SdkModule | undefined, name: string): string[] {
  const candidate = sdk?.[name];
  if (candidate === null || typeof candidate !== 'object' || Array.isArray(candidate)) return [];
  const values = Object.values(candidate as Record<string, unknown>);
  return values.every((v) => typeof v === 'string') ? (values as string[]) : [];
}

/** Members the SDK schema's structure of this name has and botocore's does not, typed from the SDK schema. */
function sdkExtraMembers(
  sdk: SdkModule | undefined,
  name: string,
  known: ReadonlyMap<string, unknown>,
  botoNode: (name: string) => ModelNode,
  botoHas: (name: string) => boolean,
): Array<[string, () => ModelNode]> {
  const schema = sdk?.[`${name}$`];
  if (!Array.isArray(schema) || schema[0] !== 3) return [];
  const names = schema[4] as unknown;
  const types = schema[5] as unknown;
  if (!Array.isArray(names) || !Array.isArray(types)) return [];
  const extra: Array<[string, () => ModelNode]> = [];
  names.forEach((member: unknown, i: number) => {
    if (typeof member !== 'string' || known.has(member)) return;
    extra.push([member, () => sdkNodeOf(types[i], { sdk, botoNode, botoHas, name: `${name}.${member}` })]);
  });
  return extra;
}
