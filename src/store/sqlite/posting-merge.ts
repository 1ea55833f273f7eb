// The entries of overlapping postings in one newest-first stream. Postings arrive ordered by their newest entry,
// so a posting is decoded only once the stream reaches its newest entry: every entry still unread is then no newer
// than the next posting's newest, and an entry newer than that can be passed on.
import { EntryReader, newestFirst, type Entry } from './posting-codec.js';

export interface PostingRow {
  newest_ms: number;
  newest_seq: number;
  oldest_ms: number;
  entries: Buffer;
}

/** Entries at or after `fromMs` and older than `below` in newest-first order. */
export interface EntryBounds {
  fromMs: number;
  below: Entry;
}

type Cursor = EntryReader;

/** `rows` must come newest posting first; they are read only as far as the caller consumes the result. */
export function* mergePostings(rows: Iterator<PostingRow>, bounds: EntryBounds): Generator<Entry> {
  const open: Cursor[] = [];
  let next = rows.next();
  let last: Entry | undefined;
  try {
    for (;;) {
      let top = newestOpen(open);
      while (!next.done && (!top || newestFirst(entryOf(next.value), current(top)) <= 0)) {
        if (next.value.oldest_ms <= bounds.below.timeMs) open.push(new EntryReader(next.value.entries, next.value.newest_ms));
        next = rows.next();
        top = newestOpen(open);
      }
      if (!top) return;
      const entry = current(top);
      top.advance();
      if (!top.current) open.splice(open.indexOf(top), 1);
      if (entry.timeMs < bounds.fromMs) return;
      if (newestFirst(entry, bounds.below) <= 0 || (last && newestFirst(entry, last) === 0)) continue;
      last = entry;
      yield entry;
    }
  } finally {
    rows.return?.();
  }
}

function entryOf(row: PostingRow): Entry {
  return { timeMs: row.newest_ms, seq: row.newest_seq };
}

function current(cursor: Cursor): Entry {
  return cursor.current!;
}

/** Few postings overlap in time (one per write batch), so a scan beats a heap. */
function newestOpen(open: readonly Cursor[]): Cursor | undefined {
  let best: Cursor | undefined;
  for (const cursor of open) if (!best || newestFirst(current(cursor), current(best)) < 0) best = cursor;
  return best;
}
