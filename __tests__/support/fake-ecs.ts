import { DescribeTaskDefinitionCommand, ECSClient } from '@aws-sdk/client-ecs';
import { type AwsClientStub, mockClient } from 'aws-sdk-client-mock';
import type { Tag, TaskDefinitionDoc } from '../../src/plan/task-definition-types.ts';

/** A DescribeTaskDefinition answer as ECS sends it on the wire. */
export interface DescribedJson {
  taskDefinition: TaskDefinitionDoc;
  tags?: Tag[];
}

/**
 * A real ECSClient whose `send` is stubbed by aws-sdk-client-mock, except
 * DescribeTaskDefinition: the adapter reads its raw response JSON through a middleware
 * (to keep fields newer than the SDK), which a stubbed `send` never runs. That command goes
 * to the client's real `send` and is answered by a fake HTTP handler from `definitions`
 * (by the reference asked for; anything else is ECS's ClientException). It is still
 * recorded by the mock. Any other command not stubbed by the test throws.
 */
export function ecsWithTaskDefinitions(
  definitions: Record<string, DescribedJson>,
  region = 'us-east-1',
): { ecs: ECSClient; mock: AwsClientStub<ECSClient> } {
  const ecs = new ECSClient({
    region,
    credentials: { accessKeyId: 'a', secretAccessKey: 'b' },
    maxAttempts: 1,
    requestHandler: {
      handle: async (request: { body?: unknown }) => {
        const body =
          typeof request.body === 'string' ? request.body : new TextDecoder().decode(request.body as Uint8Array);
        const ref = (JSON.parse(body) as { taskDefinition: string }).taskDefinition;
        const found = definitions[ref];
        const json = found ?? { __type: 'ClientException', message: 'Unable to describe task definition.' };
        return {
          response: {
            statusCode: found ? 200 : 400,
            headers: { 'content-type': 'application/x-amz-json-1.1' },
            body: new TextEncoder().encode(JSON.stringify(json)),
          },
        };
      },
    },
  });
  const realSend = ecs.send.bind(ecs);
  const mock = mockClient(ecs);
  mock.send.callsFake(async (command) => {
    if (command instanceof DescribeTaskDefinitionCommand) return realSend(command);
    throw new Error(`${command.constructor.name} was sent but this test did not expect it`);
  });
  return { ecs, mock };
}
