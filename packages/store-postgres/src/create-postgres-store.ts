import pg from 'pg';
import { VajraError, parseInput, type Collection, type Store, type StoreTransaction } from '@vajra-stream/core';
import { migrate, postgresMigrations } from './migrations';
import { isDatabaseError, isConnectionFailure, toStoreError } from './postgres-errors';
import { postgresStoreOptionsSchema, type PostgresStoreOptions } from './postgres-store-options';
import { recordQueries, type RunQuery } from './record-queries';
import { runSerializable, type PooledClient } from './run-serializable';
import { withCheckedOut } from './with-checked-out';

/**
 * A {@link Store} on PostgreSQL, as returned by {@link createPostgresStore}.
 *
 * @example
 * ```ts
 * const store: PostgresStore = await createPostgresStore({ connectionString: 'postgres://postgres@127.0.0.1/vajra' });
 * console.log(store.schema, store.schemaVersion);
 * ```
 */
export interface PostgresStore extends Store {
  readonly kind: 'postgres';
  /** The PostgreSQL schema holding the tables. */
  readonly schema: string;
  /** Schema version of the database (the last migration applied). */
  readonly schemaVersion: number;
}

/**
 * Open a durable {@link Store} on PostgreSQL through a node-postgres pool: creates the schema if needed and
 * applies pending forward-only migrations (one instance migrates, the others wait), then serves records.
 *
 * Every `transaction(work)` runs at SERIALIZABLE isolation, the promise the SQLite store keeps by running
 * one transaction at a time: the outcome is as if transactions ran one after another, across every
 * instance sharing the database. When PostgreSQL reports a serialization failure the transaction is rolled
 * back and `work` runs again (up to `maxRetries`), so `work` must only read and write through `tx` and
 * compute; keep side effects (events, timers) after the transaction. Single operations outside a
 * transaction are one statement each and are retried once when the connection broke (they are idempotent).
 *
 * @example
 * ```ts
 * import { createVajra } from '@vajra-stream/core';
 * import { createPostgresStore } from '@vajra-stream/store-postgres';
 *
 * const store = await createPostgresStore({ connectionString: process.env.VAJRA_DATABASE_URL! });
 * const vajra = createVajra({ store });
 * await vajra.start();
 * ```
 */
export async function createPostgresStore(options: PostgresStoreOptions): Promise<PostgresStore> {
  const settings = parseInput(postgresStoreOptionsSchema, options, 'PostgreSQL store options');
  const { schema } = settings;
  const pool = new pg.Pool({
    connectionString: settings.connectionString,
    max: settings.poolSize,
    connectionTimeoutMillis: settings.connectTimeoutMs,
    application_name: settings.applicationName,
  });
  // An idle connection whose backend went away (a database restart, pg_terminate_backend) emits here; the
  // pool drops it and the next operation connects afresh, so this is not an error of any request.
  pool.on('error', () => undefined);
  let schemaVersion: number;
  try {
    schemaVersion = await withCheckedOut(
      () => pool.connect() as Promise<PooledClient>,
      (client) => migrate(client, postgresMigrations, schema),
    );
  } catch (error) {
    await pool.end().catch(() => undefined);
    if (error instanceof VajraError) throw error;
    const reason = error instanceof Error ? error.message : String(error);
    throw new VajraError('STORE_OPEN_FAILED', `Cannot open the PostgreSQL store (schema "${schema}"): ${reason}`, { status: 500, cause: error });
  }
  let closing = false;
  const closedError = (): VajraError => new VajraError('STORE_CLOSED', 'The store is closed', { status: 503 });

  /** One autocommit statement; retried once on a fresh connection when the old one had broken. */
  const runOnPool: RunQuery = async (sql, params) => {
    if (closing) throw closedError();
    for (let attempt = 0; ; attempt += 1) {
      try {
        return await pool.query(sql, params);
      } catch (error) {
        if (attempt === 0 && isConnectionFailure(error) && !closing) continue;
        throw isDatabaseError(error) ? toStoreError(error) : error;
      }
    }
  };

  const transaction = <R>(work: (tx: StoreTransaction) => Promise<R>): Promise<R> => {
    if (closing) return Promise.reject(closedError());
    return runSerializable<R>({
      connect: () => pool.connect() as Promise<PooledClient>,
      maxRetries: settings.maxRetries,
      attempt: (client, isLive) => {
        const run: RunQuery = (sql, params) => {
          if (!isLive()) throw new VajraError('STORE_TRANSACTION_ENDED', 'This transaction has already committed or rolled back', { status: 500 });
          return client.query(sql, params);
        };
        return work({ collection: <T>(name: string): Collection<T> => recordQueries<T>(schema, name, run) });
      },
    });
  };

  return {
    kind: 'postgres',
    schema,
    schemaVersion,
    collection: <T>(name: string) => recordQueries<T>(schema, name, runOnPool),
    transaction,
    async ready() {
      if (closing) return false;
      try {
        await pool.query('SELECT 1');
        return true;
      } catch {
        return false;
      }
    },
    async close() {
      if (closing) return;
      closing = true;
      await pool.end();
    },
  };
}
