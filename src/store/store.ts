// The Store port: everything opentrail keeps in its database. Interfaces are named after domain actions, with the
// write view (EventLog) apart from the read views (EventHistory, EventFeed). Every backend passes the one conformance
// suite in ./conformance/.
import type { IndexedEvent } from '../domain/indexed-event.js';
import type { HistoryAttributes, LookupAttributeKey } from '../domain/history-attributes.js';
import type { TrailStore } from './trail-store.js';
import type { DeliveryLedger } from './delivery-ledger.js';
import type { DeliveryFeed } from './delivery-feed.js';
import type { LakeCatalog, LakeEvents } from './lake-store.js';
import type { IdentityStore } from './identity-store.js';
import type { DigestChainStore } from './digest-chains.js';

export interface Store {
  readonly eventLog: EventLog;
  readonly eventHistory: EventHistory;
  readonly eventFeed: EventFeed;
  readonly credentials: CredentialStore;
  readonly identities: IdentityStore;
  readonly trails: TrailStore;
  readonly deliveryFeed: DeliveryFeed;
  readonly deliveryLedger: DeliveryLedger;
  readonly lake: LakeCatalog;
  readonly lakeEvents: LakeEvents;
  readonly digestChains: DigestChainStore;
  /** Waits for pending commits, then releases the database. */
  close(): Promise<void>;
}

/** Write view of the append-only, sequence-numbered event log. */
export interface EventLog {
  /**
   * Appends recorded events. Resolves only once they are durably committed; concurrent calls share one commit
   * (group commit). Rejects if they could not be stored, and then none of them is; an eventId already in the log
   * rejects with DuplicateEventError (live events have fresh ids, so a clash is a bug, never silently dropped).
   */
  append(events: readonly IndexedEvent[]): Promise<void>;
  /** Adds events that are not yet in the log (by eventId); returns how many were new. */
  importEvents(events: readonly IndexedEvent[]): Promise<ImportOutcome>;
  /**
   * Appends the events whose eventId is not in the log yet, durably and group-committed like `append`; one result
   * per event, in order. Producers retry, so an eventId already stored is an answer, not an error: the result
   * names the account that holds it (an earlier event of the same call counts).
   */
  ingest(events: readonly IndexedEvent[]): Promise<IngestResult[]>;
  /** Drops whole UTC days that end before `cutoffMs`; returns how many events went. */
  pruneBefore(cutoffMs: number): Promise<number>;
}

export type IngestResult = { added: true } | { added: false; heldBy: string };

export interface ImportOutcome {
  added: number;
  duplicates: number;
}

/** Read view of Event History: the LookupEvents index. */
export interface EventHistory {
  lookup(query: HistoryQuery): Promise<HistoryPage>;
}

export interface HistoryFilter {
  key: LookupAttributeKey;
  value: string;
}

export interface HistoryQuery {
  accountId: string;
  region: string;
  /** Inclusive bounds on event time, in epoch milliseconds. */
  startMs: number;
  endMs: number;
  /** All must match (opentrail's extension of AWS's single attribute). */
  filters: readonly HistoryFilter[];
  /** `insight` returns only Insight events; `management` everything else that is in Event History. */
  category: 'management' | 'insight';
  limit: number;
  /** Continue with the events that sort after this one (older, newest-first order). */
  after?: HistoryPosition;
}

/** A place in newest-first order: event time, then sequence number, both descending. */
export interface HistoryPosition {
  timeMs: number;
  seq: number;
}

export interface HistoryRow {
  seq: number;
  timeMs: number;
  json: string;
  attributes: HistoryAttributes;
}

export interface HistoryPage {
  rows: HistoryRow[];
  /** True when at least one more row matches after the last one returned. */
  more: boolean;
}

/** Read view of the event log in sequence order, for delivery workers and streams. */
export interface EventFeed {
  /** Events with a sequence number greater than `afterSeq`, ascending, at most `limit`. */
  readAfter(afterSeq: number, limit: number): Promise<LoggedEvent[]>;
  /** The highest sequence number committed so far (0 when the log is empty). */
  lastSeq(): Promise<number>;
}

export interface LoggedEvent {
  seq: number;
  event: IndexedEvent;
}

export type PrincipalType = 'Root' | 'IAMUser' | 'AssumedRole';

/** What temporary credentials (STS) stand for: who obtained them, how, and the limits they carry. */
export interface SessionGrant {
  /** SHA-256 (hex) of the session token: the token itself is never stored. */
  tokenHash: string;
  issuedMs: number;
  /** AssumeRole: the role and the session name; GetSessionToken: the user (or root) who asked. */
  issuer: { type: 'Role' | 'IAMUser' | 'Root'; name: string; id: string; arn: string };
  sessionName?: string;
  /** Inline session policy and managed session policy ARNs given to AssumeRole. */
  sessionPolicies?: string[];
  sessionPolicyArns?: string[];
}

export interface KeyLastUsed {
  usedMs: number;
  serviceName: string;
  region: string;
}

export interface AccessKeyRecord {
  accessKeyId: string;
  accountId: string;
  principalType: PrincipalType;
  principalId: string;
  principalArn: string;
  userName?: string;
  /** The secret, sealed by ../crypto/secret-box.ts; never the plain secret. */
  sealedSecret: string;
  status: 'Active' | 'Inactive';
  createdMs: number;
  /** Temporary credentials only. */
  expiresMs?: number;
  session?: SessionGrant;
  lastUsed?: KeyLastUsed;
}

export interface CredentialStore {
  findAccessKey(accessKeyId: string): Promise<AccessKeyRecord | undefined>;
  /** Inserts the key, or replaces the one with the same id. */
  saveAccessKey(key: AccessKeyRecord): Promise<void>;
  /** An IAM user's long-term keys, oldest first. */
  listUserKeys(accountId: string, userName: string): Promise<AccessKeyRecord[]>;
  /** The account root's long-term keys, oldest first. */
  listRootKeys(accountId: string): Promise<AccessKeyRecord[]>;
  /** Whether there was one to delete. */
  deleteAccessKey(accessKeyId: string): Promise<boolean>;
  noteKeyUsed(accessKeyId: string, use: KeyLastUsed): Promise<void>;
  /** Drops temporary credentials that expired before `beforeMs`; returns how many. */
  deleteExpiredKeys(beforeMs: number): Promise<number>;
}
