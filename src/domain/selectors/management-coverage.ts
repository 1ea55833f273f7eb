// Which management events a selector configuration logs, by read/write. Insights need it: ApiCallRateInsight
// analyses write management events and ApiErrorRateInsight read or write ones (spec §4.4, §5.4).
import type { AdvancedEventSelector } from './advanced-event-selector.js';
import type { StoredEventSelector } from './event-selector.js';
import type { TrailSelectors } from './trail-selectors.js';

export interface ManagementCoverage {
  read: boolean;
  write: boolean;
}

const NONE: ManagementCoverage = { read: false, write: false };

const union = (a: ManagementCoverage, b: ManagementCoverage): ManagementCoverage => ({
  read: a.read || b.read,
  write: a.write || b.write,
});

function basicCoverage(selector: StoredEventSelector): ManagementCoverage {
  if (!selector.IncludeManagementEvents) return NONE;
  return { read: selector.ReadWriteType !== 'WriteOnly', write: selector.ReadWriteType !== 'ReadOnly' };
}

function advancedCoverage(selector: AdvancedEventSelector): ManagementCoverage {
  const field = (name: string) => selector.FieldSelectors.find((candidate) => candidate.Field === name);
  if (!field('eventCategory')?.Equals?.includes('Management')) return NONE;
  const readOnly = field('readOnly')?.Equals;
  if (readOnly === undefined) return { read: true, write: true };
  return { read: readOnly.includes('true'), write: readOnly.includes('false') };
}

export function managementCoverage(selectors: TrailSelectors): ManagementCoverage {
  const each: ManagementCoverage[] = selectors.kind === 'basic'
    ? selectors.selectors.map(basicCoverage)
    : selectors.selectors.map(advancedCoverage);
  return each.reduce(union, NONE);
}
