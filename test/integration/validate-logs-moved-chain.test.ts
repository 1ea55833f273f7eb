// `opentrail validate-logs` after UpdateTrail moved a trail's files: a chain that continues across a change of
// prefix and then of bucket is followed back through its previous-digest links into the old prefix and bucket, as
// `aws cloudtrail validate-logs` follows them, online, --direct and offline; and a chain that ended under an earlier
// prefix (stopped, moved, started again) is reached through the signed checkpoint, which AWS's validator cannot do.
import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestServer, tempDir, type TestServer } from '../support/server.js';
import { awsCli } from '../support/aws-cli.js';
import { opentrailCli } from '../support/opentrail-cli.js';
import { cli, waitFor } from '../support/delivered-logs.js';
import { downloadCopy, exportKeysAndCheckpoint } from '../support/offline-validation.js';
import { digestOf, listKeys, modifiedLogFile, readObject, withTampered } from '../support/digests.js';

const FIRST = 'first-logs';
const SECOND = 'second-logs';
const ACCOUNT = '123456789012';
const MOVED = `arn:aws:cloudtrail:us-east-1:${ACCOUNT}:trail/moved`;
const RESTARTED = `arn:aws:cloudtrail:us-east-1:${ACCOUNT}:trail/restarted`;
const digestFolder = (prefix: string) => `${prefix}/AWSLogs/${ACCOUNT}/CloudTrail-Digest/us-east-1/`;

let server: TestServer;
let work: string;
let startTime: string;
let endTime: string;

function ours(trailArn: string, extra: readonly string[] = []) {
  return opentrailCli(['validate-logs', '--trail-arn', trailArn, '--start-time', startTime, '--end-time', endTime, '--verbose', ...extra], {
    AWS_SHARED_CREDENTIALS_FILE: server.credentialsFile,
    AWS_ENDPOINT_URL: server.url,
  });
}

function direct(trailArn: string) {
  return opentrailCli(['validate-logs', '--trail-arn', trailArn, '--start-time', startTime, '--end-time', endTime, '--verbose',
    '--direct', '--data-dir', server.dataDir]);
}

function theirs(trailArn: string) {
  return awsCli(server, ['cloudtrail', 'validate-logs', '--trail-arn', trailArn, '--start-time', startTime, '--end-time', endTime,
    '--verbose', '--region', 'us-east-1']);
}

function offline(copy: string, bucket: string, prefix: string, extra: readonly string[]) {
  return opentrailCli(['validate-logs', '--trail-arn', MOVED, '--start-time', startTime, '--end-time', endTime, '--verbose',
    '--offline', copy, '--public-keys', path.join(work, 'keys.json'), '--s3-bucket', bucket, '--s3-prefix', prefix, ...extra]);
}

/** The newest digest under the folder that lists a log file, and that file. */
async function logFileUnder(bucket: string, prefix: string): Promise<{ digest: string; bucket: string; logKey: string }> {
  for (const key of (await listKeys(server.objects, bucket, digestFolder(prefix))).reverse()) {
    const file = digestOf(await readObject(server.objects, bucket, key)).logFiles[0];
    if (file) return { digest: key, bucket: file.s3Bucket, logKey: file.s3Object };
  }
  throw new Error(`no digest with log files under s3://${bucket}/${prefix}`);
}

async function busy(seconds: number): Promise<void> {
  const until = Date.now() + seconds * 1000;
  while (Date.now() < until) await cli(server, ['cloudtrail', 'get-trail-status', '--name', 'moved']);
}

const chainEnds = (arn: string, count: number) => async () => ((await server.store.digestChains.chainEnds(arn)).length === count ? true : undefined);

