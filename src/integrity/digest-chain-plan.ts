// What a digest pass does for one chain (spec §3.1), decided from the chain and its trail as they are now: nothing
// yet, a regular digest once the interval is up, or the final digest once the trail stopped validating, was deleted
// or stopped logging (after delivery has written the files of its last logging stretch).
import type { DigestChain } from '../store/digest-chains.js';
import type { StoredTrail, TrailStatus } from '../store/trail-store.js';

export type ChainStep =
  | { kind: 'wait' }
  | { kind: 'digest'; final: boolean }
  /** The trail stopped logging: note how far delivery must get before the final digest. */
  | { kind: 'close' };

/** How long after StopLogging its own record is surely committed: the call records itself before it replies. */
export const CLOSE_GRACE_MS = 1_000;

export interface ChainFacts {
  chain: DigestChain;
  trail?: StoredTrail | undefined;
  status?: TrailStatus | undefined;
  /** The trail's delivery cursor now. */
  deliveryCursor: number;
  nowMs: number;
  intervalMs: number;
}

export function nextChainStep(facts: ChainFacts): ChainStep {
  const { chain, trail, status, nowMs } = facts;
  const due = nowMs >= chain.windowStartMs + facts.intervalMs;
  if (!trail || !trail.logFileValidationEnabled || !status) return { kind: 'digest', final: true };
  // Started again since the chain began (stopped and restarted between two passes): a new chain must start.
  if (status.isLogging && status.startLoggingMs !== chain.loggingSinceMs) return { kind: 'digest', final: true };
  if (status.isLogging) return due ? { kind: 'digest', final: false } : { kind: 'wait' };
  if (chain.closingAfterSeq === undefined) {
    return nowMs - (status.stopLoggingMs ?? 0) >= CLOSE_GRACE_MS ? { kind: 'close' } : { kind: 'wait' };
  }
  if (facts.deliveryCursor >= chain.closingAfterSeq) return { kind: 'digest', final: true };
  // Delivery is still writing the last stretch: keep the chain's windows going meanwhile.
  return due ? { kind: 'digest', final: false } : { kind: 'wait' };
}
