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

/**
 * The records a store lists, parsed once per stored version: `read` gives a fresh copy of what
 * `JSON.parse(text)` gives, parsing only when the record's stored text differs from the one it parsed
 * last. Copying a parsed record takes a fraction of parsing it again, and every read still gets its own
 * value (mutating it changes neither the store nor the next read).
 */
export interface ParsedRecords {
  read(collection: string, id: string, text: string): unknown;
}

/** Create an empty {@link ParsedRecords} holding at most `limit` records. */
export function createParsedRecords(limit = PARSED_RECORDS_LIMIT): ParsedRecords {
  const collections = new Map<string, Map<string, { text: string; value: unknown }>>();
  let size = 0;
  return {
    read(collection, id, text) {
      let records = collections.get(collection);
      const known = records?.get(id);
      // The same text is the same record: what was parsed from it is still right, however old the entry.
      if (known?.text === text) return copyParsed(known.value);
      const value: unknown = JSON.parse(text);
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
      records.set(id, { text, value });
      return copyParsed(value);
    },
  };
}
