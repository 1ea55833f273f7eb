// validate_speedup_vs_awscli: `opentrail validate-logs --direct` (on the server's host, reading the data dir's object
// store) against `aws cloudtrail validate-logs` (through the server's endpoint) on the same trail of log files and
// signed digests, in the same run: AWS's wall time divided by ours, the median of three runs each. validate_online_speedup_vs_awscli is the same
// with ours also going through the endpoint. Every run must find every digest and log file valid.
import { spawn } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { buildLogFile } from '../../src/domain/delivery/log-file-body.js';
import { logFileKey, logFileUnique } from '../../src/domain/delivery/log-file-key.js';
import { digestKey } from '../../src/domain/digest/digest-key.js';
import { LocalKeyRing } from '../../src/crypto/local-key-ring.js';
import { FsObjectStore } from '../../src/objects/fs/fs-object-store.js';
import { openStore } from '../../src/store/open-store.js';
import type { DigestLink } from '../../src/domain/digest/digest-document.js';
import { writeDigest } from '../../src/integrity/digest-writer.js';
import { BENCH_ACCOUNT, syntheticRecords } from '../synthetic-records.js';
import { elapsedMs, round } from '../stats.js';
import { startServer } from './lookup-figures.js';

const BUCKET = 'bench-validate';
const TRAIL = 'bench-validate';
const TRAIL_ARN = `arn:aws:cloudtrail:us-east-1:${BENCH_ACCOUNT}:trail/${TRAIL}`;
const FILES_PER_DIGEST = 100;
const RECORDS_PER_FILE = 20;
const RUNS = 3;
const HOUR_MS = 3_600_000;

export interface ValidateFigures {
  validate_speedup_vs_awscli: number;
  validate_online_speedup_vs_awscli: number;
  validate_opentrail_s: number;
  validate_opentrail_online_s: number;
  validate_awscli_s: number;
  validate_log_files: number;
}

export async function measureValidation(workDir: string, cli: string, logFiles: number): Promise<ValidateFigures> {
  const dataDir = path.join(workDir, 'validate-data');
  const startMs = Math.floor((Date.now() - 2 * HOUR_MS) / 1000) * 1000;
  await seedTrail(dataDir, logFiles, startMs);
  const server = await startServer(cli, dataDir);
  try {
    const env = {
      PATH: process.env.PATH ?? '',
      HOME: dataDir,
      AWS_SHARED_CREDENTIALS_FILE: path.join(dataDir, 'credentials'),
      AWS_CONFIG_FILE: path.join(dataDir, 'aws-config'),
      AWS_ENDPOINT_URL: server.url,
      AWS_EC2_METADATA_DISABLED: 'true',
      AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED: 'true',
    };
    fs.writeFileSync(env.AWS_CONFIG_FILE, '[default]\nregion = us-east-1\n');
    const args = ['--trail-arn', TRAIL_ARN, '--start-time', new Date(startMs - 60_000).toISOString()];
    // Each tool three times, interleaved, and the median run of each: one run is at the mercy of a busy moment.
    const runs: Record<'ours' | 'online' | 'theirs', Run[]> = { ours: [], online: [], theirs: [] };
    for (let i = 0; i < RUNS; i++) {
      runs.ours.push(await timed(process.execPath, [cli, 'validate-logs', ...args, '--no-progress', '--direct', '--data-dir', dataDir], env));
      runs.online.push(await timed(process.execPath, [cli, 'validate-logs', ...args, '--no-progress'], env));
      runs.theirs.push(await timed('aws', ['cloudtrail', 'validate-logs', ...args, '--region', 'us-east-1'], env));
    }
    const [ours, online, theirs] = [median(runs.ours), median(runs.online), median(runs.theirs)];
    for (const [who, run] of [...runs.ours.map((r) => ['opentrail --direct', r] as const), ...runs.online.map((r) => ['opentrail', r] as const), ...runs.theirs.map((r) => ['aws', r] as const)]) {
      if (run.code !== 0 || !run.stdout.includes(`${logFiles}/${logFiles} log files valid`)) {
        throw new Error(`${who} validate-logs did not find all ${logFiles} log files valid (exit ${run.code}):\n${run.stdout}\n${run.stderr}`);
      }
    }
    return {
      validate_speedup_vs_awscli: round(theirs.seconds / ours.seconds, 1),
      validate_online_speedup_vs_awscli: round(theirs.seconds / online.seconds, 1),
      validate_opentrail_s: round(ours.seconds, 2),
      validate_opentrail_online_s: round(online.seconds, 2),
      validate_awscli_s: round(theirs.seconds, 2),
      validate_log_files: logFiles,
    };
  } finally {
    server.child.kill('SIGTERM');
    await new Promise((resolve) => server.child.once('exit', resolve));
  }
}

