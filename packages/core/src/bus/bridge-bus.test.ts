import { describe, expect, it } from 'vitest';
import { createVajra } from '../kernel/create-vajra';
import { silentLogger } from '../logger/logger';
import { createMemoryStore } from '../store/memory-store';
import { createManualClock } from '../testing/create-manual-clock';
import { createMemoryBus } from './memory-bus';

const until = async (condition: () => boolean): Promise<void> => {
  for (let turn = 0; !condition(); turn += 1) {
    if (turn > 1000) throw new Error('condition never held');
    await new Promise((resolve) => setTimeout(resolve, 1));
  }
};

const pair = async () => {
  const store = createMemoryStore();
  const bus = createMemoryBus();
  const clock = createManualClock(Date.UTC(2026, 0, 1));
  const a = createVajra({ store, bus, clock, logger: silentLogger, env: {}, instanceId: 'ins_a' });
  const b = createVajra({ store, bus, clock, logger: silentLogger, env: {}, instanceId: 'ins_b' });
  await a.start();
  await b.start();
  return { a, b, bus, clock };
};

describe('kernels sharing a bus', () => {
  it("hands another instance's client-visible events to remote listeners only, once, with their owner", async () => {
    const { a, b } = await pair();
    const remote: Array<[string, unknown]> = [];
    const local: string[] = [];
    b.events.onAny((name, payload) => remote.push([name, payload]), { remote: true });
    b.events.on('session:started', () => local.push('session:started'));
    const session = await a.sessions.create({ intention: 'peace', duration: 60 }, { owner: 'alice' });
    await a.sessions.start(session.id);
    a.events.emit('error', { source: 'test', message: 'private' });
    await until(() => remote.some(([name]) => name === 'session:started'));
    expect(remote.map(([name]) => name)).toEqual(['session:created', 'session:started']);
    expect((remote[1]![1] as { session: { owner: string; id: string } }).session).toMatchObject({ id: session.id, owner: 'alice' });
    expect(local).toEqual([]); // plain listeners hear their own instance only
    await a.stop();
    await b.stop();
  });

  it('does not echo an instance its own events and stops sharing after stop()', async () => {
    const { a, b, bus } = await pair();
    const seenByA: string[] = [];
    const seenByB: string[] = [];
    a.events.onAny((name) => name.startsWith('wheel:') && seenByA.push(name), { remote: true });
    b.events.onAny((name) => name.startsWith('wheel:') && seenByB.push(name), { remote: true });
    const wheel = await a.wheels.create({ mantra: 'chenrezig', copiesPerRotation: 1, rpm: 60 });
    await until(() => seenByB.includes('wheel:created'));
    expect(seenByA).toEqual(['wheel:created']);
    await b.stop();
    await a.wheels.delete(wheel.id);
    await bus.publish({ origin: 'ins_a', name: 'wheel:deleted', payload: {} });
    expect(seenByB).toEqual(['wheel:created']);
    await a.stop();
  });

  it('keeps other domains (astro, kernel) in their own instance and reports the bus in ready()', async () => {
    const { a, b, bus } = await pair();
    const remote: string[] = [];
    b.events.onAny((name) => remote.push(name), { remote: true });
    a.events.emit('kernel:stopping', {});
    (a.events.emit as (name: string, payload: unknown) => void)('astro:moon-phase', { phase: 'full' });
    await a.sessions.create({ intention: 'marker', duration: 1 });
    await until(() => remote.length > 0);
    expect(remote).toEqual(['session:created']);
    expect(await a.ready()).toBe(true);
    await bus.close();
    expect(await a.ready()).toBe(false);
    await a.stop();
    await b.stop();
  });
});
