// GetTrailStatus' delivery members (spec §4.3): the last attempt, the last success, and why the last attempt failed.
import type { TrailStore } from '../store/trail-store.js';

export function recordDeliverySuccess(trails: TrailStore, trailArn: string, atMs: number): Promise<void> {
  return trails.updateTrailStatus(trailArn, {
    latestDeliveryMs: atMs,
    latestDeliveryAttemptMs: atMs,
    latestDeliveryAttemptSucceededMs: atMs,
    latestDeliveryError: undefined,
  });
}

export function recordDeliveryFailure(trails: TrailStore, trailArn: string, atMs: number, errorCode: string): Promise<void> {
  return trails.updateTrailStatus(trailArn, { latestDeliveryAttemptMs: atMs, latestDeliveryError: errorCode });
}
