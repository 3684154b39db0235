import { GetParameterCommand, PutParameterCommand, type SSMClient } from '@aws-sdk/client-ssm';
import { AwsCallError, asked, awsErrorName, required } from '../errors.ts';
import type { CurrentParameter, ParameterTag, ParameterType } from '../plan/parameter.ts';

/** The parameter's value, type and version, or undefined when it does not exist. */
export async function getParameter(ssm: SSMClient, name: string): Promise<CurrentParameter | undefined> {
  try {
    // Never decrypted: a SecureString is refused, and its plaintext must not reach the log.
    const out = await ssm.send(new GetParameterCommand({ Name: name, WithDecryption: false }));
    const parameter = out.Parameter;
    if (parameter?.Value === undefined || parameter.Type === undefined || parameter.Version === undefined) {
      throw new Error('the response had no parameter value, type or version');
    }
    return { value: parameter.Value, type: parameter.Type, version: String(parameter.Version) };
  } catch (error) {
    if (awsErrorName(error) === 'ParameterNotFound') return undefined;
    throw new AwsCallError(`GetParameter for '${name}'`, error);
  }
}

export interface ParameterWrite {
  name: string;
  value: string;
  type: ParameterType;
  /** false creates (and fails with ParameterAlreadyExists when it exists); true overwrites. */
  overwrite: boolean;
  /** Only when creating: SSM rejects Tags together with Overwrite. */
  tags?: ParameterTag[];
}

/** Writes the value and returns the version that now holds it. */
export async function putParameter(ssm: SSMClient, write: ParameterWrite): Promise<string> {
  return asked(`PutParameter for '${write.name}'`, async () => {
    const out = await ssm.send(
      new PutParameterCommand({
        Name: write.name,
        Value: write.value,
        Type: write.type,
        Overwrite: write.overwrite,
        ...(write.tags !== undefined && write.tags.length > 0 ? { Tags: write.tags } : {}),
      }),
    );
    return String(required(out.Version, 'version'));
  });
}
