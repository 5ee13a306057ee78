import { armChunkedTimer, armInterval, cancelChunkedTimer, type ChunkedTimer } from './chunked-timer';

/**
 * An opaque timer handle returned by a {@link Clock}.
 *
 * @example
 * ```ts
 * const handle: TimerHandle = vajra.clock.setTimeout(() => console.log('a minute later'), 60_000);
 * vajra.clock.clearTimeout(handle);
 * ```
 */
export type TimerHandle = { readonly __timer: unique symbol } | object;

/**
 * Time source of the kernel: every `now()` and every timer in Vajra.Stream goes through one,
 * so tests can run hours of session time in milliseconds with `createManualClock()`.
 *
 * @example
 * ```ts
 * const handle = clock.setTimeout(() => console.log('one second later'), 1000);
 * clock.clearTimeout(handle);
 * ```
 */
export interface Clock {
  /** Milliseconds since the Unix epoch. */
  now(): number;
  setTimeout(callback: () => void, delayMs: number): TimerHandle;
  clearTimeout(handle: TimerHandle | undefined): void;
  setInterval(callback: () => void, intervalMs: number): TimerHandle;
  clearInterval(handle: TimerHandle | undefined): void;
}

/**
 * The real clock: `Date.now()` and the host's timers. Delays of any length work (the host's limit of
 * 2^31 − 1 ms, about 24.8 days, is crossed in steps), and a timer fires only once `Date.now()` has
 * reached its instant. Like any timer, a running session or spinning wheel keeps a Node process alive
 * until `vajra.stop()`.
 *
 * @example
 * ```ts
 * const vajra = createVajra({ clock: systemClock });
 * ```
 */
export const systemClock: Clock = {
  now: () => Date.now(),
  setTimeout(callback, delayMs) {
    return armChunkedTimer(callback, Date.now() + Math.max(0, delayMs), Date.now) as unknown as TimerHandle;
  },
  clearTimeout(handle) {
    if (handle !== undefined) cancelChunkedTimer(handle as unknown as ChunkedTimer);
  },
  setInterval(callback, intervalMs) {
    return armInterval(callback, Math.max(1, intervalMs), Date.now) as unknown as TimerHandle;
  },
  clearInterval(handle) {
    if (handle !== undefined) cancelChunkedTimer(handle as unknown as ChunkedTimer);
  },
};
