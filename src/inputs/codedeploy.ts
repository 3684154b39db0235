// The inputs of ECS services that deploy through CodeDeploy: application, deployment
// group, AppSpec file and deployment configuration. Read for every ecs step, used only
// for services whose deploymentController is CODE_DEPLOY.

import { existsSync } from 'node:fs';
import { isAbsolute, resolve } from 'node:path';
import { UserError } from '../errors.ts';
import { Input } from '../names.ts';
import { appSpecFromFile, isAppSpecProblem } from '../plan/codedeploy-appspec.ts';
import type { CodeDeployOptions } from '../settings.ts';
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
    ...(file === '' ? {} : { appSpec: readAppSpecFile(file, env, yaml) }),
  };
}

function readAppSpecFile(raw: string, env: Env, yaml: YamlParser | undefined): { path: string; doc: unknown } {
  const label = `Input '${Input.codedeployAppspec}' ('${raw}')`;
  const path = isAbsolute(raw) ? raw : resolve(env.GITHUB_WORKSPACE ?? process.cwd(), raw);
  if (!existsSync(path))
    throw new UserError(
      `${label} is not a file that exists (looked at ${path}): name a JSON or YAML AppSpec file in the workspace.`,
    );
  const real = insideAllowedRoots(path, env, label);
  if (yaml === undefined)
    throw new Error(`${label} names a file, but the YAML parser was not loaded (loadInputParsers).`);
  const doc = parseTaskDefinitionText(readRegularFile(real, label), label, yaml);
  // Checked now, with a stand-in ARN, so a wrong file fails before any change.
  const checked = appSpecFromFile(doc, 'arn:aws:ecs:us-east-1:000000000000:task-definition/check:1');
  if (isAppSpecProblem(checked)) throw new UserError(`${label} is not an ECS AppSpec: ${checked.problem}.`);
  return { path, doc };
}
