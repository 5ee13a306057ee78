import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { createVajra, silentLogger } from '@vajra-stream/core';
import { runBusConnectionLossContract, runBusContract } from '@vajra-stream/core/testing';
import { createPostgresBus, createPostgresStore, type PostgresBus } from '../src/index';
import { TEST_DATABASE_URL, createTestSchemas } from './test-database';

const schemas = createTestSchemas();
beforeAll(() => schemas.check());
afterAll(() => schemas.cleanup());

runBusContract({ describe, it, afterEach }, 'postgres LISTEN/NOTIFY (fresh schema)', async () => {
  const schema = schemas.make();
  return { connect: () => createPostgresBus({ connectionString: TEST_DATABASE_URL, schema }) };
});

/** Polls until `condition()` holds (generous timeout: the database is real and the machine shared). */
const until = async (condition: () => boolean, what: string): Promise<void> => {
  const deadline = Date.now() + 30_000;
  while (!condition()) {
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 10));
  }
};

runBusConnectionLossContract({ describe, it, afterEach }, 'postgres LISTEN/NOTIFY (pg_terminate_backend)', async () => {
  const schema = schemas.make();
  return {
    connect: (applicationName) => createPostgresBus({ connectionString: TEST_DATABASE_URL, schema, applicationName }),
    drop: async (applicationName, connection) => {
      const name = `${applicationName}:${connection === 'listener' ? 'bus-listen' : 'bus'}`;
      const { rows } = await schemas.query(`SELECT pg_terminate_backend(pid) AS done FROM pg_stat_activity WHERE application_name = $1 AND pid <> pg_backend_pid()`, [name]);
      return rows.length;
    },
  };
});

describe('the PostgreSQL bus between kernels', () => {
  const opened: PostgresBus[] = [];
  afterEach(async () => {
    for (const bus of opened.splice(0)) await bus.close();
  });
  const open = async (schema: string, applicationName: string) => {
    const bus = await createPostgresBus({ connectionString: TEST_DATABASE_URL, schema, applicationName });
    opened.push(bus);
    return bus;
  };
  const tag = () => `vt${process.pid}${Math.random().toString(36).slice(2, 8)}`;

  it("brings one kernel's session events to a WebSocket-style listener of another", async () => {
    const schema = schemas.make();
    const stores = [await createPostgresStore({ connectionString: TEST_DATABASE_URL, schema, poolSize: 3 }), await createPostgresStore({ connectionString: TEST_DATABASE_URL, schema, poolSize: 3 })];
    const buses = [await open(schema, tag()), await open(schema, tag())];
    const [a, b] = stores.map((store, index) => createVajra({ store, bus: buses[index], logger: silentLogger, env: {} }));
    await a!.start();
    await b!.start();
    const seen: Array<[string, unknown]> = [];
    b!.events.onAny((name, payload) => seen.push([name, payload]), { remote: true });
    const session = await a!.sessions.create({ intention: 'may all beings be happy', duration: 600 }, { owner: 'alice' });
    await a!.sessions.start(session.id);
    await until(() => seen.length >= 2, 'session:created and session:started');
    expect(seen.map(([name]) => name)).toEqual(['session:created', 'session:started']);
    expect(seen[1]![1]).toMatchObject({ session: { id: session.id, owner: 'alice', status: 'running' } });
    expect(await b!.ready()).toBe(true);
    await a!.stop({ stopSessions: true });
    await b!.stop();
    for (const store of stores) await store.close();
  });
});
