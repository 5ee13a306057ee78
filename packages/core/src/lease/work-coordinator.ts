import type { Clock, TimerHandle } from '../clock/clock';
import type { Logger } from '../logger/logger';
import type { StoreTransaction } from '../store/store';
import { leaseLost, type LeaseGrant, type StoreLease } from './store-lease';

/**
 * How the work lease of a kernel is doing, for `/ready` and dashboards.
 *
 * @example
 * ```ts
 * const health: WorkHealth = vajra.work.health();
 * // { mode: 'lease', holder: true, token: 7, acquisitions: 1, renewedAt: '2026-12-02T10:00:03.000Z', checkedAt: '2026-12-02T10:00:03.004Z', error: null }
 * ```
 */
export interface WorkHealth {
  /** `solo`: no other instance (no bus), this kernel does all work; `lease`: one instance of a deployment does it. */
  mode: 'solo' | 'lease';
  /** True while this instance runs the deployment's once-only work. */
  holder: boolean;
  /** The fencing token of the lease this instance holds (`null`: none). */
  token: number | null;
  /** Times this instance took the lease over. */
  acquisitions: number;
  /** When the lease was last taken or renewed by this instance (ISO), or `null`. */
  renewedAt: string | null;
  /** When this instance last finished an attempt to take or renew the lease (ISO), or `null`. */
  checkedAt: string | null;
  /** The last failure to reach the lease (a store error), cleared by the next success. */
  error: string | null;
}

interface CoordinatorOptions {
  /** The lease, or `undefined` for a kernel alone in its deployment. */
  lease: StoreLease | undefined;
  instanceId: string;
  clock: Clock;
  logger: Logger;
  leaseMs: number;
  renewMs: number;
  /** Start the once-only work (recover timers, take playback over). */
  acquired(grant: LeaseGrant | null): Promise<void>;
  /** Stop the once-only work at once (another instance has it, or is about to). */
  lost(): Promise<void>;
}

/**
 * Holds (or waits for) the kernel's work lease: tries to take it every `renewMs`, renews it while held, and
 * calls `acquired`/`lost` as it changes hands. A holder that cannot renew for a whole lease period gives
 * the work up; its late writes are refused anyway by the fence. Internal to the kernel.
 */
export function createWorkCoordinator(options: CoordinatorOptions) {
  const { lease, clock, logger } = options;
  const listeners = new Set<(holder: boolean) => void>();
  const state = {
    holder: false,
    grant: undefined as LeaseGrant | undefined,
    renewedAt: null as number | null,
    acquisitions: 0,
    error: null as string | null,
    busy: false,
    stopped: false,
    checkedAt: null as number | null,
  };
  let timer: TimerHandle | undefined;

  const notify = (): void => {
    for (const listener of [...listeners]) {
      try {
        listener(state.holder);
      } catch (error) {
        logger.error('work lease listener failed', { error: error instanceof Error ? error.message : String(error) });
      }
    }
  };

  const lose = async (): Promise<void> => {
    if (!state.holder) return;
    state.holder = false;
    state.grant = undefined;
    logger.warn('work lease lost: this instance stops its once-only work');
    notify();
    await options.lost();
  };

  const attempt = async (): Promise<void> => {
    if (lease === undefined || state.busy || state.stopped) return;
    state.busy = true;
    let taken: LeaseGrant | undefined;
    try {
      const grant = await lease.acquire(options.instanceId, options.leaseMs);
      state.error = null;
      if (grant === null) return void (await lose());
      state.renewedAt = clock.now();
      state.grant = grant;
      if (!state.holder && !state.stopped) {
        state.holder = true;
        state.acquisitions += 1;
        taken = grant;
      }
    } catch (error) {
      state.error = error instanceof Error ? error.message : String(error);
      if (state.holder && (state.renewedAt === null || clock.now() - state.renewedAt >= options.leaseMs)) await lose();
    } finally {
      state.busy = false;
      state.checkedAt = clock.now();
    }
    // Outside the busy section, so renewals go on while a long recovery runs.
    if (taken !== undefined) {
      logger.info('work lease acquired', { token: taken.token, previous: taken.previous?.holder ?? null });
      await options.acquired(taken);
      notify();
    }
  };

  return {
    async start(): Promise<void> {
      if (lease === undefined) {
        state.holder = true;
        await options.acquired(null);
        return;
      }
      await attempt();
      timer = clock.setInterval(() => void attempt(), options.renewMs);
    },
    isHolder: () => state.holder,
    /** Inside a store transaction: throw `LEASE_LOST` unless this instance still holds the lease. */
    async fence(tx: StoreTransaction): Promise<void> {
      if (lease === undefined) return;
      const grant = state.grant;
      if (!state.holder || grant === undefined || !(await lease.check(tx, grant))) throw leaseLost(lease.name);
    },
    /** A fenced write failed: the lease is gone, stop the work now rather than at the next renewal. */
    async fenceFailed(): Promise<void> {
      await lose();
    },
    onChange(listener: (holder: boolean) => void): () => void {
      listeners.add(listener);
      return () => void listeners.delete(listener);
    },
    health(): WorkHealth {
      return {
        mode: lease === undefined ? 'solo' : 'lease',
        holder: state.holder,
        token: state.grant?.token ?? null,
        acquisitions: state.acquisitions,
        renewedAt: state.renewedAt === null ? null : new Date(state.renewedAt).toISOString(),
        checkedAt: state.checkedAt === null ? null : new Date(state.checkedAt).toISOString(),
        error: state.error,
      };
    },
    /** Stop trying; release the lease if held so another instance takes over at once. */
    async stop(): Promise<void> {
      state.stopped = true;
      clock.clearInterval(timer);
      timer = undefined;
      const grant = state.grant;
      state.holder = false;
      state.grant = undefined;
      if (lease !== undefined && grant !== undefined) await lease.release(grant).catch(() => undefined);
    },
  };
}

/** The coordinator of a kernel, as made by {@link createWorkCoordinator}. */
export type WorkCoordinator = ReturnType<typeof createWorkCoordinator>;
