// A log file holds the events of one account recorded in one region (spec §2.2: the key names both), so a batch of
// events becomes one group per (account, region), each in event log order.
import type { DeliverableEvent } from './deliverable-event.js';

export interface DeliveryGroup {
  accountId: string;
  region: string;
  events: DeliverableEvent[];
}

export function deliveryGroups(events: readonly DeliverableEvent[]): DeliveryGroup[] {
  const groups = new Map<string, DeliveryGroup>();
  for (const item of events) {
    const { accountId, region } = item;
    const id = `${accountId}\n${region}`;
    let group = groups.get(id);
    if (!group) {
      group = { accountId, region, events: [] };
      groups.set(id, group);
    }
    group.events.push(item);
  }
  return [...groups.values()];
}
