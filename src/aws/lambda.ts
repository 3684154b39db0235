import {
  type AliasConfiguration,
  CreateAliasCommand,
  DeleteAliasCommand,
  type FunctionCodeLocation,
  type FunctionConfiguration,
  GetAliasCommand,
  GetFunctionCommand,
  GetFunctionConfigurationCommand,
  GetProvisionedConcurrencyConfigCommand,
  type GetProvisionedConcurrencyConfigCommandOutput,
  type LambdaClient,
  PublishVersionCommand,
  UpdateAliasCommand,
  UpdateFunctionCodeCommand,
} from '@aws-sdk/client-lambda';
import { AwsCallError, awsErrorName } from '../errors.ts';

export interface FunctionWithCode {
  configuration: FunctionConfiguration;
  code: FunctionCodeLocation;
}

/** The function's configuration and code location, or undefined when it does not exist. */
export async function getFunction(lambda: LambdaClient, functionName: string): Promise<FunctionWithCode | undefined> {
  try {
    const out = await lambda.send(new GetFunctionCommand({ FunctionName: functionName }));
    if (!out.Configuration) throw new Error('the response had no Configuration');
    return { configuration: out.Configuration, code: out.Code ?? {} };
  } catch (error) {
    if (awsErrorName(error) === 'ResourceNotFoundException') return undefined;
    throw new AwsCallError(`GetFunction for '${functionName}'`, error);
  }
}

/** The configuration of $LATEST, or of a version or alias when `qualifier` is given. */
export async function getFunctionConfiguration(
  lambda: LambdaClient,
  functionName: string,
  qualifier?: string,
): Promise<FunctionConfiguration> {
  try {
    return await lambda.send(
      new GetFunctionConfigurationCommand({
        FunctionName: functionName,
        ...(qualifier === undefined ? {} : { Qualifier: qualifier }),
      }),
    );
  } catch (error) {
    const what = qualifier === undefined ? `'${functionName}'` : `'${functionName}' version ${qualifier}`;
    throw new AwsCallError(`GetFunctionConfiguration for ${what}`, error);
  }
}

/** The alias, or undefined when the function has no alias of that name. */
export async function getAlias(
  lambda: LambdaClient,
  functionName: string,
  alias: string,
): Promise<AliasConfiguration | undefined> {
  try {
    return await lambda.send(new GetAliasCommand({ FunctionName: functionName, Name: alias }));
  } catch (error) {
    if (awsErrorName(error) === 'ResourceNotFoundException') return undefined;
    throw new AwsCallError(`GetAlias '${alias}' for '${functionName}'`, error);
  }
}

export interface CodeUpdate {
  functionName: string;
  imageUri: string;
  /** Lambda refuses the update (PreconditionFailedException) if the function changed since. */
  revisionId?: string;
}

export async function updateFunctionCode(lambda: LambdaClient, update: CodeUpdate): Promise<FunctionConfiguration> {
  try {
    return await lambda.send(
      new UpdateFunctionCodeCommand({
        FunctionName: update.functionName,
        ImageUri: update.imageUri,
        ...(update.revisionId === undefined ? {} : { RevisionId: update.revisionId }),
      }),
    );
  } catch (error) {
    throw new AwsCallError(`UpdateFunctionCode for '${update.functionName}'`, error);
  }
}

export interface VersionToPublish {
  functionName: string;
  /** Publish only if $LATEST still holds this code. */
  codeSha256: string;
  revisionId?: string;
}

/** The published version's configuration (its `Version` is the number). */
export async function publishVersion(lambda: LambdaClient, request: VersionToPublish): Promise<FunctionConfiguration> {
  try {
    const out = await lambda.send(
      new PublishVersionCommand({
        FunctionName: request.functionName,
        CodeSha256: request.codeSha256,
        ...(request.revisionId === undefined ? {} : { RevisionId: request.revisionId }),
      }),
    );
    if (!out.Version) throw new Error('the response had no Version');
    return out;
  } catch (error) {
    throw new AwsCallError(`PublishVersion for '${request.functionName}'`, error);
  }
}

export interface AliasTarget {
  functionName: string;
  alias: string;
  version: string;
}

export async function createAlias(lambda: LambdaClient, target: AliasTarget): Promise<AliasConfiguration> {
  try {
    return await lambda.send(
      new CreateAliasCommand({
        FunctionName: target.functionName,
        Name: target.alias,
        FunctionVersion: target.version,
      }),
    );
  } catch (error) {
    throw new AwsCallError(`CreateAlias '${target.alias}' for '${target.functionName}'`, error);
  }
}

export interface AliasShift extends AliasTarget {
  /** The second version's share (0..1); empty: no routing, all traffic on `version`. */
  weights: Record<string, number>;
  revisionId?: string;
}

/**
 * Moves the alias and sets (or clears) its routing: every alias change the action makes.
 * `revisionId` is the alias's own, so a concurrent move is refused.
 */
export async function shiftAlias(lambda: LambdaClient, shift: AliasShift): Promise<AliasConfiguration> {
  try {
    return await lambda.send(
      new UpdateAliasCommand({
        FunctionName: shift.functionName,
        Name: shift.alias,
        FunctionVersion: shift.version,
        RoutingConfig: { AdditionalVersionWeights: shift.weights },
        ...(shift.revisionId === undefined ? {} : { RevisionId: shift.revisionId }),
      }),
    );
  } catch (error) {
    throw new AwsCallError(`UpdateAlias '${shift.alias}' for '${shift.functionName}'`, error);
  }
}

/** Removes an alias (one the step created, when the deploy is put back). */
export async function deleteAlias(lambda: LambdaClient, functionName: string, alias: string): Promise<void> {
  try {
    await lambda.send(new DeleteAliasCommand({ FunctionName: functionName, Name: alias }));
  } catch (error) {
    throw new AwsCallError(`DeleteAlias '${alias}' for '${functionName}'`, error);
  }
}

/** The alias's provisioned concurrency, or undefined when it has none. */
export async function getProvisionedConcurrency(
  lambda: LambdaClient,
  functionName: string,
  alias: string,
): Promise<GetProvisionedConcurrencyConfigCommandOutput | undefined> {
  try {
    return await lambda.send(
      new GetProvisionedConcurrencyConfigCommand({ FunctionName: functionName, Qualifier: alias }),
    );
  } catch (error) {
    if (awsErrorName(error) === 'ProvisionedConcurrencyConfigNotFoundException') return undefined;
    throw new AwsCallError(`GetProvisionedConcurrencyConfig of '${functionName}:${alias}'`, error);
  }
}
