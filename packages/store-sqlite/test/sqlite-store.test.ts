import { existsSync, statSync } from 'node:fs';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import fc from 'fast-check';
import { afterAll, describe, expect, it } from 'vitest';
import { createMemoryStore, isVajraError, type Collection, type ListOptions, type StoreTransaction } from '@vajra-stream/core';
import { buildListQuery } from '../src/build-list-query';
import { createSqliteStore } from '../src/index';
import { createTempDirs } from './temp-dir';

const dirs = createTempDirs();
afterAll(() => dirs.cleanup());

const codeOf = async (run: () => Promise<unknown>): Promise<unknown> => {
  try {
    await run();
  } catch (error) {
    return isVajraError(error) ? error.code : `not a VajraError: ${String(error)}`;
  }
  return undefined;
};

describe('createSqliteStore on a file', () => {
  it('creates missing parent directories and runs in WAL mode', async () => {
    const path = join(dirs.make(), 'a', 'b', 'vajra.db');
    const store = createSqliteStore({ path });
    expect(store.kind).toBe('sqlite');
    expect(store.path).toBe(path);
    await store.collection('x').put('1', { v: 1 });
    // While open, commits go to the write-ahead log next to the file, and a second connection sees WAL mode.
    expect(existsSync(`${path}-wal`)).toBe(true);
    const observer = new Database(path, { readonly: true });
    expect(observer.pragma('journal_mode', { simple: true })).toBe('wal');
    expect(observer.prepare('SELECT json FROM vajra_records WHERE collection = ? AND id = ?').pluck().get('x', '1')).toBe('{"v":1}');
    observer.close();
    await store.close();
    // close() checkpoints with TRUNCATE: the log is folded into the database file and emptied.
    expect(existsSync(`${path}-wal`) ? statSync(`${path}-wal`).size : 0).toBe(0);
  });

  it('keeps committed data across close and reopen, and drops rolled-back data', async () => {
    const path = join(dirs.make(), 'vajra.db');
    const first = createSqliteStore({ path });
    await first.collection('sessions').put('s1', { status: 'running', elapsedTime: 12.5, counts: '9007199254740993' });
    await first.transaction(async (tx) => {
      await tx.collection('wheels').put('w1', { rotations: '18446744073709551617' });
      await tx.collection('wheels').put('w2', { rotations: '1' });
    });
    await first
      .transaction(async (tx) => {
        await tx.collection('wheels').put('w3', { rotations: '5' });
        throw new Error('abandon');
      })
      .catch(() => undefined);
    await first.close();

    const second = createSqliteStore({ path });
    expect(await second.collection('sessions').get('s1')).toEqual({ status: 'running', elapsedTime: 12.5, counts: '9007199254740993' });
    const wheels = await second.collection<{ rotations: string }>('wheels').list();
    expect(wheels.total).toBe(2);
    expect(wheels.items.map((w) => w.rotations)).toEqual(['18446744073709551617', '1']);
    await second.close();
  });

  it('lets queued operations finish before close, and refuses new ones after', async () => {
    const path = join(dirs.make(), 'vajra.db');
    const store = createSqliteStore({ path });
    const writes = Array.from({ length: 50 }, (_, i) => store.collection('q').put(`k${String(i).padStart(2, '0')}`, { i }));
    const closed = store.close();
    expect(await codeOf(() => store.collection('q').get('k00'))).toBe('STORE_CLOSED');
    expect(await codeOf(() => store.transaction(async () => 1))).toBe('STORE_CLOSED');
    await Promise.all(writes);
    await closed;
    await store.close(); // closing twice is harmless
    const reopened = createSqliteStore({ path });
    expect((await reopened.collection('q').list()).total).toBe(50);
    await reopened.close();
  });
});

