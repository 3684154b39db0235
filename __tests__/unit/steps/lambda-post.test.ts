import {
  type AliasConfiguration,
  DeleteAliasCommand,
  GetAliasCommand,
  LambdaClient,
  ResourceNotFoundException,
  UpdateAliasCommand,
} from '@aws-sdk/client-lambda';
import { mockClient } from 'aws-sdk-client-mock';
import { afterEach, describe, expect, it } from 'vitest';
import { putAliasesBackAfterCancel } from '../../../src/steps/lambda-post.ts';
import { fakeClients } from '../../support/fake-clients.ts';
import { fakeDeps } from '../../support/fake-deps.ts';

// The post step's Lambda half, on a real client whose `send` answers from the alias as the
// test leaves it: what it finds decides between "already back", a put-back and leaving it.

const restores: Array<() => void> = [];
afterEach(() => {
  for (const restore of restores.splice(0)) restore();
});

function world(alias: AliasConfiguration | undefined) {
  const lambda = new LambdaClient({
    region: 'eu-west-1',
    credentials: { accessKeyId: 'a', secretAccessKey: 'b' },
    maxAttempts: 1,
  });
  const mock = mockClient(lambda);
  restores.push(() => mock.restore());
  if (alias === undefined)
    mock.on(GetAliasCommand).rejects(new ResourceNotFoundException({ message: 'Alias not found', $metadata: {} }));
  else mock.on(GetAliasCommand).resolves(alias);
  mock.on(UpdateAliasCommand).resolves({});
  mock.on(DeleteAliasCommand).resolves({});
  const { deps } = fakeDeps(fakeClients({ lambda }));
  return { mock, deps };
}

const CREATED = { functionName: 'api', alias: 'live', created: true as const, shiftedTo: '4' };

describe('putAliasesBackAfterCancel', () => {
  it('puts an alias still routing to the new version back on its previous version', async () => {
    const w = world({ Name: 'live', FunctionVersion: '3', RoutingConfig: { AdditionalVersionWeights: { '4': 0.1 } } });
    const lines = await putAliasesBackAfterCancel(
      [{ functionName: 'api', alias: 'live', version: '3', shiftedTo: '4' }],
      w.deps,
    );
    expect(lines).toEqual([
      { ok: true, text: "Lambda function 'api' alias live put back on version 3 (it was on 3 with routing)." },
    ]);
    expect(w.mock.commandCalls(UpdateAliasCommand)).toHaveLength(1);
  });

  it.each([
    ['deletes an alias the step created, still on its version', { Name: 'live', FunctionVersion: '4' }, 1, 'deleted'],
    ['says an alias the step created is already gone', undefined, 0, 'is gone: already deleted'],
    [
      'leaves an alias the step created that someone pointed elsewhere since',
      { Name: 'live', FunctionVersion: '5' },
      0,
      'is on version 5, not 4 this deploy created it on: left as it is',
    ],
  ])('%s', async (_what, alias, deletes, says) => {
    const w = world(alias);
    const [line] = await putAliasesBackAfterCancel([CREATED], w.deps);
    expect(line?.ok).toBe(true);
    expect(line?.text).toContain(says);
    expect(w.mock.commandCalls(DeleteAliasCommand)).toHaveLength(deletes);
    expect(w.mock.commandCalls(UpdateAliasCommand)).toEqual([]);
  });
});
