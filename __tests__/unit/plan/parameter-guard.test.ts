import type { Service } from '@aws-sdk/client-ecs';
import { describe, expect, it } from 'vitest';
import { functionSupersededBy, serviceSupersededBy } from '../../../src/plan/parameter-guard.ts';

const OURS = 'arn:aws:ecs:eu-west-1:123456789012:task-definition/web:7';
const THEIRS = 'arn:aws:ecs:eu-west-1:123456789012:task-definition/web:8';
const TARGET = {
  kind: 'ecs' as const,
  cluster: 'prod',
  service: 'web',
  taskDefinitionArn: OURS,
  deploymentId: 'ecs-svc/1',
};
const DIGEST = `sha256:${'a'.repeat(64)}`;
const OTHER = `sha256:${'b'.repeat(64)}`;

function service(primary: { id: string; taskDefinition: string } | undefined, status = 'ACTIVE'): Service {
  return {
    status,
    deployments:
      primary === undefined ? [] : [{ ...primary, status: 'PRIMARY', createdAt: new Date('2026-12-01T20:00:00Z') }],
  };
}

describe('serviceSupersededBy', () => {
  it.each([
    ['our own deployment', service({ id: 'ecs-svc/1', taskDefinition: OURS })],
    ['a successor on the same revision (a forced redeploy)', service({ id: 'ecs-svc/2', taskDefinition: OURS })],
  ])('lets the write go ahead while the service runs %s', (_, described) => {
    expect(serviceSupersededBy(TARGET, described)).toBeUndefined();
  });

  it.each([
    [
      'another revision',
      service({ id: 'ecs-svc/3', taskDefinition: THEIRS }),
      "service 'web' in cluster 'prod' now runs deployment ecs-svc/3 of web:8, created 2026-12-01T20:00:00.000Z",
    ],
    ['nothing (the service is gone)', undefined, "service 'web' in cluster 'prod' is no longer active"],
    [
      'nothing (the service is draining)',
      service(undefined, 'DRAINING'),
      "service 'web' in cluster 'prod' is no longer active",
    ],
  ])('names what superseded our image when the service runs %s', (_, described, says) => {
    expect(serviceSupersededBy(TARGET, described)).toBe(says);
  });
});

describe('functionSupersededBy', () => {
  const target = { kind: 'lambda' as const, functionName: 'api', digest: DIGEST };
  const snapshot = (digest: string) => ({
    configuration: { LastModified: '2026-12-01T20:01:00.000+0000' },
    code: { ResolvedImageUri: `repo@${digest}` },
  });

  it('lets the write go ahead while the function runs our digest', () => {
    expect(functionSupersededBy(target, snapshot(DIGEST))).toBeUndefined();
  });

  it('names the digest that replaced ours, and when', () => {
    expect(functionSupersededBy(target, snapshot(OTHER))).toBe(
      `function 'api' now runs ${OTHER}, last modified 2026-12-01T20:01:00.000+0000`,
    );
    expect(functionSupersededBy(target, undefined)).toBe("function 'api' no longer exists");
  });
});
