// Where a trail call happens: the caller's account, the region its signature names, and the account's trails.
import type { TrailStore } from '../../store/trail-store.js';
import type { DeliveryCursors } from './delivery-cursors.js';
import type { DigestChainStart } from './digest-chain-start.js';

export interface TrailScope {
  trails: TrailStore;
  accountId: string;
  region: string;
  /** Where log file delivery stands for the trails the call starts, stops or deletes. */
  cursors: DeliveryCursors;
  /** Where a trail's digest chain begins, for the calls that start logging or validation. */
  digests: DigestChainStart;
}
