// The one-off task (`run-task` mode), decided: reading its inputs, choosing and rendering
// its task definition, building the RunTask request, judging the stopped task, and saying
// where its logs are. Pure: the step (src/steps/run-task.ts) calls AWS and logs.

import type { Failure, RunTaskCommandInput, Task } from '@aws-sdk/client-ecs';
import { createHash } from 'node:crypto';
import { UserError } from '../errors.ts';
import { Input } from '../names.ts';
import { repositoryKey, tryParseImageRef } from './image-ref.ts';
import { isRecord } from './json.ts';
import {
  containerNames,
  containersOf,
  renderTaskDefinition,
  sameTaskDefinition,
  toRegisterable,
  type EnvironmentVariable,
  type TaskDefinitionDoc,
} from './task-definition.ts';

// --- Inputs -------------------------------------------------------------------------------

const COMMAND_FORMS = `give a JSON array of strings like ["npm","run","migrate"], or words like npm run migrate (quotes group words: sh -c "npm run migrate && echo ok")`;

/**
 * The `command` input as the container's `command` array. A JSON array of strings is taken
 * as it is; anything else is split into words as a POSIX shell would, without expanding
 * anything: whitespace separates, '…' and "…" group (adjacent parts join), a backslash
 * escapes the next character (inside "…" only \" \\ \$ and \`).
 */
export function parseCommand(raw: string): string[] {
  const text = raw.trim();
  if (text === '') throw new UserError(`Input '${Input.command}' is empty: ${COMMAND_FORMS}.`);
  return text.startsWith('[') ? parseJsonCommand(text, raw) : splitWords(text, raw);
}

function parseJsonCommand(text: string, raw: string): string[] {
  let parsed: unknown;
  try {
    parsed = JSON.parse(text);
  } catch (error) {
    const why = error instanceof Error ? error.message : String(error);
    throw new UserError(`Input '${Input.command}' ('${raw}') starts with '[' but is not valid JSON (${why}): ${COMMAND_FORMS}.`);
  }
  if (!Array.isArray(parsed) || parsed.length === 0) {
    throw new UserError(`Input '${Input.command}' ('${raw}') is an empty JSON array: ${COMMAND_FORMS}.`);
  }
  const items: unknown[] = parsed;
  const bad = items.findIndex((item) => typeof item !== 'string');
  if (bad !== -1) {
    throw new UserError(
      `Input '${Input.command}' ('${raw}') has a non-string at position ${bad} (${JSON.stringify(items[bad])}): quote every word, e.g. ["sleep","30"].`,
    );
  }
  return items as string[];
}

const DOUBLE_QUOTE_ESCAPES = new Set(['"', '\\', '$', '`']);

function splitWords(text: string, raw: string): string[] {
  const words: string[] = [];
  let word = '';
  let inWord = false;
  let quote: '"' | "'" | undefined;
  for (let i = 0; i < text.length; i++) {
    const ch = text.charAt(i);
    const next = text.charAt(i + 1);
    if (quote === "'") {
      if (ch === "'") quote = undefined;
      else word += ch;
    } else if (quote === '"') {
      if (ch === '"') quote = undefined;
      else if (ch === '\\' && DOUBLE_QUOTE_ESCAPES.has(next)) word += text.charAt(++i);
      else word += ch;
    } else if (/\s/.test(ch)) {
      if (inWord) words.push(word);
      word = '';
      inWord = false;
    } else if (ch === '\\' && next === '\n') {
      i++; // a line continuation joins lines, as in a shell
    } else {
      inWord = true;
      if (ch === "'" || ch === '"') quote = ch;
      else if (ch === '\\' && next !== '') word += text.charAt(++i);
      else word += ch;
    }
  }
  if (quote !== undefined) {
    const kind = quote === '"' ? 'double' : 'single';
    throw new UserError(`Input '${Input.command}' ('${raw}') has an unterminated ${kind} quote (${quote}): close it, or ${COMMAND_FORMS}.`);
  }
  if (inWord) words.push(word);
  return words;
}

export interface CapacityProviderStrategyItem {
  capacityProvider: string;
  weight: number;
  base: number;
}

