import { toJsonRecord, type Collection, type ListOptions, type ListResult } from '@vajra-stream/core';
import { buildListQuery } from './build-list-query';
import { RECORDS_TABLE } from './migrations';

/** Something that runs one SQL statement: the pool (autocommit) or a connection inside a transaction. */
export type RunQuery = (sql: string, params: unknown[]) => Promise<{ rows: Array<Record<string, unknown>>; rowCount: number | null }>;

/** PostgreSQL text cannot hold NUL, so an id containing one names no record. */
const impossibleId = (id: string): boolean => typeof id !== 'string' || id.includes('\u0000');

/**
 * The four record operations of one collection, each one statement through `run`.
 *
 * @example
 * ```ts
 * const sessions = recordQueries<Session>('vajra', 'sessions', (sql, params) => pool.query(sql, params));
 * ```
 */
export function recordQueries<T>(schema: string, name: string, run: RunQuery): Collection<T> {
  const table = `${schema}.${RECORDS_TABLE}`;
  return {
    async get(id) {
      if (impossibleId(id)) return undefined;
      const { rows } = await run(`SELECT body FROM ${table} WHERE collection = $1 AND id = $2`, [name, id]);
      return rows.length === 0 ? undefined : (JSON.parse(rows[0]?.body as string) as T);
    },
    async put(id, value) {
      const body = toJsonRecord(value);
      await run(`INSERT INTO ${table} (collection, id, body) VALUES ($1, $2, $3) ON CONFLICT (collection, id) DO UPDATE SET body = excluded.body`, [name, id, body]);
    },
    async delete(id) {
      if (impossibleId(id)) return false;
      const result = await run(`DELETE FROM ${table} WHERE collection = $1 AND id = $2`, [name, id]);
      return (result.rowCount ?? 0) > 0;
    },
    async list(options?: ListOptions): Promise<ListResult<T>> {
      const query = buildListQuery(schema, name, options);
      const { rows } = await run(query.sql, query.params);
      const bodies = (rows[0]?.bodies ?? []) as string[];
      return { items: bodies.map((text) => JSON.parse(text) as T), total: Number(rows[0]?.total ?? 0), limit: query.limit, offset: query.offset };
    },
  };
}
