import { deepFreeze, type StoredRecord } from '@vajra-stream/core';

/** How many parsed records a store keeps; past it, the cache starts over (a bound, not a working set). */
const PARSED_RECORDS_LIMIT = 2000;

/** A deep copy of a value JSON.parse made: plain objects (own keys in the same order, `__proto__` kept as a key), arrays, primitives. */
function copyParsed(value: unknown): unknown {
  if (typeof value !== 'object' || value === null) return value;
  if (Array.isArray(value)) return value.map(copyParsed);
  const copy: Record<string, unknown> = {};
  for (const key in value) {
    const inner = copyParsed((value as Record<string, unknown>)[key]);
    // JSON.parse makes "__proto__" an own key; assigning it would set the copy's prototype instead.
    if (key === '__proto__') Object.defineProperty(copy, key, { value: inner, enumerable: true, writable: true, configurable: true });
    else copy[key] = inner;
  }
  return copy;
}

/** One parsed version: the stored text it came from, and the record as `listStored` gives it. */
interface Parsed {
  text: string;
  record: StoredRecord<unknown>;
}

/**
 * The records a store lists, parsed once per stored version: `read` gives a fresh copy of what
 * `JSON.parse(text)` gives, parsing only when the record's stored text differs from the one it parsed
 * last. Copying a parsed record takes a fraction of parsing it again, and every read still gets its own
 * value (mutating it changes neither the store nor the next read). `stored` gives the parsed value
 * itself (deeply frozen, shared) with `JSON.stringify` of it — the stored text, unless another writer
 * stored a text JSON.stringify would not give (spacing, key order).
 */
export interface ParsedRecords {
  read(collection: string, id: string, text: string): unknown;
  stored(collection: string, id: string, text: string): StoredRecord<unknown>;
}

/** Create an empty {@link ParsedRecords} holding at most `limit` records. */
export function createParsedRecords(limit = PARSED_RECORDS_LIMIT): ParsedRecords {
  const collections = new Map<string, Map<string, Parsed>>();
  let size = 0;
  const parse = (collection: string, id: string, text: string): StoredRecord<unknown> => {
    let records = collections.get(collection);
    const known = records?.get(id);
    // The same text is the same record: what was parsed from it is still right, however old the entry.
    if (known?.text === text) return known.record;
    const value: unknown = deepFreeze(JSON.parse(text));
    const json = JSON.stringify(value);
    if (known === undefined) {
      if (size >= limit) {
        collections.clear();
        size = 0;
      }
      size += 1;
    }
    records = collections.get(collection);
    if (records === undefined) {
      records = new Map();
      collections.set(collection, records);
    }
    const record = { json: json === text ? text : json, value };
    records.set(id, { text, record });
    return record;
  };
  return {
    read: (collection, id, text) => copyParsed(parse(collection, id, text).value),
    stored: parse,
  };
}
