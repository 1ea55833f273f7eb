import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Store } from '../store.js';
import { storeConformance } from '../conformance/store-conformance.js';
import { trailStoreConformance } from '../conformance/trail-store-conformance.js';
import { lakeStoreConformance } from '../conformance/lake-store-conformance.js';
import { identityStoreConformance } from '../conformance/identity-store-conformance.js';
import { digestChainConformance } from '../conformance/digest-chain-conformance.js';
import { event, historyQuery, importedEvent, OTHER_REGION } from '../conformance/fixtures.js';
import { openSqliteStore, type SqliteStore } from './sqlite-store.js';
import { SchemaTooNewError } from './schema-version.js';
import { POSTING_BATCH } from './pending-postings.js';

const directories = new Map<Store, string>();

async function openInTempDir(): Promise<Store> {
  const dir = mkdtempSync(join(tmpdir(), 'opentrail-store-'));
  const store = await openSqliteStore({ path: join(dir, 'opentrail.db') });
  directories.set(store, dir);
  return store;
}

storeConformance('sqlite file', openInTempDir, (store) => {
  rmSync(directories.get(store)!, { recursive: true, force: true });
  directories.delete(store);
});
storeConformance('sqlite :memory:', () => openSqliteStore({ path: ':memory:' }));
trailStoreConformance('sqlite :memory:', () => openSqliteStore({ path: ':memory:' }));
lakeStoreConformance('sqlite :memory:', () => openSqliteStore({ path: ':memory:' }));
identityStoreConformance('sqlite :memory:', () => openSqliteStore({ path: ':memory:' }));
digestChainConformance('sqlite :memory:', () => openSqliteStore({ path: ':memory:' }));

describe('SqliteStore on disk', () => {
  let dir: string;
  let path: string;
  const open: SqliteStore[] = [];
  const openStore = async () => {
    const store = await openSqliteStore({ path });
    open.push(store);
    return store;
  };

  beforeEach(() => {
    dir = mkdtempSync(join(tmpdir(), 'opentrail-store-'));
    path = join(dir, 'opentrail.db');
  });
  afterEach(async () => {
    await Promise.all(open.splice(0).map((s) => s.close()));
    rmSync(dir, { recursive: true, force: true });
  });

  it('reopens with the same contents, and continues the sequence', async () => {
    const first = await openStore();
    await first.eventLog.append([event(), event({ eventCategory: 'Data', managementEvent: false })]);
    await first.eventLog.importEvents([importedEvent(), importedEvent({ awsRegion: OTHER_REGION })]);
    const key = { ...accessKey(), userName: 'admin' };
    await first.credentials.saveAccessKey(key);
    const before = await snapshot(first);
    await first.close();

    const second = await openStore();
    expect(await snapshot(second)).toEqual(before);
    expect(await second.credentials.findAccessKey(key.accessKeyId)).toEqual(key);
    await second.eventLog.append([event()]);
    expect(await second.eventFeed.lastSeq()).toBe(before.lastSeq + 1);
  });

  it('shares the file with a second connection: each sees what the other committed, and both can write', async () => {
    const [a, b] = [await openStore(), await openStore()];
    const fromA = event();
    await a.eventLog.append([fromA]);
    expect(await eventIds(b)).toEqual([fromA.eventId]);

    const fromB = importedEvent({ awsRegion: OTHER_REGION });
    expect(await b.eventLog.importEvents([fromB])).toEqual({ added: 1, duplicates: 0 });
    const inOtherRegion = await a.eventHistory.lookup(historyQuery({ region: OTHER_REGION }));
    expect(inOtherRegion.rows.map((r) => r.json)).toEqual([fromB.json]);

    const concurrent = Array.from({ length: 20 }, () => event());
    await Promise.all(concurrent.map((e, i) => (i % 2 ? a : b).eventLog.append([e])));
    const logged = await a.eventFeed.readAfter(0, 100);
    expect(logged).toHaveLength(22);
    expect(new Set(logged.map((l) => l.seq)).size).toBe(22);
  });

  it('waits for another process that holds the write lock, and sees what it wrote', async () => {
    const store = await openStore();
    const appended = event();
    await store.eventLog.append([appended]);
    const child = holdWriteLock(path, 300, appended.eventId);
    await child.locked;
    const started = Date.now();
    await store.eventLog.append([event()]);
    expect(Date.now() - started).toBeGreaterThanOrEqual(150);
    expect(await child.output).toBe(appended.json);
    expect(await store.credentials.findAccessKey('AKIAFROMCHILD0000000')).toMatchObject({ userName: 'child' });
  });

  it('prunes the resource postings of the events it deletes', async () => {
    const store = await openStore();
    const day = Date.UTC(2025, 2, 10);
    const withResources = (ms: number) => event({
      eventTime: new Date(ms).toISOString(),
      requestParameters: { bucketName: 'b', roleName: 'r' },
      resources: [{ ARN: 'arn:aws:s3:::b/k', type: 'AWS::S3::Object' }],
    });
    // One commit of POSTING_BATCH events is written as postings at once (pending-postings.ts).
    const old = Array.from({ length: POSTING_BATCH - 1 }, (_, i) => withResources(day - 1000 - i));
    await store.eventLog.append([...old, withResources(day)]);
    const db = new Database(path, { readonly: true });
    // Attributes 6 and 7: ResourceType and ResourceName (posting-attributes.ts).
    const resourceRows = () => db.prepare('SELECT sum(count) FROM history_postings WHERE attr >= 6').pluck().get();
    try {
      expect(resourceRows()).toBe(6 * POSTING_BATCH);
      expect(await store.eventLog.pruneBefore(day)).toBe(POSTING_BATCH - 1);
      expect(resourceRows()).toBe(6);
    } finally {
      db.close();
    }
  });

  it('refuses a database from a newer opentrail', async () => {
    const db = new Database(path);
    db.pragma('user_version = 99');
    db.close();
    await expect(openSqliteStore({ path })).rejects.toBeInstanceOf(SchemaTooNewError);
  });
});

