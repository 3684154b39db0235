import {
  DescribeServiceDeploymentsCommand,
  DescribeServicesCommand,
  type DescribeServicesCommandInput,
  DescribeTasksCommand,
  ListTasksCommand,
  RegisterTaskDefinitionCommand,
  type Service,
  UpdateServiceCommand,
  type UpdateServiceCommandInput,
} from '@aws-sdk/client-ecs';
import { afterEach, describe, expect, it } from 'vitest';
import { UserError } from '../../../src/errors.ts';
import { failureText } from '../../../src/plan/verdict.ts';
import { applyEcs, prepareEcs } from '../../../src/steps/ecs.ts';
import {
  ACCOUNT,
  aDeployment,
  aService,
  aStoppedTask,
  REGION,
  taskArn,
  taskDefinitionArn,
} from '../../support/ecs-builders.ts';
import { describedWeb, INTERVAL, optionsFor, registerableWeb } from '../../support/ecs-step-world.ts';
import { fakeClients } from '../../support/fake-clients.ts';
import { fakeDeps } from '../../support/fake-deps.ts';
import { type DescribedJson, ecsWithTaskDefinitions } from '../../support/fake-ecs.ts';

// Several services deployed by one step against a fleet of fake services: each answers
// DescribeServices with its running revision until its UpdateService, then plays its script.

const IMAGE = `${ACCOUNT}.dkr.ecr.${REGION}.amazonaws.com/web@sha256:${'b'.repeat(64)}`;

type Script = (poll: number, deploymentId: string, taskDefinition: string) => Service;

/** Completes on the given poll (counted from the first poll after the update). */
const completesOnPoll =
  (n: number, name: string): Script =>
  (poll, id, td) =>
    aService({
      serviceName: name,
      taskDefinition: td,
      deployments: [
        aDeployment({
          id,
          taskDefinition: td,
          rolloutState: poll >= n ? 'COMPLETED' : 'IN_PROGRESS',
          runningCount: poll >= n ? 2 : 0,
          pendingCount: poll >= n ? 0 : 2,
        }),
      ],
    });

/** A task stops on every poll and none comes up. */
const crashLoops =
  (name: string): Script =>
  (poll, id, td) =>
    aService({
      serviceName: name,
      taskDefinition: td,
      deployments: [
        aDeployment({
          id,
          taskDefinition: td,
          rolloutState: 'IN_PROGRESS',
          runningCount: 0,
          pendingCount: 2,
          failedTasks: poll,
        }),
      ],
    });

interface FleetService {
  name: string;
  family: string;
  /** The registerable definition the service runs now (revision 5). */
  definition: Record<string, unknown>;
  script: Script;
}

const restores: Array<() => void> = [];
afterEach(() => {
  for (const restore of restores.splice(0)) restore();
});

function fleet(services: FleetService[]) {
  const definitions: Record<string, DescribedJson> = {};
  for (const s of services) {
    definitions[taskDefinitionArn(s.family, 5)] = {
      taskDefinition: { ...describedWeb(5, s.definition), taskDefinitionArn: taskDefinitionArn(s.family, 5) },
    };
  }
  const { ecs, mock } = ecsWithTaskDefinitions(definitions, REGION);
  restores.push(() => mock.restore());
  const fake = fakeDeps(fakeClients({ ecs }));
  const updated = new Map<string, { id: string; td: string; polls: number }>();
  let registered = 0;
  mock.on(RegisterTaskDefinitionCommand).callsFake((input: { family?: string }) => {
    registered += 1;
    return { taskDefinition: { taskDefinitionArn: taskDefinitionArn(input.family, 5 + registered) } };
  });
  mock.on(UpdateServiceCommand).callsFake((input: UpdateServiceCommandInput) => {
    const s = services.find((f) => f.name === input.service);
    if (s === undefined || input.taskDefinition === undefined) throw new Error(`no service ${input.service}`);
    const id = `ecs-svc/${s.name}`;
    updated.set(s.name, { id, td: input.taskDefinition, polls: 0 });
    return { service: s.script(0, id, input.taskDefinition) };
  });
  mock.on(DescribeServicesCommand).callsFake((input: DescribeServicesCommandInput) => ({
    services: (input.services ?? []).map((name) => {
      const s = services.find((f) => f.name === name);
      if (s === undefined) throw new Error(`no service ${name}`);
      const state = updated.get(name);
      if (state === undefined) {
        const running = taskDefinitionArn(s.family, 5);
        return aService({
          serviceName: name,
          taskDefinition: running,
          deployments: [aDeployment({ id: `ecs-svc/${name}-old`, taskDefinition: running })],
        });
      }
      state.polls += 1;
      return s.script(state.polls, state.id, state.td);
    }),
    failures: [],
  }));
  mock.on(ListTasksCommand).callsFake((input: { startedBy?: string }) => ({
    taskArns: [taskArn(`${String(input.startedBy).replace(/\W/g, '')}0000000000000000`.slice(0, 32))],
  }));
  mock.on(DescribeTasksCommand).callsFake((input: { tasks?: string[] }) => ({
    tasks: (input.tasks ?? []).map((arn) => aStoppedTask({ taskArn: arn })),
  }));
  return {
    ...fake,
    mock,
    describeServices: () => mock.commandCalls(DescribeServicesCommand).map((c) => c.args[0].input.services),
    registrations: () => mock.commandCalls(RegisterTaskDefinitionCommand).map((c) => c.args[0].input.family),
    updates: () =>
      mock.commandCalls(UpdateServiceCommand).map((c) => [c.args[0].input.service, c.args[0].input.taskDefinition]),
  };
}

