import { describe, expect, it } from 'vitest';
import { SESSION_STATUSES, createMemoryStore, systemClock, type Session, type SessionStatus, type Store } from '../src/index';
import { createManualClock } from '../src/testing/index';
import { START, codeOf, startKernel, type Fixture } from './kernel-fixture';

const HOUR = 3_600_000;
type Action = 'start' | 'pause' | 'resume' | 'stop';
const ACTIONS: Action[] = ['start', 'pause', 'resume', 'stop'];

// The expected table, written out independently of SESSION_TRANSITIONS: from status, action → next status.
const EXPECTED: Record<SessionStatus, Partial<Record<Action, SessionStatus>>> = {
  created: { start: 'running' },
  running: { pause: 'paused', stop: 'stopped' },
  paused: { resume: 'running', stop: 'stopped' },
  stopped: {},
  completed: {},
};

/** Drive a new session into `status` through the public API. */
async function sessionIn(f: Fixture, status: SessionStatus, duration = 600): Promise<Session> {
  const session = await f.vajra.sessions.create({ intention: 'test', duration });
  if (status === 'created') return session;
  await f.vajra.sessions.start(session.id);
  if (status === 'paused') await f.vajra.sessions.pause(session.id);
  if (status === 'stopped') await f.vajra.sessions.stop(session.id);
  if (status === 'completed') await f.clock.advance(duration * 1000);
  const current = await f.vajra.sessions.get(session.id);
  expect(current.status).toBe(status);
  return current;
}

