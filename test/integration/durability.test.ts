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

async function hammer(client: CloudTrailClient, acknowledged: string[], until: () => boolean): Promise<void> {
  while (!until()) {
    try {
      const out = await client.send(new LookupEventsCommand({ MaxResults: 1 }));
      acknowledged.push(out.$metadata.requestId!);
    } catch {
      return; // the server is gone or going
    }
  }
}

async function recordedRequestIds(server: ServerProcess, dataDir: string): Promise<Set<string>> {
  const client = clientFor(server, dataDir);
  const recorded = new Set<string>();
  let NextToken: string | undefined;
  do {
    const page = await client.send(new LookupEventsCommand({
      LookupAttributes: [{ AttributeKey: 'EventName', AttributeValue: 'LookupEvents' }], NextToken,
    }));
    for (const e of page.Events ?? []) recorded.add(JSON.parse(e.CloudTrailEvent!).requestID);
    NextToken = page.NextToken;
  } while (NextToken);
  client.destroy();
  return recorded;
}

/** Sixteen clients call without pause; the signal arrives once `count` calls were answered. */
async function signalUnderLoad(signal: NodeJS.Signals, count: number): Promise<{ dataDir: string; acknowledged: string[]; exit: { code: number | null; signal: NodeJS.Signals | null } }> {
  const dataDir = tempDir();
  running = await spawnServer(['--data-dir', dataDir]);
  const client = clientFor(running, dataDir);
  const acknowledged: string[] = [];
  let stop = false;
  const workers = Array.from({ length: 16 }, () => hammer(client, acknowledged, () => stop));
  while (acknowledged.length < count) await new Promise((r) => setTimeout(r, 5));
  running.child.kill(signal);
  const exit = await exited(running.child);
  stop = true;
  await Promise.all(workers);
  client.destroy();
  return { dataDir, acknowledged, exit };
}

describe('durability', () => {
  it('keeps the record of every acknowledged call across SIGKILL', async () => {
    const { dataDir, acknowledged, exit } = await signalUnderLoad('SIGKILL', 300);
    expect(exit.signal).toBe('SIGKILL');
    running = await spawnServer(['--data-dir', dataDir]);
    const recorded = await recordedRequestIds(running, dataDir);
    expect(acknowledged.length).toBeGreaterThanOrEqual(300);
    expect(acknowledged.filter((id) => !recorded.has(id))).toEqual([]);
  });

  it('finishes calls in flight, commits them and exits 0 on SIGTERM', async () => {
    const { dataDir, acknowledged, exit } = await signalUnderLoad('SIGTERM', 100);
    expect(exit).toEqual({ code: 0, signal: null });
    const output = running!.output();
    expect(output).not.toMatch(/"level":(50|60)/);
    running = await spawnServer(['--data-dir', dataDir]);
    const recorded = await recordedRequestIds(running, dataDir);
    expect(acknowledged.filter((id) => !recorded.has(id))).toEqual([]);
  });
});
