// vitest globalSetup of the e2e project: at most one moto_server per e2e worker for the
// whole run, started by this (main) process the first time a file in that worker asks
// for it, and stopped by pid when the run ends. A file asks with the worker's
// VITEST_POOL_ID (1..maxWorkers: two files running at the same time never share one)
// at the small HTTP endpoint whose URL it gets from `inject('e2eMotoBroker')`, then
// resets that moto before seeding (testbed.ts), so every file starts from an empty moto.
// Running a single file starts a single moto.

import { createServer } from 'node:http';
import type { TestProject } from 'vitest/node';
import { MOTO_REAL_ECR_ENV } from './aws-fixtures.ts';
import type { MotoServer } from './moto.ts';
import { startMoto } from './moto.ts';

/** What the broker answers for a worker: the moto that worker's files use. */
export interface SharedMoto {
  url: string;
  port: number;
  pid: number;
}

declare module 'vitest' {
  export interface ProvidedContext {
    /** `GET <url>/moto/<VITEST_POOL_ID>` answers a SharedMoto (JSON). */
    e2eMotoBroker: string;
  }
}

export default async function setup(project: TestProject): Promise<() => Promise<void>> {
  const servers = new Map<string, Promise<MotoServer>>();
  const motoFor = (poolId: string): Promise<MotoServer> => {
    let server = servers.get(poolId);
    if (server === undefined) {
      server = startMoto({ env: { ...MOTO_REAL_ECR_ENV } });
      servers.set(poolId, server);
      // A start that failed is forgotten, so the next file of that worker tries again.
      server.catch(() => servers.delete(poolId));
    }
    return server;
  };

  const broker = createServer((request, response) => {
    const poolId = /^\/moto\/(\d+)$/.exec(request.url ?? '')?.[1];
    if (poolId === undefined) {
      response.writeHead(404).end();
      return;
    }
    motoFor(poolId).then(
      ({ url, port, pid }) => {
        response
          .writeHead(200, { 'content-type': 'application/json' })
          .end(JSON.stringify({ url, port, pid } satisfies SharedMoto));
      },
      (error: unknown) => {
        response
          .writeHead(500, { 'content-type': 'text/plain' })
          .end(error instanceof Error ? error.message : String(error));
      },
    );
  });
  await new Promise<void>((resolve, reject) => {
    broker.once('error', reject);
    broker.listen(0, '127.0.0.1', () => resolve());
  });
  const address = broker.address();
  if (address === null || typeof address === 'string') throw new Error('the moto broker has no TCP address');
  project.provide('e2eMotoBroker', `http://127.0.0.1:${address.port}`);

  return async () => {
    await new Promise<void>((resolve) => {
      broker.close(() => resolve());
      broker.closeAllConnections();
    });
    const started = await Promise.allSettled(servers.values());
    await Promise.all(started.flatMap((s) => (s.status === 'fulfilled' ? [s.value.stop()] : [])));
  };
}
