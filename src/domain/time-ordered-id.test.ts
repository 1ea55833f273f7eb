import crypto from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { timeOfOrderedId, timeOrderedId, timeOrderedIdFromHash } from './time-ordered-id.js';
import { eventKey } from '../store/sqlite/event-key.js';

const V7 = /^[0-9a-f]{8}-[0-9a-f]{4}-7[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/;

describe('time-ordered eventIDs', () => {
  it('are version 7 UUIDs that carry their time', () => {
    const at = Date.UTC(2026, 10, 24, 6, 30, 0, 123);
    const id = timeOrderedId(at);
    expect(id).toMatch(V7);
    expect(timeOfOrderedId(id)).toBe(at);
    expect(timeOrderedId(at)).not.toBe(id);
    const hashed = timeOrderedIdFromHash(at, 'f'.repeat(64));
    expect(hashed).toMatch(V7);
    expect(timeOfOrderedId(hashed)).toBe(at);
  });

  it('clamp times a 48-bit field cannot hold', () => {
    expect(timeOfOrderedId(timeOrderedId(-5))).toBe(0);
    expect(timeOfOrderedId(timeOrderedId(2 ** 50))).toBe(2 ** 48 - 1);
  });

  it('are not read into other eventIDs', () => {
    expect(timeOfOrderedId('3038ebd2-c98a-4c65-9b6e-e22506292313')).toBeUndefined();
    expect(timeOfOrderedId('not-a-uuid')).toBeUndefined();
    expect(timeOfOrderedId('zzzzzzzz-zzzz-7zzz-8zzz-zzzzzzzzzzzz')).toBeUndefined();
  });

  it('are keyed in time order within their day, so that live events are indexed at the end of it', () => {
    const times = [0, 1, 1_000, 86_399_999].map((ms) => Date.UTC(2026, 10, 24) + ms);
    const keys = times.map((ms) => eventKey(timeOrderedId(ms)));
    expect([...keys].sort((a, b) => a - b)).toEqual(keys);
    for (const key of keys) expect(Number.isSafeInteger(key)).toBe(true);
    // Events of the same millisecond (PutAuditEvents times are whole seconds) still get keys of their own.
    const sameTime = Array.from({ length: 10_000 }, () => eventKey(timeOrderedId(times[2]!)));
    expect(new Set(sameTime).size).toBeGreaterThan(9_990);
    const hashed = Array.from({ length: 10_000 }, (_, i) => eventKey(timeOrderedIdFromHash(times[2]!, crypto.hash('sha256', String(i), 'hex'))));
    expect(new Set(hashed).size).toBeGreaterThan(9_990);
    // Any other eventId keeps its hash key, the same every time.
    const v4 = '3038ebd2-c98a-4c65-9b6e-e22506292313';
    expect(eventKey(v4)).toBe(eventKey(v4));
    expect(Number.isSafeInteger(eventKey(v4))).toBe(true);
  });
});
