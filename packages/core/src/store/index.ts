export type { Store, Collection, StoreTransaction, ListOptions, ListResult, FilterValue, StoredRecord } from './store';
export { PAGE_DEFAULT, PAGE_MAX } from './store';
export { createMemoryStore } from './memory-store';
export { createAsyncMutex, type AsyncMutex } from './async-mutex';
export { normalisePaging } from './list-records';
export { toJsonRecord } from './to-json-record';
export { deepFreeze } from './deep-freeze';
