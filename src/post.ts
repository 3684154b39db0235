// The action's post step (action.yml `runs.post`, `post-if: always()`): after a job was
// cancelled mid-deploy with rollback-on-failure, follows the rollback the main step started
// to its end and says how it went. Does nothing (and loads no AWS client) otherwise.
// Importing this module runs nothing: src/post-index.ts, the bundle's entry, calls `run()`.

import { parseRollbackStates, ROLLBACK_STATE, rollbackSubject } from './cancel.ts';
import { type Io, type StepDeps, withLogPrefix } from './deps.ts';
import { messageOf } from './errors.ts';
import { LAMBDA_PUT_BACK_STATE, parseLambdaPutBackStates } from './lambda-cancel.ts';
import { runnerIo } from './runner/writer.ts';

// The runner gives steps that run after a cancellation 5 minutes in all.
const POST_BUDGET_MS = 4 * 60_000;

/** Puts back what a failed or cancelled main step left moved, if anything; the post step's one setFailed. */
export async function run(io: Io = runnerIo()): Promise<void> {
  const failed = [...(await putLambdaAliasesBack(io)), ...(await followEcsRollbacks(io))];
  if (failed.length > 0) io.setFailed(failed.join('\n'));
}

/** Each started ECS rollback, followed by its service's controller; the failures' lines. */
async function followEcsRollbacks(io: Io): Promise<string[]> {
  const parsed = parseRollbackStates(io.getState?.(ROLLBACK_STATE) ?? '');
  if ('problem' in parsed) {
    io.warning(
      `The post step found a saved state it did not write (${parsed.problem}): following nothing. This happens when something else set STATE_${ROLLBACK_STATE}.`,
    );
    return [];
  }
  const { states } = parsed;
  const [state] = states;
  if (state === undefined) return [];
  // Loaded only now: a post step with nothing to follow (nearly every run) loads no AWS SDK.
  const [{ createClients }, { controllerFor }] = await Promise.all([
    import('./aws/clients.ts'),
    import('./steps/controllers.ts'),
  ]);
  const deps: StepDeps = {
    log: io,
    clients: await createClients(
      {
        region: state.region,
        ...(state.endpoint === undefined ? {} : { endpoint: state.endpoint }),
      },
      ['ecs'],
    ),
    sleep: (ms) => new Promise((resolve) => setTimeout(resolve, ms)),
    now: () => Date.now(),
  };
  // Several services' rollbacks are followed side by side, each line saying whose it is; each by its own controller.
  const lines = await Promise.all(
    states.map(async (one) => {
      const own = states.length > 1 ? withLogPrefix(deps, `[${one.functionName ?? one.service}] `) : deps;
      try {
        return await controllerFor(one.controller).followAfterCancel(
          { ...one, timeoutMs: Math.min(one.timeoutMs, POST_BUDGET_MS) },
          own,
        );
      } catch (error) {
        return { ok: false, text: `Could not follow the rollback of ${rollbackSubject(one)}: ${messageOf(error)}` };
      }
    }),
  );
  for (const line of lines.filter((l) => l.ok)) io.info(line.text);
  return lines.filter((l) => !l.ok).map((l) => l.text);
}

/** Aliases a failed or cancelled Lambda traffic shift moved: each put back unless it already is; the failures' lines. */
async function putLambdaAliasesBack(io: Io): Promise<string[]> {
  const parsed = parseLambdaPutBackStates(io.getState?.(LAMBDA_PUT_BACK_STATE) ?? '');
  if ('problem' in parsed) {
    io.warning(
      `The post step found a saved state it did not write (${parsed.problem}): putting no alias back. This happens when something else set STATE_${LAMBDA_PUT_BACK_STATE}.`,
    );
    return [];
  }
  const { states } = parsed;
  const [first] = states;
  if (first === undefined) return [];
  const [{ createClients }, { putAliasesBackAfterCancel }] = await Promise.all([
    import('./aws/clients.ts'),
    import('./steps/lambda-post.ts'),
  ]);
  const clients = await createClients(
    {
      region: first.region,
      ...(first.endpoint === undefined ? {} : { endpoint: first.endpoint }),
    },
    ['lambda'],
  );
  const lines = await putAliasesBackAfterCancel(states, {
    log: io,
    clients,
    sleep: (ms) => new Promise((resolve) => setTimeout(resolve, ms)),
    now: () => Date.now(),
  });
  for (const line of lines.filter((l) => l.ok)) io.info(line.text);
  return lines.filter((l) => !l.ok).map((l) => l.text);
}
