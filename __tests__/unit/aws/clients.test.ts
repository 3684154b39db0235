import { describe, expect, it } from 'vitest';
import { createClients, servicesOf } from '../../../src/aws/clients.ts';
import { loadSteps } from '../../../src/pipeline.ts';

describe('servicesOf', () => {
  it.each([
    [['ecs'], ['ecs']],
    [
      ['image', 'ecs', 'lambda', 'parameter'],
      ['ecr', 'ecs', 'lambda', 'ssm'],
    ],
    [
      ['run-task', 'ecs'],
      ['ecs', 'logs'],
    ],
    [
      ['image', 'parameter'],
      ['ecr', 'ssm'],
    ],
  ])('loads for %j only %j', (modes, services) => {
    expect(servicesOf(modes)).toEqual(services);
  });
});

describe('createClients', () => {
  const options = { region: 'eu-west-1', userAgent: 'image-deploy/test' };

  it('builds the clients of the services it loaded, for the deploy region', async () => {
    const clients = await createClients(options, ['ecs']);
    expect(await clients.ecs.config.region()).toBe('eu-west-1');
    expect(clients.once.ecs).not.toBe(clients.ecs);
    expect(clients.ecs).toBe(clients.ecs);
  });

  it('refuses a client whose package no selected mode loaded, naming it', async () => {
    const clients = await createClients(options, ['ecs']);
    expect(() => clients.lambda).toThrow('The lambda client was asked for, but no selected mode loads it');
    expect(() => clients.ecr('us-east-1')).toThrow('The ecr client');
    expect(() => clients.logs('us-east-1')).toThrow('The logs client');
  });

  it('builds one CloudWatch Logs client per awslogs region, on first use', async () => {
    const clients = await createClients(options, ['ecs', 'logs']);
    const home = clients.logs('eu-west-1');
    expect(clients.logs('eu-west-1')).toBe(home);
    expect(await clients.logs('us-west-2').config.region()).toBe('us-west-2');
  });

  it('builds the CodeDeploy client on first call only, once, for the deploy region', async () => {
    const clients = await createClients(options, ['ecs']);
    const first = await clients.codedeploy();
    expect(await clients.codedeploy()).toBe(first);
    expect(await first.config.region()).toBe('eu-west-1');
  });
});

describe('loadSteps', () => {
  it('loads the steps of the selected modes and no others', async () => {
    const steps = await loadSteps(['ecs']);
    expect(steps.prepareEcs.name).toBe('prepareEcs');
    await expect(steps.resolveImage({} as never, {} as never)).rejects.toThrow("mode 'image' was not loaded");
  });
});
