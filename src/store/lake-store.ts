// The CloudTrail Lake part of the Store port: event data stores and channels (configuration), and the events each
// event data store keeps (LakeEvents). A store's events are its own copy, written by the lake worker from the event
// log, so that its retention (up to ten years) is independent of Event History's and SQL over one store reads one
// index range.
import type { PlacementCheck } from './placement-check.js';
import type { AdvancedEventSelector } from '../domain/selectors/advanced-event-selector.js';
import type { TrailTag } from './trail-store.js';

export type EventDataStoreStatus =
  | 'CREATED' | 'ENABLED' | 'PENDING_DELETION' | 'STARTING_INGESTION' | 'STOPPING_INGESTION' | 'STOPPED_INGESTION';

export type BillingMode = 'EXTENDABLE_RETENTION_PRICING' | 'FIXED_RETENTION_PRICING';

export interface StoredEventDataStore {
  arn: string;
  accountId: string;
  region: string;
  name: string;
  status: EventDataStoreStatus;
  selectors: AdvancedEventSelector[];
  multiRegionEnabled: boolean;
  organizationEnabled: boolean;
  retentionPeriod: number;
  terminationProtectionEnabled: boolean;
  kmsKeyId?: string;
  billingMode: BillingMode;
  tags: TrailTag[];
  createdMs: number;
  updatedMs: number;
  /** The event log's last seq when the store was created: it keeps only later events. */
  fromSeq: number;
  /** While PENDING_DELETION: when it was deleted, and the status a restore brings back. */
  deletedMs?: number;
  statusBeforeDeletion?: EventDataStoreStatus;
}

export interface ChannelDestination {
  Type: string;
  Location: string;
}

export interface ChannelIngestion {
  latestSuccessMs?: number;
  latestSuccessEventId?: string;
  latestAttemptMs?: number;
  latestAttemptEventId?: string;
  latestErrorCode?: string;
}

export interface StoredChannel {
  arn: string;
  accountId: string;
  region: string;
  name: string;
  source: string;
  destinations: ChannelDestination[];
  tags: TrailTag[];
  createdMs: number;
  ingestion: ChannelIngestion;
}

/**
 * What saving a changed store or channel came to: `saved`; `gone`, no row of that ARN any more (deleted or purged
 * since it was read); `nameTaken`, its new name is another's of the account and region; or `changed`, another call
 * changed it since it was read (only when the save names the version it read).
 */
export type LakeSave = 'saved' | 'gone' | 'nameTaken' | 'changed';

export interface LakeCatalog {
  /** Inserts the store; false when its account already has a store of that name in that region, or `check`'s refusal. */
  createEventDataStore<Refusal>(store: StoredEventDataStore, check?: PlacementCheck<StoredEventDataStore, Refusal>): Promise<boolean | Refusal>;
  /**
   * Replaces the store of the same ARN, unless `check` refuses, or, when `read` is given (the store as the call
   * read it), another call changed it meanwhile.
   */
  saveEventDataStore<Refusal>(
    store: StoredEventDataStore,
    check?: PlacementCheck<StoredEventDataStore, Refusal>,
    read?: StoredEventDataStore,
  ): Promise<LakeSave | Refusal>;
  findEventDataStore(arn: string): Promise<StoredEventDataStore | undefined>;
  /** The account's stores whose home is the region (every status), ordered by ARN. */
  listEventDataStores(accountId: string, region: string): Promise<StoredEventDataStore[]>;
  /** Every store of every account: what the lake worker works on. */
  allEventDataStores(): Promise<StoredEventDataStore[]>;
  /** Removes the store and every event it keeps. */
  purgeEventDataStore(arn: string): Promise<void>;

  /** Inserts the channel; false when its account already has a channel of that name in that region, or `check`'s refusal. */
  createChannel<Refusal>(channel: StoredChannel, check?: PlacementCheck<StoredChannel, Refusal>): Promise<boolean | Refusal>;
  /** Replaces the channel of the same ARN, unless `read` is given and another call changed it meanwhile. */
  saveChannel(channel: StoredChannel, read?: StoredChannel): Promise<LakeSave>;
  findChannel(arn: string): Promise<StoredChannel | undefined>;
  /** The account's channels in the region, ordered by ARN. */
  listChannels(accountId: string, region: string): Promise<StoredChannel[]>;
  /** Every channel of every account. */
  allChannels(): Promise<StoredChannel[]>;
  deleteChannel(arn: string): Promise<void>;
  /** Merges into the channel's ingestion status, if the channel still exists. */
  updateChannelIngestion(arn: string, change: ChannelIngestion): Promise<void>;
}

/** One event an event data store keeps: the event log's record bytes under the log's sequence number. */
export interface KeptEvent {
  storeArn: string;
  seq: number;
  timeMs: number;
  eventId: string;
  json: string;
}

/**
 * An event of the log as the lake worker weighs it. Events from channels (ActivityAuditLog) come with the channel
 * they came through and without their record, which no selector of theirs reads; the others with their record.
 */
export interface LakeCandidate {
  seq: number;
  accountId: string;
  region: string;
  category: string;
  channelArn?: string;
  /** The stores its channel sent it to when it was accepted; absent for events stored before opentrail kept them. */
  channelStores?: string[];
  json?: string;
}

/** An event a store is to keep: the store and the event's place in the log. */
export interface Membership {
  storeArn: string;
  seq: number;
}

export interface LakeEvents {
  /** The last event-log seq the lake worker has handled (0 before it ever ran). */
  cursor(): Promise<number>;
  /** Events of the log after a seq, ascending, at most `limit`. */
  candidatesAfter(afterSeq: number, limit: number): Promise<LakeCandidate[]>;
  /**
   * Copies the events into their stores and moves the cursor to `throughSeq`, in one transaction; an event a store
   * kept before, or a store purged meanwhile, is skipped.
   */
  keep(members: readonly Membership[], throughSeq: number): Promise<void>;
  /** The store's events after a seq, ascending, at most `limit`. */
  eventsOf(storeArn: string, afterSeq: number, limit: number): Promise<KeptEvent[]>;
  countEvents(storeArn: string): Promise<number>;
  /** Drops the store's events whose time is before `cutoffMs`; returns how many went. */
  dropBefore(storeArn: string, cutoffMs: number): Promise<number>;
}
