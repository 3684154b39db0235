// Bad input: every input with every kind of wrong value. Each must be refused with a message
// that names the input (or environment variable) and says the fix, before any call that
// changes anything. The cases, shared by the unit project (those refused while the inputs
// are read) and the e2e project (those an AWS answer decides, and one of the others to prove
// the runner contract: exit 1, the message, no call).

import { execFileSync } from 'node:child_process';
import { mkdir, symlink, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { richTaskDefinition, TEST_ACCOUNT, TEST_REGION } from './ecs-fixtures.ts';

export const REPO_NAME = 'catalogue-app';
export const REPO = `${TEST_ACCOUNT}.dkr.ecr.${TEST_REGION}.amazonaws.com/${REPO_NAME}`;
export const CLUSTER = 'c-catalogue';
export const SERVICE = 's-catalogue';
export const FAMILY = 'td-catalogue';
export const FUNCTION = 'fn-catalogue';
export const ZIP_FUNCTION = 'fn-catalogue-zip';
export const PARAMETER = '/app/catalogue/image-tag';
export const SECURE_PARAMETER = '/app/catalogue/secret';
export const LIST_PARAMETER = '/app/catalogue/list';
export const NO_SUCH_DIGEST = `sha256:${'0'.repeat(64)}`;

// Replaced by values known once moto is seeded.
export const DIGEST_OF_V124 = '<digest of v1.2.4>';
export const SUBNETS = '<default subnets>';
export const SECURITY_GROUP = '<default security group>';

/** A verb that tells the reader what to do, for the messages that should say one and do not yet. */
export const FIX = /\b(use|set|give|add|remove|write|choose|drop|check|expected|shorten|name|fix|push|list)\b/i;

export type Base = 'ecs' | 'image' | 'lambda' | 'parameter' | 'run-task';

export interface Case {
  what: string;
  /** Valid inputs for one mode; `inputs` then breaks one thing. */
  base: Base;
  inputs?: Record<string, string>;
  env?: Record<string, string>;
  /** In the error: the input (or variable) in quotes, usually the value, and the fix. */
  says: Array<string | RegExp>;
  /** Never anywhere in stdout, stderr or the summary: secrets, file contents, misleading numbers. */
  neverSays?: string[];
  /**
   * 'inputs': refused while the inputs are read, before any AWS call; such a case runs in the
   * unit project (__tests__/unit/inputs/bad-input.test.ts). Otherwise an answer from AWS
   * decides, and the case runs end to end.
   */
  at?: 'inputs';
}

/** Valid inputs for each mode against the seeded world; a dry run of each exits 0 (checked below). */
export function baseInputs(base: Base): Record<string, string> {
  switch (base) {
    case 'ecs':
      return { mode: 'ecs', cluster: CLUSTER, service: SERVICE };
    case 'image':
      return { mode: 'image', image: `${REPO}:v1.2.3` };
    case 'lambda':
      return { mode: 'lambda', image: `${REPO}:v1.2.3`, 'function-name': FUNCTION };
    case 'parameter':
      return { mode: 'parameter', image: `${REPO}:v1.2.3`, 'parameter-name': PARAMETER };
    case 'run-task':
      return {
        mode: 'run-task',
        cluster: CLUSTER,
        'run-task-definition': FAMILY,
        subnets: SUBNETS,
        'security-groups': SECURITY_GROUP,
      };
  }
}

export const CASES: Case[] = [
  // --- mode
  {
    what: 'mode: only separators',
    base: 'ecs',
    inputs: { mode: ' , ,' },
    says: ["Input 'mode' is empty", 'use one or more of image, run-task, ecs, lambda, parameter'],
  },
  {
    what: 'mode: an unknown mode',
    at: 'inputs',
    base: 'ecs',
    inputs: { mode: 'ecs, deploy' },
    says: ["Input 'mode'", "unknown mode 'deploy'", 'use one or more of'],
  },

  // --- region and credentials
  {
    what: 'region: not a region code',
    at: 'inputs',
    base: 'ecs',
    inputs: { region: 'us-east' },
    says: ["Input 'region' ('us-east')", 'use a region code like eu-west-1'],
  },
  {
    what: 'region: none at all',
    at: 'inputs',
    base: 'ecs',
    env: { AWS_REGION: '', AWS_DEFAULT_REGION: '' },
    says: ['No AWS region', "set input 'region', or AWS_REGION"],
  },
  {
    what: 'AWS_REGION: not a region code',
    at: 'inputs',
    base: 'ecs',
    env: { AWS_REGION: 'US_EAST_1' },
    says: ["AWS_REGION ('US_EAST_1')", 'use a region code like eu-west-1'],
  },
  {
    what: 'credentials: none (no AWS_ACCESS_KEY_ID / AWS_SECRET_ACCESS_KEY)',
    base: 'ecs',
    env: { AWS_ACCESS_KEY_ID: '', AWS_SECRET_ACCESS_KEY: '' },
    says: ['AWS_ACCESS_KEY_ID', 'configure-aws-credentials'],
  },

  // --- cluster and service
  {
    what: 'cluster: does not exist',
    base: 'ecs',
    inputs: { cluster: 'c-nowhere' },
    says: ["'c-nowhere'", "'cluster'", FIX],
  },
  {
    what: 'service: empty (required for ecs)',
    at: 'inputs',
    base: 'ecs',
    inputs: { service: '' },
    says: ["Input 'service' is required for mode 'ecs'", 'the name or ARN of the ECS service'],
  },
  {
    what: 'service: does not exist',
    base: 'ecs',
    inputs: { service: 's-nowhere' },
    says: ["Service 's-nowhere' was not found in cluster 'c-catalogue'", "check inputs 'service' and 'cluster'"],
  },

  // --- task-definition
  {
    what: 'task-definition: a malformed ARN',
    at: 'inputs',
    base: 'ecs',
    inputs: { 'task-definition': 'arn:aws:ecs:us-east-1:123:task-definition/web' },
    says: [
      "Input 'task-definition' ('arn:aws:ecs:us-east-1:123:task-definition/web')",
      'expected arn:aws:ecs:<region>:<account>:task-definition/<family>:<revision>',
    ],
  },
  {
    what: 'task-definition: a file that does not exist',
    at: 'inputs',
    base: 'ecs',
    inputs: { 'task-definition': 'deploy/missing.json' },
    says: [
      "Input 'task-definition' ('deploy/missing.json')",
      'neither a family[:revision], an ARN, nor a file that exists',
    ],
  },
  {
    what: 'task-definition: a directory',
    at: 'inputs',
    base: 'ecs',
    inputs: { 'task-definition': 'taskdefs/' },
    says: ["Input 'task-definition' ('taskdefs/')", /directory/, FIX],
  },
  {
    what: 'task-definition: malformed JSON',
    at: 'inputs',
    base: 'ecs',
    inputs: { 'task-definition': 'broken.json' },
    says: ["Input 'task-definition'", 'broken.json', 'is not valid JSON or YAML'],
  },
  {
    what: 'task-definition: malformed YAML',
    at: 'inputs',
    base: 'ecs',
    inputs: { 'task-definition': 'broken.yaml' },
    says: ["Input 'task-definition'", 'broken.yaml', 'is not valid JSON or YAML'],
  },
  {
    what: 'task-definition: YAML that is a list, not a task definition',
    at: 'inputs',
    base: 'ecs',
    inputs: { 'task-definition': 'list.yaml' },
    says: [
      "Input 'task-definition'",
      'is not a task definition (got a list)',
      "use a task definition JSON object with 'family' and 'containerDefinitions'",
    ],
  },
  {
    what: 'task-definition: JSON without containerDefinitions',
    at: 'inputs',
    base: 'ecs',
    inputs: { 'task-definition': 'incomplete.json' },
    says: ["Input 'task-definition'", 'is not a valid task definition', 'containerDefinitions', 'Fix it or use'],
  },
  {
    what: 'task-definition: a family that is not registered',
    base: 'ecs',
    inputs: { 'task-definition': 'td-nowhere' },
    says: ["'td-nowhere'", /[Ii]nput 'task-definition'/, FIX],
  },
  {
    what: 'container-name: no such container',
    base: 'ecs',
    inputs: { 'container-name': 'web' },
    says: ["Input 'container-name' ('web') names no container", 'app', 'sidecar'],
  },

  // --- image
  {
    what: 'image: uppercase repository',
    at: 'inputs',
    base: 'image',
    inputs: { image: `${TEST_ACCOUNT}.dkr.ecr.${TEST_REGION}.amazonaws.com/App:v1` },
    says: ["Input 'image'", 'has uppercase letters', 'expected [host[:port]/]path[:tag][@sha256:digest]'],
  },
  {
    what: 'image: whitespace',
    at: 'inputs',
    base: 'image',
    inputs: { image: 'app v1' },
    says: ["Input 'image' ('app v1')", 'it contains whitespace', 'expected [host[:port]/]path'],
  },
  {
    what: 'image: a short digest',
    at: 'inputs',
    base: 'image',
    inputs: { image: `${REPO}@sha256:abc` },
    says: ["Input 'image'", 'needs exactly 64 lowercase hex digits'],
  },
  {
    what: 'image: empty (required for image)',
    at: 'inputs',
    base: 'image',
    inputs: { image: '' },
    says: ["Input 'image' is required for mode 'image'", 'the ECR repository URI'],
  },
  {
    what: 'image: empty with lambda (which implies image)',
    at: 'inputs',
    base: 'lambda',
    inputs: { image: '' },
    says: ["Input 'image' is required for mode 'image' (implied by lambda and parameter)"],
  },
  {
    what: 'image: a repository that does not exist',
    base: 'image',
    inputs: { image: `${TEST_ACCOUNT}.dkr.ecr.${TEST_REGION}.amazonaws.com/nowhere:v1` },
    says: ["Repository 'nowhere' was not found", "check input 'image'"],
  },

  // --- tag and digest
  {
    what: "tag: starts with '-'",
    at: 'inputs',
    base: 'image',
    inputs: { image: REPO, tag: '-v1' },
    says: ["Input 'tag' ('-v1') is not an image tag", "not starting with '.' or '-'"],
  },
  {
    what: 'tag: carries a repository',
    at: 'inputs',
    base: 'image',
    inputs: { image: REPO, tag: 'app:v1' },
    says: ["Input 'tag' ('app:v1')", "(no repository, no ':')"],
  },
  {
    what: 'tag: differs from the tag in image',
    base: 'image',
    inputs: { tag: 'v1.2.4' },
    says: [
      "Input 'image' carries tag 'v1.2.3' but input 'tag' is 'v1.2.4'",
      'give the tag in one of them, or make them equal',
    ],
  },
  {
    what: 'tag: set without mode image',
    at: 'inputs',
    base: 'ecs',
    inputs: { tag: 'v1.2.3' },
    says: ["Input 'tag' is set but mode 'image' is not selected", "add image to input 'mode', or remove 'tag'"],
  },
  {
    what: 'tag: not in ECR',
    base: 'image',
    inputs: { image: `${REPO}:v9.9.9` },
    says: [
      "Tag 'v9.9.9' (from input 'image') was not found",
      'v1.2.4',
      'v1.2.3',
      "set input 'tag' or 'digest' to one that exists",
    ],
  },
  {
    what: 'digest: too short',
    at: 'inputs',
    base: 'image',
    inputs: { image: REPO, digest: 'sha256:abc' },
    says: ["Input 'digest' ('sha256:abc') is not an image digest", "use 'sha256:' followed by 64 lowercase hex digits"],
  },
  {
    what: 'digest: differs from the digest in image',
    base: 'image',
    inputs: { image: `${REPO}@sha256:${'1'.repeat(64)}`, digest: `sha256:${'2'.repeat(64)}` },
    says: [
      "Input 'image' carries digest",
      "but input 'digest' is",
      'give the digest in one of them, or make them equal',
    ],
  },
  {
    what: 'digest: set without mode image',
    at: 'inputs',
    base: 'ecs',
    inputs: { digest: NO_SUCH_DIGEST },
    says: ["Input 'digest' is set but mode 'image' is not selected", "add image to input 'mode'"],
  },
  {
    what: 'digest: not in ECR',
    base: 'image',
    inputs: { image: REPO, digest: NO_SUCH_DIGEST },
    says: [
      `Digest '${NO_SUCH_DIGEST}' (from input 'digest') was not found`,
      "set input 'tag' or 'digest' to one that exists",
    ],
  },
  {
    what: 'tag and digest: two different images in ECR',
    base: 'image',
    inputs: { digest: DIGEST_OF_V124 },
    says: [
      "Tag 'v1.2.3' (from input 'image')",
      'name different images',
      'Give the tag and digest of one image, or only one of them',
    ],
  },
  {
    what: 'pin-digest: not a boolean',
    at: 'inputs',
    base: 'image',
    inputs: { 'pin-digest': 'yes' },
    says: ["Input 'pin-digest' ('yes') is not a boolean", 'use true or false'],
  },
  {
    what: 'GITHUB_REF: a git tag that is no image tag',
    base: 'image',
    inputs: { image: REPO },
    env: { GITHUB_REF: 'refs/tags/release/v1' },
    says: ["GITHUB_REF ('refs/tags/release/v1')", "set input 'tag' to the image tag to deploy"],
  },
  {
    what: 'GITHUB_SHA: not a commit SHA',
    base: 'image',
    inputs: { image: REPO },
    env: { GITHUB_SHA: 'xyz' },
    says: ["GITHUB_SHA ('xyz') is not a commit SHA", "set input 'tag'"],
  },
  {
    what: 'image: no tag anywhere (no tag input, no GITHUB_REF or GITHUB_SHA)',
    base: 'image',
    inputs: { image: REPO },
    says: ["Input 'image' names no tag or digest", "set input 'tag' or 'digest', or write the tag in 'image'"],
  },

  // --- lambda
  {
    what: 'function-name: empty (required for lambda)',
    at: 'inputs',
    base: 'lambda',
    inputs: { 'function-name': '' },
    says: ["Input 'function-name' is required for mode 'lambda'", 'function names or ARNs'],
  },
  {
    what: 'function-name: only separators',
    at: 'inputs',
    base: 'lambda',
    inputs: { 'function-name': ' , ' },
    says: ["Input 'function-name' names no function", 'one per line or comma separated'],
  },
  {
    what: 'function-name: a space in the name',
    at: 'inputs',
    base: 'lambda',
    inputs: { 'function-name': 'my fn' },
    says: ["Input 'function-name' ('my fn') is not a Lambda function name or ARN", 'use a function name'],
  },
  {
    what: 'function-name: with a qualifier',
    at: 'inputs',
    base: 'lambda',
    inputs: { 'function-name': `${FUNCTION}:live` },
    says: [`Input 'function-name' ('${FUNCTION}:live')`, "drop ':live'", "set 'lambda-alias'"],
  },
  {
    what: 'function-name: 65 characters',
    at: 'inputs',
    base: 'lambda',
    inputs: { 'function-name': 'f'.repeat(65) },
    says: ["Input 'function-name'", 'has a function name of 65 characters', 'Lambda allows at most 64'],
  },
  {
    what: 'function-name: an ARN in another region',
    base: 'lambda',
    inputs: { 'function-name': `arn:aws:lambda:eu-west-1:${TEST_ACCOUNT}:function:${FUNCTION}` },
    says: [
      "Input 'function-name'",
      "names a function in region 'eu-west-1'",
      "set 'region' to 'eu-west-1', or deploy that function in a separate step",
    ],
  },
  {
    what: 'function-name: set without mode lambda',
    at: 'inputs',
    base: 'ecs',
    inputs: { 'function-name': FUNCTION },
    says: ["Input 'function-name' is set but mode 'lambda' is not selected", "add lambda to input 'mode'"],
  },
  {
    what: 'function-name: a function that does not exist',
    base: 'lambda',
    inputs: { 'function-name': 'fn-nowhere' },
    says: [
      "Lambda function 'fn-nowhere' was not found in region 'us-east-1'",
      "check input 'function-name' and 'region'",
    ],
  },
  {
    what: 'function-name: a Zip function',
    base: 'lambda',
    inputs: { 'function-name': ZIP_FUNCTION },
    says: [`Lambda function '${ZIP_FUNCTION}' is a Zip function`, 'name a function created with package type Image'],
  },
  {
    what: 'image: not in ECR, for lambda',
    base: 'lambda',
    inputs: { image: `nginx@${NO_SUCH_DIGEST}` },
    says: [/[Ii]nput 'image'/, 'push or replicate it to an ECR private repository'],
  },
  {
    what: 'image: in another region than the functions',
    base: 'lambda',
    inputs: { image: `${TEST_ACCOUNT}.dkr.ecr.eu-west-1.amazonaws.com/${REPO_NAME}:v1.2.3` },
    says: ['in region eu-west-1', "check input 'image'"],
  },
  {
    what: 'publish: not a boolean',
    at: 'inputs',
    base: 'lambda',
    inputs: { publish: 'yes' },
    says: ["Input 'publish' ('yes') is not a boolean", 'use true or false'],
  },
  {
    what: 'publish: set without mode lambda',
    at: 'inputs',
    base: 'ecs',
    inputs: { publish: 'true' },
    says: ["Input 'publish' is set but mode 'lambda' is not selected", "add lambda to input 'mode'"],
  },
  {
    what: 'lambda-alias: all digits',
    at: 'inputs',
    base: 'lambda',
    inputs: { 'lambda-alias': '42' },
    says: ["Input 'lambda-alias' ('42') is all digits", "use a name such as 'live'"],
  },
  {
    what: 'lambda-alias: a character Lambda refuses',
    at: 'inputs',
    base: 'lambda',
    inputs: { 'lambda-alias': 'live!' },
    says: ["Input 'lambda-alias' ('live!') is not a Lambda alias name", "use 1-128 letters, digits, '-' and '_'"],
  },
  {
    what: 'codedeploy-application: for Lambda without a deployment group',
    at: 'inputs',
    base: 'lambda',
    inputs: { 'lambda-alias': 'live', 'codedeploy-application': 'app' },
    says: [
      "Input 'codedeploy-deployment-group' is required to deploy Lambda functions through CodeDeploy",
      "name the application and the deployment group (compute platform Lambda) in 'codedeploy-application' and 'codedeploy-deployment-group'",
    ],
  },
  {
    what: 'codedeploy-application: for Lambda without the alias CodeDeploy shifts',
    at: 'inputs',
    base: 'lambda',
    inputs: { 'codedeploy-application': 'app', 'codedeploy-deployment-group': 'dg' },
    says: ["Input 'lambda-alias' is required with 'codedeploy-application'", 'name the alias your callers invoke'],
  },
  {
    what: 'lambda-traffic: a schedule of its own with CodeDeploy',
    at: 'inputs',
    base: 'lambda',
    inputs: {
      'lambda-alias': 'live',
      'codedeploy-application': 'app',
      'codedeploy-deployment-group': 'dg',
      'lambda-traffic': 'linear 10% every 1m',
    },
    says: [
      "Input 'lambda-traffic' cannot be used with 'codedeploy-application'",
      "pick a configuration with 'codedeploy-deployment-config'",
    ],
  },
  {
    what: 'codedeploy-deployment-group: set with neither mode ecs nor lambda',
    at: 'inputs',
    base: 'image',
    inputs: { 'codedeploy-deployment-group': 'dg' },
    says: [
      "Input 'codedeploy-deployment-group' is set but neither mode 'ecs' nor mode 'lambda' is selected",
      "add the mode CodeDeploy deploys to input 'mode'",
    ],
  },
  {
    what: 'lambda-alias: set without mode lambda',
    at: 'inputs',
    base: 'ecs',
    inputs: { 'lambda-alias': 'live' },
    says: ["Input 'lambda-alias' is set but mode 'lambda' is not selected", "add lambda to input 'mode'"],
  },

  // --- parameter
  {
    what: 'parameter-name: empty (required for parameter)',
    at: 'inputs',
    base: 'parameter',
    inputs: { 'parameter-name': '' },
    says: ["Input 'parameter-name' is required for mode 'parameter'", 'e.g. /app/prod/image-tag'],
  },
  {
    what: "parameter-name: a path without the leading '/'",
    at: 'inputs',
    base: 'parameter',
    inputs: { 'parameter-name': 'app/prod/tag' },
    says: ["Input 'parameter-name' ('app/prod/tag')", "use '/app/prod/tag'"],
  },
  {
    what: "parameter-name: reserved prefix 'aws'",
    at: 'inputs',
    base: 'parameter',
    inputs: { 'parameter-name': '/aws/prod/tag' },
    says: ["Input 'parameter-name' ('/aws/prod/tag')", 'reserved by AWS', 'choose another name'],
  },
  {
    what: 'parameter-name: an ARN',
    at: 'inputs',
    base: 'parameter',
    inputs: { 'parameter-name': `arn:aws:ssm:${TEST_REGION}:${TEST_ACCOUNT}:parameter/app/prod/tag` },
    says: ["Input 'parameter-name'", 'it is an ARN', "use the name, like '/app/prod/tag'"],
  },
  {
    what: 'parameter-name: a space',
    at: 'inputs',
    base: 'parameter',
    inputs: { 'parameter-name': '/app/prod tag' },
    says: [
      "Input 'parameter-name' ('/app/prod tag')",
      "it contains ' '",
      "use only letters, digits, '_', '.', '-' and '/'",
    ],
  },
  {
    what: 'parameter-name: an empty level',
    at: 'inputs',
    base: 'parameter',
    inputs: { 'parameter-name': '/app//tag' },
    says: ["Input 'parameter-name' ('/app//tag')", 'it has an empty level', "write it like '/app/prod/image-tag'"],
  },
  {
    what: 'parameter-name: set without mode parameter',
    at: 'inputs',
    base: 'ecs',
    inputs: { 'parameter-name': PARAMETER },
    says: ["Input 'parameter-name' is set but mode 'parameter' is not selected", "add parameter to input 'mode'"],
  },
  {
    what: 'parameter-name: an existing SecureString',
    base: 'parameter',
    inputs: { 'parameter-name': SECURE_PARAMETER },
    says: [`Parameter '${SECURE_PARAMETER}' is a SecureString`, "Set input 'parameter-name' to another parameter"],
  },
  {
    what: 'parameter-type: differs from the existing StringList',
    base: 'parameter',
    inputs: { 'parameter-name': LIST_PARAMETER, 'parameter-type': 'String' },
    says: [
      `Parameter '${LIST_PARAMETER}' is a StringList, but input 'parameter-type' asks for String`,
      "Set 'parameter-type' to StringList",
    ],
  },
  {
    what: 'parameter-type: SecureString',
    at: 'inputs',
    base: 'parameter',
    inputs: { 'parameter-type': 'SecureString' },
    says: ["Input 'parameter-type' ('SecureString') asks for a SecureString", 'Use String or StringList'],
  },
  {
    what: 'parameter-type: an unknown type',
    at: 'inputs',
    base: 'parameter',
    inputs: { 'parameter-type': 'Integer' },
    says: ["Input 'parameter-type' ('Integer')", 'use String or StringList'],
  },
  {
    what: 'parameter-value: an unknown placeholder',
    at: 'inputs',
    base: 'parameter',
    inputs: { 'parameter-value': 'release-{sha}' },
    says: [
      "Input 'parameter-value' ('release-{sha}') has an unknown placeholder {sha}",
      'the placeholders are {tag}, {digest}, {image}, {repository}',
    ],
  },
  {
    what: "parameter-value: '{' not closed",
    at: 'inputs',
    base: 'parameter',
    inputs: { 'parameter-value': '{tag' },
    says: ["Input 'parameter-value' ('{tag')", "a '{' without a closing '}'", 'the placeholders are'],
  },
  {
    what: "parameter-value: '}' not opened",
    at: 'inputs',
    base: 'parameter',
    inputs: { 'parameter-value': 'tag}' },
    says: ["Input 'parameter-value' ('tag}')", "a '}' without an opening '{'"],
  },
  {
    what: 'parameter-value: {tag} when the image has no tag',
    base: 'parameter',
    inputs: { image: `${REPO}@${DIGEST_OF_V124}` },
    says: [
      "Input 'parameter-value' ('{tag}') uses {tag}",
      'has no tag',
      "set input 'tag', or use {digest} or {image} instead",
    ],
  },
  {
    what: 'parameter-value: longer than a standard parameter holds',
    base: 'parameter',
    inputs: { 'parameter-name': '/app/catalogue/long', 'parameter-value': `${'x'.repeat(4100)}{tag}` },
    says: ["parameter '/app/catalogue/long' is 4106 characters long", "shorten input 'parameter-value'"],
  },
  {
    what: 'parameter-tags: a line without =',
    at: 'inputs',
    base: 'parameter',
    inputs: { 'parameter-tags': 'team' },
    says: ["Input 'parameter-tags' line 1 ('team') is not a tag", 'write Key=Value'],
  },
  {
    what: "parameter-tags: a reserved 'aws:' key",
    at: 'inputs',
    base: 'parameter',
    inputs: { 'parameter-tags': 'team=payments\naws:owner=me' },
    says: ["Input 'parameter-tags' line 2 ('aws:owner=me')", 'choose another key'],
  },
  {
    what: 'parameter-tags: a repeated key',
    at: 'inputs',
    base: 'parameter',
    inputs: { 'parameter-tags': 'team=a\nteam=b' },
    says: ["Input 'parameter-tags' line 2 ('team=b') repeats the key 'team'", 'give each key once'],
  },

  // --- ecs overrides
  {
    what: 'cpu: not a size',
    at: 'inputs',
    base: 'ecs',
    inputs: { cpu: 'lots' },
    says: ["Input 'cpu' ('lots') is not a cpu size", "use cpu units like 1024 or vCPUs like '1 vCPU'"],
  },
  {
    what: 'memory: not a size',
    at: 'inputs',
    base: 'ecs',
    inputs: { memory: '2 TB' },
    says: ["Input 'memory' ('2 TB') is not a memory size", "use MiB like 2048 or GB like '2 GB'"],
  },
  {
    what: 'memory: not valid with the cpu on Fargate',
    base: 'ecs',
    inputs: { cpu: '1024', memory: '3000' },
    says: ["Input 'memory' (3000) is not valid with cpu 1024 on Fargate", 'use 2048-8192 in steps of 1024'],
  },
  {
    what: 'cpu: set without mode ecs',
    at: 'inputs',
    base: 'image',
    inputs: { cpu: '1024' },
    says: ["Input 'cpu' is set but mode 'ecs' is not selected", "add ecs to input 'mode', or remove 'cpu'"],
  },
  {
    what: 'environment: a line without =',
    at: 'inputs',
    base: 'ecs',
    inputs: { environment: 'LOG_LEVEL=debug\nFOO' },
    says: ["Input 'environment' line 2 is not KEY=VALUE", "it has no '='", 'a KEY of letters, digits and _'],
  },
  {
    what: 'environment: a key starting with a digit',
    at: 'inputs',
    base: 'ecs',
    inputs: { environment: '1FOO=bar' },
    says: ["Input 'environment' line 1 is not KEY=VALUE", "its key '1FOO'", 'a KEY of letters, digits and _'],
  },
  {
    what: 'force-new-deployment: not a boolean',
    at: 'inputs',
    base: 'ecs',
    inputs: { 'force-new-deployment': 'maybe' },
    says: ["Input 'force-new-deployment' ('maybe') is not a boolean", 'use true or false'],
  },
  {
    what: 'desired-count: negative',
    at: 'inputs',
    base: 'ecs',
    inputs: { 'desired-count': '-1' },
    says: ["Input 'desired-count' ('-1') is not a whole number", 'use 0 or more'],
  },
  {
    what: 'desired-count: a fraction',
    at: 'inputs',
    base: 'ecs',
    inputs: { 'desired-count': '1.5' },
    says: ["Input 'desired-count' ('1.5') is not a whole number", 'use 0 or more'],
  },
  {
    what: 'desired-count: above the limit',
    at: 'inputs',
    base: 'ecs',
    inputs: { 'desired-count': '100001' },
    says: ["Input 'desired-count' ('100001')", /at most|between|too (many|large)/],
  },

  // --- waiting
  {
    what: 'wait: not a boolean',
    at: 'inputs',
    base: 'ecs',
    inputs: { wait: 'no' },
    says: ["Input 'wait' ('no') is not a boolean", 'use true or false'],
  },
  {
    what: 'wait: false together with mode parameter',
    at: 'inputs',
    base: 'ecs',
    inputs: { mode: 'ecs, parameter', image: `${REPO}:v1.2.3`, 'parameter-name': PARAMETER, wait: 'false' },
    says: ["Input 'wait' is false, but input 'mode' includes 'parameter'", "set 'wait: true'"],
  },
  {
    what: 'wait-timeout: not a duration',
    at: 'inputs',
    base: 'ecs',
    inputs: { 'wait-timeout': 'forever' },
    says: ["Input 'wait-timeout' ('forever') is not a duration", 'use seconds like 90, or units like 90s, 10m, 1h30m'],
  },
  {
    what: 'wait-timeout: zero',
    at: 'inputs',
    base: 'ecs',
    inputs: { 'wait-timeout': '0s' },
    says: ["Input 'wait-timeout' ('0s') is out of range", 'use between 1s and 21600s'],
  },
  {
    what: 'wait-timeout: beyond a job',
    at: 'inputs',
    base: 'ecs',
    inputs: { 'wait-timeout': '7h' },
    says: ["Input 'wait-timeout' ('7h') is out of range", 'use between 1s and 21600s'],
  },
  {
    what: 'poll-interval: below a second',
    at: 'inputs',
    base: 'ecs',
    inputs: { 'poll-interval': '500ms' },
    says: ["Input 'poll-interval' ('500ms') is out of range", 'use between 1s and 60s'],
  },
  {
    what: 'poll-interval: above a minute',
    at: 'inputs',
    base: 'ecs',
    inputs: { 'poll-interval': '2m' },
    says: ["Input 'poll-interval' ('2m') is out of range", 'use between 1s and 60s'],
  },
  {
    what: 'max-failed-tasks: a word',
    at: 'inputs',
    base: 'ecs',
    inputs: { 'max-failed-tasks': 'three' },
    says: ["Input 'max-failed-tasks' ('three') is not a whole number", 'use 0 or more'],
  },
  {
    what: 'dry-run: not a boolean',
    at: 'inputs',
    base: 'ecs',
    inputs: { 'dry-run': 'perhaps' },
    says: ["Input 'dry-run' ('perhaps') is not a boolean", 'use true or false'],
  },
];

// The run-task inputs and wait-for-image, kept apart: a bundle without them fails
// only these rows ("mode 'run-task' is not available", or the input is ignored).
export const LANDING_CASES: Case[] = [
  {
    what: 'command: a JSON array with a number',
    at: 'inputs',
    base: 'run-task',
    inputs: { command: '["npm", 1]' },
    says: [`Input 'command' ('["npm", 1]') has a non-string at position 1`, 'quote every word'],
  },
  {
    what: 'command: an unterminated quote',
    at: 'inputs',
    base: 'run-task',
    inputs: { command: 'sh -c "npm run migrate' },
    says: [
      "Input 'command' ('sh -c \"npm run migrate') has an unterminated double quote",
      'close it, or give a JSON array of strings',
    ],
  },
  {
    what: 'subnets: not a subnet id',
    at: 'inputs',
    base: 'run-task',
    inputs: { subnets: 'my-subnet' },
    says: ["Input 'subnets' has 'my-subnet', which is not an id like subnet-", 'use ids separated by commas or lines'],
  },
  {
    what: 'subnets: missing for a Fargate task',
    base: 'run-task',
    inputs: { subnets: '', 'security-groups': '' },
    says: ["Input 'subnets' is required", 'Fargate (launch type FARGATE) runs the task in subnets you choose'],
  },
  {
    what: 'subnets: set without mode run-task',
    at: 'inputs',
    base: 'ecs',
    inputs: { subnets: SUBNETS },
    says: [
      "Input 'subnets' is set but mode 'run-task' is not selected",
      "add run-task to input 'mode', or remove 'subnets'",
    ],
  },
  {
    what: 'security-groups: not a group id',
    at: 'inputs',
    base: 'run-task',
    inputs: { 'security-groups': 'default' },
    says: [
      "Input 'security-groups' has 'default', which is not an id like sg-",
      'use ids separated by commas or lines',
    ],
  },
  {
    what: 'security-groups: without subnets',
    at: 'inputs',
    base: 'run-task',
    inputs: { subnets: '' },
    says: ["Input 'security-groups' needs input 'subnets'"],
  },
  {
    what: 'assign-public-ip: not a boolean',
    at: 'inputs',
    base: 'run-task',
    inputs: { 'assign-public-ip': 'yes' },
    says: ["Input 'assign-public-ip' ('yes') is not a boolean", 'use true or false'],
  },
  {
    what: 'launch-type: unknown',
    at: 'inputs',
    base: 'run-task',
    inputs: { 'launch-type': 'SPOT' },
    says: [
      "Input 'launch-type' ('SPOT') is not a launch type",
      "use FARGATE, EC2, EXTERNAL, or set 'capacity-provider-strategy' instead",
    ],
  },
  {
    what: 'capacity-provider-strategy: a weight that is no number',
    at: 'inputs',
    base: 'run-task',
    inputs: { 'capacity-provider-strategy': 'FARGATE_SPOT:x' },
    says: ["Input 'capacity-provider-strategy' gives 'FARGATE_SPOT' weight 'x'", 'use a whole number from 0 to 1000'],
  },
  {
    what: 'launch-type and capacity-provider-strategy together',
    at: 'inputs',
    base: 'run-task',
    inputs: { 'launch-type': 'FARGATE', 'capacity-provider-strategy': 'FARGATE_SPOT:1' },
    says: ["Inputs 'launch-type' ('FARGATE') and 'capacity-provider-strategy' cannot both be set", 'one or the other'],
  },
  {
    what: 'started-by: characters ECS refuses',
    at: 'inputs',
    base: 'run-task',
    inputs: { 'started-by': 'release pipeline!' },
    says: ["Input 'started-by' ('release pipeline!') is not valid", "use up to 128 letters, digits, '-', '_' and '/'"],
  },
  {
    what: 'run-task-environment: a line without =',
    at: 'inputs',
    base: 'run-task',
    inputs: { 'run-task-environment': 'FOO' },
    says: ["Input 'run-task-environment' line 1 is not KEY=VALUE", 'a KEY of letters, digits and _'],
  },
  {
    what: 'run-task-container: set without mode run-task',
    at: 'inputs',
    base: 'ecs',
    inputs: { 'run-task-container': 'app' },
    says: ["Input 'run-task-container' is set but mode 'run-task' is not selected", "add run-task to input 'mode'"],
  },
  {
    what: 'run-task-container: no such container',
    base: 'run-task',
    inputs: { 'run-task-container': 'web' },
    says: [
      "Input 'run-task-container' ('web') names no container in task definition",
      "its containers are 'app', 'sidecar'",
    ],
  },
  {
    what: 'run-task-definition: empty without ecs',
    at: 'inputs',
    base: 'run-task',
    inputs: { 'run-task-definition': '' },
    says: [
      "Input 'run-task-definition' is required for mode 'run-task' without mode 'ecs'",
      'a family (migrate), family:revision, task definition ARN, or a JSON/YAML file',
    ],
  },
  {
    what: 'run-task-definition: a malformed ARN',
    at: 'inputs',
    base: 'run-task',
    inputs: { 'run-task-definition': 'arn:aws:ecs:us-east-1:123:task-definition/migrate' },
    says: [
      "Input 'run-task-definition' ('arn:aws:ecs:us-east-1:123:task-definition/migrate') is not a task definition ARN",
      'expected arn:aws:ecs:<region>',
    ],
  },
  {
    what: 'run-task-definition: a file that does not exist',
    at: 'inputs',
    base: 'run-task',
    inputs: { 'run-task-definition': 'deploy/migrate.json' },
    says: [
      "Input 'run-task-definition' ('deploy/migrate.json') is neither a family[:revision], an ARN, nor a file that exists",
    ],
  },
  {
    what: 'run-task-definition: a family that is not registered',
    base: 'run-task',
    inputs: { 'run-task-definition': 'td-nowhere' },
    says: [
      "Input 'run-task-definition' ('td-nowhere') names no task definition ECS knows",
      'check the family, revision and region',
    ],
  },
  {
    what: 'wait-for-image: not a duration',
    at: 'inputs',
    base: 'image',
    inputs: { 'wait-for-image': 'soon' },
    says: ["Input 'wait-for-image' ('soon') is not a duration", 'use seconds like 90'],
  },
  {
    what: 'wait-for-image: beyond a job',
    at: 'inputs',
    base: 'image',
    inputs: { 'wait-for-image': '7h' },
    says: ["Input 'wait-for-image' ('7h') is out of range", 'use between 1s and 21600s'],
  },
  {
    what: 'wait-for-image: set without mode image',
    at: 'inputs',
    base: 'ecs',
    inputs: { 'wait-for-image': '30s' },
    says: [
      "Input 'wait-for-image' is set but mode 'image' is not selected",
      "add image to input 'mode', or remove 'wait-for-image'",
    ],
  },
];

export const SECRET = 'wJalrXUtnFEMI-K7MDENG-secret';
export const BIG_NUMBER = '9'.repeat(400);
const td = (extra: string) =>
  `{"family": "td-catalogue", "containerDefinitions": [{"name": "app", "image": "x"${extra}}]}`;

// Files for EDGE_CASES, written into the workspace by writeCaseFiles.
const EDGE_FILES: Record<string, string> = {
  'dup.json': `{"family": "td-catalogue",\n "family": "other", "containerDefinitions": [{"name": "app", "image": "x"}]}`,
  'merge.yaml': 'base: &b\n  image: x\nfamily: td-catalogue\ncontainerDefinitions:\n  - <<: *b\n    name: app\n',
  'proto.json': td(', "__proto__": {"polluted": true}'),
  'constructor.yaml': 'family: td-catalogue\ncontainerDefinitions:\n  - name: app\n    image: x\n    constructor: 1\n',
  'big-cpu.json': `{"family": "td-catalogue", "cpu": ${BIG_NUMBER}, "containerDefinitions": [{"name": "app", "image": "x"}]}`,
  'credentials.yaml': `[default]\naws_secret_access_key = ${SECRET}\n  oops: [\n`,
  'crlf-bom.json': `\uFEFF${JSON.stringify({ family: 'td-catalogue', cpu: '256', memory: '512', requiresCompatibilities: ['FARGATE'], networkMode: 'awsvpc', containerDefinitions: [{ name: 'app', image: 'x', essential: true }] }, null, 2).replaceAll('\n', '\r\n')}`,
};

export const EDGE_CASES: Case[] = [
  {
    what: 'task-definition: a duplicate JSON key',
    at: 'inputs',
    base: 'ecs',
    inputs: { 'task-definition': 'dup.json' },
    says: [
      "Input 'task-definition' ('dup.json')",
      "a duplicate key 'family' at line 2, column 2, key path 'family'",
      'give each key once',
    ],
  },
  {
    what: 'task-definition: a YAML merge key',
    at: 'inputs',
    base: 'ecs',
    inputs: { 'task-definition': 'merge.yaml' },
    says: [
      "Input 'task-definition' ('merge.yaml')",
      "a YAML merge key '<<'",
      "key path 'containerDefinitions[0].<<'",
      'write the keys out',
    ],
  },
  {
    what: 'task-definition: a __proto__ key',
    at: 'inputs',
    base: 'ecs',
    inputs: { 'task-definition': 'proto.json' },
    says: [
      "Input 'task-definition' ('proto.json')",
      "the key '__proto__'",
      "key path 'containerDefinitions[0].__proto__'",
      'remove it',
    ],
  },
  {
    what: 'task-definition: a constructor key',
    at: 'inputs',
    base: 'ecs',
    inputs: { 'task-definition': 'constructor.yaml' },
    says: ["Input 'task-definition' ('constructor.yaml')", "the key 'constructor' at line 5, column 5", 'remove it'],
  },
  {
    what: 'task-definition: a 400-digit cpu in the file',
    at: 'inputs',
    base: 'ecs',
    inputs: { 'task-definition': 'big-cpu.json' },
    says: [
      "Input 'task-definition' ('big-cpu.json')",
      'the number 999999999999…(400 characters)',
      "key path 'cpu'",
      'use a whole number',
    ],
    neverSays: ['Infinity'],
  },
  {
    what: 'cpu: a 400-digit number, reported as written',
    base: 'ecs',
    inputs: { cpu: BIG_NUMBER },
    says: ["Input 'cpu'", BIG_NUMBER, FIX],
    neverSays: ['Infinity'],
  },
  {
    what: 'task-definition: a file that is not YAML is not quoted',
    at: 'inputs',
    base: 'ecs',
    inputs: { 'task-definition': 'credentials.yaml' },
    says: [
      "Input 'task-definition' ('credentials.yaml') is not valid JSON or YAML",
      /at line \d+, column \d+/,
      'Fix the file',
    ],
    neverSays: [SECRET, 'aws_secret_access_key'],
  },
  {
    what: 'task-definition: a file outside the workspace',
    at: 'inputs',
    base: 'ecs',
    inputs: { 'task-definition': '../outside-td.json' },
    says: [
      "Input 'task-definition' ('../outside-td.json') is outside the workspace and RUNNER_TEMP",
      'name a file in the repository',
    ],
  },
  {
    what: 'task-definition: a symlink to /dev/zero',
    at: 'inputs',
    base: 'ecs',
    inputs: { 'task-definition': 'zero.json' },
    says: ["Input 'task-definition' ('zero.json') is outside the workspace and RUNNER_TEMP", '/dev/zero'],
  },
  {
    what: 'task-definition: a FIFO',
    at: 'inputs',
    base: 'ecs',
    inputs: { 'task-definition': 'fifo.json' },
    says: ["Input 'task-definition' ('fifo.json') is not a regular file", 'name a JSON or YAML file'],
  },
  {
    what: 'task-definition: a file over 1 MiB',
    at: 'inputs',
    base: 'ecs',
    inputs: { 'task-definition': 'huge.json' },
    says: [
      "Input 'task-definition' ('huge.json') is larger than 1048576 bytes",
      'name the task definition file itself',
    ],
  },
  {
    what: 'environment: a malformed line does not show its value',
    at: 'inputs',
    base: 'ecs',
    inputs: { environment: `DB-PASSWORD=${SECRET}` },
    says: ["Input 'environment' line 1 is not KEY=VALUE", "its key 'DB-PASSWORD'", 'write KEY=VALUE'],
    neverSays: [SECRET],
  },
  {
    what: 'run-task-environment: a line without = does not show its text',
    at: 'inputs',
    base: 'run-task',
    inputs: { 'run-task-environment': SECRET },
    says: ["Input 'run-task-environment' line 1 is not KEY=VALUE", "it has no '='"],
    neverSays: [SECRET],
  },
];

/** The files the cases name, in `workspace` (and one beside it, outside). */
export async function writeCaseFiles(workspace: string): Promise<void> {
  const rich = richTaskDefinition(FAMILY);
  await mkdir(join(workspace, 'taskdefs'));
  await writeFile(join(workspace, 'taskdefs', 'web.json'), JSON.stringify(rich));
  await writeFile(join(workspace, 'broken.json'), '{ "family": "web", "containerDefinitions": [ }');
  await writeFile(join(workspace, 'broken.yaml'), 'family: [web\ncontainerDefinitions:\n');
  await writeFile(join(workspace, 'list.yaml'), '- family: web\n- family: api\n');
  await writeFile(join(workspace, 'incomplete.json'), JSON.stringify({ family: 'web' }));
  for (const [name, text] of Object.entries(EDGE_FILES)) await writeFile(join(workspace, name), text);
  await writeFile(join(workspace, '..', 'outside-td.json'), JSON.stringify(rich));
  await symlink('/dev/zero', join(workspace, 'zero.json'));
  execFileSync('mkfifo', [join(workspace, 'fifo.json')]);
  await writeFile(join(workspace, 'huge.json'), ' '.repeat(2 * 1024 * 1024));
}
