// Insights events reach a trail only through its Insights selectors, never through its event selectors (spec §5,
// §7): an Insights record carries the type of anomaly it reports in insightDetails.insightType.
import type { CloudTrailRecord } from '../record.js';
import { eventCategoryOf } from './event-kind.js';
import type { InsightSelector } from './insight-selector.js';

export function insightTypeOf(record: CloudTrailRecord): string | undefined {
  const details: unknown = record['insightDetails'];
  if (details === null || typeof details !== 'object') return undefined;
  const type: unknown = (details as Record<string, unknown>)['insightType'];
  return typeof type === 'string' ? type : undefined;
}

export function matchesInsightSelectors(selectors: readonly InsightSelector[], record: CloudTrailRecord): boolean {
  if (eventCategoryOf(record) !== 'Insight') return false;
  const type = insightTypeOf(record);
  return type !== undefined && selectors.some((selector) => selector.InsightType === type);
}
