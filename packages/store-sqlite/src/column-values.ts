import { types } from 'node:util';
import { COLUMN_FIELDS } from './migrations';

/** A UTF-16 surrogate without its pair: JSON.stringify escapes it, and the bytes SQLite decodes the escape to are not UTF-8; whether they equal what the binding writes for it is not relied upon. */
const LONE_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;

const fields = [...COLUMN_FIELDS.keys()];

/**
 * The values of the column fields ({@link COLUMN_FIELDS}, in its order) that SQLite derives from the text
 * `JSON.stringify(value)`: the top-level member when that text holds it as a JSON string, NULL otherwise;
 * computed from the value itself, without parsing the text. `undefined` when the value alone cannot tell
 * for certain, and the store then lets SQLite derive them from the text: a proxy, an object that is not
 * plain (an array, a boxed primitive, a class instance), one with `toJSON`, a field that is an accessor
 * or an object, a string with a lone surrogate.
 *
 * @example
 * ```ts
 * columnValues({ owner: 'user_42', sessionId: null }); // ['user_42', null]
 * columnValues({ owner: 42 }); // [null, null]
 * ```
 */
export function columnValues(value: object): Array<string | null> | undefined {
  if (types.isProxy(value)) return undefined;
  const prototype: unknown = Object.getPrototypeOf(value);
  if ((prototype !== Object.prototype && prototype !== null) || typeof (value as { toJSON?: unknown }).toJSON === 'function') return undefined;
  const values: Array<string | null> = [];
  for (const field of fields) {
    const descriptor = Object.getOwnPropertyDescriptor(value, field);
    // JSON.stringify writes own enumerable data members only.
    if (descriptor === undefined || !descriptor.enumerable) {
      values.push(null);
      continue;
    }
    if (!('value' in descriptor)) return undefined;
    const member: unknown = descriptor.value;
    if (typeof member === 'string') {
      if (LONE_SURROGATE.test(member)) return undefined;
      values.push(member);
    } else if (typeof member === 'object' && member !== null) {
      return undefined;
    } else {
      values.push(null); // null, a number or a boolean (JSON types other than text), or undefined (not written)
    }
  }
  return values;
}
