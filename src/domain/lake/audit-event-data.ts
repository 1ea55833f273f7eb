// The `eventData` of a PutAuditEvents entry, checked against CloudTrail Lake's schema for events from outside AWS
// (spec §4.12, "CloudTrail Lake integrations event schema"): required members, types, lengths, and the recipient
// account. Each failure carries the per-event error code PutAuditEvents reports.
import crypto from 'node:crypto';
import { MAX_JSON_DEPTH, nestedDeeperThan } from '../json-depth.js';
import { isObject } from '../json-object.js';

export type AuditEventErrorCode = 'FieldNotFound' | 'FieldTooLong' | 'InvalidData' | 'InvalidChecksum' | 'InvalidRecipient';

export interface AuditEventProblem {
  code: AuditEventErrorCode;
  message: string;
}

export interface AuditEventData {
  version: string;
  userIdentity: { type: string; principalId: string; details?: Record<string, unknown> };
  eventSource: string;
  eventName: string;
  eventTime: string;
  UID: string;
  recipientAccountId: string;
  [member: string]: unknown;
}

/** `checksum`: the base64 SHA-256 of the eventData text, worked out once (it also derives the eventID). */
export type AuditEventCheck =
  | { ok: true; data: AuditEventData; timeMs: number; checksum: string }
  | { ok: false; problem: AuditEventProblem };

const KB = 1024;
/** Text members and their longest values; `true` when required. */
const TEXT: ReadonlyArray<[path: string, max: number, required: boolean]> = [
  ['version', 256, true],
  ['userIdentity.type', 128, true],
  ['userIdentity.principalId', 1024, true],
  ['userAgent', 1024, false],
  ['eventSource', 1024, true],
  ['eventName', 1024, true],
  ['eventTime', 64, true],
  ['UID', 1024, true],
  ['errorCode', 256, false],
  ['errorMessage', 256, false],
  ['sourceIPAddress', 1024, false],
  ['recipientAccountId', 12, true],
];
/** Object members and the largest JSON they may take. */
const OBJECTS: ReadonlyArray<[path: string, maxBytes: number]> = [
  ['userIdentity.details', 100 * KB],
  ['requestParameters', 100 * KB],
  ['responseElements', 100 * KB],
  ['additionalEventData', 28 * KB],
];
const SMALLEST_OBJECT_LIMIT = Math.min(...OBJECTS.map(([, maxBytes]) => maxBytes));
const MAX_BYTES_PER_CHAR = 3;
// How much longer JSON.stringify's text of a parsed value can be than the text it was parsed from: a number such as
// 1e20 comes back as 21 digits. Below the limits by this margin, no member can be over its limit, and the members
// need not be serialized to be measured.
const MAX_REWRITE_GROWTH = 6;
// `yyyy-MM-DDTHH:mm:ss` in UTC; a trailing Z and fractional seconds are tolerated.
const EVENT_TIME = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d{1,9})?Z?$/;

/** base64 of the SHA-256 of the eventData string, as `printf %s "$eventData" | openssl dgst -binary -sha256 | base64`. */
export function eventDataChecksum(eventData: string): string {
  return crypto.hash('sha256', eventData, 'base64');
}

export function checkAuditEvent(eventData: string, checksum: string | undefined, ownerAccountId: string): AuditEventCheck {
  const actual = eventDataChecksum(eventData);
  if (checksum !== undefined && checksum !== actual) {
    return refuse('InvalidChecksum', 'eventDataChecksum is not the base64 SHA-256 of eventData.');
  }
  let value: unknown;
  try {
    value = JSON.parse(eventData);
  } catch {
    return refuse('InvalidData', 'eventData is not valid JSON.');
  }
  if (!isObject(value)) return refuse('InvalidData', 'eventData must be a JSON object.');
  if (nestedDeeperThan(value)) return refuse('InvalidData', `eventData nests objects and arrays more than ${MAX_JSON_DEPTH} levels deep.`);
  if (!isObject(value.userIdentity)) {
    return value.userIdentity === undefined
      ? refuse('FieldNotFound', 'eventData has no userIdentity.')
      : refuse('InvalidData', 'userIdentity must be an object.');
  }
  const problem = textProblem(value) ?? objectProblem(value, eventData);
  if (problem) return { ok: false, problem };
  const timeMs = eventTimeMs(value.eventTime as string);
  if (timeMs === undefined) return refuse('InvalidData', `eventTime '${String(value.eventTime)}' is not a UTC time yyyy-MM-DDTHH:mm:ss.`);
  if (value.recipientAccountId !== ownerAccountId) {
    return refuse('InvalidRecipient', `recipientAccountId must be the channel owner's account, ${ownerAccountId}.`);
  }
  return { ok: true, data: value as AuditEventData, timeMs, checksum: actual };
}

function textProblem(data: Record<string, unknown>): AuditEventProblem | undefined {
  for (const [path, max, required] of TEXT) {
    const value = read(data, path);
    if (value === undefined || value === null) {
      if (required) return { code: 'FieldNotFound', message: `eventData has no ${path}.` };
      continue;
    }
    if (typeof value !== 'string') return { code: 'InvalidData', message: `${path} must be a string.` };
    if (value.length > max) return { code: 'FieldTooLong', message: `${path} is longer than ${max} characters.` };
    if (required && value === '') return { code: 'FieldNotFound', message: `${path} is empty.` };
  }
  return undefined;
}

function objectProblem(data: Record<string, unknown>, eventData: string): AuditEventProblem | undefined {
  const mayBeTooLarge = eventData.length * MAX_BYTES_PER_CHAR * MAX_REWRITE_GROWTH > SMALLEST_OBJECT_LIMIT;
  for (const [path, maxBytes] of OBJECTS) {
    const value = read(data, path);
    if (value === undefined || value === null) continue;
    if (!isObject(value)) return { code: 'InvalidData', message: `${path} must be a JSON object.` };
    if (mayBeTooLarge && Buffer.byteLength(JSON.stringify(value)) > maxBytes) {
      return { code: 'FieldTooLong', message: `${path} is larger than ${maxBytes / KB} KB.` };
    }
  }
  return undefined;
}

function eventTimeMs(text: string): number | undefined {
  if (!EVENT_TIME.test(text)) return undefined;
  const ms = Date.parse(text.endsWith('Z') ? text : `${text}Z`);
  return Number.isFinite(ms) ? ms : undefined;
}

function read(data: Record<string, unknown>, path: string): unknown {
  const dot = path.indexOf('.');
  if (dot < 0) return data[path];
  const parent = data[path.slice(0, dot)];
  return isObject(parent) ? parent[path.slice(dot + 1)] : undefined;
}


const refuse = (code: AuditEventErrorCode, message: string): AuditEventCheck => ({ ok: false, problem: { code, message } });
