import { Output, type OutputName } from '../names.ts';
import { parseImageRef } from '../plan/image-ref.ts';
import type { LambdaFunctionResult, PipelineOutcome } from '../results.ts';

/** The step's outputs. Pure: main.ts writes them. Outputs a mode did not produce are absent. */
export function outputsOf(outcome: PipelineOutcome): Partial<Record<OutputName, string>> {
  const { image, runTask, ecs, lambda, parameter } = outcome;
  const out: Partial<Record<OutputName, string>> = {};
  out[Output.changed] = String([runTask?.changed, ecs?.changed, lambda?.changed, parameter?.changed].some((c) => c === true));
  if (image) {
    out[Output.image] = image.reference;
    if (image.tag !== undefined) out[Output.imageTag] = image.tag;
    if (image.digest !== undefined) out[Output.imageDigest] = image.digest;
  }
  if (runTask) {
    if (runTask.taskArn !== undefined) out[Output.taskArn] = runTask.taskArn;
    if (runTask.exitCode !== undefined) out[Output.taskExitCode] = String(runTask.exitCode);
  }
  if (ecs) {
    // Empty in a dry run that would register: no revision exists to name.
    out[Output.taskDefinitionArn] = ecs.taskDefinitionArn;
    out[Output.previousTaskDefinitionArn] = ecs.previousTaskDefinitionArn;
    if (ecs.deploymentId) out[Output.deploymentId] = ecs.deploymentId;
    if (ecs.serviceDeployment) out[Output.serviceDeploymentArn] = ecs.serviceDeployment.arn;
    // Without the image mode, 'image' reports what the container runs after the step.
    if (!image && ecs.after.image) out[Output.image] = ecs.after.image;
  }
  if (lambda) {
    const arns = perFunction(lambda.functions, (f) => f.functionArn);
    if (arns !== undefined) out[Output.lambdaFunctionArn] = arns;
    const versions = perFunction(lambda.functions, (f) => f.version);
    if (versions !== undefined) out[Output.lambdaVersion] = versions;
  }
  if (parameter?.version !== undefined) out[Output.parameterVersion] = parameter.version;
  if (parameter && parameter.verdict.state !== 'planned' && parameter.verdict.state !== 'failed') {
    out[Output.parameterWritten] = String(parameter.verdict.state !== 'superseded');
  }
  return out;
}

/** One function: the plain value. Several: a JSON object keyed by the name as given. */
function perFunction(functions: LambdaFunctionResult[], value: (f: LambdaFunctionResult) => string | undefined): string | undefined {
  const entries = functions.flatMap((f) => {
    const v = value(f);
    return v === undefined || v === '' ? [] : [[f.functionName, v] as const];
  });
  if (entries.length === 0) return undefined;
  if (functions.length === 1) return entries[0]?.[1];
  return JSON.stringify(Object.fromEntries(entries));
}

export interface CheckedOutputs {
  values: Partial<Record<OutputName, string>>;
  /** One message per output left out; any of them fails the step. */
  problems: string[];
}

/**
 * Outputs end up in later steps' scripts, so an AWS string (the image a container runs, in
 * ecs-only mode) must be what its name promises: an image reference by the grammar the
 * `image` input is held to, and no output holds a line break or control character.
 */
export function checkOutputs(values: Partial<Record<OutputName, string>>): CheckedOutputs {
  const checked: Partial<Record<OutputName, string>> = {};
  const problems: string[] = [];
  for (const [name, value] of Object.entries(values) as Array<[OutputName, string]>) {
    const label = `Output '${name}'`;
    if (/[\u0000-\u001f\u007f\u2028\u2029]/.test(value)) {
      problems.push(`${label} was not set: the value AWS reported holds a line break or control character, which no output may carry. Check what wrote it.`);
      continue;
    }
    if (name === Output.image) {
      try {
        parseImageRef(value, label);
      } catch (error) {
        problems.push(`${error instanceof Error ? error.message : String(error)} It was not set: check the image in the service's task definition.`);
        continue;
      }
    }
    checked[name] = value;
  }
  return { values: checked, problems };
}
