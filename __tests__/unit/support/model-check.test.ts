// The scenario proxy's model check, on its own: answers against AWS's models (botocore's
// JSON, completed by the SDK schema), with no emulator.

import { describe, expect, it } from 'vitest';
import { checkAnswer } from '../../support/model-check.ts';
import { checkMadeUpAnswer } from '../../support/scenario-proxy-check.ts';

const ecs = (operation: string) => ({ service: 'ecs', operation, method: 'POST', path: '/' });
const lambda = (operation: string, method: string, path: string) => ({ service: 'lambda', operation, method, path });

const record = (extra: Record<string, unknown> = {}) => ({
  serviceDeploymentArn: 'arn:aws:ecs:us-east-1:123456789012:service-deployment/c/s/1',
  status: 'IN_PROGRESS',
  lifecycleStage: 'BAKE_TIME',
  createdAt: 1_767_000_000,
  targetServiceRevision: { arn: 'arn:rev', requestedTaskCount: 2, requestedProductionTrafficWeight: 100 },
  lifecycleHookDetails: [{ hookId: 'h', targetType: 'PAUSE', status: 'AWAITING_ACTION', expiresAt: 1_767_086_400 }],
  ...extra,
});

describe('checkAnswer', () => {
  it.each([
    [
      'a valid service deployment record',
      ecs('DescribeServiceDeployments'),
      { serviceDeployments: [record()], failures: [] },
      [],
    ],
    [
      'a hook stage as the record stage',
      ecs('DescribeServiceDeployments'),
      { serviceDeployments: [record({ lifecycleStage: 'PRE_PRODUCTION_TRAFFIC_SHIFT' })] },
      [
        {
          path: 'serviceDeployments[0].lifecycleStage',
          message: expect.stringMatching(
            /^'PRE_PRODUCTION_TRAFFIC_SHIFT' is not a value of ServiceDeploymentLifecycleStage/,
          ),
        },
      ],
    ],
    [
      'an invented member',
      ecs('DescribeServiceDeployments'),
      { serviceDeployments: [record({ hookStage: 'x' })] },
      [{ path: 'serviceDeployments[0].hookStage', message: "'hookStage' is not a member of ServiceDeployment" }],
    ],
    [
      'a timestamp as text in a JSON protocol',
      ecs('DescribeServiceDeployments'),
      { serviceDeployments: [record({ createdAt: '2026-01-01T00:00:00Z' })] },
      [{ path: 'serviceDeployments[0].createdAt', message: expect.stringContaining('epoch seconds') }],
    ],
    [
      'a count as text',
      ecs('DescribeServiceDeployments'),
      { serviceDeployments: [record({ targetServiceRevision: { arn: 'a', requestedTaskCount: '2' } })] },
      [
        {
          path: 'serviceDeployments[0].targetServiceRevision.requestedTaskCount',
          message: expect.stringContaining('an integer'),
        },
      ],
    ],
    [
      'a required member missing (botocore)',
      ecs('DescribeServices'),
      { services: [{ serviceName: 's', deploymentConfiguration: { deploymentCircuitBreaker: { enable: true } } }] },
      [
        {
          path: 'services[0].deploymentConfiguration.deploymentCircuitBreaker.rollback',
          message: expect.stringContaining('required member'),
        },
      ],
    ],
    [
      'a member only the newer SDK schema has, checked by the SDK schema',
      ecs('DescribeServices'),
      { services: [{ deploymentConfiguration: { strategy: 'ROLLING', earlySuccessCriteria: { stray: true } } }] },
      [
        {
          path: 'services[0].deploymentConfiguration.earlySuccessCriteria.stray',
          message: expect.stringContaining('not a member'),
        },
        {
          path: 'services[0].deploymentConfiguration.earlySuccessCriteria.enable',
          message: expect.stringContaining('required member'),
        },
      ],
    ],
    [
      'a list where the model has a structure',
      ecs('DescribeServiceRevisions'),
      { serviceRevisions: {}, failures: [] },
      [{ path: 'serviceRevisions', message: expect.stringContaining('a list') }],
    ],
    [
      'an operation the model does not have',
      ecs('DescribeEverything'),
      {},
      [{ path: '', message: expect.stringContaining("no operation 'DescribeEverything'") }],
    ],
    [
      'a CodeDeploy status that is not a DeploymentStatus',
      { service: 'codedeploy', operation: 'GetDeployment', method: 'POST', path: '/' },
      { deploymentInfo: { deploymentId: 'd-1', status: 'Done', createTime: 1_767_000_000 } },
      [{ path: 'deploymentInfo.status', message: expect.stringContaining('DeploymentStatus') }],
    ],
    [
      'a valid CodeDeploy target',
      { service: 'codedeploy', operation: 'GetDeploymentTarget', method: 'POST', path: '/' },
      {
        deploymentTarget: {
          deploymentTargetType: 'ECSTarget',
          ecsTarget: {
            status: 'InProgress',
            lifecycleEvents: [{ lifecycleEventName: 'AllowTraffic', status: 'Succeeded' }],
          },
        },
      },
      [],
    ],
    [
      'a Lambda update status that is not a LastUpdateStatus (REST JSON)',
      lambda('GetFunction', 'GET', '/2015-03-31/functions/fn'),
      { Configuration: { FunctionName: 'fn', LastUpdateStatus: 'Done', LastModified: '2026-01-01T00:00:00.000+0000' } },
      [{ path: 'Configuration.LastUpdateStatus', message: expect.stringContaining('LastUpdateStatus') }],
    ],
    [
      "a Lambda route the proxy does not name, found by the model's request URI",
      lambda(
        'GET /2019-09-30/functions/fn/provisioned-concurrency',
        'GET',
        '/2019-09-30/functions/fn/provisioned-concurrency',
      ),
      {
        Status: 'READY',
        RequestedProvisionedConcurrentExecutions: 5,
        AllocatedProvisionedConcurrentExecutions: 'five',
      },
      [{ path: 'AllocatedProvisionedConcurrentExecutions', message: expect.stringContaining('an integer') }],
    ],
    [
      'a CloudWatch alarm state outside StateValue (CloudWatch checked as the JSON it also speaks)',
      { service: 'monitoring', operation: 'DescribeAlarms', method: 'POST', path: '/' },
      { MetricAlarms: [{ AlarmName: 'a', StateValue: 'FIRING', StateUpdatedTimestamp: 1_767_000_000 }] },
      [{ path: 'MetricAlarms[0].StateValue', message: expect.stringContaining('StateValue') }],
    ],
    [
      'a service whose protocol is not JSON',
      { service: 'sts', operation: 'GetCallerIdentity', method: 'POST', path: '/' },
      {},
      [{ path: '', message: expect.stringContaining("'query'") }],
    ],
  ])('%s', (_name, to, body, expected) => {
    expect(checkAnswer(to, body)).toEqual(expected);
  });
});

