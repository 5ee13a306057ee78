import type { Clock, TimerHandle } from '../clock/clock';

interface ScheduledTimer {
  id: number;
  due: number;
  interval: number | undefined;
  callback: () => void;
}

/**
 * A {@link Clock} that only moves when told to.
 *
 * @example
 * ```ts
 * const clock: ManualClock = createManualClock(Date.UTC(2026, 0, 1));
 * const vajra = createVajra({ clock });
 * await vajra.start();
 * const session = await vajra.sessions.create({ intention: 'test', duration: 60 });
 * await vajra.sessions.start(session.id);
 * await clock.advance(60_000);
 * (await vajra.sessions.get(session.id)).status; // 'completed'
 * ```
 */
export interface ManualClock extends Clock {
  /** Move time forward by `ms`, firing every due timer in time order and letting async work settle after each. */
  advance(ms: number): Promise<void>;
  /** Move time forward to an absolute instant (ms since epoch). */
  advanceTo(instantMs: number): Promise<void>;
  /** Number of timers still scheduled. */
  pendingTimers(): number;
}

const settle = async (): Promise<void> => {
  // Let promise chains started by a timer callback (store writes, event emission) run to completion.
  for (let round = 0; round < 20; round += 1) await new Promise<void>((resolve) => setImmediate(resolve));
};

/**
 * A deterministic clock for tests: timers fire only inside `advance()`.
 *
 * @example
 * ```ts
 * import { createManualClock } from '@vajra-stream/core/testing';
 * const clock = createManualClock(Date.UTC(2026, 0, 1));
 * const vajra = createVajra({ clock });
 * await clock.advance(60 * 60 * 1000); // an hour of session time, instantly
 * ```
 */
export function createManualClock(startMs = Date.UTC(2026, 0, 1)): ManualClock {
  let now = startMs;
  let nextId = 1;
  const timers = new Map<number, ScheduledTimer>();

  const schedule = (callback: () => void, delayMs: number, interval: number | undefined): TimerHandle => {
    const id = nextId;
    nextId += 1;
    timers.set(id, { id, due: now + Math.max(0, delayMs), interval, callback });
    return { id } as unknown as TimerHandle;
  };
  const cancel = (handle: TimerHandle | undefined): void => {
    if (handle !== undefined) timers.delete((handle as unknown as { id: number }).id);
  };
  const nextDue = (limit: number): ScheduledTimer | undefined => {
    let best: ScheduledTimer | undefined;
    for (const timer of timers.values()) {
      if (timer.due <= limit && (best === undefined || timer.due < best.due || (timer.due === best.due && timer.id < best.id))) best = timer;
    }
    return best;
  };

  const advanceTo = async (target: number): Promise<void> => {
    await settle();
    for (;;) {
      const timer = nextDue(target);
      if (timer === undefined) break;
      now = Math.max(now, timer.due);
      if (timer.interval === undefined) timers.delete(timer.id);
      else timer.due += timer.interval;
      timer.callback();
      await settle();
    }
    now = Math.max(now, target);
    await settle();
  };

  return {
    now: () => now,
    setTimeout: (callback, delayMs) => schedule(callback, delayMs, undefined),
    clearTimeout: cancel,
    setInterval: (callback, intervalMs) => schedule(callback, intervalMs, Math.max(1, intervalMs)),
    clearInterval: cancel,
    advance: (ms) => advanceTo(now + ms),
    advanceTo,
    pendingTimers: () => timers.size,
  };
}
