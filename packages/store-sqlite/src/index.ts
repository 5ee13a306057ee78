/**
 * `@vajra-stream/store-sqlite`: the durable embedded {@link @vajra-stream/core!Store | Store} of Vajra.Stream, on SQLite through
 * better-sqlite3 in WAL mode, with a schema version table and forward-only migrations.
 *
 * @example
 * ```ts
 * import { createVajra } from '@vajra-stream/core';
 * import { createSqliteStore } from '@vajra-stream/store-sqlite';
 *
 * const vajra = createVajra({ store: createSqliteStore({ path: './data/vajra.db' }) });
 * await vajra.start();
 * ```
 * @module @vajra-stream/store-sqlite
 */
export { createSqliteStore, type SqliteStore } from './create-sqlite-store';
export { sqliteStoreOptionsSchema, type SqliteStoreOptions } from './sqlite-store-options';
export { sqliteMigrations, SQLITE_SCHEMA_VERSION, type Migration, type MigrationDatabase } from './migrations';
