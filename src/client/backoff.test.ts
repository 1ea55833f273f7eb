import { describe, expect, it } from 'vitest';
import { backoffDelay } from './backoff.js';

const policy = { baseDelayMs: 100, maxDelayMs: 5000 };

describe('backoffDelay', () => {
  it('doubles its ceiling with each attempt up to the maximum, and draws the wait below it (full jitter)', () => {
    expect([1, 2, 3, 4, 7, 30].map((attempt) => backoffDelay(policy, attempt, 0, () => 1))).toEqual([100, 200, 400, 800, 5000, 5000]);
    expect(backoffDelay(policy, 3, 0, () => 0)).toBe(0);
    expect(backoffDelay(policy, 3, 0, () => 0.5)).toBe(200);
  });

  it('never waits less than the server asked (Retry-After)', () => {
    expect(backoffDelay(policy, 1, 2000, () => 0.5)).toBe(2000);
  });

  it('spreads the waits of many clients over the whole range', () => {
    const waits = Array.from({ length: 1000 }, () => backoffDelay(policy, 4, 0));
    expect(Math.min(...waits)).toBeLessThan(100);
    expect(Math.max(...waits)).toBeGreaterThan(700);
  });
});
