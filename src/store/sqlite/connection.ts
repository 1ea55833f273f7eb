// One better-sqlite3 connection, configured for opentrail's durability and concurrency promises.
import Database from 'better-sqlite3';

export interface SqliteConnectionOptions {
  /** Path of the database file; `:memory:` for a private, throwaway database. */
  path: string;
  /**
   * How long a write waits for another process's write lock (`opentrail import` next to the server) before it
   * fails. better-sqlite3 waits synchronously, so keep other writers' transactions short.
   */
  busyTimeoutMs?: number;
  /** Page cache per connection; imports touch index pages all over the file, and a larger cache keeps them warm. */
  cacheSizeMiB?: number;
  /**
   * Read only: for one-shot readers on the server's host (`validate-logs --direct`). The file must exist and is
   * never written, so its settings are left as the writer made them.
   */
  readOnly?: boolean;
}

export function openConnection(options: SqliteConnectionOptions): Database.Database {
  if (options.readOnly) return new Database(options.path, { readonly: true, fileMustExist: true, timeout: options.busyTimeoutMs ?? 10_000 });
  const db = new Database(options.path, { timeout: options.busyTimeoutMs ?? 10_000 });
  try {
    // Takes effect only when the file is created. Records are 1-2 KB: 16 KiB pages waste little space on page
    // tails and write fewer, larger pages (measured ~1.5x faster imports than 4 KiB).
    db.pragma('page_size = 16384');
    // WAL: readers never block the writer, and one commit is one append + fsync of the log.
    db.pragma('journal_mode = WAL');
    // FULL: the WAL is synced at every commit, so an acknowledged append survives a crash or power loss.
    db.pragma('synchronous = FULL');
    db.pragma(`cache_size = ${-1024 * (options.cacheSizeMiB ?? 128)}`);
    // Checkpoint every 64 MiB of WAL rather than SQLite's 16 MiB at these page sizes: pages that several commits
    // dirty are copied back once (measured ~15% faster bulk imports), at the cost of a rarer, longer checkpoint.
    db.pragma('wal_autocheckpoint = 4096');
    db.pragma('temp_store = MEMORY');
    return db;
  } catch (error) {
    db.close();
    throw error;
  }
}
