// What kind of events an event data store collects, read from its advanced selectors (spec §4.8, §5.3): CloudTrail
// events (management, data, network activity, Insights) or events from outside AWS (`ActivityAuditLog`, through
// channels), never both; and the default selectors, all management events.
import type { AdvancedEventSelector } from '../selectors/advanced-event-selector.js';
import { invalidEventSelectors } from '../selectors/selector-error.js';

export const ACTIVITY_AUDIT_LOG = 'ActivityAuditLog';

export type EventDataStoreKind = 'cloudtrail' | 'activityAuditLog';

export function defaultEventDataStoreSelectors(): AdvancedEventSelector[] {
  return [{ Name: 'Default management events', FieldSelectors: [{ Field: 'eventCategory', Equals: ['Management'] }] }];
}

function categoryOf(selector: AdvancedEventSelector): string | undefined {
  return selector.FieldSelectors.find((field) => field.Field === 'eventCategory')?.Equals?.[0];
}

/** Throws InvalidEventSelectorsException when validated selectors mix ActivityAuditLog with other categories. */
export function eventDataStoreKind(selectors: readonly AdvancedEventSelector[]): EventDataStoreKind {
  const audit = selectors.filter((selector) => categoryOf(selector) === ACTIVITY_AUDIT_LOG).length;
  if (audit === 0) return 'cloudtrail';
  if (audit < selectors.length) {
    throw invalidEventSelectors(
      'An event data store collects either events from outside AWS (eventCategory ActivityAuditLog) or CloudTrail ' +
        'events, not both; create one store for each.',
    );
  }
  return 'activityAuditLog';
}
