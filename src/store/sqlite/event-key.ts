// A 53-bit hash of an eventId, indexed instead of the id itself (see schema.ts). Collisions are harmless: every
// use compares the full eventId as well. The function is part of the file format: changing it needs a migration.

const DAY_MS = 86_400_000;

/**
 * The UTC day the eventId index files an event under (schema.ts: `time_ms / 86400000`, SQLite's integer division,
 * which truncates): an event's duplicates are looked for among the events of its own day.
 */
export function eventDay(timeMs: number): number {
  return Math.trunc(timeMs / DAY_MS);
}

/** cyrb53 (public domain): two 32-bit multiply-xorshift lanes, combined into a safe integer. */
export function eventKey(eventId: string): number {
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
