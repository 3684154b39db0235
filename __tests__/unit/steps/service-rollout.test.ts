import { describe, expect, it } from 'vitest';
import { AwsCallError } from '../../../src/errors.ts';
import type { EcsPlan } from '../../../src/plan/ecs-deploy.ts';
import { type Failure, failed } from '../../../src/plan/verdict.ts';
import type { EcsServiceOptions } from '../../../src/settings.ts';
import type { Registration } from '../../../src/steps/register-revision.ts';
import type { EcsPrepared, Following, RolloutController, Start } from '../../../src/steps/rollout-controller.ts';
import { ServiceRollout } from '../../../src/steps/service-rollout.ts';
import { fakeClients } from '../../support/fake-clients.ts';
import { fakeDeps } from '../../support/fake-deps.ts';

const CURRENT = 'arn:aws:ecs:eu-west-1:123456789012:task-definition/web:5';
const NEW = 'arn:aws:ecs:eu-west-1:123456789012:task-definition/web:6';
const STARTED_AT = 1_000_000;

function prepared(
  overrides: { plan?: Partial<EcsPlan>; options?: Partial<EcsServiceOptions>; registration?: Registration } = {},
): EcsPrepared {
  return {
    options: { cluster: 'prod', service: 'web', dryRun: false, ...overrides.options } as EcsServiceOptions,
    controller: 'ecs',
    currentArn: CURRENT,
    plan: {
      updateNeeded: true,
      registerNeeded: true,
      targetArn: undefined,
      rendered: { family: 'web' },
      tags: [],
      diff: ['cpu: 256 -> 512'],
      ...overrides.plan,
    } as EcsPlan,
    started: STARTED_AT,
    standing: { kind: 'unchanged' },
    ...(overrides.registration === undefined ? {} : { registration: overrides.registration }),
  };
}

/** A controller whose start is given; it records the registration each start got. */
function controller(start: (registration: Registration | undefined) => Promise<Start>, registers = true) {
  const got: Array<Registration | undefined> = [];
  const fake: RolloutController = {
    kind: 'ecs',
    registers,
    prepare: async () => prepared(),
    start: async (_prepared, registration) => {
      got.push(registration);
      return start(registration);
    },
    followAfterCancel: async () => ({ ok: true, text: '' }),
  };
  return { fake, got };
}

function following(
  settle: (failure: Failure) => Promise<{ verdict: Failure }> = async (f) => ({ verdict: f }),
): Following {
  return {
    what: "deployment d-1 of service 'web'",
    name: 'web',
    wants: () => undefined,
    observe: async () => ({ state: 'rolling' }),
    interrupted: (error) => failed('error', String(error)),
    conclude: async (v) => v,
    settle,
    report: () => ({
      serviceDeployment: {
        arn: 'arn:rec',
        strategy: 'ROLLING',
        stages: [],
        alarms: { watched: [], triggered: [] },
        hooks: [],
      },
    }),
  };
}

function deps() {
  return fakeDeps(fakeClients(), STARTED_AT);
}

