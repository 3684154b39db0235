import {
  ClusterNotFoundException,
  DescribeServicesCommand,
  type DescribeServicesCommandOutput,
} from '@aws-sdk/client-ecs';
import { afterEach, describe, expect, it } from 'vitest';
import { UserError } from '../../../src/errors.ts';
import type { Tag } from '../../../src/plan/task-definition-types.ts';
import { failureText } from '../../../src/plan/verdict.ts';
import type { EcsDeployOptions } from '../../../src/settings.ts';
import { applyEcs, ensureRegistered, prepareEcs } from '../../../src/steps/ecs.ts';
import { ACCOUNT, aDeployment, aService, CLUSTER, REGION, taskDefinitionArn } from '../../support/ecs-builders.ts';
import {
  APP_IMAGE,
  appContainer,
  completed,
  deployableWorld,
  deployService,
  describedWeb,
  INTERVAL,
  logRouterContainer,
  NEW_ARN,
  NEW_DEPLOYMENT,
  NEW_IMAGE,
  optionsFor,
  ourDeployment,
  REPOSITORY,
  RESIZED,
  ROLLBACK_DEPLOYMENT,
  RUNNING_ARN,
  registerableWeb,
  resized,
  restoreWorlds,
  rollingOut,
  runningService,
  servicesOf,
  TAGS,
  world,
} from '../../support/ecs-step-world.ts';
import type { DescribedJson } from '../../support/fake-ecs.ts';

afterEach(restoreWorlds);

describe('deployEcs with new cpu and memory for the running revision', () => {
  it('registers the described definition with only cpu and memory changed, updates the service to it and waits', async () => {
    const w = world();
    w.servicePolls(runningService(), rollingOut({ runningCount: 1, pendingCount: 1 }), completed());
    w.registers();
    w.updates();

    const result = await deployService(optionsFor({ cpu: '1024', memory: '2048' }), w.deps);

    expect(w.sent.register()).toEqual([{ ...registerableWeb({ cpu: '1024', memory: '2048' }), tags: TAGS }]);
    expect(w.sent.update()).toEqual([
      { cluster: CLUSTER, service: 'web', taskDefinition: NEW_ARN, forceNewDeployment: false },
    ]);
    expect(result).toMatchObject({
      verdict: { state: 'succeeded' },
      changed: true,
      registered: true,
      previousTaskDefinitionArn: RUNNING_ARN,
      taskDefinitionArn: NEW_ARN,
      deploymentId: NEW_DEPLOYMENT,
      diff: ['cpu: 512 -> 1024', 'memory: 1024 -> 2048'],
      before: { cpu: '512', memory: '1024' },
      after: { cpu: '1024', memory: '2048' },
    });
    expect(failureText(result.verdict)).toBeUndefined();
  });

  it('describes the revision the service runs, with its tags, then the family’s latest revision before registering', async () => {
    const w = deployableWorld();

    await deployService(optionsFor({ cpu: '1024', memory: '2048' }), w.deps);

    expect(w.sent.describeTaskDefinition()).toEqual([
      { taskDefinition: RUNNING_ARN, include: ['TAGS'] },
      { taskDefinition: 'web', include: ['TAGS'] },
    ]);
  });

  it('reports the previous revision as an ARN when the service names it as family:revision', async () => {
    const w = world({ 'web:5': { taskDefinition: describedWeb(5), tags: TAGS } });
    w.servicePolls(runningService({ taskDefinition: 'web:5' }), completed());
    w.registers();
    w.updates();

    const result = await deployService(optionsFor({ cpu: '1024', memory: '2048' }), w.deps);

    expect(w.sent.describeTaskDefinition()[0]).toEqual({ taskDefinition: 'web:5', include: ['TAGS'] });
    expect(result.previousTaskDefinitionArn).toBe(RUNNING_ARN);
  });

  it('measures how long the deploy took on the injected clock', async () => {
    const w = world();
    w.servicePolls(runningService(), rollingOut(), rollingOut({ runningCount: 1, pendingCount: 1 }), completed());
    w.registers();
    w.updates();

    const result = await deployService(optionsFor({ cpu: '1024', memory: '2048' }), w.deps);

    expect(result.durationMs).toBe(2 * INTERVAL);
  });
});

