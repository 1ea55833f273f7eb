// GetTrailStatus' delivery members (spec §4.3): the last attempt, the last success, and why the last attempt failed.
import type { TrailStore } from '../store/trail-store.js';

export async function recordDeliverySuccess(trails: TrailStore, trailArn: string, atMs: number): Promise<void> {
  await trails.updateTrailStatus(trailArn, {
    latestDeliveryMs: atMs,
    latestDeliveryAttemptMs: atMs,
    latestDeliveryAttemptSucceededMs: atMs,
    latestDeliveryError: undefined,
  });
}

export async function recordDeliveryFailure(trails: TrailStore, trailArn: string, atMs: number, errorCode: string): Promise<void> {
  await trails.updateTrailStatus(trailArn, { latestDeliveryAttemptMs: atMs, latestDeliveryError: errorCode });
}
