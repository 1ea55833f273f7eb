// The write side of history_postings (see schema.ts): a write transaction collects its Event History events'
// (attribute, value) → (time, seq) entries and writes them as a few posting rows when it commits, instead of
// one index entry per event and attribute. Postings never span more than one UTC day, which bounds how far
// a lookup must look above its window; small postings (live appends commit a few events at a time) are merged
// into the newest posting of their day while that one is small too, so that lookups read few rows.
import type Database from 'better-sqlite3';
import type { HistoryAttributes } from '../../domain/history-attributes.js';
import { decodeEntries, encodeEntries, newestFirst, type Entry } from './posting-codec.js';
import { postingKeys, type PostingAttribute } from './posting-attributes.js';
import type { SqlValue } from './lookup-plan.js';

/** Every entry of a posting lies in one aligned stretch of this length. */
export const POSTING_SPAN_MS = 86_400_000;
/** Bounds what a lookup decodes to reach one entry. */
const MAX_ENTRIES = 1_024;
/**
 * A batch's posting this small (live appends commit a few events at a time) is merged into its day's newest
 * posting while that one holds fewer than MERGE_BELOW entries. Larger ones (imports) are written as they are:
 * looking for a neighbour costs more than the lookups it would save.
 */
const COMPACT_BELOW = 16;
const MERGE_BELOW = 128;
/** Bounds the memory of small postings written last (see PostingWriter). */
const MAX_REMEMBERED = 50_000;

export interface PostingKey {
  scope: number;
  attr: PostingAttribute;
  value: SqlValue;
}

interface Group extends PostingKey {
  entries: Entry[];
}

interface StoredPosting {
  newest_ms: number;
  newest_seq: number;
  count: number;
  entries: Buffer;
}

/** The posting entries of one transaction (or savepoint), not yet written. */
export class PostingBuffer {
  /** By scope and day, then by attribute and value: nested maps spare a key string per event and attribute. */
  readonly #days = new Map<string, Map<PostingAttribute, Map<SqlValue, Group>>>();

  add(scope: number, attributes: HistoryAttributes, entry: Entry): void {
    const day = this.#day(scope, entry.timeMs);
    for (const [attr, value] of postingKeys(attributes)) groupIn(day, { scope, attr, value }).entries.push(entry);
  }

  /** Takes over another buffer's entries (a savepoint that succeeded). */
  absorb(other: PostingBuffer): void {
    for (const group of other.groups()) {
      for (const entry of group.entries) this.#group(group, entry.timeMs).entries.push(entry);
    }
  }

  *groups(): Generator<Group> {
    for (const day of this.#days.values()) for (const values of day.values()) yield* values.values();
  }

  #group(key: PostingKey, timeMs: number): Group {
    return groupIn(this.#day(key.scope, timeMs), key);
  }

  #day(scope: number, timeMs: number): Map<PostingAttribute, Map<SqlValue, Group>> {
    const dayKey = `${scope}:${Math.floor(timeMs / POSTING_SPAN_MS)}`;
    let day = this.#days.get(dayKey);
    if (!day) this.#days.set(dayKey, (day = new Map()));
    return day;
  }
}

function groupIn(day: Map<PostingAttribute, Map<SqlValue, Group>>, key: PostingKey): Group {
  let values = day.get(key.attr);
  if (!values) day.set(key.attr, (values = new Map()));
  let group = values.get(key.value);
  if (!group) values.set(key.value, (group = { ...key, entries: [] }));
  return group;
}

/** A small posting this connection wrote, as it wrote it. */
interface Remembered {
  newest: Entry;
  entries: Entry[];
  /** What the row holds: another writer's merge may keep the key (the newest entry) but not the entries. */
  blob: Buffer;
}

export class PostingWriter {
  /**
   * The small postings this connection wrote last, by key and day: the next live append to merge into one
   * needs neither to find it nor to decode it. Only a hint: if the posting is no longer there (another process
   * merged or pruned it, or its transaction failed), the merge finds its neighbour in the table instead.
   */
  readonly #recent = new Map<string, Remembered>();
  readonly #insert: Database.Statement<[number, number, SqlValue, number, number, number, number, Buffer]>;
  readonly #delete: Database.Statement<[number, number, SqlValue, number, number]>;
  readonly #deleteUnchanged: Database.Statement<[number, number, SqlValue, number, number, Buffer]>;
  readonly #newestOfDay: Database.Statement<[number, number, SqlValue, number, number], StoredPosting>;

