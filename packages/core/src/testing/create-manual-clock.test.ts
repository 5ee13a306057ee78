import { describe, expect, it } from 'vitest';
import { createManualClock } from './create-manual-clock';

describe('createManualClock', () => {
  it('fires timeouts and intervals in time order only when advanced', async () => {
    const clock = createManualClock(1000);
    const fired: Array<[string, number]> = [];
    clock.setTimeout(() => fired.push(['b', clock.now()]), 300);
    clock.setTimeout(() => fired.push(['a', clock.now()]), 100);
    const interval = clock.setInterval(() => fired.push(['i', clock.now()]), 250);
    expect(fired).toEqual([]);
    await clock.advance(600);
    expect(fired).toEqual([
      ['a', 1100],
      ['i', 1250],
      ['b', 1300],
      ['i', 1500],
    ]);
    expect(clock.now()).toBe(1600);
    clock.clearInterval(interval);
    await clock.advance(10_000);
    expect(fired).toHaveLength(4);
    expect(clock.pendingTimers()).toBe(0);
  });

  it('lets async work started by a timer finish before the next one fires', async () => {
    const clock = createManualClock(0);
    const log: string[] = [];
    clock.setTimeout(async () => {
      await Promise.resolve();
      await new Promise((resolve) => setImmediate(resolve));
      log.push('first done');
    }, 10);
    clock.setTimeout(() => log.push('second'), 20);
    await clock.advance(20);
    expect(log).toEqual(['first done', 'second']);
  });

  it('cancels a timeout and supports timers scheduled from callbacks', async () => {
    const clock = createManualClock(0);
    const log: number[] = [];
    const handle = clock.setTimeout(() => log.push(-1), 5);
    clock.clearTimeout(handle);
    clock.setTimeout(() => clock.setTimeout(() => log.push(clock.now()), 10), 10);
    await clock.advanceTo(100);
    expect(log).toEqual([20]);
  });
});