const web = (script: Script = completesOnPoll(2, 'web')): FleetService => ({
  name: 'web',
  family: 'web',
  definition: registerableWeb(),
  script,
});
const worker = (script: Script = completesOnPoll(3, 'worker')): FleetService => ({
  name: 'worker',
  family: 'worker',
  definition: registerableWeb({
    family: 'worker',
    containerDefinitions: [
      { name: 'worker', image: `${ACCOUNT}.dkr.ecr.${REGION}.amazonaws.com/web:v1`, essential: true },
    ],
  }),
  script,
});

const options = (services: string[], more: Parameters<typeof optionsFor>[0] = {}) =>
  optionsFor({ services, image: IMAGE, ...more });

async function deploy(f: ReturnType<typeof fleet>, services: string[], more: Parameters<typeof optionsFor>[0] = {}) {
  const prepared = await prepareEcs(options(services, more), f.deps);
  return applyEcs(prepared, f.deps);
}

describe('applyEcs with several services', () => {
  it('renders each from its own revision, updates all, and follows them with one DescribeServices per poll', async () => {
    const f = fleet([web(), worker()]);

    const result = await deploy(f, ['web', 'worker']);

    expect(result.verdict).toEqual({ state: 'succeeded' });
    expect(result.services.map((s) => [s.service, s.verdict.state, s.taskDefinitionArn, s.deploymentId])).toEqual([
      ['web', 'succeeded', expect.stringMatching(/task-definition\/web:\d+$/), 'ecs-svc/web'],
      ['worker', 'succeeded', expect.stringMatching(/task-definition\/worker:\d+$/), 'ecs-svc/worker'],
    ]);
    expect(f.registrations().sort()).toEqual(['web', 'worker']);
    expect(f.updates().map(([s]) => s)).toEqual(['web', 'worker']);
    // One for planning (both services), then one per poll for those still pending: web is done on poll 2, worker on 3.
    expect(f.describeServices()).toEqual([['web', 'worker'], ['web', 'worker'], ['web', 'worker'], ['worker']]);
    expect(f.sleeps).toEqual([INTERVAL, INTERVAL]);
    expect(result.services.every((s) => s.after.image === IMAGE)).toBe(true);
  });

  it('prefixes every line of a service with its name', async () => {
    const f = fleet([web(), worker()]);

    await deploy(f, ['web', 'worker']);

    const lines = f.messages('info');
    expect(lines).toContain("[web] Updated service 'web': deployment ecs-svc/web");
    expect(lines).toContain("[worker] Deployment ecs-svc/worker completed: service 'worker' runs it.");
    expect(
      lines.filter((l) => l.includes('running 0/2')).every((l) => l.startsWith('[web] ') || l.startsWith('[worker] ')),
    ).toBe(true);
    expect(lines.filter((l) => l.includes('running 0/2'))).not.toEqual([]);
  });

  it('fails the step naming the service that crash-looped, while the other deploys and keeps its verdict', async () => {
    const f = fleet([web(), worker(crashLoops('worker'))]);

    const result = await deploy(f, ['web', 'worker'], { maxFailedTasks: 3 });

    expect(result.services.map((s) => [s.service, s.verdict.state])).toEqual([
      ['web', 'succeeded'],
      ['worker', 'failed'],
    ]);
    expect(result.verdict.state).toBe('failed');
    expect(failureText(result.verdict)).toMatch(/^Service 'worker' failed \(1 of 2 services\): .*max-failed-tasks/);
    expect(f.messages('warning').every((l) => l.startsWith('[worker] '))).toBe(true);
  });

  it('reads the services’ deployment records together: one DescribeServiceDeployments per poll once each was read alone', async () => {
    const withRecord =
      (script: Script, name: string): Script =>
      (poll, id, td) => ({ ...script(poll, id, td), currentServiceDeployment: `arn:sd/${name}` });
    const f = fleet([
      web(withRecord(completesOnPoll(1, 'web'), 'web')),
      worker(withRecord(completesOnPoll(1, 'worker'), 'worker')),
    ]);
    // Each record turns SUCCESSFUL on its 4th read (web) or 5th (worker).
    const reads = new Map<string, number>();
    f.mock.on(DescribeServiceDeploymentsCommand).callsFake((input: { serviceDeploymentArns?: string[] }) => ({
      serviceDeployments: (input.serviceDeploymentArns ?? []).map((arn) => {
        const n = (reads.get(arn) ?? 0) + 1;
        reads.set(arn, n);
        const done = n >= (arn.endsWith('web') ? 4 : 5);
        return {
          serviceDeploymentArn: arn,
          status: done ? 'SUCCESSFUL' : 'IN_PROGRESS',
          lifecycleStage: done ? 'CLEAN_UP' : 'SCALE_UP',
        };
      }),
    }));

    const result = await deploy(f, ['web', 'worker']);

    expect(result.verdict).toEqual({ state: 'succeeded' });
    const calls = f.mock
      .commandCalls(DescribeServiceDeploymentsCommand)
      .map((c) => c.args[0].input.serviceDeploymentArns);
    // Poll 1: each record read alone (a probe: the first read of this API); polls 2-4: together; poll 5: worker alone.
    expect(calls).toEqual([
      ['arn:sd/web'],
      ['arn:sd/worker'],
      ['arn:sd/web', 'arn:sd/worker'],
      ['arn:sd/web', 'arn:sd/worker'],
      ['arn:sd/web', 'arn:sd/worker'],
      ['arn:sd/worker'],
    ]);
    expect(result.services.map((s) => s.serviceDeployment?.status)).toEqual(['SUCCESSFUL', 'SUCCESSFUL']);
  });

  it('ends only the wait of the service whose own calls fail (its ListTasks), the other deploys', async () => {
    const f = fleet([web(), worker(crashLoops('worker'))]);
    f.mock
      .on(ListTasksCommand)
      .rejects(
        Object.assign(new Error('Rate exceeded'), { name: 'ThrottlingException', $metadata: { httpStatusCode: 400 } }),
      );

    const result = await deploy(f, ['web', 'worker'], { maxFailedTasks: 3 });

    expect(result.services.map((s) => [s.service, s.verdict.state])).toEqual([
      ['web', 'succeeded'],
      ['worker', 'failed'],
    ]);
    expect(failureText(result.verdict)).toMatch(/^Service 'worker' failed \(1 of 2 services\): .*ListTasks/);
  });

  it('registers once for services that share a family and render the same definition, and points both at it', async () => {
    const f = fleet([web(), { ...web(completesOnPoll(1, 'web-canary')), name: 'web-canary' }]);

    const result = await deploy(f, ['web', 'web-canary']);

    expect(result.verdict).toEqual({ state: 'succeeded' });
    expect(f.registrations()).toEqual(['web']);
    const [[, first], [, second]] = f.updates() as [[string, string], [string, string]];
    expect(first).toBe(second);
    expect(result.services.map((s) => s.registered)).toEqual([true, true]);
  });

  it('asks DescribeServices for at most 10 services per call: 12 services cost 2 calls a poll', async () => {
    const names = Array.from({ length: 12 }, (_, i) => `svc-${i}`);
    const f = fleet(names.map((name) => ({ ...web(completesOnPoll(2, name)), name })));

    const result = await deploy(f, names);

    expect(result.verdict).toEqual({ state: 'succeeded' });
    // Planning reads them in the same batches as a poll.
    expect(f.describeServices().slice(0, 2)).toEqual([names.slice(0, 10), names.slice(10)]);
    const polls = f.describeServices().slice(2);
    expect(polls).toEqual([names.slice(0, 10), names.slice(10), names.slice(0, 10), names.slice(10)]);
    expect(f.sleeps).toEqual([INTERVAL]);
  });

  it('gives each service still pending at wait-timeout its own timeout, naming its deployment', async () => {
    const never =
      (name: string): Script =>
      (_poll, id, td) =>
        completesOnPoll(Number.POSITIVE_INFINITY, name)(0, id, td);
    const f = fleet([web(never('web')), worker(never('worker'))]);

    const result = await deploy(f, ['web', 'worker'], {
      wait: { enabled: true, timeoutMs: 3 * INTERVAL, intervalMs: INTERVAL },
    });

    expect(result.services.map((s) => s.verdict.state)).toEqual(['failed', 'failed']);
    expect(failureText(result.services[1]?.verdict)).toContain(
      "Timed out after 30s waiting for deployment ecs-svc/worker of service 'worker'. Last state:",
    );
    expect(failureText(result.verdict)).toContain("2 of 2 services failed: 'web', 'worker'.");
  });

  it('sends propagateTags and enableECSManagedTags on UpdateService only when set', async () => {
    const f = fleet([web(), worker()]);

    await deploy(f, ['web', 'worker'], { propagateTags: 'SERVICE', enableEcsManagedTags: true });
    const plain = fleet([web()]);
    await deploy(plain, ['web']);

    const sent = f.mock.commandCalls(UpdateServiceCommand).map((c) => c.args[0].input);
    expect(sent.map((i) => [i.service, i.propagateTags, i.enableECSManagedTags])).toEqual([
      ['web', 'SERVICE', true],
      ['worker', 'SERVICE', true],
    ]);
    const [one] = plain.mock.commandCalls(UpdateServiceCommand).map((c) => c.args[0].input);
    expect(one).not.toHaveProperty('propagateTags');
    expect(one).not.toHaveProperty('enableECSManagedTags');
  });

  it('plans in a dry run without changing anything', async () => {
    const f = fleet([web(), worker()]);

    const result = await deploy(f, ['web', 'worker'], { dryRun: true });

    expect(result.verdict).toEqual({ state: 'planned' });
    expect(f.registrations()).toEqual([]);
    expect(f.updates()).toEqual([]);
  });
});

