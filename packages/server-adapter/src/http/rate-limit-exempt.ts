/**
 * Paths the per-client rate limit never counts (probes of load balancers and orchestrators).
 *
 * @example
 * ```ts
 * RATE_LIMIT_EXEMPT_PATHS.has('/health'); // true
 * ```
 */
export const RATE_LIMIT_EXEMPT_PATHS: ReadonlySet<string> = new Set(['/health', '/ready']);