describe('deployEcs when nothing would change', () => {
  it.each<{ name: string; options: Partial<EcsDeployOptions> }>([
    { name: 'no overrides', options: {} },
    { name: 'the cpu and memory it already has', options: { cpu: '512', memory: '1024' } },
    { name: 'the image it already runs', options: { image: APP_IMAGE } },
    { name: 'the desired count it already has', options: { desiredCount: 2 } },
    {
      name: 'an environment variable it already has',
      options: { containerNames: ['app'], environment: [{ name: 'LOG_LEVEL', value: 'info' }] },
    },
  ])('registers nothing and updates nothing, given $name', async ({ options }) => {
    const w = world();
    w.servicePolls(runningService());

    const result = await deployService(optionsFor(options), w.deps);

    expect(w.mutatingCalls()).toBe(0);
    expect(w.sent.describeServices()).toHaveLength(1);
    expect(result).toMatchObject({
      verdict: { state: 'unchanged' },
      changed: false,
      registered: false,
      taskDefinitionArn: RUNNING_ARN,
      previousTaskDefinitionArn: RUNNING_ARN,
      diff: [],
    });
    expect(result.deploymentId).toBeUndefined();
  });
});

describe('deployEcs without a new revision', () => {
  it('forces a new deployment of the current revision when asked, without registering', async () => {
    const w = world();
    w.servicePolls(runningService(), completed({ taskDefinition: RUNNING_ARN }));
    w.updates(rollingOut({ taskDefinition: RUNNING_ARN }));

    const result = await deployService(optionsFor({ forceNewDeployment: true }), w.deps);

    expect(w.sent.register()).toEqual([]);
    expect(w.sent.update()).toEqual([
      { cluster: CLUSTER, service: 'web', taskDefinition: RUNNING_ARN, forceNewDeployment: true },
    ]);
    expect(result).toMatchObject({
      verdict: { state: 'succeeded' },
      changed: true,
      registered: false,
      taskDefinitionArn: RUNNING_ARN,
    });
  });

  it('updates only the desired count when that is the only change', async () => {
    const w = world();
    w.servicePolls(runningService(), completed({ taskDefinition: RUNNING_ARN, desiredCount: 4, runningCount: 4 }));
    w.updates(rollingOut({ taskDefinition: RUNNING_ARN, desiredCount: 4 }));

    const result = await deployService(optionsFor({ desiredCount: 4 }), w.deps);

    expect(w.sent.register()).toEqual([]);
    expect(w.sent.update()).toEqual([
      { cluster: CLUSTER, service: 'web', taskDefinition: RUNNING_ARN, forceNewDeployment: false, desiredCount: 4 },
    ]);
    expect(result).toMatchObject({ verdict: { state: 'succeeded' }, changed: true, registered: false });
  });
});

describe('deployEcs in a dry run', () => {
  it('plans the change, shows the diff and sends nothing that changes AWS', async () => {
    const w = world();
    w.servicePolls(runningService());

    const result = await deployService(
      optionsFor({ cpu: '1024', memory: '2048', image: NEW_IMAGE, dryRun: true }),
      w.deps,
    );

    expect(w.mutatingCalls()).toBe(0);
    expect(w.sent.describeServices()).toHaveLength(1);
    expect(result).toMatchObject({
      verdict: { state: 'planned' },
      changed: false,
      registered: false,
      previousTaskDefinitionArn: RUNNING_ARN,
    });
    expect(result.diff).toEqual(
      expect.arrayContaining([
        'cpu: 512 -> 1024',
        'memory: 1024 -> 2048',
        `containerDefinitions[app].image: ${APP_IMAGE} -> ${NEW_IMAGE}`,
      ]),
    );
    expect(result.after).toEqual({ cpu: '1024', memory: '2048', image: NEW_IMAGE });
  });
});

