/**
 * Reconnect delays: capped exponential backoff with jitter.
 *
 * @example
 * ```ts
 * const backoff: BackoffOptions = { initialDelayMs: 200, maxDelayMs: 5000, factor: 2, jitter: 0.25 };
 * const hardware = createHardware({ devices, backoff }); // 200, 400, 800 … up to 5000 ms, less up to 25 %
 * ```
 */
export interface BackoffOptions {
  /** First delay (default 100 ms). */
  initialDelayMs?: number;
  /** Largest delay (default 1000 ms: a replugged device is back within about a second). */
  maxDelayMs?: number;
  /** Growth per attempt (default 2). */
  factor?: number;
  /** Fraction of each delay drawn at random, in [0, 1] (default 0.5: the delay is 50–100 % of nominal). */
  jitter?: number;
}

/**
 * The delay before reconnect attempt `attempt` (1-based): `min(max, initial × factor^(attempt−1))`,
 * less a random share of up to `jitter` of it so devices that fail together do not retry in step.
 *
 * @example
 * ```ts
 * backoffDelay(3, { initialDelayMs: 100, maxDelayMs: 1000, jitter: 0 }, Math.random); // 400
 * ```
 */
export function backoffDelay(attempt: number, options: BackoffOptions, random: () => number): number {
  const { initialDelayMs = 100, maxDelayMs = 1000, factor = 2, jitter = 0.5 } = options;
  const nominal = Math.min(maxDelayMs, initialDelayMs * factor ** Math.max(0, attempt - 1));
  return Math.round(nominal * (1 - jitter * random()));
}
