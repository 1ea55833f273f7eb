// The SNS message a trail's topic subscribers receive after a log file delivery (spec §6.1): CloudTrail's
// `{"s3Bucket", "s3ObjectKey": [...]}` as the `Message` string of SNS's usual HTTP/HTTPS notification envelope.
import crypto from 'node:crypto';

export interface CloudTrailNotification {
  s3Bucket: string;
  s3ObjectKey: string[];
}

export interface SnsEnvelope {
  Type: 'Notification';
  MessageId: string;
  TopicArn: string;
  Message: string;
  Timestamp: string;
  SignatureVersion: string;
  Signature: string;
  SigningCertURL: string;
  UnsubscribeURL: string;
}

/**
 * opentrail cannot sign with an AWS certificate, so it does not claim SNS's RSA versions ("1", "2"): the signature
 * is an HMAC-SHA256 of SNS's own string-to-sign under a secret the subscriber can be given (docs/notifications.md).
 */
export const SIGNATURE_VERSION = 'opentrail-hmac-sha256';

export interface EnvelopeSettings {
  topicArn: string;
  messageId: string;
  at: Date;
  signingKey: Uint8Array;
  signingCertUrl: string;
  unsubscribeUrl: string;
}

export function cloudTrailMessage(notification: CloudTrailNotification): string {
  return JSON.stringify({ s3Bucket: notification.s3Bucket, s3ObjectKey: notification.s3ObjectKey });
}

export function snsEnvelope(message: string, settings: EnvelopeSettings): SnsEnvelope {
  const fields = {
    Type: 'Notification' as const,
    MessageId: settings.messageId,
    TopicArn: settings.topicArn,
    Message: message,
    Timestamp: settings.at.toISOString(),
  };
  return {
    ...fields,
    SignatureVersion: SIGNATURE_VERSION,
    Signature: crypto.createHmac('sha256', settings.signingKey).update(stringToSign(fields)).digest('base64'),
    SigningCertURL: settings.signingCertUrl,
    UnsubscribeURL: settings.unsubscribeUrl,
  };
}

/** SNS's string-to-sign for a Notification without Subject: each name, then its value, one per line, sorted by name. */
export function stringToSign(fields: Pick<SnsEnvelope, 'Message' | 'MessageId' | 'Timestamp' | 'TopicArn' | 'Type'>): string {
  const { Message, MessageId, Timestamp, TopicArn, Type } = fields;
  return `Message\n${Message}\nMessageId\n${MessageId}\nTimestamp\n${Timestamp}\nTopicArn\n${TopicArn}\nType\n${Type}\n`;
}
