import crypto from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { cloudTrailMessage, SIGNATURE_VERSION, snsEnvelope, stringToSign } from './sns-envelope.js';

const settings = {
  topicArn: 'arn:aws:sns:us-east-1:123456789012:audit',
  messageId: '11111111-2222-3333-4444-555555555555',
  at: new Date(Date.UTC(2025, 5, 1, 8, 30, 1, 412)),
  signingKey: Buffer.from('secret'),
  signingCertUrl: '',
  unsubscribeUrl: '',
};

describe('SNS notification', () => {
  it("carries CloudTrail's message: the bucket and an array of keys", () => {
    const message = cloudTrailMessage({ s3Bucket: 'b', s3ObjectKey: ['AWSLogs/1/k.json.gz'] });
    expect(JSON.parse(message)).toEqual({ s3Bucket: 'b', s3ObjectKey: ['AWSLogs/1/k.json.gz'] });
  });

  it('wraps it in the SNS envelope, members in SNS order', () => {
    const envelope = snsEnvelope('{"s3Bucket":"b","s3ObjectKey":[]}', settings);
    expect(Object.keys(envelope)).toEqual([
      'Type', 'MessageId', 'TopicArn', 'Message', 'Timestamp', 'SignatureVersion', 'Signature', 'SigningCertURL', 'UnsubscribeURL',
    ]);
    expect(envelope).toMatchObject({
      Type: 'Notification', TopicArn: settings.topicArn, MessageId: settings.messageId, Timestamp: '2025-06-01T08:30:01.412Z',
      SignatureVersion: SIGNATURE_VERSION,
    });
  });

  it("signs SNS's string-to-sign with HMAC-SHA256", () => {
    const envelope = snsEnvelope('m', settings);
    const expected = crypto
      .createHmac('sha256', 'secret')
      .update(`Message\nm\nMessageId\n${settings.messageId}\nTimestamp\n2025-06-01T08:30:01.412Z\nTopicArn\n${settings.topicArn}\nType\nNotification\n`)
      .digest('base64');
    expect(envelope.Signature).toBe(expected);
    expect(stringToSign(envelope)).toContain('Type\nNotification\n');
  });
});
