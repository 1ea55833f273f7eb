// Group commits without an fsync on the event loop. With `synchronous = FULL`, SQLite fsyncs the WAL inside COMMIT,
// and better-sqlite3 runs COMMIT on the main thread: the whole process stalls for every fsync (measured: a fifth of
// the main thread's time under PutAuditEvents load). Here a group commit runs with `synchronous = NORMAL` (its WAL
// frames are written, not synced) and the WAL is then fdatasync'ed on libuv's thread pool; callers hear of their
// events only after that, so an acknowledged event is exactly as durable as under FULL. Every other write of the
// connection keeps FULL unless it asks for `unsynced`. Readers may see a group's events up to one fsync before they
// are durable.
import fs from 'node:fs/promises';
import type Database from 'better-sqlite3';

export class WalSync {
  readonly #walPath: string;
  readonly #db: Database.Database;
  #wal: Promise<fs.FileHandle> | undefined;
  /** The sync under way, and the one that starts when it ends (shared by every commit written meanwhile). */
  #running: Promise<void> | undefined;
  #next: Promise<void> | undefined;

  private constructor(db: Database.Database) {
    this.#walPath = `${db.name}-wal`;
    this.#db = db;
  }

  /** Undefined where there is no WAL file to sync (an in-memory database): commits stay as they are. */
  static of(db: Database.Database): WalSync | undefined {
    if (db.memory || db.readonly) return undefined;
    const mode = db.pragma('journal_mode', { simple: true });
    return mode === 'wal' ? new WalSync(db) : undefined;
  }

  /** Runs `commit` (a whole write transaction) and resolves with its value once its WAL frames are on disk. */
  async commit<T>(commit: () => T): Promise<T> {
    const value = this.unsynced(commit);
    await this.#sync();
    return value;
  }

  /**
   * Runs `commit` without syncing the WAL, for writes that may be lost in a power failure because they are redone
   * from what is durable (the lake worker's copies and cursor): the next synced commit or checkpoint carries them.
   */
  unsynced<T>(commit: () => T): T {
    // Not prepared statements: SQLite applies this pragma when it compiles it, so a prepared one is unreliable.
    this.#db.exec('PRAGMA synchronous = NORMAL');
    try {
      return commit();
    } finally {
      this.#db.exec('PRAGMA synchronous = FULL');
    }
  }

  async close(): Promise<void> {
    const wal = this.#wal;
    this.#wal = undefined;
    if (wal) await (await wal.catch(() => undefined))?.close();
  }

  /**
   * A sync that covers every frame written so far: the one under way may have begun before the caller's frames were
   * written, so callers that come while it runs share the next one. At most one fdatasync runs at a time.
   */
  #sync(): Promise<void> {
    if (!this.#running) return this.#start();
    this.#next ??= this.#running.catch(() => undefined).then(() => {
      this.#next = undefined;
      return this.#start();
    });
    return this.#next;
  }

  #start(): Promise<void> {
    const running = this.#datasync().finally(() => {
      if (this.#running === running) this.#running = undefined;
    });
    this.#running = running;
    return running;
  }

  async #datasync(): Promise<void> {
    // The connection keeps the WAL file (same inode) for as long as it is open: SQLite truncates or rewrites it, but
    // deletes it only when the last connection closes, so one descriptor serves every sync.
    this.#wal ??= fs.open(this.#walPath, 'r');
    try {
      await (await this.#wal).datasync();
    } catch (error) {
      await this.close();
      throw error;
    }
  }
}
