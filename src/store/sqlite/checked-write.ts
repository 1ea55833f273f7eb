// A write that a PlacementCheck may refuse (../placement-check.ts): the look at the other items and the write in one
// immediate transaction, so that no other write comes between them.
import type Database from 'better-sqlite3';
import type { PlacementCheck } from '../placement-check.js';

export function checkedWrite<Item, Refusal, Written>(
  db: Database.Database,
  check: PlacementCheck<Item, Refusal> | undefined,
  others: () => Item[],
  write: () => Written,
): Written | Refusal {
  if (!check) return write();
  return db.transaction(() => {
    const refusal = check(others());
    return refusal === undefined ? write() : refusal;
  }).immediate();
}
