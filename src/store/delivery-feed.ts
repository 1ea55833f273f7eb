// The event log as log file delivery reads it: in sequence order, with only the facts delivery decides on. Reading
// those costs a fraction of reading whole IndexedEvents (EventFeed), and delivery reads every event once per trail.
import type { DeliverableEvent } from '../domain/delivery/deliverable-event.js';
import type { EventFeed } from './store.js';

export interface DeliveryFeed extends Pick<EventFeed, 'lastSeq'> {
  /** Events with a sequence number greater than `afterSeq`, ascending, at most `limit`. */
  eventsAfter(afterSeq: number, limit: number): Promise<DeliverableEvent[]>;
}
