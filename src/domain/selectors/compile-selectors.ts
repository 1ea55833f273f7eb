// The one decision of whether a trail receives a record (spec §5). Delivery asks it for every event and every trail,
// so it should compile a trail's selectors once and keep the predicate until the selectors are replaced.
import type { CloudTrailRecord } from '../record.js';
import { compileAdvancedSelectors } from './compile-advanced.js';
import { compileBasicSelectors } from './compile-basic.js';
import type { RecordPredicate } from './record-predicate.js';
import type { TrailSelectors } from './trail-selectors.js';

export function compileSelectors(selectors: TrailSelectors): RecordPredicate {
  return selectors.kind === 'basic'
    ? compileBasicSelectors(selectors.selectors)
    : compileAdvancedSelectors(selectors.selectors);
}

/** For one-off decisions; it compiles on every call, so hot paths hold on to compileSelectors' predicate instead. */
export function matches(selectors: TrailSelectors, record: CloudTrailRecord): boolean {
  return compileSelectors(selectors)(record);
}
