import { describe, expect, it } from 'vitest';
import type { StepDeps } from '../../src/deps.ts';
import { UserError } from '../../src/errors.ts';
import type { Mode } from '../../src/names.ts';
import { type Grouper, runPipeline, type Steps } from '../../src/pipeline.ts';
import { failed } from '../../src/plan/verdict.ts';
import type {
  EcsDeployResult,
  EcsResult,
  ImageResult,
  LambdaResult,
  ParameterResult,
  RunTaskResult,
} from '../../src/results.ts';
import type {
  EcsDeployOptions,
  LambdaOptions,
  ParameterOptions,
  RunTaskOptions,
  Settings,
} from '../../src/settings.ts';
import type { EcsPrepared } from '../../src/steps/ecs.ts';
import type { LambdaPlan } from '../../src/steps/lambda-plan.ts';
import type { ParameterPlan } from '../../src/steps/parameter.ts';
import type { RunTaskPlan } from '../../src/steps/run-task.ts';
import { stopReason } from '../../src/wait.ts';
import { fakeClients } from '../support/fake-clients.ts';

// The pipeline is tested with fake steps that record what ran, in which order, with what:
// the steps themselves have their own tests.

const REPOSITORY = '123456789012.dkr.ecr.eu-west-1.amazonaws.com/app';
const DIGEST = `sha256:${'b'.repeat(64)}`;
const IMAGE: ImageResult = {
  reference: `${REPOSITORY}@${DIGEST}`,
  repository: REPOSITORY,
  tag: 'v1.2.3',
  digest: DIGEST,
  tagSource: 'release-ref',
  durationMs: 10,
};

const ECS: EcsDeployOptions = {
  cluster: 'prod',
  services: ['web'],
  source: { kind: 'service' },
  image: `${REPOSITORY}:old`,
  environment: [],
  forceNewDeployment: false,
  dryRun: false,
  wait: { enabled: true, timeoutMs: 60_000, intervalMs: 3000 },
  maxFailedTasks: 3,
  waitUntil: 'completed',
  rollbackOnFailure: false,
};
const LAMBDA: LambdaOptions = {
  functionNames: ['api'],
  publish: false,
  traffic: { kind: 'all-at-once' },
  alarms: [],
  dryRun: false,
  region: 'eu-west-1',
  wait: { timeoutMs: 60_000, intervalMs: 3000 },
};
const PARAMETER: ParameterOptions = {
  name: '/app/prod/image-tag',
  template: '{tag}',
  tags: [],
  dryRun: false,
  timeoutMs: 60_000,
};

const RUN_TASK: RunTaskOptions = {
  cluster: 'prod',
  source: { kind: 'ecs' },
  command: ['npm', 'run', 'migrate'],
  environment: [],
  launch: { launchType: 'FARGATE' },
  startedBy: 'image-deploy',
  clientToken: 'token',
  logs: false,
  tags: [],
  enableEcsManagedTags: false,
  dryRun: false,
  wait: { timeoutMs: 60_000, intervalMs: 3000 },
};

function runTaskResult(overrides: Partial<RunTaskResult> = {}): RunTaskResult {
  return {
    cluster: 'prod',
    verdict: { state: 'succeeded' },
    changed: true,
    taskDefinitionArn: 'arn:aws:ecs:eu-west-1:123456789012:task-definition/web:2',
    taskArn: 'arn:aws:ecs:eu-west-1:123456789012:task/prod/abc',
    exitCode: 0,
    logs: [],
    durationMs: 1,
    ...overrides,
  };
}

function settings(modes: Mode[], parts: Partial<Settings> = {}): Settings {
  return { modes, region: 'eu-west-1', dryRun: false, ...parts };
}

const ALL = settings(['image', 'ecs', 'lambda', 'parameter'], {
  image: { image: REPOSITORY, pinDigest: true, git: { ref: 'refs/tags/v1.2.3' } },
  ecs: ECS,
  lambda: LAMBDA,
  parameter: PARAMETER,
});

