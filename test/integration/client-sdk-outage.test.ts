// The Node SDK against a real opentrail that is SIGKILLed mid-stream and restarted: every event the application
// handed over arrives exactly once (checked by eventID through LookupEvents), none is lost, and record() never
// fails. With a spool, the application itself also restarts during the outage.
import { afterEach, describe, expect, it } from 'vitest';
import path from 'node:path';
import { spawn } from 'node:child_process';
import { CloudTrailClient } from '@aws-sdk/client-cloudtrail';
import { OpentrailClient } from '../../src/client/opentrail-client.js';
import type { ClientOptions } from '../../src/client/client-options.js';
import { REPO_ROOT, spawnServer, exited, type ServerProcess } from '../support/server-process.js';
import { tempDir } from '../support/server.js';
import { lookupAll, notExactlyOnce } from '../support/lookup-all.js';
import { readSharedCredentials } from '../../src/services/bootstrap-identity.js';

let server: ServerProcess | undefined;
const clients: OpentrailClient[] = [];
afterEach(async () => {
  await Promise.all(clients.splice(0).map((c) => c.close({ timeoutMs: 100 })));
  server?.child.kill('SIGKILL');
  server = undefined;
});

interface Outage {
  dataDir: string;
  port: string;
  credentials: { accessKeyId: string; secretAccessKey: string };
}

async function startServer(): Promise<Outage> {
  const dataDir = tempDir();
  server = await spawnServer(['--data-dir', dataDir]);
  const credentials = readSharedCredentials(path.join(dataDir, 'credentials'))!;
  return { dataDir, port: new URL(server.url).port, credentials };
}

async function killServer(): Promise<void> {
  server!.child.kill('SIGKILL');
  await exited(server!.child);
}

async function restartServer(outage: Outage): Promise<void> {
  server = await spawnServer(['--data-dir', outage.dataDir, '--port', outage.port]);
}

function sdk(outage: Outage, options: Partial<ClientOptions> = {}): OpentrailClient {
  const client = new OpentrailClient({
    endpoint: `http://127.0.0.1:${outage.port}`, credentials: outage.credentials, eventSource: 'orders.example.com',
    batch: { maxRecords: 50, maxDelayMs: 20 }, retry: { baseDelayMs: 20, maxDelayMs: 250, requestTimeoutMs: 2000 },
    onError: () => {}, ...options,
  });
  clients.push(client);
  return client;
}

/** The application: records `perTick` events every millisecond until told to stop; every call must hand back an id. */
function application(eventName: string) {
  const handedOver: string[] = [];
  let failures = 0;
  let client: OpentrailClient | undefined;
  let stop = false;
  const running = (async () => {
    for (let i = 0; !stop; i++) {
      if (client) {
        for (let j = 0; j < 5; j++) {
          try {
            const id = client.record({ eventName, requestParameters: { orderId: `o-${i}-${j}` }, readOnly: false });
            if (id) handedOver.push(id);
            else failures++;
          } catch {
            failures++;
          }
        }
      }
      await new Promise((resolve) => setTimeout(resolve, 1));
    }
  })();
  return {
    handedOver,
    failures: () => failures,
    use: (next: OpentrailClient | undefined) => void (client = next),
    stop: async () => {
      stop = true;
      await running;
    },
  };
}

async function until(condition: () => boolean): Promise<void> {
  while (!condition()) await new Promise((resolve) => setTimeout(resolve, 10));
}

async function storedExactlyOnce(outage: Outage, eventName: string, handedOver: string[]) {
  const reader = new CloudTrailClient({ endpoint: server!.url, region: 'us-east-1', credentials: outage.credentials, maxAttempts: 1 });
  try {
    return notExactlyOnce(handedOver, await lookupAll(reader, 'EventName', eventName));
  } finally {
    reader.destroy();
  }
}

