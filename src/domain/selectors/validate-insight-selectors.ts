// PutInsightSelectors' rules (spec §4.4, §4.13 `InsightSelector`, §5.4): known Insights types and event categories,
// and, when the trail's event selectors are known, the management events each type analyses must be logged.
import {
  INSIGHT_EVENT_CATEGORIES,
  INSIGHT_TYPES,
  type InsightEventCategory,
  type InsightSelector,
  type InsightType,
  type StoredInsightSelector,
} from './insight-selector.js';
import { managementCoverage, type ManagementCoverage } from './management-coverage.js';
import { isOneOf } from './one-of.js';
import { invalidInsightSelectors } from './selector-error.js';
import type { TrailSelectors } from './trail-selectors.js';

const PREREQUISITES: Readonly<Record<InsightType, { holds: (logged: ManagementCoverage) => boolean; needs: string }>> = {
  ApiCallRateInsight: { holds: (logged) => logged.write, needs: 'write management events' },
  ApiErrorRateInsight: { holds: (logged) => logged.read || logged.write, needs: 'read or write management events' },
};

/**
 * The selectors to store; `[]` turns Insights off. `eventSelectors` are those of the trail the Insights are for; leave
 * it out where there are none to check against. Throws SelectorError(InvalidInsightSelectorsException).
 */
export function validateInsightSelectors(
  selectors: readonly InsightSelector[],
  eventSelectors?: TrailSelectors,
): StoredInsightSelector[] {
  const stored = selectors.map(storedInsightSelector);
  checkDuplicates(stored);
  if (eventSelectors !== undefined) checkPrerequisites(stored, managementCoverage(eventSelectors));
  return stored;
}

function storedInsightSelector(selector: InsightSelector): StoredInsightSelector {
  const type = selector.InsightType;
  if (type === undefined || !isOneOf(INSIGHT_TYPES, type)) {
    throw invalidInsightSelectors(
      `InsightType must be one of ${INSIGHT_TYPES.join(', ')}; got ${type === undefined ? 'nothing' : `'${type}'`}.`,
    );
  }
  if (selector.EventCategories === undefined) return { InsightType: type };
  return { InsightType: type, EventCategories: eventCategories(selector.EventCategories) };
}

function eventCategories(categories: readonly string[]): InsightEventCategory[] {
  // Leaving the member out means Management; an empty list would mean nothing at all.
  if (categories.length === 0) {
    throw invalidInsightSelectors(`EventCategories must name at least one of ${INSIGHT_EVENT_CATEGORIES.join(', ')}.`);
  }
  const known = categories.filter((category) => isOneOf(INSIGHT_EVENT_CATEGORIES, category));
  const unknown = categories.find((category) => !isOneOf(INSIGHT_EVENT_CATEGORIES, category));
  if (unknown !== undefined) {
    throw invalidInsightSelectors(`EventCategories may only contain ${INSIGHT_EVENT_CATEGORIES.join(', ')}; got '${unknown}'.`);
  }
  return [...new Set(known)];
}

function checkDuplicates(selectors: readonly StoredInsightSelector[]): void {
  const seen = new Set<InsightType>();
  for (const { InsightType } of selectors) {
    if (seen.has(InsightType)) throw invalidInsightSelectors(`InsightType ${InsightType} is listed more than once.`);
    seen.add(InsightType);
  }
}

function checkPrerequisites(selectors: readonly StoredInsightSelector[], logged: ManagementCoverage): void {
  for (const { InsightType } of selectors) {
    const prerequisite = PREREQUISITES[InsightType];
    if (!prerequisite.holds(logged)) {
      throw invalidInsightSelectors(
        `${InsightType} needs the trail to log ${prerequisite.needs}; change its event selectors first.`,
      );
    }
  }
}
