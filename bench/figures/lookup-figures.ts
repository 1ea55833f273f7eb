// lookup_p99_ms and lookup_requests_per_s: one-attribute LookupEvents through the real HTTP API of a server process
// holding `events` stored events. Every lookup is itself recorded (durably), as in production.
import path from 'node:path';
import { spawn, type ChildProcess } from 'node:child_process';
import { openStore } from '../../src/store/open-store.js';
import { indexEvent } from '../../src/domain/indexed-event.js';
import { readSharedCredentials } from '../../src/services/bootstrap-identity.js';
import { BENCH_ACCOUNT, random, syntheticRecords, vocabulary } from '../synthetic-records.js';
import { SignedCloudTrailClient } from '../signed-client.js';
import { elapsedMs, percentile, round } from '../stats.js';
import { cpuWindow } from '../process-cpu.js';

export interface LookupFigures {
  lookup_p50_ms: number;
  lookup_p99_ms: number;
  lookup_requests_per_s: number;
  lookup_seed_events: number;
  /** While lookup_requests_per_s is measured (Linux only): the server's and the load generator's CPU per lookup. */
  lookup_server_cpu_us_per_request?: number;
  lookup_load_cpu_us_per_request?: number;
}

export async function measureLookups(workDir: string, cli: string, events: number, options: { samples: number; seconds: number }): Promise<LookupFigures> {
  const dataDir = path.join(workDir, 'lookup-data');
  await seed(dataDir, events);
  const server = await startServer(cli, dataDir);
  let client: SignedCloudTrailClient | undefined;
  try {
    const credentials = readSharedCredentials(path.join(dataDir, 'credentials'))!;
    client = new SignedCloudTrailClient(server.url, credentials);
    const queries = lookupBodies(500);
    for (let i = 0; i < 200; i++) await check(client.call('LookupEvents', queries[i % queries.length]!));
    const latencies: number[] = [];
    for (let i = 0; i < options.samples; i++) {
      const start = process.hrtime.bigint();
      await check(client.call('LookupEvents', queries[i % queries.length]!));
      latencies.push(elapsedMs(start));
    }
    const cpuSpentSince = cpuWindow(server.child.pid);
    const throughput = await requestsPerSecond(client, queries, options.seconds, 8);
    const cpu = cpuSpentSince();
    const perLookup = (us: number) => round(us / throughput.done, 0);
    return {
      lookup_p50_ms: round(percentile(latencies, 50)),
      lookup_p99_ms: round(percentile(latencies, 99)),
      lookup_requests_per_s: round(throughput.perSecond, 0),
      lookup_seed_events: events,
      ...(cpu.server && throughput.done > 0 && {
        lookup_server_cpu_us_per_request: perLookup(cpu.server.processUs),
        lookup_load_cpu_us_per_request: perLookup(cpu.loadUs),
      }),
    };
  } finally {
    client?.close();
    server.child.kill('SIGTERM');
    await new Promise((resolve) => server.child.once('exit', resolve));
  }
}

async function seed(dataDir: string, events: number): Promise<void> {
  const store = await openStore({ dataDir });
  let batch = [];
  for (const record of syntheticRecords(events, 7)) {
    batch.push(indexEvent(record, { origin: 'imported' }));
    if (batch.length === 10_000) {
      await store.eventLog.importEvents(batch);
      batch = [];
    }
  }
  if (batch.length) await store.eventLog.importEvents(batch);
  await store.close();
}

/** One attribute each, across all eight keys, with values common and rare. */
function lookupBodies(count: number): string[] {
  const rnd = random(99);
  const pick = <T>(items: readonly T[]) => items[Math.floor(rnd() * items.length)]!;
  const makers: Array<() => [string, string]> = [
    () => ['EventName', pick(vocabulary.eventNames)],
    () => ['Username', pick(vocabulary.usernames)],
    () => ['EventSource', pick(vocabulary.sources)],
    () => ['AccessKeyId', pick(vocabulary.accessKeys)],
    () => ['ResourceName', pick(vocabulary.buckets)],
    () => ['ResourceType', 'AWS::S3::Bucket'],
    () => ['ReadOnly', pick(['true', 'false'])],
    () => ['EventId', '00000000-0000-0000-0000-000000000000'],
  ];
  return Array.from({ length: count }, (_, i) => {
    const [key, value] = makers[i % makers.length]!();
    return JSON.stringify({ LookupAttributes: [{ AttributeKey: key, AttributeValue: value }], MaxResults: 50 });
  });
}

async function requestsPerSecond(
  client: SignedCloudTrailClient,
  queries: string[],
  seconds: number,
  concurrency: number,
): Promise<{ perSecond: number; done: number }> {
  let done = 0;
  const until = Date.now() + seconds * 1000;
  const start = process.hrtime.bigint();
  await Promise.all(Array.from({ length: concurrency }, async (_, w) => {
    for (let i = w; Date.now() < until; i += concurrency) {
      await check(client.call('LookupEvents', queries[i % queries.length]!));
      done++;
    }
  }));
  return { perSecond: done / (elapsedMs(start) / 1000), done };
}

async function check(answer: Promise<{ status: number; text: string }>): Promise<void> {
  const { status, text } = await answer;
  if (status !== 200) throw new Error(`lookup failed with ${status}: ${text.slice(0, 200)}`);
}

/** `opentrail serve` as a separate process on a free port, with `extraArgs` added to its flags. */
export async function startServer(cli: string, dataDir: string, extraArgs: readonly string[] = []): Promise<{ child: ChildProcess; url: string }> {
  const child = spawn(process.execPath, [cli, 'serve', '--port', '0', '--data-dir', dataDir, '--retention-days', '36500', ...extraArgs], {
    env: { ...process.env, OPENTRAIL_LOG_LEVEL: 'warn', OPENTRAIL_ACCOUNT_ID: BENCH_ACCOUNT },
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  let output = '';
  const url = await new Promise<string>((resolve, reject) => {
    child.stdout!.on('data', (chunk: Buffer) => {
      output += chunk.toString();
      const found = /listening on (http:\/\/\S+)/.exec(output)?.[1];
      if (found) resolve(found);
    });
    child.once('exit', (code) => reject(new Error(`server exited with ${code}: ${output}`)));
  });
  return { child, url };
}
