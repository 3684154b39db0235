// Part of aws-model.ts: a shape as the SDK client's schema describes it (@smithy/core's
// static schemas, exported by every @aws-sdk/client-* as `<Shape>$`), for members only the
// SDK knows. Numbers are simple types (0 string, 1 number, 2 boolean, 4-7 timestamps,
// 15 document, 17/19 big numbers, 21/42 blobs; `64 | t` a list of t, `128 | t` a map to t);
// arrays are [kind, namespace, name, traits, ...] (1 list, 2 map, 3 structure, 4 union);
// a member may come as [schema, traits] and a schema as a function returning it. Named
// shapes botocore also has are read from botocore, which knows their enums.

import type { ModelNode } from './aws-model.ts';

export type SdkModule = Record<string, unknown>;

export interface SdkContext {
  sdk: SdkModule | undefined;
  botoNode(name: string): ModelNode;
  botoHas(name: string): boolean;
  /** Where the schema was met, for the names of unnamed shapes. */
  name: string;
}

const LIST = 64;
const MAP = 128;

export function sdkNodeOf(schema: unknown, ctx: SdkContext): ModelNode {
  const resolved = typeof schema === 'function' ? (schema as () => unknown)() : schema;
  if (typeof resolved === 'number') return simpleNode(resolved, ctx);
  if (!Array.isArray(resolved)) return { kind: 'document', name: ctx.name };
  // A member with traits: [schema, traits], where a named schema has its namespace second.
  if (resolved.length === 2 && typeof resolved[1] !== 'string') return sdkNodeOf(resolved[0], ctx);
  const [kind, , name] = resolved as [number, string, string];
  if (typeof name === 'string' && ctx.botoHas(name)) return ctx.botoNode(name);
  const here = { ...ctx, name: typeof name === 'string' ? name : ctx.name };
  switch (kind) {
    case 0:
      return sdkNodeOf(resolved[4], here);
    case 1:
      return {
        kind: 'list',
        name: here.name,
        member: () => sdkNodeOf(resolved[4], { ...here, name: `${here.name}[]` }),
      };
    case 2:
      return { kind: 'map', name: here.name, value: () => sdkNodeOf(resolved[5], { ...here, name: `${here.name}{}` }) };
    case 3:
    case 4:
      return structureNode(resolved, here);
    default:
      return { kind: 'document', name: here.name };
  }
}

function structureNode(schema: unknown[], ctx: SdkContext): ModelNode {
  const names = Array.isArray(schema[4]) ? (schema[4] as unknown[]) : [];
  const types = Array.isArray(schema[5]) ? (schema[5] as unknown[]) : [];
  const members = new Map<string, () => ModelNode>();
  names.forEach((member, i) => {
    if (typeof member !== 'string') return;
    members.set(member, () => sdkNodeOf(types[i], { ...ctx, name: `${ctx.name}.${member}` }));
  });
  // The SDK orders required members first and gives their count last.
  const count = schema[0] === 3 && typeof schema[6] === 'number' ? schema[6] : 0;
  const required = names.slice(0, count).filter((m): m is string => typeof m === 'string');
  return { kind: 'structure', name: ctx.name, members, required };
}

function simpleNode(code: number, ctx: SdkContext): ModelNode {
  const name = ctx.name;
  if (code >= MAP) return { kind: 'map', name, value: () => simpleNode(code - MAP, { ...ctx, name: `${name}{}` }) };
  if (code >= LIST) return { kind: 'list', name, member: () => simpleNode(code - LIST, { ...ctx, name: `${name}[]` }) };
  switch (code) {
    case 0:
      return { kind: 'string', name };
    case 1:
    case 17:
    case 19:
      return { kind: 'number', name };
    case 2:
      return { kind: 'boolean', name };
    case 4:
    case 7:
      return { kind: 'timestamp', name, format: 'epoch' };
    case 5:
    case 6:
      return { kind: 'timestamp', name, format: 'text' };
    case 21:
    case 42:
      return { kind: 'blob', name };
    default:
      return { kind: 'document', name };
  }
}
