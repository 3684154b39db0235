import { Output, type OutputName } from '../names.ts';
import { parseImageRef } from '../plan/image-ref.ts';
import type { EcsResult, PipelineOutcome } from '../results.ts';

/** The step's outputs. Pure: main.ts writes them. Outputs a mode did not produce are absent. */
export function outputsOf(outcome: PipelineOutcome): Partial<Record<OutputName, string>> {
  const { image, runTask, ecs, lambda, parameter } = outcome;
  const out: Partial<Record<OutputName, string>> = {};
  out[Output.changed] = String(
    [runTask?.changed, ecs?.changed, lambda?.changed, parameter?.changed].some((c) => c === true),
  );
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
    const { services } = ecs;
    const [only] = services;
    // One service: plain strings, empty in a dry run that would register (no revision exists to name).
    if (services.length === 1 && only !== undefined) {
      out[Output.taskDefinitionArn] = only.taskDefinitionArn;
      out[Output.previousTaskDefinitionArn] = only.previousTaskDefinitionArn;
    }
    for (const [name, value] of [
      [Output.taskDefinitionArn, (s: EcsResult) => s.taskDefinitionArn],
      [Output.previousTaskDefinitionArn, (s: EcsResult) => s.previousTaskDefinitionArn],
      [Output.deploymentId, (s: EcsResult) => s.deploymentId],
      [Output.serviceDeploymentArn, (s: EcsResult) => s.serviceDeployment?.arn],
      [Output.codedeployDeploymentId, (s: EcsResult) => s.codeDeploy?.deploymentId],
    ] as const) {
      const v = perTarget(services, (s) => s.service, value);
      if (v !== undefined) out[name] = v;
    }
    // Without the image mode, 'image' reports what the containers run after the step: when every service agrees.
    const images = new Set(services.map((s) => s.after.image));
    const [after] = images;
    if (!image && images.size === 1 && after) out[Output.image] = after;
  }
  if (lambda) {
    const arns = perTarget(
      lambda.functions,
      (f) => f.functionName,
      (f) => f.functionArn,
    );
    if (arns !== undefined) out[Output.lambdaFunctionArn] = arns;
    const versions = perTarget(
      lambda.functions,
      (f) => f.functionName,
      (f) => f.version,
    );
    if (versions !== undefined) out[Output.lambdaVersion] = versions;
    // Through CodeDeploy: one deployment per function, shaped as for several ECS services.
    const deployments = perTarget(
      lambda.functions,
      (f) => f.functionName,
      (f) => f.codeDeploy?.deploymentId,
    );
    if (deployments !== undefined) out[Output.codedeployDeploymentId] = deployments;
  }
  if (parameter?.version !== undefined) out[Output.parameterVersion] = parameter.version;
  // Only a write this run made is `true`; whether the parameter holds the value shows in parameter-version.
  if (parameter && parameter.verdict.state !== 'failed') {
    out[Output.parameterWritten] = String(
      parameter.verdict.state === 'created' || parameter.verdict.state === 'updated',
    );
  }
  return out;
}

/**
 * One target (a function, a service): the plain value. Several: a JSON object keyed by the
 * name as the input gave it, holding the targets that have a value.
 */
export function perTarget<T>(
  targets: readonly T[],
  key: (t: T) => string,
  value: (t: T) => string | undefined,
): string | undefined {
  const entries = targets.flatMap((t) => {
    const v = value(t);
    return v === undefined || v === '' ? [] : [[key(t), v] as const];
  });
  if (entries.length === 0) return undefined;
  if (targets.length === 1) return entries[0]?.[1];
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
    // biome-ignore lint/suspicious/noControlCharactersInRegex: finding control characters is the point.
    if (/[\u0000-\u001f\u007f\u2028\u2029]/.test(value)) {
      problems.push(
        `${label} was not set: the value AWS reported holds a line break or control character, which no output may carry. Check what wrote it.`,
      );
      continue;
    }
    if (name === Output.image) {
      try {
        parseImageRef(value, label);
      } catch (error) {
        problems.push(
          `${error instanceof Error ? error.message : String(error)} It was not set: check the image in the service's task definition.`,
        );
        continue;
      }
    }
    checked[name] = value;
  }
  return { values: checked, problems };
}
