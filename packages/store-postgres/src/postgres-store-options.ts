import { z } from 'zod';
import { databaseLocationShape } from './database-location-shape';

/**
 * Options of {@link createPostgresStore}, validated with zod.
 *
 * - `connectionString`: a `postgres://` URL (user, password, host, port, database, `?sslmode=`…).
 * - `schema`: the PostgreSQL schema that holds the tables (created if missing, default `vajra`). Several
 *   independent deployments (or test runs) can share one database with one schema each.
 * - `poolSize`: connections in the pool (default 10).
 * - `maxRetries`: how often a transaction that lost a serialization race is run again (default 30).
 * - `connectTimeoutMs`: how long to wait for a connection (default 10000).
 * - `applicationName`: shown in `pg_stat_activity` (default `vajra-stream`).
 *
 * @example
 * ```ts
 * const options: PostgresStoreOptions = { connectionString: 'postgres://vajra@127.0.0.1/vajra', schema: 'studio' };
 * ```
 */
export const postgresStoreOptionsSchema = z
  .object({
    ...databaseLocationShape,
    poolSize: z.number().int().min(2).max(200).default(10),
    maxRetries: z.number().int().min(0).max(1000).default(30),
    connectTimeoutMs: z.number().int().min(100).max(600_000).default(10_000),
    applicationName: z.string().min(1).max(63).default('vajra-stream'),
  })
  .strict();

/**
 * Input options of {@link createPostgresStore}.
 *
 * @example
 * ```ts
 * const options: PostgresStoreOptions = { connectionString: process.env.VAJRA_DATABASE_URL ?? '', poolSize: 20 };
 * ```
 */
export type PostgresStoreOptions = z.input<typeof postgresStoreOptionsSchema>;
