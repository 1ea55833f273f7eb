// Reads the next stretch of the event log for one trail: from its cursor, skipping what no logging period wants,
// keeping the events the trail receives, and bounded so that one delivery never holds too much in memory.
import { CandidateEvent } from '../domain/delivery/candidate-event.js';
import type { DeliverableEvent } from '../domain/delivery/deliverable-event.js';
import { inLoggingPeriod, readLimit, readStart } from '../domain/delivery/logging-periods.js';
import { trailReceives, type ReceivingTrail } from '../domain/delivery/trail-receives.js';
import type { TrailDeliveryState } from '../store/delivery-ledger.js';
import type { DeliveryFeed } from '../store/delivery-feed.js';

export interface BatchLimits {
  /** Events per read from the event log. */
  pageSize: number;
  /** Events the trail receives, per delivery. */
  maxEvents: number;
  /** Their record bytes together, per delivery. */
  maxBytes: number;
}

export const DEFAULT_BATCH_LIMITS: BatchLimits = { pageSize: 5_000, maxEvents: 100_000, maxBytes: 64 * 1024 * 1024 };

export interface DeliveryBatch {
  /** What the trail receives, in sequence order; empty when the stretch held nothing for it. */
  events: DeliverableEvent[];
  /** The last sequence number the batch covers: where the cursor goes once it is delivered. */
  throughSeq: number;
}

/** undefined when the trail has nothing ahead of its cursor. `lastSeq` is the event log's, read before this call. */
export async function readDeliveryBatch(
  feed: DeliveryFeed,
  trail: ReceivingTrail,
  state: Pick<TrailDeliveryState, 'cursor' | 'periods'>,
  lastSeq: number,
  limits: BatchLimits = DEFAULT_BATCH_LIMITS,
): Promise<DeliveryBatch | undefined> {
  const until = Math.min(lastSeq, readLimit(state.periods));
  if (until <= state.cursor) return undefined;
  const events: DeliverableEvent[] = [];
  let bytes = 0;
  let through = readStart(state.cursor, state.periods);
  while (through < until) {
    const page = await feed.eventsAfter(through, limits.pageSize);
    for (const event of page) {
      const { seq } = event;
      if (seq > until) return { events, throughSeq: until };
      through = seq;
      const candidate = new CandidateEvent(event);
      if (!inLoggingPeriod(state.periods, candidate) || !trailReceives(trail, candidate)) continue;
      events.push(event);
      bytes += event.json.length;
      if (events.length >= limits.maxEvents || bytes >= limits.maxBytes) return { events, throughSeq: seq };
    }
    // A short page means every event committed up to `lastSeq` has been seen: the event log commits in order.
    if (page.length < limits.pageSize) break;
  }
  return { events, throughSeq: until };
}