describe('transactions on the async interface', () => {
  it('makes operations outside a transaction wait until it commits', async () => {
    const store = createSqliteStore({ path: ':memory:' });
    const log: string[] = [];
    const inside = store.transaction(async (tx) => {
      await tx.collection('c').put('a', { v: 'in-transaction' });
      await new Promise((resolve) => setTimeout(resolve, 20));
      log.push('commit');
    });
    const outside = store
      .collection<{ v: string }>('c')
      .get('a')
      .then((value) => {
        log.push(`read ${value?.v}`);
      });
    await Promise.all([inside, outside]);
    expect(log).toEqual(['commit', 'read in-transaction']);
    await store.close();
  });

  it('refuses a transaction view used after the transaction ended', async () => {
    const store = createSqliteStore({ path: ':memory:' });
    let leaked: StoreTransaction | undefined;
    await store.transaction(async (tx) => {
      leaked = tx;
    });
    expect(await codeOf(() => leaked!.collection('c').put('a', { v: 1 }))).toBe('STORE_TRANSACTION_ENDED');
    expect(await store.collection('c').get('a')).toBeUndefined();
    await store.close();
  });

  it('returns the value of the work function', async () => {
    const store = createSqliteStore({ path: ':memory:' });
    expect(await store.transaction(async () => 42)).toBe(42);
    await store.close();
  });
});

