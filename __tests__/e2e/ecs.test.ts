import type { TaskDefinition } from '@aws-sdk/client-ecs';
import { describe, expect, it } from 'vitest';
import { describeService, describeTaskDefinitionWithTags, listRevisions } from '../support/ecs-fixtures.ts';
import { runAction, transcript } from '../support/run-action.ts';
import { completesAfter } from '../support/scenario-proxy.ts';
import { useTestbed } from '../support/testbed.ts';

// The fields ECS sets on every registration; everything else must survive a re-render.
function registerable(taskDefinition: TaskDefinition): Record<string, unknown> {
  const { revision, taskDefinitionArn, registeredAt, registeredBy, ...rest } = taskDefinition;
  void revision;
  void taskDefinitionArn;
  void registeredAt;
  void registeredBy;
  return rest;
}

describe('mode ecs against moto', () => {
  const testbed = useTestbed();

  it('changes only cpu and memory, points the service at the new revision, and does nothing the second time', async () => {
    const { proxy, moto, awsEnv } = testbed;
    const seeded = await testbed.seedService({ cluster: 'c-size', service: 's-size', rollout: completesAfter(2000) });
    const inputs = {
      mode: 'ecs',
      cluster: 'c-size',
      service: 's-size',
      cpu: '1024',
      memory: '2048',
      'poll-interval': '1s',
      'wait-timeout': '60s',
    };

    const first = await runAction({ inputs, env: awsEnv });

    expect(first.exitCode, transcript(first)).toBe(0);
    // moto has no deployment-record API: the log says so in the action's words, not the SDK parser's.
    expect(first.stdout).toContain("The endpoint does not speak ECS's deployment-record API");
    expect(first.stdout).not.toMatch(/Deserialization error|not valid JSON|doctype/i);
    const revisions = await listRevisions(moto.url, seeded.family);
    expect(revisions).toHaveLength(2);
    const [oldArn, newArn] = revisions;
    const before = await describeTaskDefinitionWithTags(moto.url, oldArn ?? '');
    const after = await describeTaskDefinitionWithTags(moto.url, newArn ?? '');
    // The comparison means something only if the seeded definition is rich.
    expect(before.taskDefinition).toMatchObject({
      cpu: '256',
      memory: '512',
      runtimePlatform: { cpuArchitecture: 'ARM64' },
      ephemeralStorage: { sizeInGiB: 30 },
    });
    expect(before.taskDefinition.containerDefinitions?.length).toBeGreaterThan(1);
    expect(before.taskDefinition.containerDefinitions?.[0]?.secrets?.length).toBeGreaterThan(0);
    expect(before.taskDefinition.volumes?.length).toBeGreaterThan(0);
    expect(before.tags.length).toBeGreaterThan(0);
    expect(registerable(after.taskDefinition)).toEqual({
      ...registerable(before.taskDefinition),
      cpu: '1024',
      memory: '2048',
    });
    expect(after.tags).toEqual(before.tags);
    expect((await describeService(moto.url, 'c-size', 's-size')).taskDefinition).toBe(newArn);
    expect(first.outputs).toMatchObject({
      changed: 'true',
      'task-definition-arn': newArn,
      'previous-task-definition-arn': oldArn,
      'deployment-id': proxy.deploymentIds('s-size')[0],
    });
    expect(first.summary).toContain('s-size');
    expect(first.summary).toContain(`${seeded.family}:1`);
    expect(first.summary).toContain(`${seeded.family}:2`);

    const secondFrom = proxy.calls.length;
    const second = await runAction({ inputs, env: awsEnv });

    expect(second.exitCode, transcript(second)).toBe(0);
    expect(second.outputs.changed).toBe('false');
    expect(second.outputs['task-definition-arn']).toBe(newArn);
    expect(proxy.callsTo('RegisterTaskDefinition', secondFrom)).toBe(0);
    expect(proxy.callsTo('UpdateService', secondFrom)).toBe(0);
    expect(await listRevisions(moto.url, seeded.family)).toHaveLength(2);
  });
});
