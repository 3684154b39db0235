// The floor plus @actions/core: the same one ECSClient and one DescribeServices as
// floor-entry.js, with the inputs read through @actions/core. Its start-up minus the
// floor's is what importing @actions/core costs (its module graph loads eagerly: the
// OIDC client, the HTTP client, summary, platform, exec). cold-start.ts bundles and times it.

import * as core from '@actions/core';
import { DescribeServicesCommand, ECSClient } from '@aws-sdk/client-ecs';

const env = process.env;
const ecs = new ECSClient({
  region: env.AWS_REGION ?? 'us-east-1',
  maxAttempts: 6,
  ...(env.AWS_ENDPOINT_URL ? { endpoint: env.AWS_ENDPOINT_URL } : {}),
});
const answer = await ecs.send(
  new DescribeServicesCommand({ cluster: core.getInput('cluster'), services: [core.getInput('service')] }),
);
core.info(`floor + @actions/core: ${answer.services?.length ?? 0} service(s) described`);
