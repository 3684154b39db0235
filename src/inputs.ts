import { existsSync, readFileSync } from 'node:fs';
import { isAbsolute, resolve } from 'node:path';
import { parse as parseYaml } from 'yaml';
import { UserError, messageOf } from './errors.ts';
import { Input, MODES, type Mode } from './names.ts';
import { parseDuration } from './plan/duration.ts';
import { parseCpu, parseMemory } from './plan/fargate.ts';
import { parseImageRef } from './plan/image-ref.ts';
import { parseDigestInput, parseTagInput } from './plan/image-source.ts';
import { parseFunctionNames, validateAliasName } from './plan/lambda-update.ts';
import { checkTemplate, parseParameterTags, parseParameterType, validateParameterName } from './plan/parameter.ts';
import { normalizeTaskDefinitionDocument } from './plan/task-definition.ts';
import type { EcsDeployOptions, TaskDefinitionSource } from './steps/ecs.ts';
import type { ImageOptions } from './steps/image.ts';
import type { LambdaOptions } from './steps/lambda.ts';
import type { ParameterOptions } from './steps/parameter.ts';
import type { RunTaskLaunch, RunTaskOptions, RunTaskSource } from './steps/run-task.ts';
import { clientTokenFor, parseCapacityProviderStrategy, parseCommand, parseIdList } from './plan/run-task.ts';
import { randomUUID } from 'node:crypto';

export interface Settings {
  modes: Mode[];
  region: string;
  endpoint?: string;
  dryRun: boolean;
  /** Present when the image mode runs (named, or implied by lambda / parameter). */
  image?: ImageOptions;
  runTask?: RunTaskOptions;
  ecs?: EcsDeployOptions;
  lambda?: LambdaOptions;
  parameter?: ParameterOptions;
}

export interface InputSource {
  getInput(name: string): string;
  env: Record<string, string | undefined>;
}

// Defaults live here and in action.yml (a unit test keeps the two equal): the runner
// fills action.yml defaults in, but a caller that omits an input must get the same.
export const DEFAULTS = {
  [Input.mode]: 'ecs',
  [Input.cluster]: 'default',
  [Input.forceNewDeployment]: 'false',
  [Input.wait]: 'true',
  [Input.waitTimeout]: '30m',
  [Input.pollInterval]: '3s',
  [Input.maxFailedTasks]: '3',
  [Input.dryRun]: 'false',
  [Input.pinDigest]: 'true',
  [Input.publish]: 'false',
  [Input.parameterValue]: '{tag}',
  [Input.assignPublicIp]: 'false',
  [Input.startedBy]: 'image-deploy',
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
    ],
  },
  {
    mode: 'ecs',
    inputs: [Input.service, Input.taskDefinition, Input.containerName, Input.cpu, Input.memory, Input.environment, Input.desiredCount],
  },
  { mode: 'lambda', inputs: [Input.functionName, Input.lambdaAlias, Input.publish] },
  { mode: 'parameter', inputs: [Input.parameterName, Input.parameterType, Input.parameterTags] },
];

const MIN_POLL_MS = 1000;
const MAX_WAIT_MS = 6 * 3_600_000; // a GitHub-hosted job's own limit

