import { UserError } from '../errors.ts';
import { Input } from '../names.ts';
import { parseFunctionNames, validateAliasName } from '../plan/lambda-update.ts';
import { checkTemplate, parseParameterTags, parseParameterType, validateParameterName } from '../plan/parameter.ts';
import type { EcsDeployOptions, LambdaOptions, ParameterOptions, WaitSettings } from '../settings.ts';
import { parseBoolean, type Get } from './parse.ts';

export function readLambda(get: Get, region: string, dryRun: boolean, wait: WaitSettings): LambdaOptions {
  const names = get(Input.functionName);
  if (!names) throw new UserError(`Input '${Input.functionName}' is required for mode 'lambda': one or more function names or ARNs, one per line.`);
  const alias = get(Input.lambdaAlias);
  return {
    functionNames: parseFunctionNames(names),
    // An alias needs a version to point at, so asking for one implies publishing.
    publish: parseBoolean(get(Input.publish), Input.publish) || alias !== '',
    alias: alias ? validateAliasName(alias) : undefined,
    dryRun,
    region,
    wait: { timeoutMs: wait.timeoutMs, intervalMs: wait.intervalMs },
  };
}

export function readParameter(get: Get, dryRun: boolean, wait: WaitSettings, ecs: EcsDeployOptions | undefined): ParameterOptions {
  const name = get(Input.parameterName);
  if (!name) throw new UserError(`Input '${Input.parameterName}' is required for mode 'parameter': the SSM parameter to write, e.g. /app/prod/image-tag.`);
  // The parameter promises a deployed image, whatever else the step deploys; not waiting breaks that promise.
  if (!wait.enabled) {
    throw new UserError(
      `Input '${Input.wait}' is false, but input '${Input.mode}' includes 'parameter', which must only write after every deploy in the step succeeded: set '${Input.wait}: true', or remove 'parameter' from '${Input.mode}' and write the parameter in a later step.`,
    );
  }
  // Before the record is SUCCESSFUL (a bake still running) ECS may still roll it back.
  if (ecs && ecs.waitUntil !== 'completed') {
    throw new UserError(
      `Input '${Input.waitUntil}' is ${ecs.waitUntil}, but mode 'parameter' must only write after the ECS deployment completed: use '${Input.waitUntil}: completed', or write the parameter in a later step.`,
    );
  }
  const template = get(Input.parameterValue);
  checkTemplate(template);
  return {
    name: validateParameterName(name),
    template,
    type: parseParameterType(get(Input.parameterType)),
    tags: parseParameterTags(get(Input.parameterTags)),
    dryRun,
    timeoutMs: wait.timeoutMs,
  };
}