const PROVIDER_NAME = /^[A-Za-z0-9_-]{1,255}$/;
const MAX_WEIGHT = 1000;
const MAX_BASE = 100_000;

/** `FARGATE_SPOT:3, FARGATE:1:1` (commas or lines of provider:weight[:base]). */
export function parseCapacityProviderStrategy(raw: string): CapacityProviderStrategyItem[] {
  const name = Input.capacityProviderStrategy;
  const form = 'use provider:weight[:base] items separated by commas or lines, e.g. FARGATE_SPOT:3, FARGATE:1:1';
  const entries = splitList(raw);
  if (entries.length === 0) throw new UserError(`Input '${name}' names no capacity provider: ${form}.`);
  const items = entries.map((entry): CapacityProviderStrategyItem => {
    const parts = entry.split(':').map((part) => part.trim());
    const [provider = '', weight = '', base = '0'] = parts;
    if (parts.length < 2 || parts.length > 3 || !PROVIDER_NAME.test(provider)) {
      throw new UserError(`Input '${name}' has '${entry}', which is not provider:weight[:base]: ${form}.`);
    }
    return {
      capacityProvider: provider,
      weight: boundedInteger(weight, MAX_WEIGHT, () => `Input '${name}' gives '${provider}' weight '${weight}': use a whole number from 0 to ${MAX_WEIGHT}.`),
      base: boundedInteger(base, MAX_BASE, () => `Input '${name}' gives '${provider}' base '${base}': use a whole number from 0 to ${MAX_BASE}.`),
    };
  });
  const providers = items.map((item) => item.capacityProvider);
  const twice = providers.find((provider, index) => providers.indexOf(provider) !== index);
  if (twice !== undefined) throw new UserError(`Input '${name}' names '${twice}' more than once: give each capacity provider once.`);
  const withBase = items.filter((item) => item.base > 0);
  if (withBase.length > 1) {
    throw new UserError(
      `Input '${name}' gives a base to ${withBase.map((item) => `'${item.capacityProvider}'`).join(' and ')}: ECS allows a base on one capacity provider only.`,
    );
  }
  if (items.every((item) => item.weight === 0)) {
    throw new UserError(`Input '${name}' ('${raw.trim()}') gives every capacity provider weight 0: at least one needs a weight above 0 to place the task.`);
  }
  return items;
}

function boundedInteger(raw: string, max: number, message: () => string): number {
  if (!/^\d+$/.test(raw) || Number(raw) > max) throw new UserError(message());
  return Number(raw);
}

// awsvpcConfiguration's limits.
const ID_LIMITS: Readonly<Record<string, number>> = { 'subnet-': 16, 'sg-': 5 };

/**
 * Subnet (`subnet-` + hex) or security group (`sg-` + hex) ids separated by commas or lines;
 * duplicates dropped, order kept. Blank input gives an empty list.
 */
export function parseIdList(raw: string, inputName: string, prefix: string): string[] {
  const dashed = prefix.endsWith('-') ? prefix : `${prefix}-`;
  const pattern = new RegExp(`^${dashed}[0-9a-f]+$`);
  const ids: string[] = [];
  for (const id of splitList(raw)) {
    if (!pattern.test(id)) {
      throw new UserError(`Input '${inputName}' has '${id}', which is not an id like ${dashed}0123456789abcdef0: use ids separated by commas or lines.`);
    }
    if (!ids.includes(id)) ids.push(id);
  }
  const max = ID_LIMITS[dashed];
  if (max !== undefined && ids.length > max) {
    throw new UserError(`Input '${inputName}' has ${ids.length} ids: a task takes at most ${max}.`);
  }
  return ids;
}

function splitList(raw: string): string[] {
  return raw
    .split(/[,\n]/)
    .map((entry) => entry.trim())
    .filter((entry) => entry !== '');
}

const TOKEN_PREFIX = 'image-deploy-';

/**
 * RunTask's clientToken for these parts (e.g. run id, attempt, job, cluster): the same parts
 * give the same token, so a retried call never starts a second task. At most 64 characters
 * of [a-zA-Z0-9-_].
 */
