// The installed AWS CLI's `aws cloudtrail validate-logs`, pointed at opentrail with AWS_ENDPOINT_URL (spec §3.7,
// §3.8), against a multi-region trail with an S3KeyPrefix, a stop/start gap and signing keys rotating underneath:
// the untouched chain validates; each kind of tampering is reported INVALID with exit status 1.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestServer, type TestServer } from '../support/server.js';
import { awsCli } from '../support/aws-cli.js';
import { cli, waitFor } from '../support/delivered-logs.js';
import {
  digestOf, foreignSigned, listKeys, modifiedDigest, modifiedLogFile, readObject, withTampered,
} from '../support/digests.js';

const BUCKET = 'integrity-logs';
const PREFIX = 'org/audit';
const TRAIL_ARN = 'arn:aws:cloudtrail:us-east-1:123456789012:trail/audit';
const REGIONS = ['us-east-1', 'us-west-2'];

let server: TestServer;
let startTime: string;

async function callsFor(ms: number): Promise<void> {
  const until = Date.now() + ms;
  while (Date.now() < until) {
    for (const region of REGIONS) await cli(server, ['cloudtrail', 'describe-trails'], region);
  }
}

async function finalDigestsWritten(): Promise<void> {
  await waitFor('the final digests', async () => {
    const open = (await server.store.digestChains.chains()).some((c) => c.trailArn === TRAIL_ARN);
    const checkpoints = await server.store.digestChains.checkpoints(TRAIL_ARN);
    return !open && checkpoints.length === REGIONS.length && checkpoints.every((c) => c.final) ? true : undefined;
  });
}

function validate(region: string, extra: readonly string[] = []) {
  return awsCli(server, [
    'cloudtrail', 'validate-logs', '--trail-arn', TRAIL_ARN, '--start-time', startTime, '--verbose', '--region', region, ...extra,
  ]);
}

async function digestKeys(region: string): Promise<string[]> {
  return listKeys(server.objects, BUCKET, `${PREFIX}/AWSLogs/123456789012/CloudTrail-Digest/${region}/`);
}

/** The newest digest of the region that lists log files, and one of them. */
async function digestWithFiles(region: string): Promise<{ key: string; logKey: string }> {
  for (const key of (await digestKeys(region)).reverse()) {
    const digest = digestOf(await readObject(server.objects, BUCKET, key));
    const logKey = digest.logFiles[0]?.s3Object;
    if (logKey && digest.previousDigestS3Object) return { key, logKey };
  }
  throw new Error(`no digest with log files in ${region}`);
}

beforeAll(async () => {
  server = await startTestServer({ logFileInterval: 1, digestInterval: 2, keyRotationInterval: 4 });
  startTime = new Date(Date.now() - 60_000).toISOString().slice(0, 19) + 'Z';
  await cli(server, ['s3', 'mb', `s3://${BUCKET}`]);
  await cli(server, ['cloudtrail', 'create-trail', '--name', 'audit', '--s3-bucket-name', BUCKET, '--s3-key-prefix', PREFIX,
    '--is-multi-region-trail', '--enable-log-file-validation']);
  await cli(server, ['cloudtrail', 'start-logging', '--name', 'audit']);
  await callsFor(7_000);
  await cli(server, ['cloudtrail', 'stop-logging', '--name', 'audit']);
  await finalDigestsWritten();
  await cli(server, ['cloudtrail', 'start-logging', '--name', 'audit']);
  await callsFor(7_000);
  await cli(server, ['cloudtrail', 'stop-logging', '--name', 'audit']);
  await finalDigestsWritten();
}, 120_000);

afterAll(async () => {
  await server?.close();
});

