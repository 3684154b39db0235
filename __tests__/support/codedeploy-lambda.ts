// CodeDeploy's Lambda deployments, for the proxy's CodeDeploy emulation (codedeploy-scenarios.ts):
// the function and alias a Lambda AppSpec names, the LambdaTarget GetDeploymentTarget answers,
// and the alias moves CodeDeploy makes, played on moto's real alias (UpdateAlias sent to moto).
//
// Shapes: CodeDeploy API reference, API_GetDeploymentTarget / API_DeploymentTarget
// (deploymentTargetType LambdaTarget), API_LambdaTarget (targetId, targetArn, status,
// lastUpdatedAt, lifecycleEvents, lambdaFunctionInfo), API_LambdaFunctionInfo (functionName,
// functionAlias, currentVersion, targetVersion, targetVersionWeight: a percentage); checked
// against botocore's codedeploy 2014-10-06 model by the proxy's model check. The AppSpec:
// CodeDeploy User Guide, "AppSpec 'resources' section for AWS Lambda deployments". Lambda's
// UpdateAlias: PUT /2015-03-31/functions/{FunctionName}/aliases/{Name} (Lambda API reference).

import type { DeploymentView } from './codedeploy-timeline.ts';
import type { ProxyCore, ProxyRequest } from './scenario-proxy-core.ts';
import { parseJson } from './scenario-proxy-core.ts';

/** The alias move a Lambda AppSpec asks for. */
export interface LambdaMove {
  functionName: string;
  alias: string;
  currentVersion: string;
  targetVersion: string;
}

/** The resource of a Lambda AppSpec (the action sends JSON), or undefined for another platform's. */
export function lambdaMoveIn(appSpec: string): LambdaMove | undefined {
  const doc = parseJson(Buffer.from(appSpec)) as {
    Resources?: Array<Record<string, { Type?: unknown; Properties?: Record<string, unknown> }>>;
  };
  const [resource] = doc.Resources ?? [];
  const target = resource === undefined ? undefined : Object.values(resource)[0];
  const p = target?.Properties ?? {};
  const text = (key: string): string | undefined => (typeof p[key] === 'string' ? p[key] : undefined);
  const [functionName, alias, currentVersion, targetVersion] = ['Name', 'Alias', 'CurrentVersion', 'TargetVersion'].map(
    text,
  );
  if (target?.Type !== 'AWS::Lambda::Function' || functionName === undefined || alias === undefined) return undefined;
  return { functionName, alias, currentVersion: currentVersion ?? '', targetVersion: targetVersion ?? '' };
}

/** The target id CodeDeploy gives a Lambda deployment's one target: `<function>:<alias>`. */
export function lambdaTargetId(move: LambdaMove): string {
  return `${move.functionName}:${move.alias}`;
}

/** The share of the alias's traffic on the target version, percent: what CodeDeploy has done so far. */
function targetWeight(view: DeploymentView): number {
  return view.rollback?.done === true ? 0 : view.greenWeight;
}

/** GetDeploymentTarget's `lambdaTarget` for the deployment as it is now. */
export function lambdaTarget(
  deploymentId: string,
  move: LambdaMove,
  view: DeploymentView,
  lifecycleEvents: Array<Record<string, unknown>>,
  status: string,
): Record<string, unknown> {
  return {
    deploymentId,
    targetId: lambdaTargetId(move),
    targetArn: `arn:aws:lambda:us-east-1:123456789012:function:${move.functionName}:${move.alias}`,
    status,
    lastUpdatedAt: Date.now() / 1000,
    lifecycleEvents,
    lambdaFunctionInfo: {
      functionName: move.functionName,
      functionAlias: move.alias,
      currentVersion: move.currentVersion,
      targetVersion: move.targetVersion,
      targetVersionWeight: targetWeight(view),
    },
  };
}

/** Where the alias is while the deployment is in `view`: undefined before CodeDeploy touched it. */
export function aliasState(
  move: LambdaMove,
  view: DeploymentView,
): { version: string; weights: Record<string, number> } | undefined {
  const weight = targetWeight(view);
  if (view.rollback?.done === true) return { version: move.currentVersion, weights: {} };
  if (view.status === 'Succeeded' || weight >= 100) return { version: move.targetVersion, weights: {} };
  if (weight > 0) return { version: move.currentVersion, weights: { [move.targetVersion]: weight / 100 } };
  return undefined;
}

/** Moves moto's alias as CodeDeploy would (an UpdateAlias sent to moto directly, like the call it precedes). */
export async function moveAlias(
  proxy: ProxyCore,
  like: ProxyRequest,
  move: LambdaMove,
  state: { version: string; weights: Record<string, number> },
): Promise<void> {
  const payload = Buffer.from(
    JSON.stringify({ FunctionVersion: state.version, RoutingConfig: { AdditionalVersionWeights: state.weights } }),
  );
  const name = encodeURIComponent(move.functionName);
  const res = await proxy.forward({
    ...like,
    method: 'PUT',
    url: `/2015-03-31/functions/${name}/aliases/${encodeURIComponent(move.alias)}`,
    headers: {
      host: like.headers.host,
      'content-type': 'application/json',
      'content-length': String(payload.length),
      // moto routes by the signing scope; it does not check the signature.
      authorization:
        'AWS4-HMAC-SHA256 Credential=testing/20260101/us-east-1/lambda/aws4_request, SignedHeaders=host, Signature=0',
    },
    body: payload,
  });
  if (res.status !== 200)
    throw new Error(`moto refused the alias move of ${move.functionName}: ${res.body.toString()}`);
}