describe('sessions', () => {
  it('creates with defaults and validates input, naming the field', async () => {
    const f = await startKernel();
    const session = await f.vajra.sessions.create({ intention: '  peace  ', duration: 90, frequencies: [528, 7.83], metadata: { a: [1] }, program: { layers: [] } });
    expect(session).toMatchObject({
      intention: 'peace',
      duration: 90,
      audioType: 'prayer_bowl',
      prayerBowlMode: false,
      status: 'created',
      elapsedTime: 0,
      owner: null,
      startedAt: null,
      program: { layers: [] },
    });
    expect(session.createdAt).toBe(new Date(START).toISOString());
    expect(f.events.map((e) => e.name)).toContain('session:created');
    for (const bad of [
      { intention: '', duration: 10 },
      { intention: 'x', duration: 0 },
      { intention: 'x', duration: -5 },
      { intention: 'x', duration: 10, status: 'running' },
      { intention: 'x', duration: 8e6 },
      { intention: 'x', duration: 10, frequencies: ['a'] },
      null,
      'text',
    ]) {
      expect(await codeOf(() => f.vajra.sessions.create(bad as never))).toBe('VALIDATION_FAILED');
    }
    const error = (await f.vajra.sessions.create({ intention: 'x', duration: -1 }).catch((e: unknown) => e)) as { details: { issues: Array<{ path: string }> } };
    expect(error.details.issues[0]?.path).toBe('duration');
    expect(await codeOf(() => f.vajra.sessions.get('ses_missing'))).toBe('SESSION_NOT_FOUND');
  });

  it('follows the whole transition table and refuses everything else', async () => {
    const f = await startKernel();
    for (const status of SESSION_STATUSES) {
      for (const action of ACTIONS) {
        const session = await sessionIn(f, status);
        const expected = EXPECTED[status][action];
        if (expected === undefined) {
          const error = await f.vajra.sessions[action](session.id).catch((e: unknown) => e as { code: string; status: number });
          expect(error, `${action} from ${status}`).toMatchObject({ code: 'SESSION_INVALID_TRANSITION', status: 409 });
          expect((await f.vajra.sessions.get(session.id)).status).toBe(status);
        } else {
          const before = f.events.length;
          const next = await f.vajra.sessions[action](session.id);
          expect(next.status, `${action} from ${status}`).toBe(expected);
          const emitted = f.events.slice(before).map((e) => e.name);
          expect(emitted).toContain({ start: 'session:started', pause: 'session:paused', resume: 'session:resumed', stop: 'session:stopped' }[action]);
        }
      }
    }
  });

  it('emits each event after the state it announces is stored', async () => {
    const f = await startKernel();
    const checks: Array<Promise<boolean>> = [];
    f.vajra.events.on('session:started', ({ session }) => {
      checks.push(
        f.store
          .collection<Session>('sessions')
          .get(session.id)
          .then((stored) => stored?.status === 'running'),
      );
    });
    f.vajra.events.on('session:completed', ({ session }) => {
      checks.push(
        f.store
          .collection<Session>('sessions')
          .get(session.id)
          .then((stored) => stored?.status === 'completed'),
      );
    });
    const session = await sessionIn(f, 'created', 5);
    await f.vajra.sessions.start(session.id);
    await f.clock.advance(5000);
    expect(await Promise.all(checks)).toEqual([true, true]);
    expect(JSON.parse(JSON.stringify(f.events))).toEqual(f.events);
  });

  it('counts running time exactly over hours with pauses, and completes by itself at the right instant', async () => {
    const f = await startKernel();
    const session = await f.vajra.sessions.create({ intention: 'long sit', duration: 3 * 3600 });
    await f.vajra.sessions.start(session.id);
    await f.clock.advance(HOUR);
    expect((await f.vajra.sessions.get(session.id)).elapsedTime).toBe(3600);
    await f.vajra.sessions.pause(session.id);
    await f.clock.advance(5 * HOUR); // paused time does not count
    expect((await f.vajra.sessions.get(session.id)).elapsedTime).toBe(3600);
    await f.vajra.sessions.resume(session.id);
    await f.clock.advance(HOUR + 1234);
    const mid = await f.vajra.sessions.get(session.id);
    expect(mid.elapsedTime).toBeCloseTo(7201.234, 9);
    expect(mid.status).toBe('running');
    await f.clock.advance(2 * HOUR);
    const done = await f.vajra.sessions.get(session.id);
    expect(done.status).toBe('completed');
    expect(done.elapsedTime).toBe(3 * 3600);
    // 1 h run + 5 h pause + 2 h more run = completes 8 h after start.
    expect(done.completedAt).toBe(new Date(START + 8 * HOUR).toISOString());
    expect(f.events.filter((e) => e.name === 'session:completed')).toHaveLength(1);
  });

  it('updates only editable fields and reschedules completion on a duration change', async () => {
    const f = await startKernel();
    const session = await f.vajra.sessions.create({ intention: 'a', duration: 100 });
    expect(await codeOf(() => f.vajra.sessions.update(session.id, { status: 'completed' } as never))).toBe('VALIDATION_FAILED');
    expect(await codeOf(() => f.vajra.sessions.update(session.id, { id: 'x' } as never))).toBe('VALIDATION_FAILED');
    await f.vajra.sessions.start(session.id);
    await f.clock.advance(50_000);
    expect(await codeOf(() => f.vajra.sessions.update(session.id, { duration: 40 }))).toBe('VALIDATION_FAILED');
    const updated = await f.vajra.sessions.update(session.id, { duration: 200, intention: 'b', metadata: { k: 'v' } });
    expect(updated).toMatchObject({ duration: 200, intention: 'b', metadata: { k: 'v' }, status: 'running' });
    await f.clock.advance(100_000);
    expect((await f.vajra.sessions.get(session.id)).status).toBe('running');
    await f.clock.advance(50_000);
    expect((await f.vajra.sessions.get(session.id)).status).toBe('completed');
    expect(await codeOf(() => f.vajra.sessions.update(session.id, { duration: 500 }))).toBe('SESSION_INVALID_TRANSITION');
    expect((await f.vajra.sessions.update(session.id, { intention: 'noted' })).intention).toBe('noted');
  });

  it('deletes only sessions that are not running or paused', async () => {
    const f = await startKernel();
    const running = await sessionIn(f, 'running');
    const paused = await sessionIn(f, 'paused');
    expect(await codeOf(() => f.vajra.sessions.delete(running.id))).toBe('SESSION_ACTIVE');
    expect(await codeOf(() => f.vajra.sessions.delete(paused.id))).toBe('SESSION_ACTIVE');
    await f.vajra.sessions.stop(running.id);
    await f.vajra.sessions.delete(running.id);
    expect(await codeOf(() => f.vajra.sessions.get(running.id))).toBe('SESSION_NOT_FOUND');
    expect(f.events.some((e) => e.name === 'session:deleted')).toBe(true);
  });

  it('lists by status and owner with pagination', async () => {
    const f = await startKernel();
    for (let i = 0; i < 7; i += 1) {
      const s = await f.vajra.sessions.create({ intention: `s${i}`, duration: 60 }, { owner: i % 2 === 0 ? 'alice' : 'bob' });
      if (i < 3) await f.vajra.sessions.start(s.id);
      await f.clock.advance(1);
    }
    const running = await f.vajra.sessions.list({ status: 'running' });
    expect(running.total).toBe(3);
    const alice = await f.vajra.sessions.list({ owner: 'alice', limit: 2 });
    expect(alice.total).toBe(4);
    expect(alice.items.map((s) => s.intention)).toEqual(['s0', 's2']);
    const page2 = await f.vajra.sessions.list({ owner: 'alice', limit: 2, offset: 2 });
    expect(page2.items.map((s) => s.intention)).toEqual(['s4', 's6']);
    const newest = await f.vajra.sessions.list({ order: 'desc', limit: 1 });
    expect(newest.items[0]?.intention).toBe('s6');
    expect((await f.vajra.sessions.list({ status: ['created', 'running'] })).total).toBe(7);
  });

  it('lists as JSON text exactly what JSON.stringify gives of list, running sessions at their live elapsed time', async () => {
    const memory = createMemoryStore();
    // The same kernel state on a store without listStored: listJson serialises list there.
    const plain: Store = { ...memory, collection: (name) => ({ ...memory.collection(name), listStored: undefined }) };
    for (const store of [memory, plain]) {
      const f = await startKernel({ store: store === memory ? createMemoryStore() : plain });
      const states: SessionStatus[] = ['created', 'running', 'paused', 'stopped', 'completed', 'running', 'created'];
      for (const [i, status] of states.entries()) {
        const s = await sessionIn(f, status, status === 'completed' ? 60 : 3600 + i);
        if (i === 2) await f.vajra.sessions.update(s.id, { metadata: { b: 1, 2: 'two', a: [-0, 1e21, 'é\u2028"'] } });
        await f.clock.advance(1_234);
      }
      await f.vajra.sessions.create({ intention: 'owned', duration: 60 }, { owner: 'alice' });
      await f.clock.advance(777); // the running sessions' elapsed time is now past what is stored
      const pages: Parameters<typeof f.vajra.sessions.list>[0][] = [
        undefined,
        { order: 'desc', limit: 3 },
        { status: ['running', 'paused'], offset: 1 },
        { owner: null },
        { owner: 'alice' },
        { status: 'completed', limit: 1, offset: 5 },
      ];
      for (const options of pages) {
        const text = await f.vajra.sessions.listJson(options);
        expect(text).toBe(JSON.stringify(await f.vajra.sessions.list(options)));
      }
      const running = JSON.parse(await f.vajra.sessions.listJson({ status: 'running' })) as { items: Session[] };
      expect(running.items.length).toBe(2);
      for (const session of running.items) expect(session.elapsedTime).toBe((await f.vajra.sessions.get(session.id)).elapsedTime);
      expect(running.items.every((session) => session.elapsedTime > 0)).toBe(true);
      await f.vajra.stop();
    }
  });

  it('recovers after a crash: completes sessions that ran out while down, resumes the rest', async () => {
    const first = await startKernel();
    const short = await first.vajra.sessions.create({ intention: 'short', duration: 60 });
    const long = await first.vajra.sessions.create({ intention: 'long', duration: 3600 });
    const paused = await first.vajra.sessions.create({ intention: 'paused', duration: 60 });
    for (const s of [short, long, paused]) await first.vajra.sessions.start(s.id);
    await first.clock.advance(10_000);
    await first.vajra.sessions.pause(paused.id);
    // The process dies here: no stop(); its timers never fire again (its clock is never advanced).
    // A new kernel comes up 5 minutes later on the same store.
    const second = await startKernel({ store: first.store, clock: createManualClock(START + 10_000 + 300_000) });
    const s = await second.vajra.sessions.get(short.id);
    expect(s.status).toBe('completed');
    expect(s.completedAt).toBe(new Date(START + 60_000).toISOString());
    expect(s.elapsedTime).toBe(60);
    const l = await second.vajra.sessions.get(long.id);
    expect(l.status).toBe('running');
    expect(l.elapsedTime).toBe(310);
    expect(second.events.filter((e) => e.name === 'session:recovered')).toHaveLength(1);
    expect(await second.vajra.sessions.get(paused.id)).toMatchObject({ status: 'paused', elapsedTime: 10 });
    await second.clock.advance(3290_000);
    const finished = await second.vajra.sessions.get(long.id);
    expect(finished.status).toBe('completed');
    expect(finished.completedAt).toBe(new Date(START + 3_600_000).toISOString());
  });

  it('stops sessions at kernel stop when asked', async () => {
    const f = await startKernel();
    const a = await sessionIn(f, 'running');
    const b = await sessionIn(f, 'paused');
    await f.vajra.stop({ stopSessions: true });
    const stored = f.store.collection<Session>('sessions');
    expect((await stored.get(a.id))?.status).toBe('stopped');
    expect((await stored.get(b.id))?.status).toBe('stopped');
  });

  it('runs a 30-day session on the real system clock without completing it early', async () => {
    const f = await startKernel({ clock: systemClock as never, config: { sessions: { maxDuration: 366 * 86_400 } } });
    const session = await f.vajra.sessions.create({ intention: 'a month of practice', duration: 30 * 86_400 });
    await f.vajra.sessions.start(session.id);
    // The host fires an overflowing delay after about 1 ms; give it far more than that.
    await new Promise((resolve) => setTimeout(resolve, 250));
    const running = await f.vajra.sessions.get(session.id);
    expect(running.status).toBe('running');
    expect(running.elapsedTime).toBeLessThan(60);
    await f.vajra.stop({ stopSessions: true });
  });

  it('completes a 30-day session exactly at its instant on the manual clock', async () => {
    const f = await startKernel({ config: { sessions: { maxDuration: 366 * 86_400 } } });
    const session = await f.vajra.sessions.create({ intention: 'a month of practice', duration: 30 * 86_400 });
    await f.vajra.sessions.start(session.id);
    await f.clock.advance(30 * 86_400_000 - 1);
    expect(await f.vajra.sessions.get(session.id)).toMatchObject({ status: 'running', elapsedTime: 30 * 86_400 - 0.001 });
    await f.clock.advance(1);
    expect(await f.vajra.sessions.get(session.id)).toMatchObject({ status: 'completed', elapsedTime: 30 * 86_400, completedAt: new Date(START + 30 * 86_400_000).toISOString() });
  });

  it('checks the clock at completion: a timer that fires early does not complete the session', async () => {
    const inner = createManualClock(START);
    // A clock whose timers wake at half their delay, as a host timer that overflowed or a drifting clock would.
    const hasty = { ...inner, setTimeout: (callback: () => void, delayMs: number) => inner.setTimeout(callback, delayMs / 2) };
    const f = await startKernel({ clock: hasty as typeof inner });
    const session = await f.vajra.sessions.create({ intention: 'patience', duration: 3600 });
    await f.vajra.sessions.start(session.id);
    await inner.advance(3_600_000 - 1);
    expect((await f.vajra.sessions.get(session.id)).status).toBe('running');
    await inner.advance(1);
    expect(await f.vajra.sessions.get(session.id)).toMatchObject({ status: 'completed', completedAt: new Date(START + 3_600_000).toISOString() });
  });

  it('reads the session inside the transition: a write made just before it counts, a failed commit changes nothing', async () => {
    const memory = createMemoryStore();
    let failNextCommit = false;
    // A store whose next transaction fails after its work ran, as a full disk would at COMMIT.
    const store: Store = {
      ...memory,
      transaction: async (work) =>
        memory.transaction(async (tx) => {
          const result = await work(tx);
          if (failNextCommit) {
            failNextCommit = false;
            throw new Error('disk full');
          }
          return result;
        }),
    };
    const f = await startKernel({ store });
    const session = await f.vajra.sessions.create({ intention: 'steadfast', duration: 3600 });
    await f.vajra.sessions.start(session.id);
    // Another writer (an instance sharing the store) pauses it behind this kernel's back: resume sees that.
    const stored = (await memory.collection<Session>('sessions').get(session.id))!;
    await memory.collection<Session>('sessions').put(session.id, { ...stored, status: 'paused', runningSince: null, elapsedTime: 0 });
    expect(await f.vajra.sessions.resume(session.id)).toMatchObject({ status: 'running' });
    await f.clock.advance(1_000);
    failNextCommit = true;
    await expect(f.vajra.sessions.pause(session.id)).rejects.toThrow('disk full');
    expect(f.events.map((e) => e.name)).not.toContain('session:paused');
    // The pause never happened: the session still runs and completes at its instant (its timer was kept).
    expect(await f.vajra.sessions.get(session.id)).toMatchObject({ status: 'running' });
    await f.clock.advance(3_599_000 - 1);
    expect((await f.vajra.sessions.get(session.id)).status).toBe('running');
    await f.clock.advance(1);
    expect(await f.vajra.sessions.get(session.id)).toMatchObject({ status: 'completed', completedAt: new Date(START + 3_600_000).toISOString() });
  });

  it('reports elapsed time to the millisecond, without binary float noise', async () => {
    const f = await startKernel();
    const session = await f.vajra.sessions.create({ intention: 'exact', duration: 600 });
    await f.vajra.sessions.start(session.id);
    await f.clock.advance(1);
    expect((await f.vajra.sessions.pause(session.id)).elapsedTime).toBe(0.001);
    await f.vajra.sessions.resume(session.id);
    await f.clock.advance(2_106);
    expect((await f.vajra.sessions.get(session.id)).elapsedTime).toBe(2.107); // 0.001 + 2.106 is 2.1069999999999998 in floats
    for (const step of [100, 200, 3, 1_019, 7]) {
      await f.vajra.sessions.pause(session.id);
      await f.vajra.sessions.resume(session.id);
      await f.clock.advance(step);
    }
    const elapsed = (await f.vajra.sessions.stop(session.id)).elapsedTime;
    expect(elapsed).toBe(3.436);
    expect(String(elapsed)).toBe('3.436');
  });
});