export function clientTokenFor(parts: string[]): string {
  // JSON keeps ['a,b'] and ['a','b'] apart.
  const digest = createHash('sha256').update(JSON.stringify(parts)).digest('hex');
  return TOKEN_PREFIX + digest.slice(0, 64 - TOKEN_PREFIX.length);
}

// --- The task definition ------------------------------------------------------------------

export interface ContainerChoice {
  /** The container whose image, command and environment are overridden. */
  containerName: string;
  /** How it was chosen, for the log. */
  why: string;
}

/**
 * The container to override: the one named, else the only one, else the only one using the
 * image's repository, else the first essential one.
 */
export function selectRunTaskContainer(td: TaskDefinitionDoc, selection: { containerName?: string; image?: string }): ContainerChoice {
  const names = containerNames(td);
  const family = familyOf(td);
  if (selection.containerName !== undefined) {
    if (names.includes(selection.containerName)) return { containerName: selection.containerName, why: `named by input '${Input.runTaskContainer}'` };
    throw new UserError(
      `Input '${Input.runTaskContainer}' ('${selection.containerName}') names no container in task definition '${family}': its containers are ${names.map((n) => `'${n}'`).join(', ') || 'none'}.`,
    );
  }
  const [only] = names;
  if (only === undefined) throw new UserError(`Task definition '${family}' has no named container: add one to 'containerDefinitions'.`);
  if (names.length === 1) return { containerName: only, why: 'the only container' };

  const wanted = selection.image === undefined ? undefined : tryParseImageRef(selection.image);
  if (wanted !== undefined) {
    const key = repositoryKey(wanted);
    const matching = containersOf(td).filter((container) => {
      const image = container['image'];
      const ref = typeof image === 'string' ? tryParseImageRef(image) : undefined;
      return ref !== undefined && repositoryKey(ref) === key;
    });
    const [match] = matching;
    if (matching.length === 1 && typeof match?.['name'] === 'string') return { containerName: match['name'], why: `the one using repository '${key}'` };
  }
  const essential = containersOf(td).find((container) => container['essential'] !== false && typeof container['name'] === 'string');
  const name = typeof essential?.['name'] === 'string' ? essential['name'] : only;
  return { containerName: name, why: `the first essential container (set input '${Input.runTaskContainer}' to choose another)` };
}

export interface RunTaskDefinitionInput {
  /** As described (with its ARN when registered) or as the file gave it. */
  source: TaskDefinitionDoc;
  containerName?: string;
  /** The resolved image reference, when the image mode ran. */
  image?: string;
  /** Whether the RunTask overrides need a container (command or environment given). */
  overridesContainer: boolean;
}

export interface RunTaskDefinitionPlan {
  /** Registerable: describe-only fields removed, the image overridden. */
  rendered: TaskDefinitionDoc;
  container?: ContainerChoice;
  /** The source's ARN when it is registered and runs as it is; undefined when the rendered one must be registered. */
  sourceArn?: string;
  /** What the rendering changed, e.g. "container app image: a -> b". */
  changes: string[];
}

/** Renders the image onto the chosen container; the source is left as it was. */
export function planRunTaskDefinition(input: RunTaskDefinitionInput): RunTaskDefinitionPlan {
  const base = toRegisterable(input.source);
  const needsContainer = input.containerName !== undefined || input.image !== undefined || input.overridesContainer;
  const container = needsContainer ? selectRunTaskContainer(base, { containerName: input.containerName, image: input.image }) : undefined;
  const rendered =
    container !== undefined && input.image !== undefined
      ? renderTaskDefinition(base, { containerName: container.containerName, image: input.image })
      : base;
  const before = container === undefined ? undefined : imageOf(base, container.containerName);
  const changes =
    container !== undefined && input.image !== undefined && before !== input.image
      ? [`container ${container.containerName} image: ${before ?? '(none)'} -> ${input.image}`]
      : [];
  const arn = input.source['taskDefinitionArn'];
  const sourceArn = typeof arn === 'string' && sameTaskDefinition(base, rendered) ? arn : undefined;
  return { rendered, ...(container === undefined ? {} : { container }), ...(sourceArn === undefined ? {} : { sourceArn }), changes };
}

