import { normalisePaging, type FilterValue, type ListOptions } from '@vajra-stream/core';
import { RECORDS_TABLE, SESSION_FIELD } from './migrations';

/** SQL and parameters of one {@link Collection.list} call: one statement, so total and page share a snapshot. */
export interface ListQuery {
  /** Returns one row `{ total, bodies }`. */
  sql: string;
  params: unknown[];
  limit: number;
  offset: number;
}

type Scalar = string | number | boolean | null;

/**
 * The condition on one top-level field, matching exactly what the memory store matches: a JSON string
 * only equals a string, a number only a number, booleans only booleans, and `null` a missing or null field.
 */
function fieldCondition(field: string, wanted: Scalar | readonly Scalar[], params: unknown[]): string {
  const values: readonly Scalar[] = Array.isArray(wanted) ? wanted : [wanted as Scalar];
  // An empty array matches nothing, as `[].some(...)` does in the memory store.
  if (values.length === 0) return 'false';
  const bind = (value: unknown): string => {
    params.push(value);
    return `$${params.length}`;
  };
  // The indexed field is named literally (it is a constant), so that its filter matches the index expression.
  const path = field === SESSION_FIELD ? `'${SESSION_FIELD}'` : `${bind(field)}::text`;
  const value = `doc->${path}`;
  const strings = values.filter((v): v is string => typeof v === 'string');
  const numbers = values.filter((v): v is number => typeof v === 'number');
  const booleans = [...new Set(values.filter((v): v is boolean => typeof v === 'boolean'))];
  const parts: string[] = [];
  // SQL does not short-circuit AND, so the numeric cast sits behind a CASE on the JSON type.
  if (strings.length > 0) parts.push(`(jsonb_typeof(${value}) = 'string' AND (doc->>${path}) = ANY(${bind(strings)}::text[]))`);
  if (numbers.length > 0) parts.push(`(CASE WHEN jsonb_typeof(${value}) = 'number' THEN (${value})::numeric END) = ANY(${bind(numbers.map(String))}::numeric[])`);
  if (booleans.length > 0) parts.push(`${value} = ANY(${bind(booleans.map(String))}::jsonb[])`);
  if (values.includes(null)) parts.push(`(${value} IS NULL OR jsonb_typeof(${value}) = 'null')`);
  return `(${parts.join(' OR ')})`;
}

/**
 * Translate {@link ListOptions} into one SQL statement over the records table of `schema`. Field names are
 * validated by `normalisePaging` (top-level identifiers only); filter paths and values are bound parameters,
 * and the validated `orderBy` identifier is the only name written into the SQL text. Ordering matches the
 * memory store: missing and null first (ascending), numbers numerically, strings bytewise, then by id.
 *
 * @example
 * ```ts
 * const query = buildListQuery('vajra', 'sessions', { where: { status: ['running', 'paused'] }, limit: 20 });
 * const { rows } = await client.query(query.sql, query.params);
 * ```
 */
export function buildListQuery(schema: string, collection: string, options: ListOptions = {}): ListQuery {
  const { limit, offset } = normalisePaging(options);
  const params: unknown[] = [collection];
  const conditions = ['collection = $1'];
  for (const [field, wanted] of Object.entries(options.where ?? {})) {
    conditions.push(fieldCondition(field, wanted as FilterValue | readonly FilterValue[], params));
  }
  const direction = options.order === 'desc' ? 'DESC' : 'ASC';
  const order: string[] = [];
  if (options.orderBy !== undefined) {
    const value = `doc->'${options.orderBy}'`;
    order.push(
      `CASE jsonb_typeof(${value}) WHEN 'number' THEN 1 WHEN 'string' THEN 2 WHEN 'boolean' THEN 3 WHEN 'array' THEN 4 WHEN 'object' THEN 5 ELSE 0 END ${direction}`,
      `CASE WHEN jsonb_typeof(${value}) = 'number' THEN (${value})::numeric END ${direction}`,
      `(doc->>'${options.orderBy}') COLLATE "C" ${direction}`,
    );
  }
  order.push(`id ${direction}`);
  const table = `${schema}.${RECORDS_TABLE}`;
  const where = conditions.join(' AND ');
  params.push(limit, offset);
  const sql = `SELECT (SELECT count(*) FROM ${table} WHERE ${where})::int AS total,
    array(SELECT body FROM ${table} WHERE ${where} ORDER BY ${order.join(', ')} LIMIT $${params.length - 1} OFFSET $${params.length}) AS bodies`;
  return { sql, params, limit, offset };
}
