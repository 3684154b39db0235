// What the Lambda inputs name: function names (name, partial or full ARN, one region) and
// alias names, checked against Lambda's own grammar before any call.

import { UserError } from '../errors.ts';
import { Input } from '../names.ts';

// Lambda's FunctionName grammar (name, partial ARN, full ARN), with the qualifier captured
// separately so we can say why it is refused instead of "invalid name".
const NAME = '[a-zA-Z0-9_-]+';
const FULL_ARN = new RegExp(
  `^arn:(aws[a-zA-Z-]*):lambda:([a-z]{2}(?:-[a-z]+)+-\\d+):(\\d{12}):function:(${NAME})(?::(.+))?$`,
);
const PARTIAL_ARN = new RegExp(`^(\\d{12}):function:(${NAME})(?::(.+))?$`);
const BARE_NAME = new RegExp(`^(${NAME})(?::(.+))?$`);
const NAME_MAX = 64;
const FUNCTION_NAME_MAX = 140;
const ALIAS = /^[a-zA-Z0-9_-]{1,128}$/;
const NAME_FORMS = `a function name (up to ${NAME_MAX} letters, digits, '-' and '_'), a partial ARN (123456789012:function:my-fn) or a full ARN (arn:aws:lambda:eu-west-1:123456789012:function:my-fn)`;

interface ParsedFunctionName {
  name: string;
  region?: string;
  qualifier?: string;
}

function splitFunctionName(raw: string): ParsedFunctionName | undefined {
  // Decide the form by its prefix first, so a broken ARN is not read as name:qualifier.
  if (raw.startsWith('arn:')) {
    const full = FULL_ARN.exec(raw);
    return full ? { region: full[2], name: full[4] ?? '', qualifier: full[5] } : undefined;
  }
  if (/^\d{12}:function:/.test(raw)) {
    const partial = PARTIAL_ARN.exec(raw);
    return partial ? { name: partial[2] ?? '', qualifier: partial[3] } : undefined;
  }
  const bare = BARE_NAME.exec(raw);
  if (bare) return { name: bare[1] ?? '', qualifier: bare[2] };
  return undefined;
}

/**
 * The functions the `function-name` input names (newline or comma separated), trimmed,
 * validated and without duplicates. Qualifiers are refused: UpdateFunctionCode always
 * updates the function itself ($LATEST).
 */
export function parseFunctionNames(raw: string): string[] {
  const entries = raw
    .split(/[\n,]/)
    .map((entry) => entry.trim())
    .filter((entry) => entry !== '');
  if (entries.length === 0) {
    throw new UserError(
      `Input '${Input.functionName}' names no function: give ${NAME_FORMS}, one per line or comma separated.`,
    );
  }
  for (const entry of entries) checkFunctionName(entry);
  return [...new Set(entries)];
}

function checkFunctionName(entry: string): void {
  const label = `Input '${Input.functionName}' ('${entry}')`;
  const parsed = splitFunctionName(entry);
  if (!parsed) throw new UserError(`${label} is not a Lambda function name or ARN: use ${NAME_FORMS}.`);
  if (parsed.qualifier !== undefined) {
    throw new UserError(
      `${label} names version or alias ':${parsed.qualifier}': image-deploy updates the function's code ($LATEST), which takes no qualifier; drop ':${parsed.qualifier}' (to move an alias, set '${Input.lambdaAlias}').`,
    );
  }
  if (parsed.name.length > NAME_MAX) {
    throw new UserError(
      `${label} has a function name of ${parsed.name.length} characters: Lambda allows at most ${NAME_MAX}.`,
    );
  }
  if (entry.length > FUNCTION_NAME_MAX) {
    throw new UserError(
      `${label} is ${entry.length} characters long: Lambda allows at most ${FUNCTION_NAME_MAX} for an ARN.`,
    );
  }
}

/** Full ARNs carry a region; the Lambda client only reaches functions in the deploy region. */
export function checkFunctionRegions(functionNames: readonly string[], region: string): void {
  for (const entry of functionNames) {
    const other = splitFunctionName(entry)?.region;
    if (other !== undefined && other !== region) {
      throw new UserError(
        `Input '${Input.functionName}' ('${entry}') names a function in region '${other}', but this step deploys to '${region}': set '${Input.region}' to '${other}', or deploy that function in a separate step.`,
      );
    }
  }
}

/** Lambda's alias name rules: 1-128 letters, digits, '-' and '_', not only digits (those are versions). */
export function validateAliasName(raw: string): string {
  const alias = raw.trim();
  const label = `Input '${Input.lambdaAlias}' ('${raw}')`;
  if (!ALIAS.test(alias)) {
    throw new UserError(`${label} is not a Lambda alias name: use 1-128 letters, digits, '-' and '_', e.g. 'live'.`);
  }
  if (/^\d+$/.test(alias)) {
    throw new UserError(
      `${label} is all digits, which Lambda reserves for version numbers: use a name such as 'live' or 'prod'.`,
    );
  }
  return alias;
}
