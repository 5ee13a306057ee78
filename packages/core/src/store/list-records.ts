import { VajraError } from '../errors/vajra-error';
import { PAGE_DEFAULT, PAGE_MAX, type FilterValue, type ListOptions, type ListResult } from './store';

/**
 * Validated paging of a {@link ListOptions}; shared by every store backend.
 * @example
 * ```ts
 * const { limit, offset } = normalisePaging({ limit: 20, offset: 40 });
 * ```
 */
export function normalisePaging(options: ListOptions = {}): { limit: number; offset: number } {
  const limit = options.limit ?? PAGE_DEFAULT;
  const offset = options.offset ?? 0;
  if (!Number.isInteger(limit) || limit < 1 || limit > PAGE_MAX) {
    throw new VajraError('VALIDATION_FAILED', `limit must be an integer from 1 to ${PAGE_MAX}`, { status: 422 });
  }
  if (!Number.isInteger(offset) || offset < 0) {
    throw new VajraError('VALIDATION_FAILED', 'offset must be a non-negative integer', { status: 422 });
  }
  if (options.orderBy !== undefined && !/^[A-Za-z_][A-Za-z0-9_]*$/.test(options.orderBy)) {
    throw new VajraError('VALIDATION_FAILED', 'orderBy must be a top-level field name', { status: 422 });
  }
  for (const field of Object.keys(options.where ?? {})) {
    if (!/^[A-Za-z_][A-Za-z0-9_]*$/.test(field)) {
      throw new VajraError('VALIDATION_FAILED', `filter field "${field}" is not a top-level field name`, { status: 422 });
    }
  }
  return { limit, offset };
}

const matches = (value: unknown, wanted: FilterValue | readonly FilterValue[]): boolean => (Array.isArray(wanted) ? wanted.some((w) => (value ?? null) === w) : (value ?? null) === wanted);

const compare = (left: unknown, right: unknown): number => {
  // A missing field orders like null, as in SQL.
  const a = left ?? null;
  const b = right ?? null;
  if (a === b) return 0;
  if (a === null) return -1;
  if (b === null) return 1;
  return (a as number | string) < (b as number | string) ? -1 : 1;
};

/**
 * Filter, order and page in-memory `[id, record]` entries by {@link ListOptions}; the page holds the
 * selected entries themselves.
 *
 * @example
 * ```ts
 * listEntries([...map.entries()], { where: { status: 'running' }, limit: 10 });
 * ```
 */
export function listEntries<T>(entries: Array<[string, T]>, options: ListOptions = {}): ListResult<[string, T]> {
  const { limit, offset } = normalisePaging(options);
  const where = Object.entries(options.where ?? {});
  const field = options.orderBy;
  const sign = options.order === 'desc' ? -1 : 1;
  const selected = entries.filter(([, record]) => where.every(([key, wanted]) => matches((record as Record<string, unknown>)[key], wanted)));
  selected.sort(([idA, a], [idB, b]) => {
    const byField = field === undefined ? 0 : compare((a as Record<string, unknown>)[field], (b as Record<string, unknown>)[field]);
    return sign * (byField !== 0 ? byField : compare(idA, idB));
  });
  return { items: selected.slice(offset, offset + limit), total: selected.length, limit, offset };
}
