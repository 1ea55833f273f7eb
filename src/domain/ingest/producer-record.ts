// What a trusted producer's full CloudTrail record must carry to enter the event log through PutRecords
// (docs/bulk-ingest.md): the members every reader of the log relies on, the caller's own account as recipient, and
// sane lengths. A record that fails is refused alone, with the reason.
import type { CloudTrailRecord } from '../record.js';
import { parseEventTime } from '../event-time.js';
import { eventCategoryOf } from '../selectors/event-kind.js';

export type ProducerRecordCheck = { ok: true; record: CloudTrailRecord } | { ok: false; problem: string };

const REQUIRED_TEXT = ['eventVersion', 'eventTime', 'eventSource', 'eventName', 'awsRegion', 'eventID'] as const;
const MAX_EVENT_ID = 128;
const MAX_SHORT_TEXT = 1024;
const REGION = /^[a-z]{2}(-[a-z0-9]+)+-\d+$/;
const ACCOUNT = /^\d{12}$/;

/**
 * The record as it will be stored: `recipientAccountId` filled in with the caller's account when absent, and
 * `eventCategory` with the category older records imply (`managementEvent: false` is Data), so that the category
 * the event log keeps beside the record and the record itself agree.
 */
export function checkProducerRecord(value: unknown, callerAccountId: string): ProducerRecordCheck {
  if (!isObject(value)) return refuse('a record must be a JSON object');
  for (const member of REQUIRED_TEXT) {
    const text = value[member];
    if (typeof text !== 'string' || text === '') return refuse(`${member} is required and must be a non-empty string`);
    if (text.length > MAX_SHORT_TEXT) return refuse(`${member} is longer than ${MAX_SHORT_TEXT} characters`);
  }
  const record = value as CloudTrailRecord;
  if (record.eventID.length > MAX_EVENT_ID) return refuse(`eventID is longer than ${MAX_EVENT_ID} characters`);
  if (parseEventTime(record.eventTime) === undefined) return refuse(`eventTime '${record.eventTime}' is not a time`);
  if (!REGION.test(record.awsRegion)) return refuse(`awsRegion '${record.awsRegion}' is not a region name`);
  if (!isObject(record.userIdentity) || typeof record.userIdentity.type !== 'string') {
    return refuse('userIdentity is required and must be an object with a type');
  }
  if (record.eventCategory !== undefined && typeof record.eventCategory !== 'string') {
    return refuse('eventCategory must be a string');
  }
  const recipient = record.recipientAccountId;
  if (recipient !== undefined && (typeof recipient !== 'string' || !ACCOUNT.test(recipient))) {
    return refuse('recipientAccountId must be 12 digits');
  }
  if (recipient !== undefined && recipient !== callerAccountId) {
    return refuse(`recipientAccountId ${recipient} is not the caller's account; a producer records for its own account`);
  }
  const filled = recipient === undefined || record.eventCategory === undefined;
  return {
    ok: true,
    record: filled ? { ...record, recipientAccountId: callerAccountId, eventCategory: eventCategoryOf(record) } : record,
  };
}

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

const refuse = (problem: string): ProducerRecordCheck => ({ ok: false, problem });