// The memory store in core is an independent implementation of the same listing semantics: the SQL
// translation (json_extract, typed equality, IN lists, IS NULL, ordering, paging) must agree with it.
describe('list agrees with the memory store', () => {
  // A small domain, so that filters often hit values stored under another JSON type (1, true, '1', 1.0, null).
  const scalar = fc.constantFrom<string | number | boolean | null>('a', 'b', '1', 'true', '', 0, 1, 2, 1.5, true, false, null);
  // `owner` and `sessionId` are read from their own columns (schema versions 2 and 3), so they also take the JSON
  // types a column must not confuse with strings.
  const owner = fc.oneof(scalar, fc.constantFrom(['a'], { a: 'a' }));
  const record = fc.record(
    { kind: scalar, owner, sessionId: owner, rank: fc.option(fc.integer({ min: -5, max: 5 }), { nil: null }), tag: fc.constantFrom('x', 'y', 'z'), list: fc.constant([1]) },
    { requiredKeys: ['rank', 'tag', 'list'] },
  );
  const where = fc.dictionary(fc.constantFrom('kind', 'owner', 'sessionId', 'rank', 'tag', 'missing', 'list'), fc.oneof(scalar, fc.array(scalar, { maxLength: 4 })), { maxKeys: 2 });
  const options = fc.record(
    {
      where,
      orderBy: fc.constantFrom('rank', 'tag'),
      order: fc.constantFrom('asc' as const, 'desc' as const),
      limit: fc.integer({ min: 1, max: 12 }),
      offset: fc.integer({ min: 0, max: 15 }),
    },
    { requiredKeys: [] },
  );

  it('for random records and random filters, orderings and pages', async () => {
    await fc.assert(
      fc.asyncProperty(fc.array(record, { maxLength: 20 }), fc.array(options, { minLength: 1, maxLength: 5 }), async (records, queries) => {
        const sqlite = createSqliteStore({ path: ':memory:' });
        const memory = createMemoryStore();
        const a: Collection<object> = sqlite.collection('r');
        const b: Collection<object> = memory.collection('r');
        for (const [i, value] of records.entries()) {
          // Each id is first written with another record, so that the overwrite (upsert) path is compared too.
          await a.put(`id${String(i).padStart(2, '0')}`, records[records.length - 1 - i]!);
          await a.put(`id${String(i).padStart(2, '0')}`, value);
          await b.put(`id${String(i).padStart(2, '0')}`, value);
        }
        for (const query of queries) {
          expect(await a.list(query as ListOptions)).toEqual(await b.list(query as ListOptions));
        }
        await sqlite.close();
      }),
      { numRuns: 300 },
    );
  });

  it('compares with the JSON type of the stored value, as the memory store does', async () => {
    const store = createSqliteStore({ path: ':memory:' });
    const rows = store.collection<{ name: string; v?: unknown }>('r');
    const values: Record<string, unknown> = { one: 1, half: 1.5, true: true, false: false, text1: '1', textTrue: 'true', nil: null, list: [1], object: { a: 1 } };
    for (const [name, v] of Object.entries(values)) await rows.put(name, { name, v });
    await rows.put('missing', { name: 'missing' });
    const names = async (where: ListOptions['where']): Promise<string[]> => (await rows.list({ where, limit: 100 })).items.map((r) => r.name).sort();
    expect(await names({ v: 1 })).toEqual(['one']);
    expect(await names({ v: 1.5 })).toEqual(['half']);
    expect(await names({ v: true })).toEqual(['true']);
    expect(await names({ v: false })).toEqual(['false']);
    expect(await names({ v: '1' })).toEqual(['text1']);
    expect(await names({ v: '[1]' })).toEqual([]);
    expect(await names({ v: null })).toEqual(['missing', 'nil']);
    expect(await names({ v: [true, '1', 2] })).toEqual(['text1', 'true']);
    expect(await names({ v: [] })).toEqual([]);
    await store.close();
  });

  it('filters on owner by its column with the same JSON typing, and through the owner index', async () => {
    const path = join(dirs.make(), 'vajra.db');
    const store = createSqliteStore({ path });
    const rows = store.collection<{ name: string; owner?: unknown }>('r');
    const owners: Record<string, unknown> = { alice: 'alice', bob: 'bob', one: 1, true: true, text1: '1', nil: null, list: ['alice'], object: { id: 'alice' } };
    for (const [name, value] of Object.entries(owners)) await rows.put(name, { name, owner: value });
    await rows.put('missing', { name: 'missing' });
    await rows.put('moved', { name: 'moved', owner: 'alice' });
    await rows.put('moved', { name: 'moved', owner: 'bob' }); // an overwrite moves the record to its new owner
    await store.collection('other').put('alice-elsewhere', { name: 'x', owner: 'alice' });
    const names = async (where: ListOptions['where']): Promise<string[]> => (await rows.list({ where, limit: 100 })).items.map((r) => r.name).sort();
    expect(await names({ owner: 'alice' })).toEqual(['alice']);
    expect(await names({ owner: 'bob' })).toEqual(['bob', 'moved']);
    expect(await names({ owner: ['alice', 'bob'] })).toEqual(['alice', 'bob', 'moved']);
    expect(await names({ owner: '1' })).toEqual(['text1']);
    expect(await names({ owner: 1 })).toEqual(['one']);
    expect(await names({ owner: true })).toEqual(['true']);
    expect(await names({ owner: null })).toEqual(['missing', 'nil']);
    expect(await names({ owner: ['alice', null] })).toEqual(['alice', 'missing', 'nil']);
    expect(await names({ owner: '["alice"]' })).toEqual([]);
    const page = await rows.list({ where: { owner: 'bob' }, limit: 1, order: 'desc' });
    expect(page).toEqual({ items: [{ name: 'moved', owner: 'bob' }], total: 2, limit: 1, offset: 0 });
    await rows.delete('bob');
    expect(await names({ owner: 'bob' })).toEqual(['moved']);

    // The SQL the store runs for a string owner reads the partial index, not every record of the collection.
    const observer = new Database(path, { readonly: true });
    const query = buildListQuery('r', { where: { owner: 'alice', status: 'running' }, limit: 20 });
    const plan = observer.prepare(`EXPLAIN QUERY PLAN ${query.pageSql}`).all(...query.params, query.offset) as Array<{ detail: string }>;
    expect(plan.map((step) => step.detail).join('\n')).toContain('USING INDEX vajra_records_owner (collection=? AND owner=?)');
    // Likewise the wheels attached to a session (read at every session transition) come from the session index.
    const attached = buildListQuery('wheels', { where: { sessionId: 'ses_1' }, limit: 200 });
    const attachedPlan = observer.prepare(`EXPLAIN QUERY PLAN ${attached.pageSql}`).all(...attached.params, attached.offset) as Array<{ detail: string }>;
    expect(attachedPlan.map((step) => step.detail).join('\n')).toContain('USING INDEX vajra_records_session_id (collection=? AND session_id=?)');
    observer.close();
    await store.close();
  });

  it('lists what JSON.parse makes of each stored text, a fresh value per read, as records change and even when another connection writes', async () => {
    const path = join(dirs.make(), 'parsed.db');
    const store = createSqliteStore({ path });
    const rows = store.collection<Record<string, unknown>>('rows');
    const texts = ['{"a":{"list":[1,{"b":-0}]},"n":null,"s":"x"}', '{"__proto__":{"polluted":true},"2":"two","1":"one","z":[[]]}', '{"k":1}'];
    const writer = new Database(path);
    const write = (id: string, text: string) => writer.prepare('INSERT OR REPLACE INTO vajra_records (collection, id, json) VALUES (?, ?, ?)').run('rows', id, text);
    texts.forEach((text, index) => write(`r${index}`, text));
    for (let round = 0; round < 3; round += 1) {
      const items = (await rows.list()).items as Array<{ a: { list: Array<{ b?: number } | string> }; k: number; polluted?: unknown }>;
      expect(items.map((item) => JSON.stringify(item))).toEqual(texts.map((text) => JSON.stringify(JSON.parse(text))));
      expect(Object.is((items[0]?.a.list[1] as { b: number } | undefined)?.b, -0)).toBe(true);
      expect(Object.getPrototypeOf(items[1])).toBe(Object.prototype);
      expect(Object.hasOwn(items[1] ?? {}, '__proto__') && items[1]?.polluted).toBe(undefined);
      expect(Object.keys(items[1] ?? {})).toEqual(Object.keys(JSON.parse(texts[1] ?? '')));
      // Mutating what a listing returned changes neither the store nor the next listing.
      items[0]?.a.list.push('mutated');
      if (items[2] !== undefined) items[2].k = 2;
    }
    // A record changed, by this store or by another connection, is listed as it now is.
    await rows.put('r2', { k: 3 });
    expect((await rows.list()).items[2]).toEqual({ k: 3 });
    write('r2', '{"k":4,"more":[true]}');
    expect((await rows.list()).items[2]).toEqual({ k: 4, more: [true] });
    writer.close();
    await store.close();
  });

  it('lists stored records as JSON.stringify of their frozen value, even a text another connection stored otherwise', async () => {
    const path = join(dirs.make(), 'stored.db');
    const store = createSqliteStore({ path });
    const rows = store.collection<Record<string, unknown>>('rows');
    const writer = new Database(path);
    const texts = ['{ "2": "two", "1": "one", "n": 1.50 }', '{"__proto__":{"polluted":true},"s":"\\u00e9"}', '{"k":[1,{"b":true}]}'];
    texts.forEach((text, index) => writer.prepare('INSERT OR REPLACE INTO vajra_records (collection, id, json) VALUES (?, ?, ?)').run('rows', `r${index}`, text));
    for (let round = 0; round < 2; round += 1) {
      const { items } = await rows.listStored!();
      expect(items.map((record) => record.json)).toEqual(texts.map((text) => JSON.stringify(JSON.parse(text))));
      expect(items.map((record) => JSON.stringify(record.value))).toEqual(items.map((record) => record.json));
      expect(items.every((record) => Object.isFrozen(record.value) && Object.getPrototypeOf(record.value) === Object.prototype)).toBe(true);
      expect(Object.isFrozen((items[2]!.value.k as unknown[])[1])).toBe(true);
    }
    // list still gives fresh, mutable values of the same versions
    const listed = (await rows.list()).items;
    (listed[2]!.k as unknown[]).push('mine');
    expect((await rows.listStored!()).items[2]?.json).toBe('{"k":[1,{"b":true}]}');
    writer.close();
    await store.close();
  });

  it('refuses unsafe field names exactly like the memory store', async () => {
    const store = createSqliteStore({ path: ':memory:' });
    await store.collection('r').put('1', { a: 1 });
    expect(await codeOf(() => store.collection('r').list({ orderBy: "a') DESC; DROP TABLE vajra_records; --" }))).toBe('VALIDATION_FAILED');
    expect(await codeOf(() => store.collection('r').list({ where: { 'a.b': 1 } }))).toBe('VALIDATION_FAILED');
    expect((await store.collection('r').list()).total).toBe(1);
    await store.close();
  });
});
