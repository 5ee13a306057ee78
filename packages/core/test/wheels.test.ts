import { describe, expect, it } from 'vitest';
import { builtInMantras, createMemoryBus, createMemoryStore, type Session, type Store, type Wheel } from '../src/index';
import { recitationsOf } from '../src/wheels/wheel-counting';
import { createManualClock } from '../src/testing/index';
import { START, codeOf, startKernel } from './kernel-fixture';

const MINUTE = 60_000;

/** floor(rpmNumerator / rpmDenominator × ms / 60000) in exact integer arithmetic: the independent truth. */
const exactRotations = (rpmNumerator: bigint, rpmDenominator: bigint, ms: bigint): string => ((rpmNumerator * ms) / (rpmDenominator * 60_000n)).toString();

/** A store whose next transaction, once armed, runs its work through `around` (a slow begin, a failed commit). */
function withNextTransaction(inner: Store, around: (work: () => Promise<unknown>) => Promise<unknown>): { store: Store; armNext(): void } {
  let armed = false;
  const store: Store = {
    ...inner,
    transaction: (work) =>
      inner.transaction(async (tx) => {
        if (!armed) return work(tx);
        armed = false;
        return (await around(() => work(tx))) as Awaited<ReturnType<typeof work>>;
      }),
  };
  return {
    store,
    armNext: () => {
      armed = true;
    },
  };
}

/** Count the transactions a store runs. */
function countingStore(inner: Store): Store & { transactions: number } {
  const counting = {
    ...inner,
    transactions: 0,
    transaction: (work: Parameters<Store['transaction']>[0]) => {
      counting.transactions += 1;
      return inner.transaction(work);
    },
  } as Store & { transactions: number };
  return counting;
}

/** Count the lookups of wheels by session that transactions make. */
function countingWheelLookups(inner: Store): Store & { lookups: number } {
  const counting = {
    ...inner,
    lookups: 0,
    transaction: (work: Parameters<Store['transaction']>[0]) =>
      inner.transaction((tx) =>
        work({
          collection: <T>(name: string) => {
            const collection = tx.collection<T>(name);
            if (name !== 'wheels') return collection;
            return {
              ...collection,
              list: (options?: Parameters<typeof collection.list>[0]) => {
                if (options?.where?.sessionId !== undefined) counting.lookups += 1;
                return collection.list(options);
              },
            };
          },
        }),
      ),
  } as Store & { lookups: number };
  return counting;
}

