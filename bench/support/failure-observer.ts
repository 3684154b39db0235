// What each DescribeServices answer told the action about failed tasks of its deployment,
// read from the responses the proxy sends (after the scripted rollout rewrote them): so
// "DescribeTasks only when new failures appear" can be checked against what was visible.

import type { ScenarioProxy } from '../../__tests__/support/scenario-proxy.ts';
import { parseJson } from '../../__tests__/support/scenario-proxy.ts';

export interface FailureSighting {
  /** Epoch ms the answer was sent. */
  at: number;
  /** failedTasks of the newest deployment the proxy created for the service (0 before one exists). */
  failedTasks: number;
}

interface DescribedDeployment {
  id?: unknown;
  failedTasks?: unknown;
}

/** Records one sighting per DescribeServices answer that names `serviceName`; the array is live. */
export function observeFailedTasks(proxy: ScenarioProxy, serviceName: string): FailureSighting[] {
  const sightings: FailureSighting[] = [];
  proxy.overlay('ecs', 'DescribeServices', async (_req, next) => {
    const response = await next();
    const json = parseJson(response.body) as {
      services?: { serviceName?: unknown; deployments?: DescribedDeployment[] }[];
    };
    const service = json.services?.find((s) => s.serviceName === serviceName);
    if (service === undefined) return response;
    const ours = proxy.deploymentIds(serviceName).at(-1);
    const deployment = service.deployments?.find((d) => d.id === ours);
    sightings.push({
      at: Date.now(),
      failedTasks: typeof deployment?.failedTasks === 'number' ? deployment.failedTasks : 0,
    });
    return response;
  });
  return sightings;
}

/** How many answers showed more failed tasks than any answer before them. */
export function newFailureSightings(sightings: readonly FailureSighting[]): number {
  let seen = 0;
  let grew = 0;
  for (const sighting of sightings) {
    if (sighting.failedTasks > seen) {
      grew += 1;
      seen = sighting.failedTasks;
    }
  }
  return grew;
}
