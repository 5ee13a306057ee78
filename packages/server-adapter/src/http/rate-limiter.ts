/** Per-client request budget: `max` requests per `windowMs` (fixed window). */
export interface RateLimitOptions {
  max: number;
  windowMs: number;
}

/**
 * A fixed-window counter per client key, bounded in memory (old windows are swept).
 *
 * @example
 * ```ts
 * const limiter = createRateLimiter({ max: 100, windowMs: 60_000 }, Date.now);
 * limiter.take('127.0.0.1'); // { allowed: true, remaining: 99, retryAfterMs: 0 }
 * ```
 */
export function createRateLimiter(options: RateLimitOptions, now: () => number) {
  const windows = new Map<string, { start: number; count: number }>();
  let lastSweep = now();
  return {
    take(key: string): { allowed: boolean; remaining: number; retryAfterMs: number } {
      const t = now();
      if (t - lastSweep > options.windowMs) {
        for (const [k, w] of windows) if (t - w.start >= options.windowMs) windows.delete(k);
        lastSweep = t;
      }
      let w = windows.get(key);
      if (w === undefined || t - w.start >= options.windowMs) {
        w = { start: t, count: 0 };
        windows.set(key, w);
      }
      w.count += 1;
      const allowed = w.count <= options.max;
      return { allowed, remaining: Math.max(0, options.max - w.count), retryAfterMs: allowed ? 0 : w.start + options.windowMs - t };
    },
  };
}
