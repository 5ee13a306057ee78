import { resolve } from 'node:path';
import type BetterSqlite3 from 'better-sqlite3';
import { VajraError, createAsyncMutex, parseInput, toJsonRecord, type Collection, type ListOptions, type ListResult, type Store, type StoredRecord, type StoreTransaction } from '@vajra-stream/core';
import { buildListQuery, listShape } from './build-list-query';
import { columnValues } from './column-values';
import { COLUMN_FIELDS, RECORDS_TABLE, sqliteMigrations } from './migrations';
import { openDatabase } from './open-database';
import { createParsedRecords } from './parsed-records';
import { sqliteStoreOptionsSchema, type SqliteStoreOptions } from './sqlite-store-options';

/**
 * A {@link Store} on a SQLite file, as returned by {@link createSqliteStore}.
 *
 * @example
 * ```ts
 * const store: SqliteStore = createSqliteStore({ path: './data/vajra.db' });
 * console.log(store.path, store.schemaVersion);
 * ```
 */
export interface SqliteStore extends Store {
  readonly kind: 'sqlite';
  /** Absolute path of the database file, or `':memory:'`. */
  readonly path: string;
  /** Schema version of the open database (the last migration applied). */
  readonly schemaVersion: number;
}

const STATEMENT_CACHE_LIMIT = 200;

/**
 * A durable {@link Store} on SQLite (better-sqlite3, WAL mode, forward-only migrations).
 *
 * better-sqlite3 is synchronous while the Store interface is async, so every operation runs through
 * one FIFO async mutex: a `transaction(async (tx) => …)` holds it from `BEGIN IMMEDIATE` to
 * `COMMIT`/`ROLLBACK`, and operations issued outside the transaction wait until it ends. Inside the
 * transaction, use only `tx`; calling the store itself there would wait for the transaction and never finish.
 * Open one store per database file per process: a second connection in the same process would wait for
 * the first one's write lock synchronously, blocking the event loop that has to release it.
 *
 * @example
 * ```ts
 * import { createVajra } from '@vajra-stream/core';
 * import { createSqliteStore } from '@vajra-stream/store-sqlite';
 *
 * const store = createSqliteStore({ path: './data/vajra.db' });
 * const vajra = createVajra({ store });
 * await vajra.start();
 * ```
 */
