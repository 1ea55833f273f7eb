// `opentrail validate-logs` against a running opentrail (online) and against a downloaded copy with exported public
// keys (offline): the verdicts, lines and exit codes of `aws cloudtrail validate-logs`, and the tail truncation that
// only a signed checkpoint reveals, which AWS's validator passes as valid.
import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestServer, tempDir, type TestServer } from '../support/server.js';
import { awsCli } from '../support/aws-cli.js';
import { opentrailCli } from '../support/opentrail-cli.js';
import { cli, waitFor } from '../support/delivered-logs.js';
import { downloadCopy as downloadBucket, exportKeysAndCheckpoint } from '../support/offline-validation.js';
import {
  badChecksumLogFile, cutShortLogFile, damagedLogFile, digestOf, foreignSigned, listKeys, modifiedDigest, modifiedLogFile, readObject,
  withTampered,
} from '../support/digests.js';

const BUCKET = 'ours-logs';
const PREFIX = 'trail-prefix';
const TRAIL_ARN = 'arn:aws:cloudtrail:us-east-1:123456789012:trail/ours';
const DIGESTS = `${PREFIX}/AWSLogs/123456789012/CloudTrail-Digest/us-east-1/`;

let server: TestServer;
let startTime: string;
let endTime: string;
let work: string;

function ours(extra: readonly string[] = []) {
  return opentrailCli(['validate-logs', '--trail-arn', TRAIL_ARN, '--start-time', startTime, '--end-time', endTime, '--verbose', ...extra], {
    AWS_SHARED_CREDENTIALS_FILE: server.credentialsFile,
    AWS_ENDPOINT_URL: server.url,
  });
}

function theirs() {
  return awsCli(server, ['cloudtrail', 'validate-logs', '--trail-arn', TRAIL_ARN, '--start-time', startTime, '--end-time', endTime, '--verbose', '--region', 'us-east-1']);
}

/** `aws s3 sync` of the bucket into a folder: the copy offline validation reads. */
function downloadCopy(): Promise<string> {
  return downloadBucket(server, BUCKET, work);
}

function offline(copy: string, extra: readonly string[] = []) {
  return opentrailCli(['validate-logs', '--trail-arn', TRAIL_ARN, '--start-time', startTime, '--end-time', endTime,
    '--offline', copy, '--public-keys', path.join(work, 'keys.json'), '--s3-bucket', BUCKET, '--s3-prefix', PREFIX, ...extra]);
}

async function digestWithFiles(): Promise<{ key: string; logKey: string }> {
  for (const key of (await listKeys(server.objects, BUCKET, DIGESTS)).reverse()) {
    const digest = digestOf(await readObject(server.objects, BUCKET, key));
    if (digest.logFiles[0] && digest.previousDigestS3Object) return { key, logKey: digest.logFiles[0].s3Object };
  }
  throw new Error('no digest with log files');
}

/** A digest that a later digest points to, and that itself points to an earlier one. */
async function middleDigest(): Promise<string> {
  const keys = await listKeys(server.objects, BUCKET, DIGESTS);
  const pointers = await Promise.all(keys.map(async (key) => digestOf(await readObject(server.objects, BUCKET, key)).previousDigestS3Object));
  const middle = keys.find((key, i) => pointers[i] !== null && pointers.includes(key));
  if (!middle) throw new Error('no digest in the middle of the chain');
  return middle;
}

beforeAll(async () => {
  work = tempDir('opentrail-validate-');
  server = await startTestServer({ logFileInterval: 1, digestInterval: 2 });
  startTime = new Date(Date.now() - 60_000).toISOString().slice(0, 19) + 'Z';
  await cli(server, ['s3', 'mb', `s3://${BUCKET}`]);
  await cli(server, ['cloudtrail', 'create-trail', '--name', 'ours', '--s3-bucket-name', BUCKET, '--s3-key-prefix', PREFIX, '--enable-log-file-validation']);
  await cli(server, ['cloudtrail', 'start-logging', '--name', 'ours']);
  // Two chains: logging, stopped, logging again, stopped.
  for (const [chains, seconds] of [[1, 7], [2, 5]] as const) {
    if (chains === 2) await cli(server, ['cloudtrail', 'start-logging', '--name', 'ours']);
    const until = Date.now() + seconds * 1000;
    while (Date.now() < until) await cli(server, ['cloudtrail', 'get-trail-status', '--name', 'ours']);
    await cli(server, ['cloudtrail', 'stop-logging', '--name', 'ours']);
    await waitFor('the final digest', async () => ((await server.store.digestChains.chainEnds(TRAIL_ARN)).length === chains ? true : undefined));
  }
  endTime = new Date(Date.now() + 60_000).toISOString().slice(0, 19) + 'Z';
  await exportKeysAndCheckpoint(server, TRAIL_ARN, work);
}, 120_000);

