// The write side of history_postings (see schema.ts): a write transaction collects its Event History events and
// writes them as a few posting rows per (attribute, value) when it commits, instead of one index entry per event
// and attribute. Postings never span more than one UTC day, which bounds how far a lookup must look above its
// window. A transaction with few events (live appends) would make postings of one or two entries, which lookups
// would then read by the thousand: its events wait in history_pending instead, which lookups scan whole, until
// enough have gathered to be written as postings together (pending-postings.ts).
import type Database from 'better-sqlite3';
import type { HistoryAttributes } from '../../domain/history-attributes.js';
import { encodeEntries, newestFirst, type Entry } from './posting-codec.js';
import { postingKeys, type PostingAttribute } from './posting-attributes.js';
import type { SqlValue } from './lookup-plan.js';

/** Every entry of a posting lies in one aligned stretch of this length. */
export const POSTING_SPAN_MS = 86_400_000;
/** Bounds what a lookup decodes to reach one entry. */
const MAX_ENTRIES = 1_024;

export interface PostingKey {
  scope: number;
  attr: PostingAttribute;
  value: SqlValue;
}

interface Group extends PostingKey {
  entries: Entry[];
}

/** An Event History event of a write transaction, as its postings need it. */
export interface PostedEvent {
  scope: number;
  attributes: HistoryAttributes;
  timeMs: number;
  seq: number;
}

/** The Event History events of one transaction (or savepoint), not yet written to postings or history_pending. */
export class PostingBuffer {
  readonly events: PostedEvent[] = [];

  add(event: PostedEvent): void {
    this.events.push(event);
  }

  /** Takes over another buffer's events (a savepoint that succeeded). */
  absorb(other: PostingBuffer): void {
    for (const event of other.events) this.events.push(event);
  }

  /** The events grouped by scope, day, attribute and value: nested maps spare a key string per event and attribute. */
  groups(): Iterable<Group> {
    const days = new Map<number, Map<number, Map<PostingAttribute, Map<SqlValue, Group>>>>();
    for (const { scope, attributes, timeMs, seq } of this.events) {
      const day = dayOf(days, scope, Math.floor(timeMs / POSTING_SPAN_MS));
      const entry = { timeMs, seq };
      for (const [attr, value] of postingKeys(attributes)) groupIn(day, scope, attr, value).entries.push(entry);
    }
    return [...days.values()].flatMap((byDay) => [...byDay.values()]).flatMap((day) => [...day.values()])
      .flatMap((values) => [...values.values()]);
  }
}

function dayOf<T>(days: Map<number, Map<number, Map<PostingAttribute, T>>>, scope: number, day: number) {
  let byDay = days.get(scope);
  if (!byDay) days.set(scope, (byDay = new Map()));
  let attrs = byDay.get(day);
  if (!attrs) byDay.set(day, (attrs = new Map()));
  return attrs;
}

function groupIn(day: Map<PostingAttribute, Map<SqlValue, Group>>, scope: number, attr: PostingAttribute, value: SqlValue): Group {
  let values = day.get(attr);
  if (!values) day.set(attr, (values = new Map()));
  let group = values.get(value);
  if (!group) values.set(value, (group = { scope, attr, value, entries: [] }));
  return group;
}

function isOldestFirst(entries: readonly Entry[]): boolean {
  for (let i = 1; i < entries.length; i++) if (newestFirst(entries[i - 1]!, entries[i]!) < 0) return false;
  return true;
}

export class PostingWriter {
  readonly #insert: Database.Statement<[number, number, SqlValue, number, number, number, number, Buffer]>;
  readonly #delete: Database.Statement<[number, number, SqlValue, number, number]>;

  constructor(db: Database.Database) {
    this.#insert = db.prepare(`INSERT INTO history_postings (scope, attr, value, newest_ms, newest_seq, oldest_ms, count,
      entries) VALUES (?, ?, ?, ?, ?, ?, ?, ?)`);
    this.#delete = db.prepare(`DELETE FROM history_postings
      WHERE scope = ? AND attr = ? AND value = ? AND newest_ms = ? AND newest_seq = ?`);
  }

  /** Must run inside the write transaction whose events the buffer holds. */
  write(buffer: PostingBuffer): void {
    for (const group of buffer.groups()) this.put(group, group.entries);
  }

  /** Writes entries (all of one day) as postings of at most MAX_ENTRIES each. */
  put(key: PostingKey, entries: Entry[]): void {
    // A batch's entries usually arrive oldest first (time-ordered files, ascending seqs): reversing is enough.
    if (isOldestFirst(entries)) entries.reverse();
    else entries.sort(newestFirst);
    for (let i = 0; i < entries.length; i += MAX_ENTRIES) {
      const chunk = entries.slice(i, i + MAX_ENTRIES);
      const newest = chunk[0]!;
      this.#insert.run(key.scope, key.attr, key.value, newest.timeMs, newest.seq, chunk.at(-1)!.timeMs, chunk.length,
        encodeEntries(chunk));
    }
  }

  /** Removes a stored posting, by its key. */
  remove(key: PostingKey, newest: Entry): void {
    this.#delete.run(key.scope, key.attr, key.value, newest.timeMs, newest.seq);
  }
}
