import { describe, expect, it } from 'vitest';
import { nextChainStep, CLOSE_GRACE_MS, type ChainFacts } from './digest-chain-plan.js';
import type { StoredTrail } from '../store/trail-store.js';

const trail = { arn: 'arn', logFileValidationEnabled: true } as StoredTrail;
const base: ChainFacts = {
  chain: {
    trailArn: 'arn', destination: { accountId: 'a', trailName: 't', homeRegion: 'us-east-1', bucket: 'b' },
    loggingSinceMs: 1_000, windowStartMs: 10_000, afterPosition: 0, heads: [],
  },
  trail,
  status: { isLogging: true, startLoggingMs: 1_000 },
  deliveryCursor: 0,
  nowMs: 10_500,
  intervalMs: 2_000,
};

describe('nextChainStep', () => {
  it('waits out the interval, then writes a regular digest', () => {
    expect(nextChainStep(base)).toEqual({ kind: 'wait' });
    expect(nextChainStep({ ...base, nowMs: 12_000 })).toEqual({ kind: 'digest', final: false });
  });

  it('ends the chain at once when the trail was deleted or stopped validating', () => {
    expect(nextChainStep({ ...base, trail: undefined, status: undefined })).toEqual({ kind: 'digest', final: true });
    expect(nextChainStep({ ...base, trail: { ...trail, logFileValidationEnabled: false } })).toEqual({ kind: 'digest', final: true });
  });

  it('ends the chain when the trail was stopped and started again between passes', () => {
    expect(nextChainStep({ ...base, status: { isLogging: true, startLoggingMs: 5_000 } })).toEqual({ kind: 'digest', final: true });
  });

  it('after StopLogging, closes once the call is surely recorded, then ends when delivery has caught up', () => {
    const stopped = { ...base, status: { isLogging: false, startLoggingMs: 1_000, stopLoggingMs: 10_000 } };
    expect(nextChainStep(stopped)).toEqual({ kind: 'wait' });
    expect(nextChainStep({ ...stopped, nowMs: 10_000 + CLOSE_GRACE_MS })).toEqual({ kind: 'close' });
    const closing = { ...stopped, chain: { ...base.chain, closingAfterSeq: 40 }, deliveryCursor: 39 };
    expect(nextChainStep(closing)).toEqual({ kind: 'wait' });
    expect(nextChainStep({ ...closing, nowMs: 12_000 })).toEqual({ kind: 'digest', final: false });
    expect(nextChainStep({ ...closing, deliveryCursor: 40 })).toEqual({ kind: 'digest', final: true });
  });
});
