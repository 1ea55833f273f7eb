import { describe, expect, it } from 'vitest';
import { digestKey } from '../../domain/digest/digest-key.js';
import type { ObjectSource } from './sources.js';
import { digestKeysInRange, keyTime, placeOf } from './trail-digest-keys.js';

const TRAIL = { accountId: '123456789012', trailName: 'audit', homeRegion: 'us-east-1', region: 'us-east-1' };
const AT = Date.UTC(2025, 5, 1, 8, 30, 15);

describe('placeOf', () => {
  it('finds the prefix a digest of the trail lies under, none included', () => {
    expect(placeOf(TRAIL, 'b', digestKey({ ...TRAIL, prefix: 'org/audit', endMs: AT }))).toEqual({ bucket: 'b', prefix: 'org/audit' });
    expect(placeOf(TRAIL, 'b', digestKey({ ...TRAIL, endMs: AT }))).toEqual({ bucket: 'b', prefix: undefined });
  });

  it('knows no place for another trail\'s digest or a key of another shape', () => {
    expect(placeOf(TRAIL, 'b', digestKey({ ...TRAIL, trailName: 'other', prefix: 'p', endMs: AT }))).toBeUndefined();
    expect(placeOf(TRAIL, 'b', 'p/AWSLogs/123456789012/CloudTrail/us-east-1/2025/06/01/x.json.gz')).toBeUndefined();
  });
});

describe('digestKeysInRange', () => {
  it('lists only the trail\'s digests under that very prefix, within the range', async () => {
    const inRange = digestKey({ ...TRAIL, prefix: 'p', endMs: AT });
    const keys = [
      inRange,
      digestKey({ ...TRAIL, prefix: 'p', endMs: AT + 3 * 3_600_000 }),
      digestKey({ ...TRAIL, prefix: 'p', trailName: 'other', endMs: AT }),
      digestKey({ ...TRAIL, prefix: 'p/q', endMs: AT }),
    ].sort();
    const objects = { list: async (_bucket: string, folder: string) => keys.filter((k) => k.startsWith(folder)) } as unknown as ObjectSource;
    expect(await digestKeysInRange(objects, TRAIL, { bucket: 'b', prefix: 'p' }, AT - 1000, AT)).toEqual([inRange]);
    expect(keyTime(inRange)).toBe('2025-06-01T08:30:15Z');
  });
});
