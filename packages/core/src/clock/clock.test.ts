import { afterEach, describe, expect, it, vi } from 'vitest';
import { systemClock } from './clock';

const DAY = 86_400_000;
const realSleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

describe('systemClock', () => {
  afterEach(() => {
    vi.useRealTimers();
  });

  it('does not fire a 30-day timer or interval early on the real host timers', async () => {
    const fired: string[] = [];
    const timeout = systemClock.setTimeout(() => fired.push('timeout'), 30 * DAY);
    const interval = systemClock.setInterval(() => fired.push('interval'), 40 * DAY);
    const short = systemClock.setTimeout(() => fired.push('short'), 5);
    // Long enough for the host to have fired an overflowing delay (it does after 1 ms) many times over.
    await realSleep(250);
    systemClock.clearTimeout(timeout);
    systemClock.clearInterval(interval);
    systemClock.clearTimeout(short);
    expect(fired).toEqual(['short']);
  });

  // Vitest's fake host timers keep Node's limit (a delay above 2^31 − 1 ms fires after 1 ms), so the
  // chunking is checked against the host's own rule, to the millisecond, over simulated days.
  it('fires a 30-day timer exactly after 30 days, and a 40-day interval every 40 days', () => {
    vi.useFakeTimers({ now: Date.UTC(2026, 0, 1) });
    const fired: Array<[string, number]> = [];
    const start = Date.now();
    systemClock.setTimeout(() => fired.push(['timeout', Date.now() - start]), 30 * DAY);
    const interval = systemClock.setInterval(() => fired.push(['interval', Date.now() - start]), 40 * DAY);
    vi.advanceTimersByTime(30 * DAY - 1);
    expect(fired).toEqual([]);
    vi.advanceTimersByTime(1);
    expect(fired).toEqual([['timeout', 30 * DAY]]);
    vi.advanceTimersByTime(50 * DAY);
    systemClock.clearInterval(interval);
    vi.advanceTimersByTime(100 * DAY);
    expect(fired).toEqual([
      ['timeout', 30 * DAY],
      ['interval', 40 * DAY],
      ['interval', 80 * DAY],
    ]);
    expect(vi.getTimerCount()).toBe(0);
  });

  it('checks the clock on waking: a timer whose host fired before its instant waits again', () => {
    vi.useFakeTimers({ now: Date.UTC(2026, 0, 1) });
    const due = Date.now() + 1000;
    let firedAt: number | undefined;
    systemClock.setTimeout(() => (firedAt = Date.now()), 1000);
    vi.setSystemTime(Date.now() - 400); // the wall clock is set back while the timer waits
    vi.advanceTimersByTime(1000);
    expect(firedAt).toBeUndefined();
    vi.advanceTimersByTime(399);
    expect(firedAt).toBeUndefined();
    vi.advanceTimersByTime(1);
    expect(firedAt).toBe(due);
  });

  it('cancels a long timer between its steps', () => {
    vi.useFakeTimers({ now: Date.UTC(2026, 0, 1) });
    let fired = false;
    const handle = systemClock.setTimeout(() => (fired = true), 60 * DAY);
    vi.advanceTimersByTime(45 * DAY); // past the first host step
    systemClock.clearTimeout(handle);
    vi.advanceTimersByTime(30 * DAY);
    expect(fired).toBe(false);
    expect(vi.getTimerCount()).toBe(0);
  });
});
