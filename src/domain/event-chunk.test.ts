import { describe, expect, it } from 'vitest';
import { event, iamUser, importedEvent } from '../store/conformance/fixtures.js';
import { decodeChunk, encodeChunk, transferablesOf } from './event-chunk.js';

describe('event chunks between the parser thread and the inserting thread', () => {
  it('give back exactly the events they were made of', () => {
    const events = [
      importedEvent({ eventName: 'PutObject', requestParameters: { bucketName: 'logs', key: 'a/b' } }),
      event({ userIdentity: iamUser('zoë', 'AKIAZOE0000000000000'), readOnly: false, eventName: 'CreateUser' }),
      importedEvent({ readOnly: true, resources: [{ ARN: 'arn:aws:s3:::logs', type: 'AWS::S3::Bucket' }, { ARN: 'arn:x' }] }),
      event({ eventCategory: 'Data', managementEvent: false, userIdentity: { type: 'AWSService', invokedBy: 's3.amazonaws.com' } }),
      importedEvent({ eventName: 'PutObject', requestParameters: { bucketName: 'logs', key: 'ключ ☃' } }),
    ];
    const chunk = encodeChunk(events)!;
    expect(decodeChunk(structuredClone(chunk, { transfer: transferablesOf(chunk) }))).toEqual(events);
    // repeated values travel once
    expect(chunk.strings.filter((s) => s === 'PutObject')).toHaveLength(1);
  });

  it('carry the channel of PutAuditEvents events and its stores, and neither where there is none', () => {
    const channelArn = 'arn:aws:cloudtrail:us-east-1:123456789012:channel/4b0e1f9c-0000-4000-8000-000000000001';
    const channelStores = ['s1', 's2'].map((id) => `arn:aws:cloudtrail:us-east-1:123456789012:eventdatastore/${id}`);
    const events = [
      { ...event({ eventName: 'PlaceOrder' }), channelArn, channelStores },
      { ...event({ eventName: 'CancelOrder' }), channelArn, channelStores: [] },
      event({ eventName: 'ListTrails' }),
    ];
    const chunk = encodeChunk(events)!;
    const decoded = decodeChunk(structuredClone(chunk, { transfer: transferablesOf(chunk) }));
    expect(decoded).toEqual(events);
    expect('channelArn' in decoded[2]! || 'channelStores' in decoded[2]!).toBe(false);
  });

  it('round-trips an empty chunk', () => {
    expect(decodeChunk(encodeChunk([])!)).toEqual([]);
  });
});