describe('aws cloudtrail validate-logs against opentrail', () => {
  it.each(REGIONS)('finds every digest and log file of %s valid, across the stop/start gap and key rotation', async (region) => {
    const result = await validate(region);
    expect(result.stderr).toContain('No log files were delivered by CloudTrail between');
    expect(result.stderr).not.toContain('INVALID');
    expect(result.code).toBe(0);
    const digests = Number(/(\d+)\/\1 digest files valid/.exec(result.stdout)?.[1]);
    const logs = Number(/(\d+)\/\1 log files valid/.exec(result.stdout)?.[1]);
    expect(digests).toBeGreaterThanOrEqual(6);
    expect(logs).toBeGreaterThanOrEqual(2);
    expect(result.stdout).not.toContain('INVALID');
    const fingerprints = new Set<string>();
    const digested: string[] = [];
    for (const key of await digestKeys(region)) {
      const digest = digestOf(await readObject(server.objects, BUCKET, key));
      fingerprints.add(digest.digestPublicKeyFingerprint);
      digested.push(...digest.logFiles.map((f) => f.s3Object));
    }
    expect(fingerprints.size).toBeGreaterThan(1);
    // Every log file delivered, the last ones of each logging stretch included, is in exactly one digest.
    const delivered = await listKeys(server.objects, BUCKET, `${PREFIX}/AWSLogs/123456789012/CloudTrail/${region}/`);
    expect(digested.sort()).toEqual(delivered.sort());
  }, 60_000);

  it('works with --endpoint-url for CloudTrail and AWS_ENDPOINT_URL_S3 for S3, as the README says', async () => {
    const result = await awsCli(server, [
      'cloudtrail', 'validate-logs', '--trail-arn', TRAIL_ARN, '--start-time', startTime, '--region', 'us-east-1', '--endpoint-url', server.url,
    ], { AWS_ENDPOINT_URL: 'http://127.0.0.1:9', AWS_ENDPOINT_URL_S3: server.url });
    expect(result.stderr).not.toContain('INVALID');
    expect(result.code).toBe(0);
  }, 60_000);

  it('reports a modified log file', async () => {
    const { logKey } = await digestWithFiles('us-east-1');
    await withTampered(server.objects, BUCKET, logKey, modifiedLogFile, async () => {
      const result = await validate('us-east-1');
      expect(result.stderr).toContain(`Log file\ts3://${BUCKET}/${logKey}\tINVALID: hash value doesn't match`);
      expect(result.stdout).toMatch(/1\/\d+ log files INVALID/);
      expect(result.code).toBe(1);
    });
  }, 60_000);

  it('reports a deleted log file', async () => {
    const { logKey } = await digestWithFiles('us-west-2');
    await withTampered(server.objects, BUCKET, logKey, () => undefined, async () => {
      const result = await validate('us-west-2');
      expect(result.stderr).toContain(`Log file\ts3://${BUCKET}/${logKey}\tINVALID: not found`);
      expect(result.code).toBe(1);
    });
  }, 60_000);

  it('reports a modified digest', async () => {
    const { key } = await digestWithFiles('us-east-1');
    await withTampered(server.objects, BUCKET, key, modifiedDigest, async () => {
      const result = await validate('us-east-1');
      expect(result.stderr).toContain(`Digest file\ts3://${BUCKET}/${key}\tINVALID: signature verification failed`);
      expect(result.code).toBe(1);
    });
  }, 60_000);

  it('reports a deleted digest in the middle of the chain', async () => {
    const keys = await digestKeys('us-east-1');
    const pointers = await Promise.all(keys.map(async (key) => digestOf(await readObject(server.objects, BUCKET, key)).previousDigestS3Object));
    // One that a later digest points to, and that itself points to an earlier one: the middle of a chain.
    const middle = keys.find((key, i) => pointers[i] !== null && pointers.includes(key));
    if (!middle) throw new Error('no digest in the middle of a chain');
    await withTampered(server.objects, BUCKET, middle, () => undefined, async () => {
      const result = await validate('us-east-1');
      expect(result.stderr).toContain(`Digest file\ts3://${BUCKET}/${middle}\tINVALID: not found`);
      expect(result.code).toBe(1);
    });
  }, 60_000);

  it('reports a digest signed with a foreign key', async () => {
    const { key } = await digestWithFiles('us-west-2');
    await withTampered(server.objects, BUCKET, key, foreignSigned, async () => {
      const result = await validate('us-west-2');
      expect(result.stderr).toContain(`Digest file\ts3://${BUCKET}/${key}\tINVALID: signature verification failed`);
      expect(result.code).toBe(1);
    });
  }, 60_000);

  it('validates again once every file is back as it was', async () => {
    expect((await validate('us-east-1')).code).toBe(0);
  }, 60_000);
});
