import { VajraError } from '@vajra-stream/core';

/**
 * The 429 `RATE_LIMITED` error of a client whose request budget is spent; `retryAfterMs` becomes
 * `details.retryAfterSeconds` and the `Retry-After` header.
 *
 * @example
 * ```ts
 * const retryAfterMs = limiter.take(address);
 * if (retryAfterMs > 0) throw rateLimited(retryAfterMs);
 * ```
 */
export function rateLimited(retryAfterMs: number): VajraError {
  return new VajraError('RATE_LIMITED', 'Too many requests; slow down', { status: 429, details: { retryAfterSeconds: Math.max(1, Math.ceil(retryAfterMs / 1000)) } });
}
