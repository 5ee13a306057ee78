import type { StoreTransaction } from '../store/store';
import type { Session } from './session';

/**
 * What changes state together with a session (the kernel's attached prayer wheels). A transition hands
 * its own write to `follow`, which stores it and the followers' changes in one transaction, then calls
 * `announce` (the session's event) before announcing its own changes. Internal to the kernel.
 */
export interface SessionFollower {
  follow(session: Session, write: (tx: StoreTransaction) => Promise<void>, announce: () => void): Promise<void>;
}
