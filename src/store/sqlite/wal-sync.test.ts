import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type Database from 'better-sqlite3';
import { openConnection } from './connection.js';
import { WalSync } from './wal-sync.js';

describe('WalSync', () => {
  let dir: string;
  let db: Database.Database;
  beforeEach(() => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'wal-sync-'));
    db = openConnection({ path: path.join(dir, 'db.sqlite') });
    db.exec('CREATE TABLE t (v INTEGER)');
  });
  afterEach(() => {
    db.close();
    fs.rmSync(dir, { recursive: true, force: true });
  });
  const synchronous = () => db.pragma('synchronous', { simple: true });

  it('commits with the WAL unsynced, syncs it, and leaves the connection at FULL', async () => {
    const sync = WalSync.of(db)!;
    const during: unknown[] = [];
    const value = await sync.commit(() => {
      during.push(synchronous());
      db.prepare('INSERT INTO t VALUES (1)').run();
      return 'done';
    });
    expect(value).toBe('done');
    expect(during).toEqual([1]);
    expect(synchronous()).toBe(2);
    expect(db.prepare('SELECT count(*) FROM t').pluck().get()).toBe(1);
    await sync.close();
  });

  it('lets commits come while a sync runs, each resolving once a sync begun after its writing has ended', async () => {
    const sync = WalSync.of(db)!;
    const insert = db.prepare('INSERT INTO t VALUES (?)');
    const commits = [1, 2, 3, 4].map((v) => sync.commit(() => insert.run(v).changes));
    await expect(Promise.all(commits)).resolves.toEqual([1, 1, 1, 1]);
    expect(synchronous()).toBe(2);
    await expect(sync.commit(() => insert.run(5).changes)).resolves.toBe(1);
    expect(db.prepare('SELECT count(*) FROM t').pluck().get()).toBe(5);
    await sync.close();
  });

  it('restores FULL when the commit throws, and does not sync', async () => {
    const sync = WalSync.of(db)!;
    await expect(sync.commit(() => {
      throw new Error('constraint');
    })).rejects.toThrow('constraint');
    expect(synchronous()).toBe(2);
    expect(sync.unsynced(() => synchronous())).toBe(1);
    expect(synchronous()).toBe(2);
    await sync.close();
  });

  it('fails the commit\'s callers when the WAL cannot be synced', async () => {
    const sync = WalSync.of(db)!;
    fs.rmSync(`${db.name}-wal`);
    await expect(sync.commit(() => 1)).rejects.toThrow(/ENOENT/);
    await sync.close();
  });

  it('is not used for a database without a WAL file', () => {
    const memory = openConnection({ path: ':memory:' });
    expect(WalSync.of(memory)).toBeUndefined();
    memory.close();
  });
});
