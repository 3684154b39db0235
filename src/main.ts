import { createClients, servicesOf } from './aws/clients.ts';
import { ROLLBACK_STATE, rollbackState, watchCancellation } from './cancel.ts';
import type { Io, StepDeps } from './deps.ts';
import { messageOf } from './errors.ts';
import { failureOf } from './failure.ts';
import { loadInputParsers, readInputs } from './inputs/read-inputs.ts';
import { LAMBDA_PUT_BACK_STATE, lambdaPutBackState } from './lambda-cancel.ts';
import { loadSteps, runPipeline } from './pipeline.ts';
import { failureText } from './plan/verdict.ts';
import { checkOutputs, outputsOf } from './report/outputs.ts';
import { renderInputFailure, renderSummary } from './report/summary.ts';
import type { PipelineOutcome } from './results.ts';
import { runnerIo } from './runner/writer.ts';

/** Reads inputs, runs the pipeline, writes outputs and the summary. The one setFailed. */
export async function run(
  io: Io = runnerIo(),
  env: NodeJS.ProcessEnv = process.env,
  makeDeps = defaultDeps,
): Promise<void> {
  const cancellation = watchCancellation(io);
  let outcome: PipelineOutcome | undefined;
  try {
    const source = { getInput: io.getInput, env };
    const settings = readInputs({ ...source, ...(await loadInputParsers(source)) });
    const options = { region: settings.region, endpoint: settings.endpoint };
    // CloudWatch is loaded only when alarms are watched during a Lambda traffic shift.
    const services = [
      ...servicesOf(settings.modes),
      ...(settings.lambda?.alarms.length ? (['cloudwatch'] as const) : []),
    ];
    const [clients, steps] = await Promise.all([createClients(options, services), loadSteps(settings.modes)]);
    const deps = { ...makeDeps(io, clients, cancellation.signal), cancel: cancellation.signal };
    outcome = await runPipeline(settings, deps, io.group, steps);
    // A rollback started as the job was cancelled: the post step follows it to its end.
    const state = rollbackState(outcome, settings);
    if (state !== undefined) io.saveState?.(ROLLBACK_STATE, state);
    // Aliases a failed Lambda shift moved: the post step checks each is back.
    const lambdaState = lambdaPutBackState(outcome, settings);
    if (lambdaState !== undefined) io.saveState?.(LAMBDA_PUT_BACK_STATE, lambdaState);
    const outputProblems = writeOutputs(io, outcome);
    await writeSummary(io, renderSummary(outcome, { region: settings.region, dryRun: settings.dryRun }));
    if (outcome.failures.length > 0 || outputProblems.length > 0)
      io.setFailed([failureMessage(outcome), ...outputProblems].filter((m) => m !== '').join('\n'));
  } catch (error) {
    const failure = failureOf(error, io);
    if (outcome === undefined) {
      // Bad inputs (or no clients): nothing ran, so nothing changed; the summary says so too.
      await writeSummary(io, renderInputFailure(failure));
      io.setFailed(failure.reason);
    } else {
      // The deploy ran: its own verdict stands, with what went wrong reporting it.
      const verdict = outcome.failures.length > 0 ? failureMessage(outcome) : 'The deploy itself succeeded';
      io.setFailed(`${verdict}\nReporting the deploy failed: ${failure.reason}`);
    }
  } finally {
    cancellation.dispose();
  }
}

// A summary that cannot be written (no GITHUB_STEP_SUMMARY, e.g. `act` or a local run)
// must not hide the deploy's own verdict.
async function writeSummary(io: Io, markdown: string): Promise<void> {
  try {
    await io.writeSummary(markdown);
  } catch (error) {
    io.warning(`Could not write the job summary: ${messageOf(error)}`);
  }
}

/** One message for setFailed: each failed mode's reason, and what did not run because of it. */
function failureMessage(outcome: PipelineOutcome): string {
  const lines = outcome.failures.map(({ mode, failure }) => {
    const text = failureText(failure) ?? '';
    return outcome.failures.length > 1 ? `[${mode}] ${text}` : text;
  });
  if (outcome.skipped.length > 0) lines.push(`Not run because of this failure: ${outcome.skipped.join(', ')}.`);
  return lines.join('\n');
}

/** Writes the outputs that pass checkOutputs; returns why the others were left out. */
function writeOutputs(io: Io, outcome: PipelineOutcome): string[] {
  const { values, problems } = checkOutputs(outputsOf(outcome));
  for (const [name, value] of Object.entries(values)) io.setOutput(name, value);
  return problems;
}

function defaultDeps(io: Io, clients: StepDeps['clients'], cancel?: AbortSignal): StepDeps {
  return {
    log: io,
    clients,
    // A wait's own signal (the job's, or joined with a stop of the step) wakes it; else the job's.
    sleep: (ms, signal) => cancellableSleep(ms, signal ?? cancel),
    now: () => Date.now(),
  };
}

/**
 * A sleep in flight when the job is cancelled ends at once (its timer cleared, so no wait
 * keeps the process alive); sleeps begun after that run normally (a rollback's follow).
 */
function cancellableSleep(ms: number, cancel: AbortSignal | undefined): Promise<void> {
  return new Promise((resolve) => {
    if (cancel === undefined || cancel.aborted) {
      setTimeout(resolve, ms);
      return;
    }
    const wake = (): void => {
      clearTimeout(timer);
      resolve();
    };
    const timer = setTimeout(() => {
      cancel.removeEventListener('abort', wake);
      resolve();
    }, ms);
    cancel.addEventListener('abort', wake, { once: true });
  });
}