/** Reads and validates every input. The only place that calls getInput. */
export function readInputs(source: InputSource): Settings {
  const get = (name: string): string => {
    const value = source.getInput(name).trim();
    return value === '' ? (DEFAULTS as Record<string, string>)[name] ?? '' : value;
  };
  const modes = withImpliedImage(parseModes(get(Input.mode)));
  checkModeOnlyInputs(modes, (name) => source.getInput(name).trim());
  const region = readRegion(get(Input.region), source.env);
  const dryRun = parseBoolean(get(Input.dryRun), Input.dryRun);
  const endpoint = source.env['AWS_ENDPOINT_URL'] || undefined;
  const settings: Settings = { modes, region, dryRun, endpoint };
  const wait = readWait(get);
  if (modes.includes('image')) settings.image = readImage(get, source.env, wait);
  if (modes.includes('run-task')) settings.runTask = readRunTask(get, source.env, { dryRun, wait, withEcs: modes.includes('ecs') });
  if (modes.includes('ecs')) settings.ecs = readEcs(get, source.env, dryRun, wait);
  if (modes.includes('lambda')) settings.lambda = readLambda(get, region, dryRun, wait);
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

interface WaitSettings {
  enabled: boolean;
  timeoutMs: number;
  intervalMs: number;
}

function readWait(get: (name: string) => string): WaitSettings {
  return {
    enabled: parseBoolean(get(Input.wait), Input.wait),
    timeoutMs: parseBounded(get(Input.waitTimeout), Input.waitTimeout, MIN_POLL_MS, MAX_WAIT_MS),
    intervalMs: parseBounded(get(Input.pollInterval), Input.pollInterval, MIN_POLL_MS, 60_000),
  };
}

function readImage(get: (name: string) => string, env: Record<string, string | undefined>, wait: WaitSettings): ImageOptions {
  const image = get(Input.image);
  if (!image) {
    throw new UserError(
      `Input '${Input.image}' is required for mode 'image' (implied by lambda and parameter): the ECR repository URI, e.g. 123456789012.dkr.ecr.eu-west-1.amazonaws.com/app, optionally with :tag or @sha256:digest.`,
    );
  }
  parseImageRef(image);
  const tag = get(Input.tag);
  const digest = get(Input.digest);
  const waitForImage = get(Input.waitForImage);
  return {
    image,
    tag: tag ? parseTagInput(tag) : undefined,
    digest: digest ? parseDigestInput(digest) : undefined,
    pinDigest: parseBoolean(get(Input.pinDigest), Input.pinDigest),
    git: { ref: env['GITHUB_REF'] || undefined, sha: env['GITHUB_SHA'] || undefined },
    ...(waitForImage ? { waitForImage: { timeoutMs: parseBounded(waitForImage, Input.waitForImage, MIN_POLL_MS, MAX_WAIT_MS), intervalMs: wait.intervalMs } } : {}),
  };
}

const LAUNCH_TYPES = ['FARGATE', 'EC2', 'EXTERNAL'] as const;
const STARTED_BY = /^[A-Za-z0-9_/-]{1,128}$/;

function readRunTask(
  get: (name: string) => string,
  env: Record<string, string | undefined>,
  context: { dryRun: boolean; wait: WaitSettings; withEcs: boolean },
): RunTaskOptions {
  const rawDefinition = get(Input.runTaskDefinition);
  let source: RunTaskSource;
  if (rawDefinition === '') {
    if (!context.withEcs) {
      throw new UserError(
        `Input '${Input.runTaskDefinition}' is required for mode 'run-task' without mode 'ecs': a family (migrate), family:revision, task definition ARN, or a JSON/YAML file.`,
      );
    }
    source = { kind: 'ecs' };
  } else {
    const read = readTaskDefinitionSource(rawDefinition, env, Input.runTaskDefinition);
    if (read.kind === 'service') throw new Error('readTaskDefinitionSource returned the service source for a non-empty value');
    source = read;
  }
  const startedBy = get(Input.startedBy);
  if (!STARTED_BY.test(startedBy)) {
    throw new UserError(`Input '${Input.startedBy}' ('${startedBy}') is not valid: use up to 128 letters, digits, '-', '_' and '/'.`);
  }
  const subnets = parseIdList(get(Input.subnets), Input.subnets, 'subnet-');
  const securityGroups = parseIdList(get(Input.securityGroups), Input.securityGroups, 'sg-');
  const assignPublicIp = parseBoolean(get(Input.assignPublicIp), Input.assignPublicIp);
  if (subnets.length === 0 && (securityGroups.length > 0 || assignPublicIp)) {
    throw new UserError(
      `Input '${securityGroups.length > 0 ? Input.securityGroups : Input.assignPublicIp}' needs input '${Input.subnets}': the task's network (awsvpc) is given by its subnets.`,
    );
  }
  const command = get(Input.command);
  const cluster = get(Input.cluster);
  return {
    cluster,
    source,
    containerName: get(Input.runTaskContainer) || undefined,
    command: command ? parseCommand(command) : undefined,
    environment: parseEnvironment(get(Input.runTaskEnvironment), Input.runTaskEnvironment),
    network: subnets.length > 0 ? { subnets, securityGroups, assignPublicIp } : undefined,
    launch: readLaunch(get(Input.launchType), get(Input.capacityProviderStrategy)),
    startedBy,
    // The same workflow run, attempt and step never start a second task, even when the
    // process is killed and run again; outside Actions every run is its own.
    clientToken: clientTokenFor([
      env['GITHUB_RUN_ID'] ?? randomUUID(),
      env['GITHUB_RUN_ATTEMPT'] ?? '',
      env['GITHUB_JOB'] ?? '',
      env['GITHUB_ACTION'] ?? '',
      cluster,
      rawDefinition,
      command,
    ]),
    dryRun: context.dryRun,
    wait: { timeoutMs: context.wait.timeoutMs, intervalMs: context.wait.intervalMs },
  };
}

function readLaunch(launchType: string, strategy: string): RunTaskLaunch {
  if (launchType !== '' && strategy !== '') {
    throw new UserError(
      `Inputs '${Input.launchType}' ('${launchType}') and '${Input.capacityProviderStrategy}' cannot both be set: ECS runs a task with one or the other.`,
    );
  }
  if (strategy !== '') return { capacityProviderStrategy: parseCapacityProviderStrategy(strategy) };
  if (launchType === '') return { launchType: 'FARGATE' };
  const upper = launchType.toUpperCase();
  const known = LAUNCH_TYPES.find((t) => t === upper);
  if (known === undefined) {
    throw new UserError(`Input '${Input.launchType}' ('${launchType}') is not a launch type: use ${LAUNCH_TYPES.join(', ')}, or set '${Input.capacityProviderStrategy}' instead.`);
  }
  return { launchType: known };
}

function readLambda(get: (name: string) => string, region: string, dryRun: boolean, wait: WaitSettings): LambdaOptions {
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

function readParameter(get: (name: string) => string, dryRun: boolean, wait: WaitSettings, ecs: EcsDeployOptions | undefined): ParameterOptions {
  const name = get(Input.parameterName);
  if (!name) throw new UserError(`Input '${Input.parameterName}' is required for mode 'parameter': the SSM parameter to write, e.g. /app/prod/image-tag.`);
  // The parameter promises a deployed image; with wait: false the ECS verdict is unknown.
  if (ecs && !ecs.wait.enabled) {
    throw new UserError(
      `Input '${Input.wait}' is false, but mode 'parameter' must only write after the ECS deployment succeeded: set '${Input.wait}: true', or write the parameter in a later step.`,
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

// Partition prefixes vary (us-gov-, cn-, us-isob-), the shape does not.
const REGION = /^[a-z]{2}(-[a-z]+)+-\d+$/;

/** The input, else AWS_REGION, else AWS_DEFAULT_REGION; named by where it came from. */
function readRegion(input: string, env: Record<string, string | undefined>): string {
  const [where, region] = input
    ? [`Input '${Input.region}'`, input]
    : env['AWS_REGION']
      ? ['AWS_REGION', env['AWS_REGION']]
      : ['AWS_DEFAULT_REGION', env['AWS_DEFAULT_REGION'] ?? ''];
  if (!region) {
    throw new UserError(`No AWS region: set input '${Input.region}', or AWS_REGION (aws-actions/configure-aws-credentials sets it).`);
  }
  if (!REGION.test(region)) {
    throw new UserError(`${where} ('${region}') is not an AWS region: use a region code like eu-west-1.`);
  }
  return region;
}

function parseModes(raw: string): Mode[] {
  const names = raw.split(/[,\n]/).map((m) => m.trim().toLowerCase()).filter((m) => m !== '');
  if (names.length === 0) throw new UserError(`Input '${Input.mode}' is empty: use one or more of ${MODES.join(', ')}.`);
  for (const name of names) {
    if (!(MODES as readonly string[]).includes(name)) {
      throw new UserError(`Input '${Input.mode}' has an unknown mode '${name}': use one or more of ${MODES.join(', ')}, separated by commas or new lines.`);
    }
  }
  return [...new Set(names as Mode[])];
}

function readEcs(
  get: (name: string) => string,
  env: Record<string, string | undefined>,
  dryRun: boolean,
  wait: WaitSettings,
): EcsDeployOptions {
  const service = get(Input.service);
  if (!service) throw new UserError(`Input '${Input.service}' is required for mode 'ecs': the name or ARN of the ECS service to deploy.`);
  const image = get(Input.image) || undefined;
  if (image !== undefined) parseImageRef(image);
  const cpu = get(Input.cpu);
  const memory = get(Input.memory);
  const desiredCount = get(Input.desiredCount);
  return {
    cluster: get(Input.cluster),
    service,
    source: readTaskDefinitionSource(get(Input.taskDefinition), env, Input.taskDefinition),
    containerName: get(Input.containerName) || undefined,
    image,
    cpu: cpu ? parseCpu(cpu) : undefined,
    memory: memory ? parseMemory(memory) : undefined,
    environment: parseEnvironment(get(Input.environment)),
    forceNewDeployment: parseBoolean(get(Input.forceNewDeployment), Input.forceNewDeployment),
    desiredCount: desiredCount ? parseCount(desiredCount, Input.desiredCount) : undefined,
    dryRun,
    wait,
    maxFailedTasks: parseCount(get(Input.maxFailedTasks), Input.maxFailedTasks),
  };
}

const ARN = /^arn:aws[\w-]*:ecs:[\w-]+:\d{12}:task-definition\/[A-Za-z0-9_-]{1,255}:\d+$/;
const FAMILY = /^[A-Za-z0-9_-]{1,255}(:\d+)?$/;

/** Empty: the service's current revision. A file path, an ARN, or family[:revision]. */
function readTaskDefinitionSource(raw: string, env: Record<string, string | undefined>, inputName: string): TaskDefinitionSource {
  if (raw === '') return { kind: 'service' };
  if (raw.startsWith('arn:')) {
    if (!ARN.test(raw)) {
      throw new UserError(`Input '${inputName}' ('${raw}') is not a task definition ARN: expected arn:aws:ecs:<region>:<account>:task-definition/<family>:<revision>.`);
    }
    return { kind: 'registered', ref: raw };
  }
  const looksLikeFile = /\.(json|ya?ml)$/i.test(raw) || raw.includes('/') || raw.includes('\\');
  if (!looksLikeFile && FAMILY.test(raw)) return { kind: 'registered', ref: raw };
  const path = isAbsolute(raw) ? raw : resolve(env['GITHUB_WORKSPACE'] ?? process.cwd(), raw);
  if (!existsSync(path)) {
    throw new UserError(`Input '${inputName}' ('${raw}') is neither a family[:revision], an ARN, nor a file that exists (looked at ${path}).`);
  }
  const label = `Input '${inputName}' ('${raw}')`;
  let text: string;
  try {
    text = readFileSync(path, 'utf8');
  } catch (error) {
    throw new UserError(`${label} could not be read (${messageOf(error)}): name a JSON or YAML file, relative to the workspace.`);
  }
  let doc: unknown;
  try {
    // YAML is a superset of JSON, but JSON.parse gives better messages for JSON files.
    doc = /\.json$/i.test(raw) || text.trimStart().startsWith('{') ? JSON.parse(text) : parseYaml(text);
  } catch (error) {
    throw new UserError(`${label} is not valid JSON or YAML: ${messageOf(error)}`);
  }
  const { taskDefinition, tags } = normalizeTaskDefinitionDocument(doc, label);
  return { kind: 'file', path, taskDefinition, tags };
}

const ENV_NAME = /^[A-Za-z_][A-Za-z0-9_]*$/;

/** KEY=VALUE lines; blank lines and lines starting with # are ignored. */
export function parseEnvironment(raw: string, inputName: string = Input.environment): Array<{ name: string; value: string }> {
  const result: Array<{ name: string; value: string }> = [];
  raw.split('\n').forEach((line, index) => {
    const trimmed = line.trim();
    if (trimmed === '' || trimmed.startsWith('#')) return;
    const eq = trimmed.indexOf('=');
    const name = eq < 0 ? trimmed : trimmed.slice(0, eq).trim();
    if (eq < 0 || !ENV_NAME.test(name)) {
      throw new UserError(`Input '${inputName}' line ${index + 1} ('${trimmed}') is not KEY=VALUE with a KEY of letters, digits and _.`);
    }
    const value = trimmed.slice(eq + 1);
    const existing = result.find((e) => e.name === name);
    if (existing) existing.value = value;
    else result.push({ name, value });
  });
  return result;
}

// YAML 1.2 core schema booleans, as @actions/core's getBooleanInput accepts.
const TRUE = ['true', 'True', 'TRUE'];
const FALSE = ['false', 'False', 'FALSE'];

function parseBoolean(raw: string, name: string): boolean {
  if (TRUE.includes(raw)) return true;
  if (FALSE.includes(raw)) return false;
  throw new UserError(`Input '${name}' ('${raw}') is not a boolean: use true or false.`);
}

const MAX_COUNT = 100_000;

function parseCount(raw: string, name: string): number {
  if (!/^\d+$/.test(raw)) throw new UserError(`Input '${name}' ('${raw}') is not a whole number: use 0 or more, like 3.`);
  if (Number(raw) > MAX_COUNT) throw new UserError(`Input '${name}' ('${raw}') is too large: use at most ${MAX_COUNT}.`);
  return Number(raw);
}

function parseBounded(raw: string, name: string, minMs: number, maxMs: number): number {
  const ms = parseDuration(raw, name);
  if (ms < minMs || ms > maxMs) {
    throw new UserError(`Input '${name}' ('${raw}') is out of range: use between ${minMs / 1000}s and ${maxMs / 1000}s.`);
  }
  return ms;
}
