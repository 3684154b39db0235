// Reading the action's inputs: the only place that calls getInput. Each mode's inputs are
// read by its own file; this one knows the modes, the region and the waits.

import { UserError } from '../errors.ts';
import { Input, MODES, type Mode } from '../names.ts';
import { splitList } from '../plan/lists.ts';
import type { Settings, WaitSettings } from '../settings.ts';
import { readLambdaCodeDeploy } from './codedeploy.ts';
import type { YamlParser } from './document.ts';
import { readEcs } from './ecs.ts';
import { readImage } from './image.ts';
import { readLambda, readParameter } from './lambda-parameter.ts';
import { DEFAULT_POLL_MS, type Env, type Get, MAX_WAIT_MS, MIN_POLL_MS, parseBoolean, parseBounded } from './parse.ts';
import { readRunTask } from './run-task.ts';
import { namesTaskDefinitionFile } from './task-definition-file.ts';

export interface InputSource {
  getInput(name: string): string;
  env: Env;
  /** The YAML parser, when a task definition input names a file (loadInputParsers). */
  yaml?: YamlParser;
}

/**
 * Loads the parsers readInputs will need: the `yaml` package only when a task definition
 * input names a file, so a step that deploys from the running revision (most) never
 * evaluates it at start-up.
 */
export async function loadInputParsers(source: InputSource): Promise<Pick<InputSource, 'yaml'>> {
  const named =
    [Input.taskDefinition, Input.runTaskDefinition].some((name) =>
      namesTaskDefinitionFile(source.getInput(name).trim()),
    ) || source.getInput(Input.codedeployAppspec).trim() !== '';
  return named ? { yaml: await import('yaml') } : {};
}

// Defaults live here and in action.yml (a unit test keeps the two equal): the runner
// fills action.yml defaults in, but a caller that omits an input must get the same.
export const DEFAULTS = {
  [Input.mode]: 'ecs',
  [Input.cluster]: 'default',
  [Input.forceNewDeployment]: 'false',
  [Input.wait]: 'true',
  [Input.waitTimeout]: '30m',
  [Input.pollInterval]: '',
  [Input.maxFailedTasks]: '3',
  [Input.waitUntil]: 'completed',
  [Input.rollbackOnFailure]: 'false',
  [Input.dryRun]: 'false',
  [Input.pinDigest]: 'true',
  [Input.publish]: 'false',
  [Input.lambdaTraffic]: 'all-at-once',
  [Input.parameterValue]: '{tag}',
  [Input.assignPublicIp]: 'false',
  [Input.startedBy]: 'image-deploy',
  [Input.runTaskLogs]: 'true',
  [Input.enableEcsManagedTags]: 'false',
} as const;

// Inputs that only one mode reads: setting one (to other than its default) without its
// mode is almost always a mistake in the workflow (a mode left out), so it is an error.
const MODE_ONLY_INPUTS: ReadonlyArray<{ mode: Mode; inputs: readonly string[] }> = [
  { mode: 'image', inputs: [Input.tag, Input.digest, Input.pinDigest, Input.waitForImage] },
  {
    mode: 'run-task',
    inputs: [
      Input.runTaskDefinition,
      Input.runTaskContainer,
      Input.command,
      Input.runTaskEnvironment,
      Input.subnets,
      Input.securityGroups,
      Input.assignPublicIp,
      Input.launchType,
      Input.capacityProviderStrategy,
      Input.startedBy,
      Input.runTaskLogs,
      Input.runTaskTags,
    ],
  },
  {
    mode: 'ecs',
    inputs: [
      Input.service,
      Input.taskDefinition,
      Input.containerName,
      Input.cpu,
      Input.memory,
      Input.environment,
      Input.desiredCount,
      Input.waitUntil,
      Input.rollbackOnFailure,
    ],
  },
  {
    mode: 'lambda',
    inputs: [Input.functionName, Input.lambdaAlias, Input.publish, Input.lambdaTraffic, Input.lambdaAlarms],
  },
  { mode: 'parameter', inputs: [Input.parameterName, Input.parameterType, Input.parameterTags] },
];

const CODEDEPLOY_INPUTS = [
  Input.codedeployApplication,
  Input.codedeployDeploymentGroup,
  Input.codedeployAppspec,
  Input.codedeployDeploymentConfig,
];

/**
 * Every input the same way: a byte order mark dropped, CRLF and CR line endings (a workflow
 * file saved on Windows, a value pasted from one) made LF, surrounding space trimmed. So no
 * parser sees a stray '\r', whichever multi-line input it reads.
 */
function normalizeInput(raw: string): string {
  return raw
    .replace(/^\uFEFF/, '')
    .replace(/\r\n?/g, '\n')
    .trim();
}

