import { describe, expect, it } from 'vitest';
import { historyAttributes, usernameOf } from './history-attributes.js';
import type { CloudTrailRecord } from './record.js';

const base: CloudTrailRecord = {
  eventVersion: '1.08', eventTime: '2023-07-10T11:42:36Z', awsRegion: 'us-east-1', eventID: 'e1',
  eventType: 'AwsApiCall', eventCategory: 'Management', eventName: 'PutBucketPolicy', eventSource: 's3.amazonaws.com',
  readOnly: false,
  userIdentity: { type: 'IAMUser', userName: 'benjamin', accessKeyId: 'ASIA1', arn: 'arn:aws:iam::1:user/benjamin' },
  requestParameters: { bucketName: 'logs', Host: 'logs.s3.amazonaws.com' },
  resources: [{ type: 'AWS::KMS::Key', ARN: 'arn:aws:kms:us-east-1:1:key/k' }, { ARN: 'arn:aws:s3:::logs' }],
};

describe('Event History attributes', () => {
  it('derives the eight lookup attributes', () => {
    expect(historyAttributes(base)).toEqual({
      eventId: 'e1', eventName: 'PutBucketPolicy', eventSource: 's3.amazonaws.com', readOnly: false,
      username: 'benjamin', accessKeyId: 'ASIA1',
      resources: [
        { type: 'AWS::KMS::Key', name: 'arn:aws:kms:us-east-1:1:key/k' },
        { name: 'arn:aws:s3:::logs' },
        { type: 'AWS::S3::Bucket', name: 'logs' },
      ],
    });
  });

  it('reads members of the wrong type as absent (malformed imports), so nothing unbindable reaches the index', () => {
    const junk = {
      ...base, eventName: 5, userIdentity: { type: 'AssumedRole', arn: 5, principalId: {} },
      resources: [null, { ARN: 'arn:aws:s3:::kept', type: true }, { ARN: 7 }],
    } as unknown as CloudTrailRecord;
    expect(historyAttributes(junk)).toEqual({
      eventId: 'e1', eventName: '', eventSource: 's3.amazonaws.com', readOnly: false,
      resources: [{ name: 'arn:aws:s3:::kept' }, { type: 'AWS::S3::Bucket', name: 'logs' }],
    });
    expect(usernameOf({ type: 'IAMUser', userName: { a: 1 } } as never)).toBeUndefined();
    expect(usernameOf('text' as never)).toBeUndefined();
  });

  it('names each identity type as Event History does', () => {
    expect(usernameOf({ type: 'Root', arn: 'arn:aws:iam::1:root' })).toBe('root');
    expect(usernameOf({ type: 'AssumedRole', arn: 'arn:aws:sts::1:assumed-role/Ops/alice-session' })).toBe('alice-session');
    expect(usernameOf({ type: 'AssumedRole', principalId: 'AROA1:sess' })).toBe('sess');
    expect(usernameOf({ type: 'AWSService', invokedBy: 'ec2.amazonaws.com' })).toBe('ec2.amazonaws.com');
    expect(usernameOf(undefined)).toBeUndefined();
  });

  it('leaves out what a record does not say', () => {
    const { readOnly: _r, userIdentity: _u, ...bare } = base;
    const attrs = historyAttributes(bare as CloudTrailRecord);
    expect(attrs.readOnly).toBeUndefined();
    expect(attrs.username).toBeUndefined();
    expect(attrs.accessKeyId).toBeUndefined();
  });
});
