// Hand-made CloudTrail records for tests: every required member, overridable.
import crypto from 'node:crypto';
import type { CloudTrailRecord } from '../../src/domain/record.js';

export function makeRecord(overrides: Partial<CloudTrailRecord> = {}): CloudTrailRecord {
  return {
    eventVersion: '1.08',
    userIdentity: {
      type: 'IAMUser',
      principalId: 'AIDAEXAMPLEUSER00001',
      arn: 'arn:aws:iam::123456789012:user/alice',
      accountId: '123456789012',
      accessKeyId: 'AKIAEXAMPLEKEY000001',
      userName: 'alice',
    },
    eventTime: '2025-01-01T00:00:00Z',
    eventSource: 'ec2.amazonaws.com',
    eventName: 'DescribeInstances',
    awsRegion: 'us-east-1',
    sourceIPAddress: '198.51.100.7',
    userAgent: 'test-agent/1.0',
    requestParameters: null,
    responseElements: null,
    requestID: crypto.randomUUID(),
    eventID: crypto.randomUUID(),
    readOnly: true,
    eventType: 'AwsApiCall',
    managementEvent: true,
    recipientAccountId: '123456789012',
    eventCategory: 'Management',
    ...overrides,
  };
}