export function familyOf(td: TaskDefinitionDoc): string {
  const family = td['family'];
  return typeof family === 'string' && family !== '' ? family : '(no family)';
}

function imageOf(td: TaskDefinitionDoc, containerName: string): string | undefined {
  const image = containersOf(td).find((c) => c['name'] === containerName)?.['image'];
  return typeof image === 'string' ? image : undefined;
}

// --- The request --------------------------------------------------------------------------

export type Launch =
  | { launchType: 'FARGATE' | 'EC2' | 'EXTERNAL' }
  | { capacityProviderStrategy: CapacityProviderStrategyItem[] };

export interface TaskNetwork {
  subnets: string[];
  securityGroups: string[];
  assignPublicIp: boolean;
}

/** Fargate runs it: the FARGATE launch type, or a strategy of FARGATE / FARGATE_SPOT. */
export function isFargate(launch: Launch): boolean {
  if ('launchType' in launch) return launch.launchType === 'FARGATE';
  return launch.capacityProviderStrategy.some((item) => item.capacityProvider === 'FARGATE' || item.capacityProvider === 'FARGATE_SPOT');
}

/**
 * Throws a UserError when RunTask would refuse the launch and network (before anything
 * changes). `taskDefinition` is undefined when it is not known yet (the ecs mode renders it).
 */
export function checkLaunch(input: { launch: Launch; network?: TaskNetwork; taskDefinition?: TaskDefinitionDoc }): void {
  const { launch, network, taskDefinition } = input;
  const hasLaunchType = 'launchType' in launch;
  const hasStrategy = 'capacityProviderStrategy' in launch;
  if (hasLaunchType && hasStrategy) {
    throw new UserError(`Inputs '${Input.launchType}' and '${Input.capacityProviderStrategy}' cannot both be set: ECS runs a task with one or the other.`);
  }
  const fargate = isFargate(launch);
  const how = hasLaunchType ? `launch type ${launch.launchType}` : 'capacity provider strategy';
  const mode = taskDefinition?.['networkMode'];
  const family = taskDefinition === undefined ? undefined : familyOf(taskDefinition);
  if (fargate && taskDefinition !== undefined && mode !== 'awsvpc') {
    throw new UserError(
      `Task definition '${family}' has network mode '${String(mode ?? 'bridge (the default)')}', but Fargate (${how}) runs only 'awsvpc' tasks: set networkMode to awsvpc, or use input '${Input.launchType}' EC2.`,
    );
  }
  const needsNetwork = fargate || mode === 'awsvpc';
  if (needsNetwork && (network === undefined || network.subnets.length === 0)) {
    const why = fargate ? `Fargate (${how})` : `task definition '${family}' (network mode awsvpc)`;
    throw new UserError(`Input '${Input.subnets}' is required: ${why} runs the task in subnets you choose, e.g. subnet-0123456789abcdef0 (private subnets with a NAT or VPC endpoints to reach ECR).`);
  }
  if (network !== undefined && !needsNetwork && taskDefinition !== undefined) {
    throw new UserError(
      `Input '${Input.subnets}' is set, but task definition '${family}' has network mode '${String(mode ?? 'bridge (the default)')}': subnets and security groups apply to awsvpc tasks only; remove them.`,
    );
  }
  if (network?.assignPublicIp === true && !fargate) {
    throw new UserError(`Input '${Input.assignPublicIp}' is true, but only Fargate tasks get a public IP (this one runs with ${how}): set it to false.`);
  }
}

export interface RunTaskRequestInput {
  cluster: string;
  taskDefinitionArn: string;
  launch: Launch;
  network?: TaskNetwork;
  /** The container the overrides apply to; required when command or environment is given. */
  containerName?: string;
  command?: string[];
  environment: EnvironmentVariable[];
  startedBy: string;
  clientToken: string;
}

