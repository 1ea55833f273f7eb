// Builds the CloudTrail record of one API call made to opentrail (spec §1.2, §1.5): every always-present member,
// and the optional ones only when they apply.
import { timeOrderedId } from './time-ordered-id.js';
import { EVENT_VERSION, RECORD_MEMBER_ORDER, type CloudTrailRecord, type RecordResource, type UserIdentity } from './record.js';
import { formatEventTime } from './event-time.js';

export interface ApiCallFacts {
  identity: UserIdentity;
  accountId: string;
  region: string;
  eventSource: string;
  eventName: string;
  eventTime: Date;
  sourceIPAddress: string;
  userAgent?: string;
  requestParameters: Record<string, unknown> | null;
  responseElements: Record<string, unknown> | null;
  additionalEventData?: Record<string, unknown>;
  error?: { code: string; message: string };
  requestId: string;
  readOnly: boolean;
  resources?: RecordResource[];
  /** Data events (S3 object calls) are `false`; everything else here is a management event. */
  managementEvent?: boolean;
  /** Set on every copy of a call recorded in several accounts (the caller's and a resource owner's). */
  sharedEventId?: string;
  /** Only for records that must keep one id when recorded again (opentrail's own writes); otherwise a fresh UUID. */
  eventId?: string;
}

const MAX_SHORT_FIELD = 1024;

export function apiCallRecord(facts: ApiCallFacts): CloudTrailRecord {
  const management = facts.managementEvent !== false;
  const record: CloudTrailRecord = {
    eventVersion: EVENT_VERSION,
    userIdentity: facts.identity,
    eventTime: formatEventTime(facts.eventTime),
    eventSource: facts.eventSource,
    eventName: facts.eventName,
    awsRegion: facts.region,
    sourceIPAddress: facts.sourceIPAddress,
    eventID: facts.eventId ?? timeOrderedId(facts.eventTime.getTime()),
    eventType: 'AwsApiCall',
    eventCategory: management ? 'Management' : 'Data',
  };
  if (facts.userAgent) record.userAgent = truncate(facts.userAgent);
  if (facts.error) {
    record.errorCode = truncate(facts.error.code);
    record.errorMessage = truncate(facts.error.message);
  }
  record.requestParameters = facts.requestParameters;
  record.responseElements = facts.error ? null : facts.responseElements;
  if (facts.additionalEventData) record.additionalEventData = facts.additionalEventData;
  record.requestID = truncate(facts.requestId);
  record.readOnly = facts.readOnly;
  if (facts.resources && facts.resources.length > 0) record.resources = facts.resources;
  record.managementEvent = management;
  record.recipientAccountId = facts.accountId;
  if (facts.sharedEventId) record.sharedEventID = facts.sharedEventId;
  return reorder(record);
}

function reorder(record: CloudTrailRecord): CloudTrailRecord {
  const out: Record<string, unknown> = {};
  for (const key of RECORD_MEMBER_ORDER) if (key in record) out[key] = record[key];
  return out as CloudTrailRecord;
}

function truncate(text: string): string {
  return text.length > MAX_SHORT_FIELD ? text.slice(0, MAX_SHORT_FIELD) : text;
}
