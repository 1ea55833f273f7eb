// The record CloudTrail Lake keeps for an event from outside AWS (spec §4.12): an envelope with the members
// CloudTrail adds (eventVersion, eventCategory ActivityAuditLog, eventType ActivityLog, eventID, eventTime,
// awsRegion, recipientAccountId, metadata) around the caller's eventData, and how the event log indexes it.
import crypto from 'node:crypto';
import type { CloudTrailRecord } from '../record.js';
import type { IndexedEvent, EventOrigin } from '../indexed-event.js';
import { formatEventTime } from '../event-time.js';
import { timeOrderedIdFromHash } from '../time-ordered-id.js';
import type { AuditEventData } from './audit-event-data.js';
import { ACTIVITY_AUDIT_LOG } from './event-data-store-kind.js';

export const AUDIT_EVENT_VERSION = '1.0';

export interface AuditEventFacts {
  channelArn: string;
  /** The caller's id of the event in its PutAuditEvents entry. */
  id: string;
  eventData: AuditEventData;
  /** The eventData string as sent: the same id with the same data is the same event (a retry). */
  eventDataText: string;
  /** The base64 SHA-256 of eventDataText. */
  eventDataChecksum: string;
  timeMs: number;
  region: string;
  /** When the call stored it, formatted once per call: `metadata.ingestionTime`. */
  ingestionTime: string;
}

/**
 * A retry sends the same id and eventData to the same channel, so the eventID is derived from the three: retries
 * land on the eventID already stored, while a later event that reuses an id is a new event. Laid out as a version 7
 * UUID of the event's time, like every eventID opentrail makes (time-ordered-id.ts).
 */
export function auditEventId(channelArn: string, id: string, eventDataChecksum: string, timeMs: number): string {
  return timeOrderedIdFromHash(timeMs, crypto.hash('sha256', `${channelArn}\n${id}\n${eventDataChecksum}`, 'hex'));
}

export function auditEventRecord(facts: AuditEventFacts): CloudTrailRecord {
  return {
    eventVersion: AUDIT_EVENT_VERSION,
    eventCategory: ACTIVITY_AUDIT_LOG,
    eventType: 'ActivityLog',
    eventID: auditEventId(facts.channelArn, facts.id, facts.eventDataChecksum, facts.timeMs),
    eventTime: canonicalTime(facts.eventData.eventTime, facts.timeMs),
    awsRegion: facts.region,
    recipientAccountId: facts.eventData.recipientAccountId,
    metadata: { ingestionTime: facts.ingestionTime, channelARN: facts.channelArn },
    eventData: facts.eventData,
  };
}

const CANONICAL_TIME = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}Z$/;

/** The record's eventTime in CloudTrail's form; most callers already send it so, and formatting is not free. */
function canonicalTime(sent: string, timeMs: number): string {
  return CANONICAL_TIME.test(sent) ? sent : formatEventTime(new Date(timeMs));
}

/**
 * The record's text with the caller's eventData bytes as sent (already parsed, so valid JSON): what the caller wrote
 * is kept exactly, and the largest member is not serialized a second time. Written member by member, in the order
 * JSON.stringify(record) gives, as it runs for every event of every call.
 */
function envelopeJson(record: CloudTrailRecord, eventDataText: string): string {
  const metadata = record.metadata as { ingestionTime: string; channelARN: string };
  const text = JSON.stringify;
  return `{"eventVersion":${text(record.eventVersion)},"eventCategory":${text(record.eventCategory)},`
    + `"eventType":${text(record.eventType)},"eventID":${text(record.eventID)},"eventTime":${text(record.eventTime)},`
    + `"awsRegion":${text(record.awsRegion)},"recipientAccountId":${text(record.recipientAccountId)},`
    + `"metadata":{"ingestionTime":${text(metadata.ingestionTime)},"channelARN":${text(metadata.channelARN)}},`
    + `"eventData":${eventDataText.trim()}}`;
}

/** Event History finds it by the caller's eventName, eventSource and principal, as the envelope has none of its own. */
export function indexAuditEvent(
  record: CloudTrailRecord,
  facts: AuditEventFacts,
  options: { inHistory: boolean; origin: EventOrigin; channelStores: readonly string[] },
): IndexedEvent {
  const { eventData } = facts;
  return {
    json: envelopeJson(record, facts.eventDataText),
    eventId: record.eventID,
    accountId: eventData.recipientAccountId,
    region: facts.region,
    timeMs: facts.timeMs - (facts.timeMs % 1000),
    category: ACTIVITY_AUDIT_LOG,
    inHistory: options.inHistory,
    origin: options.origin,
    channelArn: facts.channelArn,
    channelStores: options.channelStores,
    attributes: {
      eventId: record.eventID,
      eventName: eventData.eventName,
      eventSource: eventData.eventSource,
      username: eventData.userIdentity.principalId,
      resources: [],
    },
  };
}
