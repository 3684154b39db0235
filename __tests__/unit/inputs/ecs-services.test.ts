import { describe, expect, it } from 'vitest';
import * as yaml from 'yaml';
import { UserError } from '../../../src/errors.ts';
import { parseNameList } from '../../../src/inputs/parse.ts';
import { readInputs } from '../../../src/inputs/read-inputs.ts';
import { MAX_SERVICES, serviceKey } from '../../../src/plan/ecs-services.ts';

function read(inputs: Record<string, string>) {
  return readInputs({ getInput: (name) => inputs[name] ?? '', env: { AWS_REGION: 'eu-west-1' }, yaml });
}

function errorOf(inputs: Record<string, string>): string {
  try {
    read(inputs);
  } catch (error) {
    if (error instanceof UserError) return error.message;
    throw error;
  }
  throw new Error('expected a UserError');
}

const ARN = 'arn:aws:ecs:eu-west-1:123456789012:service/prod/web';

describe("input 'service' with several services", () => {
  it.each([
    { name: 'one service (a list of one)', raw: 'web', services: ['web'] },
    { name: 'one per line', raw: 'web\nworker', services: ['web', 'worker'] },
    { name: 'comma-separated, with spaces', raw: 'web, worker ,scheduler', services: ['web', 'worker', 'scheduler'] },
    { name: 'lines with blanks and a trailing comma', raw: 'web,\n\n  worker\n', services: ['web', 'worker'] },
    { name: 'a name and an ARN of different services', raw: `worker\n${ARN}`, services: ['worker', ARN] },
  ])('reads $name', ({ raw, services }) => {
    const ecs = read({ mode: 'ecs', service: raw }).ecs;
    expect(ecs?.services).toEqual(services);
  });

  it.each([
    {
      name: 'the same name twice',
      raw: 'web\nworker\nweb',
      says: "Input 'service' names 'web' more than once: list each service once.",
    },
    {
      name: 'a name and its ARN',
      raw: `web, ${ARN}`,
      says: `Input 'service' names 'web' and '${ARN}', the same service: list each service once.`,
    },
    { name: 'only separators', raw: ', \n ,', says: "Input 'service' is required for mode 'ecs'" },
  ])('refuses $name', ({ raw, says }) => {
    expect(errorOf({ mode: 'ecs', service: raw })).toContain(says);
  });

  it(`refuses more than ${MAX_SERVICES} services, saying how many it got`, () => {
    const raw = Array.from({ length: MAX_SERVICES + 1 }, (_, i) => `svc-${i}`).join('\n');
    expect(errorOf({ mode: 'ecs', service: raw })).toBe(
      `Input 'service' names ${MAX_SERVICES + 1} services: at most ${MAX_SERVICES} are deployed in one step; split them over several steps.`,
    );
    expect(
      read({ mode: 'ecs', service: raw.split('\n').slice(0, MAX_SERVICES).join('\n') }).ecs?.services,
    ).toHaveLength(MAX_SERVICES);
  });

  it("requires 'run-task-definition' for a one-off task next to several services", () => {
    expect(errorOf({ mode: 'run-task, ecs', service: 'web, worker' })).toContain(
      "Input 'run-task-definition' is required when input 'service' names several services",
    );
    expect(
      read({ mode: 'run-task, ecs', service: 'web, worker', 'run-task-definition': 'migrate' }).runTask?.source,
    ).toEqual({ kind: 'registered', ref: 'migrate' });
    expect(read({ mode: 'run-task, ecs', service: 'web' }).runTask?.source).toEqual({ kind: 'ecs' });
  });
});

describe("input 'container-name' with several containers", () => {
  it.each([
    { raw: '', expected: undefined },
    { raw: 'app', expected: ['app'] },
    { raw: 'app, envoy', expected: ['app', 'envoy'] },
    { raw: 'app\nworker\n', expected: ['app', 'worker'] },
  ])("reads '$raw'", ({ raw, expected }) => {
    expect(read({ mode: 'ecs', service: 'web', 'container-name': raw }).ecs?.containerNames).toEqual(expected);
  });

  it('refuses a container named twice', () => {
    expect(errorOf({ mode: 'ecs', service: 'web', 'container-name': 'app,envoy,app' })).toBe(
      "Input 'container-name' names 'app' more than once: list each container once.",
    );
  });
});

describe('parseNameList', () => {
  it('keeps the order given and has no limit unless asked', () => {
    expect(parseNameList('c,b\na', 'x', { what: 'thing' })).toEqual(['c', 'b', 'a']);
    expect(() => parseNameList('a,b,c', 'x', { what: 'thing', max: 2 })).toThrow("Input 'x' names 3 things: at most 2");
  });

  it.each([
    ['web', 'web'],
    [ARN, 'web'],
    ['arn:aws:ecs:eu-west-1:123456789012:service/web', 'web'],
  ])("keys service '%s' as '%s'", (raw, key) => {
    expect(serviceKey(raw)).toBe(key);
  });
});

describe("inputs 'propagate-tags' and 'enable-ecs-managed-tags' for UpdateService", () => {
  it.each<{ inputs: Record<string, string>; expected: { propagateTags?: string; enableEcsManagedTags?: boolean } }>([
    { inputs: {}, expected: { propagateTags: undefined, enableEcsManagedTags: undefined } },
    {
      inputs: { 'propagate-tags': 'service' },
      expected: { propagateTags: 'SERVICE', enableEcsManagedTags: undefined },
    },
    {
      inputs: { 'propagate-tags': 'TASK_DEFINITION', 'enable-ecs-managed-tags': 'true' },
      expected: { propagateTags: 'TASK_DEFINITION', enableEcsManagedTags: true },
    },
    // false is the default: not sent, so the service keeps what its owner set.
    {
      inputs: { 'enable-ecs-managed-tags': 'false' },
      expected: { propagateTags: undefined, enableEcsManagedTags: undefined },
    },
  ])('reads $inputs', ({ inputs, expected }) => {
    const ecs = read({ mode: 'ecs', service: 'web', ...inputs }).ecs;
    expect({ propagateTags: ecs?.propagateTags, enableEcsManagedTags: ecs?.enableEcsManagedTags }).toEqual(expected);
  });

  it('refuses a propagation ECS does not know', () => {
    expect(errorOf({ mode: 'ecs', service: 'web', 'propagate-tags': 'ALL' })).toContain(
      "Input 'propagate-tags' ('ALL') is not valid",
    );
  });
});
