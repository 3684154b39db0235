import { describe, expect, it } from 'vitest';
import { UserError } from '../../../src/errors.ts';
import { readTagPropagation } from '../../../src/inputs/parse.ts';
import { readInputs } from '../../../src/inputs/read-inputs.ts';
import { parseTaskTags } from '../../../src/plan/run-task-tags.ts';

// The inputs of one-off tasks you can watch: run-task-logs, run-task-tags,
// propagate-tags, enable-ecs-managed-tags, and the step identity a re-run finds its task by.

const TASK = { mode: 'run-task', 'run-task-definition': 'migrate', subnets: 'subnet-0a1b2c3d' };
const ACTIONS = {
  AWS_REGION: 'eu-west-1',
  GITHUB_RUN_ID: '42',
  GITHUB_RUN_ATTEMPT: '1',
  GITHUB_JOB: 'deploy',
  GITHUB_ACTION: 'migrate',
};

function read(inputs: Record<string, string>, env: Record<string, string> = ACTIONS) {
  return readInputs({ getInput: (name) => inputs[name] ?? '', env });
}

function errorOf(run: () => unknown): string {
  try {
    run();
  } catch (error) {
    if (error instanceof UserError) return error.message;
    throw error;
  }
  throw new Error('expected a UserError');
}

describe('run-task-logs and the tag inputs', () => {
  it('defaults to logs on, no tags of the user, nothing propagated, no managed tags', () => {
    const runTask = read(TASK).runTask;
    expect(runTask).toMatchObject({ logs: true, tags: [], enableEcsManagedTags: false });
    expect(runTask?.propagateTags).toBeUndefined();
  });

  it.each([
    [{ 'run-task-logs': 'false' }, { logs: false }],
    [{ 'enable-ecs-managed-tags': 'true' }, { enableEcsManagedTags: true }],
    [{ 'propagate-tags': 'task_definition' }, { propagateTags: 'TASK_DEFINITION' }],
    [{ 'propagate-tags': 'NONE' }, { propagateTags: 'NONE' }],
    [
      { 'run-task-tags': 'team=data\n# a comment\n\ncost-center = 42\nempty=' },
      {
        tags: [
          { key: 'team', value: 'data' },
          { key: 'cost-center', value: '42' },
          { key: 'empty', value: '' },
        ],
      },
    ],
  ])('reads %j', (inputs, expected) => {
    expect(read({ ...TASK, ...inputs }).runTask).toMatchObject(expected);
  });

  it('sends no propagateTags to RunTask for SERVICE when mode ecs takes it for the service', () => {
    const runTask = read({
      mode: 'run-task, ecs',
      service: 'web',
      subnets: 'subnet-0a1b2c3d',
      'propagate-tags': 'SERVICE',
    }).runTask;
    expect(runTask?.propagateTags).toBeUndefined();
  });

  it.each([
    [{ 'run-task-logs': 'yes' }, ["Input 'run-task-logs'", "'yes'", 'true or false']],
    [{ 'enable-ecs-managed-tags': '1' }, ["Input 'enable-ecs-managed-tags'", "'1'"]],
    [{ 'propagate-tags': 'TASK' }, ["Input 'propagate-tags'", "'TASK'", 'TASK_DEFINITION, SERVICE, NONE']],
    [{ 'propagate-tags': 'SERVICE' }, ["Input 'propagate-tags' is SERVICE", 'RunTask refuses it', 'TASK_DEFINITION']],
    [{ 'run-task-tags': 'team' }, ["Input 'run-task-tags' line 1", 'KEY=VALUE']],
  ])('rejects %j', (inputs, parts) => {
    const message = errorOf(() => read({ ...TASK, ...inputs }));
    for (const part of parts) expect(message).toContain(part);
  });

  it('rejects run-task-logs and run-task-tags without mode run-task', () => {
    expect(errorOf(() => read({ mode: 'ecs', service: 'web', 'run-task-logs': 'false' }))).toContain(
      "Input 'run-task-logs' is set but mode 'run-task' is not selected",
    );
    expect(errorOf(() => read({ mode: 'ecs', service: 'web', 'run-task-tags': 'a=b' }))).toContain(
      "Input 'run-task-tags' is set but mode 'run-task' is not selected",
    );
  });
});