beforeAll(async () => {
  work = tempDir('opentrail-moved-');
  server = await startTestServer({ logFileInterval: 1, digestInterval: 2 });
  startTime = new Date(Date.now() - 60_000).toISOString().slice(0, 19) + 'Z';
  const trail = (args: string[]) => cli(server, ['cloudtrail', ...args]);
  for (const bucket of [FIRST, SECOND]) await cli(server, ['s3', 'mb', `s3://${bucket}`]);
  // moved: one chain, under first-logs/p1, then first-logs/p2, then second-logs/p2.
  // restarted: a chain under first-logs/q1, stopped; a second one under first-logs/q2.
  await trail(['create-trail', '--name', 'moved', '--s3-bucket-name', FIRST, '--s3-key-prefix', 'p1', '--enable-log-file-validation']);
  await trail(['create-trail', '--name', 'restarted', '--s3-bucket-name', FIRST, '--s3-key-prefix', 'q1', '--enable-log-file-validation']);
  for (const name of ['moved', 'restarted']) await trail(['start-logging', '--name', name]);
  await busy(5);
  await trail(['stop-logging', '--name', 'restarted']);
  await waitFor('the first chain\'s final digest', chainEnds(RESTARTED, 1));
  await trail(['update-trail', '--name', 'moved', '--s3-key-prefix', 'p2']);
  await trail(['update-trail', '--name', 'restarted', '--s3-key-prefix', 'q2']);
  await trail(['start-logging', '--name', 'restarted']);
  await busy(5);
  await trail(['update-trail', '--name', 'moved', '--s3-bucket-name', SECOND]);
  await busy(5);
  for (const name of ['moved', 'restarted']) await trail(['stop-logging', '--name', name]);
  await waitFor('the final digests', async () => ((await chainEnds(MOVED, 1)()) && (await chainEnds(RESTARTED, 2)())));
  endTime = new Date(Date.now() + 60_000).toISOString().slice(0, 19) + 'Z';
  await exportKeysAndCheckpoint(server, MOVED, work);
}, 120_000);

afterAll(async () => {
  await server?.close();
});

describe('a chain continued across a change of prefix and of bucket', () => {
  it('links its first digests under the new prefix and bucket to the last ones under the old', async () => {
    const [p1, p2, second] = await Promise.all([
      listKeys(server.objects, FIRST, digestFolder('p1')), listKeys(server.objects, FIRST, digestFolder('p2')), listKeys(server.objects, SECOND, digestFolder('p2')),
    ]);
    for (const folder of [p1, p2, second]) expect(folder.length).toBeGreaterThan(1);
    const firstUnder = async (bucket: string, key: string) => digestOf(await readObject(server.objects, bucket, key));
    expect((await firstUnder(FIRST, p2[0]!)).previousDigestS3Object).toBe(p1.at(-1));
    const crossing = await firstUnder(SECOND, second[0]!);
    expect([crossing.previousDigestS3Bucket, crossing.previousDigestS3Object]).toEqual([FIRST, p2.at(-1)]);
  });

  it('validates every digest and log file of the chain, in every mode, as AWS\'s validator does', async () => {
    const [online, local, aws] = await Promise.all([ours(MOVED), direct(MOVED), theirs(MOVED)]);
    expect(aws.code).toBe(0);
    expect(aws.stdout).toContain(`Digest file\ts3://${FIRST}/${digestFolder('p1')}`);
    for (const mine of [online, local]) {
      expect(mine.stderr).toBe(aws.stderr);
      expect(mine.stdout).toBe(aws.stdout);
      expect(mine.code).toBe(0);
    }
  }, 60_000);

  it.each([
    ['changed', modifiedLogFile, "INVALID: hash value doesn't match"],
    ['deleted', () => undefined, 'INVALID: not found'],
  ] as const)('reports a log file %s under the old prefix, exit 1, as AWS\'s validator does', async (_name, change, verdict) => {
    const { bucket, logKey } = await logFileUnder(FIRST, 'p1');
    await withTampered(server.objects, bucket, logKey, change, async () => {
      const [online, local, aws] = await Promise.all([ours(MOVED), direct(MOVED), theirs(MOVED)]);
      expect(aws.stderr).toContain(`Log file\ts3://${bucket}/${logKey}\t${verdict}`);
      expect(aws.code).toBe(1);
      for (const mine of [online, local]) {
        expect(mine.stderr).toBe(aws.stderr);
        expect(mine.stdout).toBe(aws.stdout);
        expect(mine.code).toBe(1);
      }
    });
  }, 60_000);

  it('reports a digest deleted under the old bucket, exit 1, as AWS\'s validator does', async () => {
    const keys = await listKeys(server.objects, FIRST, digestFolder('p2'));
    const middle = keys.at(-2)!;
    await withTampered(server.objects, FIRST, middle, () => undefined, async () => {
      const [online, aws] = await Promise.all([ours(MOVED), theirs(MOVED)]);
      expect(aws.stderr).toContain(`Digest file\ts3://${FIRST}/${middle}\tINVALID: not found`);
      expect(online.stderr).toContain(`Digest file\ts3://${FIRST}/${middle}\tINVALID: not found`);
      expect([online.code, aws.code]).toEqual([1, 1]);
      const summary = (out: string) => out.slice(out.indexOf('Results requested'));
      expect(summary(online.stdout)).toBe(summary(aws.stdout));
    });
  }, 60_000);

  it('is followed offline into the old prefix of the copied bucket', async () => {
    const copy = await downloadCopy(server, FIRST, work);
    // The newest digest of the copy is pointed to only from the other bucket: its signature comes from beside it. The
    // checkpoint is left out, as its latest digest lies in the other bucket, which this copy cannot show.
    const newest = (await listKeys(server.objects, FIRST, digestFolder('p2'))).at(-1)!;
    fs.writeFileSync(path.join(copy, `${newest}.signature`), (await readObject(server.objects, FIRST, newest)).userMetadata.signature!);
    const valid = await offline(copy, FIRST, 'p2', ['--no-checkpoint']);
    expect(valid.stderr).toBe('');
    expect(valid.stdout).toContain(`Digest file\ts3://${FIRST}/${digestFolder('p1')}`);
    expect(valid.code).toBe(0);
    const { logKey } = await logFileUnder(FIRST, 'p1');
    fs.writeFileSync(path.join(copy, logKey), modifiedLogFile({ bytes: fs.readFileSync(path.join(copy, logKey)), userMetadata: {}, contentType: '' }).bytes);
    const changed = await offline(copy, FIRST, 'p2', ['--no-checkpoint']);
    expect(changed.stderr).toContain(`Log file\ts3://${FIRST}/${logKey}\tINVALID: hash value doesn't match`);
    expect(changed.code).toBe(1);
  }, 60_000);

  it('offline, says that a link into a bucket the copy does not hold was not followed, exit 1', async () => {
    const copy = await downloadCopy(server, SECOND, work);
    const result = await offline(copy, SECOND, 'p2', ['--checkpoint', path.join(work, 'checkpoint.json')]);
    const last = (await listKeys(server.objects, FIRST, digestFolder('p2'))).at(-1)!;
    expect(result.stderr).toContain(`Digest file\ts3://${FIRST}/${last}\tINVALID: not in the offline copy, which holds s3://${SECOND} only`);
    expect(result.code).toBe(1);
  }, 60_000);
});

