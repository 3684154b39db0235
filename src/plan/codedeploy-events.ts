// The lifecycle events of a CodeDeploy deployment (ECS blue/green and Lambda), in order,
// and `wait-until` naming one of them. Pure. Order from the CodeDeploy User Guide,
// "AppSpec 'hooks' section" (list of lifecycle event hooks for an Amazon ECS deployment,
// and for an AWS Lambda deployment).

const ECS_EVENTS = [
  'BeforeInstall',
  'Install',
  'AfterInstall',
  'AllowTestTraffic',
  'AfterAllowTestTraffic',
  'BeforeAllowTraffic',
  'AllowTraffic',
  'AfterAllowTraffic',
] as const;

/** Every event an ECS deployment target reports, in the order CodeDeploy runs them (Install has no hook). */
export const ECS_EVENT_ORDER: readonly string[] = ECS_EVENTS;

/** An event `wait-until` may name: any but Install, which no deployment stops at. */
export type CodeDeployEvent = Exclude<(typeof ECS_EVENTS)[number], 'Install'>;

/** The events `wait-until` may name on an ECS service deployed through CodeDeploy. */
export const CODEDEPLOY_WAIT_EVENTS: readonly CodeDeployEvent[] = ECS_EVENTS.filter(
  (event): event is CodeDeployEvent => event !== 'Install',
);

/** Events that run a hook (a Lambda function the AppSpec names); the others are CodeDeploy's own work. */
export const HOOK_EVENTS: ReadonlySet<string> = new Set([
  'BeforeInstall',
  'AfterInstall',
  'AfterAllowTestTraffic',
  'BeforeAllowTraffic',
  'AfterAllowTraffic',
]);

/** The event a `wait-until` value names (any case, `-`/`_` ignored), or undefined. */
export function parseCodeDeployEvent(raw: string): CodeDeployEvent | undefined {
  const key = raw.trim().toLowerCase().replace(/[-_]/g, '');
  return CODEDEPLOY_WAIT_EVENTS.find((event) => event.toLowerCase() === key);
}

export function isCodeDeployEvent(value: string): value is CodeDeployEvent {
  return (CODEDEPLOY_WAIT_EVENTS as readonly string[]).includes(value);
}
