// Lambda traffic shifting decisions: the `lambda-traffic` schedule, what an alias with
// routing in progress means, and how alarms and provisioned concurrency are judged.

import { UserError } from '../errors.ts';
import { Input } from '../names.ts';

export type TrafficSpec =
  | { kind: 'all-at-once' }
  /** `percent` of the alias's traffic for `minutes`, then all of it. */
  | { kind: 'canary'; percent: number; minutes: number }
  /** The share grows by `percent` every `minutes` until it is all. */
  | { kind: 'linear'; percent: number; minutes: number };

/** One alias change of the schedule: the new version's share, and how long it holds. */
export interface ShiftStep {
  /** 0 < weight <= 1; 1 points FunctionVersion at the new version with no routing. */
  weight: number;
  /** How long this step is watched before the next one (0 for the last). */
  holdMs: number;
}

// SAM's DeploymentPreference types (the same names as CodeDeploy's Lambda configs).
const SAM_TYPES: Readonly<Record<string, TrafficSpec>> = {
  AllAtOnce: { kind: 'all-at-once' },
  Canary10Percent5Minutes: { kind: 'canary', percent: 10, minutes: 5 },
  Canary10Percent10Minutes: { kind: 'canary', percent: 10, minutes: 10 },
  Canary10Percent15Minutes: { kind: 'canary', percent: 10, minutes: 15 },
  Canary10Percent30Minutes: { kind: 'canary', percent: 10, minutes: 30 },
  Linear10PercentEvery1Minute: { kind: 'linear', percent: 10, minutes: 1 },
  Linear10PercentEvery2Minutes: { kind: 'linear', percent: 10, minutes: 2 },
  Linear10PercentEvery3Minutes: { kind: 'linear', percent: 10, minutes: 3 },
  Linear10PercentEvery10Minutes: { kind: 'linear', percent: 10, minutes: 10 },
};

const FORMS = `'all-at-once', 'canary <percent>% <minutes>m' (e.g. 'canary 10% 5m'), 'linear <percent>% every <minutes>m' (e.g. 'linear 20% every 2m') or one of SAM's names (${Object.keys(SAM_TYPES).join(', ')})`;
const NUMBER = '(\\d+(?:\\.\\d+)?)';
const CANARY = new RegExp(`^canary\\s+${NUMBER}\\s*%\\s+${NUMBER}\\s*m$`, 'i');
const LINEAR = new RegExp(`^linear\\s+${NUMBER}\\s*%\\s+every\\s+${NUMBER}\\s*m$`, 'i');

/** Parses `lambda-traffic`; throws a UserError naming the input and the accepted forms. */
export function parseTraffic(raw: string): TrafficSpec {
  const text = raw.trim().replace(/\s+/g, ' ');
  const label = `Input '${Input.lambdaTraffic}' ('${raw}')`;
  if (text === '' || text.toLowerCase() === 'all-at-once') return { kind: 'all-at-once' };
  const sam = SAM_TYPES[text];
  if (sam !== undefined) return sam;
  const canary = CANARY.exec(text);
  const linear = canary ? null : LINEAR.exec(text);
  const match = canary ?? linear;
  if (!match) throw new UserError(`${label} is not a traffic schedule: use ${FORMS}.`);
  const percent = Number(match[1]);
  const minutes = Number(match[2]);
  if (!(percent > 0 && percent < 100)) {
    throw new UserError(
      `${label} shifts ${percent}% at a time: use a percentage above 0 and below 100 (100% at once is 'all-at-once').`,
    );
  }
  // Read from the text: in floating point 1.1 * 100 is not 110.
  if (/\.\d{3,}$/.test(match[1] ?? '')) {
    throw new UserError(`${label} has more than two decimals in its percentage: use e.g. 10 or 12.5.`);
  }
  if (!Number.isInteger(minutes) || minutes < 1) {
    throw new UserError(
      `${label} holds each step for ${match[2] ?? ''} minutes: use a whole number of minutes, 1 or more.`,
    );
  }
  return { kind: canary ? 'canary' : 'linear', percent, minutes };
}