describe('deployEcs refuses before changing anything', () => {
  async function rejection(w: ReturnType<typeof world>, options: Partial<EcsDeployOptions>): Promise<Error> {
    const error: unknown = await deployService(optionsFor(options), w.deps).then(
      () => new Error('deployEcs resolved'),
      (e: unknown) => e,
    );
    if (!(error instanceof Error)) throw new Error(`deployEcs threw a non-error: ${String(error)}`);
    return error;
  }

  it('rejects a cpu and memory pair Fargate does not offer, naming the memory input', async () => {
    const w = world();
    w.servicePolls(runningService());

    const error = await rejection(w, { cpu: '1024', memory: '3000' });

    expect(error).toBeInstanceOf(UserError);
    expect(error.message).toContain("Input 'memory' (3000)");
    expect(error.message).toContain('1024');
    expect(w.mutatingCalls()).toBe(0);
  });

  it.each<{ name: string; response: DescribeServicesCommandOutput; suffix: string }>([
    {
      name: 'reports it MISSING',
      response: {
        services: [],
        failures: [{ arn: `arn:aws:ecs:${REGION}:${ACCOUNT}:service/${CLUSTER}/web`, reason: 'MISSING' }],
        $metadata: {},
      },
      suffix: ':',
    },
    {
      name: 'reports it INACTIVE',
      response: servicesOf(aService({ status: 'INACTIVE' })),
      suffix: ' (it is INACTIVE)',
    },
  ])('says the service was not found when ECS $name', async ({ response, suffix }) => {
    const w = world();
    w.mock.on(DescribeServicesCommand).resolves(response);

    const error = await rejection(w, { cpu: '1024', memory: '2048' });

    expect(error).toBeInstanceOf(UserError);
    expect(error.message).toContain(`Service 'web' was not found in cluster 'prod'${suffix}`);
    expect(w.sent.describeTaskDefinition()).toEqual([]);
    expect(w.mutatingCalls()).toBe(0);
  });

  it('says the cluster was not found, naming the input', async () => {
    const w = world();
    w.mock
      .on(DescribeServicesCommand)
      .rejects(new ClusterNotFoundException({ message: 'Cluster not found.', $metadata: {} }));

    const error = await rejection(w, { cpu: '1024', memory: '2048' });

    expect(error).toBeInstanceOf(UserError);
    expect(error.message).toBe(
      "Cluster 'prod' was not found: check input 'cluster' (a cluster name or ARN) and the region.",
    );
    expect(w.mutatingCalls()).toBe(0);
  });

  it('says a task-definition family ECS does not know, naming the input', async () => {
    const w = world();
    w.servicePolls(runningService());

    const error = await rejection(w, { source: { kind: 'registered', ref: 'nowhere' } });

    expect(error).toBeInstanceOf(UserError);
    expect(error.message).toContain("Input 'task-definition' ('nowhere') names no task definition ECS knows");
    expect(error.message).toContain('check the family, revision and region');
    expect(w.mutatingCalls()).toBe(0);
  });

  it('lists the containers when container-name names none of them', async () => {
    const w = world();
    w.servicePolls(runningService());

    const error = await rejection(w, { containerNames: ['api'], image: NEW_IMAGE });

    expect(error).toBeInstanceOf(UserError);
    expect(error.message).toContain("Input 'container-name' ('api')");
    expect(error.message).toContain("'app', 'log-router'");
    expect(w.mutatingCalls()).toBe(0);
  });

  it('asks for container-name when no container uses the image repository', async () => {
    const w = world();
    w.servicePolls(runningService());

    const error = await rejection(w, { image: `${ACCOUNT}.dkr.ecr.${REGION}.amazonaws.com/other:v1` });

    expect(error).toBeInstanceOf(UserError);
    expect(error.message).toContain("set input 'container-name'");
    expect(w.mutatingCalls()).toBe(0);
  });
});

