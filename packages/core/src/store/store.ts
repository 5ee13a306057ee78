/**
 * A value a filter can compare a top-level field with.
 *
 * @example
 * ```ts
 * const owner: FilterValue = null; // records without an owner
 * const { items } = await store.collection<Session>('sessions').list({ where: { owner, prayerBowlMode: true } });
 * ```
 */
export type FilterValue = string | number | boolean | null;

/**
 * Options of {@link Collection.list}.
 *
 * @example
 * ```ts
 * const page = await store.collection<Session>('sessions').list({
 *   where: { status: ['running', 'paused'], owner: null },
 *   orderBy: 'createdAt',
 *   order: 'desc',
 *   limit: 20,
 *   offset: 40,
 * });
 * ```
 */
export interface ListOptions {
  /** Equality on top-level fields; an array value matches any of its members. */
  where?: Record<string, FilterValue | readonly FilterValue[]>;
  /** Top-level field to order by; the record key by default (ids are time-ordered). */
  orderBy?: string;
  order?: 'asc' | 'desc';
  /** Page size, 1–1000, default 50. */
  limit?: number;
  offset?: number;
}

/**
 * One page of a listing.
 *
 * @example
 * ```ts
 * const page: ListResult<Session> = await vajra.sessions.list({ limit: 20 });
 * console.log(`${page.items.length} of ${page.total}`);
 * const next = page.offset + page.limit < page.total ? await vajra.sessions.list({ limit: 20, offset: page.offset + page.limit }) : undefined;
 * ```
 */
export interface ListResult<T> {
  items: T[];
  /** How many records match the filter in all. */
  total: number;
  limit: number;
  offset: number;
}

/**
 * A named set of JSON records keyed by string id.
 *
 * @example
 * ```ts
 * const notes = store.collection<{ text: string }>('notes');
 * await notes.put('n1', { text: 'om' });
 * const page = await notes.list({ limit: 10 });
 * ```
 */
export interface Collection<T> {
  get(id: string): Promise<T | undefined>;
  put(id: string, value: T): Promise<void>;
  delete(id: string): Promise<boolean>;
  list(options?: ListOptions): Promise<ListResult<T>>;
  /**
   * Optional: the same page as {@link Collection.list}, each record as the store holds it — its JSON
   * text and its value, shared and frozen (a store that offers it keeps both per stored version, so a
   * listing polled again costs neither a parse nor a copy). For readers that only serialise or inspect.
   */
  listStored?(options?: ListOptions): Promise<ListResult<StoredRecord<T>>>;
}

/**
 * A record as a store holds it (see {@link Collection.listStored}): `json` is exactly
 * `JSON.stringify(value)`, and `value` is deeply frozen and shared by every reader of this version.
 *
 * @example
 * ```ts
 * const page = await store.collection<{ text: string }>('notes').listStored?.({ limit: 10 });
 * const body = page === undefined ? undefined : `[${page.items.map((record: StoredRecord<{ text: string }>) => record.json).join(',')}]`;
 * ```
 */
export interface StoredRecord<T> {
  readonly json: string;
  readonly value: T;
}

/**
 * The view of a store inside {@link Store.transaction}.
 *
 * @example
 * ```ts
 * // move a record between collections: both writes happen or neither
 * await store.transaction(async (tx: StoreTransaction) => {
 *   const note = await tx.collection<{ text: string }>('drafts').get('n1');
 *   if (note === undefined) return;
 *   await tx.collection<{ text: string }>('notes').put('n1', note);
 *   await tx.collection('drafts').delete('n1');
 * });
 * ```
 */
export interface StoreTransaction {
  collection<T>(name: string): Collection<T>;
}

/**
 * Durable storage behind the kernel. Values are JSON; `transaction` is atomic (all or nothing) and
 * isolated from other operations on the same store. Inside the work function use only `tx`: an operation
 * on the store itself waits for the transaction to end, so awaiting one there never finishes.
 *
 * @example
 * ```ts
 * await store.transaction(async (tx) => {
 *   await tx.collection('wheels').put(a.id, a);
 *   await tx.collection('wheels').put(b.id, b);
 * });
 * ```
 */
export interface Store {
  /** A short name of the backend (`memory`, `sqlite`, …). */
  readonly kind: string;
  collection<T>(name: string): Collection<T>;
  transaction<R>(work: (tx: StoreTransaction) => Promise<R>): Promise<R>;
  /** True while the store can serve requests. */
  ready(): Promise<boolean>;
  close(): Promise<void>;
}

/**
 * Default page size of {@link Collection.list}.
 * @example
 * ```ts
 * const { items } = await store.collection('sessions').list({ limit: PAGE_DEFAULT });
 * ```
 */
export const PAGE_DEFAULT = 50;
/**
 * Largest page size {@link Collection.list} accepts.
 * @example
 * ```ts
 * const { items } = await store.collection('sessions').list({ limit: PAGE_MAX });
 * ```
 */
export const PAGE_MAX = 1000;