/** One task; launch type or strategy; network and overrides only when set. */
export function buildRunTaskRequest(input: RunTaskRequestInput): RunTaskCommandInput {
  const request: RunTaskCommandInput = {
    cluster: input.cluster,
    taskDefinition: input.taskDefinitionArn,
    count: 1,
    startedBy: input.startedBy,
    clientToken: input.clientToken,
  };
  if ('launchType' in input.launch) request.launchType = input.launch.launchType;
  // An empty strategy leaves the choice to the cluster's default strategy.
  else if (input.launch.capacityProviderStrategy.length > 0) request.capacityProviderStrategy = input.launch.capacityProviderStrategy.map((item) => ({ ...item }));
  if (input.network !== undefined) {
    request.networkConfiguration = {
      awsvpcConfiguration: {
        subnets: [...input.network.subnets],
        // None given: ECS uses the VPC's default security group.
        ...(input.network.securityGroups.length > 0 ? { securityGroups: [...input.network.securityGroups] } : {}),
        assignPublicIp: input.network.assignPublicIp ? 'ENABLED' : 'DISABLED',
      },
    };
  }
  const environment = input.environment.length > 0 ? input.environment.map((e) => ({ name: e.name, value: e.value })) : undefined;
  if (input.command !== undefined || environment !== undefined) {
    if (input.containerName === undefined) throw new Error('buildRunTaskRequest: overrides need the container they apply to');
    request.overrides = {
      containerOverrides: [
        {
          name: input.containerName,
          ...(input.command === undefined ? {} : { command: [...input.command] }),
          ...(environment === undefined ? {} : { environment }),
        },
      ],
    };
  }
  return request;
}

/** RunTask's `failures`, one line each: `RESOURCE:MEMORY (arn...): detail`. */
export function describeRunTaskFailures(failures: Failure[]): string[] {
  return failures.map((failure) => {
    const where = failure.arn === undefined ? '' : ` (${failure.arn})`;
    const detail = failure.detail?.trim() ? `: ${failure.detail.trim()}` : '';
    return `${failure.reason ?? 'no reason given'}${where}${detail}`;
  });
}

// --- The stopped task ---------------------------------------------------------------------

export interface TaskJudgement {
  state: 'succeeded' | 'failed';
  /** The exit code of the overridden container, else of the first essential one. */
  exitCode?: number;
  /** One phrase per essential container that did not exit 0; empty when succeeded. */
  problems: string[];
  /** Non-essential containers that exited non-zero: reported, not deciding. */
  notes: string[];
}

/**
 * Success only when every essential container (per the task definition; `essential`
 * defaults to true) exited 0. A missing exit code (the container never ran, or the task
 * was stopped from outside) is a failure.
 */
export function judgeStoppedTask(input: { task: Task; taskDefinition: TaskDefinitionDoc; containerName?: string }): TaskJudgement {
  const { task, taskDefinition } = input;
  const defined = containersOf(taskDefinition).filter((c) => typeof c['name'] === 'string');
  const ran = task.containers ?? [];
  // Without a definition to go by, every container that ran counts as essential.
  const essential =
    defined.length > 0
      ? defined.filter((c) => c['essential'] !== false).map((c) => String(c['name']))
      : ran.flatMap((c) => (c.name === undefined ? [] : [c.name]));
  const stateOf = (name: string) => ran.find((c) => c.name === name);
  const reasonOf = (reason: string | undefined) => (reason?.trim() ? ` (${reason.trim()})` : '');

  const problems: string[] = [];
  for (const name of essential) {
    const container = stateOf(name);
    if (container?.exitCode === undefined) {
      const stop = [task.stopCode, task.stoppedReason?.trim()].filter(Boolean).join(': ');
      const why = container?.reason?.trim() || stop;
      problems.push(`essential container '${name}' has no exit code${why ? ` (${why})` : ''}`);
    } else if (container.exitCode !== 0) {
      problems.push(`essential container '${name}' exited with code ${container.exitCode}${reasonOf(container.reason)}`);
    }
  }
  const notes = ran
    .filter((c) => c.name !== undefined && !essential.includes(c.name) && c.exitCode !== undefined && c.exitCode !== 0)
    .map((c) => `container '${c.name ?? ''}' is not essential and exited with code ${c.exitCode ?? ''}${reasonOf(c.reason)}; it does not decide the verdict`);

  const speaker = input.containerName ?? essential[0];
  const exitCode = speaker === undefined ? undefined : stateOf(speaker)?.exitCode;
  return { state: problems.length === 0 ? 'succeeded' : 'failed', ...(exitCode === undefined ? {} : { exitCode }), problems, notes };
}

