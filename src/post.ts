// The action's post step (action.yml `runs.post`, `post-if: always()`): after a job was
// cancelled mid-deploy with rollback-on-failure, follows the rollback the main step started
// to its end and says how it went. Does nothing (and loads no AWS client) otherwise.

import { ROLLBACK_STATE, parseRollbackState } from './cancel.ts';
import type { StepDeps } from './deps.ts';
import { messageOf } from './errors.ts';
import { runnerIo } from './runner/writer.ts';

// The runner gives steps that run after a cancellation 5 minutes in all.
const POST_BUDGET_MS = 4 * 60_000;

export async function post(): Promise<void> {
  const io = runnerIo();
  const state = parseRollbackState(io.getState?.(ROLLBACK_STATE) ?? '');
  if (state === undefined) return;
  // Loaded only now: a post step with nothing to follow (nearly every run) loads no AWS SDK.
  const [{ createClients }, { followRollbackAfterCancel }] = await Promise.all([import('./aws/clients.ts'), import('./steps/ecs-rollback-post.ts')]);
  const deps: StepDeps = {
    log: io,
    clients: await createClients({ region: state.region, ...(state.endpoint === undefined ? {} : { endpoint: state.endpoint }), userAgent: 'image-deploy/0.1.0' }, ['ecs']),
    sleep: (ms) => new Promise((resolve) => setTimeout(resolve, ms)),
    now: () => Date.now(),
  };
  try {
    const line = await followRollbackAfterCancel({ ...state, timeoutMs: Math.min(state.timeoutMs, POST_BUDGET_MS) }, deps);
    if (line.ok) io.info(line.text);
    else io.setFailed(line.text);
  } catch (error) {
    io.setFailed(`Could not follow the rollback of service '${state.service}': ${messageOf(error)}`);
  }
}

await post();
