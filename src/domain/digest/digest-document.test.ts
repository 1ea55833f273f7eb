import { describe, expect, it } from 'vitest';
import { digestJson } from './digest-document.js';
import { digestFolder, digestKey } from './digest-key.js';

const location = { accountId: '111122223333', region: 'us-east-2', trailName: 'your-trail-name', homeRegion: 'us-east-2' };
const endMs = Date.UTC(2015, 7, 17, 15, 1, 31);
const startMs = Date.UTC(2015, 7, 17, 14, 1, 31);
const key = digestKey({ ...location, endMs });
const previousKey = digestKey({ ...location, endMs: startMs });
const logKey = 'AWSLogs/111122223333/CloudTrail/us-east-2/2015/08/17/111122223333_CloudTrail_us-east-2_20150817T1445Z_9nYN7gp2eWAJHIfT.json.gz';

describe('digestKey', () => {
  it('is the documented layout, with the end time to the second (spec §3.2)', () => {
    expect(key).toBe('AWSLogs/111122223333/CloudTrail-Digest/us-east-2/2015/08/17/111122223333_CloudTrail-Digest_us-east-2_your-trail-name_us-east-2_20150817T150131Z.json.gz');
  });

  it('puts the prefix first, the source region twice and the home region last', () => {
    expect(digestKey({ ...location, region: 'eu-west-1', prefix: 'audit/x', endMs: Date.UTC(2025, 0, 2, 3, 4, 5) })).toBe(
      'audit/x/AWSLogs/111122223333/CloudTrail-Digest/eu-west-1/2025/01/02/111122223333_CloudTrail-Digest_eu-west-1_your-trail-name_us-east-2_20250102T030405Z.json.gz');
    expect(digestFolder('audit/x', '111122223333', 'eu-west-1')).toBe('audit/x/AWSLogs/111122223333/CloudTrail-Digest/eu-west-1');
  });
});

describe('digestJson', () => {
  it('has every field of the documented sample, in its order (spec §3.3)', () => {
    const json = digestJson({
      accountId: '111122223333', startMs, endMs, bucket: 'S3-bucket-name', key,
      fingerprint: '31e8b5433410dfb61a9dc45cc65b22ff',
      previous: { bucket: 'S3-bucket-name', key: previousKey, sha256: '97fb791cf91ffc440d274f8190dbdd9aa09c34432aba82739df18b6d3c13df2d', signature: '50887ccffad4c002' },
      logFiles: [{
        bucket: 'S3-bucket-name', key: logKey, sha256: '9bb6196fc6b84d6f075a56548feca262bd99ba3c2de41b618e5b6e22c1fc71f6',
        oldestEventMs: Date.UTC(2015, 7, 17, 14, 42, 27), newestEventMs: Date.UTC(2015, 7, 17, 14, 52, 27),
      }],
    });
    expect(JSON.stringify(json)).toBe(JSON.stringify({
      awsAccountId: '111122223333',
      digestStartTime: '2015-08-17T14:01:31Z',
      digestEndTime: '2015-08-17T15:01:31Z',
      digestS3Bucket: 'S3-bucket-name',
      digestS3Object: key,
      digestPublicKeyFingerprint: '31e8b5433410dfb61a9dc45cc65b22ff',
      digestSignatureAlgorithm: 'SHA256withRSA',
      newestEventTime: '2015-08-17T14:52:27Z',
      oldestEventTime: '2015-08-17T14:42:27Z',
      previousDigestS3Bucket: 'S3-bucket-name',
      previousDigestS3Object: previousKey,
      previousDigestHashValue: '97fb791cf91ffc440d274f8190dbdd9aa09c34432aba82739df18b6d3c13df2d',
      previousDigestHashAlgorithm: 'SHA-256',
      previousDigestSignature: '50887ccffad4c002',
      logFiles: [{
        s3Bucket: 'S3-bucket-name',
        s3Object: logKey,
        hashValue: '9bb6196fc6b84d6f075a56548feca262bd99ba3c2de41b618e5b6e22c1fc71f6',
        hashAlgorithm: 'SHA-256',
        newestEventTime: '2015-08-17T14:52:27Z',
        oldestEventTime: '2015-08-17T14:42:27Z',
      }],
    }));
  });

  it('keeps a starting, empty digest\'s nullable fields present as null and logFiles as []', () => {
    const json = digestJson({ accountId: '111122223333', startMs, endMs, bucket: 'b', key, fingerprint: 'f', logFiles: [] });
    expect(json).toMatchObject({
      newestEventTime: null, oldestEventTime: null, previousDigestS3Bucket: null, previousDigestS3Object: null,
      previousDigestHashValue: null, previousDigestHashAlgorithm: null, previousDigestSignature: null, logFiles: [],
    });
    expect(Object.keys(json)).toContain('previousDigestSignature');
  });

  it('spans the oldest and newest event over all files', () => {
    const file = (oldest: number, newest: number) => ({ bucket: 'b', key: 'k', sha256: 'h', oldestEventMs: oldest, newestEventMs: newest });
    const json = digestJson({ accountId: 'a', startMs, endMs, bucket: 'b', key, fingerprint: 'f', logFiles: [file(5000, 9000), file(1000, 7000)] });
    expect([json.oldestEventTime, json.newestEventTime]).toEqual(['1970-01-01T00:00:01Z', '1970-01-01T00:00:09Z']);
  });
});
