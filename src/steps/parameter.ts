import { getParameter, type ParameterWrite, putParameter } from '../aws/ssm.ts';
import type { StepDeps } from '../deps.ts';
import { awsErrorName, transientReason } from '../errors.ts';
import { decideParameterWrite, type ParameterDecision, renderParameterValue } from '../plan/parameter.ts';
import type { DeployedTarget } from '../plan/parameter-guard.ts';
import type { ResolvedImage } from '../plan/resolved-image.ts';
import type { ParameterResult } from '../results.ts';
import { retrying } from '../retry.ts';
import type { ParameterOptions } from '../settings.ts';
import { supersededTargets } from './parameter-guard.ts';

export interface ParameterPlan {
  options: ParameterOptions;
  value: string;
  /** What prepare found and decided; apply reads and decides again before writing. */
  decision: ParameterDecision;
  /**
   * What this step deployed (set by the pipeline once ECS and Lambda are done): each must
   * still run this step's image right before every write, or nothing is written.
   */
  targets: DeployedTarget[];
}

/** Read-only: renders the value and checks the existing parameter; throws UserError on problems. */
export async function prepareParameter(
  options: ParameterOptions,
  image: ResolvedImage,
  deps: StepDeps,
): Promise<ParameterPlan> {
  const value = renderParameterValue(options.template, image);
  const current = await getParameter(deps.clients.ssm, options.name);
  // Deciding now stops the step on a SecureString or a type clash before ECS or Lambda change.
  const decision = decideParameterWrite({ name: options.name, value, type: options.type, current });
  // The plan, as a person reviewing a dry run wants to read it.
  deps.log.info(
    current === undefined
      ? `Parameter '${options.name}' does not exist yet; it will be created holding '${value}'.`
      : current.value === value
        ? `Parameter '${options.name}' already holds '${value}' (${current.type}, version ${current.version}).`
        : `Parameter '${options.name}' holds '${current.value}' (${current.type}, version ${current.version}); it will hold '${value}'.`,
  );
  return { options, value, decision, targets: [] };
}

/** Writes the value unless it is already there; in a dry run returns 'planned'. */
export async function applyParameter(plan: ParameterPlan, deps: StepDeps): Promise<ParameterResult> {
  const started = deps.now();
  const { options, value } = plan;
  const { name } = options;
  type Written = 'created' | 'updated' | 'unchanged' | 'planned' | 'superseded';
  const result = (decision: ParameterDecision, verdict: Written, version: string | undefined): ParameterResult => ({
    name,
    verdict: { state: verdict },
    changed: verdict === 'created' || verdict === 'updated',
    ...(decision.action === 'create' ? {} : { previousValue: decision.current.value }),
    value,
    type: decision.type,
    durationMs: deps.now() - started,
    version,
  });

  if (options.dryRun) {
    const { decision } = plan;
    if (decision.action === 'unchanged') {
      deps.log.info(unchangedLine(name, decision.current.value, decision.current.version));
      return result(decision, 'unchanged', decision.current.version);
    }
    deps.log.info(
      decision.action === 'create'
        ? `Dry run: would create parameter '${name}' (${decision.type}) with '${value}'.`
        : `Dry run: would change parameter '${name}': '${decision.current.value}' -> '${value}'.`,
    );
    return result(decision, 'planned', undefined);
  }

  // The deploy before this step took a while: each attempt reads the parameter again, and
  // TooManyUpdates means another writer got there first, so the next attempt sees its value.
  // A write whose answer was lost may have been applied: the next attempt then finds the
  // value there, and the result still says what this step did.
  let sent: ParameterDecision | undefined;
  const onUnknown = (d: ParameterDecision): void => {
    sent ??= d;
  };
  const attempt = () =>
    writeOnce(plan, deps, onUnknown).catch((error: unknown): Superseded => {
      if (error instanceof SupersededSignal) return { superseded: error.superseded };
      throw error;
    });
  const written = await retrying(
    attempt,
    {
      what: `Writing parameter '${name}'`,
      retryable: (error) =>
        awsErrorName(error) === 'TooManyUpdates' ? 'another write to it is in progress' : transientReason(error),
      timeoutMs: options.timeoutMs,
    },
    deps,
  );
  if ('superseded' in written) {
    deps.log.warning(
      `Parameter '${name}' was not written: another deploy replaced this step's image meanwhile (${written.superseded.join('; ')}). It still holds what that deploy left; this step's own deploy succeeded.`,
    );
    return result(plan.decision, 'superseded', undefined);
  }
  const { version } = written;
  const decision = written.decision.action === 'unchanged' && sent !== undefined ? sent : written.decision;
  switch (decision.action) {
    case 'unchanged':
      deps.log.info(unchangedLine(name, value, version));
      return result(decision, 'unchanged', version);
    case 'update':
      deps.log.info(`Parameter '${name}': '${decision.current.value}' -> '${value}' (version ${version})`);
      return result(decision, 'updated', version);
    case 'create':
      deps.log.info(`Parameter '${name}' created: '${value}' (${decision.type}, version ${version})`);
      return result(decision, 'created', version);
  }
}

/** Not an error: the write was skipped on purpose; carried out of writeOnce's nested puts. */
class SupersededSignal extends Error {
  readonly superseded: string[];
  constructor(superseded: string[]) {
    super('superseded');
    this.superseded = superseded;
  }
}

interface Superseded {
  superseded: string[];
}

interface Written {
  decision: ParameterDecision;
  /** The version holding the value: the new one, or the current one when unchanged. */
  version: string;
}

/** Reads, decides, writes; when a create loses a race with another creator, updates instead. */
/** `onUnknown`: a write failed in a way that may have applied it (no answer, a 5xx). */
async function writeOnce(
  plan: ParameterPlan,
  deps: StepDeps,
  onUnknown: (decision: ParameterDecision) => void,
): Promise<Written> {
  const { ssm } = deps.clients;
  // One attempt per PutParameter: the retry above reads the parameter before trying again.
  const put = async (decision: ParameterDecision, write: ParameterWrite): Promise<string> => {
    // Checked before every attempt, the first and each retry: see plan/parameter-guard.ts.
    const superseded = await supersededTargets(plan.targets, deps);
    if (superseded.length > 0) throw new SupersededSignal(superseded);
    try {
      return await putParameter(deps.clients.once.ssm, write);
    } catch (error) {
      if (transientReason(error) !== undefined) onUnknown(decision);
      throw error;
    }
  };
  const { name, type, tags } = plan.options;
  const { value } = plan;
  const decide = async () => decideParameterWrite({ name, value, type, current: await getParameter(ssm, name) });

  let decision = await decide();
  if (decision.action === 'create') {
    try {
      // Tags only here: SSM rejects Tags together with Overwrite.
      return { decision, version: await put(decision, { name, value, type: decision.type, overwrite: false, tags }) };
    } catch (error) {
      if (awsErrorName(error) !== 'ParameterAlreadyExists') throw error;
      deps.log.info(`Parameter '${name}' was created by someone else meanwhile; reading it again.`);
      decision = await decide();
      if (decision.action === 'create') {
        throw new Error(
          `Parameter '${name}' was reported to exist, then not found: another job may be creating and deleting it; run the step again.`,
          {
            cause: error,
          },
        );
      }
    }
  }
  if (decision.action === 'unchanged') return { decision, version: decision.current.version };
  return { decision, version: await put(decision, { name, value, type: decision.type, overwrite: true }) };
}

function unchangedLine(name: string, value: string, version: string): string {
  return `Parameter '${name}' already holds '${value}' (version ${version}); nothing to write.`;
}
