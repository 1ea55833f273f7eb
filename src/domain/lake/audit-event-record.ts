// The record CloudTrail Lake keeps for an event from outside AWS (spec §4.12): an envelope with the members
// CloudTrail adds (eventVersion, eventCategory ActivityAuditLog, eventType ActivityLog, eventID, eventTime,
// awsRegion, recipientAccountId, metadata) around the caller's eventData, and how the event log indexes it.
import crypto from 'node:crypto';
import type { CloudTrailRecord } from '../record.js';
import type { IndexedEvent, EventOrigin } from '../indexed-event.js';
import { formatEventTime } from '../event-time.js';
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
  timeMs: number;
  region: string;
  /** When the call stored it, formatted once per call: `metadata.ingestionTime`. */
  ingestionTime: string;
}

/**
 * A retry sends the same id and eventData to the same channel, so the eventID is derived from the three: retries
 * land on the eventID already stored, while a later event that reuses an id is a new event.
 */
export function auditEventId(channelArn: string, id: string, eventDataText: string): string {
  const hex = crypto.createHash('sha256').update(`${channelArn}\n${id}\n${eventDataText}`, 'utf8').digest('hex');
  // Laid out as an RFC 9562 version 8 (custom) UUID, the form of every other eventID.
  const variant = ((parseInt(hex[16]!, 16) & 0x3) | 0x8).toString(16);
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-8${hex.slice(13, 16)}-${variant}${hex.slice(17, 20)}-${hex.slice(20, 32)}`;
}

export function auditEventRecord(facts: AuditEventFacts): CloudTrailRecord {
  return {
    eventVersion: AUDIT_EVENT_VERSION,
    eventCategory: ACTIVITY_AUDIT_LOG,
    eventType: 'ActivityLog',
    eventID: auditEventId(facts.channelArn, facts.id, facts.eventDataText),
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
 * is kept exactly, and the largest member is not serialized a second time.
 */
function envelopeJson(record: CloudTrailRecord, eventDataText: string): string {
  const { eventData: _parsed, ...envelope } = record;
  return `${JSON.stringify(envelope).slice(0, -1)},"eventData":${eventDataText.trim()}}`;
}

/** Event History finds it by the caller's eventName, eventSource and principal, as the envelope has none of its own. */
export function indexAuditEvent(record: CloudTrailRecord, facts: AuditEventFacts, options: { inHistory: boolean; origin: EventOrigin }): IndexedEvent {
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
    attributes: {
      eventId: record.eventID,
      eventName: eventData.eventName,
      eventSource: eventData.eventSource,
      username: eventData.userIdentity.principalId,
      resources: [],
    },
  };
}
