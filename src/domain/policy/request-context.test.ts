import { describe, expect, it } from 'vitest';
import { buildRequestContext } from './request-context.js';

const now = new Date('2026-11-24T01:02:03.456Z');
const base = { sourceIp: '203.0.113.9', now, region: 'eu-west-1', secureTransport: true, userAgent: 'aws-cli/1.40' };

describe('buildRequestContext', () => {
  it('states the global keys of an IAM user', () => {
    const context = buildRequestContext({
      ...base, userId: 'AIDAEXAMPLE',
      principal: { arn: 'arn:aws:iam::111122223333:user/ops/alice', accountId: '111122223333', isRoot: false },
    });
    expect(Object.fromEntries(context)).toEqual({
      'aws:SourceIp': '203.0.113.9',
      'aws:CurrentTime': '2026-11-24T01:02:03Z',
      'aws:EpochTime': '1795482123',
      'aws:PrincipalType': 'User',
      'aws:PrincipalIsAWSService': 'false',
      'aws:RequestedRegion': 'eu-west-1',
      'aws:SecureTransport': 'true',
      'aws:userid': 'AIDAEXAMPLE',
      'aws:PrincipalArn': 'arn:aws:iam::111122223333:user/ops/alice',
      'aws:PrincipalAccount': '111122223333',
      'aws:username': 'alice',
      'aws:UserAgent': 'aws-cli/1.40',
    });
  });

  it('gives a role session its role as aws:PrincipalArn, and no aws:username', () => {
    const context = buildRequestContext({
      ...base, userId: 'AROAEXAMPLE:s1', secureTransport: false, tokenIssueTime: new Date('2026-11-24T00:00:00Z'),
      principal: {
        arn: 'arn:aws:sts::111122223333:assumed-role/auditor/s1', accountId: '111122223333', isRoot: false,
        roleArn: 'arn:aws:iam::111122223333:role/auditor',
      },
    });
    expect(context.get('aws:PrincipalType')).toBe('AssumedRole');
    expect(context.get('aws:PrincipalArn')).toBe('arn:aws:iam::111122223333:role/auditor');
    expect(context.get('aws:userid')).toBe('AROAEXAMPLE:s1');
    expect(context.get('aws:SecureTransport')).toBe('false');
    expect(context.get('aws:TokenIssueTime')).toBe('2026-11-24T00:00:00Z');
    expect(context.has('aws:username')).toBe(false);
  });

  it('calls the root user an Account, and a service an AWSService', () => {
    const root = buildRequestContext({ ...base, userId: '111122223333', principal: { arn: 'arn:aws:iam::111122223333:root', accountId: '111122223333', isRoot: true } });
    expect(root.get('aws:PrincipalType')).toBe('Account');
    expect(root.has('aws:username')).toBe(false);
    const service = buildRequestContext({
      ...base, userId: 'cloudtrail.amazonaws.com',
      principal: { arn: 'cloudtrail.amazonaws.com', accountId: '111122223333', isRoot: false, service: 'cloudtrail.amazonaws.com' },
    });
    expect(service.get('aws:PrincipalType')).toBe('AWSService');
    expect(service.get('aws:PrincipalIsAWSService')).toBe('true');
    expect(service.get('aws:PrincipalServiceName')).toBe('cloudtrail.amazonaws.com');
    expect(service.has('aws:PrincipalArn')).toBe(false);
  });

  it('adds the operation keys it is given', () => {
    const context = buildRequestContext({
      ...base, userId: 'AIDA', multiFactorAuthPresent: false,
      principal: { arn: 'arn:aws:iam::111122223333:user/alice', accountId: '111122223333', isRoot: false },
      extra: { 'aws:ResourceTag/team': 'blue', 'aws:TagKeys': ['team', 'env'] },
    });
    expect(context.get('aws:ResourceTag/team')).toBe('blue');
    expect(context.get('aws:TagKeys')).toEqual(['team', 'env']);
    expect(context.get('aws:MultiFactorAuthPresent')).toBe('false');
  });
});
