// Where a trail call happens: the caller's account, the region its signature names, and the account's trails.
import type { TrailStore } from '../../store/trail-store.js';

export interface TrailScope {
  trails: TrailStore;
  accountId: string;
  region: string;
}
