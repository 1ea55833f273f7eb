// What a trusted producer's full CloudTrail record must carry to enter the event log through PutRecords
// (docs/bulk-ingest.md): the members every reader of the log relies on, the caller's own account as recipient, and
// sane lengths. A record that fails is refused alone, with the reason.
import type { CloudTrailRecord } from '../record.js';
import { formatEventTime, parseEventTime } from '../event-time.js';
import { eventCategoryOf } from '../selectors/event-kind.js';
import { MAX_JSON_DEPTH, nestedDeeperThan } from '../json-depth.js';
import { isObject } from '../json-object.js';
import { RESOURCE_MEMBERS } from '../selectors/record-fields.js';

export type ProducerRecordCheck = { ok: true; record: CloudTrailRecord } | { ok: false; problem: string };

const REQUIRED_TEXT = ['eventVersion', 'eventTime', 'eventSource', 'eventName', 'awsRegion', 'eventID'] as const;
// Every other member of spec §1.2 a reader of the log takes for its documented type (Event History, selectors,
// the lake, delivery): when present, it must be that type, or the record is refused alone.
const OPTIONAL_TEXT = [
  'sourceIPAddress', 'userAgent', 'errorCode', 'errorMessage', 'requestID', 'eventType', 'apiVersion', 'sharedEventID',
  'vpcEndpointId', 'vpcEndpointAccountId', 'sessionCredentialFromConsole', 'eventCategory',
] as const;
const OPTIONAL_BOOLEAN = ['readOnly', 'managementEvent'] as const;
const OBJECT_OR_NULL = ['requestParameters', 'responseElements'] as const;
const OPTIONAL_OBJECT = [
  'additionalEventData', 'serviceEventDetails', 'addendum', 'edgeDeviceDetails', 'tlsDetails', 'insightDetails', 'eventContext',
] as const;
const IDENTITY_TEXT = ['type', 'principalId', 'arn', 'accountId', 'accessKeyId', 'userName', 'invokedBy', 'identityProvider'] as const;
/** spec §1.1: the whole record, as stored. */
export const MAX_RECORD_BYTES = 256 * 1024;
const MAX_EVENT_ID = 128;
const MAX_SHORT_TEXT = 1024;
const REGION = /^[a-z]{2}(-[a-z0-9]+)+-\d+$/;
const ACCOUNT = /^\d{12}$/;
const LONE_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;
/** spec §1.1: UTC, second precision, a literal Z. */
const EVENT_TIME = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}Z$/;

/**
 * The record as it will be stored: `recipientAccountId` filled in with the caller's account when absent, and
 * `eventCategory` with the category older records imply (`managementEvent: false` is Data), so that the category
 * the event log keeps beside the record and the record itself agree.
 */
export function checkProducerRecord(value: unknown, callerAccountId: string): ProducerRecordCheck {
  if (!isObject(value)) return refuse('a record must be a JSON object');
  const problem = requiredProblem(value) ?? memberTypeProblem(value) ?? identityProblem(value.userIdentity) ??
    resourcesProblem(value.resources);
  if (problem) return refuse(problem);
  if (nestedDeeperThan(value)) return refuse(`the record nests objects and arrays more than ${MAX_JSON_DEPTH} levels deep`);
  const record = value as CloudTrailRecord;
  const recipient = record.recipientAccountId;
  if (recipient !== undefined && !ACCOUNT.test(recipient)) return refuse('recipientAccountId must be 12 digits');
  if (recipient !== undefined && recipient !== callerAccountId) {
    return refuse(`recipientAccountId ${recipient} is not the caller's account; a producer records for its own account`);
  }
  const filled = recipient === undefined || record.eventCategory === undefined;
  return {
    ok: true,
    record: filled ? { ...record, recipientAccountId: callerAccountId, eventCategory: eventCategoryOf(record) } : record,
  };
}

function requiredProblem(record: Record<string, unknown>): string | undefined {
  for (const member of REQUIRED_TEXT) {
    const text = record[member];
    if (typeof text !== 'string' || text === '') return `${member} is required and must be a non-empty string`;
    if (text.length > MAX_SHORT_TEXT) return `${member} is longer than ${MAX_SHORT_TEXT} characters`;
    // SQLite keeps text as UTF-8, where a lone surrogate has no form: LookupEvents would give back another id.
    if (LONE_SURROGATE.test(text)) return `${member} holds a lone UTF-16 surrogate, which is not a character`;
  }
  const { eventID, eventTime, awsRegion } = record as Record<(typeof REQUIRED_TEXT)[number], string>;
  if (eventID.length > MAX_EVENT_ID) return `eventID is longer than ${MAX_EVENT_ID} characters`;
  const ms = EVENT_TIME.test(eventTime) ? parseEventTime(eventTime) : undefined;
  // Date.parse rolls 2026-02-31 over into March: only a time that formats back to itself is one.
  if (ms === undefined || formatEventTime(new Date(ms)) !== eventTime) {
    return `eventTime '${eventTime}' is not a UTC time of the form YYYY-MM-DDTHH:MM:SSZ`;
  }
  if (!REGION.test(awsRegion)) return `awsRegion '${awsRegion}' is not a region name`;
  return undefined;
}

function memberTypeProblem(record: Record<string, unknown>): string | undefined {
  for (const member of OPTIONAL_TEXT) {
    if (record[member] !== undefined && typeof record[member] !== 'string') return `${member} must be a string`;
  }
  for (const member of OPTIONAL_BOOLEAN) {
    if (record[member] !== undefined && typeof record[member] !== 'boolean') return `${member} must be true or false`;
  }
  for (const member of OBJECT_OR_NULL) {
    if (record[member] !== undefined && record[member] !== null && !isObject(record[member])) return `${member} must be an object or null`;
  }
  for (const member of OPTIONAL_OBJECT) {
    if (record[member] !== undefined && !isObject(record[member])) return `${member} must be an object`;
  }
  return undefined;
}

/** Real service events (AwsServiceEvent) may have no `type`: only the members given are checked. */
function identityProblem(identity: unknown): string | undefined {
  if (!isObject(identity)) return 'userIdentity is required and must be an object';
  const wrong = IDENTITY_TEXT.find((member) => identity[member] !== undefined && typeof identity[member] !== 'string');
  if (wrong) return `userIdentity.${wrong} must be a string`;
  if (identity.sessionContext !== undefined && !isObject(identity.sessionContext)) return 'userIdentity.sessionContext must be an object';
  return undefined;
}

function resourcesProblem(resources: unknown): string | undefined {
  if (resources === undefined) return undefined;
  if (!Array.isArray(resources)) return 'resources must be a list';
  for (const [index, resource] of resources.entries()) {
    if (!isObject(resource)) return `resources[${index}] must be an object`;
    const wrong = RESOURCE_MEMBERS.find((member) => resource[member] !== undefined && typeof resource[member] !== 'string');
    if (wrong) return `resources[${index}].${wrong} must be a string`;
  }
  return undefined;
}


const refuse = (problem: string): ProducerRecordCheck => ({ ok: false, problem });
