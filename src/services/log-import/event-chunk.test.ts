import { describe, expect, it } from 'vitest';
import { event, iamUser, importedEvent } from '../../store/conformance/fixtures.js';
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

  it('round-trips an empty chunk', () => {
    expect(decodeChunk(encodeChunk([])!)).toEqual([]);
  });
});
