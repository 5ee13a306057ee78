/** An opaque timer handle returned by a {@link Clock}. */
export type TimerHandle = { readonly __timer: unique symbol } | object;

/**
 * Time source of the kernel: every `now()` and every timer in Vajra.Stream goes through one,
 * so tests can run hours of session time in milliseconds with `manualClock()`.
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
 * The real clock: `Date.now()` and the host's timers. Like any timer, a running session or spinning wheel
 * keeps a Node process alive until `vajra.stop()`.
 *
 * @example
 * ```ts
 * const vajra = createVajra({ clock: systemClock });
 * ```
 */
export const systemClock: Clock = {
  now: () => Date.now(),
  setTimeout(callback, delayMs) {
    return globalThis.setTimeout(callback, Math.max(0, delayMs)) as unknown as TimerHandle;
  },
  clearTimeout(handle) {
    if (handle !== undefined) globalThis.clearTimeout(handle as unknown as ReturnType<typeof setTimeout>);
  },
  setInterval(callback, intervalMs) {
    return globalThis.setInterval(callback, Math.max(1, intervalMs)) as unknown as TimerHandle;
  },
  clearInterval(handle) {
    if (handle !== undefined) globalThis.clearInterval(handle as unknown as ReturnType<typeof setInterval>);
  },
};
