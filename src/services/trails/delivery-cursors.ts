// What StartLogging, StopLogging, DeleteTrail and changes of what a trail receives mean for delivery: which stretch
// of the event log a trail's files cover, and under which settings. Read at the moment of the call, so that a trail
// receives exactly the events recorded while it logs (its StartLogging and StopLogging calls included, nothing from
// before or in between), each as the settings of its moment decide.
import { withReceivingChange } from '../../domain/delivery/receiving-history.js';
import type { Store } from '../../store/store.js';
import type { StoredTrail } from '../../store/trail-store.js';

export interface DeliveryCursors {
  /** Call before the trail is marked as logging. */
  loggingStarts(trailArn: string): Promise<void>;
  /** Call after the trail is marked as not logging. */
  loggingStopped(trailArn: string): Promise<void>;
  /** Call after the trail retired: as StopLogging, but its DeleteTrail call is not delivered to it. */
  trailRetired(trailArn: string): Promise<void>;
  /**
   * A new trail takes the ARN of a retiring one: what the retiring one has not delivered yet is dropped, and its
   * digest chain, moved aside, ends with the files it delivered.
   */
  trailReplaced(trailArn: string): Promise<void>;
  /** `after` as it must be saved: keeping `before`'s selectors and region scope for what delivery has not reached. */
  receivingChange(before: StoredTrail, after: StoredTrail): Promise<StoredTrail>;
}

/** For one call: `requestId` is the call's own, whose record a StopLogging period still takes in. */
export function deliveryCursors(store: Pick<Store, 'deliveryLedger' | 'eventFeed' | 'digestChains'>, requestId: string): DeliveryCursors {
  const { deliveryLedger: ledger, eventFeed: feed, digestChains: chains } = store;
  return {
    loggingStarts: async (trailArn) => ledger.startCursor(trailArn, await feed.lastSeq()),
    loggingStopped: async (trailArn) => ledger.stopCursor(trailArn, await feed.lastSeq(), requestId),
    trailRetired: async (trailArn) => ledger.stopCursor(trailArn, await feed.lastSeq()),
    trailReplaced: async (trailArn) => {
      await ledger.forgetTrail(trailArn);
      await chains.replaceChain(trailArn, await ledger.lastPosition());
    },
    receivingChange: async (before, after) => {
      const seq = await feed.lastSeq();
      const delivery = await ledger.deliveryState(before.arn);
      // With no logging period ahead of delivery, no event is left for the old settings to decide.
      const cursor = delivery.periods.length > 0 ? delivery.cursor : seq;
      return withReceivingChange(before, after, seq, cursor);
    },
  };
}
