// Which of several AND-combined filters drives a lookup's scan: the sparsest one in the time window, so that a page
// costs as few candidates as possible. Sparseness is measured on the newest postings only (up to a cap of
// entries), where the page is read: a filter with fewer entries than the cap is rated by its count over the
// window, one that reaches the cap by how short a stretch of time those entries span. Counts are of whole
// postings that overlap the window, which is close enough to choose by. Pending events (pending-postings.ts) are
// not counted: there are too few to change the choice, and a filter with no posting in the window, which drives,
// costs its lookup only the pending events.
import type Database from 'better-sqlite3';
import { isUnique, type BoundFilter, type SqlValue } from './lookup-plan.js';
import { postingAttributeOf } from './posting-attributes.js';
import { POSTING_SPAN_MS } from './posting-writer.js';

/** Enough entries to tell a dense filter from a sparse one; reading them costs a fraction of a millisecond. */
const SAMPLE_SIZE = 1_000;

export interface DriverChoice {
  driver?: BoundFilter;
  checks: BoundFilter[];
}

interface PostingSize {
  count: number;
  oldest_ms: number;
}

export class DriverChooser {
  readonly #sample: Database.Statement<[number, number, SqlValue, number, number, number], PostingSize>;

  constructor(db: Database.Database) {
    this.#sample = db.prepare(`SELECT count, oldest_ms FROM history_postings
      WHERE scope = ? AND attr = ? AND value = ? AND newest_ms >= ? AND newest_ms < ? AND oldest_ms < ?
      ORDER BY newest_ms DESC, newest_seq DESC`);
  }

  choose(filters: readonly BoundFilter[], scope: number, fromMs: number, beforeMs: number): DriverChoice {
    const unique = filters.findIndex((f) => isUnique(f.key));
    if (filters.length < 2 || unique >= 0) return split(filters, Math.max(unique, 0));
    const densities = filters.map((f) => this.#density(f, scope, fromMs, beforeMs));
    return split(filters, densities.indexOf(Math.min(...densities)));
  }

  /** Matching events per millisecond, near the newest end of the window. */
  #density(filter: BoundFilter, scope: number, fromMs: number, beforeMs: number): number {
    const attr = postingAttributeOf(filter.key)!;
    let count = 0;
    let oldestMs = beforeMs;
    for (const posting of this.#sample.iterate(scope, attr, filter.value, fromMs, beforeMs + POSTING_SPAN_MS, beforeMs)) {
      count += posting.count;
      oldestMs = Math.min(oldestMs, posting.oldest_ms);
      if (count >= SAMPLE_SIZE) break;
    }
    const spanMs = count < SAMPLE_SIZE ? beforeMs - fromMs : beforeMs - Math.max(fromMs, oldestMs);
    return count / Math.max(1, spanMs);
  }
}

function split(filters: readonly BoundFilter[], driverIndex: number): DriverChoice {
  const driver = filters[driverIndex];
  return driver ? { driver, checks: filters.filter((_, i) => i !== driverIndex) } : { checks: [] };
}
