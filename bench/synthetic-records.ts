// Realistic synthetic CloudTrail records for benchmarks: skewed names, users, sources and resources, so that
// lookups hit both common and rare values, as they do on real accounts.
import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import zlib from 'node:zlib';
import type { CloudTrailRecord } from '../src/domain/record.js';

export const BENCH_ACCOUNT = '123456789012';
const SOURCES = ['ec2', 's3', 'iam', 'kms', 'sts', 'lambda', 'rds', 'ssm', 'cloudtrail', 'secretsmanager', 'logs', 'sns', 'sqs', 'dynamodb', 'ecs'];
const VERBS = ['Describe', 'List', 'Get', 'Create', 'Delete', 'Put', 'Update', 'Run', 'Start', 'Stop'];
const NOUNS = ['Instances', 'Buckets', 'Roles', 'Keys', 'Functions', 'Parameters', 'Secrets', 'Tables', 'Queues', 'Topics', 'Volumes', 'Snapshots', 'Policies', 'Users', 'Clusters'];

export interface SyntheticVocabulary {
  eventNames: string[];
  usernames: string[];
  sources: string[];
  accessKeys: string[];
  buckets: string[];
}

export const vocabulary: SyntheticVocabulary = {
  eventNames: VERBS.flatMap((v) => NOUNS.map((n) => `${v}${n}`)),
  usernames: Array.from({ length: 60 }, (_, i) => `user-${i}`),
  sources: SOURCES.map((s) => `${s}.amazonaws.com`),
  accessKeys: Array.from({ length: 120 }, (_, i) => `AKIA${String(i).padStart(16, '0')}`),
  buckets: Array.from({ length: 400 }, (_, i) => `bucket-${i}`),
};

/** How far apart the records of one CloudTrail log file may be. */
const FILE_WINDOW_MS = 5 * 60_000;

/** A fast, seedable generator: benchmarks must see the same data every run. */
export function random(seed: number): () => number {
  let s = seed >>> 0;
  return () => {
    s = (s + 0x6d2b79f5) >>> 0;
    let t = s;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** Zipf-like pick: low indexes are much more common than high ones. */
function pick<T>(items: readonly T[], rnd: () => number): T {
  return items[Math.floor(items.length * rnd() ** 2.5)]!;
}

export function syntheticRecord(i: number, rnd: () => number, atMs: number): CloudTrailRecord {
  const user = pick(vocabulary.usernames, rnd);
  const name = pick(vocabulary.eventNames, rnd);
  const source = pick(vocabulary.sources, rnd);
  const readOnly = /^(Describe|List|Get)/.test(name);
  const at = new Date(atMs);
  return {
    eventVersion: '1.08',
    userIdentity: {
      type: 'IAMUser', principalId: `AIDA${user.toUpperCase()}`, arn: `arn:aws:iam::${BENCH_ACCOUNT}:user/${user}`,
      accountId: BENCH_ACCOUNT, accessKeyId: pick(vocabulary.accessKeys, rnd), userName: user,
    },
    eventTime: at.toISOString().slice(0, 19) + 'Z',
    eventSource: source,
    eventName: name,
    awsRegion: 'us-east-1',
    sourceIPAddress: `198.51.100.${i % 250}`,
    userAgent: 'aws-cli/2.15.0 Python/3.11.6 Linux/6.5 exe/x86_64 prompt/off command/ec2.describe-instances',
    requestParameters: { bucketName: pick(vocabulary.buckets, rnd), maxResults: 50, filterSet: { items: [{ name: 'tag:env', valueSet: { items: [{ value: 'prod' }] } }] } },
    responseElements: null,
    requestID: crypto.randomUUID(),
    eventID: crypto.randomUUID(),
    readOnly,
    eventType: 'AwsApiCall',
    managementEvent: true,
    recipientAccountId: BENCH_ACCOUNT,
    eventCategory: 'Management',
    tlsDetails: { tlsVersion: 'TLSv1.3', cipherSuite: 'TLS_AES_128_GCM_SHA256', clientProvidedHostHeader: `${source.split('.')[0]}.us-east-1.amazonaws.com` },
  };
}

/**
 * Records in the order a trail's bucket holds them: log files cover a few minutes each and their keys sort by time,
 * so time rises through the sequence, with records a few minutes out of order as in real files.
 */
export function* syntheticRecords(count: number, seed = 1, newestMs = Date.now(), spanMs = 30 * 86_400_000): Generator<CloudTrailRecord> {
  const rnd = random(seed);
  const step = spanMs / count;
  for (let i = 0; i < count; i++) {
    const jitter = (rnd() - 0.5) * FILE_WINDOW_MS;
    yield syntheticRecord(i, rnd, Math.min(newestMs, Math.floor(newestMs - spanMs + i * step + jitter)));
  }
}

/** Writes `count` records as CloudTrail log files of `perFile` records each; returns the folder. */
export function writeLogFiles(dir: string, count: number, perFile: number, seed = 2): string {
  fs.mkdirSync(dir, { recursive: true });
  let batch: CloudTrailRecord[] = [];
  let file = 0;
  const flush = () => {
    const name = `${BENCH_ACCOUNT}_CloudTrail_us-east-1_20250101T0000Z_${String(file++).padStart(16, '0')}.json.gz`;
    fs.writeFileSync(path.join(dir, name), zlib.gzipSync(JSON.stringify({ Records: batch }), { level: 1 }));
    batch = [];
  };
  for (const record of syntheticRecords(count, seed)) {
    batch.push(record);
    if (batch.length === perFile) flush();
  }
  if (batch.length > 0) flush();
  return dir;
}
