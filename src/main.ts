import * as core from '@actions/core';
import { createClients } from './aws/clients.ts';
import type { Io, StepDeps } from './deps.ts';
import { UserError, messageOf } from './errors.ts';
import { readInputs } from './inputs.ts';
import { Output } from './names.ts';
import { runPipeline, type PipelineOutcome } from './pipeline.ts';
import { renderSummary } from './report/summary.ts';

const USER_AGENT = 'image-deploy/0.1.0';

/** Reads inputs, runs the pipeline, writes outputs and the summary. The one setFailed. */
export async function run(io: Io = actionsIo(), env: NodeJS.ProcessEnv = process.env, makeDeps = defaultDeps): Promise<void> {
  try {
    const settings = readInputs({ getInput: io.getInput, env });
    const deps = makeDeps(io, createClients({ region: settings.region, endpoint: settings.endpoint, userAgent: USER_AGENT }));
    const outcome = await runPipeline(settings, deps, io.group);
    writeOutputs(io, outcome);
    await writeSummary(io, renderSummary(outcome, { region: settings.region }));
    if (outcome.failure) io.setFailed(outcome.failure.message);
  } catch (error) {
    if (!(error instanceof UserError) && error instanceof Error && error.stack) io.debug(error.stack);
    io.setFailed(messageOf(error));
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

function writeOutputs(io: Io, outcome: PipelineOutcome): void {
  const { ecs } = outcome;
  io.setOutput(Output.changed, String(ecs?.changed ?? false));
  if (ecs) {
    io.setOutput(Output.taskDefinitionArn, ecs.taskDefinitionArn);
    io.setOutput(Output.previousTaskDefinitionArn, ecs.previousTaskDefinitionArn);
    if (ecs.deploymentId) io.setOutput(Output.deploymentId, ecs.deploymentId);
    if (ecs.after.image) io.setOutput(Output.image, ecs.after.image);
  }
}

function defaultDeps(io: Io, clients: StepDeps['clients']): StepDeps {
  return {
    log: io,
    clients,
    sleep: (ms) => new Promise((resolve) => setTimeout(resolve, ms)),
    now: () => Date.now(),
  };
}

function actionsIo(): Io {
  return {
    getInput: (name) => core.getInput(name),
    setOutput: (name, value) => core.setOutput(name, value),
    setSecret: (value) => core.setSecret(value),
    setFailed: (message) => core.setFailed(message),
    info: (message) => core.info(message),
    warning: (message) => core.warning(message),
    debug: (message) => core.debug(message),
    group: (name, fn) => core.group(name, fn),
    writeSummary: async (markdown) => {
      await core.summary.addRaw(markdown).write();
    },
  };
}