describe('a chain that ended under an earlier prefix', () => {
  it('is validated through the signed checkpoint, which AWS\'s validator cannot reach', async () => {
    const [mine, aws] = await Promise.all([ours(RESTARTED), theirs(RESTARTED)]);
    expect(aws.stdout).not.toContain(digestFolder('q1'));
    expect(mine.stdout).toContain(`Digest file\ts3://${FIRST}/${digestFolder('q1')}`);
    expect(mine.stderr).toContain('No log files were delivered by CloudTrail between');
    expect(mine.stderr).not.toContain('INVALID');
    expect([mine.code, aws.code]).toEqual([0, 0]);
  }, 60_000);

  it('reports its final digest deleted, and a log file changed under it', async () => {
    const [earlierEnd] = await server.store.digestChains.chainEnds(RESTARTED);
    await withTampered(server.objects, FIRST, earlierEnd!.key, () => undefined, async () => {
      const mine = await ours(RESTARTED);
      expect(mine.stderr).toContain(`Digest file\ts3://${FIRST}/${earlierEnd!.key}\tINVALID: not found (the final digest of an earlier chain`);
      expect(mine.code).toBe(1);
    });
    const { bucket, logKey } = await logFileUnder(FIRST, 'q1');
    await withTampered(server.objects, bucket, logKey, modifiedLogFile, async () => {
      const [mine, aws] = await Promise.all([ours(RESTARTED), theirs(RESTARTED)]);
      expect(aws.code).toBe(0);
      expect(mine.stderr).toContain(`Log file\ts3://${bucket}/${logKey}\tINVALID: hash value doesn't match`);
      expect(mine.code).toBe(1);
    });
  }, 60_000);
});
