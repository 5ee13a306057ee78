import type { Store } from '../store/store';

/**
 * The subset of a test runner the store contract needs (vitest, jest and node:test fit).
 *
 * @example
 * ```ts
 * import { afterEach, describe, it } from 'node:test';
 * const runner: ContractRunner = { describe, it, afterEach };
 * runStoreContract(runner, 'my store', async () => createMyStore());
 * ```
 */
export interface ContractRunner {
  describe(name: string, body: () => void): void;
  it(name: string, body: () => Promise<void>): void;
  afterEach(body: () => Promise<void> | void): void;
}

/** Throws when the condition does not hold; the contract uses no assertion library. */
function check(condition: boolean, message: string): asserts condition {
  if (!condition) throw new Error(`store contract: ${message}`);
}

const equalJson = (a: unknown, b: unknown): boolean => JSON.stringify(a) === JSON.stringify(b);

/**
 * The behaviour every {@link Store} must have. Run it against your own backend to prove it fits the kernel.
 *
 * @example
 * ```ts
 * import { describe, it, afterEach } from 'vitest';
 * import { runStoreContract } from '@vajra-stream/core/testing';
 * runStoreContract({ describe, it, afterEach }, 'my store', async () => createMyStore());
 * ```
 */
export function runStoreContract(runner: ContractRunner, name: string, open: () => Promise<Store>): void {
  const { describe, it, afterEach } = runner;
  describe(`store contract: ${name}`, () => {
    let current: Store | undefined;
    const fresh = async (): Promise<Store> => {
      current = await open();
      return current;
    };
    afterEach(async () => {
      await current?.close();
      current = undefined;
    });

    it('puts, gets, overwrites and deletes JSON records', async () => {
      const store = await fresh();
      const things = store.collection<{ n: number; tags: string[]; nested: { ok: boolean } }>('things');
      check((await things.get('a')) === undefined, 'missing id reads undefined');
      await things.put('a', { n: 1, tags: ['x'], nested: { ok: true } });
      check(equalJson(await things.get('a'), { n: 1, tags: ['x'], nested: { ok: true } }), 'record reads back');
      await things.put('a', { n: 2, tags: [], nested: { ok: false } });
      check((await things.get('a'))?.n === 2, 'put overwrites');
      check((await things.delete('a')) === true, 'delete reports true for an existing record');
      check((await things.delete('a')) === false, 'delete reports false for a missing record');
      check((await things.get('a')) === undefined, 'deleted record is gone');
    });

    it('returns copies, not live references', async () => {
      const store = await fresh();
      const things = store.collection<{ list: number[] }>('things');
      const value = { list: [1] };
      await things.put('a', value);
      value.list.push(2);
      const read = await things.get('a');
      check(equalJson(read, { list: [1] }), 'a later mutation of the input does not leak into the store');
      read?.list.push(3);
      check(equalJson(await things.get('a'), { list: [1] }), 'a mutation of a read value does not leak into the store');
    });

    it('keeps collections apart', async () => {
      const store = await fresh();
      await store.collection('one').put('x', { v: 1 });
      check((await store.collection('two').get('x')) === undefined, 'same id in another collection is separate');
      check((await store.collection('two').list()).total === 0, 'other collection stays empty');
    });

    it('refuses values JSON cannot hold', async () => {
      const store = await fresh();
      const things = store.collection<unknown>('things');
      for (const bad of [{ n: Number.NaN }, { n: 10n }, 'text', null]) {
        let code: unknown;
        try {
          await things.put('bad', bad);
        } catch (error) {
          code = (error as { code?: unknown }).code;
        }
        check(code === 'STORE_INVALID_VALUE', `refuses ${String(typeof bad)} value with STORE_INVALID_VALUE`);
      }
      check((await things.get('bad')) === undefined, 'nothing was stored');
    });

    it('lists with equality filters, ordering and pagination', async () => {
      const store = await fresh();
      const rows = store.collection<{ status: string; rank: number; owner: string | null }>('rows');
      for (let i = 0; i < 25; i += 1) {
        await rows.put(`r${String(i).padStart(2, '0')}`, { status: i % 3 === 0 ? 'running' : 'stopped', rank: 100 - i, owner: i % 2 === 0 ? 'alice' : null });
      }
      const all = await rows.list({ limit: 10 });
      check(all.total === 25 && all.items.length === 10 && all.limit === 10 && all.offset === 0, 'first page of 10 of 25');
      const last = await rows.list({ limit: 10, offset: 20 });
      check(last.items.length === 5, 'last page holds the remainder');
      check(last.items[0]?.rank === 80, 'default order is by id');
      const running = await rows.list({ where: { status: 'running' } });
      check(running.total === 9 && running.items.every((r) => r.status === 'running'), 'filter by a string field');
      const both = await rows.list({ where: { status: 'running', owner: 'alice' } });
      check(both.total === 5, 'filters combine with AND');
      const unowned = await rows.list({ where: { owner: null } });
      check(unowned.total === 12, 'filter on null');
      const anyOf = await rows.list({ where: { rank: [100, 99, 1] } });
      check(anyOf.total === 2, 'array filter matches any member');
      const byRank = await rows.list({ orderBy: 'rank', order: 'asc', limit: 3 });
      check(
        equalJson(
          byRank.items.map((r) => r.rank),
          [76, 77, 78],
        ),
        'orderBy a numeric field',
      );
      const desc = await rows.list({ order: 'desc', limit: 1 });
      check(desc.items[0]?.rank === 76, 'descending by id');
      let code: unknown;
      try {
        await rows.list({ limit: 0 });
      } catch (error) {
        code = (error as { code?: unknown }).code;
      }
      check(code === 'VALIDATION_FAILED', 'a bad page size is a VALIDATION_FAILED error');
    });

    it('commits a transaction atomically', async () => {
      const store = await fresh();
      await store.transaction(async (tx) => {
        await tx.collection('a').put('1', { v: 1 });
        await tx.collection('b').put('2', { v: 2 });
        check(equalJson(await tx.collection('a').get('1'), { v: 1 }), 'a transaction reads its own writes');
      });
      check(equalJson(await store.collection('a').get('1'), { v: 1 }), 'first write committed');
      check(equalJson(await store.collection('b').get('2'), { v: 2 }), 'second write committed');
    });

    it('rolls a failed transaction back completely', async () => {
      const store = await fresh();
      await store.collection('a').put('keep', { v: 'old' });
      let thrown: unknown;
      try {
        await store.transaction(async (tx) => {
          await tx.collection('a').put('keep', { v: 'new' });
          await tx.collection('a').put('added', { v: 1 });
          await tx.collection('a').delete('keep');
          throw new Error('boom');
        });
      } catch (error) {
        thrown = error;
      }
      check(thrown instanceof Error && thrown.message === 'boom', 'the error reaches the caller');
      check(equalJson(await store.collection('a').get('keep'), { v: 'old' }), 'overwritten then deleted record restored');
      check((await store.collection('a').get('added')) === undefined, 'added record removed');
    });

    it('isolates a transaction from concurrent operations', async () => {
      const store = await fresh();
      const counter = store.collection<{ n: number }>('counter');
      await counter.put('c', { n: 0 });
      await Promise.all(
        Array.from({ length: 20 }, () =>
          store.transaction(async (tx) => {
            const c = tx.collection<{ n: number }>('counter');
            const value = (await c.get('c'))?.n ?? 0;
            await new Promise((resolve) => setTimeout(resolve, 1));
            await c.put('c', { n: value + 1 });
          }),
        ),
      );
      check((await counter.get('c'))?.n === 20, 'no lost update across 20 concurrent read-modify-write transactions');
    });

    it('lists stored records as list does, each as its JSON text and a frozen value (when it offers listStored)', async () => {
      const store = await fresh();
      const rows = store.collection<{ rank: number; owner: string | null; tags: string[]; meta: Record<string, unknown> }>('stored');
      if (rows.listStored === undefined) return; // optional
      for (let i = 0; i < 12; i += 1) await rows.put(`r${String(i).padStart(2, '0')}`, { rank: i % 5, owner: i % 3 === 0 ? null : 'alice', tags: [`t${i}`], meta: { b: 1, 2: 'b', a: -0 } });
      await rows.put('r03', { rank: 4, owner: 'bob', tags: ['changed'], meta: {} });
      const pages: Parameters<typeof rows.list>[0][] = [
        undefined,
        { where: { owner: null }, order: 'desc' },
        { where: { owner: ['alice', 'bob'] }, orderBy: 'rank', order: 'asc', limit: 4, offset: 2 },
      ];
      for (const options of pages) {
        const listed = await rows.list(options);
        const stored = await rows.listStored(options);
        const label = JSON.stringify(options ?? {});
        check(equalJson({ ...stored, items: [] }, { ...listed, items: [] }), `${label}: the same total, limit and offset`);
        check(stored.items.length === listed.items.length, `${label}: the same number of items`);
        stored.items.forEach((record, i) => {
          check(record.json === JSON.stringify(listed.items[i]), `${label}: item ${i} is the text JSON.stringify gives of the listed record`);
          check(record.json === JSON.stringify(record.value), `${label}: item ${i}'s text is its value's`);
          check(Object.isFrozen(record.value) && Object.isFrozen(record.value.tags) && Object.isFrozen(record.value.meta), `${label}: item ${i}'s value is frozen all the way down`);
        });
      }
      const before = (await rows.listStored({ where: { owner: 'bob' } })).items;
      check(before.length === 1 && before[0]!.value.tags[0] === 'changed', 'an overwritten record is listed as its last version');
      await rows.put('r03', { rank: 1, owner: 'bob', tags: ['again'], meta: {} });
      check((await rows.listStored({ where: { owner: 'bob' } })).items[0]?.json === JSON.stringify({ rank: 1, owner: 'bob', tags: ['again'], meta: {} }), 'a later put is listed at once');
      try {
        await store.transaction(async (tx) => {
          const inside = tx.collection<{ rank: number; owner: string | null; tags: string[]; meta: Record<string, unknown> }>('stored');
          await inside.put('r03', { rank: 2, owner: 'bob', tags: ['rolled back'], meta: {} });
          check((await inside.listStored?.({ where: { owner: 'bob' } }))?.items[0]?.value.tags[0] === 'rolled back', 'a transaction lists its own writes');
          throw new Error('roll back');
        });
      } catch {
        // rolled back
      }
      check((await rows.listStored({ where: { owner: 'bob' } })).items[0]?.value.tags[0] === 'again', 'a rolled-back write is not listed');
    });

    it('reports ready until closed, then refuses work', async () => {
      const store = await fresh();
      check((await store.ready()) === true, 'ready while open');
      await store.close();
      check((await store.ready()) === false, 'not ready after close');
      let code: unknown;
      try {
        await store.collection('a').get('x');
      } catch (error) {
        code = (error as { code?: unknown }).code;
      }
      check(code === 'STORE_CLOSED', 'a closed store answers STORE_CLOSED');
      current = undefined;
    });
  });
}
