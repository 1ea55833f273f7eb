// Exponential back-off with full jitter: many clients coming back after one outage spread their retries out
// instead of arriving together.

export interface BackoffPolicy {
  baseDelayMs: number;
  maxDelayMs: number;
}

/** The wait before retry number `attempt` (1, 2, …); never shorter than what the server asked for. */
export function backoffDelay(policy: BackoffPolicy, attempt: number, serverAskedMs = 0, random: () => number = Math.random): number {
  const ceiling = Math.min(policy.maxDelayMs, policy.baseDelayMs * 2 ** Math.min(attempt - 1, 40));
  return Math.max(serverAskedMs, random() * ceiling);
}

/** Resolves after `ms` or as soon as `abort` fires. `keepAlive` decides whether the wait alone keeps Node running. */
export function sleep(ms: number, abort: AbortSignal, keepAlive: boolean): Promise<void> {
  if (abort.aborted) return Promise.resolve();
  return new Promise((resolve) => {
    const done = () => {
      clearTimeout(timer);
      abort.removeEventListener('abort', done);
      resolve();
    };
    const timer = setTimeout(done, ms);
    if (!keepAlive) timer.unref();
    abort.addEventListener('abort', done, { once: true });
  });
}
