// ListPublicKeys through SDK v3 and the AWS CLI (spec §3.6, §4.5): the region's signing keys as PKCS#1 DER, their
// fingerprints equal to the digests' digestPublicKeyFingerprint; private keys stay in the data dir, mode 0600.
import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ListPublicKeysCommand } from '@aws-sdk/client-cloudtrail';
import { startTestServer, type TestServer } from '../support/server.js';
import { cloudTrailClient, rawCloudTrailCall } from '../support/sdk.js';
import { awsCli } from '../support/aws-cli.js';
import { cli, waitFor } from '../support/delivered-logs.js';
import { digestOf, listKeys, readObject } from '../support/digests.js';

let server: TestServer;
let fingerprint: string;

beforeAll(async () => {
  server = await startTestServer({ logFileInterval: 1, digestInterval: 1 });
  await cli(server, ['s3', 'mb', 's3://keys-logs']);
  await cli(server, ['cloudtrail', 'create-trail', '--name', 'keys', '--s3-bucket-name', 'keys-logs', '--enable-log-file-validation']);
  await cli(server, ['cloudtrail', 'start-logging', '--name', 'keys']);
  const key = await waitFor('a digest', async () => (await listKeys(server.objects, 'keys-logs', 'AWSLogs/123456789012/CloudTrail-Digest/'))[0]);
  fingerprint = digestOf(await readObject(server.objects, 'keys-logs', key)).digestPublicKeyFingerprint;
}, 60_000);

afterAll(async () => {
  await server?.close();
});

describe('ListPublicKeys', () => {
  it('returns the key that signed the digests: PKCS#1 DER whose MD5 is the digests\' fingerprint', async () => {
    const client = cloudTrailClient(server);
    const now = new Date();
    const { PublicKeyList, NextToken } = await client.send(new ListPublicKeysCommand({ StartTime: new Date(now.getTime() - 3_600_000), EndTime: now }));
    client.destroy();
    expect(NextToken).toBeUndefined();
    expect(PublicKeyList).toHaveLength(1);
    const [key] = PublicKeyList!;
    const der = Buffer.from(key!.Value!);
    expect(der.subarray(0, 4).toString('hex')).toBe('3082010a');
    expect(crypto.createHash('md5').update(der).digest('hex')).toBe(fingerprint);
    expect(key!.Fingerprint).toBe(fingerprint);
    const pkcs1 = crypto.createPublicKey({ key: der, format: 'der', type: 'pkcs1' });
    expect(pkcs1.asymmetricKeyDetails?.modulusLength).toBe(2048);
    expect(key!.ValidityStartTime!.getTime()).toBeLessThanOrEqual(now.getTime());
    expect(key!.ValidityEndTime!.getTime()).toBeGreaterThan(now.getTime());
  });

  it('answers the CLI with the base64 text once encoded, and the current key when no time is given', async () => {
    const result = await awsCli(server, ['cloudtrail', 'list-public-keys']);
    expect(result.code).toBe(0);
    const { PublicKeyList } = JSON.parse(result.stdout) as { PublicKeyList: Array<{ Value: string; Fingerprint: string }> };
    expect(PublicKeyList.map((k) => k.Fingerprint)).toEqual([fingerprint]);
    expect(PublicKeyList[0]!.Value).toMatch(/^MIIBCgKCAQEA/);
  });

  it('keeps keys per region: another region has none of this one\'s', async () => {
    const client = cloudTrailClient(server, { region: 'eu-central-1' });
    const { PublicKeyList } = await client.send(new ListPublicKeysCommand({}));
    client.destroy();
    expect(PublicKeyList).toEqual([]);
  });

  it('refuses a start after the end and a NextToken it never issued', async () => {
    const client = cloudTrailClient(server);
    await expect(client.send(new ListPublicKeysCommand({ StartTime: new Date(2_000_000_000_000), EndTime: new Date(1_000_000_000_000) })))
      .rejects.toMatchObject({ name: 'InvalidTimeRangeException' });
    await expect(client.send(new ListPublicKeysCommand({ NextToken: 'x' }))).rejects.toMatchObject({ name: 'InvalidTokenException' });
    client.destroy();
  });

  it('shows the last digest delivery in GetTrailStatus', async () => {
    const result = await awsCli(server, ['cloudtrail', 'get-trail-status', '--name', 'keys']);
    const status = JSON.parse(result.stdout) as { LatestDigestDeliveryTime?: string; LatestDigestDeliveryError?: string };
    expect(status.LatestDigestDeliveryTime).toBeDefined();
    expect(status.LatestDigestDeliveryError).toBeUndefined();
  });

  it('keeps the private keys in the data dir, readable by the owner only', () => {
    const dir = path.join(server.dataDir, 'signing-keys', 'us-east-1');
    const pems = fs.readdirSync(dir).filter((name) => name.endsWith('.pem'));
    expect(pems).toHaveLength(1);
    expect(fs.statSync(path.join(dir, pems[0]!)).mode & 0o777).toBe(0o600);
    expect(fs.statSync(dir).mode & 0o777).toBe(0o700);
  });
});

describe('GetDigestCheckpoint (opentrail\'s own operation)', () => {
  const target = 'OpenTrail_20261101.GetDigestCheckpoint';

  it('signs the trail\'s latest digest per region with that region\'s key', async () => {
    const arn = 'arn:aws:cloudtrail:us-east-1:123456789012:trail/keys';
    const { status, json } = await rawCloudTrailCall(server, { target, body: JSON.stringify({ TrailARN: arn }) });
    expect(status).toBe(200);
    const [checkpoint] = json.Checkpoints as Array<Record<string, unknown>>;
    expect(checkpoint).toMatchObject({ TrailARN: arn, Region: 'us-east-1', DigestS3Bucket: 'keys-logs', Final: false, ChainEnds: [] });
    expect(String(checkpoint!.DigestS3Object)).toMatch(/^AWSLogs\/123456789012\/CloudTrail-Digest\/us-east-1\//);
    expect(checkpoint!.Signature).toMatch(/^[0-9a-f]{512}$/);
  });

  it('answers only for the caller\'s own trails, in the JSON protocol\'s error form', async () => {
    const other = await rawCloudTrailCall(server, { target, body: JSON.stringify({ TrailARN: 'arn:aws:cloudtrail:us-east-1:210987654321:trail/keys' }) });
    expect([other.status, other.json.__type]).toEqual([400, 'TrailNotFoundException']);
    const bad = await rawCloudTrailCall(server, { target, body: JSON.stringify({ TrailARN: 'keys' }) });
    expect([bad.status, bad.json.__type]).toEqual([400, 'CloudTrailARNInvalidException']);
    const unknown = await rawCloudTrailCall(server, { target: 'OpenTrail_20261101.Nothing', body: '{}' });
    expect([unknown.status, unknown.json.__type]).toEqual([400, 'UnknownOperationException']);
  });
});
