import { describe, expect, it } from 'vitest';
import { indexEvent } from '../indexed-event.js';
import { makeRecord } from '../../../test/support/records.js';
import { planLogFiles } from './plan-log-files.js';
import { deliverableEvent, type DeliverableEvent } from './deliverable-event.js';

const TRAIL = 'arn:aws:cloudtrail:us-east-1:123456789012:trail/t';
const at = Date.UTC(2025, 5, 1, 8, 30);
const sequenced = (seq: number, region: string, account = '123456789012'): DeliverableEvent =>
  deliverableEvent(seq, indexEvent(makeRecord({ awsRegion: region, recipientAccountId: account }), { origin: 'recorded' }));

describe('planLogFiles', () => {
  const batch = [
    sequenced(3, 'us-east-1'), sequenced(4, 'eu-west-1'), sequenced(7, 'us-east-1'),
    sequenced(8, 'us-east-1', '444455556666'), sequenced(9, 'eu-west-1'),
  ];

  it('makes one file per account and region, each in event log order', () => {
    const files = planLogFiles(batch, { trailArn: TRAIL, fileTimeMs: at });
    expect(files.map((f) => [f.accountId, f.region, f.seqs])).toEqual([
      ['123456789012', 'us-east-1', [3, 7]],
      ['123456789012', 'eu-west-1', [4, 9]],
      ['444455556666', 'us-east-1', [8]],
    ]);
    expect(files[1]!.key).toMatch(/^AWSLogs\/123456789012\/CloudTrail\/eu-west-1\/2025\/06\/01\/123456789012_CloudTrail_eu-west-1_20250601T0830Z_[A-Za-z0-9]{16}\.json\.gz$/);
    expect(files[2]!.key).toMatch(/^AWSLogs\/444455556666\/CloudTrail\/us-east-1\//);
  });

  it('plans the same keys for the same events, and distinct keys for every file', () => {
    const once = planLogFiles(batch, { trailArn: TRAIL, prefix: 'p', fileTimeMs: at });
    expect(planLogFiles(batch, { trailArn: TRAIL, prefix: 'p', fileTimeMs: at })).toEqual(once);
    const split = planLogFiles(batch, { trailArn: TRAIL, fileTimeMs: at }, 1);
    expect(split).toHaveLength(5);
    expect(new Set(split.map((f) => f.key)).size).toBe(5);
  });

  it('plans nothing for no events', () => {
    expect(planLogFiles([], { trailArn: TRAIL, fileTimeMs: at })).toEqual([]);
  });
});