function ecsResult(overrides: Partial<EcsResult> = {}): EcsDeployResult {
  const service = serviceResult(overrides);
  return { services: [service], changed: service.changed, verdict: service.verdict };
}

function serviceResult(overrides: Partial<EcsResult> = {}): EcsResult {
  return {
    cluster: 'prod',
    service: 'web',
    verdict: { state: 'succeeded' },
    changed: true,
    registered: true,
    previousTaskDefinitionArn: 'arn:aws:ecs:eu-west-1:123456789012:task-definition/web:1',
    taskDefinitionArn: 'arn:aws:ecs:eu-west-1:123456789012:task-definition/web:2',
    diff: [],
    before: {},
    after: {},
    durationMs: 1,
    ...overrides,
  };
}

function lambdaResult(overrides: Partial<LambdaResult> = {}): LambdaResult {
  return { functions: [], changed: true, verdict: { state: 'succeeded' }, ...overrides };
}

function parameterResult(): ParameterResult {
  return {
    name: PARAMETER.name,
    verdict: { state: 'updated' },
    changed: true,
    value: 'v1.2.3',
    version: '2',
    durationMs: 1,
  };
}

interface Recorder {
  events: string[];
  runTaskArn?: string;
  runTaskSource?: RunTaskOptions['source'];
  logs: string[];
  groups: string[];
  ecsOptions?: EcsDeployOptions;
  deps: StepDeps;
  group: Grouper;
}

function recorder(): Recorder {
  const events: string[] = [];
  const logs: string[] = [];
  const groups: string[] = [];
  const log = { info: (m: string) => logs.push(m), warning: (m: string) => logs.push(m), debug: () => undefined };
  return {
    events,
    logs,
    groups,
    deps: { log, clients: fakeClients(), sleep: async () => undefined, now: () => 0 },
    group: async (title, fn) => {
      groups.push(title);
      return fn();
    },
  };
}

/** Fake steps that record calls; each can be replaced per test. */
function fakeSteps(rec: Recorder, overrides: Partial<Steps> = {}): Steps {
  return {
    resolveImage: async () => {
      rec.events.push('resolveImage');
      return IMAGE;
    },
    prepareRunTask: async (options) => {
      rec.events.push('prepareRunTask');
      rec.runTaskSource = options.source;
      return { options } as RunTaskPlan;
    },
    applyRunTask: async (_plan, _deps, arn) => {
      rec.events.push('applyRunTask');
      rec.runTaskArn = arn;
      return runTaskResult();
    },
    ensureRegistered: async (prepared) => {
      rec.events.push('ensureRegistered');
      return {
        ...prepared,
        registration: { arn: 'arn:aws:ecs:eu-west-1:123456789012:task-definition/web:2', registered: true },
      };
    },
    prepareEcs: async (options) => {
      rec.events.push('prepareEcs');
      rec.ecsOptions = options;
      return options.services.map((service) => ({
        options: { ...options, service },
        controller: 'ecs' as const,
        currentArn: 'arn',
        plan: { rendered: { family: 'web' } } as unknown as EcsPrepared['plan'],
        started: 0,
        standing: { kind: 'unchanged' as const },
      }));
    },
    applyEcs: async (_prepared, deps) => {
      rec.events.push('applyEcs:start');
      deps.log.info('rolling');
      await Promise.resolve();
      await Promise.resolve();
      rec.events.push('applyEcs:end');
      return ecsResult();
    },
    prepareLambda: async (options, image) => {
      rec.events.push('prepareLambda');
      return { options, image } as LambdaPlan;
    },
    applyLambda: async (_plan, deps) => {
      rec.events.push('applyLambda:start');
      deps.log.info('updating');
      await Promise.resolve();
      rec.events.push('applyLambda:end');
      return lambdaResult();
    },
    prepareParameter: async (options) => {
      rec.events.push('prepareParameter');
      return { options, value: 'v1.2.3' } as ParameterPlan;
    },
    applyParameter: async () => {
      rec.events.push('applyParameter');
      return parameterResult();
    },
    putEcsBack: async () => {
      rec.events.push('putEcsBack');
      return ['ecs: put back'];
    },
    putLambdaBack: async () => {
      rec.events.push('putLambdaBack');
      return ['lambda: put back'];
    },
    ...overrides,
  };
}

