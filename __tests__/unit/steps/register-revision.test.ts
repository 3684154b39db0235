import { RegisterTaskDefinitionCommand } from '@aws-sdk/client-ecs';
import { afterEach, describe, expect, it } from 'vitest';
import { failureText } from '../../../src/plan/verdict.ts';
import { registerOrReuse } from '../../../src/steps/register-revision.ts';
import { CLUSTER, taskDefinitionArn as taskDefinitionArnOf } from '../../support/ecs-builders.ts';
import {
  CONCURRENT,
  clientException,
  completed,
  deployService,
  describedWeb,
  INTERVAL,
  NEW_ARN,
  optionsFor,
  RESIZED,
  RUNNING_ARN,
  resized,
  restoreWorlds,
  runningService,
  TAGS,
  world,
} from '../../support/ecs-step-world.ts';
import type { DescribedJson } from '../../support/fake-ecs.ts';

afterEach(restoreWorlds);

describe('deployEcs when ECS refuses a concurrent registration into the family', () => {
  it('retries RegisterTaskDefinition with backoff and deploys the revision it got', async () => {
    const w = world();
    w.servicePolls(runningService(), completed());
    w.mock
      .on(RegisterTaskDefinitionCommand)
      .rejectsOnce(clientException(CONCURRENT))
      .rejectsOnce(clientException(CONCURRENT))
      .resolves({ taskDefinition: { taskDefinitionArn: NEW_ARN } });
    w.updates();

    const result = await deployService(optionsFor(RESIZED), w.deps);

    expect(w.sent.register()).toHaveLength(3);
    expect(w.sent.update()).toEqual([
      { cluster: CLUSTER, service: 'web', taskDefinition: NEW_ARN, forceNewDeployment: false },
    ]);
    expect(result).toMatchObject({ verdict: { state: 'succeeded' }, registered: true, taskDefinitionArn: NEW_ARN });
    const retries = w.log.filter((l) => l.message.includes('another revision of the family is being registered'));
    expect(retries.map((l) => l.message)).toEqual([
      expect.stringContaining('attempt 2 in'),
      expect.stringContaining('attempt 3 in'),
    ]);
    // It waited between attempts (on the fake clock), rather than hammering ECS.
    expect(w.sleeps).toHaveLength(2);
  });

  it('fails the service at once on any other ClientException, without updating it', async () => {
    const w = world();
    w.servicePolls(runningService());
    w.mock
      .on(RegisterTaskDefinitionCommand)
      .rejects(clientException('Invalid setting for container app: memoryReservation.'));

    const result = await deployService(optionsFor(RESIZED), w.deps);

    expect(result.verdict).toMatchObject({ state: 'failed', kind: 'error' });
    expect(failureText(result.verdict)).toContain('Invalid setting for container app');
    expect(result).toMatchObject({ changed: false, taskDefinitionArn: RUNNING_ARN });
    expect(w.sent.register()).toHaveLength(1);
    expect(w.sent.update()).toEqual([]);
    expect(w.sleeps).toEqual([]);
  });

  it('gives up once the wait timeout has passed, saying how often it tried and why', async () => {
    const w = world();
    w.servicePolls(runningService());
    w.mock.on(RegisterTaskDefinitionCommand).rejects(clientException(CONCURRENT));

    const error = failureText(
      (
        await deployService(
          optionsFor({ ...RESIZED, wait: { enabled: true, timeoutMs: 20_000, intervalMs: INTERVAL } }),
          w.deps,
        )
      ).verdict,
    );

    const attempts = w.sent.register().length;
    expect(attempts).toBeGreaterThan(1);
    expect(String(error)).toContain(`RegisterTaskDefinition for family 'web' still failed after ${attempts} attempts`);
    expect(String(error)).toContain(CONCURRENT);
    expect(w.sent.update()).toEqual([]);
    // Never slept past the deadline.
    expect(w.sleeps.reduce((sum, ms) => sum + ms, 0)).toBeLessThanOrEqual(20_000);
  });

  it('deploys the revision a parallel job registered meanwhile when it is the same, instead of registering again', async () => {
    const definitions: Record<string, DescribedJson> = {
      [RUNNING_ARN]: { taskDefinition: describedWeb(5), tags: TAGS },
    };
    const w = world(definitions);
    w.servicePolls(runningService(), completed());
    w.mock.on(RegisterTaskDefinitionCommand).callsFakeOnce(() => {
      definitions.web = { taskDefinition: describedWeb(6, resized), tags: TAGS };
      throw clientException(CONCURRENT);
    });
    w.updates();

    const result = await deployService(optionsFor(RESIZED), w.deps);

    expect(w.sent.register()).toHaveLength(1);
    expect(w.sent.describeTaskDefinition().filter((input) => input.taskDefinition === 'web')).toHaveLength(2);
    expect(w.sent.update()).toEqual([
      { cluster: CLUSTER, service: 'web', taskDefinition: NEW_ARN, forceNewDeployment: false },
    ]);
    expect(result).toMatchObject({
      verdict: { state: 'succeeded' },
      changed: true,
      registered: false,
      taskDefinitionArn: NEW_ARN,
    });
  });
});

