import { DescribeServicesCommand, ECSClient } from '@aws-sdk/client-ecs';
import { GetParameterCommand, PutParameterCommand, SSMClient, TooManyUpdates } from '@aws-sdk/client-ssm';
import { mockClient } from 'aws-sdk-client-mock';
import { describe, expect, it } from 'vitest';
import type { DeployedTarget } from '../../../src/plan/parameter-guard.ts';
import { applyParameter, prepareParameter } from '../../../src/steps/parameter.ts';
import { supersededTargets } from '../../../src/steps/parameter-guard.ts';
import { fakeClients } from '../../support/fake-clients.ts';
import { fakeDeps } from '../../support/fake-deps.ts';

// The parameter only ever names what runs. Before every PutParameter attempt the
// step reads the services it deployed again; once another deploy replaced ours, it writes nothing.

const NAME = '/app/prod/image-tag';
const REPOSITORY = '123456789012.dkr.ecr.eu-west-1.amazonaws.com/app';
const DIGEST = `sha256:${'c'.repeat(64)}`;
const OURS = 'arn:aws:ecs:eu-west-1:123456789012:task-definition/web:7';
const THEIRS = 'arn:aws:ecs:eu-west-1:123456789012:task-definition/web:8';
const TARGETS: DeployedTarget[] = [
  { kind: 'ecs', cluster: 'prod', service: 'web', taskDefinitionArn: OURS, deploymentId: 'ecs-svc/1' },
];
const credentials = { accessKeyId: 'a', secretAccessKey: 'b' };

function world(primaries: Array<{ id: string; taskDefinition: string }>) {
  const ssm = new SSMClient({ region: 'eu-west-1', credentials });
  const ecs = new ECSClient({ region: 'eu-west-1', credentials });
  const ssmMock = mockClient(ssm);
  const ecsMock = mockClient(ecs);
  ssmMock.on(GetParameterCommand).resolves({ Parameter: { Name: NAME, Type: 'String', Value: 'v1.2.2', Version: 4 } });
  ssmMock
    .on(PutParameterCommand)
    .rejects(new TooManyUpdates({ message: 'There are too many updates to this parameter.', $metadata: {} }));
  let behaviour = ecsMock.on(DescribeServicesCommand);
  for (const primary of primaries)
    behaviour = behaviour.resolvesOnce({
      services: [{ status: 'ACTIVE', deployments: [{ ...primary, status: 'PRIMARY' }] }],
    });
  const fake = fakeDeps(fakeClients({ ssm, ecs }));
  return { ssmMock, ecsMock, fake };
}

async function deploy(w: ReturnType<typeof world>) {
  const image = { reference: `${REPOSITORY}@${DIGEST}`, repository: REPOSITORY, tag: 'v1.2.3', digest: DIGEST };
  const plan = await prepareParameter(
    { name: NAME, template: '{tag}', tags: [], dryRun: false, timeoutMs: 60_000 },
    image,
    w.fake.deps,
  );
  return applyParameter({ ...plan, targets: TARGETS }, w.fake.deps);
}

describe('applyParameter with the targets this step deployed', () => {
  it('checks the service before the first write and before each retry, and writes nothing once another deploy replaced ours', async () => {
    const w = world([
      { id: 'ecs-svc/1', taskDefinition: OURS },
      { id: 'ecs-svc/1', taskDefinition: OURS },
      { id: 'ecs-svc/9', taskDefinition: THEIRS },
    ]);

    const result = await deploy(w);

    expect(w.ecsMock.commandCalls(DescribeServicesCommand).map((c) => c.args[0].input)).toEqual(
      Array.from({ length: 3 }, () => ({ cluster: 'prod', services: ['web'] })),
    );
    // Two attempts while ours ran (both TooManyUpdates), none after.
    expect(w.ssmMock.commandCalls(PutParameterCommand)).toHaveLength(2);
    expect(result).toMatchObject({ name: NAME, verdict: { state: 'superseded' }, changed: false, version: undefined });
    expect(w.fake.messages('warning')).toEqual([
      `Parameter '${NAME}' was not written: another deploy replaced this step's image meanwhile (service 'web' in cluster 'prod' now runs deployment ecs-svc/9 of web:8). It still holds what that deploy left; this step's own deploy succeeded.`,
    ]);
  });

  it('writes when the service still runs a successor on our revision', async () => {
    const w = world([{ id: 'ecs-svc/2', taskDefinition: OURS }]);
    w.ssmMock.on(PutParameterCommand).resolves({ Version: 5 });

    const result = await deploy(w);

    expect(w.ssmMock.commandCalls(PutParameterCommand).map((c) => c.args[0].input)).toEqual([
      { Name: NAME, Value: 'v1.2.3', Type: 'String', Overwrite: true },
    ]);
    expect(result).toMatchObject({ verdict: { state: 'updated' }, version: '5' });
  });
});

describe('the guard with several services', () => {
  it('reads them as the follower does: one DescribeServices per cluster and 10 services', async () => {
    const ecs = new ECSClient({ region: 'eu-west-1', credentials });
    const ecsMock = mockClient(ecs);
    ecsMock.on(DescribeServicesCommand).callsFake((input: { services?: string[] }) => ({
      services: (input.services ?? []).map((serviceName) => ({
        serviceName,
        status: 'ACTIVE',
        deployments: [{ id: `ecs-svc/${serviceName}`, taskDefinition: OURS, status: 'PRIMARY' }],
      })),
    }));
    const names = Array.from({ length: 12 }, (_, i) => `svc-${i}`);
    const targets: DeployedTarget[] = [
      ...names.map(
        (service): DeployedTarget => ({
          kind: 'ecs',
          cluster: 'prod',
          service,
          taskDefinitionArn: OURS,
          deploymentId: `ecs-svc/${service}`,
        }),
      ),
      { kind: 'ecs', cluster: 'staging', service: 'web', taskDefinitionArn: OURS, deploymentId: 'ecs-svc/web' },
    ];

    const superseded = await supersededTargets(targets, fakeDeps(fakeClients({ ecs })).deps);

    expect(superseded).toEqual([]);
    expect(ecsMock.commandCalls(DescribeServicesCommand).map((c) => c.args[0].input)).toEqual([
      { cluster: 'prod', services: names.slice(0, 10) },
      { cluster: 'prod', services: names.slice(10) },
      { cluster: 'staging', services: ['web'] },
    ]);
    ecsMock.restore();
  });
});