describe('prayer wheels', () => {
  it('ships the mantra library with deity, transliteration and meaning, and accepts app mantras', async () => {
    const f = await startKernel({
      mantras: [
        {
          id: 'white-tara',
          name: 'White Tara',
          deity: 'White Tara',
          text: 'Om Tare Tuttare Ture Mama Ayur Punye Jnana Pushtim Kuru Soha',
          transliteration: 'oṃ tāre tuttāre ture mama āyuḥ puṇye jñāna puṣṭiṃ kuru svāhā',
          meaning: 'long life, merit and wisdom',
        },
      ],
    });
    const texts = f.vajra.wheels.mantras().map((m) => m.text);
    for (const text of [
      'Om Mani Padme Hum',
      'Om Tare Tuttare Ture Soha',
      'Tayata Om Bekandze Bekandze Maha Bekandze Radza Samudgate Soha',
      'Om Ah Hum Vajra Guru Padma Siddhi Hum',
      'Om A Ra Pa Tsa Na Dhih',
      'Om Vajrasattva Hum',
      'Om Ami Dewa Hrih',
    ]) {
      expect(texts).toContain(text);
    }
    expect(texts).toContain('Om Tare Tuttare Ture Mama Ayur Punye Jnana Pushtim Kuru Soha');
    for (const mantra of builtInMantras) expect(mantra.deity && mantra.transliteration && mantra.meaning).toBeTruthy();
    const added = f.vajra.wheels.registerMantra({ id: 'prajnaparamita', name: 'Heart Sutra mantra', text: 'Tayata Om Gate Gate Paragate Parasamgate Bodhi Soha' });
    expect(added.transliteration).toBe(added.text);
    expect(await codeOf(async () => f.vajra.wheels.registerMantra({ id: 'Bad Id', name: 'x', text: 'y' }))).toBe('VALIDATION_FAILED');
    const custom = await f.vajra.wheels.create({ mantra: { text: 'Om Muni Muni Maha Muniye Soha', deity: 'Shakyamuni' }, copiesPerRotation: 108, rpm: 10 });
    expect(custom.mantra).toMatchObject({ id: 'custom', deity: 'Shakyamuni' });
    expect(await codeOf(() => f.vajra.wheels.create({ mantra: 'nope', copiesPerRotation: 1, rpm: 1 }))).toBe('MANTRA_NOT_FOUND');
    for (const bad of [
      { mantra: 'chenrezig', copiesPerRotation: 0, rpm: 1 },
      { mantra: 'chenrezig', copiesPerRotation: 1.5, rpm: 1 },
      { mantra: 'chenrezig', copiesPerRotation: '-3', rpm: 1 },
      { mantra: 'chenrezig', copiesPerRotation: 1, rpm: 0 },
      { mantra: 'chenrezig', copiesPerRotation: 1, rpm: 1e9 },
    ]) {
      expect(await codeOf(() => f.vajra.wheels.create(bad as never))).toBe('VALIDATION_FAILED');
    }
  });

  it('counts fractional rpm exactly from elapsed time, with no drift over three days', async () => {
    const f = await startKernel({ config: { wheels: { tickIntervalMs: 60_000 } } });
    const wheel = await f.vajra.wheels.create({ mantra: 'chenrezig', copiesPerRotation: 1000, rpm: 33.3 });
    await f.vajra.wheels.start(wheel.id);
    for (const minutes of [1, 600, 4320]) {
      await f.clock.advanceTo(START + minutes * MINUTE);
      const stored = await f.vajra.wheels.get(wheel.id);
      const expected = exactRotations(333n, 10n, BigInt(minutes * MINUTE));
      expect(stored.rotations, `after ${minutes} min`).toBe(expected);
      expect(stored.recitations).toBe((BigInt(expected) * 1000n).toString());
    }
    expect((await f.vajra.wheels.get(wheel.id)).rotations).toBe('143856');
    const stats = await f.vajra.wheels.stats(wheel.id);
    expect(stats.spinningSeconds).toBe(4320 * 60);
  });

  it('keeps recitations exact beyond 2^53', async () => {
    const f = await startKernel();
    const copies = '9007199254740993'; // 2^53 + 1: not representable as a double
    const wheel = await f.vajra.wheels.create({ mantra: 'vajrasattva', copiesPerRotation: copies, rpm: 60 });
    await f.vajra.wheels.start(wheel.id);
    await f.clock.advance(3000);
    const stored = await f.vajra.wheels.get(wheel.id);
    expect(stored.rotations).toBe('3');
    expect(stored.recitations).toBe('27021597764222979');
    // 123456789012345678901 × 1000000007, computed independently with Python's arbitrary-precision integers.
    expect(recitationsOf('123456789012345678901', '1000000007')).toBe('123456789876543201987419752307');
    const totals = await f.vajra.wheels.stats();
    expect(totals.recitations).toBe('27021597764222979');
  });

  it('announces a rotation only after it is durable, and batches every wheel into one transaction per tick', async () => {
    const clock = createManualClock(START);
    const { createMemoryStore } = await import('../src/index');
    const store = countingStore(createMemoryStore());
    const f = await startKernel({ clock, store });
    const wheels: Wheel[] = [];
    for (let i = 0; i < 3; i += 1) wheels.push(await f.vajra.wheels.create({ mantra: 'green-tara', copiesPerRotation: 21, rpm: 120 }));
    for (const wheel of wheels) await f.vajra.wheels.start(wheel.id);
    const durable: Array<Promise<boolean>> = [];
    f.vajra.events.on('wheel:rotated', (event) => {
      durable.push(
        store
          .collection<Wheel>('wheels')
          .get(event.wheelId)
          .then((w) => BigInt(w?.rotations ?? '0') >= BigInt(event.rotations)),
      );
    });
    const before = store.transactions;
    await clock.advance(10_000);
    expect(store.transactions - before).toBe(10);
    expect(durable).toHaveLength(30);
    expect((await Promise.all(durable)).every(Boolean)).toBe(true);
    for (const wheel of wheels) expect((await f.vajra.wheels.get(wheel.id)).rotations).toBe('20');
  });

  it('changes rpm and stops/starts without losing the turned fraction', async () => {
    const f = await startKernel({ config: { wheels: { tickIntervalMs: 100 } } });
    const wheel = await f.vajra.wheels.create({ mantra: 'manjushri', copiesPerRotation: 1, rpm: 60 });
    await f.vajra.wheels.start(wheel.id);
    await f.clock.advance(30_500); // 30.5 turns
    const fast = await f.vajra.wheels.setRpm(wheel.id, 120);
    expect(fast).toMatchObject({ rotations: '30', rpm: 120, status: 'spinning' });
    expect(fast.phase).toBeCloseTo(0.5, 9);
    await f.clock.advance(15_250); // + 30.5 turns at 120 rpm
    // The stored count lags by at most one tick; stop() counts at the exact instant.
    const stopped = await f.vajra.wheels.stop(wheel.id);
    expect(stopped).toMatchObject({ status: 'stopped', rotations: '61' });
    await f.vajra.wheels.setRpm(wheel.id, 60);
    await f.vajra.wheels.start(wheel.id);
    await f.clock.advance(1_500);
    const half = await f.vajra.wheels.stop(wheel.id);
    expect(half.rotations).toBe('62');
    expect(half.phase).toBeCloseTo(0.5, 9);
    await f.clock.advance(60_000); // stopped: nothing counts
    expect((await f.vajra.wheels.get(wheel.id)).rotations).toBe('62');
    await f.vajra.wheels.start(wheel.id);
    await f.clock.advance(500); // the kept half turn + half a turn = one more
    expect((await f.vajra.wheels.get(wheel.id)).rotations).toBe('63');
    expect(await codeOf(() => f.vajra.wheels.setRpm(wheel.id, -1))).toBe('VALIDATION_FAILED');
    expect(await codeOf(() => f.vajra.wheels.delete(wheel.id))).toBe('WHEEL_INVALID_STATE');
    await f.vajra.wheels.stop(wheel.id);
    await f.vajra.wheels.delete(wheel.id);
    expect(await codeOf(() => f.vajra.wheels.get(wheel.id))).toBe('WHEEL_NOT_FOUND');
  });

  it('spins an attached wheel exactly while its session runs', async () => {
    const f = await startKernel();
    const session = await f.vajra.sessions.create({ intention: 'with wheel', duration: 120 });
    const wheel = await f.vajra.wheels.create({ mantra: 'amitabha', copiesPerRotation: 100, rpm: 30, sessionId: session.id });
    await f.vajra.sessions.start(session.id);
    await f.clock.advance(60_000);
    await f.vajra.sessions.pause(session.id);
    await f.clock.advance(600_000);
    expect(await f.vajra.wheels.get(wheel.id)).toMatchObject({ status: 'stopped', rotations: '30' });
    await f.vajra.sessions.resume(session.id);
    await f.clock.advance(120_000);
    expect((await f.vajra.sessions.get(session.id)).status).toBe('completed');
    expect(await f.vajra.wheels.get(wheel.id)).toMatchObject({ status: 'stopped', rotations: '60', recitations: '6000' });
    const other = await f.vajra.wheels.create({ mantra: 'amitabha', copiesPerRotation: 1, rpm: 30 });
    const second = await f.vajra.sessions.create({ intention: 'attach later', duration: 60 });
    await f.vajra.sessions.start(second.id);
    await f.clock.advance(30_000);
    expect((await f.vajra.wheels.attach(other.id, second.id)).status).toBe('spinning'); // attaching to a running session spins at once
    await f.clock.advance(30_000);
    expect(await f.vajra.wheels.get(other.id)).toMatchObject({ status: 'stopped', rotations: '15' });
  });

  it('stores dedications with the counts at that moment', async () => {
    const f = await startKernel();
    const wheel = await f.vajra.wheels.create({ mantra: 'medicine-buddha', copiesPerRotation: 7, rpm: 60 });
    await f.vajra.wheels.start(wheel.id);
    await f.clock.advance(10_400);
    const dedication = await f.vajra.wheels.dedicate(wheel.id, 'For all who are ill');
    expect(dedication).toMatchObject({ wheelId: wheel.id, text: 'For all who are ill', rotations: '10', recitations: '70', at: new Date(START + 10_400).toISOString() });
    expect(f.events.some((e) => e.name === 'wheel:dedicated')).toBe(true);
    expect(await codeOf(() => f.vajra.wheels.dedicate(wheel.id, '   '))).toBe('VALIDATION_FAILED');
    const list = await f.vajra.wheels.dedications(wheel.id);
    expect(list.items).toEqual([dedication]);
    const stats = await f.vajra.wheels.stats(wheel.id);
    expect(stats).toMatchObject({ dedications: 1, rotations: '10', status: 'spinning' });
  });

  it('resumes spinning wheels after a crash from their last durable count', async () => {
    const first = await startKernel();
    const wheel = await first.vajra.wheels.create({ mantra: 'chenrezig', copiesPerRotation: 1, rpm: 60 });
    await first.vajra.wheels.start(wheel.id);
    const announced: string[] = [];
    first.vajra.events.on('wheel:rotated', (e) => void announced.push(e.rotations));
    await first.clock.advance(5_700);
    // crash: the first kernel is abandoned; a new one starts an hour later on the same store
    const second = await startKernel({ store: first.store, clock: createManualClock(START + 5_700 + 3_600_000) });
    const resumed = await second.vajra.wheels.get(wheel.id);
    expect(resumed.status).toBe('spinning');
    expect(resumed.rotations).toBe(announced.at(-1));
    await second.clock.advance(1_300); // 0.0 phase at last tick (5 s) → the 0.7 s after it were lost with the process; 1.3 s → one more
    expect((await second.vajra.wheels.get(wheel.id)).rotations).toBe('6');
    await second.vajra.stop();
    const afterStop = await second.store.collection<Wheel>('wheels').get(wheel.id);
    expect(afterStop?.status).toBe('spinning'); // resumes at the next start
  });

  it('lists wheels by status and owner', async () => {
    const f = await startKernel();
    const a = await f.vajra.wheels.create({ mantra: 'chenrezig', copiesPerRotation: 1, rpm: 1 }, { owner: 'alice' });
    await f.vajra.wheels.create({ mantra: 'chenrezig', copiesPerRotation: 1, rpm: 1 }, { owner: 'bob' });
    await f.vajra.wheels.start(a.id);
    expect((await f.vajra.wheels.list({ owner: 'alice' })).items.map((w) => w.id)).toEqual([a.id]);
    expect((await f.vajra.wheels.list({ status: 'spinning' })).total).toBe(1);
    expect((await f.vajra.wheels.stats({ owner: 'bob' })).wheels).toBe(1);
    await f.clock.advance(60_000);
    const rotated = f.events.filter((e) => e.name === 'wheel:rotated').map((e) => e.payload);
    expect(rotated).toEqual([expect.objectContaining({ wheelId: a.id, owner: 'alice', rotations: '1' })]);
  });

  it('changes attached wheels in the same transition as their session', async () => {
    const f = await startKernel();
    const session = await f.vajra.sessions.create({ intention: 'together', duration: 600 });
    const wheels: Wheel[] = [];
    for (let i = 0; i < 3; i += 1) wheels.push(await f.vajra.wheels.create({ mantra: 'chenrezig', copiesPerRotation: 1, rpm: 60, sessionId: session.id }));
    const stored = f.store.collection<Wheel>('wheels');
    const statuses = async () => Promise.all(wheels.map(async (w) => [(await f.vajra.wheels.get(w.id)).status, (await stored.get(w.id))?.status]));
    await f.vajra.sessions.start(session.id);
    expect(await statuses()).toEqual(Array(3).fill(['spinning', 'spinning']));
    await f.clock.advance(10_000);
    await f.vajra.sessions.pause(session.id);
    expect(await statuses()).toEqual(Array(3).fill(['stopped', 'stopped']));
    await f.vajra.sessions.resume(session.id);
    expect(await statuses()).toEqual(Array(3).fill(['spinning', 'spinning']));
    await f.clock.advance(5_000);
    await f.vajra.sessions.stop(session.id);
    expect(await statuses()).toEqual(Array(3).fill(['stopped', 'stopped']));
    for (const wheel of wheels) expect(await f.vajra.wheels.get(wheel.id)).toMatchObject({ rotations: '15', spinningSeconds: 15 });
    // The session's event comes first, then each wheel's, all after both are stored.
    const names = f.events.map((e) => e.name).filter((name) => /^(session|wheel):(started|stopped|paused|resumed)$/.test(name));
    expect(names).toEqual([
      'session:started',
      'wheel:started',
      'wheel:started',
      'wheel:started',
      'session:paused',
      'wheel:stopped',
      'wheel:stopped',
      'wheel:stopped',
      'session:resumed',
      'wheel:started',
      'wheel:started',
      'wheel:started',
      'session:stopped',
      'wheel:stopped',
      'wheel:stopped',
      'wheel:stopped',
    ]);
  });

  it("starts attached wheels at their session's own instant when the store takes time to begin a transaction", async () => {
    // A database round trip before the transition stamps its instant: the wheels must not start before it.
    const clock = createManualClock(START);
    const inner = createMemoryStore();
    const { store, armNext } = withNextTransaction(inner, async (work) => {
      await clock.advance(2);
      return work();
    });
    const f = await startKernel({ clock, store });
    const session = await f.vajra.sessions.create({ intention: 'on time', duration: 3 });
    const wheel = await f.vajra.wheels.create({ mantra: 'chenrezig', copiesPerRotation: 1, rpm: 1239.5, sessionId: session.id });
    armNext();
    const started = await f.vajra.sessions.start(session.id);
    expect((await f.vajra.wheels.get(wheel.id)).startedAt).toBe(started.startedAt);
    await f.clock.advance(3_000);
    const completed = await f.vajra.sessions.get(session.id);
    expect(completed.status).toBe('completed');
    // 1239.5 rpm × 3 s = 61.975 turns; two milliseconds more would make it 62.
    expect(await f.vajra.wheels.get(wheel.id)).toMatchObject({ status: 'stopped', stoppedAt: completed.completedAt, rotations: '61', spinningSeconds: 3 });
  });

  it('looks for the wheels of a session without any only once, and follows a wheel attached or created for it later', async () => {
    const store = countingWheelLookups(createMemoryStore());
    const f = await startKernel({ store });
    const session = await f.vajra.sessions.create({ intention: 'alone at first', duration: 600 });
    await f.vajra.sessions.start(session.id);
    for (let i = 0; i < 3; i += 1) {
      await f.vajra.sessions.pause(session.id);
      await f.vajra.sessions.resume(session.id);
    }
    expect(store.lookups).toBe(1);
    // Attached while the session runs: it spins at once, and every later transition carries it along.
    const attached = await f.vajra.wheels.create({ mantra: 'chenrezig', copiesPerRotation: 1, rpm: 60 });
    await f.vajra.wheels.attach(attached.id, session.id);
    await f.vajra.sessions.pause(session.id);
    expect((await f.vajra.wheels.get(attached.id)).status).toBe('stopped');
    // Created for the paused session, which was last found with a wheel: it starts with the session.
    const created = await f.vajra.wheels.create({ mantra: 'chenrezig', copiesPerRotation: 1, rpm: 60, sessionId: session.id });
    await f.vajra.sessions.resume(session.id);
    expect((await f.vajra.wheels.get(created.id)).status).toBe('spinning');
    // Sessions paused after a transition found them without wheels: a wheel created for or attached to one is found.
    const foundEmpty = async (intention: string): Promise<Session> => {
      const found = await f.vajra.sessions.create({ intention, duration: 600 });
      await f.vajra.sessions.start(found.id);
      return f.vajra.sessions.pause(found.id);
    };
    const lone = await foundEmpty('created for');
    const late = await f.vajra.wheels.create({ mantra: 'chenrezig', copiesPerRotation: 1, rpm: 60, sessionId: lone.id });
    await f.vajra.sessions.resume(lone.id);
    expect((await f.vajra.wheels.get(late.id)).status).toBe('spinning');
    const again = await foundEmpty('attached to');
    await f.vajra.wheels.attach(attached.id, again.id);
    await f.vajra.sessions.resume(again.id);
    expect((await f.vajra.wheels.get(attached.id)).status).toBe('spinning');
  });

  it('looks for the wheels of a session on every transition while instances share the store', async () => {
    const store = createMemoryStore();
    const bus = createMemoryBus();
    const a = await startKernel({ store, bus });
    const b = await startKernel({ store, bus, clock: a.clock });
    const session = await a.vajra.sessions.create({ intention: 'two instances', duration: 600 });
    await a.vajra.sessions.start(session.id);
    await a.vajra.sessions.pause(session.id); // a finds no wheel
    const wheel = await b.vajra.wheels.create({ mantra: 'chenrezig', copiesPerRotation: 1, rpm: 60, sessionId: session.id });
    await a.vajra.sessions.resume(session.id);
    expect((await store.collection<Wheel>('wheels').get(wheel.id))?.status).toBe('spinning');
    await a.vajra.stop();
    await b.vajra.stop();
  });

  it('stores a session transition and its wheels atomically: a failed write changes neither', async () => {
    const inner = createMemoryStore();
    const { store, armNext } = withNextTransaction(inner, async (work) => {
      await work();
      throw new Error('disk full');
    });
    const f = await startKernel({ store });
    const session = await f.vajra.sessions.create({ intention: 'atomic', duration: 600 });
    const wheel = await f.vajra.wheels.create({ mantra: 'chenrezig', copiesPerRotation: 1, rpm: 60, sessionId: session.id });
    armNext();
    await expect(f.vajra.sessions.start(session.id)).rejects.toThrow('disk full');
    expect((await inner.collection<Session>('sessions').get(session.id))?.status).toBe('created');
    expect((await inner.collection<Wheel>('wheels').get(wheel.id))?.status).toBe('stopped');
    expect((await f.vajra.wheels.get(wheel.id)).status).toBe('stopped');
    expect(f.events.some((e) => e.name === 'session:started' || e.name === 'wheel:started')).toBe(false);
    await f.vajra.sessions.start(session.id);
    expect((await inner.collection<Wheel>('wheels').get(wheel.id))?.status).toBe('spinning');
  });

  it('after a crash, attached wheels count the downtime exactly as their session does', async () => {
    const first = await startKernel();
    const long = await first.vajra.sessions.create({ intention: 'long', duration: 3600 });
    const short = await first.vajra.sessions.create({ intention: 'short', duration: 900 });
    const onLong = await first.vajra.wheels.create({ mantra: 'chenrezig', copiesPerRotation: 1, rpm: 60, sessionId: long.id });
    const onShort = await first.vajra.wheels.create({ mantra: 'chenrezig', copiesPerRotation: 1, rpm: 60, sessionId: short.id });
    for (const s of [long, short]) await first.vajra.sessions.start(s.id);
    await first.clock.advance(600_500);
    // crash at 10 min 0.5 s; a new kernel comes up 20 minutes later on the same store
    const second = await startKernel({ store: first.store, clock: createManualClock(START + 600_500 + 1_200_000) });
    const running = await second.vajra.sessions.get(long.id);
    expect(running).toMatchObject({ status: 'running', elapsedTime: 1800.5 });
    await second.clock.advance(1_000); // one tick
    expect((await second.vajra.sessions.get(long.id)).elapsedTime).toBe(1801.5);
    expect(await second.vajra.wheels.stats(onLong.id)).toMatchObject({ status: 'spinning', rotations: '1801', spinningSeconds: 1801.5 });
    // The short session ran out while the process was down: it completed at 15 min, and its wheel stopped there.
    expect(await second.vajra.sessions.get(short.id)).toMatchObject({ status: 'completed', elapsedTime: 900 });
    expect(await second.vajra.wheels.get(onShort.id)).toMatchObject({ status: 'stopped', rotations: '900', spinningSeconds: 900, stoppedAt: new Date(START + 900_000).toISOString() });
    await second.vajra.sessions.stop(long.id);
    const stopped = await second.vajra.wheels.get(onLong.id);
    expect(stopped).toMatchObject({ status: 'stopped', rotations: '1801', spinningSeconds: 1801.5 });
    expect((await second.vajra.sessions.get(long.id)).elapsedTime).toBe(stopped.spinningSeconds);
  });

  it('counts sensed rotations of a physical wheel exactly and durably, never while it spins by the clock', async () => {
    const f = await startKernel();
    const wheel = await f.vajra.wheels.create({ mantra: 'chenrezig', copiesPerRotation: '1000000000000', rpm: 10 });
    const rotated: unknown[] = [];
    f.vajra.events.on('wheel:rotated', (event) => void rotated.push(event));
    await f.vajra.wheels.addRotations(wheel.id, 3);
    const after = await f.vajra.wheels.addRotations(wheel.id, '9007199254740993');
    expect(after).toMatchObject({ status: 'stopped', rotations: '9007199254740996', recitations: '9007199254740996000000000000' });
    expect(await f.vajra.store.collection<Wheel>('wheels').get(wheel.id)).toMatchObject({ rotations: '9007199254740996' });
    expect(rotated).toEqual([expect.objectContaining({ delta: '3', rotations: '3' }), expect.objectContaining({ delta: '9007199254740993', rotations: '9007199254740996' })]);
    for (const bad of [0, -1, 1.5, '01', 'x']) expect(await codeOf(() => f.vajra.wheels.addRotations(wheel.id, bad as never))).toBe('VALIDATION_FAILED');
    await f.vajra.wheels.start(wheel.id);
    expect(await codeOf(() => f.vajra.wheels.addRotations(wheel.id, 1))).toBe('WHEEL_INVALID_STATE');
    expect(await codeOf(() => f.vajra.wheels.addRotations('whl_nope', 1))).toBe('WHEEL_NOT_FOUND');
  });
});
