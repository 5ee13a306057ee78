/** A least-recently-used cache bounded by the total size of its keys and values. */
export interface ByteCache<V> {
  get(key: string): V | undefined;
  set(key: string, value: V, bytes: number): void;
  stats(): { entries: number; bytes: number; hits: number; misses: number };
}

/**
 * An LRU cache holding at most `maxBytes` (keys count at two bytes per character). Entries larger than
 * a quarter of the budget are not kept.
 *
 * @example
 * ```ts
 * const cache = createByteCache<string>(1 << 20);
 * cache.set('flower', svg, svg.length * 2);
 * ```
 */
export function createByteCache<V>(maxBytes: number): ByteCache<V> {
  const entries = new Map<string, { value: V; bytes: number }>();
  let total = 0;
  let hits = 0;
  let misses = 0;
  return {
    get(key) {
      const entry = entries.get(key);
      if (entry === undefined) {
        misses++;
        return undefined;
      }
      hits++;
      entries.delete(key);
      entries.set(key, entry);
      return entry.value;
    },
    set(key, value, bytes) {
      const size = bytes + key.length * 2;
      if (size > maxBytes / 4) return;
      const previous = entries.get(key);
      if (previous !== undefined) {
        total -= previous.bytes;
        entries.delete(key);
      }
      entries.set(key, { value, bytes: size });
      total += size;
      for (const [oldest, entry] of entries) {
        if (total <= maxBytes) break;
        entries.delete(oldest);
        total -= entry.bytes;
      }
    },
    stats: () => ({ entries: entries.size, bytes: total, hits, misses }),
  };
}
