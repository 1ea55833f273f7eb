// Which of several AND-combined filters drives a lookup's scan: the sparsest one in the time window, so that a page
// costs as few candidates as possible. Sparseness is measured on the newest entries only (up to a cap), where the
// page is read: a filter with fewer entries than the cap is rated by its exact count over the window, one that
// reaches the cap by how short a stretch of time those entries span. A filter with no entry at all ends the lookup
// before it starts.
import type Database from 'better-sqlite3';
import type { LookupAttributeKey } from '../../domain/history-attributes.js';
import { isUnique, sampleSql, type BoundFilter, type SqlValue } from './lookup-plan.js';

/** Enough entries to tell a dense filter from a sparse one; reading them costs a fraction of a millisecond. */
const SAMPLE_SIZE = 1_000;

export interface DriverChoice {
  driver?: BoundFilter;
  checks: BoundFilter[];
}

interface Sample {
  count: number;
  oldestMs: number | null;
}

export class DriverChooser {
  readonly #db: Database.Database;
  readonly #samples = new Map<LookupAttributeKey, Database.Statement<SqlValue[], Sample>>();

  constructor(db: Database.Database) {
    this.#db = db;
  }

  /** Undefined when some filter has no match in [fromMs, beforeMs), so that nothing can match them all. */
  choose(filters: readonly BoundFilter[], scope: number, fromMs: number, beforeMs: number): DriverChoice | undefined {
    const unique = filters.findIndex((f) => isUnique(f.key));
    if (filters.length < 2 || unique >= 0) return split(filters, Math.max(unique, 0));
    const densities = filters.map((f) => this.#density(f, scope, fromMs, beforeMs));
    if (densities.includes(0)) return undefined;
    return split(filters, densities.indexOf(Math.min(...densities)));
  }

  /** Matching events per millisecond, near the newest end of the window. */
  #density(filter: BoundFilter, scope: number, fromMs: number, beforeMs: number): number {
    const { count, oldestMs } = this.#statement(filter.key).get(scope, filter.value, fromMs, beforeMs, SAMPLE_SIZE)!;
    const spanMs = count < SAMPLE_SIZE || oldestMs === null ? beforeMs - fromMs : beforeMs - oldestMs;
    return count / Math.max(1, spanMs);
  }

  #statement(key: LookupAttributeKey): Database.Statement<SqlValue[], Sample> {
    let statement = this.#samples.get(key);
    if (!statement) {
      statement = this.#db.prepare<SqlValue[], Sample>(sampleSql(key));
      this.#samples.set(key, statement);
    }
    return statement;
  }
}

function split(filters: readonly BoundFilter[], driverIndex: number): DriverChoice {
  const driver = filters[driverIndex];
  return driver ? { driver, checks: filters.filter((_, i) => i !== driverIndex) } : { checks: [] };
}
