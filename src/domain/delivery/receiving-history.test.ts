import { describe, expect, it } from 'vitest';
import { receivingAt, withReceivingChange, type TrailReceivingSettings } from './receiving-history.js';
import type { TrailSelectors } from '../selectors/trail-selectors.js';

const writeOnly = { kind: 'basic', selectors: [{ ReadWriteType: 'WriteOnly' }] } as unknown as TrailSelectors;
const base: TrailReceivingSettings = { homeRegion: 'us-east-1', isMultiRegionTrail: true, includeGlobalServiceEvents: true };

describe('receiving history', () => {
  it('keeps the replaced settings for the events recorded before the change, while delivery has them ahead', () => {
    const changed = withReceivingChange(base, { ...base, selectors: writeOnly }, 100, 40);
    expect(changed.earlierReceiving).toEqual([{ isMultiRegionTrail: true, includeGlobalServiceEvents: true, throughSeq: 100 }]);
    expect(receivingAt(changed, 40)).toEqual({ settings: base, throughSeq: 100 });
    expect(receivingAt(changed, 99)).toEqual({ settings: base, throughSeq: 100 });
    expect(receivingAt(changed, 100)).toEqual({ settings: { ...base, selectors: writeOnly } });
  });

  it('chains several changes in order and drops what delivery has passed', () => {
    const single = withReceivingChange(base, { ...base, isMultiRegionTrail: false }, 10, 5);
    const both = withReceivingChange(single, { ...single, selectors: writeOnly }, 20, 5);
    expect(both.earlierReceiving?.map((entry) => [entry.throughSeq, entry.isMultiRegionTrail])).toEqual([[10, true], [20, false]]);
    expect(receivingAt(both, 12)).toEqual({ settings: { ...base, isMultiRegionTrail: false }, throughSeq: 20 });
    const later = withReceivingChange(both, { ...both, includeGlobalServiceEvents: false }, 30, 15);
    expect(later.earlierReceiving?.map((entry) => entry.throughSeq)).toEqual([20, 30]);
  });

  it('keeps nothing when the settings that decide delivery did not change, or delivery has nothing ahead', () => {
    expect(withReceivingChange(base, { ...base, s3BucketName: 'other' } as TrailReceivingSettings, 100, 40)).not.toHaveProperty('earlierReceiving');
    expect(withReceivingChange(base, { ...base, selectors: writeOnly }, 100, 100)).not.toHaveProperty('earlierReceiving');
    const changed = withReceivingChange(base, { ...base, selectors: writeOnly }, 100, 40);
    expect(withReceivingChange(changed, { ...changed, selectors: undefined }, 150, 150)).not.toHaveProperty('earlierReceiving');
  });
});