describe('runPipeline', () => {
  it('runs image, then plans every mode, then ecs and lambda together, then the parameter', async () => {
    const rec = recorder();
    const outcome = await runPipeline(ALL, rec.deps, rec.group, fakeSteps(rec));
    expect(rec.events).toEqual([
      'resolveImage',
      'prepareEcs',
      'prepareLambda',
      'prepareParameter',
      'applyEcs:start',
      'applyLambda:start',
      'applyLambda:end',
      'applyEcs:end',
      'applyParameter',
    ]);
    expect(outcome.failures).toEqual([]);
    expect(outcome.skipped).toEqual([]);
    expect(outcome.parameter?.version).toBe('2');
  });

  it('hands the parameter step what ECS and Lambda left running, in its plan', async () => {
    const rec = recorder();
    let targets: ParameterPlan['targets'] | undefined;
    const steps = fakeSteps(rec, {
      prepareLambda: async (options, image) => ({ options, image, digest: DIGEST }) as LambdaPlan,
      applyEcs: async () => ecsResult({ deploymentId: 'ecs-svc/7' }),
      applyLambda: async () =>
        lambdaResult({
          functions: [
            {
              functionName: 'api',
              functionArn: 'arn:aws:lambda:eu-west-1:123456789012:function:api',
              verdict: { state: 'succeeded' },
              changed: true,
              image: `${REPOSITORY}@${DIGEST}`,
              changes: [],
              durationMs: 1,
            },
          ],
        }),
      applyParameter: async (plan) => {
        targets = plan.targets;
        return parameterResult();
      },
    });
    await runPipeline(ALL, rec.deps, rec.group, steps);
    expect(targets).toEqual([
      {
        kind: 'ecs',
        cluster: 'prod',
        service: 'web',
        taskDefinitionArn: 'arn:aws:ecs:eu-west-1:123456789012:task-definition/web:2',
        deploymentId: 'ecs-svc/7',
      },
      { kind: 'lambda', functionName: 'api', digest: DIGEST },
    ]);
  });

  it('follows the fixed order whatever order the modes were written in', async () => {
    const rec = recorder();
    await runPipeline({ ...ALL, modes: ['parameter', 'lambda', 'ecs', 'image'] }, rec.deps, rec.group, fakeSteps(rec));
    expect(rec.events.at(0)).toBe('resolveImage');
    expect(rec.events.at(-1)).toBe('applyParameter');
  });

  it('gives ECS the resolved reference, pinned by digest, instead of the image input', async () => {
    const rec = recorder();
    await runPipeline(ALL, rec.deps, rec.group, fakeSteps(rec));
    expect(rec.ecsOptions?.image).toBe(`${REPOSITORY}@${DIGEST}`);
  });

  it('leaves the ECS image as written when the image mode does not run', async () => {
    const rec = recorder();
    await runPipeline(settings(['ecs'], { ecs: ECS }), rec.deps, rec.group, fakeSteps(rec));
    expect(rec.events).toEqual(['prepareEcs', 'applyEcs:start', 'applyEcs:end']);
    expect(rec.ecsOptions?.image).toBe(`${REPOSITORY}:old`);
  });

  it('prefixes the log lines of ecs and lambda while they run together', async () => {
    const rec = recorder();
    await runPipeline(ALL, rec.deps, rec.group, fakeSteps(rec));
    expect(rec.logs).toContain('[ecs] rolling');
    expect(rec.logs).toContain('[lambda] updating');
  });

  it('uses a log group per phase when only one deploying mode runs', async () => {
    const rec = recorder();
    await runPipeline(settings(['ecs'], { ecs: ECS }), rec.deps, rec.group, fakeSteps(rec));
    expect(rec.groups).toEqual([
      "ecs: plan service 'web' in cluster 'prod'",
      "ecs: deploy service 'web' in cluster 'prod'",
    ]);
    expect(rec.logs).toContain('rolling');
  });

  it('stops everything when the image cannot be resolved', async () => {
    const rec = recorder();
    const steps = fakeSteps(rec, {
      resolveImage: async () => {
        throw new UserError("Tag 'v9' was not found in repository app");
      },
    });
    const outcome = await runPipeline(ALL, rec.deps, rec.group, steps);
    expect(rec.events).toEqual([]);
    expect(outcome.failures).toEqual([
      { mode: 'image', failure: failed('error', "Tag 'v9' was not found in repository app") },
    ]);
    expect(outcome.skipped).toEqual(['ecs', 'lambda', 'parameter']);
  });

  it('changes nothing when any mode fails to plan, and still plans the others to report every problem', async () => {
    const rec = recorder();
    const steps = fakeSteps(rec, {
      prepareLambda: async () => {
        rec.events.push('prepareLambda');
        throw new UserError("Function 'api' was not found");
      },
    });
    const outcome = await runPipeline(ALL, rec.deps, rec.group, steps);
    expect(rec.events).toEqual(['resolveImage', 'prepareEcs', 'prepareLambda', 'prepareParameter']);
    expect(outcome.failures).toEqual([{ mode: 'lambda', failure: failed('error', "Function 'api' was not found") }]);
    expect(outcome.skipped).toEqual(['ecs', 'parameter']);
  });

  it('does not write the parameter when the ECS rollout failed, but lets Lambda finish', async () => {
    const rec = recorder();
    const steps = fakeSteps(rec, { applyEcs: async () => ecsResult({ verdict: failed('error', 'rolled back') }) });
    const outcome = await runPipeline(ALL, rec.deps, rec.group, steps);
    expect(rec.events).toContain('applyLambda:end');
    expect(rec.events).not.toContain('applyParameter');
    expect(outcome.failures).toEqual([{ mode: 'ecs', failure: failed('error', 'rolled back') }]);
    expect(outcome.skipped).toEqual(['parameter']);
    expect(outcome.ecs?.verdict.state).toBe('failed');
  });

  it('does not write the parameter when a Lambda update failed', async () => {
    const rec = recorder();
    const steps = fakeSteps(rec, {
      applyLambda: async () => lambdaResult({ verdict: failed('error', 'api: update Failed: ImageLayerFailure') }),
    });
    const outcome = await runPipeline(ALL, rec.deps, rec.group, steps);
    expect(rec.events).not.toContain('applyParameter');
    expect(outcome.failures).toEqual([
      { mode: 'lambda', failure: failed('error', 'api: update Failed: ImageLayerFailure') },
    ]);
  });

  describe('with rollback-on-failure and ecs and lambda in one step', () => {
    const withRollback = settings(['image', 'ecs', 'lambda', 'parameter'], {
      image: { image: REPOSITORY, pinDigest: true, git: { ref: 'refs/tags/v1.2.3' } },
      ecs: { ...ECS, rollbackOnFailure: true },
      lambda: LAMBDA,
      parameter: PARAMETER,
    });

    it('puts the service back when a Lambda update failed, and never writes the parameter', async () => {
      const rec = recorder();
      const steps = fakeSteps(rec, {
        applyLambda: async () => lambdaResult({ verdict: failed('update-failed', 'api: update Failed') }),
      });
      const outcome = await runPipeline(withRollback, rec.deps, rec.group, steps);
      expect(rec.events).toContain('putEcsBack');
      expect(rec.events).not.toContain('applyParameter');
      expect(outcome.putBack).toEqual(['ecs: put back', 'lambda: put back']);
    });

    it('puts the Lambda functions back when the ECS deployment failed, leaving the service to its own rollback', async () => {
      const rec = recorder();
      const steps = fakeSteps(rec, { applyEcs: async () => ecsResult({ verdict: failed('rolled-back', 'alarm') }) });
      const outcome = await runPipeline(withRollback, rec.deps, rec.group, steps);
      expect(rec.events).toContain('putLambdaBack');
      expect(rec.events).not.toContain('putEcsBack');
      expect(rec.events).not.toContain('applyParameter');
      expect(outcome.putBack).toEqual(['lambda: put back']);
    });

    it('puts nothing back without rollback-on-failure', async () => {
      const rec = recorder();
      const steps = fakeSteps(rec, { applyEcs: async () => ecsResult({ verdict: failed('rolled-back', 'alarm') }) });
      const outcome = await runPipeline(ALL, rec.deps, rec.group, steps);
      expect(rec.events.filter((e) => e.startsWith('put'))).toEqual([]);
      expect(outcome.putBack).toBeUndefined();
    });
  });

  describe('with ecs and lambda in one step, when ECS fails', () => {
    const aliased = (overrides: Partial<LambdaResult['functions'][number]> = {}) => ({
      functionName: 'api',
      functionArn: 'arn:aws:lambda:eu-west-1:123456789012:function:api',
      verdict: { state: 'succeeded' as const },
      changed: true,
      image: `${REPOSITORY}@${DIGEST}`,
      changes: [],
      durationMs: 1,
      alias: 'live',
      previousAliasVersion: '3',
      version: '4',
      ...overrides,
    });

    it("stops the running Lambda shift at once, through the signal it was given, with ECS's failure as the reason", async () => {
      const rec = recorder();
      let given: AbortSignal | undefined;
      const steps = fakeSteps(rec, {
        applyEcs: async () => {
          await Promise.resolve();
          return ecsResult({ verdict: failed('rolled-back', 'circuit breaker') });
        },
        applyLambda: async (_plan, _deps, stop) => {
          given = stop;
          // The shift holds until it is stopped, as a canary's hold would.
          await new Promise((resolve) => stop?.addEventListener('abort', resolve, { once: true }));
          return lambdaResult({ verdict: failed('rolled-back', stopReason(stop)?.message ?? 'not stopped') });
        },
      });

      const outcome = await runPipeline(ALL, rec.deps, rec.group, steps);

      expect(given?.aborted).toBe(true);
      expect(outcome.failures.map((f) => [f.mode, f.failure.reason])).toEqual([
        ['ecs', 'circuit breaker'],
        ['lambda', expect.stringContaining('ecs failed in the same step')],
      ]);
      expect(rec.events).not.toContain('applyParameter');
    });

    it('gives Lambda no stop signal when ECS does not deploy in the step', async () => {
      const rec = recorder();
      let given: AbortSignal | undefined | 'not called' = 'not called';
      const steps = fakeSteps(rec, {
        applyLambda: async (_plan, _deps, stop) => {
          given = stop;
          return lambdaResult();
        },
      });
      await runPipeline(
        settings(['image', 'lambda'], { image: ALL.image, lambda: LAMBDA }),
        rec.deps,
        rec.group,
        steps,
      );
      expect(given).toBeUndefined();
    });

    it('puts back the aliases a finished shift moved, without rollback-on-failure', async () => {
      const rec = recorder();
      let handed: LambdaResult | undefined;
      const steps = fakeSteps(rec, {
        applyEcs: async () => ecsResult({ verdict: failed('rolled-back', 'circuit breaker') }),
        applyLambda: async () =>
          lambdaResult({ functions: [aliased(), aliased({ functionName: 'worker', alias: undefined })] }),
        putLambdaBack: async (result) => {
          handed = result;
          return ['lambda: api alias live back on version 3 (no routing)'];
        },
      });

      const outcome = await runPipeline(ALL, rec.deps, rec.group, steps);

      // Only the aliases: a function deployed without one is rollback-on-failure's to put back.
      expect(handed?.functions.map((f) => f.functionName)).toEqual(['api']);
      expect(outcome.putBack).toEqual(['lambda: api alias live back on version 3 (no routing)']);
      expect(rec.events).not.toContain('putEcsBack');
    });
  });

  it('reports both failures in mode order when ecs and lambda both fail', async () => {
    const rec = recorder();
    const steps = fakeSteps(rec, {
      applyEcs: async () => {
        await Promise.resolve();
        await Promise.resolve();
        return ecsResult({ verdict: failed('error', 'rolled back') });
      },
      applyLambda: async () => {
        throw new Error('UpdateFunctionCode failed: AccessDenied');
      },
    });
    const outcome = await runPipeline(ALL, rec.deps, rec.group, steps);
    expect(outcome.failures.map((f) => f.mode)).toEqual(['ecs', 'lambda']);
    expect(outcome.failures[1]?.failure.reason).toBe('UpdateFunctionCode failed: AccessDenied');
    expect(outcome.skipped).toEqual(['parameter']);
  });

  it('records a failed parameter write as the failure, with nothing skipped', async () => {
    const rec = recorder();
    const steps = fakeSteps(rec, {
      applyParameter: async () => {
        throw new Error('PutParameter failed: AccessDenied');
      },
    });
    const outcome = await runPipeline(ALL, rec.deps, rec.group, steps);
    expect(outcome.failures).toEqual([
      { mode: 'parameter', failure: failed('error', 'PutParameter failed: AccessDenied') },
    ]);
    expect(outcome.skipped).toEqual([]);
    expect(outcome.parameter).toBeUndefined();
  });

  describe('with a one-off task', () => {
    const WITH_TASK = {
      ...ALL,
      modes: ['image', 'run-task', 'ecs', 'lambda', 'parameter'] as Mode[],
      runTask: RUN_TASK,
    };

    it('plans it with the others, runs it before ecs and lambda, on the revision ecs registered for it', async () => {
      const rec = recorder();
      await runPipeline(WITH_TASK, rec.deps, rec.group, fakeSteps(rec));
      expect(rec.events.slice(0, 7)).toEqual([
        'resolveImage',
        'prepareEcs',
        'prepareRunTask',
        'prepareLambda',
        'prepareParameter',
        'ensureRegistered',
        'applyRunTask',
      ]);
      expect(rec.events.at(-1)).toBe('applyParameter');
      expect(rec.runTaskArn).toBe('arn:aws:ecs:eu-west-1:123456789012:task-definition/web:2');
    });

    it("hands the definition ecs rendered to the task's plan, so its container is checked before any change", async () => {
      const rec = recorder();
      await runPipeline(WITH_TASK, rec.deps, rec.group, fakeSteps(rec));
      expect(rec.runTaskSource).toEqual({ kind: 'ecs', taskDefinition: { family: 'web' } });
    });

    it('registers nothing early when the task names its own task definition', async () => {
      const rec = recorder();
      await runPipeline(
        { ...WITH_TASK, runTask: { ...RUN_TASK, source: { kind: 'registered', ref: 'migrate' } } },
        rec.deps,
        rec.group,
        fakeSteps(rec),
      );
      expect(rec.events).not.toContain('ensureRegistered');
      expect(rec.runTaskArn).toBeUndefined();
    });

    it('stops ecs, lambda and the parameter when the task fails', async () => {
      const rec = recorder();
      const steps = fakeSteps(rec, {
        applyRunTask: async () => runTaskResult({ verdict: failed('error', 'app: exit code 1'), exitCode: 1 }),
      });
      const outcome = await runPipeline(WITH_TASK, rec.deps, rec.group, steps);
      expect(rec.events.filter((e) => e.startsWith('apply'))).toEqual([]);
      expect(outcome.failures).toEqual([{ mode: 'run-task', failure: failed('error', 'app: exit code 1') }]);
      expect(outcome.skipped).toEqual(['ecs', 'lambda', 'parameter']);
      expect(outcome.runTask?.exitCode).toBe(1);
    });
  });
});