describe('prepareEcs', () => {
  it("refuses a container name missing from one service's task definition, listing its containers, before any change", async () => {
    const f = fleet([web(), worker()]);

    const error = await prepareEcs(options(['web', 'worker'], { containerNames: ['app'] }), f.deps).catch(
      (e: unknown) => e,
    );

    expect(error).toBeInstanceOf(UserError);
    expect((error as Error).message).toBe(
      "Service 'worker': Input 'container-name' ('app') names no container in task definition 'worker': its containers are 'worker'.",
    );
    expect(f.registrations()).toEqual([]);
    expect(f.updates()).toEqual([]);
  });

  it('refuses a codedeploy-* input when no service deploys through CodeDeploy, before any change', async () => {
    const f = fleet([web(), worker()]);

    const error = await prepareEcs(
      options(['web', 'worker'], { codeDeploy: { deploymentConfig: 'CodeDeployDefault.ECSAllAtOnce' } }),
      f.deps,
    ).catch((e: unknown) => e);

    expect(error).toBeInstanceOf(UserError);
    expect((error as Error).message).toContain(
      "Input 'codedeploy-deployment-config' is set, but no service of this step deploys through CodeDeploy",
    );
    expect(f.registrations()).toEqual([]);
    expect(f.updates()).toEqual([]);
  });

  it('lists every service with a problem, one line each', async () => {
    const f = fleet([web(), worker()]);

    const error = await prepareEcs(options(['web', 'worker'], { containerNames: ['sidecar'] }), f.deps).catch(
      (e: unknown) => e,
    );

    expect((error as Error).message.split('\n')).toEqual([
      "Service 'web': Input 'container-name' ('sidecar') names no container in task definition 'web': its containers are 'app', 'log-router'.",
      "Service 'worker': Input 'container-name' ('sidecar') names no container in task definition 'worker': its containers are 'worker'.",
    ]);
  });
});
