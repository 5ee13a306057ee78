/**
 * States of an {@link FdLease}'s word (`state[0]`), changed only with `Atomics`:
 * `free` — the lessee may write; `writing` — it is writing now; `revoking` — the owner asked for the fd back
 * during a write, and the lessee sets `revoked` (and notifies) when that write ends; `revoked` — for good.
 *
 * @example
 * ```ts
 * // In the writing thread, around every write on the leased fd:
 * if (Atomics.compareExchange(state, 0, FdLeaseStates.free, FdLeaseStates.writing) !== FdLeaseStates.free) return; // revoked
 * writeSync(fd, bytes);
 * if (Atomics.compareExchange(state, 0, FdLeaseStates.writing, FdLeaseStates.free) !== FdLeaseStates.writing) {
 *   Atomics.store(state, 0, FdLeaseStates.revoked);
 *   Atomics.notify(state, 0);
 * }
 * ```
 */
export const FdLeaseStates = { revoked: 0, free: 1, writing: 2, revoking: 3 } as const;

/**
 * The file descriptor of an open serial port, lent to another thread (a DMX refresh worker) for writing
 * with `fs.writeSync`. The lessee writes only while it holds the lease word (`free` → `writing` → `free`,
 * see {@link FdLeaseStates}); the port revokes the lease, and waits until a write in progress has ended,
 * before it closes the fd — so the lessee never writes to a closed fd, or to a reused one that another
 * open got.
 *
 * @example
 * ```ts
 * const lease = createFdLease(fd);
 * worker.postMessage({ fd: lease.fd, state: lease.state });
 * // … later, before closing the port:
 * await lease.revoke();
 * closeSync(fd);
 * ```
 */
export interface FdLease {
  readonly fd: number;
  /** One Int32 on a SharedArrayBuffer: the lease word, for the lessee's thread. */
  readonly state: Int32Array;
  /** Takes the fd back; resolves once no write on it is in progress, nor can start. Idempotent. */
  revoke(): Promise<void>;
  /** Marks the lease revoked without waiting: for a lessee thread that died (it writes no more). */
  abandon(): void;
  /** Settles once the lease is revoked for good (by `revoke` or `abandon`): no write on the fd follows it. */
  readonly revoked: Promise<void>;
}

/** `Atomics.waitAsync` (Node 16+), which the ES2022 library this package compiles against does not declare. */
type AtomicsWithWaitAsync = typeof Atomics & {
  waitAsync(array: Int32Array, index: number, value: number): { async: false; value: string } | { async: true; value: Promise<string> };
};

/**
 * Lease `fd` out (the lease starts `free`).
 *
 * @example
 * ```ts
 * const lease = createFdLease(port.fd);
 * ```
 */
export function createFdLease(fd: number): FdLease {
  const state = new Int32Array(new SharedArrayBuffer(Int32Array.BYTES_PER_ELEMENT));
  Atomics.store(state, 0, FdLeaseStates.free);
  let markRevoked = (): void => undefined;
  const revoked = new Promise<void>((resolve) => {
    markRevoked = resolve;
  });
  const abandon = (): void => {
    Atomics.store(state, 0, FdLeaseStates.revoked);
    Atomics.notify(state, 0);
    markRevoked();
  };
  return {
    fd,
    state,
    abandon,
    revoked,
    async revoke() {
      for (;;) {
        const seen = Atomics.compareExchange(state, 0, FdLeaseStates.free, FdLeaseStates.revoked);
        if (seen === FdLeaseStates.free || seen === FdLeaseStates.revoked) return markRevoked();
        // A write is in progress: ask the lessee to hand the fd back when it ends, and wait for that.
        if (seen === FdLeaseStates.writing) Atomics.compareExchange(state, 0, FdLeaseStates.writing, FdLeaseStates.revoking);
        const waited = (Atomics as AtomicsWithWaitAsync).waitAsync(state, 0, FdLeaseStates.revoking);
        if (waited.async) await waited.value;
      }
    },
  };
}