  constructor(db: Database.Database) {
    this.#insert = db.prepare(`INSERT INTO history_postings (scope, attr, value, newest_ms, newest_seq, oldest_ms, count,
      entries) VALUES (?, ?, ?, ?, ?, ?, ?, ?)`);
    this.#delete = db.prepare(`DELETE FROM history_postings
      WHERE scope = ? AND attr = ? AND value = ? AND newest_ms = ? AND newest_seq = ?`);
    this.#deleteUnchanged = db.prepare(`DELETE FROM history_postings
      WHERE scope = ? AND attr = ? AND value = ? AND newest_ms = ? AND newest_seq = ? AND entries = ?`);
    this.#newestOfDay = db.prepare(`SELECT newest_ms, newest_seq, count, entries FROM history_postings
      WHERE scope = ? AND attr = ? AND value = ? AND newest_ms >= ? AND newest_ms < ?
      ORDER BY newest_ms DESC, newest_seq DESC LIMIT 1`);
  }

  /** Must run inside the write transaction whose events the buffer holds. */
  write(buffer: PostingBuffer): void {
    for (const group of buffer.groups()) {
      const entries = group.entries.length < COMPACT_BELOW ? this.#withSmallNeighbour(group) : group.entries;
      this.put(group, entries);
    }
  }

  /** Writes entries (all of one day) as postings of at most MAX_ENTRIES each. */
  put(key: PostingKey, entries: Entry[]): void {
    entries.sort(newestFirst);
    for (let i = 0; i < entries.length; i += MAX_ENTRIES) {
      const chunk = entries.slice(i, i + MAX_ENTRIES);
      const newest = chunk[0]!;
      const blob = encodeEntries(chunk);
      this.#insert.run(key.scope, key.attr, key.value, newest.timeMs, newest.seq, chunk.at(-1)!.timeMs, chunk.length, blob);
      if (i === 0) this.#remember(key, { newest, entries: chunk, blob });
    }
  }

  /** Removes a stored posting, by its key. */
  remove(key: PostingKey, newest: Entry): void {
    this.#delete.run(key.scope, key.attr, key.value, newest.timeMs, newest.seq);
    this.#recent.delete(recentKey(key, newest.timeMs));
  }

  /** After a failed write transaction, whose postings were never committed. */
  forget(): void {
    this.#recent.clear();
  }

  #remember(key: PostingKey, posting: Remembered): void {
    const at = recentKey(key, posting.newest.timeMs);
    if (posting.entries.length >= MERGE_BELOW) {
      this.#recent.delete(at);
      return;
    }
    if (this.#recent.size >= MAX_REMEMBERED) this.#recent.clear();
    this.#recent.set(at, posting);
  }

  /** The group's entries plus those of its day's newest posting, which is removed, if that one is small. */
  #withSmallNeighbour(group: Group): Entry[] {
    const known = this.#recent.get(recentKey(group, group.entries[0]!.timeMs));
    const { scope, attr, value } = group;
    if (known && this.#deleteUnchanged.run(scope, attr, value, known.newest.timeMs, known.newest.seq, known.blob).changes === 1) {
      return [...known.entries, ...group.entries];
    }
    const dayStart = Math.floor(group.entries[0]!.timeMs / POSTING_SPAN_MS) * POSTING_SPAN_MS;
    const stored = this.#newestOfDay.get(group.scope, group.attr, group.value, dayStart, dayStart + POSTING_SPAN_MS);
    if (!stored || stored.count >= MERGE_BELOW) return group.entries;
    this.remove(group, { timeMs: stored.newest_ms, seq: stored.newest_seq });
    return [...decodeEntries(stored.entries, stored.newest_ms), ...group.entries];
  }
}

function recentKey(key: PostingKey, timeMs: number): string {
  return `${key.scope}\u0000${key.attr}\u0000${Math.floor(timeMs / POSTING_SPAN_MS)}\u0000${typeof key.value}\u0000${key.value}`;
}
