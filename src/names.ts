// Every input and output name, written once. action.yml must list the same names
// (a unit test compares them).

export const Input = {
  mode: 'mode',
  region: 'region',
  cluster: 'cluster',
  service: 'service',
  taskDefinition: 'task-definition',
  containerName: 'container-name',
  image: 'image',
  tag: 'tag',
  digest: 'digest',
  pinDigest: 'pin-digest',
  waitForImage: 'wait-for-image',
  functionName: 'function-name',
  publish: 'publish',
  lambdaAlias: 'lambda-alias',
  lambdaTraffic: 'lambda-traffic',
  lambdaAlarms: 'lambda-alarms',
  parameterName: 'parameter-name',
  parameterValue: 'parameter-value',
  parameterType: 'parameter-type',
  parameterTags: 'parameter-tags',
  runTaskDefinition: 'run-task-definition',
  runTaskContainer: 'run-task-container',
  command: 'command',
  runTaskEnvironment: 'run-task-environment',
  subnets: 'subnets',
  securityGroups: 'security-groups',
  assignPublicIp: 'assign-public-ip',
  launchType: 'launch-type',
  capacityProviderStrategy: 'capacity-provider-strategy',
  startedBy: 'started-by',
  runTaskLogs: 'run-task-logs',
  runTaskTags: 'run-task-tags',
  propagateTags: 'propagate-tags',
  enableEcsManagedTags: 'enable-ecs-managed-tags',
  cpu: 'cpu',
  memory: 'memory',
  environment: 'environment',
  forceNewDeployment: 'force-new-deployment',
  desiredCount: 'desired-count',
  wait: 'wait',
  waitTimeout: 'wait-timeout',
  pollInterval: 'poll-interval',
  maxFailedTasks: 'max-failed-tasks',
  waitUntil: 'wait-until',
  rollbackOnFailure: 'rollback-on-failure',
  codedeployApplication: 'codedeploy-application',
  codedeployDeploymentGroup: 'codedeploy-deployment-group',
  codedeployAppspec: 'codedeploy-appspec',
  codedeployDeploymentConfig: 'codedeploy-deployment-config',
  dryRun: 'dry-run',
} as const;

export type InputName = (typeof Input)[keyof typeof Input];

export const Output = {
  changed: 'changed',
  taskDefinitionArn: 'task-definition-arn',
  previousTaskDefinitionArn: 'previous-task-definition-arn',
  deploymentId: 'deployment-id',
  serviceDeploymentArn: 'service-deployment-arn',
  codedeployDeploymentId: 'codedeploy-deployment-id',
  image: 'image',
  imageTag: 'image-tag',
  imageDigest: 'image-digest',
  lambdaFunctionArn: 'lambda-function-arn',
  lambdaVersion: 'lambda-version',
  parameterVersion: 'parameter-version',
  parameterWritten: 'parameter-written',
  taskArn: 'task-arn',
  taskExitCode: 'task-exit-code',
} as const;

export type OutputName = (typeof Output)[keyof typeof Output];

export const MODES = ['image', 'run-task', 'ecs', 'lambda', 'parameter'] as const;
export type Mode = (typeof MODES)[number];

