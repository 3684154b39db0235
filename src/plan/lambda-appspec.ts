// Lambda deployments through CodeDeploy: the AppSpec of one function (its alias moved from
// the version it points at to the one this step published), the hooks an AppSpec file may
// give, and whether a deployment group deploys Lambda functions. Pure. Shapes from the
// CodeDeploy User Guide: "AppSpec 'resources' section for AWS Lambda deployments" (Type
// AWS::Lambda::Function with Name, Alias, CurrentVersion, TargetVersion), "AppSpec 'hooks'
// section for an AWS Lambda deployment" (BeforeAllowTraffic, AfterAllowTraffic) and
// "AppSpec file example for an AWS Lambda deployment".

import type { DeploymentGroupInfo } from '@aws-sdk/client-codedeploy';
import type { AppSpec, AppSpecProblem } from './codedeploy-appspec.ts';
import { isRecord } from './json.ts';
import { shellQuote } from './shell.ts';

/** The events a Lambda AppSpec may hook (AllowTraffic is CodeDeploy's own shift). */
export const LAMBDA_HOOK_EVENTS = ['BeforeAllowTraffic', 'AfterAllowTraffic'] as const;

/** What the AppSpec of one function says: the alias CodeDeploy moves, from and to. */
export interface LambdaAppSpecTarget {
  /** The function's name as CodeDeploy's `Name` takes it (name or ARN). */
  functionName: string;
  alias: string;
  currentVersion: string;
  targetVersion: string;
}

/** What an AppSpec file gives a Lambda deployment: its hooks and the resource's name. */
export interface LambdaAppSpecFile {
  /** The key of the file's one resource, kept so the user's own name appears in CodeDeploy. */
  resourceName?: string;
  /** One-entry maps, event -> hook function, in the file's order. */
  hooks: Array<Record<string, string>>;
}

/**
 * The hooks (and resource name) of a Lambda AppSpec file, or what is wrong with it. Its
 * resource, when it has one, must be one AWS::Lambda::Function: its Name, Alias and
 * versions are replaced for each function deployed (placeholders are fine).
 */
export function lambdaAppSpecFile(doc: unknown): LambdaAppSpecFile | AppSpecProblem {
  if (!isRecord(doc)) return { problem: 'it is not a mapping: write an AppSpec with version, Resources and Hooks' };
  let resourceName: string | undefined;
  if (doc.Resources !== undefined) {
    const resources = doc.Resources;
    const [resource] = Array.isArray(resources) ? (resources as unknown[]) : [];
    const name = isRecord(resource) ? Object.keys(resource)[0] : undefined;
    const target = name === undefined || !isRecord(resource) ? undefined : resource[name];
    if (!Array.isArray(resources) || resources.length !== 1 || !isRecord(target)) {
      return {
        problem:
          "its 'Resources' is not a list of exactly one resource: a Lambda AppSpec names one AWS::Lambda::Function (image-deploy fills in its Name, Alias and versions for each function)",
      };
    }
    if (target.Type !== 'AWS::Lambda::Function') {
      return {
        problem: `its resource '${name}' is not 'Type: AWS::Lambda::Function': write a Lambda AppSpec (an ECS one deploys services)`,
      };
    }
    resourceName = name;
  }
  const hooks = hookList(doc.Hooks);
  if ('problem' in hooks) return hooks;
  return { ...(resourceName === undefined ? {} : { resourceName }), hooks: hooks.list };
}

function hookList(raw: unknown): { list: Array<Record<string, string>> } | AppSpecProblem {
  if (raw === undefined) return { list: [] };
  const events: readonly string[] = LAMBDA_HOOK_EVENTS;
  if (!Array.isArray(raw)) return { problem: "its 'Hooks' is not a list of 'Event: function' entries" };
  const list: Array<Record<string, string>> = [];
  for (const entry of raw as unknown[]) {
    const pairs = isRecord(entry) ? Object.entries(entry) : [];
    const [pair] = pairs;
    if (pair === undefined || pairs.length !== 1 || typeof pair[1] !== 'string' || pair[1] === '') {
      return { problem: "its 'Hooks' has an entry that is not one 'Event: function-name' pair" };
    }
    if (!events.includes(pair[0])) {
      return {
        problem: `its hook '${pair[0]}' is not a Lambda deployment event: use ${LAMBDA_HOOK_EVENTS.join(' or ')}`,
      };
    }
    list.push({ [pair[0]]: pair[1] });
  }
  return { list };
}

/** The AppSpec CodeDeploy gets for one function: its alias moved from CurrentVersion to TargetVersion, with the file's hooks. */
export function lambdaAppSpec(target: LambdaAppSpecTarget, file?: LambdaAppSpecFile): AppSpec {
  const resource = {
    Type: 'AWS::Lambda::Function',
    Properties: {
      Name: target.functionName,
      Alias: target.alias,
      CurrentVersion: target.currentVersion,
      TargetVersion: target.targetVersion,
    },
  };
  const hooks = file?.hooks ?? [];
  return {
    version: 0.0,
    Resources: [{ [file?.resourceName ?? resourceKey(target.functionName)]: resource }],
    ...(hooks.length === 0 ? {} : { Hooks: hooks }),
  };
}

/** The function's bare name (from an ARN too), as the resource's key. */
function resourceKey(functionName: string): string {
  const parts = functionName.split(':');
  const at = parts.indexOf('function');
  return at >= 0 ? (parts[at + 1] ?? functionName) : functionName;
}

/**
 * Why `group` cannot deploy Lambda functions, or undefined when it can: it must exist in
 * the application and have compute platform Lambda.
 */
export function lambdaGroupProblem(group: DeploymentGroupInfo): string | undefined {
  if (group.computePlatform === 'Lambda') return undefined;
  const where = `deployment group '${group.deploymentGroupName ?? '?'}' of application '${group.applicationName ?? '?'}'`;
  return `${where} deploys to ${group.computePlatform ?? 'an unknown compute platform'}, not Lambda: name a group of an application created with compute platform Lambda in inputs 'codedeploy-application' and 'codedeploy-deployment-group'`;
}

/**
 * Why the alias cannot be shifted by CodeDeploy, or undefined: CodeDeploy moves an existing
 * alias from one published version to another, so a missing alias or one on $LATEST is refused.
 */
export function lambdaAliasProblem(
  functionName: string,
  alias: string,
  version: string | undefined,
): string | undefined {
  if (version === undefined) {
    return `Lambda function '${functionName}' has no alias '${alias}', and CodeDeploy only shifts an alias that exists: create it on the version that serves now (aws lambda create-alias --function-name ${shellQuote(functionName)} --name ${shellQuote(alias)} --function-version <version>), then deploy again.`;
  }
  if (version === '$LATEST') {
    return `Lambda function '${functionName}': alias ${alias} points at $LATEST, and CodeDeploy shifts an alias only between published versions: point it at a published version first.`;
  }
  return undefined;
}
