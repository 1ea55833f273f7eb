// putauditevents_events_per_s: durable ingest of events from outside AWS through the HTTP API — `POST
// /PutAuditEvents` calls of 100 events each (about 600 bytes of eventData apiece, with checksums), SigV4-signed
// for `cloudtrail-data`, from 16 concurrent clients, into a server process that also runs its lake worker and
// delivery. Every call's events are committed before its answer, and each call is itself recorded.
import crypto from 'node:crypto';
import path from 'node:path';
import { SignatureV4 } from '@smithy/signature-v4';
import { readSharedCredentials } from '../../src/services/bootstrap-identity.js';
import { BENCH_ACCOUNT } from '../synthetic-records.js';
import { NodeSha256, SignedCloudTrailClient } from '../signed-client.js';
import { elapsedMs, round } from '../stats.js';
import { startServer } from './lookup-figures.js';

const EVENTS_PER_CALL = 100;
const CONCURRENCY = 16;

export interface PutAuditEventsFigures {
  putauditevents_events_per_s: number;
  putauditevents_calls: number;
}

export async function measurePutAuditEvents(workDir: string, cli: string, seconds: number): Promise<PutAuditEventsFigures> {
  const dataDir = path.join(workDir, 'audit-data');
  const server = await startServer(cli, dataDir);
  try {
    return await drivePutAuditEvents(server.url, readSharedCredentials(path.join(dataDir, 'credentials'))!, seconds);
  } finally {
    server.child.kill('SIGTERM');
    await new Promise((resolve) => server.child.once('exit', resolve));
  }
}

/** The load on a running server; exported so that a profiled server can be driven by hand. */
export async function drivePutAuditEvents(
  endpoint: string,
  credentials: { accessKeyId: string; secretAccessKey: string },
  seconds: number,
): Promise<PutAuditEventsFigures> {
  const channelArn = await makeChannel(new SignedCloudTrailClient(endpoint, credentials));
  const url = new URL(endpoint);
  const signer = new SignatureV4({ service: 'cloudtrail-data', region: 'us-east-1', credentials, sha256: NodeSha256 });
  let sequence = 0;
  const call = async (): Promise<number> => {
    const body = auditBody(sequence++);
    const query = { channelArn };
    const signed = await signer.sign({
      method: 'POST', protocol: 'http:', hostname: url.hostname, port: Number(url.port), path: '/PutAuditEvents', query,
      headers: { host: url.host, 'content-type': 'application/json' }, body,
    });
    const { host: _host, ...headers } = signed.headers;
    const response = await fetch(`${url.origin}/PutAuditEvents?channelArn=${encodeURIComponent(channelArn)}`, { method: 'POST', headers, body });
    const answer = (await response.json()) as { successful?: unknown[]; failed?: unknown[] };
    if (response.status !== 200 || answer.failed?.length) throw new Error(`PutAuditEvents failed: ${JSON.stringify(answer).slice(0, 300)}`);
    return answer.successful?.length ?? 0;
  };
  for (let i = 0; i < 20; i++) await call();
  let events = 0;
  let calls = 0;
  const until = Date.now() + seconds * 1000;
  const start = process.hrtime.bigint();
  await Promise.all(Array.from({ length: CONCURRENCY }, async () => {
    while (Date.now() < until) {
      // Not `events += await call()`: that reads `events` before the await and loses the other clients' counts.
      const stored = await call();
      events += stored;
      calls++;
    }
  }));
  return { putauditevents_events_per_s: round(events / (elapsedMs(start) / 1000), 0), putauditevents_calls: calls };
}

async function makeChannel(client: SignedCloudTrailClient): Promise<string> {
  const store = await client.call('CreateEventDataStore', JSON.stringify({
    Name: 'bench-activity', AdvancedEventSelectors: [{ FieldSelectors: [{ Field: 'eventCategory', Equals: ['ActivityAuditLog'] }] }],
  }));
  const storeArn = (JSON.parse(store.text) as { EventDataStoreArn: string }).EventDataStoreArn;
  const channel = await client.call('CreateChannel', JSON.stringify({
    Name: 'bench', Source: 'Custom', Destinations: [{ Type: 'EVENT_DATA_STORE', Location: storeArn }],
  }));
  return (JSON.parse(channel.text) as { ChannelArn: string }).ChannelArn;
}

/** 100 distinct events: each call's are new, so none is answered from an earlier call's. */
function auditBody(call: number): string {
  const auditEvents = Array.from({ length: EVENTS_PER_CALL }, (_, i) => {
    const eventData = JSON.stringify({
      version: '1.0',
      userIdentity: { type: 'CustomUser', principalId: `user-${i % 37}@example.com`, details: { tenant: `t-${i % 5}` } },
      userAgent: 'bench-app/1.0',
      eventSource: 'orders.example.com',
      eventName: i % 3 === 0 ? 'PlaceOrder' : 'GetOrder',
      eventTime: new Date().toISOString().slice(0, 19) + 'Z',
      UID: `${call}-${i}`,
      requestParameters: { orderId: `o-${call}-${i}`, items: i % 7, note: 'x'.repeat(200) },
      responseElements: { status: 'ok' },
      sourceIPAddress: '203.0.113.10',
      recipientAccountId: BENCH_ACCOUNT,
    });
    const eventDataChecksum = crypto.createHash('sha256').update(eventData).digest('base64');
    return { id: `e${i}`, eventData, eventDataChecksum };
  });
  return JSON.stringify({ auditEvents });
}
