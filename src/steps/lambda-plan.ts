// What prepareLambda decides for each function, shared by the whole-mode step
// (steps/lambda.ts) and one function's deploy (steps/lambda-function.ts).

import type { DeploymentGroupInfo } from '@aws-sdk/client-codedeploy';
import { type Logger, withPrefix } from '../deps.ts';
import type { AlarmState } from '../plan/lambda-traffic.ts';
import {
  type AliasSnapshot,
  decideLambdaUpdate,
  type FunctionSnapshot,
  type LambdaDecision,
  type LambdaDecisionInput,
  runningImage,
} from '../plan/lambda-update.ts';
import type { ResolvedImage } from '../plan/resolved-image.ts';
import type { LambdaOptions } from '../settings.ts';

/** What prepareLambda found and decided for one function. */
export interface LambdaFunctionPlan {
  /** As given in the input. */
  functionName: string;
  functionArn: string;
  function: FunctionSnapshot;
  /** The wanted alias as it is now; undefined when no alias is wanted or it does not exist. */
  alias?: AliasSnapshot;
  decision: LambdaDecision;
}

export interface LambdaPlan {
  options: LambdaOptions;
  image: ResolvedImage;
  /** The digest every function must run afterwards. */
  digest: string;
  functions: LambdaFunctionPlan[];
  /** The alarms as prepare read them (none in ALARM), when 'lambda-alarms' names some. */
  alarms?: AlarmState[];
  /** The CodeDeploy deployment group (compute platform Lambda) that moves the aliases, when the codedeploy-* inputs name one. */
  codeDeployGroup?: DeploymentGroupInfo;
}

/**
 * A gradual schedule or alarms: the shift is planned, logged and summarised as such. Every
 * alias moves through the traffic driver (steps/lambda-shift.ts) either way, all functions
 * together; a plain all-at-once move is its one-step schedule.
 */
export function shiftsTraffic(options: LambdaOptions): boolean {
  return options.alias !== undefined && (options.traffic.kind !== 'all-at-once' || options.alarms.length > 0);
}

type Target = LambdaDecisionInput['target'];

export function decide(
  planned: Pick<LambdaFunctionPlan, 'function' | 'alias'>,
  options: LambdaOptions,
  target: Target,
): LambdaDecision {
  return decideLambdaUpdate({
    function: planned.function,
    target,
    publish: options.publish,
    ...(options.alias === undefined ? {} : { alias: { name: options.alias, current: planned.alias } }),
  });
}

/** Several functions deploy at once, so every line says which one it is about. */
export function functionLogger(log: Logger, name: string): Logger {
  return withPrefix(log, `${name}: `);
}

export function resultBase(planned: LambdaFunctionPlan, plan: LambdaPlan) {
  const previousImage = runningImage(planned.function);
  const previousAliasVersion = planned.alias?.alias.FunctionVersion;
  return {
    ...(previousAliasVersion === undefined ? {} : { previousAliasVersion }),
    functionName: planned.functionName,
    functionArn: planned.functionArn,
    image: plan.image.reference,
    changes: planned.decision.changes,
    ...(previousImage === undefined ? {} : { previousImage }),
    ...(plan.options.alias === undefined ? {} : { alias: plan.options.alias }),
  };
}

export function versionField(version: string | undefined): { version?: string } {
  return version === undefined ? {} : { version };
}
