// Exactly-once delivery across crashes: SIGKILL the server while calls are answered and log files delivered,
// restart it, and find every acknowledged call in exactly one delivered file of each trail that selects it.
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import {
  CloudTrailClient, CreateTrailCommand, LookupEventsCommand, PutEventSelectorsCommand, StartLoggingCommand,
} from '@aws-sdk/client-cloudtrail';
import { CreateBucketCommand, GetObjectCommand, ListObjectsV2Command, S3Client } from '@aws-sdk/client-s3';
import type { CloudTrailRecord } from '../../src/domain/record.js';
import { readSharedCredentials } from '../../src/services/bootstrap-identity.js';
import { exited, spawnServer, type ServerProcess } from '../support/server-process.js';
import { tempDir } from '../support/server.js';
import { gunzipFirstMember } from '../support/single-member-gunzip.js';
import { waitFor } from '../support/delivered-logs.js';

const BUCKET = 'crash-logs';
const TRAILS = { all: '', second: 'second', writes: 'writes' } as const;

let running: ServerProcess | undefined;
afterEach(() => {
  running?.child.kill('SIGKILL');
  running = undefined;
});

interface Clients {
  cloudTrail: CloudTrailClient;
  s3: S3Client;
}

function clientsFor(server: ServerProcess, dataDir: string): Clients {
  const credentials = readSharedCredentials(path.join(dataDir, 'credentials'))!;
  const common = { endpoint: server.url, region: 'us-east-1', credentials, maxAttempts: 1 };
  return { cloudTrail: new CloudTrailClient(common), s3: new S3Client({ ...common, forcePathStyle: true }) };
}

async function setUp({ cloudTrail, s3 }: Clients): Promise<void> {
  await s3.send(new CreateBucketCommand({ Bucket: BUCKET }));
  for (const [name, prefix] of Object.entries(TRAILS)) {
    await cloudTrail.send(new CreateTrailCommand({ Name: name, S3BucketName: BUCKET, ...(prefix ? { S3KeyPrefix: prefix } : {}) }));
  }
  await cloudTrail.send(new PutEventSelectorsCommand({
    TrailName: 'writes',
    EventSelectors: [{ ReadWriteType: 'WriteOnly', IncludeManagementEvents: true }],
  }));
  for (const name of Object.keys(TRAILS)) await cloudTrail.send(new StartLoggingCommand({ Name: name }));
}

/** Eight clients call without pause until `stop()`; every call answered with success is acknowledged. */
function load(cloudTrail: CloudTrailClient, acknowledged: string[]): { stop: () => void; done: Promise<void> } {
  let stopped = false;
  const worker = async () => {
    while (!stopped) {
      try {
        acknowledged.push((await cloudTrail.send(new LookupEventsCommand({ MaxResults: 1 }))).$metadata.requestId!);
      } catch {
        return; // the server is gone
      }
    }
  };
  const done = Promise.all(Array.from({ length: 8 }, worker)).then(() => undefined);
  return { stop: () => (stopped = true), done };
}

async function objectCount(s3: S3Client): Promise<number> {
  return (await s3.send(new ListObjectsV2Command({ Bucket: BUCKET }))).KeyCount ?? 0;
}

/** Every delivered record, by trail (told apart by key prefix). */
async function deliveredByTrail(s3: S3Client): Promise<Map<string, CloudTrailRecord[]>> {
  const byTrail = new Map<string, CloudTrailRecord[]>(Object.keys(TRAILS).map((name) => [name, []]));
  let ContinuationToken: string | undefined;
  do {
    const page = await s3.send(new ListObjectsV2Command({ Bucket: BUCKET, ContinuationToken }));
    for (const { Key } of page.Contents ?? []) {
      const object = await s3.send(new GetObjectCommand({ Bucket: BUCKET, Key }));
      const member = gunzipFirstMember(Buffer.from(await object.Body!.transformToByteArray()));
      expect(member.trailingBytes).toBe(0);
      const trail = Object.entries(TRAILS).find(([, prefix]) => prefix && Key!.startsWith(`${prefix}/`))?.[0] ?? 'all';
      byTrail.get(trail)!.push(...(JSON.parse(member.body.toString('utf8')) as { Records: CloudTrailRecord[] }).Records);
    }
    ContinuationToken = page.NextContinuationToken;
  } while (ContinuationToken);
  return byTrail;
}

async function killDuringDelivery(server: ServerProcess, clients: Clients, acknowledged: string[]): Promise<void> {
  const traffic = load(clients.cloudTrail, acknowledged);
  const filesBefore = await objectCount(clients.s3);
  await waitFor('deliveries under load', async () => ((await objectCount(clients.s3)) >= filesBefore + 3 ? true : undefined));
  await new Promise((resolve) => setTimeout(resolve, 300 + Math.random() * 700));
  server.child.kill('SIGKILL');
  await exited(server.child);
  traffic.stop();
  await traffic.done;
}

describe('delivery across crashes', () => {
  it('puts every acknowledged call in exactly one file of each trail that selects it', async () => {
    const dataDir = tempDir('opentrail-delivery-crash-');
    const args = ['--data-dir', dataDir, '--log-file-interval', '1'];
    const acknowledged: string[] = [];
    running = await spawnServer(args);
    let clients = clientsFor(running, dataDir);
    await setUp(clients);
    for (let round = 0; round < 3; round++) {
      await killDuringDelivery(running, clients, acknowledged);
      running = await spawnServer(args);
      clients = clientsFor(running, dataDir);
    }
    expect(acknowledged.length).toBeGreaterThan(100);

    const byTrail = await waitFor('every acknowledged call delivered', async () => {
      const delivered = await deliveredByTrail(clients.s3);
      const everywhere = ['all', 'second'].every((trail) => {
        const ids = new Set(delivered.get(trail)!.map((r) => r.requestID));
        return acknowledged.every((id) => ids.has(id));
      });
      return everywhere ? delivered : undefined;
    }, 60_000);
    for (const trail of ['all', 'second']) {
      const eventIds = byTrail.get(trail)!.map((r) => r.eventID);
      expect(new Set(eventIds).size, `duplicates in ${trail}`).toBe(eventIds.length);
    }
    const writes = byTrail.get('writes')!;
    expect(writes.every((r) => r.readOnly === false)).toBe(true);
    const writeIds = new Set(writes.map((r) => r.requestID));
    expect(acknowledged.filter((id) => writeIds.has(id))).toEqual([]);
    expect(writes.map((r) => r.eventName)).toContain('StartLogging');
  }, 180_000);
});
