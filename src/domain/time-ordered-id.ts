// eventIDs that opentrail makes are RFC 9562 version 7 UUIDs: the event's time in milliseconds, then random (or, for
// PutAuditEvents, hashed) bits. The event log indexes eventIDs by day (store/sqlite/event-key.ts); a v7 id's key
// follows its time, so live events enter the index at its end, where a commit dirties a few pages, instead of at
// random places all over the day's index (measured: 5 µs of CPU per event at 400,000 events a day, growing with it).
import crypto from 'node:crypto';

const MAX_TIME_MS = 2 ** 48 - 1;

/** A version 7 UUID for an event at `timeMs`, its other 74 bits random. */
export function timeOrderedId(timeMs: number): string {
  // randomUUID's version 4 layout: everything from its 16th character on is random but the variant.
  return orderedIdPrefix(timeMs) + crypto.randomUUID().slice(15);
}

/** A version 7 UUID for an event at `timeMs` whose other bits are the first hex digits of `hex` (a hash). */
export function timeOrderedIdFromHash(timeMs: number, hex: string): string {
  const variant = ((parseInt(hex[3]!, 16) & 0x3) | 0x8).toString(16);
  return `${orderedIdPrefix(timeMs)}${hex.slice(0, 3)}-${variant}${hex.slice(4, 7)}-${hex.slice(7, 19)}`;
}

/** The time a version 7 eventID carries, or undefined for any other eventID. */
export function timeOfOrderedId(eventId: string): number | undefined {
  if (eventId.length !== 36 || eventId[14] !== '7' || eventId[8] !== '-' || eventId[13] !== '-') return undefined;
  const high = parseHex(eventId, 0, 8);
  const low = parseHex(eventId, 9, 13);
  return high === undefined || low === undefined ? undefined : high * 65536 + low;
}

/**
 * `tttttttt-tttt-7`: a version 7 UUID's first 15 characters, 48 bits of milliseconds since 1970 (clamped to what they
 * can hold) and the version; the rest of a version 4 UUID from its 16th character completes it.
 */
export function orderedIdPrefix(timeMs: number): string {
  const ms = Math.min(Math.max(Math.trunc(timeMs), 0), MAX_TIME_MS);
  const hex = ms.toString(16).padStart(12, '0');
  return `${hex.slice(0, 8)}-${hex.slice(8)}-7`;
}

const HEX = /^[0-9a-fA-F]+$/;

function parseHex(text: string, from: number, to: number): number | undefined {
  const part = text.slice(from, to);
  return HEX.test(part) ? parseInt(part, 16) : undefined;
}
