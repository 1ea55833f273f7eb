// An event as the event log keeps it: the record's exact bytes plus what is derived from it once, so that every
// Store backend persists the same facts and no backend re-derives them differently.
import type { CloudTrailRecord } from './record.js';
import { historyAttributes, type HistoryAttributes } from './history-attributes.js';
import { parseEventTime } from './event-time.js';

/** `channel`: a PutAuditEvents event kept out of trails (the audit-events-to-trails switch is off). */
export type EventOrigin = 'recorded' | 'imported' | 'channel';

export interface IndexedEvent {
  /** The record serialized once; log files and LookupEvents hand out exactly these bytes. */
  json: string;
  eventId: string;
  /** Whose Event History and log files it belongs to (the record's `recipientAccountId` unless overridden). */
  accountId: string;
  region: string;
  timeMs: number;
  category: string;
  /** Management and Insight events are in Event History; data and network activity events never are (spec §4.6). */
  inHistory: boolean;
  origin: EventOrigin;
  attributes: HistoryAttributes;
  /** The channel a PutAuditEvents event came through (also its record's `metadata.channelARN`). */
  channelArn?: string;
  /** The event data stores (ARNs) that channel sent it to when it was accepted: where the lake keeps it. */
  channelStores?: readonly string[];
}

export class InvalidRecordError extends Error {}

export function indexEvent(
  record: CloudTrailRecord,
  options: { origin: EventOrigin; accountId?: string; json?: string },
): IndexedEvent {
  const timeMs = parseEventTime(record.eventTime);
  if (timeMs === undefined) throw new InvalidRecordError(`eventTime is not a valid time: ${String(record.eventTime)}`);
  if (typeof record.eventID !== 'string' || record.eventID === '') throw new InvalidRecordError('eventID is missing');
  const accountId = options.accountId ?? record.recipientAccountId ?? record.userIdentity?.accountId;
  if (typeof accountId !== 'string' || accountId === '') throw new InvalidRecordError('recipientAccountId is missing');
  if (typeof record.awsRegion !== 'string' || record.awsRegion === '') throw new InvalidRecordError('awsRegion is missing');
  const category = typeof record.eventCategory === 'string' ? record.eventCategory : 'Management';
  return {
    json: options.json ?? JSON.stringify(record),
    eventId: record.eventID,
    accountId,
    region: record.awsRegion,
    timeMs,
    category,
    inHistory: isHistoryCategory(record),
    origin: options.origin,
    attributes: historyAttributes(record),
  };
}

function isHistoryCategory(record: CloudTrailRecord): boolean {
  if (record.eventCategory === 'Insight') return true;
  if (record.eventCategory === 'Data' || record.eventCategory === 'NetworkActivity') return false;
  return record.managementEvent !== false;
}
