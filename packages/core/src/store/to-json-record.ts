import { VajraError } from '../errors/vajra-error';

/** Nesting the walk of {@link toJsonRecord} checks itself; a deeper value (or a cycle) is left to the replacer. */
const WALK_DEPTH = 64;

/** Refuse `inner` when JSON cannot hold it faithfully (JSON.stringify would drop it, write null or throw). */
function checkMember(inner: unknown): void {
  if (typeof inner === 'bigint') throw new VajraError('STORE_INVALID_VALUE', 'bigint values must be stored as decimal strings');
  if (typeof inner === 'number' && !Number.isFinite(inner)) throw new VajraError('STORE_INVALID_VALUE', 'non-finite numbers cannot be stored');
  if (typeof inner === 'function' || typeof inner === 'symbol') throw new VajraError('STORE_INVALID_VALUE', 'functions and symbols cannot be stored');
}

/**
 * Check every member JSON.stringify would write from `value` (own enumerable properties, array items).
 * False when the walk cannot tell what it would write: an object with a `toJSON` method (stringify writes
 * what that returns) or nesting deeper than {@link WALK_DEPTH} (perhaps a cycle).
 */
function walked(value: object, depth: number): boolean {
  if (depth > WALK_DEPTH || typeof (value as { toJSON?: unknown }).toJSON === 'function') return false;
  if (Array.isArray(value)) {
    for (const inner of value as unknown[]) if (!storable(inner, depth)) return false;
    return true;
  }
  // for…in with an own-property check: the keys JSON.stringify writes, without the array Object.values makes.
  for (const key in value) if (Object.hasOwn(value, key) && !storable((value as Record<string, unknown>)[key], depth)) return false;
  return true;
}

/** Check one member of a value at `depth` and walk into it; false as {@link walked}. */
function storable(inner: unknown, depth: number): boolean {
  checkMember(inner);
  return typeof inner !== 'object' || inner === null || walked(inner, depth + 1);
}

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
  // A plain record is checked by a walk and written by JSON.stringify alone: a replacer would be called back
  // from the serialiser for every member, which costs more than the serialisation itself.
  if (walked(value, 0)) return JSON.stringify(value);
  return JSON.stringify(value, (_key, inner: unknown) => {
    checkMember(inner);
    return inner;
  });
}
