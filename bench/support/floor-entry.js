// The cold-start floor: what any action that deploys to ECS with the v3 SDK must load
// before its first request. cold-start.ts bundles this file with ncc, as `npm run bundle`
// bundles src/index.ts, and times it next to dist/index.js: one ECSClient, one
// DescribeServices of the service the action's inputs name, sent where AWS_ENDPOINT_URL
// points (the client options image-deploy uses: region, endpoint, 6 attempts). Plain
// .js, not .ts: ncc would type-check the whole tsconfig program for a .ts entry.

import { DescribeServicesCommand, ECSClient } from '@aws-sdk/client-ecs';

const env = process.env;
const ecs = new ECSClient({
  region: env.AWS_REGION ?? 'us-east-1',
  maxAttempts: 6,
  ...(env.AWS_ENDPOINT_URL ? { endpoint: env.AWS_ENDPOINT_URL } : {}),
});
const answer = await ecs.send(
  new DescribeServicesCommand({ cluster: env.INPUT_CLUSTER, services: [env.INPUT_SERVICE ?? ''] }),
);
process.stdout.write(`floor: ${answer.services?.length ?? 0} service(s) described\n`);
