// What record() turns an application's event into: a full CloudTrail record (spec §1.5's always-present members),
// with its eventID fixed at that moment so that every retry and spool replay of it is the same event to the server.
import crypto from 'node:crypto';
import { EVENT_VERSION, type CloudTrailRecord } from '../domain/record.js';
import { formatEventTime } from '../domain/event-time.js';

type GivenMembers =
  | 'eventSource' | 'userIdentity' | 'awsRegion' | 'sourceIPAddress' | 'userAgent' | 'errorCode' | 'errorMessage'
  | 'requestParameters' | 'responseElements' | 'additionalEventData' | 'requestID' | 'eventID' | 'readOnly'
  | 'resources' | 'eventType' | 'managementEvent' | 'recipientAccountId' | 'eventCategory' | 'eventVersion';

/**
 * An event as the application hands it over: `eventName` is required, `eventSource` too unless the client has a
 * default. Defaults: `eventTime` now, `userIdentity` `{"type":"Unknown"}`, `awsRegion` the client's region,
 * `eventID` a new UUID (give your own only if unique: the server keeps one event per eventID), `eventType`
 * `AwsApiCall`, `eventCategory` `Management`, `requestParameters`/`responseElements` null. Any other CloudTrail
 * member may be given and is kept as is.
 */
export interface AuditEvent extends Partial<Pick<CloudTrailRecord, GivenMembers>> {
  eventName: string;
  /** When the call completed. */
  eventTime?: string | Date;
  [member: string]: unknown;
}

export interface RecordDefaults {
  region: string;
  eventSource: string | undefined;
  recipientAccountId: string | undefined;
}

export class InvalidEventError extends Error {}

export function completeRecord(event: AuditEvent, defaults: RecordDefaults, now: Date): CloudTrailRecord {
  if (!event || typeof event !== 'object') throw new InvalidEventError('an event must be an object');
  const eventName = event.eventName;
  const eventSource = event.eventSource ?? defaults.eventSource;
  if (typeof eventName !== 'string' || eventName === '') throw new InvalidEventError('eventName is required');
  if (typeof eventSource !== 'string' || eventSource === '') throw new InvalidEventError('eventSource is required (per event or as the client default)');
  const eventCategory = event.eventCategory ?? 'Management';
  const eventType = event.eventType ?? 'AwsApiCall';
  const record: CloudTrailRecord = {
    ...event,
    eventVersion: event.eventVersion ?? EVENT_VERSION,
    userIdentity: event.userIdentity ?? { type: 'Unknown' },
    eventTime: eventTimeOf(event.eventTime, now),
    eventSource,
    eventName,
    awsRegion: event.awsRegion ?? defaults.region,
    requestParameters: event.requestParameters ?? null,
    responseElements: event.responseElements ?? null,
    eventID: event.eventID ?? crypto.randomUUID(),
    eventType,
    eventCategory,
  };
  if (record.managementEvent === undefined && eventType === 'AwsApiCall') record.managementEvent = eventCategory === 'Management';
  const recipient = event.recipientAccountId ?? defaults.recipientAccountId;
  if (recipient !== undefined) record.recipientAccountId = recipient;
  return record;
}

function eventTimeOf(value: string | Date | undefined, now: Date): string {
  if (value === undefined) return formatEventTime(now);
  if (value instanceof Date) {
    if (Number.isNaN(value.getTime())) throw new InvalidEventError('eventTime is not a valid date');
    return formatEventTime(value);
  }
  return value;
}
