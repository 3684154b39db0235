import { ECSClient, RegisterTaskDefinitionCommand } from '@aws-sdk/client-ecs';
import { PutParameterCommand, SSMClient } from '@aws-sdk/client-ssm';
import { describe, expect, it, vi } from 'vitest';
import { richTaskDefinition, TEST_CREDENTIALS, TEST_REGION } from '../support/ecs-fixtures.ts';
import { useTestbed } from '../support/testbed.ts';
import { throttlePutParameter, throttleRegisterTaskDefinition, tokenBucket } from '../support/throttle-scenarios.ts';

// The throttling overlays the parallel benchmark relies on: what the SDK sees, and counts.
describe('throttle scenarios', () => {
  const testbed = useTestbed();

  // One attempt, so every throttling answer reaches the test instead of the SDK's retry.
  const config = () => ({
    endpoint: testbed.proxy.url,
    region: TEST_REGION,
    credentials: TEST_CREDENTIALS,
    maxAttempts: 1,
  });

  it.each([
    [
      'a full bucket lets the burst through, then refills at the rate',
      { burst: 2, perSecond: 1 },
      [0, 0, 0, 999, 1000, 1000],
      [true, true, false, false, true, false],
    ],
    ['tokens never pile up beyond the burst', { burst: 1, perSecond: 10 }, [0, 5000, 5000], [true, true, false]],
  ])('token bucket: %s', (_name, options, times, expected) => {
    let at = 0;
    const bucket = tokenBucket({ ...options, now: () => at });
    const taken = times.map((t) => {
      at = t;
      return bucket.take();
    });
    expect(taken).toEqual(expected);
  });

  it('answers RegisterTaskDefinition beyond the burst with ThrottlingException, which the SDK classifies as throttling', async () => {
    const counts = throttleRegisterTaskDefinition(testbed.proxy, { burst: 2, perSecond: 0.001 });
    const ecs = new ECSClient(config());
    try {
      const results = await Promise.allSettled(
        [1, 2, 3].map((i) => ecs.send(new RegisterTaskDefinitionCommand(richTaskDefinition(`throttled-${i}`)))),
      );
      const rejected = results.flatMap((r) =>
        r.status === 'rejected'
          ? [r.reason as { name?: string; $retryable?: unknown; $metadata?: { httpStatusCode?: number } }]
          : [],
      );
      expect(results.filter((r) => r.status === 'fulfilled')).toHaveLength(2);
      expect(rejected.map((e) => [e.name, e.$metadata?.httpStatusCode])).toEqual([['ThrottlingException', 400]]);
      expect(counts).toEqual({ passed: 2, throttled: 1, tooManyUpdates: 0 });
    } finally {
      ecs.destroy();
    }
  });

  it('answers a write to a name while another is being applied with TooManyUpdates, and writes past the rate with ThrottlingException', async () => {
    // No refill during the test: exactly three writes may pass the rate limit.
    const counts = throttlePutParameter(testbed.proxy, { burst: 3, perSecond: 0.001, writeMs: 300 });
    const ssm = new SSMClient(config());
    const put = (name: string): Promise<string> =>
      ssm.send(new PutParameterCommand({ Name: name, Value: 'v1', Type: 'String', Overwrite: true })).then(
        () => 'ok',
        (error: unknown) => (error instanceof Error ? error.name : String(error)),
      );
    try {
      const from = testbed.proxy.calls.length;
      const first = put('/throttle/one');
      // Once the proxy has recorded it, the overlay is applying it (for writeMs).
      await vi.waitFor(() => expect(testbed.proxy.callsTo('PutParameter', from)).toBe(1));
      const during = await put('/throttle/one');
      const other = await put('/throttle/two');
      const beyond = await put('/throttle/three');

      expect([await first, during, other, beyond]).toEqual(['ok', 'TooManyUpdates', 'ok', 'ThrottlingException']);
      expect(counts).toEqual({ passed: 2, throttled: 1, tooManyUpdates: 1 });
    } finally {
      ssm.destroy();
    }
  });
});