/** The alias changes the spec makes, in order; the last one always gives the new version everything. */
export function trafficSchedule(spec: TrafficSpec): ShiftStep[] {
  if (spec.kind === 'all-at-once') return [{ weight: 1, holdMs: 0 }];
  const holdMs = spec.minutes * 60_000;
  if (spec.kind === 'canary')
    return [
      { weight: toWeight(spec.percent), holdMs },
      { weight: 1, holdMs: 0 },
    ];
  const steps: ShiftStep[] = [];
  // Hundredths of a percent, so 0.1 + 0.2 stays 0.3 and the last partial step is exact.
  const stepBasis = Math.round(spec.percent * 100);
  for (let basis = stepBasis; basis < 10_000; basis += stepBasis) steps.push({ weight: basis / 10_000, holdMs });
  steps.push({ weight: 1, holdMs: 0 });
  return steps;
}

/** How long the schedule holds in all (its bakes), for checking it against `wait-timeout`. */
export function scheduleLengthMs(steps: readonly ShiftStep[]): number {
  return steps.reduce((sum, step) => sum + step.holdMs, 0);
}

/** "10% for 5m, then 100%". */
export function describeSchedule(steps: readonly ShiftStep[]): string {
  return steps
    .map((s) => (s.weight >= 1 ? '100%' : `${percentOf(s.weight)} for ${s.holdMs / 60_000}m`))
    .join(', then ');
}

export function percentOf(weight: number): string {
  return `${Math.round(weight * 10_000) / 100}%`;
}

function toWeight(percent: number): number {
  return Math.round(percent * 100) / 10_000;
}

// --- What is there before a shift -----------------------------------------------------------

export interface AliasRouting {
  FunctionVersion?: string;
  RoutingConfig?: { AdditionalVersionWeights?: Record<string, number> };
}

/**
 * An alias that already splits its traffic is in the middle of someone's shift (another
 * deploy's canary): moving it would cut that short, so it is refused with what it splits.
 */
export function routingInProgress(functionName: string, aliasName: string, alias: AliasRouting): string | undefined {
  const weights = Object.entries(alias.RoutingConfig?.AdditionalVersionWeights ?? {}).filter(([, w]) => w > 0);
  if (weights.length === 0) return undefined;
  const split = weights.map(([version, weight]) => `version ${version} ${percentOf(weight)}`).join(', ');
  const main = 1 - weights.reduce((sum, [, w]) => sum + w, 0);
  return `Lambda function '${functionName}': alias ${aliasName} already shifts traffic (version ${alias.FunctionVersion ?? '?'} ${percentOf(main)}, ${split}), probably another deploy's canary: wait for it to finish, or point the alias at one version, then deploy again.`;
}

// --- Judging what is watched ---------------------------------------------------------------

export interface AlarmState {
  name: string;
  /** OK, ALARM or INSUFFICIENT_DATA. */
  state: string;
  reason?: string;
}

/** The alarms named but not found, and the first one in ALARM. */
export function judgeAlarms(
  names: readonly string[],
  seen: readonly AlarmState[],
): { missing: string[]; firing?: AlarmState } {
  const found = new Set(seen.map((a) => a.name));
  return { missing: names.filter((n) => !found.has(n)), firing: seen.find((a) => a.state === 'ALARM') };
}

export interface ProvisionedState {
  status?: string;
  requested?: number;
  allocated?: number;
  reason?: string;
}

export type ProvisionedVerdict =
  | { state: 'ready' }
  | { state: 'pending'; line: string }
  | { state: 'failed'; reason: string };

/** READY goes on, FAILED fails with Lambda's reason, anything else is still provisioning. */
export function judgeProvisioned(alias: string, config: ProvisionedState): ProvisionedVerdict {
  const counts = `${config.allocated ?? 0} / ${config.requested ?? '?'} allocated`;
  if (config.status === 'READY') return { state: 'ready' };
  if (config.status === 'FAILED') {
    return {
      state: 'failed',
      reason: `provisioned concurrency of alias ${alias} FAILED (${counts}): ${config.reason ?? 'Lambda gave no reason'}`,
    };
  }
  return { state: 'pending', line: `provisioned concurrency of ${alias}: ${config.status ?? 'unknown'}, ${counts}` };
}
