import { describe, expect, it } from 'vitest';
import { createMemoryBus } from '../bus/memory-bus';
import { createVajra, type Vajra } from '../kernel/create-vajra';
import { silentLogger } from '../logger/logger';
import { definePlugin } from '../plugins/define-plugin';
import { createMemoryStore } from '../store/memory-store';
import { createManualClock, type ManualClock } from '../testing/create-manual-clock';

const until = async (condition: () => boolean | Promise<boolean>): Promise<void> => {
  for (let turn = 0; !(await condition()); turn += 1) {
    if (turn > 2000) throw new Error('condition never held');
    await new Promise((resolve) => setTimeout(resolve, 1));
  }
};

const START = Date.UTC(2026, 0, 1);

/** Two instances of one deployment; each may have its own clock (a frozen clock is a paused process). */
const deployment = async (clocks: [ManualClock, ManualClock]) => {
  const store = createMemoryStore();
  const bus = createMemoryBus();
  const log: Array<[string, string]> = [];
  const make = (clock: ManualClock, name: string): Vajra => {
    const vajra = createVajra({ store, bus, clock, logger: silentLogger, env: {}, instanceId: name });
    for (const event of ['session:completed', 'session:recovered', 'wheel:rotated'] as const) vajra.events.on(event, () => void log.push([name, event]));
    return vajra;
  };
  const a = make(clocks[0], 'ins_a');
  await a.start();
  const b = make(clocks[1], 'ins_b');
  await b.start();
  return { a, b, store, bus, log };
};

describe('the work lease', () => {
  it('runs ticks and completions on the holder only, for sessions started on any instance, exactly once', async () => {
    const clock = createManualClock(START);
    const { a, b, log } = await deployment([clock, clock]);
    expect([a.work.isHolder(), b.work.isHolder()]).toEqual([true, false]);
    expect(a.work.health()).toMatchObject({ mode: 'lease', holder: true, token: 1, acquisitions: 1 });
    const session = await b.sessions.create({ intention: 'peace', duration: 10 });
    const wheel = await b.wheels.create({ mantra: 'chenrezig', copiesPerRotation: 1, rpm: 60, sessionId: session.id });
    await b.sessions.start(session.id);
    await until(async () => (await a.wheels.list({ status: 'spinning' })).total === 1);
    for (let second = 0; second < 12; second += 1) await clock.advance(1000);
    await until(async () => (await b.sessions.get(session.id)).status === 'completed');
    expect(log.filter(([, event]) => event === 'session:completed')).toEqual([['ins_a', 'session:completed']]);
    expect(log.filter(([name, event]) => event === 'wheel:rotated' && name === 'ins_b')).toEqual([]);
    const stats = await b.wheels.stats(wheel.id);
    expect([stats.status, stats.rotations]).toEqual(['stopped', '10']);
    await a.stop();
    await b.stop();
  });

  it('moves to another instance when the holder stops answering, fences the old holder, and counts every rotation once', async () => {
    const clockA = createManualClock(START);
    const clockB = createManualClock(START);
    const { a, b, log } = await deployment([clockA, clockB]);
    const session = await a.sessions.create({ intention: 'compassion', duration: 60 });
    const wheel = await a.wheels.create({ mantra: 'chenrezig', copiesPerRotation: 1, rpm: 60 });
    await a.sessions.start(session.id);
    await a.wheels.start(wheel.id);
    for (let second = 0; second < 5; second += 1) {
      await clockA.advance(1000);
      await clockB.advance(1000);
    }
    // A freezes (a stopped process): B's clock runs on until the lease runs out and B takes over.
    for (let second = 0; second < 4; second += 1) await clockB.advance(1000);
    await until(() => b.work.isHolder());
    expect(b.work.health()).toMatchObject({ holder: true, token: 2 });
    expect(log.filter(([, event]) => event === 'session:recovered')).toEqual([['ins_b', 'session:recovered']]);
    // A wakes: its first tick is refused by the fence and it gives the work up.
    await clockA.advance(1000);
    await until(() => !a.work.isHolder());
    const before = log.length;
    for (let second = 0; second < 60; second += 1) {
      await clockA.advance(1000);
      await clockB.advance(1000);
    }
    expect(log.slice(before).filter(([name]) => name === 'ins_a')).toEqual([]);
    const done = await b.sessions.get(session.id);
    expect([done.status, done.elapsedTime, done.completedAt]).toEqual(['completed', 60, new Date(START + 60_000).toISOString()]);
    expect(log.filter(([, event]) => event === 'session:completed')).toEqual([['ins_b', 'session:completed']]);
    // The free wheel spun through the takeover: 69 s on B's clock at 60 rpm, each rotation counted once.
    const stats = await b.wheels.stats(wheel.id);
    expect(stats.rotations).toBe(String((clockB.now() - START) / 1000));
    await a.stop();
    await b.stop();
  });

  it('hands over at once when the holder stops, and plugin work runs on the holder only', async () => {
    const clock = createManualClock(START);
    const store = createMemoryStore();
    const bus = createMemoryBus();
    const beats: string[] = [];
    const heard: string[] = [];
    const plugin = (name: string) =>
      definePlugin({
        specificationVersion: 'v1',
        id: 'beat',
        setup(ctx) {
          ctx.work.setInterval(() => beats.push(name), 1000);
          ctx.work.on('session:created', ({ session }) => void heard.push(`${name}:${session.intention}`));
          return {};
        },
      });
    const a = createVajra({ store, bus, clock, logger: silentLogger, env: {}, instanceId: 'ins_a', plugins: [plugin('a')] });
    const b = createVajra({ store, bus, clock, logger: silentLogger, env: {}, instanceId: 'ins_b', plugins: [plugin('b')] });
    await a.start();
    await b.start();
    await clock.advance(3000);
    await b.sessions.create({ intention: 'from b', duration: 5 });
    await until(() => heard.length === 1);
    await a.stop();
    // B takes over at its next attempt (its beat of that instant came first and was skipped), then beats.
    await clock.advance(1000);
    expect(b.work.isHolder()).toBe(true);
    await clock.advance(3000);
    expect(beats).toEqual(['a', 'a', 'a', 'b', 'b', 'b']);
    expect(heard).toEqual(['a:from b']);
    await b.stop();
  });

  it('is always held by a kernel without a bus (solo)', async () => {
    const vajra = createVajra({ logger: silentLogger, env: {} });
    await vajra.start();
    expect(vajra.work.health()).toMatchObject({ mode: 'solo', holder: true, token: null });
    await vajra.stop();
  });
});