describe('deployEcs with a new image', () => {
  it.each([
    { name: 'listed first', containers: [appContainer(), logRouterContainer()], index: 0, other: 1 },
    { name: 'listed after a sidecar', containers: [logRouterContainer(), appContainer()], index: 1, other: 0 },
  ])('overrides the container whose repository matches, $name', async ({ containers, index, other }) => {
    const running = registerableWeb({ containerDefinitions: containers });
    const w = deployableWorld({ [RUNNING_ARN]: { taskDefinition: describedWeb(5, running), tags: TAGS } });

    const result = await deployService(optionsFor({ image: NEW_IMAGE }), w.deps);

    const [input] = w.sent.register();
    const sent = input?.containerDefinitions ?? [];
    expect(sent[index]).toEqual({ ...appContainer(), image: NEW_IMAGE });
    expect(sent[other]).toEqual(logRouterContainer());
    expect(result).toMatchObject({
      verdict: { state: 'succeeded' },
      before: { image: APP_IMAGE },
      after: { image: NEW_IMAGE },
    });
  });

  it('sets environment variables on the chosen container and keeps the others', async () => {
    const w = deployableWorld();

    await deployService(
      optionsFor({
        image: NEW_IMAGE,
        environment: [
          { name: 'LOG_LEVEL', value: 'debug' },
          { name: 'RELEASE', value: 'v2' },
        ],
      }),
      w.deps,
    );

    const [input] = w.sent.register();
    expect(input?.containerDefinitions?.[0]?.environment).toEqual([
      { name: 'LOG_LEVEL', value: 'debug' },
      { name: 'RELEASE', value: 'v2' },
    ]);
    expect(input?.containerDefinitions?.[1]).toEqual(logRouterContainer());
  });
});

describe('deployEcs from another source than the running revision', () => {
  const web7 = registerableWeb({
    containerDefinitions: [appContainer({ image: `${REPOSITORY}:v1.3.0` }), logRouterContainer()],
  });
  const definitions = {
    [RUNNING_ARN]: { taskDefinition: describedWeb(5), tags: TAGS },
    'web:7': { taskDefinition: describedWeb(7, web7), tags: TAGS },
  };

  it('points the service at a registered revision deployed as it is, without registering', async () => {
    const w = world(definitions);
    w.servicePolls(runningService(), completed({ taskDefinition: taskDefinitionArn('web', 7) }));
    w.updates(rollingOut({ taskDefinition: taskDefinitionArn('web', 7) }));

    const result = await deployService(optionsFor({ source: { kind: 'registered', ref: 'web:7' } }), w.deps);

    expect(w.sent.describeTaskDefinition()).toEqual([
      { taskDefinition: RUNNING_ARN, include: ['TAGS'] },
      { taskDefinition: 'web:7', include: ['TAGS'] },
    ]);
    expect(w.sent.register()).toEqual([]);
    expect(w.sent.update()).toEqual([
      { cluster: CLUSTER, service: 'web', taskDefinition: taskDefinitionArn('web', 7), forceNewDeployment: false },
    ]);
    expect(result).toMatchObject({
      verdict: { state: 'succeeded' },
      changed: true,
      registered: false,
      taskDefinitionArn: taskDefinitionArn('web', 7),
    });
  });

  it('registers a new revision rendered from a registered one when overrides change it', async () => {
    const w = deployableWorld(definitions);

    await deployService(
      optionsFor({ source: { kind: 'registered', ref: 'web:7' }, cpu: '1024', memory: '2048' }),
      w.deps,
    );

    expect(w.sent.register()).toEqual([{ ...web7, cpu: '1024', memory: '2048', tags: TAGS }]);
  });

  it('renders from the definition a file gave, with the file’s tags', async () => {
    const fromFile = registerableWeb({
      containerDefinitions: [
        appContainer({ image: `${REPOSITORY}:v0.9.0`, someFutureField: undefined }),
        logRouterContainer(),
      ],
      someFutureField: undefined,
      taskRoleArn: `arn:aws:iam::${ACCOUNT}:role/web-task-v2`,
    });
    const fileTags: Tag[] = [{ key: 'owner', value: 'ci' }];
    const w = deployableWorld();

    const result = await deployService(
      optionsFor({
        source: { kind: 'file', path: 'deploy/task-definition.json', taskDefinition: fromFile, tags: fileTags },
        image: NEW_IMAGE,
      }),
      w.deps,
    );

    const expectedContainers = [
      { ...appContainer({ someFutureField: undefined }), image: NEW_IMAGE },
      logRouterContainer(),
    ];
    expect(w.sent.register()).toEqual([{ ...fromFile, containerDefinitions: expectedContainers, tags: fileTags }]);
    expect(result).toMatchObject({
      verdict: { state: 'succeeded' },
      registered: true,
      taskDefinitionArn: NEW_ARN,
      previousTaskDefinitionArn: RUNNING_ARN,
    });
  });

  it('changes nothing when the file holds what the service already runs', async () => {
    const w = world();
    w.servicePolls(runningService());

    const result = await deployService(
      optionsFor({ source: { kind: 'file', path: 'td.json', taskDefinition: registerableWeb(), tags: TAGS } }),
      w.deps,
    );

    expect(w.mutatingCalls()).toBe(0);
    expect(result).toMatchObject({ verdict: { state: 'unchanged' }, taskDefinitionArn: RUNNING_ARN });
  });
});