describe('parseTaskTags checks ECS tag limits', () => {
  const many = (n: number) => Array.from({ length: n }, (_, i) => `k${i}=v`).join('\n');

  it.each([
    ['a key of 129 characters', `${'k'.repeat(129)}=v`, 'key of 129 characters: ECS tag keys have 1 to 128'],
    ['an empty key', '=value', 'key of 0 characters'],
    [
      'a value of 257 characters',
      `k=${'v'.repeat(257)}`,
      "(key 'k') has a value of 257 characters: ECS tag values have at most 256",
    ],
    ['an aws: key', 'aws:cloudformation:stack-name=x', "the 'aws:' prefix is reserved by AWS"],
    ['an AWS: key in upper case', 'AWS:team=x', "the 'aws:' prefix is reserved"],
    ["the action's own prefix", 'image-deploy:step=x', "the 'image-deploy:' prefix is the action's own"],
    ['a character ECS refuses', 'team=a;b', 'a character ECS does not allow'],
    ['51 tags', many(51), 'has 51 tags: a task takes at most 50'],
  ])('rejects %s', (_, raw, message) => {
    expect(errorOf(() => parseTaskTags(raw))).toContain(message);
  });

  it('accepts 128-character keys, 256-character values and 50 tags', () => {
    expect(parseTaskTags(`${'k'.repeat(128)}=${'v'.repeat(256)}`)).toHaveLength(1);
    expect(parseTaskTags(many(50))).toHaveLength(50);
  });

  it('leaves room for the two tags the action adds inside a workflow run', () => {
    expect(errorOf(() => parseTaskTags(many(49), 48))).toContain('the action adds 2 of its own, so give at most 48');
    expect(errorOf(() => read({ ...TASK, 'run-task-tags': many(49) }))).toContain('give at most 48');
    expect(read({ ...TASK, 'run-task-tags': many(49) }, { AWS_REGION: 'eu-west-1' }).runTask?.tags).toHaveLength(49);
  });

  it('keeps the last value of a key given twice', () => {
    expect(parseTaskTags('team=a\nteam=b')).toEqual([{ key: 'team', value: 'b' }]);
  });
});

describe('readTagPropagation', () => {
  it.each([
    ['', undefined],
    ['TASK_DEFINITION', 'TASK_DEFINITION'],
    ['service', 'SERVICE'],
    ['None', 'NONE'],
  ])('reads %j as %j', (raw, expected) => {
    expect(readTagPropagation(raw)).toBe(expected);
  });
});

describe('the step identity a re-run finds its task by', () => {
  it('is the same for every attempt of the same run, job and step, and carries the attempt', () => {
    const first = read(TASK).runTask?.step;
    const second = read(TASK, { ...ACTIONS, GITHUB_RUN_ATTEMPT: '2' }).runTask?.step;
    expect(first).toMatchObject({ attempt: 1 });
    expect(second).toEqual({ key: first?.key, attempt: 2 });
    expect(first?.key).toMatch(/^[0-9a-f]{40}$/);
  });

  it.each([
    ['another run', { GITHUB_RUN_ID: '43' }],
    ['another job', { GITHUB_JOB: 'release' }],
    ['another step', { GITHUB_ACTION: 'seed' }],
  ])('differs for %s', (_, env) => {
    expect(read(TASK, { ...ACTIONS, ...env }).runTask?.step?.key).not.toBe(read(TASK).runTask?.step?.key);
  });

  it('differs for another command in the same step (matrix legs share the job id)', () => {
    expect(read({ ...TASK, command: 'seed' }).runTask?.step?.key).not.toBe(read(TASK).runTask?.step?.key);
  });

  it('is absent outside a workflow run, and a missing attempt counts as the first', () => {
    expect(read(TASK, { AWS_REGION: 'eu-west-1' }).runTask?.step).toBeUndefined();
    expect(read(TASK, { AWS_REGION: 'eu-west-1', GITHUB_RUN_ID: '42' }).runTask?.step?.attempt).toBe(1);
  });
});
