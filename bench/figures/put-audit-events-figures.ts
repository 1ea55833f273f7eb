// putauditevents_events_per_s: durable ingest of events from outside AWS through the HTTP API — `POST
// /PutAuditEvents` calls of 100 events each (about 600 bytes of eventData apiece, with checksums), SigV4-signed
// for `cloudtrail-data`, from 16 concurrent clients, into a server process that also runs its lake worker and
// delivery. Every call's events are committed before its answer, and each call is itself recorded.
import crypto from 'node:crypto';
import http from 'node:http';
import os from 'node:os';
import path from 'node:path';
import { SignatureV4 } from '@smithy/signature-v4';
import { readSharedCredentials } from '../../src/services/bootstrap-identity.js';
import { BENCH_ACCOUNT } from '../synthetic-records.js';
import { NodeSha256, SignedCloudTrailClient } from '../signed-client.js';
import { cpuWindow, type CpuSpent } from '../process-cpu.js';
import { elapsedMs, round } from '../stats.js';
import { startServer } from './lookup-figures.js';

const EVENTS_PER_CALL = 100;
const CONCURRENCY = 16;
/** Calls prepared per second of load: more than the server takes, so none is built while the clock runs. */
const PREPARED_EVENTS_PER_S = 60_000;
const NOTE = 'x'.repeat(200);

export interface PutAuditEventsFigures {
  putauditevents_events_per_s: number;
  putauditevents_calls: number;
  /** Where the CPU went while the clock ran (Linux only): see cpuFigures. */
  putauditevents_server_cpu_us_per_event?: number;
  putauditevents_server_main_thread_cpu_us_per_event?: number;
  putauditevents_load_cpu_us_per_event?: number;
  putauditevents_idle_pct?: number;
  putauditevents_cpu_bound_events_per_s?: number;
}

export async function measurePutAuditEvents(workDir: string, cli: string, seconds: number): Promise<PutAuditEventsFigures> {
  const dataDir = path.join(workDir, 'audit-data');
  const server = await startServer(cli, dataDir);
  try {
    return await drivePutAuditEvents(server.url, readSharedCredentials(path.join(dataDir, 'credentials'))!, seconds, server.child.pid);
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
  serverPid?: number,
): Promise<PutAuditEventsFigures> {
  const setup = new SignedCloudTrailClient(endpoint, credentials);
  const channelArn = await makeChannel(setup).finally(() => setup.close());
  const url = new URL(endpoint);
  const calls = new SignedCalls(url, channelArn, credentials);
  const agent = new http.Agent({ keepAlive: true, maxSockets: CONCURRENCY });
  try {
    for (let i = 0; i < 20; i++) await send(agent, url, await calls.next());
    // The load generator shares the 2 cores with the server: its calls are built and signed before the clock starts
    // (a SigV4 signature stays valid for 15 minutes), so that the figure is the server's, not the client's.
    await calls.prepare(PREPARED_EVENTS_PER_S * seconds);
    let events = 0;
    let sent = 0;
    const until = Date.now() + seconds * 1000;
    const cpuSpentSince = cpuWindow(serverPid);
    const start = process.hrtime.bigint();
    await Promise.all(Array.from({ length: CONCURRENCY }, async () => {
      while (Date.now() < until) {
        // Not `events += await send(…)`: that reads `events` before the await and loses the other clients' counts.
        const stored = await send(agent, url, await calls.next());
        events += stored;
        sent++;
      }
    }));
    const elapsedS = elapsedMs(start) / 1000;
    const cpu = cpuSpentSince();
    return {
      putauditevents_events_per_s: round(events / elapsedS, 0),
      putauditevents_calls: sent,
      ...cpuFigures(cpu.server, cpu.loadUs, events),
    };
  } finally {
    agent.destroy();
  }
}

/**
 * The server's CPU per acknowledged event (all its threads, and its main thread, which takes every call's HTTP,
 * signature and storage in turn), the load generator's, how much of the machine idled, and the rate those costs
 * allow on this machine's cores if none of them idled: what a faster pipeline could reach without cheaper events.
 */
function cpuFigures(spent: CpuSpent | undefined, loadUs: number, events: number): Partial<PutAuditEventsFigures> {
  if (!spent || events === 0) return {};
  const serverUsPerEvent = spent.processUs / events;
  const loadUsPerEvent = loadUs / events;
  return {
    putauditevents_server_cpu_us_per_event: round(serverUsPerEvent, 1),
    putauditevents_server_main_thread_cpu_us_per_event: round(spent.mainThreadUs / events, 1),
    putauditevents_load_cpu_us_per_event: round(loadUsPerEvent, 1),
    putauditevents_idle_pct: round(spent.machineIdlePct, 1),
    putauditevents_cpu_bound_events_per_s: round((os.availableParallelism() * 1e6) / (serverUsPerEvent + loadUsPerEvent), 0),
  };
}

interface SignedCall {
  path: string;
  headers: Record<string, string>;
  body: string;
}

/**
 * Signed PutAuditEvents calls of 100 new events each, made ahead of use when asked to, and used in the order they
 * were made. Their eventTimes advance as if the events happened at PREPARED_EVENTS_PER_S from the first call on, as
 * live events' times advance: made all at once, they would all carry the same second.
 */
class SignedCalls {
  readonly #ready: SignedCall[] = [];
  readonly #signer: SignatureV4;
  readonly #firstMs = Date.now();
  #sequence = 0;
  #used = 0;

  constructor(private readonly url: URL, private readonly channelArn: string, credentials: { accessKeyId: string; secretAccessKey: string }) {
    this.#signer = new SignatureV4({ service: 'cloudtrail-data', region: 'us-east-1', credentials, sha256: NodeSha256 });
  }

  async prepare(events: number): Promise<void> {
    while (this.#ready.length * EVENTS_PER_CALL < events) this.#ready.push(await this.#make());
  }

  next(): Promise<SignedCall> {
    const ready = this.#ready[this.#used];
    if (!ready) return this.#make();
    this.#ready[this.#used++] = undefined as never;
    return Promise.resolve(ready);
  }

  async #make(): Promise<SignedCall> {
    const call = this.#sequence++;
    const body = auditBody(call, this.#firstMs + (call * EVENTS_PER_CALL * 1000) / PREPARED_EVENTS_PER_S);
    const { url, channelArn } = this;
    const signed = await this.#signer.sign({
      method: 'POST', protocol: 'http:', hostname: url.hostname, port: Number(url.port), path: '/PutAuditEvents',
      query: { channelArn }, headers: { host: url.host, 'content-type': 'application/json' }, body,
    });
    return { path: `/PutAuditEvents?channelArn=${encodeURIComponent(channelArn)}`, headers: signed.headers, body };
  }
}

