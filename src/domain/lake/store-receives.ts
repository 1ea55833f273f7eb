// Whether an event data store keeps an event (spec §4.8, §5.3): it is ingesting, the event came after the store was
// created, is of the store's account and (unless multi-region) region, and the store's selectors take it. Events
// from outside AWS (ActivityAuditLog) reach only the stores their channel names as destinations.
import type { AdvancedEventSelector } from '../selectors/advanced-event-selector.js';
import type { CandidateEvent } from '../delivery/candidate-event.js';
import { compileAdvancedSelectors } from '../selectors/compile-advanced.js';
import type { RecordPredicate } from '../selectors/record-predicate.js';
import { ACTIVITY_AUDIT_LOG } from './event-data-store-kind.js';

/** What of an event data store decides what it keeps. */
export interface KeepingStore {
  arn: string;
  accountId: string;
  region: string;
  status: string;
  selectors: AdvancedEventSelector[];
  multiRegionEnabled: boolean;
  /** The event log's last seq when the store was created. */
  fromSeq: number;
}

export interface ReceivingStore {
  store: KeepingStore;
  categories: ReadonlySet<string>;
  selects: RecordPredicate;
}

export function receivingStore(store: KeepingStore): ReceivingStore {
  const categories = new Set(store.selectors.flatMap(
    (selector) => selector.FieldSelectors.find((field) => field.Field === 'eventCategory')?.Equals ?? [],
  ));
  return { store, categories, selects: compileAdvancedSelectors(store.selectors) };
}

/** The channel an ActivityAuditLog record came through, as PutAuditEvents writes it in `metadata`. */
export function channelOf(candidate: CandidateEvent): string | undefined {
  const metadata = candidate.record.metadata as { channelARN?: unknown } | undefined;
  return typeof metadata?.channelARN === 'string' ? metadata.channelARN : undefined;
}

export function storeReceives(
  receiving: ReceivingStore,
  candidate: CandidateEvent,
  channelDestinations: (channelArn: string) => readonly string[],
): boolean {
  const { store } = receiving;
  const { event } = candidate;
  if (store.status !== 'ENABLED' || event.seq <= store.fromSeq) return false;
  if (event.accountId !== store.accountId) return false;
  if (!store.multiRegionEnabled && event.region !== store.region) return false;
  // The category column decides most events without parsing the record.
  if (!receiving.categories.has(event.category)) return false;
  if (event.category === ACTIVITY_AUDIT_LOG) {
    const channel = channelOf(candidate);
    if (channel === undefined || !channelDestinations(channel).includes(store.arn)) return false;
  }
  return receiving.selects(candidate.record);
}
