import { describe, expect, it } from 'vitest';
import { createFdLease, FdLeaseStates } from './fd-lease';

/** Whether `promise` has settled once every callback queued so far has run. */
const settled = async (promise: Promise<unknown>): Promise<boolean> => {
  let done = false;
  void promise.then(() => {
    done = true;
  });
  await new Promise((resolve) => setImmediate(resolve));
  return done;
};

describe('an fd lease', () => {
  it('says it is revoked only once revoke has taken the fd back, after a write in progress ends', async () => {
    const lease = createFdLease(42);
    expect(await settled(lease.revoked)).toBe(false);
    // The lessee is writing: revoke asks for the fd back and waits.
    Atomics.store(lease.state, 0, FdLeaseStates.writing);
    const revoking = lease.revoke();
    expect(await settled(lease.revoked)).toBe(false);
    expect(Atomics.load(lease.state, 0)).toBe(FdLeaseStates.revoking);
    // The write ends: the lessee hands the fd back as the protocol says.
    Atomics.store(lease.state, 0, FdLeaseStates.revoked);
    Atomics.notify(lease.state, 0);
    await revoking;
    expect(await settled(lease.revoked)).toBe(true);
  });

  it('says it is revoked when abandoned (the lessee thread died)', async () => {
    const lease = createFdLease(42);
    lease.abandon();
    expect(await settled(lease.revoked)).toBe(true);
    expect(Atomics.load(lease.state, 0)).toBe(FdLeaseStates.revoked);
  });
});
