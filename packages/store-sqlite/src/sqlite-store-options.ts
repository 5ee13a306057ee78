import { z } from 'zod';

/**
 * Options of {@link createSqliteStore}, validated with zod.
 *
 * - `path`: database file (its parent directory is created), or `':memory:'` for a private in-memory database.
 * - `synchronous`: `'full'` (default) fsyncs the write-ahead log at every commit, so a committed
 *   transaction survives power loss and OS crashes; `'normal'` fsyncs only at checkpoints, which still
 *   survives the process being killed (the WAL is in the OS page cache) but may lose the last commits
 *   on power loss. The kernel announces events only after the state is committed, so the default is
 *   the one under which an announced count is never lost; choose `'normal'` for throughput when the
 *   machine, not the process, is the reliable part.
 * - `busyTimeoutMs`: how long to wait for another process's write lock before failing (default 5000).
 *
 * @example
 * ```ts
 * const options: SqliteStoreOptions = { path: './data/vajra.db', synchronous: 'full' };
 * ```
 */
export const sqliteStoreOptionsSchema = z.object({
  path: z.string().min(1, 'path must name a database file or ":memory:"'),
  synchronous: z.enum(['full', 'normal']).default('full'),
  busyTimeoutMs: z.number().int().min(0).max(600_000).default(5000),
});

/**
 * Input options of {@link createSqliteStore}.
 *
 * @example
 * ```ts
 * const options: SqliteStoreOptions = { path: ':memory:', busyTimeoutMs: 1000 };
 * ```
 */
export type SqliteStoreOptions = z.input<typeof sqliteStoreOptionsSchema>;