/**
 * The trail, its log files and a digest chain over them, written straight into the server's data dir. Exported for
 * profiling the validator on the figure's own data.
 */
export async function seedTrail(dataDir: string, logFiles: number, startMs: number): Promise<void> {
  const store = await openStore({ dataDir });
  const objects = await FsObjectStore.open(path.join(dataDir, 'objects'));
  const signer = new LocalKeyRing({ dataDir, rotationMs: 30 * 24 * HOUR_MS });
  try {
    await objects.createBucket(BUCKET, { region: 'us-east-1', ownerAccountId: BENCH_ACCOUNT });
    await store.trails.createTrail({
      accountId: BENCH_ACCOUNT, name: TRAIL, homeRegion: 'us-east-1', arn: TRAIL_ARN, s3BucketName: BUCKET,
      includeGlobalServiceEvents: true, isMultiRegionTrail: false, isOrganizationTrail: false, logFileValidationEnabled: true,
      tags: [], createdMs: startMs,
    });
    const records = [...syntheticRecords(logFiles * RECORDS_PER_FILE, 7, startMs + HOUR_MS, HOUR_MS)].map((r) => JSON.stringify(r));
    const digests = Math.ceil(logFiles / FILES_PER_DIGEST);
    const windowMs = Math.floor(HOUR_MS / digests / 1000) * 1000;
    let previous: DigestLink | undefined;
    for (let d = 0; d < digests; d++) {
      const files = [];
      for (let f = d * FILES_PER_DIGEST; f < Math.min(logFiles, (d + 1) * FILES_PER_DIGEST); f++) {
        const body = await buildLogFile(records.slice(f * RECORDS_PER_FILE, (f + 1) * RECORDS_PER_FILE));
        const fileTimeMs = startMs + d * windowMs;
        const key = logFileKey({
          accountId: BENCH_ACCOUNT, region: 'us-east-1', fileTimeMs,
          unique: logFileUnique({ trailArn: TRAIL_ARN, accountId: BENCH_ACCOUNT, region: 'us-east-1', firstSeq: f, lastSeq: f }),
        });
        await objects.putObject(BUCKET, key, body.gzip, { contentType: 'application/json' });
        files.push({ bucket: BUCKET, key, sha256: body.sha256, oldestEventMs: fileTimeMs, newestEventMs: fileTimeMs });
      }
      const endMs = startMs + (d + 1) * windowMs;
      const key = digestKey({ accountId: BENCH_ACCOUNT, region: 'us-east-1', trailName: TRAIL, homeRegion: 'us-east-1', endMs });
      const fingerprint = await signer.signingKey('us-east-1', startMs);
      const written = await writeDigest(objects, signer, 'us-east-1', {
        accountId: BENCH_ACCOUNT, startMs: endMs - windowMs, endMs, bucket: BUCKET, key, fingerprint, previous, logFiles: files,
      });
      previous = written.link;
    }
  } finally {
    await objects.close();
    await store.close();
  }
}

interface Run {
  code: number;
  stdout: string;
  stderr: string;
  seconds: number;
}

function median(runs: readonly Run[]): Run {
  return [...runs].sort((a, b) => a.seconds - b.seconds)[Math.floor(runs.length / 2)]!;
}

async function timed(command: string, args: readonly string[], env: Record<string, string>): Promise<Run> {
  const start = process.hrtime.bigint();
  const child = spawn(command, [...args], { env, stdio: ['ignore', 'pipe', 'pipe'] });
  let stdout = '';
  let stderr = '';
  child.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString()));
  child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
  const code = await new Promise<number>((resolve, reject) => {
    child.on('error', reject);
    child.on('close', (exit) => resolve(exit ?? -1));
  });
  return { code, stdout, stderr, seconds: elapsedMs(start) / 1000 };
}
