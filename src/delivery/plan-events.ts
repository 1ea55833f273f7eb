// The events a planned delivery's files hold. A fresh plan already has them in memory; a plan re-run after a crash
// reads its stretch of the event log again and picks exactly the sequence numbers it recorded.
import type { DeliverableEvent } from '../domain/delivery/deliverable-event.js';
import type { DeliveryFeed } from '../store/delivery-feed.js';
import type { PlannedDelivery } from '../store/delivery-ledger.js';

export type PlanEvents = ReadonlyMap<number, DeliverableEvent>;

export function planEventsOf(events: readonly DeliverableEvent[]): PlanEvents {
  return new Map(events.map((event) => [event.seq, event]));
}

export async function readPlanEvents(feed: DeliveryFeed, plan: PlannedDelivery, pageSize: number): Promise<PlanEvents> {
  const wanted = new Set(plan.files.flatMap((file) => file.seqs));
  const events = new Map<number, DeliverableEvent>();
  let after = plan.afterSeq;
  while (after < plan.throughSeq) {
    const page = await feed.eventsAfter(after, pageSize);
    for (const event of page) {
      if (event.seq > plan.throughSeq) return events;
      if (wanted.has(event.seq)) events.set(event.seq, event);
      after = event.seq;
    }
    if (page.length < pageSize) break;
  }
  return events;
}
