import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createVajra, silentLogger, type VajraEventName, type Vajra } from '@vajra-stream/core';
import { createManualClock } from '@vajra-stream/core/testing';
import { createPostgresStore } from '../src/index';
import { TEST_DATABASE_URL, createTestSchemas } from './test-database';

const schemas = createTestSchemas();
beforeAll(() => schemas.check());
afterAll(() => schemas.cleanup());

/** Resolves with the next payload of `name` (store I/O is real, so tests wait on events, not on the clock). */
const next = <K extends VajraEventName>(vajra: Vajra, name: K) => new Promise<unknown>((resolve) => vajra.events.once(name, resolve));

describe('the kernel on PostgreSQL', () => {
  it('keeps sessions, wheels, dedications and plugin state across a restart', async () => {
    const schema = schemas.make();
    const clock = createManualClock(Date.UTC(2026, 5, 1));
    const open = async () => {
      const store = await createPostgresStore({ connectionString: TEST_DATABASE_URL, schema, poolSize: 3 });
      const vajra = createVajra({ store, clock, logger: silentLogger, env: {} });
      await vajra.start();
      return { store, vajra };
    };
    const first = await open();
    const session = await first.vajra.sessions.create({ intention: 'may all beings be free', duration: 120 });
    const wheel = await first.vajra.wheels.create({ mantra: 'chenrezig', copiesPerRotation: 1000, rpm: 60, sessionId: session.id });
    await first.vajra.sessions.start(session.id);
    await first.store.collection('plugin_notes').put('n1', { text: 'om' });
    const rotated = next(first.vajra, 'wheel:rotated');
    await clock.advance(30_000);
    await rotated;
    await first.vajra.wheels.dedicate(wheel.id, 'for all beings');
    await first.vajra.stop();
    await first.store.close();

    const second = await open();
    expect((await second.vajra.sessions.get(session.id)).status).toBe('running');
    expect((await second.vajra.sessions.get(session.id)).elapsedTime).toBe(30);
    const completed = next(second.vajra, 'session:completed');
    await clock.advance(90_000);
    await completed;
    const done = await second.vajra.sessions.get(session.id);
    expect(done.status).toBe('completed');
    expect(done.elapsedTime).toBe(120);
    const stats = await second.vajra.wheels.stats(wheel.id);
    expect(stats.rotations).toBe('120'); // 60 rpm for exactly 120 s of session
    expect(stats.recitations).toBe('120000');
    expect((await second.vajra.wheels.dedications(wheel.id)).items.map((d) => [d.text, d.rotations])).toEqual([['for all beings', '30']]);
    expect(await second.store.collection('plugin_notes').get('n1')).toEqual({ text: 'om' });
    await second.vajra.stop();
    await second.store.close();
  });
});
