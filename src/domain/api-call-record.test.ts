import { describe, expect, it } from 'vitest';
import { apiCallRecord, type ApiCallFacts } from './api-call-record.js';

const facts: ApiCallFacts = {
  identity: { type: 'Root', principalId: '123456789012', arn: 'arn:aws:iam::123456789012:root', accountId: '123456789012', accessKeyId: 'AKIA0' },
  accountId: '123456789012',
  region: 'eu-west-1',
  eventSource: 'cloudtrail.amazonaws.com',
  eventName: 'CreateTrail',
  eventTime: new Date('2025-03-04T10:02:37.891Z'),
  sourceIPAddress: '203.0.113.17',
  userAgent: 'aws-cli/1.45.11',
  requestParameters: { name: 't' },
  responseElements: { name: 't' },
  requestId: 'req-1',
  readOnly: false,
};

describe('the record of an API call', () => {
  it('has every always-present member, in CloudTrail\'s order', () => {
    const record = apiCallRecord(facts);
    expect(Object.keys(record)).toEqual([
      'eventVersion', 'userIdentity', 'eventTime', 'eventSource', 'eventName', 'awsRegion', 'sourceIPAddress',
      'userAgent', 'requestParameters', 'responseElements', 'requestID', 'eventID', 'readOnly', 'eventType',
      'managementEvent', 'recipientAccountId', 'eventCategory',
    ]);
    expect(record).toMatchObject({
      eventVersion: '1.11', eventTime: '2025-03-04T10:02:37Z', awsRegion: 'eu-west-1', eventType: 'AwsApiCall',
      managementEvent: true, eventCategory: 'Management', recipientAccountId: '123456789012', readOnly: false,
    });
  });

  it('records an error with null responseElements', () => {
    const record = apiCallRecord({ ...facts, error: { code: 'TrailNotFoundException', message: 'Unknown trail' } });
    expect(record).toMatchObject({ errorCode: 'TrailNotFoundException', errorMessage: 'Unknown trail', responseElements: null });
  });

  it('marks data events, lists resources, and truncates long short fields at 1 KB', () => {
    const record = apiCallRecord({
      ...facts, managementEvent: false, userAgent: 'x'.repeat(5000),
      resources: [{ type: 'AWS::S3::Object', ARN: 'arn:aws:s3:::b/k' }],
    });
    expect(record).toMatchObject({ managementEvent: false, eventCategory: 'Data', resources: [{ type: 'AWS::S3::Object' }] });
    expect(record.userAgent).toHaveLength(1024);
  });

  it('gives every record a fresh eventID', () => {
    expect(apiCallRecord(facts).eventID).not.toBe(apiCallRecord(facts).eventID);
  });
});
