/**
 * Per-client request budget: `max` tokens per `windowMs` (fixed window). A request takes its route's
 * `rateLimitWeight` in tokens (1 by default; expensive routes such as `POST /api/v1/astrology/windows` take more).
 *
 * @example
 * ```ts
 * const rateLimit: RateLimitOptions = { max: 1200, windowMs: 60_000 }; // 1200 tokens a minute per client
 * const server = createServer(vajra, { rateLimit });
 * ```
 */
export interface RateLimitOptions {
  max: number;
  windowMs: number;
}

/**
 * A fixed-window token counter per client key, bounded in memory (old windows are swept). `take(key, weight)`
 * spends `weight` tokens (1 by default; at most `max`, so a heavy request can always run in a fresh window)
 * when they fit in what the window has left and answers 0; a refused request spends nothing (so cheap
 * requests may still pass) and answers the milliseconds until its window ends (always more than 0).
 *
 * @example
 * ```ts
 * const limiter = createRateLimiter({ max: 100, windowMs: 60_000 }, Date.now);
 * limiter.take('127.0.0.1'); // 0: allowed, 99 tokens left
 * limiter.take('127.0.0.1', 100); // 59_999 (say): refused, retry when the window ends
 * ```
 */
export function createRateLimiter(options: RateLimitOptions, now: () => number) {
  const windows = new Map<string, { start: number; count: number }>();
  let lastSweep = now();
  return {
    /** 0 when allowed, else the milliseconds to wait (no object per request: this runs on every one). */
    take(key: string, weight = 1): number {
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
      const cost = Math.min(Math.max(weight, 0), options.max);
      if (w.count + cost > options.max) return w.start + options.windowMs - t; // > 0: the window is younger than windowMs
      w.count += cost;
      return 0;
    },
  };
}
