// A trail's event selectors: exactly one kind at a time (spec §5), its default (§5.1), and the PutEventSelectors /
// GetEventSelectors wire forms (§4.4).
import type { AdvancedEventSelector } from './advanced-event-selector.js';
import type { EventSelector, StoredEventSelector } from './event-selector.js';
import { SelectorError } from './selector-error.js';
import { validateAdvancedEventSelectors } from './validate-advanced-event-selectors.js';
import { validateEventSelectors } from './validate-event-selectors.js';

export type TrailSelectors =
  | { kind: 'basic'; selectors: StoredEventSelector[] }
  | { kind: 'advanced'; selectors: AdvancedEventSelector[] };

/** All management events, read and write; no data events. A fresh copy each time, so callers may keep it. */
export function defaultEventSelectors(): StoredEventSelector[] {
  return [{ ReadWriteType: 'All', IncludeManagementEvents: true, DataResources: [], ExcludeManagementEventSources: [] }];
}

export function defaultTrailSelectors(): TrailSelectors {
  return { kind: 'basic', selectors: defaultEventSelectors() };
}

export interface PutEventSelectorsMembers {
  EventSelectors?: EventSelector[] | undefined;
  AdvancedEventSelectors?: AdvancedEventSelector[] | undefined;
}

/** The validated configuration PutEventSelectors stores; it replaces the trail's previous one whatever its kind. */
export function validatePutEventSelectors(request: PutEventSelectorsMembers): TrailSelectors {
  const { EventSelectors: basic, AdvancedEventSelectors: advanced } = request;
  if ((basic === undefined) === (advanced === undefined)) {
    throw new SelectorError(
      'InvalidParameterCombinationException',
      'Specify either EventSelectors or AdvancedEventSelectors, not both and not neither.',
    );
  }
  return basic !== undefined
    ? { kind: 'basic', selectors: validateEventSelectors(basic) }
    : { kind: 'advanced', selectors: validateAdvancedEventSelectors(advanced ?? []) };
}

/** The member GetEventSelectors and PutEventSelectors answer with: only the kind in use. */
export function wireEventSelectors(
  selectors: TrailSelectors,
): { EventSelectors: StoredEventSelector[] } | { AdvancedEventSelectors: AdvancedEventSelector[] } {
  return selectors.kind === 'basic'
    ? { EventSelectors: selectors.selectors }
    : { AdvancedEventSelectors: selectors.selectors };
}