function send(agent: http.Agent, url: URL, call: SignedCall): Promise<number> {
  return new Promise((resolve, reject) => {
    const request = http.request({ agent, method: 'POST', host: url.hostname, port: url.port, path: call.path, headers: call.headers }, (response) => {
      const chunks: Buffer[] = [];
      response.on('data', (chunk: Buffer) => chunks.push(chunk));
      response.once('end', () => {
        const text = Buffer.concat(chunks).toString();
        const answer = JSON.parse(text) as { successful?: unknown[]; failed?: unknown[] };
        if (response.statusCode !== 200 || answer.failed?.length) reject(new Error(`PutAuditEvents failed: ${text.slice(0, 300)}`));
        else resolve(answer.successful?.length ?? 0);
      });
    });
    request.once('error', reject);
    request.end(call.body);
  });
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
function auditBody(call: number, timeMs: number): string {
  const eventTime = new Date(timeMs).toISOString().slice(0, 19) + 'Z';
  const entries = Array.from({ length: EVENTS_PER_CALL }, (_, i) => {
    const eventData = JSON.stringify({
      version: '1.0',
      userIdentity: { type: 'CustomUser', principalId: `user-${i % 37}@example.com`, details: { tenant: `t-${i % 5}` } },
      userAgent: 'bench-app/1.0',
      eventSource: 'orders.example.com',
      eventName: i % 3 === 0 ? 'PlaceOrder' : 'GetOrder',
      eventTime,
      UID: `${call}-${i}`,
      requestParameters: { orderId: `o-${call}-${i}`, items: i % 7, note: NOTE },
      responseElements: { status: 'ok' },
      sourceIPAddress: '203.0.113.10',
      recipientAccountId: BENCH_ACCOUNT,
    });
    const eventDataChecksum = crypto.hash('sha256', eventData, 'base64');
    return `{"id":"e${i}","eventData":${JSON.stringify(eventData)},"eventDataChecksum":"${eventDataChecksum}"}`;
  });
  return `{"auditEvents":[${entries.join(',')}]}`;
}
