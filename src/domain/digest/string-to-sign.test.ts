import crypto from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { digestStringToSign } from './string-to-sign.js';

const facts = {
  digestEndTime: '2015-08-17T15:01:31Z',
  digestS3Bucket: 'S3-bucket-name',
  digestS3Object: 'AWSLogs/111122223333/CloudTrail-Digest/us-east-2/2015/08/17/111122223333_CloudTrail-Digest_us-east-2_your-trail-name_us-east-2_20150817T150131Z.json.gz',
  sha256: '97fb791cf91ffc440d274f8190dbdd9aa09c34432aba82739df18b6d3c13df2d',
};

describe('digestStringToSign', () => {
  it('is four LF-separated lines without a trailing newline (spec §3.5)', () => {
    expect(digestStringToSign({ ...facts, previousDigestSignature: '50887ccffad4c002' })).toBe(
      '2015-08-17T15:01:31Z\n'
      + 'S3-bucket-name/AWSLogs/111122223333/CloudTrail-Digest/us-east-2/2015/08/17/111122223333_CloudTrail-Digest_us-east-2_your-trail-name_us-east-2_20150817T150131Z.json.gz\n'
      + '97fb791cf91ffc440d274f8190dbdd9aa09c34432aba82739df18b6d3c13df2d\n'
      + '50887ccffad4c002',
    );
  });

  it('writes a starting digest\'s missing previous signature as the four characters null', () => {
    expect(digestStringToSign({ ...facts, previousDigestSignature: null }).split('\n')).toEqual([
      facts.digestEndTime, `${facts.digestS3Bucket}/${facts.digestS3Object}`, facts.sha256, 'null',
    ]);
  });

  it('signs with PKCS#1 v1.5 SHA-256 so that a PKCS#1 public key verifies it, deterministically', () => {
    const { publicKey, privateKey } = crypto.generateKeyPairSync('rsa', { modulusLength: 2048 });
    const data = Buffer.from(digestStringToSign({ ...facts, previousDigestSignature: null }), 'utf8');
    const one = crypto.sign('sha256', data, { key: privateKey, padding: crypto.constants.RSA_PKCS1_PADDING });
    const two = crypto.sign('sha256', data, { key: privateKey, padding: crypto.constants.RSA_PKCS1_PADDING });
    expect(one.equals(two)).toBe(true);
    expect(one).toHaveLength(256);
    const pkcs1 = crypto.createPublicKey({ key: publicKey.export({ type: 'pkcs1', format: 'der' }), format: 'der', type: 'pkcs1' });
    expect(crypto.verify('sha256', data, pkcs1, one)).toBe(true);
  });
});
