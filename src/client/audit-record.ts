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
  /** When the call completed: a Date, milliseconds since the epoch, or CloudTrail's text form (kept as given). */
  eventTime?: string | Date | number;
  [member: string]: unknown;
}

/**
 * An event the middleware built: only CloudTrail's own members, so the line writer need not look for others (that
 * look costs more than a tenth of writing the line).
 */
export class CapturedEvent implements AuditEvent {
  [member: string]: unknown;

  constructor(
    public eventTime: number,
    public eventSource: string,
    public eventName: string,
    public userIdentity: CloudTrailRecord['userIdentity'],
    public sourceIPAddress: string,
    public requestID: string,
    public readOnly: boolean,
    public eventType: string,
    public eventCategory: string,
  ) {}
}

export interface RecordDefaults {
  region: string;
  eventSource: string | undefined;
  recipientAccountId: string | undefined;
}

export class InvalidEventError extends Error {}

export function completeRecord(event: AuditEvent, defaults: RecordDefaults, nowMs: number): CloudTrailRecord {
  if (!event || typeof event !== 'object') throw new InvalidEventError('an event must be an object');
  const eventName = event.eventName;
  const eventSource = event.eventSource ?? defaults.eventSource;
  if (typeof eventName !== 'string' || eventName === '') throw new InvalidEventError('eventName is required');
  if (typeof eventSource !== 'string' || eventSource === '') throw new InvalidEventError('eventSource is required (per event or as the client default)');
  const eventCategory = event.eventCategory ?? 'Management';
  const eventType = event.eventType ?? 'AwsApiCall';
  // One literal of a fixed shape, in CloudTrail's customary member order: several times faster to build and to
  // serialize than a spread of the application's object (members left undefined are not serialized).
  const record: CloudTrailRecord = {
    eventVersion: event.eventVersion ?? EVENT_VERSION,
    userIdentity: event.userIdentity ?? { type: 'Unknown' },
    eventTime: eventTimeOf(event.eventTime, nowMs),
    eventSource,
    eventName,
    awsRegion: event.awsRegion ?? defaults.region,
    sourceIPAddress: event.sourceIPAddress,
    userAgent: event.userAgent,
    errorCode: event.errorCode,
    errorMessage: event.errorMessage,
    requestParameters: event.requestParameters ?? null,
    responseElements: event.responseElements ?? null,
    additionalEventData: event.additionalEventData,
    requestID: event.requestID,
    eventID: event.eventID ?? crypto.randomUUID(),
    readOnly: event.readOnly,
    resources: event.resources,
    eventType,
    managementEvent: event.managementEvent ?? (eventType === 'AwsApiCall' ? eventCategory === 'Management' : undefined),
    recipientAccountId: event.recipientAccountId ?? defaults.recipientAccountId,
    eventCategory,
  };
  for (const member in event) if (!(member in record)) record[member] = event[member];
  return record;
}

function eventTimeOf(value: string | Date | number | undefined, nowMs: number): string {
  if (value === undefined) return secondText(nowMs);
  return typeof value === 'string' ? value : secondText(eventTimeMs(value));
}

export function eventTimeMs(value: Date | number): number {
  const ms = typeof value === 'number' ? value : value instanceof Date ? value.getTime() : NaN;
  if (!Number.isFinite(ms)) throw new InvalidEventError('eventTime is not a valid date');
  return ms;
}

// Records of one second share their eventTime text: formatting a Date costs more than the rest of a record.
let lastSecond = NaN;
let lastText = '';

export function secondText(ms: number): string {
  const second = Math.floor(ms / 1000);
  if (second !== lastSecond) {
    lastSecond = second;
    lastText = formatEventTime(new Date(second * 1000));
  }
  return lastText;
}
