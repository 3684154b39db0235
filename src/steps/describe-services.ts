import type { Service } from '@aws-sdk/client-ecs';
import { describeServices } from '../aws/ecs.ts';
import type { StepDeps } from '../deps.ts';
import { batchesOf, DESCRIBE_SERVICES_LIMIT } from '../plan/ecs-services.ts';
import type { SnapshotReader } from './poll-snapshot.ts';

/**
 * Each item's service, read with one DescribeServices per cluster and 10 services (the
 * call's limit), side by side: how a step reads several services at once.
 */
export async function describeEach<T>(
  items: readonly T[],
  refOf: (item: T) => { cluster: string; service: string },
  deps: StepDeps,
): Promise<Map<T, Service | undefined>> {
  const byCluster = new Map<string, T[]>();
  for (const item of items) {
    const { cluster } = refOf(item);
    byCluster.set(cluster, [...(byCluster.get(cluster) ?? []), item]);
  }
  const answers = new Map<T, Service | undefined>();
  const batches = [...byCluster.entries()].flatMap(([cluster, group]) =>
    batchesOf(group, DESCRIBE_SERVICES_LIMIT).map((batch) => ({ cluster, batch })),
  );
  await Promise.all(
    batches.map(async ({ cluster, batch }) => {
      const found = await describeServices(
        deps.clients.ecs,
        cluster,
        batch.map((item) => refOf(item).service),
      );
      for (const item of batch) answers.set(item, found.get(refOf(item).service));
    }),
  );
  return answers;
}

/** A service as the poll loop wants it read. */
export interface ServiceKey {
  cluster: string;
  service: string;
}

/** The poll loop's DescribeServices: one call per cluster and 10 services; a failure ends the poll. */
export const SERVICES: SnapshotReader<ServiceKey, Service | undefined> = {
  name: 'DescribeServices',
  keyOf: (key) => `${key.cluster}\n${key.service}`,
  read: async (keys, deps) => {
    const answers = await describeEach(keys, (key) => key, deps);
    return new Map([...answers].map(([key, service]) => [SERVICES.keyOf(key), service]));
  },
};
