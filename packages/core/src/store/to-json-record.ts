import { VajraError } from '../errors/vajra-error';

/**
 * Serialise a record to JSON text, refusing values JSON cannot hold faithfully (undefined root,
 * bigint, functions, non-finite numbers).
 *
 * @example
 * ```ts
 * const text = toJsonRecord({ count: '12' }); // '{"count":"12"}'
 * ```
 */
export function toJsonRecord(value: unknown): string {
  if (value === undefined || typeof value !== 'object' || value === null) {
    throw new VajraError('STORE_INVALID_VALUE', 'A stored record must be a JSON object', { status: 422 });
  }
  return JSON.stringify(value, (_key, inner: unknown) => {
    if (typeof inner === 'bigint') throw new VajraError('STORE_INVALID_VALUE', 'bigint values must be stored as decimal strings');
    if (typeof inner === 'number' && !Number.isFinite(inner)) throw new VajraError('STORE_INVALID_VALUE', 'non-finite numbers cannot be stored');
    if (typeof inner === 'function' || typeof inner === 'symbol') throw new VajraError('STORE_INVALID_VALUE', 'functions and symbols cannot be stored');
    return inner;
  });
}
