// The JSON line of a record, byte for byte what JSON.stringify(completeRecord(event, …)) gives, written straight
// from the event: the record object and JSON.stringify's walk of it cost more than everything else record() does.
// What repeats from record to record is written once: the eventTime of the current second, the last userIdentity
// (applications mostly see the same few callers), the members every record has. Events with members beyond
// CloudTrail's own take the slow path through completeRecord.
// Compact lines (PutRecords' `Common`, docs/bulk-ingest.md) leave out what they share with the first record written:
// its eventVersion, userIdentity, eventSource, awsRegion, eventType and eventCategory, sent once per call as
// `commonJson`; the server puts the record back together, in the same member order, so the stored record is the
// same. Only members every line has can be common: a line cannot say that it lacks one.
import { EVENT_VERSION } from '../domain/record.js';
import { RECORD_ORDER, withCommonMembers } from '../domain/ingest/common-members.js';
import { CapturedEvent, completeRecord, eventTimeMs, InvalidEventError, secondText, type AuditEvent, type RecordDefaults } from './audit-record.js';

// The members completeRecord writes.
const MEMBERS: ReadonlySet<string> = new Set(RECORD_ORDER);
// Characters JSON.stringify escapes (controls, `"`, `\`) or may escape (surrogates, when unpaired).
const NEEDS_ESCAPE = /["\\\u0000-\u001f\ud800-\udfff]/;
const UNKNOWN_IDENTITY = '{"type":"Unknown"}';
// Compact lines open with their eventID; whole ones (fast or slow path) with their eventVersion.
const COMPACT_OPENING = '{"eventID":';
const COMMON_MEMBERS = ['eventVersion', 'userIdentity', 'eventSource', 'awsRegion', 'eventType', 'eventCategory'] as const;
/** Room a call's body keeps for `,"Common":{…}`: common members beyond it are not worth it in every call. */
export const MAX_COMMON_BYTES = 4096;

export interface LineOptions {
  /** Write lines relative to `commonJson` (only for lines that are sent by this client, never spooled). */
  compact?: boolean;
}

interface Common {
  eventVersion: string;
  identity: string;
  eventSource: string;
  awsRegion: string;
  eventType: string;
  eventCategory: string;
}


export class RecordLineWriter {
  // The members before eventTime, between eventTime and requestParameters, and after eventID: what mostly repeats.
  private readonly headRun: Run;
  private readonly middleRun = new Run(
    ['eventSource', 'eventName', 'awsRegion', 'sourceIPAddress', 'userAgent', 'errorCode', 'errorMessage'].map((name) => `,"${name}":`),
  );
  private readonly tailRun = new Run(
    ['readOnly', 'resources', 'eventType', 'managementEvent', 'recipientAccountId', 'eventCategory'].map((name) => `,"${name}":`),
  );
  private readonly head: unknown[] = [undefined, undefined];
  private readonly middle: unknown[] = new Array<unknown>(7).fill(undefined);
  private readonly tail: unknown[] = new Array<unknown>(6).fill(undefined);
  private second = NaN;
  private eventTime = '';
  private readonly identity = new LastObject();
  private readonly compact: boolean;
  private common: Common | null | undefined;
  /** What compact lines leave out, as PutRecords' `Common`; undefined until the first compact line. */
  commonJson: string | undefined;

  constructor(private readonly defaults: RecordDefaults, options: LineOptions = {}) {
    this.compact = options.compact === true;
    // A compact line opens with its eventID (the server orders members again), so every other member follows a comma.
    this.headRun = new Run([this.compact ? ',"eventVersion":' : '{"eventVersion":', ',"userIdentity":'], [false, true]);
  }

  /** The line of `event` with this eventID; throws InvalidEventError as completeRecord does. */
  line(event: AuditEvent, eventID: string, nowMs: number): string {
    if (!event || typeof event !== 'object') throw new InvalidEventError('an event must be an object');
    if (!(event instanceof CapturedEvent)) for (const member in event) if (!MEMBERS.has(member)) return this.slowLine(event, eventID, nowMs);
    if (event.eventVersion !== undefined && typeof event.eventVersion !== 'string') return this.slowLine(event, eventID, nowMs);
    const eventName = event.eventName;
    const eventSource = event.eventSource ?? this.defaults.eventSource;
    if (typeof eventName !== 'string' || eventName === '') throw new InvalidEventError('eventName is required');
    if (typeof eventSource !== 'string' || eventSource === '') throw new InvalidEventError('eventSource is required (per event or as the client default)');
    const eventCategory = event.eventCategory ?? 'Management';
    const eventType = event.eventType ?? 'AwsApiCall';
    const head = this.head;
    head[0] = event.eventVersion ?? EVENT_VERSION;
    head[1] = event.userIdentity === undefined ? UNKNOWN_IDENTITY : this.identity.json(event.userIdentity);
    if (typeof head[1] !== 'string') return this.slowLine(event, eventID, nowMs);
    const middle = this.middle;
    middle[0] = eventSource;
    middle[1] = eventName;
    middle[2] = event.awsRegion ?? this.defaults.region;
    middle[3] = event.sourceIPAddress;
    middle[4] = event.userAgent;
    middle[5] = event.errorCode;
    middle[6] = event.errorMessage;
    const tail = this.tail;
    tail[0] = event.readOnly;
    tail[1] = event.resources;
    tail[2] = eventType;
    tail[3] = event.managementEvent ?? (eventType === 'AwsApiCall' ? eventCategory === 'Management' : undefined);
    tail[4] = event.recipientAccountId ?? this.defaults.recipientAccountId;
    tail[5] = eventCategory;
    if (this.compact && (typeof middle[2] !== 'string' || typeof eventType !== 'string' || typeof eventCategory !== 'string')) {
      return this.slowLine(event, eventID, nowMs);
    }
    const opening = this.compact ? this.compactOpening(event, eventID) : '';
    let line = opening + this.headRun.text(head) + this.eventTimeMember(event.eventTime, nowMs) + this.middleRun.text(middle);
    line = member(line, ',"requestParameters":', json(event.requestParameters ?? null));
    line = member(line, ',"responseElements":', json(event.responseElements ?? null));
    line = member(line, ',"additionalEventData":', json(event.additionalEventData));
    line = member(line, ',"requestID":', json(event.requestID));
    // An eventID of the pool is known to need no escaping.
    if (!this.compact) line += event.eventID === undefined ? `,"eventID":"${eventID}"` : `,"eventID":${json(eventID)}`;
    return line + this.tailRun.text(tail) + '}';
  }

  /** The line's opening member, its eventID; members equal to the common ones are left out (made undefined). */
  private compactOpening(event: AuditEvent, eventID: string): string {
    const head = this.head;
    const middle = this.middle;
    const tail = this.tail;
    if (this.common === undefined) this.common = this.learnCommon();
    const common = this.common;
    if (common) {
      if (head[0] === common.eventVersion) head[0] = undefined;
      if (head[1] === common.identity) head[1] = undefined;
      if (middle[0] === common.eventSource) middle[0] = undefined;
      if (middle[2] === common.awsRegion) middle[2] = undefined;
      if (tail[2] === common.eventType) tail[2] = undefined;
      if (tail[5] === common.eventCategory) tail[5] = undefined;
    }
    return event.eventID === undefined ? `${COMPACT_OPENING}"${eventID}"` : `${COMPACT_OPENING}${json(eventID)}`;
  }

  /** The first compact line's shared members become the common ones, for good (lines waiting rely on them). */
  private learnCommon(): Common | null {
    const [eventVersion, identity] = this.head as [string, string];
    const [eventSource, , awsRegion] = this.middle;
    const [, , eventType, , , eventCategory] = this.tail;
    if (typeof awsRegion !== 'string' || typeof eventType !== 'string' || typeof eventCategory !== 'string') return null;
    const common: Common = { eventVersion, identity, eventSource: eventSource as string, awsRegion, eventType, eventCategory };
    const text = `{"eventVersion":${quote(eventVersion)},"userIdentity":${identity},"eventSource":${quote(common.eventSource)}`
      + `,"awsRegion":${quote(awsRegion)},"eventType":${quote(eventType)},"eventCategory":${quote(eventCategory)}}`;
    if (Buffer.byteLength(text) + ',"Common":'.length > MAX_COMMON_BYTES) return null;
    this.commonJson = text;
    return common;
  }

  private slowLine(event: AuditEvent, eventID: string, nowMs: number): string {
    const record = completeRecord({ ...event, eventID }, this.defaults, nowMs);
    if (this.compact) {
      // A line cannot say it lacks a member: the server would complete it with the common one.
      for (const member of COMMON_MEMBERS) {
        if (json(record[member]) === undefined) throw new InvalidEventError(`${member} must be a JSON value`);
      }
    }
    return JSON.stringify(record);
  }

  private eventTimeMember(value: AuditEvent['eventTime'], nowMs: number): string {
    if (typeof value === 'string') return `,"eventTime":${quote(value)}`;
    const ms = value === undefined ? nowMs : eventTimeMs(value);
    const second = Math.floor(ms / 1000);
    if (second !== this.second) {
      this.second = second;
      this.eventTime = `,"eventTime":${quote(secondText(ms))}`;
    }
    return this.eventTime;
  }
}

function member(line: string, key: string, value: string | undefined): string {
  return value === undefined ? line : line + key + value;
}

/**
 * A compact line made whole again with the common members, as the server would (a server that predates `Common`
 * leaves them out and refuses the record): undefined for a line that is whole already.
 */
export function wholeLine(line: string, commonJson: string): string | undefined {
  if (!line.startsWith(COMPACT_OPENING)) return undefined;
  return JSON.stringify(withCommonMembers(JSON.parse(line), JSON.parse(commonJson) as Record<string, unknown>));
}

/**
 * Consecutive members written as one text, kept for the next record whose values are the same plain values (by
 * ===): an application's records mostly share their source, names, region, caller and flags.
 */
class Run {
  private readonly last: unknown[];
  private lastText: string | undefined;

  /** `keys`: each member's `,"name":`; `written`: which values are already JSON text (not to be encoded). */
  constructor(private readonly keys: readonly string[], private readonly written: readonly boolean[] = []) {
    this.last = new Array<unknown>(keys.length).fill(undefined);
  }

  text(values: readonly unknown[]): string {
    const last = this.last;
    if (this.lastText !== undefined) {
      let same = true;
      for (let i = 0; i < values.length; i++) {
        if (values[i] !== last[i]) {
          same = false;
          break;
        }
      }
      if (same) return this.lastText;
    }
    let text = '';
    let cacheable = true;
    for (let i = 0; i < values.length; i++) {
      const value = values[i];
      if ((typeof value === 'object' && value !== null) || typeof value === 'function') cacheable = false;
      last[i] = value;
      text = member(text, this.keys[i]!, this.written[i] ? (value as string | undefined) : json(value));
    }
    this.lastText = cacheable ? text : undefined;
    return text;
  }
}

/** JSON text of a member's value as JSON.stringify writes it inside an object; undefined when it leaves it out. */
function json(value: unknown): string | undefined {
  switch (typeof value) {
    case 'string':
      return quote(value);
    case 'boolean':
      return value ? 'true' : 'false';
    case 'undefined':
      return undefined;
    default:
      return value === null ? 'null' : (JSON.stringify(value) as string | undefined);
  }
}

function quote(text: string): string {
  return NEEDS_ESCAPE.test(text) ? JSON.stringify(text) : `"${text}"`;
}

/**
 * The JSON of the last object seen, reused for the next one with the same members holding the same plain values
 * (a fresh but equal userIdentity per request is the common case).
 */
class LastObject {
  private keys: string[] = [];
  private values: unknown[] = [];
  private text: string | undefined;

  json(value: unknown): string | undefined {
    if (typeof value !== 'object' || value === null || Object.getPrototypeOf(value) !== Object.prototype) return json(value);
    if (this.text !== undefined && this.same(value as Record<string, unknown>)) return this.text;
    const text = JSON.stringify(value);
    this.remember(value as Record<string, unknown>, text);
    return text;
  }

  private same(value: Record<string, unknown>): boolean {
    let i = 0;
    for (const key in value) {
      if (key !== this.keys[i] || value[key] !== this.values[i]) return false;
      i++;
    }
    return i === this.keys.length;
  }

  private remember(value: Record<string, unknown>, text: string): void {
    const keys: string[] = [];
    const values: unknown[] = [];
    for (const key in value) {
      const member = value[key];
      // Only plain values compare by ===: an object inside could change under the same reference, a toJSON answer too.
      if ((member !== null && typeof member === 'object') || typeof member === 'function') {
        this.text = undefined;
        return;
      }
      keys.push(key);
      values.push(member);
    }
    this.keys = keys;
    this.values = values;
    this.text = text;
  }
}
