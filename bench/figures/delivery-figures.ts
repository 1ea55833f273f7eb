// delivery_events_per_s: how fast one trail's delivery turns a backlog of recorded events into log files (read,
// select, group, gzip, write, record in the ledger), beside delivery_gzip_baseline_events_per_s, the same records
// only joined, hashed and gzipped in the same run: the ceiling compression alone puts on this machine.
// delivery_latency_p99_s: from a call's answer to a listed, readable log file holding its record, through the HTTP
// API of a server process at --log-file-interval 1 (AWS: about 5 minutes).
import crypto from 'node:crypto';
import path from 'node:path';
import zlib from 'node:zlib';
import { CreateBucketCommand, GetObjectCommand, ListObjectsV2Command, S3Client } from '@aws-sdk/client-s3';
import { systemClock } from '../../src/domain/clock.js';
import { buildLogFile } from '../../src/domain/delivery/log-file-body.js';
import { receivingTrail } from '../../src/domain/delivery/trail-receives.js';
import { indexEvent } from '../../src/domain/indexed-event.js';
import { FsObjectStore } from '../../src/objects/fs/fs-object-store.js';
import { readSharedCredentials } from '../../src/services/bootstrap-identity.js';
import { openStore } from '../../src/store/open-store.js';
import type { StoredTrail } from '../../src/store/trail-store.js';
import { TrailDelivery } from '../../src/delivery/trail-delivery.js';
import { BENCH_ACCOUNT, syntheticRecords } from '../synthetic-records.js';
import { SignedCloudTrailClient } from '../signed-client.js';
import { elapsedMs, percentile, round } from '../stats.js';
import { startServer } from './lookup-figures.js';

const BUCKET = 'bench-logs';

export interface DeliveryThroughputFigures {
  delivery_events_per_s: number;
  delivery_gzip_baseline_events_per_s: number;
}

export async function measureDeliveryThroughput(workDir: string, events: number): Promise<DeliveryThroughputFigures> {
  const dataDir = path.join(workDir, 'delivery-data');
  const store = await openStore({ dataDir });
  const objects = await FsObjectStore.open(path.join(dataDir, 'objects'));
  try {
    await objects.createBucket(BUCKET, { region: 'us-east-1', ownerAccountId: BENCH_ACCOUNT });
    const trail = benchTrail();
    await store.deliveryLedger.startCursor(trail.arn, await store.eventFeed.lastSeq());
    const jsons = await seedRecorded(store, events);
    const delivery = new TrailDelivery({ feed: store.deliveryFeed, ledger: store.deliveryLedger, objects, clock: systemClock });
    const receiving = receivingTrail(trail);
    const start = process.hrtime.bigint();
    let delivered = 0;
    for (let step = await delivery.step(trail, () => ({ receiving })); step.kind !== 'idle'; step = await delivery.step(trail, () => ({ receiving }))) {
      if (step.kind === 'delivered') delivered += step.files.reduce((sum, file) => sum + file.eventCount, 0);
    }
    const seconds = elapsedMs(start) / 1000;
    if (delivered !== events) throw new Error(`delivered ${delivered} of ${events} events`);
    return {
      delivery_events_per_s: round(events / seconds, 0),
      delivery_gzip_baseline_events_per_s: round(await gzipBaselineRate(jsons), 0),
    };
  } finally {
    await objects.close();
    await store.close();
  }
}

function benchTrail(): StoredTrail {
  return {
    accountId: BENCH_ACCOUNT, name: 'bench', homeRegion: 'us-east-1', arn: `arn:aws:cloudtrail:us-east-1:${BENCH_ACCOUNT}:trail/bench`,
    s3BucketName: BUCKET, includeGlobalServiceEvents: true, isMultiRegionTrail: true, isOrganizationTrail: false,
    logFileValidationEnabled: false, tags: [], createdMs: Date.now(),
  };
}

async function seedRecorded(store: Awaited<ReturnType<typeof openStore>>, events: number): Promise<string[]> {
  const jsons: string[] = [];
  let batch = [];
  for (const record of syntheticRecords(events, 11)) {
    const event = indexEvent(record, { origin: 'recorded' });
    jsons.push(event.json);
    batch.push(event);
    if (batch.length === 10_000) {
      await store.eventLog.append(batch);
      batch = [];
    }
  }
  if (batch.length) await store.eventLog.append(batch);
  return jsons;
}

