// The action's post step (action.yml `runs.post`, `post-if: always()`): after a job was
// cancelled mid-deploy with rollback-on-failure, follows the rollback the main step started
// to its end and says how it went. Does nothing (and loads no AWS client) otherwise.

import * as core from '@actions/core';
import { ROLLBACK_STATE, parseRollbackState } from './cancel.ts';
import type { StepDeps } from './deps.ts';
import { messageOf } from './errors.ts';

// The runner gives steps that run after a cancellation 5 minutes in all.
const POST_BUDGET_MS = 4 * 60_000;

export async function post(): Promise<void> {
  const state = parseRollbackState(core.getState(ROLLBACK_STATE));
  if (state === undefined) return;
  // Loaded only now: a post step with nothing to follow (nearly every run) loads no AWS SDK.
  const [{ createClients }, { followRollbackAfterCancel }] = await Promise.all([import('./aws/clients.ts'), import('./steps/ecs-rollback-post.ts')]);
  const deps: StepDeps = {
    log: { info: (m) => core.info(m), warning: (m) => core.warning(m), debug: (m) => core.debug(m) },
    clients: createClients({ region: state.region, ...(state.endpoint === undefined ? {} : { endpoint: state.endpoint }), userAgent: 'image-deploy/0.1.0' }),
    sleep: (ms) => new Promise((resolve) => setTimeout(resolve, ms)),
    now: () => Date.now(),
  };
  try {
    const line = await followRollbackAfterCancel({ ...state, timeoutMs: Math.min(state.timeoutMs, POST_BUDGET_MS) }, deps);
    if (line.ok) core.info(line.text);
    else core.setFailed(line.text);
  } catch (error) {
    core.setFailed(`Could not follow the rollback of service '${state.service}': ${messageOf(error)}`);
  }
}

await post();