describe('checkMadeUpAnswer', () => {
  const req = { method: 'POST', url: '/', call: { service: 'ecs', operation: 'DescribeServices' } };
  const answer = (json: unknown, status = 200) => ({ status, headers: {}, body: Buffer.from(JSON.stringify(json)) });

  it("leaves moto's answer, passed through unchanged, alone", () => {
    const moto = answer({ services: [{ invented: 1 }] });
    expect(checkMadeUpAnswer(req, moto, moto)).toBeUndefined();
  });

  it('holds against an altered answer only what the overlay changed', () => {
    const moto = answer({ services: [{ motoOnly: 1 }, { motoOnly: 2 }] });
    const altered = answer({ services: [{ motoOnly: 2, serviceName: 's' }] });
    expect(checkMadeUpAnswer(req, altered, moto)).toBeUndefined();
    const withDeployment = answer({ services: [{ motoOnly: 2, deployments: [{ rolloutState: 'DONE' }] }] });
    expect(checkMadeUpAnswer(req, withDeployment, moto)?.violations).toEqual([
      expect.stringMatching(
        /^services\[0\]\.deployments\[0\]\.rolloutState: 'DONE' is not a value of DeploymentRolloutState/,
      ),
    ]);
  });

  it.each([
    ['a common AWS error', answer({ __type: 'ThrottlingException', message: 'Rate exceeded' }, 400), undefined],
    [
      "an error of the service's model",
      answer({ __type: 'ServiceDeploymentNotFoundException', message: 'gone' }, 400),
      undefined,
    ],
    [
      'an error named by its full shape id',
      answer({ __type: 'com.amazonaws.ecs#ClusterNotFoundException', message: 'gone' }, 400),
      undefined,
    ],
    ['an error with no name', { status: 500, headers: {}, body: Buffer.from('<html>') }, undefined],
    [
      'an invented error',
      { status: 400, headers: { 'x-amzn-errortype': 'DeploymentFailedException' }, body: Buffer.from('{}') },
      {
        service: 'ecs',
        operation: 'DescribeServices',
        violations: [expect.stringContaining("error 'DeploymentFailedException' is neither")],
      },
    ],
  ])('checks the name of an error answer: %s', (_name, error, expected) => {
    expect(checkMadeUpAnswer(req, error, undefined)).toEqual(expected);
  });

  it('names a made-up body that is not JSON', () => {
    const text = { status: 200, headers: {}, body: Buffer.from('<html>') };
    expect(checkMadeUpAnswer(req, text, undefined)).toEqual({
      service: 'ecs',
      operation: 'DescribeServices',
      violations: ['the body is not JSON'],
    });
  });
});
