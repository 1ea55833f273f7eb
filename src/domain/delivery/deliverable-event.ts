// An event as log file delivery reads it: its place in the event log, its exact bytes, and the few facts that decide
// where it goes. Much cheaper to read in bulk than a whole IndexedEvent, which delivery would mostly throw away.
import type { EventOrigin, IndexedEvent } from '../indexed-event.js';

export interface DeliverableEvent {
  seq: number;
  /** The record's bytes exactly as stored: log files are made of them. */
  json: string;
  accountId: string;
  region: string;
  timeMs: number;
  origin: EventOrigin;
  category: string;
  eventSource: string;
  eventName: string;
}

/** For event logs (and tests) that hold IndexedEvents. */
export function deliverableEvent(seq: number, event: IndexedEvent): DeliverableEvent {
  const { json, accountId, region, timeMs, origin, category } = event;
  const { eventSource, eventName } = event.attributes;
  return { seq, json, accountId, region, timeMs, origin, category, eventSource, eventName };
}
