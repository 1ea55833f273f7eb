import { describe, expect, it } from 'vitest';
import { HistoryTokenCodec, queryBinding } from './history-token.js';

const codec = new HistoryTokenCodec(Buffer.alloc(32, 7));
const state = { binding: queryBinding(['a', 1]), startMs: 1000, endMs: 2000, after: { timeMs: 1500, seq: 42 } };

describe('LookupEvents tokens', () => {
  it('round-trip', () => {
    expect(codec.decode(codec.encode(state))).toEqual(state);
  });

  it('refuse edits, other keys and garbage', () => {
    const token = codec.encode(state);
    const [payload, mac] = token.split('.');
    const edited = Buffer.from(JSON.stringify([state.binding, 0, 2000, 1500, 1])).toString('base64url');
    expect(codec.decode(`${edited}.${mac}`)).toBeUndefined();
    expect(new HistoryTokenCodec(Buffer.alloc(32, 8)).decode(token)).toBeUndefined();
    expect(codec.decode(`${payload}`)).toBeUndefined();
    expect(codec.decode('%%%.???')).toBeUndefined();
  });

  it('bind to the query', () => {
    expect(queryBinding(['a', 1])).toBe(queryBinding(['a', 1]));
    expect(queryBinding(['a', 1])).not.toBe(queryBinding(['a', 2]));
  });
});
