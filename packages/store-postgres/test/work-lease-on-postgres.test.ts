import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createVajra, silentLogger, type Vajra } from '@vajra-stream/core';
import { createManualClock, type ManualClock } from '@vajra-stream/core/testing';
import { createPostgresBus, createPostgresStore, type PostgresBus, type PostgresStore } from '../src/index';
import { TEST_DATABASE_URL, createTestSchemas } from './test-database';

const schemas = createTestSchemas();
beforeAll(() => schemas.check());
afterAll(() => schemas.cleanup());

const until = async (condition: () => boolean | Promise<boolean>, what: string): Promise<void> => {
  const deadline = Date.now() + 30_000;
  while (!(await condition())) {
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 10));
  }
};

const START = Date.UTC(2026, 5, 1);

describe('the work lease on PostgreSQL', () => {
  it('moves the work to another instance when the holder pauses, refuses the old holder’s writes, and counts each rotation once', { timeout: 120_000 }, async () => {
    const schema = schemas.make();
    const opened: Array<{ store: PostgresStore; bus: PostgresBus; vajra: Vajra }> = [];
    const log: Array<[string, string]> = [];
    const open = async (clock: ManualClock, name: string) => {
      const store = await createPostgresStore({ connectionString: TEST_DATABASE_URL, schema, poolSize: 3 });
      const bus = await createPostgresBus({ connectionString: TEST_DATABASE_URL, schema });
      const vajra = createVajra({ store, bus, clock, logger: silentLogger, env: {}, instanceId: name });
      for (const event of ['session:completed', 'session:recovered', 'wheel:rotated'] as const)
        vajra.events.on(event, (payload) => void log.push([name, `${event} ${JSON.stringify(payload).slice(0, 160)}`]));
      await vajra.start();
      opened.push({ store, bus, vajra });
      return vajra;
    };
    const clockA = createManualClock(START);
    const clockB = createManualClock(START);
    const a = await open(clockA, 'ins_a');
    const b = await open(clockB, 'ins_b');
    expect([a.work.isHolder(), b.work.isHolder()]).toEqual([true, false]);
    // Started through B; A (the holder) counts the attached wheel and will complete the session.
    let tracked = false;
    a.events.onAny((name) => void (name === 'wheel:started' && (tracked = true)), { remote: true });
    const session = await b.sessions.create({ intention: 'may all beings be free', duration: 30 });
    const wheel = await b.wheels.create({ mantra: 'chenrezig', copiesPerRotation: 108, rpm: 60, sessionId: session.id });
    await b.sessions.start(session.id);
    await until(() => tracked, 'A hearing that the wheel spins');
    // Manual time moves one second at a time, each once both instances have finished that second's lease
    // attempt (real I/O), as on real clocks where a second is long next to a round-trip.
    const checked = (vajra: Vajra, clock: ManualClock) => vajra.work.health().checkedAt === new Date(clock.now()).toISOString();
    const second = async (clocks: ManualClock[]): Promise<void> => {
      for (const clock of clocks) await clock.advance(1000);
      await until(() => clocks.every((clock) => checked(clock === clockA ? a : b, clock)), 'the lease attempts of this second');
    };
    for (let n = 0; n < 5; n += 1) {
      await second([clockA, clockB]);
      await until(() => log.filter(([name]) => name === 'ins_a').length >= n + 1, `A's rotation ${n + 1}`);
    }
    // A freezes; B takes the lease over once it ran out.
    while (!b.work.isHolder()) await second([clockB]);
    expect(clockB.now() - START).toBeLessThanOrEqual(5000 + 4000); // A's last renewal at 5 s, lease 3 s, attempts every 1 s
    // A wakes: its next tick is refused by the fence (SERIALIZABLE read of the lease) and it stops.
    await clockA.advance(1000);
    await until(() => !a.work.isHolder(), 'A giving the work up');
    const fromA = log.filter(([name]) => name === 'ins_a').length;
    while (clockB.now() < START + 35_000) {
      await second([clockA, clockB]);
      if (clockB.now() === START + 30_000) await until(async () => (await b.sessions.get(session.id)).status === 'completed', 'the completion');
    }
    expect(log.filter(([name]) => name === 'ins_a').slice(fromA)).toEqual([]);
    expect(log.filter(([, event]) => event.startsWith('session:completed')).map(([name]) => name)).toEqual(['ins_b']);
    const done = await a.sessions.get(session.id);
    expect([done.elapsedTime, done.completedAt]).toEqual([30, new Date(START + 30_000).toISOString()]);
    const stats = await a.wheels.stats(wheel.id);
    expect([stats.status, stats.rotations, stats.recitations]).toEqual(['stopped', '30', String(30 * 108)]);
    for (const { vajra, bus, store } of opened) {
      await vajra.stop();
      await bus.close();
      await store.close();
    }
  });
});
