// Exponential back-off shared by log file delivery and notifications: retrying a broken destination at once would
// only hammer it, and waiting for ever would delay recovery once it is fixed.

export interface BackoffPolicy {
  firstDelayMs: number;
  maxDelayMs: number;
}

/** The wait before retry number `failures` (1 for the first retry): doubling from firstDelayMs up to maxDelayMs. */
export function backoffDelayMs(policy: BackoffPolicy, failures: number): number {
  const doublings = Math.max(0, failures - 1);
  return Math.min(policy.maxDelayMs, policy.firstDelayMs * 2 ** Math.min(doublings, 30));
}
