// Part of the scenario proxy's core: naming REST calls by operation. Lambda is a REST API:
// no target header, no Action. Its routes, as the SDK sends them (client-lambda's schema),
// named so overlays and counts can use operation names.

const LAMBDA_ROUTES: ReadonlyArray<readonly [method: string, path: string, operation: string]> = [
  ['POST', '/2015-03-31/functions', 'CreateFunction'],
  ['GET', '/2015-03-31/functions', 'ListFunctions'],
  ['GET', '/2015-03-31/functions/{fn}', 'GetFunction'],
  ['DELETE', '/2015-03-31/functions/{fn}', 'DeleteFunction'],
  ['GET', '/2015-03-31/functions/{fn}/configuration', 'GetFunctionConfiguration'],
  ['PUT', '/2015-03-31/functions/{fn}/configuration', 'UpdateFunctionConfiguration'],
  ['PUT', '/2015-03-31/functions/{fn}/code', 'UpdateFunctionCode'],
  ['POST', '/2015-03-31/functions/{fn}/versions', 'PublishVersion'],
  ['GET', '/2015-03-31/functions/{fn}/versions', 'ListVersionsByFunction'],
  ['POST', '/2015-03-31/functions/{fn}/aliases', 'CreateAlias'],
  ['GET', '/2015-03-31/functions/{fn}/aliases', 'ListAliases'],
  ['GET', '/2015-03-31/functions/{fn}/aliases/{alias}', 'GetAlias'],
  ['PUT', '/2015-03-31/functions/{fn}/aliases/{alias}', 'UpdateAlias'],
  ['DELETE', '/2015-03-31/functions/{fn}/aliases/{alias}', 'DeleteAlias'],
  ['POST', '/2015-03-31/functions/{fn}/invocations', 'Invoke'],
  ['GET', '/2019-09-30/functions/{fn}/provisioned-concurrency', 'GetProvisionedConcurrencyConfig'],
  ['PUT', '/2019-09-30/functions/{fn}/provisioned-concurrency', 'PutProvisionedConcurrencyConfig'],
  ['GET', '/2017-03-31/tags/{fn}', 'ListTags'],
  ['POST', '/2017-03-31/tags/{fn}', 'TagResource'],
  ['DELETE', '/2017-03-31/tags/{fn}', 'UntagResource'],
];

const LAMBDA_MATCHERS = LAMBDA_ROUTES.map(([method, path, operation]) => ({
  method,
  operation,
  // One path segment per placeholder; moto and the SDK both accept a trailing slash.
  pattern: new RegExp(`^${path.replace('{fn}', '(?<fn>[^/]+)').replace('{alias}', '[^/]+')}/?$`),
}));

/** The operation a Lambda REST request is, and the function it names; undefined for routes not in the table. */
export function lambdaOperationOf(
  method: string,
  path: string,
): { operation: string; functionName?: string } | undefined {
  for (const matcher of LAMBDA_MATCHERS) {
    if (matcher.method !== method) continue;
    const match = matcher.pattern.exec(path);
    if (match === null) continue;
    const fn = match.groups?.fn;
    return fn === undefined
      ? { operation: matcher.operation }
      : { operation: matcher.operation, functionName: lambdaFunctionName(fn) };
  }
  return undefined;
}

/**
 * The bare function name in a name, `name:qualifier`, partial ARN (`123456789012:function:name`)
 * or full ARN, URL-encoded or not: so one overlay matches however the caller named it.
 */
export function lambdaFunctionName(ref: string): string {
  let decoded = ref;
  try {
    decoded = decodeURIComponent(ref);
  } catch {
    // Not encoded after all; use it as it is.
  }
  const afterFunction = /(?:^|:)function:([^:]+)/.exec(decoded);
  return afterFunction?.[1] ?? decoded.split(':')[0] ?? decoded;
}