/** Reads and validates every input. The only place that calls getInput. */
export function readInputs(source: InputSource): Settings {
  const get = (name: string): string => {
    const value = normalizeInput(source.getInput(name));
    return value === '' ? ((DEFAULTS as Record<string, string>)[name] ?? '') : value;
  };
  const modes = withImpliedImage(parseModes(get(Input.mode)));
  checkModeOnlyInputs(modes, (name) => normalizeInput(source.getInput(name)));
  const region = readRegion(get(Input.region), source.env);
  const dryRun = parseBoolean(get(Input.dryRun), Input.dryRun);
  const endpoint = source.env.AWS_ENDPOINT_URL || undefined;
  const settings: Settings = { modes, region, dryRun, endpoint };
  const wait = readWait(get);
  if (modes.includes('image')) settings.image = readImage(get, source.env, wait);
  if (modes.includes('run-task'))
    settings.runTask = readRunTask(get, source.env, {
      dryRun,
      wait,
      withEcs: modes.includes('ecs'),
      ...(source.yaml === undefined ? {} : { yaml: source.yaml }),
    });
  if (modes.includes('ecs')) settings.ecs = readEcs(get, source.env, dryRun, wait, source.yaml);
  // "The revision ecs deploys" is one revision; several services deploy several.
  if (settings.runTask?.source.kind === 'ecs' && (settings.ecs?.services.length ?? 0) > 1) {
    throw new UserError(
      `Input '${Input.runTaskDefinition}' is required when input '${Input.service}' names several services: the one-off task cannot run "the revision ecs deploys" when each service deploys its own. Name its family, revision or file.`,
    );
  }
  if (modes.includes('lambda')) {
    // With ecs in the step, the codedeploy-* inputs are the ECS services' (documented in docs/lambda-codedeploy.md).
    const codeDeploy = modes.includes('ecs') ? undefined : readLambdaCodeDeploy(get, source.env, source.yaml);
    settings.lambda = readLambda(get, region, dryRun, wait, codeDeploy);
  }
  if (modes.includes('parameter')) settings.parameter = readParameter(get, dryRun, wait, settings.ecs);
  return settings;
}

/** Lambda and the parameter deploy the image the image mode resolves, so they imply it. */
function withImpliedImage(modes: Mode[]): Mode[] {
  const needsImage = modes.includes('lambda') || modes.includes('parameter');
  return needsImage && !modes.includes('image') ? ['image', ...modes] : modes;
}

function checkModeOnlyInputs(modes: Mode[], raw: (name: string) => string): void {
  const defaults: Record<string, string> = DEFAULTS;
  // CodeDeploy deploys ECS services (mode ecs) or, without ecs, the Lambda functions' alias.
  const codeDeploy = CODEDEPLOY_INPUTS.find((name) => raw(name) !== '');
  if (codeDeploy !== undefined && !modes.includes('ecs') && !modes.includes('lambda')) {
    throw new UserError(
      `Input '${codeDeploy}' is set but neither mode 'ecs' nor mode 'lambda' is selected (mode: ${modes.join(', ')}): add the mode CodeDeploy deploys to input '${Input.mode}', or remove '${codeDeploy}'.`,
    );
  }
  for (const { mode, inputs } of MODE_ONLY_INPUTS) {
    if (modes.includes(mode)) continue;
    const set = inputs.find((name) => raw(name) !== '' && raw(name) !== defaults[name]);
    if (set !== undefined) {
      throw new UserError(
        `Input '${set}' is set but mode '${mode}' is not selected (mode: ${modes.join(', ')}): add ${mode} to input '${Input.mode}', or remove '${set}'.`,
      );
    }
  }
}

function readWait(get: Get): WaitSettings {
  const interval = get(Input.pollInterval).trim();
  return {
    enabled: parseBoolean(get(Input.wait), Input.wait),
    timeoutMs: parseBounded(get(Input.waitTimeout), Input.waitTimeout, MIN_POLL_MS, MAX_WAIT_MS),
    intervalMs: interval === '' ? DEFAULT_POLL_MS : parseBounded(interval, Input.pollInterval, MIN_POLL_MS, 60_000),
    ...(interval === '' ? {} : { intervalSet: true }),
  };
}

// Partition prefixes vary (us-gov-, cn-, us-isob-), the shape does not.
const REGION = /^[a-z]{2}(-[a-z]+)+-\d+$/;

/** The input, else AWS_REGION, else AWS_DEFAULT_REGION; named by where it came from. */
function readRegion(input: string, env: Env): string {
  const [where, region] = input
    ? [`Input '${Input.region}'`, input]
    : env.AWS_REGION
      ? ['AWS_REGION', env.AWS_REGION]
      : ['AWS_DEFAULT_REGION', env.AWS_DEFAULT_REGION ?? ''];
  if (!region) {
    throw new UserError(
      `No AWS region: set input '${Input.region}', or AWS_REGION (aws-actions/configure-aws-credentials sets it).`,
    );
  }
  if (!REGION.test(region)) {
    throw new UserError(`${where} ('${region}') is not an AWS region: use a region code like eu-west-1.`);
  }
  return region;
}

function parseModes(raw: string): Mode[] {
  const names = splitList(raw).map((m) => m.toLowerCase());
  if (names.length === 0)
    throw new UserError(`Input '${Input.mode}' is empty: use one or more of ${MODES.join(', ')}.`);
  for (const name of names) {
    if (!(MODES as readonly string[]).includes(name)) {
      throw new UserError(
        `Input '${Input.mode}' has an unknown mode '${name}': use one or more of ${MODES.join(', ')}, separated by commas or new lines.`,
      );
    }
  }
  return [...new Set(names as Mode[])];
}