describe('deployEcs when the answer to RegisterTaskDefinition is lost', () => {
  it('finds the revision the lost call made and deploys it, instead of registering a twin', async () => {
    const definitions: Record<string, DescribedJson> = {
      [RUNNING_ARN]: { taskDefinition: describedWeb(5), tags: TAGS },
    };
    const w = world(definitions);
    w.servicePolls(runningService(), completed());
    w.mock.on(RegisterTaskDefinitionCommand).callsFakeOnce(() => {
      // ECS applied it; the connection broke before the answer arrived.
      definitions.web = { taskDefinition: describedWeb(6, resized), tags: TAGS };
      throw Object.assign(new Error('socket hang up'), { code: 'ECONNRESET' });
    });
    w.updates();

    const result = await deployService(optionsFor(RESIZED), w.deps);

    expect(w.sent.register()).toHaveLength(1);
    expect(w.sent.update()).toEqual([
      { cluster: CLUSTER, service: 'web', taskDefinition: NEW_ARN, forceNewDeployment: false },
    ]);
    expect(result).toMatchObject({ verdict: { state: 'succeeded' }, taskDefinitionArn: NEW_ARN });
    expect(w.log.some((l) => l.message.includes('the connection failed'))).toBe(true);
  });

  it('registers again after throttling that did not register anything', async () => {
    const w = world();
    w.servicePolls(runningService(), completed());
    w.mock
      .on(RegisterTaskDefinitionCommand)
      .rejectsOnce(
        Object.assign(new Error('Rate exceeded'), { name: 'ThrottlingException', $metadata: { httpStatusCode: 400 } }),
      )
      .resolves({ taskDefinition: { taskDefinitionArn: NEW_ARN } });
    w.updates();

    const result = await deployService(optionsFor(RESIZED), w.deps);

    expect(w.sent.register()).toHaveLength(2);
    expect(result).toMatchObject({ verdict: { state: 'succeeded' }, registered: true, taskDefinitionArn: NEW_ARN });
  });
});

describe('registerOrReuse on its own', () => {
  it('reuses the family’s latest revision when it is exactly what was rendered', async () => {
    const w = world({ web: { taskDefinition: describedWeb(6, resized), tags: TAGS } });

    const registration = await registerOrReuse(resized, TAGS, { timeoutMs: 60_000 }, w.deps);

    expect(registration).toEqual({ arn: NEW_ARN, registered: false });
    expect(w.sent.register()).toEqual([]);
  });

  it('registers a family ECS does not know yet (a file of a new family)', async () => {
    const w = world({});
    w.registers(taskDefinitionArnOf('web', 1));

    const registration = await registerOrReuse(resized, TAGS, { timeoutMs: 60_000 }, w.deps);

    expect(registration).toEqual({ arn: taskDefinitionArnOf('web', 1), registered: true });
    expect(w.sent.register()).toEqual([{ ...resized, tags: TAGS }]);
  });
});