async function snapshot(store: Store) {
  return {
    feed: await store.eventFeed.readAfter(0, 1000),
    lastSeq: await store.eventFeed.lastSeq(),
    history: await store.eventHistory.lookup(historyQuery()),
    otherRegion: await store.eventHistory.lookup(historyQuery({ region: OTHER_REGION })),
  };
}

async function eventIds(store: Store): Promise<string[]> {
  return (await store.eventHistory.lookup(historyQuery())).rows.map((r) => r.attributes.eventId);
}

function accessKey() {
  return {
    accessKeyId: 'AKIAADMIN00000000000', accountId: '111122223333', principalType: 'IAMUser' as const,
    principalId: 'AIDAADMIN', principalArn: 'arn:aws:iam::111122223333:user/admin', sealedSecret: 'sealed',
    status: 'Active' as const, createdMs: 1,
  };
}

/**
 * A separate process, as `opentrail import` would be: it reads an event this process appended, then holds the
 * write lock for `holdMs` while it writes an access key.
 */
function holdWriteLock(path: string, holdMs: number, eventId: string): { locked: Promise<void>; output: Promise<string> } {
  const script = `
    const Database = require(process.argv[1]);
    const db = new Database(process.argv[2], { timeout: 5000 });
    const json = db.prepare('SELECT json FROM events WHERE event_id = ?').pluck().get(process.argv[4]);
    db.exec('BEGIN IMMEDIATE');
    db.prepare("INSERT INTO access_keys (access_key_id, account_id, principal_type, principal_id, principal_arn, user_name, sealed_secret, status, created_ms) VALUES ('AKIAFROMCHILD0000000', '1', 'IAMUser', 'p', 'arn', 'child', 's', 'Active', 1)").run();
    process.stderr.write('locked\\n');
    Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, Number(process.argv[3]));
    db.exec('COMMIT');
    process.stdout.write(json);
  `;
  const betterSqlite = createRequire(import.meta.url).resolve('better-sqlite3');
  const child = spawn(process.execPath, ['-e', script, betterSqlite, path, String(holdMs), eventId]);
  const locked = new Promise<void>((resolve, reject) => {
    child.stderr.on('data', (chunk: Buffer) => (chunk.toString().includes('locked') ? resolve() : reject(new Error(chunk.toString()))));
    child.on('exit', () => reject(new Error('child exited before locking')));
  });
  const output = new Promise<string>((resolve, reject) => {
    let out = '';
    child.stdout.on('data', (chunk: Buffer) => (out += chunk.toString()));
    child.on('exit', (code) => (code === 0 ? resolve(out) : reject(new Error(`child exited with ${code}`))));
  });
  return { locked, output };
}