afterAll(async () => {
  await server?.close();
});

describe('opentrail validate-logs, online, of a region other than its bucket\'s', () => {
  it('reads the bucket from the region it lives in, as the AWS CLI does', async () => {
    const away = 'arn:aws:cloudtrail:eu-west-1:123456789012:trail/away';
    const inEu = (args: string[]) => cli(server, ['cloudtrail', ...args], 'eu-west-1');
    await inEu(['create-trail', '--name', 'away', '--s3-bucket-name', BUCKET, '--s3-key-prefix', 'away', '--enable-log-file-validation']);
    await inEu(['start-logging', '--name', 'away']);
    const until = Date.now() + 5_000;
    while (Date.now() < until) await inEu(['get-trail-status', '--name', 'away']);
    await inEu(['stop-logging', '--name', 'away']);
    await waitFor('the final digest', async () => ((await server.store.digestChains.chainEnds(away)).length === 1 ? true : undefined));
    const run = (args: readonly string[]) => opentrailCli(['validate-logs', '--trail-arn', away, '--start-time', startTime, ...args], {
      AWS_SHARED_CREDENTIALS_FILE: server.credentialsFile, AWS_ENDPOINT_URL: server.url,
    });
    const mine = await run(['--region', 'eu-west-1']);
    expect(mine.stderr).not.toContain('must be addressed using the specified endpoint');
    expect(mine.code).toBe(0);
    expect(mine.stdout).toMatch(/(\d+)\/\1 digest files valid/);
  }, 60_000);
});

describe('opentrail validate-logs after the trail\'s prefix changed', () => {
  it('does not report an earlier chain, ended under the old prefix, as deleted', async () => {
    const moved = 'arn:aws:cloudtrail:us-east-1:123456789012:trail/moved';
    const trail = (args: string[]) => cli(server, ['cloudtrail', ...args]);
    const busy = async (seconds: number) => {
      const until = Date.now() + seconds * 1000;
      while (Date.now() < until) await trail(['get-trail-status', '--name', 'moved']);
    };
    await trail(['create-trail', '--name', 'moved', '--s3-bucket-name', BUCKET, '--s3-key-prefix', 'q1', '--enable-log-file-validation']);
    await trail(['start-logging', '--name', 'moved']);
    await busy(4);
    await trail(['stop-logging', '--name', 'moved']);
    await waitFor('the first chain\'s final digest', async () => ((await server.store.digestChains.chainEnds(moved)).length === 1 ? true : undefined));
    await trail(['start-logging', '--name', 'moved']);
    await busy(4);
    await trail(['update-trail', '--name', 'moved', '--s3-key-prefix', 'q2']);
    await busy(5);
    const mine = await opentrailCli(['validate-logs', '--trail-arn', moved, '--start-time', startTime], {
      AWS_SHARED_CREDENTIALS_FILE: server.credentialsFile, AWS_ENDPOINT_URL: server.url,
    });
    expect(mine.stderr).not.toContain('digests were deleted from the end of a chain');
    expect(mine.code).toBe(0);
    await trail(['stop-logging', '--name', 'moved']);
  }, 90_000);
});