describe('deployEcs after a run that registered and was killed before updating the service', () => {
  it('reuses the family’s latest revision when it is what was rendered: no second RegisterTaskDefinition', async () => {
    const w = world({
      [RUNNING_ARN]: { taskDefinition: describedWeb(5), tags: TAGS },
      web: { taskDefinition: describedWeb(6, resized), tags: TAGS },
    });
    w.servicePolls(runningService(), completed());
    w.registers(taskDefinitionArn('web', 7));
    w.updates();

    const result = await deployService(optionsFor(RESIZED), w.deps);

    expect(w.sent.register()).toEqual([]);
    expect(w.sent.update()).toEqual([
      { cluster: CLUSTER, service: 'web', taskDefinition: NEW_ARN, forceNewDeployment: false },
    ]);
    expect(result).toMatchObject({
      verdict: { state: 'succeeded' },
      changed: true,
      registered: false,
      taskDefinitionArn: NEW_ARN,
      previousTaskDefinitionArn: RUNNING_ARN,
    });
    expect(w.log.map((l) => l.message)).toContainEqual(expect.stringContaining(`Reusing ${NEW_ARN}`));
  });

  it.each<{ name: string; latest: DescribedJson }>([
    { name: 'is the running one', latest: { taskDefinition: describedWeb(5), tags: TAGS } },
    {
      name: 'has another memory',
      latest: { taskDefinition: describedWeb(6, registerableWeb({ cpu: '1024', memory: '3072' })), tags: TAGS },
    },
    {
      name: 'has other tags',
      latest: { taskDefinition: describedWeb(6, resized), tags: [{ key: 'team', value: 'search' }] },
    },
  ])('registers a new revision when the latest one $name', async ({ latest }) => {
    const w = world({ [RUNNING_ARN]: { taskDefinition: describedWeb(5), tags: TAGS }, web: latest });
    w.servicePolls(runningService(), completed({ taskDefinition: taskDefinitionArn('web', 7) }));
    w.registers(taskDefinitionArn('web', 7));
    w.updates(rollingOut({ taskDefinition: taskDefinitionArn('web', 7) }));

    const result = await deployService(optionsFor(RESIZED), w.deps);

    expect(w.sent.register()).toEqual([{ ...resized, tags: TAGS }]);
    expect(result).toMatchObject({ registered: true, taskDefinitionArn: taskDefinitionArn('web', 7) });
  });
});