describe('ServiceRollout', () => {
  it('settles to the result start finished with, with the plan and the duration since prepare', async () => {
    const f = deps();
    const { fake } = controller(async () => ({ finished: { verdict: { state: 'planned' }, taskDefinitionArn: '' } }));
    const rollout = new ServiceRollout(prepared(), f.deps, fake);

    await f.deps.sleep(1500);
    await rollout.start(Promise.resolve(undefined));

    expect(rollout.following).toBe(false);
    expect(await rollout.settle(undefined)).toEqual({
      cluster: 'prod',
      service: 'web',
      controller: 'ecs',
      changed: false,
      registered: false,
      previousTaskDefinitionArn: CURRENT,
      diff: ['cpu: 256 -> 512'],
      before: undefined,
      after: undefined,
      durationMs: 1500,
      verdict: { state: 'planned' },
      taskDefinitionArn: '',
    });
  });

  it('fails alone when its start throws (a registration or an update AWS refused), keeping the revision it ran', async () => {
    const { fake } = controller(async () => {
      throw new AwsCallError("UpdateService for 'web'", new Error('AccessDenied'));
    });
    const rollout = new ServiceRollout(prepared(), deps().deps, fake);

    await rollout.start(Promise.resolve(undefined));

    expect(rollout.following).toBe(false);
    expect(await rollout.settle(undefined)).toMatchObject({
      verdict: { state: 'failed', kind: 'error', reason: "UpdateService for 'web' failed: AccessDenied" },
      taskDefinitionArn: CURRENT,
      changed: false,
    });
  });

  it('fails alone when the registration it waited for failed', async () => {
    const { fake, got } = controller(async () => ({
      finished: { verdict: { state: 'started' }, taskDefinitionArn: NEW },
    }));
    const rollout = new ServiceRollout(prepared(), deps().deps, fake);

    await rollout.start(Promise.reject(new Error('RegisterTaskDefinition failed')));

    expect(got).toEqual([]);
    expect((await rollout.settle(undefined)).verdict).toMatchObject({
      state: 'failed',
      reason: 'RegisterTaskDefinition failed',
    });
  });

  it('is followed once started, and settles a success with what it observed', async () => {
    const { fake } = controller(async (registration) => ({
      following: following(),
      fields: {
        changed: true,
        registered: registration?.registered === true,
        taskDefinitionArn: NEW,
        deploymentId: 'd-1',
      },
    }));
    const rollout = new ServiceRollout(prepared(), deps().deps, fake);

    await rollout.start(Promise.resolve({ arn: NEW, registered: true }));

    expect(rollout.following).toBe(true);
    expect(rollout.what).toBe("deployment d-1 of service 'web'");
    const result = await rollout.settle({ state: 'succeeded' });
    expect(result).toMatchObject({
      verdict: { state: 'succeeded' },
      changed: true,
      registered: true,
      taskDefinitionArn: NEW,
      deploymentId: 'd-1',
      serviceDeployment: { arn: 'arn:rec' },
    });
    expect(rollout.following).toBe(false);
  });

  it('settles a failure through its controller (the rollback), keeping the deployment it started', async () => {
    const settled: Failure[] = [];
    const put = following(async (failure) => {
      settled.push(failure);
      return { verdict: failed(failure.kind, `${failure.reason}; rolled back`) };
    });
    const { fake } = controller(async () => ({
      following: put,
      fields: { changed: true, taskDefinitionArn: NEW, deploymentId: 'd-1' },
    }));
    const rollout = new ServiceRollout(prepared(), deps().deps, fake);
    await rollout.start(Promise.resolve({ arn: NEW, registered: true }));

    const result = await rollout.settle(failed('timed-out', 'Timed out'));

    expect(settled).toEqual([failed('timed-out', 'Timed out')]);
    expect(result).toMatchObject({
      verdict: { state: 'failed', reason: 'Timed out; rolled back' },
      deploymentId: 'd-1',
      taskDefinitionArn: NEW,
    });
  });

  it('starts with the registration its plan already carries, not the shared one', async () => {
    const early = { arn: NEW, registered: true };
    const { fake, got } = controller(async () => ({
      finished: { verdict: { state: 'started' }, taskDefinitionArn: NEW },
    }));
    const rollout = new ServiceRollout(prepared({ registration: early }), deps().deps, fake);

    await rollout.start(Promise.resolve({ arn: 'arn:other', registered: true }));

    expect(got).toEqual([early]);
  });

  it.each([
    { name: 'a plan with a new revision to register', overrides: {}, registers: true, needs: true },
    {
      name: 'a controller that registers nothing itself (Express Mode)',
      overrides: {},
      registers: false,
      needs: false,
    },
    {
      name: 'a plan that deploys a known revision',
      overrides: { plan: { targetArn: NEW } },
      registers: true,
      needs: false,
    },
    {
      name: 'a plan with nothing to update',
      overrides: { plan: { updateNeeded: false, targetArn: CURRENT } },
      registers: true,
      needs: false,
    },
    { name: 'a dry run', overrides: { options: { dryRun: true } }, registers: true, needs: false },
    {
      name: 'a plan registered already',
      overrides: { registration: { arn: NEW, registered: true } },
      registers: true,
      needs: false,
    },
  ])('needs a registration for $name: $needs', ({ overrides, registers, needs }) => {
    const { fake } = controller(
      async () => ({ finished: { verdict: { state: 'started' }, taskDefinitionArn: NEW } }),
      registers,
    );
    const plan = prepared(overrides);
    expect(new ServiceRollout(plan, deps().deps, fake).registrationNeed).toBe(needs ? plan : undefined);
  });
});
