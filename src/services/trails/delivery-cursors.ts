// What StartLogging, StopLogging and DeleteTrail mean for delivery: which stretch of the event log a trail's files
// cover. Read at the moment of the call, so that a trail receives exactly the events recorded while it logs:
// its StartLogging and StopLogging calls included, nothing from before or in between.
import type { Store } from '../../store/store.js';

export interface DeliveryCursors {
  /** Call before the trail is marked as logging. */
  loggingStarts(trailArn: string): Promise<void>;
  /** Call after the trail is marked as not logging. */
  loggingStopped(trailArn: string): Promise<void>;
  /** Call after the trail retired: as StopLogging, but its DeleteTrail call is not delivered to it. */
  trailRetired(trailArn: string): Promise<void>;
  /** A new trail takes the ARN of a retiring one: what the retiring one has not delivered yet is dropped. */
  trailReplaced(trailArn: string): Promise<void>;
}

/** For one call: `requestId` is the call's own, whose record a StopLogging period still takes in. */
export function deliveryCursors(store: Pick<Store, 'deliveryLedger' | 'eventFeed'>, requestId: string): DeliveryCursors {
  const { deliveryLedger: ledger, eventFeed: feed } = store;
  return {
    loggingStarts: async (trailArn) => ledger.startCursor(trailArn, await feed.lastSeq()),
    loggingStopped: async (trailArn) => ledger.stopCursor(trailArn, await feed.lastSeq(), requestId),
    trailRetired: async (trailArn) => ledger.stopCursor(trailArn, await feed.lastSeq()),
    trailReplaced: (trailArn) => ledger.forgetTrail(trailArn),
  };
}
