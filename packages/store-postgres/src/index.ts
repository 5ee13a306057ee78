/**
 * `@vajra-stream/store-postgres`: the {@link @vajra-stream/core!Store | Store} of Vajra.Stream on PostgreSQL (node-postgres), so that
 * several server instances share sessions, wheels, dedications and plugin state.
 *
 * @example
 * ```ts
 * import { createVajra } from '@vajra-stream/core';
 * import { createPostgresStore } from '@vajra-stream/store-postgres';
 *
 * const vajra = createVajra({ store: await createPostgresStore({ connectionString: 'postgres://postgres@127.0.0.1/vajra' }) });
 * await vajra.start();
 * ```
 * @module @vajra-stream/store-postgres
 */
export { createPostgresStore, type PostgresStore } from './create-postgres-store';
export { postgresStoreOptionsSchema, type PostgresStoreOptions } from './postgres-store-options';
export { postgresMigrations, POSTGRES_SCHEMA_VERSION, type PostgresMigration, type PostgresMigrationClient } from './migrations';
export { createPostgresBus, type PostgresBus } from './bus/create-postgres-bus';
export { postgresBusOptionsSchema, type PostgresBusOptions } from './bus/postgres-bus-options';
