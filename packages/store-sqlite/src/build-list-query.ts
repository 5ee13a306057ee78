import { normalisePaging, type FilterValue, type ListOptions } from '@vajra-stream/core';
import { COLUMN_FIELDS, RECORDS_TABLE } from './migrations';

/** SQL and parameters of one {@link Collection.list} call. */
export interface ListQuery {
  /** Counts every record matching the filter. */
  countSql: string;
  /**
   * Selects the `id` and `json` of one page of matching records plus one (whether more follow). Its parameters are
   * `params` then the offset. The limit is written into the SQL: SQLite 3.53 lets a bound LIMIT shape the
   * plan, so rebinding one would make it compile the statement again at every call.
   */
  pageSql: string;
  /** Parameters of `countSql`. */
  params: Array<string | number | null>;
  limit: number;
  offset: number;
}

type Scalar = string | number | boolean | null;

/** The values of one filter as the SQL binds them: strings, then numbers, then distinct booleans; `null` binds nothing. */
export interface FilterValues {
  field: string;
  strings: string[];
  numbers: number[];
  booleans: boolean[];
  withNull: boolean;
}

function filterValues(field: string, wanted: Scalar | readonly Scalar[]): FilterValues {
  const values: readonly Scalar[] = Array.isArray(wanted) ? wanted : [wanted as Scalar];
  const filter: FilterValues = { field, strings: [], numbers: [], booleans: [], withNull: false };
  for (const value of values) {
    if (typeof value === 'string') filter.strings.push(value);
    else if (typeof value === 'number') filter.numbers.push(value);
    else if (typeof value === 'boolean') {
      if (!filter.booleans.includes(value)) filter.booleans.push(value);
    } else if (value === null) filter.withNull = true;
  }
  return filter;
}

/**
 * The condition on one top-level field. It matches exactly what the memory store matches: a JSON
 * string only equals a string, a number only a number, `true`/`false` only booleans, and `null` a
 * missing or null field. Arrays become `IN` lists, grouped by JSON type. `field` has passed
 * `normalisePaging`'s identifier check, so it is safe inside a literal JSON path; literal paths let SQLite
 * parse each record once per statement. The `owner` and `sessionId` fields are read from their columns
 * (migrations 2 and 3), which hold the field exactly when it is a JSON string. The text depends only on
 * how many values of each type the filter has (its parameters are bound in {@link filterValues}' order).
 */
function fieldCondition({ field, strings, numbers, booleans, withNull }: FilterValues): string {
  const path = `'$.${field}'`;
  const column = COLUMN_FIELDS.get(field)?.column;
  const parts: string[] = [];
  const list = (items: readonly unknown[]): string => items.map(() => '?').join(', ');
  if (strings.length > 0) {
    parts.push(column === undefined ? `(json_type(json, ${path}) = 'text' AND json_extract(json, ${path}) IN (${list(strings)}))` : `${column} IN (${list(strings)})`);
  }
  if (numbers.length > 0) parts.push(`(json_type(json, ${path}) IN ('integer', 'real') AND json_extract(json, ${path}) IN (${list(numbers)}))`);
  if (booleans.length > 0) parts.push(`json_type(json, ${path}) IN (${list(booleans)})`);
  if (withNull) {
    // A string is never null in its column: only the other records need their JSON read.
    parts.push(column === undefined ? `json_extract(json, ${path}) IS NULL` : `(${column} IS NULL AND json_extract(json, ${path}) IS NULL)`);
  }
  // An empty array matches nothing, as `[].some(...)` does in the memory store.
  return parts.length === 0 ? '0' : `(${parts.join(' OR ')})`;
}

/**
 * What a {@link Collection.list} call binds, and the key of its SQL text: calls whose `shape` is equal run
 * the same statements (only the parameters differ), so a store can prepare each shape once and skip writing
 * the SQL again. Field names are checked by `normalisePaging` (top-level identifiers only).
 *
 * @example
 * ```ts
 * const { shape, params, offset } = listShape('wheels', { where: { sessionId: 'ses_1' }, limit: 200 });
 * // shape: '200 ASC  sessionId:1:0:0:0'; params: ['wheels', 'ses_1']
 * ```
 */
export function listShape(collection: string, options: ListOptions = {}): Omit<ListQuery, 'countSql' | 'pageSql'> & { shape: string; filters: FilterValues[] } {
  const { limit, offset } = normalisePaging(options);
  const params: Array<string | number | null> = [collection];
  const filters: FilterValues[] = [];
  let shape = `${limit} ${options.order === 'desc' ? 'DESC' : 'ASC'} ${options.orderBy ?? ''}`;
  for (const field in options.where) {
    if (!Object.hasOwn(options.where, field)) continue;
    const filter = filterValues(field, options.where[field] as FilterValue | readonly FilterValue[]);
    filters.push(filter);
    for (const value of filter.strings) params.push(value);
    for (const value of filter.numbers) params.push(value);
    for (const value of filter.booleans) params.push(String(value));
    shape += ` ${field}:${filter.strings.length}:${filter.numbers.length}:${filter.booleans.length}:${filter.withNull ? 1 : 0}`;
  }
  return { shape, params, filters, limit, offset };
}

/**
 * Translate {@link ListOptions} into SQL over the records table. Field names are validated by
 * `normalisePaging` (top-level identifiers only) and written into the SQL as literal JSON paths; filter
 * values are bound parameters. The SQL text depends only on the shape of the options (fields, value types
 * and counts, order), so the store prepares each shape once.
 *
 * @example
 * ```ts
 * const query = buildListQuery('sessions', { where: { status: ['running', 'paused'] }, orderBy: 'createdAt', limit: 20 });
 * db.prepare(query.pageSql).raw().all(...query.params, query.offset); // [id, json] rows
 * ```
 */
export function buildListQuery(collection: string, options: ListOptions = {}): ListQuery {
  const { params, filters, limit, offset } = listShape(collection, options);
  let where = 'collection = ?';
  let index: string | undefined;
  let matchesNothing = false;
  for (const filter of filters) {
    const condition = fieldCondition(filter);
    where += ` AND ${condition}`;
    const indexed = COLUMN_FIELDS.get(filter.field)?.index;
    const stringsOnly = filter.strings.length > 0 && filter.numbers.length === 0 && filter.booleans.length === 0 && !filter.withNull;
    if (index === undefined && indexed !== undefined && stringsOnly) index = indexed;
    if (condition === '0') matchesNothing = true;
  }
  // Without statistics SQLite prefers walking the primary key in id order to a column's partial index; a filter
  // of strings only on such a column is exactly what its index holds, so the query is told to read it (the
  // first such filter's) instead of the whole collection. A filter that matches nothing is folded away by
  // SQLite, which leaves no index to use.
  const source = index !== undefined && !matchesNothing ? `${RECORDS_TABLE} INDEXED BY ${index}` : RECORDS_TABLE;
  const direction = options.order === 'desc' ? 'DESC' : 'ASC';
  let order = `id ${direction}`;
  if (options.orderBy !== undefined) {
    // The field name has passed normalisePaging's identifier check, so it is safe inside a literal path.
    order = `json_extract(json, '$.${options.orderBy}') ${direction}, ${order}`;
  }
  return {
    countSql: `SELECT count(*) FROM ${source} WHERE ${where}`,
    pageSql: `SELECT id, json FROM ${source} WHERE ${where} ORDER BY ${order} LIMIT ${limit + 1} OFFSET ?`,
    params,
    limit,
    offset,
  };
}
