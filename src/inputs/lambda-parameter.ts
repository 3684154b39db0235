import { UserError } from '../errors.ts';
import { Input } from '../names.ts';
import { formatDuration } from '../plan/duration.ts';
import { parseFunctionNames, validateAliasName } from '../plan/lambda-names.ts';
import {
  describeSchedule,
  parseTraffic,
  scheduleLengthMs,
  type TrafficSpec,
  trafficSchedule,
} from '../plan/lambda-traffic.ts';
import { checkTemplate, parseParameterTags, parseParameterType, validateParameterName } from '../plan/parameter.ts';
import type {
  EcsDeployOptions,
  LambdaCodeDeployOptions,
  LambdaOptions,
  ParameterOptions,
  WaitSettings,
} from '../settings.ts';
import { type Get, parseBoolean, parseNameList } from './parse.ts';

export function readLambda(
  get: Get,
  region: string,
  dryRun: boolean,
  wait: WaitSettings,
  codeDeploy?: LambdaCodeDeployOptions,
): LambdaOptions {
  const names = get(Input.functionName);
  if (!names)
    throw new UserError(
      `Input '${Input.functionName}' is required for mode 'lambda': one or more function names or ARNs, one per line.`,
    );
  const alias = get(Input.lambdaAlias);
  const traffic = parseTraffic(get(Input.lambdaTraffic));
  const alarms = readAlarms(get(Input.lambdaAlarms));
  if (alias === '' && (traffic.kind !== 'all-at-once' || alarms.length > 0)) {
    const which = traffic.kind !== 'all-at-once' ? Input.lambdaTraffic : Input.lambdaAlarms;
    throw new UserError(
      `Input '${which}' is set, but there is no alias to shift traffic on: set '${Input.lambdaAlias}' (e.g. 'live') to the alias your callers invoke.`,
    );
  }
  if (codeDeploy !== undefined) checkCodeDeployFits(alias, traffic, alarms);
  else checkScheduleFits(traffic, wait);
  return {
    functionNames: parseFunctionNames(names),
    // An alias needs a version to point at, so asking for one implies publishing.
    publish: parseBoolean(get(Input.publish), Input.publish) || alias !== '',
    alias: alias ? validateAliasName(alias) : undefined,
    traffic,
    alarms,
    dryRun,
    region,
    wait: {
      timeoutMs: wait.timeoutMs,
      intervalMs: wait.intervalMs,
      ...(wait.intervalSet === undefined ? {} : { intervalSet: wait.intervalSet }),
    },
    ...(codeDeploy === undefined ? {} : { codeDeploy }),
  };
}

/** CodeDeploy shifts an existing alias, by the group's deployment config and alarms: the step's own shift inputs would be ignored. */
function checkCodeDeployFits(alias: string, traffic: TrafficSpec, alarms: string[]): void {
  if (alias === '') {
    throw new UserError(
      `Input '${Input.lambdaAlias}' is required with '${Input.codedeployApplication}': CodeDeploy deploys a Lambda function by shifting an alias from its version to the new one; name the alias your callers invoke (e.g. 'live').`,
    );
  }
  if (traffic.kind !== 'all-at-once') {
    throw new UserError(
      `Input '${Input.lambdaTraffic}' cannot be used with '${Input.codedeployApplication}': CodeDeploy shifts the traffic by the deployment group's configuration; remove '${Input.lambdaTraffic}', and pick a configuration with '${Input.codedeployDeploymentConfig}' (e.g. CodeDeployDefault.LambdaCanary10Percent5Minutes) if the group's own is not the one you want.`,
    );
  }
  if (alarms.length > 0) {
    throw new UserError(
      `Input '${Input.lambdaAlarms}' cannot be used with '${Input.codedeployApplication}': CodeDeploy watches the alarms of the deployment group and rolls back on its own; remove '${Input.lambdaAlarms}' and add the alarms to the group's alarm configuration.`,
    );
  }
}

// DescribeAlarms takes 100 names a call, and every poll makes one call for all of them.
const MAX_ALARMS = 100;
const ALARM_NAME_MAX = 255;
const isAlarmName = (name: string): boolean =>
  name.length <= ALARM_NAME_MAX && ![...name].some((c) => c.charCodeAt(0) < 0x20);

function readAlarms(raw: string): string[] {
  const names = parseNameList(raw, Input.lambdaAlarms, { what: 'alarm' });
  if (names.length > MAX_ALARMS) {
    throw new UserError(
      `Input '${Input.lambdaAlarms}' names ${names.length} alarms: at most ${MAX_ALARMS} are watched (one DescribeAlarms call a poll); combine some into a composite alarm.`,
    );
  }
  const bad = names.find((n) => !isAlarmName(n));
  if (bad !== undefined)
    throw new UserError(
      `Input '${Input.lambdaAlarms}' ('${bad}') is not a CloudWatch alarm name: use 1-255 characters without control characters.`,
    );
  return names;
}

/** A schedule that cannot finish within `wait-timeout` would always end in a put-back. */
function checkScheduleFits(traffic: TrafficSpec, wait: WaitSettings): void {
  const steps = trafficSchedule(traffic);
  const length = scheduleLengthMs(steps);
  if (length >= wait.timeoutMs) {
    throw new UserError(
      `Input '${Input.lambdaTraffic}' holds traffic for ${formatDuration(length)} (${describeSchedule(steps)}), which does not fit in '${Input.waitTimeout}' (${formatDuration(wait.timeoutMs)}): raise '${Input.waitTimeout}' above ${formatDuration(length)} plus the time the update takes, or shorten the schedule.`,
    );
  }
}

export function readParameter(
  get: Get,
  dryRun: boolean,
  wait: WaitSettings,
  ecs: EcsDeployOptions | undefined,
): ParameterOptions {
  const name = get(Input.parameterName);
  if (!name)
    throw new UserError(
      `Input '${Input.parameterName}' is required for mode 'parameter': the SSM parameter to write, e.g. /app/prod/image-tag.`,
    );
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
