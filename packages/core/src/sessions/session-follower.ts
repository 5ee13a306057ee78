import type { StoreTransaction } from '../store/store';
import type { Session } from './session';

/**
 * What changes state together with a session (the kernel's attached prayer wheels). A transition hands
 * its own write to `follow`, which runs it (it returns the session as stored) and stores the followers'
 * changes in the same transaction, then calls `announce` (the session's event) before announcing its own
 * changes. Internal to the kernel.
 */
export interface SessionFollower {
  follow(write: (tx: StoreTransaction) => Promise<Session>, announce: () => void): Promise<void>;
}
