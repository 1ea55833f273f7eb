// A 53-bit key of an eventId, indexed instead of the id itself (see schema.ts). Collisions are harmless: every
// use compares the full eventId as well. The function is part of the file format: changing it needs a migration.
import { timeOfOrderedId } from '../../domain/time-ordered-id.js';

const DAY_MS = 86_400_000;

/**
 * The UTC day the eventId index files an event under (schema.ts: `time_ms / 86400000`, SQLite's integer division,
 * which truncates): an event's duplicates are looked for among the events of its own day.
 */
export function eventDay(timeMs: number): number {
  return Math.trunc(timeMs / DAY_MS);
}

/**
 * A version 7 UUID's key is its millisecond of the day (the index is by day already) and then 24 of its random or
 * hashed bits, so that the ids opentrail makes (time-ordered-id.ts) are filed in time order and events of one
 * millisecond still have keys of their own; any other eventId's key is a hash of it.
 */
export function eventKey(eventId: string): number {
  const timeMs = timeOfOrderedId(eventId);
  const rest = timeMs === undefined ? NaN : parseInt(eventId.slice(15, 18) + eventId.slice(20, 23), 16);
  return Number.isNaN(rest) ? hashKey(eventId) : (timeMs! % DAY_MS) * 16_777_216 + rest;
}

/** cyrb53 (public domain): two 32-bit multiply-xorshift lanes, combined into a safe integer. */
function hashKey(eventId: string): number {
  let h1 = 0xdeadbeef;
  let h2 = 0x41c6ce57;
  for (let i = 0; i < eventId.length; i++) {
    const c = eventId.charCodeAt(i);
    h1 = Math.imul(h1 ^ c, 2654435761);
    h2 = Math.imul(h2 ^ c, 1597334677);
  }
  h1 = Math.imul(h1 ^ (h1 >>> 16), 2246822507) ^ Math.imul(h2 ^ (h2 >>> 13), 3266489909);
  h2 = Math.imul(h2 ^ (h2 >>> 16), 2246822507) ^ Math.imul(h1 ^ (h1 >>> 13), 3266489909);
  return 4294967296 * (2097151 & h2) + (h1 >>> 0);
}
