import { normalisePaging, type FilterValue, type ListOptions } from '@vajra-stream/core';
import { RECORDS_TABLE } from './migrations';

/** SQL and parameters of one {@link Collection.list} call. */
export interface ListQuery {
  /** Counts every record matching the filter. */
  countSql: string;
  /** Selects the `json` of one page of matching records. */
  pageSql: string;
  /** Parameters of `countSql`. */
  params: Array<string | number | null>;
  limit: number;
  offset: number;
}

type Scalar = string | number | boolean | null;

/**
 * The condition on one top-level field. It matches exactly what the memory store matches: a JSON
 * string only equals a string, a number only a number, `true`/`false` only booleans, and `null` a
 * missing or null field. Arrays become `IN` lists, grouped by JSON type.
 */
function fieldCondition(path: string, wanted: Scalar | readonly Scalar[], params: Array<string | number | null>): string {
  const values: readonly Scalar[] = Array.isArray(wanted) ? wanted : [wanted as Scalar];
  const strings = values.filter((v): v is string => typeof v === 'string');
  const numbers = values.filter((v): v is number => typeof v === 'number');
  const booleans = [...new Set(values.filter((v): v is boolean => typeof v === 'boolean'))];
  const parts: string[] = [];
  const list = (items: ReadonlyArray<string | number>): string => items.map(() => '?').join(', ');
  if (strings.length > 0) {
    parts.push(`(json_type(json, ?) = 'text' AND json_extract(json, ?) IN (${list(strings)}))`);
    params.push(path, path, ...strings);
  }
  if (numbers.length > 0) {
    parts.push(`(json_type(json, ?) IN ('integer', 'real') AND json_extract(json, ?) IN (${list(numbers)}))`);
    params.push(path, path, ...numbers);
  }
  if (booleans.length > 0) {
    parts.push(`json_type(json, ?) IN (${list(booleans.map(String))})`);
    params.push(path, ...booleans.map(String));
  }
  if (values.includes(null)) {
    parts.push('json_extract(json, ?) IS NULL');
    params.push(path);
  }
  // An empty array matches nothing, as `[].some(...)` does in the memory store.
  return parts.length === 0 ? '0' : `(${parts.join(' OR ')})`;
}

/**
 * Translate {@link ListOptions} into SQL over the records table. Field names are validated by
 * `normalisePaging` (top-level identifiers only); filter paths and values are bound parameters, and the
 * validated `orderBy` identifier is the only name written into the SQL text.
 *
 * @example
 * ```ts
 * const query = buildListQuery('sessions', { where: { status: ['running', 'paused'] }, orderBy: 'createdAt', limit: 20 });
 * db.prepare(query.pageSql).pluck().all(...query.params, query.limit, query.offset);
 * ```
 */
export function buildListQuery(collection: string, options: ListOptions = {}): ListQuery {
  const { limit, offset } = normalisePaging(options);
  const params: Array<string | number | null> = [collection];
  const conditions = ['collection = ?'];
  for (const [field, wanted] of Object.entries(options.where ?? {})) {
    conditions.push(fieldCondition(`$.${field}`, wanted as FilterValue | readonly FilterValue[], params));
  }
  const direction = options.order === 'desc' ? 'DESC' : 'ASC';
  let order = `id ${direction}`;
  if (options.orderBy !== undefined) {
    // The field name has passed normalisePaging's identifier check, so it is safe inside a literal path.
    order = `json_extract(json, '$.${options.orderBy}') ${direction}, ${order}`;
  }
  const where = conditions.join(' AND ');
  return {
    countSql: `SELECT count(*) FROM ${RECORDS_TABLE} WHERE ${where}`,
    pageSql: `SELECT json FROM ${RECORDS_TABLE} WHERE ${where} ORDER BY ${order} LIMIT ? OFFSET ?`,
    params,
    limit,
    offset,
  };
}
