// An acknowledged call is never lost: SIGKILL the server while calls are in flight, restart it, and find the record
// of every call that got a success answer. Also: SIGTERM finishes calls in flight and exits 0.
import { afterEach, describe, expect, it } from 'vitest';
import path from 'node:path';
import { CloudTrailClient, LookupEventsCommand } from '@aws-sdk/client-cloudtrail';
import { spawnServer, exited, type ServerProcess } from '../support/server-process.js';
import { tempDir } from '../support/server.js';
import { readSharedCredentials } from '../../src/services/bootstrap-identity.js';

let running: ServerProcess | undefined;
afterEach(() => {
  running?.child.kill('SIGKILL');
  running = undefined;
});

function clientFor(server: ServerProcess, dataDir: string): CloudTrailClient {
  return new CloudTrailClient({
    endpoint: server.url, region: 'us-east-1', maxAttempts: 1,
    credentials: readSharedCredentials(path.join(dataDir, 'credentials'))!,
  });
}

describe('durability', () => {
  it('keeps the record of every acknowledged call across SIGKILL', async () => {
    const dataDir = tempDir();
    running = await spawnServer(['--data-dir', dataDir]);
    const client = clientFor(running, dataDir);
    const acknowledged: string[] = [];
    let stop = false;
    const worker = async () => {
      while (!stop) {
        try {
          const out = await client.send(new LookupEventsCommand({ MaxResults: 1 }));
          acknowledged.push(out.$metadata.requestId!);
        } catch {
          return; // the server is gone
        }
      }
    };
    const workers = Array.from({ length: 16 }, worker);
    while (acknowledged.length < 300) await new Promise((r) => setTimeout(r, 5));
    running.child.kill('SIGKILL');
    stop = true;
    await Promise.all(workers);
    await exited(running.child);
    client.destroy();

    running = await spawnServer(['--data-dir', dataDir]);
    const after = clientFor(running, dataDir);
    const recorded = new Set<string>();
    let NextToken: string | undefined;
    do {
      const page = await after.send(new LookupEventsCommand({
        LookupAttributes: [{ AttributeKey: 'EventName', AttributeValue: 'LookupEvents' }], NextToken,
      }));
      for (const e of page.Events ?? []) recorded.add(JSON.parse(e.CloudTrailEvent!).requestID);
      NextToken = page.NextToken;
    } while (NextToken);
    after.destroy();
    const missing = acknowledged.filter((id) => !recorded.has(id));
    expect(acknowledged.length).toBeGreaterThanOrEqual(300);
    expect(missing).toEqual([]);
  });

  it('finishes calls in flight and exits 0 on SIGTERM', async () => {
    const dataDir = tempDir();
    running = await spawnServer(['--data-dir', dataDir]);
    const client = clientFor(running, dataDir);
    const calls = Array.from({ length: 20 }, () => client.send(new LookupEventsCommand({ MaxResults: 1 })));
    await new Promise((r) => setTimeout(r, 2));
    running.child.kill('SIGTERM');
    const results = await Promise.allSettled(calls);
    const { code } = await exited(running.child);
    expect(code).toBe(0);
    client.destroy();
    // Every call either completed or was refused before it began; none was cut off half way.
    for (const r of results) {
      if (r.status === 'rejected') expect(String((r.reason as Error).name)).toMatch(/ECONNREFUSED|ServiceUnavailable|TimeoutError|Error/);
    }
    expect(results.some((r) => r.status === 'fulfilled')).toBe(true);
  });
});
