// The action's post step (action.yml `runs.post`, `post-if: always()`): after a job was
// cancelled mid-deploy with rollback-on-failure, follows the rollback the main step started
// to its end and says how it went. Does nothing (and loads no AWS client) otherwise.
// Importing this module runs nothing: src/post-index.ts, the bundle's entry, calls `run()`.

import { ROLLBACK_STATE, parseRollbackStates } from './cancel.ts';
import { LAMBDA_PUT_BACK_STATE, parseLambdaPutBackStates } from './lambda-cancel.ts';
import { withLogPrefix, type Io, type StepDeps } from './deps.ts';
import { messageOf } from './errors.ts';
import { runnerIo } from './runner/writer.ts';

// The runner gives steps that run after a cancellation 5 minutes in all.
const POST_BUDGET_MS = 4 * 60_000;

/** Follows the rollbacks the main step saved, if any; the post step's one setFailed. */
export async function run(io: Io = runnerIo()): Promise<void> {
  await postLambda(io);
  const states = parseRollbackStates(io.getState?.(ROLLBACK_STATE) ?? '');
  const [state] = states;
  if (state === undefined) return;
  // Loaded only now: a post step with nothing to follow (nearly every run) loads no AWS SDK.
  const [{ createClients }, { followRollbackAfterCancel }] = await Promise.all([import('./aws/clients.ts'), import('./steps/ecs-rollback-post.ts')]);
  const deps: StepDeps = {
    log: io,
    clients: await createClients({ region: state.region, ...(state.endpoint === undefined ? {} : { endpoint: state.endpoint }), userAgent: 'image-deploy/0.1.0' }, ['ecs']),
    sleep: (ms) => new Promise((resolve) => setTimeout(resolve, ms)),
    now: () => Date.now(),
  };
  // Several services' rollbacks are followed side by side, each line saying whose it is.
  const lines = await Promise.all(
    states.map(async (one) => {
      const own = states.length === 1 ? deps : withLogPrefix(deps, `[${one.service}] `);
      try {
        return await followRollbackAfterCancel({ ...one, timeoutMs: Math.min(one.timeoutMs, POST_BUDGET_MS) }, own);
      } catch (error) {
        return { ok: false, text: `Could not follow the rollback of service '${one.service}': ${messageOf(error)}` };
      }
    }),
  );
  for (const line of lines.filter((l) => l.ok)) io.info(line.text);
  const failed = lines.filter((l) => !l.ok).map((l) => l.text);
  if (failed.length > 0) io.setFailed(failed.join('\n'));
}

/** Aliases a failed or cancelled Lambda traffic shift moved: each put back unless it already is. */
async function postLambda(io: Io): Promise<void> {
  const states = parseLambdaPutBackStates(io.getState?.(LAMBDA_PUT_BACK_STATE) ?? '');
  const [first] = states;
  if (first === undefined) return;
  const [{ createClients }, { putAliasesBackAfterCancel }] = await Promise.all([import('./aws/clients.ts'), import('./steps/lambda-post.ts')]);
  const clients = await createClients({ region: first.region, ...(first.endpoint === undefined ? {} : { endpoint: first.endpoint }), userAgent: 'image-deploy/0.1.0' }, ['lambda']);
  const lines = await putAliasesBackAfterCancel(states, { log: io, clients, sleep: (ms) => new Promise((resolve) => setTimeout(resolve, ms)), now: () => Date.now() });
  for (const line of lines.filter((l) => l.ok)) io.info(line.text);
  const failed = lines.filter((l) => !l.ok).map((l) => l.text);
  if (failed.length > 0) io.setFailed(failed.join('\n'));
}