describe('deployEcs after a run that was killed while waiting for its deployment', () => {
  /** The service as the killed run left it: on web:6, its deployment rolling out. */
  const definitions = (): Record<string, DescribedJson> => ({
    [NEW_ARN]: { taskDefinition: describedWeb(6, resized), tags: TAGS },
  });

  it('follows the deployment in progress to its end instead of starting another', async () => {
    const w = world(definitions());
    w.servicePolls(rollingOut(), rollingOut({ runningCount: 1, pendingCount: 1 }), completed());

    const result = await deployService(optionsFor(RESIZED), w.deps);

    expect(w.mutatingCalls()).toBe(0);
    expect(result).toMatchObject({
      verdict: { state: 'succeeded' },
      changed: false,
      registered: false,
      deploymentId: NEW_DEPLOYMENT,
      taskDefinitionArn: NEW_ARN,
      previousTaskDefinitionArn: NEW_ARN,
    });
    expect(w.sent.describeServices()).toHaveLength(1 + 2);
    expect(w.log.map((l) => l.message)).toContainEqual(
      `Nothing to change, but deployment ${NEW_DEPLOYMENT} of web:6 to service 'web' is still in progress (a stopped run of this deploy, most likely): picking it up and following it.`,
    );
  });

  it('reports the failure of the deployment it picked up', async () => {
    const w = world(definitions());
    w.servicePolls(
      rollingOut(),
      aService({
        taskDefinition: RUNNING_ARN,
        deployments: [
          aDeployment({ id: ROLLBACK_DEPLOYMENT, taskDefinition: RUNNING_ARN, rolloutState: 'IN_PROGRESS' }),
          ourDeployment({
            status: 'ACTIVE',
            rolloutState: 'FAILED',
            rolloutStateReason: 'ECS deployment circuit breaker: tasks failed to start.',
          }),
        ],
      }),
    );
    w.stoppedTasks([]);

    const result = await deployService(optionsFor(RESIZED), w.deps);

    expect(w.mutatingCalls()).toBe(0);
    expect(result).toMatchObject({ verdict: { state: 'failed' }, changed: false, deploymentId: NEW_DEPLOYMENT });
    expect(failureText(result.verdict)).toContain('circuit breaker');
  });

  it.each<{ name: string; options: Partial<EcsDeployOptions>; says: string }>([
    { name: 'in a dry run', options: { dryRun: true }, says: 'Dry run: nothing to change, but deployment' },
    {
      name: 'with wait off',
      options: { wait: { enabled: false, timeoutMs: 600_000, intervalMs: INTERVAL } },
      says: "(not waiting: 'wait' is false)",
    },
  ])('only says the deployment is in progress $name', async ({ options, says }) => {
    const w = world(definitions());
    w.servicePolls(rollingOut());

    const result = await deployService(optionsFor({ ...RESIZED, ...options }), w.deps);

    expect(w.mutatingCalls()).toBe(0);
    expect(w.sent.describeServices()).toHaveLength(1);
    expect(result).toMatchObject({ verdict: { state: 'unchanged' }, changed: false, deploymentId: NEW_DEPLOYMENT });
    expect(w.log.map((l) => l.message)).toContainEqual(expect.stringContaining(says));
  });

  it('fails, changing nothing, when the service is set to the target but its deployment of it FAILED without a rollback', async () => {
    const w = world(definitions());
    const reason = 'ECS deployment circuit breaker: tasks failed to start.';
    w.servicePolls(
      aService({
        taskDefinition: NEW_ARN,
        deployments: [ourDeployment({ rolloutState: 'FAILED', rolloutStateReason: reason, runningCount: 0 })],
      }),
    );

    const result = await deployService(optionsFor(RESIZED), w.deps);

    expect(w.mutatingCalls()).toBe(0);
    expect(result).toMatchObject({ verdict: { state: 'failed' }, changed: false, deploymentId: NEW_DEPLOYMENT });
    expect(failureText(result.verdict)).toBe(
      `Service 'web' is set to web:6, but its deployment ${NEW_DEPLOYMENT} of it FAILED (${reason}) and was not rolled back: nothing was changed. Fix the cause, then set 'force-new-deployment: true' to roll it out again.`,
    );
  });

  it('only warns about such a failed deployment in a dry run', async () => {
    const w = world(definitions());
    w.servicePolls(
      aService({
        taskDefinition: NEW_ARN,
        deployments: [ourDeployment({ rolloutState: 'FAILED', rolloutStateReason: undefined, runningCount: 0 })],
      }),
    );

    const result = await deployService(optionsFor({ ...RESIZED, dryRun: true }), w.deps);

    expect(result).toMatchObject({ verdict: { state: 'unchanged' }, changed: false });
    expect(w.log.filter((l) => l.level === 'warning').map((l) => l.message)).toEqual([
      expect.stringContaining('FAILED (no reason given)'),
    ]);
  });

  it('starts a new deployment when force-new-deployment is asked for, even with one in progress', async () => {
    const w = world(definitions());
    w.servicePolls(rollingOut(), completed({ id: ROLLBACK_DEPLOYMENT }));
    w.updates(rollingOut({ id: ROLLBACK_DEPLOYMENT }));

    const result = await deployService(optionsFor({ ...RESIZED, forceNewDeployment: true }), w.deps);

    expect(w.sent.update()).toEqual([
      { cluster: CLUSTER, service: 'web', taskDefinition: NEW_ARN, forceNewDeployment: true },
    ]);
    expect(result).toMatchObject({ verdict: { state: 'succeeded' }, changed: true, deploymentId: ROLLBACK_DEPLOYMENT });
  });
});