/** Files of 8,000 records (about delivery's file size), compressed side by side as delivery compresses them. */
async function gzipBaselineRate(jsons: readonly string[]): Promise<number> {
  const start = process.hrtime.bigint();
  const files = [];
  for (let i = 0; i < jsons.length; i += 8_000) files.push(buildLogFile(jsons.slice(i, i + 8_000)));
  await Promise.all(files);
  return jsons.length / (elapsedMs(start) / 1000);
}

export interface DeliveryLatencyFigures {
  delivery_latency_p50_s: number;
  delivery_latency_p99_s: number;
  delivery_latency_samples: number;
}

export async function measureDeliveryLatency(workDir: string, cli: string, seconds: number): Promise<DeliveryLatencyFigures> {
  const dataDir = path.join(workDir, 'latency-data');
  const server = await startServer(cli, dataDir, ['--log-file-interval', '1']);
  const credentials = readSharedCredentials(path.join(dataDir, 'credentials'))!;
  const s3 = new S3Client({ endpoint: server.url, region: 'us-east-1', credentials, forcePathStyle: true });
  const cloudTrail = new SignedCloudTrailClient(server.url, credentials);
  try {
    await s3.send(new CreateBucketCommand({ Bucket: BUCKET }));
    await check(cloudTrail.call('CreateTrail', JSON.stringify({ Name: 'latency', S3BucketName: BUCKET })));
    await check(cloudTrail.call('StartLogging', JSON.stringify({ Name: 'latency' })));
    const answered = new Map<string, number>();
    const visible = new Map<string, number>();
    const watcher = watchBucket(s3, visible);
    const until = Date.now() + seconds * 1000;
    while (Date.now() < until) {
      const marker = `bench-${crypto.randomUUID()}`;
      await check(cloudTrail.call('LookupEvents', JSON.stringify({ LookupAttributes: [{ AttributeKey: 'EventId', AttributeValue: marker }], MaxResults: 1 })));
      answered.set(marker, performance.now());
      await new Promise((resolve) => setTimeout(resolve, 50));
    }
    const deadline = Date.now() + 30_000;
    while ([...answered.keys()].some((m) => !visible.has(m)) && Date.now() < deadline) await new Promise((r) => setTimeout(r, 100));
    watcher.stop();
    await watcher.done;
    const latencies = [...answered].filter(([m]) => visible.has(m)).map(([m, at]) => (visible.get(m)! - at) / 1000);
    if (latencies.length < answered.size) throw new Error(`${answered.size - latencies.length} of ${answered.size} calls were never delivered`);
    return {
      delivery_latency_p50_s: round(percentile(latencies, 50)),
      delivery_latency_p99_s: round(percentile(latencies, 99)),
      delivery_latency_samples: latencies.length,
    };
  } finally {
    s3.destroy();
    cloudTrail.close();
    server.child.kill('SIGTERM');
    await new Promise((resolve) => server.child.once('exit', resolve));
  }
}

/** Lists the bucket every 50 ms; a marker is visible from the listing that first showed the file holding it. */
function watchBucket(s3: S3Client, visible: Map<string, number>): { stop: () => void; done: Promise<void> } {
  let stopped = false;
  const read = new Set<string>();
  const done = (async () => {
    while (!stopped) {
      const listedAt = performance.now();
      for (const key of await listKeys(s3)) {
        if (read.has(key)) continue;
        read.add(key);
        for (const marker of await markersIn(s3, key)) if (!visible.has(marker)) visible.set(marker, listedAt);
      }
      await new Promise((resolve) => setTimeout(resolve, 50));
    }
  })();
  return { stop: () => (stopped = true), done };
}

async function listKeys(s3: S3Client): Promise<string[]> {
  const keys: string[] = [];
  let ContinuationToken: string | undefined;
  do {
    const page = await s3.send(new ListObjectsV2Command({ Bucket: BUCKET, ContinuationToken }));
    keys.push(...(page.Contents ?? []).map((object) => object.Key!));
    ContinuationToken = page.NextContinuationToken;
  } while (ContinuationToken);
  return keys;
}

async function markersIn(s3: S3Client, key: string): Promise<string[]> {
  const object = await s3.send(new GetObjectCommand({ Bucket: BUCKET, Key: key }));
  const body = zlib.gunzipSync(await object.Body!.transformToByteArray()).toString('utf8');
  return body.match(/bench-[0-9a-f-]{36}/g) ?? [];
}

async function check(answer: Promise<{ status: number; text: string }>): Promise<void> {
  const { status, text } = await answer;
  if (status !== 200) throw new Error(`call failed with ${status}: ${text.slice(0, 200)}`);
}