export function createSqliteStore(options: SqliteStoreOptions): SqliteStore {
  const settings = parseInput(sqliteStoreOptionsSchema, options, 'SQLite store options');
  const path = settings.path === ':memory:' ? ':memory:' : resolve(settings.path);
  const { db, schemaVersion } = openDatabase({ ...settings, path, migrations: sqliteMigrations });
  const mutex = createAsyncMutex();
  let closing = false;

  // Every statement is prepared once: the fixed ones here, the list queries once per shape of options.
  const getStatement = db.prepare(`SELECT json FROM ${RECORDS_TABLE} WHERE collection = ? AND id = ?`).pluck();
  // The owner and session columns (migrations 2 and 3) hold their top-level field when it is a JSON string, so
  // that a column cannot disagree with its record. `columnValues` computes them from the record when that is
  // certain (every record the kernel writes); otherwise SQLite derives them from the very JSON text it stores
  // (bound once, as `j`). (`WHERE true` tells SQLite's parser that ON CONFLICT is the upsert's, not a join's.)
  const columnNames = [...COLUMN_FIELDS.values()].map(({ column }) => column);
  const upsert = `ON CONFLICT (collection, id) DO UPDATE SET json = excluded.json, ${columnNames.map((column) => `${column} = excluded.${column}`).join(', ')}`;
  const putStatement = db.prepare(`INSERT INTO ${RECORDS_TABLE} (collection, id, json, ${columnNames.join(', ')}) VALUES (?, ?, ?, ${columnNames.map(() => '?').join(', ')}) ${upsert}`);
  const derived = [...COLUMN_FIELDS.keys()].map((field) => `iif(json_type(j, '$.${field}') = 'text', json_extract(j, '$.${field}'), NULL)`);
  const derivingPutStatement = db.prepare(
    `INSERT INTO ${RECORDS_TABLE} (collection, id, json, ${columnNames.join(', ')})
     SELECT ?, ?, j, ${derived.join(', ')} FROM (SELECT ? AS j) WHERE true ${upsert}`,
  );
  const deleteStatement = db.prepare(`DELETE FROM ${RECORDS_TABLE} WHERE collection = ? AND id = ?`);
  const beginStatement = db.prepare('BEGIN IMMEDIATE');
  const commitStatement = db.prepare('COMMIT');
  const rollbackStatement = db.prepare('ROLLBACK');
  /** The page and count statements of each shape of list options (see `listShape`), prepared on first use. */
  // Listed records are parsed once per stored version (a listing polled again mostly finds them unchanged).
  const parsed = createParsedRecords();
  const listStatements = new Map<string, { page: BetterSqlite3.Statement; count: BetterSqlite3.Statement }>();
  const listStatementsOf = (shape: string, name: string, listOptions: ListOptions | undefined): { page: BetterSqlite3.Statement; count: BetterSqlite3.Statement } => {
    let statements = listStatements.get(shape);
    if (statements === undefined) {
      if (listStatements.size >= STATEMENT_CACHE_LIMIT) listStatements.clear();
      const query = buildListQuery(name, listOptions);
      statements = { page: db.prepare(query.pageSql).raw(), count: db.prepare(query.countSql).pluck() };
      listStatements.set(shape, statements);
    }
    return statements;
  };

  const closedError = (): VajraError => new VajraError('STORE_CLOSED', 'The store is closed', { status: 503 });
  const assertOpen = (): void => {
    if (!db.open) throw closedError();
  };

  /** Synchronous record operations; `isLive` guards a transaction's view after it has ended. */
  /** The `[id, stored text]` rows of the page `listOptions` selects in `name`. */
  const listRows = (name: string, listOptions: ListOptions | undefined): ListResult<[string, string]> => {
    const { shape, params, limit, offset } = listShape(name, listOptions);
    const statements = listStatementsOf(shape, name, listOptions);
    // One row more than the page says whether anything follows it; when nothing does (the last page), the
    // total is known without counting. Both statements run in the same synchronous turn, so they agree.
    const rows = statements.page.all(...params, offset) as Array<[string, string]>;
    const last = rows.length <= limit && (rows.length > 0 || offset === 0);
    const total = last ? offset + rows.length : (statements.count.get(...params) as number);
    if (rows.length > limit) rows.pop();
    return { items: rows, total, limit, offset };
  };

  const makeCollection = <T>(name: string, isLive: () => boolean): Collection<T> => {
    const guard = (): void => {
      assertOpen();
      if (!isLive()) throw new VajraError('STORE_TRANSACTION_ENDED', 'This transaction has already committed or rolled back', { status: 500 });
    };
    return {
      async get(id) {
        guard();
        const text = getStatement.get(name, id) as string | undefined;
        return text === undefined ? undefined : (JSON.parse(text) as T);
      },
      async put(id, value) {
        guard();
        const text = toJsonRecord(value);
        const columns = columnValues(value as object);
        if (columns === undefined) derivingPutStatement.run(name, id, text);
        else putStatement.run(name, id, text, ...columns);
      },
      async delete(id) {
        guard();
        return deleteStatement.run(name, id).changes > 0;
      },
      async list(listOptions?: ListOptions): Promise<ListResult<T>> {
        guard();
        const page = listRows(name, listOptions);
        return { ...page, items: page.items.map(([id, text]) => parsed.read(name, id, text) as T) };
      },
      async listStored(listOptions?: ListOptions): Promise<ListResult<StoredRecord<T>>> {
        guard();
        const page = listRows(name, listOptions);
        return { ...page, items: page.items.map(([id, text]) => parsed.stored(name, id, text) as StoredRecord<T>) };
      },
    };
  };

  /** Queue `task` behind every earlier operation; refuse new work once `close()` has been called. */
  const exclusive = <R>(task: () => Promise<R>): Promise<R> => (closing ? Promise.reject(closedError()) : mutex.run(task));

  const always = (): boolean => true;
  const collection = <T>(name: string): Collection<T> => {
    const direct = makeCollection<T>(name, always);
    return {
      get: (id) => exclusive(() => direct.get(id)),
      put: (id, value) => exclusive(() => direct.put(id, value)),
      delete: (id) => exclusive(() => direct.delete(id)),
      list: (listOptions) => exclusive(() => direct.list(listOptions)),
      listStored: (listOptions) => exclusive(() => direct.listStored!(listOptions)),
    };
  };

  const transaction = <R>(work: (tx: StoreTransaction) => Promise<R>): Promise<R> =>
    exclusive(async () => {
      assertOpen();
      let live = true;
      const isLive = (): boolean => live;
      const tx: StoreTransaction = { collection: <T>(name: string) => makeCollection<T>(name, isLive) };
      // IMMEDIATE takes the write lock now, so a concurrent process cannot make this transaction fail
      // with SQLITE_BUSY half-way through its work.
      beginStatement.run();
      try {
        const result = await work(tx);
        commitStatement.run();
        return result;
      } catch (error) {
        // SQLite may already have rolled back by itself (e.g. disk full); only roll back an open transaction.
        if (db.inTransaction) rollbackStatement.run();
        throw error;
      } finally {
        live = false;
      }
    });

  return {
    kind: 'sqlite',
    path,
    schemaVersion,
    collection,
    transaction,
    ready: async () => !closing && db.open,
    close: async () => {
      if (closing) return mutex.run(() => undefined);
      closing = true;
      // Wait for every queued operation, then fold the WAL into the main file and release the handle.
      return mutex.run(() => {
        if (!db.open) return;
        try {
          if (path !== ':memory:') db.pragma('wal_checkpoint(TRUNCATE)');
        } finally {
          db.close();
        }
      });
    },
  };
}
