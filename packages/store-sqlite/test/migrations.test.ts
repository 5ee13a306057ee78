import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { afterAll, describe, expect, it } from 'vitest';
import { isVajraError } from '@vajra-stream/core';
import { SQLITE_SCHEMA_VERSION, createSqliteStore, sqliteMigrations, type Migration } from '../src/index';
import { migrate, readSchemaVersion } from '../src/migrations';
import { createTempDirs } from './temp-dir';

const dirs = createTempDirs();
afterAll(() => dirs.cleanup());

const codeOf = (run: () => unknown): unknown => {
  try {
    run();
  } catch (error) {
    return isVajraError(error) ? error.code : `not a VajraError: ${String(error)}`;
  }
  return undefined;
};

const tableNames = (db: Database.Database): string[] => db.prepare(`SELECT name FROM sqlite_schema WHERE type = 'table' ORDER BY name`).pluck().all() as string[];

describe('schema version and forward-only migrations', () => {
  it('creates the schema version table and records every migration on a new file', async () => {
    const path = join(dirs.make(), 'vajra.db');
    const store = createSqliteStore({ path });
    expect(store.schemaVersion).toBe(sqliteMigrations.length);
    expect(SQLITE_SCHEMA_VERSION).toBe(sqliteMigrations.length);
    await store.close();

    const db = new Database(path, { readonly: true });
    const rows = db.prepare('SELECT version, name FROM vajra_schema_version ORDER BY version').all();
    expect(rows).toEqual(sqliteMigrations.map((m) => ({ version: m.version, name: m.name })));
    expect(tableNames(db)).toEqual(['vajra_records', 'vajra_schema_version']);
    expect(db.prepare(`SELECT name FROM sqlite_schema WHERE type = 'index' AND sql IS NOT NULL`).pluck().all()).toEqual(['vajra_records_owner', 'vajra_records_session_id']);
    db.close();
  });

  it('upgrades a version 1 file to the owner column without losing or changing a record', async () => {
    // A file as version 1 of this package left it: the records table only, written with plain SQL.
    const path = join(dirs.make(), 'vajra.db');
    const old = new Database(path);
    old.pragma('journal_mode = WAL');
    expect(migrate(old, sqliteMigrations.slice(0, 1), path)).toBe(1);
    const records: Array<[string, string, object]> = [
      ['sessions', 'ses_1', { intention: 'peace', owner: 'alice', status: 'running', elapsedTime: 12.5 }],
      ['sessions', 'ses_2', { intention: 'joy', owner: null, status: 'paused' }],
      ['sessions', 'ses_3', { intention: 'no owner field', status: 'created' }],
      ['wheels', 'whl_1', { owner: 'bob', rotations: '18446744073709551617', sessionId: 'ses_1' }],
      ['plugin', 'odd', { owner: 7, nested: { owner: 'carol' } }],
    ];
    const insert = old.prepare('INSERT INTO vajra_records (collection, id, json) VALUES (?, ?, ?)');
    for (const [collection, id, value] of records) insert.run(collection, id, JSON.stringify(value));
    const v1Rows = old.prepare('SELECT collection, id, json FROM vajra_records ORDER BY collection, id').all();
    const v1AppliedAt = old.prepare('SELECT applied_at FROM vajra_schema_version WHERE version = 1').pluck().get();
    old.close();

    const store = createSqliteStore({ path });
    expect(store.schemaVersion).toBe(SQLITE_SCHEMA_VERSION);
    for (const [collection, id, value] of records) expect(await store.collection(collection).get(id)).toEqual(value);
    const owned = async (collection: string, owner: string | null): Promise<object[]> => (await store.collection<object>(collection).list({ where: { owner } })).items;
    const value = (id: string): object => records.find((record) => record[1] === id)![2];
    expect(await owned('sessions', 'alice')).toEqual([value('ses_1')]);
    expect(await owned('sessions', null)).toEqual([value('ses_2'), value('ses_3')]);
    expect(await owned('wheels', 'bob')).toEqual([value('whl_1')]);
    expect(await owned('plugin', 'carol')).toEqual([]);
    await store.close();

    const after = new Database(path, { readonly: true });
    expect(after.prepare('SELECT collection, id, json FROM vajra_records ORDER BY collection, id').all()).toEqual(v1Rows);
    // The migration filled the column from the stored JSON: strings only, at the top level only.
    expect(after.prepare('SELECT id, owner FROM vajra_records ORDER BY collection, id').all()).toEqual([
      { id: 'odd', owner: null },
      { id: 'ses_1', owner: 'alice' },
      { id: 'ses_2', owner: null },
      { id: 'ses_3', owner: null },
      { id: 'whl_1', owner: 'bob' },
    ]);
    expect(after.prepare('SELECT version, applied_at = ? AS kept FROM vajra_schema_version ORDER BY version').all(v1AppliedAt)).toEqual([
      { version: 1, kept: 1 },
      { version: 2, kept: 0 },
      { version: 3, kept: 0 },
    ]);
    after.close();
  });

  it('upgrades a version 2 file to the session column without losing or changing a record', async () => {
    // A file as version 2 of this package left it: records with their owner column, written by that schema's SQL.
    const path = join(dirs.make(), 'vajra.db');
    const old = new Database(path);
    old.pragma('journal_mode = WAL');
    expect(migrate(old, sqliteMigrations.slice(0, 2), path)).toBe(2);
    const records: Array<[string, string, object]> = [
      ['sessions', 'ses_1', { intention: 'peace', owner: 'alice', status: 'running' }],
      ['wheels', 'whl_1', { owner: 'alice', rotations: '18446744073709551617', sessionId: 'ses_1', status: 'spinning' }],
      ['wheels', 'whl_2', { owner: null, rotations: '3', sessionId: 'ses_1' }],
      ['wheels', 'whl_3', { owner: 'bob', rotations: '0', sessionId: null }],
      ['wheels', 'whl_4', { rotations: '7' }],
      ['wheels', 'whl_5', { sessionId: 42, nested: { sessionId: 'ses_1' } }],
      ['plugin', 'p1', { sessionId: 'ses_1' }],
    ];
    const insert = old.prepare(`INSERT INTO vajra_records (collection, id, json, owner) VALUES (?, ?, ?, iif(json_type(?, '$.owner') = 'text', json_extract(?, '$.owner'), NULL))`);
    for (const [collection, id, value] of records) {
      const text = JSON.stringify(value);
      insert.run(collection, id, text, text, text);
    }
    const v2Rows = old.prepare('SELECT collection, id, json, owner FROM vajra_records ORDER BY collection, id').all();
    expect(v2Rows).toHaveLength(records.length);
    const v2Applied = old.prepare('SELECT version, applied_at FROM vajra_schema_version ORDER BY version').all();
    old.close();

    const store = createSqliteStore({ path });
    expect(store.schemaVersion).toBe(3);
    for (const [collection, id, value] of records) expect(await store.collection(collection).get(id)).toEqual(value);
    const attached = async (collection: string, sessionId: string | null | number): Promise<string[]> =>
      (await store.collection<object>(collection).list({ where: { sessionId } })).items.map((item) => JSON.stringify(item));
    const text = (id: string): string => JSON.stringify(records.find((record) => record[1] === id)![2]);
    expect(await attached('wheels', 'ses_1')).toEqual([text('whl_1'), text('whl_2')]);
    expect(await attached('wheels', null)).toEqual([text('whl_3'), text('whl_4')]);
    expect(await attached('wheels', 42)).toEqual([text('whl_5')]);
    expect(await attached('plugin', 'ses_1')).toEqual([text('p1')]);
    expect((await store.collection<object>('wheels').list({ where: { owner: 'alice', sessionId: 'ses_1' } })).items).toEqual([records[1]![2]]);
    // A wheel moved to another session leaves the first one's list.
    await store.collection('wheels').put('whl_2', { owner: null, rotations: '3', sessionId: 'ses_2' });
    expect(await attached('wheels', 'ses_1')).toEqual([text('whl_1')]);
    await store.close();

    const after = new Database(path, { readonly: true });
    const rows = after.prepare('SELECT collection, id, json, owner FROM vajra_records ORDER BY collection, id').all() as Array<{ id: string }>;
    expect(rows.filter((row) => row.id !== 'whl_2')).toEqual(v2Rows.filter((row) => (row as { id: string }).id !== 'whl_2'));
    // The migration filled the column from the stored JSON: strings only, at the top level only.
    expect(after.prepare('SELECT id, session_id FROM vajra_records ORDER BY collection, id').all()).toEqual([
      { id: 'p1', session_id: 'ses_1' },
      { id: 'ses_1', session_id: null },
      { id: 'whl_1', session_id: 'ses_1' },
      { id: 'whl_2', session_id: 'ses_2' },
      { id: 'whl_3', session_id: null },
      { id: 'whl_4', session_id: null },
      { id: 'whl_5', session_id: null },
    ]);
    const applied = after.prepare('SELECT version, applied_at FROM vajra_schema_version ORDER BY version').all();
    expect(applied.slice(0, 2)).toEqual(v2Applied);
    expect(applied.map((row) => (row as { version: number }).version)).toEqual([1, 2, 3]);
    after.close();
  });

  it('applies only the pending migrations, in order, exactly once', () => {
    const db = new Database(':memory:');
    const calls: string[] = [];
    const step = (version: number, name: string): Migration => ({
      version,
      name,
      up: (conn) => {
        calls.push(name);
        conn.exec(`CREATE TABLE t${version} (x)`);
      },
    });
    expect(readSchemaVersion(db)).toBe(0);
    expect(migrate(db, [step(1, 'one')], 'test')).toBe(1);
    expect(migrate(db, [step(1, 'one'), step(2, 'two'), step(3, 'three')], 'test')).toBe(3);
    expect(migrate(db, [step(1, 'one'), step(2, 'two'), step(3, 'three')], 'test')).toBe(3);
    expect(calls).toEqual(['one', 'two', 'three']);
    expect(readSchemaVersion(db)).toBe(3);
    expect(tableNames(db)).toEqual(['t1', 't2', 't3', 'vajra_schema_version']);
    db.close();
  });

  it('rolls back every step of a failed upgrade and keeps the old version', () => {
    const db = new Database(':memory:');
    const ok: Migration = { version: 1, name: 'ok', up: (conn) => conn.exec('CREATE TABLE a (x)') };
    migrate(db, [ok], 'test');
    const good2: Migration = { version: 2, name: 'b', up: (conn) => conn.exec('CREATE TABLE b (x)') };
    const bad3: Migration = { version: 3, name: 'bad', up: (conn) => conn.exec('CREATE TABLE a (x)') }; // a exists: fails
    expect(() => migrate(db, [ok, good2, bad3], 'test')).toThrow(/already exists/);
    expect(readSchemaVersion(db)).toBe(1);
    expect(tableNames(db)).toEqual(['a', 'vajra_schema_version']);
    db.close();
  });

  it('refuses a migration list with gaps or out of order', () => {
    const db = new Database(':memory:');
    const noop = (version: number): Migration => ({ version, name: `m${version}`, up: () => undefined });
    expect(codeOf(() => migrate(db, [noop(1), noop(3)], 'test'))).toBe('STORE_MIGRATION_INVALID');
    expect(codeOf(() => migrate(db, [noop(2)], 'test'))).toBe('STORE_MIGRATION_INVALID');
    expect(readSchemaVersion(db)).toBe(0);
    db.close();
  });

  it('refuses to open a database written by a newer schema, and leaves it untouched', async () => {
    const path = join(dirs.make(), 'vajra.db');
    await createSqliteStore({ path }).close();
    const raw = new Database(path);
    raw.prepare(`INSERT INTO vajra_schema_version (version, name, applied_at) VALUES (?, 'from the future', '2099-01-01T00:00:00Z')`).run(SQLITE_SCHEMA_VERSION + 5);
    raw.close();
    const before = readFileSync(path);

    let caught: unknown;
    try {
      createSqliteStore({ path });
    } catch (error) {
      caught = error;
    }
    expect(isVajraError(caught)).toBe(true);
    const error = caught as { code: string; message: string; details: unknown };
    expect(error.code).toBe('STORE_SCHEMA_TOO_NEW');
    expect(error.message).toContain(`schema version ${SQLITE_SCHEMA_VERSION + 5}`);
    expect(error.details).toEqual({ found: SQLITE_SCHEMA_VERSION + 5, supported: SQLITE_SCHEMA_VERSION });
    expect(readFileSync(path).equals(before)).toBe(true);
  });

  it('reports a file that is not a SQLite database as STORE_OPEN_FAILED', () => {
    const path = join(dirs.make(), 'not-a.db');
    writeFileSync(path, 'this is plain text, not a database file, and it is long enough to have a header'.repeat(20));
    expect(codeOf(() => createSqliteStore({ path }))).toBe('STORE_OPEN_FAILED');
  });

  it('validates its options with VALIDATION_FAILED', () => {
    expect(codeOf(() => createSqliteStore({ path: '' }))).toBe('VALIDATION_FAILED');
    expect(codeOf(() => createSqliteStore({ path: ':memory:', synchronous: 'off' as 'full' }))).toBe('VALIDATION_FAILED');
    expect(codeOf(() => createSqliteStore({ path: ':memory:', busyTimeoutMs: -1 }))).toBe('VALIDATION_FAILED');
  });
});
