// The configuration most trails have (the default among them): every management event, read and write, and no
// data events. Its decision needs only the event's category, which is read with the event, so delivery can skip
// parsing the record. That equals the compiled selectors' decision for every event delivery ever sees: this
// platform records `eventCategory` in every record, and the category stored with an event is that member.
import type { TrailSelectors } from '../selectors/trail-selectors.js';
import type { DeliverableEvent } from './deliverable-event.js';

export type FactsPredicate = (event: DeliverableEvent) => boolean;

/** undefined when the selectors need the record itself. */
export function allManagementEventsPredicate(selectors: TrailSelectors): FactsPredicate | undefined {
  if (selectors.kind !== 'basic') return undefined;
  const noDataEvents = selectors.selectors.every((s) => s.DataResources.length === 0);
  const everyManagementEvent = selectors.selectors.some(
    (s) => s.IncludeManagementEvents && s.ReadWriteType === 'All' && s.ExcludeManagementEventSources.length === 0,
  );
  return noDataEvents && everyManagementEvent ? (event) => event.category === 'Management' : undefined;
}
