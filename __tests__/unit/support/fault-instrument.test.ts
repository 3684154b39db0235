import { ListClustersCommand } from '@aws-sdk/client-ecs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ecsClient } from '../../support/ecs-fixtures.ts';
import type { FaultBurstOptions } from '../../support/fault-scenarios.ts';
import { faultBursts } from '../../support/fault-scenarios.ts';
import { type ScenarioProxy, startScenarioProxy } from '../../support/scenario-proxy.ts';
import { type StubUpstream, startStubUpstream } from '../../support/stub-upstream.ts';

// The fault overlays the faults*.test.ts files rely on, checked with a plain SDK client. What
// passes through reaches a stub upstream (ListClusters' empty answer): no emulator needed.

describe('the fault instrument itself', () => {
  let upstream: StubUpstream | undefined;
  let proxy: ScenarioProxy | undefined;
  const started = <T>(value: T | undefined): T => {
    if (value === undefined) throw new Error('the proxy or its upstream did not start (beforeAll failed)');
    return value;
  };
  const testbed = {
    get proxy(): ScenarioProxy {
      return started(proxy);
    },
    get upstream(): StubUpstream {
      return started(upstream);
    },
  };
  beforeAll(async () => {
    upstream = await startStubUpstream({ clusterArns: [] });
    proxy = await startScenarioProxy(upstream.url);
  });
  afterAll(async () => {
    await proxy?.stop();
    await upstream?.stop();
  });

  it('runs wildcard overlays on every service and operation, the latest added first', async () => {
    const { proxy } = testbed;
    const order: string[] = [];
    proxy.overlay('*', '*', async (req, next) => {
      order.push(`any:${req.call.operation}`);
      return next();
    });
    proxy.overlay('ecs', '*', async (req, next) => {
      order.push(`ecs:${req.call.operation}`);
      return next();
    });
    const ecs = ecsClient(proxy.url);
    try {
      await ecs.send(new ListClustersCommand({}));
    } finally {
      ecs.destroy();
    }
    expect(order).toEqual(['ecs:ListClusters', 'any:ListClusters']);
  });

  it.each<{ kind: FaultBurstOptions['kind']; error: RegExp }>([
    { kind: 'throttle', error: /ThrottlingException|Rate exceeded/ },
    { kind: 'http503', error: /ServiceUnavailable|Service unavailable/ },
    { kind: 'reset', error: /socket hang up|ECONNRESET/ },
  ])('a $kind fault reaches a client as AWS would send it, and never reaches moto', async ({ kind, error }) => {
    const { proxy } = testbed;
    const counts = faultBursts(proxy, { kind, burst: 1, service: 'ecs', operation: 'ListClusters' });
    const from = proxy.calls.length;
    const ecs = ecsClient(proxy.url); // one attempt: the client sees the fault itself
    try {
      const thrown = await ecs.send(new ListClustersCommand({})).then(
        () => undefined,
        (e: unknown) => e,
      );
      expect(String(thrown instanceof Error ? `${thrown.name}: ${thrown.message}` : thrown)).toMatch(error);
      // The next attempt passes.
      await ecs.send(new ListClustersCommand({}));
    } finally {
      ecs.destroy();
      counts.stop();
    }
    expect(proxy.calls.slice(from).map((c) => c.fault)).toEqual([{ kind, reachedMoto: false }, undefined]);
    expect(testbed.upstream.received()).toBeGreaterThan(0);
    expect([counts.faulted.get('ecs:ListClusters'), counts.passed.get('ecs:ListClusters')]).toEqual([1, 1]);
  });
});