/** `task 0123abcd: RUNNING`: the progress line, which changes when lastStatus does. */
export function taskStatusLine(task: Task): string {
  const status = task.lastStatus ?? 'UNKNOWN';
  const stopping = task.desiredStatus === 'STOPPED' && status !== 'STOPPED' && task.stoppedReason?.trim() ? ` (stopping: ${task.stoppedReason.trim()})` : '';
  return `task ${taskIdOf(task.taskArn ?? '')}: ${status}${stopping}`;
}

/** The last segment of a task ARN: what the console, the CLI and awslogs streams use. */
export function taskIdOf(taskArn: string): string {
  return taskArn.slice(taskArn.lastIndexOf('/') + 1);
}

// --- Logs ---------------------------------------------------------------------------------

export interface LogLocation {
  container: string;
  group: string;
  /** Only with `awslogs-stream-prefix`: without one, the stream is named after a Docker id. */
  stream?: string;
  region: string;
  /** The CloudWatch console page of the stream (or of the group). */
  url: string;
}

/**
 * Where each awslogs container of the task writes: group `awslogs-group`, stream
 * `<prefix>/<container>/<task id>`, region `awslogs-region` (else the task's region).
 */
export function logLocations(taskDefinition: TaskDefinitionDoc, taskArn: string): LogLocation[] {
  const taskId = taskIdOf(taskArn);
  const taskRegion = regionOfArn(taskArn);
  return containersOf(taskDefinition).flatMap((container): LogLocation[] => {
    const name = container['name'];
    const config = container['logConfiguration'];
    if (typeof name !== 'string' || !isRecord(config) || config['logDriver'] !== 'awslogs') return [];
    const options = isRecord(config['options']) ? config['options'] : {};
    const group = stringOption(options, 'awslogs-group');
    const region = stringOption(options, 'awslogs-region') ?? taskRegion;
    if (group === undefined || region === undefined) return [];
    const prefix = stringOption(options, 'awslogs-stream-prefix');
    const stream = prefix === undefined ? undefined : `${prefix}/${name}/${taskId}`;
    return [{ container: name, group, ...(stream === undefined ? {} : { stream }), region, url: cloudWatchLogsUrl(region, group, stream) }];
  });
}

/** `container app: awslogs group /ecs/migrate, stream migrate/app/0123 (eu-west-1) https://…` */
export function formatLogLocation(location: LogLocation): string {
  const stream = location.stream === undefined ? '' : `, stream ${location.stream}`;
  return `container ${location.container}: awslogs group ${location.group}${stream} (${location.region}) ${location.url}`;
}

/** The console page of a log stream, or of the group without one. */
export function cloudWatchLogsUrl(region: string, group: string, stream?: string): string {
  // The console's fragment takes each path part URI-encoded twice, with '%' written as '$'.
  const part = (value: string) => encodeURIComponent(encodeURIComponent(value)).replace(/%/g, '$');
  const path = `log-groups/log-group/${part(group)}${stream === undefined ? '' : `/log-events/${part(stream)}`}`;
  return `${consoleHost(region)}/cloudwatch/home?region=${region}#logsV2:${path}`;
}

function consoleHost(region: string): string {
  if (region.startsWith('cn-')) return 'https://console.amazonaws.cn';
  if (region.startsWith('us-gov-')) return 'https://console.amazonaws-us-gov.com';
  return `https://${region}.console.aws.amazon.com`;
}

function regionOfArn(arn: string): string | undefined {
  const region = arn.split(':')[3];
  return region === undefined || region === '' ? undefined : region;
}

function stringOption(options: Record<string, unknown>, key: string): string | undefined {
  const value = options[key];
  return typeof value === 'string' && value.trim() !== '' ? value.trim() : undefined;
}
