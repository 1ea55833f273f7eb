// Whether an event data store keeps an event (spec §4.8, §5.3): it is ingesting, the event came after the store was
// created, is of the store's account and (unless multi-region) region, and the store's selectors take it. Events
// from outside AWS (ActivityAuditLog) reach only the stores their channel named as destinations when it took them.
import type { CloudTrailRecord } from '../record.js';
import type { AdvancedEventSelector } from '../selectors/advanced-event-selector.js';
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

/** An event as the lake worker weighs it; its record is read only when a store's selectors need more than its category. */
export interface LakeEventView {
  seq: number;
  accountId: string;
  region: string;
  category: string;
  /** The channel an ActivityAuditLog event came through (its `metadata.channelARN`). */
  channelArn?: string | undefined;
  /** The stores that channel sent it to when it was accepted; when absent, the channel's destinations now. */
  channelStores?: readonly string[] | undefined;
  record(): CloudTrailRecord | undefined;
}

export interface ReceivingStore {
  store: KeepingStore;
  categories: ReadonlySet<string>;
  /** Undefined when the selectors name categories only: then the category decides. */
  selects: RecordPredicate | undefined;
}

export function receivingStore(store: KeepingStore): ReceivingStore {
  const categories = new Set(store.selectors.flatMap(
    (selector) => selector.FieldSelectors.find((field) => field.Field === 'eventCategory')?.Equals ?? [],
  ));
  const categoryOnly = store.selectors.every((selector) => selector.FieldSelectors.every((field) => field.Field === 'eventCategory'));
  return { store, categories, selects: categoryOnly ? undefined : compileAdvancedSelectors(store.selectors) };
}

export function storeReceives(
  receiving: ReceivingStore,
  event: LakeEventView,
  channelDestinations: (channelArn: string) => readonly string[],
): boolean {
  const { store } = receiving;
  if (store.status !== 'ENABLED' || event.seq <= store.fromSeq) return false;
  if (event.accountId !== store.accountId) return false;
  if (!store.multiRegionEnabled && event.region !== store.region) return false;
  if (!receiving.categories.has(event.category)) return false;
  if (event.category === ACTIVITY_AUDIT_LOG && !destinationsOf(event, channelDestinations).includes(store.arn)) return false;
  if (!receiving.selects) return true;
  const record = event.record();
  return record !== undefined && receiving.selects(record);
}

function destinationsOf(event: LakeEventView, channelDestinations: (channelArn: string) => readonly string[]): readonly string[] {
  if (event.channelStores) return event.channelStores;
  return event.channelArn === undefined ? [] : channelDestinations(event.channelArn);
}
