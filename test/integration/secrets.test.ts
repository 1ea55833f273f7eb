// Secrets stay secret: the root secret is sealed in the database (never there in clear), and neither the server
// log nor any record carries a secret or a signature, whatever the calls.
import fs from 'node:fs';
import path from 'node:path';
import { Writable } from 'node:stream';
import { pino } from 'pino';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { LookupEventsCommand } from '@aws-sdk/client-cloudtrail';
import { startTestServer, type TestServer } from '../support/server.js';
import { cloudTrailClient, rawCloudTrailCall } from '../support/sdk.js';

let server: TestServer;
let logged = '';

beforeAll(async () => {
  const sink = new Writable({ write(chunk, _enc, done) { logged += chunk.toString(); done(); } });
  server = await startTestServer({}, { log: pino({ level: 'trace' }, sink) });
});
afterAll(async () => server?.close());

describe('secrets', () => {
  it('never appear in the database files, the log, or records', async () => {
    const { secretAccessKey } = server.credentials;
    const client = cloudTrailClient(server);
    await client.send(new LookupEventsCommand({ MaxResults: 1 }));
    const forged = cloudTrailClient(server, { credentials: { ...server.credentials, secretAccessKey: 'forged-secret-value-123' } });
    await expect(forged.send(new LookupEventsCommand({}))).rejects.toThrow();
    forged.destroy();
    const answer = await rawCloudTrailCall(server, {
      target: 'CloudTrail_20131101.LookupEvents',
      body: JSON.stringify({ SecretAccessKey: 'body-secret-value-456', Password: 'pw-789', MaxResults: 1 }),
    });
    expect(answer.status).toBe(200);
    const page = await client.send(new LookupEventsCommand({}));
    client.destroy();

    const records = page.Events!.map((e) => e.CloudTrailEvent!).join('\n');
    expect(records).toContain('HIDDEN_DUE_TO_SECURITY_REASONS');
    const stored = ['opentrail.db', 'opentrail.db-wal']
      .map((f) => path.join(server.dataDir, f))
      .filter((f) => fs.existsSync(f))
      .map((f) => fs.readFileSync(f).toString('latin1'))
      .join('');
    for (const secret of [secretAccessKey, 'forged-secret-value-123', 'body-secret-value-456', 'pw-789']) {
      expect(records).not.toContain(secret);
      expect(stored).not.toContain(secret);
      expect(logged).not.toContain(secret);
    }
    expect(logged).not.toMatch(/Signature=[0-9a-f]{64}/);
    expect(logged).toContain('"requestId"');
  });

  it('keep the master key and the credentials file private to the owner', () => {
    expect(fs.statSync(path.join(server.dataDir, 'master.key')).mode & 0o077).toBe(0);
    expect(fs.statSync(server.credentialsFile).mode & 0o077).toBe(0);
  });
});