describe('opentrail validate-logs, online', () => {
  it('prints what aws cloudtrail validate-logs prints for a valid chain, and exits 0', async () => {
    const [mine, aws] = await Promise.all([ours(), theirs()]);
    expect(mine.stderr).toContain('No log files were delivered by CloudTrail between');
    expect(mine.stderr).toBe(aws.stderr);
    expect(mine.code).toBe(0);
    expect(aws.code).toBe(0);
    expect(mine.stdout).toBe(aws.stdout);
    expect(mine.stdout).toMatch(/(\d+)\/\1 log files valid/);
  }, 60_000);

  it.each([
    ['a modified log file', 'log', modifiedLogFile, "INVALID: hash value doesn't match"],
    ['a deleted log file', 'log', () => undefined, 'INVALID: not found'],
    ['a modified digest', 'digest', modifiedDigest, 'INVALID: signature verification failed'],
    ['a digest signed with a foreign key', 'digest', foreignSigned, 'INVALID: signature verification failed'],
    ['a deleted digest in the middle of the chain', 'middle', () => undefined, 'INVALID: not found'],
  ] as const)('reports %s as AWS does, exit 1', async (_name, target, change, verdict) => {
    const { key, logKey } = await digestWithFiles();
    const object = target === 'log' ? logKey : target === 'middle' ? await middleDigest() : key;
    await withTampered(server.objects, BUCKET, object, change, async () => {
      const [mine, aws] = await Promise.all([ours(), theirs()]);
      expect(mine.stderr).toContain(`s3://${BUCKET}/${object}\t${verdict}`);
      expect(mine.code).toBe(1);
      expect(aws.code).toBe(1);
      expect(mine.stdout.slice(mine.stdout.indexOf('Results requested'))).toBe(aws.stdout.slice(aws.stdout.indexOf('Results requested')));
    });
  }, 60_000);

  it('refuses a bad ARN and an unknown trail with exit 255, as AWS does', async () => {
    const bad = await opentrailCli(['validate-logs', '--trail-arn', 'nope', '--start-time', startTime]);
    expect([bad.code, bad.stderr.trim()]).toEqual([255, 'Invalid trail ARN provided: nope']);
    const unknown = await opentrailCli(['validate-logs', '--trail-arn', `${TRAIL_ARN}x`, '--start-time', startTime], {
      AWS_SHARED_CREDENTIALS_FILE: server.credentialsFile, AWS_ENDPOINT_URL: server.url,
    });
    expect([unknown.code, unknown.stderr.trim()]).toEqual([255, `A trail could not be found for ${TRAIL_ARN}x`]);
  }, 60_000);
});

describe('opentrail validate-logs --direct', () => {
  it('reads the data dir\'s store and keys on the server\'s host, with the same output as AWS\'s', async () => {
    const [mine, aws] = await Promise.all([
      opentrailCli(['validate-logs', '--trail-arn', TRAIL_ARN, '--start-time', startTime, '--end-time', endTime, '--verbose', '--direct', '--data-dir', server.dataDir]),
      theirs(),
    ]);
    expect(mine.stderr).toBe(aws.stderr);
    expect([mine.code, aws.code]).toEqual([0, 0]);
    expect(mine.stdout).toBe(aws.stdout);
  }, 60_000);

  // Undamaged files are hashed on the main thread in one go, damaged ones left to the streaming inflater: both must
  // give AWS's verdicts, lines and summary.
  it.each([
    ['a modified log file', modifiedLogFile, "INVALID: hash value doesn't match"],
    ['a log file cut short', cutShortLogFile, "INVALID: hash value doesn't match"],
    ['a log file whose checksum disagrees', badChecksumLogFile, 'INVALID: invalid format'],
    ['a log file with damaged data', damagedLogFile, 'INVALID: invalid format'],
    ['a deleted log file', () => undefined, 'INVALID: not found'],
  ] as const)('reports %s as AWS does', async (_name, change, verdict) => {
    const { logKey } = await digestWithFiles();
    await withTampered(server.objects, BUCKET, logKey, change, async () => {
      const [mine, aws] = await Promise.all([
        opentrailCli(['validate-logs', '--trail-arn', TRAIL_ARN, '--start-time', startTime, '--end-time', endTime, '--verbose', '--direct', '--data-dir', server.dataDir]),
        theirs(),
      ]);
      expect(mine.stderr).toContain(`Log file\ts3://${BUCKET}/${logKey}\t${verdict}`);
      expect(mine.stderr).toBe(aws.stderr);
      expect([mine.code, aws.code]).toEqual([1, 1]);
      expect(mine.stdout).toBe(aws.stdout);
    });
  }, 60_000);
});