describe('ensureRegistered (run-task runs the revision ecs deploys)', () => {
  async function preparedWeb(w: ReturnType<typeof world>, options: Partial<EcsDeployOptions>) {
    const [prepared] = await prepareEcs(optionsFor(options), w.deps);
    if (prepared === undefined) throw new Error('prepareEcs planned no service');
    return prepared;
  }

  it('registers before applyEcs, which then deploys that revision without registering again', async () => {
    const w = deployableWorld();
    const prepared = await preparedWeb(w, RESIZED);

    const registered = await ensureRegistered(prepared, w.deps);
    expect(w.sent.register()).toHaveLength(1);
    expect(w.sent.update()).toEqual([]);
    const {
      services: [result],
    } = await applyEcs([registered], w.deps);

    expect(registered.registration).toEqual({ arn: NEW_ARN, registered: true });
    expect(w.sent.register()).toEqual([{ ...resized, tags: TAGS }]);
    expect(w.sent.update()).toEqual([
      { cluster: CLUSTER, service: 'web', taskDefinition: NEW_ARN, forceNewDeployment: false },
    ]);
    expect(result).toMatchObject({ verdict: { state: 'succeeded' }, registered: true, taskDefinitionArn: NEW_ARN });
  });

  it('deploys the registration its plan carries and registers nothing itself', async () => {
    const w = deployableWorld();
    const prepared = await preparedWeb(w, RESIZED);

    const {
      services: [result],
    } = await applyEcs([{ ...prepared, registration: { arn: NEW_ARN, registered: false } }], w.deps);

    expect(w.sent.register()).toEqual([]);
    expect(w.sent.update()).toEqual([
      { cluster: CLUSTER, service: 'web', taskDefinition: NEW_ARN, forceNewDeployment: false },
    ]);
    expect(result).toMatchObject({ verdict: { state: 'succeeded' }, registered: false, taskDefinitionArn: NEW_ARN });
  });

  it('returns the identical latest revision it reuses', async () => {
    const w = world({
      [RUNNING_ARN]: { taskDefinition: describedWeb(5), tags: TAGS },
      web: { taskDefinition: describedWeb(6, resized), tags: TAGS },
    });
    w.servicePolls(runningService());
    const prepared = await preparedWeb(w, RESIZED);

    expect((await ensureRegistered(prepared, w.deps)).registration).toEqual({ arn: NEW_ARN, registered: false });
    expect(w.sent.register()).toEqual([]);
  });

  it.each<{
    name: string;
    options: Partial<EcsDeployOptions>;
    definitions?: Record<string, DescribedJson>;
    expected: string;
  }>([
    { name: 'the running revision when nothing changes', options: {}, expected: RUNNING_ARN },
    {
      name: 'the running revision for a forced redeploy',
      options: { forceNewDeployment: true },
      expected: RUNNING_ARN,
    },
    {
      name: 'a registered source deployed as it is',
      options: { source: { kind: 'registered', ref: 'web:7' } },
      definitions: {
        [RUNNING_ARN]: { taskDefinition: describedWeb(5), tags: TAGS },
        'web:7': { taskDefinition: describedWeb(7, resized), tags: TAGS },
      },
      expected: taskDefinitionArn('web', 7),
    },
    { name: 'no ARN in a dry run that would register', options: { ...RESIZED, dryRun: true }, expected: '' },
    {
      name: 'the running revision in a dry run that would only redeploy',
      options: { forceNewDeployment: true, dryRun: true },
      expected: RUNNING_ARN,
    },
  ])('deploys $name, registering nothing', async ({ options, definitions, expected }) => {
    const w = world(definitions);
    w.servicePolls(runningService());
    const prepared = await preparedWeb(w, options);

    expect((await ensureRegistered(prepared, w.deps)).registration).toBeUndefined();
    expect(prepared.plan.targetArn ?? '').toBe(expected);
    expect(w.mutatingCalls()).toBe(0);
  });
});
