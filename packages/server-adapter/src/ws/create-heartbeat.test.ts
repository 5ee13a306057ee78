import { createManualClock } from '@vajra-stream/core/testing';
import { describe, expect, it } from 'vitest';
import { createHeartbeat } from './create-heartbeat';

const setup = (intervalSeconds: number, timeoutSeconds: number) => {
  const clock = createManualClock();
  const pinged: string[] = [];
  const silent: string[] = [];
  const heartbeat = createHeartbeat<string>({ clock, intervalSeconds, timeoutSeconds, ping: (m) => pinged.push(m), silent: (m) => silent.push(m) });
  return { clock, pinged, silent, heartbeat };
};

describe('createHeartbeat', () => {
  it('pings each round and reports a member that did not answer by the timeout, once', async () => {
    const { clock, pinged, silent, heartbeat } = setup(30, 10);
    heartbeat.watch('a');
    heartbeat.watch('b');
    await clock.advance(30_000);
    expect(pinged).toEqual(['a', 'b']);
    heartbeat.pong('a');
    await clock.advance(9_999);
    expect(silent).toEqual([]);
    await clock.advance(1);
    expect(silent).toEqual(['b']);
    await clock.advance(30_000);
    expect(pinged).toEqual(['a', 'b', 'a']); // b is no longer watched
    await clock.advance(10_000);
    expect(silent).toEqual(['b', 'a']);
  });

  it('judges each round by its own ping, even when the timeout outlasts the interval', async () => {
    const { clock, silent, heartbeat } = setup(1, 1.5);
    heartbeat.watch('a');
    await clock.advance(1_000); // round 1
    heartbeat.pong('a');
    await clock.advance(1_000); // round 2 starts before round 1's check
    await clock.advance(500); // round 1's check: answered round 1, round 2 still open
    expect(silent).toEqual([]);
    await clock.advance(1_000); // round 2's check: no answer
    expect(silent).toEqual(['a']);
  });

  it('holds no timer while nothing is watched, and none when turned off', async () => {
    const { clock, pinged, heartbeat } = setup(1, 0.5);
    heartbeat.watch('a');
    expect(clock.pendingTimers()).toBe(1);
    await clock.advance(1_000);
    heartbeat.forget('a');
    expect(clock.pendingTimers()).toBe(0); // the interval and round 1's check
    expect(pinged).toEqual(['a']);
    const off = setup(0, 0.5);
    off.heartbeat.watch('a');
    expect(off.clock.pendingTimers()).toBe(0);
  });
});