describe('opentrail validate-logs, offline', () => {
  it('validates a downloaded copy with the exported public keys and checkpoint, earlier chains\' ends included', async () => {
    const copy = await downloadCopy();
    const result = await offline(copy, ['--checkpoint', path.join(work, 'checkpoint.json')]);
    expect(result.stderr).not.toContain('INVALID');
    expect(result.code).toBe(0);
    expect(result.stdout).toMatch(/(\d+)\/\1 digest files valid/);
  }, 60_000);

  it.each([
    ['a modified log file', 'log', "INVALID: hash value doesn't match"],
    ['a deleted log file', 'log-deleted', 'INVALID: not found'],
    ['a modified digest', 'digest', 'INVALID: signature verification failed'],
    ['a digest signed with a foreign key (its signature beside it)', 'foreign', 'INVALID: signature verification failed'],
    ['a deleted digest in the middle of the chain', 'middle', 'INVALID: not found'],
  ] as const)('reports %s in the copy', async (_name, kind, verdict) => {
    const copy = await downloadCopy();
    const { key, logKey } = await digestWithFiles();
    const target = kind.startsWith('log') ? logKey : kind === 'middle' ? await middleDigest() : key;
    const file = path.join(copy, target);
    const original = { bytes: fs.readFileSync(file), userMetadata: {}, contentType: '' };
    if (kind === 'log') fs.writeFileSync(file, modifiedLogFile(original).bytes);
    else if (kind === 'digest') fs.writeFileSync(file, modifiedDigest(original).bytes);
    else if (kind === 'foreign') fs.writeFileSync(`${file}.signature`, foreignSigned(original).userMetadata.signature!);
    else fs.rmSync(file);
    const result = await offline(copy, ['--checkpoint', path.join(work, 'checkpoint.json')]);
    expect(result.stderr).toContain(`s3://${BUCKET}/${target}\t${verdict}`);
    expect(result.code).toBe(1);
  }, 60_000);

  it('refuses a checkpoint that was edited', async () => {
    const copy = await downloadCopy();
    const edited = JSON.parse(fs.readFileSync(path.join(work, 'checkpoint.json'), 'utf8')) as { Checkpoints: Array<{ DigestEndTime: number }> };
    edited.Checkpoints[0]!.DigestEndTime -= 2;
    fs.writeFileSync(path.join(work, 'edited.json'), JSON.stringify(edited));
    const result = await offline(copy, ['--checkpoint', path.join(work, 'edited.json')]);
    expect(result.stderr).toContain('INVALID: signature verification failed');
    expect(result.code).toBe(1);
  }, 60_000);
});

describe('tail truncation', () => {
  it('of an earlier chain (its final digest deleted) is caught by ours, online and offline, and passed by AWS\'s', async () => {
    const [earlierEnd] = await server.store.digestChains.chainEnds(TRAIL_ARN);
    await withTampered(server.objects, BUCKET, earlierEnd!.key, () => undefined, async () => {
      const aws = await theirs();
      expect(aws.stderr).not.toContain('INVALID');
      expect(aws.code).toBe(0);
      const mine = await ours();
      expect(mine.stderr).toContain(`Digest file\ts3://${BUCKET}/${earlierEnd!.key}\tINVALID: not found (the final digest of an earlier chain`);
      expect(mine.code).toBe(1);
      const result = await offline(await downloadCopy(), ['--checkpoint', path.join(work, 'checkpoint.json')]);
      expect(result.stderr).toContain(`s3://${BUCKET}/${earlierEnd!.key}\tINVALID: not found`);
      expect(result.code).toBe(1);
    });
  }, 60_000);

  it('is caught by ours, online and offline, and passed by AWS\'s validator', async () => {
    const keys = await listKeys(server.objects, BUCKET, DIGESTS);
    const newest = keys.at(-1)!;
    const newestDigest = await readObject(server.objects, BUCKET, newest);
    const removed = [newest, ...digestOf(newestDigest).logFiles.map((f) => f.s3Object)];
    const saved = await Promise.all(removed.map((key) => readObject(server.objects, BUCKET, key)));
    for (const key of removed) await server.objects.deleteObject(BUCKET, key);
    try {
      const aws = await theirs();
      expect(aws.code).toBe(0);
      const mine = await ours();
      expect(mine.stderr).toContain(`Digest file\ts3://${BUCKET}/${newest}\tINVALID: not found (the latest digest at the signed checkpoint`);
      expect(mine.code).toBe(1);
      const copy = await downloadCopy();
      const result = await offline(copy, ['--checkpoint', path.join(work, 'checkpoint.json')]);
      expect(result.stderr).toContain(`s3://${BUCKET}/${newest}\tINVALID: not found`);
      expect(result.code).toBe(1);
    } finally {
      for (const [i, key] of removed.entries()) {
        const object = saved[i]!;
        await server.objects.putObject(BUCKET, key, object.bytes, { contentType: object.contentType, userMetadata: object.userMetadata });
      }
    }
  }, 60_000);
});
