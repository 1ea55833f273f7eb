// PutRecords' compact form (docs/bulk-ingest.md): members that every record of a call shares are sent once, in
// `Common`, and each record carries only what is its own. The server completes each record before it is checked,
// so that what is stored is the record a producer would have sent whole, member for member and in the same order.
import { RECORD_MEMBER_ORDER } from '../record.js';
import { MAX_JSON_DEPTH, nestedDeeperThan } from '../json-depth.js';

/**
 * The members the SDK writes a whole record with (client/audit-record.ts completeRecord), in that order: CloudTrail's
 * customary order without sharedEventID, which only opentrail's own copies of cross-account calls carry.
 */
export const RECORD_ORDER: readonly string[] = RECORD_MEMBER_ORDER.filter((member) => member !== 'sharedEventID');
const IN_ORDER: ReadonlySet<string> = new Set(RECORD_ORDER);

/** Members that name one event and so can never be common to several. */
const OWN_ONLY = ['eventID'];

/** Why `common` cannot complete records, or undefined when it can. */
export function commonMembersProblem(common: Record<string, unknown>): string | undefined {
  for (const member of OWN_ONLY) {
    if (Object.hasOwn(common, member)) return `Common must not hold ${member}: it names one event, so each record carries its own.`;
  }
  // Common is one level inside each record it completes.
  if (nestedDeeperThan(common, MAX_JSON_DEPTH - 1)) return `Common nests objects and arrays more than ${MAX_JSON_DEPTH - 1} levels deep.`;
  return undefined;
}

/**
 * The record with the members of `common` it does not have itself (a member the record has, even null, wins), in
 * CloudTrail's order, then any other members: the record's own, then common ones. A value that is not an object is
 * returned as it is, for the record checks to refuse.
 */
export function withCommonMembers(record: unknown, common: Record<string, unknown>): unknown {
  if (typeof record !== 'object' || record === null || Array.isArray(record)) return record;
  const own = record as Record<string, unknown>;
  const complete: Record<string, unknown> = {};
  for (const member of RECORD_ORDER) {
    const value = Object.hasOwn(own, member) ? own[member] : common[member];
    if (value !== undefined) complete[member] = value;
  }
  for (const source of [own, common]) {
    for (const member of Object.keys(source)) {
      // defineProperty: a member named `__proto__` stays a member, as JSON.parse made it.
      if (!IN_ORDER.has(member) && !Object.hasOwn(complete, member)) {
        Object.defineProperty(complete, member, { value: source[member], enumerable: true, writable: true, configurable: true });
      }
    }
  }
  return complete;
}
