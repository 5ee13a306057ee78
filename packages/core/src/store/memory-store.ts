import { VajraError } from '../errors/vajra-error';
import { createAsyncMutex } from './async-mutex';
import { listRecords } from './list-records';
import type { Collection, ListOptions, Store, StoreTransaction } from './store';
import { toJsonRecord } from './to-json-record';

type Tables = Map<string, Map<string, string>>;

/**
 * An in-memory {@link Store} with the same semantics as the durable ones (JSON values, atomic
 * isolated transactions). For tests, scripts and the browser.
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

  const table = (name: string): Map<string, string> => {
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

  /** Collection operations; `journal` records the first prior value of each key touched in a transaction. */
  const makeCollection = <T>(name: string, journal?: Map<string, string | undefined>): Collection<T> => {
    const remember = (id: string): void => {
      const key = `${name}\u0000${id}`;
      if (journal !== undefined && !journal.has(key)) journal.set(key, table(name).get(id));
    };
    return {
      async get(id) {
        assertOpen();
        const text = table(name).get(id);
        return text === undefined ? undefined : (JSON.parse(text) as T);
      },
      async put(id, value) {
        assertOpen();
        const text = toJsonRecord(value);
        remember(id);
        table(name).set(id, text);
      },
      async delete(id) {
        assertOpen();
        remember(id);
        return table(name).delete(id);
      },
      async list(options?: ListOptions) {
        assertOpen();
        const entries = [...table(name).entries()].map(([id, text]): [string, T] => [id, JSON.parse(text) as T]);
        return listRecords(entries, options);
      },
    };
  };

  const exclusive = <T>(collection: Collection<T>): Collection<T> => ({
    get: (id) => mutex.run(() => collection.get(id)),
    put: (id, value) => mutex.run(() => collection.put(id, value)),
    delete: (id) => mutex.run(() => collection.delete(id)),
    list: (options) => mutex.run(() => collection.list(options)),
  });

  return {
    kind: 'memory',
    collection: <T>(name: string) => exclusive(makeCollection<T>(name)),
    transaction: (work) =>
      mutex.run(async () => {
        assertOpen();
        const journal = new Map<string, string | undefined>();
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
