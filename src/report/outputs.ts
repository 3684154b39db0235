import { Output, type OutputName } from '../names.ts';
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
