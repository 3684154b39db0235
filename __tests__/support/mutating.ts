// Which recorded calls change something in AWS. A dry run, or a run refused for bad input,
// must send none of them; e2e tests check that from the scenario proxy's log.

import type { RecordedCall } from './scenario-proxy-core.ts';

/**
 * Operation names (as the scenario proxy records them) of every call that changes state in
 * the services the action talks to. Wider than what the action sends today, so a new code
 * path that writes is caught without editing this list.
 */
export const MUTATING_OPERATIONS: ReadonlySet<string> = new Set([
  // ECS
  'RegisterTaskDefinition',
  'DeregisterTaskDefinition',
  'DeleteTaskDefinitions',
  'CreateService',
  'UpdateService',
  'DeleteService',
  'RunTask',
  'StartTask',
  'StopTask',
  'UpdateServicePrimaryTaskSet',
  // Lambda
  'CreateFunction',
  'UpdateFunctionCode',
  'UpdateFunctionConfiguration',
  'PublishVersion',
  'CreateAlias',
  'UpdateAlias',
  'DeleteAlias',
  'DeleteFunction',
  // SSM
  'PutParameter',
  'DeleteParameter',
  'DeleteParameters',
  'AddTagsToResource',
  'RemoveTagsFromResource',
  'LabelParameterVersion',
  // ECR
  'PutImage',
  'BatchDeleteImage',
  'PutImageTagMutability',
  'SetRepositoryPolicy',
  // Several services
  'TagResource',
  'UntagResource',
]);

// What a read looks like in every AWS API the action uses.
const READ_ONLY = /^(Describe|Get|List|BatchGet)[A-Z]/;

export function isMutating(call: RecordedCall): boolean {
  return MUTATING_OPERATIONS.has(call.operation);
}

/**
 * `service:Operation` of every call from `from` on that may have changed something: the
 * mutating ones, and any call that is not plainly a read (an operation this list does not
 * know yet). [] when nothing can have changed.
 */
export function writesAmong(calls: readonly RecordedCall[], from = 0): string[] {
  return calls
    .slice(from)
    .filter((call) => isMutating(call) || !READ_ONLY.test(call.operation))
    .map((call) => `${call.service}:${call.operation}`);
}
