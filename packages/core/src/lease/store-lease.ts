import type { Clock } from '../clock/clock';
import { VajraError } from '../errors/vajra-error';
import type { Store, StoreTransaction } from '../store/store';

/**
 * The collection that holds the lease records.
 * @example
 * ```ts
 * const leases = await store.collection(LEASES_COLLECTION).list();
 * ```
 */
export const LEASES_COLLECTION = 'vajra_leases';

/**
 * A held lease: the fencing token grows by one each time the lease changes hands.
 *
 * @example
 * ```ts
 * // the kernel's work lease, taken over by `ins_b` after `ins_a` stopped renewing it
 * const grant: LeaseGrant = {
 *   name: 'kernel:work',
 *   holder: 'ins_b',
 *   token: 8,
 *   expiresAt: Date.parse('2026-12-02T10:00:07.000Z'),
 *   previous: { holder: 'ins_a', expiresAt: Date.parse('2026-12-02T10:00:03.000Z') },
 * };
 * ```
 */
export interface LeaseGrant {
  name: string;
  holder: string;
  token: number;
  /** Until when (ms since the epoch, the holder's clock) the lease is held unless renewed. */
  expiresAt: number;
  /** The instance that held it before this one took it over, and when its lease ran out (`null`: none, or renewed). */
  previous: { holder: string; expiresAt: number } | null;
}

interface LeaseRecord {
  holder: string;
  token: number;
  expiresAt: number;
}

/**
 * A named lease kept in the store, with a fencing token. `acquire` takes it when it is free or has run out,
 * and renews it for its holder; `check`, inside a store transaction, proves the token is still the current
 * one — the fence that keeps a holder that lost the lease (paused, partitioned) from writing after another
 * instance took over. On PostgreSQL the transactions are SERIALIZABLE, so a takeover and a fenced write
 * never both succeed against the old token.
 *
 * @example
 * ```ts
 * const lease = createStoreLease({ store, clock, name: 'kernel' });
 * const grant = await lease.acquire('ins_a', 3000);
 * if (grant) await store.transaction(async (tx) => { if (await lease.check(tx, grant)) await tx.collection('x').put('k', 1); });
 * ```
 */
export function createStoreLease({ store, clock, name }: { store: Store; clock: Clock; name: string }) {
  return {
    name,
    /** Take or renew the lease for `holder` for `ttlMs`; `null` while another instance holds it. */
    async acquire(holder: string, ttlMs: number): Promise<LeaseGrant | null> {
      return store.transaction(async (tx) => {
        const leases = tx.collection<LeaseRecord>(LEASES_COLLECTION);
        const current = await leases.get(name);
        const now = clock.now();
        if (current !== undefined && current.holder !== holder && current.expiresAt > now) return null;
        const kept = current !== undefined && current.holder === holder;
        const record: LeaseRecord = { holder, token: kept ? current.token : (current?.token ?? 0) + 1, expiresAt: now + ttlMs };
        await leases.put(name, record);
        const previous = current === undefined || kept ? null : { holder: current.holder, expiresAt: current.expiresAt };
        return { name, ...record, previous };
      });
    },
    /** True when `grant` is still the lease's current holder and token, read inside `tx`. */
    async check(tx: StoreTransaction, grant: LeaseGrant): Promise<boolean> {
      const current = await tx.collection<LeaseRecord>(LEASES_COLLECTION).get(name);
      return current !== undefined && current.holder === grant.holder && current.token === grant.token;
    },
    /** Give the lease up at once (so another instance takes over without waiting for it to run out). */
    async release(grant: LeaseGrant): Promise<void> {
      await store.transaction(async (tx) => {
        const leases = tx.collection<LeaseRecord>(LEASES_COLLECTION);
        const current = await leases.get(name);
        if (current?.holder === grant.holder && current.token === grant.token) await leases.put(name, { ...current, expiresAt: Math.min(current.expiresAt, clock.now()) });
      });
    },
  };
}

/** A store lease as made by {@link createStoreLease}. */
export type StoreLease = ReturnType<typeof createStoreLease>;

/** The error of a fenced write whose lease moved to another instance. */
export const leaseLost = (name: string): VajraError => new VajraError('LEASE_LOST', `This instance no longer holds the "${name}" lease; another instance took the work over`, { status: 409 });
