import { describe, expect, it } from 'vitest';
import { apiCallRecord } from '../../domain/api-call-record.js';
import { historyAttributes } from '../../domain/history-attributes.js';
import { indexEvent } from '../../domain/indexed-event.js';
import { amzId2 } from '../../edge/surfaces/s3/s3-reply.js';
import { cloudTrailPutObjectFacts } from './cloudtrail-put-object.js';

const write = { bucket: 'trail-bucket', key: 'AWSLogs/123456789012/CloudTrail/eu-west-1/2025/06/01/f.json.gz', bytes: 321 };
const bucket = { region: 'eu-west-1', ownerAccountId: '123456789012' };
const time = new Date(Date.UTC(2025, 5, 1, 8, 30, 15));

describe('cloudTrailPutObjectFacts', () => {
  it('is an S3 PutObject data event by CloudTrail itself in the bucket owner account and region', () => {
    const record = apiCallRecord(cloudTrailPutObjectFacts(write, bucket, time));
    expect(record).toEqual({
      eventVersion: expect.any(String),
      userIdentity: { type: 'AWSService', invokedBy: 'cloudtrail.amazonaws.com' },
      eventTime: '2025-06-01T08:30:15Z',
      eventSource: 's3.amazonaws.com',
      eventName: 'PutObject',
      awsRegion: 'eu-west-1',
      sourceIPAddress: 'cloudtrail.amazonaws.com',
      userAgent: 'cloudtrail.amazonaws.com',
      requestParameters: { bucketName: 'trail-bucket', Host: 'trail-bucket.s3.eu-west-1.amazonaws.com', key: write.key },
      responseElements: null,
      additionalEventData: {
        SignatureVersion: 'SigV4',
        bytesTransferredIn: 321,
        AuthenticationMethod: 'AuthHeader',
        'x-amz-id-2': amzId2(record.requestID as string),
        bytesTransferredOut: 0,
      },
      requestID: expect.stringMatching(/^[0-9A-F]{16}$/),
      eventID: expect.stringMatching(/^[0-9a-f]{8}-[0-9a-f]{4}-5[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/),
      readOnly: false,
      resources: [
        { type: 'AWS::S3::Object', ARN: `arn:aws:s3:::trail-bucket/${write.key}` },
        { type: 'AWS::S3::Bucket', ARN: 'arn:aws:s3:::trail-bucket', accountId: '123456789012' },
      ],
      eventType: 'AwsApiCall',
      managementEvent: false,
      recipientAccountId: '123456789012',
      eventCategory: 'Data',
    });
  });

  it('keeps its ids when the same object is recorded again, and no two objects share them', () => {
    const first = cloudTrailPutObjectFacts(write, bucket, time);
    const again = cloudTrailPutObjectFacts(write, bucket, new Date(time.getTime() + 60_000));
    const other = cloudTrailPutObjectFacts({ ...write, key: `${write.key}.2` }, bucket, time);
    expect(again.eventId).toBe(first.eventId);
    expect(again.requestId).toBe(first.requestId);
    expect(other.eventId).not.toBe(first.eventId);
    expect(cloudTrailPutObjectFacts({ ...write, bucket: 'b2' }, bucket, time).eventId).not.toBe(first.eventId);
  });

  it('stays out of Event History and names the service as Username', () => {
    const record = apiCallRecord(cloudTrailPutObjectFacts(write, bucket, time));
    const indexed = indexEvent(record, { origin: 'recorded' });
    expect(indexed.inHistory).toBe(false);
    expect(indexed.accountId).toBe('123456789012');
    expect(historyAttributes(record).username).toBe('cloudtrail.amazonaws.com');
    expect(historyAttributes(record).accessKeyId).toBeUndefined();
  });
});
