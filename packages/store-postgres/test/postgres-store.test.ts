import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildListQuery } from '../src/build-list-query';
import { migrate, postgresMigrations } from '../src/migrations';
import { createPostgresStore, POSTGRES_SCHEMA_VERSION, type PostgresStore } from '../src/index';
import { TEST_DATABASE_URL, createTestSchemas } from './test-database';

const schemas = createTestSchemas();
const opened: PostgresStore[] = [];
beforeAll(() => schemas.check());
afterAll(async () => {
  for (const store of opened) await store.close();
  await schemas.cleanup();
});

const open = async (schema = schemas.make(), extra: Record<string, unknown> = {}): Promise<PostgresStore> => {
  const store = await createPostgresStore({ connectionString: TEST_DATABASE_URL, schema, poolSize: 4, applicationName: `vajra-test-${schema}`, ...extra });
  opened.push(store);
  return store;
};
const codeOf = async (promise: Promise<unknown>): Promise<unknown> =>
  promise.then(
    () => 'resolved',
    (error: { code?: unknown }) => error.code,
  );

describe('createPostgresStore', () => {
  it('migrates a fresh schema once, records the version, and reopens without migrating again', async () => {
    const schema = schemas.make();
    // Three instances opening the same empty schema at once: one migrates, the others find it migrated.
    const stores = await Promise.all([open(schema), open(schema), open(schema)]);
    expect(stores.map((s) => s.schemaVersion)).toEqual([POSTGRES_SCHEMA_VERSION, POSTGRES_SCHEMA_VERSION, POSTGRES_SCHEMA_VERSION]);
    const { rows } = await schemas.query(`SELECT version, name FROM ${schema}.vajra_schema_version ORDER BY version`);
    expect(rows).toEqual([
      { version: 1, name: 'records' },
      { version: 2, name: 'bus outbox' },
      { version: 3, name: 'session index' },
    ]);
    await stores[0]?.collection('a').put('x', { v: 1 });
    expect(await (await open(schema)).collection('a').get('x')).toEqual({ v: 1 });
  });

  it('upgrades a version 2 schema to the session index without losing a record, and lists attached wheels through it', async () => {
    const schema = schemas.make();
    // A schema as version 2 of this package left it, with records written by plain SQL.
    const client = new pg.Client({ connectionString: TEST_DATABASE_URL });
    await client.connect();
    try {
      expect(await migrate(client, postgresMigrations.slice(0, 2), schema)).toBe(2);
      const records: Array<[string, string, object]> = [
        ['sessions', 'ses_1', { intention: 'peace', status: 'running' }],
        ['wheels', 'whl_1', { sessionId: 'ses_1', rotations: '18446744073709551617' }],
        ['wheels', 'whl_2', { sessionId: 'ses_2', rotations: '3' }],
        ['wheels', 'whl_3', { sessionId: null, rotations: '0' }],
        ['wheels', 'whl_4', { sessionId: 7, nested: { sessionId: 'ses_1' } }],
        ['plugin', 'p1', { sessionId: 'ses_1' }],
      ];
      for (const [collection, id, value] of records) await client.query(`INSERT INTO ${schema}.vajra_records (collection, id, body) VALUES ($1, $2, $3)`, [collection, id, JSON.stringify(value)]);
      const before = (await client.query(`SELECT collection, id, body FROM ${schema}.vajra_records ORDER BY collection, id`)).rows;

      const store = await open(schema);
      expect(store.schemaVersion).toBe(3);
      const attached = async (collection: string, sessionId: string | number | null): Promise<string[]> =>
        (await store.collection<object>(collection).list({ where: { sessionId } })).items.map((item) => JSON.stringify(item));
      const text = (id: string): string => JSON.stringify(records.find((record) => record[1] === id)![2]);
      expect(await attached('wheels', 'ses_1')).toEqual([text('whl_1')]);
      expect(await attached('wheels', null)).toEqual([text('whl_3')]);
      expect(await attached('wheels', 7)).toEqual([text('whl_4')]);
      expect(await attached('plugin', 'ses_1')).toEqual([text('p1')]);
      expect((await client.query(`SELECT collection, id, body FROM ${schema}.vajra_records ORDER BY collection, id`)).rows).toEqual(before);

      // The query the store runs for the wheels of a session can read the index (not every wheel's document).
      const query = buildListQuery(schema, 'wheels', { where: { sessionId: 'ses_1' }, limit: 200 });
      await client.query('BEGIN');
      await client.query('SET LOCAL enable_seqscan = off');
      const plan = (await client.query(`EXPLAIN ${query.sql}`, query.params)).rows.map((row) => row['QUERY PLAN'] as string).join('\n');
      await client.query('ROLLBACK');
      expect(plan).toContain('vajra_records_session_id');
    } finally {
      await client.end();
    }
  });

  it('refuses a schema written by a newer version, leaving it untouched', async () => {
    const schema = schemas.make();
    await open(schema);
    await schemas.query(`INSERT INTO ${schema}.vajra_schema_version (version, name) VALUES (99, 'future')`);
    expect(await codeOf(open(schema))).toBe('STORE_SCHEMA_TOO_NEW');
    const { rows } = await schemas.query(`SELECT max(version)::int AS v FROM ${schema}.vajra_schema_version`);
    expect(rows[0].v).toBe(99);
  });

  it('refuses bad options and an unreachable database with typed errors', async () => {
    expect(await codeOf(createPostgresStore({ connectionString: 'mysql://x' }))).toBe('VALIDATION_FAILED');
    expect(await codeOf(createPostgresStore({ connectionString: TEST_DATABASE_URL, schema: 'Bad-Name' }))).toBe('VALIDATION_FAILED');
    expect(await codeOf(createPostgresStore({ connectionString: TEST_DATABASE_URL, poolSize: 1 }))).toBe('VALIDATION_FAILED');
    expect(await codeOf(createPostgresStore({ connectionString: TEST_DATABASE_URL, unknown: 1 } as never))).toBe('VALIDATION_FAILED');
    expect(await codeOf(createPostgresStore({ connectionString: 'postgres://nobody@127.0.0.1:1/none', connectTimeoutMs: 2000 }))).toBe('STORE_OPEN_FAILED');
  });

  it('returns records exactly as written (key order) and filters by JSON type like the memory store', async () => {
    const store = await open();
    const rows = store.collection<Record<string, unknown>>('typed');
    await rows.put('a', { zeta: 1, alpha: 'x', mid: { b: 2, a: 1 } });
    expect(JSON.stringify(await rows.get('a'))).toBe('{"zeta":1,"alpha":"x","mid":{"b":2,"a":1}}');
    await rows.put('n', { v: 1 });
    await rows.put('s', { v: '1' });
    await rows.put('t', { v: true });
    await rows.put('z', { v: null });
    await rows.put('m', {});
    const ids = async (where: Record<string, never>): Promise<string[]> => (await rows.list({ where, orderBy: 'v' })).items.map((r) => JSON.stringify(r.v ?? 'missing'));
    expect(await ids({ v: 1 } as never)).toEqual(['1']);
    expect(await ids({ v: '1' } as never)).toEqual(['"1"']);
    expect(await ids({ v: true } as never)).toEqual(['true']);
    expect(await ids({ v: [1, true] } as never)).toEqual(['1', 'true']);
    expect((await rows.list({ where: { v: null } })).total).toBe(3); // null, and the two records without v
    expect((await rows.list({ where: { v: [] } })).total).toBe(0);
  });

  it('orders strings bytewise, numbers numerically and null/missing first, like the memory store', async () => {
    const store = await open();
    const rows = store.collection<{ k?: string | number | null }>('ordered');
    const values: Array<string | number | null | undefined> = ['b', 'B', 'a', 'é', 10, 9, -1.5, null, undefined];
    for (const [index, k] of values.entries()) await rows.put(`r${index}`, k === undefined ? {} : { k });
    const asc = (await rows.list({ orderBy: 'k' })).items.map((r) => r.k ?? null);
    expect(asc).toEqual([null, null, -1.5, 9, 10, 'B', 'a', 'b', 'é']);
    const desc = (await rows.list({ orderBy: 'k', order: 'desc' })).items.map((r) => r.k ?? null);
    expect(desc).toEqual([...asc].reverse());
  });

  it('refuses a value PostgreSQL cannot hold with STORE_INVALID_VALUE and reads impossible ids as missing', async () => {
    const store = await open();
    const rows = store.collection<{ text: string }>('nul');
    expect(await codeOf(rows.put('x', { text: 'a\u0000b' }))).toBe('STORE_INVALID_VALUE');
    expect(await codeOf(rows.put('a\u0000', { text: 'ok' }))).toBe('STORE_INVALID_VALUE');
    expect(await rows.get('a\u0000')).toBeUndefined();
    expect(await rows.delete('a\u0000')).toBe(false);
  });

  it('keeps read-modify-write transactions serializable across two instances (retrying lost races)', async () => {
    const schema = schemas.make();
    const [one, two] = await Promise.all([open(schema), open(schema)]);
    await one.collection('counter').put('c', { n: 0 });
    const increment = (store: PostgresStore) =>
      store.transaction(async (tx) => {
        const counter = tx.collection<{ n: number }>('counter');
        const value = (await counter.get('c'))?.n ?? 0;
        await counter.put('c', { n: value + 1 });
      });
    await Promise.all(Array.from({ length: 15 }, (_, i) => increment(i % 2 === 0 ? one : two)));
    expect(await two.collection<{ n: number }>('counter').get('c')).toEqual({ n: 15 });
  });

  it('refuses a transaction view used after the transaction ended', async () => {
    const store = await open();
    let leaked: { get(id: string): Promise<unknown> } | undefined;
    await store.transaction(async (tx) => {
      leaked = tx.collection('a');
    });
    expect(await codeOf(Promise.resolve().then(() => leaked?.get('x')))).toBe('STORE_TRANSACTION_ENDED');
  });

  it('goes on serving after its connections are terminated by the server', async () => {
    const schema = schemas.make();
    const store = await open(schema);
    await store.collection('a').put('x', { v: 1 });
    const { rows } = await schemas.query(`SELECT count(pg_terminate_backend(pid))::int AS n FROM pg_stat_activity WHERE application_name = $1`, [`vajra-test-${schema}`]);
    expect(rows[0].n).toBeGreaterThan(0);
    expect(await store.collection('a').get('x')).toEqual({ v: 1 });
    await store.transaction(async (tx) => tx.collection('a').put('y', { v: 2 }));
    expect(await store.ready()).toBe(true);
    expect((await store.collection('a').list()).total).toBe(2);
  });

  it('survives its connection dying in the middle of a transaction (no uncaught error), and runs the work again', async () => {
    const schema = schemas.make();
    const store = await open(schema);
    let attempts = 0;
    let terminated = false;
    await store.transaction(async (tx) => {
      attempts += 1;
      await tx.collection('a').get('x');
      if (!terminated) {
        // Between two statements, with no query running: the connection is killed under the checked-out client.
        terminated = true;
        const { rows } = await schemas.query(`SELECT count(pg_terminate_backend(pid))::int AS n FROM pg_stat_activity WHERE application_name = $1 AND state = 'idle in transaction'`, [
          `vajra-test-${schema}`,
        ]);
        expect(rows[0].n).toBe(1);
        await new Promise((resolve) => setTimeout(resolve, 200)); // let the client hear of it before the next statement
      }
      await tx.collection('a').put('x', { attempts });
    });
    expect(attempts).toBe(2);
    expect(await store.collection('a').get('x')).toEqual({ attempts: 2 });
  });
});
