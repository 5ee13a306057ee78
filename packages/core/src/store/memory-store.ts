import { VajraError } from '../errors/vajra-error';
import { createAsyncMutex } from './async-mutex';
import { deepFreeze } from './deep-freeze';
import { listEntries } from './list-records';
import type { Collection, ListOptions, ListResult, Store, StoreTransaction } from './store';
import { toJsonRecord } from './to-json-record';

/** One stored version of a record: its text, and the value parsed from it (deeply frozen) once something listed it. */
interface Entry {
  readonly text: string;
  value?: unknown;
}
type Tables = Map<string, Map<string, Entry>>;

/** The frozen value of `entry`, parsed on first use. */
const snapshot = (entry: Entry): unknown => {
  if (!('value' in entry)) entry.value = deepFreeze(JSON.parse(entry.text));
  return entry.value;
};

/**
 * An in-memory {@link Store} with the same semantics as the durable ones (JSON values, atomic
 * isolated transactions). For tests, scripts and the browser. Each record's text is parsed once per
 * stored version for listing: filters and order read that frozen value, `list` parses only the page it
 * returns (every read gets its own value), and `listStored` hands out the text and frozen value as they are.
 *
 * @example
 * ```ts
 * const vajra = createVajra({ store: createMemoryStore() });
 * ```
 */
export function createMemoryStore(): Store {
  const tables: Tables = new Map();
  const mutex = createAsyncMutex();
  let closed = false;

  const table = (name: string): Map<string, Entry> => {
    let rows = tables.get(name);
    if (rows === undefined) {
      rows = new Map();
      tables.set(name, rows);
    }
    return rows;
  };
  const assertOpen = (): void => {
    if (closed) throw new VajraError('STORE_CLOSED', 'The store is closed', { status: 503 });
  };
  /** The page of `name` that `options` selects, as stored entries. */
  const select = (name: string, options: ListOptions | undefined): ListResult<[string, Entry]> => {
    const rows = table(name);
    const entries: [string, unknown][] = [];
    for (const [id, entry] of rows) entries.push([id, snapshot(entry)]);
    const page = listEntries(entries, options);
    return { ...page, items: page.items.map(([id]): [string, Entry] => [id, rows.get(id)!]) };
  };

  /** Collection operations; `journal` records the first prior entry of each key touched in a transaction. */
  const makeCollection = <T>(name: string, journal?: Map<string, Entry | undefined>): Collection<T> => {
    const remember = (id: string): void => {
      const key = `${name}\u0000${id}`;
      if (journal !== undefined && !journal.has(key)) journal.set(key, table(name).get(id));
    };
    return {
      async get(id) {
        assertOpen();
        const entry = table(name).get(id);
        return entry === undefined ? undefined : (JSON.parse(entry.text) as T);
      },
      async put(id, value) {
        assertOpen();
        const text = toJsonRecord(value);
        remember(id);
        table(name).set(id, { text });
      },
      async delete(id) {
        assertOpen();
        remember(id);
        return table(name).delete(id);
      },
      async list(options?: ListOptions) {
        assertOpen();
        const page = select(name, options);
        return { ...page, items: page.items.map(([, entry]) => JSON.parse(entry.text) as T) };
      },
      async listStored(options?: ListOptions) {
        assertOpen();
        const page = select(name, options);
        return { ...page, items: page.items.map(([, entry]) => ({ json: entry.text, value: entry.value as T })) };
      },
    };
  };

  const exclusive = <T>(collection: Collection<T>): Collection<T> => ({
    get: (id) => mutex.run(() => collection.get(id)),
    put: (id, value) => mutex.run(() => collection.put(id, value)),
    delete: (id) => mutex.run(() => collection.delete(id)),
    list: (options) => mutex.run(() => collection.list(options)),
    listStored: (options) => mutex.run(() => collection.listStored!(options)),
  });

  return {
    kind: 'memory',
    collection: <T>(name: string) => exclusive(makeCollection<T>(name)),
    transaction: (work) =>
      mutex.run(async () => {
        assertOpen();
        const journal = new Map<string, Entry | undefined>();
        const tx: StoreTransaction = { collection: <T>(name: string) => makeCollection<T>(name, journal) };
        try {
          return await work(tx);
        } catch (error) {
          for (const [key, previous] of journal) {
            const [name, id] = key.split('\u0000') as [string, string];
            if (previous === undefined) table(name).delete(id);
            else table(name).set(id, previous);
          }
          throw error;
        }
      }),
    ready: async () => !closed,
    close: async () => {
      closed = true;
    },
  };
}
