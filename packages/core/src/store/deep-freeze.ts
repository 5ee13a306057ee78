/**
 * Freeze `value` and every object and array in it (for values `JSON.parse` made: own keys only matter).
 * Stores use it for the shared values their `listStored` hands out.
 *
 * @example
 * ```ts
 * const value = deepFreeze(JSON.parse('{"tags":["om"]}'));
 * Object.isFrozen(value.tags); // true
 * ```
 */
export function deepFreeze<T>(value: T): T {
  if (typeof value === 'object' && value !== null && !Object.isFrozen(value)) {
    for (const key in value) deepFreeze((value as Record<string, unknown>)[key]);
    Object.freeze(value);
  }
  return value;
}