describe('OpentrailClient through an opentrail outage', () => {
  it('delivers every event exactly once when the server is SIGKILLed mid-stream and restarted (memory queue)', async () => {
    const outage = await startServer();
    const client = sdk(outage);
    const app = application('OrderPlaced');
    app.use(client);
    await until(() => client.stats.sent >= 600);
    await killServer();
    const atKill = app.handedOver.length;
    await until(() => app.handedOver.length >= atKill + 1500);
    await restartServer(outage);
    await until(() => app.handedOver.length >= atKill + 2500);
    await app.stop();

    expect(await client.flush({ timeoutMs: 30_000 })).toBe(true);
    expect(app.failures()).toBe(0);
    expect(client.stats).toMatchObject({ recorded: app.handedOver.length, sent: app.handedOver.length, dropped: 0 });
    expect(client.stats.retried).toBeGreaterThan(0);
    expect(await storedExactlyOnce(outage, 'OrderPlaced', app.handedOver)).toEqual({ missing: [], repeated: [], unexpected: [] });
  });

  it('keeps events in the spool while the server is down and the application restarts, and delivers each once', async () => {
    const outage = await startServer();
    const spool = { dir: tempDir('opentrail-spool-') };
    const first = sdk(outage, { spool });
    const app = application('InvoiceIssued');
    app.use(first);
    await until(() => first.stats.sent >= 600);
    await killServer();
    const atKill = app.handedOver.length;
    await until(() => app.handedOver.length >= atKill + 1000);

    app.use(undefined); // the application restarts while opentrail is still down
    const closed = await first.close({ timeoutMs: 200 });
    expect(closed.dropped).toBe(0);
    expect(closed.spooled).toBe(closed.recorded);
    const second = sdk(outage, { spool });
    expect(second.stats.pending).toBeGreaterThan(0);
    app.use(second);
    await until(() => app.handedOver.length >= atKill + 2000);

    await restartServer(outage);
    await until(() => app.handedOver.length >= atKill + 3000);
    await app.stop();
    expect(await second.flush({ timeoutMs: 30_000 })).toBe(true);
    expect(app.failures()).toBe(0);
    expect(second.stats.replayed).toBeGreaterThan(0);
    expect(second.stats.dropped).toBe(0);
    expect(await storedExactlyOnce(outage, 'InvoiceIssued', app.handedOver)).toEqual({ missing: [], repeated: [], unexpected: [] });
  });

  it('loses nothing it had spooled when the application itself is SIGKILLed mid-stream', async () => {
    const outage = await startServer();
    const spool = { dir: tempDir('opentrail-spool-') };
    const app = spawnApplication(outage, spool.dir);
    await until(() => app.durable() >= 1500);
    app.child.kill('SIGKILL');
    await exited(app.child);

    const replacement = sdk(outage, { spool });
    expect(replacement.stats.pending).toBeGreaterThan(0);
    expect(await replacement.flush({ timeoutMs: 30_000 })).toBe(true);
    const durable = app.recorded.slice(0, app.durable());
    const stored = await storedExactlyOnce(outage, 'ReportExported', app.recorded);
    expect(stored.repeated).toEqual([]);
    expect(stored.unexpected).toEqual([]);
    expect(durable.filter((id) => stored.missing.includes(id))).toEqual([]);
  });
});

/**
 * The application in its own process (the built SDK): records events without pause, printing each eventID, and
 * `durable <n>` once the first n are fsynced in its spool.
 */
function spawnApplication(outage: Outage, spoolDir: string) {
  const script = `
    import { OpentrailClient } from ${JSON.stringify(path.join(REPO_ROOT, 'dist/src/client/opentrail-client.js'))};
    const client = new OpentrailClient({
      endpoint: 'http://127.0.0.1:${outage.port}', credentials: ${JSON.stringify(outage.credentials)},
      eventSource: 'reports.example.com', spool: { dir: ${JSON.stringify(spoolDir)} }, batch: { maxRecords: 50, maxDelayMs: 20 },
      onError: () => {},
    });
    for (;;) {
      const ids = [];
      for (let i = 0; i < 20; i++) ids.push(client.record({ eventName: 'ReportExported' }));
      process.stdout.write(ids.map((id) => 'recorded ' + id + '\\n').join(''));
      await new Promise((resolve) => setTimeout(resolve, 2));
      process.stdout.write('durable ' + client.stats.spooled + '\\n');
    }`;
  const child = spawn(process.execPath, ['--input-type=module', '-e', script], { stdio: ['ignore', 'pipe', 'inherit'] });
  const recorded: string[] = [];
  let durable = 0;
  let pending = '';
  child.stdout!.on('data', (chunk: Buffer) => {
    const lines = (pending + chunk.toString()).split('\n');
    pending = lines.pop()!;
    for (const line of lines) {
      const [kind, value] = line.split(' ');
      if (kind === 'recorded') recorded.push(value!);
      if (kind === 'durable') durable = Number(value);
    }
  });
  return { child, recorded, durable: () => durable };
}
