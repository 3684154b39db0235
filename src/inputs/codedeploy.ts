// The `codedeploy-*` inputs: application, deployment group, AppSpec file and deployment
// configuration. With mode ecs they are for services whose deploymentController is
// CODE_DEPLOY; with mode lambda and no ecs, CodeDeploy moves the functions' alias.

import { existsSync } from 'node:fs';
import { isAbsolute, resolve } from 'node:path';
import { UserError } from '../errors.ts';
import { Input } from '../names.ts';
import { appSpecFromFile, isAppSpecProblem } from '../plan/codedeploy-appspec.ts';
import { lambdaAppSpecFile } from '../plan/lambda-appspec.ts';
import type { CodeDeployOptions, LambdaCodeDeployOptions } from '../settings.ts';
import { parseTaskDefinitionText, type YamlParser } from './document.ts';
import type { Env, Get } from './parse.ts';
import { insideAllowedRoots, readRegularFile } from './task-definition-file.ts';

// CodeDeploy's limits for application, deployment group and deployment config names (1-100).
const NAME = /^[A-Za-z0-9_.+\-@=,]{1,100}$/;

function readName(get: Get, name: string): string | undefined {
  const raw = get(name);
  if (raw === '') return undefined;
  if (!NAME.test(raw))
    throw new UserError(
      `Input '${name}' ('${raw}') is not a CodeDeploy name: use 1-100 letters, digits and _ . + - @ = ,`,
    );
  return raw;
}

export function readCodeDeploy(get: Get, env: Env, yaml?: YamlParser): CodeDeployOptions {
  const application = readName(get, Input.codedeployApplication);
  const deploymentGroup = readName(get, Input.codedeployDeploymentGroup);
  const deploymentConfig = readName(get, Input.codedeployDeploymentConfig);
  const file = get(Input.codedeployAppspec);
  return {
    ...(application === undefined ? {} : { application }),
    ...(deploymentGroup === undefined ? {} : { deploymentGroup }),
    ...(deploymentConfig === undefined ? {} : { deploymentConfig }),
    ...(file === '' ? {} : { appSpec: readEcsAppSpec(file, env, yaml) }),
  };
}

/**
 * The inputs for Lambda through CodeDeploy, or undefined when none is set. Both names are
 * required: unlike ECS services, Lambda functions have no console default to fall back on.
 */
export function readLambdaCodeDeploy(get: Get, env: Env, yaml?: YamlParser): LambdaCodeDeployOptions | undefined {
  const { application, deploymentGroup, deploymentConfig } = readCodeDeploy(
    (name) => (name === Input.codedeployAppspec ? '' : get(name)),
    env,
  );
  const file = get(Input.codedeployAppspec);
  if ([application, deploymentGroup, deploymentConfig].every((v) => v === undefined) && file === '') return undefined;
  const missing = [
    [Input.codedeployApplication, application],
    [Input.codedeployDeploymentGroup, deploymentGroup],
  ].find(([, value]) => value === undefined)?.[0];
  if (missing !== undefined || application === undefined || deploymentGroup === undefined) {
    throw new UserError(
      `Input '${missing ?? Input.codedeployApplication}' is required to deploy Lambda functions through CodeDeploy: name the application and the deployment group (compute platform Lambda) in '${Input.codedeployApplication}' and '${Input.codedeployDeploymentGroup}', or remove the other codedeploy-* inputs to move the alias without CodeDeploy.`,
    );
  }
  return {
    application,
    deploymentGroup,
    ...(deploymentConfig === undefined ? {} : { deploymentConfig }),
    ...(file === '' ? {} : { appSpec: readLambdaAppSpec(file, env, yaml) }),
  };
}

function readEcsAppSpec(raw: string, env: Env, yaml: YamlParser | undefined): { path: string; doc: unknown } {
  const { path, doc, label } = readAppSpecFile(raw, env, yaml);
  // Checked now, with a stand-in ARN, so a wrong file fails before any change.
  const checked = appSpecFromFile(doc, 'arn:aws:ecs:us-east-1:000000000000:task-definition/check:1');
  if (isAppSpecProblem(checked)) throw new UserError(`${label} is not an ECS AppSpec: ${checked.problem}.`);
  return { path, doc };
}

function readLambdaAppSpec(raw: string, env: Env, yaml: YamlParser | undefined): LambdaCodeDeployOptions['appSpec'] {
  const { path, doc, label } = readAppSpecFile(raw, env, yaml);
  const file = lambdaAppSpecFile(doc);
  if ('problem' in file) throw new UserError(`${label} is not a Lambda AppSpec: ${file.problem}.`);
  return { path, file };
}

function readAppSpecFile(
  raw: string,
  env: Env,
  yaml: YamlParser | undefined,
): { path: string; doc: unknown; label: string } {
  const label = `Input '${Input.codedeployAppspec}' ('${raw}')`;
  const path = isAbsolute(raw) ? raw : resolve(env.GITHUB_WORKSPACE ?? process.cwd(), raw);
  if (!existsSync(path))
    throw new UserError(
      `${label} is not a file that exists (looked at ${path}): name a JSON or YAML AppSpec file in the workspace.`,
    );
  const real = insideAllowedRoots(path, env, label);
  if (yaml === undefined)
    throw new Error(`${label} names a file, but the YAML parser was not loaded (loadInputParsers).`);
  return { path, doc: parseTaskDefinitionText(readRegularFile(real, label), label, yaml), label };
}
