// Starting a trail's digest chain (spec §3.1): by StartLogging, or UpdateTrail turning validation on while logging,
// as the call is made, so that a logging stretch shorter than a digest pass still gets its digests; and by the
// digest worker for trails that log with validation on but have no chain (they started before chains opened that
// way, or their previous chain had not ended yet when they restarted).
import { wholeSecond } from '../domain/digest/digest-time.js';
import type { DeliveryLedger } from '../store/delivery-ledger.js';
import type { DigestChainStore, DigestDestination } from '../store/digest-chains.js';
import type { StoredTrail, TrailStore } from '../store/trail-store.js';

/** The digest worker's longest pause between passes. */
export const MAX_TICK_MS = 5_000;

export interface ChainOpeningDeps {
  trails: Pick<TrailStore, 'trailStatus'>;
  ledger: Pick<DeliveryLedger, 'lastPositionBefore'>;
  chains: Pick<DigestChainStore, 'openChain'>;
}

/** Where the previous chain of the trail ended, when this one follows it at once. */
export interface ChainPredecessor {
  position: number;
  endMs: number;
}

/**
 * Opens the trail's chain; false, changing nothing, when it has one. The chain takes in the files delivered since
 * logging started, which delivery may have written before the chain opened; but no file older than two of the
 * worker's pauses, so that enabling validation on a trail logging for long does not sign what was delivered before.
 */
export async function openDigestChain(deps: ChainOpeningDeps, trail: StoredTrail, nowMs: number, after?: ChainPredecessor): Promise<boolean> {
  const status = await deps.trails.trailStatus(trail.arn);
  const sinceMs = Math.max(status.startLoggingMs ?? nowMs, nowMs - 2 * MAX_TICK_MS);
  return deps.chains.openChain({
    trailArn: trail.arn,
    trailCreatedMs: trail.createdMs,
    destination: digestDestination(trail),
    loggingSinceMs: status.startLoggingMs,
    // Right after the previous chain's final digest, whose end may lie up to a second ahead (see the worker's plan).
    windowStartMs: Math.max(wholeSecond(nowMs), after?.endMs ?? 0),
    afterPosition: after?.position ?? (await deps.ledger.lastPositionBefore(trail.arn, sinceMs)),
    heads: [],
  });
}

export function digestDestination(trail: StoredTrail): DigestDestination {
  return {
    accountId: trail.accountId,
    trailName: trail.name,
    homeRegion: trail.homeRegion,
    bucket: trail.s3BucketName,
    ...(trail.s3KeyPrefix ? { prefix: trail.s3KeyPrefix } : {}),
  };
}
