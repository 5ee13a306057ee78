import { describe, expect, it } from 'vitest';
import { backoffDelay } from './backoff';

describe('backoffDelay', () => {
  it('grows exponentially to the cap, and jitter only shortens a delay by up to its share', () => {
    const nominal = [1, 2, 3, 4, 5, 6].map((attempt) => backoffDelay(attempt, { initialDelayMs: 100, maxDelayMs: 1000, jitter: 0 }, Math.random));
    expect(nominal).toEqual([100, 200, 400, 800, 1000, 1000]);
    for (let attempt = 1; attempt < 40; attempt += 1) {
      const delay = backoffDelay(attempt, { initialDelayMs: 100, maxDelayMs: 1000, jitter: 0.5 }, Math.random);
      const cap = Math.min(1000, 100 * 2 ** (attempt - 1));
      expect(delay).toBeGreaterThanOrEqual(cap / 2);
      expect(delay).toBeLessThanOrEqual(cap);
    }
    expect(backoffDelay(3, { initialDelayMs: 100, jitter: 0.5 }, () => 0.999)).toBe(200);
  });
});
